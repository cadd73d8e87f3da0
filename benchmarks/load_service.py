"""Load test of the HTTP service: N concurrent clients post the seed reports to
/v1/annotate for a fixed time; prints throughput and latency percentiles.

    .venv/bin/python benchmarks/load_service.py                    # 50 clients, 30 s
    .venv/bin/python benchmarks/load_service.py --clients 10 --duration 10 --workers 2
    .venv/bin/python benchmarks/load_service.py --url http://127.0.0.1:8000   # a running server

Without --url it starts ``nianbao serve`` on a free 127.0.0.1 port and stops it at the
end. Loopback only: any other host is refused. It stops by itself: clients start no
request after --duration, and each request is bounded by --request-timeout.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import threading
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.read import read_path  # noqa: E402
from nlp.service.launch import LOOPBACK, background_service  # noqa: E402

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--clients", type=int, default=50, help="concurrent clients (default: %(default)s)")
    p.add_argument("--duration", type=float, default=30.0, help="seconds of load (default: %(default)s)")
    p.add_argument("--samples", default=str(ROOT / "data" / "samples"), help="directory of .txt reports")
    p.add_argument("--url", help="a running service on 127.0.0.1 (default: start one)")
    p.add_argument("--workers", type=int, default=1, help="uvicorn workers of the started server")
    p.add_argument("--pool-size", type=int, help="engine processes per worker of the started server")
    p.add_argument("--request-timeout", type=float, default=120.0, help="seconds per request at most")
    p.add_argument("--api-key", default=os.environ.get("NIANBAO_API_KEY"), help="X-API-Key to send")
    args = p.parse_args(argv)
    if args.url and urlsplit(args.url).hostname not in LOOPBACK_HOSTS:
        p.error(f"--url must be on the loopback interface ({LOOPBACK}), not {urlsplit(args.url).hostname}")
    if args.clients < 1 or args.duration <= 0:
        p.error("--clients and --duration must be positive")
    return args


def percentile(sorted_values: list, q: float) -> float:
    """Nearest-rank percentile of an ascending list.

    >>> percentile([1, 2, 3, 4], 50), percentile([1, 2, 3, 4], 99), percentile([7], 50)
    (2, 4, 7)
    """
    rank = max(1, -(-len(sorted_values) * q // 100))
    return sorted_values[int(rank) - 1]


async def client(http: httpx.AsyncClient, bodies: list, offset: int, stop_at: float, results: list):
    i = offset
    while time.monotonic() < stop_at:
        body = bodies[i % len(bodies)]
        i += 1
        t0 = time.perf_counter()
        try:
            response = await http.post("/v1/annotate", content=body)
            status = response.status_code
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        results.append((status, time.perf_counter() - t0))


async def load(url: str, bodies: list, args) -> tuple:
    headers = {"content-type": "application/json"}
    if args.api_key:
        headers["X-API-Key"] = args.api_key
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    results = []
    async with httpx.AsyncClient(base_url=url, headers=headers, limits=limits,
                                 timeout=args.request_timeout) as http:
        started = time.monotonic()
        stop_at = started + args.duration
        await asyncio.gather(*(client(http, bodies, k, stop_at, results) for k in range(args.clients)))
        elapsed = time.monotonic() - started
    return results, elapsed


def report(results: list, elapsed: float, args, url: str) -> str:
    ok = sorted(t for status, t in results if status == 200)
    statuses = Counter(status for status, _ in results)
    lines = [f"service      {url} (clients {args.clients}, duration {args.duration:g} s, "
             f"elapsed {elapsed:.1f} s)",
             f"requests     {len(results)}  ({', '.join(f'{s}: {n}' for s, n in sorted(statuses.items(), key=str))})"]
    if ok:
        lines += [f"throughput   {len(ok) / elapsed:.1f} reports/s",
                  f"latency      p50 {percentile(ok, 50) * 1000:.0f} ms   p90 {percentile(ok, 90) * 1000:.0f} ms   "
                  f"p99 {percentile(ok, 99) * 1000:.0f} ms   max {ok[-1] * 1000:.0f} ms"]
    else:
        lines.append("no request succeeded")
    return "\n".join(lines)


MB = 1024 * 1024


class ProcessMemory:
    """Peak resident memory of a server process and of its children (the engine processes),
    sampled while the load runs; nothing for a server this benchmark did not start."""

    def __init__(self, pid, interval: float = 0.1):
        self.pid, self.interval, self.peaks = pid, interval, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        if self.pid:
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self.pid:
            self._thread.join()

    def _run(self):
        import psutil

        server = psutil.Process(self.pid)
        while not self._stop.is_set():
            for proc in [server, *server.children(recursive=True)]:
                try:
                    if proc.pid == self.pid or "spawn_main" in " ".join(proc.cmdline()):  # not the resource tracker
                        self.peaks[proc.pid] = max(self.peaks.get(proc.pid, 0), proc.memory_info().rss)
                except psutil.Error:
                    continue
            self._stop.wait(self.interval)


def main(argv=None) -> int:
    args = parse_args(argv)
    paths = sorted(Path(args.samples).glob("*.txt"))
    if not paths:
        print(f"no .txt reports in {args.samples}", file=sys.stderr)
        return 2
    bodies = [json.dumps({"text": read_path(p).text, "source": p.name}, ensure_ascii=False).encode() for p in paths]
    serve_args = ["--workers", str(args.workers)] + (["--pool-size", str(args.pool_size)] if args.pool_size else [])
    server = nullcontext(None) if args.url else background_service({}, *serve_args)
    with server as started:
        url = args.url or started.url
        with ProcessMemory(started.pid if started else None) as memory:
            results, elapsed = asyncio.run(load(url, bodies, args))
    print(report(results, elapsed, args, url))
    if memory.peaks:
        engines = [rss for pid, rss in memory.peaks.items() if pid != started.pid]
        print(f"memory       server process {memory.peaks.get(started.pid, 0) / MB:.0f} MB peak RSS; "
              f"{len(engines)} engine processes, peak RSS {min(engines) / MB:.0f}-{max(engines) / MB:.0f} MB each")
    return 0 if any(status == 200 for status, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
