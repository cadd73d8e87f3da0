"""Seconds per scanned page: the OCR reader on scans of real reports. Prints figures;
asserts nothing.

Each print PDF (default: the two of tests/readers/scans/) is scanned as an office scanner
would (tests/readers/scans.py: 200 dpi, 0.4° tilt, JPEG q70) and read page by page; the
figures are CPU seconds (what a page costs on one core) and wall seconds, per page, after
the models are loaded (their loading is shown apart: once per process).

    python benchmarks/bench_ocr.py [PRINT.pdf ...] [--repeat 2]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "readers"))

from scans import scan_pdf  # noqa: E402

from nlp.readers.ocr import DPI, ocr_page, open_rendered, render_page  # noqa: E402
from nlp.readers.recognise import recogniser  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("pdfs", nargs="*", type=Path,
                   default=sorted((ROOT / "tests" / "readers" / "scans").glob("*-print.pdf")))
    p.add_argument("--repeat", type=int, default=1, help="read every page this many times (best kept)")
    args = p.parse_args(argv)
    cpu, wall = time.process_time(), time.perf_counter()
    recogniser()
    print(f"models loaded: {time.process_time() - cpu:.2f} cpu-s, {time.perf_counter() - wall:.2f} s")
    rows = []
    for path in args.pdfs:
        scan = scan_pdf(path.read_bytes())
        pdf = open_rendered(scan, path.name)
        try:
            for k in range(len(pdf)):
                best = None
                for _ in range(args.repeat):
                    cpu, wall = time.process_time(), time.perf_counter()
                    ocr_page(render_page(pdf, k, DPI), DPI, 0.0)
                    got = (time.process_time() - cpu, time.perf_counter() - wall)
                    best = got if best is None or got[0] < best[0] else best
                rows.append(best)
                print(f"{path.name} page {k + 1}: {best[0]:.2f} cpu-s, {best[1]:.2f} s", flush=True)
        finally:
            pdf.close()
    n = max(len(rows), 1)
    print(f"OCR: {len(rows)} scanned pages, {sum(r[0] for r in rows) / n:.2f} cpu-s per page "
          f"(one core), {sum(r[1] for r in rows) / n:.2f} s per page wall "
          f"(max {max((r[0] for r in rows), default=0):.2f} cpu-s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
