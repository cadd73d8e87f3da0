"""The audit report: one self-contained HTML page per annotated report.

The page shows the three tables as the template prints them (rows in template order, a
header for every run of rows with the same columns), each cell with its value; blank cells
(a defect of the report) and absent ones (not read at all) are marked, and so are the cells
of a check that failed. Below: the checks, the evidence of every cell (raw text, position,
the row label and the alias it matched with its score, the column header and its score, a
snippet of the text around it when the report text is at hand), the facts, and the
narrative paragraphs with their labels in the margin and their facts marked.

:func:`page_view` builds the view from a record (a dict, as written by ``nianbao annotate``)
and optionally the report's text; :func:`render` fills the packaged Jinja2 template
(``nlp/templates/audit.html.j2``). Neither reads a file.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .review.spans import locate
from .schema import TABLES, registry

TEMPLATE = "audit.html.j2"
TABLE_TITLES = {"active": "二、主动公开政府信息情况", "requests": "三、收到和处理政府信息公开申请情况",
                "review": "四、政府信息公开行政复议、行政诉讼情况"}
SECTION_TITLES = {1: "一、总体情况", 2: "二、主动公开政府信息情况", 3: "三、收到和处理政府信息公开申请情况",
                  4: "四、政府信息公开行政复议、行政诉讼情况", 5: "五、存在的主要问题及改进情况", 6: "六、其他需要报告的事项"}
_SNIPPET = 24
_HEADER_KEYS = ("source", "content_sha256", "edition", "year", "agency")


@dataclass
class CellView:
    field: str
    state: str  # value | blank | absent
    shown: str
    failed: bool = False
    evidence: Optional[dict] = None


@dataclass
class GroupView:
    """A run of template rows with the same columns: one printed table."""

    headers: list
    rows: list = field(default_factory=list)  # (row label, [CellView])


def text_matches(record: dict, text: Optional[str]) -> bool:
    """Whether ``text`` is the text the record was made from: its hash, or else every fact's
    text and every cell's raw text where the record says they are."""
    if text is None:
        return False
    sha = record.get("content_sha256")
    if sha:
        return hashlib.sha256(text.encode("utf-8")).hexdigest() == sha
    spans = [(f["start"], f["end"], f["text"]) for f in record.get("facts") or ()]
    spans += [(c["start"], c["end"], c["raw"]) for c in record.get("cells") or ()]
    return all(text[start:end] == said for start, end, said in spans)


def number(value) -> str:
    """A cell value as the report prints it: ``3`` not ``3.0``; ``1,200,000`` for big numbers.

    >>> [number(v) for v in (3.0, 2.5, 1200000, None)]
    ['3', '2.5', '1,200,000', '']
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def failed_fields(record: dict) -> set:
    return {f for c in record.get("checks") or () if c.get("status") == "fail" for f in c.get("fields") or ()}


def table_groups(record: dict, table: str) -> list:
    """The printed groups of one table for the record's edition (none without an edition)."""
    edition = record.get("edition")
    if edition not in ("2019", "2021"):
        return []
    values = record.get("tables") or {}
    evidence = {c["field"]: c for c in record.get("cells") or ()}
    failed = failed_fields(record)
    groups = []
    for row in registry().rows(edition, table):
        if not row.store:
            continue
        headers = [c.aliases[0] for c in row.columns]
        if not groups or groups[-1].headers != headers:
            groups.append(GroupView(headers))
        cells = [_cell_view(f, values, evidence.get(f), f in failed) for f in row.field_ids()]
        groups[-1].rows.append((row.aliases[0], cells))
    return groups


def _cell_view(field_id: str, values: dict, evidence: Optional[dict], failed: bool) -> CellView:
    if field_id not in values:
        return CellView(field_id, "absent", "—", failed, evidence)
    if values[field_id] is None:
        return CellView(field_id, "blank", "空白", failed, evidence)
    return CellView(field_id, "value", number(values[field_id]), failed, evidence)


