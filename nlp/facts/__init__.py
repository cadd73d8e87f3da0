"""Facts stated in the free text (publication counts, followers, procurement sums)."""
from __future__ import annotations


def extract_facts(text: str, sections, cells) -> list:
    """The facts of a report, in text order. (Extractors: see issue 4.)"""
    return []
