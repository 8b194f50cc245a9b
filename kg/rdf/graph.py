"""Extraction ⇄ RDF: claims become triples, and triples become claims again.

Each claim is written twice, as Wikidata writes statements:

* the **direct triple** ``kgr:<subject> kg:<predicate> kgr:<object>``, for a
  plain graph walk (the predicate already carries the stance's sign: "will not
  back X" is ``opposes``, with ``kg:negated true`` on the claim node). Only
  claims the text asserts or announces as planned get one: a hypothetical,
  counterfactual or questioned stance lives on its claim node alone;
* a **claim node** ``kgr:claim-<hash>`` (``a kg:Claim``; the hash of the claim's
  own evidence, so the same in every build, see :meth:`Claim.evidence_id`) with every
  qualifier (polarity, confidence, negation, modality, speaker, cue, rule), the
  evidence sentence and its offsets, and PROV-O links to the document, the
  extractor and the extraction activity.

:func:`claims_from_graph` reads the claim nodes back, so
``set(claims_from_graph(to_graph(x))) == set(x.claims)``. Only the claim nodes
count; direct triples are derived data. An entity key that a later build merged
into another keeps resolving: ``kgr:<old> owl:sameAs kgr:<new>``.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from importlib.resources import files

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.errors import GraphError
from kg.model import (
    ENTITY_KINDS,
    Article,
    Claim,
    Entity,
    Extraction,
    Mention,
    Merge,
    Provenance,
    slugify,
)
from kg.rdf.namespaces import KG, KGR, PREFIXES
from kg.rdf.store import Term, add_triples, new_graph, oxigraph_of, sparql
from kg.rdf.summary import refresh_summaries

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_XSD = PREFIXES["xsd"]  # not rdflib's XSD: see kg.rdf.namespaces
_Triple = tuple[URIRef, URIRef, Term]


@lru_cache(maxsize=2**15)  # an entity is named by many claims, in many articles
def entity_iri(key: str) -> URIRef:
    """The IRI of the entity with ``key``.

    >>> entity_iri("zohran_mamdani")
    rdflib.term.URIRef('https://w3id.org/policy-kg/id/zohran_mamdani')
    """
    return KGR[key]


def entity_key(node: str) -> str:
    """The entity key of an entity IRI (the IRI itself if it is not one of ours).

    >>> entity_key(entity_iri("zohran_mamdani"))
    'zohran_mamdani'
    """
    text = str(node)
    return text[len(KGR) :] if text.startswith(KGR) else text


def claim_iri(claim: Claim) -> URIRef:
    """The claim node's IRI: the claim's stable identifier (:attr:`Claim.id`),
    else one made of its own evidence (:meth:`Claim.evidence_id`)."""
    return KGR[claim.id or claim.evidence_id()]


@lru_cache(maxsize=4096)  # every claim links its document: made once per article
def document_iri(doc_id: str) -> URIRef:
    """The IRI of the document with ``doc_id``: its slug, with a short hash of the
    id when the slug is not the id itself (so two ids never share an IRI, in any
    corpus).

    >>> document_iri("a001")
    rdflib.term.URIRef('https://w3id.org/policy-kg/id/doc-a001')
    """
    return KGR[f"doc-{_local(doc_id)}"]


def _local(name: str) -> str:
    slug = slugify(name)
    if slug == name:
        return slug
    return f"{slug}_{hashlib.blake2b(name.encode(), digest_size=4).hexdigest()}"


def to_graph(extraction: Extraction) -> Graph:
    """The RDF graph of ``extraction``, in an Oxigraph store, prefixes bound.

    Building twice from the same extraction gives isomorphic graphs: no
    timestamps, no blank nodes. Claims with the same :attr:`Claim.key` are one
    claim; the most confident of them is kept. The summaries of the claims
    (:mod:`kg.rdf.summary`) are written last.
    """
    try:
        graph = add_triples(new_graph(), graph_triples(extraction))
    except ValueError as error:  # Oxigraph refuses an IRI made from a bad key
        raise GraphError(
            f"cannot build the graph: {error}; entity keys must be slugs (see kg.model.slugify)"
        ) from None
    refresh_summaries(oxigraph_of(graph))
    return graph


def graph_triples(extraction: Extraction) -> Iterator[_Triple]:
    """Every triple of ``extraction``'s graph, in a fixed order."""
    claims = _unique_claims(extraction.claims)
    articles = {a.id: a for a in extraction.articles}
    mentioned = (m.article for m in extraction.mentions)
    doc_ids = sorted({*articles, *(c.provenance.article for c in claims), *mentioned})
    yield from entity_triples(_all_entities(extraction, claims), extraction.merges)
    for doc_id in doc_ids:
        yield from _document_triples(document_iri(doc_id), doc_id, articles.get(doc_id))
    for mention in extraction.mentions:
        yield mention_triple(mention)
    for extractor in sorted(
        {(c.provenance.extractor, c.provenance.extractor_version) for c in claims}
    ):
        yield from _extractor_triples(*extractor)
    for claim in claims:
        yield from _claim_triples(claim)


