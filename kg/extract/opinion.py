"""The opinion lexicon: how strongly a word evaluates what it is said of.

The ratings are VADER's (Hutto & Gilbert 2014, MIT licence): about 7,500
English words and phrases, each rated from -4 (extremely negative) to +4 by
ten human raters, shipped in the ``vaderSentiment`` package and read from
there. ``lexicons/evaluation.tsv`` adjusts it for policy text: it adds
evaluative words VADER lacks ("ill-conceived", "overdue", "unworkable") and
sets to 0 the words whose rating comes from their topic, not from a judgement
("crisis", "tax", "cancer": a tax is not an evaluation of anything).

VADER rates single words only. ``lexicons/idioms.tsv`` rates idioms of
evaluation ("a power grab", "kicked the can down the road"): a phrase matched on
lemmas gives its valence to its syntactic head (:meth:`OpinionLexicon.idioms_in`).

Intensifiers count as VADER counts them: an adverb of VADER's booster list on
the word ("most important", "deeply flawed") moves its rating away from zero by
VADER's step, so "the most important investment" is a verdict where
"important" alone (0.8) is not. A comparative "more" is no intensifier here.

Why VADER: of 71 evaluative adjectives and verdict nouns found in the
stance sentences of the dev gold, VADER rates 44 and AFINN-165 (3,382 words)
48, the union 50; the 21 that neither rates are policy words that a project
list has to add anyway, so the larger, MIT-licensed, multi-rater list is the
base and the project file closes the gap (see /work/notes/i6rules.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span, Token

from kg.errors import InputError
from kg.extract.doctext import token_facts
from kg.extract.lexicon import LEXICON_DIR

VADER_PACKAGE, VADER_FILE = "vaderSentiment", "vader_lexicon.txt"
PROJECT_FILE = LEXICON_DIR / "evaluation.tsv"
IDIOM_FILE = LEXICON_DIR / "idioms.tsv"
#: In an idiom, the word that stands for any possessive: "drag one's feet".
ANY_POSSESSIVE = "one's"
#: Intensifiers that compare rather than intensify: "more costly than" is no verdict.
COMPARATIVES = frozenset({"more", "less"})
#: |valence| from which a word counts as an evaluation (VADER's scale is -4..4;
#: 1.0 keeps "fair" 1.3 and "responsible" 1.3, leaves "important" 0.8).
THRESHOLD = 1.0


@dataclass(frozen=True)
class OpinionLexicon:
    """Word → valence (-4..4); a word missing or rated 0 evaluates nothing."""

    valence: dict[str, float] = field(default_factory=dict)
    topics: dict[str, float] = field(default_factory=dict)
    """VADER's own rating of the words the project file sets to 0 ("crisis")."""

    def topic(self, word: str) -> float:
        """How bad or good the thing ``word`` names is, for a word rated for its
        topic ("crisis" -3.1): a target such a word heads is a problem, not a policy."""
        return self.topics.get(word.lower(), 0.0)

    def rate(self, word: str) -> float:
        """The valence of ``word`` (lower case), or of its last hyphenated part
        ("long-overdue" → "overdue"); 0.0 when it is no evaluation."""
        word = word.lower()
        if word in self.valence:
            return self.valence[word]
        if "-" in word:
            return self.valence.get(word.rsplit("-", 1)[1], 0.0)
        return 0.0

    boosters: dict[str, float] = field(default_factory=dict)
    """VADER's intensifiers: adverb → step added to the |valence| of the word it modifies."""
    idioms: dict[str, tuple[tuple[tuple[str, ...], float], ...]] = field(default_factory=dict)
    """First word → (the phrase's words, valence), longest phrase first."""

    def idioms_in(self, span: Span) -> dict[int, float]:
        """Token index of each idiom's head in ``span`` → the idiom's valence
        (the longest idiom wins where several start at one word)."""
        found: dict[int, float] = {}
        lemmas = token_facts(span.doc).lemma
        start, end = span.start, span.end
        tokens: list[Token] = []  # made at the first word that may start an idiom
        n = start
        while n < end:
            length = 0
            for words, value in self.idioms.get(lemmas[n], ()):
                tokens = tokens or list(span)
                phrase = tokens[n - start : n - start + len(words)]
                if _matches(words, phrase):
                    found[_phrase_head(phrase).i] = value
                    length = len(words)
                    break
            n += max(length, 1)
        return found

    def of_token(self, token: Token) -> float:
        """The valence of ``token`` as written (with a hyphenated prefix the
        tokenizer split off: "ill - conceived"), then of its lemma, moved by
        the intensifiers on it ("most important")."""
        word = hyphenated(token)
        value = self.rate(word)
        if value == 0.0 and word == token.lower_:
            value = self.rate(token.lemma_)
        if value:
            step = sum(
                self.boosters.get(c.lower_, 0.0)
                for c in token.children
                if c.dep_ == "advmod" and c.lower_ not in COMPARATIVES
            )
            value += step if value > 0 else -step
        return value if abs(value) >= THRESHOLD else 0.0


