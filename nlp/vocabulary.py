"""The template's vocabulary, spelled once: every other module takes these words from here.

Derived from the packaged template data (nlp/data/template.json, sections.json) where the
data says them, written here where it is the printed template's convention:

    applicant columns   section 3's columns (自然人 … 总计), the five kinds of organisation,
                        and the headings printed over them (申请人情况, 法人或其他组织)
    cell states         a canonical cell is a value, a blank (printed empty: a defect of
                        the report) or absent (not read at all)
    section titles      the six titles of the template (一、总体情况 … 六、其他需要报告的事项)
                        and the section each table is printed in
    outline markers     the numbering of the template's headings and items, by level:
                        一、 > （一） > 1. (> （1）)
    page numbers        a page's number on a line of its own (— 3 —, 第3页, 3/10, page 3),
                        as each reader looks for it (table tokens, paragraphs, PDF pages)
    numbers             a number as the report prints it (3, not 3.0)
    statuses            a check's status in Chinese

>>> APPLICANT_COLUMNS
('natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total')
>>> [APPLICANT_NAMES[c] for c in ORGANISATIONS]
['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']
>>> numbered_title(5), TABLE_SECTIONS
('五、存在的主要问题及改进情况', {'active': 2, 'requests': 3, 'review': 4})
>>> [outline_level(t) for t in ("三、本年度办理结果", "（一）予以公开", "1.属于国家秘密", "其他")]
[1, 2, 3, None]
>>> [bool(PAGE_NUMBER_LINE.match(line)) for line in ("- 3 -", "第 2 页 共 9 页", "12", "3件")]
[True, True, True, False]
>>> bool(PDF_PAGE_NUMBER_LINE.match("Page 4 of 9"))
True
"""
from __future__ import annotations

import json
import re
from importlib import resources
from typing import Literal, Optional

# --- applicant columns ------------------------------------------------------------------


def _load(name: str) -> dict:
    return json.loads(resources.files("nlp.data").joinpath(name).read_text(encoding="utf-8"))


_TEMPLATE = _load("template.json")
_SECTIONS = _load("sections.json")

#: section 3's columns, in template order (template.json, column set ``applicant``)
APPLICANT_COLUMNS: tuple = tuple(c["id"] for c in _TEMPLATE["column_sets"]["applicant"])
#: each column's name as the template prints it (its first alias)
APPLICANT_NAMES: dict = {c["id"]: c["aliases"][0] for c in _TEMPLATE["column_sets"]["applicant"]}
#: the headings printed over applicant columns, outermost first: (heading, the columns under it)
APPLICANT_BANDS: tuple = tuple((band["label"], tuple(band["columns"]))
                               for band in _TEMPLATE["column_bands"]["applicant"])
#: the columns the total sums: every applicant column but 总计
APPLICANT_PARTS: tuple = APPLICANT_COLUMNS[:-1]
#: the five kinds of organisation (法人或其他组织)
ORGANISATIONS: tuple = APPLICANT_BANDS[-1][1]

# --- cell states ------------------------------------------------------------------------

CellState = Literal["value", "blank", "absent"]
CELL_STATES: tuple = ("value", "blank", "absent")
#: how a cell without a number is called in Chinese (exports, the audit page, messages)
CELL_STATE_ZH = {"value": "有值", "blank": "空白", "absent": "缺失"}


def cell_state(tables: dict, field: str) -> CellState:
    """Whether ``field`` has a number in a record's ``tables``, is blank (None) or absent.

    >>> [cell_state({"a": 0, "b": None}, f) for f in ("a", "b", "c")]
    ['value', 'blank', 'absent']
    """
    if field not in tables:
        return "absent"
    return "blank" if tables[field] is None else "value"


# --- section titles ---------------------------------------------------------------------

#: the Chinese numerals of the template's top-level numbering, 一 to 十
CN_NUMERALS = "一二三四五六七八九十"
#: section number → the template's title (the first of sections.json's words for it)
SECTION_TITLES: dict = {int(n): words[0] for n, words in _SECTIONS["sections"].items()}


def numbered_title(section: int) -> str:
    """The section's title as the template prints it, with its number (``二、主动公开政府信息情况``)."""
    return f"{CN_NUMERALS[section - 1]}、{SECTION_TITLES[section]}"


#: words that name section 5 (问题及改进) or section 6 (其他需要报告的事项) where its heading
#: was not found, as regular expressions: a problems part standing anywhere (an old report's
#: one-line section 5; traditional script too), the remedies half of section 5's title, and
#: section 6's title without its last word (其他需要报告的事项 / 的情况; 其它 too)
SECTION5_PROBLEMS = r"存在的?(?:主要)?(?:问题|不足)"
SECTION5_LEAD = rf"{SECTION5_PROBLEMS}|主要问题|問題及改進|问题及改进"
SECTION5_REMEDIES = r"改进措施|整改措施"
SECTION6_TITLE = r"其他需要报告|其它需要报告"

#: table id → the section it is printed in (its section title among the table's section aliases)
TABLE_SECTIONS: dict = {table: next(n for n, title in SECTION_TITLES.items() if title in spec["section_aliases"])
                        for table, spec in _TEMPLATE["tables"].items()}

# --- outline markers --------------------------------------------------------------------

