"""Sections 2-4 → cells pinned to canonical fields, and the cells that cannot be placed.

One reader per table, each a small function over printed rows (nlp/tables/rows.py):

- ``active`` (section 2): rows pinned by their labels, which are distinctive; reports
  print the sub-tables in any order.
- ``requests`` (section 3): rows aligned to the template's order (labels pin what they
  can; the order places the rest); run-together digits split by the table's sums.
- ``review`` (section 4): the fifteen cells in template order, however they are laid out.

A cell of a drawn table (HTML, DOCX, ruled PDF: nlp/tables/grids.py) goes to the column its
header names; a row whose columns are not all named that way is placed by order only when
it prints exactly one cell per column, and never by splitting digits: a row with fewer
cells than columns goes to ``ambiguous`` rather than slide a value into a neighbour.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..numbers import BLANK, parse_cell
from ..record import Ambiguity, Cell
from ..schema import registry
from . import digits as digit_rules
from .columns import assign_columns, column_score
from .pinning import ROW_MATCH_CUTOFF, align_rows, row_scores
from .rows import Row


def read_active(rows, edition) -> tuple:
    template = registry().rows(edition, "active")
    pinned, loose, used = [], [], set()
    for i, row in enumerate(rows):
        scored = [(match, k) for k, match in enumerate(row_scores(row.labels, template))]
        (alias, score), k = max(scored, key=lambda x: x[0][1])
        if score >= ROW_MATCH_CUTOFF and k not in used:
            used.add(k)
            pinned.append((row, template[k], alias, score))
        elif len(row.cells) == 1 and row.has_value:
            remark = rows[i + 1].preceding[0] if i + 1 < len(rows) and rows[i + 1].preceding else ""
            loose.append((row.cells[0], remark))
    short = [p for p in pinned if len(p[0].cells) == len(p[1].columns) - 1 and not p[0].splittable(len(p[1].columns))]
    refill = dict(zip((id(p[0]) for p in short), loose)) if len(short) == len(loose) else {}
    cells, ambiguous = [], []
    for row, trow, alias, score in pinned:
        if id(row) in refill:
            row = _with_loose_cell(row, trow, *refill[id(row)])
        got, amb = _row_cells(row, trow, edition, alias, score, "label")
        cells += [_in_header_unit(c, row.preceding, trow, edition) for c in got]
        ambiguous += amb
    return cells, ambiguous


#: A header that states its column's unit: 采购总金额(万元), 采购总金额（单位：元）.
_HEADER_UNIT = r"\s*[(（]\s*(?:单位\s*[:：]\s*)?(?P<unit>万元|亿元|元)\s*[)）]"


def _in_header_unit(cell: Cell, header, trow, edition) -> Cell:
    """A bare number under a header that names its unit is in that unit
    (``477.35`` under 采购总金额(万元) is 4773500 yuan)."""
    kind = registry().field_type(edition, cell.field)
    if not kind.startswith("amount") or cell.value is None or not cell.raw.replace(".", "").replace(",", "").isdigit():
        return cell
    column = next(c for c in trow.columns if cell.field.endswith("." + c.id))
    text = cell.column_header or "".join(header)
    for alias in column.aliases:
        m = re.search(re.escape(alias) + _HEADER_UNIT, text)
        if m:
            value = parse_cell(cell.raw + m["unit"], kind)
            return replace(cell, value=value, column_header=m.group(0), column_score=100.0)
    return cell


def _with_loose_cell(row: Row, trow, cell, remark: str) -> Row:
    """The row with a loose cell put back where its remark says (``含自然失效`` → the
    repeal column), or where every choice gives the same values; else unchanged."""
    columns = [c.id for c in trow.columns]
    cued = [col for col, words in registry().loose_cell_cues.items() if any(w in remark for w in words)]
    places = [columns.index(cued[0])] if cued and cued[0] in columns else range(len(columns))
    options = {tuple(c.text for c in row.cells[:k] + (cell,) + row.cells[k:]) for k in places}
    if len(options) != 1:
        return row
    k = places[0]
    return Row(row.labels, row.label_start, row.cells[:k] + (cell,) + row.cells[k:], row.line, row.run, row.preceding)


def read_requests(rows, edition) -> tuple:
    template = registry().rows(edition, "requests")
    n_columns = len(template[0].columns)
    rows = [r for r in rows if r.has_value or _pinned(r, template)]
    placements, dropped, unforced = align_rows(rows, template, n_columns)
    cells, ambiguous = [], []
    splits = {}
    for p in placements:
        row, trow = rows[p.row], template[p.template]
        if not trow.store and not row.run:
            continue
        if row.run or (len(row.cells) < n_columns and row.splittable(n_columns)):
            splits[p.template] = (p, *digit_rules.fitting_splits(row.digits(), n_columns,
                                                                 digit_rules.row_total_holds))
            continue
        got, amb = _row_cells(row, trow, edition, p.alias, p.score, p.by)
        cells += [c for c in got if trow.store]
        ambiguous += amb
    got, amb = _solve_runs(splits, rows, template, cells, edition)
    cells += got
    ambiguous += amb
    for slots, row_ids in unforced:
        fields = tuple(f for k in slots if template[k].store for f in template[k].field_ids())
        raw = " / ".join(" ".join(c.text for c in rows[i].cells) for i in row_ids)
        ambiguous.append(Ambiguity(fields, f"{len(row_ids)} unlabelled row(s) for {len(slots)} template rows: "
                                           "their order does not tell which is which", raw,
                                   rows[row_ids[0]].start, rows[row_ids[-1]].end))
    placed = {p.template for p in placements}
    for i in (i for i in dropped if rows[i].has_value):
        ambiguous.append(_unplaced(rows[i], template, placed, n_columns))
    return cells, ambiguous


def _unplaced(row: Row, template, placed: set, n_columns: int) -> Ambiguity:
    """A printed row left out of the alignment; named by its label when that pins a
    template row nothing else took (a row short of cells: 6 printed values for 7 cells)."""
    raw = " ".join(c.text for c in row.cells)
    scores = row_scores(row.labels, template)
    k = max(range(len(template)), key=lambda j: scores[j][1])
    if scores[k][1] >= ROW_MATCH_CUTOFF and k not in placed and template[k].store:
        return Ambiguity(template[k].field_ids(), f"{len(row.cells)} printed value(s) for {n_columns} cells",
                         raw, row.start, row.end)
    return Ambiguity((), "printed row not placed in the template (extra or broken)", raw, row.start, row.end)


def read_review(rows, edition) -> tuple:
    template = registry().rows(edition, "review")
    drawn = [r for r in rows if r.cells and all(c.header for c in r.cells)]
    by_header = _review_by_header(drawn, template, edition) if drawn else None
    if by_header is not None:
        return by_header
    fields = [f for t in template for f in t.field_ids()]
    printed = [r for r in rows if r.has_value] or _blank_review_row(rows, len(fields))
    flat = [c for r in printed for c in r.cells]
    if len(flat) > len(fields):
        flat = [c for r in printed for c in _without_trailing_blanks(r.cells)]
    if len(flat) > len(fields):
        flat = _fit_width(flat, len(fields), vertical=any(r.vertical for r in printed))
    run = any(r.run for r in printed)
    if not run and len(flat) == len(fields):
        return [_cell(f, c, edition, "行政复议/行政诉讼", 100.0, "position") for f, c in zip(fields, flat)], []
    digits = "".join(r.digits() for r in printed)
    options, untried = digit_rules.fitting_splits(digits, len(fields), digit_rules.group_totals_hold)
    span = (printed[0].start, printed[-1].end) if printed else (-1, -1)
    raw = " ".join(c.text for c in flat)
    if len(options) == 1 and not any(c.blank for c in flat):
        return [_run_cell(f, v, raw, span, edition, "arithmetic") for f, v in zip(fields, options[0])], []
    if not printed:
        return [], []
    reason = (f"{len(flat)} printed values for {len(fields)} cells" if not run else
              f"run-together digits {digits!r}: {untried or f'{len(options)} splits satisfy the group sums'}")
    return [], [Ambiguity(tuple(fields), reason, raw, *span)]


def _blank_review_row(rows, n_fields: int) -> list:
    """A review table that prints no number: its last row, when it is exactly one printed
    blank cell per field (a layout that prints empty cells)."""
    last = rows[-1:] if rows else []
    return last if last and len(last[0].cells) == n_fields and all(c.blank for c in last[0].cells) else []


def _review_by_header(rows, template, edition) -> tuple:
    """Section 4 drawn as a table: a cell's template row is named by its row's label
    (行政复议 | 0 | 0 …), else by the header groups over it (行政诉讼 › 复议后起诉), else by
    the text printed before its row (a heading over a table of its own); its column by its
    header leaf. ``None`` when some cell's row cannot be named that way."""
    groups = {}
    for row in rows:
        for c in row.cells:
            k, alias, score = _review_row(template, row.labels, c.groups, row.preceding)
            if k is None:
                return None
            groups.setdefault(k, ((alias, score), row, []))[2].append(c)
    cells, ambiguous = [], []
    for k, ((alias, score), row, printed) in groups.items():
        sub = Row(row.labels, row.label_start, tuple(printed), row.line, False, row.preceding)
        got, why = _cells_by_header(sub, template[k], edition, alias, score, "empty band" if row.band else "label")
        cells += got
        if why:
            ambiguous.append(Ambiguity(template[k].field_ids(), why, " ".join(c.text for c in printed),
                                       printed[0].start, printed[-1].end))
    return cells, ambiguous


