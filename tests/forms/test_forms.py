"""training/forms.py writes a real report's tables in the forms users have; every form, read
back without nianbao (lxml, python-docx, pdfplumber, the text layouts' own rules), holds each
gold value and each blank where the gold says, and a form with a value slid into the next
column or a blank lost is caught."""
import json
import shutil

import pytest

from training.corpus import DATA
from training.forms import FORMS, FormsError, form_name, load_report, main, render, write_forms
from training.forms_check import blank_tokens, cell_tokens, check_report, pipe_rows
from training.forms_layout import tables_for

REPORTS = sorted(p for p in (DATA / "forms").iterdir() if (p / "gold.json").is_file())
WITH_BLANKS = DATA / "forms" / "f01_shanghai-gov-office-2019"
NOT_PDF = [f for f in FORMS if f != "pdf"]


def faults(folder, paths):
    return [message for message, ok in check_report(load_report(folder), paths) if not ok]


@pytest.mark.parametrize("folder", REPORTS, ids=lambda p: p.name)
def test_every_form_reads_back_as_the_gold(folder, tmp_path):
    assert faults(folder, write_forms(folder, tmp_path, NOT_PDF)) == []


@pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")),
                    reason="no chromium: run `make sysdeps`")
def test_browser_printed_pdf_keeps_every_blank(tmp_path):
    assert faults(WITH_BLANKS, write_forms(WITH_BLANKS, tmp_path, ["pdf"])) == []


def test_layout_holds_exactly_the_canonical_cells_in_order():
    spec = json.loads((DATA.parent / "nlp" / "data" / "fields.json").read_text(encoding="utf-8"))
    for edition in ("2019", "2021"):
        ids = [f["id"] for f in spec["editions"][edition]]
        laid = [cell.field for table in tables_for(edition).values() for row in table.rows for cell in row if cell.field]
        assert laid == ids


def test_the_gold_blanks_are_printed_empty():
    report = load_report(WITH_BLANKS)
    html = render(report, "html").decode("utf-8")
    assert "<td>821</td><td>35</td><td></td><td></td><td>2</td><td>1</td><td>859</td>" in html
    assert report.text("active.procurement.amount_yuan") == "251000元"


@pytest.mark.parametrize("form, printed, damaged, fault", [
    # a value slid one column left over a blank (the failure of issue 12)
    ("cells", "35\n|\n\n|\n\n|\n2\n|\n1\n|", "35\n|\n\n|\n2\n|\n\n|\n1\n|", "requests.new_received.social_welfare"),
    ("html", "<td>35</td><td></td><td></td><td>2</td>", "<td>35</td><td></td><td>2</td><td></td>", "section 3 row 3"),
    # a blank cell lost on the way (one blank line fewer; one piece fewer)
    ("blanks", "35\n\n\n\n\n\n2\n", "35\n\n\n\n2\n", "requests.new_received.social_welfare"),
    ("pipes", "821 | 35 |  |  | 2 |", "821 | 35 |  | 2 |", "requests.new_received.social_welfare"),
    # a blank printed as 0
    ("markdown", "| 821 | 35 |  |", "| 821 | 35 | 0 |", "section 3 row 3 col 5"),
])
def test_a_damaged_form_is_caught(tmp_path, form, printed, damaged, fault):
    [path] = write_forms(WITH_BLANKS, tmp_path, [form])
    text = path.read_text(encoding="utf-8")
    assert printed in text
    path.write_text(text.replace(printed, damaged, 1), encoding="utf-8")
    found = faults(WITH_BLANKS, [path])
    assert found and fault in found[0]


@pytest.mark.parametrize("text, tokens", [
    ("a\n\nb\n\n", ["a", "b"]),                 # one empty line separates two cells
    ("a\n\n\n\nb\n\n", ["a", "", "b"]),         # a blank cell adds its line and its separator
    ("a\n\n\n\n\n\nb\n\n", ["a", "", "", "b"]),
    ("title\npara\nc\n\n", ["c"]),              # narrative lines are no cells
])
def test_blank_line_layout_rule(tmp_path, text, tokens):
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    assert blank_tokens(path) == tokens


@pytest.mark.parametrize("text, want", [
    ("a\n|\n\n|\nb\n|\n", ["a", "", "b"]),       # an empty line between two | lines is a blank
    ("heading\na\n|\n", ["a"]),                 # the line before the first cell is no cell
])
def test_cell_line_layout_rule(tmp_path, text, want):
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    assert cell_tokens(path) == want


def test_pipe_rows_keep_a_trailing_blank(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("（七）总计 | 3 |  |\nnarrative | not a row\n", encoding="utf-8")
    assert pipe_rows(path) == [["（七）总计", "3", ""]]


def test_same_input_same_bytes(tmp_path):
    first = write_forms(WITH_BLANKS, tmp_path / "a", NOT_PDF)
    second = write_forms(WITH_BLANKS, tmp_path / "b", NOT_PDF)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_each_form_has_its_own_stem():
    names = [form_name("f01_shanghai-gov-office-2019", f) for f in FORMS]
    assert len({n.split(".")[0] for n in names}) == len(FORMS)
    assert form_name("f01_shanghai-gov-office-2019", "docx") == "f01d_shanghai-gov-office-2019.docx"


def test_a_narrative_without_section_heading_is_named(tmp_path):
    folder = tmp_path / "x01_broken-2020"
    folder.mkdir()
    (folder / "gold.json").write_text((WITH_BLANKS / "gold.json").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "narrative.txt").write_text("标题\n一、总体情况\n正文。\n", encoding="utf-8")
    with pytest.raises(FormsError, match=r"x01_broken-2020/narrative.txt: no heading line for section\(s\) \[2, 3, 4\]"):
        write_forms(folder, tmp_path / "out", ["html"])


def test_command_reports_a_bad_folder_and_goes_on(tmp_path, capsys):
    status = main([str(tmp_path / "missing"), str(WITH_BLANKS), "--out", str(tmp_path / "out"), "--forms", "cells", "--check"])
    out, err = capsys.readouterr()
    assert status == 1
    assert "missing" in err and "cannot read gold.json" in err and "Traceback" not in err
    assert "f01c_shanghai-gov-office-2019-cell_lines.txt: 198 cells (135 blank) read back as the gold" in out
