"""Numbers read by OCR: each cell keeps the recogniser's confidence, and a number it was
not sure of is never taken on trust.

A cell of an OCR grid (nlp/readers/scan_cells.py) carries ``confidence`` (its weakest
digit against the other digits the model saw there) and ``candidates`` (its text with one
digit swapped for the runner-up). A table cell read from it gets ``ocr_confidence``; below
CONFIDENCE_CUTOFF it is settled by the template's arithmetic when that leaves exactly one
of its readings (exactly one reading makes every rule instance naming it that can be
assessed from confident cells hold, and at least one can be), and goes to ``ambiguous``
otherwise, so the checks that need it say so instead of passing or failing on a guess.
"""
from __future__ import annotations

from dataclasses import replace

from ..checks.arithmetic import RULES, evaluate
from ..numbers import BLANK, parse_cell
from ..record import Ambiguity
from ..schema import registry

#: A number read with less confidence than this is not taken on trust (measured on scans
#: of real reports: every misread digit scored below it, benchmarks/measure_ocr.py).
CONFIDENCE_CUTOFF = 0.9


def with_ocr_confidence(cells: list, ambiguous: list, grids, edition: str) -> tuple:
    """(cells, ambiguous): cells read by OCR with their confidence; doubtful numbers
    settled by arithmetic or moved to ambiguous."""
    read = [c for g in grids for c in g.cells if c.confidence is not None]
    if not read:
        return cells, ambiguous
    cells = [_with_confidence(c, read) for c in cells]
    doubtful = [c for c in cells if _doubtful(c)]
    if not doubtful:
        return cells, ambiguous
    sure = {c.field: c.value for c in cells if not _doubtful(c)}
    instances = [i for expand, *_ in RULES.values() for i in expand(edition)]
    kept, out = [], list(ambiguous)
    for cell in cells:
        if not _doubtful(cell):
            kept.append(cell)
            continue
        settled = _settled(cell, _sources(cell, read), sure, instances, edition)
        if settled is not None:
            kept.append(settled)
        else:
            out.append(Ambiguity((cell.field,), f"OCR read {cell.raw!r} with confidence {cell.ocr_confidence:.2f} "
                                                f"(below {CONFIDENCE_CUTOFF}) and the template's arithmetic does "
                                                "not single out one reading", cell.raw, cell.start, cell.end))
    return kept, out


def _doubtful(cell) -> bool:
    return cell.ocr_confidence is not None and cell.ocr_confidence < CONFIDENCE_CUTOFF and cell.value is not None


def _sources(cell, read: list) -> list:
    """The OCR grid cells a table cell was read from (one, or a row's for split digits)."""
    inside = [g for g in read if g.start <= cell.start and cell.end <= g.end]
    return inside or [g for g in read if g.start < cell.end and cell.start < g.end]


def _with_confidence(cell, read: list):
    sources = _sources(cell, read)
    if not sources:
        return cell
    return replace(cell, ocr_confidence=min(g.confidence for g in sources))


def _settled(cell, sources: list, sure: dict, instances: list, edition: str):
    """The cell with the one reading the arithmetic allows, or None."""
    if len(sources) != 1:
        return None
    naming = [i for i in instances if cell.field in i.fields]
    kind = registry().field_type(edition, cell.field)
    readings = {}
    for text in (sources[0].text,) + tuple(sources[0].candidates):
        value = parse_cell(text, kind)
        if value is not None and value is not BLANK:
            readings.setdefault(value, text)
    holding = []
    for value, text in readings.items():
        values = {**sure, cell.field: value}
        statuses = [evaluate(i, values, set())[0] for i in naming]
        if "pass" in statuses and "fail" not in statuses:
            holding.append((value, text))
    if len(holding) != 1:
        return None
    value, text = holding[0]
    return replace(cell, value=value, raw=text, ocr_reading=sources[0].text)
