"""Labelled paragraphs: JSON Lines rows ``{text, labels, source, section, how, checked}``.

``how`` says how a row was labelled (``gold``: a gold record's paragraph; ``read``: read
and labelled by hand; ``weak``: from a sub-heading, then checked or not; ``synthetic``:
written by us, for training only, never in an evaluation figure).
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from nlp.paragraphs.model import LABELS

SYNTHETIC = "synthetic"


class DataError(ValueError):
    """A labelled-data file is malformed."""


def load_rows(paths, *, allow_synthetic: bool = True) -> list:
    rows = []
    for path in map(Path, paths):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"{path}:{number}: not JSON ({exc.msg})") from None
            _validate(row, f"{path}:{number}")
            if row.get("how") == SYNTHETIC and not allow_synthetic:
                continue
            rows.append(row)
    return rows


def _validate(row: dict, where: str) -> None:
    if not isinstance(row.get("text"), str) or not row["text"].strip():
        raise DataError(f"{where}: no text")
    unknown = set(row.get("labels", [])) - set(LABELS)
    if unknown:
        raise DataError(f"{where}: unknown labels {sorted(unknown)}; known: {', '.join(LABELS)}")
    if not row.get("source"):
        raise DataError(f"{where}: no source (every row says where it came from)")


def data_hash(paths) -> str:
    """sha256 over the files' bytes, in the order given."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def group_of(row: dict) -> str:
    """The document a row came from (rows of one report stay in one fold)."""
    return re.split(r"#", str(row["source"]))[0]


def dedupe(rows: list) -> list:
    """Rows with the same whitespace-free text kept once (the first)."""
    seen, out = set(), []
    for row in rows:
        key = re.sub(r"\s+", "", row["text"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out
