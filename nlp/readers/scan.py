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
    unruled     the readings outside ruled tables, cut at wide gaps of ink into words with
                their boxes, go to the finder of tables printed without rules
                (nlp/readers/positions.py), as a text layer's words do; each cell it makes
                keeps the confidence of the readings it came from
    lines       the rest, joined into lines of text in reading order
"""
from __future__ import annotations

import numpy as np

from dataclasses import replace

from .grid import GridCell
from .pdf import Line, drop_page_numbers
from .positions import CELL_GAP_CHARS, table_zones
from .recognise import Reading, recogniser
from .ruling import Box, find_tables, ink_of, mm, skew_angle, turned
from .scan_cells import cell_text, number_reading, table_cells

#: A page turns half round when the angle classifier reads more than this share of its lines as upside down.
UPSIDE_DOWN_SHARE = 0.6
#: A page turns a quarter when this share of its text boxes are standing (taller than wide, several characters high).
STANDING_SHARE = 0.6
#: Marks no text line covers are read when they stand at least this high (mm), as words
#: of marks closer than MARK_GAP_MM side by side.
MIN_MARK_MM = 1.2
MARK_GAP_MM = 1.5
#: How far beside a ruling line a scan's blur reaches (erased with the line).
RULE_HALO_MM = 0.25
#: A box this many times higher than a typical one may hold lines stacked; a line's ink
#: stands at most STACKED_LINE times as high as a typical line's.
STACKED_BOX = 1.6
STACKED_LINE = 1.3
#: Full-width punctuation sets its ink in one half of its square: a line ending in one
#: ends half a character after its ink.
HALF_INKED = tuple("》）」』”’】〕，、。；：！？")
#: ... and one opening with one of these starts half a character before its ink.
HALF_INKED_OPENING = tuple("《（「『“‘【〔")
#: Words of a scan are on one line of print when their middles stand closer than this
#: many character widths (lines of a table are a character and more apart).
LINE_MIDDLE_CHARS = 0.3
#: A Chinese typeface draws its characters over about this share of their square.
INK_OF_SQUARE = 0.9


def page_blocks(grey: np.ndarray, dpi: float, page_top: float = 0.0, engine=None) -> list:
    """The page's blocks; ``page_top`` is where it starts on the stack of pages (points).
    A page on which nothing reads as text (a blank back side) has none."""
    engine = engine or recogniser()
    tables, clean, boxes = upright(grey, dpi, engine)
    if not boxes:
        return []
    ink = ink_of(clean)
    boxes = split_stacked(with_marks(boxes, unread_marks(ink, boxes, dpi)), ink)
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
    zones, prose = unruled_tables(prose, ink, to_pt, page_top, lambda boxes: engine.recognise(_rgb(clean), boxes))
    items += [(min(c.top for c in cells) - page_top, "words", cells) for cells in zones]
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
    """(tables, the levelled page with their rules erased, with the grey halo a scan
    leaves beside a line: a faint stroke at a cell's edge reads as a 1)."""
    import cv2

    grey = np.ascontiguousarray(grey)
    level = turned(grey, skew_angle(ink_of(grey))).copy()
    tables, rules = find_tables(level, dpi)
    halo = 2 * mm(RULE_HALO_MM, dpi) + 1
    level[cv2.dilate(rules, np.ones((halo, halo), np.uint8)) > 0] = 255
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


def split_stacked(boxes: list, ink: np.ndarray) -> list:
    """Boxes holding several lines of text stacked (总/计 set in a narrow cell, one
    character a line) cut into one box a line: the recogniser reads one line at a time.
    A line is a band of inked rows no higher than STACKED_LINE times a typical line's ink."""
    if not boxes:
        return []
    typical = _median([b[3] - b[1] for b in boxes])
    tall = [b for b in boxes if b[3] - b[1] > STACKED_BOX * typical]
    if not tall:
        return boxes
    line_ink = _median([_ink_height(ink, b) for b in boxes if b[3] - b[1] <= typical])
    return [piece for box in boxes
            for piece in (_cut_into_lines(box, ink, STACKED_LINE * max(line_ink, 1)) if box in tall else [box])]


def _median(values: list) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def _ink_height(ink: np.ndarray, box: tuple) -> int:
    rows = np.flatnonzero((ink[int(box[1]):int(np.ceil(box[3])), int(box[0]):int(np.ceil(box[2]))] > 0).any(axis=1))
    return int(rows[-1] - rows[0] + 1) if len(rows) else 0


def _cut_into_lines(box: tuple, ink: np.ndarray, highest: float) -> list:
    top = int(box[1])
    inked = (ink[top:int(np.ceil(box[3])), int(box[0]):int(np.ceil(box[2]))] > 0).any(axis=1)
    bands, start = [], None
    for k, on in enumerate(list(inked) + [False]):
        if on and start is None:
            start = k
        elif not on and start is not None:
            bands.append([start, k])
            start = None
    lines = []
    for band in bands:
        if lines and band[1] - lines[-1][0] <= highest:
            lines[-1][1] = band[1]
        else:
            lines.append(band)
    if len(lines) < 2:
        return [box]
    cuts = [box[1]] + [top + (a[1] + b[0]) / 2 for a, b in zip(lines, lines[1:])] + [box[3]]
    return [(box[0], y0, box[2], y1) for y0, y1 in zip(cuts, cuts[1:])]


def _overlap(box: tuple, outline: Box) -> float:
    """The share of ``box`` inside ``outline``."""
    left, top, right, bottom = box
    w = max(0.0, min(right, outline.right) - max(left, outline.left))
    h = max(0.0, min(bottom, outline.bottom) - max(top, outline.top))
    return w * h / max((right - left) * (bottom - top), 1e-9)


def unruled_tables(readings: list, ink: np.ndarray, to_pt: float, page_top: float, reread=None) -> tuple:
    """(tables printed without rules, each as its GridCells in points; the readings left
    for prose). Each reading is cut into words where its ink leaves a cell's gap (a line
    detected across two cells), each word boxed by its ink, and the words go to
    :func:`~nlp.readers.positions.table_zones` as a text layer's would. A cell keeps the
    recogniser's confidence in the words it was made of (nlp/readers/scan_cells.py); a
    word cut from a longer reading is read again alone (``reread``: boxes → Readings), as
    a ruled cell is: the reading's doubt may lie in the gap, or in another cell."""
    pitch = _median([character_pitch(r.glyphs, r.bottom - r.top) for r in readings if len(r.glyphs) > 1] or [0.0])
    if not readings or pitch <= 0:
        return [], readings
    words = []  # (word, the reading it is of, whether it is cut from it)
    for r in readings:
        cut = _words(r, ink, pitch)
        words += [(word, r, len(cut) > 1) for word in cut]
    boxes = [{"text": w.text, "x0": w.left * to_pt, "x1": w.right * to_pt,
              "top": w.top * to_pt, "bottom": w.bottom * to_pt, "k": k} for k, (w, _, _) in enumerate(words)]
    for line in _level_lines(boxes, LINE_MIDDLE_CHARS * pitch * to_pt):  # sharing a top and bottom,
        top, bottom = min(b["top"] for b in line), max(b["bottom"] for b in line)  # as a text layer's do
        for b in line:
            b.update(top=top, bottom=bottom)
    zones = table_zones([{k: v for k, v in b.items() if k != "k"} for b in boxes], pitch * to_pt, page_top,
                        headed=True)
    if not zones:
        return [], readings
    inside = [[[b["k"] for b in boxes if _holds(cell, b, page_top)] for cell in cells] for cells in zones]
    cut = sorted({k for zone in inside for ks in zone for k in ks if words[k][2]})
    if cut and reread is not None:
        pad = (CELL_GAP_CHARS / 3) * pitch
        again = reread([(words[k][0].left - pad, words[k][1].top, words[k][0].right + pad, words[k][1].bottom)
                        for k in cut])
        for k, reading in zip(cut, again):
            words[k] = (reading if reading.glyphs else words[k][0],) + words[k][1:]
    out, used = [], set()
    for cells, held in zip(zones, inside):
        made = []
        for cell, ks in zip(cells, held):
            pieces = [words[k][0] for k in ks]
            used.update(id(words[k][1]) for k in ks)
            # a cell no word was read in is a zone's empty band (positions.py): nothing was read
            confidence, candidates = number_reading(pieces) if pieces else (None, ())
            made.append(replace(cell, text=cell_text(pieces) if pieces else cell.text,
                                confidence=confidence, candidates=candidates))
        out.append(made)
    return out, [r for r in readings if id(r) not in used]


def _level_lines(boxes: list, within: float) -> list:
    """Words whose middles stand within ``within`` of the next one's, top to bottom: one
    line of print. A number set halfway down a row of two lines stands apart from both
    (a text layer prints all of a row's numbers at one height; a scan within a pixel or two)."""
    lines = []
    for box in sorted(boxes, key=lambda b: b["top"] + b["bottom"]):
        middle = (box["top"] + box["bottom"]) / 2
        if lines and middle - lines[-1][-1][0] <= within:
            lines[-1].append((middle, box))
        else:
            lines.append([(middle, box)])
    return [[box for _, box in line] for line in lines]


def _holds(cell: GridCell, box: dict, page_top: float) -> bool:
    """A zone's cell was made of this word (its middle is inside the cell's box)."""
    x, y = (box["x0"] + box["x1"]) / 2, (box["top"] + box["bottom"]) / 2 + page_top
    return cell.left <= x <= cell.right and cell.top <= y <= cell.bottom


def _words(reading: Reading, ink: np.ndarray, page_pitch: float) -> list:
    """A reading cut into words (Readings of its glyphs) where its ink leaves a cell's gap
    (CELL_GAP_CHARS of its characters' pitch, at least of the page's). A word's box is its
    ink's, reaching half a character further beside a half-inked punctuation mark; a gap
    after a half-inked mark, or before one, is no cell's gap."""
    top, bottom = int(reading.top), int(np.ceil(reading.bottom))
    left, right = int(reading.left), int(np.ceil(reading.right))
    columns = np.flatnonzero((ink[top:bottom, left:right] > 0).sum(axis=0) >= 2) + left
    if not len(columns):
        return [reading]
    pitch = max(page_pitch, character_pitch(reading.glyphs, reading.bottom - reading.top),
                ink_height(ink, [reading]) / INK_OF_SQUARE)
    gap = CELL_GAP_CHARS * pitch
    spans, start = [], columns[0]
    for a, b in zip(columns, columns[1:]):
        if b - a - 1 >= gap:
            spans.append([start, a + 1])
            start = b
    spans.append([start, columns[-1] + 1])
    nearest = [min(range(len(spans)), key=lambda k: max(spans[k][0] - g.centre, g.centre - spans[k][1], 0))
               for g in reading.glyphs]
    pieces = []
    for k, (x0, x1) in enumerate(spans):
        glyphs = tuple(g for g, n in zip(reading.glyphs, nearest) if n == k)
        if not glyphs:
            continue
        if pieces and (pieces[-1][2][-1].text.endswith(HALF_INKED) or glyphs[0].text.startswith(HALF_INKED_OPENING)):
            pieces[-1] = [pieces[-1][0], x1, pieces[-1][2] + glyphs]
        else:
            pieces.append([x0, x1, glyphs])
    words = []
    for x0, x1, glyphs in pieces:
        rows = np.flatnonzero((ink[top:bottom, x0:x1] > 0).sum(axis=1) >= 2)
        y0, y1 = (top + rows[0], top + rows[-1] + 1) if len(rows) else (reading.top, reading.bottom)
        x0 -= pitch / 2 if glyphs[0].text.startswith(HALF_INKED_OPENING) else 0.0
        x1 += pitch / 2 if glyphs[-1].text.endswith(HALF_INKED) else 0.0
        words.append(Reading(float(x0), float(y0), float(x1), float(y1), glyphs, reading.doubt))
    return words or [reading]


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
    """The distance from one character to the next on a line (the median of its
    neighbours' distances; a line of one character: most of its box's height)."""
    steps = sorted(b.centre - a.centre for a, b in zip(glyphs, glyphs[1:]) if b.centre > a.centre)
    return steps[len(steps) // 2] if steps else 0.6 * height


__all__ = ["Reading", "page_blocks"]
