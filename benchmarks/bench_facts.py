"""Added cost per report of the facts stage (nlp.facts.extract_facts).

    .venv/bin/python benchmarks/bench_facts.py [PATH ...]   (default: data/samples data/corpus)

Prints the one-off cost of building the pipeline (spaCy + jieba dictionary), then the
per-report time of extract_facts over the reports (median, mean, p95, max, and per 10k
characters), measured after one warm-up pass. Tables are not read: the procurement fact
then comes from the stop-gap row reader, which is what costs most without cells.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.commands.annotate import expand  # noqa: E402
from nlp.facts import build_pipeline, extract_facts  # noqa: E402
from nlp.read import read_path  # noqa: E402
from nlp.segment import find_sections  # noqa: E402

REPEAT = 5


def main(argv) -> int:
    paths = expand(argv or ["data/samples", "data/corpus"])
    texts = [read_path(p).text for p in paths]
    t0 = time.perf_counter()
    build_pipeline()
    build = time.perf_counter() - t0
    sections = [find_sections(t) for t in texts]
    for text, secs in zip(texts, sections):  # warm-up: jieba's lazy loading, regex caches
        extract_facts(text, secs, ())
    per_report, facts = [], 0
    for text, secs in zip(texts, sections):
        best = float("inf")
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            found = extract_facts(text, secs, ())
            best = min(best, time.perf_counter() - t0)
        per_report.append(best)
        facts += len(found)
    nlp = build_pipeline()
    tokenize = []
    for text in texts:
        t0 = time.perf_counter()
        nlp.make_doc(text)
        tokenize.append(time.perf_counter() - t0)
    chars = sum(len(t) for t in texts)
    ms = sorted(x * 1000 for x in per_report)
    print(f"reports: {len(texts)}, characters: {chars}, facts: {facts}")
    print(f"pipeline build (once per process): {build * 1000:.0f} ms")
    print(f"per report: median {statistics.median(ms):.1f} ms, mean {statistics.fmean(ms):.1f} ms, "
          f"p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms, max {ms[-1]:.1f} ms")
    print(f"per 10k characters: {sum(per_report) * 1000 / chars * 10_000:.1f} ms, "
          f"of which jieba tokenization {sum(tokenize) * 1000 / chars * 10_000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
