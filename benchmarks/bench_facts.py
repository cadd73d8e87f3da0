"""Added cost per report of the facts stage (nlp.facts.extract_facts), and how it grows with length.

    /work/main/.venv/bin/python benchmarks/bench_facts.py [PATH ...]   (default: data/samples data/corpus)

Prints the one-off cost of building the pipeline (spaCy + jieba dictionary), then the
per-report time of extract_facts over the reports (median, mean, p95, max, and per 10k
characters), measured after one warm-up pass, then the time for one text made of the
reports repeated to 0.25, 0.5, 1, 2 and 4 million characters (linear cost: the ms per
10k characters stays flat). Tables are not read (no cells): the figures are the prose
rules alone. No asserts: figures to compare before and after a change.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.batch import expand_paths  # noqa: E402
from nlp.facts import build_pipeline, extract_facts  # noqa: E402
from nlp.read import read_path  # noqa: E402
from nlp.segment import find_sections  # noqa: E402

REPEAT = 5
LENGTHS = (250_000, 500_000, 1_000_000, 2_000_000, 4_000_000)


def _per_report(texts, sections) -> tuple:
    per_report, facts = [], 0
    for text, secs in zip(texts, sections):
        best = float("inf")
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            found = extract_facts(text, secs, ())
            best = min(best, time.perf_counter() - t0)
        per_report.append(best)
        facts += len(found)
    return per_report, facts


def _long_texts(texts) -> None:
    joined = "\n\n".join(texts)
    for length in LENGTHS:
        text = (joined * (length // len(joined) + 1))[:length]
        t0 = time.perf_counter()
        try:
            found = extract_facts(text, (), ())
        except Exception as exc:  # noqa: BLE001 - a figure to print, not a failure to raise
            print(f"  {length:>9,} characters: failed after {time.perf_counter() - t0:.1f} s: {str(exc)[:90]}")
            continue
        took = time.perf_counter() - t0
        print(f"  {length:>9,} characters: {took:6.2f} s, {took * 1000 / length * 10_000:5.1f} ms per 10k characters, "
              f"{len(found)} facts")


def main(argv) -> int:
    paths = expand_paths(argv or ["data/samples", "data/corpus"])
    texts = [read_path(p).text for p in paths]
    t0 = time.perf_counter()
    build_pipeline()
    build = time.perf_counter() - t0
    sections = [find_sections(t) for t in texts]
    for text, secs in zip(texts, sections):  # warm-up: jieba's lazy loading, regex caches
        extract_facts(text, secs, ())
    per_report, facts = _per_report(texts, sections)
    chars = sum(len(t) for t in texts)
    ms = sorted(x * 1000 for x in per_report)
    print(f"reports: {len(texts)}, characters: {chars}, facts: {facts}")
    print(f"pipeline build (once per process): {build * 1000:.0f} ms")
    print(f"per report: median {statistics.median(ms):.1f} ms, mean {statistics.fmean(ms):.1f} ms, "
          f"p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms, max {ms[-1]:.1f} ms")
    print(f"per 10k characters: {sum(per_report) * 1000 / chars * 10_000:.1f} ms")
    print("one text of the reports repeated (no sections):")
    _long_texts(texts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
