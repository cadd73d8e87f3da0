"""Labelled-data files are read in one place (nlp/labelled.py) by every command that reads
them: a line that is not a labelled row stops `nianbao train`, `nianbao evaluate-classifier`
and `nianbao import-labels` with one line naming the file and the line, never a traceback,
and nothing is written."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp import labelled
from nlp.cli import main
from nlp.errors import DataError, InputError

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "paragraphs" / "fixture.jsonl"
#: real rows (data/labelled/collected.jsonl, via the paragraph fixture)
GOOD = FIXTURE.read_text(encoding="utf-8").splitlines()[:12]
ROW = json.loads(GOOD[0])

# (what is wrong, the bad line, what the message says after "line N: ")
BAD_LINES = [
    ("not JSON", GOOD[0][:-9], "not JSON"),
    ("not an object", json.dumps([ROW["text"]], ensure_ascii=False), "not a labelled row"),
    ("no text", json.dumps({**ROW, "text": "  "}, ensure_ascii=False), "no text"),
    ("a label outside the contract", json.dumps({**ROW, "labels": ["problem"]}, ensure_ascii=False),
     "unknown labels ['problem']; known: problems, measures"),
    ("labels as a string", json.dumps({**ROW, "labels": "problems"}, ensure_ascii=False),
     "labels is not a list of labels: 'problems'"),
]


def data_with(tmp_path: Path, bad: str, at: int = 7) -> Path:
    path = tmp_path / "rows.jsonl"
    lines = GOOD[:at - 1] + [bad] + GOOD[at - 1:]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("wrong, line, says", BAD_LINES, ids=[b[0] for b in BAD_LINES])
def test_a_bad_line_is_refused_naming_file_and_line(tmp_path, wrong, line, says):
    path = data_with(tmp_path, line)
    with pytest.raises(DataError) as caught:
        labelled.read_rows(path)
    assert str(caught.value).startswith(f"{path}: [E108] line 7: {says}")


@pytest.mark.parametrize("command", [
    ["train", "{data}", "-o", "{out}/m.joblib", "--folds", "1"],
    ["evaluate-classifier", "{data}"],
    ["import-labels", "{export}", "-o", "{data}"],
], ids=["train", "evaluate-classifier", "import-labels"])
@pytest.mark.parametrize("wrong, line, says", BAD_LINES[::2], ids=[b[0] for b in BAD_LINES[::2]])
def test_every_command_says_one_line(tmp_path, capsys, command, wrong, line, says):
    data = data_with(tmp_path, line)
    before = data.read_bytes()
    export = tmp_path / "doccano.jsonl"
    export.write_text(json.dumps({"id": 1, "text": ROW["text"], "label": ["problems"]}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    args = [a.format(data=data, out=tmp_path, export=export) for a in command]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"nianbao: {data}: [E108] line 7: {says}")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert data.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["doccano.jsonl", "rows.jsonl"]


def test_a_training_row_needs_a_source_an_evaluation_row_not():
    row = {k: v for k, v in ROW.items() if k != "source"}
    with pytest.raises(DataError, match="line 3: no source"):
        labelled.check_row(row, 3, "x.jsonl")
    assert labelled.check_row(row, 3, "x.jsonl", need_source=False) is row


def test_synthetic_rows_train_but_are_never_evaluated(tmp_path):
    path = data_with(tmp_path, json.dumps({**ROW, "text": "我们写的段落。", "how": labelled.SYNTHETIC}, ensure_ascii=False))
    assert len(labelled.read_rows(path)) == len(GOOD) + 1
    assert [r["text"] for r in labelled.read_rows(path, synthetic=False)] == [json.loads(l)["text"] for l in GOOD]


def test_a_missing_file_is_an_input_error_unless_it_may_not_exist_yet(tmp_path):
    with pytest.raises(InputError, match="no such labelled-data file"):
        labelled.read_rows(tmp_path / "none.jsonl")
    assert labelled.read_rows(tmp_path / "none.jsonl", missing_ok=True) == []
    (tmp_path / "gbk.jsonl").write_bytes(GOOD[0].encode("gb18030"))
    with pytest.raises(InputError, match="not UTF-8"):
        labelled.read_rows(tmp_path / "gbk.jsonl")


def test_the_bundled_labelled_data_reads_and_writes_back_unchanged(tmp_path):
    for path in sorted((ROOT / "data" / "labelled").glob("*.jsonl")):
        rows = labelled.read_rows(path)
        assert rows and all(labelled.group_of(r) for r in rows)
        labelled.write_rows(rows, tmp_path / path.name)
        assert labelled.read_rows(tmp_path / path.name) == rows


def test_dedupe_keeps_the_first_of_a_text_white_space_aside():
    a, b = json.loads(GOOD[0]), json.loads(GOOD[1])
    spaced = {**a, "text": a["text"][:5] + " \n" + a["text"][5:], "labels": []}
    assert labelled.dedupe([a, b, spaced]) == [a, b]
