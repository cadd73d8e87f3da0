"""verbs._compact() returns a text holding no white space, filler or address as it is, with
its own offsets, instead of rebuilding it character by character: the same compact text and
offsets as the character pass, for every code point and on the words before the counts of
real reports."""
from pathlib import Path

import pytest

from nlp.facts import pipeline, verbs
from nlp.facts.prose import ADDRESS, FILLER
from nlp.segment import find_sections

DATA = Path(__file__).resolve().parents[2] / "data"


def _by_characters(text):
    index = [i for i, ch in enumerate(text) if not ch.isspace() and ch not in (FILLER, ADDRESS)]
    return "".join(text[i] for i in index), index


def test_what_is_left_out_is_what_the_character_pass_leaves_out():
    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert [ch for ch in every if verbs._SKIPPED.match(ch)] == [ch for ch in every if _by_characters(ch)[0] == ""]


@pytest.mark.parametrize("text", ["全年共审核发布政务信息", "部\n分公开", "通过网\u2060\u2060站发布", "网站\u2062\u2062发布",
                                  "主动公开\u3000政府信息", "公开\xa0信息", "发布\u0085信息", "", "  "])
def test_rows(text):
    compact, index = verbs._compact(text)
    assert (compact, list(index)) == _by_characters(text)


def test_words_before_the_counts_of_real_reports():
    checked = 0
    for path in sorted((DATA / "samples").glob("*.txt")) + sorted((DATA / "corpus").rglob("*.txt"))[:20]:
        text = path.read_text(encoding="utf-8")
        for view in pipeline.annotate(text, find_sections(text))._.fact_sentences:
            for q in view.quantities:
                for words in (view.prefix(q), view.text[view.start:q.start]):
                    compact, index = verbs._compact(words)
                    assert (compact, list(index)) == _by_characters(words)
                    checked += 1
    assert checked > 200
