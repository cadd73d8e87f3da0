"""End to end on the real reports with hand-checked records (data/gold): every gold cell
exactly, blank as blank, cells the gold leaves out not guessed, every arithmetic check
with the gold's status, edition and year."""
import json
from pathlib import Path

import pytest

from nlp.engine import Engine
from nlp.read import read_path

DATA = Path(__file__).resolve().parent.parent / "data"
ARITHMETIC = ("requests.balance", "requests.result_sum", "requests.column_sum", "litigation.sum")


def sources():
    found = {p.stem: p for p in [*DATA.glob("samples/*"), *DATA.glob("corpus/reports/*")]}
    for gold_path in sorted(DATA.glob("gold/*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("tables") and gold_path.stem in found:
            yield pytest.param(found[gold_path.stem], gold, id=gold_path.stem)


@pytest.fixture(scope="module")
def engine():
    return Engine()


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
