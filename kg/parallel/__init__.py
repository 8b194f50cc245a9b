"""Executors: run the per-article unit of work over many articles.

An :class:`ArticleWork` says what to do with one article: the text to parse
(``text``) and a pure, picklable function of the article and its parse
(``unit``, e.g. ``functools.partial(extract_document, lexicon=…)``). An
executor parses articles in batches with ``nlp.pipe`` (through
:func:`kg.nlp.parse`, so no article is too long), runs the unit on each, and
streams the results back in the order of the articles:

- :class:`Serial` — in this process, with the pipeline it is given;
- :class:`ProcessPool` — worker processes that each hold the pipeline once and
  stop with the build (Ctrl-C, SIGTERM, or the main process killed);
- :class:`DaskExecutor` — the workers of a running ``dask.distributed`` cluster.

:func:`choose_executor` picks one for a build.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from kg.model import Article
from kg.nlp import parse

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

R = TypeVar("R")
T = TypeVar("T")
#: Articles a worker parses with one ``nlp.pipe`` call before it sends back results.
BATCH_SIZE = 32
#: From this many articles on, a build parses in worker processes: below it,
#: starting the workers costs more than it saves.
PARALLEL_FROM = 200
#: :func:`fan_out` uses worker processes from this many items on.
FAN_OUT_FROM = 64
#: Items a :func:`fan_out` worker takes at once.
FAN_OUT_BATCH = 16


def batches(articles: Sequence[Article], size: int, *, workers: int = 1) -> list[Sequence[Article]]:
    """``articles`` in consecutive batches of at most ``size``; with several
    ``workers``, the last ``workers * size`` articles in batches a quarter as
    large, so that the workers run out of work at nearly the same time.

    >>> [len(b) for b in batches([Article(str(i), "") for i in range(5)], 2)]
    [2, 2, 1]
    >>> [len(b) for b in batches([Article(str(i), "") for i in range(40)], 8, workers=2)]
    [8, 8, 8, 2, 2, 2, 2, 2, 2, 2, 2]
    """
    if workers < 2:
        return [articles[start : start + size] for start in range(0, len(articles), size)]
    tail = max(0, len(articles) - workers * size)
    tail -= tail % size
    small = max(1, size // 4)
    return [articles[start : start + size] for start in range(0, tail, size)] + [
        articles[start : start + small] for start in range(tail, len(articles), small)
    ]


def article_text(article: Article) -> str:
    """The text of ``article`` as it stands (the default of :attr:`ArticleWork.text`)."""
    return article.text


@dataclass(frozen=True)
class ArticleWork(Generic[R]):
    """The per-article unit: parse ``text(article)``, then ``unit(article, doc)``.

    Both functions must be picklable (module-level functions, or
    ``functools.partial`` of one) so that worker processes and cluster nodes
    can run them; ``unit`` must not keep the ``Doc``.
    """

    unit: Callable[[Article, Doc], R]
    text: Callable[[Article], str] = article_text

    def stream(self, nlp: Language, articles: Sequence[Article]) -> Iterator[R]:
        """The results of ``articles``, parsed in batches in this process."""
        texts = (self.text(article) for article in articles)
        docs = parse(nlp, texts, batch_size=BATCH_SIZE)
        for article, doc in zip(articles, docs, strict=True):
            yield self.unit(article, doc)

    def run(self, nlp: Language, articles: Sequence[Article]) -> list[R]:
        """The results of one batch of ``articles``."""
        return list(self.stream(nlp, articles))


class Executor(Protocol):
    """Runs an :class:`ArticleWork` over articles; yields results in article order."""

    shares_files: bool
    """The work runs on this machine, so it may write the build's files itself."""

    def map(self, work: ArticleWork[R], articles: Sequence[Article]) -> Iterator[R]: ...


@dataclass(frozen=True)
class Serial:
    """Everything in this process, with the pipeline the entry point loaded."""

    nlp: Language
    #: The work runs where the build's files are (it may write into the output).
    shares_files = True

    def map(self, work: ArticleWork[R], articles: Sequence[Article]) -> Iterator[R]:
        return work.stream(self.nlp, articles)


@dataclass(frozen=True)
class ItemWork(Generic[T, R]):
    """A function of one item that needs no parse (see :func:`fan_out`)."""

    function: Callable[[T], R]
    #: Workers need not load the spaCy pipeline for it.
    needs_pipeline = False

    def run(self, nlp: Language | None, items: Sequence[T]) -> list[R]:
        return [self.function(item) for item in items]


def fan_out(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    processes: int | None = None,
    batch_size: int = FAN_OUT_BATCH,
) -> Iterator[R]:
    """``function(item)`` of each of ``items``, in order, computed in worker
    processes of this machine (``processes``, default one per CPU) that stop
    with the build as :class:`~kg.parallel.local.ProcessPool` workers do; in
    this process for fewer than :data:`FAN_OUT_FROM` items or one CPU.

    For per-article work after the parse (a build's output, article by
    article): the workers are forked when the iteration starts, so they see
    what this process holds then (``function`` and what it refers to are
    inherited, not pickled, where processes fork); only ``items`` and the
    results travel. ``function`` may write files; an exception it raises is
    raised here.
    """
    workers = processes if processes is not None else available_cpus()
    if workers < 2 or len(items) < FAN_OUT_FROM:
        yield from map(function, items)
        return
    from kg.parallel.local import ProcessPool

    pool = ProcessPool(None, min(workers, -(-len(items) // batch_size)), batch_size)
    yield from pool.map(ItemWork(function), items)  # type: ignore[arg-type]


def side_by_side(*calls: Callable[[], R]) -> list[R]:
    """The results of ``calls`` (functions of no argument), in order, each run in a
    worker process forked from this one, at the same time (what a call refers to
    is inherited, as for :func:`fan_out`; only its result travels back). One
    after the other in this process where processes do not fork or on one CPU.
    An exception a call raises is raised here, after the other calls are stopped.

    For the last steps of a build that need only their own files: the store's
    load and the view are drawn on both cores rather than one after the other.
    """
    import multiprocessing

    if (
        len(calls) < 2
        or available_cpus() < 2
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [call() for call in calls]
    from kg.parallel.local import ProcessPool

    numbers = list(range(len(calls)))
    pool = ProcessPool(None, len(calls), batch_size=1)
    return list(pool.map(ItemWork(lambda n: calls[n]()), numbers))  # type: ignore[arg-type]


def available_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def choose_executor(
    nlp: Language,
    n_articles: int,
    *,
    scheduler: str | None = None,
    processes: int | None = None,
) -> Executor:
    """The executor for a build of ``n_articles``: the Dask cluster at ``scheduler``
    when one is given; else worker processes (``processes``, default one per
    CPU) from :data:`PARALLEL_FROM` articles on; else this process."""
    if scheduler:
        from kg.parallel.cluster import DaskExecutor

        return DaskExecutor(scheduler, nlp)
    workers = processes if processes is not None else available_cpus()
    if workers < 2 or n_articles < PARALLEL_FROM:
        return Serial(nlp)
    from kg.parallel.local import ProcessPool

    return ProcessPool(nlp, min(workers, -(-n_articles // BATCH_SIZE)))


__all__ = [
    "BATCH_SIZE",
    "PARALLEL_FROM",
    "ArticleWork",
    "Executor",
    "ItemWork",
    "Serial",
    "article_text",
    "choose_executor",
    "fan_out",
    "side_by_side",
]
