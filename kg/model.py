"""Plain data handed from stage to stage: articles, entities, claims.

Every stage takes and returns these frozen dataclasses (or an rdflib / networkx
graph); nothing crosses a module boundary as a bare tuple.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

#: Entity kinds; each is a class of the ontology with the same local name.
ENTITY_KINDS = ("Person", "Organization", "Place", "Group", "Issue", "Role")

#: Stance and relation predicates; each is a property of the ontology.
PREDICATES = (
    "supports",
    "opposes",
    "criticizes",
    "praises",
    "agreesWith",
    "disagreesWith",
    "proposes",
    "announces",
    "holdsRole",
    "memberOf",
)

#: The polarity a predicate carries when nothing else is known.
PREDICATE_POLARITY = {
    "supports": 1,
    "praises": 1,
    "agreesWith": 1,
    "proposes": 1,
    "opposes": -1,
    "criticizes": -1,
    "disagreesWith": -1,
    "announces": 0,
    "holdsRole": 0,
    "memberOf": 0,
}

#: How certain the text is about a claim (kg:modality values).
MODALITIES = ("asserted", "planned", "hypothetical", "counterfactual", "questioned")


@functools.lru_cache(maxsize=2**16)  # entities are named again and again
def slugify(label: str) -> str:
    """A stable identifier for a label: lower case ASCII words joined by ``_``.

    >>> slugify("Zohran Mamdani")
    'zohran_mamdani'
    >>> slugify("U.S. Department of Homeland Security")
    'us_department_of_homeland_security'
    """
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    text = re.sub(r"(?<=\w)[.'’](?=\w)", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_") or "unnamed"


def clean_label(text: str) -> str:
    """``text`` without invisible format characters (Unicode category Cf: bidi
    overrides and isolates, zero-width spaces and joiners, soft hyphens), which
    let a label display as something it is not.

    >>> clean_label("Ann\u202e eeL\u200b")
    'Ann eeL'
    """
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


#: The fields of a claim record (:meth:`Claim.to_record`), in their order.
RECORD_FIELDS = (
    "subject", "predicate", "object", "polarity", "confidence", "negated", "modality", "speaker",
    "cue", "rule", "article", "date", "url", "source", "start", "end", "sentence", "subject_id",
    "subject_type", "object_id", "object_type", "extractor",
)  # fmt: skip


@dataclass(frozen=True)
class Article:
    """One input document. ``id`` is the file name or the JSONL ``id``."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Entity:
    """A canonical real-world thing: actor, place, issue/policy or role.

    ``key`` is the slug of the canonical label, the same in every build, and
    becomes the entity's IRI.
    """

    key: str
    label: str
    kind: str
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in ENTITY_KINDS:
            raise ValueError(f"entity kind {self.kind!r} is not one of {ENTITY_KINDS}")
        # Labels are shown to people: no invisible characters that reorder or hide text.
        object.__setattr__(self, "label", clean_label(self.label))
        object.__setattr__(self, "aliases", tuple(clean_label(a) for a in self.aliases))

    @classmethod
    @functools.lru_cache(maxsize=2**14)  # the same names are met again and again
    def named(cls, label: str, kind: str, aliases: tuple[str, ...] = ()) -> Entity:
        """An entity keyed by the slug of ``label``; aliases deduplicated and sorted
        (immutable: the same one is given for the same arguments)."""
        label, aliases = clean_label(label), tuple(clean_label(a) for a in aliases)
        return cls(slugify(label), label, kind, tuple(sorted(set(aliases) - {label})))

    @property
    def is_actor(self) -> bool:
        return self.kind in ("Person", "Organization", "Place", "Group")


@dataclass(frozen=True)
class Provenance:
    """Where a claim comes from: ``text[start:end] == sentence`` in the article.

    ``date``, ``url`` and ``source`` are the article's (see :class:`Article`),
    copied so that every claim says when and where it was published.
    """

    article: str
    sentence: str
    start: int
    end: int
    extractor: str
    extractor_version: str
    date: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Claim:
    """A subject–predicate–object statement with the evidence that supports it."""

    subject: Entity
    predicate: str
    object: Entity
    provenance: Provenance
    polarity: int = 0
    confidence: float = 0.5
    negated: bool = False
    modality: str = "asserted"
    speaker: Entity | None = None
    cue: str | None = None
    rule: str | None = None
    """The name of the extraction rule that made the claim (``kg.extract.rules``)."""
    id: str = field(default="", compare=False)
    """The claim's stable identifier (see :meth:`evidence_id`), fixed before the
    entities of the corpus are merged; empty for a claim made by hand."""

    def __post_init__(self) -> None:
        if self.predicate not in PREDICATES:
            raise ValueError(f"predicate {self.predicate!r} is not one of {PREDICATES}")
        if self.modality not in MODALITIES:
            raise ValueError(f"modality {self.modality!r} is not one of {MODALITIES}")
        if self.polarity not in (-1, 0, 1):
            raise ValueError(f"polarity must be -1, 0 or 1, not {self.polarity!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must lie in 0..1, not {self.confidence!r}")

    @property
    def key(self) -> tuple[str, str, str, str, int, int]:
        """Identity of a claim: one triple from one stretch of one article."""
        p = self.provenance
        return (self.subject.key, self.predicate, self.object.key, p.article, p.start, p.end)

    def evidence_id(self) -> str:
        """An identifier made of this claim's own evidence only: article, span,
        extractor, predicate and the article's own keys of subject and object.

        Taken before entities are merged across articles (:mod:`kg.corpus.merge`),
        it stays the same whatever else the corpus holds.
        """
        p = self.provenance
        parts = (p.article, p.start, p.end, p.extractor, self.predicate)
        parts += (self.subject.key, self.object.key)
        digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=10)
        return f"claim-{digest.hexdigest()}"

    @property
    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """The order of claims in every output: by article, position, then triple."""
        p = self.provenance
        return (p.article, p.start, p.end, self.predicate, self.subject.key, self.object.key)

    def to_record(self) -> dict[str, Any]:
        """The claim as one JSON line of ``claims.jsonl`` / ``kg claims``."""
        p = self.provenance
        return {
            "subject": self.subject.label,
            "predicate": self.predicate,
            "object": self.object.label,
            "polarity": self.polarity,
            "confidence": round(self.confidence, 3),
            "negated": self.negated,
            "modality": self.modality,
            "speaker": self.speaker.label if self.speaker else None,
            "cue": self.cue,
            "rule": self.rule,
            "article": p.article,
            "date": p.date,
            "url": p.url,
            "source": p.source,
            "start": p.start,
            "end": p.end,
            "sentence": p.sentence,
            "subject_id": self.subject.key,
            "subject_type": self.subject.kind,
            "object_id": self.object.key,
            "object_type": self.object.kind,
            "extractor": f"{p.extractor}@{p.extractor_version}",
        }


@dataclass(frozen=True)
class Extraction:
    """What the extraction stage hands to the graph stage for a whole build."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...] = field(default=())
    merges: tuple[Merge, ...] = field(default=())


@dataclass(frozen=True)
class Mention:
    """An article names an entity (whether or not a claim was drawn from it)."""

    article: str
    entity: str


@dataclass(frozen=True)
class Merge:
    """Entity ``key`` is the same thing as entity ``into`` (``owl:sameAs``).

    Kept so that an entity IRI of an earlier build still resolves after later
    articles showed it to be another name of ``into``.
    """

    key: str
    into: str
