"""Issue 14's figures in one run: what annotating an archive costs against one jieba pass.

Prints, as ratios measured in this one run (the machine is shared; compare within a run,
never across runs). Asserts nothing.

1. ``nianbao annotate DIR -j 1`` against one ``jieba.lcut`` pass over the same files, both
   as whole processes (start-up included), wall and CPU seconds;
2. each stage's CPU per report in one process, steady state, against jieba's;
3. ``-j 2`` against ``-j 1`` (wall), and the CPU both spent; with the CPU other processes
   spent meanwhile (a -j 2 run beside another job of the shared machine has one core, not two);
4. peak resident memory of an annotating process (``-j 1``) and of the largest worker (``-j 2``);
5. cold start: import, engine, first report;
6. a report ten times as long against the report itself.

    python benchmarks/bench_archive.py [--copies 4]

The archive is every text report of the repository (data/samples, data/corpus, data/forms
sources, the first-look batches), copied ``--copies`` times under new names.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the stages timed in this process are this checkout's (an installed nlp may be another's)
sys.path.insert(0, str(ROOT))
DATA = ROOT / "data"
TEXT_SUFFIXES = (".txt", ".md")
JIEBA_PASS = """
import sys, pathlib, jieba
jieba.setLogLevel(60)
jieba.initialize()
for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    jieba.lcut(path.read_text(encoding="utf-8"))
"""
COLD_START = """
import time
t0 = time.perf_counter()
from nlp.engine import Engine
t1 = time.perf_counter()
engine = Engine()
t2 = time.perf_counter()
engine.annotate_text(open(%r, encoding="utf-8").read(), "cold.txt")
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def run_batches() -> list:
    """The texts of the first-look batches already run (first_look/commit.txt): a batch
    still being written or not yet run is never read by anything of the project."""
    return [p for batch in (DATA / "heldout").iterdir() if (batch / "first_look" / "commit.txt").is_file()
            for p in (batch / "corpus").glob("*.txt")]


def reports() -> list:
    sources = [*(DATA / "samples").glob("*.txt"), *(DATA / "corpus").rglob("*.*"),
               *(DATA / "forms").glob("*/source.txt"), *run_batches()]
    return sorted(p for p in sources if p.suffix in TEXT_SUFFIXES)


def build_archive(folder: Path, copies: int) -> list:
    texts = []
    for k in range(copies):
        for i, path in enumerate(reports()):
            target = folder / f"{k:02d}_{i:04d}_{path.stem}{path.suffix}"
            shutil.copyfile(path, target)
            texts.append(target)
    return texts


def machine_busy() -> float:
    """CPU seconds the whole machine has spent busy since boot (/proc/stat; 0.0 where there is none)."""
    try:
        with open("/proc/stat") as f:
            user, nice, system, _idle, _iowait, irq, softirq = map(int, f.readline().split()[1:8])
    except (OSError, ValueError):
        return 0.0
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


#: CPU seconds other processes of the machine spent during each run() (the machine is shared:
#: a -j 2 run beside another job has one core, not two)
OTHERS: dict = {}


