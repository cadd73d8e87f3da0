"""Records serialised where they are annotated: a run's workers send each line as the bytes
the records file gets, the parent only writes them. The bytes are those of the line as text
(record_line + newline, UTF-8), on real report text, whatever the number of workers, to a
file or to standard output."""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from nlp import batch
from nlp.cli import main
from nlp.outputs import encoded_line, record_line, records_writer

from .conftest import SAMPLES

DATA = Path(__file__).resolve().parents[2] / "data"
#: real reports of two templates and several provinces: the samples and the repository's corpus
REPORTS = SAMPLES + sorted((DATA / "corpus" / "reports").rglob("*.txt"))[:6]


@pytest.fixture
def archive(tmp_path) -> Path:
    """Real reports, and two inputs that are error records (an empty file, a binary one)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for i, path in enumerate(REPORTS):
        shutil.copyfile(path, folder / f"{i:03d}_{path.name}")
    (folder / "900_empty.txt").write_bytes(b"")
    (folder / "901_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return folder


def as_text(folder: Path) -> bytes:
    """The records file written the way that decodes and encodes nothing in a worker: each
    input's Outcome lines as str, through a text writer."""
    lines = []
    for path in sorted(folder.iterdir()):
        lines += [o.line for o in batch.annotate_input(path) if o.line is not None]
    return "".join(line + "\n" for line in lines).encode("utf-8")


@pytest.mark.parametrize("line, expected", [
    ('{"source":"a.txt","year":2021}', b'{"source":"a.txt","year":2021}\n'),
    ('{"text":"本机关全年主动公开政府信息1,234条"}', '{"text":"本机关全年主动公开政府信息1,234条"}\n'.encode("utf-8")),
    ('{"text":"𠀋 and é"}', '{"text":"𠀋 and é"}\n'.encode("utf-8")),
    ('', b"\n"),
])
def test_an_encoded_line_is_the_line_and_its_newline_in_utf8(line, expected):
    assert encoded_line(line) == expected


def test_a_line_utf8_cannot_encode_stays_text_and_fails_in_the_writer_as_before(tmp_path):
    lone = '{"text":"\udc80"}'
    assert encoded_line(lone) == lone
    with records_writer(tmp_path / "o.jsonl") as write, pytest.raises(UnicodeEncodeError):
        write(lone)


def test_worker_lines_are_the_bytes_of_the_records_of_real_reports():
    engine = batch.engine_for(None)
    for path in REPORTS[:4]:
        [outcome] = batch._annotate_task((path, None, {}, "auto"))
        record = engine.annotate_text(path.read_text(encoding="utf-8"), str(path))
        assert outcome.line == (record_line(record) + "\n").encode("utf-8")
        assert not outcome.failed


def test_a_line_and_its_bytes_write_the_same_file(tmp_path):
    lines = [o.line for p in REPORTS[:3] for o in batch.annotate_input(p)]
    (text, raw) = tmp_path / "text.jsonl", tmp_path / "raw.jsonl"
    with records_writer(text) as write:
        for line in lines:
            write(line)
    with records_writer(raw) as write:
        for line in lines:
            write(encoded_line(line))
    assert raw.read_bytes() == text.read_bytes()
    with records_writer(raw, append=True) as write:  # --resume appends
        write(encoded_line(lines[0]))
    assert raw.read_bytes() == text.read_bytes() + encoded_line(lines[0])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_writes_the_bytes_of_the_text_records(archive, tmp_path, jobs, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(archive), "-o", str(out), "-j", jobs, "-q"]) == 1
    assert out.read_bytes() == as_text(archive)
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if "E1" in line] and "Traceback" not in "".join(err)


def test_records_to_standard_output_are_the_records_file(archive, tmp_path, capsysbinary):
    out = tmp_path / "out.jsonl"
    main(["annotate", str(archive), "-o", str(out), "-j", "2", "-q"])
    capsysbinary.readouterr()
    main(["annotate", str(archive), "-j", "2", "-q"])
    assert capsysbinary.readouterr().out == out.read_bytes()


@pytest.mark.parametrize("stream, decode", [
    (lambda: io.StringIO(), lambda s: s.getvalue()),  # no binary stream under it
    (lambda: io.TextIOWrapper(io.BytesIO(), encoding="gb18030"),  # not UTF-8: lines as text
     lambda s: (s.flush(), s.buffer.getvalue().decode("gb18030"))[1]),
    (lambda: io.TextIOWrapper(io.BytesIO(), encoding="utf-8"),
     lambda s: (s.flush(), s.buffer.getvalue().decode("utf-8"))[1]),
])
def test_standard_output_of_any_kind_gets_the_same_text(archive, monkeypatch, stream, decode):
    expected = as_text(archive).decode("utf-8")
    out = stream()
    out.write("before\n")  # what is written before the records stays before them
    monkeypatch.setattr(sys, "stdout", out)
    main(["annotate", str(archive), "-j", "2", "-q"])
    monkeypatch.undo()
    assert decode(out) == "before\n" + expected