def _review_row(template, *pieces_tried) -> tuple:
    """(template row, alias, score) named by the first of the pieces that names one."""
    for pieces in pieces_tried:
        if not pieces:
            continue
        scores = row_scores(pieces, template)
        k = max(range(len(template)), key=lambda j: scores[j][1])
        if scores[k][1] >= ROW_MATCH_CUTOFF:
            return k, *scores[k]
    return None, "", 0.0


def _pinned(row: Row, template) -> bool:
    return any(score >= ROW_MATCH_CUTOFF for _, score in row_scores(row.labels, template))


def _row_cells(row: Row, trow, edition, alias, score, by) -> tuple:
    """A row's cells when they can be read one per column; else an Ambiguity."""
    header_problem = None
    fields = trow.field_ids()
    if any(c.header for c in row.cells):
        cells, header_problem = _cells_by_header(row, trow, edition, alias, score, by)
        if cells:
            return cells, []
        if len(assign_columns(row.headers, trow.columns)) == len(trow.columns):
            # the header names every column: reading by order would contradict it
            return [], [Ambiguity(fields if trow.store else (), header_problem,
                                  " ".join(c.text for c in row.cells), row.start, row.end)]
    n = len(fields)
    printed = _fit_width(list(row.cells), n, vertical=row.vertical)
    extra = [c for c in printed[n:] if not c.blank]
    if len(printed) >= n and not row.run and not extra:
        unreadable = _not_numbers(zip(fields, printed), edition)
        if unreadable:
            return [], [Ambiguity(fields if trow.store else (), unreadable, " ".join(c.text for c in printed),
                                  row.start, row.end)]
        return [_cell(f, c, edition, alias, score, by, "".join(row.labels[-1:])) for f, c in zip(fields, printed)], []
    pieces = row.digits()
    if row.splittable(n) and len(pieces) == n:
        span = (row.start, row.end)
        return [_run_cell(f, int(d), " ".join(c.text for c in printed), span, edition, "digit count",
                          alias, score) for f, d in zip(fields, pieces)], []
    if n == 1 and len(printed) == 1:
        return [_cell(fields[0], printed[0], edition, alias, score, by, "".join(row.labels[-1:]))], []
    options, untried = digit_rules.fitting_splits(pieces, n, lambda _: True) if row.splittable(n) else ([], None)
    why = (f"run-together digits {pieces!r}: {untried}" if untried else
           f"{len(printed)} printed value(s) for {n} cells" + (f"; {header_problem}" if header_problem else "")
           if not options else
           f"run-together digits {pieces!r} have {len(options)} splits and no sum fixes them")
    return [], [Ambiguity(fields if trow.store else (), why, " ".join(c.text for c in printed), row.start, row.end)]


