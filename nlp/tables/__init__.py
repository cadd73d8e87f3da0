"""The three statistical tables (sections 2-4): text → rows → cells pinned to fields."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableResult:
    cells: tuple
    ambiguous: tuple


def read_tables(text: str, sections, edition: str) -> TableResult:
    return TableResult((), ())
