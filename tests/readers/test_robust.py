"""Whatever the bytes, a reader answers a Document or an InputError naming the input."""
from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.errors import InputError
from nlp.read import Document
from nlp.readers import SUFFIXES, iter_bytes

from .build import docx_bytes, html_page, pdf_bytes, zip_bytes

BLOCKS = ["一、总体情况", "本机关主动公开政府信息。", [["项目", "数量"], ["规章", "0"]]]


def _answers(data: bytes, name: str) -> list:
    results = list(iter_bytes(data, name))
    assert results
    for result in results:
        assert isinstance(result, (Document, InputError)), type(result)
        if isinstance(result, InputError):
            assert result.source and result.source.startswith(name) and result.message
    return results


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES + ("", ".bin")))
def test_random_bytes(data, suffix):
    _answers(data, f"fuzz{suffix}")


@settings(max_examples=200, deadline=None)
@given(prefix=st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"]),
       rest=st.binary(max_size=1024))
def test_random_bytes_behind_magic(prefix, rest):
    _answers(prefix + rest, "magic.bin")


def _built():
    return {
        "report.pdf": pdf_bytes(BLOCKS, orientation="P"),
        "report.docx": docx_bytes(BLOCKS),
        "report.html": html_page(BLOCKS).encode("gbk"),
        "reports.zip": zip_bytes({"a.txt": "政府信息公开".encode() * 50, "b.docx": docx_bytes(BLOCKS)}),
    }


@pytest.mark.parametrize("name", ["report.pdf", "report.docx", "report.html", "reports.zip"])
def test_truncated_and_corrupted_files(name):
    data = _built()[name]
    rng = random.Random(name)
    for cut in range(1, 20):
        _answers(data[:len(data) * cut // 20], name)
    for _ in range(30):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        _answers(bytes(damaged), name)
