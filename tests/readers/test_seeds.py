"""The seed reports converted to HTML, DOCX and PDF read back as the text versions do:
the same pipe-row table shape, and the same canonical table cells."""
from __future__ import annotations

from functools import lru_cache

import pytest

from nlp.meta import detect_edition, detect_year
from nlp.read import read_bytes
from nlp.segment import find_sections
from nlp.tables import read_tables

from .build import blocks_of, docx_bytes, html_page, padded, pdf_bytes, pipe_seeds, pipe_text, shape

SEEDS = pipe_seeds()
BUILDERS = {
    "html": lambda blocks: html_page(blocks).encode("utf-8"),
    "docx": docx_bytes,
    "pdf": pdf_bytes,
}
#: HTML rows may be ragged, as in the seed; Word and PDF tables are rectangles, so their
#: text version is the seed with each table's rows padded to its width.
RECTANGULAR = {"docx", "pdf"}
CASES = [pytest.param(seed, kind, id=f"{seed.stem[:3]}-{kind}") for seed in SEEDS for kind in BUILDERS]


@lru_cache(maxsize=None)
def _converted(seed, kind):
    """(the text version, the document read from the seed converted to ``kind``)."""
    blocks = blocks_of(seed.read_text(encoding="utf-8"))
    if kind in RECTANGULAR:
        blocks = padded(blocks)
    return pipe_text(blocks), read_bytes(BUILDERS[kind](blocks), f"{seed.stem}.{kind}")


def _table_values(text: str) -> dict:
    edition = detect_edition(text, detect_year(text))
    cells = read_tables(text, find_sections(text), edition).cells
    return {c.field: c.value for c in cells}


def test_there_are_pipe_row_seeds():
    assert len(SEEDS) >= 2


def test_text_version_is_the_seed():
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        assert shape(pipe_text(blocks_of(text))) == shape(text)
        assert _table_values(pipe_text(blocks_of(text))) == _table_values(text)


@pytest.mark.parametrize("seed, kind", CASES)
def test_same_pipe_rows(seed, kind):
    text, doc = _converted(seed, kind)
    assert doc.format == kind
    assert shape(doc.text) == shape(text)


@pytest.mark.parametrize("seed, kind", CASES)
def test_same_table_cells(seed, kind):
    text, doc = _converted(seed, kind)
    expected = _table_values(text)
    assert expected, "the table reader reads the text seed"
    assert _table_values(doc.text) == expected


@pytest.mark.parametrize("seed, kind", CASES)
def test_engine_tables_match_text(engine, seed, kind):
    """The engine reads a drawn table by its grid: the cells of the seed as printed. (Not of
    the padded text: padding a short row with empty pieces would invent blank cells, as
    seed 003's section 4, twelve values for fifteen cells, shows.)"""
    _, doc = _converted(seed, kind)
    from nlp.read import Document

    expected = engine.annotate(Document(seed.name, seed.read_text(encoding="utf-8"))).to_dict()["tables"]
    assert expected
    assert engine.annotate(doc).to_dict()["tables"] == expected
