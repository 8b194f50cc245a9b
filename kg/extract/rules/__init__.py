"""The rules: one module per family, each registered by name on import."""

from __future__ import annotations

from kg.extract.rules import actions, cue_verbs, evaluation, relations, roles  # noqa: F401  (importing registers them)
