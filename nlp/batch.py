"""Bulk annotation: many inputs, parallel workers, one ordered and resumable JSON Lines file.

    expand_paths     files, directories (recursive), glob patterns → inputs, in a stable order
                     (nlp/inputs.py)
    annotate_input   in a worker: one input → its documents → Outcomes (engine cached per process)
    annotate_documents
                     the documents (or read errors) of one input → Outcomes; also the
                     HTTP service's, for an uploaded archive
    (nlp/outputs.py  the records file: lines written as they come, what --resume finds)
    run_batch        dispatch (joblib: loky processes, or a Dask cluster), write in input
                     order, progress bar (files; pages on OCR runs), one stderr line per
                     failure, summary

Every line carries ``content_sha256``: the SHA-256 of the UTF-8 text annotated (of the raw
bytes for an input that could not be read as text). A resumed run skips each document whose
(source, content_sha256) is already in the output, so a report is written exactly once
however often a run is cut short, and a report whose file changed is annotated again.
"""
from __future__ import annotations

import bisect
import functools
import gc
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, replace
from typing import Iterable, Optional

from .engine import Engine
from .errors import InputError, InternalError, RunError
from .inputs import expand_paths
from .lifeline import die_with_parent
from .outputs import encoded_line, record_line, records_writer, resume_state
from .read import iter_documents
from .readers.pages import listen, page_count, pages_read
from .record import ErrorRecord, content_sha256

#: Code of the error record written when the engine itself fails on one document (a bug):
#: the batch goes on, the record says what happened.
INTERNAL_ERROR = InternalError.code

#: Seconds to wait for a Dask scheduler to answer, and for its first worker.
DASK_TIMEOUT = 30


@dataclass(frozen=True)
class Outcome:
    """What became of one document. ``line`` is the JSON line to write (from a run's
    workers, the bytes written for it: :func:`serialised`); None when the output already
    holds it (--resume). ``message`` is the stderr line of a failure, or of a warning on a
    report that was annotated. ``pages``: the PDF or image pages read for it in the worker
    (nlp/readers/pages.py), for the progress bar."""

    source: str
    failed: bool = False
    checks_failed: bool = False
    line: Optional[str | bytes] = None
    message: Optional[str] = None
    pages: int = 0


# --- one input, in a worker -------------------------------------------------------------

_ENGINES: dict = {}


def engine_for(model_path=None) -> Engine:
    """This process's engine: built on first use, then reused for every input it gets.
    In a worker process, Ctrl-C is left to the parent: the terminal sends SIGINT to the
    whole process group, and a worker dying of it would print a traceback of its own while
    the parent already stops the run, keeps what was written and says so. A worker also
    ends when its parent is gone (a ``kill -9`` of the run): :mod:`nlp.lifeline`."""
    if model_path not in _ENGINES:
        if multiprocessing.current_process().name != "MainProcess":
            die_with_parent()
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)
        _ENGINES[model_path] = Engine(model_path)
    return _ENGINES[model_path]


def annotate_input(item, model_path=None, done: Optional[dict] = None, ocr: str = "auto") -> list:
    """Every document of one input (a path, or the InputError that stands for it) → Outcomes.

    ``done`` maps source → {content_sha256: Done} for the records already written; those
    documents are read (to hash them) but not annotated again. Never raises for bad input.
    """
    from joblib import parallel_config

    done = done or {}
    if isinstance(item, InputError):
        return [_failure(ErrorRecord.of(item), done)]
    # joblib runs a task on a Dask worker inside parallel_config(backend="dask"), so a joblib
    # call inside the engine would go back to the cluster as a task of its own, pickling
    # what it needs each time. Work within one input stays here.
    with parallel_config(backend="sequential"):
        return annotate_documents(engine_for(model_path), iter_documents(item, ocr), str(item), done)


def serialised(outcomes: list) -> list:
    """``outcomes`` with each line as the bytes the records file gets for it
    (:func:`nlp.outputs.encoded_line`): encoded where the document was annotated, so that
    the parent of a ``-j N`` run, whose CPU its workers share, only writes them; a record
    is decoded and encoded again nowhere (pickled, a str of ~20 KB of Chinese is both)."""
    return [replace(o, line=encoded_line(o.line)) if o.line is not None else o for o in outcomes]


