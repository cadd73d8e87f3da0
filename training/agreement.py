#!/usr/bin/env python3
"""Agreement of two readers' gold records for a first-look batch (standard library only).

One script for every batch (rounds 1-3 each ran a copy of it with only its docstring changed).

usage: python -m training.agreement --batch data/heldout/2026-12-07-r3 [--r1 DIR] [--r2 DIR] [--by-file] STEM_OR_RANGE ...

STEM_OR_RANGE: a stem (h123_taizhou-qxj-2024), a stem prefix (h123) or a range of prefixes
(h123-h144). Facts are keyed as ../shared/tools/score.py keys them, (kind, channel, value rounded
to 2 places), and scored as r2 against r1 (r1 in the place of gold). Paragraphs are paired as
score.py pairs them: normalised texts (whitespace and | removed), containment with a length
ratio > 0.5 counts as 0.95, else difflib ratio, pairs kept at >= 0.8. Paragraphs found are
reported both ways (r1 found in r2, r2 found in r1); label agreement and Cohen's kappa are
computed over the r1->r2 pairs, one binary decision per label and pair. --by-file also lists,
for facts matched on the key and for paired paragraphs, the attributes the key ignores
(qualifier, account, unit, span; section and cut).
"""
import argparse
import difflib
import json
import pathlib
import re
import sys
from collections import Counter

LABELS = ("problems", "measures", "platform",
          "proactive_disclosure", "request_handling", "information_management", "oversight")


def norm_text(s):
    return re.sub(r"[\s\u3000|]+", "", s or "")


def fact_key(f):
    v = f.get("value")
    try:
        v = round(float(v), 2)
    except (TypeError, ValueError):
        v = None
    return (f.get("kind"), f.get("channel"), v)


def align(gold_pars, pred_pars):
    """Pair each paragraph of gold_pars with the most similar of pred_pars (ratio >= 0.8)."""
    preds = [(norm_text(p.get("text")), p) for p in pred_pars]
    pairs = []
    for gp in gold_pars:
        gt = norm_text(gp.get("text"))
        best, best_r = None, 0.0
        for pt, pp in preds:
            if not pt:
                continue
            if gt and (gt in pt or pt in gt) and min(len(gt), len(pt)) / max(len(gt), len(pt)) > 0.5:
                r = 0.95
            else:
                sm = difflib.SequenceMatcher(None, gt, pt, autojunk=False)
                if sm.real_quick_ratio() < 0.8 or sm.quick_ratio() < 0.8:
                    continue
                r = sm.ratio()
            if r > best_r:
                best, best_r = pp, r
        pairs.append((gp, best if best_r >= 0.8 else None))
    return pairs


def kappa(c):
    """Cohen's kappa from a Counter of (a, b) binary decisions."""
    n = sum(c.values())
    if not n:
        return None
    po = (c[(1, 1)] + c[(0, 0)]) / n
    a1 = (c[(1, 1)] + c[(1, 0)]) / n
    b1 = (c[(1, 1)] + c[(0, 1)]) / n
    pe = a1 * b1 + (1 - a1) * (1 - b1)
    if pe >= 1.0:
        return None  # both readers constant: kappa undefined
    return (po - pe) / (1 - pe)


def select_stems(args, available):
    out = []
    for a in args:
        m = re.fullmatch(r"h(\d+)-h(\d+)", a)
        if m:
            lo, hi = int(m.group(1)), int(m.group(2))
            out += [s for s in available if lo <= int(re.match(r"h(\d+)", s).group(1)) <= hi]
        else:
            out += [s for s in available if s == a or s.startswith(a + "_") or s.startswith(a)]
    seen = set()
    return [s for s in out if not (s in seen or seen.add(s))]


def load(path):
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except FileNotFoundError:
        return None, f"missing: {path}"
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        return None, f"unreadable: {path}: {e}"


