"""Read an input into a :class:`Document`: the text every later stage works on.

The facade over :mod:`nlp.readers`, which picks a reader by content, then by name:
plain text in any common encoding, HTML pages, PDF with a text layer, DOCX, and zip
archives of these. Offsets in every record refer to ``Document.text``.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import InputError, InputTooLarge, UnsupportedInput
from .readers import MAX_INPUT_BYTES, SUFFIXES, Document, iter_bytes, read_bytes
from .readers.text import decode

#: The old name, kept for its importers: every readable suffix, not only plain text.
TEXT_SUFFIXES = SUFFIXES

__all__ = ["Document", "SUFFIXES", "TEXT_SUFFIXES", "decode", "iter_documents", "read_bytes", "read_path",
           "require_files"]


def missing_reason(path) -> str:
    """Why a path names nothing to read: no such file, a symbolic link loop, or a link to
    a file that is not there.

    >>> missing_reason("/no/such/file")
    'no such file or directory'
    """
    if not os.path.islink(path):
        return "no such file or directory"
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop (its links lead back to themselves); point it at a real file"
    return f"a symbolic link to {os.readlink(path)!r}, which does not exist"


def require_files(paths) -> None:
    """An InputError naming the first of ``paths`` that is no file to read (a command's
    data files, checked before any work starts)."""
    for path in paths:
        if not Path(path).is_file():
            reason = "a directory, not a file" if Path(path).is_dir() else missing_reason(path)
            raise InputError(f"cannot read: {reason}", source=str(path))


def _load(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputTooLarge(f"too large ({size:,} bytes; the limit is {MAX_INPUT_BYTES:,})",
                                source=str(path))
        return path.read_bytes()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ELOOP):
            raise UnsupportedInput(f"cannot read: {missing_reason(path)}", source=str(path)) from None
        raise UnsupportedInput(f"cannot read: {exc.strerror or exc}", source=str(path)) from None


def read_path(path, ocr: str = "auto") -> Document:
    """The one document a file holds (an archive must hold exactly one readable report).
    ``ocr``: which pages are read by OCR (auto: those without a text layer; always; never)."""
    path = Path(path)
    return read_bytes(_load(path), str(path), ocr=ocr)


def readable_files(directory: Path) -> list:
    return sorted(f for f in directory.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)


def iter_documents(path, ocr: str = "auto"):
    """The documents one input path holds: one for a file, each member of an archive,
    each readable file under a directory.

    Yields a :class:`Document` or, for an input that cannot be read, the
    :class:`~nlp.errors.InputError` saying why, so a batch goes on past it.
    """
    path = Path(path)
    if path.is_dir():
        for file in readable_files(path):
            yield from iter_documents(file, ocr)
        return
    try:
        data = _load(path)
    except InputError as exc:
        yield exc
        return
    yield from iter_bytes(data, str(path), ocr=ocr)
