from __future__ import annotations

import dataclasses

import pytest
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.errors import GraphError
from kg.model import Article, Claim, Entity, Extraction, Provenance
from kg.rdf.graph import (
    claim_iri,
    claims_from_graph,
    document_iri,
    entities_from_graph,
    entity_iri,
    entity_key,
    to_graph,
)
from kg.rdf.namespaces import KG, KGR
from kg.rdf.store import serialize


def test_claims_round_trip_exactly(extraction, graph):
    claims = claims_from_graph(graph)

    assert set(claims) == set(extraction.claims)
    assert claims == sorted(extraction.claims, key=lambda c: c.sort_key)


def test_round_trip_keeps_every_field_of_the_negated_claim(graph, sample):
    (claim,) = [c for c in claims_from_graph(graph) if c.negated]

    assert claim == sample.CLAIMS[1]
    assert claim.speaker == sample.TISCH
    assert claim.modality == "planned"
    assert claim.cue == "assist"
    assert claim.rule == "commitment"
    assert claim.provenance.sentence == "The NYPD will not assist ICE, said Jessica Tisch."
    assert sample.ICE_DOC.text[claim.provenance.start : claim.provenance.end] == (
        claim.provenance.sentence
    )


def test_graph_lives_in_an_oxigraph_store_with_project_prefixes(graph):
    assert type(graph.store).__name__ == "_Store"
    assert dict(graph.namespaces())["kg"] == URIRef(str(KG))
    assert "brick" not in dict(graph.namespaces())


def test_each_claim_is_a_direct_triple_and_a_claim_node(graph, sample):
    mamdani, raids = entity_iri(sample.MAMDANI.key), entity_iri(sample.RAIDS.key)
    node = claim_iri(sample.CLAIMS[0])

    assert (mamdani, KG.opposes, raids) in graph
    assert (node, RDF.type, KG.Claim) in graph
    assert (node, KG.subject, mamdani) in graph
    assert (node, KG.predicate, KG.opposes) in graph
    assert (node, KG.object, raids) in graph
    assert graph.value(node, KG.polarity).toPython() == -1
    assert graph.value(node, KG.confidence).toPython() == 0.9
    assert graph.value(node, KG.confidence).datatype == rdflib.XSD.double
    assert graph.value(node, KG.negated).toPython() is False
    assert graph.value(node, KG.startOffset).toPython() == 0
    assert graph.value(node, KG.endOffset).toPython() == len(sample.CLAIMS[0].provenance.sentence)
    assert len(list(graph.subjects(RDF.type, KG.Claim))) == len(sample.CLAIMS)


def test_negated_claim_keeps_its_direct_triple_and_qualifiers(graph, sample):
    claim = sample.CLAIMS[1]
    node = claim_iri(claim)

    assert (entity_iri(sample.NYPD.key), KG.opposes, entity_iri(sample.ICE.key)) in graph
    assert graph.value(node, KG.negated).toPython() is True
    assert graph.value(node, KG.speaker) == entity_iri(sample.TISCH.key)
    assert str(graph.value(node, KG.modality)) == "planned"


def test_claim_without_cue_has_no_cue_triple(graph, sample):
    assert graph.value(claim_iri(sample.CLAIMS[2]), KG.cue) is None
    assert str(graph.value(claim_iri(sample.CLAIMS[0]), KG.cue)) == "opposes"


def test_provenance_links_document_extractor_and_activity(graph, sample):
    node = claim_iri(sample.CLAIMS[0])
    doc, agent = document_iri("ice.txt"), KGR["extractor-stancev1"]
    activity = KGR["activity-stancev1_100"]

    assert graph.value(node, PROV.wasDerivedFrom) == doc
    assert graph.value(node, PROV.wasAttributedTo) == agent
    assert graph.value(node, PROV.wasGeneratedBy) == activity
    assert (agent, RDF.type, KG.Extractor) in graph
    assert str(graph.value(agent, RDFS.label)) == "stance.v1"
    assert str(graph.value(agent, KG.extractorVersion)) == "1.0.0"
    assert (activity, RDF.type, PROV.Activity) in graph
    assert graph.value(activity, PROV.wasAssociatedWith) == agent
    roles = claim_iri(sample.CLAIMS[3])
    assert graph.value(roles, PROV.wasAttributedTo) == KGR["extractor-rolesv1"]


