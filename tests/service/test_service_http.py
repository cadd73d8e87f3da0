"""The service over real HTTP: a uvicorn server on 127.0.0.1 (conftest), one request per
behaviour the issue asks for: the record equals the CLI's, every error is problem+json
with the right status, the API key guards /v1 only when configured."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx
import pytest

from nlp.engine import Engine
from nlp.read import read_bytes, read_path
from nlp.record import Paragraph
from nlp.schema import registry
from nlp.service.launch import background_service

from .conftest import API_KEY, ROOT, SAMPLES, SMALL_LIMIT, assert_problem, wait_until, zip_bytes

JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def engine(engine):
    """The engine the servers run: the same model setting (NIANBAO_MODEL; unset, the shipped
    one: the test run's engine)."""
    model = os.environ.get("NIANBAO_MODEL")
    return Engine(model) if model else engine


# ---- the record ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_annotate_text_is_the_engines_record(client, engine, path):
    doc = read_path(path)
    response = client.post("/v1/annotate", json={"text": doc.text, "source": doc.source})
    assert response.status_code == 200, response.text
    assert response.json() == engine.annotate(doc).to_dict()


@pytest.mark.parametrize("path", SAMPLES[:2], ids=lambda p: p.stem)
def test_annotate_upload_is_the_engines_record(client, engine, path):
    data = path.read_bytes()
    response = client.post("/v1/annotate/file", files={"file": (path.name, data, "text/plain")})
    assert response.status_code == 200, response.text
    assert response.json() == engine.annotate(read_bytes(data, path.name)).to_dict()


def test_annotate_is_the_cli_record(client):
    path = SAMPLES[0].relative_to(ROOT)
    model = ["--model", os.environ["NIANBAO_MODEL"]] if os.environ.get("NIANBAO_MODEL") else []
    cli = subprocess.run([sys.executable, "-m", "nlp.cli", "annotate", str(path), *model], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True)
    line = json.loads(cli.stdout.splitlines()[0])
    response = client.post("/v1/annotate", json={"text": read_path(ROOT / path).text, "source": str(path)})
    assert response.json() == line


def test_upload_without_suffix_is_read_by_its_content_type(client):
    response = client.post("/v1/annotate/file", files={"file": ("report", SAMPLES[1].read_bytes(), "text/plain")})
    assert response.status_code == 200, response.text
    assert response.json()["source"] == "report.txt"


# ---- other endpoints ----------------------------------------------------------------------

@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_fields_of_an_edition(client, edition):
    response = client.get(f"/v1/editions/{edition}/fields")
    assert response.status_code == 200
    body = response.json()
    assert [f["id"] for f in body["fields"]] == registry().field_ids(edition)
    assert all(f["label"] and f["type"] for f in body["fields"])


# snippets of real reports (data/samples/000, the gold of pingtan 2021) and what they state
SNIPPETS = [
    ("通过本单位网站发布各类信息244条，微信公众号发布信息56条。", [("website", 244), ("wechat", 56)]),
    ("全年主动公开我区各级单位政府信息2645条。", [("total", 2645)]),
    ("2020年共收到政府信息公开申请3件。", []),  # a request count is a table's, not a fact
    ("本机关政府信息公开工作还存在一些不足，网站栏目更新不够及时。", []),
]


@pytest.mark.parametrize("text, stated", SNIPPETS)
def test_facts_of_a_snippet_are_the_engines(client, engine, text, stated):
    response = client.post("/v1/facts", json={"text": text})
    assert response.status_code == 200, response.text
    facts = response.json()["facts"]
    assert facts == [f.to_dict() for f in engine.facts(text)]  # Engine.facts, each with its rule
    assert [(f["channel"], f["value"]) for f in facts] == stated and all(f["rule"] for f in facts)


def test_classify_answers_the_engines_labels_or_503_without_a_model(client, engine):
    paragraphs = [{"text": "本机关政府信息公开工作还存在一些不足，网站栏目更新不够及时。", "section": 5},
                  {"text": "下一步，我们将加强培训。"}]
    has_model = client.get("/readyz").json()["classifier"]
    response = client.post("/v1/paragraphs/classify", json={"paragraphs": paragraphs})
    if has_model:
        assert response.status_code == 200, response.text
        asked = [Paragraph(p.get("section"), p["text"], 0, len(p["text"])) for p in paragraphs]
        assert response.json()["paragraphs"] == [{"labels": list(labels), "scores": scores}
                                                 for labels, scores in engine.classify(asked)]
        assert "problems" in response.json()["paragraphs"][0]["labels"]
    else:
        body = assert_problem(response, 503, "Model not loaded")
        assert "model not loaded" in body["detail"]


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["processes"] == 2


def test_docs_and_schema(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/annotate", "/v1/annotate/file", "/v1/annotate/archive", "/v1/paragraphs/classify", "/v1/facts",
            "/v1/editions/{edition}/fields", "/healthz", "/readyz"} <= set(paths)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_docs_pages_load_nothing_from_elsewhere(client, page):
    """An offline machine shows the docs: every script, style and icon comes from the service."""
    html = client.get(page).text
    assets = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert assets and all(a.startswith("/docs-assets/") for a in assets), assets
    assert not re.findall(r"https?://", html), "a URL of another host in the page"
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200 and len(response.content) > 1000, asset
    if page == "/docs":
        assert '"validatorUrl": null' in html  # Swagger UI would send the schema's URL to a public validator


def test_annotation_does_not_block_the_event_loop(client, service):
    """While the pool annotates long reports, the loop still answers /healthz: several
    answers come back before the annotations do (an order of events, not a timing bound:
    the machine may be loaded). /healthz is asked once every annotation request has been
    sent whole (httpx's trace of the request), so the server holds them all."""
    long_text = read_path(SAMPLES[2]).text * 40

    def annotate(sent: threading.Event):
        def trace(event: str, info: dict) -> None:
            if event == "http11.send_request_body.complete":
                sent.set()

        with httpx.Client(base_url=service, timeout=120) as c:
            return c.post("/v1/annotate", json={"text": long_text}, extensions={"trace": trace}).status_code

    sent = [threading.Event() for _ in range(4)]
    with ThreadPoolExecutor(4) as threads:
        busy = [threads.submit(annotate, event) for event in sent]
        wait_until(lambda: all(event.is_set() for event in sent), "the four annotation requests were not sent")
        answered_while_busy = 0
        while not all(f.done() for f in busy) and answered_while_busy < 20:
            assert client.get("/healthz", timeout=30).status_code == 200
            answered_while_busy += not all(f.done() for f in busy)
        assert [f.result() for f in busy] == [200] * 4
    assert answered_while_busy >= 3, "the annotations finished before /healthz was asked: make the text longer"


# ---- errors: problem+json with the right status ---------------------------------------------

def poster_pdf() -> bytes:
    """814 bytes declaring a page of 5 × 5 m without a text layer (1.6 billion pixels to OCR)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(14400, 14400))
    pdf.add_page()
    pdf.rect(100, 100, 3000, 200, "F")
    return bytes(pdf.output())


ERRORS = [
    # (id, method, path, request arguments, status, title)
    ("not-a-report", "POST", "/v1/annotate", {"json": {"text": "hello world"}}, 422, "Not a report"),
    ("empty-text", "POST", "/v1/annotate", {"json": {"text": " \n\t "}}, 422, "Empty input"),
    ("empty-file", "POST", "/v1/annotate/file", {"files": {"file": ("a.txt", b"", "text/plain")}}, 422, "Empty input"),
    ("blank-file", "POST", "/v1/annotate/file", {"files": {"file": ("a.txt", b"  \r\n ", "text/plain")}}, 422, "Empty input"),
    ("binary-file", "POST", "/v1/annotate/file", {"files": {"file": ("a.txt", b"\x00\x01\x02 binary", "text/plain")}},
     400, "Undecodable input"),
    ("malformed-json", "POST", "/v1/annotate", {"content": b'{"text": "abc', "headers": JSON}, 400, "Malformed JSON"),
    ("missing-field", "POST", "/v1/annotate", {"json": {"source": "x"}}, 422, "Invalid request"),
    ("extra-field", "POST", "/v1/annotate", {"json": {"text": "x", "txt": "y"}}, 422, "Invalid request"),
    ("wrong-type", "POST", "/v1/facts", {"json": {"text": 3}}, 422, "Invalid request"),
    ("no-paragraphs", "POST", "/v1/paragraphs/classify", {"json": {"paragraphs": []}}, 422, "Invalid request"),
    ("section-7", "POST", "/v1/paragraphs/classify", {"json": {"paragraphs": [{"text": "x", "section": 7}]}},
     422, "Invalid request"),
    ("unknown-edition", "GET", "/v1/editions/2018/fields", {}, 422, "Invalid request"),
    ("empty-snippet", "POST", "/v1/facts", {"json": {"text": "   "}}, 422, "Empty input"),
    ("rar-archive", "POST", "/v1/annotate/file", {"files": {"file": ("a.rar", b"Rar!\x1a\x07\x00" + bytes(64), "")}},
     415, "Unsupported file type"),
    ("binary-exe", "POST", "/v1/annotate/file", {"files": {"file": ("a.exe", bytes(range(256)) * 4, "")}},
     415, "Unsupported file type"),
    ("text-not-json", "POST", "/v1/annotate", {"content": "政府信息公开", "headers": {"content-type": "text/plain"}},
     415, "Unsupported media type"),
    ("json-not-multipart", "POST", "/v1/annotate/file", {"json": {"text": "x"}}, 415, "Unsupported media type"),
    ("multipart-no-boundary", "POST", "/v1/annotate/file",
     {"content": b"--xyz\r\n\r\nabc", "headers": {"content-type": "multipart/form-data"}}, 400, "Bad Request"),
    ("multipart-truncated", "POST", "/v1/annotate/file",
     {"content": b"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc",
      "headers": {"content-type": "multipart/form-data; boundary=xyz"}}, 422, "Invalid request"),
    ("no-file-part", "POST", "/v1/annotate/file", {"files": {"other": ("a.txt", b"x", "text/plain")}}, 422, "Invalid request"),
    ("text-over-1m-characters", "POST", "/v1/annotate", {"json": {"text": "政府信息公开" * 166_667}}, 413, "Text too long"),
    ("snippet-over-1m-characters", "POST", "/v1/facts", {"json": {"text": "发布信息12条" * 142_858}}, 413, "Text too long"),
    ("upload-over-1m-characters", "POST", "/v1/annotate/file",
     {"files": {"file": ("long.txt", ("政府信息公开" * 166_667).encode(), "text/plain")}}, 413, "Text too long"),
    ("pdf-page-over-the-pixel-limit", "POST", "/v1/annotate/file",
     {"files": {"file": ("poster.pdf", poster_pdf(), "application/pdf")}}, 413, "Input too large"),
    ("unknown-path", "GET", "/v1/nothing", {}, 404, "Not Found"),
    ("wrong-method", "GET", "/v1/annotate", {}, 405, "Method Not Allowed"),
]


@pytest.mark.parametrize("method, path, kwargs, status, title", [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_client_errors_are_problems(client, method, path, kwargs, status, title):
    assert_problem(client.request(method, path, **kwargs), status, title)


def test_long_digit_runs_are_answered_and_leave_the_engine_small(client, service_process):
    """Issue 17: a 7.8 KB report whose table rows each hold a 38-digit run (separators lost)
    made an engine process grow to 3.3 GB and answer 500. It is answered, the rows are
    ambiguous with the reason, and no engine process is left holding the memory."""
    import psutil

    from tests.tables.test_digit_runs import RUN, with_runs

    text = with_runs(SAMPLES[0].read_text(encoding="utf-8"), RUN, True)
    assert len(text.encode("utf-8")) < 8_000 and text.count(RUN) >= 20
    response = client.post("/v1/annotate", json={"text": text})
    assert response.status_code == 200, response.text
    reasons = [a["reason"] for a in response.json()["ambiguous"]]
    assert sum("printed value" in r for r in reasons) >= 20, reasons  # a row each, as the CLI says
    engines = psutil.Process(service_process.pid).children(recursive=True)
    assert engines and max(p.memory_info().rss for p in engines) < 1024 ** 3


def test_not_a_report_names_the_reason_and_code(client):
    body = assert_problem(client.post("/v1/annotate", json={"text": "hello"}), 422)
    assert body["code"] == "E103" and "政府信息公开" in body["detail"] and body["instance"] == "/v1/annotate"


def test_over_the_default_limit_is_refused_before_the_body_arrives(service):
    """Content-Length over 20 MB: the answer comes although not one byte of body was sent."""
    url = urlsplit(service)
    with socket.create_connection((url.hostname, url.port), timeout=10) as s:
        s.sendall(b"POST /v1/annotate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\n\r\n" % (20 * 1024 * 1024 + 1))
        head = s.recv(65536).decode("latin-1")
    assert head.startswith("HTTP/1.1 413"), head
    assert "application/problem+json" in head


def test_at_the_limit_is_not_refused_for_size(guarded_client):
    body = json.dumps({"text": "x" * (SMALL_LIMIT - 20)}).encode()[:SMALL_LIMIT]
    body = body[:-2] + b'"}'
    assert len(body) <= SMALL_LIMIT
    response = guarded_client.post("/v1/annotate", content=body, headers={**JSON, "X-API-Key": API_KEY})
    assert_problem(response, 422, "Not a report")


def test_over_the_limit_with_content_length(guarded_client):
    response = guarded_client.post("/v1/annotate/file", headers={"X-API-Key": API_KEY},
                                   files={"file": ("a.txt", b"x" * (SMALL_LIMIT + 1), "text/plain")})
    body = assert_problem(response, 413, "Content too large")
    assert str(SMALL_LIMIT) in body["detail"]


def test_over_the_limit_streamed_without_length(guarded_client):
    """A chunked body carries no length: it is counted as it arrives and cut at the limit."""
    def chunks():
        for _ in range(16):
            yield b" " * 8192

    response = guarded_client.post("/v1/annotate", content=chunks(), headers={**JSON, "X-API-Key": API_KEY})
    assert_problem(response, 413, "Content too large")


# ---- the API key ----------------------------------------------------------------------------

def test_no_key_needed_when_none_is_configured(client):
    assert client.get("/v1/editions/2021/fields").status_code == 200
    assert client.get("/v1/editions/2021/fields", headers={"X-API-Key": "anything"}).status_code == 200


@pytest.mark.parametrize("headers, detail", [({}, "send the"), ({"X-API-Key": "wrong"}, "does not hold"),
                                             ({"X-API-Key": ""}, "does not hold")])
def test_key_missing_or_wrong_is_401(guarded_client, headers, detail):
    for method, path in (("GET", "/v1/editions/2019/fields"), ("POST", "/v1/annotate")):
        body = assert_problem(guarded_client.request(method, path, headers=headers, json={"text": "x"}),
                              401, "Unauthorized")
        assert detail in body["detail"]


def test_right_key_passes(guarded_client):
    doc = read_path(SAMPLES[3])
    response = guarded_client.post("/v1/annotate", json={"text": doc.text}, headers={"X-API-Key": API_KEY})
    assert response.status_code == 200, response.text
    assert response.json()["source"] == "<text>"


def test_key_is_checked_before_the_body_size(guarded_client):
    response = guarded_client.post("/v1/annotate", content=b"x" * (SMALL_LIMIT + 1), headers=JSON)
    assert_problem(response, 401)


def test_operations_need_no_key(guarded_client):
    assert guarded_client.get("/healthz").status_code == 200
    assert guarded_client.get("/readyz").json()["processes"] == 1
    schema = guarded_client.get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["APIKeyHeader"]["name"] == "X-API-Key"


# ---- a request over the time limit --------------------------------------------------------

@pytest.fixture(scope="module")
def impatient():
    """A server that gives a request 0.2 s."""
    with background_service({"NIANBAO_API_KEY": "", "NIANBAO_TIMEOUT": "0.2"}, "--pool-size", "1") as running:
        yield running.url


def test_over_the_time_limit_is_503_and_the_engine_is_replaced(impatient):
    long_text = read_path(SAMPLES[2]).text * 90
    with httpx.Client(base_url=impatient, timeout=60) as c:
        body = assert_problem(c.post("/v1/annotate", json={"text": long_text}), 503, "Timed out")
        assert "0.2 s" in body["detail"]
        statuses = []  # the fresh engine process loads (503), then answers again

        def facts_answered() -> bool:
            statuses.append(c.post("/v1/facts", json={"text": "发布信息12条"}).status_code)
            return statuses[-1] == 200

        wait_until(facts_answered, "the replaced engine did not answer /v1/facts", every=0.5)
        assert set(statuses[:-1]) <= {503}, statuses


def test_an_archive_is_one_request_under_the_time_limit(impatient):
    """The members of an archive are annotated in one pool call: the time limit holds for all."""
    members = {f"{i:02d}_{SAMPLES[2].name}": SAMPLES[2].read_bytes() for i in range(40)}
    with httpx.Client(base_url=impatient, timeout=60) as c:
        wait_until(lambda: c.get("/readyz").status_code == 200, "the engine processes did not come back", every=0.5)
        response = c.post("/v1/annotate/archive", files={"file": ("many.zip", zip_bytes(members), "application/zip")})
        body = assert_problem(response, 503, "Timed out")
        assert "0.2 s" in body["detail"]

