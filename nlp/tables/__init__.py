"""The three statistical tables (sections 2-4): text → tokens → rows → cells pinned to
canonical fields, with the evidence for each pinning and the cells that cannot be placed.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..schema import registry
from .columns import header_pieces, pin_columns
from .grids import grid_rows, text_grids, with_text_headers
from .reader import read_active, read_requests, read_review
from .rows import read_rows
from .tokens import tokenize

#: table → (template section number, reader)
READERS = {
    "active": (2, read_active),
    "requests": (3, read_requests),
    "review": (4, read_review),
}


@dataclass(frozen=True)
class TableResult:
    cells: tuple
    ambiguous: tuple


def read_tables(text: str, sections, edition: str, grids=()) -> TableResult:
    """``grids``: the tables the document draws (Document.grids); a section's text outside
    them is read as text."""
    by_number = {s.number: s for s in sections}
    cells, ambiguous = [], []
    for table, (number, reader) in READERS.items():
        section = by_number.get(number)
        if section is None:
            continue
        rows = section_rows(text, section.body_start, section.end, grids, edition, table)
        got, amb = reader(rows, edition)
        cells += _with_column_evidence(got, rows, edition, table)
        ambiguous += amb
    return TableResult(tuple(cells), tuple(ambiguous))


def section_rows(text: str, start: int, end: int, grids, edition: str, table: str) -> list:
    """The printed rows of text[start:end]: the drawn tables in it read as grids, the
    text between them as text (with the headers of the text's own full-matrix pipe rows,
    nlp/tables/grids.text_grids), in reading order."""
    inside = [g for g in grids if start <= g.start < end]
    rows, at = [], start
    for grid in inside + [None]:
        stop = grid.start if grid is not None else end
        if stop > at:
            chunk = text[at:stop]
            rows += with_text_headers(read_rows(tokenize(chunk, at, text.count("\n", 0, at))),
                                      text_grids(chunk, at), edition, table)
        if grid is not None:
            at = max(at, grid.end)
    drawn = grid_rows(inside, edition, table)
    return sorted(rows + drawn, key=lambda r: r.start)


def _with_column_evidence(cells, rows, edition, table) -> list:
    """Each cell with the header text of its column, where the table prints one (a drawn
    table's cells already carry theirs)."""
    columns = {c.id: c for r in registry().rows(edition, table) for c in r.columns}
    pinned = pin_columns(header_pieces(rows), list(columns.values()))
    return [replace(c, column_header=pinned[c.column][0], column_score=pinned[c.column][1])
            if c.column in pinned and not c.column_header else c for c in cells]