def test_documents_carry_metadata_when_known(graph):
    ice, buses = document_iri("ice.txt"), document_iri("buses.txt")

    assert (ice, RDF.type, KG.Document) in graph
    assert str(graph.value(ice, KG.documentId)) == "ice.txt"
    assert str(graph.value(ice, DCTERMS.title)) == "Mayor vows to keep police out of ICE raids"
    assert graph.value(ice, DCTERMS.date) == Literal("2025-11-05", datatype=rdflib.XSD.date)
    assert graph.value(ice, DCTERMS.source) == Literal(
        "https://example.org/news/ice", datatype=rdflib.XSD.anyURI
    )
    assert str(graph.value(ice, DCTERMS.publisher)) == "Example News"
    # A date that is not ISO stays a plain string; unknown fields are left out.
    assert graph.value(buses, DCTERMS.date).datatype == rdflib.XSD.string
    assert graph.value(buses, DCTERMS.title) is None


def test_claims_carry_the_date_url_and_publisher_of_their_article(graph, sample):
    ice_claim, bus_claim = claim_iri(sample.CLAIMS[0]), claim_iri(sample.CLAIMS[4])

    assert graph.value(ice_claim, DCTERMS.date) == Literal("2025-11-05", datatype=rdflib.XSD.date)
    assert graph.value(ice_claim, DCTERMS.source) == Literal(
        "https://example.org/news/ice", datatype=rdflib.XSD.anyURI
    )
    assert str(graph.value(ice_claim, DCTERMS.publisher)) == "Example News"
    assert str(graph.value(bus_claim, DCTERMS.date)) == "November 2025"
    assert graph.value(bus_claim, DCTERMS.source) is None
    back = {c.key: c.provenance for c in claims_from_graph(graph)}
    p = back[sample.CLAIMS[0].key]
    assert (p.date, p.url, p.source) == (
        "2025-11-05",
        "https://example.org/news/ice",
        "Example News",
    )
    assert sample.CLAIMS[0].to_record()["date"] == "2025-11-05"


def test_entities_have_kind_label_and_aliases(graph, sample):
    mamdani = entity_iri("zohran_mamdani")

    assert (mamdani, RDF.type, KG.Person) in graph
    assert str(graph.value(mamdani, RDFS.label)) == "Zohran Mamdani"
    assert {str(a) for a in graph.objects(mamdani, SKOS.altLabel)} == {"Mamdani", "Mayor Mamdani"}
    assert (entity_iri(sample.MAYOR.key), RDF.type, KG.Role) in graph


def test_speaker_is_an_entity_even_without_claims_of_its_own(extraction, graph, sample):
    tisch = entity_iri(sample.TISCH.key)

    assert sample.TISCH not in extraction.entities
    assert (tisch, RDF.type, KG.Person) in graph
    assert str(graph.value(tisch, RDFS.label)) == "Jessica Tisch"
    assert entities_from_graph(graph)["jessica_tisch"] == sample.TISCH


def test_documents_mention_entities(graph):
    ice = document_iri("ice.txt")

    assert set(graph.objects(ice, KG.mentions)) == {
        entity_iri(key)
        for key in (
            "zohran_mamdani",
            "new_york_police_department",
            "immigration_and_customs_enforcement",
            "andrew_cuomo",
            "new_york_city",
        )
    }


def test_entities_from_graph_sorted_by_key(graph, sample):
    entities = entities_from_graph(graph)

    assert list(entities) == sorted(entities)
    assert entities["new_york_city"] == sample.NYC
    assert entities["zohran_mamdani"].aliases == ("Mamdani", "Mayor Mamdani")


def test_no_blank_nodes(graph):
    terms = {t for triple in graph for t in triple}
    assert all(isinstance(t, URIRef | Literal) for t in terms)


def test_rebuild_is_isomorphic_and_byte_identical_whatever_the_input_order(extraction, graph):
    shuffled = dataclasses.replace(
        extraction,
        claims=tuple(reversed(extraction.claims)),
        entities=tuple(reversed(extraction.entities)),
        articles=tuple(reversed(extraction.articles)),
    )
    again = to_graph(shuffled)

    assert to_isomorphic(again) == to_isomorphic(graph)
    assert serialize(again) == serialize(graph)


