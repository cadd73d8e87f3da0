"""``nianbao annotate PATH [PATH ...] [-o OUT.jsonl]``"""
from __future__ import annotations

import sys
from pathlib import Path

from ..engine import Engine
from ..errors import InputError
from ..outputs import jsonl_writer
from ..read import TEXT_SUFFIXES, read_path

HELP = "annotate report files or directories (searched recursively) into JSON Lines records"


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", help="report files or directories")
    p.add_argument("-o", "--output", help="write records here (default: standard output)")
    p.add_argument("--model", help="paragraph classifier to use (default: the shipped model)")


def expand(paths) -> list:
    """Files named, and the readable files under directories named, in a stable order."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
        else:
            out.append(p)
    return out


def run(args) -> int:
    engine = Engine(args.model)
    failed = 0
    with jsonl_writer(args.output) as write:
        for path in expand(args.paths):
            try:
                record = engine.annotate(read_path(path))
            except InputError as exc:
                failed += 1
                print(f"nianbao: {exc}", file=sys.stderr)
                continue
            write(record.to_dict())
    return 1 if failed else 0