def annotate_documents(engine: Engine, documents, source: str, done: Optional[dict] = None,
                       unread_sha256=None) -> list:
    """Outcomes of what ``documents`` yields (a Document or the InputError for one that
    cannot be read), the documents of the input named ``source``. Never raises for bad input.

    ``unread_sha256(source)`` hashes the raw bytes of a document that could not be read:
    by default those of the file of that name (None for an archive member, which is none).
    The HTTP service passes its own, since its sources name no file of the server's.
    """
    done = done or {}
    unread_sha256 = unread_sha256 or _file_sha256
    outcomes = []
    read = pages_read()
    try:
        for doc in documents:  # each document is read here, its pages counted as they are
            if isinstance(doc, InputError):
                outcome = _failure(ErrorRecord.of(doc, unread_sha256(doc.source)), done)
            else:
                outcome = _annotate(engine, doc, done)
            outcomes.append(replace(outcome, pages=pages_read() - read))
            read = pages_read()
    except Exception as exc:  # a reader bug must not end a run of a million files
        outcomes.append(_failure(ErrorRecord(source, None, INTERNAL_ERROR, _internal_message(exc)), done))
    return outcomes


def _annotate(engine: Engine, doc, done: dict) -> Outcome:
    sha = content_sha256(doc.text)  # to know the report is done before annotating it again
    earlier = done.get(doc.source, {}).get(sha)
    if earlier:
        return Outcome(doc.source, earlier.failed, earlier.checks_failed)
    try:
        record = engine.annotate(doc)
    except InputError as exc:
        return _failure(ErrorRecord.of(exc, sha), done)
    except Exception as exc:  # an engine bug on one document: an error record, go on
        return _failure(ErrorRecord(doc.source, sha, INTERNAL_ERROR, _internal_message(exc)), done)
    warned = "; ".join(record.warnings)
    return Outcome(doc.source, checks_failed=record.failed(), line=record_line(record),
                   message=f"{doc.source}: warning: {warned}" if warned else None)


def _failure(error: ErrorRecord, done: dict) -> Outcome:
    if done.get(error.source, {}).get(error.content_sha256):
        return Outcome(error.source, failed=True)
    return Outcome(error.source, failed=True, line=record_line(error),
                   message=f"{error.source}: [{error.code}] {error.message}")


def _internal_message(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:300]
    return f"internal error {type(exc).__name__}: {text} (a bug in nianbao; please report it)"


def _file_sha256(path: str) -> Optional[str]:
    """SHA-256 of a file's bytes; None when the source is not a readable file."""
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


# --- resuming ---------------------------------------------------------------------------

def _done_for(item, done: dict, sources: list) -> dict:
    """The part of ``done`` an input can hold: its own source, or an archive's members."""
    prefix = item.source if isinstance(item, InputError) else str(item)
    i = bisect.bisect_left(sources, prefix)
    subset = {}
    while i < len(sources) and sources[i].startswith(prefix):
        subset[sources[i]] = done[sources[i]]
        i += 1
    return subset


# --- the run ----------------------------------------------------------------------------

@dataclass
class Summary:
    inputs: int = 0
    reports: int = 0
    failed: int = 0
    checks_failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> int:
        return self.reports - self.failed

    def add(self, outcome: Outcome) -> None:
        self.reports += 1
        self.failed += outcome.failed
        self.checks_failed += outcome.checks_failed
        self.skipped += outcome.line is None

    def line(self) -> str:
        done_now = self.reports - self.skipped
        rate = done_now / self.seconds if self.seconds else 0.0
        resumed = f", {self.skipped} already done" if self.skipped else ""
        return (f"{self.inputs} files, {self.reports} reports: {self.ok} ok, {self.failed} failed, "
                f"{self.checks_failed} with failed checks{resumed}; "
                f"{self.seconds:.1f} s, {rate:.1f} reports/s")


def run_batch(paths: Iterable, output=None, *, jobs: int = -1, model=None, resume: bool = False,
              progress: bool = True, dask: Optional[str] = None, err=None, ocr: str = "auto") -> Summary:
    """Annotate every input ``paths`` names into ``output`` (None: standard output).

    Failures are error records plus one line on ``err``; the run goes on. With ``resume``
    the documents already in ``output`` are skipped. ``dask`` is a scheduler address
    (``tcp://host:8786``) to run on a Dask cluster instead of local processes. ``ocr``:
    which pages are read by OCR (auto, always, never; nlp/readers/ocr.py).
    """
    err = err or sys.stderr
    if resume and output is None:
        raise InputError("--resume needs an output file (-o)", source="annotate")
    done = resume_state(output) if resume else {}
    items = expand_paths(paths)
    engine_for(model)  # fail fast on a broken model, before any worker starts
    summary = Summary(inputs=len(items))
    started = time.monotonic()
    progress = Progress(items, progress, err, ocr)
    # What is alive now (libraries, model, engine) lives as long as the run: frozen, it is not
    # scanned by the garbage collector's full collections (~70 ms each in a warm process), and
    # forked workers' collections leave the pages they share with this process alone. Thawed
    # when the run ends: a caller's objects are collected as before.
    gc.freeze()
    try:
        with records_writer(output, append=resume) as write:
            for k, outcomes in enumerate(_dispatch(items, done, model, jobs, dask, ocr)):
                for outcome in outcomes:
                    summary.add(outcome)
                    if outcome.line is not None:
                        write(outcome.line)
                    if outcome.message:
                        _say(progress.bar, err, f"nianbao: {outcome.message}")
                progress.finished(k, outcomes)
    finally:
        gc.unfreeze()
        progress.close()
        summary.seconds = time.monotonic() - started
        print(f"nianbao: {summary.line()}", file=err)
    return summary


