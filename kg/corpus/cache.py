"""What a build keeps for the next one, in ``OUT/cache/``.

* ``units/<key>.pickle``: the extraction of one article
  (:class:`~kg.extract.DocExtraction`), under a key made of the article
  (id, text, metadata) and the extraction config (kg version, the source of
  ``kg/extract``, the lexicons, the extractors, the spaCy pipeline). The next
  build reuses it as long as none of these changed.
* ``fragments/<key>.{ttl,jsonl,view}``: what one article adds to the output
  (its triples as Turtle, its lines of ``claims.jsonl``, its rows of the
  view; :mod:`kg.corpus.fragments`), under a key made of its extraction and
  of how the merge named its entities, so an article whose entities kept
  their keys is not redone.
* ``entities.ttl``, ``builds.ttl``: the triples of the entities and of the
  builds' provenance (the rest of ``graph.ttl``), and ``state.pickle``: the
  table of entities, each article's keys and fragment, and how many articles
  hold each triple that several may hold, so that the next build updates the
  previous store and files instead of making them again
  (:class:`~kg.corpus.fragments.BuildState`).
* ``parses/<key>.spacy``: the spaCy parse of one article's text (a ``DocBin``),
  under a key made of the text and the pipeline, so that a changed lexicon or
  extractor re-extracts without parsing again.

Each build writes a fresh cache into its staging folder: entries it uses are
hard-linked from the previous cache, entries of articles that are gone are
simply not carried over.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
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

    from kg.corpus.fragments import BuildState
    from kg.extract.registry import DocExtraction

CACHE_DIR = "cache"
FRAGMENTS, STATE_FILE = "fragments", "state.pickle"
EXTRACT_SOURCE = Path(__file__).resolve().parents[1] / "extract"


class BuildCache:
    """The cache of the previous build (read) and of this one (written)."""

    def __init__(self, previous: Path | None, current: Path) -> None:
        self.previous = previous / CACHE_DIR if previous is not None else None
        self.current = current / CACHE_DIR
        self._listed: dict[str, frozenset[str]] = {}
        for kind in ("units", "parses", FRAGMENTS):
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

    def previous_unit(self, key: str) -> DocExtraction | None:
        """The previous build's extraction under ``key`` (None if it is not there)."""
        if self.previous is None:
            return None
        try:
            with open(self.previous / "units" / f"{key}.pickle", "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None

    # ----------------------------------------------------------------- fragments

    def fragment_path(self, key: str, part: str) -> Path:
        """This build's file ``part`` (``ttl``, ``jsonl``, ``view``) of fragment ``key``."""
        return self.current / FRAGMENTS / f"{key}.{part}"

    def previous_fragment_path(self, key: str, part: str) -> Path | None:
        if self.previous is None:
            return None
        return self.previous / FRAGMENTS / f"{key}.{part}"

    def reuse_fragment(self, key: str, parts: Sequence[str]) -> bool:
        """Carry every part of the previous build's fragment ``key`` over; False
        (and nothing carried) if one is missing."""
        names = [f"{key}.{part}" for part in parts]
        if not all(name in self._previous_names(FRAGMENTS) for name in names):
            return False
        return all(self._reuse(FRAGMENTS, name) for name in names)

    def path(self, name: str) -> Path:
        """A file of this build's cache."""
        return self.current / name

    def previous_path(self, name: str) -> Path | None:
        """A file of the previous build's cache (None when there is no previous build)."""
        return None if self.previous is None else self.previous / name

    def previous_state(self) -> BuildState | None:
        """What the previous build kept for this one (None if nothing usable)."""
        from kg.corpus.fragments import BuildState

        if self.previous is None:
            return None
        try:
            with open(self.previous / STATE_FILE, "rb") as fh:
                state = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return state if isinstance(state, BuildState) else None

    def save_state(self, state: BuildState) -> None:
        with open(self.current / STATE_FILE, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)

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
        if name not in self._previous_names(kind):
            return (self.current / kind / name).exists()
        with contextlib.suppress(FileExistsError):  # two articles, one parse
            link(f"{self.previous}/{kind}/{name}", f"{self.current}/{kind}/{name}")
        return True

    def _previous_names(self, kind: str) -> frozenset[str]:
        """The files of the previous cache's folder ``kind`` (listed once)."""
        names = self._listed.get(kind)
        if names is None:
            try:
                names = (
                    frozenset(os.listdir(self.previous / kind)) if self.previous else frozenset()
                )
            except OSError:
                names = frozenset()
            self._listed[kind] = names
        return names


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
    """Name and version of the spaCy pipeline ``nlp`` and the fingerprint of what
    :func:`kg.nlp.load_pipeline` added to it, or the same of the one it would load
    (read from its ``meta.json``, without loading it)."""
    from kg.nlp import MODEL_PACKAGES, PARSE_RULES_KEY, parse_rules

    if nlp is not None:
        meta = nlp.meta
        return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}" + (
            f"+{meta[PARSE_RULES_KEY]}" if PARSE_RULES_KEY in meta else ""
        )
    for package in MODEL_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        meta_file = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
        if meta_file.is_file():
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}+{parse_rules()}"
    return "none"
