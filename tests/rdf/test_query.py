from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal

import kg.rdf.query
from kg.errors import QueryError, UnknownNameError
from kg.model import Entity, Extraction
from kg.rdf.graph import entity_iri, to_graph
from kg.rdf.prefixes import PREFIX_IRIS
from kg.rdf.query import (
    NAMED_QUERIES,
    NamedQuery,
    QueryResult,
    bind_values,
    parse_named_query,
    resolve_entity,
    run_named,
    run_query,
)
from kg.rdf.store import new_graph, oxigraph_of

NYPD_SENTENCE = "The NYPD will not assist ICE, said Jessica Tisch."


def test_shipped_named_queries():
    assert sorted(NAMED_QUERIES) == [
        "conflicts",
        "entities",
        "evidence",
        "opponents",
        "stance_changes",
        "stance_timeline",
        "stances",
        "supporters",
    ]
    assert NAMED_QUERIES["stances"].params == ("actor",)
    assert NAMED_QUERIES["supporters"].params == ("target",)
    assert NAMED_QUERIES["opponents"].params == ("target",)
    assert NAMED_QUERIES["evidence"].params == ("actor",)
    assert NAMED_QUERIES["conflicts"].params == ()
    for query in NAMED_QUERIES.values():
        assert isinstance(query, NamedQuery)
        assert query.description.endswith(".")
        assert len(query.param_help) == len(query.params)
        assert all(query.param_help)


def test_named_queries_are_loaded_once():
    from kg.rdf import query

    assert query.NAMED_QUERIES is NAMED_QUERIES


def test_stances(graph):
    result = run_named(graph, "stances", {"actor": "Mamdani"})

    assert result.columns == (
        "predicate",
        "object",
        "polarity",
        "confidence",
        "negated",
        "modality",
        "article",
    )
    assert result.rows == (
        ("proposes", "fare-free buses", "1", "0.85", "false", "planned", "buses.txt"),
        ("opposes", "ICE raids", "-1", "0.9", "false", "asserted", "ice.txt"),
    )


def test_supporters(graph):
    result = run_named(graph, "supporters", {"target": "ICE raids"})

    assert result.columns == ("actor", "predicate", "claims", "best_confidence", "articles")
    assert result.rows == (("Andrew Cuomo", "supports", "1", "0.55", "ice.txt"),)
    assert run_named(graph, "supporters", {"target": "free buses"}).rows == (
        ("Zohran Mamdani", "proposes", "1", "0.85", "buses.txt"),
    )


def test_opponents(graph):
    assert run_named(graph, "opponents", {"target": "ice_raids"}).rows == (
        ("Zohran Mamdani", "opposes", "1", "0.9", "ice.txt"),
    )
    assert run_named(graph, "opponents", {"target": "fare-free buses"}).rows == (
        ("Andrew Cuomo", "criticizes", "1", "0.7", "buses.txt"),
    )
    # "ICE" is the agency's alias, not the raids.
    assert run_named(graph, "opponents", {"target": "ICE"}).rows == (
        ("New York Police Department", "opposes", "1", "0.8", "ice.txt"),
    )


def test_conflicts(graph):
    result = run_named(graph, "conflicts")

    assert result.columns == ("target", "supporter", "opponent")
    assert result.rows == (
        ("ICE raids", "Andrew Cuomo", "Zohran Mamdani"),
        ("fare-free buses", "Zohran Mamdani", "Andrew Cuomo"),
    )


def test_evidence_as_subject_and_as_object(graph, sample):
    start = sample.CLAIMS[1].provenance.start
    expected = (
        (
            "New York Police Department",
            "opposes",
            "Immigration and Customs Enforcement",
            NYPD_SENTENCE,
            "ice.txt",
            str(start),
            str(start + len(NYPD_SENTENCE)),
        ),
    )
    as_subject = run_named(graph, "evidence", {"actor": "NYPD"})
    as_object = run_named(graph, "evidence", {"actor": "immigration and customs enforcement"})

    assert as_subject.columns == (
        "subject",
        "predicate",
        "object",
        "sentence",
        "article",
        "start",
        "end",
    )
    assert as_subject.rows == expected
    assert as_object.rows == expected


def test_evidence_lists_every_claim_of_the_actor_in_document_order(graph):
    rows = run_named(graph, "evidence", {"actor": "zohran_mamdani"}).rows

    assert [(r[1], r[2], r[4]) for r in rows] == [
        ("proposes", "fare-free buses", "buses.txt"),
        ("memberOf", "Democratic Socialists of America", "buses.txt"),
        ("opposes", "ICE raids", "ice.txt"),
        ("holdsRole", "mayor", "ice.txt"),
    ]


