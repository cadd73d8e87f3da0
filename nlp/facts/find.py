"""A report's facts found without spaCy: the sentence views of the candidate sentences
and the extractors' rules over them, in characters (no extractor reads a token, and a
fact's span is its character offsets).

:func:`found_facts` is what a report's annotation runs (:func:`nlp.facts.extract_facts`);
the registered spaCy components of :mod:`nlp.facts.pipeline` run the same functions
(:func:`publications`, :func:`followers`, :func:`procurements`) and put their facts on the
Doc's spans, in the same order. spaCy is imported only where a Doc is asked for.
"""
from __future__ import annotations

import bisect
from functools import partial

from ..numbers import text_folded
from ..record import Fact
from . import parts, rules
from .candidates import candidate_sentences
from .channels import sentence_before_scene
from .cues import forget_texts, remember_accounts
from .prose import PARAGRAPH_BREAK, analysis_text, prose_ranges
from .view import PUBLICATION_UNITS


def sentence_views(text: str, found) -> list:
    """The :class:`~nlp.facts.view.SentenceView` of each sentence ``found`` in the analysis
    ``text`` that holds a number, in order: what the extractors read."""
    folded = text_folded(text)  # once for all the sentences' numbers
    views = (rules.SentenceView(text, s, folded) for s in found)
    return [v for v in views if v.quantities]


#: Units of a number that no extractor counts (a year, a date): a sentence whose numbers are
#: all such holds no fact (publication, follower and procurement counts have units of their
#: own, or none: a bare 粉丝数54373 is counted)
DATE_ONLY_UNITS = frozenset({"年", "月", "日", "号"})


def counting(views) -> list:
    """The views of ``views`` that hold a number other than a date (a year, a day): the
    sentences a fact can be in, which the Doc tokenises (sparse_doc())."""
    return [v for v in views if any(q.unit not in DATE_ONLY_UNITS for q in v.quantities)]


def publications(text: str, views) -> list:
    """The publication counts (:class:`~nlp.facts.view.Found`) of the sentence ``views`` of
    ``text``, in order: each sentence read with the facts of the sentence before it in its
    paragraph (a 其中 that breaks them down) or of a list that spans sentences."""
    out = []
    previous, previous_end = (), -1
    listed, list_end = None, -1  # the facts a list that spans sentences breaks down
    for view in views:
        same_paragraph = previous_end >= 0 and not PARAGRAPH_BREAK.search(text, previous_end, view.start)
        before = previous if same_paragraph else ()
        if listed is not None and not PARAGRAPH_BREAK.search(text, list_end, view.start):
            view.continues_list, before = True, listed
        elif parts.opens_list(view):
            listed = before
        else:
            listed = None
        list_end = view.end
        view.scene_before_from(partial(sentence_before_scene, text, view.start))
        found = rules.publication_facts(view, before)
        out += found
        if found:
            previous, previous_end = tuple(found), view.end
        elif any(q.unit in PUBLICATION_UNITS for q in view.counts()):
            # 共承办…建议、…提案328件。其中,…建议100件: the next sentence's 其中 breaks down this
            # count, which is no publication, not the facts of a sentence before it (round-12 h1119)
            previous, previous_end = (), view.end
    return out


def followers(views, publications: list) -> list:
    """The follower counts of the sentence ``views``, in order; ``publications``: the
    publication counts found in them (a count of followers after one takes its channel)."""
    found = sorted(publications, key=lambda f: f.start)
    starts = [f.start for f in found]
    out = []
    for view in views:
        before = found[bisect.bisect_left(starts, view.start):bisect.bisect_left(starts, view.end)]
        out += rules.follower_facts(view, before)
    return out


def procurements(views) -> list:
    """The procurement sums stated in the sentence ``views``, in order."""
    return [f for view in views for f in rules.procurement_facts(view)]


def fact_of(f, text: str) -> Fact:
    """The record's :class:`~nlp.record.Fact` of a :class:`~nlp.facts.view.Found` in ``text``."""
    q = f.quantity
    return Fact(f.kind, f.channel, f.account, q.value, _UNITS[f.kind], q.qualifier,
                text[f.start:f.end], f.start, f.end, f.rule)


_UNITS = {"publication_count": "条", "follower_count": "人", "procurement_amount": "元"}


def found_facts(text: str, sections=()) -> list:
    """The facts :func:`annotate` finds in ``text`` (:class:`~nlp.facts.view.Found`, in the
    order of the Doc's span group: publications, followers, procurement sums), found by the
    same components' functions without making the Doc: the extractors read the sentence
    views and characters, never a token, and a fact's span is its character offsets. What
    a report's annotation runs (:func:`nlp.facts.extract_facts`); :func:`annotate` gives
    the spaCy Doc with its spans."""
    forget_texts()
    analysis = analysis_text(text)
    remember_accounts(analysis)  # the accounts the report names with their platform, for the channel cues
    views = sentence_views(analysis, candidate_sentences(analysis, prose_ranges(analysis, sections)))
    found = publications(text, views)
    return found + followers(views, found) + procurements(views)
