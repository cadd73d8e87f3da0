"""Every records file the project writes reads back through the typed record unchanged:
``from_dict(line).to_dict()`` is the line's JSON and ``record_line`` writes the same bytes
again — for every bundled report in every form nianbao reads (text, HTML, DOCX, PDF, a zip
of them), for the error lines of inputs it cannot annotate, and for a file a resumed run
appended to."""
from __future__ import annotations

import json
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from nlp.cli import main
from nlp.outputs import load_records, record_line
from nlp.record import ErrorRecord, Record, from_dict
from training.forms import FORMS, write_forms

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def records_file(tmp_path_factory) -> Path:
    """``nianbao annotate -o`` over the bundled reports: the fixtures' forms as they are,
    each data/forms report rendered in its seven forms, the samples, the corpus, a zip,
    and inputs that fail; then a resumed run over the same inputs plus one more."""
    d = tmp_path_factory.mktemp("inputs")
    shutil.copytree(DATA / "fixtures", d / "fixtures")
    for folder in sorted(p for p in (DATA / "forms").iterdir() if p.is_dir()):
        write_forms(folder, d / "forms")
    shutil.copytree(DATA / "samples", d / "samples")
    shutil.copytree(DATA / "corpus", d / "corpus")
    with zipfile.ZipFile(d / "two.zip", "w") as z:
        for sample in sorted((DATA / "samples").glob("*.txt"))[:2]:
            z.write(sample, sample.name)
    bad = d / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("  \n", encoding="utf-8")
    (bad / "english.txt").write_text("hello world, this is not a disclosure report\n" * 20, encoding="utf-8")
    (bad / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\n%%EOF cut short")
    (bad / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    out = d / "records.jsonl"
    first = [str(d / name) for name in ("fixtures", "forms", "samples", "corpus", "two.zip", "bad")]
    assert main(["annotate", *first, "-o", str(out), "-j", "1", "-q"]) == 1  # some inputs failed
    later = d / "later"
    later.mkdir()
    shutil.copy(DATA / "samples" / "000_c322f99bcfb5564c.txt", later / "again.txt")
    assert main(["annotate", *first, str(later), "-o", str(out), "-j", "1", "-q", "--resume"]) == 1
    return out


def lines_of(path: Path) -> list:
    return path.read_text(encoding="utf-8").splitlines()


def test_every_line_round_trips_unchanged(records_file):
    lines = lines_of(records_file)
    for number, line in enumerate(lines, 1):
        data = json.loads(line)
        typed = from_dict(data)
        assert typed.to_dict() == data, f"line {number}: {data['source']}"
        assert record_line(typed) == line, f"line {number}: {data['source']}"
    assert [record_line(r) for r in load_records(records_file)] == lines


def test_the_file_holds_every_form_and_error_lines(records_file):
    records = load_records(records_file)
    done = [r for r in records if isinstance(r, Record)]
    errors = [r for r in records if isinstance(r, ErrorRecord)]
    forms = Counter(".zip" if ".zip/" in r.source else Path(r.source).suffix for r in done)
    assert {".txt", ".html", ".docx", ".pdf", ".md", ".zip"} <= set(forms), forms
    reports = len([p for p in (DATA / "forms").iterdir() if p.is_dir()])
    for suffix in (".pdf", ".docx"):  # each data/forms report rendered, and the fixtures'
        assert forms[suffix] == reports + len(list((DATA / "fixtures").rglob(f"*{suffix}"))), suffix
    rendered = [r for r in done if Path(r.source).parent == records_file.parent / "forms"]
    assert len(rendered) == reports * len(FORMS)
    assert {Path(e.source).name for e in errors} >= {"empty.txt", "english.txt", "broken.pdf", "broken.docx"}
    assert len({e.code for e in errors}) >= 3
    # the records carry every part the contract has, so the round trip tested them all
    assert all(any(getattr(r, part) for r in done) for part in ("tables", "cells", "facts", "paragraphs", "checks"))


def test_the_resumed_run_appended_only_the_new_report(records_file):
    sources = [json.loads(line)["source"] for line in lines_of(records_file)]
    assert len(sources) == len(set(sources)) and sources[-1].endswith("later/again.txt")


@pytest.mark.ocr
def test_a_scanned_reports_record_round_trips(tmp_path):
    """A report read by OCR: its cells carry the recogniser's confidence (and, where the
    template's sums chose, its own reading); the line reads back unchanged too."""
    from tests.readers.scans import scan_pdf

    scans = ROOT / "tests" / "readers" / "scans"
    scan = tmp_path / "scanned.pdf"
    scan.write_bytes(scan_pdf((scans / "020q_xiangdu-kgxj-2020-print.pdf").read_bytes()))
    out = tmp_path / "records.jsonl"
    assert main(["annotate", str(scan), "-o", str(out), "-q"]) == 0
    [line] = lines_of(out)
    data = json.loads(line)
    assert data["cells"] and all(c["ocr_confidence"] is not None for c in data["cells"])
    assert from_dict(data).to_dict() == data and record_line(from_dict(data)) == line
