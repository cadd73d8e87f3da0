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
import re
import warnings

import numpy as np

from ..errors import DamagedInput, EmptyInput, InputTooLarge, UnsupportedInput

OCR_MODES = ("auto", "always", "never")
#: Pages are rendered, and images brought, to this resolution: text 10.5 pt high is then
#: 29 pixels, which the recogniser reads as well as at 300 dpi in half the time.
DPI = 200
#: An image that says nothing of its resolution is taken to be a page this wide (A4).
PAGE_WIDTH_INCHES = 8.27
#: Images below this resolution (as stated, or as a page of A4 width) are refused.
MIN_DPI = 90
MAX_IMAGE_PAGES = 1000
#: Most pixels of one page as OCR reads it (at DPI, or an image's own coarser resolution):
#: a page of A2 at 200 dpi is 15.5 million. Reading costs memory and time with the pixels
#: (a dense page of 16 million: ~0.75 GB, 6 s), so a larger page, which no report prints
#: (an 814-byte PDF can declare a page of 5 × 5 m: 1.6 billion pixels), is refused before
#: it is rendered or decoded.
MAX_PAGE_PIXELS = 16_000_000


def check_mode(ocr: str) -> str:
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    return ocr


def ocr_page(grey: np.ndarray, dpi: float, page_top: float) -> list:
    """One page image's blocks (see nlp/readers/scan.py)."""
    from .scan import page_blocks

    return page_blocks(grey, dpi, page_top)


def render_page(pdf, index: int, dpi: int = DPI, source: str = "") -> np.ndarray:
    """Page ``index`` of a pypdfium2 document as a grey image; a page over
    :data:`MAX_PAGE_PIXELS` at ``dpi`` is refused unrendered."""
    width, height = pdf[index].get_size()  # points
    _check_page_size(width / 72 * dpi, height / 72 * dpi, dpi, f"page {index + 1}", source)
    bitmap = pdf[index].render(scale=dpi / 72, grayscale=True)
    return np.asarray(bitmap.to_pil().convert("L"))


def _check_page_size(width_px: float, height_px: float, dpi: float, what: str, source: str) -> None:
    """InputTooLarge (E109) when a page of ``width_px`` × ``height_px`` pixels at ``dpi`` is over
    :data:`MAX_PAGE_PIXELS`.

    >>> _check_page_size(1654, 2339, 200, "page 1", "a.pdf")  # A4 at 200 dpi
    >>> _check_page_size(40000, 40000, 200, "page 1", "a.pdf")
    Traceback (most recent call last):
    nlp.errors.InputTooLarge: a.pdf: [E109] page 1 is 5,080 × 5,080 mm, too large to read by OCR (1,600,000,000 pixels at 200 dpi; the limit is 16,000,000, a page of A2): print or scan it on A4 or A3 pages, or split it into pages
    """
    pixels = round(width_px) * round(height_px)
    if pixels > MAX_PAGE_PIXELS:
        mm = 25.4 / dpi
        raise InputTooLarge(f"{what} is {width_px * mm:,.0f} × {height_px * mm:,.0f} mm, too large to read by OCR "
                            f"({pixels:,} pixels at {dpi:.0f} dpi; the limit is {MAX_PAGE_PIXELS:,}, a page of A2): "
                            f"print or scan it on A4 or A3 pages, or split it into pages", source=source)


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
        with warnings.catch_warnings():  # a large scan is fine: its size as read is checked (MAX_PAGE_PIXELS);
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # a damaged one is an error below,
            warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")  # not a stray warning first
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
    except Image.DecompressionBombError as exc:  # Pillow's own bound on pixels, met before the size is known
        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        said = f"{int(pixels.group(1)):,} pixels" if pixels else "its pixels"
        raise InputTooLarge(f"an image of {said}, too large to read by OCR (Pillow decodes at most "
                            f"{2 * Image.MAX_IMAGE_PIXELS:,}; the limit of a page as read is {MAX_PAGE_PIXELS:,}, "
                            f"a page of A2): scan it at 300 dpi or less, or split it into pages",
                            source=source) from None
    except (OSError, ValueError) as exc:
        raise DamagedInput(f"cannot read the {kind} image ({type(exc).__name__}: {exc})", source=source) from None
    layout = render_blocks(blocks)
    if not layout.text.strip():
        raise EmptyInput(f"no text found by OCR on {pages} page(s) of this {kind} (blank or not a document?)",
                         source=source)
    return layout


def _frames(image, source: str):
    n = getattr(image, "n_frames", 1)
    if n > MAX_IMAGE_PAGES:
        raise InputTooLarge(f"{n:,} pages (the limit is {MAX_IMAGE_PAGES:,})", source=source)
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
    scale = DPI / dpi if dpi > DPI * 1.1 else 1.0  # a finer scan is brought to DPI
    _check_page_size(image.width * scale, image.height * scale, dpi * scale,
                     f"an image of {image.width:,}×{image.height:,} pixels", source)
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
