"""Write labelled paragraph rows from gold records: data/labelled/gold.jsonl (the shared
gold's paragraphs, the held-out evaluation set of the shipped model: never trained on) or
data/labelled/first_look.jsonl (the paragraphs of a first-look batch once it has been run
and become development data: trained on).

    .venv/bin/python -m training.make_gold [data/gold] [-o data/labelled/gold.jsonl]
    .venv/bin/python -m training.make_gold data/heldout/2026-12-07/gold --how first_look \\
        --skip h012_xinrong-weitiju-2021-traditional -o data/labelled/first_look.jsonl

(h012 is the report of the unseen check's u04 from another mirror: it stays out of training.)
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def gold_rows(gold_dir: Path, how: str = "gold", skip=()) -> list:
    """One row per paragraph of every usable gold record (but those named in ``skip``);
    ``source`` is the record's path (as given, relative to the repository) and the
    paragraph's offsets."""
    rows = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("unusable") or path.stem in skip:
            continue
        for p in record.get("paragraphs", []):
            rows.append({"text": p["text"], "labels": sorted(p.get("labels", [])), "section": p.get("section"),
                         "source": f"{Path(gold_dir).as_posix()}/{path.name}#{p['start']}-{p['end']}", "how": how,
                         "checked": True})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default="data/gold")
    ap.add_argument("-o", "--output", default="data/labelled/gold.jsonl")
    ap.add_argument("--how", default="gold", help="the rows' `how` (gold: held out; first_look: development data)")
    ap.add_argument("--skip", nargs="*", default=(), help="records (file stems) left out")
    args = ap.parse_args(argv)
    rows = gold_rows(Path(args.gold), args.how, set(args.skip))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} paragraphs -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
