from __future__ import annotations

import re
from inspect import get_annotations
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

import kg.model
from kg.model import ENTITY_KINDS, PREDICATES
from kg.rdf.namespaces import KG, KGR, ONTOLOGY_IRI, ONTOLOGY_PATH, PREFIXES, bind_prefixes

PACKAGE = Path(kg.model.__file__).parent
TERM_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
ACTOR_KINDS = ("Person", "Organization", "Place", "Group")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def declared_terms() -> set[str]:
    return {name for name in get_annotations(KG) if not name.startswith("_")}


def terms_used_in_code() -> set[str]:
    used: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith(">>>"):
                continue  # doctests may misspell a term on purpose
            used.update(re.findall(r"\bKG\.([A-Za-z]\w*)", line))
            used.update(re.findall(r"\bKG\[\s*[\"'](\w+)[\"']\s*\]", line))
    for path in PACKAGE.rglob("*.rq"):
        used.update(re.findall(r"\bkg:(\w+)", path.read_text(encoding="utf-8")))
    return used


def test_ontology_file_is_at_the_repository_root():
    assert PACKAGE.parent / "ontologies" / "kg.ttl" == ONTOLOGY_PATH
    assert ONTOLOGY_PATH.is_file()


def test_ontology_header(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY_IRI, RDFS.label) is not None
    assert ontology.value(ONTOLOGY_IRI, RDFS.comment) is not None
    assert str(KG).startswith(str(ONTOLOGY_IRI) + "#")


def test_code_uses_terms_of_the_namespace():
    used = terms_used_in_code()

    # The scan finds the terms the code does use...
    assert {"Claim", "subject", "evidenceText", "supports", "mentions"} <= used
    assert used <= declared_terms(), used - declared_terms()


def test_every_namespace_term_is_declared_with_a_label(ontology):
    for name in declared_terms():
        term = KG[name]
        assert set(ontology.objects(term, RDF.type)) & TERM_TYPES, f"{name} has no OWL type"
        assert ontology.value(term, RDFS.label) is not None, f"{name} has no rdfs:label"
        assert ontology.value(term, RDFS.comment) is not None, f"{name} has no rdfs:comment"


def test_ontology_declares_nothing_the_namespace_lacks(ontology):
    in_file = {
        str(s)[len(str(KG)) :]
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(KG))
    }

    assert in_file == declared_terms()


@pytest.mark.parametrize("predicate", PREDICATES)
def test_every_predicate_is_an_object_property_with_domain_and_range(ontology, predicate):
    term = KG[predicate]

    assert (term, RDF.type, OWL.ObjectProperty) in ontology
    for field in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
        assert ontology.value(term, field) is not None, f"{predicate} lacks {field}"


def test_symmetric_predicates(ontology):
    symmetric = set(ontology.subjects(RDF.type, OWL.SymmetricProperty))

    assert symmetric == {KG.agreesWith, KG.disagreesWith}


@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_every_entity_kind_is_a_class(ontology, kind):
    term = KG[kind]

    assert (term, RDF.type, OWL.Class) in ontology
    assert ontology.value(term, RDFS.label) is not None
    assert ontology.value(term, RDFS.comment) is not None
    is_actor = (term, RDFS.subClassOf, KG.Actor) in ontology
    assert is_actor == (kind in ACTOR_KINDS)


def test_issue_label(ontology):
    assert str(ontology.value(KG.Issue, RDFS.label)) == "Issue or policy"


def test_datatype_properties_have_xsd_ranges(ontology):
    for term in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        assert str(ontology.value(term, RDFS.range)).startswith(str(PREFIXES["xsd"])), term


def test_misspelt_term_fails_at_once():
    with pytest.raises(AttributeError, match="suports"):
        KG.suports  # noqa: B018


def test_prefixes_and_binding():
    assert list(PREFIXES) == ["kg", "kgr", "rdf", "rdfs", "owl", "xsd", "skos", "prov", "dcterms"]
    assert PREFIXES["kgr"] == KGR == "https://w3id.org/policy-kg/id/"
    graph = bind_prefixes(Graph(bind_namespaces="none"))

    assert {p: str(n) for p, n in graph.namespaces()} == {p: str(n) for p, n in PREFIXES.items()}
