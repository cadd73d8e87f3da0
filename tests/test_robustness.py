"""Property-based: whatever text comes in, annotate returns a record or raises one clear
InputError — never another exception. Inputs: random text, and seed reports mutated at
random (lines dropped, duplicated or cut, digits changed, separators removed)."""
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.errors import InputError

SEEDS = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parent.parent / "data" / "samples").glob("*.txt"))]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def annotate_or_input_error(engine, text):
    try:
        record = engine.annotate_text(text, "fuzz.txt").to_dict()
    except InputError as exc:
        assert "fuzz.txt" in str(exc) and str(exc).count("\n") == 0
        return None
    assert record["source"] == "fuzz.txt"
    for cell in record["cells"]:
        assert 0 <= cell["start"] <= cell["end"] <= len(text)
    return record


def mutate(text: str, ops) -> str:
    lines = text.splitlines()
    for op, where, digit in ops:
        if not lines:
            break
        i = where % len(lines)
        if op == "drop":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "cut":
            lines[i] = lines[i][: len(lines[i]) // 2]
        elif op == "digit":
            lines[i] = "".join(str(digit) if ch.isdigit() else ch for ch in lines[i])
        elif op == "unseparate":
            lines[i] = lines[i].replace("|", "").replace(" ", "")
    return "\n".join(lines)


MUTATIONS = st.lists(st.tuples(st.sampled_from(["drop", "duplicate", "cut", "digit", "unseparate"]),
                               st.integers(0, 10_000), st.integers(0, 9)), max_size=40)


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("0123456789 |\n一二三四五、()（）.政府信息公开申请总计规章自然人年条")) , max_size=600))
def test_random_text(engine, text):
    annotate_or_input_error(engine, text)


@SETTINGS
@given(seed=st.sampled_from(range(len(SEEDS))), ops=MUTATIONS)
def test_mutated_seed_reports(engine, seed, ops):
    annotate_or_input_error(engine, mutate(SEEDS[seed], ops))
