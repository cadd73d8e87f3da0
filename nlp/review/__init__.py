"""Tools for reviewers and annotators: records read for review, Label Studio tasks out,
corrected labels (Label Studio or doccano exports) back in as labelled training data.

    labelstudio.py   records → Label Studio tasks with pre-annotations; its exports → rows
    doccano.py       a doccano JSONL export → rows
    labelled.py      a reviewer's rows for data/labelled (text, labels, source, section, how,
                     checked, facts), merged into a labelled-data file (read and written by
                     nlp.labelled)
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from . import doccano, labelstudio
from .labelled import merge
from ..outputs import load_records, writing

__all__ = ["export_labelstudio", "import_labels", "merge"]


def export_labelstudio(records_path, out) -> dict:
    """`nianbao export RECORDS --to labelstudio.json`: Label Studio tasks and their config."""
    records = load_records(records_path)
    with writing(out):
        return labelstudio.export_tasks(records, out)


def import_labels(path) -> tuple:
    """(rows, tasks skipped) of a Label Studio JSON export (``.json``) or a doccano JSONL export."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", source=str(path)) from None
    if path.suffix.lower() == ".jsonl":
        return doccano.rows_from_jsonl(text.splitlines(), str(path))
    try:
        tasks = json.loads(text)
    except ValueError as exc:
        raise InputError(f"not JSON ({exc}); a Label Studio export is .json, a doccano export .jsonl",
                         source=str(path)) from None
    return labelstudio.rows_from_export(tasks, str(path))
