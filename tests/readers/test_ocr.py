"""The OCR reader on scans made from real report PDFs (tests/readers/scans/): a scan reads
to the cells and paragraphs of its text layer; pages turned, blank, damaged or too coarse;
ruled tables found by their lines; doubtful numbers settled or kept out.

Tests marked ``ocr`` run the recogniser on whole pages (a few seconds each).
"""
from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image
from rapidfuzz import fuzz

from nlp.errors import DamagedInput, EmptyInput, UnsupportedInput
from nlp.read import read_bytes
from nlp.readers.ocr import DPI, open_rendered, render_page
from nlp.readers.pdf import page_blocks
from nlp.readers.ruling import find_tables, ink_of, skew_angle, turned

from .scans import ScanSettings, scan_pdf, scanned_pages

SCANS = Path(__file__).parent / "scans"
STEMS = ["020q_xiangdu-kgxj-2020-print", "021q_shanghai-gov-office-2025-print"]
ABSENT = object()


def pdf_of(stem: str) -> bytes:
    return (SCANS / f"{stem}.pdf").read_bytes()


def gold_of(stem: str) -> dict:
    return json.loads((SCANS / f"{stem}.json").read_text(encoding="utf-8"))


def same(a, b) -> bool:
    return a is b or (a is not None and b is not None and a is not ABSENT and b is not ABSENT and abs(a - b) < 1e-6)


def scored_cells(record, gold) -> tuple:
    """(cells right, cells given a wrong value, wrong ones no failed check flags) against the gold."""
    tables = record.tables
    right = [f for f, v in gold["tables"].items() if same(tables.get(f, ABSENT), v)]
    wrong = [f for f, v in gold["tables"].items() if f in tables and not same(tables[f], v)]
    failed = {f for c in record.checks if c.status == "fail" for f in c.fields}
    return right, wrong, [f for f in wrong if f not in failed]


def agrees_with_text_layer(engine, pdf: bytes, stem: str, tables: dict) -> bool:
    """The scan's cells are the text layer's, where both have the cell."""
    text_layer = engine.annotate(read_bytes(pdf, f"{stem}.pdf")).tables
    return ({f: v for f, v in tables.items() if f in text_layer}
            == {f: v for f, v in text_layer.items() if f in tables})


# --- whole reports ---------------------------------------------------------------------

@pytest.mark.ocr
@pytest.mark.parametrize("stem", STEMS)
def test_a_scan_reads_the_cells_and_paragraphs_of_its_text_layer(stem, engine):
    pdf, gold = pdf_of(stem), gold_of(stem)
    scanned = read_bytes(scan_pdf(pdf), f"{stem}.pdf")
    assert scanned.grids and all(g.unit == "pt" for g in scanned.grids)
    assert all(c.confidence is not None for g in scanned.grids for c in g.cells)
    record = engine.annotate(scanned)
    right, wrong, unflagged = scored_cells(record, gold)
    assert len(right) / len(gold["tables"]) >= 0.97
    assert unflagged == []  # a wrong value is flagged by a failed check
    assert agrees_with_text_layer(engine, pdf, stem, record.tables)
    found = [p for p in gold["paragraphs"]
             if any(fuzz.partial_ratio(_plain(p["text"]), _plain(q.text)) >= 90 for q in record.paragraphs)]
    assert len(found) / len(gold["paragraphs"]) >= 0.9
    assert all(c.ocr_confidence is not None for c in record.cells)


# A table printed without rules (a 三线表, borders hidden): the same scans with their rules
# erased before scanning. 020q's review table prints no number at all, only blanks: its
# header is found and the band under it holds no ink before the next heading, so its one
# row (the template prints section 4 as one row) is 15 blank cells, read from empty space
# and so without a recogniser's confidence (placed_by ``empty band``).
UNRULED = STEMS[1], STEMS[0]


