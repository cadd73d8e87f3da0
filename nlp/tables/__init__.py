"""The three statistical tables (sections 2-4): text → tokens → rows → cells pinned to
canonical fields, with the evidence for each pinning and the cells that cannot be placed.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..schema import registry
from .columns import header_pieces, pin_columns
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


def read_tables(text: str, sections, edition: str) -> TableResult:
    by_number = {s.number: s for s in sections}
    cells, ambiguous = [], []
    for table, (number, reader) in READERS.items():
        section = by_number.get(number)
        if section is None:
            continue
        region = text[section.body_start:section.end]
        rows = read_rows(tokenize(region, section.body_start, text.count("\n", 0, section.body_start)))
        got, amb = reader(rows, edition)
        cells += _with_column_evidence(got, rows, edition, table)
        ambiguous += amb
    return TableResult(tuple(cells), tuple(ambiguous))


def _with_column_evidence(cells, rows, edition, table) -> list:
    """Each cell with the header text of its column, where the table prints one."""
    columns = {c.id: c for r in registry().rows(edition, table) for c in r.columns}
    pinned = pin_columns(header_pieces(rows), list(columns.values()))
    return [replace(c, column_header=pinned[c.column][0], column_score=pinned[c.column][1])
            if c.column in pinned else c for c in cells]
