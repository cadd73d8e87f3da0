"""Measure the paragraph classifier (nlp/paragraphs/model.py) with given parameters the
same way on every run, so that a change ships only when it is better where it matters:

* ``gold``      trained on collected.jsonl, scored on gold.jsonl (held out), with a
                bootstrap over gold documents for the noise of that figure;
* ``unseen``    the same model scored on unseen.jsonl (reports of the pages corpus that no
                training row comes from);
* ``cv_doc``    5-fold cross-validation on collected.jsonl, folds grouped by document;
* ``cv_province`` / ``cv_kind``  the same, folds grouped by province or by kind of agency
                (data/labelled/groups.tsv): the model never sees the test part's provinces
                (kinds) in training;
* ``subsample`` five fits on 80 % of the training documents each, scored on gold.jsonl:
                how much the gold figure moves with the training sample;
* ``first_look`` the first-look batch's paragraphs (first_look.jsonl), each half of its
                reports (odd / even numbers) scored by a model trained without it (on the
                rest of the training data, the other half included when first_look.jsonl
                is trained on); ``first_look_r2`` to ``first_look_r6`` the same for rounds 2 to 6
                (first_look_r2.jsonl … first_look_r6.jsonl).

Thresholds are picked as `nianbao train` picks them (out-of-fold, by document) and used for
every figure of that model. Prints one JSON object (the predictions on gold and unseen rows
included, for paired comparisons); ``--out`` appends it to a file.

    python -m training.compare --params '{"C": 1.0}' --out /tmp/runs.jsonl
    python -m training.compare --train collected.jsonl      # without the first-look batches
"""
from __future__ import annotations

import argparse
import csv
import json
import time
from pathlib import Path

import numpy as np
from nlp.labelled import dedupe, group_of, load_rows
from nlp.paragraphs.evaluate import label_metrics

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "data" / "labelled"
REQUIRED = ("problems", "measures", "platform")
#: the first-look batches that became development data (their paragraphs, scored by halves)
BATCHES = ("first_look", "first_look_r2", "first_look_r3", "first_look_r4", "first_look_r5", "first_look_r6")


def groups_table(path=LABELLED / "groups.tsv") -> dict:
    """source document → {"province": …, "kind": …}."""
    with open(path, encoding="utf-8") as f:
        return {r["source"]: r for r in csv.DictReader(f, delimiter="\t")}


def first_look_half(row: dict) -> int:
    """0 for the batch's odd-numbered reports (h001, h003, …), 1 for the even-numbered."""
    import re

    return 1 - int(re.search(r"/h(\d+)_", row["source"]).group(1)) % 2


def summary(metrics: dict) -> dict:
    per = metrics["per_label"]
    return {"macro": metrics["macro_f1_required"], **{l: per[l]["f1"] for l in REQUIRED},
            "macro_all": metrics["macro_f1_all"], "n": metrics["n"]}


