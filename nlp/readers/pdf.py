"""PDF with a text layer (pdfplumber): narrative lines and ruled tables as pipe rows.

Lines wrapped at the right margin are joined back into their paragraph; page numbers at
the top or bottom of a page are dropped; a table broken by a page break is read as one
table (a header row repeated on the next page is dropped). A page without a text layer
(a scan) is read by OCR (nlp/readers/ocr.py) into the same blocks, unless ``ocr="never"``.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

from ..errors import DamagedInput, EmptyInput, InputTooLarge, NianbaoError, UndecodableInput, UnsupportedInput
from ..vocabulary import PDF_PAGE_NUMBER_LINE
from .grid import GridCell, Layout, LayoutBuilder, clean_cell
from .pages import page_read
from .positions import table_zones, zone_box

#: pdfminer logs every repair it makes to a damaged file; a damaged file is an InputError here.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

MAX_PAGES = 1000
#: pdfplumber's table finder, with line snapping tighter than its default (3 pt): a row of
#: empty cells that a browser prints only a few points high stays a row.
TABLE_SETTINGS = {"snap_tolerance": 1.5, "join_tolerance": 1.5, "intersection_tolerance": 1.5}
#: A line ending this close to the text's right edge (in character widths) was wrapped.
WRAP_TOLERANCE_CHARS = 1.5
#: A line ending a sentence is not joined to the next even when it reaches the margin.
_SENTENCE_END = tuple("。！？；：!?;:")
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Line:
    text: str
    top: float
    x1: float
    char_width: float


def _line(raw: dict) -> Line:
    widths = sorted(c["x1"] - c["x0"] for c in raw.get("chars") or []) or [0.0]
    return Line(raw["text"], raw["top"], raw["x1"], widths[len(widths) // 2])


def drop_page_numbers(lines: list) -> list:
    """The first and last line of a page go when they are only a page number."""
    if lines and PDF_PAGE_NUMBER_LINE.match(lines[-1].text):
        lines = lines[:-1]
    if lines and PDF_PAGE_NUMBER_LINE.match(lines[0].text):
        lines = lines[1:]
    return lines


def _inside(obj: dict, boxes: list) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def page_blocks(page, page_top: float = 0.0) -> list:
    """The page as ("lines", [Line]) and ("table", [GridCell]) blocks, top to bottom;
    ``page_top`` is where the page starts on the stack of pages (cells' y positions)."""
    tables = [(t, table_cells(t, page_top)) for t in page.find_tables(table_settings(page))]
    tables = [(t, cells) for t, cells in tables if len({c.left for c in cells}) > 1]  # a frame is text
    boxes = [t.bbox for t, _ in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    zones = table_zones(outside.extract_words(x_tolerance=WORD_GAP_PT, y_tolerance=2),
                        _char_width(outside.chars), page_top)
    zone_boxes = [zone_box(cells, page_top) for cells in zones]
    outside = outside.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, zone_boxes))
    lines = sorted(map(_line, outside.extract_text_lines(return_chars=True)), key=lambda line: line.top)
    items = [(line.top, "lines", [line]) for line in drop_page_numbers(lines)]
    items += [(t.bbox[1], "table", cells) for t, cells in tables]
    items += [(box[1], "words", cells) for box, cells in zip(zone_boxes, zones)]
    return [(kind, value) for _, kind, value in sorted(items, key=lambda item: item[0])]


#: Characters closer than this (points) are one word for the unruled-table finder.
WORD_GAP_PT = 1.5


