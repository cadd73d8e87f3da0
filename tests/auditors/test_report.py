"""The audit page: cells marked blank, absent or failed, evidence and paragraphs shown, bad
input refused in one line; rendered by a real headless Chromium and checked on a screenshot."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from nlp.audit_report import marked_pieces, page_view, render
from nlp.cli import main
from nlp.record import Fact, Record

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).is_file()), None)
TEXT = "机关甲2023年政府信息公开工作年度报告。\n规章 1\n通过门户网站发布信息120条。<script>alert(1)</script>\n"
CELL_AT = TEXT.index("1\n")
PARA = "通过门户网站发布信息120条。<script>alert(1)</script>"
PARA_AT = TEXT.index(PARA)
FACT = "通过门户网站发布信息120条"
RECORD = Record.from_dict({
    "source": "a/甲.txt", "edition": "2021", "year": 2023, "agency": "机关甲",
    "tables": {"active.rules.issued": 1, "active.rules.repealed": None, "review.total": 3},
    "cells": [{"field": "active.rules.issued", "value": 1.0, "raw": "1", "start": CELL_AT, "end": CELL_AT + 1, "row_label": "规 章",
               "row_alias": "规章", "row_score": 91.5, "column": "issued", "placed_by": "label",
               "column_header": "本年制发件数", "column_score": 100.0}],
    "ambiguous": [],
    "facts": [{"kind": "publication_count", "channel": "website", "account": None, "value": 120, "unit": "条",
               "qualifier": "exact", "text": FACT, "start": PARA_AT, "end": PARA_AT + len(FACT)}],
    "paragraphs": [{"section": 1, "text": PARA, "start": PARA_AT, "end": PARA_AT + len(PARA), "labels": ["proactive_disclosure"], "scores": {"proactive_disclosure": 0.91}}],
    "checks": [{"rule": "litigation.sum", "status": "fail", "fields": ["review.total", "review.upheld"],
                "message": "review: 0 + 0 + 0 + 0 (0) ≠ 3"}],
})


def cell_classes(page: str) -> dict:
    tree = lxml_html.fromstring(page)
    return {td.get("data-field"): set(td.get("class").split()) for td in tree.xpath("//td[@data-field]")}


def test_cells_are_marked_value_blank_absent_and_failed():
    classes = cell_classes(render(RECORD))
    assert classes["active.rules.issued"] == {"cell", "value"}
    assert classes["active.rules.repealed"] == {"cell", "blank"}
    assert classes["active.rules.in_force"] == {"cell", "absent"}
    assert classes["review.total"] == {"cell", "value", "failed"}
    assert classes["review.upheld"] == {"cell", "absent", "failed"}
    assert len(classes) == 200  # every cell of the 2021 template


def test_evidence_of_a_cell_and_text_is_shown_and_escaped():
    page = render(RECORD, TEXT)
    tree = lxml_html.fromstring(page)
    [row] = tree.xpath('//tr[@id="ev-active.rules.issued"]')
    shown = row.text_content()
    assert "规 章 → 规章 (91.5)" in shown and f"{CELL_AT}–{CELL_AT + 1}" in shown and "本年制发件数 (100.0)" in shown
    assert f'read “1” at {CELL_AT}–{CELL_AT + 1}; row “规 章” → “规章” (91.5, by label)' in tree.xpath('//td[@data-field="active.rules.issued"]')[0].get("title")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert tree.xpath('//div[@class="margin"]/span[contains(@class, "label")]/text()') == ["proactive_disclosure"]
    assert tree.xpath("//p/mark/text()") == ["通过门户网站发布信息120条"]
    assert tree.xpath('//span[@class="ctx"]/mark/text()')[:1] == ["1"]


def test_text_that_is_not_the_records_gives_no_snippets():
    assert page_view(RECORD, TEXT)["has_text"] is True
    assert page_view(RECORD, "另一份报告的文字" * 20)["has_text"] is False
    assert page_view(RECORD)["evidence"][0]["snippet"] is None


def _fact(start: int, end: int) -> Fact:
    return Fact("publication_count", "total", None, 120, "条", "exact", "", start, end)


@pytest.mark.parametrize("facts, pieces", [
    ([], [("发布信息120条。", None)]),
    ([_fact(10, 18)], [("发布信息120条", _fact(10, 18)), ("。", None)]),
    ([_fact(12, 18), _fact(10, 14)], [("发布信息", _fact(10, 14)), ("120条。", None)]),
])
def test_marked_pieces(facts, pieces):
    assert marked_pieces("发布信息120条。", 10, facts) == pieces


def test_a_record_without_edition_shows_no_tables():
    page = render(Record("b.txt", None, None, None))
    assert "No table: the template edition was not detected." in page and "（未识别机关）" in page


def test_one_page_per_record_from_records(records_file, tmp_path, capsys):
    out = tmp_path / "pages"
    assert main(["report", str(records_file), "-o", str(out)]) == 0
    pages = sorted(p.name for p in out.iterdir())
    assert len(pages) == 12 and "011_hongze-district-2023-pdftext.html" in pages
    page = (out / "011_hongze-district-2023-pdftext.html").read_text(encoding="utf-8")
    assert "洪泽区人民政府" in page and 'class="ctx"' in page  # the source is at hand: snippets


def test_one_page_picked_by_source(records_file, tmp_path):
    out = tmp_path / "one.html"
    assert main(["report", str(records_file), "--source", "pingtan-2019", "-o", str(out)]) == 0
    assert "平潭综合实验区" in out.read_text(encoding="utf-8")


def test_a_report_file_is_annotated_then_shown(model_path, tmp_path):
    out = tmp_path / "page.html"
    report = ROOT / "data" / "samples" / "000_c322f99bcfb5564c.txt"
    assert main(["report", str(report), "--model", str(model_path), "-o", str(out)]) == 0
    classes = cell_classes(out.read_text(encoding="utf-8"))
    assert len(classes) == 198 and all("value" in c for c in classes.values())


@pytest.mark.parametrize("make, args, message", [
    (lambda d: d / "nope.jsonl", [], "cannot read"),
    (lambda d: _write(d / "bad.jsonl", "[1, 2]\n"), [], "line 1 is not an annotation record"),
    (lambda d: _write(d / "two.jsonl", '{"source": "a"}\n{"source": "b"}\n'), [], "holds 2 reports"),
    (lambda d: _write(d / "r.jsonl", '{"source": "a"}\n'), ["--source", "zzz"], "no annotated report to show whose source contains 'zzz'"),
    (lambda d: _write(d / "menu.txt", "今日菜单：米饭、面条。" * 20), [], "no Chinese disclosure-report text found"),
])
def test_bad_input_is_one_line(tmp_path, capsys, model_path, make, args, message):
    path = make(tmp_path)
    assert main(["report", str(path), "-o", str(tmp_path / "x.html"), "--model", str(model_path), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and str(path) in err and len(err.strip().splitlines()) == 1


def test_an_unwritable_page_is_one_line(records_file, tmp_path, capsys):
    blocker = _write(tmp_path / "file", "x")
    assert main(["report", str(records_file), "-o", str(blocker / "pages")]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and len(err.strip().splitlines()) == 1


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (install it with `make sysdeps`, Debian package chromium)")
def test_page_renders_in_headless_chromium(records, tmp_path):
    from PIL import Image

    record = next(r for r in records if "hongze-district-2023" in r.source)
    assert any(c.status == "fail" for c in record.checks)  # a page with a failed check
    page = tmp_path / "audit.html"
    page.write_text(render(record, (ROOT / record.source).read_text(encoding="utf-8")
                           if not Path(record.source).is_absolute() else Path(record.source).read_text(encoding="utf-8")),
                    encoding="utf-8")
    png = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1200,2000",
                    page.as_uri()], check=True, capture_output=True, timeout=120)
    image = Image.open(png).convert("RGB")
    assert image.size == (1200, 2000)
    pixels = list(image.getdata())
    non_white = sum(1 for p in pixels if min(p) < 245) / len(pixels)
    assert non_white > 0.05  # not blank: header band, tables, text
    failed_red = sum(1 for r, g, b in pixels if r > 190 and g < 80 and b < 80)
    assert failed_red > 200  # the red outline of the failed check's cells, and its badge
