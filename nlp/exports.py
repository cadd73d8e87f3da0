"""Exports for auditors: the records of a JSON Lines file as spreadsheet tables.

    reports     one row per report: source, hash, edition, year, agency, cell and check
                counts (every report, also one whose template edition was not detected)
    reports_2019, reports_2021
                the same row for each report of that template edition, then every
                canonical cell of the edition as a column, in template order (counts are
                integer columns, sums of money decimal ones)
    findings    one row per check that failed or could not be assessed, with its cells
    facts       one row per number stated in the text
    paragraphs  one row per narrative paragraph, with its labels
    errors      one row per input that could not be annotated (error records)

``.xlsx``: one workbook, a sheet per table, each with an autofilter on its header row.
``.csv`` and ``.parquet``: the reports in the file named, each other table in a sibling
(``out.csv`` → ``out.findings.csv``, …). Records are read one at a time and rows written
as they come, so the size of an export is bounded by the disk, not by memory (and, for
xlsx, by Excel's 1,048,576 rows a sheet). Every file is written under a temporary name
and renamed when the export is complete: an export that fails (a line that is no record,
a full disk) leaves no half-written file, and an earlier export of the same name as it was.
A report's blank cell and a cell it does not contain are both empty in ``reports_*``;
``cells_blank`` counts the blank ones, the findings say which.
"""
from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import InputError, OutputError
from .outputs import read_records, writing
from .record import ErrorRecord, Record
from .schema import EDITIONS, TABLES, registry
from .vocabulary import CELL_STATE_ZH, cell_state, whole_number

FORMATS = (".xlsx", ".csv", ".parquet")
LABELS = ("id", "zh")
XLSX_MAX_ROWS = 1_048_576
_XLSX_MAX_TEXT = 32_767


@dataclass(frozen=True)
class Column:
    id: str
    zh: str
    kind: str = "str"  # str | int | float


@dataclass(frozen=True)
class Table:
    name: str
    zh: str
    columns: tuple

    def title(self, labels: str) -> str:
        return self.zh if labels == "zh" else self.name

    def header(self, labels: str) -> list:
        return [c.zh if labels == "zh" else c.id for c in self.columns]


_REPORT_META = (
    Column("source", "来源"), Column("content_sha256", "内容SHA256"), Column("edition", "模板版本"),
    Column("year", "年度", "int"), Column("agency", "机关"),
    Column("cells_found", "读出单元格数", "int"), Column("cells_blank", "空白单元格数", "int"),
    Column("checks_failed", "未通过校验数", "int"), Column("checks_not_assessable", "无法校验数", "int"),
)
_FINDINGS = Table("findings", "校验问题", (
    Column("source", "来源"), Column("agency", "机关"), Column("year", "年度", "int"),
    Column("rule", "校验规则"), Column("status", "结果"), Column("message", "说明"),
    Column("fields", "涉及单元格"), Column("cells", "单元格取值"),
))
_FACTS = Table("facts", "文中数字", (
    Column("source", "来源"), Column("kind", "类别"), Column("channel", "渠道"), Column("account", "账号"),
    Column("value", "数值", "float"), Column("unit", "单位"), Column("qualifier", "限定"),
    Column("text", "原文"), Column("start", "起", "int"), Column("end", "止", "int"),
))
_PARAGRAPHS = Table("paragraphs", "段落", (
    Column("source", "来源"), Column("section", "部分", "int"), Column("labels", "标签"),
    Column("text", "原文"), Column("start", "起", "int"), Column("end", "止", "int"),
))
_ERRORS = Table("errors", "无法处理的文件", (
    Column("source", "来源"), Column("content_sha256", "内容SHA256"),
    Column("code", "错误代码"), Column("message", "说明"),
))



#: How a canonical field's type is exported: counts are whole numbers, money may not be.
_KIND_OF_TYPE = {"count": "int"}


@lru_cache(maxsize=None)
def edition_columns(edition: str) -> tuple:
    """Every canonical cell of one template edition, by table in template order."""
    reg = registry()
    return tuple(Column(field, reg.field_label(edition, field), _KIND_OF_TYPE.get(reg.field_type(edition, field), "float"))
                 for table in TABLES for row in reg.rows(edition, table) if row.store
                 for field in row.field_ids())


@lru_cache(maxsize=1)
def tables() -> tuple:
    reports = Table("reports", "报告", _REPORT_META)
    by_edition = tuple(Table(f"reports_{e}", f"报告（{e}年版模板）", _REPORT_META + edition_columns(e))
                       for e in EDITIONS)
    return (reports, *by_edition, _FINDINGS, _FACTS, _PARAGRAPHS, _ERRORS)


