"""The facts of the gold records (data/gold), matched as the scorer matches them:
by kind, channel and value. The seeds must be exactly right; the whole gold set F1 ≥ 0.97."""
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from nlp.facts import extract_facts
from nlp.record import Cell
from nlp.segment import find_sections

DATA = Path(__file__).resolve().parents[2] / "data"
SEEDS = ("000_c322f99bcfb5564c", "001_e849864efb6c45e2", "002_060f0141c8a1166a", "003_1722c90fa512988b",
         "004_1e18f80993d45f81")


def _gold():
    out = {}
    for path in sorted((DATA / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not gold.get("unusable"):
            out[path.stem] = gold
    return out


def _source(stem):
    for folder in ("samples", "corpus/reports", "corpus/excerpts"):
        found = sorted((DATA / folder).glob(stem + ".*"))
        if found:
            return found[0].read_text(encoding="utf-8")
    raise FileNotFoundError(stem)


def _procurement_cells(gold):
    """The procurement cell as a table reader pins it: the row's last printed amount."""
    for fact in gold["facts"]:
        if fact["kind"] == "procurement_amount":
            row = fact["text"]
            m = list(re.finditer(r"[\d.]+(?:万元|元)?", row))[-1]
            start = fact["start"] + m.start()
            return (Cell("active.procurement.amount_yuan", float(fact["value"]), m.group(0), start,
                         start + len(m.group(0)), "政府集中采购", "政府集中采购", 100.0, "amount"),)
    return ()


def _key(kind, channel, value):
    return kind, channel, round(float(value), 2)


def _predicted(stem, gold):
    text = _source(stem)
    facts = extract_facts(text, find_sections(text), _procurement_cells(gold))
    return Counter(_key(f.kind, f.channel, f.value) for f in facts)


def _expected(gold):
    return Counter(_key(f["kind"], f["channel"], f["value"]) for f in gold["facts"])


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_facts_exactly(stem):
    gold = _gold()[stem]
    assert _predicted(stem, gold) == _expected(gold)


def test_facts_are_in_text_order_with_their_text():
    stem = SEEDS[0]
    text = _source(stem)
    facts = extract_facts(text, find_sections(text), _procurement_cells(_gold()[stem]))
    assert [f.start for f in facts] == sorted(f.start for f in facts)
    assert all(text[f.start:f.end] == f.text for f in facts)


def test_gold_f1():
    tp = predicted = expected = 0
    for stem, gold in _gold().items():
        p, g = _predicted(stem, gold), _expected(gold)
        tp += sum((p & g).values())
        predicted += sum(p.values())
        expected += sum(g.values())
    precision, recall = tp / predicted, tp / expected
    assert 2 * precision * recall / (precision + recall) >= 0.97
