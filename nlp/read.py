"""Read an input file into a :class:`Document`: the text every later stage works on.

Plain text (.txt, .md) in UTF-8 (with or without BOM) or a legacy Chinese encoding.
Offsets in every record refer to ``Document.text``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import EmptyInput, InputError, UndecodableInput, UnsupportedInput

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")

#: Tried in order after UTF-8; GB18030 is a superset of GBK and GB2312.
LEGACY_ENCODINGS = ("gb18030", "big5")


@dataclass(frozen=True)
class Document:
    source: str
    text: str


def decode(data: bytes, source: str) -> str:
    """Bytes to text, or :class:`UndecodableInput` naming the file."""
    if not data.strip():
        raise EmptyInput("the file is empty", source=source)
    if b"\x00" in data[:4096]:
        raise UndecodableInput("binary data (NUL bytes), not text", source=source)
    for encoding in ("utf-8-sig", *LEGACY_ENCODINGS):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UndecodableInput("not UTF-8, GB18030 or Big5 text", source=source)


def read_path(path) -> Document:
    path = Path(path)
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise UnsupportedInput(f"unsupported file type {path.suffix or '(none)'!r}; "
                               f"readable: {', '.join(TEXT_SUFFIXES)}", source=str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnsupportedInput(f"cannot read: {exc.strerror}", source=str(path)) from None
    text = decode(data, str(path))
    if not text.strip():
        raise EmptyInput("the file holds only white space", source=str(path))
    return Document(str(path), text)


def read_bytes(data: bytes, name: str) -> Document:
    """A document from bytes (an upload): the reader is chosen by ``name``'s suffix."""
    suffix = Path(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise UnsupportedInput(f"unsupported file type {suffix or '(none)'!r}; "
                               f"readable: {', '.join(TEXT_SUFFIXES)}", source=name)
    text = decode(data, name)
    if not text.strip():
        raise EmptyInput("the file holds only white space", source=name)
    return Document(name, text)


def iter_documents(path):
    """The documents one input path holds (one for a file; an archive holds several).

    Yields a :class:`Document` or, for an input that cannot be read, the
    :class:`~nlp.errors.InputError` saying why, so a batch goes on past it.
    """
    try:
        yield read_path(path)
    except InputError as exc:
        yield exc
