"""One scanned page → the blocks the PDF reader makes of a page with a text layer:
``("lines", [Line])`` and ``("table", [GridCell])``, top to bottom, in points.

    level       the page turned upright (a quarter or half turn, by the shape of its text
                lines and the angle classifier) and levelled (nlp/readers/ruling.py)
    tables      ruled tables found by their lines; the rules are then erased, so that no
                rule is read as a 1 and no text line runs across two cells
    readings    text lines detected on the page; a line crossing cells is cut at the rules,
                so each piece is read in its own cell (nlp/readers/recognise.py)
    cells       each cell's text is what was read inside it, '' for an empty cell, with
                the recogniser's confidence in its number and the other numbers it may be
    lines       the rest, joined into lines of text in reading order
"""
from __future__ import annotations

import re
import numpy as np

from .grid import GridCell, clean_cell
from .pdf import Line, drop_page_numbers
from .recognise import Reading, recogniser
from .ruling import Box, find_tables, ink_of, mm, skew_angle, turned

#: A page turns half round when the angle classifier reads more than this share of its lines as upside down.
UPSIDE_DOWN_SHARE = 0.6
#: A page turns a quarter when this share of its text boxes are standing (taller than wide, several characters high).
STANDING_SHARE = 0.6
#: Marks no text line covers are read when they stand at least this high (mm), as words
#: of marks closer than MARK_GAP_MM side by side.
MIN_MARK_MM = 1.2
MARK_GAP_MM = 1.5
#: At most this many other readings are kept for a cell's number.
MAX_CANDIDATES = 4
#: Full-width punctuation sets its ink in one half of its square: a line ending in one
#: ends half a character after its ink.
HALF_INKED = tuple("》）」』”’】〕，、。；：！？")
#: A Chinese typeface draws its characters over about this share of their square.
INK_OF_SQUARE = 0.9
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def page_blocks(grey: np.ndarray, dpi: float, page_top: float = 0.0, engine=None) -> list:
    """The page's blocks; ``page_top`` is where it starts on the stack of pages (points).
    A page on which nothing reads as text (a blank back side) has none."""
    engine = engine or recogniser()
    tables, clean, boxes = upright(grey, dpi, engine)
    if not boxes:
        return []
    ink = ink_of(clean)
    boxes = with_marks(boxes, unread_marks(ink, boxes, dpi))
    pieces, owners = cut_at_cells(boxes, tables, dpi)
    readings = engine.recognise(_rgb(clean), pieces)
    to_pt = 72.0 / dpi
    in_cells = {}
    prose = []
    for reading, owner in zip(readings, owners):
        if not reading.glyphs:
            continue
        if owner is None:
            prose.append(reading)
        elif owner != "rule":
            in_cells.setdefault(owner, []).append(reading)
    items = [(t.box.top * to_pt, "table", table_cells(t, in_cells, to_pt, page_top)) for t in tables]
    lines = drop_page_numbers(text_lines(prose, to_pt, page_top, ink))
    items += [(line.top - page_top, "lines", [line]) for line in lines]
    return [(kind, value) for _, kind, value in sorted(items, key=lambda item: item[0])]


def upright(grey: np.ndarray, dpi: float, engine) -> tuple:
    """(tables, the level page with its rules erased, text boxes) of the page turned a
    quarter when its text stands, half round when it reads upside down."""
    turns = 0
    for _ in range(3):
        tables, clean = _levelled(np.rot90(grey, -turns) if turns else grey, dpi)
        boxes = engine.detect(_rgb(clean))
        if turns % 2 == 0 and _standing(boxes) >= STANDING_SHARE:
            turns += 1
            continue
        if turns < 2 and boxes and engine.upside_down(_rgb(clean), boxes) > UPSIDE_DOWN_SHARE:
            turns += 2
            continue
        break
    return tables, clean, boxes


