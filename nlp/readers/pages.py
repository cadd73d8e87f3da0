"""Pages read, for a progress bar that counts pages on OCR runs (nlp/batch.py).

    page_read     the PDF and image readers call it after each page they have read (its
                  text layer, or by OCR): a count of this process, and the listener's call
    pages_read    this process's count so far
    listen        set the listener (None: none); returns the one it replaces
    page_count    how many pages an input file holds: a PDF's pages, an image's frames;
                  None for any other file (a text, HTML or Word report, an archive), 1 for
                  a PDF or image that cannot be opened

A scanned page costs seconds where a text report costs milliseconds, so a run that reads
by OCR is measured in pages: its bar moves as each page is read, and its rate and time
left mean something.
"""
from __future__ import annotations

_listener = None
_read = 0

#: A PDF, as nlp.readers.sniff finds one: these bytes near its start.
PDF_MAGIC = b"%PDF-"


def listen(listener):
    """Call ``listener()`` after every page read in this process (and in processes forked
    from it while it is set). Returns the listener it replaces."""
    global _listener
    previous, _listener = _listener, listener
    return previous


def page_read() -> None:
    global _read
    _read += 1
    if _listener is not None:
        _listener()


def pages_read() -> int:
    return _read


def page_count(path):
    """The pages of the file at ``path``: a PDF's pages, a PNG/JPEG/TIFF's frames; None
    for a file that is neither (or cannot be read). Never raises: a PDF or image that
    cannot be opened counts as one page (its reader will say why)."""
    from . import _PDF_PROBE_BYTES
    from .ocr import image_kind

    try:
        with open(path, "rb") as f:
            head = f.read(_PDF_PROBE_BYTES)
    except OSError:
        return None
    pdf = PDF_MAGIC in head  # as nlp.readers.sniff finds a PDF
    if not pdf and not image_kind(head):
        return None
    try:
        return _pdf_pages(path) if pdf else _frames(path)
    except Exception:  # pdfium and PIL raise their own types on a damaged file
        return 1


def _pdf_pages(path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return max(1, len(pdf))
    finally:
        pdf.close()


def _frames(path) -> int:
    from PIL import Image

    with Image.open(path) as image:
        return max(1, getattr(image, "n_frames", 1))


__all__ = ["listen", "page_count", "page_read", "pages_read"]
