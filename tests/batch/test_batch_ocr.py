"""``nianbao annotate --ocr auto|always|never`` on scans, and the progress bar that counts
pages on OCR runs (issue 16): a PDF or page image weighs its pages, any other input one,
and a scan's pages move the bar as each is read."""
from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from nlp import batch
from nlp.cli import main
from nlp.readers.pages import page_count

from tests.readers.scans import ScanSettings, scan_pdf
from .conftest import SAMPLES
from .test_batch_run import Terminal

SCANS = Path(__file__).resolve().parents[1] / "readers" / "scans"
PRINT_020Q = SCANS / "020q_xiangdu-kgxj-2020-print.pdf"  # chromium's print of a real report: 3 pages, text layer


def _tiff(frames: int) -> bytes:
    buf = io.BytesIO()
    pages = [Image.new("L", (1654, 2339), 255) for _ in range(frames)]
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], dpi=(200, 200))
    return buf.getvalue()


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("L", (1654, 2339), 255).save(buf, "PNG", dpi=(200, 200))
    return buf.getvalue()


@pytest.mark.parametrize("name, data, pages", [
    ("print.pdf", PRINT_020Q.read_bytes(), 3),                                    # a text layer
    ("scan.pdf", scan_pdf(PRINT_020Q.read_bytes(), ScanSettings(noise=0)), 3),    # page images only
    ("named.txt", PRINT_020Q.read_bytes(), 3),                                    # a PDF by its bytes, not its name
    ("page.png", _png(), 1),
    ("pages.tif", _tiff(3), 3),                                                   # a TIFF: each frame a page
    ("broken.pdf", b"%PDF-1.7\n" + bytes(200), 1),                                # its reader says why
    # rows that must not count pages: reports that are not paged, a name for nothing
    ("report.txt", SAMPLES[0].read_bytes(), None),
    ("page.html", "<html><body><p>二、主动公开政府信息情况</p></body></html>".encode(), None),
    ("report.docx", (Path(__file__).resolve().parents[2] / "data/fixtures/forms/020d_xiangdu-kgxj-2020.docx").read_bytes(), None),
])
def test_the_pages_an_input_weighs(name, data, pages, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    assert page_count(path) == pages


def test_a_missing_file_weighs_nothing_of_its_own(tmp_path):
    assert page_count(tmp_path / "gone.pdf") is None


def test_each_document_says_how_many_pages_were_read_for_it(tmp_path):
    shutil.copy(PRINT_020Q, tmp_path / "print.pdf")
    outcomes = batch.annotate_input(tmp_path / "print.pdf")
    text = batch.annotate_input(SAMPLES[0])
    assert [o.pages for o in outcomes] == [3] and [o.pages for o in text] == [0]


@pytest.fixture(scope="module")
def scan_020q() -> bytes:
    return scan_pdf(PRINT_020Q.read_bytes())


def test_ocr_never_makes_a_scan_an_error_record_and_reads_text_layers(scan_020q, tmp_path, capsys):
    (tmp_path / "scan.pdf").write_bytes(scan_020q)
    shutil.copy(PRINT_020Q, tmp_path / "print.pdf")
    out = tmp_path / "o.jsonl"
    assert main(["annotate", str(tmp_path), "-o", str(out), "--ocr", "never", "-j", "1", "-q"]) == 1
    records = {Path(r["source"]).name: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert records["scan.pdf"]["error"]["code"] == "E102"
    assert "OCR is off (--ocr never)" in records["scan.pdf"]["error"]["message"]
    assert len(records["print.pdf"]["tables"]) == 198
    assert "scan.pdf: [E102]" in capsys.readouterr().err


def test_ocr_takes_one_of_three_modes(capsys):
    with pytest.raises(SystemExit):
        main(["annotate", str(PRINT_020Q), "--ocr", "sometimes"])
    assert "invalid choice: 'sometimes' (choose from 'auto', 'always', 'never')" in capsys.readouterr().err


@pytest.mark.ocr
@pytest.mark.parametrize("ocr, scanned", [
    ("auto", True),     # the default: a page without a text layer is read by OCR
    ("always", False),  # a text layer read by OCR all the same (a PDF whose text layer is bad)
    ("auto", False),    # rows that must not OCR: a text layer is read as it is
])
def test_ocr_modes_on_the_command_line(ocr, scanned, scan_020q, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(scan_020q if scanned else PRINT_020Q.read_bytes())
    out = tmp_path / "o.jsonl"
    assert main(["annotate", str(path), "-o", str(out), "--ocr", ocr, "-q"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    read_by_ocr = [c.get("ocr_confidence") is not None for c in record["cells"]]
    assert len(record["tables"]) == 198 and all(read_by_ocr) is (scanned or ocr == "always")
    assert any(read_by_ocr) is (scanned or ocr == "always")


def _bar_counts(text: str) -> list:
    """(done, total, unit) of each state the bar showed ('2.5page/s' or '3.1s/page')."""
    return [(int(n), int(t), unit) for n, t, unit in re.findall(r"(\d+)/(\d+) \[[^\]]*?(page|file)", text)]


@pytest.mark.parametrize("ocr, final", [
    ("auto", (4, 4, "page")),     # a 3-page PDF and a text report: pages
    ("never", (2, 2, "file")),    # no OCR: files, as before
])
def test_a_run_that_may_read_by_ocr_counts_pages(ocr, final, tmp_path):
    shutil.copy(PRINT_020Q, tmp_path / "print.pdf")
    shutil.copy(SAMPLES[0], tmp_path / "report.txt")
    terminal = Terminal()
    batch.run_batch([tmp_path / "report.txt", tmp_path / "print.pdf"], tmp_path / "o.jsonl", jobs=1,
                    err=terminal, ocr=ocr)
    assert _bar_counts(terminal.text)[-1] == final


def test_a_run_of_text_reports_counts_files(make_reports, tmp_path):
    terminal = Terminal()
    batch.run_batch([make_reports(3)], tmp_path / "o.jsonl", jobs=1, err=terminal)
    assert _bar_counts(terminal.text)[-1] == (3, 3, "file")


@pytest.mark.ocr
@pytest.mark.parametrize("jobs, scanned, ocr", [
    (1, False, "always"),  # in this process: the text-layer PDF's pages read by OCR all the same
    (2, True, "auto"),     # in a forked worker: the scan's pages, read by OCR as they have no text layer
])
def test_a_scan_moves_the_bar_page_by_page(jobs, scanned, ocr, tmp_path):
    """Each page read by OCR moves the bar before its report is done."""
    pdf = PRINT_020Q.read_bytes()
    (tmp_path / "report.pdf").write_bytes(scan_pdf(pdf) if scanned else pdf)
    shutil.copy(SAMPLES[0], tmp_path / "report.txt")
    terminal = Terminal()
    summary = batch.run_batch([tmp_path / "report.pdf", tmp_path / "report.txt"], tmp_path / "o.jsonl",
                              jobs=jobs, err=terminal, ocr=ocr)
    counts = _bar_counts(terminal.text)
    assert summary.ok == 2 and counts[-1] == (4, 4, "page")
    assert {1, 2} <= {n for n, _, _ in counts}  # the scan's first pages, seen while it was read
