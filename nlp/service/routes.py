"""The versioned API, ``/v1``: annotate (a text, a file, an archive), classify, facts,
fields. Each endpoint checks its input, hands the CPU-bound work to the engine pool and
shapes the answer; none of them repeats a stage of the engine."""
from __future__ import annotations

from pathlib import PurePath
from typing import Annotated, Optional

from fastapi import APIRouter, Depends, File, Request, Response, Security, UploadFile
from fastapi.security import APIKeyHeader

from ..schema import registry
from . import models, worker
from .guard import API_KEY_HEADER, key_matches
from .pool import EnginePool
from .problems import ServiceProblem, responses
from .settings import Settings

#: A file part without a usable suffix is read by its declared type.
_SUFFIX_BY_TYPE = {"text/plain": ".txt", "text/markdown": ".md", "text/html": ".html",
                   "application/pdf": ".pdf", "application/zip": ".zip",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
                   "image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tif"}  # scanned pages, read by OCR


#: The answer of /v1/annotate/archive: JSON Lines, as ``nianbao annotate`` writes them.
JSON_LINES = "application/x-ndjson"

ARCHIVE_LINES = {200: {
    "description": "JSON Lines: one line per member of the archive, in archive order; each "
                   "the record `nianbao annotate` writes for it, or its error record",
    "content": {JSON_LINES: {"schema": {"$ref": "#/components/schemas/ArchiveLine"}}}}}


def pool(request: Request) -> EnginePool:
    return request.app.state.pool


Pool = Annotated[EnginePool, Depends(pool)]


def requires(media_type: str):
    """A dependency answering 415 unless the request body is ``media_type``."""

    async def check(request: Request) -> None:
        given = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if given != media_type and not (media_type == "application/json" and given.endswith("+json")):
            raise ServiceProblem(415, "Unsupported media type",
                                 f"send the body as {media_type}, not {given or '(no Content-Type)'}")

    return check


def api_key(expected: str):
    """Declares the key in the OpenAPI schema; the Guard has already enforced it."""
    scheme = APIKeyHeader(name=API_KEY_HEADER, auto_error=False, description="the service's API key")

    async def check(given: Optional[str] = Security(scheme)) -> None:
        if not key_matches(expected, given):
            raise ServiceProblem(401, "Unauthorized", f"send the service's API key in the {API_KEY_HEADER} header")

    return check


def v1_router(settings: Settings) -> APIRouter:
    guarded = (401,) if settings.api_key else ()
    router = APIRouter(prefix="/v1", responses=responses(*guarded, 413),
                       dependencies=[Depends(api_key(settings.api_key))] if settings.api_key else [])
    json_body = [Depends(requires("application/json"))]

    # exclude_unset: the record as the engine wrote it (``warnings`` only when there are any)
    @router.post("/annotate", response_model=models.Record, response_model_exclude_unset=True,
                 dependencies=json_body, tags=["annotate"],
                 responses=responses(400, 415, 422, 503), summary="Annotate a report given as text")
    async def annotate(body: models.AnnotateRequest, engines: Pool) -> dict:
        """The record of data/OUTPUT.md for one report. 422 when the text is not a
        disclosure report; 413 when it is over 1,000,000 characters (no report comes near)."""
        return await engines.run(worker.annotate_text, body.text, body.source)

    @router.post("/annotate/file", response_model=models.Record, response_model_exclude_unset=True,
                 tags=["annotate"],
                 dependencies=[Depends(requires("multipart/form-data"))],
                 responses=responses(400, 415, 422, 503), summary="Annotate an uploaded report file")
    async def annotate_file(file: Annotated[UploadFile, File(description="the report, in any format the readers support")],
                            engines: Pool) -> dict:
        """Upload one file as multipart/form-data (field ``file``); the reader is chosen by
        the file name's suffix, or by the part's Content-Type when the name has none. A zip
        archive must hold one report; send one of several to /v1/annotate/archive."""
        data = await file.read()
        return await engines.run(worker.annotate_upload, data, upload_name(file.filename, file.content_type))

    @router.post("/annotate/archive", response_class=Response, tags=["annotate"],
                 dependencies=[Depends(requires("multipart/form-data"))],
                 responses={**ARCHIVE_LINES, **responses(400, 415, 422, 503)},
                 summary="Annotate every report of an uploaded archive")
    async def annotate_archive(file: Annotated[UploadFile, File(description="a zip archive of reports")],
                               engines: Pool) -> Response:
        """Upload one zip archive as multipart/form-data (field ``file``); the answer has one
        JSON line per member, in archive order: the record ``nianbao annotate`` writes for
        it (source ``archive.zip/member``, with ``content_sha256``), or, for a member that
        cannot be read or is not a report, its error record ``{source, content_sha256,
        error: {code, message}}``. An upload that is no archive, or a damaged or empty one,
        is refused whole (415, 400, 422). The archive is one request: it is annotated in
        one engine process, within the service's time limit."""
        data = await file.read()
        lines = await engines.run(worker.annotate_archive, data, upload_name(file.filename, file.content_type))
        return Response("".join(f"{line}\n" for line in lines), media_type=JSON_LINES)

    @router.post("/paragraphs/classify", response_model=models.ClassifyResponse, dependencies=json_body,
                 tags=["paragraphs"], responses=responses(400, 415, 422, 503), summary="Label paragraphs")
    async def classify(body: models.ClassifyRequest, engines: Pool) -> dict:
        """Labels and scores for each paragraph, in order. 503 when no classifier is loaded."""
        return {"paragraphs": await engines.run(worker.classify, body.paragraphs)}

    @router.post("/facts", response_model=models.FactsResponse, dependencies=json_body, tags=["facts"],
                 responses=responses(400, 415, 422, 503), summary="Extract facts from a text snippet")
    async def facts(body: models.FactsRequest, engines: Pool) -> dict:
        """Numbers stated in the text (publication counts, followers, procurement sums)."""
        return {"facts": await engines.run(worker.facts, body.text)}

    @router.get("/editions/{edition}/fields", response_model=models.FieldsResponse, tags=["schema"],
                responses=responses(422), summary="The canonical table fields of an edition")
    async def fields(edition: models.Edition) -> dict:
        """Edition 2019 is the template of the 2019 and 2020 reports; 2021, of 2021 and later."""
        reg = registry()
        return {"edition": edition,
                "fields": [{"id": f, "label": reg.field_label(edition, f), "type": reg.field_type(edition, f)}
                           for f in reg.field_ids(edition)]}

    return router


def upload_name(filename, content_type) -> str:
    """The name to read an upload by.

    >>> upload_name("报告.PDF", "application/octet-stream"), upload_name(None, "text/plain; charset=utf-8")
    ('报告.PDF', 'upload.txt')
    >>> upload_name("report", "application/pdf"), upload_name("../../etc/passwd", None)
    ('report.pdf', 'passwd')
    >>> upload_name("scan", "image/tiff"), upload_name("page", "image/jpeg")
    ('scan.tif', 'page.jpg')
    """
    name = PurePath((filename or "").replace("\\", "/")).name or "upload"
    if not PurePath(name).suffix:
        name += _SUFFIX_BY_TYPE.get((content_type or "").split(";")[0].strip().lower(), "")
    return name
