"""Who holds a stance: the voice of bylines, quotations and reported speech."""

from __future__ import annotations

from kg.extract.analysis.bylines import byline_person, is_opinion
from tests.extract.conftest import stances

WIRE = (
    "Harbor tolls rise on Monday\n\n"
    "By PELLA DORNAN Associated Press\n\n"
    "QUILLFORD, Ore. (AP) — Gov. Ansel Trubridge on Friday vetoed a bill that would have "
    "frozen ferry tolls for commuters.\n\n"
    "Copyright 2031 The Associated Press. All rights reserved."
)


def test_a_wire_reporters_byline_holds_no_stance(extract):
    found = stances(extract(WIRE))
    assert not any("DORNAN" in s.upper() or "Associated Press" in s for s, *_ in found)
    assert all(speaker is None for *_, speaker in found)


def test_a_newsroom_after_the_reporters_name_is_not_part_of_it():
    assert byline_person(WIRE) == "PELLA DORNAN"
    assert byline_person("Tolls\n\nBy Pella Dornan, Reuters\n\nText.") == "Pella Dornan"


def test_an_opinion_piece_is_told_by_its_label_board_or_first_person():
    assert is_opinion("Opinion | Keep the ferry\n\nBy Pella Dornan\n\nThe ferry works.")
    assert is_opinion("Editorial: tolls\n\nBy the Editorial Board, The Quillford Post\n\nNo.")
    assert is_opinion("Ferry\n\nBy Pella Dornan\n\nLast spring my ferry was late.")
    assert not is_opinion("Ferry\n\nBy Pella Dornan\n\nThe Title I grant lapsed.")
    assert not is_opinion(WIRE)


EDITORIAL_COLON = (
    "Editorial: Parks\n\n"
    "By the Editorial Board, The Quillford Post\n\n"
    "Mayor Desta Varga has said she is “open to all options” on the garage plan. "
    "That is not good enough.\n\n"
    "Councilmember Ann Rosswell, who has led the fight against the garage plan, has it "
    "right: “A park is not a parking lot.” We agree.\n"
)


def test_a_quotation_a_colon_opens_is_the_words_of_the_clause_subject(analyse):
    analysis = analyse(EDITORIAL_COLON)
    park = next(t for t in analysis.doc if t.text == "park")
    assert analysis.speaker(park).label == "Ann Rosswell"


def test_we_agree_answers_the_words_just_quoted(extract):
    found = stances(extract(EDITORIAL_COLON))
    agreed = {o for s, p, o, *_ in found if s == "Quillford Post" and p == "agreesWith"}
    assert agreed == {"Ann Rosswell"}


def test_words_someone_should_say_are_the_wish_of_whoever_asks(extract):
    found = stances(
        extract(
            "Editorial: Parks\n\nBy the Editorial Board, The Quillford Post\n\n"
            "The mayor should say plainly that she opposes paving the riverside park."
        )
    )
    holders = {s for s, p, *_ in found if p == "opposes"}
    assert holders == {"Quillford Post"}


def test_that_amendment_is_not_the_numbered_bill_it_would_change(extract):
    found = stances(
        extract(
            "Opinion | Keep the dunes open\n\nBy Odile Brannock\n\n"
            "That is why I support Senate Bill 12, the Dune Access Act. "
            "Some legislators have proposed narrowing the bill to beaches north of the pier. "
            "I urge them to reject that amendment."
        )
    )
    opposed = {o for s, p, o, *_ in found if s == "Odile Brannock" and p == "opposes"}
    assert opposed and not any("12" in o or "Dune Access" in o for o in opposed)


def test_a_similar_bill_is_not_the_bill_named_next(extract):
    found = stances(
        extract(
            "Rep. Ona Belk of Dunmere, who voted against a similar bill in 2019, now backs "
            "the plan. Pass Senate Bill 12."
        )
    )
    assert ("Ona Belk", "opposes", "Senate Bill 12") not in {f[:3] for f in found}


FERRY = (
    "Ferry fares vetoed\n\n"
    "QUILLFORD — Gov. Ansel Trubridge on Friday vetoed the Ferry Fare Freeze Act. "
    "Its sponsor, Assemblywoman Xenia Pardo-Vell, criticized the veto.\n\n"
    "“The governor had every chance to work with us,” Pardo-Vell said in a statement. "
    "“We took two of his changes. He vetoed it anyway.”\n"
)


def test_he_inside_a_quote_is_not_its_own_speaker(analyse):
    analysis = analyse(FERRY)
    he = next(t for t in analysis.doc if t.text == "He")
    assert analysis.speaker(he).label == "Xenia Pardo-Vell"
    assert analysis.actor(he).entity.label == "Ansel Trubridge"


