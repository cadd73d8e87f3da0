"""An honest score.py figure for a model that trains on the gold paragraphs too: the gold
reports are split into folds; each fold's reports are annotated by a model trained on
every other row (the collected data and the other folds' gold paragraphs), so no gold
paragraph is ever scored by a model that saw it. Writes one JSON Lines file of records
for ../shared/tools/score.py.

    python -m training.heldout_gold data/labelled/collected.jsonl -o out/heldout_gold.jsonl
    python3 ../shared/tools/score.py --gold data/gold out/heldout_gold.jsonl
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from nlp.engine import Engine
from nlp.outputs import jsonl_writer
from nlp.read import read_path

from .corpus import DATA, source_path
from .data import dedupe, group_of, load_rows
from .train import fit_pipeline, pick_thresholds, out_of_fold_scores

def gold_stem(row) -> str:
    return Path(group_of(row)).stem


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="+", help="labelled rows trained on in every fold")
    ap.add_argument("--gold", default=str(DATA / "labelled" / "gold.jsonl"))
    ap.add_argument("--folds", type=int, default=6)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)

    from nlp.paragraphs.model import DEFAULTS, LABELS, ParagraphClassifier
    from nlp.paragraphs.store import save_model

    base = dedupe(load_rows(args.data))
    gold = load_rows([args.gold], allow_synthetic=False)
    stems = sorted({gold_stem(r) for r in gold})
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    with jsonl_writer(args.output) as write, tempfile.TemporaryDirectory() as tmp:
        for k in range(args.folds):
            held = set(stems[k::args.folds])
            rows = dedupe(base + [r for r in gold if gold_stem(r) not in held])
            thresholds = pick_thresholds(rows, out_of_fold_scores(rows, 5, DEFAULTS))
            classifier = ParagraphClassifier(fit_pipeline(rows, DEFAULTS), LABELS, thresholds,
                                             {"labels": list(LABELS), "thresholds": thresholds, "params": {},
                                              "training_rows": len(rows), "metrics": {}})
            model = Path(tmp) / f"fold{k}.joblib"
            save_model(classifier, model)
            engine = Engine(model)
            for stem in sorted(held):
                write(engine.annotate(read_path(source_path(stem))).to_dict())
            print(f"fold {k + 1}/{args.folds}: {len(held)} gold reports held out, trained on {len(rows)} rows")


if __name__ == "__main__":
    main()
