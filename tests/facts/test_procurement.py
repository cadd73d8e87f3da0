"""procurement_amount: the section-2 table's cell, and sums stated in the prose."""
import pytest

from nlp.facts import extract_facts
from nlp.facts.table import procurement_fact
from nlp.record import Cell
from nlp.segment import find_sections
from nlp.tables import read_tables
from tests.facts.helpers import values_of

PROSE = [
    ("全年政府集中采购金额共计1.2亿元。", [(None, 120_000_000, "exact")]),
    ("政府采购资金约35万元。", [(None, 350_000, "approx")]),
    # not procurement: turnover of a trading platform, fees
    ("共完成交易项目 1954 个,成交金额127.33亿元。", []),
    ("收取信息处理费共计380元。", []),
]


@pytest.mark.parametrize("text,expected", PROSE)
def test_prose_procurement(text, expected):
    assert values_of(text, "procurement_amount") == expected


# rows as the seeds and excerpts print them, read by the table reader
ROWS = [
    ("政府集中采购 | 1 | 120万元 |", 1_200_000.0, "政府集中采购 | 1 | 120万元"),
    ("政府集中采购 | 6 | 422万元 |", 4_220_000.0, "政府集中采购 | 6 | 422万元"),
    ("信息内容 | 采购项目数量 | 采购总金额(万元) |\n政府集中采购 | 13 | 477.35 |", 4_773_500.0, "政府集中采购 | 13 | 477.35"),
    ("政府集中采购\n\n0\n\n0", 0.0, "政府集中采购\n\n0\n\n0"),
]


def _report(rows: str) -> str:
    return "二、主动公开政府信息情况\n第二十条第(九)项\n" + rows + "\n三、收到和处理政府信息公开申请情况\n"


@pytest.mark.parametrize("rows,value,row", ROWS)
def test_table_fact_from_the_pinned_cell(rows, value, row):
    text = _report(rows)
    cells = read_tables(text, find_sections(text), "2019").cells
    fact = procurement_fact(text, cells)
    assert (fact.kind, fact.channel, fact.value, fact.unit, fact.text) == ("procurement_amount", None, value, "元", row)


def test_run_together_digits_are_no_fact():
    text = _report("政府集中采购13575394432.52元")
    cells = read_tables(text, find_sections(text), "2019").cells
    assert not any(c.field == "active.procurement.amount_yuan" for c in cells)
    assert [f for f in extract_facts(text, find_sections(text), cells) if f.kind == "procurement_amount"] == []


def test_blank_cell_is_no_fact():
    text = "政府集中采购 | 1 | |\n"
    cell = Cell("active.procurement.amount_yuan", None, "", 14, 14, "政府集中采购", "政府集中采购", 100.0, "amount")
    assert procurement_fact(text, (cell,)) is None
    assert extract_facts(text, (), (cell,)) == []
