"""The rules: one module per family, each registered by name on import."""

from __future__ import annotations

from kg.extract.rules import (  # noqa: F401  (importing registers them)
    actions,
    announcements,
    cue_verbs,
    evaluation,
    inference,
    relations,
    roles,
)
