"""Extraction: spaCy Doc → canonical entities and claims.

Extractors are pure generators registered under versioned names; the build
runs the ones its configuration names, over documents parsed once with
``nlp.pipe``.
"""

from __future__ import annotations

from kg.extract import roles, stance  # noqa: F401  (importing registers them)
from kg.extract.registry import DEFAULT_EXTRACTORS, EXTRACTORS, extract_articles, register

__all__ = ["DEFAULT_EXTRACTORS", "EXTRACTORS", "extract_articles", "register"]