def article_triples(
    doc_id: str, article: Article | None, claims: Iterable[Claim], mentions: Iterable[Mention]
) -> Iterator[_Triple]:
    """The triples of one article: its document, what it mentions, its claims
    (already merged and unique, see :func:`kg.corpus.merge.canonical_claims`)
    and the extractors that made them."""
    yield from _document_triples(document_iri(doc_id), doc_id, article)
    for mention in mentions:
        yield mention_triple(mention)
    extractors: set[tuple[str, str]] = set()
    for claim in claims:
        extractors.add((claim.provenance.extractor, claim.provenance.extractor_version))
        yield from _claim_triples(claim)
    for extractor in sorted(extractors):
        yield from _extractor_triples(*extractor)


def article_owned(subject: object) -> bool:
    """Whether a triple of :func:`article_triples` with this subject (an IRI,
    rdflib or Oxigraph) belongs to its article alone: one about the article's
    document or one of its claims. Any other (a direct stance triple, an
    extractor's description) may be stated by several articles."""
    iri = str(subject) if isinstance(subject, str) else getattr(subject, "value", "")
    return isinstance(iri, str) and iri.startswith(_OWNED_PREFIXES)


_OWNED_PREFIXES = (str(KGR) + "doc-", str(KGR) + "claim-")


def entity_triples(entities: Iterable[Entity], merges: Iterable[Merge] = ()) -> Iterator[_Triple]:
    """Kind, label and aliases of each entity; ``owl:sameAs`` for each merge."""
    for entity in entities:
        yield from _entity_triples(entity)
    for merge in merges:
        yield entity_iri(merge.key), OWL.sameAs, entity_iri(merge.into)


def mention_triple(mention: Mention) -> _Triple:
    return document_iri(mention.article), KG.mentions, entity_iri(mention.entity)


def build_triples(
    *, started: str, ended: str, version: str, articles: Iterable[str], failed: Iterable[str]
) -> Iterator[_Triple]:
    """The provenance of one build: its own ``prov:Activity`` (``kgr:build-<start>``)
    with start and end times, the kg version that ran it and the documents it used."""
    stamp = re.sub(r"[^0-9]", "", started)
    activity, agent = KGR[f"build-{stamp}"], KGR[f"software-kg_{slugify(version)}"]
    yield activity, RDF.type, PROV.Activity
    yield activity, RDFS.label, f"kg build {started}"
    yield activity, PROV.startedAtTime, Literal(started, datatype=_XSD.dateTime)
    yield activity, PROV.endedAtTime, Literal(ended, datatype=_XSD.dateTime)
    yield activity, PROV.wasAssociatedWith, agent
    yield agent, RDF.type, PROV.SoftwareAgent
    yield agent, RDFS.label, f"kg {version}"
    yield agent, OWL.versionInfo, version
    for doc_id in articles:
        yield activity, PROV.used, document_iri(doc_id)
    for doc_id in failed:
        yield activity, RDFS.comment, f"article {doc_id!r} failed extraction"


