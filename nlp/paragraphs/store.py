"""Saving and loading the paragraph model with its metadata.

``paragraphs.joblib`` holds the fitted :class:`~nlp.paragraphs.model.ParagraphClassifier`;
``paragraphs.meta.json`` beside it says what it is: labels and thresholds, the versions it
was built with, the sha256 of the training data and of the model file itself, the date,
the metrics. Loading reads the metadata first and refuses, before unpickling anything, a
model file whose hash differs (tampered with or replaced), one of another format, or one
whose arrays were pickled by another major numpy (the model holds numpy arrays only;
serving needs no scikit-learn).
"""
from __future__ import annotations

import errno
import hashlib
import importlib
import json
import os
import sys
from pathlib import Path

import joblib

from ..errors import ModelError
from ..outputs import writing
from .features import cue_names
from .model import REQUIRED_LABELS, ParagraphClassifier

FORMAT = 2  # 1: a pickled scikit-learn Pipeline; 2: arrays of nlp.paragraphs.model.ParagraphClassifier
#: the model that ships: models/paragraphs.joblib in the repository, which nlp/models links to
#: so that the wheel carries it (package data)
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "models" / "paragraphs.joblib"
#: packages whose version must match, to this many parts (major.minor)
_PINNED = {"numpy": 1}
_RECORDED = ("scikit-learn", "numpy", "scipy", "joblib")


def meta_path(model_path: Path) -> Path:
    return Path(model_path).with_suffix(".meta.json")


def _loaded_version(name: str):
    """The version of a pinned package as the package itself says (numpy.__version__: it is
    imported already, and it is the version its distribution records), without importlib.metadata."""
    return getattr(importlib.import_module(name), "__version__", None)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def installed_versions() -> dict:
    from importlib import metadata as importlib_metadata  # 25 ms to import: saving a model, not loading one

    versions = {"python": ".".join(map(str, sys.version_info[:3]))}
    for name in _RECORDED:
        try:
            versions[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def save_model(classifier: ParagraphClassifier, path: Path) -> dict:
    """Write the model and its metadata; returns the metadata."""
    path = Path(path)
    with writing(path):
        if path.parent.exists() and not path.parent.is_dir():  # mkdir would say "File exists"
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump({"format": FORMAT, "classifier": classifier}, path, compress=3)
    meta = {"format": FORMAT, "model_file": path.name, "model_sha256": file_sha256(path),
            "versions": installed_versions(), **classifier.metadata}
    with writing(meta_path(path)):
        meta_path(path).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return meta


def read_metadata(path: Path) -> dict:
    mp = meta_path(path)
    if not mp.is_file():
        raise ModelError(f"model metadata {mp} is missing; a model is saved with its metadata by `nianbao train`")
    try:
        return json.loads(mp.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"model metadata {mp} is not valid JSON ({exc.msg})") from None


def check_model(path: Path) -> dict:
    """The metadata of the model at ``path`` if it may be loaded; else ModelError."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"no paragraph model at {path}; train one with "
                         "`nianbao train data/labelled/collected.jsonl -o models/paragraphs.joblib`")
    meta = read_metadata(path)
    if meta.get("format") != FORMAT:
        raise ModelError(f"model {path} has format {meta.get('format')!r}; this nianbao reads format {FORMAT}: "
                         "retrain it with `nianbao train` (`make model`)")
    actual = file_sha256(path)
    if actual != meta.get("model_sha256"):
        raise ModelError(f"model {path} does not match its metadata (sha256 {actual[:12]}…, expected "
                         f"{str(meta.get('model_sha256'))[:12]}…): the file was modified or replaced; refusing to load it")
    for name, parts in _PINNED.items():
        built = (meta.get("versions") or {}).get(name)
        have = _loaded_version(name)
        if not built or not have or built.split(".")[:parts] != have.split(".")[:parts]:
            raise ModelError(f"model {path} was built with {name} {built}, but {have} is installed; "
                             "retrain it with `nianbao train` (or install the version it was built with)")
    missing = set(REQUIRED_LABELS) - set(meta.get("labels", []))
    if missing:
        raise ModelError(f"model {path} lacks the required labels {sorted(missing)}")
    return meta


class _Loaded:
    """The loaded classifier, with the interface annotate_paragraphs() uses."""

    def __init__(self, classifier: ParagraphClassifier, path: Path, meta: dict):
        self._classifier = classifier
        self.path = path
        self.metadata = meta

    @property
    def labels(self) -> tuple:
        return self._classifier.labels

    def predict(self, texts, sections=None) -> list:
        """One (labels, scores) per text; ``sections`` (optional) are their section numbers."""
        return self._classifier.predict(list(texts), sections)


def load_classifier(model_path=None):
    """The classifier at ``model_path`` (None: the shipped model), checked first."""
    path = Path(model_path) if model_path else DEFAULT_MODEL
    meta = check_model(path)
    try:
        payload = joblib.load(path)
    except Exception as exc:  # a pickle that does not load is a model problem, whatever the cause
        raise ModelError(f"model {path} could not be loaded ({type(exc).__name__}: {exc})") from None
    classifier = payload.get("classifier") if isinstance(payload, dict) else None
    if not isinstance(classifier, ParagraphClassifier):
        raise ModelError(f"model {path} does not hold a paragraph classifier")
    cue_columns = classifier.coef.shape[0] - len(classifier.vocabulary)
    if cue_columns != len(cue_names()):
        raise ModelError(f"model {path} was trained with {cue_columns} cue columns, nlp/paragraphs/cues.json gives "
                         f"{len(cue_names())}: the cues changed since; retrain it with `nianbao train` (`make model`)")
    return _Loaded(classifier, path, meta)
