"""The annotation record of OUTPUT.md, as frozen dataclasses.

Every stage returns these; only :func:`Record.to_dict` turns them into the JSON shape
users' scripts read (``tables`` for scorers, ``cells`` for the evidence of each value).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Span:
    """A piece of the input text: ``text == source_text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Cell:
    """One table cell pinned to a canonical field, with the evidence for the pinning.

    ``value`` is the normalised number (None for a blank cell). ``row_alias`` is the
    alias of the template row the row label matched and ``row_score`` how well (0-100);
    ``placed_by`` says how the row was found: ``label`` (fuzzy match of its own label),
    ``position`` (an unlabelled or garbled row placed by template order) or
    ``arithmetic`` (a run of digits split by the template's sums). Columns follow the
    template's order; ``column_header``/``column_score`` are the printed header that
    names the column and how well (nlp/tables/columns.py). A cell read by OCR keeps
    the recogniser's ``ocr_confidence`` in its number (None: read from text); when the
    template's arithmetic chose between the readings the recogniser offered,
    ``ocr_reading`` is the one it preferred itself (nlp/tables/doubts.py).
    """

    field: str
    value: Optional[float]
    raw: str
    start: int
    end: int
    row_label: str
    row_alias: str
    row_score: float
    column: str
    placed_by: str = "label"
    column_header: str = ""  # the printed header text naming this column, if any
    column_score: float = 0.0
    ocr_confidence: Optional[float] = None
    ocr_reading: str = ""


@dataclass(frozen=True)
class Ambiguity:
    """Cells read from the text but left out of ``tables`` because they cannot be placed."""

    fields: tuple
    reason: str
    raw: str = ""
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Fact:
    kind: str
    channel: Optional[str]
    account: Optional[str]
    value: float
    unit: str
    qualifier: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    section: int
    text: str
    start: int
    end: int
    labels: tuple = ()
    scores: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Check:
    rule: str
    status: str  # pass | fail | not_assessable
    fields: tuple
    message: str
    message_zh: str = ""  # the same message in Chinese


@dataclass(frozen=True)
class Record:
    source: str
    edition: Optional[str]
    year: Optional[int]
    agency: Optional[str]
    cells: tuple = ()
    ambiguous: tuple = ()
    facts: tuple = ()
    paragraphs: tuple = ()
    checks: tuple = ()
    #: which paragraph model labelled ``paragraphs``: {"sha256", "trained_at"} (None: no model)
    paragraph_model: Optional[dict] = None
    #: what reading the input had to repair (lines in another encoding); in the JSON only when any
    warnings: tuple = ()

    @property
    def tables(self) -> dict:
        """Canonical field id -> value; blank cells are None, absent cells are absent."""
        return {c.field: _plain_number(c.value) for c in self.cells}

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "edition": self.edition,
            "year": self.year,
            "agency": self.agency,
            "tables": self.tables,
            "facts": [_fact_dict(f) for f in self.facts],
            "paragraphs": [_paragraph_dict(p) for p in self.paragraphs],
            "checks": [_check_dict(c) for c in self.checks],
            "cells": [asdict(c) for c in self.cells],
            "ambiguous": [_ambiguity_dict(a) for a in self.ambiguous],
            "paragraph_model": self.paragraph_model,
            **({"warnings": list(self.warnings)} if self.warnings else {}),
        }


def _plain_number(value):
    """Integers stay integers in JSON (``3`` not ``3.0``)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _fact_dict(f: Fact) -> dict:
    d = asdict(f)
    d["value"] = _plain_number(f.value)
    return d


def _paragraph_dict(p: Paragraph) -> dict:
    return {"section": p.section, "text": p.text, "start": p.start, "end": p.end,
            "labels": list(p.labels), "scores": dict(p.scores)}


def _check_dict(c: Check) -> dict:
    return {"rule": c.rule, "status": c.status, "fields": list(c.fields), "message": c.message,
            "message_zh": c.message_zh}


def _ambiguity_dict(a: Ambiguity) -> dict:
    return {"fields": list(a.fields), "reason": a.reason, "raw": a.raw, "start": a.start, "end": a.end}