def test_entities(graph):
    result = run_named(graph, "entities")

    assert result.columns == ("entity", "kind", "id", "claims")
    assert result.rows == (
        ("Zohran Mamdani", "Person", "zohran_mamdani", "4"),
        ("Andrew Cuomo", "Person", "andrew_cuomo", "2"),
        ("ICE raids", "Issue", "ice_raids", "2"),
        ("fare-free buses", "Issue", "fare_free_buses", "2"),
        (
            "Democratic Socialists of America",
            "Organization",
            "democratic_socialists_of_america",
            "1",
        ),
        (
            "Immigration and Customs Enforcement",
            "Organization",
            "immigration_and_customs_enforcement",
            "1",
        ),
        ("Jessica Tisch", "Person", "jessica_tisch", "1"),
        ("New York Police Department", "Organization", "new_york_police_department", "1"),
        ("mayor", "Role", "mayor", "1"),
        ("New York City", "Place", "new_york_city", "0"),
    )


def test_named_queries_run_on_an_empty_graph():
    assert run_named(new_graph(), "conflicts").rows == ()
    assert run_named(new_graph(), "entities").rows == ()


def test_unknown_named_query_lists_the_choices(graph):
    with pytest.raises(UnknownNameError) as error:
        run_named(graph, "stance", {"actor": "Mamdani"})

    assert str(error.value) == (
        "unknown named query 'stance'; choose one of: "
        "conflicts, entities, evidence, opponents, stance_changes, stance_timeline, stances, "
        "supporters"
    )


def test_missing_parameter(graph):
    with pytest.raises(QueryError) as error:
        run_named(graph, "stances", {})

    message = str(error.value)
    assert message.startswith("named query 'stances' needs parameter 'actor' (")
    assert message.endswith("; expected parameters: actor")


def test_unknown_parameter(graph):
    with pytest.raises(QueryError) as error:
        run_named(graph, "conflicts", {"actor": "Mamdani"})

    assert str(error.value) == (
        "named query 'conflicts' takes no parameter 'actor'; expected parameters: none"
    )


@pytest.mark.parametrize(
    "text",
    [
        "zohran_mamdani",
        "kgr:zohran_mamdani",
        "https://w3id.org/policy-kg/id/zohran_mamdani",
        "Zohran Mamdani",
        "ZOHRAN MAMDANI",
        "Mayor Mamdani",
        "mamdani",
        "  Zohran  ",
    ],
)
def test_resolve_entity(graph, text):
    assert resolve_entity(graph, text) == ox.NamedNode(entity_iri("zohran_mamdani"))


def test_resolve_entity_by_slug_and_alias(graph):
    assert resolve_entity(graph, "Fare Free Buses") == ox.NamedNode(entity_iri("fare_free_buses"))
    assert resolve_entity(graph, "NYPD") == ox.NamedNode(entity_iri("new_york_police_department"))
    # A label wins over word matches: "ICE" is an alias, though "ICE raids" holds the word.
    assert resolve_entity(graph, "ice") == ox.NamedNode(
        entity_iri("immigration_and_customs_enforcement")
    )


def test_ambiguous_entity_lists_candidates(graph):
    with pytest.raises(QueryError) as error:
        resolve_entity(graph, "new york")

    assert str(error.value) == (
        "'new york' matches 2 entities: New York City (Place, id new_york_city), "
        "New York Police Department (Organization, id new_york_police_department); "
        "give the id or a fuller name"
    )


def test_ambiguity_shows_at_most_five_candidates():
    parties = tuple(Entity.named(f"Party {n}", "Organization") for n in range(7))
    graph = to_graph(Extraction((), parties, ()))

    with pytest.raises(QueryError) as error:
        resolve_entity(graph, "party")

    message = str(error.value)
    assert message.startswith("'party' matches 7 entities: Party 0 (Organization, id party_0), ")
    assert "Party 4 (Organization, id party_4) and 2 more; give the id" in message
    assert "Party 5" not in message


def test_no_entity_matches(graph):
    with pytest.raises(QueryError) as error:
        run_named(graph, "stances", {"actor": "Eric Adams"})

    assert str(error.value) == (
        "no entity matches 'Eric Adams'; try `kg query OUT --name entities`"
    )


