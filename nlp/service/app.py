"""The FastAPI app: ``create_app()`` builds it from :class:`Settings` (the environment by
default). uvicorn calls it once per worker process (``nianbao serve``)::

    uvicorn --factory nlp.service.app:create_app

    /v1/...     the API (routes.py), behind the API key when one is configured
    /healthz    liveness: the process answers
    /readyz     readiness: the engine processes have loaded the pipeline and model
    /docs       OpenAPI documentation (/openapi.json the schema; /redoc the same in ReDoc),
                its scripts and styles served from the package fastapi-offline (no CDN: the
                page works on a machine without internet; Swagger UI's online validator off)
"""
from __future__ import annotations

import asyncio
import gc
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi_offline import FastAPIOffline
from pydantic.json_schema import models_json_schema

from .. import __version__
from . import models, problems
from .guard import Guard
from .pool import EnginePool
from .problems import ServiceProblem
from .routes import v1_router
from .settings import Settings


#: Where the documentation pages' scripts, styles and icon are served from.
DOCS_ASSETS = "/docs-assets"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    engines = EnginePool(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # What is loaded by now (the libraries the service imports) lives as long as the
        # process: out of the collector's reach, a full collection no longer walks it, which
        # took 0.2-0.9 s of the event loop on a busy 2-core machine, inside whichever
        # response happened to allocate the object that triggered it.
        gc.collect()
        gc.freeze()
        engines.open()
        try:
            yield
        finally:
            await asyncio.to_thread(engines.close)

    app = FastAPIOffline(title="nianbao", version=__version__, lifespan=lifespan, static_url=DOCS_ASSETS,
                         swagger_ui_parameters={"validatorUrl": None},
                         description="Annotates Chinese government information disclosure annual reports "
                                     "(政府信息公开工作年度报告): tables, facts, paragraphs, checks. "
                                     "Errors are application/problem+json (RFC 9457).")
    app.state.settings = settings
    app.state.pool = engines
    problems.install(app)
    app.add_middleware(Guard, api_key=settings.api_key, max_body_bytes=settings.max_body_bytes)
    app.include_router(v1_router(settings))

    @app.get("/healthz", response_model=models.Health, tags=["operations"], summary="Liveness")
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz", response_model=models.Readiness, tags=["operations"], summary="Readiness",
             responses=problems.responses(503))
    async def readyz(request: Request) -> dict:
        pool = request.app.state.pool
        if not pool.ready:
            raise ServiceProblem(503, "Service not ready", pool.not_ready_reason, headers={"Retry-After": "1"})
        return {"status": "ready", "processes": pool.size, "classifier": pool.classifier}

    app.openapi = lambda: _openapi(app)
    return app


def _openapi(app: FastAPI) -> dict:
    """FastAPI's schema, plus the models that responses refer to by hand: the Problem of
    every error response, the ArchiveLine of /v1/annotate/archive's JSON Lines."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        _, defs = models_json_schema([(models.Problem, "serialization"), (models.ArchiveLine, "serialization")],
                                     ref_template="#/components/schemas/{model}")
        known = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, definition in defs["$defs"].items():
            known.setdefault(name, definition)  # the record's parts are FastAPI's already
        app.openapi_schema = schema
    return app.openapi_schema

