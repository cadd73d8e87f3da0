"""Splitting rows whose cell separators were lost (``640020470`` is 64|0|0|2|0|4|70).

Reading rules: printed integers have no leading zeros (a ``0`` that starts a cell is the
cell 0); every cell is printed. A run is split every way those rules allow; the
template's arithmetic then has to leave exactly one way, or the cells stay unplaced.

>>> splits("0000000", 7)
[(0, 0, 0, 0, 0, 0, 0)]
>>> [s for s in splits("640020470", 7) if sum(s[:6]) == s[6]]
[(64, 0, 0, 2, 0, 4, 70)]
>>> len(splits("898989", 3))
10
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

#: Longest run we enumerate, and most joint combinations we try, before giving up.
MAX_RUN_DIGITS = 40
MAX_JOINT_COMBINATIONS = 200_000


@lru_cache(maxsize=4096)
def _splits(digits: str, parts: int) -> tuple:
    if parts == 1:
        return ((int(digits),),) if digits and (digits == "0" or digits[0] != "0") else ()
    out = []
    if digits[:1] == "0":
        heads = [1]
    else:
        heads = range(1, len(digits) - parts + 2)
    for k in heads:
        head = int(digits[:k])
        for tail in _splits(digits[k:], parts - 1):
            out.append((head,) + tail)
    return tuple(out)


def splits(digits: str, parts: int) -> list:
    """Every way to cut ``digits`` into ``parts`` integers without leading zeros."""
    if not digits.isdigit() or len(digits) < parts or len(digits) > MAX_RUN_DIGITS:
        return []
    return list(_splits(digits, parts))


def row_total_holds(values) -> bool:
    """总计 (last) = the sum of the columns before it."""
    return sum(values[:-1]) == values[-1]


def group_totals_hold(values, group: int = 5) -> bool:
    """Section 4: in each group of five, 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    return all(row_total_holds(values[k:k + group]) for k in range(0, len(values), group))


def solve_jointly(candidates: dict, fixed: dict, constraint) -> dict | None:
    """Pick one split per ambiguous row so that ``constraint(values)`` holds, where
    ``values`` maps every row to its cell values. ``candidates``: row → possible splits
    (each already consistent with its own row rule); ``fixed``: rows already known.
    Returns the unique choice, or None when none or several satisfy the constraint."""
    keys = sorted(candidates)
    total = 1
    for k in keys:
        total *= max(1, len(candidates[k]))
    if not keys or total > MAX_JOINT_COMBINATIONS:
        return None
    found = None
    for combo in product(*(candidates[k] for k in keys)):
        values = {**fixed, **dict(zip(keys, combo))}
        if constraint(values):
            if found is not None:
                return None
            found = dict(zip(keys, combo))
    return found
