"""One entity per real thing across all articles of a build.

Each article is extracted alone (:func:`kg.extract.extract_document`); this
module is the only step that looks across articles. It runs in two passes so
that a build never holds every article's claims at once:

1. :class:`EntityTable` gathers what every article says about its entities
   (labels, kinds, aliases). Tables add up in any order, so units can be
   merged as they arrive, from a cache or from workers.
2. :meth:`EntityTable.resolve` decides which keys are one thing, and
   :func:`canonical_claims` rewrites one article's claims with that decision.

Within a document, names are already merged (see :mod:`kg.extract.names`).
Across documents, people meet on surname and first name, nicknames folded
("Chuck" / "Charles Schumer"); a lone surname joins the one person of the
corpus who bears it; an acronym joins the organisation it abbreviates.

Identity never depends on what else the corpus holds: the key of an entity is
the slug of its own name, and the key a group of names survives under is the
first by a fixed order (the full first name before a nickname, then the
shortest key, then the alphabet). When a later article shows two keys to be
one thing, the merge is kept as a :class:`~kg.model.Merge` (``owl:sameAs`` in
the graph), so the IRI of an earlier build still resolves. Claims keep the
identifier taken from their own evidence (:meth:`kg.model.Claim.evidence_id`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.extract.labels import GENERIC_ISSUES
from kg.extract.lexicon import Lexicon
from kg.model import Article, Claim, Entity, Extraction, Mention, Merge, slugify

if TYPE_CHECKING:
    from kg.extract.registry import DocExtraction


@dataclass
class _Seen:
    """What the articles say about one entity key."""

    labels: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    aliases: Counter[str] = field(default_factory=Counter)
    """Counted too, so that an article's entities can be taken out again."""


@dataclass(frozen=True)
class Resolution:
    """The outcome of a merge: the key each key now stands for, and the entities."""

    key_of: dict[str, str]
    entities: dict[str, Entity]

    def canon(self, entity: Entity | None) -> Entity | None:
        if entity is None:
            return None
        return self.entities[self.key_of.get(entity.key, entity.key)]

    def slice_of(self, keys: Iterable[str]) -> list[str]:
        """What of this resolution one article's claims depend on: the key, label
        and kind each of its entity keys (:func:`unit_keys`) now stands for (for
        cache keys)."""
        out = []
        for key in keys:
            entity = self.entities[self.key_of.get(key, key)]
            out.append(f"{key}\x1e{entity.key}\x1e{entity.label}\x1e{entity.kind}")
        return out

    @property
    def merges(self) -> tuple[Merge, ...]:
        return tuple(Merge(k, v) for k, v in sorted(self.key_of.items()) if k != v)

    @property
    def actors(self) -> list[Entity]:
        return [e for _, e in sorted(self.entities.items()) if e.is_actor]


def unit_keys(entities: Iterable[Entity]) -> tuple[str, ...]:
    """The keys of the entities one article names (:func:`unit_entities`), sorted."""
    return tuple(sorted({e.key for e in entities}))


class EntityTable:
    """Every entity the articles name, with its labels, kinds and aliases."""

    def __init__(self) -> None:
        self._seen: dict[str, _Seen] = defaultdict(_Seen)

    def add(self, unit: DocExtraction) -> None:
        """Count the entities of one article (its claims' and its named actors)."""
        self.add_entities(unit_entities(unit))

    def add_entities(self, entities: Iterable[Entity]) -> None:
        """Count entities named by one article (:func:`unit_entities`)."""
        for entity in entities:
            seen = self._seen[entity.key]
            seen.labels[entity.label] += 1
            seen.kinds[entity.kind] += 1
            seen.aliases.update(entity.aliases)

    def remove_entities(self, entities: Iterable[Entity]) -> None:
        """Take back what :meth:`add_entities` counted for ``entities`` (of an
        article that is gone or changed): the table is then as if they had
        never been added."""
        for entity in entities:
            seen = self._seen[entity.key]
            for counter, values in (
                (seen.labels, (entity.label,)),
                (seen.kinds, (entity.kind,)),
                (seen.aliases, entity.aliases),
            ):
                for value in values:
                    counter[value] -= 1
                    if counter[value] <= 0:
                        del counter[value]
            if not seen.labels:  # every add counts a label: no article names it now
                del self._seen[entity.key]

    def update(self, other: EntityTable) -> None:
        """Add ``other``'s counts to this table (tables merge in any order)."""
        for key, seen in other._seen.items():
            mine = self._seen[key]
            mine.labels.update(seen.labels)
            mine.kinds.update(seen.kinds)
            mine.aliases.update(seen.aliases)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EntityTable) and self._seen == other._seen

    __hash__ = None  # type: ignore[assignment]  (mutable)

    def resolve(self, lexicon: Lexicon) -> Resolution:
        """Decide which keys are one thing, and the label, kind and aliases of each."""
        key_of = _person_keys(self._seen, lexicon) | _acronym_keys(self._seen)
        return Resolution(key_of, _merged(self._seen, key_of))


