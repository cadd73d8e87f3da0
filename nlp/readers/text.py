"""Plain text in any common encoding: UTF-8 (BOM or not), UTF-16, GB18030/GBK, Big5.

The encoding is detected by charset-normalizer among the encodings Chinese reports come
in; valid UTF-8 is taken as UTF-8 without asking it.
"""
from __future__ import annotations

import charset_normalizer

from ..errors import EmptyInput, UndecodableInput

#: The encodings charset-normalizer chooses among (GB18030 is a superset of GBK, GB2312).
CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "cp950", "utf_16", "utf_32")
#: Looked at for NUL bytes, the mark of binary data.
BINARY_PROBE_BYTES = 4096
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff")


def normalize_newlines(text: str) -> str:
    r"""
    >>> normalize_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    return not data.startswith(_UNICODE_BOMS) and b"\x00" in data[:BINARY_PROBE_BYTES]


def decode(data: bytes, source: str) -> str:
    """Bytes to text with newlines normalised, or an :class:`InputError` naming ``source``."""
    if not data.strip():
        raise EmptyInput("the file is empty", source=source)
    if looks_binary(data):
        raise UndecodableInput("binary data (NUL bytes), not text", source=source)
    try:
        return normalize_newlines(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None:
        raise UndecodableInput("not text in UTF-8, UTF-16, GB18030/GBK or Big5", source=source)
    return normalize_newlines(str(best)).lstrip("\ufeff")


def read_text(data: bytes, source: str) -> str:
    text = decode(data, source)
    if not text.strip():
        raise EmptyInput("the file holds only white space", source=source)
    return text
