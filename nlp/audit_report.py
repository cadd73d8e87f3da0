"""The audit report: one self-contained HTML page per annotated report.

The page shows the three tables as the template prints them, each cell with its value;
blank cells (a defect of the report) and absent ones (not read at all) are marked, and so
are the cells of a check that failed. Section 2 gets a header for every run of rows with
the same columns; sections 3 and 4 the template's grouping, taken from the outline of the
canonical labels of fields.json (一、 > (一) > 1.): the row groups of section 3
(三、本年度办理结果 over (一)…(七), (三)不予公开 over its eight reasons, …) under the
two-level applicant header, and section 4 as one row under its bands (行政复议 | 行政诉讼:
未经复议直接起诉, 复议后起诉), laid out with rowspan and colspan; every heading has an id
and every cell names its headings (``headers``). Below: the checks, the evidence of every
cell (raw text, position, the row label and the alias it matched with its score, the column
header and its score, a snippet of the text around it when the report text is at hand), the
facts, and the narrative paragraphs with their labels in the margin and their facts marked.

:func:`page_view` builds the view from a :class:`~nlp.record.Record` (read from a records
file with ``Record.from_dict``, or made by the engine) and optionally the report's text; :func:`render` fills the packaged Jinja2 template
(``nlp/templates/audit.html.j2``). Neither reads a file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .record import Cell, Record, content_sha256
from .review.spans import locate
from .schema import EDITIONS, TABLES, registry
from .vocabulary import (APPLICANT_BANDS, APPLICANT_COLUMNS, CELL_STATE_ZH, STATUS_ZH, TABLE_SECTIONS, CellState,
                         cell_state, format_number, numbered_title, outline_level)

TEMPLATE = "audit.html.j2"
#: each table under the title of the section it is printed in
TABLE_TITLES = {table: numbered_title(section) for table, section in TABLE_SECTIONS.items()}
_SNIPPET = 24
_HEADER_KEYS = ("source", "content_sha256", "edition", "year", "agency")


@dataclass
class CellView:
    field: str
    state: CellState
    shown: str
    failed: bool = False
    evidence: Optional[Cell] = None
    headers: str = ""  # ids of the headings the cell is under (row headings first)


@dataclass
class HeadingView:
    """One header cell (<th>) of a printed table: a column or row heading, or a group of them."""

    label: str
    id: str
    scope: str  # col | colgroup | row | rowgroup
    colspan: int = 1
    rowspan: int = 1
    headers: str = ""  # ids of the groups it is in


@dataclass
class GridView:
    """One printed table: header rows (<thead>) and body rows, each body row with the row
    headings that begin on it and its cells."""

    table: str
    head: list  # [[HeadingView]], top row first
    rows: list = field(default_factory=list)  # ([HeadingView], [CellView])
    corner: tuple = (0, 0)  # (rowspan, colspan) of the empty cell above the row headings


#: Headings the printed template sets over the columns of a column set (template.json's
#: column bands): the columns → (heading, the columns under it), outermost first.
COLUMN_BANDS = {APPLICANT_COLUMNS: APPLICANT_BANDS}
#: Tables laid out with the template's row groups (the outline of their labels) ...
OUTLINED = ("requests", "review")
#: ... and those of them the template prints as one row, their rows as bands of columns.
BANDED = ("review",)
#: fields.json writes the template's full-width brackets and commas half-width.
_PRINTED = str.maketrans({"(": "（", ")": "）", ",": "，"})


def text_matches(record: Record, text: Optional[str]) -> bool:
    """Whether ``text`` is the text the record was made from: its hash, or else every fact's
    text and every cell's raw text where the record says they are."""
    if text is None:
        return False
    if record.content_sha256:
        return content_sha256(text) == record.content_sha256
    spans = [(f.start, f.end, f.text) for f in record.facts] + [(c.start, c.end, c.raw) for c in record.cells]
    return all(text[start:end] == said for start, end, said in spans)


def number(value) -> str:
    """A cell value as the report prints it: ``3`` not ``3.0``; ``1,200,000`` for big numbers.

    >>> [number(v) for v in (3.0, 2.5, 1200000, None)]
    ['3', '2.5', '1,200,000', '']
    """
    return format_number(value, grouped=True)


def failed_fields(record: Record) -> set:
    return {f for c in record.checks if c.status == "fail" for f in c.fields}


