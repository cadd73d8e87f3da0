"""Input readers behind one interface, chosen by content first and by name second.

    sniff ──► pdf.read_pdf      %PDF magic
          ├─► docx.read_docx    PK zip holding word/document.xml
          ├─► archive           PK zip of anything else: each member read in turn
          ├─► mhtml.read_mhtml  MIME multipart/related (a page saved as .mht): its HTML part
          ├─► html.read_html    markup (<html, <table …) or an .html/.htm name
          └─► text.read_text    any other text, in any common encoding
    then script.to_simplified: traditional characters → simplified, offsets kept

``read_bytes`` reads one document; ``iter_bytes`` yields every document bytes hold (an
archive's members, named ``archive.zip/member.txt``), or the InputError for each one
that cannot be read.
"""
from __future__ import annotations

import re
from pathlib import PurePath

from ..errors import EmptyInput, InputError, UnsupportedInput
from . import archive
from .document import Document
from .grid import Layout
from .docx import read_docx
from .html import read_html
from .mhtml import looks_like_mhtml, read_mhtml
from .pdf import read_pdf
from .script import in_converted, to_simplified
from .text import Decoded, looks_binary, read_text

PLAIN_SUFFIXES = (".txt", ".md", ".text", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php")
MHTML_SUFFIXES = (".mht", ".mhtml")
SUFFIXES = PLAIN_SUFFIXES + HTML_SUFFIXES + MHTML_SUFFIXES + (".pdf", ".docx", ".zip")
#: Larger inputs are refused unread: no real report comes near this.
MAX_INPUT_BYTES = 200 * 1024 * 1024

READERS = {"text": read_text, "html": read_html, "mhtml": read_mhtml, "pdf": read_pdf, "docx": read_docx}

#: Magic bytes of formats we recognise but do not read, with what to tell the user.
REFUSED_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls/.wps); save it as .docx or PDF"),
    (b"Rar!", "a RAR archive; only zip archives are read"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; only zip archives are read"),
    (b"\x1f\x8b", "a gzip file; only zip archives are read"),
    (b"\x89PNG", "an image (PNG); reports are read from text, not scans"),
    (b"\xff\xd8\xff", "an image (JPEG); reports are read from text, not scans"),
    (b"GIF8", "an image (GIF); reports are read from text, not scans"),
    (b"{\\rtf", "an RTF file; save it as .docx or PDF"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_PDF_PROBE_BYTES = 1024
_HTML_PROBE_BYTES = 4096
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table|div|p)\b", re.I | re.S)

_OFFICE_PARTS = {"xl/workbook.xml": "an Excel workbook", "ppt/presentation.xml": "a PowerPoint file"}


def _suffix(name: str) -> str:
    return PurePath(name).suffix.lower()


def _readable() -> str:
    return ", ".join(SUFFIXES)


def zip_kind(data: bytes, source: str) -> str:
    """'docx' or 'zip' for a PK file; other Office files are refused."""
    names = set(archive.open_zip(data, source).namelist())
    if "word/document.xml" in names:
        return "docx"
    for part, what in _OFFICE_PARTS.items():
        if part in names:
            raise UnsupportedInput(f"{what}, not a report document; readable: {_readable()}", source=source)
    return "zip"


def looks_like_html(data: bytes) -> bool:
    head = data[:_HTML_PROBE_BYTES].replace(b"\x00", b"").decode("ascii", "ignore").lstrip("\ufeff")
    return bool(_HTML_START.match(head))


def sniff(data: bytes, name: str) -> str:
    """Which reader reads ``data``: 'pdf', 'docx', 'zip', 'mhtml', 'html' or 'text'.

    >>> sniff(b"%PDF-1.7 ...", "report.txt"), sniff(b"<html><p>x</p>", "a.txt"), sniff(b"abc", "a.htm")
    ('pdf', 'html', 'html')
    """
    if not data.strip():
        raise EmptyInput("the file is empty", source=name)
    if b"%PDF-" in data[:_PDF_PROBE_BYTES]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return zip_kind(data, name)
    for magic, what in REFUSED_MAGIC:
        if data.startswith(magic):
            raise UnsupportedInput(f"{what}; readable: {_readable()}", source=name)
    if looks_like_mhtml(data):
        return "mhtml"
    if looks_like_html(data) or _suffix(name) in HTML_SUFFIXES:
        return "html"
    if _suffix(name) not in PLAIN_SUFFIXES and looks_binary(data):
        raise UnsupportedInput(f"unsupported file type {_suffix(name) or '(no suffix)'!r} "
                               f"(binary content); readable: {_readable()}", source=name)
    return "text"


def read_one(data: bytes, name: str, kind: str) -> Document:
    """A reader returns the text, a :class:`Layout` (the text and the tables it draws), or a
    :class:`Decoded` text with the warnings of its repairs."""
    read = READERS[kind](data, name)
    warnings = read.warnings if isinstance(read, Decoded) else ()
    read = read.text if isinstance(read, Decoded) else read
    layout = read if isinstance(read, Layout) else Layout(read)
    if not layout.text.strip():
        raise EmptyInput(f"no text found in this {kind} file", source=name)
    converted, script = to_simplified(layout.text)
    grids = layout.grids if script is None else tuple(in_converted(g, converted, script) for g in layout.grids)
    return Document(name, converted, kind, script, grids, warnings)


def iter_bytes(data: bytes, name: str, depth: int = 0):
    """Every document ``data`` holds: a Document, or the InputError saying why not."""
    try:
        if len(data) > MAX_INPUT_BYTES:
            raise UnsupportedInput(f"too large ({len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,})",
                                   source=name)
        kind = sniff(data, name)
        if kind != "zip":
            yield read_one(data, name, kind)
            return
    except InputError as exc:
        yield exc
        return
    for member in archive.iter_members(data, name, depth):
        if isinstance(member, InputError):
            yield member
        else:
            yield from iter_bytes(member.data, member.source, depth + 1)


def read_bytes(data: bytes, name: str) -> Document:
    """One document from bytes (an upload). An archive must hold exactly one readable document."""
    return read_single(data, name)


def read_single(data: bytes, name: str, several: str = "send its reports one by one or read it with iter_documents") -> Document:
    """:func:`read_bytes`, whose error for an archive of several documents says, after
    their count, what to do instead (``several``: the caller knows its own way)."""
    results = list(iter_bytes(data, name))
    if len(results) == 1:
        if isinstance(results[0], InputError):
            raise results[0]
        return results[0]
    documents = sum(isinstance(r, Document) for r in results)
    raise UnsupportedInput(f"a zip archive holding {len(results)} files ({documents} readable); {several}",
                           source=name)


__all__ = ["Document", "MAX_INPUT_BYTES", "SUFFIXES", "PLAIN_SUFFIXES", "iter_bytes", "read_bytes", "read_single", "sniff"]