#: one Chinese numeral of the outline (一 … 十), and one after the first (二 … 十: a later item)
CN_NUMERAL = f"[{CN_NUMERALS}]"
LATER_CN_NUMERAL = f"[{CN_NUMERALS[1:]}]"
#: the markers of the template's outline, by level, as regular expressions (white space
#: inside a marker, full- or half-width brackets and full stops allowed)
TOP_MARKER = rf"{CN_NUMERAL}{{1,3}}\s*、"                     # 一、
TOP_MARKER_ANY_STOP = rf"{CN_NUMERAL}{{1,3}}\s*[、.．]"          # 一、 一. 一． (as some reports print it)
PAREN_MARKER = rf"[（(]\s*{CN_NUMERAL}{{1,3}}\s*[）)]"         # （一）
ITEM_MARKER = r"\d{1,2}\s*[.．、](?!\d)"                       # 1.
PAREN_ITEM_MARKER = r"[（(]\s*\d{1,2}\s*[）)]"                 # （1）
#: the levels of the outline, outermost first
OUTLINE_MARKERS: tuple = (TOP_MARKER, PAREN_MARKER, ITEM_MARKER, PAREN_ITEM_MARKER)
#: a marker of any level
ANY_MARKER = "(?:" + "|".join(OUTLINE_MARKERS) + ")"
#: a marker of any level, the top level's stop 一. and 一． allowed (headings where a
#: paragraph, a prose range or a layout zone ends)
ANY_MARKER_ANY_STOP = "(?:" + "|".join((TOP_MARKER_ANY_STOP,) + OUTLINE_MARKERS[1:]) + ")"
#: an item of a run-in list: 一是, 二是 …; an item after the first: 二是 … 十是
ITEM_WORD = rf"{CN_NUMERAL}{{1,3}}是"
LATER_ITEM_WORD = rf"{LATER_CN_NUMERAL}{{1,2}}是"
#: where a row's own label starts inside text that runs several row labels together, as
#: the table reader sees labels (normalised: half-width, no spaces): a sub-row number
#: 2. (one digit: the template's items go to 8.), a group (三) or 三、 (one numeral: (七))
ROW_LABEL_MARKER = rf"(?:(?<!\d)[1-9]\.(?=[^\d])|\({CN_NUMERAL}\)|{CN_NUMERAL}、)"
#: a section numbered in words (第一部分)
PART_MARKER = rf"第{CN_NUMERAL}{{1,2}}部分"
#: one of the template's six sections numbered in words (第一部分 … 第六部分)
SECTION_PART_MARKER = rf"第[{CN_NUMERALS[:6]}]部分"

_LEVELS = tuple(re.compile(marker) for marker in OUTLINE_MARKERS[:3])


def outline_level(label: str) -> Optional[int]:
    """The outline level (1: 一、, 2: （一）, 3: 1.) of the marker ``label`` opens with, or None."""
    return next((level for level, marker in enumerate(_LEVELS, 1) if marker.match(label)), None)


# --- page numbers -----------------------------------------------------------------------

# Three readers look for page numbers, each with its own pattern; they differ on purpose
# (what each was tuned on) and are kept as they were, spelled here side by side:
#: a page number as a table's tokens skip it, decorated only (a bare number is a cell):
#: — 3 —, 第3页(共9页), 3/10
TABLE_PAGE_NUMBER = r"(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})"
#: a line of extracted text that is only a page number, decorated or bare (the paragraph
#: splitter drops it): — 3 —, _ 3 _, 第3页，共9页, 3/10, 3
PAGE_NUMBER_LINE = re.compile(r"^\s*(?:[-—–－_]+\s*\d{1,3}\s*[-—–－_]+|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?"
                              r"|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})\s*$")
#: the first or last line of a PDF page that is only its number: - 3 -, 第3页/共9页, 3/10,
#: 1234, page 3 of 9
PDF_PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$", re.I)

# --- numbers ----------------------------------------------------------------------------


def plain_number(value):
    """A whole number as an int (``3`` not ``3.0`` in JSON and in messages); anything else as it is.

    >>> plain_number(3.0), plain_number(2.5), plain_number(None), plain_number(7)
    (3, 2.5, None, 7)
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def format_number(value, grouped: bool = False) -> str:
    """A number as the report prints it; ``grouped``: thousands separated (1,200,000). A
    fraction keeps ten significant digits, so a sum of decimals shows no binary residue.

    >>> [format_number(v) for v in (3.0, 2.5, None, 0.1 + 0.2, 1234567.89)]
    ['3', '2.5', '', '0.3', '1234567.89']
    >>> format_number(1200000.0, grouped=True)
    '1,200,000'
    """
    if value is None:
        return ""
    value = plain_number(value)
    if isinstance(value, float):
        return f"{value:.10g}"
    return f"{value:,}" if grouped else str(value)


def whole_number(value) -> Optional[int]:
    """``value`` as an int when it is a whole number (not a bool), else None.

    >>> whole_number(3.0), whole_number(2.5), whole_number(True), whole_number("3")
    (3, None, None, None)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not float(value).is_integer():
        return None
    return int(value)


# --- statuses ---------------------------------------------------------------------------

#: a check's status in Chinese
STATUS_ZH = {"pass": "通过", "fail": "不通过", "not_assessable": "无法校验"}



#: A CJK ideograph (the unified block every report's Chinese is written in).
CJK = re.compile(r"[\u4e00-\u9fff]")


def cjk_count(text: str) -> int:
    """How many CJK ideographs ``text`` holds.

    >>> cjk_count("2021年度报告 v2")
    4
    """
    return len(CJK.findall(text))


def cjk_at_least(text: str, n: int) -> bool:
    """Does ``text`` hold at least ``n`` CJK ideographs? (Stops at the n-th: no list of
    every character of a long text.)

    >>> cjk_at_least("主动公开", 4), cjk_at_least("主动公开", 5), cjk_at_least("", 0)
    (True, False, True)
    """
    if n <= 0:
        return True
    for k, _ in enumerate(CJK.finditer(text), 1):
        if k >= n:
            return True
    return False
