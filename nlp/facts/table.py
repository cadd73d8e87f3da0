"""The procurement total of the section-2 table (2019 edition) as a fact.

The table reader pins the cell ``active.procurement.amount_yuan`` (value in yuan); the
fact's text is the table row, from its label 政府集中采购 to the amount.

>>> from nlp.record import Cell
>>> text = "第二十条第(九)项 | 采购项目数量 | 采购总金额\\n政府集中采购 | 1 | 120万元 |\\n"
>>> at = text.index("120万元")
>>> cell = Cell("active.procurement.amount_yuan", 1200000.0, "120万元", at, at + 5, "政府集中采购", "政府集中采购", 100.0, "amount")
>>> f = procurement_fact(text, (cell,))
>>> (f.kind, f.value, f.unit, f.text)
('procurement_amount', 1200000.0, '元', '政府集中采购 | 1 | 120万元')
>>> procurement_fact(text, ()) is None
True
"""
from __future__ import annotations

import re
from typing import Optional

from ..record import Fact

PROCUREMENT_FIELD = "active.procurement.amount_yuan"
_ROW_LABEL = "政府集中采购"
_ROW_REACH = 80


def procurement_fact(text: str, cells) -> Optional[Fact]:
    """The fact of the procurement cell, or None when the table has no such cell or it is blank."""
    cell = next((c for c in cells if c.field == PROCUREMENT_FIELD), None)
    if cell is None or cell.value is None:
        return None
    start = _row_start(text, cell.start)
    value = float(cell.value)
    if _bare_amount_in_wan(text, cell.raw, start):
        value *= 10_000
    return Fact("procurement_amount", None, None, value, "元", "exact",
                text[start:cell.end], start, cell.end)


def _bare_amount_in_wan(text: str, raw: str, row_start: int) -> bool:
    """A bare number under the header 采购总金额(万元) is in 万元."""
    return not re.search(r"元\s*$", raw or "") and bool(_WAN_HEADER.search(text, max(0, row_start - 300), row_start))


def _row_start(text: str, cell_start: int) -> int:
    label = text.rfind(_ROW_LABEL, max(0, cell_start - _ROW_REACH), cell_start)
    return label if label >= 0 else cell_start


# ---------------------------------------------------------------- stop-gap row reader

_ROW = re.compile(_ROW_LABEL + r"(?P<cells>(?:[\s|｜]*[\d.,，]+(?:万元|元)?)+)[\s|｜]*(?=\D|$)")
_WAN_HEADER = re.compile(r"采购总金额\s*[（(]\s*万元\s*[)）]")


def procurement_row_fact(text: str, sections) -> Optional[Fact]:
    """The procurement row read from the section-2 text, for a table that no reader
    has pinned: exactly two separated numbers (项目数量, 总金额), the amount in 元 unless
    it or the header says 万元. Digits run together (``13575394432.52元``) are no fact.

    >>> procurement_row_fact("采购总金额(万元)\\n政府集中采购 | 13 | 477.35 |\\n三、", ()).value
    4773500.0
    >>> procurement_row_fact("政府集中采购\\n\\n0\\n\\n0\\n\\n三、收到", ()).value
    0.0
    >>> procurement_row_fact("政府集中采购13575394432.52元三、", ()) is None
    True
    """
    region = _section_two(text, sections)
    m = _ROW.search(text, *region)
    if not m:
        return None
    cells = [c for c in re.split(r"[\s|｜]+", m["cells"]) if c]
    if len(cells) != 2:
        return None
    from ..numbers import parse_cell  # the table's own rules for a money cell

    raw = cells[1]
    if _bare_amount_in_wan(text, raw, m.start()):
        raw += "万元"
    value = parse_cell(raw, "amount_yuan")
    if not isinstance(value, float):
        return None
    end = m.start("cells") + m["cells"].rstrip(" \n|｜").__len__()
    return Fact("procurement_amount", None, None, value, "元", "exact", text[m.start():end], m.start(), end)


def _section_two(text: str, sections) -> tuple:
    two = [s for s in sections if s.number == 2]
    return (two[0].start, two[0].end) if two else (0, len(text))
