"""Facts stated in the free text (publication counts, followers, procurement sums).

The narrative's facts come from the spaCy pipeline of :mod:`nlp.facts.pipeline`; the
procurement total of the section-2 table from its cell (:mod:`nlp.facts.table`).
"""
from __future__ import annotations

from .pipeline import SPANS_KEY, annotate, build_pipeline, fact_of, found_facts
from .table import procurement_fact

__all__ = ["extract_facts", "annotate", "build_pipeline", "SPANS_KEY"]


def extract_facts(text: str, sections, cells) -> list:
    """The facts of a report, in text order (``list[Fact]``): those of :func:`annotate`'s
    spans, found without the Doc (:func:`~nlp.facts.pipeline.found_facts`)."""
    facts = [fact_of(f, text) for f in found_facts(text, sections)]
    table = procurement_fact(text, cells)
    if table is not None:
        facts.append(table)
    return sorted(facts, key=lambda f: (f.start, f.end))