def _cells_by_header(row: Row, trow, edition, alias, score, by) -> tuple:
    """A drawn row: each cell under the header that names its column. ``([], why)`` unless
    every column is named, left to right in the template's order, and every value stands
    under a named column."""
    label = "".join(row.labels[-1:])
    placed = assign_columns([c.header for c in row.cells], trow.columns)
    unnamed = [c.id for c in trow.columns if c.id not in placed]
    stray = [c for k, c in enumerate(row.cells) if k not in placed.values() and not c.blank]
    order = [placed[c.id] for c in trow.columns if c.id in placed]
    if unnamed:
        return [], f"no header over the printed cells names column(s) {', '.join(unnamed)}"
    if stray:
        return [], (f"value(s) {', '.join(c.text for c in stray)} under header(s) naming no column of this row "
                    f"({', '.join(c.header or '(none)' for c in stray)})")
    if order != sorted(order):
        return [], "the headers over the cells are not in the template's column order"
    unreadable = _not_numbers(((f"{trow.id}.{c.id}", row.cells[placed[c.id]]) for c in trow.columns), edition)
    if unreadable:
        return [], unreadable
    cells = []
    for column in trow.columns:
        c = row.cells[placed[column.id]]
        cell = _cell(f"{trow.id}.{column.id}", c, edition, alias, score, by, label)
        cells.append(replace(cell, column_header=c.header, column_score=round(column_score(c.header, column), 1)))
    return cells, None