def earlier_build_triples(store: object) -> Iterator[_Triple]:
    """The build activities (and their software agents) held in a previous ``store``."""

    query = """SELECT ?s ?p ?o WHERE {
        { ?s a prov:Activity . ?s prov:wasAssociatedWith [ a prov:SoftwareAgent ] }
        UNION { ?b prov:wasAssociatedWith ?s . ?s a prov:SoftwareAgent }
        ?s ?p ?o }"""
    prefixes = {"prov": str(PROV)}
    for s, p, o in store.query(query, prefixes=prefixes):  # type: ignore[attr-defined]
        yield URIRef(s.value), URIRef(p.value), _rdflib_term(o)


def _rdflib_term(term: object) -> URIRef | Literal:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    datatype = getattr(term, "datatype", None)
    language = getattr(term, "language", None)
    if language:
        return Literal(term.value, lang=language)  # type: ignore[attr-defined]
    return Literal(term.value, datatype=URIRef(datatype.value) if datatype else None)  # type: ignore[attr-defined]


def _extractor_triples(name: str, version: str) -> Iterator[_Triple]:
    agent, activity = _extractor_iri(name), _activity_iri(name, version)
    yield agent, RDF.type, KG.Extractor
    yield agent, RDFS.label, name
    yield agent, KG.extractorVersion, version
    yield activity, RDF.type, PROV.Activity
    yield activity, RDFS.label, f"{name}@{version}"
    yield activity, PROV.wasAssociatedWith, agent
    yield activity, KG.extractorVersion, version


@cache
def _extractor_iri(name: str) -> URIRef:
    return KGR[f"extractor-{slugify(name)}"]  # registry names: one slug each


@cache
def _activity_iri(name: str, version: str) -> URIRef:
    return KGR[f"activity-{slugify(name)}_{slugify(version)}"]


