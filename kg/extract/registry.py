"""The registry of extractors and the corpus-level extraction driver."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from kg.model import Article, Claim, Extraction

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Extractor = Callable[..., Iterator[Claim]]
EXTRACTORS: dict[str, Extractor] = {}
DEFAULT_EXTRACTORS = ("roles.v1", "stance.v1")


def register(name: str) -> Callable[[Extractor], Extractor]:
    def decorate(func: Extractor) -> Extractor:
        EXTRACTORS[name] = func
        return func

    return decorate


def extract_articles(
    articles: Sequence[Article], nlp: Language, *, extractors: Sequence[str] = DEFAULT_EXTRACTORS
) -> Extraction:
    """Parse every article once with ``nlp.pipe`` and run the named extractors."""
    docs: list[Doc] = list(nlp.pipe(a.text for a in articles))
    del docs  # extraction rules land in the next commit
    return Extraction(articles=tuple(articles), entities=(), claims=())
