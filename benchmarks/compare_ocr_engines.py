"""RapidOCR (the engine nianbao ships) against Tesseract chi_sim on scans of real reports:
table cells (numbers, and Chinese headers and labels) read exactly, characters of the
prose right, CPU seconds per page on one core. Prints figures; asserts nothing.

Both engines read the same page: scanned (tests/readers/scans.py), levelled, its ruled
tables found and their rules erased by nianbao (nlp/readers/ruling.py), so only the
recogniser differs; each word or line is placed in the cell holding its centre. The
truth is the print PDF's own text layer read by the PDF reader, cell by cell.

    python benchmarks/compare_ocr_engines.py ../shared/corpus/forms/*-print.pdf
Tesseract needs `apt-get install tesseract-ocr tesseract-ocr-chi-sim` and `pip install pytesseract`.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pdfplumber
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "readers"))

from scans import ScanSettings, scanned_pages  # noqa: E402

from nlp.numbers import fold_width  # noqa: E402
from nlp.readers.pdf import page_blocks  # noqa: E402
from nlp.readers.scan import _levelled, page_blocks as ocr_blocks  # noqa: E402
from nlp.readers.recognise import recogniser  # noqa: E402

_NUMBER = re.compile(r"^[\d,.]+(?:万元|元)?$")


def norm(text: str) -> str:
    return re.sub(r"\s+", "", fold_width(text)).replace("“", '"').replace("”", '"')


def truth(pdf_path: Path) -> list:
    """Per page: (cells [(text, centre x, centre y)], prose text), in points."""
    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            cells, prose = [], []
            for kind, value in page_blocks(page.dedupe_chars()):
                if kind == "table":
                    cells += [(c.text, (c.left + c.right) / 2, (c.top + c.bottom) / 2) for c in value]
                else:
                    prose += [line.text for line in value]
            out.append((cells, "".join(prose)))
    return out


def rapidocr_page(grey: np.ndarray, dpi: float) -> tuple:
    cells, prose = [], []
    for kind, value in ocr_blocks(grey, dpi):
        if kind == "table":
            cells += [(c.text, c.left, c.top, c.right, c.bottom) for c in value]
        else:
            prose += [line.text for line in value]
    return cells, "".join(prose)


def tesseract_page(grey: np.ndarray, dpi: float) -> tuple:
    import pytesseract

    tables, clean = _levelled(grey, dpi)
    data = pytesseract.image_to_data(clean, lang="chi_sim", config="--psm 6",
                                     output_type=pytesseract.Output.DICT)
    to_pt = 72.0 / dpi
    words = [(data["text"][k], data["left"][k] + data["width"][k] / 2, data["top"][k] + data["height"][k] / 2,
              (data["block_num"][k], data["par_num"][k], data["line_num"][k]))
             for k in range(len(data["text"])) if data["text"][k].strip()]
    cells, prose, used = [], {}, set()
    for table in tables:
        for box in table.cells:
            inside = [w for w in words if box.holds(w[1], w[2])]
            used.update(id(w) for w in inside)
            cells.append(("".join(w[0] for w in sorted(inside, key=lambda w: (w[3], w[1]))),
                          box.left * to_pt, box.top * to_pt, box.right * to_pt, box.bottom * to_pt))
    for w in words:
        if id(w) not in used:
            prose.setdefault(w[3], []).append(w[0])
    return cells, "".join("".join(v) for _, v in sorted(prose.items()))


def tesseract_cells_page(grey: np.ndarray, dpi: float) -> tuple:
    """Tesseract reading each cell on its own (one line: --psm 7), prose as a block."""
    import pytesseract

    tables, clean = _levelled(grey, dpi)
    to_pt = 72.0 / dpi
    cells = []
    for table in tables:
        for box in table.cells:
            crop = clean[box.top:box.bottom, box.left:box.right]
            text = pytesseract.image_to_string(crop, lang="chi_sim", config="--psm 7") if (crop < 128).any() else ""
            cells.append((text, box.left * to_pt, box.top * to_pt, box.right * to_pt, box.bottom * to_pt))
    for table in tables:
        clean[table.box.top:table.box.bottom, table.box.left:table.box.right] = 255
    return cells, pytesseract.image_to_string(clean, lang="chi_sim", config="--psm 6")


def compare(true_cells, read_cells) -> dict:
    counts = {"numbers": 0, "numbers_right": 0, "texts": 0, "texts_right": 0}
    for text, x, y in true_cells:
        if not text.strip():
            continue
        kind = "numbers" if _NUMBER.match(norm(text)) else "texts"
        read = next((t for t, l, top, r, b in read_cells if l <= x <= r and top <= y <= b), None)
        counts[kind] += 1
        counts[kind + "_right"] += read is not None and norm(read) == norm(text)
    return counts


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("pdfs", nargs="+", type=Path, help="print PDFs with a text layer")
    p.add_argument("--dpi", type=int, default=200)
    p.add_argument("--tesseract-cells", action="store_true",
                   help="also Tesseract reading each cell on its own (one process a cell: slow)")
    args = p.parse_args(argv)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    engines = {"rapidocr": rapidocr_page, "tesseract": tesseract_page}
    if args.tesseract_cells:
        engines["tesseract-cells"] = tesseract_cells_page
    totals = {name: {"numbers": 0, "numbers_right": 0, "texts": 0, "texts_right": 0,
                     "chars": 0, "char_errors": 0, "pages": 0, "cpu": 0.0} for name in engines}
    recogniser()  # load the models before timing
    for pdf_path in args.pdfs:
        pages = scanned_pages(pdf_path.read_bytes(), ScanSettings(dpi=args.dpi))
        for (true_cells, true_prose), page in zip(truth(pdf_path), pages):
            grey = np.asarray(page)
            for name, read in engines.items():
                cpu = time.process_time() + children_cpu()
                cells, prose = read(grey, args.dpi)
                t = totals[name]
                t["cpu"] += time.process_time() + children_cpu() - cpu
                t["pages"] += 1
                for k, v in compare(true_cells, cells).items():
                    t[k] += v
                t["chars"] += len(norm(true_prose))
                t["char_errors"] += Levenshtein.distance(norm(true_prose), norm(prose))
        print(f"read {pdf_path.name}", flush=True)
    for name, t in totals.items():
        print(f"{name:<16} number cells {t['numbers_right']}/{t['numbers']} "
              f"({t['numbers_right'] / max(t['numbers'], 1):.1%}), text cells {t['texts_right']}/{t['texts']} "
              f"({t['texts_right'] / max(t['texts'], 1):.1%}), prose characters "
              f"{1 - t['char_errors'] / max(t['chars'], 1):.1%} right, "
              f"{t['cpu'] / max(t['pages'], 1):.2f} cpu-s per page (layout and tables included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
