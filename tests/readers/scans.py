"""Scans made from real report PDFs, as an office scanner would make them.

A page is rendered (pypdfium2), turned by a fraction of a degree, given a little paper
grain, JPEG-compressed and put back into a PDF that holds only page images: no text layer,
so nianbao must read it by OCR. Deterministic: the same PDF and settings give the same
bytes. Used by the OCR tests and by benchmarks/measure_ocr.py.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter


@dataclass(frozen=True)
class ScanSettings:
    dpi: int = 200
    tilt: float = 0.4      # degrees, counter-clockwise
    quality: int = 70      # JPEG quality
    noise: float = 6.0     # standard deviation of the grain, in grey levels
    blur: float = 0.5      # Gaussian radius in pixels: a scanner's optics
    seed: int = 16
    rules: bool = True     # False: the page's ruling lines erased before scanning (a 三线表, borders hidden)

    def describe(self) -> str:
        rules = "" if self.rules else ", rules erased"
        return f"{self.dpi} dpi, tilt {self.tilt}°, JPEG q{self.quality}, noise {self.noise}, blur {self.blur}{rules}"


def scan_page(image: Image.Image, settings: ScanSettings, page: int = 0) -> Image.Image:
    """One page as a scanner returns it: grey, slightly turned, blurred and grainy."""
    grey = image.convert("L")
    if settings.blur:
        grey = grey.filter(ImageFilter.GaussianBlur(settings.blur))
    if settings.tilt:
        grey = grey.rotate(settings.tilt, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if settings.noise:
        rng = np.random.default_rng(settings.seed + page)
        pixels = np.asarray(grey, dtype=np.float32) + rng.normal(0, settings.noise, (grey.height, grey.width))
        grey = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    grey.save(buf, "JPEG", quality=settings.quality)
    return Image.open(io.BytesIO(buf.getvalue()))


def render_pages(pdf_bytes: bytes, dpi: int) -> list:
    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        return [pdf[i].render(scale=dpi / 72).to_pil() for i in range(len(pdf))]
    finally:
        pdf.close()


def without_rules(image: Image.Image, dpi: int) -> Image.Image:
    """The page with its ruling lines erased: every straight ink run, across or down,
    longer than 7.5 mm (a character is about 4 mm; a table rule is centimetres long),
    with the pixel beside it. A table printed without borders looks like this."""
    import cv2

    grey = np.asarray(image.convert("L")).copy()
    ink = (grey < 160).astype(np.uint8)
    run = max(3, round(7.5 / 25.4 * dpi))
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, run)))
    grey[cv2.dilate(across | down, np.ones((3, 3), np.uint8)) > 0] = 255
    return Image.fromarray(grey)


def scanned_pages(pdf_bytes: bytes, settings: ScanSettings = ScanSettings()) -> list:
    pages = render_pages(pdf_bytes, settings.dpi)
    if not settings.rules:
        pages = [without_rules(image, settings.dpi) for image in pages]
    return [scan_page(image, settings, k) for k, image in enumerate(pages)]


def image_pdf(pages: list, dpi: int) -> bytes:
    """A PDF of page images only (what a scanner writes): no text layer."""
    buf = io.BytesIO()
    first, rest = pages[0], pages[1:]
    first.save(buf, "PDF", save_all=True, append_images=rest, resolution=dpi)
    return buf.getvalue()


def scan_pdf(pdf_bytes: bytes, settings: ScanSettings = ScanSettings()) -> bytes:
    """``pdf_bytes`` (a PDF with a text layer) as an image-only scanned PDF."""
    return image_pdf(scanned_pages(pdf_bytes, settings), settings.dpi)
