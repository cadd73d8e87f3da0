"""The annotation round trip: records → Label Studio tasks → a reviewer's corrections →
labelled rows → `nianbao train`; doccano exports too; offsets right for any Chinese text."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from nlp.cli import main
from nlp.paragraphs.model import LABELS
from nlp.record import ErrorRecord, Record
from nlp.review.labelstudio import js_offset, js_slice, labeling_config, py_offset, tasks_of

ROOT = Path(__file__).resolve().parents[2]

# 𠮷 (U+20BB7, CJK Extension B) is two UTF-16 units: every offset after it moves by one in JS.
ASTRAL_TEXT = "𠮷野区人民政府通过门户网站发布信息244条，“𠮷野发布”微信公众号发布信息15条，粉丝3000人。"
ASTRAL_DICT = {
    "source": "x/𠮷野区.txt", "edition": "2021", "year": 2023, "agency": "𠮷野区人民政府",
    "tables": {}, "checks": [], "cells": [], "ambiguous": [],
    "paragraphs": [{"section": 1, "text": ASTRAL_TEXT, "start": 100, "end": 100 + len(ASTRAL_TEXT),
                    "labels": ["proactive_disclosure", "platform"], "scores": {"platform": 0.8}}],
    "facts": [
        {"kind": "publication_count", "channel": "website", "account": None, "value": 244, "unit": "条",
         "qualifier": "exact", "text": "通过门户网站发布信息244条", "start": 107, "end": 121},
        {"kind": "follower_count", "channel": "wechat", "account": "𠮷野发布", "value": 3000, "unit": "人",
         "qualifier": "exact", "text": "粉丝3000人", "start": 100 + ASTRAL_TEXT.index("粉丝"),
         "end": 100 + ASTRAL_TEXT.index("粉丝") + 7},
        {"kind": "publication_count", "channel": "total", "account": None, "value": 1, "unit": "条",
         "qualifier": "exact", "text": "table residue", "start": 5, "end": 9},  # outside every paragraph
    ],
}
ASTRAL_RECORD = Record.from_dict(ASTRAL_DICT)


@pytest.mark.parametrize("text, index, js", [
    ("发布信息244条", 4, 4),           # BMP only: the same count
    ("𠮷野区", 1, 2),                  # after an Extension B character: one more
    ("𠮷𠮷野", 2, 4),
    ("abc", 3, 3),
    ("", 0, 0),
])
def test_offsets_count_utf16_units_and_back(text, index, js):
    assert js_offset(text, index) == js
    assert py_offset(text, js) == index


def test_tasks_carry_labels_as_choices_and_facts_as_spans_with_js_offsets():
    [task] = tasks_of(ASTRAL_RECORD)
    assert task["data"]["text"] == ASTRAL_TEXT and task["data"]["ref"] == f"x/𠮷野区.txt#100-{100 + len(ASTRAL_TEXT)}"
    result = task["predictions"][0]["result"]
    choices = [r for r in result if r["from_name"] == "paragraph"]
    assert choices[0]["value"]["choices"] == ["proactive_disclosure", "platform"] and choices[0]["type"] == "choices"
    spans = [r for r in result if r["type"] == "labels"]
    assert [s["value"]["labels"] for s in spans] == [["publication_count"], ["follower_count"]]
    for span in spans:  # what JS's text.slice(start, end) shows is the fact's text
        value = span["value"]
        assert js_slice(ASTRAL_TEXT, value["start"], value["end"]) == value["text"]
        before = ASTRAL_TEXT[:ASTRAL_TEXT.index(value["text"])]
        assert value["start"] == len(before.encode("utf-16-le")) // 2  # JS's String.length
    assert [s["value"]["start"] - ASTRAL_TEXT.index(s["value"]["text"]) for s in spans] == [1, 2]
    channels = {r["id"]: r["value"]["choices"] for r in result if r["from_name"] == "channel"}
    assert channels == {spans[0]["id"]: ["website"], spans[1]["id"]: ["wechat"]}


@pytest.mark.parametrize("provenance, version", [
    ({"sha256": "730e64efef7e9625319d1dea93bb3624cfddd1c6608bbb4110390c9895bc505d", "trained_at": "2026-12-01"},
     "nianbao-730e64efef7e"),
    (None, "nianbao"),  # a record written before records named their model
])
def test_predictions_name_the_model_that_made_them(provenance, version):
    record = Record.from_dict({**ASTRAL_DICT, "paragraph_model": provenance})
    [task] = tasks_of(record)
    assert task["predictions"][0]["model_version"] == version


def test_every_record_names_its_paragraph_model(records, model_path):
    from nlp.paragraphs.store import file_sha256

    expected = file_sha256(model_path)
    assert {r.paragraph_model.sha256 for r in records} == {expected}


def test_every_span_of_the_bundled_reports_is_where_it_says(records):
    """PDF text: paragraphs join wrapped lines, facts keep the line break; spans still fit."""
    for record in records:
        tasks = tasks_of(record)
        spans = [r["value"] for t in tasks for r in t["predictions"][0]["result"] if r["type"] == "labels"]
        texts = [t["data"]["text"] for t in tasks for r in t["predictions"][0]["result"] if r["type"] == "labels"]
        for text, value in zip(texts, spans):
            assert js_slice(text, value["start"], value["end"]) == value["text"]
        in_paragraphs = [f for f in record.facts if any(p.start <= f.start and f.end <= p.end for p in record.paragraphs)]
        assert len(spans) == len(in_paragraphs), record.source


def test_labeling_config_names_every_label_and_control():
    config = labeling_config()
    for value in LABELS + ("publication_count", "follower_count", "website", "wechat"):
        assert f'value="{value}"' in config
    for control in ('name="paragraph"', 'name="fact"', 'name="channel"', 'perRegion="true"'):
        assert control in config


def test_error_records_give_no_tasks():
    assert tasks_of(ErrorRecord("a", None, "E101", "empty")) == []


def review(tasks, index, labels):
    """What a reviewer does in Label Studio: accept a prediction as the annotation, or correct
    its choices; Label Studio writes the result with the user and the time."""
    task = tasks[index]
    result = copy.deepcopy(task["predictions"][0]["result"])
    result = [r for r in result if r["from_name"] != "paragraph"]
    if labels:
        result.insert(0, {"id": "edited", "from_name": "paragraph", "to_name": "text", "type": "choices",
                          "value": {"choices": labels}})
    task["id"] = index + 1
    task.setdefault("annotations", []).append({
        "id": 100 + index, "completed_by": {"id": 1, "email": "reviewer@example.org"}, "was_cancelled": False,
        "result": result, "created_at": "2025-01-02T10:00:00Z", "updated_at": f"2025-01-02T10:{index:02d}:00Z"})


def test_round_trip_export_review_import_train(records_file, tmp_path, capsys):
    tasks_path = tmp_path / "labelstudio.json"
    assert main(["export", str(records_file), "--to", str(tasks_path)]) == 0
    assert (tmp_path / "labelstudio.config.xml").is_file()
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    with_facts = next(i for i, t in enumerate(tasks) if any(r["type"] == "labels" for r in t["predictions"][0]["result"]))
    edited_text = tasks[with_facts]["data"]["text"]
    review(tasks, with_facts, ["problems", "platform"])          # corrected
    review(tasks, with_facts + 1, [])                             # accepted as it is
    tasks[with_facts + 2]["annotations"] = [{"id": 9, "was_cancelled": True, "result": []}]  # skipped
    tasks_path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")

    # the labelled data already holds the edited paragraph, with its old labels
    data = tmp_path / "labelled.jsonl"
    fixture = (ROOT / "data" / "labelled" / "collected.jsonl").read_text(encoding="utf-8").splitlines()[:160]
    old = {"text": edited_text, "labels": ["oversight"], "source": "old#1", "section": 1, "how": "read", "checked": True}
    data.write_text("\n".join(fixture + [json.dumps(old, ensure_ascii=False)]) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import-labels", str(tasks_path), "-o", str(data)]) == 0
    err = capsys.readouterr().err
    assert f"2 reviewed paragraphs from {tasks_path} ({len(tasks) - 2} tasks without an annotation skipped)" in err
    assert "1 new, 1 corrected, 0 unchanged, 162 rows" in err

    rows = [json.loads(l) for l in data.read_text(encoding="utf-8").splitlines()]
    [corrected] = [r for r in rows if r["text"] == edited_text]
    assert corrected["labels"] == ["problems", "platform"] and corrected["how"] == "review"
    assert corrected["reviewer"] == "reviewer@example.org" and "/data/samples/000_" in corrected["source"]
    for fact in corrected["facts"]:
        assert edited_text[fact["start"]:fact["end"]] == fact["text"]

    model = tmp_path / "model.joblib"
    assert main(["train", str(data), "-o", str(model), "--folds", "1"]) == 0
    meta = json.loads(model.with_suffix(".meta.json").read_text(encoding="utf-8"))
    from nlp.labelled import data_hash, load_rows
    assert meta["training_data"] == [str(data)] and meta["training_data_sha256"] == data_hash([data])
    assert meta["training_rows"] == len(load_rows([data]))
    trained = {r["text"]: r["labels"] for r in load_rows([data])}
    assert trained[edited_text] == ["problems", "platform"]


def test_import_reads_code_point_offsets_too(tmp_path, capsys):
    """Some Label Studio versions export code points; the span's text says which count it is."""
    [task] = tasks_of(ASTRAL_RECORD)
    result = copy.deepcopy(task["predictions"][0]["result"])
    for r in result:
        if "start" in r["value"]:
            r["value"]["start"] = py_offset(ASTRAL_TEXT, r["value"]["start"])
            r["value"]["end"] = py_offset(ASTRAL_TEXT, r["value"]["end"])
    task["annotations"] = [{"id": 1, "result": result}]
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "rows.jsonl"
    assert main(["import-labels", str(export), "-o", str(out)]) == 0
    [row] = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [(f["text"], f["channel"]) for f in row["facts"]] == [("通过门户网站发布信息244条", "website"), ("粉丝3000人", "wechat")]
    assert all(ASTRAL_TEXT[f["start"]:f["end"]] == f["text"] for f in row["facts"])


