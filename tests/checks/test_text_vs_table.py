"""text_vs_table: statements of real reports against table values of the gold records."""

import pytest

from nlp.checks.text_vs_table import find_statements, text_vs_table
from nlp.segment import find_sections
from training.corpus import gold_records, source_text


# (sentence copied from a report, edition, expected [(statement name, number)])
STATEMENTS = [
    ("2020年我局收到依申请公开信件1件,及时办结依申请公开信件1件。", "2019", [("received", 1), ("completed", 1)]),
    ("本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。", "2021",
     [("received", 70), ("completed", 69), ("carried_forward", 1)]),
    ("2020年未收到政府信息公开申请。", "2019", [("received", 0)]),
    ("全年收到政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件，所有申请均已按要求办理完成。", "2021",
     [("received", 34), ("carried_over", 2)]),
    ("所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2\n件，无法提供的 10 件，不予处理 0 件，其他处理 14 件", "2021",
     [("granted", 9), ("partly_granted", 0), ("withheld", 2), ("unable", 10), ("not_processed", 0), ("other_handling", 14)]),
    ("予以公开及部\n分公开 208 件（17.46%），不予公开 20 件（1.68%）", "2021", [("granted_or_partly", 208), ("withheld", 20)]),
    ("2024 年市科委有 1 件涉及政府信息公开工作的行政复\n议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为\n0 件。", "2021",
     [("review", 1), ("litigation", 0)]),
    ("市政府及市政府办公厅行\n政规范性文件 34 件", "2021", [("normative_made", 34)]),
    ("全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件", "2021", [("received", 749)]),
    ("政府集中采购金额共计120万元。", "2019", [("procurement", 1_200_000)]),
    # no statement: publication counts, consultations, other bodies' numbers
    ("2020年通过本单位网站发布各类信息244条,全年共接到网站咨询5条。", "2019", []),
    ("受理各类群众诉求259起。", "2019", []),
    ("政府集中采购金额共计120万元。", "2021", []),  # the 2021 template has no procurement row
]


@pytest.mark.parametrize("text,edition,expected", STATEMENTS)
def test_statements(text, edition, expected):
    assert [(s.name, s.value) for s in find_statements(text, edition)] == expected


def test_received_counts_carried_over_too():
    values = {"requests.new_received.total": 713.0, "requests.carried_over.total": 36.0}
    check = text_vs_table("2021", values, "全县全年共受理政府信息公开申请 749 件。", ())
    assert check.status == "pass"
    assert check.fields == ("requests.new_received.total", "requests.carried_over.total")


def test_blank_cell_is_not_assessable():
    check = text_vs_table("2019", {"requests.new_received.total": None}, "2020年我局收到依申请公开信件1件。", ())
    assert check.status == "not_assessable"
    assert "收到依申请公开信件1件" in check.message


def test_difference_is_reported():
    check = text_vs_table("2021", {"requests.new_received.total": 95.0},
                          "区政府办代表区政府受理政府\n信息公开申请 17 件。", ())
    assert check.status == "fail"
    assert check.message.endswith("requests.new_received.total = 95: differs by 78")


def _gold_cases():
    for stem, gold in gold_records().items():
        expected = [c for c in gold.get("checks", []) if c["rule"] == "text_vs_table"]
        if expected:
            yield pytest.param(stem, gold, expected[0], id=stem)


@pytest.mark.parametrize("stem,gold,expected", list(_gold_cases()))
def test_gold_reports(stem, gold, expected):
    """Table values of the gold record, the report's own text: the gold's verdict."""
    text = source_text(stem)
    check = text_vs_table(gold["edition"], gold["tables"], text, find_sections(text))
    assert check.status == expected["status"]
    assert set(check.fields) <= set(expected["fields"])  # compares only what the gold compared
