"""An archive of many small reports, generated from data/samples: each a copy of a sample
with one line varied, so every file has its own content hash."""
from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "data" / "samples").glob("*.txt"))


def write_reports(directory: Path, n: int) -> list:
    """``n`` report files under ``directory`` (in two subdirectories), paths in sorted order."""
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    paths = []
    for i in range(n):
        sub = directory / ("a" if i % 2 else "b")
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"report_{i:05d}.txt"
        path.write_text(f"{texts[i % len(texts)]}\n（本报告副本编号：{i:05d}）\n", encoding="utf-8")
        paths.append(str(path))
    return sorted(paths)


@pytest.fixture
def make_reports(tmp_path):
    def make(n: int, name: str = "reports") -> Path:
        directory = tmp_path / name
        write_reports(directory, n)
        return directory
    return make
