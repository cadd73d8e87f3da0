"""POST /v1/annotate/archive over real HTTP: an uploaded archive answers JSON Lines, a line
per member in archive order, each the very line `nianbao annotate` writes for that member
(its record, or its error record); an archive refused whole is a problem, and the API key
and the body limit hold as for every /v1 endpoint."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from nlp.service.models import ArchiveLine, ArchiveRecord, ErrorRecord

from .conftest import API_KEY, CORPUS, ROOT, SAMPLES, SMALL_LIMIT, assert_problem, zip_bytes

ARCHIVE = "/v1/annotate/archive"
NOT_A_REPORT = "会议通知：定于下周二上午九点在三楼会议室召开全体职工大会，请准时参加。\n".encode()
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)

#: Two real reports and a file that is none, in this order.
REPORTS = {SAMPLES[0].name: SAMPLES[0].read_bytes(),
           f"pingtan/{CORPUS[0].name}": CORPUS[0].read_bytes(),
           "会议通知.txt": NOT_A_REPORT}
REPORTS_ZIP = zip_bytes(REPORTS)
#: A report, a damaged page image (images are read by OCR), and macOS litter (skipped, as by the CLI).
MIXED = {"scan.png": PNG, SAMPLES[1].name: SAMPLES[1].read_bytes(), "__MACOSX/._scan.png": b"\x00\x05"}


def upload(name: str, data: bytes, content_type: str = "application/zip") -> dict:
    return {"files": {"file": (name, data, content_type)}}


def parsed(text: str) -> list:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def cli_lines(tmp_path_factory) -> dict:
    """What `nianbao annotate reports.zip mixed.zip` writes, per archive, from the same bytes."""
    folder = tmp_path_factory.mktemp("archives")
    (folder / "reports.zip").write_bytes(REPORTS_ZIP)
    (folder / "mixed.zip").write_bytes(zip_bytes(MIXED))
    model = ["--model", os.environ["NIANBAO_MODEL"]] if os.environ.get("NIANBAO_MODEL") else []
    cli = subprocess.run([sys.executable, "-m", "nlp.cli", "annotate", "reports.zip", "mixed.zip", "-j", "1", *model],
                         cwd=folder, capture_output=True, text=True, timeout=300, check=False,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})  # this checkout's nlp, wherever it runs
    assert cli.returncode == 1, cli.stderr  # 1: some members failed, as they should
    lines = parsed(cli.stdout)
    return {name: [line for line in lines if line["source"].startswith(f"{name}/")]
            for name in ("reports.zip", "mixed.zip")}


# ---- the lines ----------------------------------------------------------------------------

def test_two_reports_and_a_non_report_give_the_cli_lines_in_order(client, cli_lines):
    response = client.post(ARCHIVE, **upload("reports.zip", REPORTS_ZIP))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = parsed(response.text)
    assert [line["source"] for line in lines] == [f"reports.zip/{name}" for name in REPORTS]
    assert lines == cli_lines["reports.zip"]
    first, second, third = (ArchiveLine.model_validate(line).root for line in lines)
    assert isinstance(first, ArchiveRecord) and isinstance(second, ArchiveRecord)
    assert first.paragraph_model == second.paragraph_model and first.paragraphs
    assert isinstance(third, ErrorRecord)
    assert third.source == "reports.zip/会议通知.txt" and third.error.code == "E103"
    assert third.content_sha256 == hashlib.sha256(NOT_A_REPORT).hexdigest()


def test_an_unreadable_member_is_an_error_record_and_the_rest_are_read(client, cli_lines):
    response = client.post(ARCHIVE, **upload("mixed.zip", zip_bytes(MIXED)))
    assert response.status_code == 200, response.text
    lines = parsed(response.text)
    assert lines == cli_lines["mixed.zip"]
    assert [line["source"] for line in lines] == ["mixed.zip/scan.png", f"mixed.zip/{SAMPLES[1].name}"]
    assert lines[0]["content_sha256"] is None and lines[0]["error"]["code"] == "E106"
    assert "cannot read the PNG image" in lines[0]["error"]["message"]


def test_an_archive_without_a_suffix_is_named_by_its_content_type(client):
    response = client.post(ARCHIVE, **upload("batch", zip_bytes({"a.txt": SAMPLES[3].read_bytes()})))
    assert response.status_code == 200, response.text
    assert [line["source"] for line in parsed(response.text)] == ["batch.zip/a.txt"]


def test_the_single_file_endpoint_points_to_the_archive_endpoint(client):
    body = assert_problem(client.post("/v1/annotate/file", **upload("reports.zip", REPORTS_ZIP)),
                          415, "Unsupported file type")
    assert ARCHIVE in body["detail"] and "3 files (3 readable)" in body["detail"]


def test_the_schema_declares_json_lines_and_the_problems(client):
    operation = client.get("/openapi.json").json()["paths"][ARCHIVE]["post"]
    assert operation["responses"]["200"]["content"] == {
        "application/x-ndjson": {"schema": {"$ref": "#/components/schemas/ArchiveLine"}}}
    for status in ("400", "413", "415", "422", "503"):
        assert operation["responses"][status]["content"]["application/problem+json"]


# ---- an archive refused whole -------------------------------------------------------------

REFUSED = [
    # (id, upload, status, title, words of the detail)
    ("empty-upload", upload("a.zip", b""), 422, "Empty input", "empty"),
    ("no-members", upload("a.zip", zip_bytes({})), 422, "Empty input", "holds no files"),
    ("only-litter", upload("a.zip", zip_bytes({"__MACOSX/._a.txt": b"\x00"})), 422, "Empty input", "litter"),
    ("corrupt", upload("a.zip", b"PK\x03\x04" + bytes(range(256)) * 4), 400, "Damaged input", "damaged"),
    ("truncated", upload("a.zip", REPORTS_ZIP[:len(REPORTS_ZIP) // 2]), 400, "Damaged input", "damaged"),
    ("one-report-not-archived", upload("r.txt", SAMPLES[0].read_bytes(), "text/plain"), 415,
     "Unsupported file type", "/v1/annotate/file"),
    ("rar", upload("a.rar", b"Rar!\x1a\x07\x00" + bytes(64), ""), 415, "Unsupported file type", "RAR"),
]


@pytest.mark.parametrize("kwargs, status, title, words", [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_an_archive_refused_whole_is_a_problem(client, kwargs, status, title, words):
    body = assert_problem(client.post(ARCHIVE, **kwargs), status, title)
    assert words in body["detail"] and body["code"].startswith("E1") and body["instance"] == ARCHIVE


def test_a_request_that_is_no_upload_is_a_problem(client):
    assert_problem(client.post(ARCHIVE, json={"text": "x"}), 415, "Unsupported media type")
    assert_problem(client.post(ARCHIVE, files={"other": ("a.zip", b"PK", "application/zip")}), 422, "Invalid request")


# ---- the API key and the body limit -------------------------------------------------------

@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}])
def test_the_key_is_required(guarded_client, headers):
    assert_problem(guarded_client.post(ARCHIVE, headers=headers, **upload("reports.zip", REPORTS_ZIP)),
                   401, "Unauthorized")


def test_with_the_key_the_archive_is_annotated(guarded_client):
    response = guarded_client.post(ARCHIVE, headers={"X-API-Key": API_KEY},
                                   **upload("reports.zip", REPORTS_ZIP))
    assert response.status_code == 200, response.text
    assert [line["source"] for line in parsed(response.text)] == [f"reports.zip/{name}" for name in REPORTS]


def test_an_archive_over_the_body_limit_is_413(guarded_client):
    everything = {path.name: path.read_bytes() for path in [*SAMPLES, *CORPUS]}
    data = zip_bytes(everything, compression=0)  # stored, not deflated
    assert len(data) > SMALL_LIMIT
    body = assert_problem(guarded_client.post(ARCHIVE, headers={"X-API-Key": API_KEY}, **upload("all.zip", data)),
                          413, "Content too large")
    assert str(SMALL_LIMIT) in body["detail"]
