"""Exports read back with pandas: one row per report, every canonical cell a column,
findings, facts, paragraphs and errors in tables of their own."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from nlp.cli import main
from nlp.exports import field_columns, tables
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


def all_field_ids() -> set:
    reg = registry()
    return set(reg.field_ids("2019")) | set(reg.field_ids("2021"))


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

    assert list(got) == ["reports", "findings", "facts", "paragraphs", "errors"]
    reports = got["reports"]
    assert list(reports.columns[:len(META)]) == META
    assert list(reports.columns[len(META):]) == [c.id for c in field_columns()]
    assert set(reports.columns[len(META):]) == all_field_ids()
    assert list(reports["source"]) == ["a/甲.txt", "b/乙.txt"]
    first, second = reports.iloc[0], reports.iloc[1]
    assert first["requests.new_received.total"] == 3 and first["active.procurement.amount_yuan"] == 1200000
    assert pd.isna(first["requests.carried_over.total"]) and pd.isna(first["review.total"])
    assert (first["cells_found"], first["cells_blank"], first["checks_failed"], first["checks_not_assessable"]) == (3, 1, 1, 1)
    assert second["active.fees.amount_wan_yuan"] == 2.5 and second["year"] == 2022
    assert reports["requests.new_received.total"].dtype.kind == "f"

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
    reports = got["报告"]
    reg = registry()
    assert reg.field_label("2021", "active.rules.issued") in reports.columns
    assert reg.field_label("2019", "active.rules.new_made") in reports.columns
    assert reports.columns.is_unique and len(reports.columns) == len(META) + len(all_field_ids())
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
