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
