"""Property-based run of the OpenAPI schema (schemathesis) against a real server: every
operation, a few dozen generated requests each, every answer checked against the
schema it claims (status documented, body valid, problem+json for errors, no 5xx).

The schema is the app's own, built at collection time with the settings of the
``guarded`` server (API key, small body limit); a test checks the server serves the same.
(``schemathesis.pytest.from_fixture`` would load it from the server, but its lazy mode
fails under pytest 9: it sets ``Function._nodeid``, which pytest no longer has.)
"""
from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance

from nlp.service import Settings, create_app

from .conftest import API_KEY, SMALL_LIMIT

OPENAPI = create_app(Settings(api_key=API_KEY, max_body_bytes=SMALL_LIMIT, pool_size=1)).openapi()
#: an invalid request may also be refused for its size before anyone looks at it
CONFIG = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {
    "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429, "5xx"]}}})
schema = schemathesis.openapi.from_dict(OPENAPI, config=CONFIG)


def refused_only_for_meaning(ctx, response, case):
    """Stands in for positive_data_acceptance. A request the schema allows may still be
    refused for its size (413) or for what it holds (text that is no report, an empty
    file, a RAR archive): then the engine said so, and the problem carries its error
    code. It is never refused as an invalid request."""
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE \
            or not 400 <= response.status_code < 500 or response.status_code == 413:
        return None
    body = response.json()
    assert response.status_code in (400, 415, 422) and body.get("code"), \
        f"schema-valid request refused: {response.status_code} {body}"
    return None


def answered_model_not_loaded(ctx, response, case):
    """Without a classifier, /v1/paragraphs/classify answers 503 on purpose."""
    if response.status_code >= 500:
        assert response.status_code == 503 and response.json()["title"] == "Model not loaded", response.text
    return None


@pytest.fixture(scope="module")
def has_classifier(guarded) -> bool:
    return httpx.get(f"{guarded}/readyz", timeout=10).json()["classifier"]


def test_the_server_serves_this_schema(guarded):
    assert httpx.get(f"{guarded}/openapi.json", timeout=10).json() == OPENAPI


@schema.parametrize()
@settings(max_examples=30, deadline=timedelta(seconds=20), derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
def test_every_operation_keeps_its_contract(case, guarded, has_classifier):
    excluded, additional = [positive_data_acceptance], [refused_only_for_meaning]
    if case.path == "/v1/paragraphs/classify" and not has_classifier:
        excluded.append(not_a_server_error)
        additional.append(answered_model_not_loaded)
    case.call_and_validate(base_url=guarded, headers={"X-API-Key": API_KEY}, timeout=30,
                           excluded_checks=excluded, additional_checks=additional)
