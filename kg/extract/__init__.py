"""Extraction: spaCy Doc → canonical entities and claims.

Each parsed article is analysed once into a frozen
:class:`~kg.extract.analysis.DocAnalysis`; extractors are pure generators over
it, registered under versioned names (see :mod:`kg.extract.rules`).
"""

from __future__ import annotations

from kg.extract import rules  # noqa: F401  (importing registers them)
from kg.extract.registry import (
    DEFAULT_EXTRACTORS,
    EXTRACTORS,
    Config,
    DocExtraction,
    extract_articles,
    extract_document,
    parse_text,
    register,
)

__all__ = [
    "DEFAULT_EXTRACTORS",
    "EXTRACTORS",
    "Config",
    "DocExtraction",
    "extract_articles",
    "extract_document",
    "parse_text",
    "register",
]
