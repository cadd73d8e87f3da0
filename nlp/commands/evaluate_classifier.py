"""``nianbao evaluate-classifier [DATA.jsonl ...] [--model M]``"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError
from ..labelled import load_rows
from ..read import require_files
from ..paragraphs import load_classifier
from ..paragraphs.evaluate import format_report, label_metrics
from ..paragraphs.model import LABELS

HELP = "evaluate a paragraph classifier on labelled paragraphs: per-label precision/recall/F1 and confusions"

#: The held-out gold paragraphs, in a clone of the nianbao repository.
DEFAULT_DATA = "data/labelled/gold.jsonl"
_REPO = Path(__file__).resolve().parents[2]


def add_arguments(p) -> None:
    p.add_argument("data", nargs="*",
                   help=f"labelled paragraphs, JSON Lines with text, labels, section (default: the held-out "
                        f"{DEFAULT_DATA} of the nianbao repository)")
    p.add_argument("--model", help="the classifier to evaluate (default: the shipped model)")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    p.add_argument("--errors", action="store_true", help="list the paragraphs with a wrong label")


def default_data() -> list:
    """The held-out gold set: from the current directory, else from the repository this
    package runs from; an InputError saying what to pass when neither holds it."""
    for candidate in (Path(DEFAULT_DATA), _REPO / DEFAULT_DATA):
        if candidate.is_file():
            return [str(candidate)]
    raise InputError("no labelled data given, and the held-out gold set is not here (it is "
                     f"{DEFAULT_DATA} in a clone of the nianbao repository): pass labelled paragraphs, "
                     "JSON Lines with text, labels and section, e.g. `nianbao evaluate-classifier mine.jsonl`",
                     source="evaluate-classifier")


def run(args) -> int:
    args.data = args.data or default_data()
    require_files(args.data)
    # text we wrote ourselves never counts in an evaluation; a source is not needed here
    rows = load_rows(args.data, synthetic=False, need_source=False)
    classifier = load_classifier(args.model)
    predictions = classifier.predict([r["text"] for r in rows], [r.get("section") for r in rows])
    gold = [tuple(r.get("labels", [])) for r in rows]
    predicted = [labels for labels, _ in predictions]
    metrics = label_metrics(gold, predicted, LABELS)
    trained_on = classifier.metadata.get("training_data", [])
    overlap = [p for p in args.data if any(Path(p).resolve() == Path(t).resolve() for t in trained_on)]
    if args.json:
        print(json.dumps({"model": str(classifier.path), "data": args.data, **metrics}, ensure_ascii=False, indent=2))
    else:
        print(format_report(metrics, f"model {classifier.path} on {', '.join(args.data)}"))
    if overlap:
        print(f"warning: the model was trained on {', '.join(overlap)}: these figures are not held-out", file=sys.stderr)
    if args.errors:
        for row, g, p in zip(rows, gold, predicted):
            if set(g) != set(p):
                print(f"  {row.get('source')}: gold {sorted(g)} predicted {sorted(p)} | {row['text'][:80]}")
    return 0
