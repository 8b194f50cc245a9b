"""Confidence that means something: a rule's measured precision, adjusted by
the same few named factors for every claim.

A claim's confidence starts from the precision its rule measured on the dev
set (``lexicons/rule_precision.tsv``, written by ``python -m
kg.extract.calibrate``), smoothed as ``(correct + 1) / (claims + 2)`` so that
a rule seen a few times is not trusted fully, and 0.5 for a rule never
measured. It is then multiplied by:

- :data:`HOP` for each inference step between a word and the actor it stands
  for (a pronoun, a description, the speaker of a quote);
- :data:`NEGATION` when the claim's polarity was flipped by a negation;
- the :data:`MODALITY` weight of the claim's modality.

>>> calibration = Calibration({"cue.verb": (18, 20)})
>>> calibration.prior("cue.verb"), calibration.prior("never.seen")
(0.864, 0.5)
>>> calibration.confidence("cue.verb", hops=1, modality="planned", negated=True)
0.63
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError

PRECISION_FILE = Path(__file__).parent / "lexicons" / "rule_precision.tsv"
UNMEASURED = 0.5
HOP = 0.9
NEGATION = 0.9
MODALITY = {
    "asserted": 1.0,
    "planned": 0.9,
    "hypothetical": 0.6,
    "counterfactual": 0.5,
    "questioned": 0.45,
}


@dataclass(frozen=True)
class Calibration:
    """Per-rule counts on the dev set: rule name → (correct claims, claims)."""

    counts: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def prior(self, rule: str) -> float:
        """The smoothed precision of ``rule``, or :data:`UNMEASURED`."""
        if rule not in self.counts:
            return UNMEASURED
        correct, claims = self.counts[rule]
        return round((correct + 1) / (claims + 2), 3)

    def confidence(
        self, rule: str, *, hops: int = 0, modality: str = "asserted", negated: bool = False
    ) -> float:
        value = self.prior(rule) * HOP**hops * MODALITY[modality]
        if negated:
            value *= NEGATION
        return round(min(max(value, 0.05), 1.0), 3)


def load_calibration(path: str | Path = PRECISION_FILE) -> Calibration:
    """The per-rule counts of a ``rule_precision.tsv`` (rule, claims, correct, precision)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read rule precision ({exc.strerror})") from None
    counts: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("rule\t"):
            continue
        cells = line.split("\t")
        try:
            name, claims, correct = cells[0], int(cells[1]), int(cells[2])
        except (IndexError, ValueError):
            raise InputError(
                f"{path}:{number}: expected rule, claims, correct and precision separated by "
                "tabs; regenerate it with `python -m kg.extract.calibrate`"
            ) from None
        if not 0 <= correct <= claims:
            raise InputError(f"{path}:{number}: correct must lie between 0 and claims")
        counts[name] = (correct, claims)
    return Calibration(counts)


@lru_cache(maxsize=1)
def default_calibration() -> Calibration:
    return load_calibration() if PRECISION_FILE.exists() else Calibration()
