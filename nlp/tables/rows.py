"""Tokens → printed rows: the label text before a row's cells, and the cells.

A row is a group of cells (VALUE/BLANK tokens) ended by a line break of a grid or flow
line, or by the next label. Its label is what was printed since the previous row: labels
are often split over lines or preceded by header text, so the pinning stage tries the
last one, two and three label pieces.

>>> from nlp.tables.tokens import tokenize
>>> rows = read_rows(tokenize("信息内容 | 本年新 | 对外公开总数量\\n规章 | 0 | | 3\\n"))
>>> [(r.labels, [c.text for c in r.cells]) for r in rows]
[(('规章',), ['0', '', '3'])]
>>> rows = read_rows(tokenize("（六）其他处理0 0 0 0 0 00（七）总计23 0 00 0 023"))
>>> [(r.labels, [c.text for c in r.cells], r.run) for r in rows]
[(('(六)其他处理',), ['0', '0', '0', '0', '0', '00'], True), (('(七)总计',), ['23', '0', '00', '0', '023'], True)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import BLANK, BREAK, LABEL, VALUE, Token

_LEADING_ZERO = re.compile(r"^0\d")


@dataclass(frozen=True)
class CellText:
    """One printed cell: its text ('' when blank) and where it stands. A cell of a drawn
    table (nlp/tables/grids.py) also knows the header over it: ``header`` (the leaf, '' when
    none) and ``groups`` (the header texts above the leaf)."""

    text: str
    start: int
    end: int
    grid: bool = False
    header: str = ""
    groups: tuple = ()

    @property
    def blank(self) -> bool:
        return self.text == "" or not any(ch.isdigit() for ch in self.text)


@dataclass(frozen=True)
class Row:
    labels: tuple  # label pieces printed since the previous row, in order
    label_start: int
    cells: tuple  # CellText
    line: int
    run: bool  # cells printed without separators that cannot all be single numbers
    preceding: tuple = ()  # every label piece printed since the previous row
    headers: tuple = ()  # a drawn row: every leaf of the header block over it, left to right
    #: cells printed on more than one line (a cell a line, blank-line separated): nothing but
    #: the next label ends the row, so a blank at its start may be one of its cells
    vertical: bool = False
    #: a row of blanks read from the empty band under a header (nlp/tables/grids.py): the
    #: header was found and nothing is printed under it
    band: bool = False

    @property
    def has_value(self) -> bool:
        return any(not c.blank for c in self.cells)

    @property
    def start(self) -> int:
        return self.cells[0].start if self.cells else self.label_start

    @property
    def end(self) -> int:
        return self.cells[-1].end if self.cells else self.label_start

    def splittable(self, n_columns: int) -> bool:
        """Flow text of digits only, enough of them to fill ``n_columns`` cells."""
        return (not any(c.grid for c in self.cells) and all(c.text.isdigit() for c in self.cells)
                and len(self.digits()) >= n_columns)

    def digits(self) -> str:
        """All digits of the row's cells, for splitting a run by arithmetic."""
        return "".join(ch for c in self.cells for ch in c.text if ch.isdigit())


def read_rows(tokens: list) -> list:
    rows = []
    labels: list = []
    cells: list = []
    line = -1
    run = False
    lines: set = set()

    def close():
        nonlocal labels, cells, run, lines
        if cells:
            same_line = [t for t in labels if t.line == line]
            own = same_line or labels  # a grid row's own label beats header lines above
            start = own[0].start if own else cells[0].start
            rows.append(Row(tuple(t.text for t in own), start, tuple(cells), line, run,
                            tuple(t.text for t in labels), vertical=len(lines) > 1))
            labels = []
        cells, run, lines = [], False, set()

    for tok in tokens:
        if tok.kind == LABEL:
            if cells:
                close()
            labels = [t for t in labels if t.line >= tok.line - 8] + [tok]
        elif tok.kind in (VALUE, BLANK):
            line = tok.line if not cells else line
            pieces = _cell_pieces(tok)
            run = run or any(_LEADING_ZERO.match(p.text) for p in pieces)
            cells += pieces
            lines.add(tok.line)
        elif tok.kind == BREAK:
            close()
    close()
    return rows


def _cell_pieces(tok: Token) -> list:
    """A flow token '10 0 0 3' holds several cells; a grid token holds one."""
    if tok.kind == BLANK:
        return [CellText("", tok.start, tok.end, tok.grid)]
    if tok.grid:
        return [CellText(tok.text, tok.start, tok.end, True)]
    return [CellText(m.group(0), tok.start + m.start(), tok.start + m.end())
            for m in re.finditer(r"\S+", tok.text)]