def _char_width(chars: list) -> float:
    widths = sorted(c["x1"] - c["x0"] for c in chars) or [10.0]
    return widths[len(widths) // 2]


def table_settings(page) -> dict:
    """A table continued from the previous page draws its first row's top rule at the foot
    of that page: without a rule above it the row is lost. Where the highest vertical rule
    of a page starts with no horizontal rule there, one is added."""
    vertical = [e for e in page.edges if e["orientation"] == "v"]
    if not vertical:
        return TABLE_SETTINGS
    tolerance = TABLE_SETTINGS["snap_tolerance"]
    top = min(e["top"] for e in vertical)
    starting = [e for e in vertical if e["top"] - top <= tolerance]
    width = max(e["x1"] for e in starting) - min(e["x0"] for e in starting)
    ruled = sum(e["x1"] - e["x0"] for e in page.edges if e["orientation"] == "h" and abs(e["top"] - top) <= tolerance)
    if ruled >= width / 2:  # the stubs where vertical rules begin are no rule
        return TABLE_SETTINGS
    return {**TABLE_SETTINGS, "explicit_horizontal_lines": [top]}


def table_cells(table, page_top: float) -> list:
    """A ruled table's cells with their boxes; a merged cell once (pdfplumber gives None
    where a row is covered by a cell of another row or column), an empty cell as ''."""
    cells = []
    for row, texts in zip(table.rows, table.extract()):
        for box, text in zip(row.cells, texts):
            if box is not None:
                x0, top, x1, bottom = box
                cells.append(GridCell(clean_cell(text or ""), page_top + top, page_top + bottom, x0, x1))
    return cells


def _first_row(cells: list) -> list:
    top = min((c.top for c in cells), default=0.0)
    return [c.text for c in cells if abs(c.top - top) < 1.0]


def without_repeated_header(tables: list) -> list:
    """Tables continued over pages: a first row repeating the first table's is dropped."""
    out = []
    for cells in tables:
        if out and cells and _first_row(cells) == _first_row(out[0]):
            top = min(c.top for c in cells)
            cells = [c for c in cells if abs(c.top - top) >= 1.0]
        out.append(cells)
    return out


def glue(before: str, after: str) -> str:
    """What joins a wrapped line to the next: a space between Latin words, else nothing.

    >>> glue("府", "信"), glue(",", "示"), glue("PDF", "file"[0])
    ('', '', ' ')
    """
    return " " if _LATIN.match(before[-1:]) and _LATIN.match(after[:1]) else ""


def join_wrapped(lines: list) -> list:
    """Lines wrapped at the right margin rejoined into paragraphs."""
    if not lines:
        return []
    right = max(line.x1 for line in lines)
    out, wrapped = [], False
    for line in lines:
        text = line.text.strip()
        if wrapped and out:
            out[-1] += glue(out[-1][-1:], text[:1]) + text
        else:
            out.append(text)
        wrapped = line.x1 >= right - WRAP_TOLERANCE_CHARS * max(line.char_width, 1.0) \
            and not text.endswith(_SENTENCE_END)
    return [text for text in out if text]


def render_blocks(blocks: list) -> Layout:
    """Consecutive blocks of one kind are read together (a table across pages, lines
    wrapped across pages), then laid out."""
    runs = []
    for kind, value in blocks:
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(value)
        else:
            runs.append((kind, [value]))
    out = LayoutBuilder()
    for kind, values in runs:
        if kind == "table":
            for cells in without_repeated_header(values):
                out.table(cells, unit="pt")
        elif kind == "words":
            for cells in values:
                out.table(cells, unit="words")
        else:
            out.lines(join_wrapped([line for value in values for line in value]))
    return out.build()


#: What a PDF that needs a password to open is told to do.
PASSWORD_HINT = ("the PDF is protected by a password (a user password is needed to open it): open it with "
                 "the password, save or print it as a PDF without one, and annotate that copy")


def pdf_blocks(data: bytes, source: str, ocr: str = "auto") -> list:
    """Every page's blocks, from its text layer or (see :func:`wants_ocr`) by OCR; a
    damaged or encrypted file is a DamagedInput."""
    import pdfplumber  # with pdfminer: 0.05 s, paid by the runs that read PDF files

    from .ocr import check_mode

    check_mode(ocr)
    pages = []  # per page: its blocks, or (index, top, height) for a page to OCR
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputTooLarge(f"{len(pdf.pages):,} pages (the limit is {MAX_PAGES:,})", source=source)
            top = 0.0
            for k, page in enumerate(pdf.pages):
                if wants_ocr(page, ocr):
                    pages.append((k, top))
                else:
                    pages.append(page_blocks(page.dedupe_chars(), top))
                    page_read()
                top += float(page.height)
    except NianbaoError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        if _needs_password(exc):
            raise DamagedInput(PASSWORD_HINT, source=source) from None
        raise DamagedInput(f"damaged or encrypted PDF ({type(exc).__name__}: {exc})", source=source) from None
    return [block for blocks in ocr_pages(data, source, pages) for block in blocks]


def wants_ocr(page, ocr: str) -> bool:
    """always: every page; never: none; auto: a page without a text layer (a scan)."""
    return ocr == "always" or (ocr == "auto" and not page.chars)


def ocr_pages(data: bytes, source: str, pages: list) -> list:
    """``pages`` with each (index, top) of a page to OCR replaced by its blocks."""
    wanted = [p for p in pages if isinstance(p, tuple)]
    if not wanted:
        return pages
    from .ocr import DPI, ocr_page, open_rendered, render_page

    rendered = open_rendered(data, source)
    read = {}
    try:
        for k, top in wanted:
            read[k] = ocr_page(render_page(rendered, k, DPI, source), DPI, top)
            page_read()
    finally:
        rendered.close()
    return [read[p[0]] if isinstance(p, tuple) else p for p in pages]


def _needs_password(exc: BaseException) -> bool:
    """pdfminer's PDFPasswordIncorrect, bare or wrapped by pdfplumber (in args or as cause)."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    seen = [exc, exc.__cause__, exc.__context__, *exc.args]
    return any(isinstance(e, PDFPasswordIncorrect) for e in seen)


def read_pdf(data: bytes, source: str, ocr: str = "auto") -> Layout:
    layout = render_blocks(pdf_blocks(data, source, ocr))
    if not layout.text.strip():
        if ocr == "never":
            raise UndecodableInput("a PDF without a text layer (scanned pages?) and OCR is off (--ocr never)",
                                   source=source)
        raise EmptyInput("no text found in this PDF, by its text layer or by OCR (blank pages?)", source=source)
    return layout
