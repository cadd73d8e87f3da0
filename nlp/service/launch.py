"""Start ``nianbao serve`` as a child process on a free loopback port and stop it again:
for the tests and the load benchmark, which must never leave a server running.

    with background_service({"NIANBAO_API_KEY": "k"}, "--pool-size", "1") as service:
        ...   # service.url answers /readyz with 200; service.log() is what it printed
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

import httpx

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Service:
    url: str
    log: Callable[[], str]
    pid: int = 0  # the server process (its engine processes are its children)


@contextmanager
def background_service(env: dict | None = None, *serve_args: str, ready_within: float = 60.0):
    """Yields a :class:`Service` once /readyz answers 200; stops the server (and its engine
    processes, which share its process group) on the way out, whatever happened."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "nlp.cli", "serve", "--host", LOOPBACK, "--port", str(port),
             "--log-level", "warning", *serve_args],
            env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        try:
            base = f"http://{LOOPBACK}:{port}"
            _wait_ready(base, proc, log, ready_within)
            yield Service(base, lambda: _tail(log), proc.pid)
        finally:
            stop(proc)


def _wait_ready(base: str, proc, log, within: float) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with status {proc.returncode}:\n{_tail(log)}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server was not ready within {within:g} s:\n{_tail(log)}")


def stop(proc, grace: float = 20.0) -> None:
    """SIGTERM to the server (a graceful shutdown stops its engine processes); if it has
    not exited after ``grace`` seconds, SIGKILL to the process group it leads."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
            return
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # not yet reaped, so the group id is still its own
    proc.wait(10)


def _tail(log, size: int = 8000) -> str:
    log.flush()
    log.seek(0)
    text = log.read().decode("utf-8", "replace")[-size:]
    log.seek(0, os.SEEK_END)
    return text
