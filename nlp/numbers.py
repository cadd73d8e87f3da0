"""Normalisation of the numbers reports print: one pure module, no I/O.

Table cells:

>>> parse_cell("１２０万元", "amount_yuan")
1200000.0
>>> parse_cell("251,000元", "amount_yuan")
251000.0
>>> parse_cell("4068.208", "amount_wan_yuan")
4068.208
>>> parse_cell("-3", "count")
-3.0
>>> parse_cell("", "count") is BLANK, parse_cell("/", "count") is BLANK
(True, True)
>>> parse_cell("规章", "count") is None
True
>>> parse_cell("2笔", "count"), parse_cell("2万", "count"), parse_cell("984361元", "count")
(2.0, None, None)

Free-text quantities (facts) use :func:`parse_quantity`:

>>> parse_quantity("550万")
(5500000.0, 'exact')
>>> parse_quantity("1.2亿")
(120000000.0, 'exact')
>>> parse_quantity("554余")
(554.0, 'approx')
>>> parse_quantity("三百二十")
(320.0, 'exact')
>>> parse_quantity("两千余")
(2000.0, 'approx')
>>> parse_quantity("百余")
(100.0, 'approx')
>>> parse_quantity("突破770万")
(7700000.0, 'at_least')
>>> parse_quantity("1,234")
(1234.0, 'exact')
>>> parse_quantity("达2900") , parse_quantity("近45.9万")
((2900.0, 'exact'), (459000.0, 'approx'))
>>> parse_quantity("内容") is None
True

Quantities in running text, with their unit and offsets (:func:`find_quantities`):

>>> [(q.value, q.unit, q.qualifier) for q in find_quantities("发布信息554余条，粉丝突破 770 万，采购1.2亿元")]
[(554.0, '条', 'approx'), (7700000.0, '', 'at_least'), (120000000.0, '元', 'exact')]
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from dataclasses import dataclass
from functools import lru_cache

from . import regexes

#: A cell that is printed but holds no number (left blank, or a placeholder): value null.
BLANK = object()

#: What real reports print in a cell that has no number. The template asks for a number;
#: these are read as blank (null), never as zero, and the raw text is kept as evidence.
PLACEHOLDERS = frozenset({"", "/", "-", "--", "—", "——", "－", "／", "無", "无", "空", "\\"})

#: Measure words (量词) a table cell may print after a count: a count cell says what it
#: counts (2笔 procurement projects, 3件, 5个); the number is the count. Not the scales
#: 万/亿/千/百 nor 元, which change the value or say it is money.
MEASURE_WORDS = "个件项条笔次宗批家人份部本期篇例起"

#: Unit words that may follow a number in a cell, with their factor to the field's unit.
CELL_UNITS = {
    "amount_yuan": {"": 1, "元": 1, "万元": 10_000, "万": 10_000, "亿元": 100_000_000, "亿": 100_000_000},
    "amount_wan_yuan": {"": 1, "万元": 1, "万": 1, "元": 0.0001},
    "count": {"": 1, **{word: 1 for word in MEASURE_WORDS}},
}

_CELL = re.compile(r"^(?P<sign>[+\-－−]?)(?P<num>\d[\d,，]*(?:\.\d+)?)(?P<unit>[^\d]*)$")

#: A table cell's number as printed: sign, digits with separators, decimals, a unit or a
#: measure word (2笔, 120万元). Used by every table reader to tell a value from a label.
CELL_NUMBER = rf"[+\-－−]?\d[\d,，]*(?:\.\d+)?\s*(?:万元|亿元|元|万|[{MEASURE_WORDS}])?"

SCALE = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百": 100}

QUALIFIERS = (
    # (regex on the words around the number, qualifier)
    (re.compile(r"(超过|突破|以上|逾|超|多于|不少于|至少)"), "at_least"),
    (re.compile(r"(余|多|约|左右|近|大约|上下)"), "approx"),
)


def fold_width(text: str) -> str:
    """Full-width digits and punctuation to ASCII (NFKC), character for character, so
    offsets into the folded text are offsets into the original.

    >>> fold_width("１２３，４５６．７（一）")
    '123,456.7(一)'
    >>> len(fold_width("㈠㎡")) == 2
    True
    """
    return text if text.isascii() else text.translate(_FOLD)


class _FoldTable(dict):
    """str.translate table filled on demand: a character's NFKC form when that is one
    character, else the character itself."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch)
        self[code] = value = folded if len(folded) == 1 else ch
        return value


_FOLD = _FoldTable()


