from __future__ import annotations

import pytest

from kg.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()