def _matches(words: tuple[str, ...], tokens: list[Token]) -> bool:
    if len(tokens) < len(words):
        return False
    for word, token in zip(words, tokens, strict=True):
        if word == ANY_POSSESSIVE:
            if token.dep_ != "poss":
                return False
        elif word not in (token.lemma_.lower(), token.lower_):
            return False
    return True


def _phrase_head(tokens: list[Token]) -> Token:
    """The word of a phrase whose head lies outside it (the phrase's root)."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def hyphenated(token: Token) -> str:
    """The whole hyphenated word ``token`` ends: "ill-conceived", "long-overdue"."""
    doc, i = token.doc, token.i
    word = token.lower_
    while i >= 2 and doc[i - 1].text in ("-", "‑") and not doc[i - 2].whitespace_:
        word = f"{doc[i - 2].lower_}-{word}"
        i -= 2
    return word


@lru_cache(maxsize=1)
def _analyzer():  # noqa: ANN202 - vaderSentiment has no type hints
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def tone(words: str) -> float:
    """VADER's compound score of a phrase (-1..1), with its own rules for negation,
    contrast and intensifiers: how a quoted phrase sounds as a whole (a good head
    word can be undone by the words around it).

    VADER's own ratings, not the project's: a phrase is judged as its raters read it.
    """
    try:
        return float(_analyzer().polarity_scores(words)["compound"])
    except ModuleNotFoundError:
        return 0.0  # _vader() has already said how to install it


@lru_cache(maxsize=1)
def default_opinions() -> OpinionLexicon:
    """VADER's ratings adjusted by the project file."""
    return load_opinions()


def load_opinions(extra: Path | None = None) -> OpinionLexicon:
    """VADER's ratings, then ``evaluation.tsv``, then ``extra`` (same format)."""
    valence = _vader()
    vader = dict(valence)
    for path in (PROJECT_FILE, *((extra,) if extra else ())):
        valence.update(_project(path))
    topics = {w: vader[w] for w, v in valence.items() if v == 0.0 and w in vader}
    return OpinionLexicon(valence, topics, _boosters(), _idioms(IDIOM_FILE))


def _idioms(path: Path) -> dict[str, tuple[tuple[tuple[str, ...], float], ...]]:
    """The idiom file, indexed by first word, longest phrase first."""
    by_first: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for phrase, value in _project(path).items():
        words = tuple(phrase.replace("-", " - ").split())
        by_first.setdefault(words[0], []).append((words, value))
    return {
        first: tuple(sorted(phrases, key=lambda p: -len(p[0])))
        for first, phrases in by_first.items()
    }


def _boosters() -> dict[str, float]:
    try:
        from vaderSentiment.vaderSentiment import BOOSTER_DICT
    except ModuleNotFoundError:
        return {}  # _vader() has already said how to install it
    return {word: float(step) for word, step in BOOSTER_DICT.items() if " " not in word}


def _vader() -> dict[str, float]:
    try:
        text = resources.files(VADER_PACKAGE).joinpath(VADER_FILE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise InputError(
            f"the VADER opinion lexicon is missing ({exc}); install it with "
            "'pip install vaderSentiment'"
        ) from None
    valence = {}
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0].replace("-", "").isalpha():
            valence[cells[0].lower()] = float(cells[1])
    return valence


def _project(path: Path) -> dict[str, float]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read opinion lexicon ({exc.strerror})") from None
    valence = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        try:
            value = float(cells[1]) if len(cells) == 2 else None
        except ValueError:
            value = None
        if value is None or not -4.0 <= value <= 4.0:
            raise InputError(
                f"{path}:{number}: expected 'word<TAB>valence' with a valence in -4..4, "
                f"found {line!r}"
            )
        valence[cells[0].lower()] = value
    return valence
