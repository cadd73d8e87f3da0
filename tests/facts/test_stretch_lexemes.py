"""The stretches between candidate sentences are one token each, and new text in every report:
their lexemes carry their text and length only (nlp/facts/pipeline.py, _plain_lexemes), without
the ~20 lexical attributes spaCy computes for a new string. Same Doc text, same tokens and
offsets, same facts as with full lexemes, on real report text; a sentence's tokens keep their
attributes, and so does every lexeme another thread adds meanwhile."""
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from nlp.facts import pipeline
from nlp.facts.candidates import candidate_sentences
from nlp.facts.cues import forget_texts
from nlp.facts.prose import analysis_text, prose_ranges
from nlp.segment import find_sections

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
REPORTS = sorted(SAMPLES.glob("*.txt")) + sorted((SAMPLES.parent / "corpus" / "excerpts").glob("*.txt"))[:12]


def _doc(nlp, text: str):
    """The facts Doc of ``text`` made with ``nlp`` (what pipeline.annotate does)."""
    sections = find_sections(text)
    forget_texts()
    analysis = analysis_text(text)
    found = candidate_sentences(analysis, prose_ranges(analysis, sections))
    views = pipeline.sentence_views(analysis, found)
    doc = pipeline.sparse_doc(nlp, text, pipeline.counting(views))
    doc.user_data.update(sections=tuple(sections), text=text, analysis=analysis, candidates=found, views=views)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _full_lexemes_pipeline():
    """A pipeline whose vocabulary computes every attribute of every string (before speed round 10)."""
    nlp = pipeline.build_pipeline.__wrapped__("char")
    nlp.vocab.lex_attr_getters = dict(nlp.vocab.lex_attr_getters)
    return nlp


def _stretches(doc) -> list:
    return [token for token in doc if not pipeline._CHAR_TOKEN.fullmatch(token.text)]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_plain_stretch_lexemes_give_the_same_doc_and_facts(path):
    text = path.read_text(encoding="utf-8")
    plain = _doc(pipeline.build_pipeline.__wrapped__("char"), text)
    full = _doc(_full_lexemes_pipeline(), text)
    assert plain.text == full.text == text
    assert [(t.text, t.idx) for t in plain] == [(t.text, t.idx) for t in full]
    assert [(s.start_char, s.end_char, s._.fact, s._.fact_rule) for s in plain.spans[pipeline.SPANS_KEY]] == \
        [(s.start_char, s.end_char, s._.fact, s._.fact_rule) for s in full.spans[pipeline.SPANS_KEY]]
    # the stretches are plain lexemes in one, full ones in the other
    stretches = _stretches(plain)
    assert stretches and all(t.shape_ == "" and t.lower_ == "" for t in stretches)
    assert all(t.lower_ == t.text.lower() for t in _stretches(full))


def test_sentence_tokens_keep_their_attributes():
    text = (SAMPLES / "001_e849864efb6c45e2.txt").read_text(encoding="utf-8")
    doc = _doc(pipeline.build_pipeline.__wrapped__("char"), text)
    stretches = {token.i for token in _stretches(doc)}
    numbers = [token for token in doc if token.i not in stretches and token.text.isdigit()]
    assert numbers and all(token.like_num and token.shape_.startswith("d") for token in numbers)
    # a stretch that is also a token of the char segmentation (a line break, one character) gets a
    # full lexeme: a sentence's token of the same text meets that lexeme
    # (a real sentence, collected.jsonl row 875, split at its colon)
    first, second = "全年主动公开政府信息总数171条:", "基层政务公开领域信息124条,工作动态34条。"
    text = first + "\n" + second + "\n\n" + "说明" * 40
    found = [SimpleNamespace(start=0, end=len(first)), SimpleNamespace(start=len(first) + 1, end=len(first) + 1 + len(second))]
    doc = pipeline.sparse_doc(pipeline.build_pipeline.__wrapped__("char"), text, found)
    assert doc.text == text
    assert [(t.text, t.is_space) for t in doc if t.text.isspace()] == [("\n", True)]
    assert doc[-1].text == "\n\n" + "说明" * 40 and doc[-1].shape_ == "" and len(doc[-1]) == 82 and doc[-1].idx == len(text) - 82


def test_another_thread_gets_every_attribute_meanwhile():
    nlp = pipeline.build_pipeline.__wrapped__("char")
    seen = {}

    def other_thread():
        seen["lexeme"] = nlp.vocab["二〇二三年度报告"]

    pipeline._plain.on = True  # this thread is adding stretches
    try:
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        mine = nlp.vocab["本机关二〇二三年度"]
    finally:
        pipeline._plain.on = False
    assert seen["lexeme"].shape_ != "" and seen["lexeme"].lower_ == "二〇二三年度报告"
    assert mine.shape_ == "" and mine.text == "本机关二〇二三年度"
