"""Ruled tables in a page image: the grid the ruling lines draw, each cell a rectangle.

    ink_of        grey page → ink mask (255 where printed)
    skew_angle    the page's tilt, from its rows of text and rules (projection profiles)
    turned        the page turned back by that angle
    find_tables   the ruling lines (morphology on horizontal and vertical strokes) and the
                  rectangles they enclose: a cell is a white region fully closed by rules,
                  a merged cell simply a larger one; cells are grouped into tables by the
                  ruling they share

Everything is in pixels of the (turned) page image; the OCR reader converts to points.
A stroke of a character is never a ruling line: a line must be longer than
``MIN_RULE_MM`` millimetres, and a cell must be closed on all four sides.

>>> import numpy as np
>>> page = np.full((400, 600), 255, np.uint8)
>>> for y in (50, 120, 190): page[y:y + 2, 40:560] = 0
>>> for x in (40, 300, 558): page[50:192, x:x + 2] = 0
>>> tables, _ = find_tables(page, dpi=200)
>>> [(c.left, c.top, c.right, c.bottom) for c in tables[0].cells]
[(42, 52, 300, 120), (300, 52, 557, 120), (42, 120, 300, 189), (300, 120, 557, 189)]
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

#: A ruling line is at least this long (a CJK character at 10.5 pt is about 3.7 mm wide).
MIN_RULE_MM = 5.0
#: A cell is at least this wide, and this high: a row of blank cells that a browser prints
#: only a few points high is still a row (as the PDF reader keeps it).
MIN_CELL_MM = 2.5
MIN_ROW_MM = 0.25
#: A table is at least this wide and high (the strokes of a large heading close small
#: regions too, but no table that small).
MIN_TABLE_MM = (20.0, 4.0)
#: Gaps in a ruling line shorter than this are bridged (a scan breaks thin lines).
RULE_GAP_MM = 1.0
#: Tilts searched, in degrees either way; a scanner feeds a page no more askew than this.
MAX_SKEW_DEGREES = 5.0
#: A closed region is a cell when it fills this much of its bounding box.
CELL_FILL = 0.8


@dataclass(frozen=True)
class Box:
    """A rectangle of the page image, in pixels: ``right`` and ``bottom`` exclusive."""

    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x < self.right and self.top <= y < self.bottom


@dataclass(frozen=True)
class Table:
    """A ruled table: its outline and its cells, top to bottom, left to right."""

    box: Box
    cells: tuple


def mm(value: float, dpi: int) -> int:
    return max(1, round(value / 25.4 * dpi))


def ink_of(grey: np.ndarray) -> np.ndarray:
    """255 where something is printed: Otsu's threshold on a page evened out by its own
    blurred background (a scan is darker at the edges and in the fold)."""
    background = cv2.medianBlur(grey, 31) if min(grey.shape) > 31 else np.full_like(grey, 255)
    evened = cv2.divide(grey, np.maximum(background, 1), scale=255)
    _, ink = cv2.threshold(evened, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def skew_angle(ink: np.ndarray) -> float:
    """Degrees to turn the page counter-clockwise to level it (negative: clockwise):
    the angle whose horizontal projection is sharpest (rows of text and rules line up),
    searched in half-degree steps on a quarter of the page's size, then in steps of 0.05°
    and finally 0.02° on finer copies (a thin row of blank cells closes up at 0.05° off)."""
    if not ink.any():
        return 0.0
    best = 0.0
    for scale, span, step in ((0.25, MAX_SKEW_DEGREES, 0.5), (0.25, 0.5, 0.05), (0.5, 0.06, 0.02)):
        small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        angles = np.arange(best - span, best + span + 1e-9, step)
        best = float(max(angles, key=lambda angle: _sharpness(small, angle)))
    return round(best, 3)


def _sharpness(ink: np.ndarray, angle: float) -> float:
    profile = turned(ink, angle, fill=0).sum(axis=1, dtype=np.float64)
    return float(np.sum(np.diff(profile) ** 2))


def turned(image: np.ndarray, angle: float, fill: int = 255) -> np.ndarray:
    """``image`` turned ``angle`` degrees counter-clockwise about its centre, same size."""
    if not angle:
        return image
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)


def rule_mask(ink: np.ndarray, dpi: int) -> np.ndarray:
    """The ruling lines: ink runs longer than MIN_RULE_MM, horizontal or vertical, then
    small gaps in them closed (closing first would join the strokes of a line of text)."""
    length, gap = mm(MIN_RULE_MM, dpi), mm(RULE_GAP_MM, dpi)
    rules = np.zeros_like(ink)
    for size in ((length, 1), (1, length)):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
        closing = cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1) if size[0] > 1 else (1, gap))
        rules |= cv2.morphologyEx(cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel), cv2.MORPH_CLOSE, closing)
    return cv2.dilate(rules, np.ones((3, 3), np.uint8))


def closed(rules: np.ndarray, dpi: int) -> np.ndarray:
    """The rules with each table-sized ruling framed by its outline: a table broken by a
    page break has no rule above its first row on the next page (nor below its last row
    on the page before), and its cells must still be closed."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(rules, connectivity=8)
    framed = rules.copy()
    wide, high = mm(MIN_TABLE_MM[0], dpi), mm(MIN_TABLE_MM[1], dpi)
    for x, y, w, h, _ in stats[1:]:
        if w >= wide and h >= high:
            cv2.rectangle(framed, (int(x), int(y)), (int(x + w - 1), int(y + h - 1)), 255, thickness=2)
    return framed


