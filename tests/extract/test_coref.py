"""Who and what a word stands for: lists of names, "it" after a vote, inverted subjects."""

from __future__ import annotations

import pytest


def triples(claims):
    return {(c.subject.label, c.predicate, c.object.label) for c in claims}


def test_a_plural_spelled_out_by_names_gives_each_name(extract):
    claims = extract(
        "The Harlow board debated the ferry rezoning for hours. "
        "Three trustees, Oona Crestfield, Pim Varga and Dov Ekwueme, voted against it."
    )
    found = triples(claims)
    for name in ("Oona Crestfield", "Pim Varga", "Dov Ekwueme"):
        assert (name, "opposes", "ferry rezoning") in found
    assert not any(o == "Harlow board" for _, _, o in found)


def test_voting_for_it_were_names_the_voters(extract):
    claims = extract(
        "The Harlow board took up the ferry rezoning on Monday. "
        "Voting for the rezoning were trustees Oona Crestfield, Pim Varga and Dov Ekwueme."
    )
    found = triples(claims)
    for name in ("Oona Crestfield", "Pim Varga", "Dov Ekwueme"):
        assert (name, "supports", "ferry rezoning") in found


def test_it_after_a_vote_is_the_measure_not_an_organisation(extract):
    claims = extract(
        "The county commission held a hearing on the landfill levy. "
        "Commissioner Ines Marwick voted against it."
    )
    found = triples(claims)
    assert ("Ines Marwick", "opposes", "landfill levy") in found
    assert ("Ines Marwick", "opposes", "county commission") not in found


def test_it_after_a_backing_verb_is_the_measure(extract):
    claims = extract(
        "The county proposed a landfill levy in May. "
        "Supervisor Ines Marwick said she backs it because it funds recycling."
    )
    assert ("Ines Marwick", "supports", "landfill levy") in triples(claims)


def test_a_place_that_locates_people_is_not_the_actor(extract):
    claims = extract(
        "The Transit Board approved the tram grant. "
        "“Brindle County commuters are not asking for a tram. They want a bus lane.”"
    )
    stance_subjects = {
        c.subject.label for c in claims if c.predicate not in ("holdsRole", "memberOf")
    }
    assert "Brindle County" not in stance_subjects
    assert ("Transit Board", "supports", "bus lane") not in triples(claims)


def test_a_capital_at_the_start_of_a_sentence_is_no_name(nlp):
    from kg.extract.analysis import analyze, mask_datelines
    from kg.extract.lexicon import default_lexicon
    from kg.model import Article

    text = "Groups that favor lower fares criticized the move."
    analysis = analyze(Article("a", text), nlp(mask_datelines(text)), default_lexicon())
    assert "Groups" not in {e.label for e in analysis.names.mention_entities}


def test_an_unlabelled_agency_name_joined_by_and(nlp):
    from kg.extract.analysis import analyze, mask_datelines
    from kg.extract.lexicon import default_lexicon
    from kg.model import Article

    text = (
        "Orchard Valley Parks and Recreation Services (OVPRS) announced a new permit rule. "
        "OVPRS said the permit rule takes effect in May."
    )
    analysis = analyze(Article("a", text), nlp(mask_datelines(text)), default_lexicon())
    labels = {e.label: e.kind for e in analysis.names.mention_entities}
    assert any("Recreation Services" in label for label in labels)


def test_the_bill_is_not_a_law_someone_only_quoted(extract):
    claims = extract(
        "“I swore an oath to the Harbor Charter,” Sheriff Ivo Brannagh said. "
        "Gov. Lise Oyelaran, who signed the measure in May, disagreed. "
        "The law, House Bill 77, bans the kits."
    )
    assert ("Lise Oyelaran", "supports", "Harbor Charter") not in triples(claims)


def test_it_after_a_thing_named_as_subject_is_that_thing(nlp):
    from kg.extract.analysis import analyze, mask_datelines
    from kg.extract.lexicon import default_lexicon
    from kg.model import Article

    text = (
        "The Harbor Committee wrote the rule. "
        "If a refinery misses a deadline, it would have to file a plan with the state."
    )
    doc = nlp(mask_datelines(text))
    analysis = analyze(Article("a", text), doc, default_lexicon())
    it = next(t for t in doc if t.lower_ == "it")
    assert analysis.actor(it) is None


def test_her_members_act_for_the_one_who_speaks_for_them(extract):
    claims = extract(
        "Odile Brassard, president of the Fenwick Orchard Growers Council, "
        "said her members support the Cider Tax Relief Act."
    )
    assert ("Odile Brassard", "supports", "Cider Tax Relief Act") in triples(claims)


def test_a_lede_title_is_the_person_given_that_title_after(extract):
    claims = extract(
        "The sheriff of this mountain county said Monday that his deputies will not "
        "enforce the new boat registration law.\n\n"
        "“I took an oath to this county,” Sheriff Arlo Penhallow said at the courthouse."
    )
    assert any(
        s == "Arlo Penhallow" and p == "opposes" and "boat registration law" in o
        for s, p, o in triples(claims)
    )


