"""A report in traditional script is read in simplified, and its record speaks of the
original: every text and offset is the user's file's own."""
from pathlib import Path

import pytest

from nlp.read import read_bytes

EXCERPT = Path(__file__).resolve().parent.parent / "data" / "corpus" / "excerpts" / "154_fuyuan-zrzyj-2022-traditional.txt"


@pytest.fixture(scope="module")
def record_and_text(engine):
    original = "撫遠市自然資源局2022年政府信息公開工作年度報告\n" + EXCERPT.read_text(encoding="utf-8")
    doc = read_bytes(original.encode("big5", errors="ignore"), "traditional.txt")
    assert doc.text != doc.script.original  # read in simplified
    return engine.annotate(doc).to_dict(), doc.script.original


def test_agency_and_texts_in_the_original_script(record_and_text):
    record, original = record_and_text
    assert record["agency"] == "撫遠市自然資源局"
    assert record["facts"] and record["paragraphs"]
    for item in record["facts"] + record["paragraphs"]:
        assert original[item["start"]:item["end"]] == item["text"]
    first = next(f for f in record["facts"] if f["value"] == 18)
    assert (first["kind"], first["channel"], first["text"]) == ("publication_count", "website", "通過政府門戶網站共發布信息18篇")