def table_groups(record: Record, table: str) -> list:
    """The printed tables (:class:`GridView`) of one table of the template for the record's
    edition (none without an edition)."""
    edition = record.edition
    if edition not in EDITIONS:
        return []
    values = record.tables
    evidence = {c.field: c for c in record.cells}
    failed = failed_fields(record)

    def cell(field_id: str, headers: list) -> CellView:
        view = _cell_view(field_id, values, evidence.get(field_id), field_id in failed)
        view.headers = " ".join(headers)
        return view

    rows = [r for r in registry().rows(edition, table) if r.store]
    if table in OUTLINED and len({_column_ids(r) for r in rows}) == 1:
        if table in BANDED:
            return [_banded_grid(edition, table, rows, cell)]
        return [_outlined_grid(edition, table, rows, cell)]
    return _flat_grids(table, rows, cell)


def _column_ids(row) -> tuple:
    return tuple(c.id for c in row.columns)


def _flat_grids(table: str, rows, cell) -> list:
    """A table per run of rows with the same columns, one row heading per row."""
    grids = []
    for row in rows:
        if not grids or _column_ids(row) != grids[-1][0]:
            grids.append((_column_ids(row), []))
        grids[-1][1].append(row)
    views = []
    for n, (_, run) in enumerate(grids):
        prefix = f"h-{table}-{n}"
        heads = [HeadingView(c.aliases[0], f"{prefix}-{c.id}", "col") for c in run[0].columns]
        grid = GridView(table, [heads], corner=(1, 1))
        for row in run:
            heading = HeadingView(row.aliases[0], f"h-{row.id}", "row")
            grid.rows.append(([heading], [cell(f, [heading.id, h.id]) for f, h in zip(row.field_ids(), heads)]))
        views.append(grid)
    return views


def _outlined_grid(edition: str, table: str, rows, cell) -> GridView:
    """Row groups as the template prints them (rowspan over their rows), the columns under
    their bands (colspan)."""
    columns = rows[0].columns
    column_leaves, head = _column_head(f"h-{table}-c", [(_band_path(columns, c), c.id) for c in columns])
    row_nodes, depth = _laid_out([(_row_path(edition, row), row) for row in rows])
    grid = GridView(table, head, corner=(len(head), depth))
    pending = []
    for node, chain in _preorder(row_nodes, f"h-{table}-r"):
        span = {"colspan": node.extent, "rowspan": node.breadth}
        heading = HeadingView(node.label, node.id, "rowgroup" if node.children else "row",
                              headers=" ".join(a.id for a in chain), **span)
        pending.append(heading)
        if node.children:
            continue
        row = node.payload
        row_ids = [a.id for a in chain] + [node.id]
        grid.rows.append((pending, [cell(f"{row.id}.{col_id}", row_ids + ids) for col_id, ids in column_leaves]))
        pending = []
    return grid


def _banded_grid(edition: str, table: str, rows, cell) -> GridView:
    """The table the template prints as one row: each template row a band of columns under
    its group (行政诉讼 over 未经复议直接起诉 and 复议后起诉)."""
    items = []
    for row in rows:
        path = _row_path(edition, row)
        for column in row.columns:
            items.append((path + [(column.aliases[0], path[-1][1] + 1)], f"{row.id}.{column.id}"))
    leaves, head = _column_head(f"h-{table}-c", items)
    return GridView(table, head, [([], [cell(field_id, ids) for field_id, ids in leaves])])


def _column_head(prefix: str, items: list):
    """([(payload, [heading ids])] per column leaf, header rows) of columns given by their paths."""
    nodes, depth = _laid_out(items)
    head = [[] for _ in range(depth)]
    leaves = []
    for node, chain in _preorder(nodes, prefix):
        scope = "colgroup" if node.children else "col"
        head[node.at].append(HeadingView(node.label, node.id, scope, colspan=node.breadth, rowspan=node.extent,
                                         headers=" ".join(a.id for a in chain)))
        if not node.children:
            leaves.append((node.payload, [a.id for a in chain] + [node.id]))
    return leaves, head


def _band_path(columns, column) -> list:
    """A column's headings, outermost first: its bands (:data:`COLUMN_BANDS`), then its own."""
    bands = COLUMN_BANDS.get(tuple(c.id for c in columns), ())
    path = [label for label, ids in bands if column.id in ids] + [column.aliases[0]]
    return [(label, n + 1) for n, label in enumerate(path)]


