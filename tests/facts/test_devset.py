"""The facts dev set (tests/facts/devset.py): the development splits stay above a floor.
The ``check`` split is scored by ``python -m tests.facts.devset``, never asserted here."""
from tests.facts.devset import load, score


def test_development_splits_f1():
    result = score(load("dev") + load("dev2"))
    assert result["f1"] >= 0.95, result
