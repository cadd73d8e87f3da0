"""Table text → a flat stream of tokens, whatever the layout.

Real tables reach us as text in a handful of shapes; each line is read by the rule of
its shape and all shapes give the same tokens:

==============  =====================================================  ==================
shape           example                                                 read as
==============  =====================================================  ==================
grid            ``规章 | 0 | 0 | | |`` ``| 一、… | 32 | 2 | … |``       one cell per piece
vertical        ``规章`` / ``|`` / ``0`` / ``|`` … or ``0 |`` per line   one cell per line
flow            ``行政规范性文件 0 5 5``, ``规章000规范性文件898989``     label, then numbers
==============  =====================================================  ==================

Tokens: LABEL (text), VALUE (a number, or a run of numbers in flow text), BLANK (a cell printed empty), and
BREAK (the bounds of a grid line, the end of a flow line that held a row of cells). Separators, markdown
rules and page numbers are dropped.

>>> [(t.kind, t.text) for t in tokenize("规章 | 0 | | |\\n")]
[('break', ''), ('label', '规章'), ('value', '0'), ('blank', ''), ('blank', ''), ('break', '')]
>>> [(t.kind, t.text) for t in tokenize("规章\\n0\\n|\\n5\\n")]
[('label', '规章'), ('value', '0'), ('value', '5')]
>>> [(t.kind, t.text) for t in tokenize("行政规范性文件 0 5 5\\n")]
[('label', '行政规范性文件'), ('value', '0 5 5'), ('break', '')]
>>> [(t.kind, t.text) for t in tokenize("数量0000000三、结果（一）予以公开7000007（二）部分公开")]
[('label', '数量'), ('value', '0000000'), ('label', '三、结果(一)予以公开'), ('value', '7000007'), ('label', '(二)部分公开'), ('break', '')]
>>> [(t.kind, t.text) for t in tokenize("行政事业性收费35-15第二十条")]
[('label', '行政事业性收费'), ('value', '35'), ('value', '-15'), ('label', '第二十条'), ('break', '')]
>>> [(t.kind, t.text) for t in tokenize("保护第三方合法权益00000005.属于三类内部事务信息1000001")]
[('label', '保护第三方合法权益'), ('value', '0000000'), ('label', '5.属于三类内部事务信息'), ('value', '1000001'), ('break', '')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import regexes
from ..numbers import CELL_NUMBER, PLACEHOLDERS, fold_width
from ..vocabulary import TABLE_PAGE_NUMBER

LABEL, VALUE, BLANK, BREAK = "label", "value", "blank", "break"


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int
    line: int
    grid: bool = False  # a cell of a grid line: separated, never part of a digit run


#: Lines that carry no cell: markdown rules, page numbers (— 3 —, - 2 -, 第3页).
SKIP_LINE = re.compile(r"^\s*(?:\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?|" + TABLE_PAGE_NUMBER + r")\s*$")

#: A number as a cell prints it: digits with separators and decimals, optionally a unit.
_CELL_VALUE = re.compile(rf"^{CELL_NUMBER}$")

#: In flow text: a run of numbers separated by spaces (a sign only where a number starts:
#: 本年增/减 prints -3, and a minus right after a digit starts a negative cell whose
#: separator was lost: 行政事业性收费35-15 is 35 | -15); the unit words end the run.
_SIGNED = r"(?:(?<![\w.])[+\-－−]|(?<=\d)[\-－−])?\d[\d,，.]*"
_VALUE_RUN = regexes.compile(rf"{_SIGNED}(?:[ \t\u3000]+{_SIGNED})*[ \t\u3000]*(?:万元|亿元|元)?")

#: "…0000002.其他…": the digits just before "N." + text are that sub-row's number.
_SUBROW_NUMBER = re.compile(r"(\d)\.(?=\s*[^\d\s.])")


def tokenize(text: str, offset: int = 0, first_line: int = 0) -> list:
    """Tokens of a table region; ``offset`` is the region's position in the document."""
    lines = text.splitlines(keepends=True)
    trailing_pipe_style = _is_trailing_pipe_style(lines)
    blanks = empty_line_cells(lines)
    tokens = []
    pos = offset
    for number, line in enumerate(lines, start=first_line):
        body = line.rstrip("\r\n")
        if body.strip() and not SKIP_LINE.match(body):
            tokens += _line_tokens(fold_width(body), pos, number, trailing_pipe_style)
        tokens += [Token(BLANK, "", pos, pos, number)] * blanks.get(number - first_line, 0)
        pos += len(line)
    return tokens