def _dispatch(items: list, done: dict, model, jobs: int, dask: Optional[str], ocr: str = "auto"):
    """Outcome lists in the order of ``items``, computed by parallel workers."""
    from joblib import Parallel, delayed, parallel_config

    sources = sorted(done)
    tasks = [(item, model, _done_for(item, done, sources), ocr) for item in items]
    if dask is not None:
        with _dask_client(dask) as client, \
                parallel_config(backend="dask", client=client, wait_for_workers_timeout=DASK_TIMEOUT):
            # lines as str: a cluster's client shares no cores with its workers
            yield from Parallel(n_jobs=jobs, return_as="generator")(delayed(annotate_input)(*t) for t in tasks)
        return
    workers = _worker_count(jobs, len(tasks))
    if workers == 1:
        yield from (_annotate_task(t) for t in tasks)
    elif FORK is not None:
        yield from _forked(tasks, workers, model)
    else:
        yield from Parallel(n_jobs=workers, return_as="generator")(delayed(_annotate_task)(t) for t in tasks)


#: Where the platform can fork, workers are forked from a parent whose engine is warm
#: (libraries imported, model loaded, jieba's dictionary read): they start at once and share
#: those pages with it. A spawned worker (loky) pays ~1.5 s of start-up each, which made
#: ``-j 2`` slower than ``-j 1`` on archives of short reports (issue 14).
FORK = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
#: Inputs handed to a worker at a time, at most: enough to make the hand-over cheap. Chunks
#: shrink towards the end of a run (:func:`chunk_sizes`) so that the workers finish together.
MAX_CHUNK = 32


def _worker_count(jobs: int, tasks: int) -> int:
    """joblib's reading of n_jobs (-1: every core, -2: all but one), at most one a task."""
    cores = os.cpu_count() or 1
    wanted = jobs if jobs > 0 else max(1, cores + 1 + jobs)
    return max(1, min(wanted, tasks))


def _forked(tasks: list, workers: int, model):
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    warm_up(engine_for(model))
    gc.freeze()  # the warm engine too: the workers' collections leave the pages they share with this process alone
    pool = ProcessPoolExecutor(workers, mp_context=FORK, initializer=_in_forked_worker, initargs=(os.getpid(),))
    try:
        start, chunks = 0, []
        for size in chunk_sizes(len(tasks), workers):
            chunks.append(pool.submit(_annotate_chunk, tasks[start:start + size]))
            start += size
        for chunk in chunks:
            yield from chunk.result()
    except BrokenProcessPool:
        raise RunError("a worker process died (killed, out of memory, or crashed); what was "
                       "written is kept: rerun with --resume", source="annotate") from None
    finally:
        manager = pool._executor_manager_thread
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list((pool._processes or {}).values()):  # a stopped run stops its workers now
            if process.is_alive():
                process.terminate()
        _join(manager)