def _unique_claims(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per key (the most confident, ties broken by a stable order), sorted."""
    best: dict[tuple, Claim] = {}
    for claim in claims:
        kept = best.get(claim.key)
        if kept is None or _preference(claim) < _preference(kept):
            best[claim.key] = claim
    return sorted(best.values(), key=lambda c: c.sort_key)


def _preference(claim: Claim) -> tuple:
    p = claim.provenance
    return (-claim.confidence, p.extractor, p.extractor_version, repr(claim))


def _all_entities(extraction: Extraction, claims: Iterable[Claim]) -> list[Entity]:
    """The extraction's entities plus any a claim names (subject, object, speaker)."""
    found: dict[str, Entity] = {}
    for entity in extraction.entities:
        found.setdefault(entity.key, entity)
    for claim in claims:
        for entity in (claim.subject, claim.object, claim.speaker):
            if entity is not None:
                found.setdefault(entity.key, entity)
    return [found[key] for key in sorted(found)]


def _entity_triples(entity: Entity) -> Iterator[_Triple]:
    node = entity_iri(entity.key)
    yield node, RDF.type, KG[entity.kind]
    yield node, RDFS.label, entity.label
    for alias in entity.aliases:
        yield node, SKOS.altLabel, alias


def _document_triples(node: URIRef, doc_id: str, article: Article | None) -> Iterator[_Triple]:
    yield node, RDF.type, KG.Document
    yield node, KG.documentId, doc_id
    if article is None:
        return
    if article.title:
        yield node, DCTERMS.title, article.title
    yield from _publication_triples(node, article.date, article.url, article.source)


def _publication_triples(
    node: URIRef, date: str | None, url: str | None, source: str | None
) -> Iterator[_Triple]:
    """When and where a document (or a claim drawn from it) was published."""
    if date:
        iso = _ISO_DATE.fullmatch(date) and _is_day(date)
        yield node, DCTERMS.date, Literal(date, datatype=_XSD.date) if iso else date
    if url:
        yield node, DCTERMS.source, Literal(url, datatype=_XSD.anyURI)
    if source:
        yield node, DCTERMS.publisher, source


#: Modalities whose claims also get the direct ("truthy") triple.
TRUTHY_MODALITIES = frozenset({"asserted", "planned"})


def _claim_triples(claim: Claim) -> Iterator[_Triple]:
    subject, obj = entity_iri(claim.subject.key), entity_iri(claim.object.key)
    predicate = KG[claim.predicate]
    if claim.modality in TRUTHY_MODALITIES:
        yield subject, predicate, obj
    node, p = claim_iri(claim), claim.provenance
    yield node, RDF.type, KG.Claim
    yield node, KG.subject, subject
    yield node, KG.predicate, predicate
    yield node, KG.object, obj
    yield node, KG.polarity, int(claim.polarity)
    yield node, KG.confidence, float(claim.confidence)
    yield node, KG.negated, bool(claim.negated)
    yield node, KG.modality, claim.modality
    if claim.speaker is not None:
        yield node, KG.speaker, entity_iri(claim.speaker.key)
    if claim.cue is not None:
        yield node, KG.cue, claim.cue
    if claim.rule is not None:
        yield node, KG.rule, claim.rule
    yield node, KG.evidenceText, p.sentence
    yield node, KG.startOffset, int(p.start)
    yield node, KG.endOffset, int(p.end)
    # The article's date, URL and publisher, on the claim itself: a query of
    # stances over time needs no join through the document.
    yield from _publication_triples(node, p.date, p.url, p.source)
    yield node, PROV.wasDerivedFrom, document_iri(p.article)
    yield node, PROV.wasAttributedTo, _extractor_iri(p.extractor)
    yield node, PROV.wasGeneratedBy, _activity_iri(p.extractor, p.extractor_version)


# --------------------------------------------------------------------------- reading


@cache
def _internal_query(name: str) -> str:
    return (files("kg.rdf") / "queries" / f"_{name}.rq").read_text(encoding="utf-8")


def _kg_name(iri: str) -> str:
    """The local name of a ``kg:`` term (the whole IRI for any other)."""
    namespace = str(KG)
    return iri[len(namespace) :] if iri.startswith(namespace) else iri


def _select(graph: Graph, name: str) -> Iterator[dict[str, str | None]]:
    """Rows of an internal SELECT as ``{variable: lexical value or IRI, or None}``."""
    solutions = sparql(graph, _internal_query(name))
    names = [v.value for v in solutions.variables]
    for solution in solutions:
        yield {n: (None if t is None else t.value) for n, t in zip(names, solution, strict=True)}


def entities_from_graph(graph: Graph) -> dict[str, Entity]:
    """Every entity of ``graph`` by key (aliases sorted), in key order."""
    labels: dict[str, tuple[str, str]] = {}
    aliases: dict[str, set[str]] = {}
    for row in _select(graph, "entities"):
        kind = _kg_name(row["kind"])
        if kind not in ENTITY_KINDS:
            continue
        key = entity_key(row["entity"])
        labels.setdefault(key, (row["label"], kind))
        bucket = aliases.setdefault(key, set())
        if row["alias"] is not None:
            bucket.add(row["alias"])
    return {
        key: Entity(key, label, kind, tuple(sorted(aliases[key])))
        for key, (label, kind) in sorted(labels.items())
    }


def claims_from_graph(graph: Graph) -> list[Claim]:
    """The claims of ``graph`` (its ``kg:Claim`` nodes), in :attr:`Claim.sort_key` order.

    Raises :class:`~kg.errors.GraphError` when a claim is malformed or names an
    entity that has no kind and label in the graph.
    """
    entities = entities_from_graph(graph)

    def entity(iri: str, claim: str) -> Entity:
        try:
            return entities[entity_key(iri)]
        except KeyError:
            raise GraphError(
                f"claim <{claim}> names <{iri}>, which has no kg kind and rdfs:label "
                "in the graph; rebuild it with `kg build`"
            ) from None

    claims = []
    for row in _select(graph, "claims"):
        try:
            claims.append(_claim(row, entity))
        except ValueError as error:
            raise GraphError(
                f"claim <{row['claim']}> is not valid ({error}); rebuild the graph with `kg build`"
            ) from None
    return sorted(claims, key=lambda c: c.sort_key)


def _claim(row: dict[str, str | None], entity: Callable[[str, str], Entity]) -> Claim:
    claim = row["claim"]
    return Claim(
        subject=entity(row["subject"], claim),
        predicate=_kg_name(row["predicate"]),
        object=entity(row["object"], claim),
        provenance=Provenance(
            article=row["article"],
            sentence=row["sentence"],
            start=int(row["start"]),
            end=int(row["end"]),
            extractor=row["extractor"],
            extractor_version=row["version"],
            date=row["date"],
            url=row["url"],
            source=row["source"],
        ),
        polarity=int(row["polarity"]),
        confidence=float(row["confidence"]),
        negated=_boolean(row["negated"]),
        modality=row["modality"],
        speaker=entity(row["speaker"], claim) if row["speaker"] is not None else None,
        cue=row["cue"],
        rule=row.get("rule"),
        id=entity_key(claim),
    )


def _boolean(lexical: str) -> bool:
    if lexical in ("true", "1"):
        return True
    if lexical in ("false", "0"):
        return False
    raise ValueError(f"kg:negated must be true or false, not {lexical!r}")


def _is_day(text: str) -> bool:
    """Whether ``YYYY-MM-DD`` is a day of the calendar (``2024-02-30`` is not an xsd:date)."""
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


#: The claim properties :func:`claim_edges` reads, by the field they fill.
_EDGE_PROPERTIES = {
    "subject": KG.subject,
    "predicate": KG.predicate,
    "object": KG.object,
    "polarity": KG.polarity,
    "confidence": KG.confidence,
    "start": KG.startOffset,
    "end": KG.endOffset,
    "document": PROV.wasDerivedFrom,
}


def claim_edges(graph: Graph) -> list[dict[str, str | int | float]]:
    """The skeleton of every claim: ``claim`` (its id, as :func:`entity_key` of
    its IRI), ``subject`` and ``object`` (entity keys), ``predicate``,
    ``polarity``, ``confidence``, ``article``, ``start``, ``end``; in
    :attr:`Claim.sort_key` order.

    What the network analyses need, read by one index scan per property
    instead of a join per claim: several times faster than
    :func:`claims_from_graph` on a large graph, which also reads the evidence.
    """
    import pyoxigraph as ox

    from kg.rdf.store import oxigraph_of

    store = oxigraph_of(graph)

    def column(prop: URIRef) -> dict[str, str]:
        pattern = store.quads_for_pattern(None, ox.NamedNode(str(prop)), None, ox.DefaultGraph())
        return {quad.subject.value: quad.object.value for quad in pattern}

    values = {field: column(prop) for field, prop in _EDGE_PROPERTIES.items()}
    articles = column(KG.documentId)
    edges = []
    for claim, subject in values["subject"].items():
        try:
            edges.append(
                {
                    "claim": entity_key(claim),
                    "subject": entity_key(subject),
                    "predicate": _kg_name(values["predicate"][claim]),
                    "object": entity_key(values["object"][claim]),
                    "polarity": int(values["polarity"][claim]),
                    "confidence": float(values["confidence"][claim]),
                    "article": articles[values["document"][claim]],
                    "start": int(values["start"][claim]),
                    "end": int(values["end"][claim]),
                }
            )
        except (KeyError, ValueError) as error:
            raise GraphError(
                f"claim <{claim}> is not valid (missing or bad {error}); "
                "rebuild the graph with `kg build`"
            ) from None
    edges.sort(
        key=lambda e: (
            e["article"],
            e["start"],
            e["end"],
            e["predicate"],
            e["subject"],
            e["object"],
        )
    )
    return edges
