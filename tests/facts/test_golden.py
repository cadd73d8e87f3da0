"""The facts of the gold records (data/gold), matched as the scorer matches them:
by kind, channel and value. The seeds must be exactly right; the whole gold set F1 ≥ 0.97."""
from collections import Counter

import pytest

from nlp.facts import extract_facts
from nlp.segment import find_sections
from nlp.tables import read_tables
from training.corpus import gold_records, source_text

SEEDS = ("000_c322f99bcfb5564c", "001_e849864efb6c45e2", "002_060f0141c8a1166a", "003_1722c90fa512988b",
         "004_1e18f80993d45f81")


def _cells(text, gold):
    """The table cells as the table reader pins them (the procurement fact comes from one)."""
    return read_tables(text, find_sections(text), gold["edition"]).cells if gold.get("edition") else ()


def _key(kind, channel, value):
    return kind, channel, round(float(value), 2)


def _predicted(stem, gold):
    text = source_text(stem)
    facts = extract_facts(text, find_sections(text), _cells(text, gold))
    return Counter(_key(f.kind, f.channel, f.value) for f in facts)


def _expected(gold):
    return Counter(_key(f["kind"], f["channel"], f["value"]) for f in gold["facts"])


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_facts_exactly(stem):
    gold = gold_records()[stem]
    assert _predicted(stem, gold) == _expected(gold)


def test_facts_are_in_text_order_with_their_text():
    stem = SEEDS[0]
    text = source_text(stem)
    facts = extract_facts(text, find_sections(text), _cells(text, gold_records()[stem]))
    assert [f.start for f in facts] == sorted(f.start for f in facts)
    assert all(text[f.start:f.end] == f.text for f in facts)


def test_gold_f1():
    tp = predicted = expected = 0
    for stem, gold in gold_records().items():
        p, g = _predicted(stem, gold), _expected(gold)
        tp += sum((p & g).values())
        predicted += sum(p.values())
        expected += sum(g.values())
    precision, recall = tp / predicted, tp / expected
    assert 2 * precision * recall / (precision + recall) >= 0.97
