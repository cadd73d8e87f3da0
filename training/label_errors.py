"""List what a run got wrong on the required labels, paragraph by paragraph: every gold
paragraph not found, and every false or missed problems/measures/platform of a found one
(paired as the shared scorer pairs them), with the scores and the cues that fired — the
material of an error classification (data/labelled/README.md, rounds 3 and 4).

    .venv/bin/python -m training.label_errors data/heldout/2026-12-07-r2/gold records.jsonl
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

import numpy as np

from nlp.paragraphs.features import cues, normalize

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score.py"
REQUIRED = ("platform", "measures", "problems")


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def errors(gold_dir: Path, records: Path, scorer: Path = SCORER) -> list:
    """(kind, label, report, gold paragraph, predicted paragraph or None) for every error;
    kind is "not found", "fp" or "fn"."""
    score = _scorer(scorer)
    predicted = {score.stem(r.get("source")): r for r in score.load_records(records)}
    out = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        pairs = score.align_paragraphs(gold.get("paragraphs", []), predicted.get(path.stem, {}).get("paragraphs") or [])
        for gp, pp in pairs:
            if pp is None:
                out.append(("not found", None, path.stem, gp, None))
                continue
            for label in REQUIRED:
                if (label in gp.get("labels", [])) != (label in pp.get("labels", [])):
                    out.append(("fp" if label in pp.get("labels", []) else "fn", label, path.stem, gp, pp))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="folder of gold records")
    ap.add_argument("records", help="the run's records (JSON Lines)")
    ap.add_argument("--scorer", default=str(SCORER))
    args = ap.parse_args(argv)
    found = errors(Path(args.gold), Path(args.records), Path(args.scorer))
    for kind, label, stem, gp, pp in found:
        text = normalize((pp or gp)["text"])
        score = f" score={pp['scores'].get(label)}" if pp and label else ""
        print(f"{kind} {label or ''} {stem} s{gp.get('section')}{score} gold={sorted(gp.get('labels', []))}")
        print(f"    {text[:300]}")
        if pp:
            fired = [name for name, cue in cues().items() if len(cue.starts(text, np.zeros(1, dtype=np.int64)))]
            print(f"    cues: {', '.join(fired)}")
    counts = {}
    for kind, label, *_ in found:
        counts[f"{kind} {label or ''}".strip()] = counts.get(f"{kind} {label or ''}".strip(), 0) + 1
    print(json.dumps(counts, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
