"""The one engine: a Document in, a Record out, the stages run in one direction.

    read → segment → meta → tables / facts / paragraphs → checks → record

The CLI, the batch runner and the HTTP service all wrap :class:`Engine`; none of them
repeats a stage.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import checks as checks_stage
from . import facts as facts_stage
from . import paragraphs as paragraphs_stage
from . import tables as tables_stage
from .errors import NotAReport, TextTooLong
from .meta import detect_agency, detect_edition, detect_year
from .read import Document
from .record import Record
from .segment import find_sections

#: A report mentions disclosure; anything else is refused rather than annotated.
_REPORT_WORDS = re.compile(r"(政府信息公开|政务公开|信息公开|政府資訊公開|政府信息公開|資訊公開|信息公開)")
_MIN_CJK = 30
#: Longer texts are refused (TextTooLong, E107) before any stage runs: real reports are
#: under 300,000 characters, and every stage is linear up to here (README, limits).
MAX_TEXT_CHARS = 1_000_000


class Engine:
    """Annotates documents. Build once (it loads the paragraph model) and reuse."""

    def __init__(self, model_path=None):
        self.model_path = model_path
        self._classifier = paragraphs_stage.load_classifier(model_path)
        meta = getattr(self._classifier, "metadata", None) or {}
        self._model_provenance = ({"sha256": meta.get("model_sha256"), "trained_at": meta.get("trained_at")}
                                  if self._classifier is not None else None)

    @property
    def classifier(self):
        """The paragraph classifier in use (None only for an engine built without one)."""
        return self._classifier

    def annotate(self, doc: Document) -> Record:
        text = doc.text
        require_length(text, doc.source)
        _require_report(text, doc.source)
        sections = find_sections(text)
        year = detect_year(text)
        edition = detect_edition(text, year)
        table = tables_stage.read_tables(text, sections, edition, doc.grids) if edition else tables_stage.TableResult((), ())
        facts = facts_stage.extract_facts(text, sections, table.cells)
        paragraphs = paragraphs_stage.annotate_paragraphs(text, sections, self._classifier)
        checks = checks_stage.run_checks(edition, table, facts, text, sections) if edition else ()
        record = Record(source=doc.source, edition=edition, year=year, agency=detect_agency(text),
                        cells=table.cells, ambiguous=table.ambiguous, facts=tuple(facts),
                        paragraphs=tuple(paragraphs), checks=tuple(checks),
                        paragraph_model=self._model_provenance, warnings=tuple(getattr(doc, "warnings", ())))
        script = getattr(doc, "script", None)
        return in_original_script(record, text, script) if script is not None else record

    def annotate_text(self, text: str, source: str = "<text>") -> Record:
        return self.annotate(Document(source, text))


def require_length(text: str, source: str) -> None:
    """A text over MAX_TEXT_CHARS is no single report: refuse it, saying what to do.

    >>> require_length("x" * 1_000_001, "big.txt")
    Traceback (most recent call last):
    nlp.errors.TextTooLong: big.txt: [E107] 1,000,001 characters of text, over the limit of 1,000,000 (reports run under 300,000): split the file into its reports, or check that it is one
    """
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(f"{len(text):,} characters of text, over the limit of {MAX_TEXT_CHARS:,} (reports run "
                          f"under 300,000): split the file into its reports, or check that it is one", source=source)


def _require_report(text: str, source: str) -> None:
    cjk = sum(1 for ch in text[:5000] if "\u4e00" <= ch <= "\u9fff")
    if cjk < _MIN_CJK or not _REPORT_WORDS.search(text):
        raise NotAReport("no Chinese disclosure-report text found (expected words such as 政府信息公开)",
                         source=source)


def in_original_script(record: Record, text: str, script) -> Record:
    """A record read from text converted to simplified script, with every text and
    offset put back into the original (what the user's file says)."""

    def moved(item, text_field):
        start, end, original = script.original_span(item.start, item.end)
        return replace(item, start=start, end=end, **{text_field: original})

    agency = record.agency
    if agency and agency in text:
        at = text.index(agency)
        agency = script.original_span(at, at + len(agency))[2]
    return replace(record, agency=agency,
                   cells=tuple(moved(c, "raw") for c in record.cells),
                   ambiguous=tuple(moved(a, "raw") if a.start >= 0 else a for a in record.ambiguous),
                   facts=tuple(moved(f, "text") for f in record.facts),
                   paragraphs=tuple(moved(p, "text") for p in record.paragraphs))