def evidence_rows(record: dict, text: Optional[str]) -> list:
    """One row per cell read: what was read, where, and how it was pinned."""
    edition = record.get("edition")
    rows = []
    for cell in record.get("cells") or ():
        rows.append({**cell, "label": _label(edition, cell["field"]), "shown": number(cell.get("value")),
                     "snippet": snippet(text, cell.get("start"), cell.get("end"))})
    return rows


def _label(edition, field_id: str) -> str:
    try:
        return registry().field_label(edition, field_id)
    except KeyError:
        return field_id


def snippet(text: Optional[str], start, end) -> Optional[tuple]:
    """(before, the span, after) around ``text[start:end]``, or None without text or offsets."""
    if text is None or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return None
    return (text[max(0, start - _SNIPPET):start], text[start:end], text[end:end + _SNIPPET])


def paragraph_views(record: dict) -> list:
    """Paragraphs by section, each with its facts marked: (section title, [paragraph view])."""
    facts = record.get("facts") or ()
    sections = {}
    for n, para in enumerate(record.get("paragraphs") or ()):
        inside = [f for f in facts if para["start"] <= f["start"] and f["end"] <= para["end"]]
        scores = sorted((para.get("scores") or {}).items(), key=lambda kv: -kv[1])[:3]
        view = {"n": n, "labels": para.get("labels") or [], "scores": scores, "start": para["start"],
                "end": para["end"], "pieces": marked_pieces(para["text"], para["start"], inside)}
        sections.setdefault(para.get("section"), []).append(view)
    return [(SECTION_TITLES.get(s, f"section {s}"), views) for s, views in sections.items()]


def marked_pieces(text: str, offset: int, facts) -> list:
    """The paragraph cut into (text, fact or None) pieces; overlapping facts: the first wins.

    >>> marked_pieces("发布信息244条。", 10, [{"start": 10, "end": 18, "kind": "publication_count"}])
    [('发布信息244条', {'start': 10, 'end': 18, 'kind': 'publication_count'}), ('。', None)]
    """
    pieces, at = [], 0
    for fact in sorted(facts, key=lambda f: (f["start"], -f["end"])):
        span = locate(text, fact.get("text") or "", fact["start"] - offset)
        start, end = span if span else (fact["start"] - offset, fact["end"] - offset)
        if start < at or end > len(text):
            continue
        if start > at:
            pieces.append((text[at:start], None))
        pieces.append((text[start:end], fact))
        at = end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def summary(record: dict) -> dict:
    values = record.get("tables") or {}
    expected = _expected_fields(record.get("edition"))
    checks = record.get("checks") or ()
    return {"cells": len(values), "blank": sum(v is None for v in values.values()),
            "absent": len(expected - set(values)), "expected": len(expected),
            "failed": sum(c.get("status") == "fail" for c in checks),
            "not_assessable": sum(c.get("status") == "not_assessable" for c in checks),
            "facts": len(record.get("facts") or ()), "paragraphs": len(record.get("paragraphs") or ())}


def _expected_fields(edition) -> set:
    return set(registry().field_ids(edition)) if edition in ("2019", "2021") else set()


def page_view(record: dict, text: Optional[str] = None) -> dict:
    """Everything the template shows; ``text`` (the report's text) adds snippets when it is the
    text the record was made from."""
    text = text if text_matches(record, text) else None
    return {
        "record": {key: record.get(key) for key in _HEADER_KEYS}, "summary": summary(record), "has_text": text is not None,
        "tables": [(TABLE_TITLES[t], table_groups(record, t)) for t in TABLES],
        "checks": record.get("checks") or [], "evidence": evidence_rows(record, text),
        "ambiguous": record.get("ambiguous") or [],
        "facts": [{**f, "shown": number(f.get("value")), "snippet": snippet(text, f.get("start"), f.get("end"))}
                  for f in record.get("facts") or ()],
        "sections": paragraph_views(record),
    }


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("nlp", "templates"), autoescape=select_autoescape(("html", "j2")),
                       trim_blocks=True, lstrip_blocks=True)


def render(record: dict, text: Optional[str] = None) -> str:
    """The HTML page of one record."""
    return _environment().get_template(TEMPLATE).render(**page_view(record, text))