def test_run_query_select(graph):
    result = run_query(
        graph,
        "SELECT ?label WHERE { ?e a kg:Person ; rdfs:label ?label } ORDER BY ?label",
    )

    assert result == QueryResult(
        ("label",), (("Andrew Cuomo",), ("Jessica Tisch",), ("Zohran Mamdani",))
    )
    assert result.records()[0] == {"label": "Andrew Cuomo"}


def test_run_query_unbound_values_are_none(graph):
    result = run_query(
        graph,
        "SELECT ?label ?alias WHERE { ?e a kg:Role ; rdfs:label ?label "
        "OPTIONAL { ?e skos:altLabel ?alias } }",
    )

    assert result.rows == (("mayor", None),)


def test_run_query_bindings_are_values_not_text(graph):
    tricky = Literal('Zohran Mamdani" } ; DROP ALL ; #')
    query = "SELECT ?label ?e WHERE { ?e rdfs:label ?label }"

    found = run_query(graph, query, {"label": Literal("Zohran Mamdani")})
    assert found.rows == (("Zohran Mamdani", str(entity_iri("zohran_mamdani"))),)
    assert run_query(graph, query, {"label": tricky}).rows == ()


def test_run_query_ask_and_construct(graph):
    assert run_query(graph, "ASK { ?c a kg:Claim }").rows == (("true",),)
    assert run_query(graph, "ASK { ?c a kg:Nothing }").rows == (("false",),)
    construct = run_query(graph, "CONSTRUCT { ?e a kg:Place } WHERE { ?e a kg:Place }")
    assert construct == QueryResult(
        ("subject", "predicate", "object"),
        (
            (
                str(entity_iri("new_york_city")),
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                "https://w3id.org/policy-kg/ontology#Place",
            ),
        ),
    )


def test_bad_sparql_gives_line_and_column(graph):
    with pytest.raises(QueryError) as error:
        run_query(graph, "SELECT ?x WHERE {\n  ?x ?p ?o .\n  FILTER( }")

    message = str(error.value)
    assert message.startswith("SPARQL does not parse: line 3 column 12: ")
    assert message.endswith("; check the query")
    assert "\n" not in message


def test_unknown_prefix_names_the_declared_ones(graph):
    with pytest.raises(QueryError) as error:
        run_query(graph, "SELECT ?x WHERE { ?x foaf:name ?n }")

    assert str(error.value) == (
        "SPARQL does not parse: line 1 column 31: unknown prefix "
        "(declared: kg, kgr, rdf, rdfs, owl, xsd, skos, prov, dcterms); check the query"
    )


def test_updates_are_refused(graph):
    with pytest.raises(QueryError, match="only SELECT, ASK, CONSTRUCT and DESCRIBE"):
        run_query(graph, "# wipe\nPREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ?p ?o }")
    assert run_query(graph, "ASK { ?c a kg:Claim }").rows == (("true",),)


def test_bound_variable_need_not_be_selected(graph):
    query = "SELECT ?label WHERE { ?e rdfs:label ?label }"

    result = run_query(graph, query, {"e": entity_iri("andrew_cuomo")})

    assert result.rows == (("Andrew Cuomo",),)


def test_bindings_open_the_where_clause():
    iri = ox.NamedNode("https://w3id.org/policy-kg/id/x")
    text = 'SELECT ?s WHERE { ?s rdfs:label "WHERE { " }'

    assert bind_values(text, {"s": iri}) == (
        "SELECT ?s WHERE { VALUES (?s) { (<https://w3id.org/policy-kg/id/x>) } "
        '?s rdfs:label "WHERE { " }'
    )
    # A WHERE in a comment, a string or an IRI is not the clause; no clause: VALUES at the end.
    assert bind_values("# WHERE {\nASK { ?s ?p <urn:WHERE{> }", {"s": iri}) == (
        "# WHERE {\nASK { ?s ?p <urn:WHERE{> }\nVALUES (?s) { (<https://w3id.org/policy-kg/id/x>) }"
    )


def test_bound_literals_are_escaped_terms(graph):
    tricky = ox.Literal('x" } ; DROP ALL ; #\n')

    assert '"x\\" } ; DROP ALL ; #\\n"' in bind_values("ASK WHERE { ?s ?p ?o }", {"o": tricky})
    assert run_query(graph, "ASK WHERE { ?s ?p ?o }", {"o": tricky}).rows == (("false",),)


def test_blank_node_cannot_be_bound(graph):
    with pytest.raises(QueryError, match=r"cannot bind \?s to .*; bind an IRI or a literal"):
        run_query(graph, "ASK WHERE { ?s ?p ?o }", {"s": ox.BlankNode("b")})


