"""Exports read back with pandas: one row per report, a table per template edition with
that edition's canonical cells as columns, findings, facts, paragraphs and errors in tables
of their own; a failed export leaves no file behind."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from nlp.cli import main
from nlp.exports import edition_columns, partial_path, tables
from nlp.schema import registry

ROOT = Path(__file__).resolve().parents[2]
META = ["source", "content_sha256", "edition", "year", "agency", "cells_found", "cells_blank",
        "checks_failed", "checks_not_assessable"]

REPORT_2019 = {
    "source": "a/甲.txt", "content_sha256": "a" * 64, "edition": "2019", "year": 2020, "agency": "某市外事办公室",
    "tables": {"requests.new_received.total": 3, "requests.carried_over.total": None,
               "active.procurement.amount_yuan": 1200000},
    "facts": [{"kind": "publication_count", "channel": "website", "account": None, "value": 244,
               "unit": "条", "qualifier": "exact", "text": "发布信息244条", "start": 5, "end": 13}],
    "paragraphs": [{"section": 5, "text": "=SUM(A1) 存在的问题", "start": 40, "end": 52,
                    "labels": ["problems", "platform"], "scores": {"problems": 0.9}}],
    "checks": [
        {"rule": "requests.balance", "status": "not_assessable",
         "fields": ["requests.new_received.total", "requests.carried_over.total", "requests.total.total"],
         "message": "二 is blank"},
        {"rule": "requests.column_sum", "status": "fail", "fields": ["requests.new_received.total"],
         "message": "3 != 2"},
        {"rule": "litigation.sum", "status": "pass", "fields": [], "message": "ok"},
    ],
    "cells": [], "ambiguous": [],
}
REPORT_2021 = {
    "source": "b/乙.txt", "content_sha256": "b" * 64, "edition": "2021", "year": 2022, "agency": None,
    "tables": {"active.rules.issued": 1, "active.fees.amount_wan_yuan": 2.5},
    "facts": [], "paragraphs": [], "checks": [{"rule": "requests.balance", "status": "pass", "fields": [], "message": ""}],
    "cells": [], "ambiguous": [],
}
FAILED = {"source": "c/空.txt", "content_sha256": None, "error": {"code": "E101", "message": "the file is empty"}}


@pytest.fixture
def records(tmp_path) -> Path:
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (REPORT_2019, FAILED, REPORT_2021)),
                    encoding="utf-8")
    return path


def read_back(out: Path) -> dict:
    if out.suffix == ".xlsx":
        return pd.read_excel(out, sheet_name=None)
    read = pd.read_csv if out.suffix == ".csv" else pd.read_parquet
    return {t.name: read(out if t.name == "reports" else out.with_name(f"{out.stem}.{t.name}{out.suffix}"))
            for t in tables()}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".parquet"])
def test_export_reads_back(records, tmp_path, suffix):
    out = tmp_path / f"export{suffix}"
    assert main(["export", str(records), "--to", str(out)]) == 0
    got = read_back(out)

    assert list(got) == ["reports", "reports_2019", "reports_2021", "findings", "facts", "paragraphs", "errors"]
    reports = got["reports"]
    assert list(reports.columns) == META and list(reports["source"]) == ["a/甲.txt", "b/乙.txt"]
    for edition, source in (("2019", "a/甲.txt"), ("2021", "b/乙.txt")):
        by_edition = got[f"reports_{edition}"]
        assert list(by_edition.columns[:len(META)]) == META
        assert list(by_edition.columns[len(META):]) == [c.id for c in edition_columns(edition)]
        assert set(by_edition.columns[len(META):]) == set(registry().field_ids(edition))
        assert list(by_edition["source"]) == [source]
    first, second = got["reports_2019"].iloc[0], got["reports_2021"].iloc[0]
    assert first["requests.new_received.total"] == 3 and first["active.procurement.amount_yuan"] == 1200000
    assert pd.isna(first["requests.carried_over.total"]) and pd.isna(first["review.total"])
    assert (first["cells_found"], first["cells_blank"], first["checks_failed"], first["checks_not_assessable"]) == (3, 1, 1, 1)
    assert second["active.fees.amount_wan_yuan"] == 2.5 and second["year"] == 2022
    assert "active.rules.new_made" not in got["reports_2021"] and "active.rules.issued" not in got["reports_2019"]
    assert got["reports_2021"]["active.rules.issued"].dtype.kind == "i"  # a count column: integers

    findings = got["findings"]
    assert list(findings["rule"]) == ["requests.balance", "requests.column_sum"]
    assert list(findings["status"]) == ["not_assessable", "fail"]
    assert findings.iloc[0]["cells"] == ("requests.new_received.total=3; requests.carried_over.total=blank; "
                                         "requests.total.total=absent")

    facts = got["facts"]
    assert len(facts) == 1 and facts.iloc[0]["value"] == 244 and facts.iloc[0]["channel"] == "website"
    paragraphs = got["paragraphs"]
    assert paragraphs.iloc[0]["text"] == "=SUM(A1) 存在的问题" and paragraphs.iloc[0]["labels"] == "problems, platform"
    errors = got["errors"]
    assert list(errors["source"]) == ["c/空.txt"] and list(errors["code"]) == ["E101"]


def test_chinese_labels_come_from_the_registry(records, tmp_path):
    out = tmp_path / "export.xlsx"
    assert main(["export", str(records), "--to", str(out), "--labels", "zh"]) == 0
    got = pd.read_excel(out, sheet_name=None)
    assert list(got) == [t.zh for t in tables()]
    reg = registry()
    for edition, field in (("2019", "active.rules.new_made"), ("2021", "active.rules.issued")):
        reports = got[f"报告（{edition}年版模板）"]
        assert reg.field_label(edition, field) in reports.columns
        assert reports.columns.is_unique and len(reports.columns) == len(META) + len(reg.field_ids(edition))
    label = reg.field_label("2019", "requests.carried_over.total")
    assert f"{label}=空白" in got["校验问题"].iloc[0]["单元格取值"]


def test_text_that_looks_like_a_formula_stays_text_in_xlsx(records, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "export.xlsx"
    main(["export", str(records), "--to", str(out)])
    cell = load_workbook(out)["paragraphs"]["D2"]
    assert cell.value == "=SUM(A1) 存在的问题" and cell.data_type == "s"


def test_a_half_written_last_line_is_left_out(records, tmp_path):
    with open(records, "a", encoding="utf-8") as f:
        f.write('{"source":"d.txt","tab')
    out = tmp_path / "export.csv"
    assert main(["export", str(records), "--to", str(out)]) == 0
    assert len(pd.read_csv(out)) == 2


def test_a_line_that_is_not_a_record_is_one_error_line(records, tmp_path, capsys):
    records.write_text("not json\n", encoding="utf-8")
    assert main(["export", str(records), "--to", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err
    assert "line 1 is not an annotation record" in err and "Traceback" not in err


def test_an_unknown_format_names_the_known_ones(records, tmp_path, capsys):
    assert main(["export", str(records), "--to", str(tmp_path / "x.json")]) == 2
    assert ".xlsx, .csv, .parquet" in capsys.readouterr().err


def test_annotate_then_export_one_row_per_report(tmp_path):
    records = tmp_path / "samples.jsonl"
    assert main(["annotate", str(ROOT / "data" / "samples"), "-o", str(records), "-j", "1", "-q"]) == 0
    out = tmp_path / "samples.parquet"
    assert main(["export", str(records), "--to", str(out)]) == 0
    reports = pd.read_parquet(out)
    assert len(reports) == len(records.read_text(encoding="utf-8").splitlines())
    assert len(pd.read_parquet(out.with_name("samples.errors.parquet"))) == 0


def test_xlsx_sheets_have_an_autofilter_and_integer_counts(records, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "export.xlsx"
    assert main(["export", str(records), "--to", str(out)]) == 0
    book = load_workbook(out)
    sheet = book["reports_2019"]
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}2"
    assert sheet.freeze_panes == "B2"
    column = [c.value for c in sheet[1]].index("requests.new_received.total") + 1
    assert sheet.cell(2, column).value == 3 and isinstance(sheet.cell(2, column).value, int)
    # a column with blank cells reads as pandas' nullable integers
    counts = pd.read_excel(out, sheet_name="reports_2019", dtype_backend="numpy_nullable")
    assert str(counts["requests.carried_over.total"].dtype) == "Int64"
    assert all(c.kind == "int" for c in edition_columns("2019") if c.id.startswith("requests."))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".parquet"])
def test_a_failed_export_leaves_no_file_and_keeps_the_earlier_one(tmp_path, suffix, capfd):
    bad = tmp_path / "README.md"
    bad.write_text("# not records\n", encoding="utf-8")
    out = tmp_path / f"x{suffix}"
    out.write_bytes(b"an earlier export")
    assert main(["export", str(bad), "--to", str(out)]) == 2
    err = capfd.readouterr().err
    assert err.strip() == f"nianbao: {bad}: [E108] line 1 is not an annotation record (not JSON)"
    assert out.read_bytes() == b"an earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", f"x{suffix}"]
    assert not partial_path(out).exists()
