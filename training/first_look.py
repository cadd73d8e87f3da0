"""The first-look batch end to end, each half scored by a model that never saw it.

The batch data/heldout/2026-12-07 was run once (first_look/) and is development data since:
its paragraphs are training rows (data/labelled/first_look.jsonl). To keep a figure on it
that no training row inflates, its reports are split in two halves (odd and even numbers);
for each half a model is trained as `nianbao train` trains the shipped one (thresholds from
out-of-fold scores) on the training data without that half's reports, the half's texts are
annotated with it (`nianbao annotate --model`), and the two halves' records are scored
together with the shared scorer against the batch's gold.

    .venv/bin/python -m training.first_look [--batch data/heldout/2026-12-07-r2] [--train …] [--params JSON] [-o DIR]

Prints the scorer's figures (paragraph labels, paragraphs found; the facts are the facts
stage's, the same whatever the model). The report h012 is no training row (it is the
unseen check's u04 from another mirror), so its half's model never saw it either.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from nlp.labelled import group_of, load_rows

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "data" / "labelled"
BATCH = ROOT / "data" / "heldout" / "2026-12-07"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def half_of(name: str) -> int:
    """0 for the batch's odd-numbered reports (h001, h003, …), 1 for the even-numbered."""
    return 1 - int(re.search(r"h(\d+)_", name).group(1)) % 2


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", default=str(BATCH), help="the batch folder (corpus/, gold/); round 1 by default")
    ap.add_argument("--train", default="collected.jsonl,first_look.jsonl,first_look_r2.jsonl,first_look_r3.jsonl",
                    help="training files in data/labelled (comma-separated)")
    ap.add_argument("--params", default="{}", help="JSON parameters of the classifier (as training.compare takes them)")
    ap.add_argument("-o", "--output", help="folder for the fold models and records (default: a temporary one)")
    ap.add_argument("--scorer", default=str(SCORER), help="score.py of the shared tools")
    args = ap.parse_args(argv)
    from nlp.training import train

    out = Path(args.output or tempfile.mkdtemp(prefix="first_look_"))
    out.mkdir(parents=True, exist_ok=True)
    rows = load_rows([LABELLED / name for name in args.train.split(",")])
    batch = Path(args.batch)
    corpus = sorted(p for p in (batch / "corpus").iterdir() if p.is_file())
    records = out / "records.jsonl"
    records.write_text("", encoding="utf-8")
    for half in (0, 1):
        texts = [p for p in corpus if half_of(p.name) == half]
        stems = {p.stem for p in texts}
        kept = [r for r in rows if Path(group_of(r)).stem not in stems]
        data = out / f"train_{half}.jsonl"
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
        model = out / f"model_{half}.joblib"
        print(f"half {half}: {len(texts)} reports; training on {len(kept)} rows (left out {len(rows) - len(kept)})",
              file=sys.stderr)
        train([data], model, heldout_paths=[LABELLED / "gold.jsonl"], unseen_paths=[LABELLED / "unseen.jsonl"],
              params=json.loads(args.params), log=lambda *a: print(*a, file=sys.stderr))
        part = out / f"records_{half}.jsonl"
        subprocess.run([sys.executable, "-m", "nlp.cli", "annotate", *map(str, texts), "--model", str(model),
                        "-o", str(part), "-q", "-j", "1"], check=True, cwd=ROOT)
        with open(records, "a", encoding="utf-8") as f:
            f.write(part.read_text(encoding="utf-8"))
    result = subprocess.run([sys.executable, args.scorer, "--gold", str(batch / "gold"), str(records)],
                            check=True, capture_output=True, text=True)
    lines = [l for l in result.stdout.splitlines() if l.startswith(("label ", "SCORE", "cells "))]
    print("\n".join(lines))
    print(f"records and fold models in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