@pytest.mark.parametrize("text", ["#", "}", "*", " ?! "])
def test_parameter_without_letters_or_digits_is_an_error(graph, text):
    # Such text would slugify to the fallback key 'unnamed' and find whatever holds it.
    unnamed = to_graph(Extraction((), (Entity("unnamed", "Unnamed", "Person"),), ()))

    for source in (graph, unnamed):
        with pytest.raises(QueryError) as error:
            resolve_entity(source, text)
        assert str(error.value).startswith(f"{text.strip()!r} names no entity: give a name, ")


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "PREFIX ex: <http://example.org/a#b>\nSELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
    ],
)
def test_service_is_refused_unless_allowed(graph, query):
    with pytest.raises(QueryError) as error:
        run_query(graph, query)
    assert str(error.value).startswith("the query calls a SERVICE, which fetches data from")

    # Allowed, the query runs: here it fails on its own terms (or, SILENT, binds nothing).
    try:
        assert run_query(graph, query, allow_service=True).rows in ((), ((None, None, None),))
    except QueryError as error:
        assert "calls a SERVICE" not in str(error)


def test_the_word_service_elsewhere_is_no_service_call(graph):
    query = (
        "PREFIX service: <http://example.org/service#>\n"
        'SELECT ?service WHERE { ?service rdfs:label "SERVICE <x>" } # SERVICE <y>'
    )
    assert run_query(graph, query).rows == ()


def test_update_after_prefixes_with_hashes_is_refused(graph):
    update = "PREFIX kg: <https://w3id.org/policy-kg/ontology#>\nINSERT DATA { kg:a kg:b kg:c }"
    with pytest.raises(QueryError, match="only SELECT, ASK, CONSTRUCT and DESCRIBE"):
        run_query(graph, update)


def test_named_queries_run_on_a_read_only_store(graph, tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    store.bulk_extend(oxigraph_of(graph).quads_for_pattern(None, None, None))
    store.flush()
    del store
    on_disk = ox.Store.read_only(str(tmp_path / "store"))
    params = {"actor": "Mamdani", "target": "ICE raids"}

    for name, query in NAMED_QUERIES.items():
        given = {p: params[p] for p in query.params}
        assert run_named(on_disk, name, given) == run_named(graph, name, given)
    assert resolve_entity(on_disk, "NYPD") == ox.NamedNode(entity_iri("new_york_police_department"))


QUERY_FILES = sorted((Path(kg.rdf.query.__file__).parent / "queries").glob("*.rq"))


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_every_query_file_runs_unchanged_elsewhere(graph, path):
    # No prefixes given, as on another endpoint: every prefix the file uses, it declares.
    store = ox.Store()
    store.bulk_extend(oxigraph_of(graph).quads_for_pattern(None, None, None))
    text = path.read_text(encoding="utf-8")
    declared = dict(re.findall(r"^PREFIX (\w+): <([^>]*)>$", text, re.MULTILINE))
    assert declared
    assert all(PREFIX_IRIS[prefix] == iri for prefix, iri in declared.items())

    if path.stem not in NAMED_QUERIES:  # an internal query: it runs
        assert list(store.query(text))
        return
    query = NAMED_QUERIES[path.stem]
    given = {p: {"actor": "Zohran Mamdani", "target": "fare-free buses"}[p] for p in query.params}
    bound = {p: resolve_entity(graph, value) for p, value in given.items()}
    solutions = store.query(bind_values(text, bound) if bound else text)
    names = [v.value for v in solutions.variables]
    rows = tuple(
        tuple(
            None if t is None else t.value for n, t in zip(names, s, strict=True) if n not in bound
        )
        for s in solutions
    )
    assert rows == run_named(graph, path.stem, given).rows


def test_parse_named_query_header():
    query = parse_named_query(
        "demo",
        "# description: Demo.\n# param who: the actor\n# other comment\nSELECT ?who WHERE {}\n",
    )

    assert query == NamedQuery(
        "demo",
        "Demo.",
        ("who",),
        "# description: Demo.\n# param who: the actor\n# other comment\nSELECT ?who WHERE {}\n",
        ("the actor",),
    )


def test_parse_named_query_needs_description_and_its_params_used():
    with pytest.raises(QueryError, match="has no '# description:' line"):
        parse_named_query("demo", "SELECT * WHERE {}")
    with pytest.raises(QueryError, match=r"never uses its parameter \?who"):
        parse_named_query(
            "demo", "# description: D.\n# param who: x\nSELECT ?x WHERE { ?whom ?p '?who' }"
        )
