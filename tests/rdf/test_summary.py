"""The summaries of the claims (``kg.rdf.summary``) and the named queries that read them."""

from __future__ import annotations

import random
from collections import Counter, defaultdict

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.model import MODALITIES, Article, Claim, Entity, Extraction, Provenance
from kg.rdf.graph import to_graph
from kg.rdf.prefixes import KG_IRI, KGR_IRI
from kg.rdf.query import NAMED_QUERIES, run_named
from kg.rdf.store import new_graph, oxigraph_of
from kg.rdf.summary import MARKER, has_summaries, refresh_summaries

PEOPLE = [Entity.named(name, "Person") for name in ("Ann Lee", "Bob Roe", "Cat Kay", "Dan Fox")]
ISSUES = [Entity.named(name, "Issue") for name in ("Harbour toll", "Riverside park", "Tram line")]
IDLE = Entity.named("Eve Idle", "Person")  # named by no claim
STANCES = (
    ("supports", 1),
    ("opposes", -1),
    ("praises", 1),
    ("criticizes", -1),
    ("announces", 1),
    ("announces", 0),
)


def _extraction(seed: int, articles: int = 40) -> Extraction:
    """A random corpus: several stances per pair, on several days, in every modality."""
    rnd = random.Random(seed)
    docs, claims = [], []
    for n in range(articles):
        day = f"2024-0{rnd.randint(1, 4)}-1{rnd.randint(0, 3)}"
        date = rnd.choice([day, day, day, None, "May 2024"])
        doc = Article(f"a{n}", "One sentence here. " * 8, date=date)
        docs.append(doc)
        for i in range(rnd.randint(1, 6)):
            subject, target = rnd.choice(PEOPLE), rnd.choice(ISSUES + PEOPLE)
            if subject == target:
                continue
            predicate, polarity = rnd.choice(STANCES)
            start, end = 19 * i, 19 * (i + 1)
            proof = Provenance(doc.id, doc.text[start:end], start, end, "x", "1", date)
            claims.append(
                Claim(
                    subject,
                    predicate,
                    target,
                    proof,
                    polarity=polarity,
                    confidence=rnd.choice([0.4, 0.6, 0.8]),
                    modality=rnd.choice(MODALITIES),
                    speaker=rnd.choice([None, PEOPLE[0]]),
                )
            )
    return Extraction(tuple(docs), (*PEOPLE, *ISSUES, IDLE), tuple(claims))


def _expected(extraction: Extraction) -> dict:
    """The summaries, computed here from the claims themselves."""
    claims = extraction.claims  # one per key: each has its own span
    counts: Counter[str] = Counter()
    sides: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    nets: dict[tuple[str, str, str], float] = defaultdict(float)
    for claim in claims:
        named = {claim.subject.key, claim.object.key}
        named |= {claim.speaker.key} if claim.speaker else set()
        counts.update(named)
        pair = (claim.subject.key, claim.object.key)
        if claim.polarity:
            sides[pair][claim.polarity] += 1
        date = claim.provenance.date
        if claim.modality in ("asserted", "planned") and date and date[0].isdigit():
            nets[(*pair, date)] += claim.polarity * claim.confidence
    days: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(
        lambda: {"for": [], "against": []}
    )
    for (a, t, day), net in nets.items():
        if net:
            days[(a, t)]["for" if net > 0 else "against"].append(day)
    entities = {e.key for e in extraction.entities}
    return {
        "counts": {key: counts[key] for key in entities},
        "sides": {pair: (c[1], c[-1]) for pair, c in sides.items()},
        "days": {
            pair: tuple(
                f(side[s]) if side[s] else None for s in ("for", "against") for f in (min, max)
            )
            for pair, side in days.items()
            if side["for"] or side["against"]
        },
    }


