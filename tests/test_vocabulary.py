"""The template's vocabulary is spelled once (nlp/vocabulary.py): no other module of the
package writes an applicant column, a section title, an outline marker or a page-number
pattern in its code (docstrings, with their examples of real report text, aside)."""
import ast
import re
from pathlib import Path

import pytest

from nlp import vocabulary

PACKAGE = Path(vocabulary.__file__).resolve().parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "vocabulary.py")

#: kind → the words no other module may spell
WORDS = {
    "applicant column": [c for c in vocabulary.APPLICANT_PARTS if c != "other_org"]
    + [vocabulary.APPLICANT_NAMES[c] for c in vocabulary.APPLICANT_PARTS if c != "other_org"]
    + [label for label, _ in vocabulary.APPLICANT_BANDS],
    "section title": list(vocabulary.SECTION_TITLES.values()),
    # the numerals of an outline marker as a character class ([一二三四…], [二三四…])
    "outline marker": [vocabulary.CN_NUMERALS[1:5]],
    # a page number: 第…页
    "page number": ["页(?:"],
}


def code_strings(path: Path) -> list:
    """(line, text) of every string constant of the module's code, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize("kind", list(WORDS))
def test_no_module_but_the_vocabulary_spells(kind):
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {word}"
             for path in MODULES for line, text in code_strings(path) for word in WORDS[kind] if word in text]
    assert found == [], f"spelled outside nlp/vocabulary.py ({kind}):\n" + "\n".join(found)


# (marker, its outline level) — and text that opens with no marker
LEVELS = [("一、总体情况", 1), ("十二、附则", 1), ("（三）不予公开", 2), ("(三)不予公开", 2), ("（ 一 ）予以公开", 2),
          ("1.属于国家秘密", 3), ("8．属于行政查询事项", 3),
          ("其他", None), ("2020年", None), ("一是加强领导", None), ("第一部分", None)]


@pytest.mark.parametrize("label, level", LEVELS)
def test_outline_levels(label, level):
    assert vocabulary.outline_level(label) == level


# lines of real reports' text and PDF pages: page numbers, and lines that must not be taken for
# one; each reader's pattern is its own (kept as it was), so each has its column:
# (line, paragraph splitter's PAGE_NUMBER_LINE, PDF reader's PDF_PAGE_NUMBER_LINE, table tokens' TABLE_PAGE_NUMBER)
PAGE_LINES = [("- 3 -", True, True, True), ("— 12 —", True, True, True), ("-- 3 --", True, False, True),
              ("_ 5 _", True, False, False), ("第 2 页 共 9 页", True, True, True), ("第3页，共10页", True, True, False),
              ("第3页/共10页", True, True, False), ("3/10", True, True, True), ("12", True, True, False),
              ("1234", False, True, False), ("Page 4 of 9", False, True, False), ("page 4", False, True, False),
              ("3件", False, False, False), ("2020年", False, False, False), ("第三部分", False, False, False),
              ("共发布信息 12 条", False, False, False), ("1.属于国家秘密", False, False, False), ("| 12 | 3 |", False, False, False)]


@pytest.mark.parametrize("line, in_text, in_pdf, in_table", PAGE_LINES)
def test_page_number_lines(line, in_text, in_pdf, in_table):
    table_line = re.compile(rf"^\s*{vocabulary.TABLE_PAGE_NUMBER}\s*$")
    assert (bool(vocabulary.PAGE_NUMBER_LINE.match(line)), bool(vocabulary.PDF_PAGE_NUMBER_LINE.match(line)),
            bool(table_line.match(line))) == (in_text, in_pdf, in_table)


def test_the_titles_are_the_templates():
    """The first of sections.json's words for each section is the title the template prints."""
    from nlp.schema import registry

    for table, section in vocabulary.TABLE_SECTIONS.items():
        assert registry().section_aliases(table)[0] == vocabulary.SECTION_TITLES[section]
    assert [vocabulary.numbered_title(n)[:2] for n in range(1, 7)] == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_the_applicant_columns_are_the_templates():
    from nlp.schema import registry

    [row] = [r for r in registry().rows("2021", "requests") if r.id == "requests.new_received"]
    assert tuple(c.id for c in row.columns) == vocabulary.APPLICANT_COLUMNS
    assert set(vocabulary.ORGANISATIONS) < set(vocabulary.APPLICANT_PARTS)
    labels = [registry().field_label("2021", f"requests.new_received.{c}").rsplit(" / ", 1)[1]
              for c in vocabulary.APPLICANT_COLUMNS]
    assert labels == [vocabulary.APPLICANT_NAMES[c] for c in vocabulary.APPLICANT_COLUMNS]
