"""``nianbao serve [--host 127.0.0.1] [--port 8000] [--workers N]``

Runs the HTTP service (nlp/service) under uvicorn. Settings reach every worker process
through the environment (see nlp/service/settings.py); the API key is read only from
NIANBAO_API_KEY, never from the command line, where other users could see it.
"""
from __future__ import annotations

import argparse
import ipaddress
import os
import sys

from ..errors import InputError

HELP = "serve the HTTP API (annotate, classify paragraphs, facts, fields) with uvicorn"


def add_arguments(p) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    p.add_argument("--workers", type=_at_least_one, default=1,
                   help="uvicorn worker processes, each loading the pipeline and model once (default: 1)")
    p.add_argument("--pool-size", type=_at_least_one,
                   help="engine processes per worker for CPU-bound work (default: CPUs / workers)")
    p.add_argument("--model", help="paragraph classifier to load (default: the shipped model)")
    p.add_argument("--max-body-mb", type=float,
                   help="largest request body in MB (default: NIANBAO_MAX_BODY_BYTES or 20)")
    p.add_argument("--timeout", type=_at_least_one, help="seconds one request may take (default: 120)")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])


def _at_least_one(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return number


def settings_env(args, cpus: int) -> dict:
    """The NIANBAO_* variables the arguments set (an unset argument keeps the environment's)."""
    env = {"NIANBAO_POOL_SIZE": str(args.pool_size or max(1, cpus // args.workers))}
    if args.model:
        env["NIANBAO_MODEL"] = args.model
    if args.max_body_mb is not None:
        env["NIANBAO_MAX_BODY_BYTES"] = str(max(1, int(args.max_body_mb * 1024 * 1024)))
    if args.timeout:
        env["NIANBAO_TIMEOUT"] = str(args.timeout)
    return env


def run(args) -> int:
    import uvicorn

    from ..service.settings import Settings

    chosen = settings_env(args, os.cpu_count() or 1)
    try:
        settings = Settings.from_env({**os.environ, **chosen})
    except ValueError as exc:
        raise InputError(str(exc), source="serve") from None
    os.environ.update(chosen)  # uvicorn's worker processes inherit it
    if not settings.api_key and not _loopback(args.host):
        print(f"nianbao: warning: listening on {args.host} without an API key (set NIANBAO_API_KEY)",
              file=sys.stderr)
    uvicorn.run("nlp.service.app:create_app", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level=args.log_level, timeout_graceful_shutdown=30)
    return 0


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
