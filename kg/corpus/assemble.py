"""The files of a build, assembled from per-article fragments into the staging folder.

After the merge (:mod:`kg.corpus.merge`) every article has a fragment
(:mod:`kg.corpus.fragments`): the previous build's when neither the article
nor the names of its entities changed, else a new one. The output is then
put together at the cost of what changed, not of the corpus:

* ``claims.jsonl`` and ``graph.ttl`` are the fragments' files joined in
  article order (``graph.ttl``: one prefix header, the entities, each
  article's triples, the builds' provenance), a copy of bytes;
* the store ``store/`` is the previous build's store (a RocksDB checkpoint:
  hard links to its immutable files, so the previous output stays whole),
  from which the triples of fragments that are gone are removed and to which
  the new fragments are added; when more than :data:`DELTA_SHARE` of the
  articles changed, or there is no previous store, it is loaded afresh from
  the pieces of ``graph.ttl``, a few megabytes at a time;
* the view is drawn from each fragment's rows (:class:`kg.view.data.ViewData`),
  never from a graph of every claim.

Memory stays bounded by the entities, the view's compact rows and one
fragment at a time.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kg.corpus.fragments import PARTS, ArticleState, BuildState, fragment_key, make_fragment
from kg.fileio import write_errors

if TYPE_CHECKING:
    import pyoxigraph as ox

    from kg.corpus.cache import BuildCache
    from kg.corpus.merge import EntityTable, Resolution
    from kg.model import Article, Entity, Merge

GRAPH_FILE, CLAIMS_FILE, VIEW_FILE, STORE_DIR = "graph.ttl", "claims.jsonl", "graph.html", "store"
ENTITIES_FILE, BUILDS_FILE = "entities.ttl", "builds.ttl"

#: Above this share of changed articles, the store is loaded afresh rather than updated.
DELTA_SHARE = 0.2

#: Bytes of Turtle given to Oxigraph's bulk loader at a time.
LOAD_CHUNK = 4 * 2**20


@dataclass(frozen=True)
class Assembled:
    """What :func:`assemble` wrote."""

    files: tuple[str, ...]
    entities: int
    claims_by_predicate: dict[str, int]
    fragments_made: int
    store_updated: bool
    """The previous store was updated in place of a fresh load."""


def assemble(
    stage: Path,
    out: Path,
    cache: BuildCache,
    before: BuildState | None,
    articles: Sequence[Article],
    states: dict[str, ArticleState],
    table: EntityTable,
    resolution: Resolution,
    *,
    code: str,
    build_triples: Iterable[tuple],
    view: bool,
) -> Assembled:
    """Write ``claims.jsonl``, ``graph.ttl``, ``store/`` and (with ``view``)
    ``graph.html`` of ``articles`` into ``stage``, and the cache's state.

    ``states`` holds each article's :class:`ArticleState` (its fragment as the
    previous build left it, if any); ``build_triples`` are this build's
    provenance. Errors name the file of ``out`` they concern.
    """
    from kg.corpus.merge import graph_entities
    from kg.parallel import FAN_OUT_FROM, fan_out, side_by_side

    build_triples = list(build_triples)
    shared: Counter[str] = Counter(before.shared) if before is not None else Counter()
    made: list[str] = []
    recount = False
    todo: list[tuple[Article, ArticleState, str]] = []
    for article in articles:
        state = states[article.id]
        key = fragment_key(code, state, resolution)
        if state.fragment == key:
            if cache.reuse_fragment(key, PARTS):
                continue
            recount = True  # the previous cache lost a file of it
        todo.append((article, state, key))

    def make(item: tuple[Article, ArticleState, str]) -> tuple[ArticleState, set[str]]:
        article, state, key = item
        return make_fragment(cache, key, article, cache.load_unit(state.unit), resolution, state)

    # One file set per article: worker processes make them side by side.
    with write_errors(out / "cache"):
        for (article, _, key), (state, triples) in zip(todo, fan_out(make, todo), strict=True):
            shared.update(triples)
            states[article.id] = state
            made.append(key)
    if recount:  # count afresh, and load the store afresh
        before, shared = None, _count_shared(cache, [states[a.id].fragment for a in articles])
    kept = {states[a.id].fragment for a in articles}
    gone = [] if before is None else sorted({s.fragment for s in before.articles.values()} - kept)
    removed = _forget_shared(cache, gone, shared)

    entities = graph_entities(resolution, _involved(states.values(), resolution))
    _write_entities(cache, out, entities, resolution.merges)
    _write_builds(cache, out, build_triples)
    fragments = [cache.fragment_path(states[a.id].fragment, "ttl") for a in articles]
    pieces = [cache.path(ENTITIES_FILE), *fragments, cache.path(BUILDS_FILE)]
    with write_errors(out / GRAPH_FILE), open(stage / GRAPH_FILE, "wb") as fh:
        _join(fh, pieces, head=True)
    with write_errors(out / CLAIMS_FILE), open(stage / CLAIMS_FILE, "wb") as fh:
        _join(fh, [cache.fragment_path(states[a.id].fragment, "jsonl") for a in articles])

    changed = len(made) + len(gone)
    delta = (
        before is not None
        and (out / STORE_DIR).is_dir()
        and changed <= DELTA_SHARE * max(len(articles), 1)
    )

    def fill_store() -> tuple[bytes, bool]:
        """The summaries, and whether the previous store was updated."""
        with write_errors(out / STORE_DIR):
            store = None
            if delta:
                store = _update_store(stage, out, cache, gone, removed, made, build_triples)
            updated = store is not None
            if store is None:
                store = _load_store(stage / STORE_DIR, pieces)
            summaries = _summarize(store)
            store.flush()
            del store  # closes it (RocksDB) before its folder is swapped in
        return summaries, updated

    def draw_view() -> None:
        if view:
            _write_view(stage / VIEW_FILE, out / VIEW_FILE, cache, articles, states, entities)

    # The store's load and the view need nothing of each other: both cores at once
    # (for a corpus as large as fan_out's: below it, a process costs more than it saves).
    if len(articles) >= FAN_OUT_FROM:
        (summaries, updated), _ = side_by_side(fill_store, draw_view)
    else:
        (summaries, updated), _ = fill_store(), draw_view()
    with write_errors(out / GRAPH_FILE), open(stage / GRAPH_FILE, "ab") as fh:
        fh.write(summaries)
    files = [GRAPH_FILE, CLAIMS_FILE]
    if view:
        files.append(VIEW_FILE)
    files.append(STORE_DIR + "/")
    with write_errors(out / "cache"):
        cache.save_state(BuildState(dict(sorted(states.items())), table, shared))
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(dict(states[article.id].counts))
    return Assembled(
        files=tuple(files),
        entities=len(entities),
        claims_by_predicate=dict(sorted(counts.items())),
        fragments_made=len(made),
        store_updated=updated,
    )


def _involved(states: Iterable[ArticleState], resolution: Resolution) -> Iterable[Entity]:
    from kg.corpus.fragments import involved_entities

    return involved_entities(states, resolution)


def _forget_shared(cache: BuildCache, gone: Sequence[str], shared: Counter[str]) -> set[str]:
    """Take the fragments ``gone`` out of the counts ``shared``; return the
    shared triples (N-Triples) no fragment states any more."""
    from kg.corpus.fragments import read_fragment
    from kg.rdf.graph import article_owned

    removed = set()
    for key in gone:
        path = cache.previous_fragment_path(key, "ttl")
        if path is None or not path.is_file():
            continue
        for triple in {str(q.triple) for q in read_fragment(path) if not article_owned(q.subject)}:
            shared[triple] -= 1
            if shared[triple] <= 0:
                del shared[triple]
                removed.add(triple)
    return removed


def _count_shared(cache: BuildCache, fragments: Sequence[str]) -> Counter[str]:
    """How many of ``fragments`` state each triple several articles may state."""
    from kg.corpus.fragments import read_fragment
    from kg.rdf.graph import article_owned

    shared: Counter[str] = Counter()
    for key in fragments:
        quads = read_fragment(cache.fragment_path(key, "ttl"))
        shared.update({str(q.triple) for q in quads if not article_owned(q.subject)})
    return shared


def _write_entities(cache: BuildCache, out: Path, entities, merges: Sequence[Merge]) -> None:  # noqa: ANN001
    from kg.rdf.graph import entity_triples
    from kg.rdf.store import quads, turtle_body

    with write_errors(out / "cache"):
        body = turtle_body(quads(entity_triples(entities, merges)))
        cache.path(ENTITIES_FILE).write_bytes(body)


def _write_builds(cache: BuildCache, out: Path, triples: Iterable[tuple]) -> None:
    """The builds' provenance: the earlier builds' (kept by the previous build,
    or read from its store), then this one's."""
    from kg.rdf.graph import earlier_build_triples
    from kg.rdf.store import quads, turtle_body

    previous = cache.previous_path(BUILDS_FILE)
    with write_errors(out / "cache"), open(cache.path(BUILDS_FILE), "wb") as fh:
        if previous is not None and previous.is_file():
            with open(previous, "rb") as old:
                shutil.copyfileobj(old, fh)
        elif (out / STORE_DIR).is_dir():
            store = _read_only(out / STORE_DIR)
            if store is not None:
                fh.write(turtle_body(quads(earlier_build_triples(store))))
        fh.write(turtle_body(quads(triples)))


