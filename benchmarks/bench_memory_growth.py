"""Resident memory of one process finding the facts of N different reports: every text report of
the repository, each made different by a line of its own (an index number, as real reports carry),
over and over. Prints RSS every 4,000 reports; asserts nothing.

    python benchmarks/bench_memory_growth.py [N]      (default 20,000; about a minute)

spaCy keeps every string a Doc meets; before the facts pipeline was built afresh every
nlp.facts.pipeline.DOCS_PER_PIPELINE Docs, 20,000 reports grew the process from 121 to 141 MB
(2026-12-07); after, it stays at about 117 MB.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        return int(f.read().split("VmRSS:")[1].split()[0]) // 1024


def main(argv=None) -> int:
    import bench_archive
    from nlp import facts
    from nlp.read import read_path
    from nlp.segment import find_sections

    n = int((argv or sys.argv[1:] or ["20000"])[0])
    texts = [read_path(p).text for p in bench_archive.reports()]
    rng = random.Random(0)
    start = time.process_time()
    for k in range(n):
        tag = "".join(chr(0x4e00 + rng.randrange(20000)) for _ in range(12))
        text = f"索引号：{tag}{k}\n" + texts[k % len(texts)].replace("。", f"。{tag[:3]}", 3)
        facts.extract_facts(text, find_sections(text), ())
        if (k + 1) % 4000 == 0:
            print(f"{k + 1:>6} reports  {rss_mb():>4} MB  {time.process_time() - start:6.1f} s CPU", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
