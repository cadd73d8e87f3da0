"""``nianbao report RECORDS.jsonl|REPORT -o audit.html [--source TEXT] [--model MODEL]``

A thin layer over :mod:`nlp.audit_report`: one self-contained HTML page per report, from
records already written (the report's text is read again for context when its source file
is still there and unchanged) or from a report file annotated on the spot.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..audit_report import render
from ..errors import InputError
from ..exports import LABELS
from ..read import read_path
from ..outputs import load_records, writing
from ..record import ErrorRecord

HELP = ("write an audit page (self-contained HTML) per report: the tables as the template prints them, "
        "blank cells and failed checks marked, the evidence of every cell and fact, paragraph labels")


def add_arguments(p) -> None:
    p.add_argument("input", help="records (.jsonl, written by `nianbao annotate`) or one report file to annotate")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="the page (OUT.html) for one report, or a directory for one page per record")
    p.add_argument("--source", metavar="TEXT", help="only the records whose source contains TEXT")
    p.add_argument("--model", help="paragraph classifier for a report file (default: the shipped model)")
    p.add_argument("--labels", choices=LABELS, default="id",
                   help="the checks' messages and statuses in English (id, the default) or Chinese (zh)")


def run(args) -> int:
    pages = list(_pages(args))
    out = Path(args.output)
    if not pages:
        raise InputError("no annotated report to show" + (f" whose source contains {args.source!r}" if args.source else ""),
                         source=args.input)
    if out.suffix.lower() in (".html", ".htm"):
        if len(pages) > 1:
            raise InputError(f"holds {len(pages)} reports; give -o a directory for one page each, "
                             "or --source to pick one", source=args.input)
        targets = [out]
    else:
        with writing(out):
            out.mkdir(parents=True, exist_ok=True)
        targets = page_names(out, [record.source for record, _ in pages])
    for (record, text), target in zip(pages, targets):
        with writing(target):
            target.write_text(render(record, text, args.labels), encoding="utf-8")
    where = targets[0] if len(targets) == 1 else f"{out}/ ({len(targets)} pages)"
    print(f"nianbao: wrote {where}", file=sys.stderr)
    return 0


def _pages(args):
    """(record, report text or None) for every report to show."""
    if Path(args.input).suffix.lower() == ".jsonl":
        for record in load_records(args.input):
            if isinstance(record, ErrorRecord) or (args.source and args.source not in record.source):
                continue
            yield record, _text_of(record.source)
        return
    from ..engine import Engine

    doc = read_path(args.input)
    yield Engine(args.model).annotate(doc), doc.text


def _text_of(source: str):
    """The text of a record's source file, if it is still there and readable."""
    if not Path(source).is_file():
        return None
    try:
        return read_path(source).text
    except InputError:
        return None


def page_names(directory: Path, sources) -> list:
    """One file name per source, from its stem, numbered when two stems are the same.

    >>> [p.name for p in page_names(Path("out"), ["a/x.txt", "b/x.txt", "y.pdf"])]
    ['x.html', 'x-2.html', 'y.html']
    """
    seen, names = {}, []
    for source in sources:
        stem = Path(source).stem or "report"
        seen[stem] = seen.get(stem, 0) + 1
        names.append(directory / (f"{stem}.html" if seen[stem] == 1 else f"{stem}-{seen[stem]}.html"))
    return names
