"""The registry of extractors, the per-article unit of work, and the corpus driver.

An extractor is a pure function ``(doc, analysis, *, config) -> Iterator[Claim]``
registered under a versioned name. :func:`extract_document` analyses one
parsed article once (:func:`kg.extract.analysis.analyze`), runs the named
extractors over that frozen analysis, then the registered inferences over the
claims they made (claims that follow from other claims of the article);
:func:`extract_articles` parses a corpus with ``nlp.pipe`` and merges the
per-article results.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.errors import UnknownNameError
from kg.extract.analysis import analyze, mask_datelines
from kg.extract.confidence import Calibration, default_calibration
from kg.extract.lexicon import Lexicon, default_lexicon
from kg.model import Article, Claim, Entity, Extraction, Mention
from kg.parallel import ArticleWork, Executor

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.extract.analysis import DocAnalysis

Extractor = Callable[..., Iterator[Claim]]
Inference = Callable[..., Iterator[Claim]]
Progress = Callable[[int, int], None]
EXTRACTORS: dict[str, Extractor] = {}
INFERENCES: dict[str, Inference] = {}
RULES: dict[str, Rule] = {}
DEFAULT_EXTRACTORS = (
    "roles.v1",
    "stance.v1",
    "evaluation.v1",
    "actions.v1",
    "announcements.v1",
    "relations.v1",
)


@dataclass(frozen=True)
class Config:
    """What every extractor is given besides the document: the lexicon in use and
    the measured precision of each rule (see :mod:`kg.extract.confidence`)."""

    lexicon: Lexicon
    calibration: Calibration = field(default_factory=default_calibration)


@dataclass(frozen=True)
class DocExtraction:
    """What one article yields: its claims and the actors it names (picklable)."""

    article: str
    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...]
    """One per named actor mention of the article."""
    entities: tuple[Entity, ...]
    """The entity of each of :attr:`mentions`, in the same order."""


@dataclass(frozen=True)
class Rule:
    """A named way of making claims; every claim records the rule that made it."""

    name: str
    extractor: str
    """The registered extractor that applies the rule."""
    description: str


def rule(name: str, extractor: str, description: str) -> str:
    """Declare the rule ``name`` (applied by ``extractor``) and return its name."""
    if name in RULES and RULES[name] != Rule(name, extractor, description):
        raise ValueError(f"rule {name!r} is declared twice")
    RULES[name] = Rule(name, extractor, description)
    return name


def register(name: str) -> Callable[[Extractor], Extractor]:
    """Register an extractor ``(doc, analysis, *, config) -> Iterator[Claim]`` as ``name``."""

    def decorate(func: Extractor) -> Extractor:
        EXTRACTORS[name] = func
        return func

    return decorate


def register_inference(name: str) -> Callable[[Inference], Inference]:
    """Register a step ``(doc, analysis, claims, *, config) -> Iterator[Claim]`` as
    ``name``: run on one article after its extractors, over the claims they made, it
    yields the claims that follow from them ("Y agreed" gives Y the stance of the one
    Y agrees with)."""

    def decorate(func: Inference) -> Inference:
        INFERENCES[name] = func
        return func

    return decorate


def check_extractors(extractors: Sequence[str]) -> None:
    """Raise :class:`UnknownNameError` for a name no extractor is registered under."""
    for name in extractors:
        if name not in EXTRACTORS:
            raise UnknownNameError("extractor", name, EXTRACTORS)


def parse_text(article: Article) -> str:
    """The text to parse for ``article``: datelines blanked, offsets unchanged."""
    return mask_datelines(article.text)


def extract_document(
    article: Article,
    doc: Doc,
    *,
    lexicon: Lexicon | None = None,
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
) -> DocExtraction:
    """Claims and named actors of one article, ``doc`` being ``parse_text(article)`` parsed."""
    check_extractors(extractors)
    config = Config(lexicon or default_lexicon())
    analysis: DocAnalysis = analyze(article, doc, config.lexicon)
    found = tuple(
        analysis.for_each_member(
            claim for name in extractors for claim in EXTRACTORS[name](doc, analysis, config=config)
        )
    )
    claims = found + tuple(_inferred(doc, analysis, found, config))
    named = tuple(e for e in analysis.names.mention_entities if e.is_actor)
    return DocExtraction(
        article.id, claims, tuple(Mention(article.id, e.key) for e in named), named
    )


def _inferred(
    doc: Doc, analysis: DocAnalysis, found: tuple[Claim, ...], config: Config
) -> Iterator[Claim]:
    """What the registered inferences add to ``found``: each stance once, and none
    that the article already gives its holder."""
    seen = {(c.subject.key, c.predicate, c.object.key) for c in found}
    for infer in INFERENCES.values():
        for claim in analysis.for_each_member(infer(doc, analysis, found, config=config)):
            key = (claim.subject.key, claim.predicate, claim.object.key)
            if key not in seen and claim.subject.key != claim.object.key:
                seen.add(key)
                yield claim


def extract_articles(
    articles: Sequence[Article],
    nlp: Language,
    *,
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> Extraction:
    """Parse every article once, extract each with :func:`extract_document`, and
    merge the entities of all documents into one canonical set
    (:func:`kg.corpus.merge.merge_units`).

    ``executor`` runs the per-article work (:func:`article_work`); by default
    :func:`kg.parallel.choose_executor` picks this process or worker processes.
    In memory, for notebooks and tests; ``kg build`` streams the same steps.
    """
    from kg.corpus.merge import merge_units
    from kg.parallel import choose_executor

    check_extractors(extractors)
    lexicon = lexicon or default_lexicon()
    executor = executor or choose_executor(nlp, len(articles))
    units = []
    work = article_work(lexicon=lexicon, extractors=extractors)
    for done, unit in enumerate(executor.map(work, articles), 1):
        units.append(unit)
        if progress is not None:
            progress(done, len(articles))
    return merge_units(articles, units, lexicon)


def article_work(
    *, lexicon: Lexicon, extractors: Sequence[str] = DEFAULT_EXTRACTORS
) -> ArticleWork[DocExtraction]:
    """The per-article unit of a build, for any executor: parse
    :func:`parse_text`, then :func:`extract_document` (picklable)."""
    check_extractors(extractors)
    unit = functools.partial(extract_document, lexicon=lexicon, extractors=tuple(extractors))
    return ArticleWork(unit, text=parse_text)
