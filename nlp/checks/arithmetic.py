"""The template's own arithmetic (勾稽关系), as rules of the form Σ left = Σ right.

Each rule expands, per edition, into instances (one per column, row or group); an
instance passes or fails when all its cells are printed numbers, and is not assessable
when one is blank or could not be placed. A rule's status: ``fail`` if any instance
fails, else ``not_assessable`` if any instance is, else ``pass``.

>>> v = {"review.upheld": 1.0, "review.corrected": 0.0, "review.other": 2.0, "review.pending": 0.0, "review.total": 3.0}
>>> [c.status for c in arithmetic_checks("2021", v, set()) if c.rule == "litigation.sum"]
['not_assessable']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..record import Check
from ..schema import registry
from ..vocabulary import (APPLICANT_COLUMNS, APPLICANT_NAMES, APPLICANT_PARTS, CELL_STATE_ZH, STATUS_ZH, cell_state,
                          format_number)

RESULT_PARTS = ("upheld", "corrected", "other", "pending")
LITIGATION_GROUPS = ("review", "litigation_direct", "litigation_after_review")
#: Rows of section 3 that are not outcomes of the year's handling.
NON_RESULT_ROWS = ("requests.new_received", "requests.carried_over", "requests.total", "requests.carried_forward")


@dataclass(frozen=True)
class Instance:
    name: str
    left: tuple
    right: tuple
    skip_if_absent: bool = False  # a row the report does not print at all is not checked
    name_zh: str = ""  # the column, row or group as the template labels it

    @cached_property
    def fields(self) -> tuple:
        return self.left + self.right


def _result_rows(edition) -> list:
    return [r.id for r in registry().rows(edition, "requests") if r.store and r.id not in NON_RESULT_ROWS]


def _label_part(edition, field: str, part: str) -> str:
    """The column (``part="column"``) or the row of a field's template label ``row / column``.

    >>> _label_part("2021", "requests.new_received.natural_person", "column")
    '自然人'
    >>> _label_part("2021", "requests.new_received.natural_person", "row")
    '一、本年新收政府信息公开申请数量'
    """
    row, _, column = registry().field_label(edition, field).rpartition(" / ")
    return column if part == "column" else row


def balance(edition) -> list:
    return [Instance(c, (f"requests.new_received.{c}", f"requests.carried_over.{c}"),
                     (f"requests.total.{c}", f"requests.carried_forward.{c}"),
                     name_zh=_label_part(edition, f"requests.total.{c}", "column")) for c in APPLICANT_COLUMNS]


def result_sum(edition) -> list:
    return [Instance(c, tuple(f"{r}.{c}" for r in _result_rows(edition)), (f"requests.total.{c}",),
                     name_zh=_label_part(edition, f"requests.total.{c}", "column")) for c in APPLICANT_COLUMNS]


def column_sum(edition) -> list:
    rows = [r.id for r in registry().rows(edition, "requests") if r.store]
    return [Instance(r.removeprefix("requests."), tuple(f"{r}.{c}" for c in APPLICANT_PARTS), (f"{r}.total",),
                     skip_if_absent=True, name_zh=_label_part(edition, f"{r}.total", "row")) for r in rows]


def litigation_sum(edition) -> list:
    """
    >>> [i.name_zh for i in litigation_sum("2021")]
    ['行政复议', '行政诉讼 未经复议直接起诉', '行政诉讼 复议后起诉']
    """
    return [Instance(g, tuple(f"{g}.{p}" for p in RESULT_PARTS), (f"{g}.total",),
                     name_zh=registry().field_label(edition, f"{g}.total").removesuffix("总计").strip())
            for g in LITIGATION_GROUPS]


_TOTAL = APPLICANT_NAMES[APPLICANT_COLUMNS[-1]]
_PARTS = " + ".join(APPLICANT_NAMES[c] for c in APPLICANT_PARTS)
#: rule name → (instances of an edition, what it asserts, in English and in Chinese)
RULES = {
    "requests.balance": (balance, "一 + 二 = 三(七)总计 + 四, per column", "一 + 二 = 三(七)总计 + 四，逐列"),
    "requests.result_sum": (result_sum, "(七)总计 = (一)+(二)+(三)+(四)+(五)+(六) and their sub-rows, per column",
                            "(七)总计 = (一)至(六)及其细项之和，逐列"),
    "requests.column_sum": (column_sum, f"{_TOTAL} = {_PARTS}, per row", f"{_TOTAL} = {_PARTS}，逐行"),
    "litigation.sum": (litigation_sum, "总计 = 维持 + 纠正 + 其他 + 尚未审结, per group",
                       "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结，逐组"),
}
#: How a status is counted in a message.
_STATUS_WORDS = {"en": {"pass": "pass", "fail": "fail", "not_assessable": "not assessable"}, "zh": STATUS_ZH}
#: a cell without a number: blank, or missing (absent, or read but not placed)
_MISSING_WORDS = {"blank": ("blank", CELL_STATE_ZH["blank"]), "absent": ("missing", CELL_STATE_ZH["absent"])}


def arithmetic_checks(edition, values: dict, missing: set) -> list:
    """One Check per rule. ``values``: field → number or None (blank); ``missing``:
    fields read but not placed (ambiguous)."""
    return [_check(rule, edition, rule_instances(rule, edition), (what, what_zh), values, missing)
            for rule, (_, what, what_zh) in RULES.items()]


@lru_cache(maxsize=64)
def rule_instances(rule: str, edition) -> tuple:
    """The instances of ``RULES[rule]`` for ``edition``: they depend on the template alone,
    so each is expanded once per process, not once per report (the expansion reads the
    registry's rows and labels: a quarter of the checks' cost)."""
    return tuple(RULES[rule][0](edition))


def evaluate(instance: Instance, values: dict, missing: set) -> tuple:
    """(status, detail in English, detail in Chinese) of one instance."""
    if instance.skip_if_absent and not any(f in values or f in missing for f in instance.fields):
        return "skipped", "", ""
    unknown = [f for f in instance.fields if values.get(f) is None]
    if unknown:
        states = {cell_state(values, f) for f in unknown}
        kinds = [words for state, words in _MISSING_WORDS.items() if state in states]
        return ("not_assessable", f"{len(unknown)} of {len(instance.fields)} cells {'/'.join(en for en, _ in kinds)}",
                f"{len(instance.fields)} 个单元格中 {len(unknown)} 个{'/'.join(zh for _, zh in kinds)}")
    left = sum(values[f] for f in instance.left)
    right = sum(values[f] for f in instance.right)
    relation = "=" if left == right else "≠"
    detail = f"{_terms(instance.left, values, left)} {relation} {_terms(instance.right, values, right)}"
    return ("pass" if left == right else "fail"), detail, detail


def _check(rule: str, edition, instances: list, what: tuple, values: dict, missing: set) -> Check:
    results = [(inst, *evaluate(inst, values, missing)) for inst in instances]
    results = [r for r in results if r[1] != "skipped"]
    statuses = [status for _, status, _, _ in results]
    status = ("fail" if "fail" in statuses else "not_assessable" if "not_assessable" in statuses
              else "pass" if statuses else "not_assessable")
    order = {"fail": 0, "not_assessable": 1, "pass": 2}
    shown = sorted(results, key=lambda r: order[r[1]])[:6]
    fields = tuple(f for inst, _, _, _ in results for f in inst.fields)
    counts = {lang: [(statuses.count(s), words[s]) for s in ("pass", "fail", "not_assessable")]
              for lang, words in _STATUS_WORDS.items()}
    english = (f"{what[0]}: {', '.join(f'{n} {word}' for n, word in counts['en'])}. "
               + "; ".join(f"{inst.name}: {detail}" for inst, _, detail, _ in shown))
    chinese = (f"{what[1]}：{'，'.join(f'{word} {n} 项' for n, word in counts['zh'])}。"
               + "；".join(f"{inst.name_zh or inst.name}：{detail}" for inst, _, _, detail in shown))
    return Check(rule, status, fields, english, chinese)


#: Up to this many terms are written out in a message (a result_sum has 20: too many).
MAX_TERMS_SHOWN = 6


def _terms(fields, values, total) -> str:
    if len(fields) == 1 or len(fields) > MAX_TERMS_SHOWN:
        return format_number(total)
    return " + ".join(format_number(values[f]) for f in fields) + (f" ({format_number(total)})" if len(fields) > 2 else "")