def test_the_governor_is_the_person_titled_gov(analyse):
    analysis = analyse("Gov. Mirela Tansy signed the ferry bill. The governor said it was overdue.")
    governor = next(t for t in analysis.doc if t.lower_ == "governor")
    assert analysis.actor(governor).entity.label == "Mirela Tansy"


def test_a_law_that_only_says_which_duties_is_not_the_bill(extract):
    claims = extract(
        "Sen. Ilse Varga has introduced the Orchard Equipment Relief Act, which would exempt "
        "parts from Section 301 duties. The bill is co-sponsored by Sen. Teo Markham."
    )
    found = triples(claims)
    assert ("Teo Markham", "supports", "Orchard Equipment Relief Act") in found
    assert ("Teo Markham", "supports", "Section 301") not in found


def test_a_short_bill_number_is_a_law(nlp):
    from kg.extract.analysis.names import find_names
    from kg.extract.lexicon import default_lexicon

    doc = nlp("Rep. Ola Brant voted against HB 2207 on Tuesday.")
    names = find_names(doc, default_lexicon())
    assert ("House Bill 2207", "Issue") in {(m.text, m.kind) for m in names.mentions}


def test_the_bill_is_the_only_law_the_narration_named(extract):
    claims = extract(
        "State Rep. Noor Halvey issued the following statement after the House passed "
        "House Bill 4410:\n\n"
        "“I voted no. This is a bad day for our schools. Families deserve better. "
        "We will keep fighting. Our districts cannot absorb these cuts. "
        "Rural towns will pay the price. Teachers will leave. Class sizes will grow. "
        "Buses will stop running. Libraries will close. Nobody asked for this. "
        "We can still fix it.”\n\n"
        "Rep. Bastian Oakes, the bill's sponsor, said the program helps parents."
    )
    assert ("Bastian Oakes", "proposes", "House Bill 4410") in triples(claims)


def test_one_party_member_set_off_by_a_comma_is_the_named_person(extract):
    claims = extract(
        "The Harbor Dredging Act is co-sponsored by 12 House Republicans and one Democrat, "
        "Rep. Ruth Okonkwo of Maine."
    )
    found = triples(claims)
    assert ("Ruth Okonkwo", "supports", "Harbor Dredging Act") in found
    assert ("Democrat", "supports", "Harbor Dredging Act") not in found


def test_a_name_joined_after_a_role_apposition_shares_the_verb(nlp):
    from spacy.tokens import Doc

    from kg.extract.analysis.coref import conjuncts

    # "Arkwright, a member of the committee, and Roux introduced …", parsed with
    # "Roux" joined to the role noun rather than to the first name
    words = "Arkwright , a member of the committee , and Roux introduced it .".split()
    heads = [10, 0, 3, 0, 3, 6, 4, 3, 3, 3, 10, 10, 10]
    deps = ["nsubj", "punct", "det", "appos", "prep", "det", "pobj", "punct", "cc", "conj"]
    deps += ["ROOT", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "CCONJ", "PROPN"]
    pos += ["VERB", "PRON", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in conjuncts(doc[0])] == ["Roux"]


def test_an_unnamed_office_holder_is_a_holder_and_not_what_it_refers_to(extract):
    found = triples(
        extract(
            "Senate Leader Hollis Brandt opposed the measure and noted that the governor "
            "would veto it."
        )
    )
    assert ("governor", "opposes", "measure") in found


def test_my_own_association_is_the_association_named_before(extract):
    found = triples(
        extract(
            "The Valley Growers Association has asked the board to drop the rule. "
            "“I disagree with my own association on that,” said grower Tamsin Oyelaran."
        )
    )
    assert ("Tamsin Oyelaran", "disagreesWith", "Valley Growers Association") in found


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Kenneth Rull arrived on Monday. The prime minister of Dellan said the "
        "port would reopen, Prime Minister Ostra Vell told reporters.",
        # the words of "the Dellish prime minister" tie for the rarest: whichever a set
        # gives first, the title is looked for after the token, never before
        "Kenneth Rull, the Varnish foreign minister, arrived on Monday. The Dellish prime "
        "minister said the port would reopen. Dellish Prime Minister Ostra Vell spoke later.",
    ],
)
def test_a_title_before_its_name_is_the_person_named_after_it(analyse, text):
    analysis = analyse(text)
    said = next(t for t in analysis.doc if t.text == "said")
    subject = next(c for c in said.children if c.dep_ == "nsubj")
    assert analysis.actor(subject).entity.label == "Ostra Vell"


PRESENTED_WITH = (
    "Wexcombe Water, which serves the valley, said the freeze would shift costs.\n\n"
    "Sigvald Torvik, director of the Carrick Tenant League, "
    "said utilities elsewhere had not seen such increases. “They made the same argument "
    "before, and it was wrong then too,” Torvik said, adding that his group would fight "
    "the surcharge.\n"
)


