"""``text_vs_table``: numbers the prose states for table cells, compared with the table.

The statements are data (``nlp/data/facts_statements.json``): a pattern around the
number and the cells whose value (or sum) it states, with alternatives where reports
word the same number two ways (受理 749 件 = 一 713 + 二 36). Whitespace is ignored in
matching, so a PDF line break inside 行\\n政规范性文件 does not hide a statement.

>>> values = {"requests.new_received.total": 1.0, "requests.carried_over.total": 0.0, "requests.total.total": 1.0}
>>> c = text_vs_table("2019", values, "2020年我局收到依申请公开信件1件,及时办结依申请公开信件1件。", ())
>>> c.status, c.fields
('pass', ('requests.new_received.total', 'requests.total.total'))
>>> text_vs_table("2021", {"requests.new_received.total": 95.0}, "区政府办代表区政府受理政府信息公开申请 17 件。", ()).status
'fail'
>>> text_vs_table("2019", values, "全年共发布信息244条。", ()).status
'not_assessable'
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from .. import regexes
from ..numbers import parse_quantity
from ..record import Check
from ..schema import registry
from ..vocabulary import format_number

RULE = "text_vs_table"
_NUMBER = r"(?P<n>\d[\d,，]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
_MONEY_UNIT = re.compile(r"(万元|亿元|元)$")
_MONEY_SCALE = {"元": 1, "万元": 10_000, "亿元": 100_000_000}
_TOLERANCE = 0.005
_TABLE_SECTIONS = frozenset({2, 3, 4})


@dataclass(frozen=True)
class Statement:
    """A number the text states for table cells."""

    name: str
    text: str
    value: float
    alternatives: tuple  # tuples of field ids; the number equals the sum of one of them


@dataclass(frozen=True)
class Comparison:
    statement: Statement
    fields: tuple
    table: Optional[float]  # None: a cell is missing or blank

    @property
    def agrees(self) -> bool:
        return self.table is not None and abs(self.table - self.statement.value) <= _TOLERANCE


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    data = json.loads(resources.files("nlp.data").joinpath("facts_statements.json").read_text(encoding="utf-8"))
    out = []
    for s in data["statements"]:
        # with a lookahead for the characters a match can start with (nlp/regexes.py): the
        # same matches, found without trying each pattern at every character of the prose
        regex = regexes.compile(re.sub(r"\\s\*|\\s", "", s["pattern"]).replace("N", _NUMBER))
        out.append((s["name"], regex, s.get("value"), s.get("money", False), s["fields"]))
    return tuple(out)


def find_statements(text: str, edition: Optional[str]) -> list:
    """The statements of ``text`` in order; overlapping matches keep the first pattern's."""
    compact = "".join(text.split())  # every white-space character out (str.isspace's)
    found, taken = [], []
    for name, regex, fixed, money, fields in _patterns():
        alternatives = fields.get(edition or "", ()) if isinstance(fields, dict) else fields
        if not alternatives:
            continue
        for m in regex.finditer(compact):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = _value(m, fixed, money)
            if value is None:
                continue
            taken.append(m.span())
            raw = m.group(0)  # as printed, less the line breaks of the page
            found.append((m.start(), Statement(name, raw, value, tuple(tuple(a) for a in alternatives))))
    return [s for _, s in sorted(found, key=lambda p: p[0])]


def _value(m: re.Match, fixed, money: bool) -> Optional[float]:
    if fixed is not None:
        return float(fixed)
    parsed = parse_quantity(m["n"])
    if parsed is None:
        return None
    if money:
        unit = _MONEY_UNIT.search(m.group(0))
        return parsed[0] * _MONEY_SCALE[unit.group(1) if unit else "元"]
    return parsed[0]


def compare(statement: Statement, values: dict) -> Comparison:
    """The statement against the first alternative the table can answer (or that agrees)."""
    answered = []
    for fields in statement.alternatives:
        cells = [values.get(f) for f in fields]
        if all(v is not None for v in cells):
            answered.append(Comparison(statement, fields, float(sum(cells))))
    for c in answered:
        if c.agrees:
            return c
    return answered[0] if answered else Comparison(statement, statement.alternatives[0], None)


def text_vs_table(edition, values: dict, text: str, sections) -> Check:
    prose = "".join(text[s.start:s.end] if s.number not in _TABLE_SECTIONS else "\n" for s in sections) \
        if sections else text
    comparisons = [compare(s, values) for s in find_statements(prose, edition)]
    assessed = [c for c in comparisons if c.table is not None]
    if not assessed:
        if not comparisons:
            return Check(RULE, "not_assessable", (), "the free text states no number that corresponds to a table cell",
                         "正文没有写出与表格单元格对应的数字")
        return Check(RULE, "not_assessable", (),
                     "the free text states " + "; ".join(_quote(c) for c in comparisons) + ", but the table lacks those cells",
                     "正文写明" + "；".join(_quote(c) for c in comparisons) + "，但表格缺少对应的单元格")
    fields = tuple(dict.fromkeys(f for c in assessed for f in c.fields))
    status = "pass" if all(c.agrees for c in assessed) else "fail"
    return Check(RULE, status, fields, "; ".join(_describe(c) for c in assessed),
                 "；".join(_describe_zh(c, edition) for c in assessed))


def _quote(c: Comparison) -> str:
    return f'"{c.statement.text}" ({format_number(c.statement.value)})'


def _describe(c: Comparison) -> str:
    cells = " + ".join(c.fields)
    verdict = "agrees" if c.agrees else f"differs by {format_number(abs(c.statement.value - c.table))}"
    return f'text "{c.statement.text}" states {format_number(c.statement.value)}; table {cells} = {format_number(c.table)}: {verdict}'


def _describe_zh(c: Comparison, edition) -> str:
    """The comparison in Chinese, cells named by their template labels.

    >>> s = Statement("received", "收到申请3件", 3.0, (("requests.new_received.total",),))
    >>> _describe_zh(Comparison(s, ("requests.new_received.total",), 4.0), "2021")
    '正文“收到申请3件”为 3；表格 一、本年新收政府信息公开申请数量 / 总计 = 4：相差 1'
    """
    cells = " + ".join(_label(edition, f) for f in c.fields)
    verdict = "一致" if c.agrees else f"相差 {format_number(abs(c.statement.value - c.table))}"
    return f"正文“{c.statement.text}”为 {format_number(c.statement.value)}；表格 {cells} = {format_number(c.table)}：{verdict}"


def _label(edition, field: str) -> str:
    try:
        return registry().field_label(edition, field)
    except KeyError:
        return field