def _table(name: str) -> Table:
    return next(t for t in tables() if t.name == name)


# --- records → rows ---------------------------------------------------------------------

def rows_of(record, labels: str = "id"):
    """(table, row dict) pairs one record (a Record or an ErrorRecord) contributes."""
    source = record.source
    if isinstance(record, ErrorRecord):
        yield _ERRORS, {"source": source, "content_sha256": record.content_sha256,
                        "code": record.code, "message": record.message}
        return
    report = _report_row(record)
    yield _table("reports"), report
    if record.edition in EDITIONS:
        yield _table(f"reports_{record.edition}"), report
    for check in record.checks:
        if check.status != "pass":
            yield _FINDINGS, _finding_row(record, check, labels)
    for fact in record.facts:
        yield _FACTS, {"source": source, **fact.to_dict()}
    for para in record.paragraphs:
        yield _PARAGRAPHS, {"source": source, **para.to_dict(), "labels": ", ".join(para.labels)}


def _report_row(record: Record) -> dict:
    cells = record.tables
    return {**cells,
            "source": record.source, "content_sha256": record.content_sha256,
            "edition": record.edition, "year": record.year, "agency": record.agency,
            "cells_found": len(cells), "cells_blank": sum(v is None for v in cells.values()),
            "checks_failed": sum(c.status == "fail" for c in record.checks),
            "checks_not_assessable": sum(c.status == "not_assessable" for c in record.checks)}


def _finding_row(record: Record, check, labels: str) -> dict:
    shown = []
    for field in check.fields:
        state = cell_state(record.tables, field)
        value = record.tables[field] if state == "value" else CELL_STATE_ZH[state] if labels == "zh" else state
        shown.append(f"{_field_name(record.edition, field, labels)}={value}")
    return {"source": record.source, "agency": record.agency, "year": record.year,
            "rule": check.rule, "status": check.status, "message": check.said("zh" if labels == "zh" else "en"),
            "fields": "; ".join(check.fields), "cells": "; ".join(shown)}


def _field_name(edition, field: str, labels: str) -> str:
    if labels != "zh":
        return field
    try:
        return registry().field_label(edition, field)
    except KeyError:
        return field


# --- rows → files -----------------------------------------------------------------------

def export(records_path, out_path, labels: str = "id") -> dict:
    """Write the tables of ``records_path`` to ``out_path`` (format by suffix).

    Returns rows written per table name. Error records go to ``errors`` only.
    """
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"cannot export to {suffix or '(no suffix)'!r}; formats: {', '.join(FORMATS)}",
                         source=str(out_path))
    if labels not in LABELS:
        raise InputError(f"unknown labels {labels!r}; choose one of {', '.join(LABELS)}", source=str(out_path))
    counts = {t.name: 0 for t in tables()}
    sink = {".xlsx": XlsxSink, ".csv": CsvSink, ".parquet": ParquetSink}[suffix](out_path, labels)
    with writing(out_path), sink:
        for record in read_records(records_path):
            for table, row in rows_of(record, labels):
                sink.write(table, [_value(c, row.get(c.id)) for c in table.columns])
                counts[table.name] += 1
    return counts


def sibling(out_path: Path, table: Table) -> Path:
    """Where a csv/parquet export puts ``table``: reports in the file named, others beside it."""
    if table.name == "reports":
        return out_path
    return out_path.with_name(f"{out_path.stem}.{table.name}{out_path.suffix}")


def _value(column: Column, value):
    """A JSON value in the column's kind; anything that does not fit is left empty."""
    if value is None or column.kind == "str":
        return value if value is None or isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return whole_number(value) if column.kind == "int" else value


def partial_path(path: Path) -> Path:
    """Where a file is written until the export is complete (hidden, beside it).

    >>> partial_path(Path("out/x.xlsx")).as_posix()
    'out/.x.xlsx.partial'
    """
    return path.with_name(f".{path.name}.partial")


