"""Train the paragraph classifier: cross-validate (folds by source document), fit on all
rows, pick each label's threshold from the out-of-fold scores, evaluate on a held-out
set, save with metadata. ``nianbao train`` runs :func:`train`; it is part of the package,
so an installed nianbao trains without a clone of the repository (the scripts of
training/ that measure the classifier import from here).

    nianbao train data/labelled/collected.jsonl -o models/paragraphs.joblib \\
        --heldout data/labelled/gold.jsonl
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from .labelled import SYNTHETIC, data_hash, dedupe, group_of, load_rows
from .paragraphs.evaluate import label_metrics
from .paragraphs.model import DEFAULTS, LABELS, ParagraphClassifier, fit_classifier
from .paragraphs.store import save_model

#: thresholds picked from out-of-fold scores stay in this range (few positives: no extremes)
THRESHOLD_RANGE = (0.4, 0.6)


def targets(rows, labels=LABELS) -> np.ndarray:
    return np.array([[int(label in r.get("labels", [])) for label in labels] for r in rows])


def fit_rows(rows, params=None) -> ParagraphClassifier:
    return fit_classifier([r["text"] for r in rows], [r.get("section") for r in rows], targets(rows), params)


def out_of_fold_scores(rows, folds: int = 5, params=None, groups=None) -> np.ndarray:
    """Each row's label probabilities from a model that did not see its document (or, with
    ``groups``, its group: a province, a kind of agency). Synthetic rows train but are never
    scored."""
    groups = np.asarray(groups if groups is not None else [group_of(r) for r in rows])
    scored = np.array([r.get("how") != SYNTHETIC for r in rows])
    probabilities = np.full((len(rows), len(LABELS)), np.nan)
    for train_idx, test_idx in GroupKFold(n_splits=min(folds, len(set(groups)))).split(rows, groups=groups):
        test_idx = test_idx[scored[test_idx]]
        if not len(test_idx):
            continue
        model = fit_rows([rows[i] for i in train_idx], params)
        test = [rows[i] for i in test_idx]
        probabilities[test_idx] = model.probabilities([r["text"] for r in test], [r.get("section") for r in test])
    return probabilities


def pick_thresholds(rows, probabilities) -> dict:
    """Per label, the threshold in THRESHOLD_RANGE with the best out-of-fold F1, unless 0.5
    is within one paragraph of it: when the best F1 beats 0.5's by less than one positive
    paragraph's worth (1 / positives), the move is one out-of-fold paragraph's doing, noise."""
    keep = ~np.isnan(probabilities[:, 0])
    y = targets(rows)[keep]
    p = probabilities[keep]
    thresholds = {}
    for j, label in enumerate(LABELS):
        positives = int(y[:, j].sum())
        f1 = {}
        for t in np.arange(THRESHOLD_RANGE[0], THRESHOLD_RANGE[1] + 1e-9, 0.05):
            pred = p[:, j] >= t
            tp = int((pred & (y[:, j] == 1)).sum())
            f1[round(float(t), 2)] = 2 * tp / (pred.sum() + positives) if pred.sum() + positives else 0.0
        best = max(f1, key=lambda t: (f1[t], -abs(t - 0.5)))
        thresholds[label] = 0.5 if positives and f1[best] - f1[0.5] < 1 / positives else best
    return thresholds


def labels_at(probabilities, thresholds) -> list:
    return [tuple(l for j, l in enumerate(LABELS) if row[j] >= thresholds[l]) for row in probabilities]


def out_of_fold_metrics(rows, probabilities, thresholds) -> dict:
    keep = [i for i in range(len(rows)) if not np.isnan(probabilities[i, 0])]
    return label_metrics([tuple(rows[i].get("labels", [])) for i in keep], labels_at(probabilities[keep], thresholds))


def cross_validate(rows, folds: int = 5, params=None, tune: bool = True):
    """(metrics of the out-of-fold predictions, thresholds)."""
    probabilities = out_of_fold_scores(rows, folds, params)
    thresholds = pick_thresholds(rows, probabilities) if tune else {l: 0.5 for l in LABELS}
    return out_of_fold_metrics(rows, probabilities, thresholds), thresholds


def evaluate(classifier: ParagraphClassifier, rows) -> dict:
    predictions = classifier.predict([r["text"] for r in rows], [r.get("section") for r in rows])
    return label_metrics([tuple(r.get("labels", [])) for r in rows], [labels for labels, _ in predictions])


def read_groups(path) -> dict:
    """source document → {"province": …, "kind": …} (data/labelled/groups.tsv)."""
    import csv

    with open(path, encoding="utf-8") as f:
        return {r["source"]: r for r in csv.DictReader(f, delimiter="\t")}


def group_cross_validation(rows, groups_path, thresholds, params=None) -> dict:
    """Out-of-fold metrics with folds grouped by province (5 folds) and by kind of agency
    (one fold per kind): the model never saw the test part's provinces (kinds). Documents
    whose province (kind) is unknown are one group."""
    table = read_groups(groups_path)
    out = {}
    for name in ("province", "kind"):
        groups = [table.get(group_of(r), {}).get(name, "unknown") for r in rows]
        folds = 5 if name == "province" else len(set(groups))
        probabilities = out_of_fold_scores(rows, folds, params, groups)
        out[name] = {"folds": folds, **summary(out_of_fold_metrics(rows, probabilities, thresholds))}
    return out


def train(data_paths, output, *, folds: int = 5, heldout_paths=(), unseen_paths=(), groups_path=None, params=None,
          log=print) -> ParagraphClassifier:
    """The whole run; returns the saved classifier. ``heldout_paths``: the bundled gold
    paragraphs, never trained on; ``unseen_paths``: paragraphs of reports no training row
    comes from; ``groups_path``: groups.tsv, for cross-validation by province and kind."""
    rows = dedupe(load_rows(data_paths))
    heldout = load_rows(heldout_paths, synthetic=False) if heldout_paths else []
    unseen = load_rows(unseen_paths, synthetic=False) if unseen_paths else []
    overlap = {r["text"] for r in rows} & {r["text"] for r in heldout + unseen}
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
        "params": params,
        "training_data": [str(p) for p in data_paths],
        "training_data_sha256": data_hash(data_paths),
        "training_rows": len(rows),
        "training_rows_synthetic": synthetic,
        "trained_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "metrics": {},
    }
    if cv_metrics:
        metadata["metrics"]["cross_validation"] = {"folds": folds, "grouped_by": "source document", **summary(cv_metrics)}
    if cv_metrics and groups_path:
        log("cross-validating by province and by kind of agency")
        metadata["metrics"]["cross_validation_by_group"] = group_cross_validation(rows, groups_path, thresholds, params)
    for name, paths, data in (("heldout", heldout_paths, heldout), ("unseen", unseen_paths, unseen)):
        if data:
            metadata["metrics"][name] = {"data": [str(p) for p in paths], "data_sha256": data_hash(paths),
                                         **summary(evaluate(classifier, data))}
    classifier.metadata = metadata
    save_model(classifier, Path(output))
    return classifier


def summary(metrics: dict) -> dict:
    return {"n": metrics["n"], "macro_f1_required": metrics["macro_f1_required"],
            "macro_f1_all": metrics["macro_f1_all"],
            "per_label": {l: {k: m[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn", "support")}
                          for l, m in metrics["per_label"].items()}}