def _solve_runs(splits: dict, rows, template, cells, edition) -> tuple:
    """Rows of run-together digits: unique by their own row sum, else jointly by the
    column rules (一+二 = (七)+四; (七) = the sum of the result rows)."""
    if not splits:
        return [], []
    ids = [t.id for t in template]
    known = _known_rows(cells, template)
    fixed = {k: opts[0] for k, (_, opts, _) in splits.items() if len(opts) == 1}
    open_rows = {k: opts for k, (_, opts, _) in splits.items() if len(opts) > 1}
    chosen = dict(fixed)
    if open_rows:
        solution = digit_rules.solve_jointly(open_rows, {**known, **fixed},
                                             lambda values: _columns_hold(values, ids, template))
        chosen.update(solution or {})
    out, ambiguous = [], []
    for k, (p, opts, untried) in splits.items():
        row, trow = rows[p.row], template[k]
        if k not in chosen:
            ambiguous.append(Ambiguity(trow.field_ids() if trow.store else (),
                                       f"run-together digits {row.digits()!r}: " + (
                                           untried or f"{len(opts)} splits fit the row sum and the "
                                                      "column rules do not single one out"),
                                       " ".join(c.text for c in row.cells), row.start, row.end))
            continue
        how = "arithmetic" if len(row.digits()) != len(trow.columns) else "digit count"
        raw = " ".join(c.text for c in row.cells)
        if trow.store:
            out += [_run_cell(f, v, raw, (row.start, row.end), edition, how, p.alias, p.score)
                    for f, v in zip(trow.field_ids(), chosen[k])]
    return out, ambiguous


def _known_rows(cells, template) -> dict:
    by_field = {c.field: c.value for c in cells}
    known = {}
    for k, t in enumerate(template):
        values = [by_field.get(f) for f in t.field_ids()]
        if all(isinstance(v, float) for v in values):
            known[k] = tuple(int(v) for v in values)
    return known


def _columns_hold(values: dict, ids, template) -> bool:
    idx = {rid: k for k, rid in enumerate(ids)}
    results = [k for k, t in enumerate(template)
               if t.store and t.id not in ("requests.new_received", "requests.carried_over",
                                           "requests.total", "requests.carried_forward")]
    total, new, old, forward = (idx.get(r) for r in ("requests.total", "requests.new_received",
                                                     "requests.carried_over", "requests.carried_forward"))
    for col in range(len(template[0].columns)):
        if all(k in values for k in results) and total in values:
            if sum(values[k][col] for k in results) != values[total][col]:
                return False
        if all(k in values for k in (new, old, total, forward)):
            if values[new][col] + values[old][col] != values[total][col] + values[forward][col]:
                return False
    return True


def _fit_width(cells: list, n: int, vertical: bool = False) -> list:
    """A grid row wider than the template: empty pieces at its end are the line's
    padding, empty pieces right after the label are what a merged label cell (colspan)
    leaves behind; both go, the row's own cells stay in place.

    A ``vertical`` row (a cell a line, blank-line separated) is ended only by the next
    label, so blanks at its start may be its own blank cells (a labelled row of blanks
    followed by an unlabelled row): dropping some of them would slide the values after them
    into their columns. They go only when they are fewer than the row's cells and what
    follows them prints every cell, exactly ``n``; otherwise the row stays too wide.

    >>> from nlp.tables.rows import CellText as C
    >>> row = [C("", 0, 0), C("", 0, 0), C("1", 0, 1), C("2", 0, 1), C("", 0, 0)]
    >>> [c.text for c in _fit_width(list(row), 2)], [c.text for c in _fit_width(list(row), 2, vertical=True)]
    (['1', '2'], ['', '', '1', '2'])
    >>> [c.text for c in _fit_width([C("", 0, 0), C("1", 0, 1), C("2", 0, 1), C("3", 0, 1)], 3, vertical=True)]
    ['1', '2', '3']
    """
    while len(cells) > n and cells[-1].blank:
        cells.pop()
    if not vertical:
        while len(cells) > n and cells[0].blank:
            cells.pop(0)
        return cells
    lead = next((k for k, c in enumerate(cells) if not c.blank), len(cells))
    rest = cells[lead:]
    if len(cells) > n and lead < n and len(rest) == n and not any(c.blank for c in rest):
        return rest
    return cells


def _without_trailing_blanks(cells) -> list:
    cells = list(cells)
    while cells and cells[-1].blank:
        cells.pop()
    return cells


def _not_numbers(pairs, edition) -> str | None:
    """Why cells cannot be read as their fields' numbers (a value cell printing text, or a
    money amount under a count), or None. Such a cell is never read as a blank."""
    bad = [f"{c.text!r} under {field.rsplit('.', 1)[1]}" for field, c in pairs
           if parse_cell(c.text, registry().field_type(edition, field)) is None]
    return f"not a number for its column: {', '.join(bad)}" if bad else None


def _cell(field, c, edition, alias, score, by, label="") -> Cell:
    value = parse_cell(c.text, registry().field_type(edition, field))
    column = field.rsplit(".", 1)[1]
    return Cell(field, None if value is BLANK or value is None else value, c.text, c.start, c.end,
                label, alias, round(score, 1), column, by)


def _run_cell(field, value, raw, span, edition, how, alias="", score=0.0) -> Cell:
    column = field.rsplit(".", 1)[1]
    return Cell(field, float(value), raw, span[0], span[1], "", alias, round(score, 1), column, how)
