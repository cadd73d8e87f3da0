"""Tables the document draws (HTML, DOCX, ruled PDF) → printed rows whose every cell knows
the header above it.

A grid (nlp/readers/grid.py) gives each cell's extent, so a column is where the header
stands, not the how-manieth value of its row: a blank cell is an empty cell under its
header, never a value gone missing, and no value slides into a neighbour's column.

Each row of a grid is one of:

- a **data row**: it holds a number, or empty cells beside a label (a row of blanks);
- a **header row**: no number, and text naming a column of the table (自然人, 结果维持,
  本年新制作数量 …). Consecutive header rows are one header block; the last header text
  over a column that names a column is its *leaf* (商业企业 under 法人或其他组织), the
  texts above it are its *groups* (行政诉讼 › 未经复议直接起诉);
- anything else (a title such as 第二十条第(一)项, the note over the label columns).

A data row becomes a :class:`~nlp.tables.rows.Row`: its label pieces (the texts covering
the row left of the values, row-spanning group labels included) and its value cells, each
with the leaf and groups of the header band it stands in. The header carries over to the
next grid of the same table when the columns line up (a table continued on the next PDF
page, with the same x positions). Cells under no header keep an empty ``header``: the reader
leaves them out when they are empty (spacer or 备注 columns) and the named columns are all
there.

>>> from nlp.readers.grid import SpanCell, spans_to_cells, render_cells, Grid
>>> cells = spans_to_cells([[SpanCell("信息内容"), SpanCell("本年新制作数量"), SpanCell("对外公开总数量")],
...                         [SpanCell("规章"), SpanCell("0"), SpanCell("")]])
>>> rows = grid_rows([Grid(tuple(render_cells(cells)[1]))], "2019", "active")
>>> [(r.labels, [(c.text, c.header) for c in r.cells]) for r in rows]
[(('规章',), [('0', '本年新制作数量'), ('', '对外公开总数量')])]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from ..numbers import CELL_NUMBER, PLACEHOLDERS, fold_width
from ..readers.grid import Grid, GridCell, matrix_positions
from ..schema import registry
from .columns import COLUMN_MATCH_CUTOFF, column_score
from .rows import CellText, Row
from .pinning import ROW_MARKER, normalise
from .tokens import SKIP_LINE, pipe_pieces
from .words import joined_words

_NUMBER = re.compile(rf"^{CELL_NUMBER}$")
NUMBER, EMPTY, TEXT = "number", "empty", "text"


@dataclass(frozen=True)
class HeaderColumn:
    """One leaf of a header block: where it stands, its text, the group texts above it."""

    left: float
    right: float
    leaf: str
    groups: tuple


def cell_kind(text: str) -> str:
    """
    >>> [cell_kind(t) for t in ("12", "1,200", "120万元", "", "—", "/", "总计", "0 ")]
    ['number', 'number', 'number', 'empty', 'empty', 'empty', 'text', 'number']
    """
    stripped = fold_width(text).strip()
    if not stripped or stripped in PLACEHOLDERS:
        return EMPTY
    return NUMBER if _NUMBER.match(stripped) else TEXT


def table_columns(edition: str, table: str) -> tuple:
    """Every column the table's template rows use (the aliases a header may print)."""
    seen = {}
    for row in registry().rows(edition, table):
        for column in row.columns:
            seen.setdefault((column.id, column.aliases), column)
    return tuple(seen.values())


def names_a_column(text: str, columns) -> bool:
    return any(column_score(text, c) >= COLUMN_MATCH_CUTOFF for c in columns)


def grid_rows(grids, edition: str, table: str) -> list:
    """The printed rows of a table drawn as grids, in reading order."""
    columns = table_columns(edition, table)
    rows, header = [], None
    names_row = _row_namer(edition, table)
    one_row = registry().one_printed_row(table)
    for grid in grids:
        words, stretched = grid.unit == "words", set()
        if words:
            grid, stretched = joined_words(grid, lambda t: cell_kind(t) == NUMBER,
                                           lambda t: names_a_column(t, columns), names_row)
        own_label = (lambda text_cell: id(text_cell) not in stretched and names_row(text_cell.text)) if words else None
        header = _carried(header, grid)
        since_data = []  # the rows after the last data row: a header block and its titles
        for matrix_row in _matrix_rows(grid):
            kind = _row_kind(matrix_row, columns, header is not None, own_label)
            if kind == "band" and one_row and not rows:
                rows.append(_band_row(matrix_row[0][0], header))
                since_data = []
                continue
            if kind == "data":
                rows.append(_data_row(matrix_row, header, gaps_are_blank=grid.unit == "words"))
                since_data = []
                continue
            since_data.append(matrix_row)
            if kind == "header":
                header = _header_of(since_data, columns, grid)
    return rows


def _carried(header, grid):
    """The header of the previous grid, if this grid's columns line up with it."""
    if header is None or header.grid.unit != grid.unit:
        return None
    if grid.unit in ("pt", "words"):  # positions on the page: a table continued on the next page
        return header
    width = lambda g: (min(c.left for c in g.cells), max(c.right for c in g.cells))
    return header if width(grid) == width(header.grid) else None


