"""Word documents (.docx): paragraphs as lines, tables as pipe rows with merged cells resolved.

Cells merged across columns (``gridSpan``) or down rows (``vMerge``) keep their text in
the first grid position; the positions they cover are empty pieces. Page headers and
footers are page chrome and are not read.
"""
from __future__ import annotations

import io

import docx

from ..errors import DamagedInput
from .archive import check_container, open_zip
from .grid import SpanCell, clean_cell, clip_span, collapse, layout, render, MAX_COLSPAN

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT, _TAB, _BREAKS = W + "t", W + "tab", (W + "br", W + "cr")


def paragraph_text(p) -> str:
    """A paragraph's visible text (deleted revisions and field codes are not ``w:t``)."""
    pieces = []
    for node in p.iter(_TEXT, _TAB, *_BREAKS):
        if node.tag == _TEXT:
            pieces.append(node.text or "")
        else:
            pieces.append(" " if node.tag == _TAB else "\n")
    return "".join(pieces)


def _val(el, path: str):
    found = el.find(path)
    return None if found is None else found.get(W + "val", "")


def cell_text(tc) -> str:
    return clean_cell(" ".join(paragraph_text(p) for p in tc.iter(W + "p")))


def row_cells(tr) -> list:
    """One ``w:tr`` as span cells; a vMerge continuation is an empty cell."""
    before = _val(tr, f"{W}trPr/{W}gridBefore")
    cells = [SpanCell("", 1, clip_span(before, MAX_COLSPAN))] if before else []
    for tc in tr.findall(f"{W}tc") + tr.findall(f"{W}sdt/{W}sdtContent/{W}tc"):
        span = clip_span(_val(tc, f"{W}tcPr/{W}gridSpan"), MAX_COLSPAN)
        merge = _val(tc, f"{W}tcPr/{W}vMerge")
        continued = merge is not None and merge != "restart"
        cells.append(SpanCell("" if continued else cell_text(tc), 1, span))
    return cells


def table_lines(tbl) -> list:
    """A grid as pipe rows; a one-column table (a frame around text) as its paragraphs."""
    rows = tbl.findall(f"{W}tr")
    if all(len(tr.findall(f"{W}tc")) <= 1 for tr in rows):
        return [line for tc in tbl.findall(f"{W}tr/{W}tc") for line in body_lines(tc)]
    return render(layout([row_cells(tr) for tr in rows]))


def body_lines(body) -> list:
    lines = []
    for child in body:
        if child.tag == W + "p":
            lines += [collapse(line) for line in paragraph_text(child).split("\n")]
        elif child.tag == W + "tbl":
            lines += table_lines(child)
        elif child.tag == W + "sdt":
            lines += body_lines(child.findall(f"{W}sdtContent/*"))
    return [line for line in lines if line]


def read_docx(data: bytes, source: str) -> str:
    check_container(open_zip(data, source), source)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx, zipfile, zlib and lxml each raise their own types
        raise DamagedInput(f"damaged Word document ({type(exc).__name__}: {exc})", source=source) from None
    return "\n".join(body_lines(document.element.body))
