"""The service's pieces without a server: error statuses, the 500 that tells nothing,
settings from the environment and from `nianbao serve`'s arguments."""
from __future__ import annotations

import argparse
import warnings

import pytest

with warnings.catch_warnings():  # starlette's notice that its TestClient wants httpx2 one day
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from nlp import errors
from nlp.commands import serve
from nlp.service import Settings, create_app

def test_a_bug_answers_500_without_telling_how():
    app = create_app(Settings(pool_size=1))

    @app.get("/v1/boom")
    async def boom():
        raise RuntimeError("secret internals at /srv/nianbao/x.py")

    response = TestClient(app, raise_server_exceptions=False).get("/v1/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Internal error"
    assert "secret" not in response.text and "Traceback" not in response.text


def test_a_schema_error_is_a_500_too():
    app = create_app(Settings(pool_size=1))

    @app.get("/v1/schema-bug")
    async def schema_bug():
        raise errors.SchemaError("fields.json names an unknown row")

    response = TestClient(app, raise_server_exceptions=False).get("/v1/schema-bug")
    assert response.status_code == 500 and "fields.json" not in response.text


def test_settings_from_the_environment():
    s = Settings.from_env({"NIANBAO_API_KEY": "k", "NIANBAO_MAX_BODY_BYTES": "100", "NIANBAO_POOL_SIZE": "3",
                           "NIANBAO_TIMEOUT": "9", "NIANBAO_MODEL": "m.joblib"})
    assert s == Settings(api_key="k", max_body_bytes=100, model_path="m.joblib", pool_size=3, timeout_s=9.0)
    assert Settings.from_env({}).max_body_bytes == 20 * 1024 * 1024
    assert Settings.from_env({"NIANBAO_API_KEY": ""}).api_key is None
    with pytest.raises(ValueError, match="NIANBAO_MAX_BODY_BYTES"):
        Settings.from_env({"NIANBAO_MAX_BODY_BYTES": "20MB"})


def _args(*argv):
    p = argparse.ArgumentParser()
    serve.add_arguments(p)
    return p.parse_args(argv)


def test_serve_arguments_become_settings():
    assert serve.settings_env(_args(), cpus=4) == {"NIANBAO_POOL_SIZE": "4"}
    assert serve.settings_env(_args("--workers", "2"), cpus=4) == {"NIANBAO_POOL_SIZE": "2"}
    assert serve.settings_env(_args("--workers", "4"), cpus=2)["NIANBAO_POOL_SIZE"] == "1"
    env = serve.settings_env(_args("--max-body-mb", "1", "--model", "m.joblib", "--timeout", "5"), cpus=1)
    assert env == {"NIANBAO_POOL_SIZE": "1", "NIANBAO_MAX_BODY_BYTES": str(1024 * 1024),
                   "NIANBAO_MODEL": "m.joblib", "NIANBAO_TIMEOUT": "5"}
    args = _args()
    assert (args.host, args.port, args.workers) == ("127.0.0.1", 8000, 1)
    with pytest.raises(SystemExit):
        _args("--workers", "0")
