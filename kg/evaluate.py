"""Score extracted claims against hand-annotated gold items.

The matching rules are those of the team's shared scorer (``eval/score.py``):

- a claim matches a gold item when its predicate is one of the item's accepted
  predicates, every word of one subject alias occurs in the claim's subject,
  and every word of every phrase of one object group occurs in the claim's
  object (case, possessive ``'s`` and plural ``s``/``ies`` folded);
- a ``symmetric`` item also accepts the claim with subject and object swapped;
- only claims whose predicate is in the scored vocabulary count (the core
  predicates plus every predicate a gold item names), and exact duplicates
  (same predicate and same word sets) count once;
- precision is the share of scored claims that match some item (optional ones
  included); recall is the share of *required* items that some claim matches.

>>> gold = [GoldItem("G1", ("Mamdani",), ("opposes",), (("NYPD", "ICE"),))]
>>> report = evaluate(gold, [
...     {"subject": "Zohran Mamdani", "predicate": "opposes",
...      "object": "NYPD assistance with ICE"},
...     {"subject": "Tom Homan", "predicate": "supports", "object": "ICE raids"},
... ])
>>> (report.precision, report.recall, report.n_claims, report.n_correct)
(0.5, 1.0, 2, 1)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.fileio import json_lines, read_text
from kg.model import PREDICATES

#: Predicates that are always scored, lower-cased as the matcher compares them.
CORE_PREDICATES = frozenset(p.lower() for p in PREDICATES)

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class GoldItem:
    """One hand-annotated claim: who, which predicates, about what."""

    id: str
    subject: tuple[str, ...]
    predicate: tuple[str, ...]
    object: tuple[tuple[str, ...], ...]
    required: bool = True
    symmetric: bool = False
    evidence: str | None = None

    def describe(self) -> str:
        """``G1: Mamdani opposes NYPD ICE`` (first alias, predicate and group)."""
        return f"{self.id}: {self.subject[0]} {self.predicate[0]} {' '.join(self.object[0])}"

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject": list(self.subject),
            "predicate": list(self.predicate),
            "object": [list(group) for group in self.object],
            "required": self.required,
            "symmetric": self.symmetric,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class RuleScore:
    """How many scored claims one extraction rule made, and how many were right."""

    rule: str
    claims: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.claims if self.claims else 0.0

    def to_record(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "claims": self.claims,
            "correct": self.correct,
            "precision": self.precision,
        }


#: The rule name given to claims that record none (made by an older build).
NO_RULE = "-"


@dataclass(frozen=True)
class EvalReport:
    """Precision, recall and F1, with the required items missed and the wrong claims."""

    precision: float
    recall: float
    f1: float
    n_claims: int
    n_correct: int
    n_gold: int
    n_found: int
    missed: tuple[GoldItem, ...] = field(default=())
    wrong: tuple[dict[str, Any], ...] = field(default=())
    rules: tuple[RuleScore, ...] = field(default=())
    """Precision per extraction rule (the claims' ``rule`` field), by rule name."""

    def summary(self) -> str:
        """The scorer's last line: ``P=0.500 R=1.000 F1=0.667 (claims=2 ...)``."""
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(claims={self.n_claims} correct={self.n_correct} "
            f"gold={self.n_gold} found={self.n_found})"
        )

    def to_record(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "claims": self.n_claims,
            "correct": self.n_correct,
            "gold": self.n_gold,
            "found": self.n_found,
            "missed": [item.to_record() for item in self.missed],
            "wrong": list(self.wrong),
            "rules": [score.to_record() for score in self.rules],
        }


def words(text: str) -> frozenset[str]:
    """Lower-cased words with possessives and plurals folded.

    >>> sorted(words("The city's Sanctuary Cities"))
    ['city', 'sanctuary', 'the']
    """
    out = set()
    for w in _WORD.findall(text.lower().replace("’", "'").replace("'s", "")):
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def local_name(predicate: str) -> str:
    """The lower-cased local name of a predicate given as a name, CURIE or IRI.

    >>> local_name("https://w3id.org/policy-kg/ontology#agreesWith")
    'agreeswith'
    """
    name = predicate.strip()
    for sep in ("#", "/", ":"):
        if sep in name:
            name = name.rsplit(sep, 1)[1]
    return name.lower()


# --------------------------------------------------------------------------- reading


def load_gold(path: str | os.PathLike[str]) -> list[GoldItem]:
    """Gold items of a JSON-lines file; blank lines and ``//`` comments are skipped."""
    items: list[GoldItem] = []
    seen: dict[str, str] = {}
    for where, row in _json_lines(Path(path)):
        item = _gold_item(row, where)
        if item.id in seen:
            raise InputError(
                f"{where}: gold id {item.id!r} was already used at {seen[item.id]}; "
                "give every item a unique id"
            )
        seen[item.id] = where
        items.append(item)
    if not items:
        raise InputError(f"{path}: gold file holds no items; add one JSON object a line")
    return items


def load_gold_dir(path: str | os.PathLike[str]) -> dict[str, list[GoldItem]]:
    """The gold items of each article: ``DIR/<article name>.jsonl`` files."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl"))
    if not files:
        raise InputError(f"{path}: folder holds no .jsonl gold files; add one per article")
    return {f.stem: load_gold(f) for f in files}


def load_claim_records(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Claim records of a ``claims.jsonl`` file, or of a graph file.

    A path whose suffix names an RDF format (``.ttl``, ``.nt``, ``.trig``,
    ``.jsonld``) is read as a graph written by ``kg build``.
    """
    path = Path(path)
    from kg.rdf.store import RDF_FORMATS

    if path.suffix.lstrip(".") in RDF_FORMATS:
        from kg.rdf.graph import claims_from_graph
        from kg.rdf.store import read_graph

        return [claim.to_record() for claim in claims_from_graph(read_graph(path))]
    records = []
    for where, row in _json_lines(path):
        missing = [k for k in ("subject", "predicate", "object") if k not in row]
        if missing:
            raise InputError(
                f"{where}: claim has no {missing[0]!r}; every line needs "
                '"subject", "predicate" and "object"'
            )
        records.append(row)
    return records


def _json_lines(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for line in json_lines(path, read_text(path, expected="a .jsonl file"), comments=True):
        yield line.where, line.data


def _gold_item(row: Mapping[str, Any], where: str) -> GoldItem:
    for key in ("id", "subject", "predicate", "object"):
        if key not in row:
            raise InputError(
                f"{where}: gold item has no {key!r}; every line needs "
                '"id", "subject", "predicate" and "object"'
            )
    subject = _phrases(row["subject"], where, "subject")
    predicate = _phrases(row["predicate"], where, "predicate")
    raw_groups = row["object"]
    if isinstance(raw_groups, str):
        raw_groups = [[raw_groups]]
    if not isinstance(raw_groups, list) or not raw_groups:
        raise InputError(f'{where}: "object" must be a non-empty list of phrase groups')
    groups = tuple(
        _phrases([g] if isinstance(g, str) else g, where, "object group") for g in raw_groups
    )
    for key in ("required", "symmetric"):
        if key in row and not isinstance(row[key], bool):
            raise InputError(f"{where}: {key!r} must be true or false, not {row[key]!r}")
    evidence = row.get("evidence")
    return GoldItem(
        id=str(row["id"]),
        subject=subject,
        predicate=predicate,
        object=groups,
        required=row.get("required", True),
        symmetric=row.get("symmetric", False),
        evidence=None if evidence is None else str(evidence),
    )


def _phrases(value: Any, where: str, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and words(v) for v in value)
    ):
        raise InputError(f"{where}: {what} must be a non-empty list of non-empty strings")
    return tuple(value)


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class _Scored:
    record: dict[str, Any]
    predicate: str
    subject: frozenset[str]
    object: frozenset[str]


def evaluate(gold: Iterable[GoldItem], claim_records: Iterable[Mapping[str, Any]]) -> EvalReport:
    """Score ``claim_records`` (dicts with subject, predicate, object) against ``gold``."""
    gold = list(gold)
    vocab = CORE_PREDICATES | {p.lower() for item in gold for p in item.predicate}
    scored: list[_Scored] = []
    seen: set[tuple[str, frozenset[str], frozenset[str]]] = set()
    for number, record in enumerate(claim_records, 1):
        try:
            predicate = local_name(str(record["predicate"]))
            subject, obj = words(str(record["subject"])), words(str(record["object"]))
        except KeyError as exc:
            raise InputError(f"claim {number} has no {exc.args[0]!r}: {dict(record)}") from None
        if predicate not in vocab or (predicate, subject, obj) in seen:
            continue
        seen.add((predicate, subject, obj))
        scored.append(_Scored(dict(record), predicate, subject, obj))

    correct = [c for c in scored if any(_matches(item, c) for item in gold)]
    required = [item for item in gold if item.required]
    found = [item for item in required if any(_matches(item, c) for c in scored)]
    precision = len(correct) / len(scored) if scored else 0.0
    recall = len(found) / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return EvalReport(
        precision=precision,
        recall=recall,
        f1=f1,
        n_claims=len(scored),
        n_correct=len(correct),
        n_gold=len(required),
        n_found=len(found),
        missed=tuple(item for item in required if item not in found),
        wrong=tuple(c.record for c in scored if c not in correct),
        rules=_rule_scores((c.record, c in correct) for c in scored),
    )


def evaluate_corpus(
    gold: Mapping[str, Sequence[GoldItem]], claim_records: Iterable[Mapping[str, Any]]
) -> EvalReport:
    """Score a corpus: each article's claims against the gold items of that article.

    ``gold`` maps an article's name (its file name without extension) to its
    items; claims are matched to it by their ``article`` field, and articles
    with no gold are left out. Counts are summed over the articles
    (micro-averaged), as ``eval/score_corpus.py`` does.
    """
    by_article: dict[str, list[Mapping[str, Any]]] = {name: [] for name in gold}
    for record in claim_records:
        name = article_stem(str(record.get("article", "")))
        if name in by_article:
            by_article[name].append(record)
    reports = [evaluate(gold[name], by_article[name]) for name in sorted(gold)]
    claims = sum(r.n_claims for r in reports)
    correct = sum(r.n_correct for r in reports)
    required = sum(r.n_gold for r in reports)
    found = sum(r.n_found for r in reports)
    precision = correct / claims if claims else 0.0
    recall = found / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    totals: dict[str, tuple[int, int]] = {}
    for score in (s for r in reports for s in r.rules):
        n, ok = totals.get(score.rule, (0, 0))
        totals[score.rule] = (n + score.claims, ok + score.correct)
    return EvalReport(
        precision=precision,
        recall=recall,
        f1=f1,
        n_claims=claims,
        n_correct=correct,
        n_gold=required,
        n_found=found,
        missed=tuple(item for r in reports for item in r.missed),
        wrong=tuple(record for r in reports for record in r.wrong),
        rules=tuple(RuleScore(rule, n, ok) for rule, (n, ok) in sorted(totals.items())),
    )


def article_stem(name: str) -> str:
    """An article's name without folder or extension: ``dev/D01_x.txt`` → ``D01_x``."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[0] if "." in base else base


def _rule_scores(judged: Iterable[tuple[Mapping[str, Any], bool]]) -> tuple[RuleScore, ...]:
    totals: dict[str, list[int]] = {}
    for record, right in judged:
        counts = totals.setdefault(str(record.get("rule") or NO_RULE), [0, 0])
        counts[0] += 1
        counts[1] += right
    return tuple(RuleScore(rule, n, ok) for rule, (n, ok) in sorted(totals.items()))


def _matches(item: GoldItem, claim: _Scored) -> bool:
    if claim.predicate not in {p.lower() for p in item.predicate}:
        return False
    if _side(item.subject, claim.subject) and _object(item.object, claim.object):
        return True
    return (
        item.symmetric and _side(item.subject, claim.object) and _object(item.object, claim.subject)
    )


def _phrase_in(phrase: str, bag: frozenset[str]) -> bool:
    need = words(phrase)
    return bool(need) and need <= bag


def _side(aliases: tuple[str, ...], bag: frozenset[str]) -> bool:
    return any(_phrase_in(alias, bag) for alias in aliases)


def _object(groups: tuple[tuple[str, ...], ...], bag: frozenset[str]) -> bool:
    return any(all(_phrase_in(phrase, bag) for phrase in group) for group in groups)