def _read_only(path: Path) -> ox.Store | None:
    import pyoxigraph as ox

    try:
        return ox.Store.read_only(str(path))
    except OSError:
        return None


def _join(output: IO[bytes], paths: Sequence[Path], *, head: bool = False) -> None:
    """Write the files ``paths`` one after the other (after the Turtle prefix header)."""
    from kg.rdf.store import turtle_header

    if head:
        output.write(turtle_header())
    output.flush()
    for path in paths:
        with open(path, "rb") as fh:
            _copy(fh, output)


def _copy(source: IO[bytes], target: IO[bytes]) -> None:
    """Copy ``source`` to the end of ``target`` in the kernel where it can."""
    size = os.fstat(source.fileno()).st_size
    done = 0
    try:
        while done < size:
            n = os.copy_file_range(source.fileno(), target.fileno(), size - done)
            if n == 0:
                break
            done += n
    except OSError:
        pass
    if done < size:
        source.seek(done)
        target.seek(0, os.SEEK_END)
        shutil.copyfileobj(source, target)
        target.flush()


def _load_store(path: Path, parts: Sequence[Path]) -> ox.Store:
    """A new store at ``path``, bulk-loaded from the Turtle bodies ``parts``
    (the pieces of ``graph.ttl``), a few megabytes at a time: Oxigraph's bulk
    loader holds what it is given in memory (a whole 1,000-article
    ``graph.ttl`` at once took 340 MB, 4 MB at a time 130 MB, as fast)."""
    import pyoxigraph as ox

    from kg.rdf.store import turtle_header

    store = ox.Store(str(path))
    chunk: list[bytes] = []
    size = 0
    for part in [*parts, None]:
        if part is not None:
            body = part.read_bytes()
            chunk.append(body)
            size += len(body)
        if chunk and (part is None or size >= LOAD_CHUNK):
            store.bulk_load(turtle_header() + b"".join(chunk), format=ox.RdfFormat.TURTLE)
            chunk, size = [], 0
    return store