def _row_path(edition: str, row) -> list:
    """A template row's headings with their outline levels, outermost first: its canonical
    label (fields.json, the same for each of its cells) less the column, cut at the spaces;
    the last is the row itself, as the template prints it (its first alias).

    >>> rows = {r.id: r for r in registry().rows("2021", "requests")}
    >>> _row_path("2021", rows["requests.withheld.inquiry"]), _row_path("2021", rows["requests.granted"])
    ([('（三）不予公开', 2), ('8.属于行政查询事项', 3)], [('三、本年度办理结果', 1), ('（一）予以公开', 2)])
    """
    column = row.columns[0]
    label = _label(edition, f"{row.id}.{column.id}")
    tokens = label[:-len(column.aliases[0])].rstrip(" /").split() if label.endswith(column.aliases[0]) else []
    tokens = tokens or [row.aliases[0]]
    path, level = [], 0
    for token in tokens:  # an unnumbered label is one level below the label before it
        level = outline_level(token) or level + 1
        path.append((token.translate(_PRINTED), level))
    path[-1] = (row.aliases[0], path[-1][1])
    return path


@dataclass
class _Node:
    label: str
    level: int
    payload: object = None
    children: list = field(default_factory=list)
    id: str = ""
    at: int = 0  # the first header row (or row-heading column) it takes
    extent: int = 1  # how many it takes
    breadth: int = 1  # the columns (or rows) it spans: its leaves


def _outline(items: list) -> list:
    """The heading tree of leaves given as ``(path, payload)`` in order; a path is a list of
    (label, outline level). A path that starts below the top level continues the group last
    opened above that level ((三)不予公开 after 三、本年度办理结果 (二)… stays in 三、);
    consecutive paths share their common groups.

    >>> tree = _outline([([("一、甲", 1)], 1), ([("二、乙", 1), ("(一)丙", 2)], 2), ([("(二)丁", 2), ("1.戊", 3)], 3)])
    >>> [(n.label, [(c.label, [g.label for g in c.children]) for c in n.children]) for n in tree]
    [('一、甲', []), ('二、乙', [('(一)丙', []), ('(二)丁', ['1.戊'])])]
    """
    roots, open_groups = [], []
    for path, payload in items:
        chain = [g for g in open_groups if g.level < path[0][1]]
        for label, level in path[:-1]:
            siblings = chain[-1].children if chain else roots
            if not (siblings and siblings[-1].children and siblings[-1].label == label and siblings[-1].level == level):
                siblings.append(_Node(label, level))
            chain.append(siblings[-1])
        (chain[-1].children if chain else roots).append(_Node(path[-1][0], path[-1][1], payload))
        open_groups = chain
    return roots


def _laid_out(items: list):
    """(the heading tree of ``items``, as :func:`_outline` builds it and :func:`_place` lays
    it out, its depth)."""
    nodes = _outline(items)
    depth = _depth(nodes)
    _place(nodes, 0, depth)
    return nodes, depth


def _depth(nodes) -> int:
    return max((1 + _depth(n.children) for n in nodes), default=0)


def _place(nodes, at: int, room: int) -> int:
    """Lay the tree out over ``room`` header rows (or row-heading columns) from ``at``, as the
    template does: a leaf takes the room left; a group of leaves only takes what its leaves
    leave it (行政复议 over two rows, its five results in the last); any other group one.
    Returns the leaves (the breadth) of ``nodes``."""
    total = 0
    for node in nodes:
        node.at = at
        if not node.children:
            node.extent, node.breadth = room, 1
        elif all(not c.children for c in node.children):
            node.extent = room - 1
            node.breadth = _place(node.children, at + room - 1, 1)
        else:
            node.extent = 1
            node.breadth = _place(node.children, at + 1, room - 1)
        total += node.breadth
    return total


def _preorder(nodes, prefix: str, chain=(), counter=None):
    """(node, its groups) in document order, each node given its id."""
    counter = counter if counter is not None else [0]
    for node in nodes:
        counter[0] += 1
        node.id = f"{prefix}{counter[0]}"
        yield node, list(chain)
        yield from _preorder(node.children, prefix, (*chain, node), counter)


#: how a cell without a number is shown in the printed table
_SHOWN = {"blank": CELL_STATE_ZH["blank"], "absent": "—"}


def _cell_view(field_id: str, values: dict, evidence: Optional[Cell], failed: bool) -> CellView:
    state = cell_state(values, field_id)
    shown = number(values[field_id]) if state == "value" else _SHOWN[state]
    return CellView(field_id, state, shown, failed, evidence)


