"""The build: input paths → articles → claims → RDF graph → files on disk.

This is the only module that knows every stage; the CLI and the notebook call
:func:`build` and hold no logic of their own. A build streams:

1. each article is extracted alone (:func:`kg.extract.extract_document`), or
   its extraction from the previous build is reused (:mod:`kg.corpus.cache`);
   one that fails is reported and left out, the others go on;
2. the entities of all articles are merged (:mod:`kg.corpus.merge`);
3. article by article, the merged claims go to ``claims.jsonl`` and to the
   on-disk Oxigraph store, which is then exported as ``graph.ttl`` and shown
   as ``graph.html``;

all of it into a staging folder that replaces the output folder in one step
(:mod:`kg.corpus.outdir`). Only one article's parse and claims are in memory
at a time, besides the table of entities.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import io
import json
import os
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

import kg
from kg.corpus.cache import BuildCache, article_key, config_key, digest, pipeline_id
from kg.corpus.merge import (
    EntityTable,
    canonical_claims,
    canonical_mentions,
    claim_entities,
    graph_entities,
    unit_entities,
)
from kg.corpus.outdir import staged_output
from kg.errors import ExtractionError, OutputError
from kg.extract import DEFAULT_EXTRACTORS, extract_articles, extract_document, parse_text
from kg.extract.lexicon import LEXICON_DIR, load_lexicon
from kg.extract.registry import Progress, check_extractors
from kg.fileio import atomic_write, write_errors
from kg.ingest.reader import read_articles
from kg.model import Article, Claim, Entity, Extraction
from kg.nlp import parse_bytes
from kg.parallel import ArticleWork, choose_executor

if TYPE_CHECKING:
    import rdflib
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.extract.lexicon import Lexicon
    from kg.extract.registry import DocExtraction

DEFAULT_INPUT = Path("seeds")
DEFAULT_OUTPUT = Path("out")
GRAPH_FILE, CLAIMS_FILE, VIEW_FILE = "graph.ttl", "claims.jsonl", "graph.html"
STORE_DIR, MANIFEST_FILE = "store", "manifest.json"


@dataclass(frozen=True)
class ArticleFailure:
    """An article whose extraction raised: left out of the build, reported."""

    article: str
    error: str

    def describe(self) -> str:
        return f"article {self.article!r} was not extracted: {self.error}"


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote, and the counts for its summary."""

    out_dir: Path
    documents: int
    entities: int
    claims_by_predicate: dict[str, int]
    seconds: float
    files: tuple[Path, ...]
    failures: tuple[ArticleFailure, ...] = ()
    reused: int = 0
    """Articles whose extraction was taken from the previous build."""
    parsed: int = 0
    """Articles parsed by spaCy in this build (the others' parses were reused)."""
    up_to_date: bool = False
    """Nothing changed since the previous build: nothing was written."""

    @property
    def claims(self) -> int:
        return sum(self.claims_by_predicate.values())


