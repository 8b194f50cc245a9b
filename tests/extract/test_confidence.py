from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.extract.confidence import HOP, NEGATION, Calibration, load_calibration


def test_the_same_factors_lower_every_rule():
    calibration = Calibration({"a": (8, 8), "b": (3, 8)})
    for rule in ("a", "b"):
        plain = calibration.confidence(rule)
        assert calibration.confidence(rule, hops=2) == pytest.approx(plain * HOP**2, abs=1e-3)
        assert calibration.confidence(rule, negated=True) == pytest.approx(
            plain * NEGATION, abs=1e-3
        )
        assert calibration.confidence(rule, modality="hypothetical") < plain
    assert calibration.confidence("a") > calibration.confidence("b")


def test_the_shipped_table_reads(tmp_path: Path):
    table = load_calibration()
    assert table.counts and all(0 <= ok <= n for ok, n in table.counts.values())


def test_a_malformed_table_names_the_line(tmp_path: Path):
    path = tmp_path / "rule_precision.tsv"
    path.write_text("rule\tclaims\tcorrect\tprecision\ncue.verb\tmany\t3\t0.5\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"rule_precision.tsv:2: expected rule, claims"):
        load_calibration(path)