def canonical_claims(unit: DocExtraction, resolution: Resolution) -> list[Claim]:
    """One article's claims with merged entities, in :attr:`Claim.sort_key` order.

    Each claim keeps the identifier of its own evidence; a claim whose subject
    and object became one entity is dropped; of claims with one key, the most
    confident is kept.
    """
    kept: dict[tuple, Claim] = {}
    for claim in unit.claims:
        merged = replace(
            claim,
            subject=resolution.canon(claim.subject),
            object=_scoped(resolution.canon(claim.object), claim.provenance.article),
            speaker=resolution.canon(claim.speaker),
            id=claim.id or claim.evidence_id(),
        )
        if merged.subject.key == merged.object.key:
            continue
        old = kept.get(merged.key)
        if old is None or merged.confidence > old.confidence:
            kept[merged.key] = merged
    return sorted(kept.values(), key=lambda c: c.sort_key)


def canonical_mentions(unit: DocExtraction, resolution: Resolution) -> list[Mention]:
    """The entities one article names, by their merged keys."""
    keys = {resolution.key_of.get(e.key, e.key) for e in unit.entities}
    return [Mention(unit.article, key) for key in sorted(keys) if key in resolution.entities]


def merge_units(
    articles: Iterable[Article], units: Iterable[DocExtraction], lexicon: Lexicon
) -> Extraction:
    """The whole corpus's extraction in memory (for notebooks and tests)."""
    units = sorted(units, key=lambda u: u.article)
    table = EntityTable()
    for unit in units:
        table.add(unit)
    resolution = table.resolve(lexicon)
    claims: list[Claim] = []
    mentions: list[Mention] = []
    for unit in units:
        claims.extend(canonical_claims(unit, resolution))
        mentions.extend(canonical_mentions(unit, resolution))
    return Extraction(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        entities=tuple(graph_entities(resolution, claim_entities(claims))),
        claims=tuple(sorted(claims, key=lambda c: c.sort_key)),
        mentions=tuple(mentions),
        merges=resolution.merges,
    )


def graph_entities(resolution: Resolution, involved: Iterable[Entity]) -> list[Entity]:
    """The entities of the graph: every actor named in the text, and ``involved``
    (whatever a claim names: subject, object, speaker)."""
    entities = {e.key: e for e in resolution.actors}
    entities.update((e.key, e) for e in involved)
    return [entities[key] for key in sorted(entities)]


def unit_entities(unit: DocExtraction) -> tuple[Entity, ...]:
    """What the merge needs of one article: its named actors, then the subject,
    object and speaker of each claim (small enough to send from a worker)."""
    return (*unit.entities, *claim_entities(unit.claims))


def claim_entities(claims: Iterable[Claim]) -> Iterator[Entity]:
    """Subject, object and speaker of each claim."""
    for claim in claims:
        yield claim.subject
        yield claim.object
        if claim.speaker is not None:
            yield claim.speaker


#: One-word issue labels too vague to be the same thing in two documents:
#: "the plan" of one article is not "the plan" of another.
VAGUE_ISSUES = GENERIC_ISSUES | frozenset(
    """decision move program programme effort order rule idea change changes reform
    reforms""".split()
)


def _scoped(entity: Entity, article: str) -> Entity:
    """A vague one-word issue gets a key of its own in each article."""
    if entity.kind != "Issue" or entity.label.lower() not in VAGUE_ISSUES:
        return entity
    return replace(entity, key=scoped_key(entity.key, article))


def scoped_key(key: str, article: str) -> str:
    """The key of a vague issue ``key`` within one article."""
    return f"{key}_in_{slugify(article)}"


def _person_keys(seen: dict[str, _Seen], lexicon: Lexicon) -> dict[str, str]:
    """Map person keys to the key their name group survives under."""
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    nickname: dict[str, bool] = {}
    lone: dict[str, str] = {}
    for key, s in seen.items():
        if "Person" not in s.kinds:
            continue
        words = _most_common(s.labels).split()
        first = words[0].lower().rstrip(".")
        if len(words) > 1:
            folded = lexicon.nicknames.get(first, first)
            groups[(folded, words[-1].lower())].add(key)
            nickname[key] = folded != first
        else:
            lone[key] = first
    survivor = {
        ident: min(keys, key=lambda k: (nickname[k], len(k), k)) for ident, keys in groups.items()
    }
    by_surname: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for ident in groups:
        by_surname[ident[1]].add(ident)
    out = {key: survivor[ident] for ident, keys in groups.items() for key in keys}
    for key, surname in lone.items():
        if len(by_surname.get(surname, ())) == 1:
            out[key] = survivor[next(iter(by_surname[surname]))]
    return out


def _acronym_keys(seen: dict[str, _Seen]) -> dict[str, str]:
    """An organisation named only by an acronym joins the one that has it as alias."""
    owners: dict[str, set[str]] = defaultdict(set)
    for key, s in seen.items():
        for alias in s.aliases:
            if alias.isupper():
                owners[alias].add(key)
    out = {}
    for key, s in seen.items():
        candidates = owners.get(_most_common(s.labels), set()) - {key}
        if candidates:
            out[key] = min(candidates)
    return out


def _merged(seen: dict[str, _Seen], key_of: dict[str, str]) -> dict[str, Entity]:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    for key, s in seen.items():
        into = key_of.get(key, key)
        if into == key:
            labels[into].update(s.labels)
        aliases[into].update(s.aliases, s.labels)
        kinds[into].update(s.kinds)
    out = {}
    for key in aliases:
        label = _most_common(labels[key]) if labels[key] else max(aliases[key], key=len)
        out[key] = Entity(
            key, label, _most_common(kinds[key]), tuple(sorted(aliases[key] - {label}))
        )
    return out


def _most_common(counter: Counter[str]) -> str:
    return max(counter.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
