"""``nianbao annotate PATH [PATH ...] [-o OUT.jsonl] [-j N] [--resume] [--dask ADDRESS] [--ocr MODE]``

A thin layer over :mod:`nlp.batch`, which does the work.
"""
from __future__ import annotations

import argparse
import atexit
import gc
import signal
import threading
from contextlib import contextmanager

from ..batch import run_batch
from ..readers.ocr import OCR_MODES

HELP = ("annotate report files, directories (searched recursively), glob patterns and archives "
        "into JSON Lines records, in parallel")


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", help="report files, directories, glob patterns ('reports/**/*.pdf')")
    p.add_argument("-o", "--output", help="write records here (default: standard output)")
    p.add_argument("--model", help="paragraph classifier to use (default: the shipped model)")
    p.add_argument("-j", "--jobs", type=_jobs, default=-1,
                   help="worker processes (default: all cores; -2: all but one)")
    p.add_argument("--resume", action="store_true",
                   help="append to OUTPUT, skipping reports it already holds (same source and "
                        "content_sha256); a half-written last line is dropped")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="run on the Dask cluster whose scheduler listens here (tcp://host:8786)")
    p.add_argument("--ocr", choices=OCR_MODES, default="auto",
                   help="read scanned pages by OCR: auto (PDF pages without a text layer, and "
                        "PNG/JPEG/TIFF images; the default), always (every PDF page), never")


def run(args) -> int:
    with _sigterm_as_interrupt():
        summary = run_batch(args.paths, args.output, jobs=args.jobs, model=args.model,
                            resume=args.resume, progress=not args.quiet, dask=args.dask, ocr=args.ocr)
    _quick_exit()
    return 1 if summary.failed else 0


def _quick_exit() -> None:
    """At exit, before the interpreter's last garbage collections, freeze every object: those
    collections then skip them. With spaCy and the engine loaded they cost 0.1–0.3 s of every
    run's wall time, for memory the ending process gives back anyway. Safe here: the records
    file is closed and every line of it flushed (run_batch), so no buffer waits on a finaliser."""
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


@contextmanager
def _sigterm_as_interrupt():
    """A job scheduler's SIGTERM ends the run as Ctrl-C does: summary printed, status 130."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value == 0:
        raise argparse.ArgumentTypeError(f"expected a non-zero whole number, not {text!r}")
    return value
