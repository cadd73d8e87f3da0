"""PDF with a text layer: paragraphs rejoined, span tables as grids, page numbers dropped,
a table broken by a page break read as one."""
from __future__ import annotations

import pytest

from nlp.errors import DamagedInput, EmptyInput, UndecodableInput
from nlp.read import read_bytes

from .build import Span, pdf_bytes

LONG = ("本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
        "全年通过门户网站主动公开政府信息1234条，其中政策文件56件，解读材料78篇，"
        "办理政府信息公开申请90件，均在法定期限内答复。")
SPAN_TABLE = [
    [Span("项目", rowspan=2), Span("申请人情况", colspan=2)],
    ["自然人", "法人"],
    ["新收申请", "3", "1"],
]


def test_paragraphs_and_a_span_table():
    doc = read_bytes(pdf_bytes(["一、总体情况", LONG, SPAN_TABLE, "二、其他"], font_size=11, orientation="P"),
                     "report.pdf")
    assert doc.format == "pdf"
    assert doc.text.splitlines() == ["一、总体情况", LONG, "项目 | 申请人情况 |", " | 自然人 | 法人",
                                     "新收申请 | 3 | 1", "二、其他"]


def test_table_across_a_page_break_and_page_numbers():
    rows = [["序号", "事项", "数量"]] + [[str(i), f"第{i}项事务", str(i * 3)] for i in range(1, 81)]
    doc = read_bytes(pdf_bytes(["一、情况", rows, "二、结束"], font_size=10, orientation="P"), "long.pdf")
    lines = doc.text.splitlines()
    assert lines == ["一、情况", "序号 | 事项 | 数量"] + [f"{i} | 第{i}项事务 | {i * 3}" for i in range(1, 81)] + ["二、结束"]


def test_repeated_header_on_the_next_page_is_dropped():
    from fpdf import FPDF

    from .build import cjk_font

    pdf = FPDF()
    pdf.add_font("cjk", fname=cjk_font())
    pdf.set_font("cjk", size=10)
    for rows in ([["项目", "数量"], ["甲", "1"]], [["项目", "数量"], ["乙", "2"]]):
        pdf.add_page()
        with pdf.table(first_row_as_headings=False) as table:
            for row in rows:
                out = table.row()
                for cell in row:
                    out.cell(cell)
    assert read_bytes(bytes(pdf.output()), "two.pdf").text.splitlines() == ["项目 | 数量", "甲 | 1", "乙 | 2"]


def test_scanned_pdf_has_no_text_layer():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")
    with pytest.raises(UndecodableInput, match=r"scan\.pdf.*without a text layer.*--ocr never"):
        read_bytes(bytes(pdf.output()), "scan.pdf", ocr="never")
    with pytest.raises(EmptyInput, match=r"scan\.pdf.*no text found.*by OCR"):
        read_bytes(bytes(pdf.output()), "scan.pdf")  # a page with a filled box and no text


def test_damaged_pdf():
    with pytest.raises(DamagedInput, match=r"broken\.pdf.*damaged"):
        read_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntruncated", "broken.pdf")


def test_a_framed_paragraph_is_text_not_a_table():
    from fpdf import FPDF

    from .build import cjk_font

    pdf = FPDF()
    pdf.add_font("cjk", fname=cjk_font())
    pdf.set_font("cjk", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 8, "一、总体情况\n本机关主动公开政府信息。", border=1)
    assert read_bytes(bytes(pdf.output()), "frame.pdf").text.splitlines() == ["一、总体情况", "本机关主动公开政府信息。"]
