"""Scores of a paragraph classifier against labelled rows: per-label precision, recall
and F1, macro-F1 over the required labels, and the confusions.

>>> m = label_metrics([("problems",), (), ("measures", "platform")], [("problems",), ("platform",), ("measures",)])
>>> m["per_label"]["platform"]
{'precision': 0.0, 'recall': 0.0, 'f1': 0.0, 'tp': 0, 'fp': 1, 'fn': 1, 'support': 1}
>>> m["macro_f1_required"]
0.6667
"""
from __future__ import annotations

from collections import Counter

from .model import LABELS, REQUIRED_LABELS


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def label_metrics(gold: list, predicted: list, labels=LABELS) -> dict:
    """``gold`` and ``predicted``: one collection of labels per paragraph."""
    per_label = {}
    for label in labels:
        tp = sum(label in g and label in p for g, p in zip(gold, predicted))
        fp = sum(label not in g and label in p for g, p in zip(gold, predicted))
        fn = sum(label in g and label not in p for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        per_label[label] = {"precision": round(precision, 4), "recall": round(recall, 4),
                            "f1": round(_f1(precision, recall), 4), "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}
    required = [per_label[l]["f1"] for l in REQUIRED_LABELS if l in per_label]
    return {"n": len(gold), "per_label": per_label,
            "macro_f1_required": round(sum(required) / len(required), 4) if required else 0.0,
            "macro_f1_all": round(sum(v["f1"] for v in per_label.values()) / len(per_label), 4),
            "confusions": confusions(gold, predicted, labels)}


def confusions(gold: list, predicted: list, labels=LABELS) -> dict:
    """For each gold label missed, the labels predicted instead, and for each label
    predicted wrongly, the gold labels the paragraph had: "gold -> predicted" counts
    (``-`` for no label)."""
    counts = Counter()
    for g, p in zip(gold, predicted):
        g, p = set(g), set(p)
        for missed in g - p:
            for instead in (p - g) or {"-"}:
                counts[f"{missed} -> {instead}"] += 1
        if not g - p:
            for extra in p - g:
                for had in g or {"-"}:
                    counts[f"{had} -> {extra}"] += 1
    return dict(counts.most_common())


def format_report(metrics: dict, title: str = "") -> str:
    """The metrics as a table for a terminal."""
    lines = [title] if title else []
    lines.append(f"{'label':24s} {'prec':>6s} {'rec':>6s} {'f1':>6s} {'tp':>4s} {'fp':>4s} {'fn':>4s} {'support':>7s}")
    for label, m in metrics["per_label"].items():
        mark = "*" if label in REQUIRED_LABELS else " "
        lines.append(f"{label + mark:24s} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
                     f"{m['tp']:4d} {m['fp']:4d} {m['fn']:4d} {m['support']:7d}")
    lines.append(f"macro-F1 over the required labels (*): {metrics['macro_f1_required']:.3f}   "
                 f"over all labels: {metrics['macro_f1_all']:.3f}   paragraphs: {metrics['n']}")
    if "confusions" in metrics:
        lines.append("confusions (gold -> predicted, '-' = none):" + ("" if metrics["confusions"] else " none"))
        lines += [f"  {pair:48s} {count}" for pair, count in list(metrics["confusions"].items())[:20]]
    return "\n".join(lines)