def test_claims_with_the_same_key_are_one_claim_the_most_confident(extraction, sample):
    weaker = dataclasses.replace(sample.CLAIMS[0], confidence=0.3, cue="against")
    graph = to_graph(dataclasses.replace(extraction, claims=(weaker, *extraction.claims)))

    claims = claims_from_graph(graph)
    assert len(claims) == len(extraction.claims)
    assert sample.CLAIMS[0] in claims and weaker not in claims


def test_document_ids_with_the_same_slug_get_distinct_iris(sample):
    docs = [Article("a.txt", "X backs Y."), Article("atxt", "X backs Y.")]
    claims = tuple(
        Claim(sample.CUOMO, "supports", sample.RAIDS, Provenance(d.id, d.text, 0, 10, "s", "1"), 1)
        for d in docs
    )
    graph = to_graph(Extraction(tuple(docs), (), claims))

    assert len(set(graph.subjects(RDF.type, KG.Document))) == 2
    assert set(claims_from_graph(graph)) == set(claims)


def test_claims_from_a_plain_rdflib_graph(graph, extraction):
    plain = Graph()
    for triple in graph:
        plain.add(triple)

    assert set(claims_from_graph(plain)) == set(extraction.claims)


def test_claim_naming_an_unlabelled_entity_is_a_graph_error(graph):
    graph.remove((entity_iri("ice_raids"), RDFS.label, None))

    with pytest.raises(GraphError, match=r"names <https://w3id.org/policy-kg/id/ice_raids>"):
        claims_from_graph(graph)


def test_claim_with_an_unknown_predicate_is_a_graph_error(graph, sample):
    node = claim_iri(sample.CLAIMS[0])
    graph.remove((node, KG.predicate, None))
    graph.add((node, KG.predicate, URIRef("http://example.org/likes")))

    with pytest.raises(GraphError, match=r"is not valid \(predicate 'http://example.org/likes'"):
        claims_from_graph(graph)


def test_entity_key_of_foreign_iri_is_the_iri():
    assert entity_key(URIRef("http://example.org/x")) == "http://example.org/x"
    assert entity_key(entity_iri("a_b")) == "a_b"


def test_claim_iri_depends_only_on_the_claim_key(sample):
    claim = sample.CLAIMS[0]
    requalified = dataclasses.replace(claim, confidence=0.1, modality="questioned")
    moved = dataclasses.replace(claim, provenance=dataclasses.replace(claim.provenance, start=1))

    assert claim_iri(claim) == claim_iri(requalified)
    assert claim_iri(claim) != claim_iri(moved)
    assert str(claim_iri(claim)).startswith(str(KGR) + "claim-")


def test_entity_key_that_is_no_iri_is_a_graph_error():
    broken = Extraction((), (Entity("a b", "A B", "Person"),), ())

    with pytest.raises(GraphError, match=r"cannot build the graph: .*entity keys must be slugs"):
        to_graph(broken)


def test_only_asserted_and_planned_claims_get_a_direct_triple():
    from kg.model import Article, Claim, Entity, Extraction, Provenance
    from kg.rdf.graph import entity_iri, to_graph
    from kg.rdf.namespaces import KG

    lee, merger = Entity.named("Ann Lee", "Person"), Entity.named("merger", "Issue")
    text = "Ann Lee would back the merger if it were amended."
    claim = Claim(
        lee,
        "supports",
        merger,
        Provenance("a", text, 0, len(text), "stance.v1", "1"),
        polarity=1,
        confidence=0.5,
        modality="hypothetical",
    )
    graph = to_graph(Extraction((Article("a", text),), (lee, merger), (claim,)))
    assert (entity_iri(lee.key), KG.supports, entity_iri(merger.key)) not in graph
    assert any(graph.triples((None, KG.modality, None)))


def test_an_impossible_iso_date_is_no_xsd_date():
    docs = (Article("a", "Text.", date="2024-02-30"), Article("b", "Text.", date="2024-02-29"))
    graph = to_graph(Extraction(docs, (), ()))
    dates = sorted((str(o), o.datatype) for o in graph.objects(None, DCTERMS.date))
    assert dates == [("2024-02-29", rdflib.XSD.date), ("2024-02-30", rdflib.XSD.string)]
