"""Tables as documents draw them, and as the text shows them.

Every reader that sees real table structure (HTML, DOCX, PDF) keeps it twice:

- in the text, one grid row per line, cells joined by `` | `` — the one layout of the text
  reports (data/samples/000_*.txt): a merged cell's text sits in its first grid position,
  the positions it spans are empty pieces. This is what a person reads and what every
  offset of a record refers to;
- as a :class:`Grid` beside the text: every cell once, with its extent (rows and columns of
  a markup table, points on a PDF page) and its offsets in the text. An empty cell is a cell
  whose text is empty; a position a merged cell covers is no cell at all. The table reader
  places values by the header above them (nlp/tables/grids.py), so a blank cell is never
  confused with a merged one and a value never slides into its neighbour's column.

>>> rows = [[SpanCell("项目", rowspan=2), SpanCell("申请人", colspan=2)],
...         [SpanCell("自然人"), SpanCell("法人")],
...         [SpanCell("新收"), SpanCell("1"), SpanCell("0")]]
>>> render(layout(rows))
['项目 | 申请人 |', ' | 自然人 | 法人', '新收 | 1 | 0']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

CELL_SEPARATOR = " | "
#: A pipe inside a cell would split it; the full-width bar reads the same to a person.
PIPE_STAND_IN = "｜"
#: Spans beyond these are markup errors (HTML allows colspan=1000); clip them.
MAX_COLSPAN = 64
MAX_ROWSPAN = 1000
#: Edges of PDF cells closer than this (points) are one grid line.
PT_TOLERANCE = 2.0

_SPACE_RUN = re.compile(r"[ \t\f\v\u00a0\u3000\u200b\ufeff]*\n[\s\u00a0\u3000]*|[\s\u00a0\u3000\u200b\ufeff]+")
_CJK = re.compile(r"[\u4e00-\u9fff\u3001-\u303f\uff01-\uff5e]")


@dataclass(frozen=True)
class SpanCell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class GridCell:
    """One cell as drawn: its text ('' when empty), its extent, its place in the text.

    ``top``/``bottom`` and ``left``/``right`` are grid lines: row and column numbers of a
    markup table, points of a PDF page (pages stacked, so a later page is lower).
    A cell read by OCR also keeps the recogniser's ``confidence`` in its number (0-1;
    None for a cell read from a text layer) and the other texts it may be, most likely
    first (``candidates``).
    """

    text: str
    top: float
    bottom: float
    left: float
    right: float
    start: int = -1
    end: int = -1
    confidence: float | None = None
    candidates: tuple = ()


@dataclass(frozen=True)
class Grid:
    """A table's cells in reading order; ``unit`` is "column" (markup), "pt" (the cells of a
    ruled PDF table) or "words" (a PDF table without rules: each word a cell where it
    stands, nlp/readers/positions.py)."""

    cells: tuple
    unit: str = "column"
    span: tuple = ()  # (start, end) of the lines the table is rendered as, when known

    @property
    def tolerance(self) -> float:
        """How far apart two edges may be and still be one grid line."""
        return PT_TOLERANCE if self.unit in ("pt", "words") else 0.0

    @property
    def start(self) -> int:
        """Where the table's text starts: its first line, which may open with positions no
        cell starts in (' |  | 0 |…')."""
        return self.span[0] if self.span else min(c.start for c in self.cells)

    @property
    def end(self) -> int:
        return self.span[1] if self.span else max(c.end for c in self.cells)

    def shifted(self, by: int) -> "Grid":
        span = (self.span[0] + by, self.span[1] + by) if self.span else ()
        return Grid(tuple(replace(c, start=c.start + by, end=c.end + by) for c in self.cells), self.unit, span)


@dataclass(frozen=True)
class Layout:
    """What a reader returns: the text, and the tables in it as drawn."""

    text: str
    grids: tuple = ()


class LayoutBuilder:
    """Lines and rendered tables, joined into one text with every grid cell's offsets.

    >>> out = LayoutBuilder()
    >>> out.line("一、总体情况")
    >>> out.table(spans_to_cells([[SpanCell("规章"), SpanCell("0"), SpanCell("")]]))
    >>> layout = out.build()
    >>> print(layout.text)
    一、总体情况
    规章 | 0 |
    >>> [(c.text, layout.text[c.start:c.end]) for c in layout.grids[0].cells]
    [('规章', '规章'), ('0', '0'), ('', '')]
    """

    def __init__(self):
        self._items = []  # str lines, or (lines, Grid with offsets relative to its first line)

    def line(self, text: str) -> None:
        self._items.append(text)

    def lines(self, texts) -> None:
        self._items.extend(texts)

    def table(self, cells: list, unit: str = "column") -> None:
        """A table's cells; a table without any text (a spacer) is left out."""
        if not any(c.text for c in cells):
            return
        grid = Grid(tuple(cells), unit)
        lines, placed = render_cells(cells, grid.tolerance)
        self._items.append((lines, Grid(tuple(placed), unit, (0, sum(len(line) + 1 for line in lines) - 1))))

    def build(self) -> Layout:
        out, grids, pos = [], [], 0
        for item in self._items:
            if isinstance(item, str):
                out.append(item)
                pos += len(item) + 1
                continue
            lines, grid = item
            grids.append(grid.shifted(pos))
            out.extend(lines)
            pos += sum(len(line) + 1 for line in lines)
        return Layout("\n".join(out), tuple(grids))


def collapse(text: str) -> str:
    """White space as a reader sees it: one space, none where a line broke between CJK.

    >>> collapse("  政府信息\\n  公开 工作\\n report  ")
    '政府信息公开 工作 report'
    """
    def one(m):
        before, after = m.string[m.start() - 1:m.start()], m.string[m.end():m.end() + 1]
        return "" if "\n" in m.group(0) and _CJK.match(before) and _CJK.match(after) else " "

    return _SPACE_RUN.sub(one, text).strip()


