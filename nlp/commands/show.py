"""``nianbao show REPORT [-o report.html]``: the report rendered with displaCy, its facts
highlighted with their channel."""
from __future__ import annotations

import sys
from pathlib import Path

from ..engine import Engine
from ..errors import ModelError
from ..read import read_path

HELP = "render a report as HTML with its facts (and their channel) highlighted"

#: One colour per channel; the label says kind and channel (``website · publication_count``).
CHANNEL_COLOURS = {
    "total": "#d9d9d9", "website": "#9ecae1", "wechat": "#a1d99b", "weibo": "#fdae6b",
    "short_video": "#fc9272", "app": "#bcbddc", "bulletin": "#fdd0a2", "new_media": "#c7e9c0",
    "other": "#e7cb94", "-": "#f7b6d2",
}
SPANS_KEY = "facts"


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


def render(text: str, facts, title: str = "") -> str:
    """The whole text as one displaCy page, one highlighted span per fact."""
    from spacy import displacy

    from ..facts import build_pipeline

    doc = build_pipeline().make_doc(text)
    spans = []
    for fact in facts:
        span = doc.char_span(fact.start, fact.end, label=label(fact), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPANS_KEY] = spans
    colours = {f"{ch} · {kind}": colour for ch, colour in CHANNEL_COLOURS.items()
               for kind in ("publication_count", "follower_count", "procurement_amount")}
    doc.user_data["title"] = title
    return displacy.render(doc, style="span", page=True, minify=True,
                           options={"spans_key": SPANS_KEY, "colors": colours})


def facts_of(document, model=None) -> tuple:
    """The report's facts: from the engine; without a paragraph model, from the stages
    facts need (sections, tables, facts), so that a fresh checkout can show a report."""
    try:
        engine = Engine(model)
    except ModelError as exc:
        print(f"nianbao: {exc}; showing facts only", file=sys.stderr)
        return _facts_only(document.text)
    return engine.annotate(document).facts


def _facts_only(text: str) -> tuple:
    from ..facts import extract_facts
    from ..meta import detect_edition, detect_year
    from ..segment import find_sections
    from ..tables import read_tables

    sections = find_sections(text)
    edition = detect_edition(text, detect_year(text))
    cells = read_tables(text, sections, edition).cells if edition else ()
    return tuple(extract_facts(text, sections, cells))


def run(args) -> int:
    document = read_path(Path(args.report))
    html = render(document.text, facts_of(document, args.model), title=str(args.report))
    if args.output:
        Path(args.output).write_text(html, encoding="utf-8")
    else:
        sys.stdout.write(html)
    return 0
