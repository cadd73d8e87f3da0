#!/usr/bin/env bash
# Proves that an installed nianbao annotates with its shipped model and trains: no clone of
# the repository, no editable install.
#
#   bash training/check_wheel_train.sh            # PYTHON=python3.11 FOLDS=5 to change them
#
# It copies the package's own files (pyproject.toml, README.md, nlp/ and the shipped model in
# models/, which nlp/models links to: what the wheel is built from; not training/ or data/) to
# a scratch directory, makes a fresh virtual
# environment, installs them there with `pip install .` (not -e: pip builds a wheel and
# installs it; the wheels pip has cached are reused, the rest come from the package index),
# then, from a directory holding nothing of the repository, annotates a bundled report with
# the installed `nianbao annotate` (the shipped model labels its paragraphs), runs the installed
# `nianbao train` on the bundled labelled paragraphs (data/labelled/collected.jsonl) and
# `nianbao evaluate-classifier` of that model on the held-out gold paragraphs. It prints
# where `nlp` was imported from, the model's metadata and the figures, and removes the
# scratch directory (KEEP=1 keeps it).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
FOLDS=${FOLDS:-5}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-wheel.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "scratch: $SCRATCH"; else trap 'rm -rf "$SCRATCH"' EXIT; fi

mkdir -p "$SCRATCH/src" "$SCRATCH/run"
(cd "$ROOT" && git ls-files -z -- pyproject.toml README.md nlp models | xargs -0 cp -P --parents -t "$SCRATCH/src")

started=$(date +%s)
"$PYTHON" -m venv "$SCRATCH/venv"
"$SCRATCH/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$SCRATCH/src"
echo "installed in $(( $(date +%s) - started )) s: $("$SCRATCH/venv/bin/python" -m pip show nianbao 2>/dev/null | grep -E '^(Name|Version|Location)' | tr '\n' ' ')"

cd "$SCRATCH/run"
"$SCRATCH/venv/bin/python" - <<'EOF'
import importlib.metadata as md
import nlp
dist = md.distribution("nianbao")
editable = any(f.name.endswith(".pth") and "nianbao" in f.name for f in dist.files or ())
print(f"nlp imported from {nlp.__file__} (nianbao {nlp.__version__}, editable install: {editable})")
assert "site-packages" in nlp.__file__ and not editable, "not the installed wheel"
EOF

"$SCRATCH/venv/bin/nianbao" annotate "$ROOT/data/samples/001_e849864efb6c45e2.txt" -o "$SCRATCH/run/sample.jsonl" -q
"$SCRATCH/venv/bin/python" - "$SCRATCH/run/sample.jsonl" <<'EOF'
import json, sys
record = json.loads(open(sys.argv[1], encoding="utf-8").readline())
labelled = sum(1 for p in record["paragraphs"] if p["labels"])
print(f"annotated with the shipped model {record['paragraph_model']['sha256'][:12]}: "
      f"{len(record['paragraphs'])} paragraphs, {labelled} labelled")
assert labelled, "no paragraph labelled"
EOF

started=$(date +%s)
"$SCRATCH/venv/bin/nianbao" train "$ROOT/data/labelled/collected.jsonl" --folds "$FOLDS" -o "$SCRATCH/run/model/paragraphs.joblib"
echo "trained in $(( $(date +%s) - started )) s"
"$SCRATCH/venv/bin/python" - "$SCRATCH/run/model/paragraphs.meta.json" <<'EOF'
import json, sys
meta = json.load(open(sys.argv[1], encoding="utf-8"))
cv = meta["metrics"].get("cross_validation", {})
print("metadata:", json.dumps({k: meta[k] for k in ("training_rows", "training_data_sha256", "model_sha256", "trained_at")
                               if k in meta}, ensure_ascii=False))
print("versions:", json.dumps(meta.get("versions", {})))
if cv:
    print(f"cross-validation ({cv['folds']} folds by document): macro-F1 required {cv['macro_f1_required']:.3f}")
EOF
"$SCRATCH/venv/bin/nianbao" evaluate-classifier "$ROOT/data/labelled/gold.jsonl" --model "$SCRATCH/run/model/paragraphs.joblib" | grep -E "^model|macro-F1"
echo "ok: the installed wheel annotated with its shipped model and trained a model with its metadata"