@pytest.mark.ocr
@pytest.mark.parametrize("stem", UNRULED)
def test_an_unruled_scan_reads_its_cells_by_position_with_their_confidence(stem, engine):
    pdf, gold = pdf_of(stem), gold_of(stem)
    scanned = read_bytes(scan_pdf(pdf, ScanSettings(rules=False)), f"{stem}.pdf")
    assert scanned.grids and all(g.unit == "words" for g in scanned.grids)
    assert all(c.confidence is not None for g in scanned.grids for c in g.cells if c.text)
    assert all(c.confidence is None for g in scanned.grids for c in g.cells if not c.text)  # nothing read
    record = engine.annotate(scanned)
    right, wrong, unflagged = scored_cells(record, gold)
    assert unflagged == []  # a wrong value is flagged by a failed check
    assert len(wrong) / len(gold["tables"]) < 0.01
    assert agrees_with_text_layer(engine, pdf, stem, record.tables)
    in_grids = [c for c in record.cells if any(g.start <= c.start < g.end for g in scanned.grids)]
    read = [c for c in in_grids if c.placed_by != "empty band"]
    assert read and all(c.ocr_confidence is not None for c in read)
    assert all(c.ocr_confidence is None and c.value is None for c in in_grids if c.placed_by == "empty band")
    assert len(right) / len(gold["tables"]) >= 0.97


@pytest.mark.ocr
@pytest.mark.parametrize("stem, index", [(STEMS[1], 0), (STEMS[0], 2)])
def test_prose_with_numbers_on_an_unruled_scan_stays_prose(stem, index):
    """Pages of prose (2025年…受理政府信息公开申请1295件, a heading, a date) make no table."""
    from nlp.readers.scan import page_blocks as scan_blocks

    page = np.asarray(scanned_pages(pdf_of(stem), ScanSettings(rules=False))[index])
    blocks = scan_blocks(page, DPI)
    assert blocks and [kind for kind, _ in blocks if kind != "lines"] == []


def _plain(text: str) -> str:
    return "".join(text.split())


def _page_png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG", dpi=(DPI, DPI))
    return buf.getvalue()


@pytest.fixture(scope="module")
def last_page():
    """The last page of the Shanghai report scanned: section 4's table, sections 5 and 6."""
    return scanned_pages(pdf_of(STEMS[1]))[2]


@pytest.mark.ocr
@pytest.mark.parametrize("turn", [180, 90])
def test_a_page_turned_is_read_upright(turn, last_page):
    text = read_bytes(_page_png(last_page.rotate(turn, expand=True)), "page.png").text
    assert "五、存在的主要问题及改进情况" in text
    assert "40 | 0 | 10 | 5 | 55 | 2 | 0 | 4 | 6 | 12 | 6 | 0 | 9 | 7 | 22" in text


@pytest.mark.ocr
def test_an_image_file_is_a_scanned_page(last_page):
    buf = io.BytesIO()
    last_page.save(buf, "JPEG", quality=70)
    doc = read_bytes(buf.getvalue(), "scan.jpg")
    assert doc.format == "image"
    assert "六、其他需要报告的事项" in doc.text


def test_a_blank_page_says_so():
    page = Image.fromarray(np.full((2339, 1654), 250, np.uint8))
    with pytest.raises(EmptyInput, match=r"blank\.png.*no text found by OCR on 1 page"):
        read_bytes(_page_png(page), "blank.png")


@pytest.mark.parametrize("data, error, words", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, DamagedInput, "cannot read the PNG image"),
    (b"II*\x00" + b"\x01" * 64, DamagedInput, "cannot read the TIFF image"),
])
def test_a_damaged_image_is_an_input_error(data, error, words):
    with pytest.raises(error, match=words):
        read_bytes(data, "scan")


def test_an_image_too_coarse_to_read_is_refused():
    buf = io.BytesIO()
    Image.new("L", (300, 420), 255).save(buf, "PNG")  # a thumbnail of a page: no resolution stated
    with pytest.raises(UnsupportedInput, match=r"thumb\.png.*300×420 pixels is too coarse"):
        read_bytes(buf.getvalue(), "thumb.png")


def test_ocr_never_refuses_scans_and_reads_text_layers():
    scanned = scan_pdf(pdf_of(STEMS[0]), ScanSettings(noise=0, blur=0))
    with pytest.raises(Exception, match="OCR is off"):
        read_bytes(scanned, "scan.pdf", ocr="never")
    assert "襄都区科技和工业信息化局" in read_bytes(pdf_of(STEMS[0]), "print.pdf", ocr="never").text


# --- ruled tables in page images ------------------------------------------------------

def _rendered(stem: str, index: int) -> np.ndarray:
    pdf = open_rendered(pdf_of(stem), stem)
    try:
        return render_page(pdf, index)
    finally:
        pdf.close()


def _text_layer_cells(stem: str, index: int) -> list:
    with pdfplumber.open(io.BytesIO(pdf_of(stem))) as pdf:
        return [c for kind, cells in page_blocks(pdf.pages[index].dedupe_chars()) if kind == "table" for c in cells]


