"""Scanned reports: page images read by OCR into the same Layout as a text-layer PDF.

    ocr_pages     pages of a PDF rendered at DPI (pypdfium2) and read (nlp/readers/scan.py)
    read_image    a PNG, JPEG or TIFF file (every frame of a multi-page TIFF), each a page

A PDF's pages are read from their text layer; with ``ocr="auto"`` (the default) a page
without one is rendered and read by OCR, with ``"always"`` every page is, with ``"never"``
none (a scanned PDF is then refused, as before). The blocks of all pages go through the
PDF reader's own layout (tables continued over pages, wrapped lines joined, page numbers
dropped), so a scan and its text-layer original give the same text and grids.
"""
from __future__ import annotations

import io

import numpy as np

from ..errors import DamagedInput, EmptyInput, UnsupportedInput

OCR_MODES = ("auto", "always", "never")
#: Pages are rendered, and images brought, to this resolution: text 10.5 pt high is then
#: 29 pixels, which the recogniser reads as well as at 300 dpi in half the time.
DPI = 200
#: An image that says nothing of its resolution is taken to be a page this wide (A4).
PAGE_WIDTH_INCHES = 8.27
#: Images below this resolution (as stated, or as a page of A4 width) are refused.
MIN_DPI = 90
MAX_IMAGE_PAGES = 1000


def check_mode(ocr: str) -> str:
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    return ocr


def ocr_page(grey: np.ndarray, dpi: float, page_top: float) -> list:
    """One page image's blocks (see nlp/readers/scan.py)."""
    from .scan import page_blocks

    return page_blocks(grey, dpi, page_top)


def render_page(pdf, index: int, dpi: int = DPI) -> np.ndarray:
    """Page ``index`` of a pypdfium2 document as a grey image."""
    bitmap = pdf[index].render(scale=dpi / 72, grayscale=True)
    return np.asarray(bitmap.to_pil().convert("L"))


def open_rendered(data: bytes, source: str):
    """The PDF opened by pypdfium2, to render its pages (a damaged file is a DamagedInput)."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except Exception as exc:  # pdfium raises PdfiumError, or OSError on a truncated file
        raise DamagedInput(f"cannot render the PDF's pages ({type(exc).__name__}: {exc})", source=source) from None


def read_image(data: bytes, source: str, ocr: str = "auto"):
    """A page image (PNG, JPEG, TIFF; every frame of a TIFF a page) → Layout."""
    from PIL import Image, UnidentifiedImageError

    from .pages import page_read
    from .pdf import render_blocks

    kind = image_kind(data) or "image"
    if check_mode(ocr) == "never":
        raise UnsupportedInput(f"a scanned page ({kind}) and OCR is off (--ocr never)", source=source)
    try:
        image = Image.open(io.BytesIO(data))
        blocks, top, pages = [], 0.0, 0
        for frame in _frames(image, source):
            grey, dpi = at_reading_resolution(frame, source)
            blocks += ocr_page(grey, dpi, top)
            top += grey.shape[0] * 72.0 / dpi
            pages += 1
            page_read()
    except UnidentifiedImageError:
        raise DamagedInput(f"cannot read the {kind} image (damaged or truncated)", source=source) from None
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise DamagedInput(f"cannot read the {kind} image ({type(exc).__name__}: {exc})", source=source) from None
    layout = render_blocks(blocks)
    if not layout.text.strip():
        raise EmptyInput(f"no text found by OCR on {pages} page(s) of this {kind} (blank or not a document?)",
                         source=source)
    return layout


def _frames(image, source: str):
    n = getattr(image, "n_frames", 1)
    if n > MAX_IMAGE_PAGES:
        raise UnsupportedInput(f"{n:,} pages (the limit is {MAX_IMAGE_PAGES:,})", source=source)
    for k in range(n):
        image.seek(k)
        yield image


def at_reading_resolution(image, source: str) -> tuple:
    """(grey pixels, dpi): the image in grey at DPI (scaled down from a finer scan; a
    coarser one is read as it is)."""
    from PIL import Image

    stated = image.info.get("dpi")
    dpi = float(stated[0]) if stated and stated[0] and float(stated[0]) > 1 else image.width / PAGE_WIDTH_INCHES
    if dpi < MIN_DPI and image.width / PAGE_WIDTH_INCHES < MIN_DPI:
        raise UnsupportedInput(f"an image of {image.width}×{image.height} pixels is too coarse to read "
                               f"(at least {MIN_DPI} dpi on an A4 page)", source=source)
    dpi = max(dpi, MIN_DPI)
    grey = image.convert("L")
    if dpi > DPI * 1.1:
        factor = DPI / dpi
        grey = grey.resize((max(1, round(grey.width * factor)), max(1, round(grey.height * factor))), Image.LANCZOS)
        dpi = DPI
    return np.asarray(grey), dpi


def image_kind(data: bytes) -> str | None:
    """'PNG', 'JPEG' or 'TIFF' for the magic bytes of a page image, else None.

    >>> image_kind(b"\\x89PNG\\r\\n\\x1a\\n..."), image_kind(b"II*\\x00..."), image_kind(b"%PDF-1.7")
    ('PNG', 'TIFF', None)
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    return None


__all__ = ["DPI", "OCR_MODES", "check_mode", "image_kind", "ocr_page", "open_rendered", "read_image", "render_page"]
