"""Year over year: what one agency's report says about the year before must agree with
last year's report.

    yoy.carry_over   this year's 二、上年结转 = last year's 四、结转下年度继续办理, in every column
    yoy.in_force     (2021 edition, both years) last year's 现行有效件数 + this year's 制发 − 废止
                     = this year's 现行有效件数, for 规章 and 行政规范性文件

Records are paired by agency name, matched fuzzily (rapidfuzz) after the place names that
only say where the agency sits (``淮安市`` in ``淮安市洪泽区人民政府``) are dropped; every pair
keeps the two names and their score. Each comparison is a :class:`Finding` with the status
of the record's checks: ``pass``, ``fail``, ``not_assessable`` (a cell blank or absent).

>>> agency_key("淮安市洪泽区人民政府")
'洪泽区人民政府'
>>> agency_key("嘉峪关市人民政府郊区工作办公室")
'嘉峪关市人民政府郊区工作办公室'
>>> agency_key("上海市人民政府办公厅")
'上海市人民政府办公厅'
>>> round(agency_score("洪泽区人民政府", "淮安市洪泽区人民政府"))
100
>>> agency_score("上海市人民政府办公厅", "上海市科委") < AGENCY_CUTOFF
True
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Optional

from rapidfuzz import fuzz

from .record import Record, Status
from .schema import registry
from .vocabulary import APPLICANT_COLUMNS, APPLICANT_NAMES, cell_state, format_number

#: Two agency names below this score (0-100, rapidfuzz ratio of their keys) are different agencies.
AGENCY_CUTOFF = 90.0
DOCUMENT_ROWS = {"rules": "规章", "normative": "行政规范性文件"}
_UNIT = "省|自治区|特别行政区|市|自治州|州|盟|地区"
_PLACE_PREFIX = re.compile(rf"^(?:[\u4e00-\u9fff]{{2,8}}?(?:{_UNIT}))+(?=(?:(?!人民|政府)[\u4e00-\u9fff]){{2,8}}?(?:市|区|县|旗|镇|乡|街道))")
_SPACE = re.compile(r"[\s()（）]")


@dataclass(frozen=True)
class Finding:
    rule: str
    status: Status
    item: str  # the column (carry-over) or the document row (in force)
    agency: Optional[str]
    year: Optional[int]
    source: str
    last_agency: Optional[str]
    last_year: Optional[int]
    last_source: str
    agency_score: float
    expected: Optional[float]
    found: Optional[float]
    fields: str
    message: str

    def to_dict(self) -> dict:
        return asdict(self)


FINDING_COLUMNS = tuple(Finding.__dataclass_fields__)


def agency_key(name) -> str:
    """The name without white space, brackets and the leading places that only locate it."""
    name = _SPACE.sub("", name or "")
    return _PLACE_PREFIX.sub("", name) or name


def agency_score(a, b) -> float:
    """How alike two agency names are (0-100): the better of the names' and their keys' ratio."""
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(_SPACE.sub("", a), _SPACE.sub("", b)), fuzz.ratio(agency_key(a), agency_key(b)))


def consecutive_pairs(records, cutoff: float = AGENCY_CUTOFF) -> list:
    """(last year's record, this year's record, score): each record paired with the best-matching
    agency of the year before, when that reaches ``cutoff``. Error records take no part."""
    usable = [r for r in records if isinstance(r, Record) and r.year and r.agency]
    by_year = {}
    for r in usable:
        by_year.setdefault(r.year, []).append(r)
    pairs = []
    for record in sorted(usable, key=lambda r: (r.year, r.source)):
        scored = [(agency_score(record.agency, last.agency), last) for last in by_year.get(record.year - 1, ())]
        scored = [(s, last) for s, last in scored if s >= cutoff]
        if scored:
            score, last = max(scored, key=lambda pair: pair[0])
            pairs.append((last, record, score))
    return pairs


def compare_pair(last: Record, this: Record, score: float) -> list:
    """The findings of one pair of consecutive reports."""
    findings = [_carry_over(last, this, score, col) for col in APPLICANT_COLUMNS]
    if this.edition == "2021":
        findings += [_in_force(last, this, score, row) for row in DOCUMENT_ROWS]
    return findings


def compare_records(records, cutoff: float = AGENCY_CUTOFF) -> list:
    """Every finding of every consecutive pair among ``records``."""
    return [f for last, this, score in consecutive_pairs(records, cutoff) for f in compare_pair(last, this, score)]


def _value(record: Record, field: str):
    """(value, why not) of a cell: why not is 'blank' or 'absent' when there is no number."""
    state = cell_state(record.tables, field)
    return (record.tables[field], None) if state == "value" else (None, state)


def _finding(rule, item, last, this, score, expected, found, fields, message, status) -> Finding:
    return Finding(rule=rule, status=status, item=item, agency=this.agency, year=this.year,
                   source=this.source, last_agency=last.agency, last_year=last.year,
                   last_source=last.source, agency_score=round(score, 1), expected=expected, found=found,
                   fields="; ".join(fields), message=message)


def _row_label(record: Record, field: str) -> str:
    """The row of a field as the template prints it (``二、上年结转政府信息公开申请数量``)."""
    return registry().field_label(record.edition or "2021", field).rpartition(" / ")[0]


def _carry_over(last: Record, this: Record, score: float, column: str) -> Finding:
    before, after = f"requests.carried_forward.{column}", f"requests.carried_over.{column}"
    expected, why_before = _value(last, before)
    found, why_after = _value(this, after)
    fields = (f"{last.year}:{before}", f"{this.year}:{after}")
    label = f"{APPLICANT_NAMES[column]}: {this.year}年 {_row_label(this, after)} = {last.year}年 {_row_label(last, before)}"
    if why_before or why_after:
        missing = [f"{f} is {why}" for f, why in zip(fields, (why_before, why_after)) if why]
        return _finding("yoy.carry_over", column, last, this, score, expected, found, fields,
                        f"{label}: {', '.join(missing)}", "not_assessable")
    status = "pass" if found == expected else "fail"
    return _finding("yoy.carry_over", column, last, this, score, expected, found, fields,
                    f"{label}: {format_number(found)} {'=' if status == 'pass' else '≠'} {format_number(expected)}", status)


def _in_force(last: Record, this: Record, score: float, row: str) -> Finding:
    names = (f"active.{row}.in_force", f"active.{row}.issued", f"active.{row}.repealed", f"active.{row}.in_force")
    owners = (last, this, this, this)
    values = [_value(r, f) for r, f in zip(owners, names)]
    fields = tuple(f"{r.year}:{f}" for r, f in zip(owners, names))
    label = f"{DOCUMENT_ROWS[row]}: {last.year}年现行有效 + {this.year}年制发 − 废止 = {this.year}年现行有效"
    if last.edition != "2021":
        return _finding("yoy.in_force", row, last, this, score, None, values[3][0], fields,
                        f"{label}: the {last.year} report's template ({last.edition}) has no 现行有效件数",
                        "not_assessable")
    missing = [f"{f} is {why}" for f, (_, why) in zip(fields, values) if why]
    if missing:
        return _finding("yoy.in_force", row, last, this, score, None, values[3][0], fields,
                        f"{label}: {', '.join(missing)}", "not_assessable")
    before, issued, repealed, found = (v for v, _ in values)
    expected = before + issued - repealed
    status = "pass" if found == expected else "fail"
    return _finding("yoy.in_force", row, last, this, score, expected, found, fields,
                    f"{label}: {format_number(before)} + {format_number(issued)} − {format_number(repealed)} = {format_number(expected)}, "
                    f"{'as' if status == 'pass' else 'but'} the report says {format_number(found)}", status)

