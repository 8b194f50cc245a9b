"""Class 1 of issue 6: statements and quotes that run on; the author's voice."""

from __future__ import annotations

from tests.extract.conftest import stances


def test_a_statement_introduces_every_quoted_paragraph_after_it(extract):
    claims = extract(
        "WASHINGTON – Senator Mara Quince (D-Ore.) issued the following statement on the "
        "ferry levy:\n\n"
        "“This levy is a mistake for island families.\n\n"
        "“I will vote against the ferry levy.”\n\n"
        "The vote is set for Tuesday."
    )
    assert ("Mara Quince", "opposes", "ferry levy", -1, "Mara Quince") in stances(claims)


def test_a_speaker_tag_anywhere_in_a_quote_run_covers_all_of_it(extract):
    claims = extract(
        "The council met on Monday.\n\n"
        "“We reject the toll plan.\n\n"
        "“It hurts commuters,” said Mayor Tom Reyes. “And we will say so again.”"
    )
    assert ("Tom Reyes", "opposes", "toll plan", -1, "Tom Reyes") in stances(claims)


def test_a_speaker_in_the_next_paragraph_does_not_claim_a_quote(extract):
    claims = extract(
        "Governor Ana Ruiz spoke first.\n\n"
        "“We back the bridge bond.”\n\n"
        "Dana Cole said the bond was too costly."
    )
    assert not any(c.subject.label == "Dana Cole" and c.predicate == "supports" for c in claims)


def test_in_an_op_ed_i_is_the_byline(extract):
    claims = extract(
        "Why I changed my mind on the dam\n\nBy Hana Voss\n\nI support the river dam levy."
    )
    assert ("Hana Voss", "supports", "river dam levy", 1, "Hana Voss") in stances(claims)


def test_in_an_editorial_this_board_and_we_are_the_publication(extract):
    claims = extract(
        "Editorial: two ballot questions\n\n"
        "By the Editorial Board, The Lakeside Courier\n\n"
        "This board opposes the park closure plan. We support the library bond."
    )
    found = stances(claims)
    assert ("Lakeside Courier", "opposes", "park closure plan", -1, "Lakeside Courier") in found
    assert ("Lakeside Courier", "supports", "library bond", 1, "Lakeside Courier") in found


def test_we_inside_a_quote_is_its_speaker_not_the_byline(extract):
    claims = extract(
        "A letter on transit\n\nBy Hana Voss\n\n"
        "“We oppose the fare hike,” said Rita Lund, a union organizer."
    )
    assert ("Rita Lund", "opposes", "fare hike", -1, "Rita Lund") in stances(claims)


def test_a_statement_is_its_issuers_not_that_of_an_agency_it_mentions(extract):
    claims = extract(
        "SALEM – Senator Mara Quince (D-Ore.) issued the following statement after the "
        "Transport Agency announced it will raise ferry fares:\n\n"
        "“I oppose the ferry fare increase.”"
    )
    found = stances(claims)
    assert ("Mara Quince", "opposes", "ferry fare increase", -1, "Mara Quince") in found
    assert not any(s[0] == "Transport Agency" and s[2] == "ferry fare increase" for s in found)


def test_who_is_thanked_for_doing_something_did_it(extract):
    claims = extract(
        "Mayor Tom Reyes said: “I thank Director Lena Ostrova for announcing the night bus pilot.”"
    )
    found = {(c.subject.label, c.predicate, c.object.label) for c in claims}
    assert ("Lena Ostrova", "announces", "night bus pilot") in found
    assert ("Tom Reyes", "announces", "night bus pilot") not in found


def test_who_said_it_in_doing_something_did_it(extract):
    claims = extract(
        "“The pier will be safer,” Harbor Director Odalys Verhoeven said in announcing "
        "the pier repair plan."
    )
    found = {(c.subject.label, c.predicate, c.object.label) for c in claims}
    assert ("Odalys Verhoeven", "announces", "pier repair plan") in found


def test_a_plan_keeps_where_it_leads(extract):
    claims = extract("Director Ann Lee's proposal to shift the funds toward a citywide bus study.")
    objects = {c.object.label for c in claims if c.predicate == "proposes"}
    assert any("toward citywide bus study" in o for o in objects)


def test_a_quotation_inside_a_sentence_is_the_words_of_the_verb_it_hangs_on(analyse):
    text = (
        "Senate Leader Hollis Brandt opposed the measure, calling it “a cynical stunt that "
        "will fail,” and noted that the Harbor Council has said it would reject it."
    )
    analysis = analyse(text)
    doc = analysis.doc
    stunt = next(t for t in doc if t.text == "stunt")
    assert analysis.speaker(stunt).label == "Hollis Brandt"


def test_a_speaker_set_off_inside_the_clause_says_the_clause(analyse):
    text = "Mayor Tilda Hollingrake spoke Monday. The depot, she said, would choke the harbor road."
    analysis = analyse(text)
    doc = analysis.doc
    choke = next(t for t in doc if t.text == "choke")
    assert analysis.speaker(choke).label == "Tilda Hollingrake"


def test_one_of_those_who_voted_is_the_person_named(analyse):
    text = "Rep. Ivo Tandy (D-Ore.), one of the four Democrats who voted yes, spoke first."
    analysis = analyse(text)
    doc = analysis.doc
    who = next(t for t in doc if t.lower_ == "who")
    assert analysis.actor(who).entity.label == "Ivo Tandy"
