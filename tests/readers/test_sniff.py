"""The reader is chosen by content first, then by name."""
from __future__ import annotations

import pytest

from nlp.errors import DamagedInput, EmptyInput, UnsupportedInput
from nlp.readers import SUFFIXES, sniff

from .build import docx_bytes, zip_bytes


@pytest.mark.parametrize("data, name, kind", [
    (b"%PDF-1.7\n...", "report.pdf", "pdf"),
    (b"%PDF-1.4\n...", "report.txt", "pdf"),                       # content wins over the name
    (b"\xef\xbb\xbf<!DOCTYPE html><html>", "report.txt", "html"),
    (b"<!-- saved --><html><body>", "download.pdf", "html"),       # an error page saved as .pdf
    (b"<p>\xe6\x94\xbf</p>", "x", "html"),
    (b"plain words", "page.htm", "html"),
    (b"plain words", "report.txt", "text"),
    (b"a <p> in text", "report.txt", "text"),
    (b"no suffix at all", "upload", "text"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x", "page.mht", "mhtml"),
    (b"Subject: a mail\r\n\r\nmultipart/related in the body", "mail.txt", "text"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "report.doc", "image"),  # scanned pages: read by OCR
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "scan.pdf", "image"),
    (b"II*\x00\x08\x00\x00\x00", "scan.tif", "image"),
    (b"MM\x00*\x00\x00\x00\x08", "scan", "image"),
    (b"\x89PNX not quite", "notes.txt", "text"),
])
def test_kind(data, name, kind):
    assert sniff(data, name) == kind


def test_docx_and_zip_told_apart():
    assert sniff(docx_bytes(["一段"]), "report.zip") == "docx"
    assert sniff(zip_bytes({"a.txt": b"x"}), "report.docx") == "zip"


@pytest.mark.parametrize("data, words", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy Office file"),
    (b"Rar!\x1a\x07\x00", "RAR archive"),
    (b"GIF89a" + b"\x00" * 50, "GIF"),
    (b"{\\rtf1\\ansi", "RTF"),
])
def test_recognised_but_unread_formats(data, words):
    with pytest.raises(UnsupportedInput, match=words):
        sniff(data, "report.doc")


def test_excel_workbook_refused():
    with pytest.raises(UnsupportedInput, match="Excel"):
        sniff(zip_bytes({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}), "t.xlsx")


def test_truncated_zip_is_damaged():
    with pytest.raises(DamagedInput, match="t.zip.*damaged"):
        sniff(zip_bytes({"a.txt": b"x" * 100})[:40], "t.zip")


def test_empty():
    with pytest.raises(EmptyInput):
        sniff(b"", "x.txt")


def test_suffixes_cover_every_reader():
    assert {".txt", ".html", ".htm", ".pdf", ".docx", ".zip"} <= set(SUFFIXES)