def _levelled(grey: np.ndarray, dpi: float) -> tuple:
    """(tables, the levelled page with their rules erased)."""
    grey = np.ascontiguousarray(grey)
    level = turned(grey, skew_angle(ink_of(grey))).copy()
    tables, rules = find_tables(level, dpi)
    level[rules > 0] = 255
    return tables, level


def _standing(boxes: list) -> float:
    """The share of text boxes standing upright (a page lying on its side)."""
    sized = [(r - l, b - t) for l, t, r, b in boxes if max(r - l, b - t) > 3 * min(r - l, b - t)]
    return sum(h > w for w, h in sized) / len(sized) if len(sized) >= 3 else 0.0


def _rgb(grey: np.ndarray) -> np.ndarray:
    return np.repeat(grey[:, :, None], 3, axis=2)


def cut_at_cells(boxes: list, tables: list, dpi: float) -> tuple:
    """Text boxes → pieces to read, each with its owner: ``(table, cell)`` for a piece
    inside a table cell (a box across several cells is cut at their rules), None for text
    outside tables, "rule" for a box on a table's lines only."""
    pieces, owners = [], []
    for box in boxes:
        left, top, right, bottom = box
        table = next((t for t in tables if _overlap(box, t.box) > 0.5), None)
        if table is None:
            pieces.append(box)
            owners.append(None)
            continue
        height = bottom - top
        cut = []
        for k, cell in enumerate(table.cells):
            l, t, r, b = max(left, cell.left), max(top, cell.top), min(right, cell.right), min(bottom, cell.bottom)
            if r - l >= 0.25 * min(height, cell.height) and b - t >= 0.4 * min(height, cell.height):
                cut.append(((l, t, r, b), (id(table), k)))
        for piece, owner in cut or [(box, "rule")]:
            pieces.append(piece)
            owners.append(owner)
    return pieces, owners


def unread_marks(ink: np.ndarray, boxes: list, dpi: float) -> list:
    """Boxes around the marks no detected text line covers: the detector misses a lone
    digit in a cell now and then, or the 二、 before a heading, and every mark on the page
    must be read (an empty cell is an empty cell only when nothing is in it). Marks are
    grouped into words (closer than MARK_GAP_MM side by side); specks and the edges left
    of erased rules are no marks."""
    import cv2

    uncovered = ink.copy()
    for left, top, right, bottom in boxes:
        uncovered[int(top):int(np.ceil(bottom)), int(left):int(np.ceil(right))] = 0
    n, _, stats, _ = cv2.connectedComponentsWithStats(uncovered, connectivity=8)
    speck, edge = mm(0.25, dpi) ** 2, mm(0.5, dpi)
    marks = np.zeros_like(uncovered)
    for x, y, w, h, area in stats[1:]:
        if area >= speck and min(w, h) >= edge // 2 and max(w, h) >= edge:
            marks[y:y + h, x:x + w] = 255
    if not marks.any():
        return []
    words = cv2.dilate(marks, cv2.getStructuringElement(cv2.MORPH_RECT, (mm(MARK_GAP_MM, dpi), mm(0.8, dpi))))
    n, _, stats, _ = cv2.connectedComponentsWithStats(words, connectivity=8)
    pad, tall = mm(0.5, dpi), mm(MIN_MARK_MM, dpi)
    h, w = ink.shape
    return [(max(0, x - pad), max(0, y - pad), min(w, x + bw + pad), min(h, y + bh + pad))
            for x, y, bw, bh, _ in stats[1:] if bh >= tall]


def with_marks(boxes: list, marks: list) -> list:
    """The text boxes, each grown over the marks beside it on its line (a heading's 二、
    is read with its heading, the stroke of 二 and all), and the marks beside no box."""
    boxes = [list(b) for b in boxes]
    alone = []
    for mark in marks:
        middle = (mark[1] + mark[3]) / 2
        near = [b for b in boxes if b[1] <= middle <= b[3] and
                max(b[0] - mark[2], mark[0] - b[2]) < b[3] - b[1]]
        if not near:
            alone.append(mark)
            continue
        b = min(near, key=lambda b: max(b[0] - mark[2], mark[0] - b[2]))
        b[0], b[1], b[2], b[3] = min(b[0], mark[0]), min(b[1], mark[1]), max(b[2], mark[2]), max(b[3], mark[3])
    return sorted([tuple(b) for b in boxes] + alone, key=lambda b: (b[1], b[0]))


