"""``nianbao export RECORDS.jsonl --to out.xlsx|out.csv|out.parquet|labelstudio.json [--labels zh]``

A thin layer over :mod:`nlp.exports`; ``labelstudio.json`` writes Label Studio tasks (:mod:`nlp.review`).
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..exports import FORMATS, LABELS, export, sibling, tables
from ..review import export_labelstudio
from ..review.labelstudio import config_path, is_labelstudio_target

HELP = ("export annotation records to a spreadsheet for auditors: one row per report with every "
        "canonical cell, plus findings, facts, paragraphs and errors")


def add_arguments(p) -> None:
    p.add_argument("records", help="JSON Lines records written by `nianbao annotate`")
    p.add_argument("--to", required=True, metavar="OUT",
                   help=f"output file, format by suffix ({', '.join(FORMATS)}); csv and parquet "
                        f"write the other tables beside it (OUT.findings.csv, …); labelstudio.json "
                        f"(a .json named labelstudio): Label Studio tasks with pre-annotations, and "
                        f"their labeling config beside them (labelstudio.config.xml)")
    p.add_argument("--labels", choices=LABELS, default="id",
                   help="column headers: canonical field ids (default) or Chinese labels (zh)")


def run(args) -> int:
    if is_labelstudio_target(args.to):
        counts = export_labelstudio(args.records, args.to)
        written = ", ".join(f"{n} {name}" for name, n in counts.items())
        print(f"nianbao: wrote {args.to} and {config_path(args.to)}: {written}", file=sys.stderr)
        return 0
    counts = export(args.records, args.to, labels=args.labels)
    written = ", ".join(f"{n} {name}" for name, n in counts.items())
    out = Path(args.to)
    files = [out] if out.suffix.lower() == ".xlsx" else [sibling(out, t) for t in tables()]
    where = ", ".join(map(str, files))
    print(f"nianbao: wrote {where}: {written}", file=sys.stderr)
    return 0
