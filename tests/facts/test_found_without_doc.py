"""A report's facts are found without the spaCy Doc (pipeline.found_facts(), what
extract_facts() runs): the extractors read sentence views and characters, never a token, so
the Doc's tokens and spans were made and thrown away. The same facts, in the same order,
with the same rules and offsets as the spans of the Doc pipeline.annotate() makes, on every
text report of the repository's development data (samples, corpus, the forms' sources)."""
from pathlib import Path

import pytest

from nlp.facts import SPANS_KEY, annotate, extract_facts, pipeline
from nlp.segment import find_sections

DATA = Path(__file__).resolve().parents[2] / "data"
REPORTS = sorted([*(DATA / "samples").glob("*.txt"), *(DATA / "corpus").rglob("*.txt"),
                  *(DATA / "corpus").rglob("*.md"), *(DATA / "forms").glob("*/source.txt")])


def _by_doc(text: str) -> list:
    doc = annotate(text, find_sections(text))
    return [(s.start_char, s.end_char, s._.fact, s._.fact_rule, s._.fact_found) for s in doc.spans[SPANS_KEY]]


def _without_doc(text: str) -> list:
    found = pipeline.found_facts(text, find_sections(text))
    return [(f.start, f.end, pipeline.fact_of(f, text), f.rule, f) for f in found]


def test_there_are_reports_with_facts_of_every_kind():
    kinds = {f.kind for path in REPORTS for f in extract_facts(path.read_text(encoding="utf-8"),
                                                               find_sections(path.read_text(encoding="utf-8")), ())}
    assert len(REPORTS) > 40
    assert {"publication_count", "follower_count"} <= kinds


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_same_facts_as_the_docs_spans(path):
    text = path.read_text(encoding="utf-8")
    assert _without_doc(text) == _by_doc(text)


@pytest.mark.parametrize("text, facts", [
    ("通过门户网站发布信息120条，微信公众号发布信息35条，关注人数9000人。", 3),
    ("本局2021年采购金额为120万元。", 1),
    # no count (years and dates only), a count without a cue: no fact either way
    ("2021年5月12日，本局召开会议，部署政务公开工作。", 0),
    ("全年召开会议3次。", 0),
])
def test_excerpts_same_facts_as_the_docs_spans(text, facts):
    assert _without_doc(text) == _by_doc(text)
    assert len(_without_doc(text)) == facts
