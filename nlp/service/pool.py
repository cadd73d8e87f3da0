"""The pool of engine processes one service worker sends its CPU-bound work to, so the
event loop only ever waits on a future: annotation, reading uploads, facts, classifying.

Each process builds its Engine (pipeline and model) once, at start. Processes are
spawned, not forked: a fork of a process that runs an event loop and threads is unsafe.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from . import worker
from .problems import ServiceProblem
from .settings import Settings

log = logging.getLogger("nianbao.service")


class EnginePool:
    def __init__(self, settings: Settings):
        self.size = settings.pool_size
        self.model_path = settings.model_path
        self.timeout_s = settings.timeout_s
        self.ready = False
        self.classifier = False
        self.not_ready_reason = "the engine processes are starting"
        self._executor = None

    def start(self) -> None:
        self._executor = ProcessPoolExecutor(
            max_workers=self.size, mp_context=multiprocessing.get_context("spawn"),
            initializer=worker.init, initargs=(self.model_path,))

    async def warm_up(self) -> None:
        """Start every process (each loads the engine) and record what they loaded."""
        try:
            statuses = await asyncio.gather(*(self.run(worker.status) for _ in range(self.size)))
        except ServiceProblem as exc:
            self.not_ready_reason = exc.detail
            return
        failed = [s["error"] for s in statuses if s["error"]]
        if failed:
            self.not_ready_reason = f"the engine could not be built: {failed[0]}"
            log.error("engine pool not ready: %s", failed[0])
            return
        self.classifier = all(s["classifier"] for s in statuses)
        self.ready = True

    async def run(self, fn, *args):
        """``fn(*args)`` in a pool process; nianbao's errors come back as themselves."""
        if self._executor is None:
            raise ServiceProblem(503, "Service not ready", "the engine pool is not running")
        executor = self._executor
        try:
            future = executor.submit(worker.call, fn, *args)
        except (BrokenProcessPool, RuntimeError):
            self._restart(executor)
            raise ServiceProblem(503, "Service unavailable", "the engine pool was restarting; retry",
                                 headers={"Retry-After": "1"}) from None
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout_s)
        except worker.Relayed as relayed:
            raise relayed.unwrap() from None
        except asyncio.TimeoutError:
            raise ServiceProblem(503, "Timed out", f"the work took longer than {self.timeout_s:g} s",
                                 headers={"Retry-After": "5"}) from None
        except BrokenProcessPool:
            log.error("an engine process died; restarting the pool")
            self._restart(executor)
            raise ServiceProblem(503, "Service unavailable", "an engine process died; retry",
                                 headers={"Retry-After": "1"}) from None

    def _restart(self, broken) -> None:
        """Replace a broken executor (once, however many requests saw it break)."""
        if self._executor is not broken:
            return
        broken.shutdown(wait=False, cancel_futures=True)
        self.start()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
