"""doccano: its JSONL export back in as labelled rows.

A doccano export line is ``{"id", "text", "label": [...], ...}``: ``label`` holds the
paragraph's categories (strings) and, in a project with spans, ``[start, end, "kind"]``
items (``"kind/channel"`` for a fact with its channel), offsets in code points. The
``source``, ``section``, ``agency`` and ``year`` of a row are read from the line or from
its ``meta``, as doccano keeps the columns it was given; without a source the row is
named after the export file and the line's id. Older exports call the list ``labels``.
"""
from __future__ import annotations

import json

from ..errors import InputError
from ..record import FACT_KINDS
from .labelled import row_of


def rows_from_jsonl(lines, where: str) -> tuple:
    """(rows, 0): every line of a doccano export is a reviewed row."""
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            item = None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(f"line {number} is not a doccano export line (JSON with a text)", source=where)
        rows.append(_row(item, f"{where}: line {number}", f"{where}#{item.get('id', number)}"))
    return rows, 0


def _row(item: dict, where: str, fallback_source: str) -> dict:
    meta = {**(item.get("meta") or {}), **item}
    text = item["text"]
    labels, facts = [], []
    for label in item.get("label", item.get("labels")) or ():
        if isinstance(label, str):
            labels.append(label)
        elif isinstance(label, (list, tuple)) and len(label) == 3:
            facts.append(_fact(text, *label, where=where))
        else:
            raise InputError(f"label {label!r} is neither a category nor [start, end, kind]", source=where)
    return row_of(text, labels, facts, where, source=meta.get("source") or fallback_source,
                  section=meta.get("section"), agency=meta.get("agency"), year=meta.get("year"))


def _fact(text: str, start, end, name: str, where: str) -> dict:
    kind, _, channel = str(name).partition("/")
    if kind not in FACT_KINDS:
        raise InputError(f"span label {name!r} is no fact kind ({', '.join(FACT_KINDS)})", source=where)
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise InputError(f"span {start}-{end} is outside the text", source=where)
    return {"kind": kind, "channel": channel or None, "start": start, "end": end, "text": text[start:end]}
