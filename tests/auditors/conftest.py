"""Shared fixtures: a small paragraph model trained here (the shipped model may be missing
or being retrained while these tests run) and the records of the bundled reports."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORTS = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((ROOT / "data" / "corpus" / "reports").glob("*"))
TRAINING_ROWS = 160


def train_small_model(out: Path, rows: list) -> Path:
    """A model fitted on ``rows`` with the package's own model and store (no cross-validation)."""
    from nlp.paragraphs.model import LABELS, fit_classifier
    from nlp.paragraphs.store import save_model

    classifier = fit_classifier([r["text"] for r in rows], [r.get("section") for r in rows],
                                [[int(label in r.get("labels", [])) for label in LABELS] for r in rows],
                                {"max_features": 3000})
    classifier.metadata = {"labels": list(LABELS)}
    save_model(classifier, out)
    return out


@pytest.fixture(scope="session")
def model_path(tmp_path_factory) -> Path:
    lines = (ROOT / "data" / "labelled" / "collected.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines[:TRAINING_ROWS]]
    return train_small_model(tmp_path_factory.mktemp("model") / "paragraphs.joblib", rows)


@pytest.fixture(scope="session")
def engine(model_path):
    from nlp.engine import Engine

    return Engine(model_path)


@pytest.fixture(scope="session")
def records(engine) -> list:
    """The records of data/samples and data/corpus/reports."""
    from nlp.read import read_path

    return [engine.annotate(read_path(p)) for p in REPORTS]


@pytest.fixture(scope="session")
def records_file(records, tmp_path_factory) -> Path:
    """The same records as `nianbao annotate` writes them."""
    from nlp.outputs import record_line

    path = tmp_path_factory.mktemp("records") / "out.jsonl"
    path.write_text("".join(record_line(r) + "\n" for r in records), encoding="utf-8")
    return path
