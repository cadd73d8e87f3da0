"""procurement_amount: the section-2 table's cell, and sums stated in the prose."""
import pytest

from nlp.facts import extract_facts
from nlp.facts.table import procurement_fact, procurement_row_fact
from nlp.record import Cell
from nlp.segment import find_sections
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


def _cell(text, raw, value):
    at = text.rindex(raw, 0, text.find("三、") if "三、" in text else len(text))
    return Cell("active.procurement.amount_yuan", value, raw, at, at + len(raw),
                "政府集中采购", "政府集中采购", 100.0, "amount")


# rows as the seeds print them
ROWS = [
    ("政府集中采购 | 1 | 120万元 |\n三、收到", "120万元", 1_200_000.0, 1_200_000.0, "政府集中采购 | 1 | 120万元"),
    ("政府集中采购 | 6 | 422万元 |\n三、收到", "422万元", 4_220_000.0, 4_220_000.0, "政府集中采购 | 6 | 422万元"),
    ("采购项目数量 | 采购总金额(万元)\n政府集中采购 | 13 | 477.35 |\n", "477.35", 477.35, 4_773_500.0, "政府集中采购 | 13 | 477.35"),
    ("政府集中采购\n\n0\n\n0\n\n三、收到", "0", 0.0, 0.0, "政府集中采购\n\n0\n\n0"),
]


@pytest.mark.parametrize("text,raw,cell_value,value,row", ROWS)
def test_table_fact_from_cell(text, raw, cell_value, value, row):
    fact = procurement_fact(text, (_cell(text, raw, cell_value),))
    assert (fact.kind, fact.channel, fact.value, fact.unit, fact.text) == ("procurement_amount", None, value, "元", row)


@pytest.mark.parametrize("text,raw,cell_value,value,row", ROWS)
def test_row_read_without_a_cell(text, raw, cell_value, value, row):
    assert procurement_row_fact(text, ()).value == value


def test_run_together_digits_are_no_fact():
    text = "政府集中采购13575394432.52元三、收到和处理政府信息公开申请情况"
    assert procurement_row_fact(text, ()) is None
    assert extract_facts(text, find_sections(text), ()) == []


def test_blank_cell_is_no_fact():
    text = "政府集中采购 | 1 | |\n"
    cell = Cell("active.procurement.amount_yuan", None, "", 14, 14, "政府集中采购", "政府集中采购", 100.0, "amount")
    assert procurement_fact(text, (cell,)) is None
    assert extract_facts(text, (), (cell,)) == []