def parse_cell(raw: str, kind: str = "count"):
    """The value of one table cell: a float, :data:`BLANK`, or None when it is no number."""
    text = re.sub(r"\s+", "", fold_width(raw or ""))
    if text in PLACEHOLDERS:
        return BLANK
    m = _CELL.match(text)
    if not m:
        return None
    factor = CELL_UNITS.get(kind, CELL_UNITS["count"]).get(m["unit"])
    if factor is None:
        return None
    value = _scaled(m["num"].replace(",", "").replace("，", ""), factor)
    return -value if m["sign"] in ("-", "－", "−") else value


def _scaled(digits: str, factor) -> float:
    """``digits`` times ``factor`` in decimal, so that 813.93万 is 8139300, not
    8139299.999999999 (float multiplication), and 0.1万元 stays 1000.

    >>> _scaled("813.93", 10_000), _scaled("2.22", 10_000), _scaled("15", 0.0001)
    (8139300.0, 22200.0, 0.0015)
    """
    if factor == 1:
        return float(digits)
    return float(Decimal(digits) * Decimal(str(factor)))


def parse_quantity(text: str):
    """A quantity in running text -> (value, qualifier), or None.

    Arabic or Chinese numerals, optional 万/亿 scale, qualifiers from the words in
    ``text`` (余、约、超过 …). The caller passes the number with its nearby words.
    """
    folded = fold_width(text)
    qualifier = "exact"
    for pattern, name in QUALIFIERS:
        if pattern.search(folded):
            qualifier = name
            break
    core = re.sub(r"(超过|突破|以上|逾|超|多于|不少于|至少|余|多|约|左右|近|大约|上下)", "", folded)
    m = re.search(r"(\d[\d,，]*(?:\.\d+)?)\s*([万亿]?)", core)
    if m:
        return _scaled(m.group(1).replace(",", "").replace("，", ""), SCALE.get(m.group(2), 1)), qualifier
    m = re.search(r"[零〇一二两三四五六七八九十百千万亿]+", core)
    if m:
        value = _chinese_numeral(m.group(0))
        return (value, qualifier) if value is not None else None
    return None


def _chinese_numeral(text: str):
    """A Chinese numeral's value; 百/千 without a digit is one hundred/thousand (百余条).

    >>> _chinese_numeral("百"), _chinese_numeral("千"), _chinese_numeral("两百")
    (100.0, 1000.0, 200.0)
    """
    if text[:1] in ("百", "千"):
        text = "一" + text
    text = text.replace("两", "二")
    value = _simple_numeral(text)
    if value is not None:
        return value
    import cn2an  # imported here: it is slow to import (0.1 s) and only numerals past _simple_numeral() need it

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


#: the value of each digit of a Chinese numeral (an outline marker's numerals are the vocabulary's)
_DIGIT = {ch: d for d, chars in enumerate(("零〇", "一", "二", "三", "四", "五", "六", "七", "八", "九")) for ch in chars}
_ONE_TO_NINE = "".join(ch for ch, d in _DIGIT.items() if d)
#: the simple numerals _simple_numeral() reads: up to four digits read one by one (二〇三五,
#: 一七), X十Y (十, 十一, 二十, 二十一) and X百, X千
_SIMPLE_NUMERAL = re.compile(rf"[零〇{_ONE_TO_NINE}]{{1,4}}|([{_ONE_TO_NINE}]?)十([{_ONE_TO_NINE}]?)"
                             rf"|([{_ONE_TO_NINE}])([百千])")


def _simple_numeral(text: str):
    """The value cn2an's "smart" reading gives a simple numeral (_SIMPLE_NUMERAL), as a float;
    None for any other text. Most counts a report writes in Chinese numerals are simple (all
    19 of the bench archive's), and cn2an takes 0.1 s of a process's start to import; every
    string of the pattern is checked against cn2an (tests/test_numbers.py)."""
    m = _SIMPLE_NUMERAL.fullmatch(text)
    if m is None:
        return None
    if m.group(3):
        return float(_DIGIT[m.group(3)] * (100 if m.group(4) == "百" else 1000))
    if "十" in text:
        return float(10 * (_DIGIT[m.group(1)] if m.group(1) else 1) + (_DIGIT[m.group(2)] if m.group(2) else 0))
    value = 0
    for ch in text:
        value = 10 * value + _DIGIT[ch]
    return float(value)


# ---------------------------------------------------------------- quantities in text

#: Units a quantity may carry in the narrative, longest first so that 人次 is not 人.
#: Counts (条 篇 件 …), people (人), money (元). Units that only ever count events or
#: things that are no facts (人次, 场次, 年 …) are kept so that the number is consumed
#: with them and can be rejected by its unit.
TEXT_UNITS = ("条次", "篇次", "人次", "场次", "批次", "余条", "条", "篇", "件", "则", "份", "期", "个",
              "次", "项", "人", "元", "户", "位", "场", "家", "名", "年", "月", "日", "号", "部", "批",
              "天", "小时", "分钟", "%", "％")

