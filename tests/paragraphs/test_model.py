"""The paragraph classifier: trained on a small fixture of real paragraphs (from
data/labelled/collected.jsonl), saved with its metadata, loaded, refused when tampered."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from nlp.cli import main
from nlp.errors import ModelError
from nlp.paragraphs import annotate_paragraphs, load_classifier
from nlp.paragraphs.features import cue_matrix, cue_names, cues, featurize, learn_vocabulary, linear_margins
from nlp.paragraphs.model import LABELS, REQUIRED_LABELS, _fit_label
from nlp.paragraphs.store import meta_path
from nlp.segment import find_sections

FIXTURE = Path(__file__).with_name("fixture.jsonl")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("model") / "paragraphs.joblib"
    assert main(["train", str(FIXTURE), "-o", str(path), "--folds", "2"]) == 0
    return path


def _copy(trained: Path, tmp_path: Path) -> Path:
    target = tmp_path / "m.joblib"
    shutil.copy(trained, target)
    shutil.copy(meta_path(trained), meta_path(target))
    return target


def test_trained_model_loads_and_predicts(trained):
    classifier = load_classifier(trained)
    out = classifier.predict(["针对存在的问题，下一步我局将加强政府网站建设，及时更新栏目内容。",
                              "2020年收到政府信息公开申请3件，均已按时答复。"], [5, 1])
    assert len(out) == 2
    for labels, scores in out:
        assert set(scores) == set(LABELS)
        assert all(0.0 <= s <= 1.0 for s in scores.values())
        assert set(labels) <= set(LABELS)
    assert out[0][1]["measures"] > out[1][1]["measures"]
    assert out[1][1]["request_handling"] > out[0][1]["request_handling"]


def test_metadata_says_what_the_model_is(trained):
    meta = json.loads(meta_path(trained).read_text(encoding="utf-8"))
    assert meta["labels"] == list(LABELS)
    assert meta["versions"]["scikit-learn"]
    assert len(meta["training_data_sha256"]) == 64 and len(meta["model_sha256"]) == 64
    assert meta["training_rows"] == sum(1 for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip())
    assert meta["trained_at"] and "cross_validation" in meta["metrics"]
    assert set(meta["thresholds"]) == set(LABELS)


def test_annotate_fills_labels_and_scores(trained):
    text = "一、总体情况\n2020年收到政府信息公开申请3件，均已按时答复。\n五、存在的主要问题及改进情况\n下一步，我局将加强网站建设，丰富栏目内容。\n"
    paragraphs = annotate_paragraphs(text, find_sections(text), load_classifier(trained))
    assert [p.section for p in paragraphs] == [1, 5]
    assert all(set(p.scores) == set(LABELS) for p in paragraphs)


def test_a_tampered_model_is_refused(trained, tmp_path):
    model = _copy(trained, tmp_path)
    with open(model, "ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelError, match="modified or replaced"):
        load_classifier(model)


def test_a_model_pickled_by_another_numpy_is_refused(trained, tmp_path):
    model = _copy(trained, tmp_path)
    meta = json.loads(meta_path(model).read_text(encoding="utf-8"))
    meta["versions"]["numpy"] = "1.26.4"
    meta_path(model).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="numpy 1.26.4"):
        load_classifier(model)


def test_a_model_of_the_old_format_is_refused_with_what_to_do(trained, tmp_path):
    model = _copy(trained, tmp_path)
    meta = json.loads(meta_path(model).read_text(encoding="utf-8"))
    meta["format"] = 1  # a pickled scikit-learn Pipeline
    meta_path(model).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="format 1.*retrain"):
        load_classifier(model)


def test_a_model_trained_with_other_cues_is_refused_at_load(trained, monkeypatch):
    import nlp.paragraphs.store as store

    monkeypatch.setattr(store, "cue_names", lambda: cue_names()[:-1])  # as if cues.json lost a cue
    with pytest.raises(ModelError, match="cues changed"):
        load_classifier(trained)


def test_serving_needs_no_scikit_learn_object(trained):
    import joblib

    classifier = joblib.load(trained)["classifier"]
    assert all(type(v).__module__.split(".")[0] in ("numpy", "builtins")
               for v in vars(classifier).values() if not isinstance(v, (dict, tuple, float)))


def test_the_folded_calibration_gives_the_calibrated_svm_probabilities():
    # fixture rows are real paragraphs; the stored coefficients must reproduce scikit-learn's
    # calibrated SVM exactly, so serving (one matrix product) is the model that was validated
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts, sections = [r["text"] for r in rows], [r.get("section") for r in rows]
    vocabulary, idf = learn_vocabulary(texts)
    X = featurize(texts, sections, vocabulary, idf, 0.5)
    y = np.array([int("platform" in r["labels"]) for r in rows])
    w, b = _fit_label(X, y, 0.5)
    reference = CalibratedClassifierCV(LinearSVC(C=0.5, class_weight="balanced", random_state=0), method="sigmoid",
                                       cv=3, ensemble=False).fit(X, y).predict_proba(X)[:, 1]
    assert np.allclose(1 / (1 + np.exp(-(X @ w + b))), reference, atol=1e-9)


def test_serving_margins_are_the_feature_matrix_times_the_coefficients():
    """Serving sums each paragraph's n-gram weights straight into its margins; training
    builds the matrix. Over real paragraphs (some with no known n-gram, some repeated
    n-grams, every section) both give the same margins."""
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts, sections = [r["text"] for r in rows] + ["", "。。。"], [r.get("section") for r in rows] + [5, None]
    vocabulary, idf = learn_vocabulary(texts[:40])
    coef = np.random.default_rng(0).normal(size=(len(vocabulary) + len(cue_names()), len(LABELS)))
    expected = featurize(texts, sections, vocabulary, idf, 0.5) @ coef
    assert np.allclose(linear_margins(texts, sections, vocabulary, idf, 0.5, coef), expected, atol=1e-12)


def test_no_paragraphs_no_predictions(trained):
    assert load_classifier(trained).predict([], []) == []


def test_a_missing_model_or_metadata_is_refused(trained, tmp_path):
    with pytest.raises(ModelError, match="no paragraph model"):
        load_classifier(tmp_path / "nothing.joblib")
    model = _copy(trained, tmp_path)
    meta_path(model).unlink()
    with pytest.raises(ModelError, match="metadata"):
        load_classifier(model)


def test_the_shipped_model_loads_and_knows_the_required_labels():
    classifier = load_classifier()
    assert set(REQUIRED_LABELS) <= set(classifier.labels)
    meta = classifier.metadata
    # trained on what `make model` names (the collected rows and the first-look batches' paragraphs);
    # the gold paragraphs are its held-out set
    assert meta["metrics"]["cross_validation"]["n"] == meta["training_rows"] > 2000
    assert meta["metrics"]["cross_validation"]["grouped_by"] == "source document"
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nmodel:", 1)[1].split("--heldout", 1)[0]
    named = set(re.findall(r"data/labelled/([\w.]+\.jsonl)", recipe))
    assert {"collected.jsonl", "first_look.jsonl"} <= named
    assert {Path(p).name for p in meta["training_data"]} == named
    assert {Path(p).name for p in meta["metrics"]["heldout"]["data"]} == {"gold.jsonl"}
    assert meta["metrics"]["heldout"]["n"] == 322


def test_evaluate_classifier_prints_per_label_figures(trained, capsys):
    assert main(["evaluate-classifier", str(FIXTURE), "--model", str(trained)]) == 0
    out = capsys.readouterr()
    for label in REQUIRED_LABELS:
        assert label in out.out
    assert "macro-F1 over the required labels" in out.out and "confusions (gold -> predicted" in out.out
    assert "not held-out" in out.err  # evaluated on its own training data: said so


CUE_CASES = [
    # (cue group, real report text, times it fires)
    ("channel_change", "区办公室设立“行政执法公示”专栏，对行政执法事前公开、事后公开进行全流程公示，全年公布631条。", 1),
    ("channel_change", "区财政金融局调整和规范栏目设置，公开全区专项资金公开、预决算公开等信息。", 1),
    ("channel_change", "先后关停未进行规范管理的政务新媒体2个。", 1),
    ("channel_change", "局网站首页开设的“依申请公开”网上申请入口,明确了政府信息依申请公开的程序。", 1),
    # a channel only named as where items were published, or 线上线下, is no change
    ("channel_change", "通过门户网站、微信公众号发布政府信息2095条。", 0),
    ("channel_change", "构建线上线下相结合的多元化公开平台。", 0),
    ("shortfall_words", "原有部门网站政务公开栏目和政府信息公开目录结构无法满足机构改革后的政务信息发布需要。", 1),
    ("shortfall_words", "政务公开渠道有限，在利用政务新媒体开展宣传方面还难以满足群众需要。", 1),
    ("shortfall_words", "2020年通过本单位网站发布各类信息244条。", 0),
    # 针对…问题 names a problem in order to address it: a measure's words, not an admission
    ("shortfall_words", "针对工作中存在的不足，我们将从以下几个方面加以改进：", 0),
]


@pytest.mark.parametrize("cue,text,count", CUE_CASES, ids=[f"{c}-{n}" for n, (c, _, _) in enumerate(CUE_CASES)])
def test_cue_words(cue, text, count):
    assert len(cues()[cue].starts(text, np.zeros(1, dtype=np.int64))) == count


def test_the_cues_count_channel_changes_outside_section_5():
    names = cue_names()
    row = cue_matrix(["区办公室设立“行政执法公示”专栏，全年公布631条。"], [1]).toarray()[0]
    assert row[names.index("channel_change@other")] > 0 and row[names.index("channel_change@s5")] == 0
    assert row[names.index("section=1")] == 1.0


def test_the_first_look_rows_are_the_batch_gold_but_the_unseen_checks_report():
    """first_look.jsonl (training rows since the batch's first look) holds the paragraphs of
    the batch's gold records, except h012: it is the unseen check's u04 from another mirror."""
    root = Path(__file__).resolve().parents[2]
    rows = [json.loads(l) for l in (root / "data/labelled/first_look.jsonl").read_text(encoding="utf-8").splitlines()]
    records = sorted((root / "data/heldout/2026-12-07/gold").glob("h*.json"))
    expected = sum(len(json.loads(p.read_text(encoding="utf-8"))["paragraphs"]) for p in records if not p.stem.startswith("h012"))
    assert len(rows) == expected
    assert all(r["source"].startswith("data/heldout/2026-12-07/gold/h") and r["how"] == "first_look" for r in rows)
    assert not any("h012_" in r["source"] for r in rows)


def test_the_round_2_rows_are_the_round_2_gold():
    """first_look_r2.jsonl (training rows since round 2's first look) holds every paragraph of
    that batch's gold records (no report of it is an unseen-check or gold report)."""
    root = Path(__file__).resolve().parents[2]
    rows = [json.loads(l) for l in (root / "data/labelled/first_look_r2.jsonl").read_text(encoding="utf-8").splitlines()]
    records = sorted((root / "data/heldout/2026-12-07-r2/gold").glob("h*.json"))
    assert len(rows) == sum(len(json.loads(p.read_text(encoding="utf-8"))["paragraphs"]) for p in records) == 193
    assert all(r["source"].startswith("data/heldout/2026-12-07-r2/gold/h1") and r["how"] == "first_look" for r in rows)


@pytest.mark.parametrize("name,batch,prefix,n", [("first_look_r3", "2026-12-07-r3", "h2", 104),
                                                  ("first_look_r4", "2026-12-07-r4", "h3", 91),
                                                  ("first_look_r5", "2026-12-07-r5", "h4", 143),
                                                  ("first_look_r6", "2026-12-07-r6", "h5", 90),
                                                  ("first_look_r7", "2026-12-07-r7", "h6", 87),
                                                  ("first_look_r8", "2026-12-07-r8", "h7", 67),
                                                  ("first_look_r9", "2026-12-07-r9", "h8", 102),
                                                  ("first_look_r10", "2026-12-07-r10", "h9", 74),
                                                  ("first_look_r11", "2026-12-07-r11", "h10", 85),
                                                  ("first_look_r12", "2026-12-07-r12", "h11", 98),
                                                  ("first_look_r13", "2026-12-07-r13", "h12", 94),
                                                  ("first_look_r14", "2026-12-07-r14", "h13", 79),
                                                  ("first_look_r15", "2026-12-07-r15", "h14", 90),
                                                  ("first_look_r16", "2026-12-07-r16", "h15", 90),
                                                  ("first_look_r17", "2026-12-07-r17", "h16", 101),
                                                  ("first_look_r18", "2026-12-07-r18", "h17", 102),
                                                  ("first_look_r19", "2026-12-07-r19", "h18", 87)])
def test_the_later_rounds_rows_are_their_gold_and_have_their_groups(name, batch, prefix, n):
    """first_look_r3.jsonl … first_look_r19.jsonl (development data since those rounds' first
    looks) hold every paragraph of their batch's gold records, and groups.tsv names each of
    their reports' province and kind (the cross-validation by province/kind would otherwise
    put them all in "unknown"); a province only where sources.jsonl gives one (r19 h1820: none)."""
    root = Path(__file__).resolve().parents[2]
    rows = [json.loads(l) for l in (root / f"data/labelled/{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    records = sorted((root / f"data/heldout/{batch}/gold").glob("h*.json"))
    assert len(rows) == sum(len(json.loads(p.read_text(encoding="utf-8"))["paragraphs"]) for p in records) == n
    assert all(r["source"].startswith(f"data/heldout/{batch}/gold/{prefix}") and r["how"] == "first_look" for r in rows)
    sources = {s["stem"]: s for s in map(json.loads, (root / f"data/heldout/{batch}/sources.jsonl").read_text(
        encoding="utf-8").splitlines())}
    groups = (root / "data/labelled/groups.tsv").read_text(encoding="utf-8")
    for p in records:
        line = next(l for l in groups.splitlines() if l.startswith(f"data/heldout/{batch}/gold/{p.name}\t"))
        province, kind = line.split("\t")[1:]
        assert kind != "unknown"
        assert (province == "unknown") == (sources[p.stem]["province"] is None)


def test_a_city_named_with_zhen_is_no_township():
    """groups_first_look.kind: 景德镇市… is a city's body (round 4 h314), 张甸镇 and 流泗镇人民政府 are towns."""
    import importlib.util

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("groups_first_look", root / "data/labelled/groups_first_look.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.kind("景德镇市公路事业发展中心", "city department") == "department"
    assert module.kind("张甸镇", "township") == module.kind("湖口县流泗镇人民政府", "township") == "township"
    assert module.kind("西安市雁塔区小寨路街道办事处", "street") == "township"
    assert module.kind("河北区人民政府办公室", "district") == "government"
    # a county or district named bare, a banner (round 5 h420 鹤城区, h409 正蓝旗; round 1 h013 肃南县);
    # a development zone or a 管理区 is not one
    assert module.kind("鹤城区", "district government") == module.kind("肃南县", "county government") == "government"
    assert module.kind("正蓝旗", "county (banner) government") == "government"
    assert module.kind("安徽舒城经济开发区", "development zone administration committee") == "department"
    assert module.kind("熊口管理区", "township-level area (管理区)") == "department"


@pytest.mark.parametrize("given,province", [
    # (sources.jsonl's province as the round's readers wrote it, groups.tsv's)
    ("Shaanxi", "陕西省"), ("national (Beijing)", "北京市"), ("贵州", "贵州省"), ("广东省", "广东省"),
    ("内蒙古", "内蒙古自治区"), ("Zhejiang (inferred; city not named)", "浙江省"), ("贵州 (probable)", "贵州省"),
    ("江西 (inferred from mirror path: 兴国县)", "江西省"),
    # none given (r19 h1820), or a name that is no province: unknown, never a guess
    (None, "unknown"), ("national", "unknown"), ("", "unknown"),
])
def test_groups_first_look_reads_the_readers_province_names(given, province):
    import importlib.util

    spec = importlib.util.spec_from_file_location("groups_first_look", ROOT / "data/labelled/groups_first_look.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.province(given) == province


CLAUSE_CASES = [
    # (real report text, the clauses that work on a channel: the clause pass scores only these)
    ("持续加强政府网站建设,优化网站界面设计,提升用户体验。", ["持续加强政府网站建设,优化网站界面设计,提升用户体验。"]),
    ("一是在工作存在不严谨的问题,比如在部分稿件中存在错别字和更新不及时现象;二是政务公开专区有待进一步完善,部分信息资料未及时更换。",
     ["二是政务公开专区有待进一步完善,部分信息资料未及时更换。"]),
    ("全年主动公开信息4条。先后关停未进行规范管理的政务新媒体2个。", ["先后关停未进行规范管理的政务新媒体2个。"]),
    # a channel only named as where items were published: no clause of channel work
    ("通过门户网站、微信公众号发布政府信息2095条。", []),
    # channel work and publishing through it in one clause: left to the paragraph's own score
    ("维护上合组织农业基地专栏1个,发布信息110条。", []),
    # the 平台建设 of a run-in heading names no channel in particular
    ("(四)政府信息公开平台建设。依托区政府门户网站平台统一发布信息。", []),
]


@pytest.mark.parametrize("text,expected", CLAUSE_CASES, ids=[f"clause-{n}" for n in range(len(CLAUSE_CASES))])
def test_channel_clauses(text, expected):
    from nlp.paragraphs.features import channel_clauses, joined

    joined_text, starts = joined([text])
    assert channel_clauses(joined_text, starts)[0] == expected


def test_channel_clauses_of_a_report_belong_to_their_paragraphs():
    from nlp.paragraphs.features import channel_clauses, joined

    texts = ["全年主动公开信息4条。", "通过门户网站发布政府信息20条。持续加强政府网站建设。", "先后关停政务新媒体2个。"]
    units, owner = channel_clauses(*joined(texts))
    assert units == ["持续加强政府网站建设。", "先后关停政务新媒体2个。"] and list(owner) == [1, 2]


def test_one_channel_clause_makes_a_paragraph_platform():
    """With the clause pass (params platform_clauses, trained on the repository's labelled rows
    and rounds 1–3, held-out texts left out as `nianbao train` leaves them out), an
    unseen-check paragraph (never trained on, gold: problems + platform) whose second clause
    names a shortfall of a disclosure section is platform through its clause; its
    whole-paragraph score alone stays below 0.4, the platform threshold such a model picks. A
    paragraph naming channels only as where it published stays below it with the clause pass too."""
    import copy

    from nlp.labelled import dedupe, load_rows
    from nlp.training import fit_rows

    root = Path(__file__).resolve().parents[2] / "data" / "labelled"
    held = {r["text"] for r in load_rows([root / "gold.jsonl", root / "unseen.jsonl"], synthetic=False)}
    rows = [r for r in dedupe(load_rows([root / f"{n}.jsonl" for n in ("collected", "first_look", "first_look_r2",
                                                                        "first_look_r3")]))
            if r["text"] not in held]
    model = fit_rows(rows, {"platform_clauses": True})
    assert model.clause_stack is not None and model.clause_stack[1] > 0
    paragraph_only = copy.copy(model)
    paragraph_only.clause_stack = None
    j = model.labels.index("platform")
    threshold = 0.4
    texts = [CLAUSE_CASES[1][0], "2021年,县卫生健康委通过石柱县人民政府公众信息网主动公开信息580条,主要涵盖疫情防控及其动态、经费预决算等信息;"
             "通过政务新媒体“石柱县卫生健康信息服务”公开信息27条。"]
    with_clauses = model.probabilities(texts, [5, 1])[:, j]
    without = paragraph_only.probabilities(texts, [5, 1])[:, j]
    assert with_clauses[0] >= threshold > without[0]
    assert with_clauses[1] < threshold
