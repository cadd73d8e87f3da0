"""The one engine: a Document in, a Record out, the stages run in one direction.

    read → segment → meta → tables / facts / paragraphs → checks → record

The CLI, the batch runner and the HTTP service all wrap :class:`Engine`; none of them
repeats a stage. Besides whole reports (:meth:`Engine.annotate`), the engine finds the
facts of a snippet (:meth:`Engine.facts`) and labels paragraphs given on their own
(:meth:`Engine.classify`), as the service's /v1/facts and /v1/paragraphs/classify do.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import checks as checks_stage
from . import facts as facts_stage
from . import paragraphs as paragraphs_stage
from . import tables as tables_stage
from .errors import EmptyInput, ModelError, NotAReport, TextTooLong
from .meta import detect_agency, detect_edition, detect_year
from .read import Document
from .record import ParagraphModel, Record, content_sha256
from .segment import find_sections
from .vocabulary import cjk_at_least, numbered_title

#: A report mentions disclosure; anything else is refused rather than annotated. The
#: template's own words count too (sections 2 and 3: 主动公开, 依申请公开): a page whose title
#: was stripped can say 主动公开 and never 信息公开 (round 6's h504, Shanghai 2020: 堅持以公開為常態…
#: 全年共主動公開政府規章12件). Texts arrive here in simplified script; the traditional forms are
#: for callers that pass a text unconverted.
_REPORT_WORDS = re.compile(r"(信息公开|政务公开|主动公开|依申请公开|資訊公開|信息公開|主動公開|依申請公開)")
_MIN_CJK = 30
#: Longer texts are refused (TextTooLong, E107) before any stage runs: real reports are
#: under 300,000 characters, and every stage is linear up to here (README, limits).
MAX_TEXT_CHARS = 1_000_000

#: A short report that runs every stage once (:meth:`Engine.warm_up`).
WARM_UP_TEXT = (f"某某局2021年政府信息公开工作年度报告\n{numbered_title(1)}\n本局认真贯彻落实《中华人民共和国政府信息公开条例》，"
                f"通过门户网站发布信息120条，微信公众号发布信息35条。\n{numbered_title(5)}\n"
                "政府信息公开工作仍存在不足，下一步将加强培训。\n")

#: A count in Chinese numerals, read in the warm-up too (its reader is imported on first use).
WARM_UP_NUMERAL = "通过门户网站发布信息一百二十条。"


class Engine:
    """Annotates documents. Build once (it loads the paragraph model) and reuse."""

    def __init__(self, model_path=None):
        self.model_path = model_path
        self._classifier = paragraphs_stage.load_classifier(model_path)
        meta = getattr(self._classifier, "metadata", None) or {}
        self._model_provenance = (ParagraphModel(meta.get("model_sha256"), meta.get("trained_at"))
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
                        paragraph_model=self._model_provenance, warnings=tuple(getattr(doc, "warnings", ())),
                        content_sha256=content_sha256(text))
        script = getattr(doc, "script", None)
        return in_original_script(record, text, script) if script is not None else record

    def annotate_text(self, text: str, source: str = "<text>") -> Record:
        return self.annotate(Document(source, text))

    def facts(self, text: str) -> tuple:
        """The facts (:class:`~nlp.record.Fact`, each with its ``rule``) a snippet or a whole
        text states, in text order; no check that it is a report."""
        if not text.strip():
            raise EmptyInput("the text holds only white space")
        require_length(text, "<text>")
        return tuple(facts_stage.extract_facts(text, find_sections(text), ()))

    def classify(self, paragraphs) -> list:
        """``(labels, scores)`` of each paragraph given on its own: anything with a ``text``
        and a ``section`` (1-6, or None when not known), as :class:`~nlp.record.Paragraph`
        has them. A ModelError when the engine has no classifier."""
        if self._classifier is None:
            raise ModelError("model not loaded: no paragraph classifier is available "
                             "(train one, or start the service with --model PATH)")
        paragraphs = list(paragraphs)
        texts, sections = [p.text for p in paragraphs], [p.section for p in paragraphs]
        args = (texts, sections) if any(s is not None for s in sections) else (texts,)
        return [(tuple(labels), {k: float(v) for k, v in scores.items()})
                for labels, scores in self._classifier.predict(*args)]

    def warm_up(self, numerals: bool = True) -> None:
        """Load what the stages load on first use (compiled patterns, the cue data, the
        paragraph model's tables; annotating needs no spaCy pipeline), so that the first real report does not pay for it, and forked
        workers inherit it instead of each loading it. ``numerals``: also the reader of
        Chinese numerals past the simple ones (cn2an, 0.1 s to import), which few reports need."""
        self.annotate_text(WARM_UP_TEXT, "<warm-up>")
        if numerals:
            self.facts(WARM_UP_NUMERAL)


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
    if not cjk_at_least(text[:5000], _MIN_CJK) or not _REPORT_WORDS.search(text):
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