def test_her_is_not_the_one_whose_clause_it_is_and_follows_her_last_mention(analyse):
    analysis = analyse(
        "The board voted 4-3 on Monday to confirm Margaret Tillson as harbor master. "
        "Four members voted for Tillson, as did Commissioner Rudi Fenwright, the only "
        "Democrat to back her. The three others voted no.\n\n"
        "“Her record on dredging is poor,” said Commissioner Wilma Osei. “I cannot back her.”"
    )
    hers = [t for t in analysis.doc if t.lower_ == "her"]
    assert [analysis.actor(t).entity.label for t in hers] == ["Margaret Tillson"] * 3


def test_a_name_listed_with_people_is_a_person_without_its_plural_title(analyse):
    analysis = analyse(
        "Supervisors Nolan Achterfeld, Odile Wexcombe and Rafe Dunleavy-Ortiz voted for the "
        "deal. An amendment from Wexcombe passed. Wexcombe said she was pleased."
    )
    kinds = {e.label: e.kind for e in analysis.names.mention_entities}
    assert kinds.get("Odile Wexcombe") == "Person"
    assert "Supervisors Nolan Achterfeld" not in kinds


def test_a_company_named_without_its_last_word_is_the_same_company(analyse):
    analysis = analyse(
        "The board approved a tax break for Brackenfield Digital on Tuesday. "
        "Brackenfield’s vice president, Bram Ormsby, thanked the board. "
        "Brackenfield will hire 90 people, the company said."
    )
    labels = {e.label for e in analysis.names.mention_entities if "Brackenfield" in e.label}
    assert labels == {"Brackenfield Digital"}


def test_they_after_someone_is_that_someone_not_an_organisation_before(analyse):
    analysis = analyse(
        "Opinion | Keep the pool open\n\nBy Wendla Orrick\n\n"
        "Wendla Orrick is president of the Fenmoor Swimmers Guild.\n\n"
        "Every summer someone asks me about a lane they cannot use. I thank them."
    )
    plural = [t for t in analysis.doc if t.lower_ in ("they", "them")]
    assert plural and all(analysis.actor(t) is None for t in plural)


def test_a_bill_abbreviation_with_a_number_is_a_law_not_an_actor(analyse):
    analysis = analyse(
        "The senator said SB 318 gives landlords a veto. The committee takes up the bill "
        "next week. Its members should reject it and pass HB 40 instead."
    )
    kinds = {e.kind for e in analysis.names.mention_entities if "318" in e.label}
    assert kinds == {"Issue"}
    it = next(t for t in analysis.doc if t.lower_ == "it")
    assert "318" in analysis.issue_antecedent(it).label


def test_a_title_and_a_known_surname_is_that_person_and_so_is_her_first_name(analyse):
    analysis = analyse(
        "Reps. Osric Vandelay (D-Ore.) and Pernille Haskard (R-Mont.) introduced the Clean "
        "Ferry Act. “I thank Congresswoman Haskard for her work. She has been a tireless "
        "advocate for ferry riders,” said Rep. Vandelay. “Osric and I agree on this,” "
        "said Rep. Haskard."
    )
    she = next(t for t in analysis.doc if t.text == "She")
    assert analysis.actor(she).entity.label == "Pernille Haskard"
    osric = next(t for t in analysis.doc if t.text == "Osric" and t.i > she.i)
    assert analysis.actor(osric).entity.label == "Osric Vandelay"


def test_a_spokeswoman_for_an_organisation_speaks_for_it(extract):
    found = stances(
        extract("A spokesman for the Varnum Foundation said it would fight the ferry toll plan.")
    )
    assert {(s, p, speaker) for s, p, _, _, speaker in found} == {
        ("Varnum Foundation", "opposes", "Varnum Foundation")
    }


def test_what_unnamed_others_say_inside_a_quote_is_not_the_speakers(extract):
    found = stances(
        extract(
            "Sen. Maren Olufsby (D-Tacoma) issued the following statement:\n\n"
            "“Some have called the Harbor Housing Act a giveaway to developers. That is "
            "simply false. Others say the act would raise rents. It will not.”\n"
        )
    )
    assert not any("raising rents" in o or "raise rents" in o for _, _, o, *_ in found)


INTERVIEW = (
    "Talking trails with the parks director\n\n"
    "BRAYFIELD — Parks Director Ferdinand Pemberly-Vane has spent a year pushing a plan to toll "
    "the ridge trails. Pemberly-Vane sat down with the Gazetteer this week.\n\n"
    "Q: Why charge hikers at all?\n\n"
    "A: Because the trails are falling apart. I support the toll.\n\n"
    "Q: The Ridge Hikers Union says the toll will keep families away.\n\n"
    "A: I disagree with them on that.\n\n"
    "Q: And Commissioner Lettice Crandall?\n\n"
    "A: Commissioner Crandall has done a remarkable job on the budget.\n"
)


