"""``nianbao train DATA.jsonl [...] [-o MODEL.joblib] [--force]``

A new model goes to a new file (``paragraphs-<date>-<time>.joblib`` unless ``-o`` names
one): a user's experiment never replaces the shipped model by default, and an existing
model (or its metadata) is replaced only with ``--force``.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ..errors import OutputError
from ..paragraphs.evaluate import format_report
from ..read import require_files

HELP = "train the paragraph classifier on labelled JSON Lines (cross-validated), save it with its metadata"

def add_arguments(p) -> None:
    p.add_argument("data", nargs="+", help="labelled paragraphs (JSON Lines: text, labels, source, section, how)")
    p.add_argument("-o", "--output", default=None,
                   help="where to write the model (default: a new file paragraphs-<date>-<time>.joblib here; "
                        "pass --model it to annotate or evaluate-classifier)")
    p.add_argument("--force", action="store_true", help="replace the model (and its metadata) at --output if there is one")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds, grouped by source document (default: %(default)s; 1: none)")
    p.add_argument("--heldout", nargs="*", default=[], help="labelled paragraphs never trained on, evaluated after training")
    p.add_argument("--unseen", nargs="*", default=[],
                   help="labelled paragraphs of reports no training row comes from, evaluated after training")
    p.add_argument("--groups", help="groups.tsv (source, province, kind): also cross-validate by province and by kind of agency")
    p.add_argument("--C", type=float, default=None, help="inverse regularisation of the linear classifier")


def default_output(now: dt.datetime | None = None) -> str:
    """A new file name for a model trained now.

    >>> default_output(dt.datetime(2026, 12, 7, 9, 30, 5))
    'paragraphs-20261207-093005.joblib'
    """
    return f"paragraphs-{(now or dt.datetime.now()):%Y%m%d-%H%M%S}.joblib"


def refuse_overwrite(output: Path) -> OutputError | None:
    """Why writing a model to ``output`` needs --force (the error to raise), or None."""
    from ..paragraphs.store import meta_path

    taken = [p for p in (output, meta_path(output)) if p.exists()]
    if not taken:
        return None
    return OutputError("exists; pass --force to replace it, or -o a new file (the shipped model is "
                       "models/paragraphs.joblib: keep it unless you mean to replace it)", source=str(taken[0]))


def run(args) -> int:
    args.output = args.output or default_output()
    refusal = None if args.force else refuse_overwrite(Path(args.output))
    if refusal:
        raise refusal
    require_files([*args.data, *args.heldout, *args.unseen, *([args.groups] if args.groups else [])])
    params = {"C": args.C} if args.C is not None else {}
    from ..training import train  # numpy and scikit-learn load only for training

    classifier = train(args.data, args.output, folds=args.folds, heldout_paths=args.heldout,
                       unseen_paths=args.unseen, groups_path=args.groups, params=params,
                       log=lambda m: print(m, file=sys.stderr))
    metrics = classifier.metadata.get("metrics", {})
    if "cross_validation" in metrics:
        print(_summary_table(metrics["cross_validation"], f"cross-validation ({args.folds} folds by document) on the training data:"))
    for name, group in metrics.get("cross_validation_by_group", {}).items():
        print(_summary_table(group, f"cross-validation ({group['folds']} folds by {name}) on the training data:"))
    if "heldout" in metrics:
        print(_summary_table(metrics["heldout"], "held-out evaluation:"))
    if "unseen" in metrics:
        print(_summary_table(metrics["unseen"], "unseen reports:"))
    print(f"model written to {args.output} (metadata: {Path(args.output).with_suffix('.meta.json')})")
    return 0


def _summary_table(summary: dict, title: str) -> str:
    return format_report(summary, title)
