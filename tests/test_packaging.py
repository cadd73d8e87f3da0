"""What an installed nianbao has: every data file of the package is in the wheel, and
`nianbao train` needs nothing of the repository beyond the package (not its training/).

The whole proof, a wheel installed with `pip install .` in a fresh virtual environment
training a model, is training/check_wheel_train.sh (minutes and a download: not a test)."""
from __future__ import annotations

import fnmatch
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nlp"


def test_every_data_file_of_the_package_goes_into_the_wheel():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["nlp"]
    data = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert data, "the package has data files (template, sections, cues)"
    assert [f for f in data if not any(fnmatch.fnmatch(f, pattern) for pattern in patterns)] == []


#: `nianbao train` with the repository's training/ package made unimportable
NO_TRAINING = """
import importlib.abc, sys
class NoTraining(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "training":
            raise ImportError("training/ is not installed with nianbao")
sys.meta_path.insert(0, NoTraining())
from nlp.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_train_needs_nothing_outside_the_package(tmp_path):
    fixture = ROOT / "tests" / "paragraphs" / "fixture.jsonl"
    done = subprocess.run([sys.executable, "-c", NO_TRAINING, "train", str(fixture), "-o", "m.joblib", "--folds", "2"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    meta = json.loads((tmp_path / "m.meta.json").read_text(encoding="utf-8"))
    assert meta["training_rows"] == len(fixture.read_text(encoding="utf-8").splitlines())
    assert meta["metrics"]["cross_validation"]["folds"] == 2 and meta["versions"]["scikit-learn"]
