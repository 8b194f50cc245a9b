"""Worker processes on this machine that stop with the build.

Each worker holds the spaCy pipeline once (inherited when processes fork,
loaded by package name where they spawn), takes batches of articles from one
queue, parses each batch with ``nlp.pipe`` and sends the batch's results back.
The main process hands out at most two batches per worker ahead, so memory
stays bounded, and yields results in article order as they arrive.

Stopping: workers ignore SIGINT (Ctrl-C reaches the whole process group; the
main process alone decides), die on SIGTERM, and die when the main process
does, even by SIGKILL (``PR_SET_PDEATHSIG`` on Linux, and a watchdog thread
that polls the parent everywhere). Whenever :meth:`ProcessPool.map` ends
early — an error, an interrupt, the consumer giving up — every worker is
terminated and reaped before the exception goes on.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from kg.errors import KGError
from kg.model import Article
from kg.nlp import package_name
from kg.parallel import BATCH_SIZE, ArticleWork, batches

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from spacy.language import Language

R = TypeVar("R")
#: Batches handed out ahead per worker.
AHEAD = 2
#: Seconds between checks that the workers (for the main process) or the main
#: process (for a worker) are still alive.
POLL_SECONDS = 0.5
#: Seconds a terminated worker has to exit before it is killed.
GRACE_SECONDS = 2.0


class WorkerError(KGError):
    """A worker process died or failed without a project error to pass on."""


@dataclass(frozen=True)
class ProcessPool:
    """``processes`` worker processes running the build's per-article work."""

    nlp: Language | None
    """The pipeline workers parse with (None for work that parses nothing)."""
    processes: int = 2
    batch_size: int = BATCH_SIZE
    #: Workers run on this machine: the work may write into the build's output.
    shares_files = True

    def map(self, work: ArticleWork[R], articles: Sequence[Article]) -> Iterator[R]:
        parts = batches(articles, self.batch_size, workers=self.processes)
        if not parts:
            return
        context = _context()
        tasks, results = context.Queue(), context.Queue()
        # Forked workers inherit the pipeline; spawned ones load it by name.
        fork = context.get_start_method() == "fork"
        pipeline: Any = None
        if getattr(work, "needs_pipeline", True):
            pipeline = self.nlp if fork else _Named(package_name(self.nlp))
        workers = _start(
            context,
            self.processes,
            target=_work,
            args=(work, pipeline, tasks, results, os.getpid()),
        )
        try:
            sent = 0
            while sent < min(len(parts), AHEAD * len(workers)):
                tasks.put((sent, parts[sent]))
                sent += 1
            done: dict[int, list[R]] = {}
            for index in range(len(parts)):
                while index not in done:
                    number, ok, payload = _receive(results, workers)
                    if not ok:
                        raise _error(payload)
                    done[number] = payload
                    if sent < len(parts):
                        tasks.put((sent, parts[sent]))
                        sent += 1
                yield from done.pop(index)
            for _ in workers:
                tasks.put(None)
            for worker in workers:
                worker.join()
        finally:
            _stop(workers)
            for channel in (tasks, results):
                channel.cancel_join_thread()  # never wait to flush to a dead worker
                channel.close()


@dataclass(frozen=True)
class _Named:
    """The pipeline a spawned worker loads (by package name; None: the default)."""

    package: str | None


# --------------------------------------------------------------------------- main side


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _start(context: Any, count: int, *, target: Any, args: tuple) -> list[BaseProcess]:
    """Start ``count`` workers with SIGINT blocked, so that a Ctrl-C in the
    moment before a worker ignores it cannot reach it."""
    workers = [context.Process(target=target, args=args, daemon=True) for _ in range(count)]
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        for worker in workers:
            worker.start()
    except BaseException:
        _stop(workers)
        raise
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    return workers


def _receive(results: Any, workers: list[BaseProcess]) -> tuple[int, bool, Any]:
    """The next message of a worker; raises :class:`WorkerError` if one died."""
    while True:
        try:
            return results.get(timeout=POLL_SECONDS)
        except queue.Empty:
            pass
        for worker in workers:
            if worker.exitcode is not None:
                how = (
                    f"was killed by signal {-worker.exitcode}"
                    if worker.exitcode < 0
                    else f"exited with status {worker.exitcode}"
                )
                raise WorkerError(
                    f"a worker process {how} (out of memory?); run the build again, "
                    "or with fewer articles at once"
                )


def _error(payload: Any) -> BaseException:
    exc, remote = payload
    if isinstance(exc, BaseException):
        exc.add_note(f"In the worker process:\n{remote}")
        return exc
    return WorkerError(f"a worker process failed: {exc}")


def _stop(workers: list[BaseProcess]) -> None:
    """Terminate every worker still running, wait briefly, kill what is left."""
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    deadline = time.monotonic() + GRACE_SECONDS
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
        if worker.is_alive():
            worker.kill()
            worker.join()


# --------------------------------------------------------------------------- worker side


def _work(work: ArticleWork[Any], pipeline: Any, tasks: Any, results: Any, parent: int) -> None:
    """A worker's life: follow the parent, load the pipeline once, run batches."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent(parent)
    if isinstance(pipeline, _Named):
        from kg.nlp import load_pipeline

        pipeline = load_pipeline(pipeline.package)
    while (task := tasks.get()) is not None:
        number, batch = task
        try:
            results.put((number, True, work.run(pipeline, batch)))
        except Exception as exc:  # sent to the main process, which raises it
            results.put((number, False, _portable(exc)))


def _portable(exc: Exception) -> tuple[Any, str]:
    remote = "".join(traceback.format_exception(exc))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return f"{type(exc).__name__}: {exc}", remote
    return exc, remote


def _die_with_parent(parent: int) -> None:
    """End this process as soon as ``parent`` is gone, however it ended."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(POLL_SECONDS)
        os._exit(1)

    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()
