"""A table printed without rules (nlp/readers/positions.py), its words joined into cells.

Each word of such a table is a cell where it stands. Two things a ruled table's cells do
for us are done here from the words' boxes:

- a header a line break split (商业企 / 业, 自然 / 人, 结果维 / 持) is joined again when the
  joined words name a column of the table and the upper ones alone do not;
- a row's label wrapped over two lines beside no number (a row of blanks) is joined into
  one cell when only the two lines together are the row's whole label;
- a label wrapped over lines beside one row of numbers (部分公开(…不 / 计其他情形)) is
  stretched over that row, so the row reads its whole label. A line of text only goes to
  the row of numbers nearest to it, and only when it is closer than the table's row pitch
  (a sub-table's title, printed further off, stays a title).

The table reader then treats the cells like those of a ruled table (nlp/tables/grids.py);
a column under which a row prints no word is a blank cell of that row.
"""
from __future__ import annotations

from dataclasses import replace
from statistics import median

from ..readers.grid import Grid, GridCell, matrix_positions

#: A wrapped label line joins the row of numbers nearest to it when it is closer than this
#: share of the table's median distance between two rows of numbers.
WRAP_SHARE_OF_PITCH = 0.9


def joined_words(grid: Grid, is_number, names_a_column, names_a_row) -> tuple:
    """(the grid with split headers joined and wrapped labels stretched over their row,
    the cells that are no row's own label: stretched over another row, or left after the
    last row of numbers, where a page may have broken a row from its numbers)."""
    lines = _join_split_headers(_lines(list(grid.cells), grid.tolerance), is_number, names_a_column)
    lines = _join_wrapped_blank_labels(lines, is_number, names_a_row)
    cells, stretched = _stretch_wrapped_labels(_lines([c for line in lines for c in line], grid.tolerance),
                                               is_number, names_a_column, names_a_row)
    return Grid(tuple(cells), grid.unit, grid.span), stretched


def _lines(cells: list, tolerance: float) -> list:
    """Cells grouped by the band row they start in, top to bottom, left to right."""
    rows = {}
    for cell, (r0, _, _, _) in zip(cells, matrix_positions(cells, tolerance)):
        rows.setdefault(r0, []).append(cell)
    return [sorted(rows[r], key=lambda c: c.left) for r in sorted(rows)]


def _overlaps(a: GridCell, b: GridCell) -> bool:
    """Most of the narrower box stands over or under the other."""
    common = min(a.right, b.right) - max(a.left, b.left)
    return common >= 0.5 * min(a.right - a.left, b.right - b.left)


def _join_split_headers(lines: list, is_number, names_a_column) -> list:
    """Header words a line break split, joined: a word with the word right under it (the
    next line of its column, whatever other columns print between) when together they name
    a column and the upper alone does not."""
    numbered = {k for k, line in enumerate(lines) if any(is_number(c.text) for c in line)}
    cells = [c for k, line in enumerate(lines) if k not in numbered for c in line]
    joined = True
    while joined:
        joined = False
        for upper in sorted(cells, key=lambda c: c.top):
            height = upper.bottom - upper.top
            under = [c for c in cells if c is not upper and _overlaps(upper, c)
                     and upper.top < c.top and c.top - upper.bottom < 0.5 * height]
            lower = min(under, key=lambda c: c.top, default=None)
            if lower is None or names_a_column(upper.text) or not names_a_column(upper.text + lower.text):
                continue
            cells.remove(upper)
            cells[cells.index(lower)] = GridCell(upper.text + lower.text, upper.top, lower.bottom,
                                                 min(upper.left, lower.left), max(upper.right, lower.right),
                                                 upper.start, lower.end)
            joined = True
            break
    kept = set(map(id, cells))
    out = [[c for c in line if id(c) in kept] for k, line in enumerate(lines) if k not in numbered]
    merged = [c for c in cells if not any(c is d for line in lines for d in line)]
    out.append(merged)
    out += [lines[k] for k in sorted(numbered)]
    return _lines([c for line in out for c in line], 0.0)


def _join_wrapped_blank_labels(lines: list, is_number, names_a_row) -> list:
    """A row label wrapped over two lines beside no number (a row of blanks: 5.要求行政机关确认或
    重新出 / 具已获取信息), joined into one cell when the two lines together, and not the upper
    alone, are a row's whole label: the lower starts under the upper, right under it."""
    out = [list(line) for line in lines]
    for k in range(len(out) - 1):
        if any(is_number(c.text) for c in out[k] + out[k + 1]):
            continue
        for upper in list(out[k]):
            height = upper.bottom - upper.top
            lower = next((c for c in out[k + 1] if abs(c.left - upper.left) < height
                          and 0 <= c.top - upper.bottom < 0.5 * height), None)
            if lower is None or names_a_row(upper.text) or not names_a_row(upper.text + lower.text):
                continue
            out[k].remove(upper)
            out[k + 1][out[k + 1].index(lower)] = GridCell(
                upper.text + lower.text, upper.top, lower.bottom, min(upper.left, lower.left),
                max(upper.right, lower.right), upper.start, lower.end)
    return [line for line in out if line]


def _stretch_wrapped_labels(lines: list, is_number, names_a_column, names_a_row) -> list:
    """Every cell, a label line of a row's wrapped label stretched over that row.

    A header line stays where it is. A line that is no row's own label (计其他情形)) is the
    wrap of the nearest row of numbers. A line that is one (it opens with the row's number:
    1.申请人无正当理由逾期不补…) is the head of a row of numbers near it whose own label is
    not (正、行政机关不再处理…: the number line of a label printed over three lines), else a
    row of its own, all blank."""
    numbered = [k for k, line in enumerate(lines) if any(is_number(c.text) for c in line)]
    if len(numbered) < 2:
        return [c for line in lines for c in line], set()
    middle = [(line[0].top + line[0].bottom) / 2 for line in lines]
    pitch = median(b - a for a, b in zip((middle[k] for k in numbered), (middle[k] for k in numbered[1:])))
    headless = {k for k in numbered if not any(names_a_row(c.text) for c in lines[k] if not is_number(c.text))}
    out, stretched = [], set()
    for k, line in enumerate(lines):
        if k in numbered or k < numbered[0] or any(names_a_column(c.text) for c in line):
            out += line
            continue
        alone = any(names_a_row(c.text) for c in line)
        near = sorted((n for n in (headless if alone else numbered)
                       if abs(middle[n] - middle[k]) <= WRAP_SHARE_OF_PITCH * pitch),
                      key=lambda n: abs(middle[n] - middle[k]))
        if not near:
            if k > numbered[-1]:  # after the table's last numbers: perhaps the head of a row the
                stretched |= set(map(id, line))  # next page prints; never a row of blanks
            out += line
            continue
        row = lines[near[0]]
        top, bottom = min(c.top for c in row), max(c.bottom for c in row)
        moved = [replace(c, top=min(c.top, top), bottom=max(c.bottom, bottom)) for c in line]
        stretched |= set(map(id, moved))
        out += moved
    return out, stretched

