"""The template's arithmetic: each rule passing, failing and not assessable."""
import pytest

from nlp.checks.arithmetic import arithmetic_checks

COLS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


def full_table(edition="2019"):
    """A consistent table: 3 new + 1 carried over = 3 handled + 1 carried forward."""
    values = {}
    from nlp.schema import registry
    for r in registry().rows(edition, "requests"):
        if r.store:
            for c in COLS:
                values[f"{r.id}.{c}"] = 0.0
    for rid, n in (("requests.new_received", 3), ("requests.carried_over", 1), ("requests.granted", 2),
                   ("requests.partly_granted", 1), ("requests.total", 3), ("requests.carried_forward", 1)):
        values[f"{rid}.natural_person"] = float(n)
        values[f"{rid}.total"] = float(n)
    for g in ("review", "litigation_direct", "litigation_after_review"):
        values.update({f"{g}.upheld": 1.0, f"{g}.corrected": 1.0, f"{g}.other": 0.0, f"{g}.pending": 0.0, f"{g}.total": 2.0})
    return values


def statuses(values, edition="2019", missing=frozenset()):
    return {c.rule: c.status for c in arithmetic_checks(edition, values, set(missing))}


def changed(**edits):
    values = full_table()
    values.update({k.replace("__", "."): v for k, v in edits.items()})
    return values


CASES = [
    ("consistent table", full_table(), {"requests.balance": "pass", "requests.result_sum": "pass",
                                        "requests.column_sum": "pass", "litigation.sum": "pass"}),
    ("balance fails", changed(requests__carried_forward__natural_person=2.0, requests__carried_forward__total=2.0),
     {"requests.balance": "fail", "requests.column_sum": "pass"}),
    ("result rows do not add up", changed(requests__granted__natural_person=5.0, requests__granted__total=5.0),
     {"requests.result_sum": "fail", "requests.column_sum": "pass", "requests.balance": "pass"}),
    ("a row total is wrong", changed(requests__new_received__total=4.0),
     {"requests.column_sum": "fail", "requests.balance": "fail"}),
    ("litigation group total is wrong", changed(review__total=0.0), {"litigation.sum": "fail"}),
    ("a blank cell", changed(requests__carried_over__commercial=None),
     {"requests.balance": "not_assessable", "requests.column_sum": "not_assessable", "requests.result_sum": "pass"}),
]


@pytest.mark.parametrize("case, values, expected", CASES, ids=[c[0] for c in CASES])
def test_rule_statuses(case, values, expected):
    got = statuses(values)
    assert {rule: got[rule] for rule in expected} == expected


def test_fail_wins_over_not_assessable():
    values = changed(requests__carried_over__commercial=None, requests__carried_forward__natural_person=9.0)
    assert statuses(values)["requests.balance"] == "fail"


def test_missing_cells_make_result_sum_not_assessable_but_unprinted_rows_skip_column_sum():
    base = full_table("2021")
    values = {k: v for k, v in base.items() if ".other_handling." not in k}
    got = statuses(values, "2021")
    assert got["requests.result_sum"] == "not_assessable"
    assert got["requests.column_sum"] == "pass"


def test_litigation_cells_left_out_as_ambiguous_are_not_assessable():
    values = {k: v for k, v in full_table().items() if not k.startswith(("review", "litigation"))}
    missing = {f"review.{c}" for c in ("upheld", "corrected", "other", "pending", "total")}
    assert statuses(values, missing=missing)["litigation.sum"] == "not_assessable"


def test_message_names_the_failing_instance_first():
    check = next(c for c in arithmetic_checks("2019", changed(review__total=0.0), set()) if c.rule == "litigation.sum")
    assert "1 fail" in check.message and "review: 1 + 1 + 0 + 0 (2) ≠ 0" in check.message
    assert "review.total" in check.fields
