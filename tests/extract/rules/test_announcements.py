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
            ("Marine Fisheries Agency", "rule"),
        ),
        (  # a lawsuit is against the one sued
            "The Trade Commission on Thursday sued Meridian Harbor Analytics, a data broker.",
            ("Trade Commission", "lawsuit against Meridian Harbor Analytics"),
        ),
        (  # the announcer's own act, reported
            "Attorney General Ruth Baines today announced that her office has opened a civil "
            "rights investigation into the Dover Police Department.",
            ("Ruth Baines", "civil rights investigation"),
        ),
        (  # an actor's decision
            "Senator Laura Becker spoke on the Department of Energy's decision to rescind a "
            "$40 million grant for the Dover line.",
            ("Department of Energy", "rescinding $40 million grant for Dover line"),
        ),
        (  # an actor's award
            "Rep. Laura Becker spoke about the Federal Railroad Administration's award of a "
            "$1.2 billion grant to the Dover Rail project.",
            ("Federal Railroad Administration", "$1.2 billion grant to Dover Rail project"),
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
                "Rep. Laura Becker criticized the Federal Railroad Administration's award "
                "of the grant."
            )
        )
    }
    assert ("Laura Becker", "criticizes", "Federal Railroad Administration") in found