def build(
    inputs: Sequence[str | os.PathLike[str]] = (),
    out_dir: str | os.PathLike[str] = DEFAULT_OUTPUT,
    *,
    nlp: Language | None = None,
    load_nlp: Callable[[], Language] | None = None,
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
    cue_files: Sequence[str | os.PathLike[str]] = (),
    view: bool = True,
    strict: bool = False,
    progress: Progress | None = None,
    scheduler: str | None = None,
) -> BuildReport:
    """Build the graph of ``inputs`` (default ``seeds/``) into ``out_dir``.

    Into an existing output, articles whose text, metadata, extractors and
    lexicons are unchanged keep their extraction; the spaCy pipeline (``nlp``,
    else ``load_nlp()``, else :func:`kg.nlp.load_pipeline`) is loaded only when
    some article has to be parsed or extracted. ``cue_files`` are extra cue
    lexicons (the format of ``kg/extract/lexicons/cues.tsv``);
    ``progress(done, total)`` is called after each article. Articles to parse
    go to worker processes from :data:`kg.parallel.PARALLEL_FROM` on, or to the
    Dask cluster whose scheduler listens at ``scheduler``.

    An article whose extraction raises is left out and listed in
    :attr:`BuildReport.failures`; with ``strict`` it is an
    :class:`~kg.errors.ExtractionError` and nothing is written.
    """
    started, clock = _now(), time.perf_counter()
    check_extractors(extractors)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: is a file; give a folder for the output (-o OUT)")
    lexicon = load_lexicon(cue_files)
    articles = sorted(read_articles(inputs or [DEFAULT_INPUT]), key=lambda a: a.id)
    model = _Model(nlp, load_nlp)
    config = config_key(
        extractors=extractors,
        lexicon_files=[*sorted(LEXICON_DIR.iterdir()), *map(Path, cue_files)],
        pipeline=model.id,
    )
    keys = {a.id: digest(config, article_key(a)) for a in articles}
    previous = _manifest(out)
    signature = digest(config, str(view), *(keys[a.id] for a in articles))
    if previous.get("signature") == signature and not previous.get("failures"):
        return _unchanged(out, previous, clock)

    with staged_output(out) as stage:
        cache = BuildCache(out if out.is_dir() else None, stage)
        units = _Units(cache, model, lexicon, extractors, progress, scheduler, config)
        table = EntityTable()
        done: list[Article] = []
        for article, entities in units.run(articles, keys):
            if entities is not None:
                table.add_entities(entities)
                done.append(article)
        if units.failures and strict:
            raise ExtractionError(
                f"{len(units.failures)} of {len(articles)} articles failed "
                f"(first: {units.failures[0].describe()}); fix them or build without --strict"
            )
        resolution = table.resolve(lexicon)
        del table
        done.sort(key=lambda a: a.id)  # reused articles came first
        writer = _Writer(stage, out)
        counts: Counter[str] = Counter()
        involved: dict[str, Entity] = {}
        shown: list[Claim] = []  # for the view, which holds every claim anyway
        from kg.rdf import graph as rdf_graph
        from kg.rdf.graph import article_triples

        graph_code = digest(Path(rdf_graph.__file__).read_bytes())  # how triples are made

        parts: list[Path] = []
        with writer.claims_file() as claims_out:
            for article in done:
                unit = cache.load_unit(keys[article.id])
                claims = canonical_claims(unit, resolution)
                counts.update(c.predicate for c in claims)
                for claim in claims:
                    claims_out.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")
                involved.update((e.key, e) for e in claim_entities(claims))
                if view:
                    shown.extend(claims)
                # The article's triples depend on it and on how its entities were merged only.
                key = digest(graph_code, keys[article.id], *resolution.slice_of(unit))
                if not cache.reuse_triples(key):
                    mentions = canonical_mentions(unit, resolution)
                    cache.save_triples(key, article_triples(article.id, article, claims, mentions))
                parts.append(cache.triples_path(key))
        writer.load(parts)
        entities = graph_entities(resolution, involved.values())
        writer.add_entities(entities, resolution.merges)
        ended = _now()
        writer.add_build(_build_record(started, ended, done, units.failures), previous_out=out)
        files = writer.finish(view=shown if view else None)
        _write_manifest(
            stage,
            {
                "kg_version": kg.__version__,
                "signature": signature,
                "started": started,
                "ended": ended,
                "articles": {a.id: keys[a.id] for a in done},
                "failures": [f.__dict__ for f in units.failures],
                "claims_by_predicate": dict(sorted(counts.items())),
                "entities": len(entities),
                "documents": len(done),
            },
        )
    return BuildReport(
        out_dir=out,
        documents=len(done),
        entities=len(entities),
        claims_by_predicate=dict(sorted(counts.items())),
        seconds=time.perf_counter() - clock,
        files=tuple(out / f for f in files),
        failures=tuple(units.failures),
        reused=units.reused,
        parsed=units.parsed,
    )


def extract_paths(paths: Sequence[str | os.PathLike[str]], *, nlp: Language) -> Extraction:
    """Read and extract without writing anything (for notebooks)."""
    return extract_articles(read_articles(paths), nlp)


