"""Checks: the template's arithmetic (勾稽关系) and the text against the tables.

Each rule is one small function ``rule(values, ...) -> Check``; the record carries one
Check per rule, its status ``fail`` if any instance fails, else ``not_assessable`` if any
instance lacks a cell, else ``pass``.
"""
from __future__ import annotations

from .arithmetic import arithmetic_checks
from .text_vs_table import text_vs_table


def run_checks(edition, table, facts, text, sections=()) -> list:
    values = {c.field: c.value for c in table.cells}
    missing = {f for a in table.ambiguous for f in a.fields}
    return arithmetic_checks(edition, values, missing) + [text_vs_table(edition, values, text, sections)]
