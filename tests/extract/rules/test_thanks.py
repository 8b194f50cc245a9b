"""Thanks to several: "I thank A for X and B for Y" praises A and B."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances


@pytest.mark.parametrize(
    ("text", "praised", "not_claimed"),
    [
        (  # the parser hangs B on the object of A's deed ("bill and B")
            "“I thank Senator Eamon Tusk for sponsoring this bill and the Venner Fire "
            "Department for testing it,” said Mayor Sabra Marrack.",
            {"Eamon Tusk", "Venner Fire Department"},
            ("Eamon Tusk", "supports", "Venner Fire Department"),
        ),
        (  # or on the noun of A's merit ("work and B")
            "“I thank Senator Eamon Tusk for his work and Chief Rollo Aske for his "
            "patience,” said Mayor Sabra Marrack.",
            {"Eamon Tusk", "Rollo Aske"},
            None,
        ),
    ],
)
def test_each_one_thanked_is_praised(extract, text, praised, not_claimed):
    found = stances(extract(text))
    assert {s[2] for s in found if s[:2] == ("Sabra Marrack", "praises")} == praised
    assert not_claimed is None or all(s[:3] != not_claimed for s in found)
