"""Traditional → simplified Chinese (OpenCC ``t2s``) with a map back to the original.

Only text that is written in traditional characters is converted: simplified text is
returned untouched (OpenCC would otherwise rewrite a few variant characters).

>>> text, script = to_simplified("政府信息公開工作年度報告")
>>> text
'政府信息公开工作年度报告'
>>> script.original[script.to_original(10)]
'報'
>>> to_simplified("政府信息公开工作年度报告")[1] is None
True
"""
from __future__ import annotations

import difflib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..vocabulary import cjk_count

#: Convert when at least this share of the CJK characters changes under t2s
#: (traditional text: 20-40 %; simplified text: 0, or a stray variant character).
TRADITIONAL_MIN_SHARE = 0.05


@dataclass(frozen=True)
class ScriptMap:
    """Offsets in the converted text → offsets in ``original``.

    ``anchors`` are (converted offset, original offset) pairs, sorted; between two anchors
    the texts run in step, one character for one.
    """

    original: str
    anchors: tuple

    def to_original(self, offset: int) -> int:
        i = bisect_right([a for a, _ in self.anchors], offset) - 1
        if i < 0:
            return offset
        converted_at, original_at = self.anchors[i]
        return min(original_at + offset - converted_at, len(self.original))

    def to_converted(self, offset: int) -> int:
        """The inverse of :meth:`to_original` (anchors rise in both texts together)."""
        i = bisect_right([o for _, o in self.anchors], offset) - 1
        if i < 0:
            return offset
        converted_at, original_at = self.anchors[i]
        return converted_at + offset - original_at

    def span_to_original(self, start: int, end: int) -> tuple:
        return self.to_original(start), self.to_original(end)

    def original_span(self, start: int, end: int) -> tuple:
        """``(start, end, text)`` of a converted span in the original: what a record shows.

        >>> _, script = to_simplified("撫遠市自然資源局2022年政府信息公開工作年度報告")
        >>> script.original_span(0, 8)
        (0, 8, '撫遠市自然資源局')
        """
        a, b = self.span_to_original(start, end)
        return a, b, self.original[a:b]


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")



def is_traditional(text: str, converted: str) -> bool:
    cjk = cjk_count(text)
    if not cjk:
        return False
    changed = sum(1 for a, b in zip(text, converted) if a != b)
    return changed / cjk >= TRADITIONAL_MIN_SHARE


def _line_anchors(line: str, converted: str, converted_at: int, original_at: int) -> list:
    """Anchors for one line whose conversion changed its length (rare phrase rewrites)."""
    anchors = []
    matcher = difflib.SequenceMatcher(None, converted, line, autojunk=False)
    for _, c1, _, o1, _ in matcher.get_opcodes():
        anchors.append((converted_at + c1, original_at + o1))
    return anchors


def align(converted_lines: list, original_lines: list) -> tuple:
    anchors = [(0, 0)]
    c_at = o_at = 0
    for line, conv in zip(original_lines, converted_lines):
        if len(line) != len(conv):
            anchors += _line_anchors(line, conv, c_at, o_at)
        c_at += len(conv)
        o_at += len(line)
        anchors.append((c_at, o_at))
    return tuple(sorted(set(anchors)))


def in_converted(grid, converted: str, script: ScriptMap):
    """A grid read from the original text, its cells moved into the converted text."""
    from dataclasses import replace

    def moved(cell):
        start, end = script.to_converted(cell.start), script.to_converted(cell.end)
        return replace(cell, start=start, end=end, text=converted[start:end])

    span = tuple(script.to_converted(at) for at in grid.span)
    return replace(grid, cells=tuple(moved(c) for c in grid.cells), span=span)


def to_simplified(text: str) -> tuple:
    """``(text, None)`` for simplified text; ``(converted, ScriptMap)`` for traditional."""
    converted = _converter().convert(text)
    if converted == text or not is_traditional(text, converted):
        return text, None
    if len(converted) == len(text):
        return converted, ScriptMap(text, ((0, 0),))
    lines = text.splitlines(keepends=True)
    converted_lines = [_converter().convert(line) for line in lines]
    return "".join(converted_lines), ScriptMap(text, align(converted_lines, lines))
