"""What one article adds to a build's output, kept so the next build redoes only what changed.

An article's *fragment* is its part of every output file, made from its
extraction and the merge (:func:`make_fragment`):

* ``.ttl``: its triples (document, mentions, claims, the extractors that made
  them) as Turtle without the prefix lines, so fragments concatenate under one
  header into ``graph.ttl``;
* ``.jsonl``: its lines of ``claims.jsonl``;
* ``.view``: its rows of the HTML view (:class:`kg.view.data.ViewClaim`, as
  plain tuples).

A fragment depends only on the article's extraction and on how the merge named
the entities it mentions (:func:`fragment_key`), so a build that adds one
article makes one fragment and links the others from the previous build's
cache. :class:`BuildState` is what a build hands the next one besides the
files: the table of entities, each article's keys, and how many fragments hold
each triple that several articles may state (a direct stance triple, an
extractor's description), so that removing one article's fragment from the
store removes such a triple only when no other article still states it.
"""

from __future__ import annotations

import json
import pickle
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kg.corpus.cache import digest
from kg.corpus.merge import EntityTable, Resolution, canonical_claims, canonical_mentions
from kg.model import Article, Entity

if TYPE_CHECKING:
    import pyoxigraph as ox

    from kg.corpus.cache import BuildCache
    from kg.extract.registry import DocExtraction

#: The files of one fragment.
PARTS = ("ttl", "jsonl", "view")


@dataclass(frozen=True)
class ArticleState:
    """One article as the previous build left it."""

    unit: str
    """Key of its extraction in the cache."""
    keys: tuple[str, ...]
    """The entity keys its extraction names (:func:`kg.corpus.merge.unit_keys`)."""
    fragment: str = ""
    """Key of its fragment ("" before it is made)."""
    involved: tuple[tuple[str, str], ...] = ()
    """Each entity its claims name: (its key in the graph, the merged key it stands for);
    the two differ only for a vague issue scoped to the article."""
    counts: tuple[tuple[str, int], ...] = ()
    """Its claims by predicate."""


@dataclass
class BuildState:
    """What a build keeps in ``cache/state.pickle`` for the next one."""

    articles: dict[str, ArticleState]
    table: EntityTable
    shared: Counter[str] = field(default_factory=Counter)
    """Of each triple that several articles may state (N-Triples), how many fragments do."""


def fragment_key(code: str, state: ArticleState, resolution: Resolution) -> str:
    """The key of an article's fragment: its extraction, how its entities are
    now merged, and the code that makes fragments (``code``)."""
    return digest(code, state.unit, *resolution.slice_of(state.keys))


def fragment_code() -> str:
    """A fingerprint of the code a fragment's content comes from."""
    from kg.corpus import merge
    from kg.model import Claim
    from kg.rdf import graph
    from kg.view import data

    sources = [graph.__file__, merge.__file__, data.__file__, __file__]
    sources.append(__import__(Claim.__module__).__file__ or "")
    return digest(*(Path(p).read_bytes() for p in sources if p))


def make_fragment(
    cache: BuildCache,
    key: str,
    article: Article,
    unit: DocExtraction,
    resolution: Resolution,
    state: ArticleState,
) -> tuple[ArticleState, set[str]]:
    """Write the fragment ``key`` of ``article`` into the cache; return its
    state and the triples of it that other articles may state too (N-Triples)."""
    from kg.corpus.merge import claim_entities, scoped_key
    from kg.rdf.graph import article_owned, article_triples
    from kg.rdf.store import ntriple, turtle_of
    from kg.view.data import view_claims

    claims = canonical_claims(unit, resolution)
    mentions = canonical_mentions(unit, resolution)
    with open(cache.fragment_path(key, "jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for claim in claims:
            fh.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")
    triples = list(article_triples(article.id, article, claims, mentions))
    cache.fragment_path(key, "ttl").write_bytes(turtle_of(triples))
    with open(cache.fragment_path(key, "view"), "wb") as fh:
        # Plain tuples: they load several times faster than named ones.
        rows = [tuple(row) for row in view_claims(claims)]
        pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
    shared = {ntriple(t) for t in triples if not article_owned(t[0])}
    involved = {}
    scope = len(scoped_key("", article.id))
    for entity in claim_entities(claims):
        # A merged entity is the resolution's own object; a scoped one is a copy
        # under the key scoped_key(merged key, article).
        merged = (
            entity.key if resolution.entities.get(entity.key) is entity else entity.key[:-scope]
        )
        involved[entity.key] = merged
    counts = Counter(c.predicate for c in claims)
    return (
        replace(
            state,
            fragment=key,
            involved=tuple(sorted(involved.items())),
            counts=tuple(sorted(counts.items())),
        ),
        shared,
    )


def involved_entities(states: Iterable[ArticleState], resolution: Resolution) -> Iterator[Entity]:
    """The entities the claims of ``states`` name, as the merge now has them."""
    for state in states:
        for key, merged in state.involved:
            entity = resolution.entities[merged]
            yield entity if key == merged else replace(entity, key=key)


def read_fragment(path: Path) -> list[ox.Quad]:
    """The triples of a fragment's ``.ttl`` file."""
    from kg.rdf.store import read_turtle_body

    return read_turtle_body(path.read_bytes())
