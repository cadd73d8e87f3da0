"""Tables a PDF prints without rules, found by the positions of their words.

A table whose cells have no ruling lines (a page printed with borders hidden, a 三线表)
comes out of the text layer as lines of words with wide gaps between them. Where several
consecutive lines print numbers apart from their labels, those lines are a table: each
word is a cell with its box (``GridCell``, unit ``"words"``), and the table reader places
each value under the header whose column its box stands in, so a blank cell is a gap, not
a shift (nlp/tables/grids.py merges header words a line break split and labels wrapped
over several lines).

This module finds the zones and makes the cells; it knows nothing of the template.

>>> w = lambda text, x0, top: {"text": text, "x0": x0, "x1": x0 + 10 * len(text), "top": top, "bottom": top + 10}
>>> words = [w("一、总体情况", 30, 0),
...          w("信息内容", 30, 20), w("本年制发件数", 120, 20), w("现行有效件数", 250, 20),
...          w("规章", 30, 40), w("0", 120, 40), w("3", 250, 40),
...          w("行政规范性文件", 30, 60), w("5", 120, 60), w("12", 250, 60),
...          w("行政许可", 30, 80), w("7", 250, 80)]
>>> [[c.text for c in zone] for zone in table_zones(words, char_width=10)]
[['信息内容', '本年制发件数', '现行有效件数', '规章', '0', '3', '行政规范性文件', '5', '12', '行政许可', '7']]
"""
from __future__ import annotations

import re

from ..numbers import CELL_NUMBER, fold_width
from ..vocabulary import TOP_MARKER_ANY_STOP
from .grid import GridCell, clean_cell

#: Two words on a line are in different cells when the gap between them is at least this
#: many character widths (a cell's padding; words of one cell touch or have a space).
CELL_GAP_CHARS = 0.6
#: A zone needs this many lines that print a number in a cell of its own, one of them two
#: (a table broken by a page may leave two rows on the page).
MIN_NUMBER_LINES = 2
#: A line of one short piece of text between table lines (a wrapped header or label, a
#: sub-table title) stays in the zone; a longer one, a sentence, or a numbered heading
#: (三、收到和处理…) ends it.
MAX_LONE_CHARS = 30
#: A table's header alone at the foot of a page (``headed``) prints this many lines of cells.
MIN_HEADER_LINES = 2
_ENDS_ZONE = re.compile(rf"^\s*{TOP_MARKER_ANY_STOP}|[。；;]\s*$")

_NUMBER = re.compile(rf"^{CELL_NUMBER}$")


def word_lines(words: list) -> list:
    """Words grouped into lines (by vertical overlap), top to bottom, left to right."""
    lines = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        if lines and lines[-1][0]["top"] <= middle <= lines[-1][0]["bottom"]:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _cells(line: list, gap: float) -> list:
    """The line's words joined into cells where they stand closer than a cell gap."""
    cells = [dict(line[0])]
    for word in line[1:]:
        if word["x0"] - cells[-1]["x1"] < gap:
            cells[-1].update(text=cells[-1]["text"] + word["text"], x1=word["x1"],
                             bottom=max(cells[-1]["bottom"], word["bottom"]))
        else:
            cells.append(dict(word))
    return cells


def _number_cells(cells: list) -> int:
    """Cells of a line that are a number standing apart from the line's first cell."""
    return sum(1 for c in cells[1:] if _NUMBER.match(fold_width(c["text"])))


def _kind(cells: list) -> str:
    if len(cells) > 1 and _number_cells(cells):
        return "numbers"
    if len(cells) > 1:
        return "cells"
    text = cells[0]["text"]
    return "lone" if len(text) <= MAX_LONE_CHARS and not _ENDS_ZONE.search(text) else "text"


