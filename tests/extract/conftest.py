from __future__ import annotations

import pytest

from kg.extract import extract_articles
from kg.model import Article, Claim
from kg.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def analyse(nlp):
    """The frozen analysis of one text (its Doc is ``analysis.doc``)."""
    from kg.extract.analysis import analyze
    from kg.extract.lexicon import default_lexicon

    def run(text: str):
        return analyze(Article("analysed", text), nlp(text), default_lexicon())

    return run


@pytest.fixture(scope="session")
def extract(nlp):
    """Claims of each text, as one article per text."""

    def run(*texts: str) -> list[Claim]:
        articles = [Article(f"doc{n}", text) for n, text in enumerate(texts)]
        return list(extract_articles(articles, nlp).claims)

    return run


def stances(claims: list[Claim]) -> set[tuple]:
    """(subject, predicate, object, polarity, speaker) of the stance claims."""
    return {
        (
            c.subject.label,
            c.predicate,
            c.object.label,
            c.polarity,
            c.speaker.label if c.speaker else None,
        )
        for c in claims
        if c.predicate not in ("holdsRole", "memberOf")
    }
