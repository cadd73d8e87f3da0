"""The annotation record of OUTPUT.md, as frozen dataclasses, both ways.

Every stage returns these. :meth:`Record.to_dict` turns a record into the JSON shape users'
scripts read (``tables`` for scorers, ``cells`` for the evidence of each value) and
:meth:`Record.from_dict` turns that shape back into the record: the two are exact inverses
on every record the project writes, so a tool that reads records (exports, the audit page,
compare, review, the service) works on these types, not on dicts. A line of a records file
is a :class:`Record` or, for an input that could not be annotated, an :class:`ErrorRecord`
(:func:`from_dict` tells them apart). The conversions are written out by hand:
``dataclasses.asdict`` costs about a millisecond a record.

The closed vocabularies of the contract are ``Literal`` types (``Channel``, ``Status``, …);
``from_dict`` refuses a value outside them with a :class:`~nlp.errors.DataError`.

>>> fact = Fact("publication_count", "website", None, 244.0, "条", "exact", "发布信息244条", 5, 13, "count after a verb")
>>> record = Record("a.txt", "2019", 2020, "某局", facts=(fact,), content_sha256="0" * 64)
>>> record.to_dict()["facts"][0]["value"]
244
>>> Record.from_dict(record.to_dict()).to_dict() == record.to_dict()
True
>>> from_dict({"source": "b.pdf", "content_sha256": None, "error": {"code": "E106", "message": "damaged"}})
ErrorRecord(source='b.pdf', content_sha256=None, code='E106', message='damaged')
>>> Fact.from_dict({**fact.to_dict(), "channel": "radio"})
Traceback (most recent call last):
nlp.errors.DataError: [E108] fact channel 'radio' is not one of total, website, wechat, weibo, new_media, short_video, app, bulletin, other
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal, Optional, Union, get_args

from .errors import DataError
from .vocabulary import plain_number

Edition = Literal["2019", "2021"]
FactKind = Literal["publication_count", "follower_count", "procurement_amount"]
Channel = Literal["total", "website", "wechat", "weibo", "new_media", "short_video", "app", "bulletin", "other"]
Unit = Literal["条", "人", "元"]
Qualifier = Literal["exact", "approx", "at_least"]
Status = Literal["pass", "fail", "not_assessable"]
Label = Literal["problems", "measures", "platform",
                "proactive_disclosure", "request_handling", "information_management", "oversight"]
#: how a cell's row was found: its own label, its place in the template's order, the
#: template's sums splitting a run of digits, the run having one digit per column, or the
#: empty band under the header of a table the template prints as one row
PlacedBy = Literal["label", "position", "arithmetic", "digit count", "empty band"]
Number = Union[int, float]

EDITIONS: tuple = get_args(Edition)
FACT_KINDS: tuple = get_args(FactKind)
CHANNELS: tuple = get_args(Channel)
UNITS: tuple = get_args(Unit)
QUALIFIERS: tuple = get_args(Qualifier)
STATUSES: tuple = get_args(Status)
LABELS: tuple = get_args(Label)
PLACED_BY: tuple = get_args(PlacedBy)
#: the unit of each kind of fact (OUTPUT.md: whatever word the text uses)
UNIT_OF_KIND = dict(zip(FACT_KINDS, UNITS))


def content_sha256(text: str) -> str:
    """The record's ``content_sha256``: SHA-256 of the UTF-8 text annotated.

    >>> content_sha256("年报")[:12]
    'dd1046950e3d'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    ``placed_by`` says how the row was found (:data:`PlacedBy`): ``label`` (fuzzy match of
    its own label), ``position`` (an unlabelled or garbled row placed by template order),
    ``arithmetic`` (a run of digits split by the template's sums) or ``digit count`` (a
    run with one digit per column) or ``empty band`` (a table the template prints as one
    row, printed without rules: its header found, no word or ink in the band under it, so
    every cell is blank; on a scan such a cell has no ``ocr_confidence``, nothing having
    been read). Columns follow the template's order;
    ``column_header``/``column_score`` are the printed header that names the column and
    how well (nlp/tables/columns.py). A cell read by OCR keeps the recogniser's
    ``ocr_confidence`` in its number (None: read from text); when the template's
    arithmetic chose between the readings the recogniser offered, ``ocr_reading`` is the
    one it preferred itself (nlp/tables/doubts.py).
    """

    field: str
    value: Optional[Number]
    raw: str
    start: int
    end: int
    row_label: str
    row_alias: str
    row_score: float
    column: str
    placed_by: PlacedBy = "label"
    column_header: str = ""  # the printed header text naming this column, if any
    column_score: float = 0.0
    ocr_confidence: Optional[float] = None
    ocr_reading: str = ""

    def to_dict(self) -> dict:
        return {"field": self.field, "value": self.value, "raw": self.raw, "start": self.start, "end": self.end,
                "row_label": self.row_label, "row_alias": self.row_alias, "row_score": self.row_score,
                "column": self.column, "placed_by": self.placed_by, "column_header": self.column_header,
                "column_score": self.column_score, "ocr_confidence": self.ocr_confidence,
                "ocr_reading": self.ocr_reading}

    @classmethod
    def from_dict(cls, d: dict) -> "Cell":
        return cls(d["field"], d["value"], d["raw"], d["start"], d["end"], d["row_label"], d["row_alias"],
                   d["row_score"], d["column"], _one_of(d.get("placed_by", "label"), PLACED_BY, "cell placed_by"),
                   d.get("column_header", ""), d.get("column_score", 0.0), d.get("ocr_confidence"),
                   d.get("ocr_reading", ""))


@dataclass(frozen=True)
class Ambiguity:
    """Cells read from the text but left out of ``tables`` because they cannot be placed."""

    fields: tuple[str, ...]
    reason: str
    raw: str = ""
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict:
        return {"fields": list(self.fields), "reason": self.reason, "raw": self.raw, "start": self.start,
                "end": self.end}

    @classmethod
    def from_dict(cls, d: dict) -> "Ambiguity":
        return cls(tuple(d["fields"]), d["reason"], d.get("raw", ""), d.get("start", -1), d.get("end", -1))


@dataclass(frozen=True)
class Fact:
    """A number stated in the free text (OUTPUT.md § facts); ``rule`` names the rule of
    the facts stage that found it (its explanation)."""

    kind: FactKind
    channel: Optional[Channel]
    account: Optional[str]
    value: Number
    unit: Unit
    qualifier: Qualifier
    text: str
    start: int
    end: int
    rule: str = ""

    def to_dict(self) -> dict:
        return {"kind": self.kind, "channel": self.channel, "account": self.account,
                "value": plain_number(self.value), "unit": self.unit, "qualifier": self.qualifier,
                "text": self.text, "start": self.start, "end": self.end, "rule": self.rule}

    @classmethod
    def from_dict(cls, d: dict) -> "Fact":
        channel = d["channel"]
        return cls(_one_of(d["kind"], FACT_KINDS, "fact kind"),
                   None if channel is None else _one_of(channel, CHANNELS, "fact channel"),
                   d["account"], d["value"], _one_of(d["unit"], UNITS, "fact unit"),
                   _one_of(d["qualifier"], QUALIFIERS, "fact qualifier"), d["text"], d["start"], d["end"],
                   d.get("rule", ""))


@dataclass(frozen=True)
class Paragraph:
    """A narrative paragraph of section ``section`` (1-6), its labels and their scores."""

    section: int
    text: str
    start: int
    end: int
    labels: tuple[Label, ...] = ()
    scores: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"section": self.section, "text": self.text, "start": self.start, "end": self.end,
                "labels": list(self.labels), "scores": dict(self.scores)}

    @classmethod
    def from_dict(cls, d: dict) -> "Paragraph":
        return cls(d["section"], d["text"], d["start"], d["end"],
                   tuple(_one_of(label, LABELS, "paragraph label") for label in d.get("labels", ())),
                   dict(d.get("scores") or {}))


@dataclass(frozen=True)
class Check:
    """One rule of OUTPUT.md § checks: its status over every instance, the cells involved,
    and what it found in English and in Chinese."""

    rule: str
    status: Status
    fields: tuple[str, ...]
    message: str
    message_zh: str = ""  # the same message in Chinese

    def to_dict(self) -> dict:
        return {"rule": self.rule, "status": self.status, "fields": list(self.fields), "message": self.message,
                "message_zh": self.message_zh}

    @classmethod
    def from_dict(cls, d: dict) -> "Check":
        return cls(d["rule"], _one_of(d["status"], STATUSES, "check status"), tuple(d.get("fields", ())),
                   d.get("message", ""), d.get("message_zh", ""))

    def said(self, language: str = "en") -> str:
        """The message in ``language`` (``zh``: Chinese, where the record has it; records
        written before checks spoke Chinese have only the English message)."""
        return (self.message_zh if language == "zh" else "") or self.message


@dataclass(frozen=True)
class ParagraphModel:
    """Which paragraph classifier labelled the paragraphs: its file's sha256, when trained."""

    sha256: Optional[str]
    trained_at: Optional[str]

    def to_dict(self) -> dict:
        return {"sha256": self.sha256, "trained_at": self.trained_at}

    @classmethod
    def from_dict(cls, d: dict) -> "ParagraphModel":
        return cls(d.get("sha256"), d.get("trained_at"))


