"""Pinning printed rows to the template's rows: fuzzy label matching with named
cut-offs, then alignment to the template's order so that a row whose label is missing
or garbled is placed by position — and said to be.

>>> from nlp.schema import registry
>>> rows = registry().rows("2019", "requests")
>>> best_alias(["三、本年度办理结果", "(一)予以公开"], rows[2])
('（一）予以公开', 100.0)
>>> label_candidates(["信息内容", "2.其他法律行政止公开"])[:2]
['2.其他法律行政止公开', '信息内容2.其他法律行政止公开']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from ..numbers import fold_width
from ..vocabulary import ROW_LABEL_MARKER

#: A label must score at least this (rapidfuzz WRatio, 0-100) against an alias to pin
#: a row by its label; below it the row is unlabelled and placed by position.
ROW_MATCH_CUTOFF = 82.0

#: How many trailing label pieces are joined when a label is split over lines.
MAX_LABEL_PIECES = 3

# Alignment weights (see align_rows): a match always beats leaving a row out.
MATCH_GAIN = 100.0
SKIP_TEMPLATE_ROW = 100.0
SKIP_OPTIONAL_ROW = 0.0
DROP_PRINTED_ROW = 150.0
DROP_INCOMPLETE_ROW = 20.0
AGAINST_LABEL = 150.0

#: The start of a row's own label inside text that runs several labels together:
#: a sub-row number "2." or a group marker "(三)" / "三、".
ROW_MARKER = re.compile(ROW_LABEL_MARKER)
_NOISE = re.compile(r"[\s\u3000“”\"'‘’「」|#*]")


@lru_cache(maxsize=16384)
def normalise(label: str) -> str:
    """Fold width and drop spaces, quotes and markup: ``（一） 予以公开`` → ``(一)予以公开``."""
    return _NOISE.sub("", fold_width(label))


def cut_at_last_marker(label: str) -> str:
    """The row's own label when group and row labels run together.

    >>> cut_at_last_marker("(三)不予公开1.属于国家秘密")
    '1.属于国家秘密'
    >>> cut_at_last_marker("三、本年度办理结果(一)予以公开")
    '(一)予以公开'
    >>> cut_at_last_marker("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
    '(二)部分公开(区分处理的,只计这一情形,不计其他情形)'
    """
    starts = [m.start() for m in ROW_MARKER.finditer(label)]
    return label[starts[-1]:] if starts and starts[-1] < len(label) - 1 else label


def label_candidates(pieces) -> list:
    """Strings a row's label may be: the last 1..3 pieces joined, each also cut at its
    last row marker."""
    return list(_candidates(tuple(pieces)))


@lru_cache(maxsize=8192)
def _candidates(pieces: tuple) -> tuple:
    pieces = [n for n in map(normalise, pieces[-MAX_LABEL_PIECES:]) if n]
    out = []
    for k in range(1, min(MAX_LABEL_PIECES, len(pieces)) + 1):
        joined = "".join(pieces[-k:])
        for cand in (joined, cut_at_last_marker(joined)):
            if cand and cand not in out:
                out.append(cand)
    return tuple(out)


#: A label that ends in an alias after header text run into it (``…对外公开总数量规章``)
#: scores a little below an exact label.
TAIL_WEIGHT = 0.98


def best_alias(pieces, template_row) -> tuple:
    """(alias, score) of the template row's alias that the label matches best."""
    return row_scores(pieces, (template_row,))[0]


def row_scores(pieces, template_rows) -> tuple:
    """(alias, score) of a printed label against every template row, in one vectorised
    pass (rapidfuzz cdist): whole-label WRatio, and the label's tail against each alias."""
    return _row_scores(tuple(pieces), tuple(t.aliases for t in template_rows))


@lru_cache(maxsize=16384)
def _row_scores(pieces: tuple, alias_sets: tuple) -> tuple:
    candidates = _candidates(pieces)
    if not candidates:
        return (("", 0.0),) * len(alias_sets)
    raw, norm, owners, suffixes = _alias_index(alias_sets)
    exact = [c for c in candidates if c in _alias_position(alias_sets)]
    if exact:  # a label printed as the template prints it decides; its row of scores is known
        candidates = exact
        matrix = _alias_matrix(alias_sets)
        scores = np.max([matrix[_alias_position(alias_sets)[c]] for c in exact], axis=0)
    else:
        scores = process.cdist(candidates, norm, scorer=fuzz.WRatio, dtype=np.float32).max(axis=0)
    for cand in candidates:  # a label ending in an alias after header text run into it
        for length, found in suffixes.items():
            if len(cand) > length + 1 and cand[-length:] in found:
                for k in found[cand[-length:]]:
                    scores[k] = max(scores[k], 100.0 * TAIL_WEIGHT)
    out = [("", 0.0)] * len(alias_sets)
    for k, j in enumerate(owners):
        if scores[k] > out[j][1]:
            out[j] = (raw[k], float(scores[k]))
    return tuple(out)


@lru_cache(maxsize=64)
def _alias_position(alias_sets: tuple) -> dict:
    """normalised alias → its index in the flattened alias list (the first, if repeated)."""
    out = {}
    for k, alias in enumerate(_alias_index(alias_sets)[1]):
        out.setdefault(alias, k)
    return out


@lru_cache(maxsize=64)
def _alias_matrix(alias_sets: tuple) -> np.ndarray:
    """WRatio of every alias against every alias: the scores of a label equal to one."""
    norm = _alias_index(alias_sets)[1]
    return process.cdist(norm, norm, scorer=fuzz.WRatio, dtype=np.float32)


@lru_cache(maxsize=64)
def _alias_index(alias_sets: tuple) -> tuple:
    """Aliases flattened, normalised, with their template row and a suffix lookup."""
    raw = [a for aliases in alias_sets for a in aliases]
    norm = [normalise(a) for a in raw]
    owners = [j for j, aliases in enumerate(alias_sets) for _ in aliases]
    suffixes = {}
    for k, alias in enumerate(norm):
        suffixes.setdefault(len(alias), {}).setdefault(alias, []).append(k)
    return raw, norm, owners, suffixes


@dataclass(frozen=True)
class Placement:
    """Printed row ``row`` pinned to template row ``template``; ``by`` is ``label`` or
    ``position``; ``alias``/``score`` are the evidence of the label match."""

    row: int
    template: int
    by: str
    alias: str
    score: float


def align_rows(rows, template_rows, n_columns) -> tuple:
    """Monotone alignment of printed rows to template rows (a Needleman-Wunsch style
    dynamic programme). Returns (placements, unplaced_rows, ambiguous_template_rows).

    A row matches the template row its label pins it to, or — when its label is missing
    or garbled — whatever template slot the order leaves for it. A row left between two
    label-pinned rows is placed only when the slots between them are exactly as many as
    the rows; otherwise its placement is ambiguous and it is not used.
    """
    scores = [row_scores(r.labels, template_rows) for r in rows]
    strong = [max((s for _, s in row_scores), default=0.0) >= ROW_MATCH_CUTOFF for row_scores in scores]
    incomplete = [_incomplete(r, n_columns) for r in rows]
    n, m = len(rows), len(template_rows)

    gain = [[_gain(scores[i][j][1], template_rows[j].optional, strong[i]) for j in range(m)] for i in range(n)]
    drop = [DROP_INCOMPLETE_ROW if incomplete[i] else DROP_PRINTED_ROW for i in range(n)]
    skip = [SKIP_OPTIONAL_ROW if t.optional else SKIP_TEMPLATE_ROW for t in template_rows]
    move = _best_moves(gain, skip, drop, incomplete)
    pairs, dropped = [], []
    i, j = n, m
    while i or j:
        step = move[i][j]
        if step == "match":
            alias, s = scores[i - 1][j - 1]
            by = "label" if s >= ROW_MATCH_CUTOFF else "position"
            pairs.append(Placement(i - 1, j - 1, by, alias, s))
            i, j = i - 1, j - 1
        elif step == "skip":
            j -= 1
        else:
            dropped.append(i - 1)
            i -= 1
    pairs.reverse()
    return _forced_only(pairs, template_rows), sorted(dropped), _unforced(pairs, template_rows)


def _gain(score: float, optional: bool, strong: bool) -> float:
    """What placing a printed row in a template slot is worth: its label's match, or a
    positional placement (less in an optional slot, much less against its own label)."""
    if score >= ROW_MATCH_CUTOFF:
        return MATCH_GAIN + score
    return MATCH_GAIN - (MATCH_GAIN / 2 if optional else 0.0) - (AGAINST_LABEL if strong else 0.0)


def _best_moves(gain, skip, drop, unmatchable) -> list:
    """The dynamic programme: ``move[i][j]`` is the last step of the best alignment of the
    first ``i`` printed rows with the first ``j`` template rows (ties: match, skip, drop)."""
    n, m = len(drop), len(skip)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[None] * (m + 1) for _ in range(n + 1)]
    for j in range(1, m + 1):
        best[0][j], move[0][j] = best[0][j - 1] - skip[j - 1], "skip"
    for i in range(1, n + 1):
        best[i][0], move[i][0] = best[i - 1][0] - drop[i - 1], "drop"
        above, here = best[i - 1], best[i]
        for j in range(1, m + 1):
            value, step = here[j - 1] - skip[j - 1], "skip"
            if not unmatchable[i - 1]:
                matched = above[j - 1] + gain[i - 1][j - 1]
                if matched >= value:
                    value, step = matched, "match"
            dropped = above[j] - drop[i - 1]
            if dropped > value:
                value, step = dropped, "drop"
            here[j], move[i][j] = value, step
    return move


def _incomplete(row, n_columns) -> bool:
    """Fewer printed cells than the row has columns, and no run of digits to split."""
    return len(row.cells) < n_columns and not row.splittable(n_columns)


def _position_runs(pairs, template_rows):
    """Maximal runs of position-placed rows with the template slots open to them."""
    anchors = [-1] + [p.template for p in pairs if p.by == "label"] + [len(template_rows)]
    run = []
    for p in pairs + [None]:
        if p is not None and p.by == "position":
            run.append(p)
            continue
        if run:
            before = max(a for a in anchors if a < run[0].template)
            after = min(a for a in anchors if a > run[-1].template)
            slots = [k for k in range(before + 1, after) if not template_rows[k].optional]
            yield run, slots
        run = []


def _forced_only(pairs, template_rows) -> list:
    unforced = {id(p) for run, slots in _position_runs(pairs, template_rows) if len(run) != len(slots) for p in run}
    return [p for p in pairs if id(p) not in unforced]


def _unforced(pairs, template_rows) -> list:
    """Template rows whose printed row cannot be told: (template indices, rows)."""
    out = []
    for run, slots in _position_runs(pairs, template_rows):
        if len(run) != len(slots):
            out.append((tuple(slots), tuple(p.row for p in run)))
    return out
