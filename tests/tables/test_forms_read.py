"""Issue 12's invariance suite: a real report's tables read the same, blanks included, in
every form users have — the template's HTML page, the Word file typed from it, the PDF a
browser prints of it, pipe rows, a cell a line, blank-line separated cells and markdown —
and no cell is ever given a value that is not the printed one.

Reports: the development reports of data/forms (real reports with their twice-read gold;
f01 is a real page with 135 blank cells under row-spanning headings), their forms made by
training/forms.py, the real pages themselves, the forms of seed 003 and report 009 the
issue came with (data/fixtures/forms), and every bundled report whose gold holds a blank
cell (data/gold + data/samples: 002 with a row of blanks, 003 with 144) in all seven forms."""
import json
import re
import shutil

import pytest

from nlp.read import read_bytes, read_path
from nlp.segment import find_sections
from training.corpus import DATA
from training.forms import FORMS, Report, load_report, render, unruled_pdf_bytes

REPORTS = sorted(p for p in (DATA / "forms").iterdir() if (p / "gold.json").is_file())
FIXTURES = DATA / "fixtures" / "forms"
HAS_CHROMIUM = bool(shutil.which("chromium") or shutil.which("chromium-browser"))
SUFFIX = {"html": ".html", "docx": ".docx", "pdf": ".pdf", "markdown": ".md"}


def _has_blank(path) -> bool:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return any(v is None for v in gold["tables"].values()) and (DATA / "samples" / gold["source"]).is_file()


#: bundled reports (gold in data/gold, text in data/samples) with at least one blank cell
BUNDLED_WITH_BLANKS = sorted(p for p in (DATA / "gold").glob("*.json") if _has_blank(p))


