"""The build: input paths → articles → claims → RDF graph → files on disk.

This is the only module that knows every stage; the CLI and the notebook call
:func:`build` and hold no logic of their own. A build streams:

1. each article is extracted alone (:func:`kg.extract.extract_document`), or
   its extraction from the previous build is reused (:mod:`kg.corpus.cache`);
   one that fails is reported and left out, the others go on;
2. the entities of all articles are merged (:mod:`kg.corpus.merge`): the
   previous build's table of entities, less the articles that are gone or
   changed, plus the new ones;
3. each article whose extraction or merged entities changed gets a new
   fragment, its part of ``claims.jsonl``, ``graph.ttl`` and the view
   (:mod:`kg.corpus.fragments`); the others keep theirs; the files are joined
   from the fragments and the previous store is updated with what changed
   (:mod:`kg.corpus.assemble`);

all of it into a staging folder that replaces the output folder in one step
(:mod:`kg.corpus.outdir`). Only one article's parse and claims are in memory
at a time, besides the table of entities and the view's compact rows.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import kg
from kg.corpus.assemble import CLAIMS_FILE, GRAPH_FILE, STORE_DIR, VIEW_FILE, assemble
from kg.corpus.cache import BuildCache, article_key, config_key, digest, pipeline_id
from kg.corpus.fragments import ArticleState, BuildState, fragment_code
from kg.corpus.merge import EntityTable, unit_entities, unit_keys
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
MANIFEST_FILE = "manifest.json"


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
        before = cache.previous_state()
        units = _Units(cache, model, lexicon, extractors, progress, scheduler, config)
        table = before.table if before is not None else EntityTable()
        states: dict[str, ArticleState] = {}
        for article, entities in units.run(articles, keys):
            if entities is not None:
                table.add_entities(entities)
                states[article.id] = ArticleState(keys[article.id], unit_keys(entities))
        if units.failures and strict:
            raise ExtractionError(
                f"{len(units.failures)} of {len(articles)} articles failed "
                f"(first: {units.failures[0].describe()}); fix them or build without --strict"
            )
        table = _merged_table(cache, before, table, states, units.kept, keys)
        done = [a for a in articles if a.id in states]  # articles are in id order
        resolution = table.resolve(lexicon)
        ended = _now()
        from kg.rdf.graph import build_triples

        assembled = assemble(
            stage,
            out,
            cache,
            before,
            done,
            states,
            table,
            resolution,
            code=fragment_code(),
            build_triples=build_triples(**_build_record(started, ended, done, units.failures)),
            view=view,
        )
        counts = assembled.claims_by_predicate
        _write_manifest(
            stage,
            {
                "kg_version": kg.__version__,
                "signature": signature,
                "started": started,
                "ended": ended,
                "articles": {a.id: keys[a.id] for a in done},
                "failures": [f.__dict__ for f in units.failures],
                "claims_by_predicate": counts,
                "entities": assembled.entities,
                "documents": len(done),
            },
        )
    return BuildReport(
        out_dir=out,
        documents=len(done),
        entities=assembled.entities,
        claims_by_predicate=counts,
        seconds=time.perf_counter() - clock,
        files=tuple(out / f for f in assembled.files),
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
        self.kept: list[Article] = []
        self.reused = self.parsed = self._done = 0

    def run(
        self, articles: Sequence[Article], keys: dict[str, str]
    ) -> Iterator[tuple[Article, tuple[Entity, ...] | None]]:
        """``(article, its entities or None if it failed)`` of each article
        extracted now, in order; the articles whose extraction is reused from
        the previous build are listed in :attr:`kept` (and not loaded)."""
        self._total = len(articles)
        todo: list[Article] = []
        for article in articles:
            if self.cache.reuse_unit(keys[article.id]):
                self.cache.reuse_parse(self._parse_key(article))  # kept for a later lexicon change
                self.reused += 1
                self.kept.append(article)
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


# --------------------------------------------------------------------------- merging


def _merged_table(
    cache: BuildCache,
    before: BuildState | None,
    table: EntityTable,
    states: dict[str, ArticleState],
    kept: Sequence[Article],
    keys: dict[str, str],
) -> EntityTable:
    """The table of entities of this build's articles: the previous build's,
    with the articles that are gone or changed taken out and the new ones
    (already in ``table``) added. Fills ``states`` for the ``kept`` articles."""
    previous = before.articles if before is not None else {}
    for article in kept:
        old = previous.get(article.id)
        if old is not None and old.unit == keys[article.id]:
            states[article.id] = old  # counted in the previous table
        else:
            entities = unit_entities(cache.load_unit(keys[article.id]))
            table.add_entities(entities)
            states[article.id] = ArticleState(keys[article.id], unit_keys(entities))
    for article_id, old in previous.items():
        if states.get(article_id) is old:
            continue
        unit = cache.previous_unit(old.unit)
        if unit is None:  # the previous cache lost it: count every article afresh
            table = EntityTable()
            for state in states.values():
                table.add(cache.load_unit(state.unit))
            return table
        table.remove_entities(unit_entities(unit))
    return table


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