#: Share of a region's lines that must be ``|`` (or of its cells followed by one empty
#: line) before empty lines are read as printed blank cells.
BAR_LINE_SHARE = 0.3
SEPARATED_CELL_SHARE = 0.8


def empty_line_cells(lines: list) -> dict:
    r"""Empty lines that are printed blank cells: line index → how many.

    Two text layouts print a blank cell as an empty line (issue 12):
    - a cell a line with ``|`` lines between cells (seeds 001/002): an empty line between
      two ``|`` lines is a blank cell;
    - cells separated by one empty line (seed 004): a blank cell is an empty line of its
      own, so k blank cells between two cells are 2k + 1 empty lines.

    >>> empty_line_cells(["规章\n", "|\n", "0\n", "|\n", "\n", "|\n", "3\n"] * 3)
    {4: 1, 11: 1, 18: 1}
    >>> empty_line_cells(["规章\n", "\n", "0\n", "\n", "\n", "\n", "3\n", "\n"] * 3)
    {5: 1, 13: 1, 21: 1}
    """
    stripped = [line.strip() for line in lines]
    content = [k for k, s in enumerate(stripped) if s]
    if not content:
        return {}
    bars = sum(s == "|" for s in stripped)
    if bars >= BAR_LINE_SHARE * len(content):
        return {k: 1 for k in range(1, len(lines) - 1)
                if not stripped[k] and stripped[k - 1] == "|" and stripped[k + 1] == "|"}
    if any("|" in s for s in stripped):
        return {}
    separated = sum(1 for k in content if k + 1 < len(lines) and not stripped[k + 1])
    if separated < SEPARATED_CELL_SHARE * len(content):
        return {}
    out = {}
    for before, after in zip(content, content[1:]):
        run = after - before - 1
        if run >= 3:
            out[after - 1] = (run - 1) // 2
    tail = len(lines) - content[-1] - 1
    if tail >= 3:
        out[len(lines) - 1] = (tail - 1) // 2
    return out


def _line_tokens(line: str, pos: int, number: int, trailing_pipe_style: bool) -> list:
    pieces = pipe_pieces(line)
    filled = [p for p in pieces if p[0].strip()]
    if len(pieces) > 1 and not (len(filled) <= 1 and _only_trailing_pipes(line)):
        return _grid_tokens(pieces, pos, number)
    if len(pieces) > 1 or "|" in line:  # a vertical cell "0 |", or a bare "|" line
        if filled:
            text, start = filled[0]
            return _lone_cell(text, pos + start, number) or _flow_tokens(text, pos + start, number, with_break=False)
        if line.strip() == "|":
            return [Token(BLANK, "", pos, pos, number)] if trailing_pipe_style else []
        return [Token(BREAK, "", pos, pos, number)]  # a line of pipes only ends a vertical row
    return _lone_cell(line, pos, number) or _flow_tokens(line, pos, number, with_break=True)


def _lone_cell(text: str, pos: int, number: int) -> list:
    """A line that is one number as a cell prints it (2笔, 984361元: a cell a line) is that
    cell; flow text (规章 0 5 5) is read by :func:`_flow_tokens`."""
    stripped = text.strip()
    if not _CELL_VALUE.match(re.sub(r"\s+", "", stripped)) or not re.search(r"\D$", stripped):
        return []
    begin = pos + text.index(stripped)
    return [Token(VALUE, stripped, begin, begin + len(stripped), number)]


def pipe_pieces(line: str) -> list:
    """(text, start) of each piece between pipes; markdown's outer pipes removed."""
    pieces, start = [], 0
    for i, ch in enumerate(line + "|"):
        if ch == "|":
            pieces.append((line[start:i], start))
            start = i + 1
    if len(pieces) > 1 and line.lstrip().startswith("|") and not pieces[0][0].strip():
        pieces = pieces[1:]
    if len(pieces) > 1 and not pieces[-1][0].strip():
        pieces = pieces[:-1]  # the end of the line is not a cell
    return pieces