def _matrix_rows(grid) -> list:
    """Per band row: the cells covering it, as (cell, starts_here, kind), left to right."""
    positions = matrix_positions(list(grid.cells), grid.tolerance)
    n_rows = 1 + max((r1 for _, r1, _, _ in positions), default=-1)
    out = []
    for r in range(n_rows):
        covering = [(cell, r0 == r, cell_kind(cell.text)) for cell, (r0, r1, _, _) in zip(grid.cells, positions)
                    if r0 <= r <= r1]
        covering.sort(key=lambda item: item[0].left)
        if any(starts for _, starts, _ in covering):
            out.append(covering)
    return out


def _row_kind(matrix_row, columns, after_header: bool, own_label=None) -> str:
    """data, header or other (see the module's docstring). A row's first text is its
    label, so a label that happens to read like a header (其他) does not make a header; a
    row of blanks is data only under a header (above it, it is the header's own padding).
    In a table without rules (``own_label`` given) a row of blanks prints nothing but its
    label: it is data when ``own_label(cell)`` says the label is a row of its own; an empty
    cell alone on its row is the ``band`` under a header that nothing was printed under."""
    own = [(cell, kind) for cell, starts, kind in matrix_row if starts]
    if any(kind == NUMBER for _, kind in own):
        return "data"
    if own_label is not None and after_header and len(matrix_row) == 1 and matrix_row[0][0].text == "":
        return "band"  # the empty band under a header that nothing printed in (positions.py)
    texts = [cell for cell, _, kind in matrix_row if kind == TEXT]
    naming = [cell for cell, kind in own if kind == TEXT and names_a_column(cell.text, columns)]
    if len(naming) > 1 or (naming and naming[0] is not texts[0]):
        return "header"
    if after_header and any(kind == EMPTY for _, kind in own) and (texts or len(own) > 1):
        return "data"  # a row of blank cells under the header, beside its label or not
    if after_header and own_label is not None and any(own_label(c) for c, kind in own if kind == TEXT):
        return "data"
    return "other"


def _row_namer(edition: str, table: str):
    """Whether a text is the whole label of a row of the table's template: it opens with a
    row's number (一、 (二) 3.) and reads as one of the row's aliases. The end of a wrapped
    label (计其他情形)) opens with none; its head (（六）其) is not the whole label."""
    aliases = [normalise(a) for row in registry().rows(edition, table) for a in row.aliases]

    def names_row(text: str) -> bool:
        label = normalise(text)
        if not ROW_MARKER.match(label):
            return False
        return max(fuzz.ratio(label, alias) for alias in aliases) >= WHOLE_LABEL_CUTOFF

    return names_row


#: A line of a table without rules is a row's own label when it is that label whole: a
#: plain similarity this high (the fragments of a wrapped label, （六）其 of （六）其他处理,
#: stay below it; rapidfuzz's WRatio would take them as partial matches).
WHOLE_LABEL_CUTOFF = 90.0


def _header_of(block, columns, grid) -> "_Header":
    """The header a block of rows draws: its leaves, each with the group texts above it."""
    texts = list(dict.fromkeys(cell for row in block for cell, _, kind in row if kind == TEXT))
    leaves = [c for c in texts if names_a_column(c.text, columns)]
    leaves = [c for c in leaves if not any(o is not c and o.top >= c.bottom and _within(o, c) for o in leaves)]
    spans = {id(g): _group_span(g, texts, leaves, grid.tolerance) if grid.unit == "words" else g
             for g in texts}
    out = []
    for leaf in sorted(leaves, key=lambda c: c.left):
        groups = tuple(g.text for g in sorted(texts, key=lambda c: c.top)
                       if g is not leaf and g.bottom <= leaf.top and _within(leaf, spans[id(g)]))
        out.append(HeaderColumn(leaf.left, leaf.right, leaf.text, groups))
    return _Header(tuple(out), grid)


def _group_span(group, texts, leaves, tolerance: float):
    """Where a group title of a table without rules stands over its columns. A title set
    flush left over its first column (行政复议 over 结果维持 … 总计) reaches to the next title
    beside it (行政诉讼) or the table's right edge; any other keeps its own width."""
    if group in leaves or not any(abs(leaf.left - group.left) <= tolerance for leaf in leaves):
        return group
    beside = [t.left for t in texts if t not in leaves and t.left > group.right and t.top < group.bottom]
    right = min(beside, default=max(leaf.right for leaf in leaves))
    return replace(group, right=max(group.right, right - tolerance))


@dataclass(frozen=True)
class _Header:
    columns: tuple  # HeaderColumn, left to right
    grid: object    # the grid it was read from


def _within(inner, outer) -> bool:
    """``inner``'s middle lies inside ``outer``'s width."""
    middle = (inner.left + inner.right) / 2
    return outer.left <= middle <= outer.right


