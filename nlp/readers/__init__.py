"""Input readers behind one interface, chosen by content first and by name second.

    sniff ──► pdf.read_pdf      %PDF magic (a page without a text layer: by OCR)
          ├─► ocr.read_image    PNG, JPEG or TIFF magic: a scanned page, by OCR
          ├─► docx.read_docx    PK zip holding word/document.xml
          ├─► archive           PK zip of anything else: each member read in turn
          ├─► mhtml.read_mhtml  MIME multipart/related (a page saved as .mht): its HTML part
          ├─► html.read_html    markup (<html, <table …) or an .html/.htm name
          └─► text.read_text    any other text, in any common encoding
    then script.to_simplified: traditional characters → simplified, offsets kept

``read_bytes`` reads one document; ``iter_bytes`` yields every document bytes hold (an
archive's members, named ``archive.zip/member.txt``), or the InputError for each one
that cannot be read. ``ocr`` (auto, always, never) says which pages of a PDF are read by
OCR, and whether images are read at all (nlp/readers/ocr.py).
"""
from __future__ import annotations

import re
from pathlib import PurePath

from ..errors import EmptyInput, InputError, InputTooLarge, UnsupportedInput
from . import archive
from .document import Document
from .grid import Layout
from .docx import read_docx
from .html import read_html
from .mhtml import looks_like_mhtml, read_mhtml
from .ocr import image_kind, read_image
from .pdf import read_pdf
from .script import in_converted, to_simplified
from .text import Decoded, looks_binary, read_text

PLAIN_SUFFIXES = (".txt", ".md", ".text", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php")
MHTML_SUFFIXES = (".mht", ".mhtml")
SUFFIXES = PLAIN_SUFFIXES + HTML_SUFFIXES + MHTML_SUFFIXES + (".pdf", ".docx", ".zip")
#: Page images are read by OCR when named (or found in an archive), but a directory search
#: leaves them out: in a folder of reports an image is far more often a picture than a page.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
#: Larger inputs are refused unread: no real report comes near this.
MAX_INPUT_BYTES = 200 * 1024 * 1024

READERS = {"text": read_text, "html": read_html, "mhtml": read_mhtml, "pdf": read_pdf, "docx": read_docx,
           "image": read_image}
#: Readers that take the ``ocr`` mode.
OCR_READERS = ("pdf", "image")

#: Magic bytes of formats we recognise but do not read, with what to tell the user.
REFUSED_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls/.wps); save it as .docx or PDF"),
    (b"Rar!", "a RAR archive; only zip archives are read"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; only zip archives are read"),
    (b"\x1f\x8b", "a gzip file; only zip archives are read"),
    (b"GIF8", "an image (GIF); scanned pages are read from PNG, JPEG or TIFF"),
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
    """Which reader reads ``data``: 'pdf', 'image', 'docx', 'zip', 'mhtml', 'html' or 'text'.

    >>> sniff(b"%PDF-1.7 ...", "report.txt"), sniff(b"<html><p>x</p>", "a.txt"), sniff(b"abc", "a.htm")
    ('pdf', 'html', 'html')
    >>> sniff(b"\\xff\\xd8\\xff\\xe0 JFIF", "scan.pdf")
    'image'
    """
    if not data.strip():
        raise EmptyInput("the file is empty", source=name)
    if b"%PDF-" in data[:_PDF_PROBE_BYTES]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return zip_kind(data, name)
    if image_kind(data):
        return "image"
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


def read_one(data: bytes, name: str, kind: str, ocr: str = "auto") -> Document:
    """A reader returns the text, a :class:`Layout` (the text and the tables it draws), or a
    :class:`Decoded` text with the warnings of its repairs."""
    read = READERS[kind](data, name, ocr=ocr) if kind in OCR_READERS else READERS[kind](data, name)
    warnings = read.warnings if isinstance(read, Decoded) else ()
    read = read.text if isinstance(read, Decoded) else read
    layout = read if isinstance(read, Layout) else Layout(read)
    if not layout.text.strip():
        raise EmptyInput(f"no text found in this {kind} file", source=name)
    converted, script = to_simplified(layout.text)
    grids = layout.grids if script is None else tuple(in_converted(g, converted, script) for g in layout.grids)
    return Document(name, converted, kind, script, grids, warnings)


def iter_bytes(data: bytes, name: str, depth: int = 0, ocr: str = "auto"):
    """Every document ``data`` holds: a Document, or the InputError saying why not."""
    try:
        if len(data) > MAX_INPUT_BYTES:
            raise InputTooLarge(f"too large ({len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,})",
                                source=name)
        kind = sniff(data, name)
        if kind != "zip":
            yield read_one(data, name, kind, ocr)
            return
    except InputError as exc:
        yield exc
        return
    for member in archive.iter_members(data, name, depth):
        if isinstance(member, InputError):
            yield member
        else:
            yield from iter_bytes(member.data, member.source, depth + 1, ocr)


def read_bytes(data: bytes, name: str, ocr: str = "auto") -> Document:
    """One document from bytes (an upload). An archive must hold exactly one readable document."""
    return read_single(data, name, ocr=ocr)


def read_single(data: bytes, name: str, several: str = "send its reports one by one or read it with iter_documents",
                ocr: str = "auto") -> Document:
    """:func:`read_bytes`, whose error for an archive of several documents says, after
    their count, what to do instead (``several``: the caller knows its own way)."""
    results = list(iter_bytes(data, name, ocr=ocr))
    if len(results) == 1:
        if isinstance(results[0], InputError):
            raise results[0]
        return results[0]
    documents = sum(isinstance(r, Document) for r in results)
    raise UnsupportedInput(f"a zip archive holding {len(results)} files ({documents} readable); {several}",
                           source=name)


__all__ = ["Document", "IMAGE_SUFFIXES", "MAX_INPUT_BYTES", "SUFFIXES", "PLAIN_SUFFIXES", "iter_bytes", "read_bytes", "read_single", "sniff"]