@pytest.mark.parametrize("stem, index", [(STEMS[0], 0), (STEMS[0], 1), (STEMS[1], 1), (STEMS[1], 2)])
@pytest.mark.parametrize("tilt", [0.0, 0.6])
def test_the_cells_the_rules_close_are_the_text_layers_cells(stem, index, tilt):
    """Every cell of the PDF's ruled tables, blank rows a few points high included, is found
    in the page image (levelled when tilted), at the same place."""
    grey = _rendered(stem, index)
    if tilt:
        grey = np.asarray(Image.fromarray(grey).rotate(tilt, resample=Image.BICUBIC, fillcolor=255))
    level = turned(grey, skew_angle(ink_of(grey)))
    found = [c for t in find_tables(level, DPI)[0] for c in t.cells]
    to_pt = 72 / DPI
    missing = [c for c in _text_layer_cells(stem, index)
               if not any(abs(f.left * to_pt - c.left) < 3 and abs(f.right * to_pt - c.right) < 3
                          and abs(f.top * to_pt - c.top) < 3 and abs(f.bottom * to_pt - c.bottom) < 3 for f in found)]
    assert missing == []


@pytest.mark.parametrize("stem, index", [(STEMS[0], 2), (STEMS[1], 0)])
def test_a_page_of_prose_and_headings_has_no_table(stem, index):
    assert find_tables(_rendered(stem, index), DPI)[0] == []


def test_a_table_broken_by_the_page_is_closed_at_its_first_row():
    """Chromium prints no rule above the first row of a table continued on the next page;
    the row (2.申请人逾期未按收费通知要求缴纳费用…) is still a row of cells."""
    tables, _ = find_tables(_rendered(STEMS[1], 2), DPI)
    first = tables[0]
    top_row = [c for c in first.cells if c.top == first.cells[0].top]
    assert len(top_row) >= 8  # its label and the seven applicant columns


# --- doubtful numbers -----------------------------------------------------------------

def _with_doubt(doc, printed: str, after: str, read_as: str, confidence: float, candidates: tuple):
    """``doc`` as if OCR had read the cell printing ``printed`` (the first after ``after``)
    as ``read_as`` (same length), with this confidence and these other readings, and every
    other cell surely."""
    at = doc.text.index(printed, doc.text.index(after))
    text = doc.text[:at] + read_as + doc.text[at + len(printed):]
    grids = []
    for g in doc.grids:
        cells = tuple(replace(c, text=read_as, confidence=confidence, candidates=candidates) if c.start == at
                      else replace(c, confidence=1.0) for c in g.cells)
        grids.append(replace(g, cells=cells))
    return replace(doc, text=text, grids=tuple(grids))


@pytest.mark.parametrize("read_as, candidates, kept", [
    ("1259", ("1289",), True),           # 1259 + 36 + 0 + 0 + 0 + 0 = 1295: the recogniser's reading sums
    ("1289", ("1259", "1269"), True),    # its runner-up is the one reading that sums
    ("1289", ("1269",), False),          # none sums: out of tables, into ambiguous
    ("1289", ("1259", "1295"), True),    # 1295 breaks the column sums, 1259 holds
])
def test_a_doubtful_number_is_settled_by_the_sums_or_kept_out(read_as, candidates, kept, engine):
    doc = _with_doubt(read_bytes(pdf_of(STEMS[1]), "print.pdf"), "1259", "一、本年新收", read_as, 0.6, candidates)
    record = engine.annotate(doc)
    field = "requests.new_received.natural_person"
    assert (field in record.tables) is kept
    if kept:
        assert record.tables[field] == 1259
        cell = next(c for c in record.cells if c.field == field)
        assert (cell.raw, cell.ocr_confidence, cell.ocr_reading) == ("1259", 0.6, read_as)
    else:
        assert any(field in a.fields and a.reason.startswith("OCR read '1289'") for a in record.ambiguous)


def test_a_sure_number_is_taken_as_read(engine):
    doc = _with_doubt(read_bytes(pdf_of(STEMS[1]), "print.pdf"), "1259", "一、本年新收", "1259", 0.99, ())
    cell = next(c for c in engine.annotate(doc).cells if c.field == "requests.new_received.natural_person")
    assert (cell.value, cell.ocr_confidence, cell.ocr_reading) == (1259.0, 0.99, "")