def _column_at(cell, header) -> HeaderColumn | None:
    """The header column a cell stands under: the one its middle falls in, else (a word
    wider than its header) the one it overlaps most."""
    if header is None:
        return None
    middle = (cell.left + cell.right) / 2
    inside = next((h for h in header.columns if h.left <= middle <= h.right), None)
    if inside is not None:
        return inside
    overlap = lambda h: min(cell.right, h.right) - max(cell.left, h.left)
    best = max(header.columns, key=overlap, default=None)
    return best if best is not None and overlap(best) > 0 else None


def _data_row(matrix_row, header, gaps_are_blank: bool = False) -> Row:
    """Label pieces: every text over the row, row-spanning group labels included (a text
    is never a value). Cells: the numbers and empty cells starting in the row; in a table
    without rules (``gaps_are_blank``) a header column the row prints nothing under is a
    blank cell of the row."""
    labels, placed = [], []
    for cell, starts, kind in matrix_row:
        if kind == TEXT:
            labels.append(cell)
        elif starts:
            column = _column_at(cell, header)
            placed.append((cell.left, CellText(cell.text.strip(), cell.start, cell.end, True,
                                               column.leaf if column else "", column.groups if column else ())))
    if gaps_are_blank and header is not None and (placed or labels):
        printed = {(c.header, c.groups) for _, c in placed}  # a leaf may repeat under other groups
        at = max(c.end for _, c in placed) if placed else max(c.end for c in labels)
        placed += [(h.left, CellText("", at, at, True, h.leaf, h.groups)) for h in header.columns
                   if (h.leaf, h.groups) not in printed]
    cells = [c for _, c in sorted(placed, key=lambda item: item[0])]
    label_texts = tuple(c.text for c in labels)
    start = labels[0].start if labels else (cells[0].start if cells else 0)
    groups = tuple(dict.fromkeys(g for c in cells for g in c.groups))
    headers = tuple(h.leaf for h in header.columns) if header else ()
    return Row(label_texts, start, tuple(cells), -1, False, label_texts + groups, headers)


def _band_row(band, header) -> Row:
    """The one row of a table the template prints as a single row, read from the empty band
    under its header: a blank cell under every header column (the band's place in the text)."""
    cells = tuple(CellText("", band.start, band.start, True, h.leaf, h.groups) for h in header.columns)
    groups = tuple(dict.fromkeys(g for c in cells for g in c.groups))
    return Row((), band.start, cells, -1, False, groups, tuple(h.leaf for h in header.columns), band=True)


#: Fewest pieces a line of a text grid prints (a label and two cells).
MIN_TEXT_GRID_PIECES = 3


def text_grids(text: str, offset: int = 0) -> list:
    r"""Blocks of pipe rows that print a full matrix (every line the same number of pieces,
    as markdown of an expanded table does) as grids: piece k of a line is column k.

    Scraped pipe text whose header rows print fewer pieces than its data rows is no matrix
    and gives no grid (its rows are read by order, nlp/tables/rows.py).

    >>> t = "| 项目 | 自然人 | 总计 |\n| --- | --- | --- |\n| 新收 | | 3 |\n"
    >>> [(c.text, c.left, c.top) for g in text_grids(t) for c in g.cells]
    [('项目', 0, 0), ('自然人', 1, 0), ('总计', 2, 0), ('新收', 0, 1), ('', 1, 1), ('3', 2, 1)]
    """
    blocks, block = [], []
    pos = offset
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        pieces = pipe_pieces(body) if "|" in body and not SKIP_LINE.match(body) else []
        if len(pieces) >= MIN_TEXT_GRID_PIECES:
            block.append([(piece, pos + start) for piece, start in pieces])
        elif not SKIP_LINE.match(body) or "|" not in body:
            blocks.append(block)
            block = []
        pos += len(line)
    blocks.append(block)
    return [_text_grid(b) for b in blocks if len(b) > 1 and len({len(line) for line in b}) == 1]


def _text_grid(lines) -> Grid:
    cells = []
    for r, pieces in enumerate(lines):
        for k, (piece, at) in enumerate(pieces):
            stripped = piece.strip()
            start = at + len(piece) - len(piece.lstrip())  # where tokens.py puts the cell
            cells.append(GridCell(stripped, r, r + 1, k, k + 1, start, start + len(stripped)))
    return Grid(tuple(cells))


def with_text_headers(rows, grids, edition: str, table: str) -> list:
    """Rows read from text, each cell given the header a text grid prints over it (matched
    by position in the text); rows outside any grid stay as they are."""
    headed = {c.start: (c, r) for r in grid_rows(grids, edition, table) for c in r.cells if c.header}
    if not headed:
        return rows
    out = []
    for row in rows:
        matched = [headed[c.start] for c in row.cells if c.start in headed and headed[c.start][0].text == c.text]
        if not matched:
            out.append(row)
            continue
        cells = tuple(replace(c, header=headed[c.start][0].header, groups=headed[c.start][0].groups)
                      if c.start in headed and headed[c.start][0].text == c.text else c for c in row.cells)
        out.append(replace(row, cells=cells, headers=matched[0][1].headers))
    return out
