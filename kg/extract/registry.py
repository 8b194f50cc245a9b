"""The registry of extractors and the corpus-level extraction driver."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import UnknownNameError
from kg.model import Article, Claim, Entity, Extraction, Mention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.extract.lexicon import Lexicon

Extractor = Callable[..., Iterator[Claim]]
Progress = Callable[[int, int], None]
EXTRACTORS: dict[str, Extractor] = {}
DEFAULT_EXTRACTORS = ("roles.v1", "stance.v1")
BATCH_SIZE = 32
#: From this many articles on, parse in two processes: 1.8x faster on 300 long
#: articles on a 2-core machine (benchmarks/bench_build.py); below it, starting
#: the workers costs more than it saves.
PARALLEL_FROM = 200


def register(name: str) -> Callable[[Extractor], Extractor]:
    """Register an extractor ``(doc, *, context) -> Iterator[Claim]`` under ``name``."""

    def decorate(func: Extractor) -> Extractor:
        EXTRACTORS[name] = func
        return func

    return decorate


@dataclass(frozen=True)
class DocExtraction:
    """What one article gives, before any other article is looked at: its claims
    (entity keys of this article alone) and the actors it names.

    Picklable, so it can be cached on disk or sent back from a worker process.
    """

    article: Article
    claims: tuple[Claim, ...]
    actors: tuple[Entity, ...]

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return tuple(Mention(self.article.id, e.key) for e in self.actors)


def extract_document(
    article: Article,
    doc: Doc,
    *,
    lexicon: Lexicon,
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
) -> DocExtraction:
    """Run the named extractors on one parsed article: a pure function of its
    arguments, the unit of work that builds, caches and workers call.

    ``doc`` is ``nlp(mask_datelines(article.text))``.
    """
    from kg.extract.context import DocContext

    check_extractors(extractors)
    context = DocContext(article, doc, lexicon)
    claims: list[Claim] = []
    for name in extractors:
        claims.extend(EXTRACTORS[name](doc, context=context))
    actors = tuple(e for e in context.names.mention_entities if e.is_actor)
    return DocExtraction(article, tuple(claims), actors)


def check_extractors(extractors: Sequence[str]) -> None:
    """Raise :class:`UnknownNameError` unless every name is a registered extractor."""
    for name in extractors:
        if name not in EXTRACTORS:
            raise UnknownNameError("extractor", name, EXTRACTORS)


def parse(articles: Iterable[Article], nlp: Language, n_articles: int) -> Iterator[Doc]:
    """The parse of each article's text (datelines masked), in order, with ``nlp.pipe``."""
    from kg.extract.datelines import mask_datelines

    texts = (mask_datelines(a.text) for a in articles)
    return nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=_processes(n_articles))


def extract_articles(
    articles: Sequence[Article],
    nlp: Language,
    *,
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Parse every article once with ``nlp.pipe``, extract each one
    (:func:`extract_document`), and merge the entities of all documents into
    one canonical set (:func:`kg.corpus.merge.merge_units`).

    In memory, for notebooks and tests; ``kg build`` streams the same steps.
    """
    from kg.corpus.merge import merge_units
    from kg.extract.lexicon import default_lexicon

    check_extractors(extractors)
    lexicon = lexicon or default_lexicon()
    units = []
    docs = parse(articles, nlp, len(articles))
    for done, (article, doc) in enumerate(zip(articles, docs, strict=True), 1):
        units.append(extract_document(article, doc, lexicon=lexicon, extractors=extractors))
        if progress is not None:
            progress(done, len(articles))
    return merge_units(units, lexicon)


def _processes(n_articles: int) -> int:
    """Worker processes for ``nlp.pipe``: two for a large corpus where workers fork."""
    if n_articles < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return 1
    return 2 if multiprocessing.get_start_method(allow_none=True) in (None, "fork") else 1
