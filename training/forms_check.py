"""Read written forms back, without nianbao, and confirm every value and blank of the gold.

HTML (lxml), Word (python-docx) and markdown are read as expanded grids and compared with
the template grid cell for cell (labels, values, blanks, spans). The printed PDF (pdfplumber's
ruled tables) and the text layouts are searched row by row: the cells after each row label
must be the gold's values, blanks as empty cells.
"""
from __future__ import annotations

import re
from pathlib import Path

from training.forms import NAMES, Report, cell_text
from training.forms_layout import tables_for

SPACE = re.compile(r"\s+")


def norm(text) -> str | None:
    return None if text is None else SPACE.sub("", str(text)).replace("\xa0", "")


# --- readers: each gives rows of cell texts (None where a span covers the position) -------

def html_rows(path: Path) -> list:
    import lxml.html

    out = []
    for table in lxml.html.fromstring(path.read_text(encoding="utf-8")).iter("table"):
        cells, height, width = {}, 0, 0
        for r, tr in enumerate(table.iter("tr")):
            c = 0
            for td in tr.iter("td", "th"):
                while (r, c) in cells:
                    c += 1
                rs, cs = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
                for dr in range(rs):
                    for dc in range(cs):
                        cells[(r + dr, c + dc)] = td.text_content() if (dr, dc) == (0, 0) else None
                width, height = max(width, c + cs), max(height, r + rs)
                c += cs
        out.append([[cells.get((r, c)) for c in range(width)] for r in range(height)])
    return out


def docx_rows(path: Path) -> list:
    import docx

    out = []
    for table in docx.Document(str(path)).tables:
        grid = [list(row.cells) for row in table.rows]
        rows = []
        for r, row in enumerate(grid):
            rows.append([None if (c and cell._tc is row[c - 1]._tc) or (r and cell._tc is grid[r - 1][c]._tc)
                         else cell.text for c, cell in enumerate(row)])
        out.append(rows)
    return out


def markdown_rows(path: Path) -> list:
    tables, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.fullmatch(r"\|( --- \|)+", line):
            continue
        if line.startswith("| ") and line.endswith(" |"):
            if current is None:
                current = []
                tables.append(current)
            current.append(line[2:-2].split(" | "))
        else:
            current = None
    return tables


def pdf_rows(path: Path) -> list:
    """Ruled-table rows of every page. A row that a page break puts at the top of a page has
    no top rule there (it was drawn on the page before), so each page gets one at the top of
    its highest vertical rule, or pdfplumber would leave that row out."""
    import pdfplumber

    rows = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            tops = [e["top"] for e in page.edges if e["orientation"] == "v"]
            settings = {"explicit_horizontal_lines": [min(tops)]} if tops else {}
            rows += [row for table in page.extract_tables(settings) for row in table]
    return rows


def pipe_rows(path: Path) -> list:
    return [line[:-2].split(" | ") for line in path.read_text(encoding="utf-8").splitlines() if line.endswith(" |")]


def cell_tokens(path: Path) -> list:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [lines[i] for i in range(len(lines) - 1) if lines[i + 1] == "|" and lines[i] != "|"]


