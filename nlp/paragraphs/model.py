"""The paragraph classifier: one linear model per label over the features of features.py
(character n-grams, the section, the cues of cues.json), fitted by :func:`fit_classifier`
for training and tests alike, served by :class:`ParagraphClassifier`.

Each label's model is a linear SVM whose margins are calibrated to probabilities (Platt's
sigmoid, fitted on 3-fold out-of-fold margins); the sigmoid is folded into the stored
coefficients, so serving is one linear map and a sigmoid for all the paragraphs of a
report, with no scikit-learn at all. Each label's decision threshold is picked at
training from out-of-fold probabilities (nlp/training.py).

The platform score also weighs the paragraph's best channel-work clause (a sentence in which a
cue of building, running, changing or inspecting a channel fires, and none against platform),
scored by a clause model of its own: one clause that keeps a channel inside a long paragraph
on something else is not drowned by the rest (data/labelled/README.md, round 5).

>>> c = ParagraphClassifier(np.array([], dtype=np.uint64), np.array([]), np.zeros((len(cue_names()), 7)),
...                         np.array([-2.0] * 7), cue_weight=0.5)
>>> labels, scores = c.predict(["全年公开信息12条。"], [1])[0]
>>> labels, scores["problems"]
((), 0.1192)
"""
from __future__ import annotations

import numpy as np

from .features import (SEPARATOR, channel_clauses, clause_max_margins, cue_names, featurize, joined, learn_vocabulary,
                       linear_margins)
from .rules import ruled_labels

REQUIRED_LABELS = ("problems", "measures", "platform")
TOPIC_LABELS = ("proactive_disclosure", "request_handling", "information_management", "oversight")
LABELS = REQUIRED_LABELS + TOPIC_LABELS

#: min_df/max_features: which n-grams (those of at least min_df paragraphs, the most
#: frequent); cue_weight: the scale of the section and cue columns against the unit-length
#: n-gram rows; C: the SVM's inverse regularisation; platform_clauses: whether the platform
#: score also weighs the paragraph's best channel-work clause (_fit_platform_clauses())
DEFAULTS = {"C": 0.5, "min_df": 2, "max_features": 20000, "cue_weight": 0.5, "platform_clauses": True}


class ParagraphClassifier:
    """Fitted state: the n-gram vocabulary and idf, one coefficient column and intercept
    per label (calibration folded in), a threshold per label, and the metadata saved
    beside it."""

    def __init__(self, vocabulary, idf, coef, intercept, labels=LABELS, thresholds=None, metadata=None,
                 cue_weight: float = DEFAULTS["cue_weight"], clause_coef=None, clause_intercept: float = 0.0,
                 clause_stack=None):
        self.vocabulary = np.asarray(vocabulary, dtype=np.uint64)
        self.idf = np.asarray(idf, dtype=np.float64)
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.labels = tuple(labels)
        self.thresholds = dict(thresholds or {label: 0.5 for label in self.labels})
        self.metadata = dict(metadata or {})
        self.cue_weight = cue_weight
        #: the platform clause model (None: the paragraph's own score only) and its stacking
        #: (a, b, c): the platform margin is a·m + b·max(clause − m, 0) + c, m the paragraph's
        #: own margin, clause its best channel-work clause's
        self.clause_coef = None if clause_coef is None else np.asarray(clause_coef, dtype=np.float64)
        self.clause_intercept = float(clause_intercept)
        self.clause_stack = None if clause_stack is None else tuple(map(float, clause_stack))

    def probabilities(self, texts, sections=None) -> np.ndarray:
        """(paragraphs × labels) probabilities, all paragraphs of a report at once."""
        return self._probabilities(list(texts), sections)[0]

    def _probabilities(self, texts: list, sections) -> tuple:
        """(probabilities, the normalised texts: simplified script, no pinyin glosses)."""
        if not texts:
            return np.zeros((0, len(self.labels))), []
        sections = list(sections) if sections is not None else [None] * len(texts)
        features = len(self.vocabulary) + len(cue_names())
        if features != self.coef.shape[0]:
            raise ValueError(f"the model expects {self.coef.shape[0]} features, the cues give {features}: "
                             "cues.json changed since it was trained; retrain it (`make model`)")
        text, starts = joined(texts)  # normalised and joined once for both passes
        margin = linear_margins(texts, sections, self.vocabulary, self.idf, self.cue_weight, self.coef,
                                text, starts) + self.intercept
        stack = getattr(self, "clause_stack", None)  # models pickled before it have none
        if stack is not None and "platform" in self.labels:
            j = self.labels.index("platform")
            best = clause_max_margins(texts, sections, self.vocabulary, self.idf, self.cue_weight, self.clause_coef,
                                      text, starts)
            margin[:, j] = _combine(margin[:, j], best + self.clause_intercept, stack)
        return 1.0 / (1.0 + np.exp(-margin)), text.split(SEPARATOR)

    def scores(self, texts, sections=None) -> list:
        """One {label: probability} per text."""
        p = np.round(self.probabilities(texts, sections), 4)
        return [dict(zip(self.labels, map(float, row))) for row in p]

    def predict(self, texts, sections=None) -> list:
        """One (labels, scores) per text: the labels whose score reaches their threshold,
        and those a label rule gives (nlp/paragraphs/rules.py), read on the normalised text as the
        model reads it (a traditional-script page: 指定專人負責本局網站信息更新工作); scores are the model's."""
        texts = list(texts)
        p, normal = self._probabilities(texts, sections)
        chosen = p >= np.array([self.thresholds.get(label, 0.5) for label in self.labels])
        rounded = np.round(p, 4)
        ruled = ruled_labels(normal if len(normal) == len(texts) else texts)  # rules read simplified script
        return [(tuple(label for label, on in zip(self.labels, row) if on or label in rules), dict(zip(self.labels, map(float, r))))
                for row, r, rules in zip(chosen, rounded, ruled)]


