"""Splitting rows whose cell separators were lost (``640020470`` is 64|0|0|2|0|4|70).

Reading rules: printed integers have no leading zeros (a ``0`` that starts a cell is the
cell 0); every cell is printed; no count in these tables has more than
:data:`MAX_CELL_DIGITS` digits. A run is split every way those rules allow; the template's
arithmetic then has to leave exactly one way, or the cells stay unplaced.

The work is bounded before it is done: the splits a run allows are counted first (a
dynamic programme over positions, no list built), and a run that allows more than
:data:`MAX_SPLITS` ways, or is longer than its row can hold, is not enumerated at all: its
row goes to ``ambiguous`` with the reason (:func:`fitting_splits`).

>>> splits("0000000", 7)
[(0, 0, 0, 0, 0, 0, 0)]
>>> [s for s in splits("640020470", 7) if sum(s[:6]) == s[6]]
[(64, 0, 0, 2, 0, 4, 70)]
>>> len(splits("898989", 3))
10
>>> fitting_splits("12345678911234567891123456789112345678", 15, group_totals_hold)[1]
'a run of 38 digits allows 4,011,497,025 splits into 15 cells (more than 20,000 are not tried)'
>>> fitting_splits("1" * 60, 7, row_total_holds)[1]
'a run of 60 digits is longer than 7 cells can print (at most 7 digits a cell)'
"""
from __future__ import annotations

from itertools import product

#: Most digits one cell of sections 3 and 4 can print: a count of applications or cases.
#: The largest bodies (a province, a ministry) report five-digit counts.
MAX_CELL_DIGITS = 7
#: Most splits of one run that are enumerated and tested against the arithmetic.
MAX_SPLITS = 20_000
#: Most joint combinations of several rows' splits tried against the column rules.
MAX_JOINT_COMBINATIONS = 200_000


def _heads(digits: str, start: int, parts_left: int) -> range:
    """Lengths the cell starting at ``start`` can take, leaving room for the cells after it."""
    if digits[start] == "0":
        return range(1, 2)
    longest = min(MAX_CELL_DIGITS, len(digits) - start - (parts_left - 1))
    return range(1, longest + 1)


def count_splits(digits: str, parts: int) -> int:
    """How many ways ``digits`` can be cut into ``parts`` cells by the reading rules
    (counted, not built: O(len × parts × MAX_CELL_DIGITS))."""
    n = len(digits)
    if not digits.isdigit() or parts < 1 or not parts <= n <= parts * MAX_CELL_DIGITS:
        return 0
    # ways[k][i]: ways to cut digits[i:] into k cells
    ways = [[0] * (n + 1) for _ in range(parts + 1)]
    ways[0][n] = 1
    for k in range(1, parts + 1):
        for i in range(n - 1, -1, -1):
            if n - i < k:
                continue
            ways[k][i] = sum(ways[k - 1][i + h] for h in _heads(digits, i, k))
    return ways[parts][0]


def _generate(digits: str, start: int, parts: int):
    if parts == 1:
        rest = digits[start:]
        if len(rest) <= MAX_CELL_DIGITS and (rest == "0" or rest[0] != "0"):
            yield (int(rest),)
        return
    for h in _heads(digits, start, parts):
        head = int(digits[start:start + h])
        for tail in _generate(digits, start + h, parts - 1):
            yield (head,) + tail


def splits(digits: str, parts: int) -> list:
    """Every way to cut ``digits`` into ``parts`` integers without leading zeros; empty
    when there is none or more than :data:`MAX_SPLITS` (see :func:`fitting_splits`)."""
    if not 0 < count_splits(digits, parts) <= MAX_SPLITS:
        return []
    return list(_generate(digits, 0, parts))


def fitting_splits(digits: str, parts: int, rule) -> tuple:
    """(the splits for which ``rule(values)`` holds, None), or ([], why) when the run is
    not tried: longer than ``parts`` cells can print, or allowing too many splits."""
    if len(digits) > parts * MAX_CELL_DIGITS:
        return [], (f"a run of {len(digits)} digits is longer than {parts} cells can print "
                    f"(at most {MAX_CELL_DIGITS} digits a cell)")
    ways = count_splits(digits, parts)
    if ways > MAX_SPLITS:
        return [], (f"a run of {len(digits)} digits allows {ways:,} splits into {parts} cells "
                    f"(more than {MAX_SPLITS:,} are not tried)")
    return [s for s in splits(digits, parts) if rule(s)], None


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