def blank_tokens(path: Path) -> list:
    """A cell is a line and the empty line after it; a blank cell is an empty line and its own
    separator, so k empty lines after a cell hold (k - 1) // 2 blank cells."""
    lines, tokens = path.read_text(encoding="utf-8").splitlines(), []
    for i, line in enumerate(lines):
        if line and i + 1 < len(lines) and lines[i + 1] == "":
            j = i + 1
            while j < len(lines) and lines[j] == "":
                j += 1
            tokens += [line] + [""] * ((j - i - 2) // 2)
    return tokens


# --- comparisons ---------------------------------------------------------------------------

def expected_grids(report: Report, covered="") -> list:
    return [[[covered if cell is None else cell_text(report, cell) for cell in row] for row in table.grid()]
            for _, table in sorted(tables_for(report.edition).items())]


def compare_grids(report: Report, got: list, covered) -> list:
    want = expected_grids(report, covered)
    if len(got) != len(want):
        return [f"{len(got)} tables, expected {len(want)}"]
    faults = []
    for t, (g, w) in enumerate(zip(got, want), start=2):
        if len(g) != len(w) or any(len(a) != len(b) for a, b in zip(g, w)):
            faults.append(f"section {t}: grid {len(g)}x{len(g[0]) if g else 0}, expected {len(w)}x{len(w[0])}")
            continue
        for r, (grow, wrow) in enumerate(zip(g, w)):
            for c, (a, b) in enumerate(zip(grow, wrow)):
                if norm(a) != norm(b):
                    faults.append(f"section {t} row {r} col {c}: {a!r}, expected {b!r}")
    return faults


def compare_rows(report: Report, rows: list) -> list:
    """Each data row's values are the cells after its label (spans skipped), in order."""
    faults, start = [], 0
    for table in (t for _, t in sorted(tables_for(report.edition).items())):
        for data in table.data:
            at = next((i for i in range(start, len(rows)) if norm(data.anchor) in map(norm, rows[i])), None)
            if at is None:
                faults.append(f"row {data.anchor!r} not found")
                continue
            start = at + 1
            row = rows[at + data.skip] if data.skip else rows[at]
            cells = row if data.skip else row[[norm(x) for x in row].index(norm(data.anchor)) + 1:]
            faults += _match(report, data, [x for x in cells if x is not None])
    return faults


def compare_tokens(report: Report, tokens: list) -> list:
    """Each data row's values are the tokens after its label (section 4: after 15 headings)."""
    faults, start = [], 0
    for table in (t for _, t in sorted(tables_for(report.edition).items())):
        for data in table.data:
            at = next((i for i in range(start, len(tokens)) if norm(tokens[i]) == norm(data.anchor)), None)
            if at is None:
                faults.append(f"cell {data.anchor!r} not found")
                continue
            first = at + 1 + (15 if data.skip else 0)
            faults += _match(report, data, tokens[first:first + len(data.fields)])
            start = first + len(data.fields)
    return faults


def _match(report: Report, data, got: list) -> list:
    faults = []
    for i, field in enumerate(data.fields):
        if field not in report.values:
            continue
        value = got[i] if i < len(got) else "<missing>"
        if norm(value) != norm(report.text(field)):
            faults.append(f"{field}: {value!r}, expected {report.text(field)!r}")
    return faults


CHECKS = {
    "html": lambda r, p: compare_grids(r, html_rows(p), None),
    "docx": lambda r, p: compare_grids(r, docx_rows(p), None),
    "markdown": lambda r, p: compare_grids(r, markdown_rows(p), ""),
    "pdf": lambda r, p: compare_rows(r, pdf_rows(p)),
    "pipes": lambda r, p: compare_rows(r, pipe_rows(p)),
    "cells": lambda r, p: compare_tokens(r, cell_tokens(p)),
    "blanks": lambda r, p: compare_tokens(r, blank_tokens(p)),
}


def form_of(path: Path) -> str:
    """The form a file name of training/forms.py stands for (its suffixes are distinct)."""
    for form, (_, suffix) in NAMES.items():
        if path.name.endswith(suffix):
            return form
    raise ValueError(f"{path.name}: not a form name of training/forms.py")


def check_report(report: Report, paths: list) -> list:
    """(message, ok) per written form."""
    cells = [f for f in report.values]
    blanks = sum(report.values[f] is None for f in cells)
    out = []
    for path in map(Path, paths):
        form = form_of(path)
        faults = CHECKS[form](report, path)
        if faults:
            out.append((f"{path.name}: {len(faults)} fault(s): " + "; ".join(faults[:5]), False))
        else:
            out.append((f"{path.name}: {len(cells)} cells ({blanks} blank) read back as the gold", True))
    return out
