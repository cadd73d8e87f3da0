"""End to end on the real reports with hand-checked records (data/gold): every gold cell
exactly, blank as blank, cells the gold leaves out not guessed, every arithmetic check
with the gold's status, edition and year."""
import pytest

from nlp.read import read_path
from training.corpus import gold_records, source_path

ARITHMETIC = ("requests.balance", "requests.result_sum", "requests.column_sum", "litigation.sum")


def sources():
    for stem, gold in gold_records().items():
        if gold.get("tables"):
            yield pytest.param(source_path(stem), gold, id=stem)


@pytest.mark.parametrize("path, gold", list(sources()))
def test_report_matches_gold(engine, path, gold):
    record = engine.annotate(read_path(path)).to_dict()
    tables = record["tables"]
    wrong = {f: (v, tables.get(f, "absent")) for f, v in gold["tables"].items() if tables.get(f, "absent") != v}
    assert wrong == {}
    guessed = {f: tables[f] for f in gold.get("ambiguous", {}) if tables.get(f) is not None}
    assert guessed == {}
    statuses = {c["rule"]: c["status"] for c in record["checks"]}
    assert {r: statuses.get(r) for r in ARITHMETIC} == {c["rule"]: c["status"] for c in gold["checks"] if c["rule"] in ARITHMETIC}
    assert (record["edition"], record["year"]) == (gold["edition"], gold["year"])


def test_golden_set_is_not_empty():
    assert len(list(sources())) == 12
