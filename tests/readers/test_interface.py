"""The reader interface the engine, batch runner and HTTP service use: names and signatures."""
from __future__ import annotations

import inspect

import nlp.read
from nlp.errors import InputError
from nlp.readers import SUFFIXES


def test_public_names():
    assert set(nlp.read.__all__) == {"Document", "SUFFIXES", "TEXT_SUFFIXES", "decode", "iter_documents",
                                     "read_bytes", "read_path", "require_files"}
    for name in nlp.read.__all__:
        assert hasattr(nlp.read, name)


def test_signatures():
    assert list(inspect.signature(nlp.read.read_path).parameters) == ["path", "ocr"]
    assert list(inspect.signature(nlp.read.read_bytes).parameters) == ["data", "name", "ocr"]
    assert list(inspect.signature(nlp.read.iter_documents).parameters) == ["path", "ocr"]
    assert list(inspect.signature(nlp.read.decode).parameters) == ["data", "source"]
    for reader in (nlp.read.read_path, nlp.read.read_bytes, nlp.read.iter_documents):
        assert inspect.signature(reader).parameters["ocr"].default == "auto"  # callers that pass no mode: as before, plus scans


def test_document_is_built_as_before():
    doc = nlp.read.Document("x.txt", "text")
    assert (doc.source, doc.text, doc.format, doc.script) == ("x.txt", "text", "text", None)


def test_old_suffix_name_lists_every_readable_suffix():
    assert nlp.read.TEXT_SUFFIXES == nlp.read.SUFFIXES == SUFFIXES


def test_decode_keeps_its_contract():
    assert nlp.read.decode("政府信息公开".encode("gbk"), "a.txt") == "政府信息公开"
    try:
        nlp.read.decode(b"", "a.txt")
    except InputError as exc:
        assert exc.source == "a.txt"
    else:
        raise AssertionError("empty bytes decoded")
