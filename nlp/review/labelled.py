"""Rows of labelled paragraphs, as in data/labelled (read data/labelled/README.md):

    {"text", "labels", "source", "section", "agency", "year", "how", "checked", ...}

Rows made here from a reviewer's corrections say ``"how": "review"`` and ``"checked": true``,
and keep the facts the reviewer confirmed (``facts``: kind, channel, start, end, text, in
code points of ``text``) and who reviewed (``reviewer``). :func:`merge` puts them into a
labelled-data file: a row whose text (white space aside) is already there replaces it, so a
correction wins over the label it corrects; the others are appended. Files of rows are
read and written by :mod:`nlp.labelled`.
"""
from __future__ import annotations

from ..errors import InputError
from ..labelled import text_key
from ..record import CHANNELS, FACT_KINDS, LABELS

__all__ = ["HOW", "merge", "row_of"]

HOW = "review"


def row_of(text: str, labels, facts, where: str, *, source=None, section=None, agency=None, year=None,
           reviewer=None) -> dict:
    """A labelled row, checked: known labels, kinds and channels, a source, a text."""
    if not text.strip():
        raise InputError("empty text", source=where)
    unknown = sorted(set(labels) - set(LABELS))
    if unknown:
        raise InputError(f"unknown paragraph labels {unknown}; known: {', '.join(LABELS)}", source=where)
    for fact in facts:
        if fact["kind"] not in FACT_KINDS:
            raise InputError(f"unknown fact kind {fact['kind']!r}; known: {', '.join(FACT_KINDS)}", source=where)
        if fact.get("channel") not in CHANNELS + (None,):
            raise InputError(f"unknown channel {fact['channel']!r}; known: {', '.join(CHANNELS)}", source=where)
    row = {"text": text, "labels": [l for l in LABELS if l in labels], "section": section,
           "source": source or where, "agency": agency, "year": year, "how": HOW, "checked": True,
           "facts": sorted(facts, key=lambda f: (f["start"], f["end"]))}
    if reviewer is not None:
        row["reviewer"] = reviewer
    return row


def merge(existing: list, new: list) -> tuple:
    """(merged rows, counts): rows of ``new`` replace rows of ``existing`` with the same text
    and are appended otherwise; within ``new`` the last row of a text wins."""
    latest = {text_key(r["text"]): r for r in new}
    counts = {"new": 0, "replaced": 0, "unchanged": 0}
    merged = []
    for row in existing:
        key = text_key(row["text"])
        if key in latest:
            replacement = latest.pop(key)
            counts["unchanged" if _same_labels(row, replacement) else "replaced"] += 1
            merged.append(replacement)
        else:
            merged.append(row)
    counts["new"] = len(latest)
    return merged + list(latest.values()), counts


def _same_labels(a: dict, b: dict) -> bool:
    return sorted(a.get("labels") or ()) == sorted(b.get("labels") or ()) and a.get("facts") == b.get("facts")