def bundled_report(gold_path) -> tuple:
    """(Report, gold tables) of a bundled report: its own narrative (the text outside the
    section 2-4 tables, their headings kept) around its gold cells, for training/forms.py."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (DATA / "samples" / gold["source"]).read_text(encoding="utf-8")
    sections = {s.number: s for s in find_sections(text)}
    kept = text[:sections[2].body_start] + "\n" + "\n".join(sections[n].heading for n in (3, 4)) + "\n" + \
        text[sections[5].start:]
    lines = [ln.strip() for ln in kept.splitlines() if ln.strip()]
    report = Report(gold_path.stem, gold["edition"], lines[0], lines[1:], dict(gold["tables"]))
    return report, gold["tables"]


def misread(record: dict, gold: dict) -> tuple:
    """(gold cells read wrongly, gold cells missing): a wrong one has a value, or a blank,
    that is not the printed one."""
    tables = record["tables"]
    wrong = {f: (v, tables[f]) for f, v in gold.items() if f in tables and tables[f] != v}
    missing = sorted(f for f in gold if f not in tables)
    return wrong, missing


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("folder", REPORTS, ids=lambda p: p.name)
def test_every_form_reads_the_gold_cells(engine, folder, form):
    if form == "pdf" and not HAS_CHROMIUM:
        pytest.skip("no chromium: run `make sysdeps`")
    report = load_report(folder)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["tables"]
    doc = read_bytes(render(report, form), folder.name + SUFFIX.get(form, ".txt"))
    wrong, missing = misread(engine.annotate(doc).to_dict(), gold)
    assert wrong == {} and missing == []


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("gold_path", BUNDLED_WITH_BLANKS, ids=lambda p: p.stem)
def test_each_bundled_report_with_blanks_reads_the_same_in_every_form(engine, gold_path, form):
    """A bundled report with blank cells read from each form gives its gold cells, every
    blank a blank (``None``, never 0 and never a neighbour's value)."""
    if form == "pdf" and not HAS_CHROMIUM:
        pytest.skip("no chromium: run `make sysdeps`")
    report, gold = bundled_report(gold_path)
    assert any(v is None for v in gold.values())
    doc = read_bytes(render(report, form), gold_path.stem + SUFFIX.get(form, ".txt"))
    wrong, missing = misread(engine.annotate(doc).to_dict(), gold)
    assert wrong == {} and missing == []


def test_bundled_reports_with_blanks_are_found():
    assert {p.stem[:3] for p in BUNDLED_WITH_BLANKS} >= {"002", "003"}


@pytest.mark.skipif(not HAS_CHROMIUM, reason="no chromium: run `make sysdeps`")
@pytest.mark.parametrize("folder", REPORTS, ids=lambda p: p.name)
def test_a_pdf_table_without_rules_is_read_by_word_positions(engine, folder):
    """Printed with the borders hidden, a table is words on lines: each value goes to the
    header whose column it stands under, a gap in a row of numbers is a blank cell. A row
    that prints only its label (all blank) or a table that prints no number cannot be
    told from a row or table left out: those cells may be missing, never wrong."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["tables"]
    doc = read_bytes(unruled_pdf_bytes(load_report(folder)), folder.name + "-unruled.pdf")
    assert any(g.unit == "words" for g in doc.grids)
    wrong, missing = misread(engine.annotate(doc).to_dict(), gold)
    assert wrong == {}
    assert len(missing) <= 0.12 * len(gold), missing


REVIEW_FIELDS = [f"{row}.{col}" for row in ("review", "litigation_direct", "litigation_after_review")
                 for col in ("upheld", "corrected", "other", "pending", "total")]


@pytest.mark.skipif(not HAS_CHROMIUM, reason="no chromium: run `make sysdeps`")
@pytest.mark.parametrize("stem, blank_review, band_cells", [
    # f01's real text with its section-4 row printed all blank (as 020q prints it): the header
    # is found and nothing stands under it before section 5, so its one row is 15 blanks
    ("f01_shanghai-gov-office-2019", True, 15),
    ("t04_pingtan-finance-bureau-2020", True, 15),
    # must not: the same reports printing their numbers read them as before, no band
    ("f01_shanghai-gov-office-2019", False, 0),
    ("t04_pingtan-finance-bureau-2020", False, 0),
])
def test_a_one_row_table_printed_all_blank_without_rules_is_a_row_of_blanks(engine, stem, blank_review, band_cells):
    report = load_report(DATA / "forms" / stem)
    if blank_review:
        report.values.update({f: None for f in REVIEW_FIELDS})
    doc = read_bytes(unruled_pdf_bytes(report), stem + "-unruled.pdf")
    record = engine.annotate(doc).to_dict()
    band = [c for c in record["cells"] if c["placed_by"] == "empty band"]
    assert len(band) == band_cells
    assert all(c["value"] is None and c["raw"] == "" and c["ocr_confidence"] is None for c in band)
    if blank_review:
        assert {f: record["tables"].get(f, "absent") for f in REVIEW_FIELDS} == dict.fromkeys(REVIEW_FIELDS)
        wrong, missing = misread(record, report.values)
        assert wrong == {}


@pytest.mark.parametrize("folder", REPORTS, ids=lambda p: p.name)
def test_the_page_as_found_gives_no_wrong_cell(engine, folder):
    """The verbatim source: a real HTML page reads every cell; crawled text whose cells ran
    together may leave a row it cannot split to ``ambiguous``, never fill it wrongly."""
    source = next(folder.glob("source.*"))
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["tables"]
    record = engine.annotate(read_path(source)).to_dict()
    wrong, missing = misread(record, gold)
    assert wrong == {}
    if source.suffix == ".html":
        assert missing == []
    else:
        assert all(any(f in a["fields"] for a in record["ambiguous"]) for f in missing)
        assert len(missing) <= 0.1 * len(gold)


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.glob("*") if p.suffix != ".json"), ids=lambda p: p.name)
def test_the_issue_forms_read_the_gold_cells(engine, path):
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["tables"]
    wrong, missing = misread(engine.annotate(read_path(path)).to_dict(), gold)
    assert wrong == {} and missing == []


@pytest.mark.parametrize("form", ["markdown", "pipes", "html"])
def test_a_cell_that_is_no_number_is_never_read_as_blank(engine, form):
    """t04 prints its procurement row 2笔 | 984361元; with the measure word garbled (2筆x)
    the row must go to ambiguous, not read 984361元 as a count and the rest as blank."""
    report = load_report(DATA / "forms" / "t04_pingtan-finance-bureau-2020")
    printed = render(report, form).decode("utf-8")
    assert "2笔" in printed
    damaged = printed.replace("2笔", "2筆x")
    record = engine.annotate(read_bytes(damaged.encode("utf-8"), "t04" + SUFFIX.get(form, ".txt"))).to_dict()
    assert not any(k.startswith("active.procurement") for k in record["tables"])
    assert any("active.procurement.projects" in a["fields"] for a in record["ambiguous"])


def test_a_row_short_of_cells_is_ambiguous_not_shifted(engine):
    """A drawn row that lost a cell (one <td> fewer than the header names) is never read by
    order: the value under 商业企业 does not slide to 自然人's column."""
    folder = DATA / "forms" / "f01_shanghai-gov-office-2019"
    html = render(load_report(folder), "html").decode("utf-8")
    row = "<td>821</td><td>35</td><td></td><td></td><td>2</td><td>1</td><td>859</td>"
    assert row in html
    damaged = html.replace(row, "<td>35</td><td></td><td></td><td>2</td><td>1</td><td>859</td>")
    record = engine.annotate(read_bytes(damaged.encode("utf-8"), "damaged.html")).to_dict()
    fields = [f"requests.new_received.{c}" for c in ("natural_person", "commercial", "total")]
    assert all(f not in record["tables"] for f in fields)
    assert any(set(fields) <= set(a["fields"]) for a in record["ambiguous"])


def _with_extra_column(html: str, kind: str, fill: str) -> str:
    """The section-3 table of a rendered page with a 备注 column at its right (header
    ``备注`` over the three header rows, ``fill`` in every data row) or a spacer column
    without header between the labels and the values."""
    begin = html.index("<table", html.index("<h2>三、"))
    end = html.index("</table>", begin)
    rows = html[begin:end].split("</tr>")
    out = []
    for k, row in enumerate(rows):
        if "<tr>" in row and kind == "remark":
            row += "<td rowspan='3'>备注</td>" if k == 0 else ("" if k < 3 else f"<td>{fill}</td>")
        elif "<tr>" in row and kind == "spacer":
            if k == 0:
                row = row.replace("<td colspan='7'>", "<td rowspan='3'></td><td colspan='7'>", 1)
            elif k >= 3:
                first_value = re.search(r"<td>\d*</td>", row).start()  # section 3 prints counts or nothing
                row = row[:first_value] + "<td></td>" + row[first_value:]
        out.append(row)
    return html[:begin] + "</tr>".join(out) + html[end:]


EXTRA_COLUMNS = [  # (report, column, what each data row prints in it, read in full)
    ("f01_shanghai-gov-office-2019", "remark", "", True),
    ("f01_shanghai-gov-office-2019", "remark", "无", True),
    ("t05_pingtan-police-2019", "remark", "已办结", True),
    ("f01_shanghai-gov-office-2019", "spacer", "", True),
    ("t05_pingtan-police-2019", "spacer", "", True),
    # a number under 备注 names no column of the row: the rows go to ambiguous, nothing is placed
    ("f01_shanghai-gov-office-2019", "remark", "1", False),
    ("t05_pingtan-police-2019", "remark", "1", False),
]


@pytest.mark.parametrize("stem, kind, fill, read_in_full", EXTRA_COLUMNS)
def test_a_remark_or_spacer_column_is_left_out(engine, stem, kind, fill, read_in_full):
    """A drawn table with a column the template lacks (备注 at the right, an empty spacer
    without header): its cells stand under no header naming a template column and are left
    out; each value is still read from the column its header names. A value standing in such
    a column is not slid anywhere: the row is ambiguous and says why."""
    folder = DATA / "forms" / stem
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["tables"]
    html = _with_extra_column(render(load_report(folder), "html").decode("utf-8"), kind, fill)
    assert html.count("<td") > render(load_report(folder), "html").decode("utf-8").count("<td") + 20
    record = engine.annotate(read_bytes(html.encode("utf-8"), stem + "-extra.html")).to_dict()
    wrong, missing = misread(record, gold)
    assert wrong == {}
    if read_in_full:
        assert missing == []
        placed = [c for c in record["cells"] if c["field"].startswith("requests.")]
        assert placed and all(c["column_header"] not in ("", "备注") for c in placed)
    else:
        requests = [f for f in gold if f.startswith("requests.new_received")]
        assert all(f in missing for f in requests)
        assert any("naming no column" in a["reason"] and set(requests) <= set(a["fields"])
                   for a in record["ambiguous"])