def write_claims(claims: Sequence[Claim], path: str | os.PathLike[str]) -> Path:
    """Write claims as JSON lines, in :attr:`Claim.sort_key` order, atomically."""
    with atomic_write(path) as fh:
        for claim in sorted(claims, key=lambda c: c.sort_key):
            fh.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")
    return Path(path)


def write_view(graph: rdflib.Graph, path: str | os.PathLike[str]) -> Path:
    """Write the interactive HTML view of ``graph``."""
    from kg.analysis.network import to_networkx
    from kg.view.html import write_html

    return write_html(to_networkx(graph), path)


# --------------------------------------------------------------------------- extraction


class _Model:
    """The spaCy pipeline, loaded on first use."""

    def __init__(self, nlp: Language | None, load: Callable[[], Language] | None) -> None:
        self._nlp, self._load = nlp, load
        self.id = pipeline_id(nlp)

    def get(self) -> Language:
        if self._nlp is None:
            if self._load is None:
                from kg.nlp import load_pipeline

                self._load = load_pipeline
            self._nlp = self._load()
        return self._nlp


class _Units:
    """Each article's extraction: reused from the cache, or made from a cached
    parse, or parsed and extracted now. Failures are collected, not raised.

    What the build needs of each article while the others are parsed is only
    its entities (for :class:`~kg.corpus.merge.EntityTable`); the extraction
    and the parse go to the cache, written by the worker that made them when
    it shares this machine's files, so the main process only collects."""

    def __init__(
        self,
        cache: BuildCache,
        model: _Model,
        lexicon: Lexicon,
        extractors: Sequence[str],
        progress: Progress | None,
        scheduler: str | None = None,
        config: str = "",
    ) -> None:
        self.cache, self.model, self.lexicon, self.extractors = cache, model, lexicon, extractors
        self.progress, self.scheduler, self.config = progress, scheduler, config
        self.failures: list[ArticleFailure] = []
        self.reused = self.parsed = self._done = 0

    def run(
        self, articles: Sequence[Article], keys: dict[str, str]
    ) -> Iterator[tuple[Article, tuple[Entity, ...] | None]]:
        """``(article, its entities or None if it failed)``, articles in order."""
        self._total = len(articles)
        todo: list[Article] = []
        for article in articles:
            if self.cache.reuse_unit(keys[article.id]):
                self.cache.reuse_parse(self._parse_key(article))  # kept for a later lexicon change
                self.reused += 1
                yield article, unit_entities(self.cache.load_unit(keys[article.id]))
                self._tick()
            else:
                todo.append(article)
        unparsed = []
        for article in todo:
            if self.cache.reuse_parse(self._parse_key(article)):
                doc = self.cache.load_parse(self._parse_key(article), self.model.get())
                yield article, self._extract(article, doc, keys[article.id])
            else:
                unparsed.append(article)
        if not unparsed:
            return
        executor = choose_executor(self.model.get(), len(unparsed), scheduler=self.scheduler)
        keep = UnitFiles(self.cache, self.config, self.model.id) if executor.shares_files else None
        unit = functools.partial(
            article_unit, lexicon=self.lexicon, extractors=tuple(self.extractors), keep=keep
        )
        results = executor.map(ArticleWork(unit, text=parse_text), unparsed)
        for article, result in zip(unparsed, results, strict=True):
            self.parsed += 1
            self.cache.save_parse_bytes(self._parse_key(article), result.parse)
            yield article, self._record(article, result, keys[article.id])

    def _extract(self, article: Article, doc: Doc, key: str) -> tuple[Entity, ...] | None:
        result = article_unit(
            article, doc, lexicon=self.lexicon, extractors=self.extractors, keep_parse=False
        )
        return self._record(article, result, key)

    def _record(self, article: Article, result: UnitResult, key: str) -> tuple[Entity, ...] | None:
        if result.failure is not None:
            self.failures.append(result.failure)
        elif result.extraction is not None:
            self.cache.save_unit(key, result.extraction)
        self._tick()
        return result.entities

    def _parse_key(self, article: Article) -> str:
        return parse_key(self.model.id, article)

    def _tick(self) -> None:
        self._done += 1
        if self.progress is not None:
            self.progress(self._done, self._total)