def bootstrap(rows, predicted, draws: int = 1000, seed: int = 0) -> tuple:
    """5th and 95th percentile of the required macro-F1 over resamples of whole documents."""
    docs = sorted({group_of(r) for r in rows})
    by_doc = {d: [i for i, r in enumerate(rows) if group_of(r) == d] for d in docs}
    rng = np.random.default_rng(seed)
    gold = [tuple(r.get("labels", [])) for r in rows]
    values = []
    for _ in range(draws):
        pick = [i for d in rng.choice(docs, len(docs)) for i in by_doc[d]]
        values.append(label_metrics([gold[i] for i in pick], [predicted[i] for i in pick])["macro_f1_required"])
    return float(np.percentile(values, 5)), float(np.percentile(values, 95))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--params", default="{}", help="JSON parameters of that classifier")
    ap.add_argument("--what", default="gold,unseen,first_look,first_look_r2,first_look_r3,first_look_r4,first_look_r5,first_look_r6,cv_doc,cv_province,cv_kind,subsample")
    ap.add_argument("--train", default="collected.jsonl,first_look.jsonl,first_look_r2.jsonl,first_look_r3.jsonl",
                    help="training files in data/labelled (comma-separated)")
    ap.add_argument("--thresholds", help="JSON {label: threshold} used instead of the out-of-fold pick (for analysis)")
    ap.add_argument("--out", help="append the figures (one JSON object) to this file")
    args = ap.parse_args()
    from nlp.training import fit_rows, labels_at, out_of_fold_metrics, out_of_fold_scores, pick_thresholds

    params = json.loads(args.params)
    rows = dedupe(load_rows([LABELLED / name for name in args.train.split(",")]))
    gold = load_rows([LABELLED / "gold.jsonl"], synthetic=False)
    unseen = load_rows([LABELLED / "unseen.jsonl"], synthetic=False)
    batches = {name: load_rows([LABELLED / f"{name}.jsonl"], synthetic=False) for name in BATCHES}
    held = {r["text"] for r in gold + unseen}  # as `nianbao train` does: no held-out text is trained on
    rows = [r for r in rows if r["text"] not in held]
    result = {"params": params, "train": args.train}
    what = args.what.split(",")
    t0 = time.time()
    oof = out_of_fold_scores(rows, 5, params)
    thresholds = {**pick_thresholds(rows, oof), **json.loads(args.thresholds or "{}")}
    result["thresholds"] = thresholds
    if "cv_doc" in what:
        result["cv_doc"] = summary(out_of_fold_metrics(rows, oof, thresholds))
        result["cv_doc"]["predicted"] = [list(x) for x in labels_at(oof, thresholds)]
    table = groups_table()
    for name in ("province", "kind"):
        if f"cv_{name}" in what:
            g = [table.get(group_of(r), {}).get(name, "unknown") for r in rows]
            p = out_of_fold_scores(rows, 5 if name == "province" else len(set(g)), params, groups=g)
            result[f"cv_{name}"] = summary(out_of_fold_metrics(rows, p, thresholds))
            result[f"cv_{name}"]["predicted"] = [list(x) for x in labels_at(p, thresholds)]
    from .baseline import keyword_labels

    for name, data in (("gold", gold), ("unseen", unseen)):
        if name in what:
            result[f"keyword_rule_{name}"] = summary(label_metrics([tuple(r.get("labels", [])) for r in data],
                                                                   [keyword_labels(r["text"], r.get("section")) for r in data]))
    if {"gold", "unseen"} & set(what):
        model = fit_rows(rows, params)
        for name, data in (("gold", gold), ("unseen", unseen)):
            if name in what:
                predicted = labels_at(model.probabilities([r["text"] for r in data], [r.get("section") for r in data]),
                                      thresholds)
                result[name] = summary(label_metrics([tuple(r.get("labels", [])) for r in data], predicted))
                result[name]["predicted"] = [list(p) for p in predicted]
                result[name]["interval90"] = bootstrap(data, predicted)
    for name, first_look in batches.items():
        if name not in what:
            continue
        predicted = [None] * len(first_look)
        for half in (0, 1):
            test = [i for i, r in enumerate(first_look) if first_look_half(r) == half]
            tested = {group_of(first_look[i]) for i in test}
            model = fit_rows([r for r in rows if group_of(r) not in tested], params)
            p = labels_at(model.probabilities([first_look[i]["text"] for i in test],
                                              [first_look[i].get("section") for i in test]), thresholds)
            for i, labels in zip(test, p):
                predicted[i] = labels
        result[name] = summary(label_metrics([tuple(r.get("labels", [])) for r in first_look], predicted))
        result[name]["predicted"] = [list(p) for p in predicted]
        result[name]["interval90"] = bootstrap(first_look, predicted)
    if "subsample" in what:
        docs = sorted({group_of(r) for r in rows})
        rng = np.random.default_rng(0)
        values = []
        for _ in range(5):
            keep = set(rng.choice(docs, int(0.8 * len(docs)), replace=False))
            sub = [r for r in rows if group_of(r) in keep]
            model = fit_rows(sub, params)
            predicted = labels_at(model.probabilities([r["text"] for r in gold], [r.get("section") for r in gold]),
                                  thresholds)
            values.append(label_metrics([tuple(r.get("labels", [])) for r in gold], predicted)["macro_f1_required"])
        result["subsample_gold"] = {"values": values, "mean": float(np.mean(values)), "sd": float(np.std(values))}
    result["seconds"] = round(time.time() - t0)
    line = json.dumps(result, ensure_ascii=False)
    print(line)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as f:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
