"""Errors nianbao raises, one tree; each class says when to catch it.

    NianbaoError                  catch-all for this library
    ├── InputError                the input is not something we can annotate (skip it, go on)
    │   ├── EmptyInput            the file or text holds nothing but white space
    │   ├── UndecodableInput      the bytes are not text in any encoding we read
    │   ├── NotAReport            text, but not a disclosure annual report
    │   ├── UnsupportedInput      a file type no reader handles
    │   │   └── InputTooLarge     over a limit of the readers: bytes, pages, pixels of a page
    │   ├── UnsafeArchive         an archive or member refused: path traversal, zip bomb, too many members
    │   ├── DamagedInput          a PDF, DOCX or zip whose structure is broken or encrypted
    │   ├── TextTooLong           more characters of text than one report can hold (MAX_TEXT_CHARS)
    │   └── DataError             a file of ours (records, labelled rows) with a line that is not one
    ├── ModelError                a model file is missing, tampered with or incompatible
    ├── SchemaError               the packaged field schema or alias tables are broken
    ├── OutputError               a record, export or sheet cannot be written
    ├── RunError                  a batch cannot go on (a worker died, the cluster is gone)
    └── InternalError             a bug in nianbao met on one document (the batch records it and goes on)

Each class carries its ``code`` (``[E104]``), the ``http_status`` the service answers
with and the ``title`` of that answer: the CLI turns an error into one line
``path: [code] message`` and exit status 2 (nlp/cli.py), the HTTP service into a
problem+json answer of that status and title (nlp/service/problems.py); neither maps
classes by name.
"""
from __future__ import annotations


class NianbaoError(Exception):
    """Base class: every error nianbao raises on purpose."""

    code = "E000"
    #: what the HTTP service answers (5xx: nianbao's fault, logged, its message not shown)
    http_status = 500
    title = "Internal error"

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}[{self.code}] {self.message}"


class InputError(NianbaoError):
    """The input cannot be annotated; the caller should skip it and go on."""

    code = "E100"
    http_status = 422
    title = "Input cannot be annotated"


class EmptyInput(InputError):
    """The file or text holds nothing but white space."""

    code = "E101"
    title = "Empty input"


class UndecodableInput(InputError):
    """The bytes are not text in any encoding we read."""

    code = "E102"
    http_status = 400
    title = "Undecodable input"


class NotAReport(InputError):
    """Text, but not a disclosure annual report."""

    code = "E103"
    title = "Not a report"


class UnsupportedInput(InputError):
    """A file type no reader handles."""

    code = "E104"
    http_status = 415
    title = "Unsupported file type"


class InputTooLarge(UnsupportedInput):
    """A file over one of the readers' limits (bytes, pages, pixels of a page read by OCR):
    refused before it is read, rendered or decoded; the service answers 413, not 415."""

    code = "E109"
    http_status = 413
    title = "Input too large"


class UnsafeArchive(InputError):
    """An archive (or one member of it) refused for safety; the other members are still read."""

    code = "E105"
    title = "Unsafe archive"


class DamagedInput(InputError):
    """A container format (PDF, DOCX, zip) that cannot be opened: truncated, corrupt, encrypted."""

    code = "E106"
    http_status = 400
    title = "Damaged input"


class TextTooLong(InputError):
    """Text longer than any report (``nlp.engine.MAX_TEXT_CHARS``): refused before any stage runs."""

    code = "E107"
    http_status = 413
    title = "Text too long"


class DataError(InputError):
    """A records file or a labelled-data file with a line that is not a record or a row of
    the shape it should have (unknown label, missing key): the message names the line."""

    code = "E108"
    title = "Invalid data"


class ModelError(NianbaoError):
    """A model cannot be loaded: missing, tampered with, or built for other versions."""

    code = "E200"
    http_status = 503
    title = "Model not loaded"


class SchemaError(NianbaoError):
    """The packaged schema or alias data is inconsistent (a bug in nianbao, not in input)."""

    code = "E300"


class OutputError(NianbaoError):
    """Records or an export cannot be written (disk, permissions, a sheet's row limit)."""

    code = "E400"
    title = "Output error"


class RunError(NianbaoError):
    """A run cannot continue: a worker process died, a Dask scheduler is unreachable."""

    code = "E500"
    http_status = 503
    title = "Service unavailable"


class InternalError(NianbaoError):
    """An unexpected exception inside nianbao on one document: a bug to report."""

    code = "E900"
