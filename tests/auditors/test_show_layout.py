"""``nianbao show``: the page says the report's text exactly as its file does (no space put
between words, every line break kept, traditional script left traditional) and marks its
table cells as well as its facts."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from nlp.cli import main
from nlp.commands.show import marks, render
from nlp.read import read_path

ROOT = Path(__file__).resolve().parents[2]
REPORTS = [ROOT / "data" / "samples" / "000_c322f99bcfb5564c.txt",
           ROOT / "data" / "corpus" / "reports" / "011_hongze-district-2023-pdftext.txt"]
_LABEL = re.compile(r'<span style="font-size: 0\.8em[^>]*>[^<]*</span>')


def page_text(page: str) -> str:
    """What a reader of the page sees as the report's text: the labels and markup removed,
    <br> as a line break."""
    body = page[page.index('<div class="entities"'):]
    body = _LABEL.sub("", body).replace("<br>", "\n")
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def labels(page: str) -> list:
    return [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in _LABEL.findall(page)]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_the_page_says_the_text_as_the_file_does_and_marks_cells_and_facts(tmp_path, path, engine):
    out = tmp_path / "show.html"
    assert main(["show", str(path), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    text = read_path(path).text
    assert page_text(page).strip() == text.strip()
    record = engine.annotate(read_path(path))  # cells and facts: any model's
    shown = " | ".join(labels(page))
    assert all(cell.field in shown for cell in record.cells), "a cell is not marked"
    assert sum(" · " in label for label in labels(page)) >= 1 and record.facts


def test_traditional_script_is_shown_as_written(tmp_path):
    simplified = REPORTS[0].read_text(encoding="utf-8")
    from opencc import OpenCC

    traditional = OpenCC("s2t").convert(simplified)
    assert traditional != simplified
    path = tmp_path / "trad.txt"
    path.write_bytes(traditional.encode("big5", errors="ignore"))
    out = tmp_path / "show.html"
    assert main(["show", str(path), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    shown = page_text(page)
    assert shown.strip() == read_path(path).script.original.strip()
    assert "資訊" in shown or "信息公開" in shown


@pytest.mark.parametrize("text", ["本机关全年无其他需要报告的事项。", "一、总体情况\n本年度工作平稳开展。"])
def test_text_without_facts_or_cells_has_no_marks(text):
    page = render(text, (), cells=())
    assert labels(page) == [] and page_text(page).strip() == text
    assert marks((), ()) == []
