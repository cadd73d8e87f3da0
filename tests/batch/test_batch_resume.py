"""--resume: a run killed by a signal, then resumed, writes every report exactly once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from nlp.cli import main
from nlp.outputs import record_line, resume_state
from nlp.record import Check, ErrorRecord, Record

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

#: The real command, with each annotation slowed down so that a kill lands mid-run.
SLOW_NIANBAO = """
import sys, time
from nlp.engine import Engine
real = Engine.annotate
def slow(self, doc):
    time.sleep(0.02)
    return real(self, doc)
Engine.annotate = slow
from nlp.cli import main
sys.exit(main(sys.argv[1:]))
"""


def count_lines(path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def start_and_kill(argv: list, out, after_lines: int, sig, group: bool = True, target=None):
    """Start a command in its own process group; once ``out`` holds ``after_lines`` lines,
    send ``sig`` to the group (a Ctrl-C reaches every process of the foreground group), or
    to the main process only, or to the process ``target(main_pid)`` picks.
    Returns the exit status and what the command said on stderr."""
    proc = subprocess.Popen(argv, cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while count_lines(out) < after_lines and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        if proc.poll() is None:
            if target is not None:
                os.kill(target(proc.pid), sig)
            elif group:
                os.killpg(proc.pid, sig)
            else:
                os.kill(proc.pid, sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return proc.returncode, err


def sources(out) -> list:
    return [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]


def test_killed_mid_run_then_resumed_every_report_exactly_once(make_reports, tmp_path):
    reports = make_reports(60)
    out = tmp_path / "out.jsonl"
    argv = [sys.executable, "-c", SLOW_NIANBAO, "annotate", str(reports), "-o", str(out), "-j", "1", "-q"]

    status, _ = start_and_kill(argv, out, after_lines=10, sig=signal.SIGKILL)

    assert status == -signal.SIGKILL
    written = count_lines(out)
    assert 10 <= written < 60
    with open(out, "a", encoding="utf-8") as f:  # what a kill mid-write leaves: half a line
        f.write('{"source":"' + str(reports / "b" / "report_99998.txt") + '","content_sha256":"ab')

    resumed = subprocess.run([sys.executable, "-m", "nlp.cli", "annotate", str(reports), "-o", str(out),
                              "-j", "2", "-q", "--resume"], cwd=ROOT, capture_output=True, text=True)

    assert resumed.returncode == 0, resumed.stderr
    assert f"{written} already done" in resumed.stderr
    got = sources(out)
    assert len(got) == 60 and len(set(got)) == 60
    assert got == sorted(got)  # the resumed run goes on where the first one stopped


@pytest.mark.parametrize("sig, group", [(signal.SIGINT, True), (signal.SIGTERM, False)],
                         ids=["ctrl-c", "sigterm"])
def test_interrupted_parallel_run_then_resumed_every_report_exactly_once(make_reports, tmp_path, sig, group):
    reports = make_reports(100)
    out = tmp_path / "out.jsonl"
    argv = [sys.executable, "-m", "nlp.cli", "annotate", str(reports), "-o", str(out), "-j", "2", "-q"]

    status, err = start_and_kill(argv, out, after_lines=10, sig=sig, group=group)

    assert status in (0, 130)  # 0: the run was quicker than the signal
    assert "Traceback" not in err and "reports/s" in err  # the summary, even when interrupted
    assert main(["annotate", str(reports), "-o", str(out), "-j", "2", "-q", "--resume"]) == 0
    got = sources(out)
    assert len(got) == 100 and len(set(got)) == 100


def a_worker_of(pid: int) -> int:
    from .test_batch_orphans import annotate_workers

    return annotate_workers(psutil.Process(pid))[0].pid


def test_a_worker_killed_ends_the_run_with_one_line_and_resume_completes_it(make_reports, tmp_path):
    reports = make_reports(100)
    out = tmp_path / "out.jsonl"
    argv = [sys.executable, "-m", "nlp.cli", "annotate", str(reports), "-o", str(out), "-j", "2", "-q"]

    status, err = start_and_kill(argv, out, after_lines=10, sig=signal.SIGKILL, target=a_worker_of)

    if status != 0:  # 0: the run was quicker than the kill
        assert status == 2 and "a worker process died" in err and "Traceback" not in err
    assert main(["annotate", str(reports), "-o", str(out), "-j", "2", "-q", "--resume"]) == 0
    got = sources(out)
    assert len(got) == 100 and len(set(got)) == 100


def test_a_resumed_complete_run_writes_nothing(make_reports, tmp_path, capsys):
    reports = make_reports(5)
    out = tmp_path / "out.jsonl"
    main(["annotate", str(reports), "-o", str(out), "-j", "1", "-q"])
    before = out.read_bytes()
    assert main(["annotate", str(reports), "-o", str(out), "-j", "1", "-q", "--resume"]) == 0
    assert out.read_bytes() == before
    assert "5 already done" in capsys.readouterr().err


def test_earlier_failures_are_not_retried_and_still_count(tmp_path, make_reports):
    reports = make_reports(2)
    (reports / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(reports), "-o", str(out), "-j", "1", "-q"]) == 1
    assert main(["annotate", str(reports), "-o", str(out), "-j", "1", "-q", "--resume"]) == 1
    assert len(sources(out)) == 3


def test_a_report_whose_file_changed_is_annotated_again(make_reports, tmp_path):
    reports = make_reports(3)
    out = tmp_path / "out.jsonl"
    main(["annotate", str(reports), "-o", str(out), "-j", "1", "-q"])
    changed = sorted(reports.rglob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "补充说明。\n", encoding="utf-8")
    main(["annotate", str(reports), "-o", str(out), "-j", "1", "-q", "--resume"])
    assert sources(out).count(str(changed)) == 2


def test_a_half_written_last_line_is_cut_off(tmp_path):
    out = tmp_path / "out.jsonl"
    failed = Check("requests.balance", "fail", (), "1 + 0 ≠ 2")
    good = (record_line(Record("a.txt", "2021", 2022, None, checks=(failed,), content_sha256="1")) + "\n"
            + record_line(ErrorRecord("b.txt", None, "E101", "the file is empty")) + "\n")
    out.write_text(good + '{"source":"c.txt","cont', encoding="utf-8")
    done = resume_state(out)
    assert set(done) == {"a.txt", "b.txt"}
    assert done["a.txt"]["1"].checks_failed and done["b.txt"][None].failed
    assert out.read_text(encoding="utf-8") == good


def test_a_file_that_is_not_records_is_not_resumed_into(tmp_path, make_reports, capsys):
    out = tmp_path / "notes.jsonl"
    out.write_text("my notes\nmore\n", encoding="utf-8")
    assert main(["annotate", str(make_reports(1)), "-o", str(out), "--resume", "-q"]) == 2
    assert "line 1 is not an annotation record" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my notes\nmore\n"


@pytest.mark.parametrize("content", ["", "\n\n"])
def test_an_empty_output_file_resumes_from_the_start(tmp_path, make_reports, content):
    out = tmp_path / "out.jsonl"
    out.write_text(content, encoding="utf-8")
    assert main(["annotate", str(make_reports(2)), "-o", str(out), "-j", "1", "-q", "--resume"]) == 0
    assert len([l for l in out.read_text(encoding="utf-8").splitlines() if l.strip()]) == 2
