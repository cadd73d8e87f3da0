"""What runs inside the pool's processes: one Engine per process, built once by
:func:`init`, then called by the functions below. Each takes and returns plain data
(str, bytes, dict, list), so nothing but that crosses the process boundary.
"""
from __future__ import annotations

import logging
import os
from itertools import chain

from ..batch import annotate_documents
from ..engine import Engine
from ..errors import EmptyInput, InputError, ModelError, NianbaoError, UnsupportedInput
from ..lifeline import die_with_parent
from ..readers import iter_bytes, read_single, sniff

log = logging.getLogger("nianbao.service")
_engine = None
_load_error = None

def init(model_path, parent: int | None = None) -> None:
    """Pool initializer. A model that fails to load is kept as the answer to every call
    (and to /readyz) rather than killing the process, which would break the pool. The
    process ends when the service process that started it (pid ``parent``) is gone, also
    when that happened while it was still starting (nlp/lifeline.py)."""
    global _engine, _load_error
    die_with_parent(parent)
    try:
        _engine = Engine(model_path)
    except ModelError as exc:
        _load_error = exc
        return
    try:  # what the stages load lazily is loaded before /readyz says ready, not in the first request
        _engine.warm_up()
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
    """The record of the one report an upload holds; an archive of several is refused (415)
    with the endpoint that annotates each of them."""
    document = read_single(data, name, several="POST it to /v1/annotate/archive for a record per report")
    return _engine_or_raise().annotate(document).to_dict()


def annotate_archive(data: bytes, name: str) -> list:
    """The JSON lines ``nianbao annotate`` writes for an archive's members, in archive order:
    the record of each report, the error record of each member that cannot be read or is
    not a report."""
    engine = _engine_or_raise()
    outcomes = annotate_documents(engine, archive_documents(data, name), name, unread_sha256=_unhashed)
    return [outcome.line for outcome in outcomes]


def archive_documents(data: bytes, name: str):
    """What ``iter_bytes`` reads from an uploaded archive, member by member. An archive
    refused whole (not an archive, damaged, empty, too many members) raises instead."""
    kind = sniff(data, name)
    if kind != "zip":
        raise UnsupportedInput(f"a {kind} document, not an archive of reports; "
                               "POST a single report to /v1/annotate/file", source=name)
    members = iter_bytes(data, name)
    first = next(members, None)
    if first is None:
        raise EmptyInput("the archive holds nothing but operating-system litter (__MACOSX, .DS_Store)",
                         source=name)
    if isinstance(first, InputError) and first.source == name:
        raise first
    return chain([first], members)


def _unhashed(source: str) -> None:
    """The content_sha256 of a member that cannot be read: null, as the CLI writes for an
    archive member. (Never a file's hash: a name in a client's archive may match a path
    on the server.)"""
    return None


def facts(text: str) -> list:
    return [f.to_dict() for f in _engine_or_raise().facts(text)]


def classify(paragraphs: list) -> list:
    """Labels and scores per paragraph (each with its ``text`` and ``section`` or None)."""
    return [{"labels": list(labels), "scores": scores} for labels, scores in _engine_or_raise().classify(paragraphs)]
