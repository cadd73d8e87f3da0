"""Checks of the template's arithmetic (勾稽关系) and of text against table."""
from __future__ import annotations


def run_checks(edition, table, facts, text) -> list:
    return []
