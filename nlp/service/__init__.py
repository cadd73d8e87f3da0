"""The HTTP service: a FastAPI app that wraps the one Engine (``nianbao serve``).

    settings.py  configuration from the environment
    app.py       create_app(): lifespan, health and readiness, OpenAPI
    routes.py    the /v1 endpoints
    models.py    pydantic models of every request and response
    problems.py  errors as application/problem+json
    guard.py     API key and body limit, before any body is read
    pool.py      the engine processes CPU-bound work runs in
    worker.py    what runs inside them
    launch.py    a server in a child process, for the tests and the load benchmark
"""
from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
