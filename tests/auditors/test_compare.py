"""Year over year: agencies matched across years, carry-over and documents in force."""
from __future__ import annotations

import csv
import json

import pytest

from nlp.cli import main
from nlp.compare import AGENCY_CUTOFF, agency_score, compare_pair, compare_records, consecutive_pairs
from nlp.record import ErrorRecord, Record

COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


@pytest.mark.parametrize("a, b, same", [
    ("洪泽区人民政府", "淮安市洪泽区人民政府", True),
    ("平潭综合实验区", "平潭综合实验区", True),
    ("杨凌示范区外事办公室(国际合作局)", "杨凌示范区外事办公室（国际合作局）", True),
    ("湖南省长沙市岳麓区教育局", "岳麓区教育局", True),
    # must not match
    ("上海市人民政府办公厅", "上海市科委", False),
    ("洪泽区人民政府", "淮阴区人民政府", False),
    ("杨凌示范区外事办公室(国际合作局)", "杨陵区招商服务二局", False),
    ("嘉峪关市人民政府郊区工作办公室", "嘉峪关市人民政府", False),
    ("洪泽区人民政府", None, False),
])
def test_agency_names_match_across_years(a, b, same):
    assert (agency_score(a, b) >= AGENCY_CUTOFF) is same


def record(source, agency, year, edition="2021", **cells) -> Record:
    return Record.from_dict(record_dict(source, agency, year, edition, **cells))


def record_dict(source, agency, year, edition="2021", **cells) -> dict:
    tables = {f"requests.carried_over.{c}": 0 for c in COLUMNS}
    tables.update({f"requests.carried_forward.{c}": 0 for c in COLUMNS})
    if edition == "2021":
        tables.update({f"active.{r}.{c}": 0 for r in ("rules", "normative") for c in ("issued", "repealed", "in_force")})
    tables.update({k.replace("__", "."): v for k, v in cells.items()})
    return {"source": source, "agency": agency, "year": year, "edition": edition, "tables": tables}


def by_item(findings):
    return {(f.rule, f.item): f for f in findings}


def test_consistent_years_pass():
    last = record("a.txt", "洪泽区人民政府", 2023, requests__carried_forward__total=2,
                  requests__carried_forward__natural_person=2, active__normative__in_force=5)
    this = record("b.txt", "淮安市洪泽区人民政府", 2024, requests__carried_over__total=2,
                  requests__carried_over__natural_person=2, active__normative__issued=3, active__normative__in_force=8)
    findings = compare_records([this, last])
    assert len(findings) == 9 and {f.status for f in findings} == {"pass"}
    assert by_item(findings)["yoy.in_force", "normative"].expected == 8
    assert findings[0].agency_score == 100 and findings[0].last_source == "a.txt"


def test_carry_over_that_disagrees_fails_in_its_column():
    last = record("a.txt", "某县民政局", 2022, requests__carried_forward__research=1, requests__carried_forward__total=1)
    this = record("b.txt", "某县民政局", 2023)
    found = by_item(compare_records([last, this]))
    assert found["yoy.carry_over", "research"].status == "fail"
    assert found["yoy.carry_over", "total"].status == "fail"
    assert "0 ≠ 1" in found["yoy.carry_over", "total"].message
    # the rows as the template prints them (fields.json), the column by its name
    assert found["yoy.carry_over", "research"].message.startswith(
        "科研机构: 2023年 二、上年结转政府信息公开申请数量 = 2022年 四、结转下年度继续办理: ")
    assert found["yoy.carry_over", "natural_person"].status == "pass"


def test_documents_in_force_that_do_not_add_up_fail():
    last = record("a.txt", "某市司法局", 2022, active__rules__in_force=4)
    this = record("b.txt", "某市司法局", 2023, active__rules__issued=1, active__rules__repealed=2, active__rules__in_force=4)
    finding = by_item(compare_records([last, this]))["yoy.in_force", "rules"]
    assert (finding.status, finding.expected, finding.found) == ("fail", 3, 4)
    assert "4 + 1 − 2 = 3, but the report says 4" in finding.message


