"""The registry of extractors and the corpus-level extraction driver."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from kg.errors import UnknownNameError
from kg.model import Article, Claim, Entity, Extraction, Mention

if TYPE_CHECKING:
    from spacy.language import Language

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


def extract_articles(
    articles: Sequence[Article],
    nlp: Language,
    *,
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Parse every article once with ``nlp.pipe``, run the named extractors, and
    merge the entities of all documents into one canonical set."""
    from kg.extract.canonical import canonicalize
    from kg.extract.context import DocContext
    from kg.extract.datelines import mask_datelines
    from kg.extract.lexicon import default_lexicon

    for name in extractors:
        if name not in EXTRACTORS:
            raise UnknownNameError("extractor", name, EXTRACTORS)
    lexicon = lexicon or default_lexicon()
    claims: list[Claim] = []
    mentions: list[Mention] = []
    mentioned: list[Entity] = []
    texts = (mask_datelines(a.text) for a in articles)
    docs = nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=_processes(len(articles)))
    for done, (article, doc) in enumerate(zip(articles, docs, strict=True), 1):
        context = DocContext(article, doc, lexicon)
        for name in extractors:
            claims.extend(EXTRACTORS[name](doc, context=context))
        named = [e for e in context.names.mention_entities if e.is_actor]
        mentions.extend(Mention(article.id, e.key) for e in named)
        mentioned.extend(named)
        if progress is not None:
            progress(done, len(articles))
    return canonicalize(articles, claims, mentions, lexicon, mentioned)


def _processes(n_articles: int) -> int:
    """Worker processes for ``nlp.pipe``: two for a large corpus where workers fork."""
    if n_articles < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return 1
    return 2 if multiprocessing.get_start_method(allow_none=True) in (None, "fork") else 1
