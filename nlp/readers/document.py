"""The :class:`Document` every reader returns: the text all later stages work on."""
from __future__ import annotations

from dataclasses import dataclass

from .script import ScriptMap


@dataclass(frozen=True)
class Document:
    """``text`` is what the pipeline reads; every record offset refers to it.

    ``format`` names the reader that produced it (text, html, pdf, docx). ``script`` is
    set when traditional characters were converted to simplified: it maps offsets in
    ``text`` back to the text as read (``script.original``). ``grids`` are the tables the
    document draws (HTML, DOCX, ruled PDF tables), each cell with its offsets in ``text``.
    ``warnings`` say what the reader had to repair to read it (lines in another encoding),
    for the record.
    """

    source: str
    text: str
    format: str = "text"
    script: ScriptMap | None = None
    grids: tuple = ()
    warnings: tuple = ()