def chunk_sizes(tasks: int, workers: int) -> list:
    """How many inputs each chunk of a run holds, in order: a share of what is left (an
    eighth of a worker's), at most MAX_CHUNK, so that chunks are large while there is much to
    do and shrink to single inputs at the end, where a large last chunk kept one worker
    busy while the other had nothing left (0.1-0.2 s at the end of a 1,424-file run)."""
    sizes, left = [], tasks
    while left:
        size = max(1, min(MAX_CHUNK, left // (workers * 8)))
        sizes.append(size)
        left -= size
    return sizes


def _join(manager, timeout: float = 10.0) -> None:
    """Wait for the pool's manager thread to close its pipes. Python's exit hook for
    process pools writes to that pipe; if the thread is closing it at the same moment (a
    worker was killed), the hook prints a traceback of ``Bad file descriptor`` (the unlocked ``_ThreadWakeup``
    of Python before gh-125451's lock; CI met it on 3.11). Joined here, the pipe is closed
    before exit begins."""
    if manager is not None and manager.is_alive():
        manager.join(timeout)


def warm_up(engine: Engine) -> None:
    """Load what the engine loads on first use (compiled patterns, the cue data, the paragraph model's tables) in
    this process, so that forked workers inherit it instead of each loading it. Not the reader of
    Chinese numerals past the simple ones (cn2an): 15 of the bench archive's 531 reports write a
    count in Chinese numerals, all simple (numbers._simple_numeral()), and importing it here took
    0.1 s of the run's serial start; a worker that meets another imports it then, beside the others."""
    engine.warm_up(numerals=False)


def _in_forked_worker(parent: int) -> None:
    """A forked worker: dies with its parent (pid ``parent``), leaves Ctrl-C and SIGTERM to it."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _annotate_chunk(tasks: list) -> list:
    """A chunk of a run's tasks, in a worker: their Outcome lists, in order."""
    return [_annotate_task(task) for task in tasks]


def _annotate_task(task: tuple) -> list:
    """A task of a run, in its worker: the Outcomes of one input, their lines serialised."""
    return serialised(annotate_input(*task))


def _dask_client(address: str):
    from distributed import Client

    try:
        return Client(address, timeout=f"{DASK_TIMEOUT}s", set_as_default=False)
    except (OSError, ValueError) as exc:
        raise RunError(f"cannot reach the Dask scheduler ({exc})", source=address) from None


class Progress:
    """The run's progress bar on stderr, shown on a terminal unless ``--quiet``.

    It counts files; on an OCR run (``--ocr auto`` or ``always``) whose inputs include PDFs
    or page images it counts pages, since a scanned page costs seconds where a text report
    costs milliseconds: a PDF or image weighs its pages, any other input one, and the bar
    moves as each page is read (pages read in this process or in workers forked from it;
    other workers' count when their input is done).
    """

    #: Seconds between two looks at the pages read by the workers.
    POLL = 0.2

    def __init__(self, items: list, wanted: bool, err, ocr: str):
        show = wanted and hasattr(err, "isatty") and err.isatty()
        counts = [None if isinstance(i, InputError) else page_count(i) for i in items] \
            if show and ocr != "never" else []
        self.paged = any(c is not None for c in counts)
        self.weights = [c or 1 for c in counts] if self.paged else [1] * len(items)
        if show:
            from tqdm import tqdm  # a bar shown: tqdm (with importlib.metadata, 12-30 ms to import) is needed

            self.bar = tqdm(total=sum(self.weights), unit="page" if self.paged else "file", file=err,
                            dynamic_ncols=True, smoothing=0.1)
        else:
            self.bar = _NoBar(sum(self.weights))
        self._done, self._done_pages, self._lock = 0, 0, threading.Lock()
        self._counter = self._previous = self._poller = None
        if self.paged:
            self._counter = (FORK or multiprocessing).Value("q", 0)
            self._previous = listen(functools.partial(_count_page, self._counter))
            self._stop = threading.Event()
            self._poller = threading.Thread(target=self._poll, name="nianbao-progress", daemon=True)
            self._poller.start()

    def finished(self, index: int, outcomes: list) -> None:
        """Input ``index`` is done: the bar reaches every page it weighs."""
        with self._lock:
            self._done += self.weights[index]
            self._done_pages += sum(o.pages for o in outcomes)
        self._refresh()

    def close(self) -> None:
        if self._poller is not None:
            self._stop.set()
            self._poller.join()
            listen(self._previous)
        self.bar.close()

    def _poll(self) -> None:
        while not self._stop.wait(self.POLL):
            self._refresh()

    def _refresh(self) -> None:
        with self._lock:
            reading = self._counter.value - self._done_pages if self._counter is not None else 0
            at = min(self.bar.total, self._done + max(0, reading))
            if at > self.bar.n:
                self.bar.update(at - self.bar.n)


class _NoBar:
    """The bar of a run that shows none (--quiet, stderr no terminal): what a disabled tqdm
    bar does (its count stays at 0, its updates and close do nothing; _say() prints)."""

    disable = True
    n = 0

    def __init__(self, total: int):
        self.total = total

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _count_page(counter) -> None:
    with counter.get_lock():
        counter.value += 1


def _say(bar, err, message: str) -> None:
    if bar.disable:
        print(message, file=err, flush=True)
    else:
        bar.write(message, file=err)
