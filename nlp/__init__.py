"""nianbao (年报): reads China's government information disclosure annual reports
(政府信息公开工作年度报告) into one record each: the three statistical tables, the numbers
stated in the text, the narrative paragraphs with their labels, and the template's checks.

    >>> from nlp import Engine, read_path                          # doctest: +SKIP
    >>> record = Engine().annotate(read_path("report.pdf"))        # doctest: +SKIP
    >>> record.tables["requests.new_received.total"], record.to_dict()  # doctest: +SKIP

The public surface is what ``__all__`` names (a test pins it); everything else is
implementation and may change. Errors are one tree (:class:`NianbaoError`, nlp/errors.py).
The engine and the readers load their libraries on first use, so ``import nlp`` is cheap.
"""
from __future__ import annotations

from importlib import import_module

from .errors import (DamagedInput, DataError, EmptyInput, InputError, InputTooLarge, InternalError, ModelError,
                     NianbaoError, NotAReport, OutputError, RunError, SchemaError, TextTooLong, UndecodableInput,
                     UnsafeArchive, UnsupportedInput)
from .outputs import load_records, read_records, record_line
from .record import Ambiguity, Cell, Check, ErrorRecord, Fact, Paragraph, ParagraphModel, Record

#: names loaded on first use: module → names
_LAZY = {"engine": ("Engine",), "read": ("Document", "read_path", "read_bytes", "iter_documents")}

__all__ = [
    # annotate
    "Engine", "Document", "read_path", "read_bytes", "iter_documents",
    # the record
    "Record", "Cell", "Fact", "Paragraph", "Check", "Ambiguity", "ParagraphModel", "ErrorRecord",
    # records files
    "read_records", "load_records", "record_line",
    # errors
    "NianbaoError", "InputError", "EmptyInput", "UndecodableInput", "NotAReport", "UnsupportedInput",
    "InputTooLarge", "UnsafeArchive", "DamagedInput", "TextTooLong", "DataError", "ModelError", "SchemaError",
    "OutputError", "RunError", "InternalError",
    "__version__",
]


def _version() -> str:
    """The installed distribution's version, read when first asked for: importlib.metadata
    takes 25 ms to import, and annotating never asks."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("nianbao")
    except PackageNotFoundError:  # a checkout that is not installed
        return "0+unknown"


def __getattr__(name: str):
    if name == "__version__":
        globals()[name] = value = _version()
        return value
    for module, names in _LAZY.items():
        if name in names:
            value = getattr(import_module(f".{module}", __name__), name)
            globals()[name] = value
            return value
    raise AttributeError(f"module 'nlp' has no attribute {name!r}")


def __dir__() -> list:
    return sorted(set(globals()) | {"__version__"} | {n for names in _LAZY.values() for n in names})
