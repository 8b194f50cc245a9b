"""What a build keeps for the next one, in ``OUT/cache/``.

* ``units/<key>.pickle``: the extraction of one article
  (:class:`~kg.extract.DocExtraction`), under a key made of the article
  (id, text, metadata) and the extraction config (kg version, the source of
  ``kg/extract``, the lexicons, the extractors, the spaCy pipeline). The next
  build reuses it as long as none of these changed.
* ``triples/<key>.nt``: the RDF triples of one article's document, mentions
  and claims, under a key made of its extraction and of how the merge named
  its entities, so an article whose entities kept their keys is not redone.
* ``parses/<key>.spacy``: the spaCy parse of one article's text (a ``DocBin``),
  under a key made of the text and the pipeline, so that a changed lexicon or
  extractor re-extracts without parsing again.

Each build writes a fresh cache into its staging folder: entries it uses are
hard-linked from the previous cache, entries of articles that are gone are
simply not carried over.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import kg
from kg.corpus.outdir import link
from kg.model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.extract.registry import DocExtraction

CACHE_DIR = "cache"
EXTRACT_SOURCE = Path(__file__).resolve().parents[1] / "extract"


class BuildCache:
    """The cache of the previous build (read) and of this one (written)."""

    def __init__(self, previous: Path | None, current: Path) -> None:
        self.previous = previous / CACHE_DIR if previous is not None else None
        self.current = current / CACHE_DIR
        for kind in ("units", "parses", "triples"):
            (self.current / kind).mkdir(parents=True, exist_ok=True)

    # ----------------------------------------------------------------- extractions

    def unit_path(self, key: str) -> Path:
        return self.current / "units" / f"{key}.pickle"

    def reuse_unit(self, key: str) -> bool:
        """Carry the previous build's extraction under ``key`` over; False if none."""
        return self._reuse("units", f"{key}.pickle")

    def save_unit(self, key: str, unit: DocExtraction) -> None:
        with open(self.unit_path(key), "wb") as fh:
            pickle.dump(unit, fh, protocol=pickle.HIGHEST_PROTOCOL)

    def load_unit(self, key: str) -> DocExtraction:
        with open(self.unit_path(key), "rb") as fh:
            return pickle.load(fh)

    # ----------------------------------------------------------------- triples

    def triples_path(self, key: str) -> Path:
        return self.current / "triples" / f"{key}.nt"

    def reuse_triples(self, key: str) -> bool:
        return self._reuse("triples", f"{key}.nt")

    def save_triples(self, key: str, triples: Iterable[tuple]) -> None:
        """Keep one article's triples as N-Triples (what the store is loaded from)."""
        import pyoxigraph as ox

        from kg.rdf.store import quads

        ox.serialize(quads(triples), self.triples_path(key), format=ox.RdfFormat.N_TRIPLES)

    # ----------------------------------------------------------------- parses

    def parse_path(self, key: str) -> Path:
        return self.current / "parses" / f"{key}.spacy"

    def reuse_parse(self, key: str) -> bool:
        return self._reuse("parses", f"{key}.spacy")

    def save_parse_bytes(self, key: str, data: bytes | None) -> None:
        """Keep a parse serialized as a ``DocBin`` (nothing if ``data`` is None)."""
        if data is not None:
            self.parse_path(key).write_bytes(data)

    def load_parse(self, key: str, nlp: Language) -> Doc:
        from spacy.tokens import DocBin

        bin_ = DocBin().from_bytes(self.parse_path(key).read_bytes())
        return next(iter(bin_.get_docs(nlp.vocab)))

    def _reuse(self, kind: str, name: str) -> bool:
        target = self.current / kind / name
        if target.exists():
            return True
        if self.previous is None:
            return False
        source = self.previous / kind / name
        if not source.is_file():
            return False
        link(source, target)
        return True


def digest(*parts: str | bytes) -> str:
    """A short hex digest of ``parts`` (for cache keys)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def article_key(article: Article) -> str:
    """The fingerprint of everything the build reads from one article."""
    return digest(json.dumps(asdict(article), sort_keys=True, ensure_ascii=True))


def config_key(*, extractors: Sequence[str], lexicon_files: Iterable[Path], pipeline: str) -> str:
    """The fingerprint of what extraction depends on besides the article."""
    parts: list[str | bytes] = [kg.__version__, ",".join(extractors), pipeline]
    for path in sorted(EXTRACT_SOURCE.rglob("*")):  # the code and the shipped lexicons
        if path.is_file() and "__pycache__" not in path.parts:
            parts += [str(path.relative_to(EXTRACT_SOURCE)), path.read_bytes()]
    for path in lexicon_files:
        parts += [str(path), Path(path).read_bytes()]
    return digest(*parts)


def pipeline_id(nlp: Language | None) -> str:
    """Name, version and components of the spaCy pipeline ``nlp``, or of the one
    :func:`kg.nlp.load_pipeline` would load (read from its ``meta.json``, without
    loading it)."""
    from kg.nlp import MODEL_PACKAGES

    if nlp is not None:
        meta = nlp.meta
        return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
    for package in MODEL_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        meta_file = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
        if meta_file.is_file():
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
    return "none"
