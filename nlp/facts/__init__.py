"""Facts stated in the free text (publication counts, followers, procurement sums).

The narrative's facts come from the extractors of the spaCy pipeline of
:mod:`nlp.facts.pipeline`, run without a Doc when a report is annotated
(:mod:`nlp.facts.find`: no extractor reads a token); the procurement total of the
section-2 table from its cell (:mod:`nlp.facts.table`). spaCy is imported when the pipeline
is first asked for (``annotate``, ``build_pipeline``, ``SPANS_KEY``), not by annotating a
report (half a second of every process's start-up).
"""
from __future__ import annotations

from .find import fact_of, found_facts
from .table import procurement_fact

__all__ = ["extract_facts", "annotate", "build_pipeline", "SPANS_KEY"]

#: the names of the spaCy pipeline, imported from it when first asked for
_PIPELINE = ("annotate", "build_pipeline", "SPANS_KEY")


def __getattr__(name: str):
    if name in _PIPELINE:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract_facts(text: str, sections, cells) -> list:
    """The facts of a report, in text order (``list[Fact]``): those of :func:`annotate`'s
    spans, found without the Doc (:func:`~nlp.facts.find.found_facts`)."""
    facts = [fact_of(f, text) for f in found_facts(text, sections)]
    table = procurement_fact(text, cells)
    if table is not None:
        facts.append(table)
    return sorted(facts, key=lambda f: (f.start, f.end))
