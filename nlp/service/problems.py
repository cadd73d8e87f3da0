"""Errors as RFC 9457 problem details (``application/problem+json``).

Every answer other than a 2xx goes through :func:`problem`: a clear title, a detail
that says what to change, never a stack trace. nianbao's typed errors carry their own
status and title (``http_status``, ``title``: nlp/errors.py), for example:

    UndecodableInput, DamagedInput   400  the bytes are not a readable document
    TextTooLong                      413  more characters than one report holds
    EmptyInput, NotAReport, other    422  readable, but nothing to annotate
    UnsupportedInput                 415  no reader for that file type
    ModelError                       503  the model the request needs is not loaded
    anything unexpected              500  logged with its traceback, answered without it
"""
from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from .. import errors
from .models import Problem

MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("nianbao.service")


class ServiceProblem(Exception):
    """Raised by the service itself (not the engine) to answer with a problem."""

    def __init__(self, status: int, title: str, detail: str, headers: dict | None = None):
        super().__init__(detail)
        self.status, self.title, self.detail, self.headers = status, title, detail, headers


def problem(status: int, title: str, detail: str, *, instance: str | None = None,
            code: str | None = None, errors_: list | None = None, headers: dict | None = None) -> JSONResponse:
    body = Problem(type=f"urn:nianbao:problem:{_slug(title)}", title=title, status=status,
                   detail=detail, instance=instance, code=code, errors=errors_)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status,
                        media_type=MEDIA_TYPE, headers=headers)


def _slug(title: str) -> str:
    return "-".join(title.lower().split())


def status_of(exc: errors.NianbaoError) -> tuple:
    """(status, title) for one of nianbao's errors.

    >>> status_of(errors.NotAReport("x")), status_of(errors.UnsupportedInput("x"))
    ((422, 'Not a report'), (415, 'Unsupported file type'))
    >>> status_of(errors.ModelError("x")), status_of(errors.DataError("x"))
    ((503, 'Model not loaded'), (422, 'Invalid data'))
    >>> status_of(errors.OutputError("x"))
    (500, 'Output error')
    """
    return exc.http_status, exc.title


def install(app: FastAPI) -> None:
    """Route every error the app can meet to a problem answer."""

    @app.exception_handler(errors.NianbaoError)
    async def _nianbao(request: Request, exc: errors.NianbaoError):
        status, title = status_of(exc)
        if status == 500:  # a bug of nianbao's, not the client's: keep the details in the log
            log.error("%s %s: %s", request.method, request.url.path, exc, exc_info=exc)
            return problem(status, title, "the service failed; the error is logged", instance=request.url.path)
        return problem(status, title, exc.message, instance=request.url.path, code=exc.code)

    @app.exception_handler(ServiceProblem)
    async def _service(request: Request, exc: ServiceProblem):
        return problem(exc.status, exc.title, exc.detail, instance=request.url.path, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        found = [_error_item(e) for e in exc.errors()]
        if any(e["type"] == "json_invalid" for e in found):
            return problem(400, "Malformed JSON", "the request body is not valid JSON",
                           instance=request.url.path, errors_=found)
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in found[:5])
        return problem(422, "Invalid request", where or "the request does not match the schema",
                       instance=request.url.path, errors_=found)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        title = HTTPStatus(exc.status_code).phrase if exc.status_code in HTTPStatus._value2member_map_ else "Error"
        detail = exc.detail if isinstance(exc.detail, str) else title
        return problem(exc.status_code, title, detail, instance=request.url.path, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return problem(500, "Internal error", "the service failed; the error is logged",
                       instance=request.url.path)


def _error_item(e: dict) -> dict:
    """A validation error without its input (which may be megabytes of report)."""
    return {"loc": [p if isinstance(p, (str, int)) else str(p) for p in e.get("loc", ())],
            "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}


def responses(*statuses: int) -> dict:
    """The OpenAPI ``responses`` entry documenting problem answers with these statuses."""
    return {status: {"description": HTTPStatus(status).phrase,
                     "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            for status in statuses}