def evidence_rows(record: Record, text: Optional[str]) -> list:
    """One row per cell read: what was read, where, and how it was pinned."""
    return [{**cell.to_dict(), "label": _label(record.edition, cell.field), "shown": number(cell.value),
             "snippet": snippet(text, cell.start, cell.end)} for cell in record.cells]


def _label(edition, field_id: str) -> str:
    try:
        return registry().field_label(edition, field_id)
    except KeyError:
        return field_id


def snippet(text: Optional[str], start, end) -> Optional[tuple]:
    """(before, the span, after) around ``text[start:end]``, or None without text or offsets."""
    if text is None or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return None
    return (text[max(0, start - _SNIPPET):start], text[start:end], text[end:end + _SNIPPET])


def paragraph_views(record: Record) -> list:
    """Paragraphs by section, each with its facts marked: (section title, [paragraph view])."""
    sections = {}
    for n, para in enumerate(record.paragraphs):
        inside = [f for f in record.facts if para.start <= f.start and f.end <= para.end]
        scores = sorted(para.scores.items(), key=lambda kv: -kv[1])[:3]
        view = {"n": n, "labels": list(para.labels), "scores": scores, "start": para.start,
                "end": para.end, "pieces": marked_pieces(para.text, para.start, inside)}
        sections.setdefault(para.section, []).append(view)
    return [(numbered_title(s) if 1 <= s <= 6 else f"section {s}", views) for s, views in sections.items()]


def marked_pieces(text: str, offset: int, facts) -> list:
    """The paragraph cut into (text, fact or None) pieces; overlapping facts: the first wins.

    >>> from nlp.record import Fact
    >>> fact = Fact("publication_count", "total", None, 244, "条", "exact", "发布信息244条", 10, 18)
    >>> [(piece, f is fact) for piece, f in marked_pieces("发布信息244条。", 10, [fact])]
    [('发布信息244条', True), ('。', False)]
    """
    pieces, at = [], 0
    for fact in sorted(facts, key=lambda f: (f.start, -f.end)):
        span = locate(text, fact.text or "", fact.start - offset)
        start, end = span if span else (fact.start - offset, fact.end - offset)
        if start < at or end > len(text):
            continue
        if start > at:
            pieces.append((text[at:start], None))
        pieces.append((text[start:end], fact))
        at = end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def summary(record: Record) -> dict:
    values = record.tables
    expected = _expected_fields(record.edition)
    checks = record.checks
    return {"cells": len(values), "blank": sum(v is None for v in values.values()),
            "absent": len(expected - set(values)), "expected": len(expected),
            "failed": sum(c.status == "fail" for c in checks),
            "not_assessable": sum(c.status == "not_assessable" for c in checks),
            "facts": len(record.facts), "paragraphs": len(record.paragraphs)}


def _expected_fields(edition) -> set:
    return set(registry().field_ids(edition)) if edition in EDITIONS else set()


#: The checks table's status words: English with ``labels="id"``, Chinese with ``"zh"``.
STATUS_WORDS = {"id": {}, "zh": STATUS_ZH}


def page_view(record: Record, text: Optional[str] = None, labels: str = "id") -> dict:
    """Everything the template shows; ``text`` (the report's text) adds snippets when it is the
    text the record was made from; ``labels="zh"`` shows the checks in Chinese."""
    text = text if text_matches(record, text) else None
    language = "zh" if labels == "zh" else "en"
    checks = [{**c.to_dict(), "message": c.said(language), "said": STATUS_WORDS[labels].get(c.status, c.status)}
              for c in record.checks]
    return {
        "record": {key: getattr(record, key) for key in _HEADER_KEYS}, "summary": summary(record),
        "has_text": text is not None,
        "tables": [(TABLE_TITLES[t], table_groups(record, t)) for t in TABLES], "labels": labels,
        "checks": checks, "evidence": evidence_rows(record, text),
        "ambiguous": [a.to_dict() for a in record.ambiguous],
        "facts": [{**f.to_dict(), "shown": number(f.value), "snippet": snippet(text, f.start, f.end)}
                  for f in record.facts],
        "sections": paragraph_views(record),
    }


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("nlp", "templates"), autoescape=select_autoescape(("html", "j2")),
                       trim_blocks=True, lstrip_blocks=True)


def render(record: Record, text: Optional[str] = None, labels: str = "id") -> str:
    """The HTML page of one record (``labels="zh"``: the checks in Chinese)."""
    return _environment().get_template(TEMPLATE).render(**page_view(record, text, labels))
