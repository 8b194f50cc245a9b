"""Regenerate the per-rule precision that claims' confidence starts from.

Build the dev set, then score it per rule and write the table::

    kg build ../shared/eval/dev/articles -o /tmp/dev
    python -m kg.extract.calibrate ../shared/eval/dev/gold /tmp/dev/claims.jsonl

The counts are those ``kg eval GOLD_DIR CLAIMS`` prints under "precision per
rule"; the file is ``kg/extract/lexicons/rule_precision.tsv`` unless ``-o``
names another. Confidence does not change which claims are made, so one run
is enough.

``--above 0.8`` writes nothing and instead reports how often the claims with
a confidence above 0.8 are right (to check that confidence means what it says).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.errors import KGError
from kg.evaluate import NO_RULE, EvalReport, evaluate_corpus, load_claim_records, load_gold_dir
from kg.extract.confidence import PRECISION_FILE
from kg.fileio import atomic_write


def precision_table(report: EvalReport, source: str) -> str:
    """The TSV text of ``report``'s per-rule scores."""
    lines = [
        "# Precision of each extraction rule on the dev set (read by kg.extract.confidence).",
        "# Regenerate: kg build DEV/articles -o OUT &&"
        " python -m kg.extract.calibrate DEV/gold OUT/claims.jsonl",
        f"# Last measured: {source}",
        "rule\tclaims\tcorrect\tprecision",
    ]
    lines += [
        f"{s.rule}\t{s.claims}\t{s.correct}\t{s.precision:.3f}"
        for s in report.rules
        if s.rule != NO_RULE
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kg.extract.calibrate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("gold", help="folder of gold files, one <article>.jsonl per article")
    parser.add_argument("claims", help="claims.jsonl of a build of those articles")
    parser.add_argument("-o", "--output", type=Path, default=PRECISION_FILE)
    parser.add_argument(
        "--above",
        type=float,
        metavar="CONFIDENCE",
        help="write nothing; report the precision of the claims above this confidence",
    )
    args = parser.parse_args(argv)
    try:
        gold, records = load_gold_dir(args.gold), load_claim_records(args.claims)
        if args.above is not None:
            sure = [r for r in records if float(r.get("confidence", 0)) > args.above]
            checked = evaluate_corpus(gold, sure)
            print(
                f"claims above {args.above}: {checked.n_correct}/{checked.n_claims} right "
                f"(precision {checked.precision:.3f})"
            )
            return 0
        report = evaluate_corpus(gold, records)
        source = f"{report.summary()}"
        text = precision_table(report, source)
        with atomic_write(args.output) as out:
            out.write(text)
    except KGError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {args.output} ({len(report.rules)} rules; {report.summary()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
