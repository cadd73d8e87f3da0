"""Real servers for the service tests: ``nianbao serve`` on a free 127.0.0.1 port,
started once per session and stopped after it (nlp/service/launch.py)."""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import httpx
import pytest

from nlp.service.launch import background_service

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))
CORPUS = sorted((ROOT / "data" / "corpus" / "reports").glob("*.*"))
API_KEY = "test-key-7f3a"
SMALL_LIMIT = 64 * 1024


@pytest.fixture(scope="session")
def service_process():
    """Default settings: no API key, the 20 MB body limit, two engine processes."""
    with background_service({"NIANBAO_API_KEY": ""}, "--pool-size", "2") as running:
        yield running
        _print_errors(running)


@pytest.fixture(scope="session")
def service(service_process):
    """The URL of the default server."""
    return service_process.url


@pytest.fixture(scope="session")
def guarded():
    """An API key and a 64 KB body limit, one engine process."""
    env = {"NIANBAO_API_KEY": API_KEY, "NIANBAO_MAX_BODY_BYTES": str(SMALL_LIMIT)}
    with background_service(env, "--pool-size", "1") as running:
        yield running.url
        _print_errors(running)


def _print_errors(running) -> None:
    """What the server logged beyond access lines (shown by pytest when a test failed)."""
    lines = [l for l in running.log().splitlines() if "HTTP/1.1" not in l]
    if lines:
        print(f"--- server {running.url} log ---", *lines, sep="\n")


@pytest.fixture
def client(service):
    with httpx.Client(base_url=service, timeout=60) as c:
        yield c


@pytest.fixture
def guarded_client(guarded):
    with httpx.Client(base_url=guarded, timeout=60) as c:
        yield c


def wait_until(check, what: str, within: float = 60.0, every: float = 0.1):
    """Ask ``check()`` again and again until it answers something true, and return that; a
    failed test saying ``what`` did not happen when ``within`` seconds pass first. The
    tests wait for a state of the server this way, never for a guessed number of seconds."""
    deadline = time.monotonic() + within
    while not (answer := check()):
        assert time.monotonic() < deadline, f"{what} within {within:g} s"
        time.sleep(every)
    return answer


def assert_problem(response: httpx.Response, status: int, title: str | None = None) -> dict:
    """The answer is problem+json with this status (and title), and tells no stack trace."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:nianbao:problem:")
    assert body["title"] and body["detail"]
    if title:
        assert body["title"] == title
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body


def zip_bytes(members: dict, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive of ``{name: bytes}``, members in that order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