def fmt(x, nd=3):
    return "n/a" if x is None else f"{x:.{nd}f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", default=".", help="the batch folder (its readers/r1 and readers/r2)")
    ap.add_argument("--r1", help="the first reader's records (default: BATCH/readers/r1)")
    ap.add_argument("--r2", help="the second reader's records (default: BATCH/readers/r2)")
    ap.add_argument("--by-file", action="store_true", help="list each file's differences")
    ap.add_argument("stems", nargs="+")
    a = ap.parse_args(argv)
    batch = pathlib.Path(a.batch)
    r1dir = pathlib.Path(a.r1) if a.r1 else batch / "readers" / "r1"
    r2dir = pathlib.Path(a.r2) if a.r2 else batch / "readers" / "r2"
    available = sorted({p.stem for p in r1dir.glob("*.json")} | {p.stem for p in r2dir.glob("*.json")})
    stems = select_stems(a.stems, available)
    if not stems:
        print(f"no record matches {' '.join(a.stems)} in {r1dir} or {r2dir}", file=sys.stderr)
        return 2

    f_tp = f_n1 = f_n2 = 0
    found12 = total1 = found21 = total2 = 0
    label_c = {lab: Counter() for lab in LABELS}
    meta = {k: [0, 0] for k in ("edition", "year", "agency")}
    problems = []
    files = 0
    for stem in stems:
        r1, e1 = load(r1dir / f"{stem}.json")
        r2, e2 = load(r2dir / f"{stem}.json")
        if e1 or e2:
            problems += [e for e in (e1, e2) if e]
            continue
        files += 1
        g = Counter(fact_key(f) for f in r1.get("facts", []))
        p = Counter(fact_key(f) for f in r2.get("facts", []))
        tp = sum((g & p).values())
        f_tp, f_n1, f_n2 = f_tp + tp, f_n1 + sum(g.values()), f_n2 + sum(p.values())
        pars1, pars2 = r1.get("paragraphs", []), r2.get("paragraphs", [])
        pairs = align(pars1, pars2)
        back = align(pars2, pars1)
        fo12 = sum(pp is not None for _, pp in pairs)
        fo21 = sum(pp is not None for _, pp in back)
        found12, total1, found21, total2 = found12 + fo12, total1 + len(pars1), found21 + fo21, total2 + len(pars2)
        label_diffs = []
        for gp, pp in pairs:
            if pp is None:
                continue
            l1, l2 = set(gp.get("labels", [])), set(pp.get("labels", []))
            for lab in LABELS:
                label_c[lab][(int(lab in l1), int(lab in l2))] += 1
            if l1 != l2:
                label_diffs.append((gp, sorted(l1 - l2), sorted(l2 - l1)))
        attr_diffs = []  # facts that match on the key but differ in qualifier, account or span
        rest2 = {}
        for f in r2.get("facts", []):
            rest2.setdefault(fact_key(f), []).append(f)
        for f in r1.get("facts", []):
            cands = rest2.get(fact_key(f)) or []
            if not cands:
                continue
            f2 = cands.pop(0)
            for k in ("qualifier", "account", "unit"):
                if f.get(k) != f2.get(k):
                    attr_diffs.append(f"fact {fact_key(f)} {k}: r1={f.get(k)} r2={f2.get(k)}")
            if (f.get("start"), f.get("end")) != (f2.get("start"), f2.get("end")):
                attr_diffs.append(f"fact {fact_key(f)} span: r1={f.get('start')}-{f.get('end')} "
                                  f"r2={f2.get('start')}-{f2.get('end')}")
        for gp, pp in pairs:
            if pp is None:
                continue
            if gp.get("section") != pp.get("section"):
                attr_diffs.append(f"paragraph [{gp.get('start')}-{gp.get('end')}] section: "
                                  f"r1={gp.get('section')} r2={pp.get('section')}")
            if (gp.get("start"), gp.get("end")) != (pp.get("start"), pp.get("end")):
                attr_diffs.append(f"paragraph [{gp.get('start')}-{gp.get('end')}] cut differently: "
                                  f"r2=[{pp.get('start')}-{pp.get('end')}]")
        meta_diffs = []
        for k in meta:
            v1, v2 = r1.get(k), r2.get(k)
            meta[k][1] += 1
            if str(v1) == str(v2):
                meta[k][0] += 1
            else:
                meta_diffs.append(f"{k}: r1={v1} r2={v2}")
        if a.by_file:
            print(f"== {stem}: facts common={tp} r1={sum(g.values())} r2={sum(p.values())}; "
                  f"paragraphs r1 {fo12}/{len(pars1)} found in r2, r2 {fo21}/{len(pars2)} found in r1; "
                  f"label differences {len(label_diffs)}")
            for d in meta_diffs:
                print(f"   meta {d}")
            for k in sorted((g - p).elements(), key=str):
                print(f"   fact only r1 {k}")
            for k in sorted((p - g).elements(), key=str):
                print(f"   fact only r2 {k}")
            for gp, pp in pairs:
                if pp is None:
                    print(f"   paragraph only r1 [{gp.get('start')}-{gp.get('end')}] {norm_text(gp.get('text'))[:40]}")
            for gp, pp in back:
                if pp is None:
                    print(f"   paragraph only r2 [{gp.get('start')}-{gp.get('end')}] {norm_text(gp.get('text'))[:40]}")
            for d in attr_diffs:
                print(f"   {d}")
            for gp, only1, only2 in label_diffs:
                print(f"   labels [{gp.get('start')}-{gp.get('end')}] {norm_text(gp.get('text'))[:24]}: "
                      f"only r1 {only1} only r2 {only2}")

    for msg in problems:
        print(f"skipped {msg}")
    prec = f_tp / f_n2 if f_n2 else None
    rec = f_tp / f_n1 if f_n1 else None
    f1 = 2 * prec * rec / (prec + rec) if prec and rec else (0.0 if prec is not None and rec is not None else None)
    print(f"files compared: {files} ({', '.join(a.stems)})")
    print(f"facts (r2 against r1, key kind+channel+value): common={f_tp} r1={f_n1} r2={f_n2} "
          f"P={fmt(prec)} R={fmt(rec)} F1={fmt(f1)}")
    print(f"paragraphs: r1 found in r2 {found12}/{total1} ({fmt(found12 / total1 if total1 else None)}), "
          f"r2 found in r1 {found21}/{total2} ({fmt(found21 / total2 if total2 else None)})")
    print(f"labels over {sum(label_c[LABELS[0]].values())} paired paragraphs (r1->r2 pairs):")
    print(f"  {'label':24s} {'both':>5s} {'r1only':>6s} {'r2only':>6s} {'neither':>7s} {'agree':>6s} {'kappa':>6s}")
    for lab in LABELS:
        c = label_c[lab]
        n = sum(c.values())
        agree = (c[(1, 1)] + c[(0, 0)]) / n if n else None
        print(f"  {lab:24s} {c[(1, 1)]:5d} {c[(1, 0)]:6d} {c[(0, 1)]:6d} {c[(0, 0)]:7d} {fmt(agree):>6s} {fmt(kappa(c)):>6s}")
    print("meta agreement: " + ", ".join(f"{k} {ok}/{tot}" for k, (ok, tot) in meta.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
