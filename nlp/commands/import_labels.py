"""``nianbao import-labels EXPORT.json|EXPORT.jsonl -o data/labelled/reviewed.jsonl``

A thin layer over :mod:`nlp.review`: reads a Label Studio JSON export (``.json``, of tasks
written by ``nianbao export --to labelstudio.json``) or a doccano JSONL export (``.jsonl``) and
merges the reviewed paragraphs into a labelled-data file that ``nianbao train`` reads.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..labelled import read_rows, write_rows
from ..review import import_labels, merge

HELP = ("read corrected labels from a Label Studio (.json) or doccano (.jsonl) export into a "
        "labelled-data file for `nianbao train` (a corrected paragraph replaces its old row)")


def add_arguments(p) -> None:
    p.add_argument("export", help="Label Studio JSON export (.json) or doccano JSONL export (.jsonl)")
    p.add_argument("-o", "--output", required=True, metavar="ROWS.jsonl",
                   help="labelled-data file to write or update (rows as in data/labelled)")


def run(args) -> int:
    rows, skipped = import_labels(args.export)
    out = Path(args.output)
    merged, counts = merge(read_rows(out, missing_ok=True), rows)
    write_rows(merged, out)
    note = f" ({skipped} tasks without an annotation skipped)" if skipped else ""
    print(f"nianbao: {len(rows)} reviewed paragraphs from {args.export}{note}; {out}: "
          f"{counts['new']} new, {counts['replaced']} corrected, {counts['unchanged']} unchanged, "
          f"{len(merged)} rows", file=sys.stderr)
    return 0
