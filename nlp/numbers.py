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
"""
from __future__ import annotations

import re
import unicodedata

#: A cell that is printed but holds no number (left blank, or a placeholder): value null.
BLANK = object()

#: What real reports print in a cell that has no number. The template asks for a number;
#: these are read as blank (null), never as zero, and the raw text is kept as evidence.
PLACEHOLDERS = frozenset({"", "/", "-", "--", "—", "——", "－", "／", "無", "无", "空", "\\"})

#: Unit words that may follow a number in a cell, with their factor to the field's unit.
CELL_UNITS = {
    "amount_yuan": {"": 1, "元": 1, "万元": 10_000, "万": 10_000, "亿元": 100_000_000, "亿": 100_000_000},
    "amount_wan_yuan": {"": 1, "万元": 1, "万": 1, "元": 0.0001},
    "count": {"": 1, "件": 1, "个": 1, "项": 1, "条": 1},
}

_CELL = re.compile(r"^(?P<sign>[+\-－]?)(?P<num>\d[\d,，]*(?:\.\d+)?)(?P<unit>[^\d]*)$")

SCALE = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百": 100}

QUALIFIERS = (
    # (regex on the words around the number, qualifier)
    (re.compile(r"(超过|突破|以上|逾|超|多于|不少于|至少)"), "at_least"),
    (re.compile(r"(余|多|约|左右|近|大约|上下)"), "approx"),
)


def fold_width(text: str) -> str:
    """Full-width digits and punctuation to ASCII (NFKC), nothing else changed.

    >>> fold_width("１２３，４５６．７")
    '123,456.7'
    """
    return unicodedata.normalize("NFKC", text)


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
    value = float(m["num"].replace(",", "").replace("，", "")) * factor
    return -value if m["sign"] in ("-", "－") else value


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
        value = float(m.group(1).replace(",", "").replace("，", ""))
        return value * SCALE.get(m.group(2), 1), qualifier
    m = re.search(r"[零〇一二两三四五六七八九十百千万亿]+", core)
    if m:
        value = _chinese_numeral(m.group(0))
        return (value, qualifier) if value is not None else None
    return None


def _chinese_numeral(text: str):
    import cn2an  # imported here: it is slow to import and only facts need it

    try:
        return float(cn2an.cn2an(text.replace("两", "二"), "smart"))
    except (ValueError, KeyError):
        return None