@dataclass(frozen=True)
class Record:
    """One report's annotation.

    ``tables`` (canonical field id → value; blank cells None, absent cells absent) is
    derived from ``cells`` when it is not given (the engine's records); a record read
    with :meth:`from_dict` keeps the ``tables`` it states (a gold or hand-written record
    may state values without their evidence). ``content_sha256`` is the hash of the text annotated
    (:func:`content_sha256`; the engine sets it); ``warnings`` say what reading the input
    had to repair, and are in the JSON only when there are any.
    """

    source: str
    edition: Optional[Edition]
    year: Optional[int]
    agency: Optional[str]
    cells: tuple[Cell, ...] = ()
    ambiguous: tuple[Ambiguity, ...] = ()
    facts: tuple[Fact, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    checks: tuple[Check, ...] = ()
    paragraph_model: Optional[ParagraphModel] = None
    warnings: tuple[str, ...] = ()
    content_sha256: Optional[str] = None
    tables: dict = field(default=None, compare=False)

    def __post_init__(self):
        if self.tables is None:
            object.__setattr__(self, "tables", {c.field: plain_number(c.value) for c in self.cells})

    def to_dict(self) -> dict:
        out = {
            "source": self.source,
            "content_sha256": self.content_sha256,
            "edition": self.edition,
            "year": self.year,
            "agency": self.agency,
            "tables": dict(self.tables),
            "facts": [f.to_dict() for f in self.facts],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "checks": [c.to_dict() for c in self.checks],
            "cells": [c.to_dict() for c in self.cells],
            "ambiguous": [a.to_dict() for a in self.ambiguous],
            "paragraph_model": self.paragraph_model.to_dict() if self.paragraph_model else None,
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out

    @classmethod
    def from_dict(cls, d: dict) -> "Record":
        """The record of a dict as :meth:`to_dict` writes it. Keys an older or hand-written
        record lacks take their defaults; a value outside the contract is a DataError."""
        try:
            edition = d.get("edition")
            model = d.get("paragraph_model")
            return cls(
                source=d["source"],
                edition=None if edition is None else _one_of(edition, EDITIONS, "edition"),
                year=d.get("year"),
                agency=d.get("agency"),
                cells=tuple(Cell.from_dict(c) for c in d.get("cells") or ()),
                ambiguous=tuple(Ambiguity.from_dict(a) for a in d.get("ambiguous") or ()),
                facts=tuple(Fact.from_dict(f) for f in d.get("facts") or ()),
                paragraphs=tuple(Paragraph.from_dict(p) for p in d.get("paragraphs") or ()),
                checks=tuple(Check.from_dict(c) for c in d.get("checks") or ()),
                paragraph_model=None if model is None else ParagraphModel.from_dict(model),
                warnings=tuple(d.get("warnings") or ()),
                content_sha256=d.get("content_sha256"),
                tables=dict(d.get("tables") or {}),
            )
        except KeyError as exc:
            raise DataError(f"no {exc.args[0]!r} where the record needs one") from None
        except (TypeError, AttributeError) as exc:
            raise DataError(f"not the shape of a record ({exc})") from None

    def failed(self) -> bool:
        """Whether a check failed."""
        return any(c.status == "fail" for c in self.checks)


@dataclass(frozen=True)
class ErrorRecord:
    """The line written for an input that could not be annotated: its source, the hash of
    what was read (None when nothing could be), nianbao's error code and message."""

    source: str
    content_sha256: Optional[str]
    code: str
    message: str

    def to_dict(self) -> dict:
        return {"source": self.source, "content_sha256": self.content_sha256,
                "error": {"code": self.code, "message": self.message}}

    @classmethod
    def from_dict(cls, d: dict) -> "ErrorRecord":
        try:
            error = d["error"]
            return cls(d["source"], d.get("content_sha256"), error["code"], error["message"])
        except KeyError as exc:
            raise DataError(f"no {exc.args[0]!r} where the error record needs one") from None
        except TypeError as exc:
            raise DataError(f"not the shape of an error record ({exc})") from None

    @classmethod
    def of(cls, error, content_sha256: Optional[str] = None) -> "ErrorRecord":
        """The error record of one of nianbao's errors (its source, code and message)."""
        return cls(error.source, content_sha256, error.code, error.message)


def from_dict(d: dict) -> Union[Record, ErrorRecord]:
    """A line of a records file: an :class:`ErrorRecord` when it says ``error``, else a :class:`Record`."""
    if not isinstance(d, dict):
        raise DataError("not a JSON object")
    return ErrorRecord.from_dict(d) if "error" in d else Record.from_dict(d)


def _one_of(value, allowed: tuple, what: str):
    if value not in allowed:
        raise DataError(f"{what} {value!r} is not one of {', '.join(allowed)}")
    return value
