"""Every subcommand meets a missing or unwritable file with one line and a status, never
a traceback."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "000_c322f99bcfb5564c.txt"


def nianbao(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's nlp, whatever the directory
    return subprocess.run([sys.executable, "-m", "nlp.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env=env)


@pytest.mark.parametrize("args, says", [
    (["export", "missing.jsonl", "--to", "out.csv"], "missing.jsonl: [E100] cannot read: no such records file"),
    (["report", "missing.jsonl", "-o", "audit/"], "missing.jsonl: [E100] cannot read: no such records file"),
    (["compare", "missing.jsonl"], "missing.jsonl: [E100] cannot read: no such records file"),
    (["show", "missing.txt", "-o", "x.html"], "missing.txt: [E104] cannot read"),
])
def test_missing_input_is_one_line(tmp_path, args, says):
    done = nianbao(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert says in done.stderr and "Traceback" not in done.stderr


def test_unwritable_output_is_one_line(tmp_path):
    records = tmp_path / "out.jsonl"
    assert nianbao("annotate", str(SAMPLE), "-o", str(records), "-q", cwd=tmp_path).returncode == 0
    done = nianbao("export", str(records), "--to", str(tmp_path / "no" / "such" / "dir" / "x.csv"), cwd=tmp_path)
    assert done.returncode == 2 and "No such file or directory" in done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


#: every command that writes a file, told to write under a file (where its directory should
#: be: `nianbao train` makes a missing directory): the path it was given, OutputError's code,
#: the reason; one line, status 2, nothing half-written left
WRITES = [
    (["annotate", str(SAMPLE), "-q", "-o"], ".jsonl"),
    (["export", "{records}", "--to"], ".csv"),
    (["export", "{records}", "--to"], ".xlsx"),
    (["export", "{records}", "--to"], ".parquet"),
    (["export", "{records}", "--to"], ".labelstudio.json"),
    (["report", "{records}", "-o"], ".html"),
    (["compare", "{records}", "--to"], ".csv"),
    (["show", str(SAMPLE), "-o"], ".html"),
    (["train", str(ROOT / "tests" / "paragraphs" / "fixture.jsonl"), "--folds", "2", "-o"], ".joblib"),
]


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    out = tmp_path_factory.mktemp("records") / "out.jsonl"
    assert nianbao("annotate", str(SAMPLE), "-o", str(out), "-q", cwd=out.parent).returncode == 0
    return out


@pytest.mark.parametrize("args, suffix", WRITES, ids=lambda v: v[0] if isinstance(v, list) else v)
def test_a_write_that_fails_is_an_output_error(tmp_path, records, args, suffix):
    (tmp_path / "a-file").write_text("not a directory\n", encoding="utf-8")
    target = tmp_path / "a-file" / f"x{suffix}"
    done = nianbao(*[a.format(records=records) for a in args], str(target), cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"nianbao: {target}: [E400] cannot write: ") and "File exists" not in last, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]
