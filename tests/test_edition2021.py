"""A complete 2021-edition report written from the template's labels: every one of the
200 cells read, the checks pass; edited copies make each check fail or not assessable."""
from pathlib import Path

import pytest

from nlp.schema import registry

FIXTURE = (Path(__file__).resolve().parent.parent / "data" / "fixtures" / "edition2021_pipe.txt").read_text(encoding="utf-8")
ARITHMETIC = ("requests.balance", "requests.result_sum", "requests.column_sum", "litigation.sum")


def annotate(engine, text):
    record = engine.annotate_text(text, "edition2021_pipe.txt").to_dict()
    return record, {c["rule"]: c["status"] for c in record["checks"]}


def test_every_cell_of_the_2021_template(engine):
    record, statuses = annotate(engine, FIXTURE)
    assert (record["edition"], record["year"], record["agency"]) == ("2021", 2022, "某某区人民政府办公室")
    assert set(record["tables"]) == set(registry().field_ids("2021"))
    t = record["tables"]
    assert (t["active.normative.issued"], t["active.licensing.decisions"], t["active.fees.amount_wan_yuan"]) == (12, 1024, 88.5)
    assert [t[f"requests.new_received.{c}"] for c in ("natural_person", "commercial", "total")] == [10, 2, 14]
    assert t["requests.other_handling.other.social_welfare"] == 1
    assert [t[f"review.{c}"] for c in ("upheld", "corrected", "other", "pending", "total")] == [1, 1, 0, 1, 3]
    assert {r: statuses[r] for r in ARITHMETIC} == dict.fromkeys(ARITHMETIC, "pass")


@pytest.mark.parametrize("old, new, rule, status", [
    ("四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "requests.balance", "fail"),
    ("3.其他 | 0 | 0 | 0 | 1 | 0 | 0 | 1 |", "3.其他 | 0 | 0 | 0 | 1 | 0 | 0 | 2 |", "requests.column_sum", "fail"),
    ("（一）予以公开 | 5 | 1 | 0 | 0 | 1 | 0 | 7 |", "（一）予以公开 | 6 | 1 | 0 | 0 | 1 | 0 | 8 |", "requests.result_sum", "fail"),
    ("1 | 1 | 0 | 1 | 3 |", "1 | 1 | 0 | 1 | 2 |", "litigation.sum", "fail"),
    ("二、上年结转政府信息公开申请数量 | 2 |", "二、上年结转政府信息公开申请数量 |  |", "requests.balance", "not_assessable"),
])
def test_edited_report_fails_the_right_check(engine, old, new, rule, status):
    assert old in FIXTURE
    _, statuses = annotate(engine, FIXTURE.replace(old, new))
    assert statuses[rule] == status
