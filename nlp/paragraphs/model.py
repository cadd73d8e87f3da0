"""The paragraph classifier: one scikit-learn Pipeline, built by :func:`build_pipeline`
for training and serving alike, and :class:`ParagraphClassifier`, the fitted pipeline
with its labels and decision thresholds.

Features: TF-IDF of jieba words and word bigrams (the module-level tokenizer of
tokenize.py) and of character 2–4-grams; classifier: one-vs-rest logistic regression,
each label's probabilities calibrated (sigmoid, cross-validated).

The model reads ``model_input(text, section)``: the paragraph's text after a section tag
(``<s5> …``), because where a paragraph stands says much about it (problems and
improvement measures are section 5's business).
"""
from __future__ import annotations

import re

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.svm import LinearSVC
from sklearn.pipeline import FeatureUnion, Pipeline

from .tokenize import SECTION_TAG, normalize, tokenize

REQUIRED_LABELS = ("problems", "measures", "platform")
TOPIC_LABELS = ("proactive_disclosure", "request_handling", "information_management", "oversight")
LABELS = REQUIRED_LABELS + TOPIC_LABELS

DEFAULTS = {"C": 0.5, "kind": "svm", "char_ngrams": (2, 4), "word_ngrams": (1, 2), "max_char_features": 20000,
            "max_word_features": 10000, "calibration_folds": 3, "cue_weight": 0.5}

#: cue words of each topic; LayoutCues counts them inside and outside section 5
CUES = {
    "problem": r"存在[^。；;，,]{0,8}(?:问题|不足|差距|短板)|不足|差距|短板|薄弱|有待|不够|不高|不强|欠缺|尚需|仍需|还需|仍待|滞后|不到位|不充分|不全面|单一|不规范|偏少|不及时"
               r"|(?:无法|难以|不能|未能)(?:满足|适应|跟上)|不相适应|跟不上|亟待|亟需|尚未(?:实现|建立|形成|完全)",
    "plan": r"下一步|下一年|今后|明年|来年|20\d\d年[，,]?(?:我们|我局|我办|我区|我县|我市|本单位)?将|将(?:进一步|继续|持续|加强|着力|不断|重点|切实|积极|以)"
            r"|改进|整改|拟|计划|针对[^。；;]{0,12}(?:问题|不足)|以下(?:工作|措施|几个方面)|措施",
    "continue": r"进一步|继续|持续|不断|加大|强化|提升|完善|健全",
    "platform": r"网站|栏目|专栏|新媒体|公众号|微博|微信|抖音|快手|视频号|平台|公报|热线|大厅|查阅点|查阅室|查阅场所|客户端|APP|改版|集约|运维|账号|页面|链接"
                r"|渠道|载体|窗口|公开栏|公示栏|显示屏|电子屏|服务中心|系统",
    "channel_work": r"(?:开设|开通|设立|设置|新增|新建|改版|升级|建设|优化|整合|集约|关停|注销|运维|维护|监测|巡查|检查|上线|组建|编辑|发行|调整|规范|完善)[^。；;，,]{0,10}?(?:网站|栏目|专栏|新媒体|公众号|账号|平台|公报|热线|大厅|专区|查阅点|查阅室|查阅场所|窗口|渠道|载体|系统)"
                    r"|(?:网站|栏目|专栏|新媒体|公众号|账号|平台|公报|热线|大厅|专区)[^。；;，,]{0,6}?(?:建设|改版|运维|管理|维护|优化|整合|上线|升级|监测|安全|集约|功能)",
    # a change to the set of channels itself (opening, closing, adjusting one): the clause that
    # makes a paragraph about published items `platform` too (设立“行政执法公示”专栏)
    "channel_change": r"(?:开设|开通|设立|开辟|新增|增设|新建|改版|升级|整合|关停|注销|(?<!线)上线(?!下)|调整|优化|规范)"
                      r"[^。；;，,、]{0,12}?(?:网站|栏目|专栏|新媒体|公众号|账号|平台|公报|热线|大厅|专区|查阅点|查阅室|查阅场所"
                      r"|窗口|信箱|入口|系统|公开栏|公示栏)",
    "published": r"(?:发布|公开|推送|编发)[^。；;]{0,20}?\d+\s*(?:条|篇|件|期|个)",
    "request": r"依申请|申请|答复|复议|诉讼|处理费",
    "management": r"审查|保密|审核|目录|指南|清理|规范性文件|归档|属性|三审三校|纠错",
    "oversight": r"培训|考核|领导小组|督查|督导|监督|评议|问责|人大代表|政协|提案|责任",
}


def model_input(text: str, section=None) -> str:
    """What the pipeline reads: the normalized text, after a section tag when the section
    is known."""
    text = normalize(text)
    return f"<s{section}> {text}" if section in (1, 2, 3, 4, 5, 6) else text


#: what a paragraph's opening words (a run-in sub-heading of the template) announce
OPENINGS = {
    "problems": r"问题|不足|差距",
    "measures": r"改进|整改|下一步|措施|计划|打算",
    "platform": r"平台|载体|渠道|网站|新媒体|公报",
    "proactive_disclosure": r"主动公开",
    "request_handling": r"依申请|申请公开",
    "information_management": r"信息管理|政府信息管理|审查|规范性文件",
    "oversight": r"监督|保障|组织领导|领导|培训|考核|机制",
}
_OPENING_CHARS = 16
#: "针对…问题" names a problem in order to address it: a measure's words, not an admission
_ADDRESSING = re.compile(r"针对[^。；;，,]{0,20}?(?:问题|不足|短板|差距)")