class _Sink:
    """Writes the tables under temporary names; ``close(ok)`` renames them into place
    when the export is complete, removes them when it is not."""

    def __init__(self, out_path: Path, labels: str):
        self.out_path, self.labels = out_path, labels
        self._targets: list = []

    def target(self, path: Path) -> Path:
        """The temporary file to write for ``path``."""
        self._targets.append(path)
        return partial_path(path)

    def __enter__(self):
        try:
            self.open()
        except BaseException:
            self._discard()
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            self.close(ok=exc_type is None)
        except BaseException:
            self._discard()
            raise
        if exc_type is None:
            for path in self._targets:
                os.replace(partial_path(path), path)
        else:
            self._discard()

    def _discard(self) -> None:
        for path in self._targets:
            partial_path(path).unlink(missing_ok=True)


class CsvSink(_Sink):
    """UTF-8 with a byte-order mark, so that Excel shows the Chinese text."""

    def open(self):
        self._files, self._writers = {}, {}
        for table in tables():
            f = open(self.target(sibling(self.out_path, table)), "w", encoding="utf-8-sig", newline="")
            self._files[table.name], self._writers[table.name] = f, csv.writer(f)
            self._writers[table.name].writerow(table.header(self.labels))

    def write(self, table: Table, values: list) -> None:
        self._writers[table.name].writerow(values)

    def close(self, ok: bool) -> None:
        for f in self._files.values():
            f.close()


class ParquetSink(_Sink):
    _ROWS_PER_GROUP = 10_000

    def open(self):
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
        self._pa, self._buffers, self._writers, self._schemas = pa, {}, {}, {}
        for table in tables():
            schema = pa.schema([(name, types[c.kind]) for name, c in zip(table.header(self.labels), table.columns)])
            self._schemas[table.name] = schema
            self._writers[table.name] = pq.ParquetWriter(self.target(sibling(self.out_path, table)), schema)
            self._buffers[table.name] = []

    def write(self, table: Table, values: list) -> None:
        buffer = self._buffers[table.name]
        buffer.append(values)
        if len(buffer) >= self._ROWS_PER_GROUP:
            self._flush(table.name)

    def _flush(self, name: str) -> None:
        schema, rows = self._schemas[name], self._buffers[name]
        columns = [self._pa.array([row[i] for row in rows], type=f.type) for i, f in enumerate(schema)]
        self._writers[name].write_table(self._pa.Table.from_arrays(columns, schema=schema))
        self._buffers[name] = []

    def close(self, ok: bool) -> None:
        for name, writer in self._writers.items():
            if ok and self._buffers[name]:
                self._flush(name)
            writer.close()


class XlsxSink(_Sink):
    """A sheet per table, written in openpyxl's streaming (write-only) mode, each with an
    autofilter over its header and rows and the header row frozen."""

    def open(self):
        from openpyxl import Workbook
        from openpyxl.styles import Font

        # the file is made before any sheet streams: a place that cannot be written fails
        # here, not at save, when the streams openpyxl left open would complain at exit
        self._file = self.target(self.out_path)
        open(self._file, "wb").close()
        self._book = Workbook(write_only=True)
        self._sheets, self._rows = {}, {}
        for table in tables():
            sheet = self._book.create_sheet(table.title(self.labels))
            sheet.freeze_panes = "B2"
            sheet.append([self._cell(sheet, h, Font(bold=True)) for h in table.header(self.labels)])
            self._sheets[table.name], self._rows[table.name] = sheet, 1

    def write(self, table: Table, values: list) -> None:
        self._rows[table.name] += 1
        if self._rows[table.name] > XLSX_MAX_ROWS:
            raise OutputError(f"more than {XLSX_MAX_ROWS:,} rows for sheet {table.name!r}, the most "
                               f"Excel holds; export to .csv or .parquet instead", source=str(self.out_path))
        sheet = self._sheets[table.name]
        sheet.append([self._cell(sheet, v) if isinstance(v, str) else v for v in values])

    @staticmethod
    def _cell(sheet, text: str, font=None):
        """Text stays text: control characters Excel refuses are dropped, over-long text is
        cut, and a leading '=' is not taken for a formula."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        text = ILLEGAL_CHARACTERS_RE.sub("", text)[:_XLSX_MAX_TEXT]
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        if font is not None:
            cell.font = font
        return cell

    def close(self, ok: bool) -> None:
        """Saving is what ends openpyxl's streams of every sheet (left open, they complain
        at exit): an export that failed is saved too, to its temporary file, then removed."""
        from openpyxl.utils import get_column_letter

        for table in tables():
            last = f"{get_column_letter(len(table.columns))}{min(self._rows[table.name], XLSX_MAX_ROWS)}"
            self._sheets[table.name].auto_filter.ref = f"A1:{last}"
        self._book.save(self._file)
