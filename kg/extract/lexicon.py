"""Cue lexicons: the words that signal a stance, a report, a title or an actor.

The lexicons are tab-separated data files in ``kg/extract/lexicons/`` (see the
header of each file for its columns). Users extend them by passing extra files
of the same format to :func:`load_lexicon`; a later line overrides an earlier
one with the same key.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.model import MODALITIES, PREDICATES

LEXICON_DIR = Path(__file__).parent / "lexicons"
CUE_POS = ("VERB", "NOUN", "ADJ", "ADP")
NO_CLAIM = "-"


@dataclass(frozen=True)
class Cue:
    """One stance cue: a lemma (with an optional following preposition)."""

    lemma: str
    pos: str
    prep: str | None
    issue_predicate: str | None
    actor_predicate: str | None
    polarity: int
    strength: float
    modality: str


@dataclass(frozen=True)
class Lexicon:
    """All word lists the extractors consult, loaded once per build."""

    speech: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)
    actors: dict[str, str] = field(default_factory=dict)
    """Common-noun actor lemma → the kind of entity it names."""
    nicknames: dict[str, str] = field(default_factory=dict)
    by_lemma: dict[tuple[str, str], tuple[Cue, ...]] = field(default_factory=dict)

    def cues_for(self, lemma: str, pos: str) -> tuple[Cue, ...]:
        """Every cue of ``lemma`` as ``pos``: the bare one and those with a preposition."""
        return self.by_lemma.get((lemma, pos), ())

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """Every lemma some cue has, as any part of speech."""
        return frozenset(lemma for lemma, _ in self.by_lemma)


def load_lexicon(extra_cue_files: Iterable[str | os.PathLike[str]] = ()) -> Lexicon:
    """The shipped lexicons, extended by ``extra_cue_files`` (same format as cues.tsv)."""
    cues: dict[tuple[str, str, str | None], Cue] = {}
    for path in (LEXICON_DIR / "cues.tsv", *map(Path, extra_cue_files)):
        for cue in _read_cues(path):
            cues[(cue.lemma, cue.pos, cue.prep)] = cue
    by_lemma: dict[tuple[str, str], tuple[Cue, ...]] = {}
    for cue in cues.values():
        by_lemma[(cue.lemma, cue.pos)] = (*by_lemma.get((cue.lemma, cue.pos), ()), cue)
    return Lexicon(
        by_lemma=by_lemma,
        speech=frozenset(row[0] for row in _rows(LEXICON_DIR / "speech.tsv", 1)),
        titles={row[0]: _titled(row) for row in _rows(LEXICON_DIR / "titles.tsv", 2)},
        actors={
            row[0]: _actor_kind(row, LEXICON_DIR / "actors.tsv")
            for row in _rows(LEXICON_DIR / "actors.tsv", 2)
        },
        nicknames={row[0]: row[1] for row in _rows(LEXICON_DIR / "nicknames.tsv", 2)},
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()


def _actor_kind(row: list[str], path: Path) -> str:
    if row[1] not in ("Organization", "Group"):
        raise InputError(f"{path}: actor {row[0]!r}: kind {row[1]!r} must be Organization or Group")
    return row[1]


def _titled(row: list[str]) -> str:
    return row[0] if row[1] == NO_CLAIM else row[1]


def _rows(path: Path, width: int) -> Iterable[list[str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read lexicon ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: lexicon is not UTF-8 text; re-save it as UTF-8") from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != width:
            raise InputError(
                f"{path}:{number}: expected {width} tab-separated columns, found {len(cells)}; "
                "see the header of the file for the format"
            )
        yield cells


def _read_cues(path: Path) -> Iterable[Cue]:
    for cells in _rows(path, 8):
        lemma, pos, prep, issue, actor, polarity, strength, modality = cells
        where = f"{path}: cue {lemma!r}"
        if pos not in CUE_POS:
            raise InputError(f"{where}: pos {pos!r} is not one of {', '.join(CUE_POS)}")
        for predicate in (issue, actor):
            if predicate != NO_CLAIM and predicate not in PREDICATES:
                raise InputError(
                    f"{where}: predicate {predicate!r} is not one of {', '.join(PREDICATES)} or -"
                )
        if polarity not in ("1", "+1", "0", "-1"):
            raise InputError(f"{where}: polarity {polarity!r} must be +1, 0 or -1")
        try:
            weight = float(strength)
        except ValueError:
            weight = -1.0
        if not 0.0 <= weight <= 1.0:
            raise InputError(f"{where}: strength {strength!r} must be a number in 0..1")
        modality = "asserted" if modality == NO_CLAIM else modality
        if modality not in MODALITIES:
            raise InputError(
                f"{where}: modality {modality!r} is not one of {', '.join(MODALITIES)}"
            )
        yield Cue(
            lemma=lemma.lower(),
            pos=pos,
            prep=None if prep == NO_CLAIM else prep.lower(),
            issue_predicate=None if issue == NO_CLAIM else issue,
            actor_predicate=None if actor == NO_CLAIM else actor,
            polarity=int(polarity),
            strength=weight,
            modality=modality,
        )