def _summarize(store: ox.Store) -> bytes:
    """Write the summaries of the claims into ``store`` (:mod:`kg.rdf.summary`:
    they sum up every claim and entity, so they come last) and return them as
    a Turtle body, for the end of ``graph.ttl``."""

    from kg.rdf.store import turtle_body
    from kg.rdf.summary import refresh_summaries, summary_quads

    refresh_summaries(store)
    return turtle_body(summary_quads(store))


def _update_store(
    stage: Path,
    out: Path,
    cache: BuildCache,
    gone: Sequence[str],
    removed: set[str],
    made: Sequence[str],
    build_triples: Iterable[tuple],
) -> ox.Store | None:
    """The previous store, updated: the triples of fragments ``gone`` taken out
    (of their shared ones, those in ``removed`` only), the entities' triples
    replaced where they changed, the fragments ``made`` and this build's
    provenance added. None (and nothing left behind) if the previous store or
    a fragment it was made from cannot be read."""
    import pyoxigraph as ox

    from kg.corpus.fragments import read_fragment
    from kg.rdf.graph import article_owned
    from kg.rdf.store import quads, read_turtle_body, turtle_header

    previous = _read_only(out / STORE_DIR)
    old_entities = cache.previous_path(ENTITIES_FILE)
    paths = [cache.previous_fragment_path(key, "ttl") for key in gone]
    if previous is None or old_entities is None or not old_entities.is_file():
        return None
    if not all(p is not None and p.is_file() for p in paths):
        return None
    previous.backup(str(stage / STORE_DIR))
    del previous
    store = ox.Store(str(stage / STORE_DIR))
    for path in paths:
        for quad in read_fragment(path):  # type: ignore[arg-type]
            if article_owned(quad.subject) or str(quad.triple) in removed:
                store.remove(quad)
    before = set(read_turtle_body(old_entities.read_bytes()))
    now = set(read_turtle_body(cache.path(ENTITIES_FILE).read_bytes()))
    for quad in before - now:
        store.remove(quad)
    store.extend(now - before)
    for key in made:
        body = cache.fragment_path(key, "ttl").read_bytes()
        store.load(turtle_header() + body, format=ox.RdfFormat.TURTLE)
    store.extend(quads(build_triples))
    return store


def _write_view(
    path: Path,
    shown_as: Path,
    cache: BuildCache,
    articles: Sequence[Article],
    states: dict[str, ArticleState],
    entities: Sequence[Entity],
) -> None:
    from kg.view.data import ViewClaim, ViewData, view_nodes
    from kg.view.html import write_view_data

    data = ViewData(view_nodes(entities))
    for article in articles:
        with open(cache.fragment_path(states[article.id].fragment, "view"), "rb") as fh:
            data.extend(map(ViewClaim._make, pickle.load(fh)))
    with write_errors(shown_as):
        write_view_data(data, path)
