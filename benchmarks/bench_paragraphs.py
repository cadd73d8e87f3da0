"""Per-report cost of the paragraph stage: finding paragraphs and labelling them with the
shipped classifier (all of a report's paragraphs featurised and scored in one call),
against one jieba pass over the report; and finding paragraphs in 1x and 10x the text, as
read, wrapped like PDF text and run onto one line. Prints figures; asserts nothing.

    python benchmarks/bench_paragraphs.py data/samples data/corpus [--repeat 5]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import jieba

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.paragraphs import find_paragraphs, load_classifier  # noqa: E402
from nlp.read import read_path  # noqa: E402
from nlp.segment import find_sections  # noqa: E402


def best(fn, items, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        for item in items:
            fn(item)
        times.append(time.process_time() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted(f for p in map(Path, args.paths) for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())
    texts = [read_path(f).text for f in files]
    found = [[(n, b) for n, b in find_paragraphs(t, find_sections(t))] for t in texts]
    batches = [([b.text for _, b in f], [n for n, _ in f]) for f in found if f]
    shipped = load_classifier()
    jieba.initialize()
    shipped.predict(*batches[0])
    n = len(texts)
    t_jieba = best(jieba.lcut, texts, args.repeat)
    t_find = best(lambda t: find_paragraphs(t, find_sections(t)), texts, args.repeat)
    t_shipped = best(lambda b: shipped.predict(*b), batches, args.repeat)
    paragraphs = sum(len(b[0]) for b in batches)
    print(f"reports: {n}, paragraphs: {paragraphs}, CPU time per report, best of {args.repeat}")
    for name, t in (("jieba.lcut (one pass)", t_jieba), ("finding paragraphs", t_find),
                    ("labelling them (classifier)", t_shipped)):
        print(f"{name:30s} {t / n * 1000:8.2f} ms   = {t / t_jieba:5.2f} x one jieba pass")
    print("finding paragraphs in all reports joined, 1x and 10x the text (CPU time, best of runs):")
    for name, layout in LAYOUTS:
        one = "\n".join(layout(t) for t in texts)
        ten = "\n".join([one] * 10)
        t1 = best(lambda t: find_paragraphs(t, find_sections(t)), [one], args.repeat)
        t10 = best(lambda t: find_paragraphs(t, find_sections(t)), [ten], 2)
        print(f"  {name:28s} {len(one):>9,} chars {t1 * 1000:7.0f} ms; 10x: {t10 * 1000:7.0f} ms = {t10 / t1:4.1f}x")


def _wrapped(text: str, width: int = 38) -> str:
    """PDF-like text: every line cut at ``width`` characters."""
    return "\n".join(line[i:i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


def _one_line(text: str) -> str:
    """Text that lost its line breaks (a whole report on one line)."""
    return re.sub(r"\s*\n\s*", " ", text)


LAYOUTS = (("as read", lambda t: t), ("wrapped at 38 columns", _wrapped), ("each report on one line", _one_line))

if __name__ == "__main__":
    main()
