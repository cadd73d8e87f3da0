"""What runs inside the pool's processes: one Engine per process, built once by
:func:`init`, then called by the functions below. Each takes and returns plain data
(str, bytes, dict, list), so nothing but that crosses the process boundary.
"""
from __future__ import annotations

import logging
import os

from ..engine import Engine
from ..errors import EmptyInput, ModelError, NianbaoError
from ..facts import extract_facts
from ..read import read_bytes
from ..record import Record
from ..segment import find_sections

log = logging.getLogger("nianbao.service")
_engine = None
_load_error = None

#: Annotated once at start, so that what the stages load lazily (jieba's dictionary,
#: compiled patterns) is loaded before /readyz says ready, not in the first request.
WARM_UP_TEXT = ("某某局2021年政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻落实《中华人民共和国政府信息公开条例》，"
                "通过门户网站发布信息120条，微信公众号发布信息35条。\n五、存在的主要问题及改进情况\n"
                "政府信息公开工作仍存在不足，下一步将加强培训。\n")


def init(model_path) -> None:
    """Pool initializer. A model that fails to load is kept as the answer to every call
    (and to /readyz) rather than killing the process, which would break the pool."""
    global _engine, _load_error
    try:
        _engine = Engine(model_path)
    except ModelError as exc:
        _load_error = exc
        return
    try:
        _engine.annotate_text(WARM_UP_TEXT, "<warm-up>")
    except Exception as exc:  # warming is best effort: a real request will meet the same error
        log.warning("warm-up annotation failed: %s: %s", type(exc).__name__, exc)


def call(fn, *args):
    """Run ``fn`` here; a NianbaoError travels back as :class:`Relayed` with its source."""
    try:
        return fn(*args)
    except NianbaoError as exc:
        raise Relayed(type(exc), exc.message, exc.source) from None


class Relayed(Exception):
    """A NianbaoError on its way out of a pool process: (class, message, source)."""

    def unwrap(self) -> NianbaoError:
        cls, message, source = self.args
        return cls(message, source=source)


def _engine_or_raise() -> Engine:
    if _load_error is not None:
        raise ModelError(f"the engine could not be built: {_load_error.message}")
    return _engine


def _classifier():
    return _engine_or_raise().classifier


def status() -> dict:
    """Who answered and what it loaded (for /readyz)."""
    return {"pid": os.getpid(), "error": _load_error.message if _load_error else None,
            "classifier": _load_error is None and _classifier() is not None}


def annotate_text(text: str, source: str) -> dict:
    if not text.strip():
        raise EmptyInput("the text holds only white space", source=source)
    return _engine_or_raise().annotate_text(text, source).to_dict()


def annotate_upload(data: bytes, name: str) -> dict:
    return _engine_or_raise().annotate(read_bytes(data, name)).to_dict()


def facts(text: str) -> list:
    if not text.strip():
        raise EmptyInput("the text holds only white space")
    found = extract_facts(text, find_sections(text), ())
    return Record(source="", edition=None, year=None, agency=None, facts=tuple(found)).to_dict()["facts"]


def classify(texts: list, sections: list) -> list:
    """Labels and scores per text; ``sections`` holds each one's section number or None."""
    classifier = _classifier()
    if classifier is None:
        raise ModelError("model not loaded: no paragraph classifier is available "
                         "(train one, or start the service with --model PATH)")
    args = (texts, sections) if any(s is not None for s in sections) else (texts,)
    return [{"labels": list(labels), "scores": {k: float(v) for k, v in scores.items()}}
            for labels, scores in classifier.predict(*args)]
