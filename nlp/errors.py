"""Errors nianbao raises, one tree; each class says when to catch it.

    NianbaoError                  catch-all for this library
    ├── InputError                the input is not something we can annotate
    │   ├── EmptyInput            the file or text holds nothing but white space
    │   ├── UndecodableInput      the bytes are not text in any encoding we read
    │   ├── NotAReport            text, but not a disclosure annual report
    │   ├── UnsupportedInput      a file type no reader handles (or too large to read)
    │   ├── UnsafeArchive         an archive or member refused: path traversal, zip bomb, too many members
    │   ├── DamagedInput          a PDF, DOCX or zip whose structure is broken or encrypted
    │   └── TextTooLong           more characters of text than one report can hold (MAX_TEXT_CHARS)
    ├── ModelError                a model file is missing, tampered with or incompatible
    ├── SchemaError               the packaged field schema or alias tables are broken
    ├── OutputError               a record, export or sheet cannot be written
    ├── RunError                  a batch cannot go on (a worker died, the cluster is gone)
    └── InternalError             a bug in nianbao met on one document (the batch records it and goes on)

The CLI turns each into one line ``path: [code] message`` and an exit status; the
HTTP service turns an InputError into a problem+json 4xx answer (413 for TextTooLong).
"""
from __future__ import annotations


class NianbaoError(Exception):
    """Base class: every error nianbao raises on purpose."""

    code = "E000"

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


class EmptyInput(InputError):
    code = "E101"


class UndecodableInput(InputError):
    code = "E102"


class NotAReport(InputError):
    code = "E103"


class UnsupportedInput(InputError):
    """A file type no reader handles."""

    code = "E104"


class UnsafeArchive(InputError):
    """An archive (or one member of it) refused for safety; the other members are still read."""

    code = "E105"


class DamagedInput(InputError):
    """A container format (PDF, DOCX, zip) that cannot be opened: truncated, corrupt, encrypted."""

    code = "E106"


class TextTooLong(InputError):
    """Text longer than any report (``nlp.engine.MAX_TEXT_CHARS``): refused before any stage runs."""

    code = "E107"


class ModelError(NianbaoError):
    """A model cannot be loaded: missing, tampered with, or built for other versions."""

    code = "E200"


class SchemaError(NianbaoError):
    """The packaged schema or alias data is inconsistent (a bug in nianbao, not in input)."""

    code = "E300"


class OutputError(NianbaoError):
    """Records or an export cannot be written (disk, permissions, a sheet's row limit)."""

    code = "E400"


class RunError(NianbaoError):
    """A run cannot continue: a worker process died, a Dask scheduler is unreachable."""

    code = "E500"


class InternalError(NianbaoError):
    """An unexpected exception inside nianbao on one document: a bug to report."""

    code = "E900"
