"""The pool of engine processes one service worker sends its CPU-bound work to, so the
event loop only ever waits on a future: annotation, reading uploads, facts, classifying.

Each process builds its Engine (pipeline and model) once, at start, and warms it up; the
pool takes work only once all have (``ready``, which /readyz reports). Processes are
spawned, not forked: a fork of a process that runs an event loop and threads is unsafe.

A request over the time limit has its process stopped, since the work would go on for
as long as the input makes it; a pool cannot stop one of its processes, so the whole
pool is replaced (work in flight on it answers 503 too) and warms up again.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from . import worker
from .problems import ServiceProblem
from .settings import Settings

log = logging.getLogger("nianbao.service")

#: Loading the engine (jieba, spaCy, the model) is slow on a busy machine; give it time.
WARM_UP_TIMEOUT_S = 600.0
#: How often the warm-up asks again while some process has not answered yet.
WARM_UP_POLL_S = 0.1


class EnginePool:
    def __init__(self, settings: Settings):
        self.size = settings.pool_size
        self.model_path = settings.model_path
        self.timeout_s = settings.timeout_s
        self.ready = False
        self.classifier = False
        self.not_ready_reason = "the engine processes are starting"
        self._executor = None
        self._warming = None

    def open(self) -> None:
        """Start the processes and, in the background, their warm-up (needs a running loop)."""
        self.ready = False
        self.not_ready_reason = "the engine processes are starting"
        self._executor = ProcessPoolExecutor(
            max_workers=self.size, mp_context=multiprocessing.get_context("spawn"),
            initializer=worker.init, initargs=(self.model_path, os.getpid()))
        self._warming = asyncio.get_running_loop().create_task(self._warm_up(self._executor))

    async def _warm_up(self, executor) -> None:
        """Wait for every process to load the engine (each has answered, by its pid: one
        process that is ready can answer every call while another still loads); record
        what they loaded."""
        answered = {}
        deadline = time.monotonic() + WARM_UP_TIMEOUT_S
        try:
            while len(answered) < self.size:
                statuses = await asyncio.gather(*(self._submit(executor, max(1.0, deadline - time.monotonic()),
                                                               worker.status) for _ in range(self.size)))
                answered.update((s["pid"], s) for s in statuses)
                if len(answered) < self.size:
                    if time.monotonic() > deadline:
                        raise ServiceProblem(503, "Service not ready", "an engine process did not start in time")
                    await asyncio.sleep(WARM_UP_POLL_S)
        except ServiceProblem as exc:
            self.not_ready_reason = exc.detail
            return
        statuses = list(answered.values())
        failed = [s["error"] for s in statuses if s["error"]]
        if failed:
            self.not_ready_reason = f"the engine could not be built: {failed[0]}"
            log.error("engine pool not ready: %s", failed[0])
            return
        self.classifier = all(s["classifier"] for s in statuses)
        self.ready = executor is self._executor

    async def run(self, fn, *args):
        """``fn(*args)`` in a pool process; nianbao's errors come back as themselves."""
        if not self.ready:
            raise ServiceProblem(503, "Service not ready", self.not_ready_reason, headers={"Retry-After": "2"})
        return await self._submit(self._executor, self.timeout_s, fn, *args)

    async def _submit(self, executor, timeout_s: float, fn, *args):
        try:
            future = executor.submit(worker.call, fn, *args)
        except (BrokenProcessPool, RuntimeError):
            self._replace(executor)
            raise ServiceProblem(503, "Service unavailable", "the engine processes are restarting; retry",
                                 headers={"Retry-After": "2"}) from None
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout_s)
        except worker.Relayed as relayed:
            raise relayed.unwrap() from None
        except asyncio.TimeoutError:
            log.error("work over %g s: replacing the engine processes", timeout_s)
            self._replace(executor)
            raise ServiceProblem(503, "Timed out", f"the work took longer than {timeout_s:g} s",
                                 headers={"Retry-After": "5"}) from None
        except BrokenProcessPool:
            log.error("an engine process died or was stopped: replacing the engine processes")
            self._replace(executor)
            raise ServiceProblem(503, "Service unavailable", "an engine process stopped; retry",
                                 headers={"Retry-After": "2"}) from None

    def _replace(self, old) -> None:
        """A fresh pool for ``old`` (once, however many requests saw it fail)."""
        if self._executor is not old:
            return
        _stop(old, grace=0)
        self.open()

    def close(self, grace: float = 10.0) -> None:
        """Stop the pool: work still running gets ``grace`` seconds, then its process is ended."""
        self.ready = False
        if self._warming is not None:
            self._warming.cancel()
        if self._executor is not None:
            _stop(self._executor, grace)
            self._executor = None


def _stop(executor: ProcessPoolExecutor, grace: float) -> None:
    processes = list((getattr(executor, "_processes", None) or {}).values())  # no public handle on them
    executor.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.terminate()
            process.join(5)
