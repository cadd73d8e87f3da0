"""Narrative paragraphs: found in the sections, then labelled by the classifier.

    split.py     where the paragraphs are (layout rules, no model)
    features.py  the features of all of a report's paragraphs, in one pass (n-grams, section, cues)
    cues.json    the cues, each with the real sentences that justify it
    model.py     the classifier (one linear model per label), fitted and served
    store.py     saving and loading a model with its metadata (hash, versions, metrics)
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager

from ..record import Paragraph
from .split import Block, line_widths, split_lines, wrap_width
from .store import load_classifier

__all__ = ["annotate_paragraphs", "find_paragraphs", "load_classifier"]

#: the sections that hold the tables: only sentences there, not table residue
_TABLE_SECTIONS = (2, 3, 4)


def find_paragraphs(text: str, sections) -> list:
    """(section number, Block) for every narrative paragraph, in reading order."""
    with _no_cycle_collection():
        width = wrap_width([w for s in sections if s.number not in _TABLE_SECTIONS
                            for w in line_widths(text, s.start, s.end)])
        last = len(text.rstrip())
        out = []
        for s in sections:
            begin = s.start if s.number == 1 else s.body_start
            for block in split_lines(text, begin, s.end, width, last_in_text=s.number == 1 and s.end >= last,
                                     section5=s.number == 5):
                if s.number in _TABLE_SECTIONS and not _narrative(block.text):
                    continue
                out.append((s.number, block))
        return out


@contextmanager
def _no_cycle_collection():
    """No cyclic garbage collection while paragraphs are found. Finding them makes one small
    record per line and no reference cycles, and the collector's full passes walk every
    record alive, so with it on the cost grows faster than the text (a report wrapped at 38
    columns: 10x the text took 13.7x the time; without the passes 9.9x, see
    benchmarks/bench_paragraphs.py). Nested or concurrent calls leave the collector as
    they found it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: a short nil statement of a table section (没有发生…的情况。) is narrative too
_NIL = re.compile(r"没有|沒有|未发生|未發生|不存在|无|無")


def _narrative(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    long_enough = len(text) >= 30 or (len(text) >= 10 and bool(_NIL.search(text)))
    return long_enough and digits / len(text) < 0.2 and text.rstrip()[-1:] in "。；;！？!?"


#: section 5's own sub-headings: a paragraph opening with them belongs to 问题及改进情况
#: even where the section heading was not found (an excerpt, a lost heading)
_SECTION5_OPENING = re.compile(r"^.{0,8}?(?:存在的?(?:主要)?问题|存在的?不足|改进措施|整改措施|下一步(?:工作)?(?:打算|计划|措施)|下一年度?工作)")


def classifier_section(section: int, block: Block) -> int:
    """The section the classifier is told: 5 for a paragraph that opens like section 5
    (by its sub-heading or its own first words). The classifier reads the paragraph's text
    alone, as its training rows are written: a sub-heading line says where a paragraph
    stands, not what it is about (a 平台建设 heading over a count of posts)."""
    opening = block.heading or block.text
    return 5 if section != 5 and _SECTION5_OPENING.match(opening) else section


def annotate_paragraphs(text: str, sections, classifier) -> list:
    """The paragraphs of the report, labelled by ``classifier`` (None: no labels)."""
    found = find_paragraphs(text, sections)
    if classifier is None or not found:
        return [Paragraph(n, b.text, b.start, b.end) for n, b in found]
    predictions = classifier.predict([b.text for _, b in found],
                                     [classifier_section(n, b) for n, b in found])
    return [Paragraph(n, b.text, b.start, b.end, labels, scores)
            for (n, b), (labels, scores) in zip(found, predictions)]