def parse_key(pipeline: str, article: Article) -> str:
    """The cache key of ``article``'s parse with the pipeline ``pipeline`` (its id)."""
    return digest(pipeline, parse_text(article))


@dataclass(frozen=True)
class UnitFiles:
    """Where the per-article work writes its parse and extraction itself (a worker
    that shares this machine's files): the cache, and what its keys are made of."""

    cache: BuildCache
    config: str
    """The build's :func:`~kg.corpus.cache.config_key`."""
    pipeline: str
    """The spaCy pipeline's id (:func:`~kg.corpus.cache.pipeline_id`)."""

    def save(self, article: Article, parse: bytes | None, extraction: DocExtraction) -> None:
        self.cache.save_parse_bytes(parse_key(self.pipeline, article), parse)
        self.cache.save_unit(digest(self.config, article_key(article)), extraction)


@dataclass(frozen=True)
class UnitResult:
    """What the per-article work sends back: the parse (``DocBin`` bytes, to keep)
    and the extraction, or the failure that replaced it; ``entities`` are what
    the merge needs of it (:func:`~kg.corpus.merge.unit_entities`). Parse and
    extraction are None once the work has written them to the cache itself."""

    article: str
    parse: bytes | None
    extraction: DocExtraction | None
    failure: ArticleFailure | None = None
    entities: tuple[Entity, ...] | None = None


def article_unit(
    article: Article,
    doc: Doc,
    *,
    lexicon: Lexicon,
    extractors: Sequence[str],
    keep_parse: bool = True,
    keep: UnitFiles | None = None,
) -> UnitResult:
    """The per-article work of a build (picklable with ``functools.partial``):
    :func:`kg.extract.extract_document`, with an error caught and described
    (one bad article never stops a corpus), and the parse serialized to keep;
    with ``keep``, both are written to the cache here rather than sent back."""
    parse = parse_bytes(doc) if keep_parse else None
    try:
        extraction = extract_document(article, doc, lexicon=lexicon, extractors=extractors)
    except Exception as error:
        if keep is not None:
            keep.cache.save_parse_bytes(parse_key(keep.pipeline, article), parse)
            parse = None
        return UnitResult(article.id, parse, None, ArticleFailure(article.id, _one_line(error)))
    entities = unit_entities(extraction)
    if keep is not None:
        keep.save(article, parse, extraction)
        return UnitResult(article.id, None, None, entities=entities)
    return UnitResult(article.id, parse, extraction, entities=entities)


