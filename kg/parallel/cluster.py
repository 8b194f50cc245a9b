"""The per-article work on a running ``dask.distributed`` cluster.

Start a scheduler and workers (on as many machines as you like; each needs
kg and the same spaCy model installed)::

    dask scheduler                              # prints tcp://HOST:8786
    dask worker tcp://HOST:8786 --nthreads 1    # on every machine, once per core

and build with ``kg build … --scheduler tcp://HOST:8786``. A worker plugin
loads the spaCy pipeline once in each worker process (and in every worker
that joins later); the build's :class:`~kg.parallel.ArticleWork` is sent to
each worker once; batches of articles go out as tasks and their results come
back in article order as they finish. (This module imports ``distributed``:
import it only for a build that uses a cluster.)
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from distributed import WorkerPlugin

from kg.errors import KGError
from kg.model import Article
from kg.parallel import BATCH_SIZE, ArticleWork, batches

if TYPE_CHECKING:
    from spacy.language import Language

R = TypeVar("R")
#: Seconds to wait for the scheduler to answer before giving up.
CONNECT_SECONDS = 10
#: Seconds to wait for the cluster to cancel the build's tasks when it stops early.
CLOSE_SECONDS = 3


class ClusterError(KGError):
    """The Dask scheduler cannot be reached, or a worker cannot run the build's work."""


@dataclass(frozen=True)
class DaskExecutor:
    """The workers of the Dask cluster whose scheduler listens at ``address``."""

    address: str
    nlp: Language
    batch_size: int = BATCH_SIZE
    #: Workers may run on other machines: results come back to be written here.
    shares_files = False

    def map(self, work: ArticleWork[R], articles: Sequence[Article]) -> Iterator[R]:
        from distributed import as_completed

        from kg.nlp import package_name

        package = package_name(self.nlp)
        client = _connect(self.address)
        futures: list[Any] = []
        try:
            client.register_plugin(PipelinePlugin(package))
            shared = client.scatter(work, broadcast=True, hash=False)
            parts = batches(articles, self.batch_size)
            futures = client.map(
                _run_batch, parts, range(len(parts)), work=shared, package=package, pure=False
            )
            done: dict[int, list[R]] = {}
            following = 0
            for future in as_completed(futures, loop=client.loop):
                number, results = _result(future)
                done[number] = results
                future.release()
                while following in done:
                    yield from done.pop(following)
                    following += 1
        finally:
            if futures:
                client.cancel(futures, force=True)
            client.close(timeout=CLOSE_SECONDS)


class PipelinePlugin(WorkerPlugin):
    """Loads the spaCy pipeline once when a worker starts (or the build registers)."""

    idempotent = True

    def __init__(self, package: str | None) -> None:
        self.package = package
        self.name = f"kg-pipeline-{package or 'default'}"

    def setup(self, worker: Any) -> None:
        pipeline(self.package)


_PIPELINES: dict[str | None, Language] = {}
_LOCK = threading.Lock()


def pipeline(package: str | None) -> Language:
    """The pipeline ``package`` of this worker process, loaded on first use only."""
    with _LOCK:
        if package not in _PIPELINES:
            from kg.nlp import load_pipeline

            _PIPELINES[package] = load_pipeline(package)
        return _PIPELINES[package]


def _run_batch(
    batch: Sequence[Article], number: int, *, work: ArticleWork[R], package: str | None
) -> tuple[int, list[R]]:
    return number, work.run(pipeline(package), batch)


def _connect(address: str) -> Any:
    from distributed import Client
    from distributed.comm.addressing import get_address_host_port, parse_address

    try:
        if parse_address(address)[0] in ("tcp", "tls"):
            get_address_host_port(address)
    except ValueError as exc:
        raise ClusterError(
            f"{address!r} is no Dask scheduler address ({exc}); give one like tcp://HOST:8786"
        ) from None
    try:
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({exc}); start one with "
            "`dask scheduler` and give the address it prints"
        ) from None


def _result(future: Any) -> Any:
    try:
        return future.result()
    except ImportError as exc:
        raise ClusterError(
            f"a Dask worker cannot import {exc.name or exc}; install kg and its spaCy "
            "model in every worker's environment"
        ) from None