def _overlap(box: tuple, outline: Box) -> float:
    """The share of ``box`` inside ``outline``."""
    left, top, right, bottom = box
    w = max(0.0, min(right, outline.right) - max(left, outline.left))
    h = max(0.0, min(bottom, outline.bottom) - max(top, outline.top))
    return w * h / max((right - left) * (bottom - top), 1e-9)


def table_cells(table, in_cells: dict, to_pt: float, page_top: float) -> list:
    """The table's GridCells: what was read in each ('' if nothing), in points."""
    out = []
    for k, cell in enumerate(table.cells):
        readings = in_cells.get((id(table), k), [])
        text = clean_cell("\n".join(r.text for r in reading_order(readings)))
        confidence, candidates = number_reading(readings) if readings else (1.0, ())
        out.append(GridCell(text, page_top + cell.top * to_pt, page_top + cell.bottom * to_pt,
                            cell.left * to_pt, cell.right * to_pt,
                            confidence=confidence, candidates=candidates))
    return out


def reading_order(readings: list) -> list:
    """Readings as lines of text, top to bottom, each line left to right."""
    lines = []
    for r in sorted(readings, key=lambda r: r.top):
        if lines and r.middle < lines[-1][0].bottom:
            lines[-1].append(r)
        else:
            lines.append([r])
    return [r for line in lines for r in sorted(line, key=lambda r: r.left)]


def number_reading(readings: list) -> tuple:
    """(confidence, candidates) of what a cell reads as a number.

    The confidence is the weakest of its digits, each weighed only against the other
    digits the model saw in its place (a 0 whose runner-up is the letter O is a sure 0),
    and lowered by any character the model nearly read where it read none. Candidates
    are the cell's text with one digit swapped for its runner-up, most likely first.
    """
    glyphs = [g for r in reading_order(readings) for g in r.glyphs]
    digits = [(k, g) for k, g in enumerate(glyphs) if _DIGIT.fullmatch(g.text)]
    if not digits:
        return round(min(g.confidence for g in glyphs), 4) if glyphs else 1.0, ()
    confidence = min(_digit_confidence(g) for _, g in digits)
    confidence = min(confidence, 1.0 - max(r.doubt for r in readings))
    texts = [g.text for g in glyphs]
    candidates = []
    for k, g in digits:
        for other, p in g.runners_up:
            if _DIGIT.fullmatch(other):
                swapped = texts[:k] + [other] + texts[k + 1:]
                candidates.append((p / max(g.confidence, 1e-9), clean_cell("".join(swapped))))
    ranked = tuple(text for _, text in sorted(candidates, key=lambda c: -c[0]))[:MAX_CANDIDATES]
    return round(confidence, 4), ranked


def _digit_confidence(glyph) -> float:
    rival = max((p for c, p in glyph.runners_up if _DIGIT.fullmatch(c)), default=0.0)
    return glyph.confidence / (glyph.confidence + rival)


