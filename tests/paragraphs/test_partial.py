"""The trainer's partial rows (``nianbao train --partial``): section-1 rows of first-look rounds
that teach platform and the topic labels but not problems or measures (data/labelled/README.md,
round 9). Real paragraphs: the fixture (collected.jsonl) and first-look rounds' gold."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from nlp.cli import main
from nlp.paragraphs.model import LABELS
from nlp.training import PARTIAL_LABELS, fit_rows, mark_partial, taught

FIXTURE = Path(__file__).with_name("fixture.jsonl")
ROOT = Path(__file__).resolve().parents[2]

ROWS = [
    # (a first-look paragraph as labelled, its section, its labels, does mark_partial limit what it teaches?)
    ("公告栏与宣传册:在镇内公共场所设置公告栏,定期更新政府信息;同时,制作并发放宣传册,方便群众了解政府工作。", 1,
     ["platform", "proactive_disclosure"], True),  # r11 h1020
    ("2020年度我办共收到政府信息公开申请0宗,答复政府信息公开申请共0宗。", 1, ["request_handling"], True),  # r10 h912
    # section 5 keeps every label: a plan there is a measure, a shortfall a problem
    ("2021年我局将推进政府信息公开规范化和制度化,不断改进和完善我局政务公开工作,进一步提高信息报送的时效性和准确性,"
     "努力提升我局政务信息公开服务水平,更好地为市民群众服务。", 5, ["measures", "proactive_disclosure"], False),  # r1 h033
    ("2021年在政府信息公开工作方面主要存在以下问题:信息更新还不够及时,信息来源单一。", 5,
     ["proactive_disclosure", "problems"], False),  # r1 h001
]


@pytest.mark.parametrize("text,section,labels,limited", ROWS)
def test_only_section_1_rows_are_limited(text, section, labels, limited):
    row = mark_partial([{"text": text, "section": section, "labels": labels, "source": "x"}])[0]
    teaches = taught([row])[0]
    assert teaches.all() != limited
    if limited:
        assert {l for l, t in zip(LABELS, teaches) if t} == set(PARTIAL_LABELS)
        assert "measures" not in PARTIAL_LABELS and "problems" not in PARTIAL_LABELS
    assert row["labels"] == labels  # the labels themselves are kept: the rows are still scored on them


def _rows():
    return [json.loads(l) for l in FIXTURE.read_text(encoding="utf-8").splitlines()]


def test_a_row_that_does_not_teach_a_label_leaves_its_fit_unchanged():
    """Flip the measures and platform labels of the partial (section-1) rows: the measures model
    must not move (they do not teach it), the platform model must (they do)."""
    base = _rows()
    partial = [r for r in base if r.get("section") == 1][:8]
    rest = [r for r in base if r not in partial]
    assert len(partial) == 8 and any(r.get("section") != 1 for r in rest)

    def flipped(rows, labels):
        return [{**r, "labels": sorted(set(r.get("labels", [])) ^ set(labels))} for r in rows]

    a = fit_rows(rest + mark_partial(partial))
    b = fit_rows(rest + mark_partial(flipped(partial, ["measures", "platform"])))
    m, p = LABELS.index("measures"), LABELS.index("platform")
    np.testing.assert_allclose(a.coef[:, m], b.coef[:, m])
    assert a.intercept[m] == pytest.approx(b.intercept[m])
    assert not np.allclose(a.coef[:, p], b.coef[:, p])
    # the same rows taught in full: measures moves
    c = fit_rows(rest + flipped(partial, ["measures"]))
    assert not np.allclose(a.coef[:, m], c.coef[:, m])


def test_train_partial_names_the_files_in_the_metadata(tmp_path):
    rows = _rows()
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    full.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:20]), encoding="utf-8")
    part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[20:]), encoding="utf-8")
    out = tmp_path / "m.joblib"
    assert main(["train", str(full), "--partial", str(part), "-o", str(out), "--folds", "1"]) == 0
    meta = json.loads(out.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert meta["training_data_partial"] == {"data": [str(part)], "section_1_teaches": list(PARTIAL_LABELS)}
    assert meta["training_data"] == [str(full), str(part)] and meta["training_rows"] == len(rows)


def test_train_refuses_a_missing_partial_file(tmp_path, capsys):
    assert main(["train", str(FIXTURE), "--partial", str(tmp_path / "nothere.jsonl"), "-o", str(tmp_path / "m.joblib")]) != 0
    assert "nothere.jsonl" in capsys.readouterr().err