def find_tables(grey: np.ndarray, dpi: int, ink: np.ndarray | None = None) -> tuple:
    """The ruled tables of a level page, and the mask of their rules (to erase them
    before OCR). A table is a connected ruling that closes at least two cells."""
    ink = ink_of(grey) if ink is None else ink
    rules = closed(rule_mask(ink, dpi), dpi)
    n_rules, rule_labels, rule_stats, _ = cv2.connectedComponentsWithStats(rules, connectivity=8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cv2.bitwise_not(rules), connectivity=4)
    h, w = rules.shape
    smallest, lowest = mm(MIN_CELL_MM, dpi), mm(MIN_ROW_MM, dpi)
    by_table = {}
    for k in range(1, n):
        x, y, cw, ch, area = stats[k]
        if x == 0 or y == 0 or x + cw >= w or y + ch >= h:
            continue  # the page around the tables
        if cw < smallest or ch < lowest or area < CELL_FILL * cw * ch:
            continue
        owner = _enclosing_rule(rule_labels, x, y, cw, ch)
        if owner:
            by_table.setdefault(owner, []).append(Box(int(x), int(y), int(x + cw), int(y + ch)))
    tables, owners = [], []
    for owner, cells in by_table.items():
        x, y, tw, th, _ = rule_stats[owner]
        inner = [c for c in cells if not (c.width >= tw - 2 * smallest and c.height >= th - 2 * smallest)]
        if len(inner) >= 2 and tw >= mm(MIN_TABLE_MM[0], dpi) and th >= mm(MIN_TABLE_MM[1], dpi):
            tables.append(Table(Box(int(x), int(y), int(x + tw), int(y + th)),
                                tuple(sorted(on_shared_lines(inner, mm(RULE_GAP_MM, dpi)),
                                             key=lambda c: (c.top, c.left)))))
            owners.append(owner)
    tables.sort(key=lambda t: (t.box.top, t.box.left))
    keep = np.isin(rule_labels, owners).astype(np.uint8) * 255
    return tables, keep & rules


def on_shared_lines(cells: list, tolerance: int) -> list:
    """Cells whose edges lie on the ruling line between them: the edges on either side of
    one rule (closer than ``tolerance``) become that rule's middle.

    >>> [(c.left, c.right) for c in on_shared_lines([Box(10, 0, 50, 9), Box(54, 0, 90, 9)], 5)]
    [(9, 52), (52, 90)]
    """
    xs = _line_positions([c.left - 1 for c in cells] + [c.right for c in cells], tolerance)
    ys = _line_positions([c.top - 1 for c in cells] + [c.bottom for c in cells], tolerance)
    return [Box(xs[c.left - 1], ys[c.top - 1], xs[c.right], ys[c.bottom]) for c in cells]


def _line_positions(edges: list, tolerance: int) -> dict:
    """edge → the middle of the run of edges it belongs to (runs: gaps within ``tolerance``)."""
    out, run = {}, []
    for edge in sorted(set(edges)) + [None]:
        if run and (edge is None or edge - run[-1] > tolerance):
            middle = round((run[0] + run[-1]) / 2)
            out.update({e: middle for e in run})
            run = []
        if edge is not None:
            run.append(edge)
    return out


def _enclosing_rule(rule_labels: np.ndarray, x: int, y: int, w: int, h: int) -> int:
    """The ruling component just outside the region's left edge at its middle row (0: none)."""
    row, col = y + h // 2, x - 1
    while col >= 0 and rule_labels[row, col] == 0:
        col -= 1
    return int(rule_labels[row, col]) if col >= 0 else 0
