"""Pydantic models of every request and response body.

The record models mirror data/OUTPUT.md field by field; the engine's
``Record.to_dict()`` is validated against them on the way out, so a change to the
record that the contract does not allow shows up as a failing test, not as a silent
change of the API. They allow extra keys: evidence the engine adds (a new field of a
cell, say) reaches the client unchanged, so the service's record stays the CLI's.
"""
from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, RootModel

Number = Union[int, float]
Edition = Literal["2019", "2021"]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- requests ---------------------------------------------------------------------------

class AnnotateRequest(_Request):
    text: str = Field(min_length=1, description="the whole report as plain text",
                      examples=["某某局2021年政府信息公开工作年度报告\n一、总体情况\n……"])
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

class _Out(BaseModel):
    model_config = ConfigDict(extra="allow")


class Fact(_Out):
    kind: Literal["publication_count", "follower_count", "procurement_amount"]
    channel: Optional[str] = Field(description="total, website, wechat, weibo, new_media, "
                                               "short_video, app, bulletin, other; null for money")
    account: Optional[str]
    value: Number
    unit: Literal["条", "人", "元"]
    qualifier: Literal["exact", "approx", "at_least"]
    text: str
    start: int
    end: int


class Paragraph(_Out):
    section: int = Field(ge=1, le=6)
    text: str
    start: int
    end: int
    labels: list[str]
    scores: dict[str, float]


class Check(_Out):
    rule: str
    status: Literal["pass", "fail", "not_assessable"]
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
    placed_by: str = Field(description="label, position or arithmetic: how the row was found")
    column_header: str = Field("", description="the printed header text naming the column, if any")
    column_score: float = Field(0.0, description="how well that header matched (0-100)")


class Ambiguity(_Out):
    fields: list[str]
    reason: str
    raw: str
    start: int
    end: int


class ParagraphModel(_Out):
    """Which paragraph classifier labelled the paragraphs."""

    sha256: Optional[str] = Field(description="sha256 of the model file")
    trained_at: Optional[str] = Field(description="when it was trained (ISO 8601)")


class Record(_Out):
    """One annual report's annotation: the record of data/OUTPUT.md."""

    source: str
    edition: Optional[Edition]
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


# ---- the lines of an archive (nianbao annotate's JSON Lines) --------------------------------

class ArchiveRecord(Record):
    """A report of the archive: its record, as ``nianbao annotate`` writes it."""

    content_sha256: str = Field(description="SHA-256 of the UTF-8 text annotated")


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
    labels: list[str]
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
