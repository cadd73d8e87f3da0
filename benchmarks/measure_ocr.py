"""How well scans of real reports read: cells right / wrong / flagged, paragraphs found,
seconds per page. Prints figures; asserts nothing.

Each print PDF (a PDF with a text layer, e.g. ../shared/corpus/forms/*-print.pdf) is turned
into a scan (tests/readers/scans.py: rendered, tilted, blurred, grainy, JPEG-compressed,
back into an image-only PDF) at each quality named, read by OCR and annotated; the record is
scored against the gold of the same stem with the shared scorer. A wrong cell is *flagged*
when a check that names it fails (it cannot be in ``tables`` and in ``ambiguous`` at once).

    python benchmarks/measure_ocr.py ../shared/corpus/forms --gold ../shared/gold \\
        [--extra DIR_OF_PRINT_PDFS_AND_GOLD_JSON] [--quality office poor] [--out out/ocr]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "readers"))

from scans import ScanSettings, scan_pdf  # noqa: E402

from nlp.engine import Engine  # noqa: E402
from nlp.read import read_bytes  # noqa: E402

QUALITIES = {
    "office": ScanSettings(),  # 200 dpi, 0.4°, JPEG q70: an office scanner's default
    "poor": ScanSettings(dpi=150, tilt=1.2, quality=40, noise=10.0, blur=0.9, seed=7),
    "bad": ScanSettings(dpi=150, tilt=-0.8, quality=20, noise=18.0, blur=1.4, seed=11),
    "upside": ScanSettings(tilt=180.3, seed=3),
    "unruled": ScanSettings(rules=False),  # office, the tables' rules erased first (borders hidden)
}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages_of(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def _number(text: str):
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def measure(pdf_path: Path, gold: dict, quality: str, engine: Engine, score, out: Path | None) -> dict:
    scan = scan_pdf(pdf_path.read_bytes(), QUALITIES[quality])
    started, cpu = time.perf_counter(), time.process_time()
    doc = read_bytes(scan, pdf_path.name)
    read_cpu, read_wall = time.process_time() - cpu, time.perf_counter() - started
    record = engine.annotate(doc).to_dict()
    if out:
        (out / f"{pdf_path.stem}.{quality}.txt").write_text(doc.text, encoding="utf-8")
        (out / f"{pdf_path.stem}.{quality}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                                             encoding="utf-8")
    kinds, _, wrong = score.score_tables(gold, record)
    cells = sum(kinds[k] for k in kinds if k.endswith("_total"))
    right = sum(kinds[k] for k in kinds if k.endswith("_ok"))
    failed = {f for c in record["checks"] if c["status"] == "fail" for f in c["fields"]}
    given_wrong = [(f, g, p) for f, g, p in wrong if p != "<absent>"]
    ambiguous = {f for a in record["ambiguous"] for f in a["fields"]}
    found, paragraphs = score.score_paragraphs(gold, record, {})
    pages = pages_of(scan)
    gold_tables = gold.get("tables", {})
    doubtful = [c for c in record["cells"] if c.get("ocr_reading")]
    settled_right = sum(score.same_number(c["value"], gold_tables.get(c["field"])) for c in doubtful)
    doubted_right = sum(1 for a in record["ambiguous"] if a["reason"].startswith("OCR read") and len(a["fields"]) == 1
                        and score.same_number(_number(a["raw"]), gold_tables.get(a["fields"][0], "<absent>")))
    return {"file": pdf_path.stem, "quality": quality, "pages": pages, "cells": cells, "right": right,
            "wrong": len(given_wrong), "wrong_flagged": sum(f in failed for f, _, _ in given_wrong),
            "absent": len(wrong) - len(given_wrong), "absent_ambiguous": sum(f in ambiguous for f, _, p in wrong
                                                                            if p == "<absent>"),
            "paragraphs": paragraphs, "paragraphs_found": found,
            "settled": len(doubtful), "settled_right": settled_right,
            "doubted": sum(a["reason"].startswith("OCR read") for a in record["ambiguous"]),
            "doubted_right": doubted_right,
            "with_confidence": sum(c.get("ocr_confidence") is not None for c in record["cells"]),
            "cpu_per_page": read_cpu / pages, "wall_per_page": read_wall / pages,
            "wrong_cells": given_wrong[:8]}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("forms", type=Path, help="a folder of *-print.pdf files")
    p.add_argument("--gold", type=Path, required=True, help="the folder of their gold records (<stem>.json)")
    p.add_argument("--extra", type=Path, action="append", default=[],
                   help="more folders holding *-print.pdf beside their gold <stem>.json")
    p.add_argument("--quality", nargs="+", default=["office", "poor"], choices=sorted(QUALITIES))
    p.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "tools" / "score.py")
    p.add_argument("--out", type=Path, help="write each scan's text and record here")
    args = p.parse_args(argv)
    score = load_scorer(args.scorer)
    pairs = [(pdf, args.gold / f"{pdf.stem}.json") for pdf in sorted(args.forms.glob("*-print.pdf"))]
    pairs += [(pdf, pdf.with_suffix(".json")) for d in args.extra for pdf in sorted(d.glob("*-print.pdf"))]
    pairs = [(pdf, g) for pdf, g in pairs if g.exists()]
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    engine = Engine()
    rows = []
    for quality in args.quality:
        for pdf, gold_path in pairs:
            row = measure(pdf, json.loads(gold_path.read_text(encoding="utf-8")), quality, engine, score, args.out)
            rows.append(row)
            print(f"{row['file']:<45} {quality:<7} cells {row['right']}/{row['cells']} wrong {row['wrong']} "
                  f"(flagged {row['wrong_flagged']}) absent {row['absent']} (ambiguous {row['absent_ambiguous']}) "
                  f"doubted {row['doubted']} ({row['doubted_right']} read right) settled {row['settled']} "
                  f"({row['settled_right']} right) with confidence {row['with_confidence']} paragraphs {row['paragraphs_found']}/{row['paragraphs']} "
                  f"{row['cpu_per_page']:.2f} cpu-s/page {row['wall_per_page']:.2f} s/page", flush=True)
            for f, g, v in row["wrong_cells"]:
                print(f"    wrong {f}: gold {g} read {v}")
    for quality in args.quality:
        sel = [r for r in rows if r["quality"] == quality]
        cells, right = sum(r["cells"] for r in sel), sum(r["right"] for r in sel)
        wrong, flagged = sum(r["wrong"] for r in sel), sum(r["wrong_flagged"] for r in sel)
        pars, found = sum(r["paragraphs"] for r in sel), sum(r["paragraphs_found"] for r in sel)
        pages = sum(r["pages"] for r in sel)
        cpu = sum(r["cpu_per_page"] * r["pages"] for r in sel) / max(pages, 1)
        print(f"SUMMARY {quality}: {len(sel)} reports, {pages} pages; cells right {right}/{cells} "
              f"({right / max(cells, 1):.1%}), wrong {wrong} ({wrong / max(cells, 1):.2%}; flagged {flagged}), "
              f"paragraphs found {found}/{pars} ({found / max(pars, 1):.1%}); {cpu:.2f} cpu-s per page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
