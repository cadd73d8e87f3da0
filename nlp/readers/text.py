"""Plain text in any common encoding: UTF-8 (BOM or not), UTF-16, GB18030/GBK, Big5.

The encoding is detected by charset-normalizer among the encodings Chinese reports come
in; valid UTF-8 is taken as UTF-8 without asking it. A text pasted together from files in
two encodings (UTF-8 lines among GBK ones) is decoded line by line: each line as UTF-8 if
it is, else as GB18030, else with U+FFFD for the bytes neither reads; the document then
carries a warning saying how many lines were read which way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import charset_normalizer

from ..errors import EmptyInput, UndecodableInput
from ..vocabulary import cjk_at_least

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


#: A line that decodes as UTF-8 and holds this many Chinese characters is UTF-8 text (a
#: line of legacy-encoded bytes passes for UTF-8 by chance only when very short).
MIXED_MIN_CJK = 2


@dataclass(frozen=True)
class Decoded:
    """Text read from bytes, with what the reader had to repair (empty when nothing)."""

    text: str
    warnings: tuple = ()


def decode(data: bytes, source: str) -> str:
    """Bytes to text with newlines normalised, or an :class:`InputError` naming ``source``."""
    return decode_report(data, source).text


def decode_report(data: bytes, source: str) -> Decoded:
    """:func:`decode`, keeping the warning of a text decoded line by line."""
    if not data.strip():
        raise EmptyInput("the file is empty", source=source)
    if looks_binary(data):
        raise UndecodableInput("binary data (NUL bytes), not text", source=source)
    try:
        return Decoded(normalize_newlines(data.decode("utf-8-sig")))
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed_lines(data)
    if mixed is not None:
        return mixed
    best = charset_normalizer.from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None:
        raise UndecodableInput("not text in UTF-8, UTF-16, GB18030/GBK or Big5", source=source)
    return Decoded(normalize_newlines(str(best)).lstrip("\ufeff"))


def decode_mixed_lines(data: bytes):
    r"""A text whose lines are UTF-8 and GB18030 (GBK) by turns, decoded line by line; None
    when the bytes are not such a mix (no line is UTF-8 Chinese text, or none is GB18030).

    >>> d = decode_mixed_lines("一、总体情况".encode("utf-8") + b"\n" + "本机关主动公开".encode("gbk") + b"\n\xff\xfe\xfd")
    >>> d.text.splitlines()[:2], d.warnings
    (['一、总体情况', '本机关主动公开'], ('the text mixes encodings: of its 3 lines, 1 was read as GB18030 and 1 could not be read: its undecodable bytes are replaced by U+FFFD',))
    >>> decode_mixed_lines("本机关主动公开".encode("gbk")) is None
    True
    """
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    utf8, legacy, replaced, decoded = 0, 0, 0, []
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8 += cjk_at_least(text, MIXED_MIN_CJK)
        except UnicodeDecodeError:
            try:
                text = line.decode("gb18030")
                legacy += 1
            except UnicodeDecodeError:
                text = line.decode("utf-8", errors="replace")
                replaced += 1
        decoded.append(text)
    if not utf8 or not legacy:
        return None
    said = f"of its {len(lines)} lines, {legacy} {'was' if legacy == 1 else 'were'} read as GB18030"
    if replaced:
        said += (f" and {replaced} could not be read: {'its' if replaced == 1 else 'their'} undecodable "
                 f"bytes are replaced by U+FFFD")
    return Decoded(normalize_newlines("\n".join(decoded)), (f"the text mixes encodings: {said}",))


def read_text(data: bytes, source: str) -> Decoded:
    decoded = decode_report(data, source)
    if not decoded.text.strip():
        raise EmptyInput("the file holds only white space", source=source)
    return decoded
