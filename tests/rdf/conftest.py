"""A small hand-made extraction: two articles, nine entities, seven claims.

It holds a negated claim with a speaker who has no claim of her own (and is
not among ``entities``), a claim without a cue, aliases, a role, a membership,
a mention without a claim, and two conflicts (ICE raids, fare-free buses).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from rdflib import Graph

from kg.model import Article, Claim, Entity, Extraction, Mention, Provenance
from kg.rdf.graph import to_graph

ICE_SENTENCES = (
    "Mayor Zohran Mamdani opposes the ICE raids.",
    "The NYPD will not assist ICE, said Jessica Tisch.",
    "Andrew Cuomo would support the ICE raids.",
    "Mamdani is the mayor of New York City.",
)
BUS_SENTENCES = (
    "Mamdani plans to make buses fare-free.",
    "Cuomo criticized the free buses plan.",
    "Mamdani is a member of the Democratic Socialists of America.",
)

MAMDANI = Entity.named("Zohran Mamdani", "Person", aliases=("Mayor Mamdani", "Mamdani"))
TISCH = Entity.named("Jessica Tisch", "Person", aliases=("Tisch",))
CUOMO = Entity.named("Andrew Cuomo", "Person", aliases=("Cuomo",))
NYPD = Entity.named("New York Police Department", "Organization", aliases=("NYPD",))
ICE = Entity.named("Immigration and Customs Enforcement", "Organization", aliases=("ICE",))
DSA = Entity.named("Democratic Socialists of America", "Organization", aliases=("DSA",))
NYC = Entity.named("New York City", "Place", aliases=("NYC",))
RAIDS = Entity.named("ICE raids", "Issue")
BUSES = Entity.named("fare-free buses", "Issue", aliases=("free buses",))
MAYOR = Entity.named("mayor", "Role")


def article(article_id: str, sentences: tuple[str, ...], **meta: str) -> Article:
    return Article(article_id, " ".join(sentences), **meta)


def evidence(doc: Article, index: int, extractor: str = "stance.v1") -> Provenance:
    """The provenance of sentence ``index`` of ``doc``: ``doc.text[start:end] == sentence``."""
    sentences = ICE_SENTENCES if doc.id == "ice.txt" else BUS_SENTENCES
    start = sum(len(s) + 1 for s in sentences[:index])
    sentence = sentences[index]
    assert doc.text[start : start + len(sentence)] == sentence
    version = "1.0.0" if extractor == "stance.v1" else "0.3.0"
    end = start + len(sentence)
    return Provenance(
        doc.id, sentence, start, end, extractor, version, doc.date, doc.url, doc.source
    )


ICE_DOC = article(
    "ice.txt",
    ICE_SENTENCES,
    title="Mayor vows to keep police out of ICE raids",
    date="2025-11-05",
    url="https://example.org/news/ice",
    source="Example News",
)
BUS_DOC = article("buses.txt", BUS_SENTENCES, date="November 2025")

CLAIMS = (
    Claim(MAMDANI, "opposes", RAIDS, evidence(ICE_DOC, 0), -1, 0.9, cue="opposes"),
    Claim(
        NYPD,
        "opposes",
        ICE,
        evidence(ICE_DOC, 1),
        -1,
        0.8,
        negated=True,
        modality="planned",
        speaker=TISCH,
        cue="assist",
        rule="commitment",
    ),
    Claim(CUOMO, "supports", RAIDS, evidence(ICE_DOC, 2), 1, 0.55, modality="hypothetical"),
    Claim(MAMDANI, "holdsRole", MAYOR, evidence(ICE_DOC, 3, "roles.v1"), 0, 0.95, cue="mayor"),
    Claim(
        MAMDANI, "proposes", BUSES, evidence(BUS_DOC, 0), 1, 0.85, modality="planned", cue="plans"
    ),
    Claim(CUOMO, "criticizes", BUSES, evidence(BUS_DOC, 1), -1, 0.7, cue="criticized"),
    Claim(MAMDANI, "memberOf", DSA, evidence(BUS_DOC, 2, "roles.v1"), 0, 0.6, cue="member of"),
)


@pytest.fixture
def extraction() -> Extraction:
    """The small extraction; Tisch appears only as a speaker."""
    entities = (MAMDANI, CUOMO, NYPD, ICE, DSA, NYC, RAIDS, BUSES, MAYOR)
    mentions = tuple(
        Mention(doc, entity.key)
        for doc, entity in [
            ("ice.txt", MAMDANI),
            ("ice.txt", NYPD),
            ("ice.txt", ICE),
            ("ice.txt", CUOMO),
            ("ice.txt", NYC),
            ("buses.txt", MAMDANI),
            ("buses.txt", CUOMO),
        ]
    )
    return Extraction((ICE_DOC, BUS_DOC), entities, CLAIMS, mentions)


@pytest.fixture
def sample() -> SimpleNamespace:
    """The module's entities, articles and claims, by name (``sample.MAMDANI``)."""
    names = ("MAMDANI", "TISCH", "CUOMO", "NYPD", "ICE", "DSA", "NYC", "RAIDS", "BUSES", "MAYOR")
    return SimpleNamespace(
        **{name: globals()[name] for name in names},
        ICE_DOC=ICE_DOC,
        BUS_DOC=BUS_DOC,
        CLAIMS=CLAIMS,
    )


@pytest.fixture
def graph(extraction: Extraction) -> Graph:
    return to_graph(extraction)
