"""Zip archives: members read in memory, each bad member one error, the others still read."""
from __future__ import annotations


import pytest

from nlp.errors import DamagedInput, EmptyInput, InputError, UnsafeArchive, UndecodableInput, UnsupportedInput
from nlp.read import Document, iter_documents, read_bytes, read_path
from nlp.readers import archive, iter_bytes

from .build import docx_bytes, html_page, zip_bytes

REPORT = "2020年政府信息公开工作年度报告\n一、总体情况\n"


def _by_source(results) -> dict:
    return {r.source: r for r in results}


def test_members_good_and_bad(tmp_path):
    path = tmp_path / "reports.zip"
    path.write_bytes(zip_bytes({
        "a/report.txt": REPORT.encode("gbk"),
        "b/page.html": html_page(["一、总体情况", [["项目", "数量"], ["规章", "0"]]]).encode("utf-8"),
        "c/word.docx": docx_bytes(["一、总体情况"]),
        "bad/blob.bin": b"\x00\xff" * 300,
        "bad/empty.txt": b"",
        "../../evil.txt": REPORT.encode("utf-8"),
        "/etc/passwd.txt": REPORT.encode("utf-8"),
        "__MACOSX/._report.txt": b"\x00\x05",
    }))
    results = _by_source(iter_documents(path))
    zipped = str(path)
    assert results[f"{zipped}/a/report.txt"].text == REPORT
    assert results[f"{zipped}/b/page.html"].text.splitlines() == ["一、总体情况", "项目 | 数量", "规章 | 0"]
    assert results[f"{zipped}/c/word.docx"].format == "docx"
    assert isinstance(results[f"{zipped}/bad/blob.bin"], UnsupportedInput)
    assert isinstance(results[f"{zipped}/bad/empty.txt"], EmptyInput)
    evil = results[f"{zipped}/../../evil.txt"]
    assert isinstance(evil, UnsafeArchive) and "climbs out of the archive" in str(evil)
    assert "absolute" in str(results[f"{zipped}//etc/passwd.txt"])
    assert len(results) == 7, "macOS litter is skipped"
    assert not list(tmp_path.parent.glob("evil.txt")) and sorted(tmp_path.iterdir()) == [path]


def test_zip_bomb_member_is_refused_and_the_rest_read():
    data = zip_bytes({"bomb.txt": b"0" * (50 * 1024 * 1024), "report.txt": REPORT.encode("utf-8")})
    assert len(data) < 1024 * 1024
    results = _by_source(iter_bytes(data, "up.zip"))
    bomb = results["up.zip/bomb.txt"]
    assert isinstance(bomb, UnsafeArchive)
    assert "up.zip/bomb.txt" in str(bomb) and "zip bomb" in str(bomb) and "compression ratio" in str(bomb)
    assert results["up.zip/report.txt"].text == REPORT


def test_too_many_members(monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBERS", 3)
    results = list(iter_bytes(zip_bytes({f"{i}.txt": REPORT.encode() for i in range(5)}), "many.zip"))
    assert len(results) == 1 and isinstance(results[0], UnsafeArchive)
    assert "many.zip" in str(results[0]) and "5 members (the limit is 3)" in str(results[0])


def test_total_size_limit(monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 2 * len(REPORT.encode()))
    results = list(iter_bytes(zip_bytes({f"{i}.txt": REPORT.encode() for i in range(3)}), "big.zip"))
    assert [type(r) for r in results] == [Document, Document, UnsafeArchive]
    assert "add up to more than" in str(results[2])


def test_member_size_limit(monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 10)
    [result] = iter_bytes(zip_bytes({"r.txt": REPORT.encode()}), "s.zip")
    assert isinstance(result, UnsafeArchive) and "bytes uncompressed (the limit is 10)" in str(result)


def test_corrupt_member_data():
    data = bytearray(zip_bytes({"r.txt": REPORT.encode() * 20, "ok.txt": REPORT.encode()}))
    start = data.index(b"r.txt") + len("r.txt")
    data[start + 5:start + 15] = b"\xff" * 10
    results = _by_source(iter_bytes(bytes(data), "c.zip"))
    assert isinstance(results["c.zip/r.txt"], DamagedInput) and "damaged member" in str(results["c.zip/r.txt"])
    assert results["c.zip/ok.txt"].text == REPORT


def test_encrypted_member():
    data = bytearray(zip_bytes({"r.txt": REPORT.encode()}))
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.index(header) + (6 if header == b"PK\x03\x04" else 8)
        data[at] |= 0x1
    [result] = iter_bytes(bytes(data), "e.zip")
    assert isinstance(result, DamagedInput) and "encrypted" in str(result)


def test_gbk_member_names_are_decoded():
    [doc] = iter_bytes(zip_bytes({"年度报告.txt": REPORT.encode()}, gbk_names=True), "cn.zip")
    assert doc.source == "cn.zip/年度报告.txt"


def test_nested_archive_is_read_to_a_limit():
    inner = zip_bytes({"r.txt": REPORT.encode()})
    [doc] = iter_bytes(zip_bytes({"inner.zip": inner}), "outer.zip")
    assert doc.source == "outer.zip/inner.zip/r.txt" and doc.text == REPORT
    [deep] = iter_bytes(zip_bytes({"middle.zip": zip_bytes({"inner.zip": inner})}), "outer.zip")
    assert isinstance(deep, UnsafeArchive) and "nested" in str(deep)


def test_empty_archive():
    [result] = iter_bytes(zip_bytes({}), "none.zip")
    assert isinstance(result, EmptyInput) and "none.zip" in str(result)


def test_read_bytes_of_an_archive_with_one_report():
    assert read_bytes(zip_bytes({"r.txt": REPORT.encode()}), "one.zip").source == "one.zip/r.txt"


def test_read_bytes_of_an_archive_with_several():
    with pytest.raises(UnsupportedInput, match=r"two\.zip.*2 files \(1 readable\)"):
        read_bytes(zip_bytes({"r.txt": REPORT.encode(), "x.bin": b"\x00" * 10}), "two.zip")


def test_read_path_of_an_archive_with_a_bad_only_member(tmp_path):
    path = tmp_path / "one.zip"
    path.write_bytes(zip_bytes({"blob.txt": b"\x00\x01" * 50}))
    with pytest.raises(UndecodableInput, match=r"one\.zip/blob\.txt.*binary"):
        read_path(path)


def test_iter_documents_of_a_directory(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.zip").write_bytes(zip_bytes({"c.txt": REPORT.encode()}))
    (tmp_path / "notes.json").write_text("{}")
    sources = [r.source for r in iter_documents(tmp_path)]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.zip") + "/c.txt"]


def test_iter_documents_yields_errors_not_raises(tmp_path):
    [error] = iter_documents(tmp_path / "missing.pdf")
    assert isinstance(error, InputError) and "cannot read" in str(error)


def test_nothing_is_written_to_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    list(iter_bytes(zip_bytes({"d/r.txt": REPORT.encode(), "../x.txt": b"x"}), "a.zip"))
    assert list(tmp_path.iterdir()) == []
