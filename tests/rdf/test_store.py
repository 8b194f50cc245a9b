from __future__ import annotations

import json

import pytest
from rdflib.compare import to_isomorphic

from kg.errors import GraphError, UnknownNameError
from kg.rdf import store
from kg.rdf.graph import claims_from_graph
from kg.rdf.namespaces import KGR
from kg.rdf.store import RDF_FORMATS, format_of, new_graph, read_graph, serialize, write_graph

BAD_TURTLE = """\
@prefix kg: <https://w3id.org/policy-kg/ontology#> .
@prefix kgr: <https://w3id.org/policy-kg/id/> .
kgr:claim a kg:Claim .
kgr:claim kg:evidenceText "an unterminated string .
kgr:x a kg:Person .
"""


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("ttl", "ttl"),
        ("Turtle", "ttl"),
        ("text/turtle", "ttl"),
        ("ntriples", "nt"),
        ("N-Triples", "nt"),
        ("application/n-triples", "nt"),
        ("application/trig", "trig"),
        ("json-ld", "jsonld"),
        ("application/ld+json", "jsonld"),
    ],
)
def test_format_aliases(alias, name):
    assert RDF_FORMATS.resolve(alias) == name


def test_unknown_format_lists_the_choices(graph, tmp_path):
    with pytest.raises(UnknownNameError) as error:
        write_graph(graph, tmp_path / "graph.xml", "rdfxml")

    assert str(error.value) == "unknown rdf format 'rdfxml'; choose one of: jsonld, nt, trig, ttl"
    assert not list(tmp_path.iterdir())


def test_format_of_suffix():
    assert format_of("out/graph.ttl") == "ttl"
    assert format_of("g.jsonld") == "jsonld"
    with pytest.raises(UnknownNameError, match="unknown rdf format 'xml'"):
        format_of("graph.xml")


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "jsonld"])
def test_every_format_round_trips(graph, extraction, tmp_path, fmt):
    path = write_graph(graph, tmp_path / f"graph.{fmt}", fmt)

    again = read_graph(path)
    assert path == tmp_path / f"graph.{fmt}"
    assert to_isomorphic(again) == to_isomorphic(graph)
    assert set(claims_from_graph(again)) == set(extraction.claims)


def test_turtle_declares_the_project_prefixes_only(graph):
    text = serialize(graph, "ttl").decode()

    assert "@prefix kg: <https://w3id.org/policy-kg/ontology#> ." in text
    assert "@prefix kgr: <https://w3id.org/policy-kg/id/> ." in text
    assert "@prefix prov: <http://www.w3.org/ns/prov#> ." in text
    assert text.count("@prefix") == 9
    assert "kg:opposes" in text


def test_jsonld_uses_the_prefixes_as_context(graph):
    document = json.loads(serialize(graph, "json-ld"))

    assert document["@context"]["kg"] == "https://w3id.org/policy-kg/ontology#"
    assert any(node.get("@type") == "kg:Claim" for node in document["@graph"])


def test_read_graph_binds_the_prefixes(graph, tmp_path):
    again = read_graph(write_graph(graph, tmp_path / "graph.nt", "nt"))

    assert "@prefix kg:" in serialize(again, "ttl").decode()


def test_missing_file_is_a_graph_error(tmp_path):
    path = tmp_path / "nothing.ttl"
    with pytest.raises(GraphError) as error:
        read_graph(path)

    assert str(error.value) == f"{path}: no such file; build one with `kg build`"


