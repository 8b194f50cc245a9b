"""announcements.v1: what an agency or an official makes public is its announcement."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances


def announced(claims):
    return {(s[0], s[2]) for s in stances(claims) if s[1] == "announces"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an official act on an instrument
            "The Marine Fisheries Agency on Wednesday finalized a rule requiring large trawlers "
            "to carry observers.",
            ("Marine Fisheries Agency", "rule requiring large trawlers to carry observers"),
        ),
        (  # a lawsuit is against the one sued
            "The Trade Commission on Thursday sued Quillon Data Works, a data broker.",
            ("Trade Commission", "lawsuit against Quillon Data Works"),
        ),
        (  # the announcer's own act, reported
            "Attorney General Ruth Baines today announced that her office has opened a wage "
            "theft investigation into the Dover Fire Department.",
            ("Ruth Baines", "wage theft investigation"),
        ),
        (  # an actor's decision
            "Senator Laura Becker spoke on the Bureau of Mines' decision to cancel a "
            "$40 million grant for the Dover mill.",
            ("Bureau of Mines", "canceling $40 million grant for Dover mill"),
        ),
        (  # an actor's award
            "Rep. Laura Becker spoke about the Maritime Transit Administration's award of a "
            "$1.2 billion grant to the Dover Ferry project.",
            ("Maritime Transit Administration", "$1.2 billion grant to Dover Ferry project"),
        ),
    ],
)
def test_announcements(extract, text, expected):
    assert expected in announced(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Marine Fisheries Agency did not finalize the rule on Wednesday.",
        "Senator Laura Becker issued a statement on the harbor plan.",
        "The mayor announced that the county has opened an investigation into the port.",
    ],
)
def test_no_announcement(extract, text):
    assert not announced(extract(text))


def test_blame_of_a_deed_is_blame_of_its_doer(extract):
    found = {
        s[:3]
        for s in stances(
            extract(
                "Rep. Laura Becker criticized the Maritime Transit Administration's award "
                "of the grant."
            )
        )
    }
    assert ("Laura Becker", "criticizes", "Maritime Transit Administration") in found
