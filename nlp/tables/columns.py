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

import re
from functools import lru_cache

from rapidfuzz import fuzz

from .pinning import normalise

#: A header piece names a column when it scores at least this (rapidfuzz ratio, 0-100).
COLUMN_MATCH_CUTOFF = 90.0

#: A unit the header prints after its name: 采购总金额(万元), 本年收费金额（单位：万元）.
_UNIT_SUFFIX = re.compile(r"[(（]\s*(?:单位\s*[:：]\s*)?(?:万元|亿元|元|件|个|条)\s*[)）]$")


@lru_cache(maxsize=4096)
def column_score(text: str, column) -> float:
    """How well a header text names a column (rapidfuzz ratio of the normalised texts,
    with and without a unit suffix).

    >>> from nlp.schema import Column
    >>> column_score("采购总金额(万元)", Column("amount_yuan", ("采购总金额",)))
    100.0
    >>> column_score("本年新 公开数量", Column("new_made", ("本年新制作数量",)))
    71.42857142857143
    """
    text = normalise(text)
    if not text:
        return 0.0
    bare = _UNIT_SUFFIX.sub("", fold_width_brackets(text))
    return max(max(fuzz.ratio(text, normalise(a)), fuzz.ratio(bare, _UNIT_SUFFIX.sub("", fold_width_brackets(normalise(a)))))
               for a in column.aliases)


def fold_width_brackets(text: str) -> str:
    return text.replace("（", "(").replace("）", ")")


def assign_columns(headers, columns) -> dict:
    """column id → index of the header that names it: best scores first, each header and
    column used once; a tie goes by order (the header further left to the column earlier in
    the template: seed 003 prints both of 本年新制作数量 and 本年新公开数量 as 本年新).

    >>> from nlp.schema import registry
    >>> cols = registry().rows("2019", "active")[0].columns
    >>> assign_columns(["本年新制作数量", "本年新公开数量", "对外公开总数量"], cols)
    {'new_made': 0, 'new_published': 1, 'total_published': 2}
    >>> assign_columns(["对外公开总数量", "备注"], cols)
    {'total_published': 0}
    >>> assign_columns(["本年新", "本年新", "对外公开总数量"], cols)
    {'new_made': 0, 'new_published': 1, 'total_published': 2}
    """
    scored = sorted((-column_score(h, c), k, j, c.id) for k, h in enumerate(headers) if h
                    for j, c in enumerate(columns))
    out, used = {}, set()
    for neg_score, k, _, column_id in scored:
        if -neg_score < COLUMN_MATCH_CUTOFF or column_id in out or k in used:
            continue
        out[column_id] = k
        used.add(k)
    return out


def pin_columns(header_pieces, columns) -> dict:
    """column id → (header text, score) for the columns some header piece names."""
    found = {}
    for piece in header_pieces:
        if not normalise(piece):
            continue
        for column in columns:
            score = column_score(piece, column)
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
