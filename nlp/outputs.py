"""Records files: JSON Lines, one record a line, as ``nianbao annotate -o`` writes them.

Every command and the service read and write them here, and nowhere else:

    record_line      a Record or ErrorRecord → its line (compact JSON, no newline)
    read_records     the records of a file, one at a time, typed (a half-written last line is
                     skipped); load_records: all of them
    encoded_line     a line as the bytes records_writer writes for it (its newline included):
                     batch workers send these, so the parent of a run only writes bytes
    records_writer   write(line) to a file or standard output, flushed per line, so a crash or
                     Ctrl-C never loses what was already written
    resume_state     --resume: what an earlier run wrote, its half-written last line cut off
    writing          an OSError while writing a path as one OutputError naming it

A line that is not a record (not JSON, not an object, a value outside the contract) is a
:class:`~nlp.errors.DataError` naming the file and the line; a file that is not there an
:class:`~nlp.errors.InputError`; a write that fails an :class:`~nlp.errors.OutputError`.
"""
from __future__ import annotations

import codecs
import json
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Union

from .errors import DataError, InputError, OutputError
from .record import ErrorRecord, Record, from_dict

Line = Union[Record, ErrorRecord]


def record_line(record: Line) -> str:
    """The JSON line of a record (no newline): compact, Chinese as it is."""
    return json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":"))


def parse_line(raw, number: int, path) -> Line:
    """The record of one line; a DataError naming the file and the line when it is none."""
    try:
        data = json.loads(raw)
    except ValueError:
        raise DataError(f"line {number} is not an annotation record (not JSON)", source=str(path)) from None
    try:
        return from_dict(data)
    except DataError as exc:
        raise DataError(f"line {number} is not an annotation record: {exc.message}", source=str(path)) from None


def _complete_lines(f) -> Iterator[tuple]:
    """(line number, bytes) of every line that ends in a newline; the last line without one
    is what a run still going, or killed, left half-written: not yielded."""
    for number, raw in enumerate(f, 1):
        if not raw.endswith(b"\n"):
            return
        yield number, raw


def read_records(path) -> Iterator[Line]:
    """The records of a records file, one at a time (blank lines skipped)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("cannot read: no such records file (JSON Lines from `nianbao annotate -o`)", source=str(path))
    try:
        with open(path, "rb") as f:
            for number, raw in _complete_lines(f):
                if raw.strip():
                    yield parse_line(raw, number, path)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None


def load_records(path) -> list:
    """Every record of a records file."""
    return list(read_records(path))


@contextmanager
def writing(path):
    """An OSError while writing ``path`` (a full disk, no such directory, no permission, a
    directory in the way) becomes one OutputError naming it, not a traceback."""
    try:
        yield
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", source=str(path or "<stdout>")) from None


def encoded_line(line: str) -> Union[bytes, str]:
    """The bytes :func:`records_writer` writes for ``line`` (UTF-8, its newline included).
    A line UTF-8 cannot encode (a lone surrogate) is returned as it is: written, it fails
    where and as it always did, in the writer."""
    try:
        return (line + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return line


@contextmanager
def records_writer(path=None, append: bool = False):
    """Yields ``write(line)`` to ``path`` (None: standard output), flushed as it goes:
    ``line`` is a line (:func:`record_line`, no newline) or its bytes (:func:`encoded_line`),
    written as they are, so that a batch's parent never decodes nor encodes a record."""
    out = sys.stdout
    with writing(path):
        stream = _stdout_bytes(out) if path is None else open(path, "ab" if append else "wb")

    def write(line) -> None:
        with writing(path):
            if path is None and (stream is None or not isinstance(line, bytes)):
                # as text: standard output that writes no UTF-8 bytes underneath, or a line
                # (a str) whose characters its own error handler decides about
                out.write(line.decode("utf-8") if isinstance(line, bytes) else line + "\n")
                out.flush()
                return
            stream.write(line if isinstance(line, bytes) else line.encode("utf-8") + b"\n")
            stream.flush()

    try:
        yield write
    finally:
        if path is not None:
            stream.close()


def _stdout_bytes(out):
    """The binary stream under standard output ``out`` when it writes UTF-8 (what it holds
    so far flushed first, so that nothing comes out of order); None when it has none or
    writes another encoding, and lines go through it as text."""
    buffer = getattr(out, "buffer", None)
    try:
        utf8 = codecs.lookup(out.encoding).name == "utf-8"
    except (AttributeError, LookupError, TypeError):
        return None
    if buffer is None or not utf8:
        return None
    out.flush()
    return buffer


@dataclass(frozen=True)
class Done:
    """A record already in the output, as --resume needs to know it."""

    failed: bool
    checks_failed: bool


def resume_state(path) -> dict:
    """source → {content_sha256: Done} for every record in ``path`` (empty if there is no file).

    The half-written last line a killed run left is cut off the file, and its report
    annotated again. Any other line that is not a record makes this a DataError: the file
    is not one ``nianbao annotate`` wrote, and nothing is appended to it.
    """
    done: dict = {}
    if not os.path.exists(path):
        return done
    with writing(path), open(path, "rb+") as f:
        kept = 0
        for number, raw in _complete_lines(f):
            if raw.strip():
                record = _resumable(raw, number, path)
                failed = isinstance(record, ErrorRecord)
                done.setdefault(record.source, {})[record.content_sha256] = Done(failed, not failed and record.failed())
            kept += len(raw)
        f.truncate(kept)
    return done


def _resumable(raw: bytes, number: int, path) -> Line:
    try:
        return parse_line(raw, number, path)
    except DataError as exc:
        raise DataError(f"{exc.message}; refusing to resume into this file", source=str(path)) from None
