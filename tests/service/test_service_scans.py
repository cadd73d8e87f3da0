"""The service takes the same scans as ``nianbao annotate`` (issue 16): an image-only PDF
and a multi-page TIFF made from a real report's print PDF, uploaded to /v1/annotate/file,
are read by OCR to the cells of the PDF's text layer, each with its OCR confidence."""
from __future__ import annotations

import io
from pathlib import Path

import httpx
import pytest

from tests.readers.scans import scan_pdf, scanned_pages

SCANS = Path(__file__).resolve().parents[1] / "readers" / "scans"
PRINT = SCANS / "021q_shanghai-gov-office-2025-print.pdf"  # chromium's print of report 009 (上海市人民政府办公厅 2025)


def _tiff(pdf: bytes) -> bytes:
    pages = scanned_pages(pdf)
    buf = io.BytesIO()
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], dpi=(200, 200), compression="tiff_lzw")
    return buf.getvalue()


@pytest.fixture(scope="module")
def text_layer(service) -> dict:
    with httpx.Client(base_url=service, timeout=120) as c:
        response = c.post("/v1/annotate/file", files={"file": (PRINT.name, PRINT.read_bytes(), "application/pdf")})
    assert response.status_code == 200, response.text
    assert all(cell.get("ocr_confidence") is None for cell in response.json()["cells"])
    return response.json()


@pytest.mark.ocr
@pytest.mark.parametrize("name, make, content_type", [
    ("scan.pdf", scan_pdf, "application/pdf"),   # page images only: no text layer
    ("scan", _tiff, "image/tiff"),               # a page a frame, named by its Content-Type
])
def test_an_uploaded_scan_reads_to_the_text_layers_cells(service, text_layer, name, make, content_type):
    with httpx.Client(base_url=service, timeout=300) as c:
        response = c.post("/v1/annotate/file", files={"file": (name, make(PRINT.read_bytes()), content_type)})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["tables"] == text_layer["tables"] and len(record["tables"]) == 200
    assert record["cells"] and all(0 <= cell["ocr_confidence"] <= 1 for cell in record["cells"])
    assert record["source"] == ("scan.pdf" if name == "scan.pdf" else "scan.tif")

