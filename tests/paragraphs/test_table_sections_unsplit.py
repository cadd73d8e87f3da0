"""A table section (2-4) whose text holds no sentence end and does not end the input is not
split into blocks (find_paragraphs()): _narrative() keeps a block of a table section only when
it ends a sentence, or ends an input cut off, so no block of such a section is ever kept. The
same paragraphs with the skip as without, on every text report of the repository's
development data, and on report-shaped rows where a table section does hold narrative."""
import re
from pathlib import Path

import pytest

import nlp.paragraphs as paragraphs
from nlp.segment import find_sections
from nlp.vocabulary import numbered_title

DATA = Path(__file__).resolve().parents[2] / "data"
REPORTS = sorted([*(DATA / "samples").glob("*.txt"), *(DATA / "corpus").rglob("*.txt"),
                  *(DATA / "corpus").rglob("*.md"), *(DATA / "forms").glob("*/source.txt")])
#: matches in every range, the empty one too: no table section skipped
_EVERYWHERE = re.compile(r"$|(?s:.)")


def _found(text):
    return [(n, b.text, b.start, b.end, b.heading) for n, b in paragraphs.find_paragraphs(text, find_sections(text))]


def _unskipped(text, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(paragraphs, "_SENTENCE_END", _EVERYWHERE)
        return _found(text)


def test_most_table_sections_are_skipped():
    sections = [(text, s) for text in (p.read_text(encoding="utf-8") for p in REPORTS)
                for s in find_sections(text) if s.number in (2, 3, 4)]
    skipped = [1 for text, s in sections if not paragraphs._SENTENCE_END.search(text, s.body_start, s.end)]
    assert len(sections) > 20 and len(skipped) > len(sections) // 2


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_same_paragraphs_as_without_the_skip(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    assert _found(text) == _unskipped(text, monkeypatch)


_OPEN = f"某某局2021年政府信息公开工作年度报告\n{numbered_title(1)}\n本局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作，取得了新的进展。\n"
_TAIL = f"{numbered_title(5)}\n政府信息公开工作仍存在不足，下一步将加强培训，提升工作人员的业务水平。\n"


@pytest.mark.parametrize("section2, kept", [
    # table residue only: skipped, nothing kept either way
    ("信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n规范性文件 3 1 12\n", 0),
    # a nil statement with its full stop is narrative: the section holds a sentence end
    ("规章 0 0 0\n本年度未收到针对我局的政府信息公开申请。\n", 1),
    # a sentence of narrative under the table
    ("规章 0 0 0\n规范性文件 3 1 12\n本年度我局共制发规范性文件3件，均已在门户网站主动公开，便于公众查阅。\n", 1),
])
def test_table_section_rows(section2, kept, monkeypatch):
    text = f"{_OPEN}{numbered_title(2)}\n{section2}{_TAIL}"
    found = _found(text)
    assert found == _unskipped(text, monkeypatch)
    assert sum(1 for n, *_ in found if n == 2) == kept


def test_a_table_section_that_ends_a_cut_off_input_is_read(monkeypatch):
    """An input cut off in a table section: its last block needs no full stop (several clauses)."""
    text = f"{_OPEN}{numbered_title(2)}\n规章 0 0 0\n本年度我局加强网站账号管理，动态监测网站内容，及时更新政策文件"
    found = _found(text)
    assert found == _unskipped(text, monkeypatch)
    assert [n for n, *_ in found].count(2) == 1
