from __future__ import annotations

import pytest

from kg.model import Article
from kg.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def articles():
    """Short invented articles, each naming its own people."""
    names = ["Ana Ruiz", "Ben Ostrowski", "Carla Diaz", "Dev Patel", "Elena Kim", "Farid Haddad"]
    return [
        Article(
            f"a{i:03d}",
            f"Council backs plan {i}\n\nSenator {names[i % 6]} said on Monday that she opposes "
            f"the transit levy.\n\nMayor {names[(i + 1) % 6]} praised the budget.",
        )
        for i in range(40)
    ]
