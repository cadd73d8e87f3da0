"""Edition, year and agency of a report: from its title, first sentence, signature and
the table headers.

>>> t = "杨陵区招商服务二局2019年政府信息公开工作年度报告\\n根据……"
>>> detect_year(t), detect_agency(t)
(2019, '杨陵区招商服务二局')
>>> detect_edition("信息内容 本年制发件数 本年废止件数", None)
'2021'
>>> detect_edition("", 2020), detect_edition("", 2023)
('2019', '2021')
"""
from __future__ import annotations

import re
from collections import Counter

from .numbers import fold_width
from .schema import registry

_HEAD = 2000  # title, page chrome and first sentence live in the first characters

#: Report titles: <agency><year>年(度)<政府信息公开/政务公开>(工作)(年度)报告
_TITLE = re.compile(
    r"(?P<agency>[^\s《》:：,，。;；]{2,40}?)\s*(?P<year>20\d\d)\s*年\s*度?\s*"
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?\s*(?:年度)?\s*(?:工作)?\s*(?:报告|年报)")
_YEAR_TITLE = re.compile(r"(?P<year>20\d\d)\s*年\s*度?\s*(?:政府信息公开|政务公开|信息公开)(?:工作)?\s*(?:年度)?\s*(?:工作)?\s*(?:报告|年报)")
_PERIOD = re.compile(r"(?:起止时间|统计期限|报告期)[^\n。]{0,8}?(20\d\d)\s*年\s*1\s*月\s*1\s*日")
_ANY_YEAR = re.compile(r"(20\d\d)\s*年")

#: Words that open a title line but are page chrome, not the agency.
_CHROME_PREFIX = re.compile(r"^(?:标题|题目|名称|索引号)[:：]\s*")
_AGENCY_NOISE = re.compile(r"^(?:关于|现将|现公布|编制完成|完成|发布|公布|印发|我[局委办厅区县市镇乡])+")


def detect_year(text: str):
    head = fold_width(text[:_HEAD])
    for pattern in (_YEAR_TITLE, _PERIOD):
        m = pattern.search(head)
        if m:
            return int(m.group(1))
    years = Counter(int(y) for y in _ANY_YEAR.findall(head) if 2008 <= int(y) <= 2100)
    return years.most_common(1)[0][0] if years else None


def detect_agency(text: str):
    for line in fold_width(text[:_HEAD]).splitlines():
        line = _CHROME_PREFIX.sub("", line.strip().lstrip("#").strip())
        m = _TITLE.search(line)
        if m:
            agency = _AGENCY_NOISE.sub("", m.group("agency")).strip("《")
            if len(agency) >= 2:
                return agency
    return None


def detect_edition(text: str, year):
    """The template edition: by the report year (the 2021 format is mandatory from the
    2021 reports on), else by the table headers printed."""
    if year is not None:
        return "2021" if year >= 2021 else "2019"
    cues = registry().edition_cues
    folded = re.sub(r"\s+", "", fold_width(text))
    hits = {ed: sum(fold_width(c) in folded for c in words) for ed, words in cues.items()}
    if hits["2021"] == hits["2019"]:
        return None
    return "2021" if hits["2021"] > hits["2019"] else "2019"
