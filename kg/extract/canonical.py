"""One entity per real thing across all documents of a build.

Within a document, names are already merged (see :mod:`kg.extract.names`).
Across documents, people meet on surname and first name, nicknames folded
("Chuck" / "Charles Schumer"); a lone surname joins the one person of the
corpus who bears it; an acronym joins the organisation it abbreviates; and
entities with one key take one label (the most frequent) and all aliases.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from kg.extract.labels import GENERIC_ISSUES
from kg.extract.lexicon import Lexicon
from kg.model import Article, Claim, Entity, Extraction, Mention, slugify


def canonicalize(
    articles: Sequence[Article],
    claims: Iterable[Claim],
    mentions: Iterable[Mention],
    lexicon: Lexicon,
    mentioned: Iterable[Entity] = (),
) -> Extraction:
    """Merge the entities of all documents and rewrite the claims to use them.

    ``mentioned`` are actors named in the text that no claim may involve; they
    become entities of the graph too.
    """
    claims = list(claims)
    seen: list[Entity] = list(mentioned)
    for claim in claims:
        seen.extend(e for e in (claim.subject, claim.object, claim.speaker) if e is not None)
    key_of = _person_keys(seen, lexicon) | _acronym_keys(seen)
    final = _merged(seen, key_of)

    def canon(entity: Entity | None) -> Entity | None:
        return None if entity is None else final[key_of.get(entity.key, entity.key)]

    merged: dict[tuple, Claim] = {}
    for claim in claims:
        claim = replace(
            claim,
            subject=canon(claim.subject),
            object=_scoped(canon(claim.object), claim.provenance.article),
            speaker=canon(claim.speaker),
        )
        if claim.subject.key == claim.object.key:
            continue
        kept = merged.get(claim.key)
        if kept is None or claim.confidence > kept.confidence:
            merged[claim.key] = claim
    mention_set = sorted(
        {
            Mention(m.article, key_of.get(m.entity, m.entity))
            for m in mentions
            if key_of.get(m.entity, m.entity) in final
        },
        key=lambda m: (m.article, m.entity),
    )
    # The entities of the graph: every actor named in the text, and whatever a claim involves.
    entities = {e.key: e for e in final.values() if e.is_actor}
    for claim in merged.values():
        for entity in (claim.subject, claim.object, claim.speaker):
            if entity is not None:
                entities[entity.key] = entity
    return Extraction(
        articles=tuple(articles),
        entities=tuple(sorted(entities.values(), key=lambda e: e.key)),
        claims=tuple(sorted(merged.values(), key=lambda c: c.sort_key)),
        mentions=tuple(mention_set),
    )


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
    return replace(entity, key=f"{entity.key}_in_{slugify(article)}")


def _person_keys(entities: list[Entity], lexicon: Lexicon) -> dict[str, str]:
    """Map person keys to the key of the fullest form of the same name."""
    full: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_surname: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in entities:
        words = e.label.split()
        if e.kind == "Person" and len(words) > 1:
            first = words[0].lower().rstrip(".")
            ident = (lexicon.nicknames.get(first, first), words[-1].lower())
            full[ident][e.key] += 1
            by_surname[words[-1].lower()].add(ident)
    out: dict[str, str] = {}
    chosen = {ident: _most_common(keys) for ident, keys in full.items()}
    for e in entities:
        if e.kind != "Person":
            continue
        words = e.label.split()
        if len(words) > 1:
            first = words[0].lower().rstrip(".")
            out[e.key] = chosen[(lexicon.nicknames.get(first, first), words[-1].lower())]
        elif len(by_surname.get(words[0].lower(), ())) == 1:
            out[e.key] = chosen[next(iter(by_surname[words[0].lower()]))]
    return out


def _acronym_keys(entities: list[Entity]) -> dict[str, str]:
    """An organisation named only by an acronym joins the one that has it as alias."""
    owner: dict[str, str] = {}
    for e in entities:
        for alias in e.aliases:
            if alias.isupper():
                owner.setdefault(alias, e.key)
    return {e.key: owner[e.label] for e in entities if e.label in owner and owner[e.label] != e.key}


def _merged(entities: list[Entity], key_of: dict[str, str]) -> dict[str, Entity]:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        key = key_of.get(e.key, e.key)
        if key == e.key:
            labels[key][e.label] += 1
        aliases[key].update(e.aliases)
        aliases[key].add(e.label)
        kinds[key][e.kind] += 1
    out = {}
    for key in aliases:
        label = _most_common(labels[key]) if labels[key] else max(aliases[key], key=len)
        out[key] = Entity(
            key, label, _most_common(kinds[key]), tuple(sorted(aliases[key] - {label}))
        )
    return out


def _most_common(counter: Counter[str]) -> str:
    return max(counter.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