@pytest.mark.parametrize("last_cells, this_cells, rule, item, why", [
    ({"requests.carried_forward.total": None}, {}, "yoy.carry_over", "total", "2022:requests.carried_forward.total is blank"),
    ({}, {"requests.carried_over.commercial": "drop"}, "yoy.carry_over", "commercial", "2023:requests.carried_over.commercial is absent"),
    ({}, {"active.normative.repealed": None}, "yoy.in_force", "normative", "2023:active.normative.repealed is blank"),
])
def test_blank_or_absent_cells_are_not_assessable(last_cells, this_cells, rule, item, why):
    last, this = record_dict("a.txt", "某局", 2022), record_dict("b.txt", "某局", 2023)
    for rec, cells in ((last, last_cells), (this, this_cells)):
        for field, value in cells.items():
            rec["tables"].pop(field) if value == "drop" else rec["tables"].__setitem__(field, value)
    finding = by_item(compare_pair(Record.from_dict(last), Record.from_dict(this), 100.0))[rule, item]
    assert finding.status == "not_assessable" and why in finding.message


def test_in_force_needs_the_2021_template_in_both_years():
    last = record("a.txt", "某局", 2020, edition="2019")
    this = record("b.txt", "某局", 2021)
    found = by_item(compare_records([last, this]))
    assert found["yoy.in_force", "rules"].status == "not_assessable"
    assert "has no 现行有效件数" in found["yoy.in_force", "rules"].message
    assert found["yoy.carry_over", "total"].status == "pass"


@pytest.mark.parametrize("other", [
    record("b.txt", "某局", 2024),                      # two years later
    record("b.txt", "另一个单位", 2023),                 # another agency
    record("b.txt", "某局", 2022),                      # the same year
    ErrorRecord("b.txt", None, "E101", "empty"),
])
def test_reports_that_are_no_consecutive_pair_are_not_compared(other):
    assert consecutive_pairs([record("a.txt", "某局", 2022), other]) == []


def test_real_reports_pair_only_hongze(records):
    pairs = consecutive_pairs(records)
    assert [(a.source.rsplit("/", 1)[-1], b.source.rsplit("/", 1)[-1]) for a, b, _ in pairs] == [
        ("011_hongze-district-2023-pdftext.txt", "012_hongze-district-2024-pdftext.txt")]
    findings = compare_records(records)
    assert len(findings) == 9 and {f.status for f in findings} == {"pass"}


def test_command_prints_and_writes_findings(records_file, tmp_path, capsys):
    out = tmp_path / "findings.csv"
    assert main(["compare", str(records_file), "--to", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "洪泽区人民政府 2023 → 淮安市洪泽区人民政府 2024 (agency score 100): 9 pass" in printed
    assert "1 pairs of consecutive years, 9 comparisons: 9 pass, 0 fail, 0 not assessable" in printed
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 9 and rows[-1]["item"] == "normative" and rows[-1]["expected"] == rows[-1]["found"]


def test_command_writes_json_lines(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    rows = [record_dict("a.txt", "某局", 2022, requests__carried_forward__total=1), record_dict("b.txt", "某局", 2023)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert main(["compare", str(path), "--to", str(tmp_path / "f.jsonl")]) == 0
    assert "  fail            yoy.carry_over  总计" in capsys.readouterr().out
    written = [json.loads(l) for l in (tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(written) == 9 and [w["status"] for w in written if w["item"] == "total"] == ["fail"]


@pytest.mark.parametrize("content, to, message", [
    ("not json\n", None, "line 1 is not an annotation record"),
    ("", "out.xlsx", "cannot write findings as '.xlsx'"),
])
def test_bad_input_is_one_line(tmp_path, capsys, content, to, message):
    path = tmp_path / "in.jsonl"
    path.write_text(content, encoding="utf-8")
    argv = ["compare", str(path)] + (["--to", str(tmp_path / to)] if to else [])
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_missing_file_is_one_line(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "nope.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "nope.jsonl" in err and len(err.strip().splitlines()) == 1


def test_an_unwritable_output_is_one_line(records_file, tmp_path, capsys):
    out = tmp_path / "no" / "such" / "dir" / "findings.csv"
    assert main(["compare", str(records_file), "--to", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{out}: [E400] cannot write: No such file or directory" in err and len(err.strip().splitlines()) == 1
