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

from typing import Optional

from ..record import Fact

PROCUREMENT_FIELD = "active.procurement.amount_yuan"
_ROW_LABEL = "政府集中采购"
#: the fact's explanation: where it was read
RULE = "the procurement cell of the section-2 table"
_ROW_REACH = 80


def procurement_fact(text: str, cells) -> Optional[Fact]:
    """The fact of the procurement cell, or None when the table has no such cell or it is blank."""
    cell = next((c for c in cells if c.field == PROCUREMENT_FIELD), None)
    if cell is None or cell.value is None:
        return None
    start = _row_start(text, cell.start)
    return Fact("procurement_amount", None, None, float(cell.value), "元", "exact",
                text[start:cell.end], start, cell.end, RULE)


def _row_start(text: str, cell_start: int) -> int:
    label = text.rfind(_ROW_LABEL, max(0, cell_start - _ROW_REACH), cell_start)
    return label if label >= 0 else cell_start
