"""Word documents (.docx): paragraphs as lines, tables as pipe rows with merged cells resolved.

Cells merged across columns (``gridSpan``) or down rows (``vMerge``) are one cell: its
text in the first grid position, the positions it covers no cell at all (a cell typed
empty is a blank cell). Page headers and footers are page chrome and are not read.
"""
from __future__ import annotations

import io

from ..errors import DamagedInput
from .archive import check_container, open_zip
from .grid import MAX_COLSPAN, GridCell, Layout, LayoutBuilder, clean_cell, clip_span, collapse

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


def table_cells(tbl) -> list:
    """A ``w:tbl`` as grid cells: positions counted along each row (``gridBefore`` skips,
    ``gridSpan`` widens); a ``vMerge`` continuation extends the cell above it downwards."""
    cells = []
    open_above = {}  # grid column → index in cells of the cell a vMerge would continue
    for r, tr in enumerate(tbl.findall(f"{W}tr")):
        col = clip_span(_val(tr, f"{W}trPr/{W}gridBefore"), MAX_COLSPAN) if _val(tr, f"{W}trPr/{W}gridBefore") else 0
        for tc in tr.findall(f"{W}tc") + tr.findall(f"{W}sdt/{W}sdtContent/{W}tc"):
            span = clip_span(_val(tc, f"{W}tcPr/{W}gridSpan"), MAX_COLSPAN)
            merge = _val(tc, f"{W}tcPr/{W}vMerge")
            if merge is not None and merge != "restart" and col in open_above:
                k = open_above[col]
                cells[k] = GridCell(cells[k].text, cells[k].top, r + 1, cells[k].left, cells[k].right)
            else:
                open_above[col] = len(cells)
                cells.append(GridCell(cell_text(tc), r, r + 1, col, col + span))
            col += span
    return cells


def add_body(body, out: LayoutBuilder) -> None:
    """Paragraphs as lines, tables as grids; a one-column table (a frame around text) as
    its paragraphs."""
    for child in body:
        if child.tag == W + "p":
            out.lines(line for line in map(collapse, paragraph_text(child).split("\n")) if line)
        elif child.tag == W + "tbl":
            rows = child.findall(f"{W}tr")
            if all(len(tr.findall(f"{W}tc")) <= 1 for tr in rows):
                for tc in child.findall(f"{W}tr/{W}tc"):
                    add_body(tc, out)
            else:
                out.table(table_cells(child))
        elif child.tag == W + "sdt":
            add_body(child.findall(f"{W}sdtContent/*"), out)


def read_docx(data: bytes, source: str) -> Layout:
    import docx  # python-docx (and lxml's schema classes): 0.1 s, paid by the runs that read Word files

    check_container(open_zip(data, source), source)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx, zipfile, zlib and lxml each raise their own types
        raise DamagedInput(f"damaged Word document ({type(exc).__name__}: {exc})", source=source) from None
    out = LayoutBuilder()
    add_body(document.element.body, out)
    return out.build()
