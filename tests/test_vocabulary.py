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
    # the numerals of an outline marker as a character class ([一二三四…], [二三四…]), the
    # stops after a marker's number (一、 一. 1．) and a sub-row's number (2.)
    "outline marker": [vocabulary.CN_NUMERALS[1:5], "[、.．]", "[.．、]", "[.．]", r"[1-9]\."],
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


#: the building blocks of outline markers: only the vocabulary composes markers from them
NUMERALS = {"CN_NUMERAL", "CN_NUMERALS", "LATER_CN_NUMERAL"}


def test_no_module_but_the_vocabulary_composes_a_marker_from_numerals():
    found = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ({a.name for a in node.names} if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("vocabulary")
                     else {node.attr} if isinstance(node, ast.Attribute) else set())
            found += [f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {n}" for n in names & NUMERALS]
    assert found == [], "a marker composed outside nlp/vocabulary.py:\n" + "\n".join(found)


def test_no_module_but_the_vocabulary_writes_a_numbered_row_or_title():
    """A row or a title named with its number (二、上年结转…) is the template's label: it comes
    from fields.json (registry().field_label) or the vocabulary (numbered_title)."""
    numbered = re.compile(rf"{vocabulary.TOP_MARKER}[\u4e00-\u9fff]")
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {text[:40]}"
             for path in MODULES for line, text in code_strings(path) if numbered.search(text)]
    assert found == [], "a numbered label spelled outside the template data:\n" + "\n".join(found)


#: regular-expression syntax, taken out of a pattern's alternatives before looking for words
_SYNTAX = re.compile(r"\\[dsSwWbB]|[?()|:\[\]*+\\{}^$.,0-9\s]")
#: the genre's name, in the titles of sections 2-4 and in every report's own title: not a title
GENRE = "政府信息公开"


def title_pieces(n: int = 6) -> set:
    """Every n characters of the section titles real reports print (sections.json), the
    genre's name aside."""
    import json
    from importlib import resources

    words = json.loads(resources.files("nlp.data").joinpath("sections.json").read_text(encoding="utf-8"))["sections"]
    return {w[i:i + n] for ws in words.values() for w in ws for i in range(len(w) - n + 1)} - {GENRE}


def test_no_module_but_the_vocabulary_spells_a_piece_of_a_section_title():
    """Not the whole title only: a pattern of part of one (其他需要报告, 存在的?(?:主要)?问题) too."""
    pieces = title_pieces()
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {piece}"
             for path in MODULES for line, text in code_strings(path)
             for alternative in text.split("|") for piece in pieces if piece in _SYNTAX.sub("", alternative)]
    assert found == [], "a section title spelled outside nlp/vocabulary.py:\n" + "\n".join(found)


# (text of a real report, a pattern of the vocabulary, whether the text opens with it)
OPENINGS = [
    ("一. 總體情況", "TOP_MARKER_ANY_STOP", True),  # heldout h012 信荣 卫体局 2021 (traditional script)
    ("二.存在的主要問題及整改情況", "TOP_MARKER_ANY_STOP", True),  # the same report
    ("三、本年度办理结果", "TOP_MARKER_ANY_STOP", True), ("十二、附则", "TOP_MARKER_ANY_STOP", True),
    ("2020.年", "TOP_MARKER_ANY_STOP", False), ("一是加强领导", "TOP_MARKER_ANY_STOP", False),
    ("（一）存在问题", "TOP_MARKER_ANY_STOP", False),
    ("1.通过所网站“信息公开”公开信息情况。", "ANY_MARKER_ANY_STOP", True), ("（一）存在问题", "ANY_MARKER_ANY_STOP", True),
    ("一. 總體情況", "ANY_MARKER_ANY_STOP", True), ("1.5万人关注", "ANY_MARKER_ANY_STOP", False),
    ("2023年,全市各级行政机关", "ANY_MARKER_ANY_STOP", False),
    ("一是主动公开意识有待加强", "ITEM_WORD", True), ("二是严格执行信息发布审核制度", "LATER_ITEM_WORD", True),
    ("一是主动公开意识有待加强", "LATER_ITEM_WORD", False), ("是否公开", "ITEM_WORD", False),
    ("五、存在的主要问题及改进情况", "SECTION5_LEAD", False), ("存在的主要问题及改进情况", "SECTION5_LEAD", True),
    ("存在的主要問題及改進情況", "SECTION5_LEAD", False), ("問題及改進情況", "SECTION5_LEAD", True),
    ("存在不足", "SECTION5_PROBLEMS", True), ("下一步改进措施", "SECTION5_REMEDIES", False),
    ("改进措施", "SECTION5_REMEDIES", True), ("六、其他需要报告的事项", "SECTION6_TITLE", False),
    ("其他需要报告的事项", "SECTION6_TITLE", True), ("其它需要报告的事项。", "SECTION6_TITLE", True),  # hbxs.gov.cn 13636791
    ("其他处理", "SECTION6_TITLE", False),
]


@pytest.mark.parametrize("text, pattern, opens", OPENINGS)
def test_what_a_text_opens_with(text, pattern, opens):
    assert bool(re.match(getattr(vocabulary, pattern), text)) is opens


# row labels run together as the table reader sees them (normalised), and where each row's own label starts
ROW_LABELS = [("三、本年度办理结果(一)予以公开", [0, 9]), ("(三)不予公开1.属于国家秘密2.其他法律行政法规禁止公开", [0, 7, 15]),
              ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", [0]), ("2020.1", []), ("本年新收政府信息公开申请数量", [])]


@pytest.mark.parametrize("labels, starts", ROW_LABELS)
def test_where_row_labels_start(labels, starts):
    assert [m.start() for m in re.finditer(vocabulary.ROW_LABEL_MARKER, labels)] == starts


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
