"""Train the candidate linear classifier (nlp/paragraphs/linear.py), for comparison with
the shipped one: cross-validate (folds by source document), fit on all
rows, pick each label's threshold from the out-of-fold scores, evaluate on a held-out
set, save with metadata.

    nianbao train data/labelled/collected.jsonl -o models/paragraphs.joblib \\
        --heldout data/labelled/gold.jsonl
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from nlp.paragraphs.evaluate import label_metrics
from nlp.paragraphs.linear import DEFAULTS, LinearClassifier as ParagraphClassifier, fit_classifier
from nlp.paragraphs.model import LABELS
from nlp.paragraphs.store import save_model

from .data import SYNTHETIC, data_hash, dedupe, group_of, load_rows

#: thresholds picked from out-of-fold scores stay in this range (few positives: no extremes)
THRESHOLD_RANGE = (0.4, 0.6)


def _targets(rows, labels=LABELS) -> np.ndarray:
    return np.array([[int(label in r.get("labels", [])) for label in labels] for r in rows])


def fit_rows(rows, params=None) -> ParagraphClassifier:
    return fit_classifier([r["text"] for r in rows], [r.get("section") for r in rows], _targets(rows),
                          [group_of(r) for r in rows], params)


def out_of_fold_scores(rows, folds: int = 5, params=None, groups=None) -> np.ndarray:
    """Each row's label probabilities from a model that did not see its document (or, with
    ``groups``, its group: a province, a kind of agency). Synthetic rows train but are
    never scored."""
    groups = np.array(groups if groups is not None else [group_of(r) for r in rows])
    scored = np.array([r.get("how") != SYNTHETIC for r in rows])
    probabilities = np.full((len(rows), len(LABELS)), np.nan)
    splitter = GroupKFold(n_splits=min(folds, len(set(groups))))
    for train_idx, test_idx in splitter.split(rows, groups=groups):
        test_idx = test_idx[scored[test_idx]]
        if not len(test_idx):
            continue
        model = fit_rows([rows[i] for i in train_idx], params)
        test = [rows[i] for i in test_idx]
        probabilities[test_idx] = model.probabilities([r["text"] for r in test], [r.get("section") for r in test])
    return probabilities


def pick_thresholds(rows, probabilities) -> dict:
    """Per label, the threshold in THRESHOLD_RANGE with the best out-of-fold F1."""
    keep = ~np.isnan(probabilities[:, 0])
    y = _targets(rows)[keep]
    p = probabilities[keep]
    thresholds = {}
    for j, label in enumerate(LABELS):
        best, best_f1 = 0.5, -1.0
        for t in np.arange(THRESHOLD_RANGE[0], THRESHOLD_RANGE[1] + 1e-9, 0.05):
            pred = p[:, j] >= t
            tp = int((pred & (y[:, j] == 1)).sum())
            f1 = 2 * tp / (pred.sum() + y[:, j].sum()) if pred.sum() + y[:, j].sum() else 0.0
            if f1 > best_f1 + 1e-9 or (abs(f1 - best_f1) <= 1e-9 and abs(t - 0.5) < abs(best - 0.5)):
                best, best_f1 = round(float(t), 2), f1
        thresholds[label] = best
    return thresholds


def labels_at(probabilities, thresholds) -> list:
    return [tuple(l for j, l in enumerate(LABELS) if row[j] >= thresholds[l]) for row in probabilities]


def cross_validate(rows, folds: int = 5, params=None, tune: bool = True, groups=None):
    """(metrics of the out-of-fold predictions, thresholds)."""
    probabilities = out_of_fold_scores(rows, folds, params, groups)
    thresholds = pick_thresholds(rows, probabilities) if tune else {l: 0.5 for l in LABELS}
    keep = [i for i in range(len(rows)) if not np.isnan(probabilities[i, 0])]
    metrics = label_metrics([tuple(rows[i].get("labels", [])) for i in keep],
                            labels_at(probabilities[keep], thresholds))
    return metrics, thresholds


def evaluate(classifier: ParagraphClassifier, rows) -> dict:
    predictions = classifier.predict([r["text"] for r in rows], [r.get("section") for r in rows])
    return label_metrics([tuple(r.get("labels", [])) for r in rows], [labels for labels, _ in predictions])


def train(data_paths, output, *, folds: int = 5, heldout_paths=(), params=None, log=print) -> ParagraphClassifier:
    """The whole run; returns the saved classifier."""
    rows = dedupe(load_rows(data_paths))
    heldout = load_rows(heldout_paths, allow_synthetic=False) if heldout_paths else []
    overlap = {r["text"] for r in rows} & {r["text"] for r in heldout}
    if overlap:
        log(f"warning: {len(overlap)} held-out paragraphs are also in the training data; they are left out of training")
        rows = [r for r in rows if r["text"] not in overlap]
    params = {**DEFAULTS, **(params or {})}
    synthetic = sum(r.get("how") == SYNTHETIC for r in rows)
    log(f"training rows: {len(rows)} ({synthetic} synthetic, trained on but never scored), "
        f"documents: {len({group_of(r) for r in rows})}")
    cv_metrics, thresholds = cross_validate(rows, folds, params) if folds > 1 else (None, {l: 0.5 for l in LABELS})
    classifier = fit_rows(rows, params)
    classifier.thresholds = thresholds
    metadata = {
        "labels": list(LABELS),
        "thresholds": thresholds,
        "params": {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()},
        "training_data": [str(p) for p in data_paths],
        "training_data_sha256": data_hash(data_paths),
        "training_rows": len(rows),
        "training_rows_synthetic": synthetic,
        "trained_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "metrics": {},
    }
    if cv_metrics:
        metadata["metrics"]["cross_validation"] = {"folds": folds, "grouped_by": "source document", **_summary(cv_metrics)}
    classifier.metadata = metadata
    if heldout:
        held = evaluate(classifier, heldout)
        metadata["metrics"]["heldout"] = {"data": [str(p) for p in heldout_paths],
                                          "data_sha256": data_hash(heldout_paths), **_summary(held)}
        classifier.metadata = metadata
    save_model(classifier, Path(output))
    return classifier


def _summary(metrics: dict) -> dict:
    return {"n": metrics["n"], "macro_f1_required": metrics["macro_f1_required"],
            "macro_f1_all": metrics["macro_f1_all"],
            "per_label": {l: {k: m[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn", "support")}
                          for l, m in metrics["per_label"].items()}}
