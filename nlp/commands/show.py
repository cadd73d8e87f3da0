"""``nianbao show REPORT [-o report.html]``: the report rendered with displaCy, as its file
says it (the original script, every line break kept, no space put between words), with its
facts highlighted by channel and its table cells marked with the field each was read into.

The page is displaCy's entity view built by hand (``manual=True``) from the text and the
record's character offsets; no tokenizer runs, so nothing is inserted into the text.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..engine import Engine, in_original_script
from ..errors import ModelError
from ..outputs import writing
from ..read import read_path
from ..record import FACT_KINDS, Record

HELP = "render a report as HTML with its facts (and their channel) highlighted and its table cells marked"

#: One colour per channel; the label says kind and channel (``website · publication_count``).
CHANNEL_COLOURS = {
    "total": "#d9d9d9", "website": "#9ecae1", "wechat": "#a1d99b", "weibo": "#fdae6b",
    "short_video": "#fc9272", "app": "#bcbddc", "bulletin": "#fdd0a2", "new_media": "#c7e9c0",
    "other": "#e7cb94", "-": "#f7b6d2",
}
#: Table cells, labelled by their canonical field (``requests.new_received.total``).
CELL_COLOUR = "#e8eef7"


def add_arguments(p) -> None:
    p.add_argument("report", help="a report file (text, HTML, PDF, DOCX)")
    p.add_argument("-o", "--output", help="write the HTML here (default: standard output)")
    p.add_argument("--model", help="paragraph classifier to use (default: the shipped model)")


def label(fact) -> str:
    """The span label displaCy prints: channel and kind (procurement has no channel).

    >>> from nlp.record import Fact
    >>> label(Fact("publication_count", "website", None, 244, "条", "exact", "…", 0, 1))
    'website · publication_count'
    """
    return f"{fact.channel or '-'} · {fact.kind}"


def marks(facts, cells=()) -> list:
    """displaCy's entity spans, in text order. displaCy cannot overlap two spans, so spans
    that overlap (two facts in one clause, a fact read from a table cell) become one, over
    both, labelled with both labels (facts first).

    >>> from nlp.record import Cell, Fact
    >>> f = Fact("procurement_amount", None, None, 5, "元", "exact", "5万元", 3, 6)
    >>> c1, c2 = (Cell(k, 5.0, "5", s, s + 1, "", "", 0, "total") for k, s in (("a.total", 3), ("b.total", 9)))
    >>> [(m["start"], m["end"], m["label"]) for m in marks([f], [c1, c2])]
    [(3, 6, '- · procurement_amount | a.total'), (9, 10, 'b.total')]
    """
    wanted = [(f.start, f.end, 0, label(f)) for f in facts if f.end > f.start]
    wanted += [(c.start, c.end, 1, c.field) for c in cells if c.end > c.start]
    merged: list = []
    for start, end, _, name in sorted(wanted):
        if merged and start < merged[-1]["end"]:
            last = merged[-1]
            last["end"] = max(last["end"], end)
            last["names"].append(name)
        else:
            merged.append({"start": start, "end": end, "names": [name]})
    for m in merged:
        names = m.pop("names")
        m["label"] = " | ".join(sorted(dict.fromkeys(names), key=lambda n: (" · " not in n, names.index(n))))
    return merged


def render(text: str, facts, title: str = "", cells=()) -> str:
    """The whole text as one displaCy page: facts highlighted by channel, cells marked."""
    from spacy import displacy

    spans = marks(facts, cells)
    colours = {f"{ch} · {kind}".upper(): colour for ch, colour in CHANNEL_COLOURS.items() for kind in FACT_KINDS}
    for m in spans:  # a merged label takes the colour of its first part
        colours.setdefault(m["label"].upper(), colours.get(m["label"].split(" | ")[0].upper(), CELL_COLOUR))
    page = displacy.render({"text": _breaks_inside(text, spans), "ents": spans, "title": title or None},
                           style="ent", manual=True, page=True, minify=True, options={"colors": colours})
    return page.replace(_LINE_SEPARATOR, "<br>")


#: displaCy makes a line break outside a span a <br>, but not one inside (a fact wrapped
#: across PDF lines); those are held as this character and made <br> afterwards.
_LINE_SEPARATOR = "\u2028"


def _breaks_inside(text: str, spans: list) -> str:
    r"""The text with the line breaks inside ``spans`` as U+2028 (same length, same offsets).

    >>> _breaks_inside("a\nb\nc", [{"start": 2, "end": 5}])
    'a\nb\u2028c'
    """
    chars = list(text)
    for span in spans:
        for i in range(span["start"], span["end"]):
            if chars[i] == "\n":
                chars[i] = _LINE_SEPARATOR
    return "".join(chars)


def record_of(document, model=None) -> Record:
    """The report's record: from the engine; without a paragraph model, from the stages
    facts and cells need (sections, tables, facts), so that a fresh checkout can show a
    report. Offsets are in the text as the file says it (original script)."""
    try:
        engine = Engine(model)
    except ModelError as exc:
        print(f"nianbao: {exc}; showing facts and cells only", file=sys.stderr)
        return _without_model(document)
    return engine.annotate(document)


def facts_of(document, model=None) -> tuple:
    """The report's facts (kept for its callers: :func:`record_of` gives cells too)."""
    return record_of(document, model).facts


def _without_model(document) -> Record:
    from ..facts import extract_facts
    from ..meta import detect_edition, detect_year
    from ..segment import find_sections
    from ..tables import read_tables

    text = document.text
    sections = find_sections(text)
    edition = detect_edition(text, detect_year(text))
    cells = read_tables(text, sections, edition).cells if edition else ()
    record = Record(source=document.source, edition=edition, year=None, agency=None, cells=tuple(cells),
                    facts=tuple(extract_facts(text, sections, cells)))
    script = getattr(document, "script", None)
    return in_original_script(record, text, script) if script is not None else record


def original_text(document) -> str:
    """The text as the file says it: before traditional characters were made simplified."""
    script = getattr(document, "script", None)
    return script.original if script is not None else document.text


def run(args) -> int:
    document = read_path(Path(args.report))
    record = record_of(document, args.model)
    html = render(original_text(document), record.facts, title=str(args.report), cells=record.cells)
    if args.output:
        with writing(args.output):
            Path(args.output).write_text(html, encoding="utf-8")
    else:
        sys.stdout.write(html)
    return 0
