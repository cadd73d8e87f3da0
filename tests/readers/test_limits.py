"""The readers' limits (README, *Limits*): an input over one is refused before it is read,
rendered or decoded, with InputTooLarge (E109, the service's 413) saying the limit; an input
at the limit is read. The limits are lowered here so that the inputs stay small."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from nlp import read as read_module
from nlp import readers
from nlp.errors import InputTooLarge
from nlp.read import read_bytes, read_path
from nlp.readers import ocr, pdf

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "samples" / "000_c322f99bcfb5564c.txt"


def blank_pdf(pages: int) -> bytes:
    from fpdf import FPDF

    doc = FPDF()
    for _ in range(pages):
        doc.add_page()
    return bytes(doc.output())


def tiff_of(frames: int) -> bytes:
    out = io.BytesIO()
    pages = [Image.new("L", (1654, 2339), 255) for _ in range(frames)]
    pages[0].save(out, format="TIFF", save_all=True, append_images=pages[1:], dpi=(200, 200))
    return out.getvalue()


def _limit_bytes(monkeypatch, limit: int) -> None:
    monkeypatch.setattr(readers, "MAX_INPUT_BYTES", limit)
    monkeypatch.setattr(read_module, "MAX_INPUT_BYTES", limit)


SIZE = SAMPLE.stat().st_size

# (id, lower the limit, read what, the message of the refusal or None: not refused for its size)
LIMITS = [
    ("file-over-the-byte-limit", lambda m: _limit_bytes(m, SIZE - 1), lambda: read_path(SAMPLE),
     f"too large ({SIZE:,} bytes; the limit is {SIZE - 1:,})"),
    ("file-at-the-byte-limit", lambda m: _limit_bytes(m, SIZE), lambda: read_path(SAMPLE), None),
    ("bytes-over-the-byte-limit", lambda m: _limit_bytes(m, 100), lambda: read_bytes(SAMPLE.read_bytes(), "r.txt"),
     f"too large ({SIZE:,} bytes; the limit is 100)"),
    ("pdf-over-the-page-limit", lambda m: m.setattr(pdf, "MAX_PAGES", 3), lambda: read_bytes(blank_pdf(4), "r.pdf"),
     "4 pages (the limit is 3)"),
    ("pdf-at-the-page-limit", lambda m: m.setattr(pdf, "MAX_PAGES", 4),
     lambda: read_bytes(blank_pdf(4), "r.pdf", ocr="never"), None),
    ("tiff-over-the-page-limit", lambda m: m.setattr(ocr, "MAX_IMAGE_PAGES", 2),
     lambda: read_bytes(tiff_of(3), "r.tiff"), "3 pages (the limit is 2)"),
]


@pytest.mark.parametrize("lower, read, says", [row[1:] for row in LIMITS], ids=[row[0] for row in LIMITS])
def test_over_a_limit_is_refused_before_it_is_read(monkeypatch, lower, read, says):
    lower(monkeypatch)
    try:
        read()
    except InputTooLarge as exc:
        assert says is not None, f"refused at the limit: {exc}"
        assert exc.code == "E109" and says in exc.message, exc.message
    except Exception as exc:  # refused for something else (a blank PDF is no report): not for its size
        assert says is None, f"expected InputTooLarge, got {exc!r}"
    else:
        assert says is None, "read, not refused"


MM = 25.4


def pixels_of(width_mm: float, height_mm: float, dpi: float = ocr.DPI) -> tuple:
    return width_mm / MM * dpi, height_mm / MM * dpi


# (id, page size in pixels at DPI, refused) — paper sizes, the largest a report prints is A3
PAGES = [
    ("A4", pixels_of(210, 297), False),
    ("A3 landscape", pixels_of(420, 297), False),
    ("A2", pixels_of(420, 594), False),
    ("A1", pixels_of(594, 841), True),
    ("5 m square (issue 17's hostile PDF)", pixels_of(5080, 5080), True),
    ("4000 × 4000 pixels: exactly the limit", (4000, 4000), False),
    ("4001 × 4000 pixels", (4001, 4000), True),
    ("a long phone screenshot, 1080 × 20000", (1080, 20000), True),
]


@pytest.mark.parametrize("size, refused", [p[1:] for p in PAGES], ids=[p[0] for p in PAGES])
def test_a_page_over_the_pixel_limit_is_refused(size, refused):
    if refused:
        with pytest.raises(InputTooLarge, match=r"page 1 is .* mm, too large to read by OCR .*the limit is 16,000,000"):
            ocr._check_page_size(*size, ocr.DPI, "page 1", "r.pdf")
    else:
        ocr._check_page_size(*size, ocr.DPI, "page 1", "r.pdf")


@pytest.mark.parametrize("width, height, dpi, refused", [
    (4960, 7016, 600, False),   # A4 scanned at 600 dpi: read at 200 dpi, 1653 × 2339
    (4961, 7016, 300, False),   # A2 at 300 dpi: read at 200 dpi, 3307 × 4677 = 15.5 M pixels
    (7016, 9933, 300, True),    # A1 at 300 dpi: 21.9 M pixels at 200 dpi
    (3000, 6000, 90, True),     # 18 M pixels at 90 dpi (a coarser scan is read as it is)
    (2000, 6000, 90, False),    # 12 M
])
def test_an_image_is_measured_as_it_will_be_read(width, height, dpi, refused):
    image = Image.new("L", (width, height), 255)
    image.info["dpi"] = (dpi, dpi)
    if refused:
        with pytest.raises(InputTooLarge, match=rf"an image of {width:,}×{height:,} pixels is"):
            ocr.at_reading_resolution(image, "scan.png")
    else:
        grey, read_dpi = ocr.at_reading_resolution(image, "scan.png")
        assert grey.size <= ocr.MAX_PAGE_PIXELS and read_dpi == min(dpi, ocr.DPI)
