"""The facts pipeline: ``spacy.blank("zh")`` and three registered extractor components,
built once and reused.

    candidate sentences → nianbao_prose → nianbao_publication → nianbao_follower → nianbao_procurement

:func:`annotate` finds the candidate sentences of the narrative (sections 1, 5, 6; see
:mod:`nlp.facts.candidates`), reads their numbers (:func:`sentence_views`) and makes a Doc
tokenised inside those that hold a count (:func:`counting`: a number other than a year or
a date) and one token for each stretch between them: the Doc's text is the report's,
offsets are exact, and only the sentences a fact can be in are tokenised. The extractors read characters, never words, so the tokens are
spaCy's "char" segmentation with every number and Latin word kept whole (a fact's span
then starts and ends on token boundaries); ``build_pipeline("jieba")`` gives jieba's words
instead, at five times the cost and with the same facts. ``nianbao_prose`` turns them into sentence
views with their numbers; each extractor adds its facts to ``doc.spans["facts"]`` with
the normalised :class:`~nlp.record.Fact` on ``span._.fact`` and the rule that found it
on ``span._.fact_rule``. Sections are handed in on ``doc.user_data["sections"]``.

A report's annotation needs the facts, not the Doc: :func:`found_facts` runs the same
components' functions (:func:`publications`, :func:`followers`, :func:`procurements`) over
the sentence views without making one (no extractor reads a token; a fact's span is its
character offsets), and gives what the Doc's spans hold, in their order.
"""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .cues import forget_texts, remember_accounts
from .candidates import candidate_sentences
from .find import DATE_ONLY_UNITS, counting, fact_of, followers, found_facts, procurements, publications, sentence_views
from .prose import analysis_text, prose_ranges

SPANS_KEY = "facts"
COMPONENTS = ("nianbao_prose", "nianbao_publication", "nianbao_follower", "nianbao_procurement")

for _name in ("fact", "fact_rule", "fact_found"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("fact_sentences"):
    Doc.set_extension("fact_sentences", default=None)


@Language.component("nianbao_prose")
def prose_component(doc: Doc) -> Doc:
    """Candidate sentences with their numbers, on ``doc._.fact_sentences`` (found here
    when the Doc was not made by :func:`annotate`); the accounts the report names with
    their platform remembered for the channel cues (:func:`~nlp.facts.cues.remember_accounts`)."""
    text = doc.user_data.get("analysis") or analysis_text(_text(doc))
    remember_accounts(text)
    views = doc.user_data.get("views")
    if views is None:
        found = doc.user_data.get("candidates")
        if found is None:
            found = candidate_sentences(text, prose_ranges(text, doc.user_data.get("sections") or ()))
        views = sentence_views(text, found)
    doc._.fact_sentences = views
    doc.spans[SPANS_KEY] = []
    return doc


@Language.component("nianbao_publication")
def publication_component(doc: Doc) -> Doc:
    _add(doc, publications(_text(doc), doc._.fact_sentences or ()))
    return doc


@Language.component("nianbao_follower")
def follower_component(doc: Doc) -> Doc:
    found = [s._.fact_found for s in doc.spans[SPANS_KEY] if s._.fact.kind == "publication_count"]
    _add(doc, followers(doc._.fact_sentences or (), found))
    return doc


@Language.component("nianbao_procurement")
def procurement_component(doc: Doc) -> Doc:
    _add(doc, procurements(doc._.fact_sentences or ()))
    return doc


def _add(doc: Doc, found: list) -> None:
    if not found:  # most sentences: no span group or text to look up
        return
    group = doc.spans[SPANS_KEY]
    text = _text(doc)
    for f in found:
        span = doc.char_span(f.start, f.end, label=f.kind, alignment_mode="expand")
        if span is None:
            continue
        ext = span._  # one accessor for the three (spaCy builds a new one at each ``span._``)
        ext.fact = fact_of(f, text)
        ext.fact_rule = f.rule
        ext.fact_found = f
        group.append(span)


def _text(doc: Doc) -> str:
    """The Doc's text, kept once: ``doc.text`` is joined from the tokens on every access."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


#: spaCy's Chinese segmenters the pipeline can be built with
SEGMENTERS = ("char", "jieba")
#: a token of the "char" segmentation: a number, a Latin word, a run of spaces, or one character
_CHAR_TOKEN = re.compile(r"\d+(?:[.,，]\d+)*|[A-Za-z]+|\s+|.", re.DOTALL)


@lru_cache(maxsize=2)
def build_pipeline(segmenter: str = "char") -> Language:
    """The pipeline, built once per process and segmenter."""
    if segmenter not in SEGMENTERS:
        raise ValueError(f"segmenter {segmenter!r}: use one of {', '.join(SEGMENTERS)}")
    if segmenter == "jieba":
        import jieba  # quiet about how it loads its dictionary, in each process

        jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    nlp.vocab.lex_attr_getters = _LexAttrGetters(nlp.vocab.lex_attr_getters)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


#: set in a thread while it adds the lexemes of stretches (:func:`_plain_lexemes`)
_plain = threading.local()


class _LexAttrGetters(dict):
    """The vocabulary's lexical attribute getters (spaCy calls each on every string new to
    the vocabulary), none while this thread adds a stretch's lexeme: a stretch between
    candidate sentences is new text in every report, hundreds of characters that no
    extractor reads as a word, and its ~20 getters (like_url, word_shape, like_num, lower…)
    cost more than all the sentences' tokens together. Other threads, and every other
    string, get them all."""

    def items(self):
        return () if getattr(_plain, "on", False) else super().items()


def _plain_lexemes(vocab, stretches: list) -> None:
    """Add to ``vocab`` the stretches it does not hold yet as lexemes of their text and
    length alone (no lexical attributes: a stretch token is never read as a word). Only
    strings no segmentation makes a token of (``_CHAR_TOKEN`` matches every token of the
    char segmentation), so a sentence's token never meets such a lexeme."""
    if not isinstance(vocab.lex_attr_getters, _LexAttrGetters):
        return
    _plain.on = True
    try:
        for stretch in stretches:
            if stretch not in vocab and not _CHAR_TOKEN.fullmatch(stretch):
                vocab[stretch]
    finally:
        _plain.on = False


