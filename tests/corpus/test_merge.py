"""Identity across builds: adding articles never renames what an earlier build named."""

from __future__ import annotations

import random

from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from kg.corpus.merge import EntityTable, merge_units
from kg.extract import extract_articles
from kg.extract.lexicon import default_lexicon
from kg.extract.registry import DocExtraction
from kg.model import Article, Claim, Entity, Provenance
from kg.rdf.graph import entity_iri, to_graph
from kg.rdf.namespaces import KG

CORPUS_A = [
    Article("a1", "Senator Chuck Varden opposes the congestion toll."),
    Article("a2", "Mayor Lena Ostrow praised the housing plan. Varden criticized it."),
]
CORPUS_B = [
    Article("b1", "Charles Varden said he supports the ferry subsidy."),
    Article("b2", "The Harbor Workers Union (HWU) opposes the congestion toll."),
    Article("b3", "The HWU praised Mayor Lena Ostrow."),
]


def claim_iris(graph) -> set[URIRef]:
    return set(graph.subjects(RDF.type, KG.Claim))


def test_claims_of_a_keep_their_iris_when_b_is_added(nlp):
    alone = to_graph(extract_articles(CORPUS_A, nlp))
    grown = to_graph(extract_articles(CORPUS_A + CORPUS_B, nlp))

    assert len(claim_iris(alone)) >= 3
    assert claim_iris(alone) <= claim_iris(grown)


def test_an_entity_merged_later_still_resolves_by_owl_same_as(nlp):
    alone = extract_articles(CORPUS_A, nlp)
    grown = to_graph(extract_articles(CORPUS_A + CORPUS_B, nlp))
    keys = {e.key for e in alone.entities}
    assert "chuck_varden" in keys

    assert (entity_iri("chuck_varden"), OWL.sameAs, entity_iri("charles_varden")) in grown
    for key in keys:  # every entity IRI of A is an entity of A + B, or sameAs one
        node = entity_iri(key)
        target = grown.value(node, OWL.sameAs) or node
        assert grown.value(target, RDF.type) is not None, key


def test_the_merge_does_not_depend_on_the_order_of_articles(nlp):
    articles = CORPUS_A + CORPUS_B
    forward = extract_articles(articles, nlp)
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    backward = extract_articles(shuffled, nlp)

    assert forward == backward
    assert [c.id for c in forward.claims] == [c.id for c in backward.claims]


def test_entity_tables_add_up_in_any_order():
    lexicon = default_lexicon()

    def unit(article: str, label: str) -> DocExtraction:
        person = Entity.named(label, "Person")
        issue = Entity.named("road pricing", "Issue")
        evidence = Provenance(article, f"{label} backs road pricing.", 0, 20, "stance.v1", "1")
        return DocExtraction(article, (Claim(person, "supports", issue, evidence),), (), ())

    units = [unit("x1", "Bill Moreau"), unit("x2", "William Moreau"), unit("x3", "Moreau")]
    one, two = EntityTable(), EntityTable()
    one.add(units[0])
    two.add(units[2])
    two.add(units[1])
    one.update(two)
    together = EntityTable()
    for u in units:
        together.add(u)

    assert one.resolve(lexicon) == together.resolve(lexicon)
    articles = [Article(u.article, u.claims[0].provenance.sentence) for u in units]
    merged = merge_units(articles, units, lexicon)
    assert {c.subject.key for c in merged.claims} == {"william_moreau"}
    assert {(m.key, m.into) for m in merged.merges} == {
        ("bill_moreau", "william_moreau"),
        ("moreau", "william_moreau"),
    }
    assert [c.id for c in merged.claims] == [u.claims[0].evidence_id() for u in units]