def run(args: list) -> tuple:
    """(wall seconds, CPU seconds of the children, their peak RSS in MB) of one process; the
    CPU the rest of the machine spent meanwhile goes into OTHERS under the command's last word."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = machine_busy()
    t0 = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(map(str, args))} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    OTHERS[str(args[-1])] = max(0.0, machine_busy() - busy - cpu)
    return wall, cpu, after.ru_maxrss / 1024


def annotate(folder: Path, jobs: int, out: Path) -> tuple:
    return run([sys.executable, "-m", "nlp.cli", "annotate", str(folder), "-o", str(out), "-q", "-j", str(jobs)])


def stage_costs(paths: list) -> dict:
    """CPU milliseconds per report for each stage, in this process, after a warm-up pass."""
    import jieba

    from nlp import checks, facts, paragraphs, tables
    from nlp.engine import Engine
    from nlp.meta import detect_agency, detect_edition, detect_year
    from nlp.read import read_path
    from nlp.segment import find_sections

    jieba.setLogLevel(60)
    engine = Engine()
    docs = [read_path(p) for p in paths]
    cost = dict.fromkeys(("read+segment+meta", "tables", "facts", "paragraphs", "checks", "jieba pass"), 0.0)
    for warm in (True, False):
        for doc in docs:
            text = doc.text
            marks = [time.process_time()]
            sections = find_sections(text)
            year = detect_year(text)
            edition = detect_edition(text, year)
            detect_agency(text)
            marks.append(time.process_time())
            table = tables.read_tables(text, sections, edition, doc.grids) if edition else tables.TableResult((), ())
            marks.append(time.process_time())
            found = facts.extract_facts(text, sections, table.cells)
            marks.append(time.process_time())
            paragraphs.annotate_paragraphs(text, sections, engine.classifier)
            marks.append(time.process_time())
            if edition:
                checks.run_checks(edition, table, found, text, sections)
            marks.append(time.process_time())
            jieba.lcut(text)
            marks.append(time.process_time())
            if not warm:
                for name, a, b in zip(cost, marks, marks[1:]):
                    cost[name] += b - a
    return {name: 1000 * seconds / len(docs) for name, seconds in cost.items()}


def bytecode_state(package: Path = ROOT / "nlp") -> tuple:
    """(modules whose .pyc is current, modules) under ``package``: the cold start reads the
    current ones, and compiles the others from source in every process where
    PYTHONDONTWRITEBYTECODE is set (``make bytecode`` writes them)."""
    import importlib.util

    sources = sorted(package.rglob("*.py"))
    current = 0
    for source in sources:
        try:
            header = Path(importlib.util.cache_from_source(str(source))).read_bytes()[:16]
        except OSError:
            continue
        flags = int.from_bytes(header[4:8], "little")
        if header[:4] != importlib.util.MAGIC_NUMBER:
            continue
        if flags & 1:  # hash-based
            current += header[8:16] == importlib.util.source_hash(source.read_bytes())
        else:
            stat = source.stat()
            current += (int.from_bytes(header[8:12], "little") == int(stat.st_mtime) & 0xFFFFFFFF
                        and int.from_bytes(header[12:16], "little") == stat.st_size & 0xFFFFFFFF)
    return current, len(sources)


def longer(path: Path, times: int = 10, repeat: int = 3) -> tuple:
    """CPU seconds to annotate a report and the same report ``times`` times over."""
    from nlp.engine import Engine

    engine = Engine()
    text = path.read_text(encoding="utf-8")
    out = []
    for body in (text, "\n".join([text] * times)):
        best = float("inf")
        for _ in range(repeat):
            t0 = time.process_time()
            engine.annotate_text(body, path.name)
            best = min(best, time.process_time() - t0)
        out.append(best)
    return tuple(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        paths = build_archive(folder, args.copies)
        print(f"archive: {len(paths)} reports ({len(reports())} texts x {args.copies}), "
              f"{sum(p.stat().st_size for p in paths) / 1e6:.1f} MB")

        jieba_wall, jieba_cpu, _ = run([sys.executable, "-c", JIEBA_PASS, str(folder)])
        one_wall, one_cpu, one_rss = annotate(folder, 1, Path(tmp) / "j1.jsonl")
        two_wall, two_cpu, two_rss = annotate(folder, 2, Path(tmp) / "j2.jsonl")
        print(f"1. annotate -j 1 {one_wall:.1f} s wall, {one_cpu:.1f} s CPU; one jieba pass {jieba_wall:.1f} s wall, "
              f"{jieba_cpu:.1f} s CPU: {one_wall / jieba_wall:.2f} x (wall), {one_cpu / jieba_cpu:.2f} x (CPU)  "
              f"[goal <= 2 x]; other processes meanwhile {OTHERS.get('1', 0.0):.1f} s CPU")

        costs = stage_costs(sorted(folder.iterdir())[: len(reports())])
        base = costs["jieba pass"]
        print("2. per report, one process, steady state (CPU ms, x one jieba pass):")
        for name, ms in costs.items():
            print(f"   {name:<18} {ms:7.2f} ms  {ms / base:5.2f} x")
        print(f"   paragraphs + facts {costs['paragraphs'] + costs['facts']:7.2f} ms  "
              f"{(costs['paragraphs'] + costs['facts']) / base:5.2f} x  [goal <= 1 x]")

        print(f"3. annotate -j 2 {two_wall:.1f} s wall, {two_cpu:.1f} s CPU: {one_wall / two_wall:.2f} x faster than "
              f"-j 1  [goal >= 1.8 x]; other processes meanwhile {OTHERS.get('2', 0.0):.1f} s CPU (on "
              f"{os.cpu_count()} cores, {max(0.0, os.cpu_count() - OTHERS.get('2', 0.0) / two_wall):.1f} left to it)")
        print(f"4. peak RSS: the -j 1 process {one_rss:.0f} MB; the largest process of -j 2 {two_rss:.0f} MB  "
              "[goal <= 300 MB]")

        sample = sorted((DATA / "samples").glob("*.txt"))[0]
        done = subprocess.run([sys.executable, "-c", COLD_START % str(sample)], cwd=ROOT, capture_output=True,
                              text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        imported, built, first = map(float, done.stdout.split())
        print(f"5. cold start: import {imported:.2f} s + engine {built:.2f} s + first report {first:.2f} s = "
              f"{imported + built + first:.2f} s  [goal <= 2 s]; nlp bytecode current for %d of %d modules"
              % bytecode_state())

        single, ten = longer(sample)
        print(f"6. a report 10 x as long: {ten:.3f} s against {single:.3f} s: {ten / single:.1f} x  [goal <= 10 x]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
