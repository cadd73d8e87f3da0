"""Write data/labelled/gold.jsonl: the labelled paragraphs of the gold records.

These rows are the held-out evaluation set of the shipped model: never trained on.

    .venv/bin/python -m training.make_gold [data/gold] [-o data/labelled/gold.jsonl]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def gold_rows(gold_dir: Path) -> list:
    rows = []
    for path in sorted(gold_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("unusable"):
            continue
        for p in record.get("paragraphs", []):
            rows.append({"text": p["text"], "labels": sorted(p.get("labels", [])), "section": p.get("section"),
                         "source": f"data/gold/{path.name}#{p['start']}-{p['end']}", "how": "gold", "checked": True})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default="data/gold")
    ap.add_argument("-o", "--output", default="data/labelled/gold.jsonl")
    args = ap.parse_args(argv)
    rows = gold_rows(Path(args.gold))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} paragraphs -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