def text_lines(readings: list, to_pt: float, page_top: float, ink: np.ndarray) -> list:
    """Readings outside tables → :class:`~nlp.readers.pdf.Line` in points, top to bottom;
    readings side by side on one line joined (a space between Latin words). A line ends
    where its ink does (a detected box reaches past its text by a margin that grows with
    the font, which would make a heading look like the widest line)."""
    from .pdf import glue

    lines = []
    for r in sorted(readings, key=lambda r: r.top):
        if lines and r.middle < lines[-1][0].bottom and r.top > lines[-1][0].top - 0.5 * (r.bottom - r.top):
            lines[-1].append(r)
        else:
            lines.append([r])
    out = []
    for line in lines:
        line.sort(key=lambda r: r.left)
        text = ""
        for r in line:
            text += glue(text[-1:], r.text[:1]) + r.text if text else r.text
        glyphs = [g for r in line for g in r.glyphs]
        if not text.strip() or not glyphs:
            continue
        pitch = max(character_pitch(glyphs, line[0].bottom - line[0].top), ink_height(ink, line) / INK_OF_SQUARE)
        right = ink_right(ink, line[-1]) + (pitch / 2 if text.endswith(HALF_INKED) else 0.0)
        out.append(Line(text, page_top + min(r.top for r in line) * to_pt, right * to_pt, pitch * to_pt))
    return out


def ink_height(ink: np.ndarray, line: list) -> float:
    """How high the ink of a line stands, in pixels: INK_OF_SQUARE of a character's width
    for Chinese text, which the recogniser's character positions give only roughly."""
    top, bottom = int(min(r.top for r in line)), int(np.ceil(max(r.bottom for r in line)))
    left, right = int(min(r.left for r in line)), int(np.ceil(max(r.right for r in line)))
    rows = np.flatnonzero((ink[top:bottom, left:right] > 0).sum(axis=1) >= 2)
    return float(rows[-1] - rows[0] + 1) if len(rows) else 0.0


def ink_right(ink: np.ndarray, reading) -> float:
    """Where the ink inside a reading's box ends, in pixels (its box's edge if none)."""
    top, bottom = int(reading.top), int(np.ceil(reading.bottom))
    left, right = int(reading.left), int(np.ceil(reading.right))
    columns = np.flatnonzero((ink[top:bottom, left:right] > 0).sum(axis=0) >= 2)
    return float(left + columns[-1] + 1) if len(columns) else float(reading.right)


def character_pitch(glyphs: list, height: float) -> float:
    """The width of a character on a line: the median distance between neighbouring
    Chinese characters (each set in a square), else between any neighbours; a line of
    one character: most of its box's height."""
    pairs = [(a, b) for a, b in zip(glyphs, glyphs[1:]) if b.centre > a.centre]
    square = [(a, b) for a, b in pairs if _CJK.match(a.text) and _CJK.match(b.text)]
    steps = sorted(b.centre - a.centre for a, b in (square or pairs))
    return steps[len(steps) // 2] if steps else 0.6 * height


def ink_height(ink: np.ndarray, line: list) -> float:
    """How high the ink of a line stands, in pixels: INK_OF_SQUARE of a character's width
    for Chinese text, which the recogniser's character positions give only roughly."""
    top, bottom = int(min(r.top for r in line)), int(np.ceil(max(r.bottom for r in line)))
    left, right = int(min(r.left for r in line)), int(np.ceil(max(r.right for r in line)))
    rows = np.flatnonzero((ink[top:bottom, left:right] > 0).sum(axis=1) >= 2)
    return float(rows[-1] - rows[0] + 1) if len(rows) else 0.0


def ink_right(ink: np.ndarray, reading) -> float:
    """Where the ink inside a reading's box ends, in pixels (its box's edge if none)."""
    top, bottom = int(reading.top), int(np.ceil(reading.bottom))
    left, right = int(reading.left), int(np.ceil(reading.right))
    columns = np.flatnonzero((ink[top:bottom, left:right] > 0).sum(axis=0) >= 2)
    return float(left + columns[-1] + 1) if len(columns) else float(reading.right)


def character_pitch(glyphs: list, height: float) -> float:
    """The distance from one character to the next on a line (the median of its
    neighbours' distances; a line of one character: most of its box's height)."""
    steps = sorted(b.centre - a.centre for a, b in zip(glyphs, glyphs[1:]) if b.centre > a.centre)
    return steps[len(steps) // 2] if steps else 0.6 * height


__all__ = ["Reading", "page_blocks"]
