"""Word documents: paragraphs as lines, tables as grids with merged cells resolved."""
from __future__ import annotations

import io
import zipfile

import pytest

from nlp.errors import DamagedInput, UnsafeArchive
from nlp.read import read_bytes

from .build import Span, docx_bytes

MERGED = [
    [Span("项目", rowspan=3), Span("申请人情况", colspan=3)],
    ["自然人", Span("法人或其他组织", colspan=2)],
    ["", "商业企业", "科研机构"],
    [Span("新收申请", colspan=2), "3", "1"],
]
MERGED_LINES = [
    "项目 | 申请人情况 |  |",
    " | 自然人 | 法人或其他组织 |",
    " |  | 商业企业 | 科研机构",
    "新收申请 |  | 3 | 1",
]


def test_paragraphs_and_merged_cells():
    doc = read_bytes(docx_bytes(["一、总体情况", "本机关主动公开政府信息。", MERGED, "二、其他"]), "report.docx")
    assert doc.format == "docx"
    assert doc.text.splitlines() == ["一、总体情况", "本机关主动公开政府信息。"] + MERGED_LINES + ["二、其他"]


def test_cell_with_several_paragraphs_is_one_cell():
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "本年新"
    table.cell(0, 0).add_paragraph("制作数量")
    table.cell(0, 1).text = "0"
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_bytes(buffer.getvalue(), "c.docx").text == "本年新 制作数量 | 0"


def _rezip(data: bytes, replace: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
        for name, body in replace.items():
            if name not in src.namelist():
                dst.writestr(name, body)
    return out.getvalue()


def test_damaged_docx():
    data = _rezip(docx_bytes(["一段"]), {"word/document.xml": b"<w:document><not closed"})
    with pytest.raises(DamagedInput, match=r"bad\.docx.*damaged Word document"):
        read_bytes(data, "bad.docx")


def test_docx_with_a_bomb_part_is_refused():
    data = _rezip(docx_bytes(["一段"]), {"word/media/huge.bin": b"\x00" * (8 * 1024 * 1024)})
    with pytest.raises(UnsafeArchive, match=r"bomb\.docx.*huge\.bin.*zip bomb"):
        read_bytes(data, "bomb.docx")


def test_one_column_table_is_a_frame_around_paragraphs():
    import docx

    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.text = "一、总体情况"
    frame.add_paragraph("本机关主动公开政府信息。")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_bytes(buffer.getvalue(), "frame.docx").text.splitlines() == ["一、总体情况", "本机关主动公开政府信息。"]
