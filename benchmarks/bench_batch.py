"""Throughput of ``nianbao annotate`` on a generated archive, with 1 and 2 workers, and the
peak memory of each worker process.

    .venv/bin/python benchmarks/bench_batch.py            # 2,000 reports, -j 1 and -j 2
    .venv/bin/python benchmarks/bench_batch.py -n 5000 --jobs 1 2 4 --dask

The archive is generated in a temporary directory from data/samples: each report a copy
of a sample with one line varied (its number), so that every file has its own content
hash. Figures are printed, not asserted.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.batch import run_batch  # noqa: E402

MB = 1024 * 1024


def generate(directory: Path, n: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "samples").glob("*.txt"))]
    for i in range(n):
        sub = directory / f"{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = texts[i % len(texts)]
        first, _, rest = text.partition("\n")
        (sub / f"report_{i:06d}.txt").write_text(f"{first}\n（档案编号：{i:06d}）\n{rest}", encoding="utf-8")


class PeakMemory:
    """Samples the resident memory and CPU time of this process and of its workers; every
    ``uss_every``-th sample also the unique memory (USS: what the process alone holds, the
    pages of shared libraries left out; it costs more to read, so it is read less often)."""

    def __init__(self, interval: float = 0.05, uss_every: int = 20):
        self.interval, self.peaks, self.cpu, self.uss, self.uss_every = interval, {}, {}, {}, uss_every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        me = psutil.Process()
        tick = 0
        while not self._stop.is_set():
            tick += 1
            for proc in [me, *me.children(recursive=True)]:
                try:
                    rss, times = proc.memory_info().rss, proc.cpu_times()
                    kind = "main" if proc.pid == me.pid else _kind(proc, me)
                    uss = proc.memory_full_info().uss if tick % self.uss_every == 1 else 0
                except psutil.Error:
                    continue
                key = (kind, proc.pid)
                self.peaks[key] = max(self.peaks.get(key, 0), rss)
                self.uss[key] = max(self.uss.get(key, 0), uss)
                used = times.user + times.system
                self.cpu[key] = (self.cpu.get(key, (used, used))[0], used)
            self._stop.wait(self.interval)

    def workers(self) -> list:
        return [rss for (kind, _), rss in self.peaks.items() if kind == "worker"]

    def unique(self, kind: str) -> int:
        return max((uss for (k, _), uss in self.uss.items() if k == kind), default=0)

    def cpu_seconds(self) -> float:
        """CPU time this process and its workers used while sampled."""
        return sum(last - first for (kind, _), (first, last) in self.cpu.items() if kind != "other")

    def main(self) -> int:
        return max(rss for (kind, _), rss in self.peaks.items() if kind == "main")


def _kind(proc, main) -> str:
    """A worker: forked from this process (its command line), or started by loky, Dask or
    multiprocessing's spawn; else another child (a resource tracker)."""
    if proc.cmdline() == main.cmdline():
        return "worker"
    cmdline = " ".join(proc.cmdline())
    return "worker" if ("popen_loky" in cmdline or "distributed" in cmdline or "spawn_main" in cmdline) else "other"


def bench(archive: Path, out: Path, jobs: int, dask=None) -> dict:
    with PeakMemory() as memory:
        started = time.monotonic()
        summary = run_batch([archive], out, jobs=jobs, progress=False, dask=dask, err=open(os.devnull, "w"))
        seconds = time.monotonic() - started
    workers = memory.workers() or [memory.main()]  # -j 1 annotates in this process
    return {"reports": summary.reports, "failed": summary.failed, "seconds": seconds,
            "rate": summary.reports / seconds, "worker_peak_max": max(workers) / MB,
            "worker_uss_max": (memory.unique("worker") or memory.unique("main")) / MB,
            "worker_peak_mean": sum(workers) / len(workers) / MB, "workers": len(workers),
            "main_peak": memory.main() / MB, "cpu_ms": 1000 * memory.cpu_seconds() / summary.reports}


def report(label: str, r: dict) -> None:
    print(f"{label:>12}: {r['reports']} reports ({r['failed']} failed) in {r['seconds']:.1f} s = "
          f"{r['rate']:.1f} reports/s; peak RSS per worker {r['worker_peak_max']:.0f} MB "
          f"(mean {r['worker_peak_mean']:.0f} MB over {r['workers']}; unique {r['worker_uss_max']:.0f} MB), "
          f"main process {r['main_peak']:.0f} MB; "
          f"{r['cpu_ms']:.0f} ms CPU per report",
          flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="reports to generate (default 2000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask", action="store_true",
                        help="also run on a LocalCluster of 2 worker processes (loopback)")
    args = parser.parse_args(argv)
    print(f"cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}, python {sys.version.split()[0]}",
          flush=True)
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as tmp:
        archive = Path(tmp) / "archive"
        started = time.monotonic()
        generate(archive, args.n)
        print(f"generated {args.n} reports in {time.monotonic() - started:.1f} s", flush=True)
        rates = {}
        for jobs in args.jobs:
            r = bench(archive, Path(tmp) / f"j{jobs}.jsonl", jobs)
            rates[jobs] = r["rate"]
            report(f"-j {jobs}", r)
        if args.dask:
            from distributed import LocalCluster

            with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None) as cluster:
                report("dask 2x1", bench(archive, Path(tmp) / "dask.jsonl", -1, dask=cluster.scheduler_address))
        if 1 in rates and len(rates) > 1:
            print("speed-up over -j 1: " + ", ".join(f"-j {j}: {rates[j] / rates[1]:.2f}x" for j in rates if j != 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