def _one_line(error: BaseException) -> str:
    """``Type: message (file:line)`` of where the error was raised, on one line."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    message = " ".join(str(error).split())[:300]
    return f"{type(error).__name__}: {message}{where}"


# --------------------------------------------------------------------------- writing


class _Writer:
    """The files of one build, written into the staging folder ``stage``.

    Triples go straight into the on-disk store ``stage/store`` as they are
    made; ``graph.ttl`` and ``graph.html`` are made from it at the end.
    """

    def __init__(self, stage: Path, out: Path) -> None:
        import pyoxigraph as ox

        self.stage, self.out = stage, out
        self.files: list[str] = []
        with self._writing(STORE_DIR):
            self.store = ox.Store(str(stage / STORE_DIR))

    def _writing(self, name: str):  # noqa: ANN202 (a context manager)
        return write_errors(self.out / name)

    def claims_file(self):  # noqa: ANN201
        return _opened(self.stage / CLAIMS_FILE, self.out / CLAIMS_FILE, self.files)

    def add_entities(self, entities, merges) -> None:  # noqa: ANN001
        from kg.rdf.graph import entity_triples

        self.add(entity_triples(entities, merges))

    def add_build(self, record: dict, *, previous_out: Path) -> None:
        from kg.rdf.graph import build_triples

        self.add(build_triples(**record))
        self.add(_earlier_builds(previous_out / STORE_DIR))

    def add(self, triples) -> None:  # noqa: ANN001
        from kg.rdf.store import quads

        with self._writing(STORE_DIR):
            self.store.extend(quads(triples))

    def load(self, parts: Sequence[Path]) -> None:
        """Bulk-load N-Triples files into the store, one stream, no transaction
        (the staging folder as a whole is what appears at once)."""
        import pyoxigraph as ox

        with self._writing(STORE_DIR), _Chained(parts) as stream:
            self.store.bulk_load(stream, format=ox.RdfFormat.N_TRIPLES)

    def finish(self, *, view: list[Claim] | None) -> list[str]:
        """Export the store as Turtle, and write the view of the claims ``view``."""
        from kg.analysis.network import claims_to_networkx
        from kg.rdf.store import dump_store
        from kg.rdf.summary import refresh_summaries
        from kg.view.html import write_html

        with self._writing(STORE_DIR):
            refresh_summaries(self.store)  # last: they sum up every claim and entity
            self.store.flush()
        with self._writing(GRAPH_FILE), open(self.stage / GRAPH_FILE, "wb") as fh:
            dump_store(self.store, fh)
        self.files[:0] = [GRAPH_FILE]
        if view is not None:
            with self._writing(VIEW_FILE):
                write_html(claims_to_networkx(view), self.stage / VIEW_FILE)
            self.files.append(VIEW_FILE)
        self.files.append(STORE_DIR + "/")
        del self.store
        gc.collect()  # close the store (RocksDB) before its folder is swapped in
        return self.files


class _Chained(io.RawIOBase):
    """The bytes of several files, read one after the other as one stream."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self._paths = iter(paths)
        self._current: IO[bytes] | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001
        while True:
            if self._current is None:
                path = next(self._paths, None)
                if path is None:
                    return 0
                self._current = open(path, "rb")  # noqa: SIM115 (closed when read)
            n = self._current.readinto(buffer)
            if n:
                return n
            self._current.close()
            self._current = None

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
        super().close()


@contextlib.contextmanager
def _opened(stage_path: Path, out_path: Path, files: list[str]) -> Iterator[IO[str]]:
    """Open ``stage_path`` for text; errors name ``out_path``; listed in ``files`` once written."""
    with write_errors(out_path):
        fh = open(stage_path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    try:
        yield fh
    finally:
        with write_errors(out_path):
            fh.close()
    files.append(out_path.name)


def _earlier_builds(store_path: Path):  # noqa: ANN202
    """The provenance of earlier builds, from the previous store (none if there is none)."""
    from kg.rdf.graph import earlier_build_triples

    if not store_path.is_dir():
        return iter(())
    import pyoxigraph as ox

    try:
        store = ox.Store.read_only(str(store_path))
    except OSError:
        return iter(())
    return earlier_build_triples(store)


# --------------------------------------------------------------------------- manifest


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")


def _build_record(
    started: str, ended: str, articles: Sequence[Article], failures: Sequence[ArticleFailure]
) -> dict:
    return {
        "started": started,
        "ended": ended,
        "version": kg.__version__,
        "articles": [a.id for a in articles],
        "failed": [f.article for f in failures],
    }


def _manifest(out: Path) -> dict:
    try:
        return json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_manifest(stage: Path, data: dict) -> None:
    with write_errors(stage.parent / MANIFEST_FILE):
        (stage / MANIFEST_FILE).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def _unchanged(out: Path, manifest: dict, clock: float) -> BuildReport:
    files = [GRAPH_FILE, CLAIMS_FILE, VIEW_FILE, STORE_DIR + "/"]
    return BuildReport(
        out_dir=out,
        documents=manifest.get("documents", 0),
        entities=manifest.get("entities", 0),
        claims_by_predicate=manifest.get("claims_by_predicate", {}),
        seconds=time.perf_counter() - clock,
        files=tuple(out / f for f in files if (out / f.rstrip("/")).exists()),
        reused=manifest.get("documents", 0),
        up_to_date=True,
    )