#: spaCy keeps every string a Doc meets for the life of its vocabulary, and the stretches between
#: candidate sentences are new strings in every report: a process annotating an archive grew by
#: about 1.3 KB a report (20,000 different reports: 121 → 141 MB; benchmarks/bench_memory_growth.py).
#: The pipeline and its vocabulary are built afresh after this many Docs (a build takes ~15 ms).
DOCS_PER_PIPELINE = 2000
_docs_made = {"count": 0}


def _pipeline(segmenter: str) -> Language:
    """build_pipeline(segmenter), built afresh every DOCS_PER_PIPELINE Docs."""
    if _docs_made["count"] >= DOCS_PER_PIPELINE:
        build_pipeline.cache_clear()
        _docs_made["count"] = 0
    _docs_made["count"] += 1
    return build_pipeline(segmenter)


def annotate(text: str, sections=(), segmenter: str = "char") -> Doc:
    """Run the pipeline over the candidate sentences of ``text``: the Doc with its fact spans."""
    nlp = _pipeline(segmenter)
    forget_texts()
    analysis = analysis_text(text)
    found = candidate_sentences(analysis, prose_ranges(analysis, sections))
    views = sentence_views(analysis, found)
    # tokenised: the sentences holding a count; the others (their numbers are years and
    # dates: half the candidates' text) stay in the stretches between, one token each
    doc = sparse_doc(nlp, text, counting(views))
    doc.user_data.update(sections=tuple(sections), text=text, analysis=analysis, candidates=found, views=views)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def sparse_doc(nlp: Language, text: str, found) -> Doc:
    """A Doc of ``text`` tokenised inside the sentences ``found`` only (by the pipeline's
    segmenter); each stretch between them is one token."""
    words = []
    stretches = []
    at = 0
    for sentence in found:
        if sentence.start > at:
            stretches.append(text[at:sentence.start])
            words.append(stretches[-1])
        words += _words(nlp, text[sentence.start:sentence.end])
        at = sentence.end
    if at < len(text):
        stretches.append(text[at:])
        words.append(stretches[-1])
    if nlp.tokenizer.segmenter == "char":
        _plain_lexemes(nlp.vocab, stretches)
    return Doc(nlp.vocab, words=words, spaces=[False] * len(words))


def _words(nlp: Language, piece: str) -> list:
    """The tokens of one sentence, spaces kept as tokens so that they join to ``piece``."""
    if nlp.tokenizer.segmenter == "char":
        return _CHAR_TOKEN.findall(piece)
    words = []
    for token in nlp.tokenizer(piece):
        words.append(token.text)
        if token.whitespace_:
            words.append(token.whitespace_)
    return words if "".join(words) == piece else [piece]