def table_zones(words: list, char_width: float, page_top: float = 0.0, headed: bool = False) -> list:
    """Runs of lines that are a table without rules, each as its cells (GridCell, with
    ``page_top`` added to their y positions). ``headed``: a run that ends the page with
    MIN_HEADER_LINES lines of several cells and no number is a table too: its header, which
    the page broke from its rows (the rows on the next page take it); so is a run that opens
    the page with a header line over lines of numbers (the rest of a table the page broke),
    and a table of one row of numbers under its header. The OCR reader asks for it; a text
    layer is read as before. On either, a header that the next heading or paragraph closes
    with no word under it is a table too, its empty value band a cell ('')."""
    gap = CELL_GAP_CHARS * max(char_width, 1.0)
    lines = [_cells(line, gap) for line in word_lines(words)]
    kinds = [_kind(line) for line in lines]
    zones, start = [], None
    for k, kind in enumerate(kinds + ["text"]):
        if kind != "text" and start is None:
            start = k
        elif kind == "text" and start is not None:
            zones.append((start, k))
            start = None
    out = []
    for begin, end in zones:
        while begin < end and kinds[begin] == "lone":
            begin += 1
        while end > begin and kinds[end - 1] == "lone":
            end -= 1
        numbered = [lines[k] for k in range(begin, end) if kinds[k] == "numbers"]
        header = headed and not numbered and _ends_page(end, kinds) and \
            sum(kinds[k] == "cells" for k in range(begin, end)) >= MIN_HEADER_LINES
        if headed and _opens_page(begin, kinds) and _continued(kinds[begin:end]):
            header = True
        if headed and _one_row(lines[begin:end], kinds[begin:end]):
            header = True
            while begin > 0 and kinds[begin - 1] == "lone" and _touches(lines[begin - 1], lines[begin]):
                begin -= 1  # its group titles (行政复议 over its columns), each a line of its own
        blank = not numbered and not header and _header_only(lines[begin:end], kinds[begin:end]) and \
            end < len(kinds) and kinds[end] == "text"
        if blank:
            while begin > 0 and kinds[begin - 1] == "lone" and _touches(lines[begin - 1], lines[begin]):
                begin -= 1  # its group titles, as above
        if not header and not blank and \
                (len(numbered) < MIN_NUMBER_LINES or not any(_number_cells(line) > 1 for line in numbered)):
            continue
        cells = [GridCell(clean_cell(c["text"]), page_top + c["top"], page_top + c["bottom"], c["x0"], c["x1"])
                 for line in lines[begin:end] for c in line]
        if blank:
            cells.append(_empty_band(cells, page_top + lines[end][0]["top"]))
        out.append(cells)
    return out


def _header_only(lines: list, kinds: list) -> bool:
    """A header and nothing under it: at least MIN_HEADER_LINES lines of several cells, the
    last of them the leaves of a table more than two columns wide, and no line of one text
    (a row's label alone: the rows of a table printed all blank are its rows, never guessed)."""
    return len(lines) >= MIN_HEADER_LINES and all(kind == "cells" for kind in kinds) and len(lines[-1]) > 2


def _empty_band(header: list, next_top: float) -> GridCell:
    """The value band under a header that the next paragraph or heading closes with no word
    printed in it, as one empty cell across the header's width: the table's row of values
    printed all blank (nlp/tables/grids.py reads it as one only where the template prints a
    single row of values). A scan's band has no recogniser confidence: nothing was read."""
    bottom = max(c.bottom for c in header)
    return GridCell("", bottom + (next_top - bottom) / 3, next_top - (next_top - bottom) / 3,
                    min(c.left for c in header), max(c.right for c in header))


def _one_row(lines: list, kinds: list) -> bool:
    """A table of one row of numbers (the template's review and litigation table): a
    header of at least MIN_HEADER_LINES lines of several cells, and under it, last, one
    line printing numbers apart from each other."""
    return kinds.count("numbers") == 1 and kinds[-1] == "numbers" and len(lines[-1]) > 2 and \
        _number_cells(lines[-1]) > 1 and kinds.count("cells") >= MIN_HEADER_LINES


def _touches(upper: list, lower: list) -> bool:
    """A line stands closer above the next than half its height (a header's lines do; a
    title above a table stands a line or more apart)."""
    return lower[0]["top"] - upper[0]["bottom"] < 0.5 * (upper[0]["bottom"] - upper[0]["top"])


def _opens_page(begin: int, kinds: list) -> bool:
    """Only lone lines (a running title, a sub-table's title) precede line ``begin`` on its page."""
    return all(kind == "lone" for kind in kinds[:begin])


def _continued(kinds: list) -> bool:
    """The rest of a table the page broke, at the top of the next page: a header line of
    several cells, and under it lines printing numbers apart from their labels (section 2's
    last sub-tables: 信息内容 | 本年处理决定数量 over 行政处罚 | 1100, one number a row)."""
    return kinds[:1] == ["cells"] and "numbers" in kinds


def _ends_page(end: int, kinds: list) -> bool:
    """Only lone lines (a page number, a footer) follow line ``end`` on its page."""
    return all(kind == "lone" for kind in kinds[end:])


def zone_box(cells: list, page_top: float = 0.0) -> tuple:
    """(x0, top, x1, bottom) of a zone on its page."""
    return (min(c.left for c in cells), min(c.top for c in cells) - page_top,
            max(c.right for c in cells), max(c.bottom for c in cells) - page_top)
