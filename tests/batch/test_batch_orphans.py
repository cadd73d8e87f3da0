"""A ``kill -9`` of the parent leaves no process behind: the workers of ``annotate -j 2``
(and the resource trackers whose pipes they hold) and the engine processes of
``nianbao serve`` end within seconds (nlp/lifeline.py)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
import psutil

from nlp.lifeline import POLL_S
from nlp.service.launch import LOOPBACK, free_port

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
#: What the workers are given to die once their parent is gone (a poll, then exit).
WITHIN_S = 10 * POLL_S + 5


def _alive(processes) -> list:
    alive = []
    for p in processes:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                alive.append(p)
        except psutil.NoSuchProcess:
            pass
    return alive


def _kill_parent_and_wait(proc, descendants) -> list:
    """SIGKILL to the parent only; the descendants still alive after WITHIN_S."""
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + WITHIN_S
    while _alive(descendants) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _alive(descendants)


def annotate_workers(parent: psutil.Process) -> list:
    """The worker processes of an annotate run: forked from it (the same command line) or
    spawned by loky; not the resource trackers."""
    return [p for p in parent.children(recursive=True)
            if p.cmdline() == parent.cmdline() or "popen_loky" in " ".join(p.cmdline())]


def _cleanup(processes) -> None:
    for p in _alive(processes):
        p.kill()


def test_annotate_workers_die_with_their_parent(make_reports, tmp_path):
    reports = make_reports(80)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "nlp.cli", "annotate", str(reports), "-o", str(out), "-j", "2", "-q"],
                            cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    descendants = []
    try:
        deadline = time.monotonic() + 180
        while (not out.exists() or out.read_bytes().count(b"\n") < 4) and proc.poll() is None:
            assert time.monotonic() < deadline, "the run wrote nothing in 180 s"
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed: give it more reports"
        descendants = parent.children(recursive=True)
        workers = annotate_workers(parent)
        assert len(workers) == 2, [p.cmdline() for p in descendants]
        left = _kill_parent_and_wait(proc, descendants)
        assert not left, [" ".join(p.cmdline())[:120] for p in left]
    finally:
        _cleanup(descendants)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_service_engine_processes_die_with_the_server():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "nlp.cli", "serve", "--host", LOOPBACK, "--port", str(port),
                             "--pool-size", "2", "--log-level", "warning"],
                            cwd=ROOT, env={**os.environ, "NIANBAO_API_KEY": ""}, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    descendants = []
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, "the server did not get ready"
            try:
                if httpx.get(f"http://{LOOPBACK}:{port}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        descendants = psutil.Process(proc.pid).children(recursive=True)
        assert len([p for p in descendants if "spawn_main" in " ".join(p.cmdline())]) == 2
        left = _kill_parent_and_wait(proc, descendants)
        assert not left, [" ".join(p.cmdline())[:120] for p in left]
    finally:
        _cleanup(descendants)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


ORPHANED_AT_START = """
import os, sys
from nlp.lifeline import die_with_parent
print(die_with_parent(int(sys.argv[1]) if sys.argv[1] != "now" else os.getppid()), flush=True)
"""


def test_a_child_whose_parent_died_while_it_started_ends_at_once():
    """A spawned engine process imports for seconds before its initializer runs; when the
    pid it was given is no longer its parent, the parent died meanwhile: it ends, 137."""
    gone = subprocess.run([sys.executable, "-c", ORPHANED_AT_START, str(2 ** 22 + 7)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert (gone.returncode, gone.stdout) == (137, "")
    watched = subprocess.run([sys.executable, "-c", ORPHANED_AT_START, "now"], cwd=ROOT,
                             capture_output=True, text=True, timeout=60)
    assert (watched.returncode, watched.stdout.strip()) == (0, "True")
