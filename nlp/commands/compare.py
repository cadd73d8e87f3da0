"""``nianbao compare RECORDS.jsonl [--to findings.csv|findings.jsonl] [--all] [--cutoff 90]``

A thin layer over :mod:`nlp.compare`: pairs each agency's reports of consecutive years and
prints (and exports) what the later report says about the earlier year that does not agree.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from itertools import groupby
from pathlib import Path

from ..compare import AGENCY_CUTOFF, FINDING_COLUMNS, compare_records
from ..errors import InputError
from ..outputs import load_records, writing
from ..vocabulary import plain_number

HELP = ("year over year: pair each agency's records of consecutive years and check that this year's "
        "上年结转 equals last year's 结转下年度 and that the 现行有效件数 carry on")
FORMATS = (".csv", ".jsonl")


def add_arguments(p) -> None:
    p.add_argument("records", help="JSON Lines records written by `nianbao annotate`")
    p.add_argument("--to", metavar="OUT", help=f"also write every finding here ({', '.join(FORMATS)})")
    p.add_argument("--all", action="store_true", help="print the comparisons that pass as well")
    p.add_argument("--cutoff", type=float, default=AGENCY_CUTOFF,
                   help=f"lowest agency-name score (0-100) that pairs two reports (default {AGENCY_CUTOFF:g})")


def run(args) -> int:
    if args.to and Path(args.to).suffix.lower() not in FORMATS:
        raise InputError(f"cannot write findings as {Path(args.to).suffix or '(no suffix)'!r}; "
                         f"formats: {', '.join(FORMATS)}", source=args.to)
    records = load_records(args.records)
    findings = compare_records(records, args.cutoff)
    for line in report_lines(findings, show_pass=args.all):
        print(line)
    if args.to:
        with writing(args.to):
            write_findings(findings, Path(args.to))
    print(summary(records, findings) + (f"; written to {args.to}" if args.to else ""))
    return 0


def report_lines(findings, show_pass: bool = False):
    """A heading per pair of reports, then its findings (those that did not pass, unless show_pass)."""
    for (last, this), group in groupby(findings, key=lambda f: (f.last_source, f.source)):
        group = list(group)
        first = group[0]
        counts = Counter(f.status for f in group)
        yield (f"{first.last_agency} {first.last_year} → {first.agency} {first.year} "
               f"(agency score {first.agency_score:g}): " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
        for f in group:
            if show_pass or f.status != "pass":
                yield f"  {f.status:<15} {f.rule:<15} {f.message}"


def summary(records, findings) -> str:
    pairs = len({(f.last_source, f.source) for f in findings})
    counts = Counter(f.status for f in findings)
    return (f"{len(records)} records, {pairs} pairs of consecutive years, {len(findings)} comparisons: "
            f"{counts['pass']} pass, {counts['fail']} fail, {counts['not_assessable']} not assessable")


def write_findings(findings, out: Path) -> None:
    if out.suffix.lower() == ".jsonl":
        with open(out, "w", encoding="utf-8") as f:
            for finding in findings:
                f.write(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n")
        return
    with open(out, "w", encoding="utf-8-sig", newline="") as f:  # the BOM lets Excel show Chinese
        writer = csv.writer(f)
        writer.writerow(FINDING_COLUMNS)
        for finding in findings:
            writer.writerow([_cell(plain_number(v)) for v in finding.to_dict().values()])


def _cell(value):
    """Text that a spreadsheet would take for a formula, quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