def test_his_group_is_the_organisation_he_was_presented_with(analyse):
    analysis = analyse(PRESENTED_WITH)
    group = next(t for t in analysis.doc if t.text == "group")
    assert analysis.actor(group).entity.label == "Carrick Tenant League"


def test_they_in_a_speakers_quote_is_not_the_speakers_own_organisation(analyse):
    analysis = analyse(
        "Sigvald Torvik, director of the Carrick Tenant League, spoke on Monday. "
        "“They made the same argument before,” Torvik said."
    )
    they = next(t for t in analysis.doc if t.text == "They")
    ref = analysis.actor(they)
    assert ref is None or ref.entity.label != "Carrick Tenant League"


def test_it_that_a_copula_judges_is_no_organisation(extract):
    claims = extract(
        "Senator Oriel Brantham, the ranking member of the Marlow Ways Committee, said he "
        "had doubted the cost.\n\n"
        "“It is the right call for our ferry riders,” Brantham said.\n\n"
        "The Sallow Dock Trust met on Monday. It is the largest landlord on the quay, "
        "and it opposes the rent freeze."
    )
    subjects = {c.subject.label for c in claims if c.predicate not in ("holdsRole", "memberOf")}
    assert "Marlow Ways Committee" not in subjects
    assert ("Sallow Dock Trust", "opposes", "rent freeze") in triples(claims)


def test_our_guild_is_the_organisation_whose_name_ends_in_guild(extract):
    claims = extract(
        "Opinion | Keep the ferry\n\n"
        "By Hesper Quayle\n\n"
        "I am a board member of the Tarn Lockkeepers Guild. Senator Ansel Brookfield has filed "
        "the Ferry Fare Cap Act. I support it, and so does our guild.\n"
    )
    assert ("Tarn Lockkeepers Guild", "supports", "Ferry Fare Cap Act") in triples(claims)


def test_a_ballot_question_is_a_law_though_its_first_word_was_taken_for_a_name(analyse):
    analysis = analyse(
        "Vote yes on Proposition 6.\n\n"
        "Proposition 6 would add 9 cents per $100 of assessed value to ferry bills."
    )
    second = [t for t in analysis.doc if t.text == "Proposition"][1]
    assert analysis.names.at(second).label == "Proposition 6"


def test_the_president_in_an_organisations_words_is_one_person(extract):
    claims = extract(
        "The Lowmoor Council advanced the ferry bill.\n\n"
        "The agency said in a statement that the president supports banning night trawling."
    )
    assert ("president", "supports", "banning night trawling") in {
        (s.lower(), p, o) for s, p, o in triples(claims)
    }


def test_the_company_is_the_business_named_before_not_the_nearest_group(analyse):
    analysis = analyse(
        "Tamberlin Power, which serves the valley, said the freeze would raise bills. "
        "Its spokesman said costs would rise. “We already help families,” he said. "
        "Tenant groups disputed that. Wilma Quenby-Hart, director of the Valley Renters "
        "Project, said the increases the company predicts never came."
    )
    company = next(t for t in analysis.doc if t.text == "company")
    assert analysis.actor(company).entity.label == "Tamberlin Power"


def test_a_name_hung_on_the_next_name_before_and_is_its_conjunct(nlp):
    from spacy.tokens import Doc

    from kg.extract.analysis.coref import conjuncts

    # "Chair Ilse Marrowby and Commissioner Cato Wrenfield voted", parsed with "Marrowby"
    # hung on "Wrenfield" (nmod) and "Cato" made the conjunct of "Marrowby"
    words = "Chair Ilse Marrowby and Commissioner Cato Wrenfield voted .".split()
    heads = [2, 2, 6, 2, 5, 2, 7, 7, 7]
    deps = ["compound", "compound", "nmod", "cc", "compound", "conj", "nsubj", "ROOT", "punct"]
    pos = ["PROPN"] * 3 + ["CCONJ"] + ["PROPN"] * 3 + ["VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert "Marrowby" in [t.text for t in conjuncts(doc[6])]


def test_names_listed_with_home_towns_are_conjuncts(nlp):
    from spacy.tokens import Doc

    from kg.extract.analysis.coref import conjuncts

    # "Anton Gaskell of Brindle, Rhoda Moulton of Kessington and Earl Pelham of Dunholt
    # voted", parsed with each next name hung on the town before it
    words = (
        "Anton Gaskell of Brindle , Rhoda Moulton of Kessington and Earl Pelham of Dunholt voted ."
    ).split()
    heads = [1, 14, 1, 2, 1, 6, 3, 6, 7, 8, 11, 8, 11, 12, 14, 14]
    deps = ["compound", "nsubj", "prep", "pobj", "punct", "compound", "conj", "prep", "pobj"]
    deps += ["cc", "compound", "conj", "prep", "pobj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "ADP", "PROPN"]
    pos += ["CCONJ", "PROPN", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    found = [t.text for t in conjuncts(doc[1])]
    assert "Moulton" in found and "Pelham" in found
