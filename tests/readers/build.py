"""Real inputs built in the tests: HTML, DOCX, PDF and zip files from blocks of content.

A block is a paragraph (str) or a table: a list of rows, each a list of cells; a cell is
its text or a :class:`Span` (text with rowspan/colspan), and a position a span covers is
simply left out of its row, as in HTML.
"""
from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


@dataclass(frozen=True)
class Span:
    text: str
    rowspan: int = 1
    colspan: int = 1


def _cell(cell) -> Span:
    return cell if isinstance(cell, Span) else Span(cell)


# --- seeds -----------------------------------------------------------------------------

def pipe_seeds() -> list:
    """Seed reports whose tables are pipe rows (one grid row per line)."""
    return sorted(p for p in SAMPLES.glob("*.txt")
                  if sum(" | " in line for line in p.read_text(encoding="utf-8").splitlines()) >= 10)


def blocks_of(text: str) -> list:
    """Text → blocks: runs of pipe lines become tables, rows as long as the line has pieces."""
    blocks = []
    for line in text.splitlines():
        if "|" in line:
            row = [piece.strip() for piece in line.split("|")]
            if blocks and isinstance(blocks[-1], list):
                blocks[-1].append(row)
            else:
                blocks.append([row])
        elif line.strip():
            blocks.append(line.strip())
    return blocks


def padded(blocks: list) -> list:
    """Tables made rectangular, as a Word or PDF table always is (rows of plain cells)."""
    def pad(rows):
        width = max(map(len, rows))
        return [row + [""] * (width - len(row)) for row in rows]

    return [pad(b) if isinstance(b, list) else b for b in blocks]


def pipe_text(blocks: list) -> str:
    """Blocks of plain cells written as a text report with pipe rows."""
    return "\n".join(b if isinstance(b, str) else "\n".join(" | ".join(row) for row in b) for b in blocks)


def shape(text: str) -> list:
    """The pipe rows of a text as pieces: white space removed, trailing empty pieces dropped."""
    rows = []
    for line in text.splitlines():
        if "|" not in line:
            continue
        pieces = [re.sub(r"\s+", "", piece) for piece in line.split("|")]
        while pieces and not pieces[-1]:
            pieces.pop()
        rows.append(pieces)
    return rows


# --- HTML ------------------------------------------------------------------------------

def html_table(rows: list) -> str:
    out = ["<table border='1'>"]
    for row in rows:
        cells = []
        for cell in map(_cell, row):
            spans = (f" rowspan='{cell.rowspan}'" if cell.rowspan > 1 else "") + \
                    (f" colspan='{cell.colspan}'" if cell.colspan > 1 else "")
            cells.append(f"<td{spans}>{html.escape(cell.text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(out + ["</table>"])


def html_body(blocks: list) -> str:
    return "\n".join(html_table(b) if isinstance(b, list) else f"<p>{html.escape(b)}</p>" for b in blocks)


def html_page(blocks: list, title: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>"
            f"<div class='content'>{html_body(blocks)}</div></body></html>")


# --- DOCX ------------------------------------------------------------------------------

def docx_bytes(blocks: list) -> bytes:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            _docx_table(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _grid_positions(rows: list) -> list:
    """(row, col, Span) for each cell, columns found as HTML places them."""
    taken, placed = set(), []
    for r, row in enumerate(rows):
        c = 0
        for cell in map(_cell, row):
            while (r, c) in taken:
                c += 1
            taken |= {(r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan)}
            placed.append((r, c, cell))
            c += cell.colspan
    return placed


def _docx_table(document, rows: list) -> None:
    placed = _grid_positions(rows)
    width = max(c + cell.colspan for _, c, cell in placed)
    table = document.add_table(rows=len(rows), cols=width)
    grid = [list(row.cells) for row in table.rows]  # table.cell() is slow on big tables
    for r, c, cell in placed:
        grid[r][c].text = cell.text
    for r, c, cell in placed:
        if cell.rowspan > 1 or cell.colspan > 1:
            grid[r][c].merge(grid[r + cell.rowspan - 1][c + cell.colspan - 1])


# --- PDF -------------------------------------------------------------------------------

def cjk_font() -> str:
    """A CJK font file installed on this machine (``make sysdeps`` installs one)."""
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh"], capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.endswith((".ttc", ".ttf", ".otf")) \
                and Path(found.stdout).exists() and "DejaVu" not in found.stdout:
            return found.stdout
    for candidate in ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"):
        if Path(candidate).exists():
            return candidate
    pytest.skip("no CJK font installed: run `make sysdeps` (fonts-wqy-microhei)")


def pdf_bytes(blocks: list, *, font_size: float = 7, page_numbers: bool = True,
              orientation: str = "L") -> bytes:
    from fpdf import FPDF

    class Pdf(FPDF):
        def footer(self):
            if page_numbers:
                self.set_y(-12)
                self.cell(0, 8, f"- {self.page_no()} -", align="C")

    pdf = Pdf(orientation=orientation)
    pdf.add_font("cjk", fname=cjk_font())
    pdf.set_font("cjk", size=font_size)
    pdf.add_page()
    for block in blocks:
        if isinstance(block, str):
            pdf.multi_cell(0, font_size * 0.6, block, new_x="LMARGIN", new_y="NEXT")
        else:
            _pdf_table(pdf, block)
    return bytes(pdf.output())


def _pdf_table(pdf, rows: list) -> None:
    rows = padded([rows])[0] if all(not isinstance(c, Span) for row in rows for c in row) else rows
    placed = _grid_positions(rows)
    width = max(c + cell.colspan for _, c, cell in placed)
    lengths = [3] * width
    for _, c, cell in placed:
        if cell.colspan == 1:
            lengths[c] = max(lengths[c], len(cell.text))
    with pdf.table(col_widths=lengths, first_row_as_headings=False, text_align="LEFT",
                   line_height=pdf.font_size * 1.3) as table:
        for row in rows:
            out = table.row()
            for cell in map(_cell, row):
                out.cell(cell.text, rowspan=cell.rowspan, colspan=cell.colspan)


# --- zip -------------------------------------------------------------------------------

class _GbkNamedInfo(zipfile.ZipInfo):
    """A member whose name is stored in GBK without the UTF-8 flag, as Chinese Windows zips."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def zip_bytes(members: dict, *, gbk_names: bool = False) -> bytes:
    """name → bytes, deflated, in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = (_GbkNamedInfo if gbk_names else zipfile.ZipInfo)(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buffer.getvalue()
