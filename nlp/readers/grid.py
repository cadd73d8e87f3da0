"""Tables as the pipeline reads them: one grid row per line, cells joined by `` | ``.

Every reader that sees real table structure (HTML, PDF, DOCX) places its cells on a grid
here, so all formats reach the table reader in the one layout of the text reports
(data/samples/000_*.txt): a merged cell's text sits in its first grid position, the
positions it spans are empty pieces.

>>> rows = [[SpanCell("项目", rowspan=2), SpanCell("申请人", colspan=2)],
...         [SpanCell("自然人"), SpanCell("法人")],
...         [SpanCell("新收"), SpanCell("1"), SpanCell("0")]]
>>> render(layout(rows))
['项目 | 申请人 |', ' | 自然人 | 法人', '新收 | 1 | 0']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CELL_SEPARATOR = " | "
#: A pipe inside a cell would split it; the full-width bar reads the same to a person.
PIPE_STAND_IN = "｜"
#: Spans beyond these are markup errors (HTML allows colspan=1000); clip them.
MAX_COLSPAN = 64
MAX_ROWSPAN = 1000

_SPACE_RUN = re.compile(r"[ \t\f\v\u00a0\u3000\u200b\ufeff]*\n[\s\u00a0\u3000]*|[\s\u00a0\u3000\u200b\ufeff]+")
_CJK = re.compile(r"[\u4e00-\u9fff\u3001-\u303f\uff01-\uff5e]")


@dataclass(frozen=True)
class SpanCell:
    text: str
    rowspan: int = 1
    colspan: int = 1


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