def test_an_interviews_untagged_answers_are_the_interviewees(extract):
    found = {(s, p, o) for s, p, o, *_ in stances(extract(INTERVIEW))}
    assert ("Ferdinand Pemberly-Vane", "supports", "toll") in found
    assert ("Ferdinand Pemberly-Vane", "disagreesWith", "Ridge Hikers Union") in found
    assert ("Ferdinand Pemberly-Vane", "praises", "Lettice Crandall") in found


def test_answers_after_bare_question_lines_are_the_interviewees(analyse):
    text = (
        "Five questions for the harbor master\n\n"
        "Port Director Ilse Varnholt-Kroll took our questions on the dredging plan.\n\n"
        "Why dredge now?\n\n"
        "The channel is silting up. We oppose waiting another year.\n\n"
        "Who pays for it?\n\n"
        "The port authority does, from its reserve.\n\n"
        "Will the ferries stop?\n\n"
        "For two weeks at most.\n"
    )
    analysis = analyse(text)
    we = next(t for t in analysis.doc if t.text == "We")
    assert analysis.actor(we).entity.label == "Ilse Varnholt-Kroll"
    silting = next(t for t in analysis.doc if t.text == "silting")
    assert analysis.speaker(silting).label == "Ilse Varnholt-Kroll"
    why = next(t for t in analysis.doc if t.text == "Why")
    assert analysis.speaker(why) is None  # the interviewer's question is no one's stance
    # A few rhetorical questions in an essay make no interview.
    text = (
        "Save the ferry\n\n"
        "Councilmember Ilse Varnholt-Kroll wants to cut the night ferry.\n\n"
        "Who will carry the night-shift nurses?\n\n"
        "The ferry carries them now, and the board should keep it running.\n\n"
        "Who will pay for the taxis?\n\n"
        "The nurses will, out of their own wages.\n"
    )
    analysis = analyse(text)
    assert all(analysis.speaker(t) is None for t in analysis.doc)


def test_a_transcript_line_opened_by_a_name_is_that_persons(extract):
    text = (
        "Debate on the gravel pit permit\n\n"
        "Mayor Morwenna Ollivar and Councilmember Brede Halvorsen met at the library on "
        "Tuesday.\n\n"
        "OLLIVAR: I oppose the gravel pit permit. It will ruin the river.\n\n"
        "HALVORSEN: I support the gravel pit permit.\n\n"
        "OLLIVAR: Then we disagree.\n"
    )
    found = {(s, p, o) for s, p, o, *_ in stances(extract(text))}
    assert ("Morwenna Ollivar", "opposes", "gravel pit permit") in found
    assert ("Brede Halvorsen", "supports", "gravel pit permit") in found


def test_a_dateline_in_parentheses_or_with_a_wire_name_is_no_actor(extract):
    found = stances(
        extract(
            "(BRAYFIELD, OR) – Governor Wendeline Askew today signed the Ferry Fare Relief "
            "Act.\n\n"
            "ELM FORK (Otterburn-Vale Wire) — County wardens on Monday proposed a curfew for "
            "the reservoir."
        )
    )
    assert not any(s.upper() in ("BRAYFIELD", "ELM FORK") for s, *_ in found)


def test_a_statement_printed_without_quotation_marks_is_the_issuers(extract):
    found = stances(
        extract(
            "Statement on the harbor rezoning vote\n\n"
            "BRAYFIELD, OR — Councilmember Orla Pennywhistle issued the following statement "
            "after the council approved the harbor rezoning plan:\n\n"
            "Today the council chose luxury condos over working families. I voted against "
            "the harbor rezoning plan.\n\n"
            "I thank the Dockside Tenants Union for standing with us.\n\n"
            "Pennywhistle represents the 4th Ward. She also backs the ferry levy.\n\n"
            "###\n"
        )
    )
    core = {(s, p, o) for s, p, o, *_ in found}
    assert ("Orla Pennywhistle", "opposes", "harbor rezoning plan") in core
    assert ("Orla Pennywhistle", "praises", "Dockside Tenants Union") in core
    # the release's own narration after the statement is no longer her words
    assert all(speaker is None for s, p, o, _, speaker in found if o == "ferry levy")


def test_the_question_and_answer_marks_name_no_one(analyse):
    analysis = analyse(INTERVIEW)
    assert not {e.label for e in analysis.names.mention_entities} & {"Q", "A"}
