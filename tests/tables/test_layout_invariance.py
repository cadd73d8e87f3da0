"""The same table printed in another layout reads the same: each pipe-layout report is
re-printed as markdown, one cell per line (with and without trailing pipes), cells
separated by blank lines, and space-separated flow text, and its cells must not change."""
import pytest

from nlp.meta import detect_edition, detect_year
from nlp.segment import find_sections
from nlp.tables import read_tables
from training.corpus import DATA


def tables(text):
    result = read_tables(text, find_sections(text), detect_edition(text, detect_year(text)))
    return {c.field: c.value for c in result.cells}


def pieces(line):
    parts = [p.strip() for p in line.split("|")]
    return parts[:-1] if parts and parts[-1] == "" else parts


LAYOUTS = {
    "markdown": lambda parts: ["| " + " | ".join(parts) + " |"],
    "one cell per line": lambda parts: [p for p in parts] + ["|"],
    "cells ending in pipes": lambda parts: [(p + " |") if p else "|" for p in parts] + ["||"],
    "blank-line separated": lambda parts: [x for p in parts if p for x in (p, "")],
    "flow": lambda parts: [" ".join(p for p in parts if p)],
}
#: layouts that cannot show an empty cell: only for reports without blank cells
NO_BLANKS = {"one cell per line", "blank-line separated", "flow"}
SAME_CELLS = list(LAYOUTS)
#: a scraper printing every piece of the rows (the page's padding columns too) a cell a line:
#: a ``|`` line after each cell (seeds 001/002) or an empty line after each (seed 004), so an
#: empty cell is an empty line between two ``|`` lines, or one more empty line
LAYOUTS.update({
    "a cell a line between pipe lines": lambda parts: [x for p in parts for x in (p, "|")],
    "blank-line separated, blanks printed": lambda parts: [x for p in parts for x in (p, "")],
})


def reprint(text, layout):
    sections = {s.number: s for s in find_sections(text)}
    begin, end = sections[2].body_start, sections[5].start
    lines = []
    for line in text[begin:end].split("\n"):
        lines += LAYOUTS[layout](pieces(line)) if "|" in line else [line]
    return text[:begin] + "\n".join(lines) + text[end:]


REPORTS = [("samples/000_c322f99bcfb5564c", False), ("samples/003_1722c90fa512988b", True),
           ("fixtures/edition2021_pipe", False)]


@pytest.mark.parametrize("layout", SAME_CELLS)
@pytest.mark.parametrize("report, has_blanks", REPORTS, ids=[r for r, _ in REPORTS])
def test_layout_does_not_change_the_cells(report, has_blanks, layout):
    if has_blanks and layout in NO_BLANKS:
        pytest.skip("this layout cannot print an empty cell")
    text = (DATA / (report + ".txt")).read_text(encoding="utf-8")
    assert tables(reprint(text, layout)) == tables(text)


@pytest.mark.parametrize("layout", ["a cell a line between pipe lines", "blank-line separated, blanks printed"])
@pytest.mark.parametrize("report, has_blanks", REPORTS, ids=[r for r, _ in REPORTS])
def test_a_cell_a_line_never_changes_a_cell(report, has_blanks, layout):
    """Only the next label ends a row printed a cell a line, so a row of blanks followed by
    an unlabelled row (seed 003's 7.属于行政执法案卷) may be left out, never read from the
    next row's values; a report without blanks reads the same."""
    text = (DATA / (report + ".txt")).read_text(encoding="utf-8")
    before, after = tables(text), tables(reprint(text, layout))
    assert {f: (v, after[f]) for f, v in before.items() if f in after and after[f] != v} == {}
    assert set(after) <= set(before)
    if not has_blanks:
        assert after == before
