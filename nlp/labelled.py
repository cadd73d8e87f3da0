"""Labelled-data files: labelled paragraphs as JSON Lines rows, as in data/labelled (read
data/labelled/README.md):

    {"text", "labels", "source", "section", "agency", "year", "how", "checked", ...}

``how`` says how a row was labelled (``gold``: a gold record's paragraph; ``read``: read and
labelled by hand; ``weak``: from a sub-heading; ``review``: a reviewer's correction;
``synthetic``: written by us, trained on, never in an evaluation figure).

Every reader and writer of labelled rows uses this module — ``nianbao train``
(:mod:`nlp.training`), ``nianbao evaluate-classifier``, ``nianbao import-labels``
(:mod:`nlp.review.labelled`) and the scripts of training/:

    read_rows    the rows of one file, each checked
    load_rows    the rows of several files (synthetic rows left out for an evaluation)
    write_rows   a whole file of rows (written beside it, then renamed over it)
    dedupe, text_key, group_of, data_hash

A line that is not a row (not JSON, no text, a label outside the contract, no source) is a
:class:`~nlp.errors.DataError` naming the file and the line; a file that is not there or not
UTF-8 an :class:`~nlp.errors.InputError`; a write that fails an :class:`~nlp.errors.OutputError`.

>>> check_row({"text": "一是公开意识不强。", "labels": ["problems"], "source": "a.txt#3"}, 7, "x.jsonl")["labels"]
['problems']
>>> check_row({"text": "…", "labels": ["problem"], "source": "a.txt"}, 7, "x.jsonl")
Traceback (most recent call last):
nlp.errors.DataError: x.jsonl: [E108] line 7: unknown labels ['problem']; known: problems, measures, platform, proactive_disclosure, request_handling, information_management, oversight
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .errors import DataError, InputError
from .outputs import writing
from .record import LABELS

#: ``how`` of text we wrote ourselves: trained on, never scored
SYNTHETIC = "synthetic"
_SPACE = re.compile(r"\s+")


def check_row(row, number: int, path, *, need_source: bool = True) -> dict:
    """``row`` (line ``number`` of ``path``) when it is a labelled row: a JSON object with a
    text, a list of known labels and (``need_source``) a source; else a DataError naming
    the file and the line."""
    def refuse(what: str):
        raise DataError(f"line {number}: {what}", source=str(path))

    if not isinstance(row, dict):
        refuse("not a labelled row (a JSON object with a text)")
    if not isinstance(row.get("text"), str) or not row["text"].strip():
        refuse("no text")
    labels = row.get("labels", [])
    if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        refuse(f"labels is not a list of labels: {labels!r}")
    unknown = sorted(set(labels) - set(LABELS))
    if unknown:
        refuse(f"unknown labels {unknown}; known: {', '.join(LABELS)}")
    if need_source and not row.get("source"):
        refuse("no source (every row says where it came from)")
    return row


def read_rows(path, *, synthetic: bool = True, need_source: bool = True, missing_ok: bool = False) -> list:
    """The rows of the labelled-data file ``path``, each checked (:func:`check_row`); blank
    lines skipped, ``synthetic``: False leaves out rows we wrote ourselves; ``missing_ok``:
    no rows, rather than an InputError, when there is no such file (yet)."""
    path = Path(path)
    if missing_ok and not path.exists():
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError("cannot read: no such labelled-data file (JSON Lines of text, labels, source)",
                         source=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("cannot read: not UTF-8 text (a labelled-data file is UTF-8 JSON Lines)", source=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise DataError(f"line {number}: not JSON ({getattr(exc, 'msg', exc)})", source=str(path)) from None
        check_row(row, number, path, need_source=need_source)
        if synthetic or row.get("how") != SYNTHETIC:
            rows.append(row)
    return rows


def load_rows(paths, *, synthetic: bool = True, need_source: bool = True) -> list:
    """The rows of the files ``paths``, in order (:func:`read_rows`)."""
    return [row for path in paths for row in read_rows(path, synthetic=synthetic, need_source=need_source)]


def write_rows(rows: list, path) -> None:
    """Write ``rows`` as the file ``path``: beside it first, then renamed over it, so a
    failed write leaves the old file whole; an OSError is an OutputError naming it."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with writing(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        tmp.replace(path)


def text_key(text: str) -> str:
    """A paragraph's text without white space: two rows of one paragraph have the same key."""
    return _SPACE.sub("", text)


def dedupe(rows: list) -> list:
    """Rows with the same text (white space aside) kept once, the first."""
    seen, out = set(), []
    for row in rows:
        key = text_key(row["text"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def group_of(row: dict) -> str:
    """The document a row came from, its source before ``#`` (rows of one report stay in
    one fold).

    >>> group_of({"source": "gold/a.json#120-180"})
    'gold/a.json'
    """
    return str(row["source"]).split("#", 1)[0]


def data_hash(paths) -> str:
    """sha256 over the files' bytes, in the order given (a model's metadata names its data)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()
