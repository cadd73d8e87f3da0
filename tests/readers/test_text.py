"""Plain text in every common encoding; empty and binary files refused with a clear message."""
from __future__ import annotations

import pytest

from nlp.errors import EmptyInput, UndecodableInput, UnsupportedInput
from nlp.read import read_bytes, read_path

REPORT = "北京市朝阳区2020年政府信息公开工作年度报告\n一、总体情况\n本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
TRADITIONAL = "北京市朝陽區2020年政府信息公開工作年度報告\n一、總體情況\n本機關認真貫徹落實《中華人民共和國政府信息公開條例》。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_simplified_text_in_any_encoding(tmp_path, encoding):
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(REPORT.encode(encoding))
    doc = read_path(path)
    assert doc.text == REPORT
    assert (doc.source, doc.format, doc.script) == (str(path), "text", None)


def test_gbk_report_of_full_length(tmp_path):
    from .build import SAMPLES

    seed = sorted(SAMPLES.glob("*.txt"))[0].read_text(encoding="utf-8")
    path = tmp_path / "gbk.txt"
    path.write_bytes(seed.encode("gb18030"))
    assert read_path(path).text == seed


@pytest.mark.parametrize("encoding", ["big5", "utf-8"])
def test_traditional_text_is_converted_with_a_map_back(tmp_path, encoding):
    path = tmp_path / "trad.txt"
    path.write_bytes(TRADITIONAL.encode(encoding))
    doc = read_path(path)
    assert doc.text == REPORT
    assert doc.script.original == TRADITIONAL
    at = doc.text.index("报告")
    assert doc.script.original[doc.script.to_original(at):doc.script.to_original(at + 2)] == "報告"


def test_windows_newlines_are_normalised():
    assert read_bytes(REPORT.replace("\n", "\r\n").encode("gbk"), "r.txt").text == REPORT


@pytest.mark.parametrize("data, error, words", [
    (b"", EmptyInput, "empty"),
    (b"  \n\t\r\n", EmptyInput, "empty"),
    ("\u3000\n".encode("utf-8"), EmptyInput, "white space"),
    (b"\x00\x01\x02binary\x00" * 50, UndecodableInput, "binary"),
    (bytes(range(256)) * 8, UndecodableInput, "binary"),
])
def test_unreadable_text_names_the_file(tmp_path, data, error, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(error) as caught:
        read_path(path)
    assert str(path) in str(caught.value) and words in str(caught.value)


def test_binary_file_with_an_unknown_suffix_is_unsupported(tmp_path):
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\x00\x9f\x10" * 100)
    with pytest.raises(UnsupportedInput, match=r"blob\.bin.*unsupported file type '\.bin'.*readable: \.txt"):
        read_path(path)


def test_missing_file(tmp_path):
    with pytest.raises(UnsupportedInput, match="nowhere.txt.*cannot read"):
        read_path(tmp_path / "nowhere.txt")


def test_text_without_a_suffix_is_read():
    assert read_bytes(REPORT.encode("gbk"), "upload").text == REPORT