_PREFIX_QUALIFIERS = ("不少于", "超过", "突破", "多于", "至少", "大约", "将近", "逾", "超", "近", "约", "达到", "达")

_QUANTITY = regexes.compile(  # a lookahead for its first characters: re finds none itself
    r"(?P<pre>(?:" + "|".join(_PREFIX_QUALIFIERS) + r")\s*)?"
    r"(?P<num>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]*[一二两三四五六七八九十百千]+)"
    r"(?:\s*(?P<scale>[万亿](?!元)))?"
    r"(?P<approx>[余多])?"
    r"(?:\s*(?P<paren>[（(][^（()）\n]{1,30}[)）]))?"
    r"(?:\s*(?P<unit>" + "|".join(re.escape(u) for u in TEXT_UNITS) + r"|万元|亿元))?"
    r"(?P<post>左右|以上|余)?")

#: A number glued to what precedes it is part of a code, a date or a name, not a count.
_GLUED_BEFORE = re.compile(r"[0-9A-Za-z.\-/第〔\[]$")

#: 一 that ends a word is no numeral: 统一部署 (rounds 1–4, 7: h046, h127, h204, h212, h311, h319,
#: h614, h617 and 24 rows of collected.jsonl) is "unified arrangements", not one 部; 唯一, 逐一,
#: 同一, 单一, 之一 the same. 策划一批 stays a count (a batch).
_WORD_ENDING_IN_ONE = re.compile(r"[统唯逐同单之均]$")


@dataclass(frozen=True)
class Quantity:
    """A number stated in the text: ``value`` in the unit's base (万/亿 applied)."""

    value: float
    qualifier: str
    unit: str
    raw: str
    start: int
    end: int


def fold_digits(text: str) -> str:
    """Full-width ASCII to half-width, one character for one (offsets are kept).

    >>> fold_digits("发布１２３条，共１，２００人")
    '发布123条,共1,200人'
    """
    return text.translate(_HALF_WIDTH)


_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def find_quantities(text: str) -> list:
    """Every number of ``text`` with its qualifier and unit, in text order.

    Chinese numerals count only with a unit (一是 is no number); a number glued to a
    letter, a digit or 第 is part of something else.

    >>> [(q.raw, q.value, q.unit) for q in find_quantities("第二十条规定，公开信息三百二十条，〔2020〕87号")]
    [('三百二十条', 320.0, '条'), ('87号', 87.0, '号')]
    >>> [(q.value, q.unit) for q in find_quantities("部门预决算3(45个单位在3个总表中公示)条")]
    [(3.0, '条')]
    >>> find_quantities("一是加强领导")
    []
    """
    return quantities_in(text, 0, len(text))


def quantities_in(text: str, start: int, end: int, folded: str | None = None) -> list:
    """find_quantities() of ``text[start:end]`` with offsets into ``text``, the slice
    never cut: what a caller reading many stretches of one text asks for. ``folded``:
    ``fold_digits(text)`` (or text_folded(text)) when the caller folded it once.

    >>> text = "第二十条规定，公开信息三百二十条，〔2020〕87号"
    >>> [(q.raw, q.start, text[q.start:q.end]) for q in quantities_in(text, 7, len(text))]
    [('三百二十条', 11, '三百二十条'), ('87号', 23, '87号')]
    """
    if folded is None:
        folded, base = fold_digits(text[start:end]), start
        start, end = 0, len(folded)
    else:
        base = 0
    out = []
    for m in _QUANTITY.finditer(folded, start, end):
        at = m.start()
        if at > start and _GLUED_BEFORE.match(folded, at - 1, at) and not m["pre"]:
            continue
        unit = m["unit"] or ""
        num = m["num"]
        if not num[0].isdigit() and not unit:
            continue
        if num[0] == "一" and not m["pre"] and at > start and _WORD_ENDING_IN_ONE.match(folded, at - 1, at):
            continue
        scale = m["scale"] or ""
        if unit in ("万元", "亿元"):
            scale, unit = unit[0], "元"
        if unit == "余条":
            unit, approx = "条", "余"
        else:
            approx = m["approx"] or ""
        parsed = _parsed((m["pre"] or "") + num + scale + approx + (m["post"] or ""))
        if parsed is None:
            continue
        out.append(Quantity(parsed[0], parsed[1], unit, text[base + at:base + m.end()], base + at, base + m.end()))
    return out


#: parse_quantity() kept per words: the same few (120, 余, 约3) recur in every report.
_parsed = lru_cache(maxsize=4096)(parse_quantity)

#: A character fold_digits() changes.
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")


def text_folded(text: str) -> str:
    """fold_digits(``text``), ``text`` itself when no character of it is full-width (most
    reports): a caller reading many stretches of one text folds it once."""
    return fold_digits(text) if _FULL_WIDTH.search(text) else text
