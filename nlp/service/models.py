"""Pydantic models of every request and response body.

The record models are the JSON of the dataclasses of nlp/record.py, the one contract: the
same fields in the same order, the same closed vocabularies (the ``Literal`` types are
imported from there), checked by a test (tests/service/test_service_models.py). The
engine's ``Record.to_dict()`` is validated against them on the way out, so a change to the
record that the contract does not allow shows up as a failing test, not as a silent change
of the API. They allow extra keys, so a field added to a dataclass reaches the client even
before its model documents it (the test then says so).
"""
from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, RootModel

from .. import record
from ..engine import WARM_UP_TEXT

Number = record.Number
Edition = record.Edition


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- requests ---------------------------------------------------------------------------

class AnnotateRequest(_Request):
    text: str = Field(min_length=1, description="the whole report as plain text",
                      examples=[WARM_UP_TEXT])
    source: str = Field("<text>", max_length=1000,
                        description="name to put in the record's `source` (a path, a URL, an id)")


class ParagraphIn(_Request):
    text: str = Field(description="the paragraph's text",
                      examples=["政府信息公开工作仍存在一些不足，门户网站栏目更新不够及时。"])
    section: Optional[int] = Field(None, ge=1, le=6, description="the report section (1-6) it comes from, if known")


class ClassifyRequest(_Request):
    paragraphs: list[ParagraphIn] = Field(min_length=1, max_length=1000, description="the paragraphs to label")


class FactsRequest(_Request):
    text: str = Field(min_length=1, description="a snippet or a whole report",
                      examples=["通过本单位网站发布各类信息244条，微信公众号发布信息56条。"])


# ---- the record (data/OUTPUT.md) ----------------------------------------------------------
# The same fields, in the same order, with the same closed vocabularies as the dataclasses of
# nlp/record.py (RECORD_MODELS pairs them; tests/service/test_service_models.py checks that
# they agree). Descriptions are the API's documentation.

class _Out(BaseModel):
    model_config = ConfigDict(extra="allow")


class Fact(_Out):
    kind: record.FactKind
    channel: Optional[record.Channel] = Field(description="where the items were published; null for money")
    account: Optional[str] = Field(description="the account or column the text names, if any")
    value: Number = Field(description="in the unit: 550万 followers is 5500000")
    unit: record.Unit
    qualifier: record.Qualifier = Field(description="exact; approx (余、约、左右); at_least (超过、以上)")
    text: str
    start: int
    end: int
    rule: str = Field("", description="the rule of the facts stage that found it (its explanation)")


class Paragraph(_Out):
    section: int = Field(ge=1, le=6)
    text: str
    start: int
    end: int
    labels: list[record.Label]
    scores: dict[str, float]


class Check(_Out):
    rule: str
    status: record.Status
    fields: list[str]
    message: str
    message_zh: str = Field("", description="the same message in Chinese")


class Cell(_Out):
    """The evidence for one value of ``tables``."""

    field: str
    value: Optional[Number]
    raw: str
    start: int
    end: int
    row_label: str
    row_alias: str
    row_score: float
    column: str
    placed_by: record.PlacedBy = Field("label", description="how the row was found")
    column_header: str = Field("", description="the printed header text naming the column, if any")
    column_score: float = Field(0.0, description="how well that header matched (0-100)")
    ocr_confidence: Optional[float] = Field(None, description="the recogniser's confidence, for a cell read by OCR")
    ocr_reading: str = Field("", description="the recogniser's own reading, where the template's arithmetic chose another")


class Ambiguity(_Out):
    fields: list[str]
    reason: str
    raw: str = ""
    start: int = -1
    end: int = -1


class ParagraphModel(_Out):
    """Which paragraph classifier labelled the paragraphs."""

    sha256: Optional[str] = Field(description="sha256 of the model file")
    trained_at: Optional[str] = Field(description="when it was trained (ISO 8601)")


class Record(_Out):
    """One annual report's annotation: the record of data/OUTPUT.md, as ``nianbao annotate`` writes it."""

    source: str
    content_sha256: Optional[str] = Field(description="SHA-256 of the UTF-8 text annotated")
    edition: Optional[record.Edition]
    year: Optional[int]
    agency: Optional[str]
    tables: dict[str, Optional[Number]] = Field(
        description="canonical field id -> number; null for a blank cell, absent for a cell the report lacks")
    facts: list[Fact]
    paragraphs: list[Paragraph]
    checks: list[Check]
    cells: list[Cell]
    ambiguous: list[Ambiguity]
    paragraph_model: Optional[ParagraphModel] = None
    warnings: list[str] = Field(default_factory=list,
                                description="what reading the input had to repair; present only when there is any")


# ---- the lines of an archive (nianbao annotate's JSON Lines) --------------------------------

class ArchiveRecord(Record):
    """A report of the archive: its record, as ``nianbao annotate`` writes it."""

    content_sha256: str = Field(description="SHA-256 of the UTF-8 text annotated")


#: each dataclass of nlp/record.py and the model of its JSON
RECORD_MODELS = {record.Fact: Fact, record.Paragraph: Paragraph, record.Check: Check, record.Cell: Cell,
                 record.Ambiguity: Ambiguity, record.ParagraphModel: ParagraphModel, record.Record: Record}


class ErrorDetail(BaseModel):
    code: str = Field(description="nianbao's error code (E1xx input, E900 a bug)")
    message: str


class ErrorRecord(BaseModel):
    """A member that cannot be read or is not a report, as ``nianbao annotate`` writes it."""

    source: str
    content_sha256: Optional[str] = Field(description="SHA-256 of the text read; null when it could not be read")
    error: ErrorDetail


class ArchiveLine(RootModel[Union[ArchiveRecord, ErrorRecord]]):
    """One line of /v1/annotate/archive's JSON Lines: a member's record or its error record."""


# ---- other responses ----------------------------------------------------------------------

class Labelled(BaseModel):
    labels: list[record.Label]
    scores: dict[str, float]


class ClassifyResponse(BaseModel):
    paragraphs: list[Labelled] = Field(description="one entry per request paragraph, in order")


class FactsResponse(BaseModel):
    facts: list[Fact]


class FieldInfo(BaseModel):
    id: str
    label: str
    type: str


class FieldsResponse(BaseModel):
    edition: Edition
    fields: list[FieldInfo]


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: Literal["ready"]
    processes: int = Field(description="engine processes in this worker's pool")
    classifier: bool = Field(description="whether a paragraph classifier is loaded")


class ProblemError(BaseModel):
    loc: list[Union[str, int]]
    msg: str
    type: str


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (media type application/problem+json)."""

    type: str = Field(description="a URI naming the kind of problem")
    title: str
    status: int
    detail: str
    instance: Optional[str] = Field(None, description="the request path")
    code: Optional[str] = Field(None, description="nianbao's error code (E1xx input, E2xx model)")
    errors: Optional[list[ProblemError]] = Field(None, description="each invalid part of the request")
