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

#: Report titles: <agency><year>年(度)<政府信息公开/政务公开>(工作)(年度)报告, or the year first.
#: what an agency's name is made of in a title or sentence
_NAME_CHARS = r"[^\s《》<>:：,，。;；、]"
_REPORT = r"(?:政府信息公开|政务公开|信息公开)(?:工作)?\s*的?\s*(?:年度)?\s*(?:工作)?\s*(?:情况)?\s*(?:报告|年报)"
#: 年(度) after a title's year, which a title may leave out right before the report's name
#: (浙江省经济和信息化厅2022政府信息公开工作年度报告, round-16 h1515; 定州市东留春乡 2020政府信息公开工作年度报告, round-14 h1305)
_NIAN = r"\s*(?:年\s*度?\s*|(?=政府信息公开|政务公开))"
_AGENCY_FIRST = re.compile(rf"(?P<agency>{_NAME_CHARS}{{2,40}}?)\s*(?<!\d)(?P<year>20\d\d){_NIAN}{_REPORT}")
_YEAR_FIRST = re.compile(rf"(?P<year>20\d\d)\s*年\s*度?\s*(?P<agency>[^\s《》<>:：,，。;；、\d]{{2,40}}?){_REPORT}")
#: …公布<agency>政府信息公开工作2022年度报告 (the year after the topic); 结合<agency>2019年政府信息公开工作情况
_TOPIC_FIRST = re.compile(rf"(?P<agency>{_NAME_CHARS}{{2,40}}?)\s*(?:政府信息公开|政务公开)(?:工作)?\s*(?P<year>20\d\d)\s*年\s*度?\s*(?:报告|年报)")
_WORK_OF_YEAR = re.compile(rf"结合\s*(?P<agency>{_NAME_CHARS}{{2,40}}?)\s*(?P<year>20\d\d)\s*年\s*度?\s*(?:政府信息公开|政务公开)工作")
#: the overview's first sentence names the body as its subject: 2020年,抚远市生态环境局认真贯彻…
_OVERVIEW_SUBJECT = re.compile(rf"(?:^|\n)\s*20\d\d\s*年(?:度|以来)?\s*[,，]\s*(?P<agency>{_NAME_CHARS}{{4,30}}?)"
                               r"(?=认真|深入|坚持|严格|始终|全面|高度|紧紧|积极|按照|围绕|紧扣|持续|不断|聚焦|进一步|切实|依法)")
#: a partial name (市公共资源交易中心, 我局): the level alone is no place
_NO_PLACE = re.compile(r"^(?:市|区|县|省|镇|乡|州|盟|旗|我|本|全|各)")
#: (a title may leave out 年 before the report's name, as in _NIAN)
_YEAR_TITLE = re.compile(rf"(?<!\d)(?P<year>20\d\d)\s*(?:年\s*度?\s*(?:[^\s《》<>:：,，。;；、\d]{{2,40}}?)?|(?=政府信息公开|政务公开))"
                         rf"{_REPORT}")
_PERIOD = re.compile(r"(?:起止时间|统计期限|报告期|统计期)[^\n。]{0,8}?(20\d\d)\s*年\s*1\s*月\s*1\s*日")
_ANY_YEAR = re.compile(r"(20\d\d)\s*年")

#: Words that open a title line but are page chrome, not the agency.
_CHROME_PREFIX = re.compile(r"^(?:标题|题目|名称|索引号|发布机构|来源)[:：]\s*")
#: Words before the agency in a sentence (现向社会公布…), or after it (…关于报送…的函).
_AGENCY_NOISE = re.compile(r"^(?:.*?(?:现向社会公布|现予公布|现将|现公布|公布|编制完成|编制了?|发布|制作|做好))?|(?:关于报送|关于印发|关于公布|关于)$")
#: An agency's name ends in the kind of body it is (a bracketed second name may follow).
_AGENCY_NAME = re.compile(r"(?:局|委员会|委|办公室|办|厅|政府|中心|院|所|站|处|街道办事处|街道|镇|乡|区|县|市|管委会|管理委员会|集团|公司|部|署|馆|队)(?:[(（][^()（）]{2,20}[)）])?$")
#: A signature line: the agency alone on a line, near the end, above or beside a date.
_DATE_LINE = re.compile(r"^\s*20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_HEAD_LINES = 8


def detect_year(text: str):
    head = fold_width(text[:_HEAD])
    for pattern in (_YEAR_TITLE, _PERIOD):
        m = pattern.search(head)
        if m:
            return int(m.group(1))
    years = Counter(int(y) for y in _ANY_YEAR.findall(head) if 2008 <= int(y) <= 2100)
    return years.most_common(1)[0][0] if years else None


def detect_agency(text: str):
    """The reporting body: from the title (one line or split over two, agency or year
    first), the preamble's 公布…年度报告 or 结合…年政府信息公开工作, the signature above the
    date, else the subject of the overview's first sentence (2020年,抚远市生态环境局认真…)."""
    head = fold_width(text[:_HEAD])
    lines = [_CHROME_PREFIX.sub("", l.strip().lstrip("#").strip()) for l in head.splitlines() if l.strip()]
    titles = lines[:_HEAD_LINES] + ["".join(pair) for pair in zip(lines[:_HEAD_LINES], lines[1:_HEAD_LINES + 1])]
    for candidate in (_from_titles(titles), _from_titles(lines), _from_signature(text), _from_overview(head)):
        if candidate:
            return candidate
    return None


#: What every title pattern needs (a year and 公开): a line without both is skipped before
#: the patterns, whose lazy agency names would each be tried at every character of it.
_TITLE_YEAR = re.compile(r"20\d\d")
#: What follows the agency in the patterns that open with it: where it is nowhere in a line,
#: neither pattern can match there (the others open with a literal, which re scans for).
_AFTER_AGENCY = {
    _AGENCY_FIRST: re.compile(rf"(?<!\d)20\d\d{_NIAN}{_REPORT}"),
    _TOPIC_FIRST: re.compile(r"(?:政府信息公开|政务公开)(?:工作)?\s*20\d\d\s*年\s*度?\s*(?:报告|年报)"),
}


def _from_titles(lines):
    for line in lines:
        if "公开" not in line or not _TITLE_YEAR.search(line):
            continue
        for pattern in (_AGENCY_FIRST, _YEAR_FIRST, _TOPIC_FIRST, _WORK_OF_YEAR):
            after = _AFTER_AGENCY.get(pattern)
            if after is not None and not after.search(line):
                continue
            for m in pattern.finditer(line):
                agency = _clean_agency(m.group("agency"))
                if agency:
                    return agency
    return None


#: Words that end like an agency but name none (…年政府信息公开… reads 政府 as one).
_GENERIC = frozenset({"政府", "人民政府", "本机关", "本单位", "我局", "我委", "我办", "本局", "全市", "全区", "全县"})


def _clean_agency(raw: str):
    agency = _AGENCY_NOISE.sub("", raw.strip("《》<> ")).strip("《》<> ")
    if agency in _GENERIC or not 2 <= len(agency) <= 40:
        return None
    return agency if _AGENCY_NAME.search(agency) else None


def _from_overview(head: str):
    for m in _OVERVIEW_SUBJECT.finditer(head):
        agency = _clean_agency(m.group("agency"))
        if agency and not _NO_PLACE.match(agency):
            return agency
    return None


def _from_signature(text: str):
    tail = [l.strip() for l in fold_width(text[-600:]).splitlines() if l.strip()]
    for i, line in enumerate(tail):
        if _DATE_LINE.match(line) and i:
            agency = _clean_agency(tail[i - 1])
            if agency:
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