def _found(store: ox.Store) -> dict:
    """The summaries held in ``store``."""

    def key(node: ox.NamedNode) -> str:
        return node.value[len(KGR_IRI) :]

    counts = {
        key(row["e"]): int(row["n"].value)
        for row in store.query(f"SELECT ?e ?n WHERE {{ ?e <{KG_IRI}claimCount> ?n }}")
    }
    sides, days = {}, {}
    query = f"""PREFIX kg: <{KG_IRI}>
    SELECT * WHERE {{
      ?s a kg:StanceSummary ; kg:holder ?a ; kg:target ?t ;
         kg:favourableClaims ?f ; kg:unfavourableClaims ?u .
      OPTIONAL {{ ?s kg:firstFor ?ff ; kg:lastFor ?lf }}
      OPTIONAL {{ ?s kg:firstAgainst ?fa ; kg:lastAgainst ?la }}
    }}"""
    for row in store.query(query):
        pair = (key(row["a"]), key(row["t"]))
        sides[pair] = (int(row["f"].value), int(row["u"].value))
        dated = tuple(row[v].value if row[v] else None for v in ("ff", "lf", "fa", "la"))
        if any(dated):
            days[pair] = dated
    return {"counts": counts, "sides": sides, "days": days}


@pytest.mark.parametrize("seed", range(5))
def test_summaries_equal_what_the_claims_say(seed):
    extraction = _extraction(seed)
    store = oxigraph_of(to_graph(extraction))

    found, expected = _found(store), _expected(extraction)

    assert found["counts"] == expected["counts"]
    assert found["counts"][IDLE.key] == 0
    assert found["sides"] == {pair: s for pair, s in expected["sides"].items() if any(s)}
    # A day whose net stance is 0 (say 0.8 - 0.8) is on neither side.
    assert found["days"] == {p: d for p, d in expected["days"].items() if p in found["sides"]}
    assert any(
        first_for and first_against for first_for, _, first_against, _ in found["days"].values()
    )


def test_a_summary_row_of_each_named_query():
    graph = to_graph(_extraction(3))

    assert run_named(graph, "entities").rows
    assert run_named(graph, "conflicts").rows
    assert run_named(graph, "stance_changes").rows


def test_refreshing_after_an_article_is_removed_equals_a_fresh_build():
    extraction = _extraction(7, articles=20)
    store = oxigraph_of(to_graph(extraction))
    gone = "a3"
    store.update(
        f"""PREFIX kg: <{KG_IRI}> PREFIX prov: <http://www.w3.org/ns/prov#>
        DELETE {{ ?claim ?p ?o }} WHERE {{
          ?claim prov:wasDerivedFrom <{KGR_IRI}doc-{gone}> ; ?p ?o }}"""
    )
    kept = Extraction(
        tuple(a for a in extraction.articles if a.id != gone),
        extraction.entities,
        tuple(c for c in extraction.claims if c.provenance.article != gone),
    )
    assert _found(store) != _found(oxigraph_of(to_graph(kept)))  # stale until refreshed

    refresh_summaries(store)

    fresh = oxigraph_of(to_graph(kept))
    assert _found(store) == _found(fresh)
    for name in ("entities", "conflicts", "stance_changes"):
        assert run_named(store, name) == run_named(fresh, name)


def test_refreshing_twice_changes_nothing():
    store = oxigraph_of(to_graph(_extraction(1)))
    before = set(store)

    refresh_summaries(refresh_summaries(store))

    assert set(store) == before


def test_a_graph_without_summaries_asks_for_a_rebuild():
    store = oxigraph_of(to_graph(_extraction(2)))
    store.update(f"DELETE WHERE {{ <{MARKER.value}> ?p ?o }}")
    assert not has_summaries(store)

    for name, query in sorted(NAMED_QUERIES.items()):
        if query.summaries:
            with pytest.raises(QueryError, match="rebuild it with `kg build`"):
                run_named(store, name)
    assert {name for name, q in NAMED_QUERIES.items() if q.summaries} == {
        "conflicts",
        "entities",
        "stance_changes",
    }
    assert has_summaries(oxigraph_of(new_graph()))  # an empty graph needs none
