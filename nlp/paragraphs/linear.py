"""A candidate paragraph classifier (not the shipped one: see data/labelled/README.md,
*Linear model over cross-report features*): one linear model per label over the features of features.py
(character n-grams used across reports, the section, clause-level cues), fitted by
:func:`fit_classifier` for training and tests alike.

At prediction time a report's paragraphs are featurised in one call and scored by one
sparse matrix product (``X @ coef + intercept``) and a sigmoid: logistic regression gives
probabilities itself, so no calibration model runs at serving; each label's decision
threshold is picked once, at training, from out-of-fold scores.
"""
from __future__ import annotations

import numpy as np
from scipy import sparse

from .features import cue_matrix, learn_vocabulary, ngram_matrix

from .model import LABELS

DEFAULTS = {"C": 4.0, "min_groups": 3, "max_features": 30000, "cue_weight": 0.5}


def features(texts, sections, vocabulary, idf, cue_weight: float):
    """The feature matrix of ``texts`` (n-grams, then section and cues × ``cue_weight``)."""
    return sparse.hstack([ngram_matrix(texts, vocabulary, idf), cue_matrix(texts, sections) * cue_weight], format="csr")


class LinearClassifier:
    """Fitted state: the n-gram vocabulary and idf, one coefficient column and intercept
    per label, a threshold per label, and the metadata saved beside it."""

    def __init__(self, vocabulary, idf, coef, intercept, labels=LABELS, thresholds=None, metadata=None,
                 cue_weight: float = DEFAULTS["cue_weight"]):
        self.vocabulary = np.asarray(vocabulary, dtype=np.uint64)
        self.idf = np.asarray(idf, dtype=np.float32)
        self.coef = np.asarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.labels = tuple(labels)
        self.thresholds = dict(thresholds or {label: 0.5 for label in self.labels})
        self.metadata = dict(metadata or {})
        self.cue_weight = cue_weight

    def probabilities(self, texts, sections=None) -> np.ndarray:
        """(paragraphs × labels) probabilities, all paragraphs at once."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, len(self.labels)))
        sections = list(sections) if sections is not None else [None] * len(texts)
        margin = features(texts, sections, self.vocabulary, self.idf, self.cue_weight) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.asarray(margin)))

    def scores(self, texts, sections=None) -> list:
        """One {label: probability} per text."""
        p = np.round(self.probabilities(texts, sections), 4)
        return [dict(zip(self.labels, map(float, row))) for row in p]

    def predict(self, texts, sections=None) -> list:
        """One (labels, scores) per text: the labels whose score reaches their threshold."""
        p = self.probabilities(texts, sections)
        cut = np.array([self.thresholds.get(label, 0.5) for label in self.labels])
        chosen = p >= cut
        rounded = np.round(p, 4)
        return [(tuple(label for label, on in zip(self.labels, row) if on), dict(zip(self.labels, map(float, r))))
                for row, r in zip(chosen, rounded)]


def fit_classifier(texts, sections, targets, groups, params=None) -> LinearClassifier:
    """Fit the vocabulary (n-grams of at least ``min_groups`` documents) and one balanced
    logistic regression per label; ``targets``: (rows × LABELS) 0/1."""
    from sklearn.linear_model import LogisticRegression  # training only: serving needs no scikit-learn

    p = {**DEFAULTS, **(params or {})}
    vocabulary, idf = learn_vocabulary(texts, groups, min_groups=p["min_groups"], max_features=p["max_features"])
    X = features(texts, sections, vocabulary, idf, p["cue_weight"])
    Y = np.asarray(targets)
    coef = np.zeros((X.shape[1], len(LABELS)))
    intercept = np.zeros(len(LABELS))
    for j in range(len(LABELS)):
        y = Y[:, j]
        if y.min() == y.max():  # a label never (or always) seen: a constant score
            intercept[j] = 10.0 if y.max() else -10.0
            continue
        model = LogisticRegression(C=p["C"], class_weight="balanced", solver="liblinear", random_state=0).fit(X, y)
        coef[:, j], intercept[j] = model.coef_[0], model.intercept_[0]
    return LinearClassifier(vocabulary, idf, coef, intercept, LABELS, cue_weight=p["cue_weight"])