def fit_classifier(texts, sections, targets, params=None) -> ParagraphClassifier:
    """Fit the vocabulary and one calibrated linear SVM per label; ``targets``: (rows ×
    LABELS) 0/1. Thresholds are left at 0.5 (nlp/training.py picks them)."""
    p = {**DEFAULTS, **(params or {})}
    vocabulary, idf = learn_vocabulary(texts, min_df=p["min_df"], max_features=p["max_features"])
    X = featurize(texts, sections, vocabulary, idf, p["cue_weight"])
    Y = np.asarray(targets)
    coef = np.zeros((X.shape[1], len(LABELS)))
    intercept = np.zeros(len(LABELS))
    for j in range(len(LABELS)):
        y = Y[:, j]
        if y.min() == y.max():  # a label never (or always) seen: a constant score
            intercept[j] = 10.0 if y.max() else -10.0
            continue
        coef[:, j], intercept[j] = _fit_label(X, y, p["C"])
    clause = _fit_platform_clauses(texts, sections, Y[:, LABELS.index("platform")], vocabulary, idf, p, X) \
        if p["platform_clauses"] else (None, 0.0, None)
    return ParagraphClassifier(vocabulary, idf, coef, intercept, LABELS, cue_weight=p["cue_weight"],
                               clause_coef=clause[0], clause_intercept=clause[1], clause_stack=clause[2])


def _combine(paragraph, clause, stack):
    """The platform margin from the paragraph's own and its best clause's (-inf: none): the
    clause counts where it says more than the paragraph, by the weight stacking gave it."""
    a, b, c = stack
    gain = np.where(np.isfinite(clause), np.maximum(clause - paragraph, 0.0), 0.0)
    return a * paragraph + b * gain + c


def _fit_platform_clauses(texts, sections, y, vocabulary, idf, p, X) -> tuple:
    """(coefficients, intercept, stacking) of the platform clause model: a calibrated linear
    model over the channel-work clauses of the training paragraphs (features.channel_clauses()),
    each taking its paragraph's platform label, so that one clause that builds or runs a
    channel is judged without the rest of a long paragraph around it; and a logistic
    regression over out-of-fold margins that says how much a clause scoring above its
    paragraph adds (_combine()). (None, 0.0, None) when the clauses hold a single class."""
    text, starts = joined(texts)
    units, owner = channel_clauses(text, starts)
    y = np.asarray(y)
    if not units:
        return None, 0.0, None
    yc = y[owner]
    if yc.min() == yc.max():
        return None, 0.0, None
    Xc = featurize(units, [sections[i] for i in owner], vocabulary, idf, p["cue_weight"])
    coef, intercept = _fit_label(Xc, yc, p["C"])
    # stacking: out-of-fold paragraph and clause margins (3 contiguous folds: a document's
    # rows stand together), and a logistic regression that weighs the clause's gain
    from sklearn.linear_model import LogisticRegression

    m_para, m_clause = np.zeros(len(y)), np.full(len(y), -np.inf)
    for test in np.array_split(np.arange(len(y)), 3):
        train = np.ones(len(y), dtype=bool)
        train[test] = False
        ctrain, ctest = train[owner], ~train[owner]
        if y[train].min() == y[train].max() or yc[ctrain].min() == yc[ctrain].max():
            return None, 0.0, None
        w, b = _fit_label(X[train], y[train], p["C"])
        m_para[test] = X[test] @ w + b
        wc, bc = _fit_label(Xc[ctrain], yc[ctrain], p["C"])
        np.maximum.at(m_clause, owner[ctest], Xc[ctest] @ wc + bc)
    gain = np.where(np.isfinite(m_clause), np.maximum(m_clause - m_para, 0.0), 0.0)
    lr = LogisticRegression(C=1.0).fit(np.column_stack([m_para, gain]), y)
    return coef, intercept, (lr.coef_[0][0], lr.coef_[0][1], lr.intercept_[0])


def _fit_label(X, y, C: float) -> tuple:
    """(coefficients, intercept) whose sigmoid is the label's calibrated probability. With
    fewer positives than calibration folds: a logistic regression, which is calibrated
    itself. Classes are weighted by their frequency."""
    from sklearn.calibration import CalibratedClassifierCV  # training only: serving needs no scikit-learn
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    folds = min(3, int(np.bincount(y).min()))
    if folds < 2:
        model = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", random_state=0).fit(X, y)
        return model.coef_[0], model.intercept_[0]
    calibrated = CalibratedClassifierCV(LinearSVC(C=C, class_weight="balanced", random_state=0), method="sigmoid",
                                        cv=folds, ensemble=False).fit(X, y)
    inner = calibrated.calibrated_classifiers_[0]
    svm, sigmoid = inner.estimator, inner.calibrators[0]
    # scikit-learn's sigmoid: p = 1 / (1 + exp(a·f + b)) of the margin f = w·x + c
    return -sigmoid.a_ * svm.coef_[0], -(sigmoid.a_ * svm.intercept_[0] + sigmoid.b_)
