"""The facts pipeline: ``spacy.blank("zh")`` (jieba segmenter) and three registered
extractor components, built once and reused.

    nianbao_prose → nianbao_publication → nianbao_follower → nianbao_procurement

``nianbao_prose`` finds the narrative sentences (sections 1, 5, 6) and their numbers;
each extractor adds its facts to ``doc.spans["facts"]`` with the normalised
:class:`~nlp.record.Fact` on ``span._.fact`` and the rule that found it on
``span._.fact_rule``. Sections are handed in on ``doc.user_data["sections"]``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..record import Fact
from . import rules
from .prose import prose_ranges, sentences, simplified

SPANS_KEY = "facts"
COMPONENTS = ("nianbao_prose", "nianbao_publication", "nianbao_follower", "nianbao_procurement")

for _name in ("fact", "fact_rule", "fact_found"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("fact_sentences"):
    Doc.set_extension("fact_sentences", default=None)


@Language.component("nianbao_prose")
def prose_component(doc: Doc) -> Doc:
    """Narrative sentences with their numbers, on ``doc._.fact_sentences``."""
    text = simplified(_text(doc))
    views = []
    for start, end in prose_ranges(text, doc.user_data.get("sections") or ()):
        views += [rules.SentenceView(text, s) for s in sentences(text, start, end)]
    doc._.fact_sentences = [v for v in views if v.quantities]
    doc.spans[SPANS_KEY] = []
    return doc


@Language.component("nianbao_publication")
def publication_component(doc: Doc) -> Doc:
    previous, previous_end = (), -1
    text = _text(doc)
    for view in doc._.fact_sentences or ():
        same_paragraph = previous_end >= 0 and not _PARAGRAPH_BREAK.search(text, previous_end, view.start)
        found = rules.publication_facts(view, previous if same_paragraph else ())
        _add(doc, found)
        if found:
            previous, previous_end = tuple(found), view.end
    return doc


#: Where a paragraph ends: a blank line, or a line break after the end of a sentence.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|[。！？!?]\s*\n|\n\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


@Language.component("nianbao_follower")
def follower_component(doc: Doc) -> Doc:
    found = [s._.fact_found for s in doc.spans[SPANS_KEY] if s._.fact.kind == "publication_count"]
    for view in doc._.fact_sentences or ():
        publications = [f for f in found if view.start <= f.start < view.end]
        _add(doc, rules.follower_facts(view, publications))
    return doc


@Language.component("nianbao_procurement")
def procurement_component(doc: Doc) -> Doc:
    for view in doc._.fact_sentences or ():
        _add(doc, rules.procurement_facts(view))
    return doc


def _add(doc: Doc, found: list) -> None:
    if not found:
        return
    spans = list(doc.spans[SPANS_KEY])
    text = _text(doc)
    for f in found:
        span = doc.char_span(f.start, f.end, label=f.kind, alignment_mode="expand")
        if span is None:
            continue
        q = f.quantity
        span._.fact = Fact(f.kind, f.channel, f.account, q.value, _UNITS[f.kind], q.qualifier,
                           text[f.start:f.end], f.start, f.end)
        span._.fact_rule = f.rule
        span._.fact_found = f
        spans.append(span)
    doc.spans[SPANS_KEY] = spans


def _text(doc: Doc) -> str:
    """The Doc's text, kept once: ``doc.text`` is joined from the tokens on every access."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


_UNITS = {"publication_count": "条", "follower_count": "人", "procurement_amount": "元"}


@lru_cache(maxsize=1)
def build_pipeline() -> Language:
    """The pipeline, built once per process."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def annotate(text: str, sections=()) -> Doc:
    """Run the pipeline over ``text``: the Doc with its fact spans."""
    nlp = build_pipeline()
    doc = nlp.make_doc(text)
    doc.user_data["sections"] = tuple(sections)
    doc.user_data["text"] = text
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