def test_folder_without_store_or_graph_is_a_graph_error(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(GraphError) as error:
        read_graph(folder)

    assert str(error.value) == (
        f"{folder}: holds neither store/ nor graph.ttl; build one with `kg build`"
    )


def test_bad_turtle_names_the_file_and_the_line(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(BAD_TURTLE, encoding="utf-8")

    with pytest.raises(GraphError) as error:
        read_graph(path)

    message = str(error.value)
    assert message.startswith(f"{path}: line 4: not valid Turtle (")
    assert message.endswith("); rebuild it with `kg build` or fix the line")
    assert "\n" not in message


def test_bad_ntriples_names_the_format(tmp_path):
    path = tmp_path / "graph.nt"
    path.write_text("<http://a> <http://b> <http://c> .\n<http://a> <http://b>\n", encoding="utf-8")

    with pytest.raises(GraphError, match=r"graph\.nt: line 3: not valid N-Triples \("):
        read_graph(path)


def test_graph_without_claims_is_a_graph_error(tmp_path):
    path = tmp_path / "other.ttl"
    path.write_text("<http://example.org/a> <http://example.org/b> 1 .\n", encoding="utf-8")

    with pytest.raises(GraphError) as error:
        read_graph(path)

    assert str(error.value) == (
        f"{path}: holds no kg documents or claims; is it a graph written by `kg build`?"
    )


def test_explicit_format_overrides_the_suffix(graph, tmp_path):
    path = tmp_path / "graph.data"
    path.write_bytes(serialize(graph, "nt"))

    assert len(read_graph(path, "ntriples")) == len(graph)


def test_write_graph_replaces_the_file_atomically(graph, tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("old", encoding="utf-8")

    write_graph(graph, path)

    assert len(read_graph(path)) == len(graph)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_failed_write_leaves_old_file_and_no_temp_file(graph, tmp_path, monkeypatch):
    path = tmp_path / "graph.ttl"
    path.write_text("old", encoding="utf-8")
    # A str where bytes are due: the write fails inside atomic_write.
    monkeypatch.setattr(store, "serialize", lambda graph, fmt: "not bytes")

    with pytest.raises(TypeError):
        write_graph(graph, path)

    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_failed_serialization_writes_nothing(graph, tmp_path, monkeypatch):
    class Broken:
        def dump(self, **kwargs):
            raise OSError("disk on fire")

    monkeypatch.setattr(store, "oxigraph_of", lambda graph: Broken())

    with pytest.raises(OSError, match="disk on fire"):
        write_graph(graph, tmp_path / "graph.ttl")

    assert list(tmp_path.iterdir()) == []


def test_new_graph_is_empty_and_independent():
    first, second = new_graph(), new_graph()
    first.add((KGR["a"], KGR["p"], KGR["b"]))

    assert len(first) == 1
    assert len(second) == 0


def test_parse_error_reason_drops_oxigraph_position_prefix(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(
        "@prefix kg: <https://w3id.org/policy-kg/ontology#> .\nkgr:a a kg:Claim .\n",
        encoding="utf-8",
    )

    with pytest.raises(GraphError) as error:
        read_graph(path)

    assert str(error.value) == (
        f"{path}: line 2: not valid Turtle (The prefix kgr: has not been declared); "
        "rebuild it with `kg build` or fix the line"
    )


def test_turtle_bodies_are_written_as_oxigraph_writes_them_with_the_same_triples():
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    from kg.rdf.namespaces import KG, PREFIXES
    from kg.rdf.store import ntriple, quads, read_turtle_body, turtle_header, turtle_of

    claim, person = KGR["claim-0a1b"], KGR["tova_renner"]
    triples = [
        (claim, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), KG.Claim),
        (claim, KG.subject, person),
        (claim, KG.evidenceText, 'She said: "no \\ way"\n\tthen left — é.'),
        (claim, KG.evidenceText, Literal("la taxe", lang="fr")),
        (claim, KG.polarity, -1),
        (claim, KG.startOffset, 0),
        (claim, KG.confidence, 0.875),
        (claim, KG.confidence, 1e-7),
        (claim, KG.negated, False),
        (claim, KG.rule, Literal("2026-03-01", datatype=PREFIXES["xsd"].date)),
        (person, KG.mentions, KGR["x.y"]),
        (person, KG.mentions, URIRef("http://example.org/elsewhere")),
        (person, KG.mentions, BNode("b1")),
        (person, KG.mentions, KGR["wendell_osei"]),
    ]
    made = list(quads(triples))
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    oxigraph = ox.serialize(made, format=ox.RdfFormat.TURTLE, prefixes=prefixes).splitlines(True)
    assert turtle_of(triples) == b"".join(x for x in oxigraph if not x.startswith(b"@prefix"))
    assert store.turtle_body(made) == turtle_of(triples)
    # A local name that would need escapes is written in full: other bytes, the same triple.
    odd = [*triples, (person, KG.mentions, KGR["a~b"]), (KGR["é"], KG.mentions, person)]
    read = ox.parse(turtle_header() + turtle_of(odd), format=ox.RdfFormat.TURTLE)
    assert list(read) == list(quads(odd))
    assert [ntriple(t) for t in triples] == [str(q.triple) for q in made]
    assert read_turtle_body(turtle_of(triples[:1])) == made[:1]