class LayoutCues(BaseEstimator, TransformerMixin):
    """Where a paragraph stands and which cue words it uses: the section (one-hot, from
    the ``<sN>`` tag of model_input); per cue group of :data:`CUES`, log counts inside
    and outside section 5; per topic of :data:`OPENINGS`, whether the first words name
    it; all times ``weight``. Stateless: ``fit`` learns nothing."""

    def __init__(self, weight: float = 1.0):
        self.weight = weight

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        patterns = [re.compile(p) for p in CUES.values()]
        openings = [re.compile(p) for p in OPENINGS.values()]
        rows = []
        for text in X:
            tag = SECTION_TAG.match(text)
            section = int(tag.group(0)[2]) if tag else 0
            row = [float(section == n) for n in range(7)]
            in5 = float(section == 5)
            admitted = _ADDRESSING.sub("针对", text)
            for cue, pattern in zip(CUES, patterns):
                count = np.log1p(len(pattern.findall(admitted if cue == "problem" else text)))
                row += [count * in5, count * (1 - in5)]
            opening = text[tag.end() if tag else 0:][:_OPENING_CHARS]
            row += [float(bool(pattern.search(opening))) for pattern in openings]
            rows.append(row)
        return sparse.csr_matrix(np.array(rows) * self.weight)

    def get_feature_names_out(self, input_features=None):
        names = [f"section={n}" for n in range(7)]
        for cue in CUES:
            names += [f"{cue}@s5", f"{cue}@other"]
        names += [f"opens:{topic}" for topic in OPENINGS]
        return np.array(names, dtype=object)


class CalibratedLinear(BaseEstimator, ClassifierMixin):
    """A linear SVM (``kind="svm"``) or logistic regression (``"logistic"``) whose scores
    are calibrated to probabilities (sigmoid) by ``folds``-fold cross-validation; with
    fewer examples of a class than folds, by as many folds as there are examples (at least
    2). One binary label at a time; classes weighted by their frequency."""

    def __init__(self, C: float = 1.0, folds: int = 3, kind: str = "svm"):
        self.C = C
        self.folds = folds
        self.kind = kind

    def _linear(self, kind: str):
        if kind == "svm":
            return LinearSVC(C=self.C, class_weight="balanced", random_state=0)
        return LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear", random_state=0)

    def fit(self, X, y):
        self.classes_, counts = np.unique(y, return_counts=True)
        folds = min(self.folds, int(counts.min()))
        if folds >= 2:
            self.model_ = CalibratedClassifierCV(self._linear(self.kind), method="sigmoid", cv=folds,
                                                 ensemble=False).fit(X, y)
        else:  # too few examples to calibrate: logistic regression, which gives probabilities itself
            self.model_ = self._linear("logistic").fit(X, y)
        return self

    def predict_proba(self, X):
        return self.model_.predict_proba(X)

    def decision_function(self, X):
        return self.predict_proba(X)[:, 1]

    def predict(self, X):
        return self.classes_[(self.predict_proba(X)[:, 1] >= 0.5).astype(int)]


def build_pipeline(**params) -> Pipeline:
    """The unfitted pipeline; ``params`` override :data:`DEFAULTS`."""
    p = {**DEFAULTS, **params}
    features = FeatureUnion([
        ("words", TfidfVectorizer(tokenizer=tokenize, token_pattern=None, lowercase=False,
                                  ngram_range=tuple(p["word_ngrams"]), sublinear_tf=True,
                                  max_features=p["max_word_features"])),
        ("chars", TfidfVectorizer(analyzer="char", ngram_range=tuple(p["char_ngrams"]), sublinear_tf=True,
                                  min_df=2, max_features=p["max_char_features"])),
        ("cues", LayoutCues(weight=p["cue_weight"])),
    ])
    classifier = OneVsRestClassifier(CalibratedLinear(C=p["C"], folds=p["calibration_folds"], kind=p["kind"]))
    return Pipeline([("features", features), ("classifier", classifier)])


class ParagraphClassifier:
    """A fitted pipeline, the labels of its outputs and a threshold per label."""

    def __init__(self, pipeline: Pipeline, labels=LABELS, thresholds=None, metadata=None):
        self.pipeline = pipeline
        self.labels = tuple(labels)
        self.thresholds = dict(thresholds or {label: 0.5 for label in self.labels})
        self.metadata = dict(metadata or {})

    def scores(self, texts, sections=None) -> list:
        """One {label: probability} per text."""
        if not texts:
            return []
        sections = sections or [None] * len(texts)
        probabilities = self.pipeline.predict_proba([model_input(t, s) for t, s in zip(texts, sections)])
        return [{label: round(float(p), 4) for label, p in zip(self.labels, row)} for row in probabilities]

    def predict(self, texts, sections=None) -> list:
        """One (labels, scores) per text: the labels whose score reaches their threshold."""
        out = []
        for scores in self.scores(list(texts), sections):
            labels = tuple(label for label in self.labels if scores[label] >= self.thresholds.get(label, 0.5))
            out.append((labels, scores))
        return out