def test_import_doccano_jsonl(tmp_path):
    text = "下一步，我局将进一步优化门户网站栏目设置，全年发布信息120条。"
    lines = [
        {"id": 7, "text": text, "label": ["measures", "platform", [21, 31, "publication_count/website"]],
         "meta": {"source": "https://example.gov.cn/nb.html", "section": 5}},
        {"id": 8, "text": "无其他需要报告的事项。", "labels": []},
    ]
    export = tmp_path / "doccano.jsonl"
    export.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines), encoding="utf-8")
    out = tmp_path / "rows.jsonl"
    assert main(["import-labels", str(export), "-o", str(out)]) == 0
    first, second = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert first["labels"] == ["measures", "platform"] and first["section"] == 5
    assert first["source"] == "https://example.gov.cn/nb.html"
    assert first["facts"] == [{"kind": "publication_count", "channel": "website", "start": 21, "end": 31, "text": "全年发布信息120条"}]
    assert second["labels"] == [] and second["source"] == f"{export}#8"


@pytest.mark.parametrize("name, content, message", [
    ("e.json", "{broken", "not JSON"),
    ("e.json", '{"data": {}}', "not a Label Studio JSON export"),
    ("e.json", '[{"data": {"x": 1}}]', "task 1 has no data.text"),
    ("e.json", '[{"id": 3, "data": {"text": "段落"}, "annotations": [{"result": [{"from_name": "paragraph", '
               '"value": {"choices": ["bogus"]}}]}]}]', "task 3: [E100] unknown paragraph labels ['bogus']"),
    ("e.json", '[{"data": {"text": "段落"}, "annotations": [{"result": [{"from_name": "fact", "id": "a", '
               '"value": {"start": 0, "end": 1, "text": "别的", "labels": ["publication_count"]}}]}]}]',
     "which is not in the task's text"),
    ("e.jsonl", "not json\n", "line 1 is not a doccano export line"),
    ("e.jsonl", '{"text": "段落", "label": [[0, 9, "publication_count"]]}\n', "span 0-9 is outside the text"),
    ("e.jsonl", '{"text": "段落", "label": [[0, 1, "person"]]}\n', "span label 'person' is no fact kind"),
    ("missing.json", None, "cannot read"),
])
def test_bad_exports_are_one_line(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["import-labels", str(path), "-o", str(tmp_path / "rows.jsonl")]) == 2
    err = capsys.readouterr().err
    assert message in err and str(path) in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "rows.jsonl").exists()


@pytest.mark.parametrize("argv", [
    lambda d, records: ["export", str(records), "--to", str(d / "missing" / "labelstudio.json")],
    lambda d, records: ["import-labels", str(_export(d)), "-o", str(d)],  # a directory in the way
])
def test_unwritable_outputs_are_one_line(tmp_path, records_file, capsys, argv):
    assert main(argv(tmp_path, records_file)) == 2
    err = capsys.readouterr().err
    assert ("cannot write" in err or "cannot read" in err) and len(err.strip().splitlines()) == 1


def _export(directory: Path) -> Path:
    path = directory / "export.jsonl"
    path.write_text(json.dumps({"text": "无其他需要报告的事项。", "label": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
