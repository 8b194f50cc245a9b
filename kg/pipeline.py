"""The build: input paths → articles → claims → RDF graph → files on disk.

This is the only module that knows every stage; the CLI and the notebook call
:func:`build` and hold no logic of their own.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import OutputError
from kg.extract import DEFAULT_EXTRACTORS, extract_articles
from kg.extract.lexicon import load_lexicon
from kg.extract.registry import Progress
from kg.fileio import atomic_write
from kg.ingest.reader import read_articles
from kg.model import Claim, Extraction
from kg.parallel import choose_executor
from kg.rdf.graph import to_graph
from kg.rdf.store import write_graph

if TYPE_CHECKING:
    import rdflib
    from spacy.language import Language

DEFAULT_INPUT = Path("seeds")
DEFAULT_OUTPUT = Path("out")
GRAPH_FILE, CLAIMS_FILE, VIEW_FILE = "graph.ttl", "claims.jsonl", "graph.html"


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote, and the counts for its summary."""

    out_dir: Path
    documents: int
    entities: int
    claims_by_predicate: dict[str, int]
    seconds: float
    files: tuple[Path, ...]

    @property
    def claims(self) -> int:
        return sum(self.claims_by_predicate.values())


def build(
    inputs: Sequence[str | os.PathLike[str]] = (),
    out_dir: str | os.PathLike[str] = DEFAULT_OUTPUT,
    *,
    nlp: Language,
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
    cue_files: Sequence[str | os.PathLike[str]] = (),
    view: bool = True,
    progress: Progress | None = None,
    scheduler: str | None = None,
) -> BuildReport:
    """Build the graph of ``inputs`` (default ``seeds/``) and write it to ``out_dir``.

    ``cue_files`` are extra cue lexicons (the format of ``kg/extract/lexicons/cues.tsv``);
    ``progress(done, total)`` is called after each article; ``scheduler`` is the
    address of a Dask scheduler to send the per-article work to (default: this machine).
    """
    started = time.perf_counter()
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        raise OutputError(f"{out_dir}: is a file; give a folder for the output (-o OUT)")
    lexicon = load_lexicon(cue_files)
    articles = read_articles(inputs or [DEFAULT_INPUT])
    executor = choose_executor(nlp, len(articles), scheduler=scheduler)
    extraction = extract_articles(
        articles, nlp, extractors=extractors, lexicon=lexicon, progress=progress, executor=executor
    )
    graph = to_graph(extraction)
    out = Path(out_dir)
    files = [write_graph(graph, out / GRAPH_FILE, "ttl")]
    files.append(write_claims(extraction.claims, out / CLAIMS_FILE))
    if view:
        files.append(write_view(graph, out / VIEW_FILE))
    counts = Counter(c.predicate for c in extraction.claims)
    return BuildReport(
        out_dir=out,
        documents=len(extraction.articles),
        entities=len(extraction.entities),
        claims_by_predicate=dict(sorted(counts.items())),
        seconds=time.perf_counter() - started,
        files=tuple(files),
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
