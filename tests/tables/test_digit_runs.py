"""Hostile digit runs: a report whose table rows hold long runs of digits (the "separators
lost" case pushed to the extreme) is annotated in bounded time and memory, every such row
goes to ``ambiguous`` with the reason, and no cell is invented.

The process runs under an address-space limit, so unbounded work shows as a failure here
instead of taking the machine down."""
import json
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.tables import digits

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
RUN = "12345678911234567891123456789112345678"  # 38 digits, as in issue 17
MEMORY_LIMIT = 3 * 1024 ** 3


def with_runs(text: str, run: str, grid: bool) -> str:
    """Sections 3 and 4 of a pipe-layout seed with every row's numbers replaced by one run:
    as a grid cell (``label | run | ||``) or as flow text after the label (PDF text)."""
    start = text.index("三、收到和处理")
    lines = text[start:].split("\n")
    for i, line in enumerate(lines):
        pieces = [p.strip() for p in line.split("|")]
        labels = [p for p in pieces if p and not p.isdigit()]
        if any(p.isdigit() for p in pieces):
            lines[i] = " | ".join(labels + [run]) + " | ||" if grid else "".join(labels) + run
    return text[:start] + "\n".join(lines)


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def annotate(path: Path, tmp_path: Path, *options: str):
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "nlp.cli", "annotate", str(path), "-o", str(out), "-q", *options],
                          capture_output=True, text=True, timeout=300, preexec_fn=_limit_memory)
    return done, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


#: input (a seed with its table rows replaced), exit status, what `ambiguous` must say
HOSTILE = [
    ("38-digit run in a grid cell of every row", RUN, True, 0, "printed"),
    ("38-digit run as flow text after every label", RUN, False, 0, "0 splits fit the row sum"),
    ("a leading zero marks the run as cells run together: counted, not enumerated", "0" + RUN[1:], False, 0,
     "splits into 15 cells (more than 20,000 are not tried)"),
    ("80-digit run: longer than a row can print", "9" * 80, False, 0, "is longer than 7 cells can print"),
]


@pytest.mark.parametrize("name, run, grid, status, says", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_long_digit_runs_are_ambiguous_not_fatal(tmp_path, name, run, grid, status, says):
    seed = "000_c322f99bcfb5564c.txt"
    report = tmp_path / seed
    report.write_text(with_runs((SAMPLES / seed).read_text(encoding="utf-8"), run, grid), encoding="utf-8")
    assert report.read_text(encoding="utf-8").count(run) >= 20
    done, records = annotate(report, tmp_path)
    assert done.returncode == status, done.stderr
    (record,) = records
    reasons = [a["reason"] for a in record["ambiguous"]]
    assert any(says in r for r in reasons), reasons
    invented = [c for c in record["cells"] if c["field"].startswith(("requests.", "review."))
                and c["value"] is not None]
    assert invented == []


def test_long_digit_runs_among_other_reports_with_two_workers(tmp_path):
    """Issue 17: with ``-j 2`` a worker killed on such a report ended the whole run (E500).
    Now the run ends 0 and every report has its record, the one with the runs included."""
    reports = tmp_path / "reports"
    reports.mkdir()
    seeds = sorted(SAMPLES.glob("*.txt"))[:4]
    for seed in seeds:
        (reports / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (reports / "runs.txt").write_text(with_runs(seeds[0].read_text(encoding="utf-8"), RUN, True), encoding="utf-8")
    done, records = annotate(reports, tmp_path, "-j", "2")
    assert done.returncode == 0, done.stderr
    assert sorted(Path(r["source"]).name for r in records) == sorted([s.name for s in seeds] + ["runs.txt"])
    (hostile,) = [r for r in records if r["source"].endswith("runs.txt")]
    assert any("printed" in a["reason"] for a in hostile["ambiguous"])
    assert all("error" not in r for r in records)


@pytest.mark.parametrize("run, parts, expected", [
    ("640020470", 7, 12),          # the README's example: 64|0|0|2|0|4|70 among 12 readings
    ("0000000", 7, 1),
    ("00000000", 7, 0),            # a leading zero is a cell of its own: one zero too many
    ("123", 4, 0),                 # fewer digits than cells
    ("1" * 50, 7, 0),              # more digits than seven cells can print
    ("12345678", 1, 0),            # one cell of eight digits: over MAX_CELL_DIGITS
])
def test_count_splits(run, parts, expected):
    assert digits.count_splits(run, parts) == expected
    if expected <= digits.MAX_SPLITS:
        assert len(digits.splits(run, parts)) == expected


def test_counting_agrees_with_enumerating_on_real_runs():
    """Runs of the bundled reports' flow text (010_shuyang, 011/012_hongze)."""
    for run, parts in [("2300000023", 7), ("000000000000000", 15), ("1000001", 7), ("7000007", 7)]:
        assert digits.count_splits(run, parts) == len(list(digits._generate(run, 0, parts)))
