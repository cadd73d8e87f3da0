"""Every check speaks Chinese too: ``message_zh`` beside ``message`` on every check of every
bundled report, with the same verdict and numbers; exports with ``--labels zh`` and the
audit page with ``--labels zh`` show it, and the English stays the default."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nlp.cli import main
from nlp.read import read_path

ROOT = Path(__file__).resolve().parents[2]
REPORTS = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((ROOT / "data" / "corpus" / "reports").glob("*"))
#: Text quoted from the report (“…”) may hold Latin letters; the message around it may not.
_QUOTED = re.compile(r"“[^”]*”")


@pytest.fixture(scope="module")
def records(engine):
    return {p.name: engine.annotate(read_path(p)).to_dict() for p in REPORTS}


@pytest.mark.parametrize("name", [p.name for p in REPORTS])
def test_every_check_has_a_chinese_message_with_the_same_numbers(records, name):
    for check in records[name]["checks"]:
        zh, en = check["message_zh"], check["message"]
        assert zh and re.search(r"[\u4e00-\u9fff]", zh), check
        assert not re.search(r"[A-Za-z]{2,}", _QUOTED.sub("", zh)), zh
        # the sums of the verdict are the same numbers in both languages
        assert re.findall(r"\(\d+\) [=≠] \d+", zh) == re.findall(r"\(\d+\) [=≠] \d+", en)
        if check["rule"] != "text_vs_table":
            passed, failed, unknown = (int(n) for n in re.search(r"(\d+) pass, (\d+) fail, (\d+) not assessable", en).groups())
            assert f"通过 {passed} 项，不通过 {failed} 项，无法校验 {unknown} 项" in zh


def test_a_failed_comparison_names_the_difference_in_chinese(records):
    failed = [c for r in records.values() for c in r["checks"] if c["status"] == "fail"]
    assert failed, "the bundled reports hold failed checks (README: 2 with failed checks)"
    for check in failed:
        assert "≠" in check["message_zh"] or "相差" in check["message_zh"]


@pytest.fixture(scope="module")
def records_file(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("zh") / "out.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values()), encoding="utf-8")
    return path


def test_export_with_chinese_labels_writes_the_chinese_messages(records_file, tmp_path):
    import pandas as pd

    for labels, column, marker in (("zh", "说明", "无法校验"), ("id", "message", "not assessable")):
        out = tmp_path / f"{labels}.xlsx"
        assert main(["export", str(records_file), "--to", str(out), "--labels", labels]) == 0
        findings = pd.read_excel(out, sheet_name="校验问题" if labels == "zh" else "findings")
        assert len(findings) and all(marker in m for m in findings[column] if "per " in m or "逐" in m)


def test_the_audit_page_shows_the_language_asked_for(records_file, records, tmp_path):
    name = next(n for n, r in records.items() if any(c["status"] == "fail" for c in r["checks"]))
    for labels, words, absent in (("zh", ["不通过", "<th>说明</th>"], "per column"),
                                  ("id", ["<th>message</th>", "per column"], "无法校验 ")):
        out = tmp_path / f"{labels}.html"
        assert main(["report", str(records_file), "--source", name, "-o", str(out), "--labels", labels]) == 0
        page = out.read_text(encoding="utf-8")
        checks = page[page.index('id="checks"'):page.index('id="tables"')]
        assert all(w in checks for w in words), labels
        assert absent not in checks
