"""Column headers: which printed header text stands for which canonical column.

Text loses the geometry of a table, so a header's place cannot tell its column's place
(the two-level header of section 3 prints 总计 before 商业企业). Cells are therefore put
in columns by the template's order; this module only finds, for every column, the header
text that names it and how well, as evidence on each cell.

>>> from nlp.schema import registry
>>> cols = registry().rows("2019", "requests")[0].columns
>>> pin_columns(["申请人情况", "自然人", "法人或其他组织", "总计", "商业 企业", "科研机构"], cols)["commercial"]
('商业 企业', 100.0)
>>> "legal_service" in pin_columns(["自然人"], cols)
False
"""
from __future__ import annotations

from rapidfuzz import fuzz

from .pinning import normalise

#: A header piece names a column when it scores at least this (rapidfuzz ratio, 0-100).
COLUMN_MATCH_CUTOFF = 90.0


def pin_columns(header_pieces, columns) -> dict:
    """column id → (header text, score) for the columns some header piece names."""
    found = {}
    for piece in header_pieces:
        text = normalise(piece)
        if not text:
            continue
        for column in columns:
            score = max(fuzz.ratio(text, normalise(a)) for a in column.aliases)
            if score >= COLUMN_MATCH_CUTOFF and score > found.get(column.id, ("", 0.0))[1]:
                found[column.id] = (piece, float(score))
    return found


def header_pieces(rows) -> list:
    """The label pieces printed before the first row holding a number: the header
    (header lines printed as grid rows of empty cells included)."""
    pieces = []
    for row in rows:
        if row.has_value:
            return pieces + [p for p in row.preceding if p not in row.labels]
        pieces += list(row.preceding)
    return pieces