#: More pipes than this after a lone label make a grid row of blank cells, not a
#: vertical cell followed by separators.
MAX_VERTICAL_PIPES = 2


def _only_trailing_pipes(line: str) -> bool:
    """``0 |`` or ``规章 ||``: one cell per line, pipes only after it."""
    return bool(re.match(r"^[^|]*\|[\s|]*$", line)) and line.count("|") <= MAX_VERTICAL_PIPES


def _grid_tokens(pieces: list, pos: int, number: int) -> list:
    tokens = []
    for text, start in pieces:
        stripped = text.strip()
        begin = pos + start + (len(text) - len(text.lstrip()))
        if stripped in PLACEHOLDERS:
            tokens.append(Token(BLANK, stripped, begin, begin + len(stripped), number, grid=True))
        elif _CELL_VALUE.match(re.sub(r"\s+", "", stripped)):
            tokens.append(Token(VALUE, stripped, begin, begin + len(stripped), number, grid=True))
        else:
            _add_label(tokens, text, pos + start, number)
    start = Token(BREAK, "", pos, pos, number)  # a grid line is a row of its own
    return [start] + tokens + [Token(BREAK, "", pos, pos, number)]


def _flow_tokens(text: str, pos: int, number: int, with_break: bool) -> list:
    """Labels and number runs of free-running text; a BREAK ends a line that had numbers."""
    tokens = []
    cursor = 0
    for m in _VALUE_RUN.finditer(text):
        start, end = m.start(), m.end()
        run = m.group(0)
        sub = _SUBROW_NUMBER.search(text, start, min(len(text), end + 1))
        if sub and sub.start() >= start:
            end = sub.start()  # the "N" of "N.属于…" opens the next label
            run = text[start:end]
        if start < cursor or not run.strip() or not _is_cell_run(text, start, end):
            continue
        _add_label(tokens, text[cursor:start], pos + cursor, number)
        run_text = run.rstrip(" \t\u3000.")
        tokens.append(Token(VALUE, run_text.strip(), pos + start, pos + start + len(run_text), number))
        cursor = start + len(run)
    _add_label(tokens, text[cursor:], pos + cursor, number)
    values = [t for t in tokens if t.kind == VALUE]
    lone_cell = len(tokens) == 1 and len(values) == 1 and " " not in values[0].text
    ends_row = with_break and values and not lone_cell  # a lone number is a vertical cell
    return tokens + ([Token(BREAK, "", pos, pos, number)] if ends_row else [])


#: A number followed by one of these is prose or numbering (2024 年, 第3项, 16 件), not a cell.
_PROSE_AFTER_NUMBER = frozenset("年月日项类号）)个期%．、件条人次名家篇份户")


def _is_cell_run(text: str, start: int, end: int) -> bool:
    """A number run is cells, not part of a label: not ``第二十条`` numbering, not the
    ``1.`` of a sub-row label at the start, not ``2024 年`` or ``50 件`` prose."""
    after = text[end:end + 1]
    if after in _PROSE_AFTER_NUMBER:
        return False
    return not re.match(r"\s*\.", text[end:end + 2]) or end >= len(text)


def _add_label(tokens: list, raw: str, pos: int, number: int) -> None:
    stripped = raw.strip()
    if stripped and re.search(r"[^\W\d_]", stripped):
        begin = pos + raw.index(stripped[0])
        tokens.append(Token(LABEL, stripped, begin, begin + len(stripped), number))


def _is_trailing_pipe_style(lines: list) -> bool:
    """Vertical layout whose every cell line ends in a pipe (``0 |``): a bare ``|`` line
    is then an empty cell, not a separator."""
    content = [l.strip() for l in lines if l.strip() and l.strip().strip("|").strip()]
    if len(content) < 6:
        return False
    ending = sum(1 for l in content if l.endswith("|") and l.count("|") == 1)
    return ending >= 0.8 * len(content)
