"""Inputs a reader can still read with a repair, and inputs it must refuse with advice:
a text mixing GBK and UTF-8 lines is decoded line by line with a warning; a whole file in
one legacy encoding is not taken for a mix; a PDF that needs a password says so."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp.errors import DamagedInput
from nlp.read import read_bytes
from nlp.readers.text import decode_mixed_lines

ROOT = Path(__file__).resolve().parents[2]
REPORTS = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((ROOT / "data" / "corpus" / "reports").glob("*.txt"))


def _mixed(text: str, every: int) -> bytes:
    """Every ``every``-th line in GBK, the others in UTF-8 (a report pasted from two files)."""
    return b"\n".join(line.encode("gb18030" if i % every == 0 else "utf-8")
                      for i, line in enumerate(text.split("\n")))


@pytest.mark.parametrize("path", REPORTS[:4], ids=lambda p: p.stem)
@pytest.mark.parametrize("every", [2, 5])
def test_a_report_mixing_gbk_and_utf8_lines_is_read_whole_with_a_warning(path, every):
    text = path.read_text(encoding="utf-8")
    doc = read_bytes(_mixed(text, every), "mixed.txt")
    assert doc.text == text
    legacy = sum(1 for i, line in enumerate(text.split("\n")) if i % every == 0 and not line.isascii())
    assert doc.warnings == (f"the text mixes encodings: of its {text.count(chr(10)) + 1} lines, {legacy} "
                            f"{'was' if legacy == 1 else 'were'} read as GB18030",)


def test_lines_in_neither_encoding_are_counted_as_replaced():
    data = "一、总体情况".encode() + b"\n" + "本机关主动公开".encode("gbk") + b"\n\x80\xff\x80\n" + "二、主动公开".encode()
    decoded = decode_mixed_lines(data)
    assert decoded.text.split("\n")[2] == "\ufffd\ufffd\ufffd"
    assert "1 could not be read" in decoded.warnings[0]


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-8"])
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_a_report_in_one_encoding_is_no_mix(path, encoding):
    """No row may match: a whole file in one encoding is decoded whole, without a warning."""
    text = path.read_text(encoding="utf-8")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{path.name} has characters {encoding} lacks")
    assert decode_mixed_lines(data) is None or encoding == "utf-8"
    assert read_bytes(data, "r.txt").warnings == ()


def test_a_pdf_with_a_user_password_says_what_to_do():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "annual report")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    with pytest.raises(DamagedInput) as caught:
        read_bytes(bytes(pdf.output()), "locked.pdf")
    message = str(caught.value)
    assert message.startswith("locked.pdf: [E106] the PDF is protected by a password")
    assert "save or print it as a PDF without one" in message and "PDFPasswordIncorrect" not in message


def test_a_pdf_with_only_an_owner_password_is_read():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "annual report")
    pdf.set_encryption(owner_password="owner")
    assert "annual report" in read_bytes(bytes(pdf.output()), "owner.pdf").text
