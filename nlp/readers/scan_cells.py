"""The cells of a scanned table: what was read inside each, and how sure the number is.

A cell's text is its readings in reading order ('' when nothing was read in it). In a cell
that reads as a number, a character the recogniser took for a letter but also saw as a
digit is that digit (``O`` → ``0``, ``l`` → ``1``): a table cell holds a number, and the
confidence of a digit is weighed only against the other digits the model saw in its place.

>>> from nlp.readers.recognise import Glyph, Reading
>>> zero = Reading(0, 0, 10, 10, (Glyph("O", 0.6, (("0", 0.38),), 0, 10),))
>>> cell_text([zero]), number_reading([zero])
('0', (1.0, ()))
>>> eight = Reading(0, 0, 20, 10, (Glyph("1", 0.99, (), 0, 9), Glyph("8", 0.7, (("3", 0.25),), 10, 19)))
>>> cell_text([eight]), number_reading([eight])
('18', (0.7368, ('13',)))
>>> word = Reading(0, 0, 20, 10, (Glyph("其", 0.9, (), 0, 9), Glyph("O", 0.6, (("0", 0.3),), 10, 19)))
>>> cell_text([word])
'其O'
"""
from __future__ import annotations

import re
from dataclasses import replace

from .grid import GridCell, clean_cell

#: At most this many other readings are kept for a cell's number.
MAX_CANDIDATES = 4
#: Characters a number cell may hold beside its digits.
NUMBER_MARKS = frozenset(",，.．万亿元件")
_DIGIT = re.compile(r"\d")


def table_cells(table, in_cells: dict, to_pt: float, page_top: float) -> list:
    """The table's GridCells: what was read in each ('' if nothing), in points."""
    out = []
    for k, cell in enumerate(table.cells):
        readings = in_cells.get((id(table), k), [])
        confidence, candidates = number_reading(readings) if readings else (1.0, ())
        out.append(GridCell(cell_text(readings), page_top + cell.top * to_pt, page_top + cell.bottom * to_pt,
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


def cell_text(readings: list) -> str:
    lines = [[g.text for g in glyphs] for glyphs in _glyph_lines(readings)]
    return clean_cell("\n".join("".join(line) for line in lines))


def _glyph_lines(readings: list) -> list:
    """Each reading's glyphs, with digit-like letters made digits when the cell is a number."""
    ordered = reading_order(readings)
    glyphs = [g for r in ordered for g in r.glyphs]
    if not glyphs or not all(_digit_like(g) or g.text in NUMBER_MARKS for g in glyphs) \
            or not any(_digit_like(g) for g in glyphs):
        return [list(r.glyphs) for r in ordered]
    return [[_as_digit(g) for g in r.glyphs] for r in ordered]


def _digit_like(glyph) -> bool:
    return bool(_DIGIT.fullmatch(glyph.text)) or any(_DIGIT.fullmatch(c) for c, _ in glyph.runners_up)


def _as_digit(glyph):
    if _DIGIT.fullmatch(glyph.text) or glyph.text in NUMBER_MARKS:
        return glyph
    digit, p = max(((c, p) for c, p in glyph.runners_up if _DIGIT.fullmatch(c)), key=lambda cp: cp[1])
    rest = tuple((c, q) for c, q in glyph.runners_up if c != digit)
    return replace(glyph, text=digit, confidence=p, runners_up=rest)


def number_reading(readings: list) -> tuple:
    """(confidence, candidates) of what a cell reads as a number.

    The confidence is the weakest of its digits, each weighed only against the other
    digits the model saw in its place (a 0 whose runner-up is the letter O is a sure 0),
    and lowered by any character the model nearly read where it read none. Candidates
    are the cell's text with one digit swapped for its runner-up, most likely first.
    """
    glyphs = [g for line in _glyph_lines(readings) for g in line]
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
    ranked = tuple(dict.fromkeys(text for _, text in sorted(candidates, key=lambda c: -c[0])))[:MAX_CANDIDATES]
    return round(confidence, 4), ranked


def _digit_confidence(glyph) -> float:
    rival = max((p for c, p in glyph.runners_up if _DIGIT.fullmatch(c)), default=0.0)
    return glyph.confidence / (glyph.confidence + rival)