def clean_cell(text: str) -> str:
    """One line of text for a cell: white space runs collapsed, pipes replaced.

    >>> clean_cell(" 本年新 制作数量 | 合计\\u3000")
    '本年新 制作数量 ｜ 合计'
    """
    return collapse(text).replace("|", PIPE_STAND_IN)


def clip_span(value, limit: int) -> int:
    """A span attribute as a count in 1..limit; junk and 0 count as 1.

    >>> [clip_span(v, 10) for v in ("2", "0", "x", None, "99", " 3 ")]
    [2, 1, 1, 1, 10, 3]
    """
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), limit)


def layout(rows: list) -> list:
    """Rows of :class:`SpanCell` → rows of strings on the grid (rows are not padded)."""
    taken = set()
    grid = []
    for r, row in enumerate(rows):
        placed = {}
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for dr in range(min(cell.rowspan, len(rows) - r)):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            placed[c] = cell.text
            c += cell.colspan
        width = 1 + max((col for (rr, col) in taken if rr == r), default=-1)
        grid.append([placed.get(col, "") for col in range(width)])
    return grid


def spans_to_cells(rows: list) -> list:
    """Rows of :class:`SpanCell` (HTML's model: a position a span covers is left out of its
    row) → :class:`GridCell` with their row/column extents.

    >>> [(c.text, c.top, c.bottom, c.left, c.right) for c in spans_to_cells(
    ...     [[SpanCell("项目", rowspan=2), SpanCell("数量")], [SpanCell("1")]])]
    [('项目', 0, 2, 0, 1), ('数量', 0, 1, 1, 2), ('1', 1, 2, 1, 2)]
    """
    taken = set()
    cells = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            rowspan = min(cell.rowspan, len(rows) - r)
            for dr in range(rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            cells.append(GridCell(cell.text, r, r + rowspan, c, c + cell.colspan))
            c += cell.colspan
    return cells


def bands(edges, tolerance: float = 0.0) -> list:
    """Sorted distinct grid lines, edges closer than ``tolerance`` taken as one.

    >>> bands([0, 10.4, 10, 30, 0.2], tolerance=1)
    [0, 10, 30]
    """
    out = []
    for edge in sorted(edges):
        if not out or edge - out[-1] > tolerance:
            out.append(edge)
    return out


def band_index(lines: list, value: float) -> int:
    """The band of ``lines`` that ``value`` falls in (the last line at or below it)."""
    return max(0, bisect_right(lines, value) - 1)


def matrix_positions(cells: list, tolerance: float = 0.0) -> list:
    """Each cell's (row, last row, column, last column): a markup table's own rows and
    columns; on a PDF page, the bands its cells' edges draw."""
    if tolerance == 0 and all(float(v).is_integer() for c in cells for v in (c.top, c.bottom, c.left, c.right)):
        return [(int(c.top), int(c.bottom) - 1, int(c.left), int(c.right) - 1) for c in cells]
    rows = bands([c.top for c in cells] + [c.bottom for c in cells], tolerance)
    cols = bands([c.left for c in cells] + [c.right for c in cells], tolerance)
    out = []
    inside = tolerance + 1e-3  # a far edge lies on the line that ends the cell's last band
    for c in cells:
        r0, r1 = band_index(rows, c.top), band_index(rows, c.bottom - inside)
        c0, c1 = band_index(cols, c.left), band_index(cols, c.right - inside)
        out.append((r0, max(r0, r1), c0, max(c0, c1)))
    return out


def render_cells(cells: list, tolerance: float = 0.0) -> tuple:
    """Cells → (text lines, the cells with offsets relative to the first line).

    Each row of the table is a line: every grid position a piece, a cell's text in its
    top-left position. A row no cell starts in (it only continues merged cells) is no line.
    """
    if not cells:
        return [], []
    positions = matrix_positions(cells, tolerance)
    starting, width = {}, {}
    for cell, (r0, r1, c0, c1) in zip(cells, positions):
        starting.setdefault(r0, {})[c0] = cell
        for r in range(r0, r1 + 1):
            width[r] = max(width.get(r, 0), c1 + 1)  # a row is as wide as the cells over it
    lines, placed, pos = [], [], 0
    for r in sorted(starting):
        row = starting[r]
        last = max(row)
        pieces = [row[c].text if c in row else "" for c in range(width[r])]
        line = CELL_SEPARATOR.join(pieces).rstrip()
        at = 0
        for c in range(last + 1):
            if c in row:
                begin = min(pos + at, pos + len(line))
                placed.append(replace(row[c], start=begin, end=min(begin + len(row[c].text), pos + len(line))))
            at += len(pieces[c]) + len(CELL_SEPARATOR)
        lines.append(line)
        pos += len(line) + 1
    return lines, placed


def render(grid: list) -> list:
    """Grid rows → text lines; rows with no text at all (spacers) are dropped."""
    return [CELL_SEPARATOR.join(row).rstrip() for row in grid if any(cell.strip() for cell in row)]


def merge_continued(tables: list) -> list:
    """Grids split across pages → one grid; a header row repeated on the next page is dropped.

    >>> merge_continued([[["a", "b"], ["1", "2"]], [["a", "b"], ["3", "4"]]])
    [['a', 'b'], ['1', '2'], ['3', '4']]
    """
    merged = []
    for grid in tables:
        if merged and grid and grid[0] == merged[0]:
            grid = grid[1:]
        merged += grid
    return merged
