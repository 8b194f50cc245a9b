"""relations.v1: a rebuttal is a disagreement with whoever made the claim."""

from __future__ import annotations

import pytest


def disagreements(claims):
    return {
        (c.subject.label, c.object.label)
        for c in claims
        if c.predicate == "disagreesWith" and c.rule and c.rule.startswith("relations.")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "that is not true" answers the claim of the sentence before
            "Mayor Bo Lind has argued that the levy pays for itself. "
            "“With respect, that is simply not true,” Senator Ann Vole said.",
            {("Ann Vole", "Bo Lind")},
        ),
        (  # "it’s" with a curly apostrophe is "it is"
            "Rollo Aske says the bridge toll will pay for itself. “It’s simply not true,” "
            "said Councilor Eamon Tusk.",
            {("Eamon Tusk", "Rollo Aske")},
        ),
        (  # "X's claim ... is a fantasy"
            "Mayor Bo Lind spoke first. “Mayor Bo Lind’s claim that the ferry will pay "
            "for itself is a fantasy,” said Ann Vole.",
            {("Ann Vole", "Bo Lind")},
        ),
        (  # "has it wrong"
            "“We think Mayor Bo Lind has it wrong,” said Ann Vole.",
            {("Ann Vole", "Bo Lind")},
        ),
        (  # a disagreement with no object
            "Bo Lind said the pilot saved money. “We see it differently,” said Ann Vole.",
            {("Ann Vole", "Bo Lind")},
        ),
        (  # the claim's author is the subject of the verb a speech verb completes
            "Senator Ann Vole issued the following statement:\n\n“The National Boat Owners "
            "Association keeps telling people this levy lets the city seize boats. That is "
            "false, and they know it.”",
            {("Ann Vole", "National Boat Owners Association")},
        ),
        (  # a verdict verb makes a claim too
            "Senator Ann Vole issued the following statement:\n\n“Council Chair Ada Birch "
            "has called the deal ‘a bargain for the city.’ We see it differently.”",
            {("Ann Vole", "Ada Birch")},
        ),
        (  # saying what the thing is not
            "Senator Ann Vole issued the following statement:\n\n“Senator Bo Lind has argued "
            "that the levy ‘punishes small ports.’ With respect, that is not what it does.”",
            {("Ann Vole", "Bo Lind")},
        ),
        (  # a bare negated auxiliary denies the claim; a group "led by" Y is Y
            "Senator Ann Vole issued the following statement:\n\n“Opponents, led by the "
            "group Save Our Docks, claim the levy will ‘ruin the harbor.’ It will not.”",
            {("Ann Vole", "Save Our Docks")},
        ),
        (  # an organisation's leadership being wrong is the organisation being wrong
            "Senator Ann Vole issued the following statement:\n\n“I respect the Pier Workers "
            "League’s members, but on this bill its leadership is wrong.”",
            {("Ann Vole", "Pier Workers League")},
        ),
    ],
)
def test_rebuttals(extract, text, expected):
    assert disagreements(extract(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "true" affirmed is agreement, not a rebuttal
        "Bo Lind said the pilot saved money. “That is true,” said Ann Vole.",
        # nobody's claim came before
        "“That is false,” said Ann Vole.",
        # the narrator's own sentence has no speaker
        "Bo Lind said the pilot saved money. That is false.",
        # a negated auxiliary that goes on is no bare denial
        "Bo Lind said the pilot saved money. “It will not pass the council,” said Ann Vole.",
        # "that is not what" with no claim before it
        "“That is not what we planned,” said Ann Vole.",
        # "now sees it differently": a change of mind, not a reply
        "Senator Ada Lund said the dam tax was needed. Mayor Ivo Pell, who voted against "
        "a similar tax in 2019, said he now sees it differently.",
    ],
)
def test_no_rebuttal(extract, text):
    assert disagreements(extract(text)) == set()


def agreements(claims):
    return {
        (c.subject.label, c.object.label)
        for c in claims
        if c.predicate == "agreesWith" and c.rule == "relations.shared"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Ada Birch echoed Governor Ivo Brandt’s concerns about the levy.",
            {("Ada Birch", "Ivo Brandt")},
        ),
        (
            "Senator Ada Birch said she shared the concerns of Governor Ivo Brandt.",
            {("Ada Birch", "Ivo Brandt")},
        ),
        (  # "those concerns": the view of whoever voiced one just before
            "Parent Lou Tamm said the plan would leave young children without care. "
            "Board member Ada Birch said she shared those concerns and would vote no.",
            {("Ada Birch", "Lou Tamm")},
        ),
        ("Senator Ada Birch did not share Governor Ivo Brandt’s concerns.", set()),
        ("Senator Ada Birch shared a photo of Governor Ivo Brandt.", set()),
    ],
)
def test_a_view_taken_up_is_agreement_with_its_owner(extract, text, expected):
    assert agreements(extract(text)) == expected


def relations_between_actors(claims):
    return {
        (c.subject.label, c.predicate, c.object.label)
        for c in claims
        if c.predicate in ("agreesWith", "disagreesWith")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "don't agree on everything, but we agree on the levy": agreement, not disagreement
            "Senator Tomas Quillby spoke first. “Senator Quillby and I don’t agree on "
            "everything, but we agree on the levy,” said Senator Rhea Varga.",
            {("Tomas Quillby", "agreesWith", "Rhea Varga")},
        ),
        (  # a chance to work with someone, not taken, is no agreement
            "“Mayor Ada Birch had every chance to work with the unions,” said Osric Pell.",
            set(),
        ),
        (  # the hedge alone is no claim
            "Senator Tomas Quillby spoke first. “Senator Quillby and I don’t agree on everything,” "
            "said Senator Rhea Varga.",
            set(),
        ),
        (  # an idiom that faults an argument, said of "that" after someone's claim
            "The Pennock Growers Guild says the rule would raise costs. “That is a straw "
            "man,” said Ada Thrane.",
            {("Ada Thrane", "disagreesWith", "Pennock Growers Guild")},
        ),
        (  # a good verdict on the requests just made is agreement with who made them
            "The Venner Growers Guild asked the council for a two-year phase-in. “Those "
            "requests are reasonable,” said Mayor Sabra Marrack.",
            {("Sabra Marrack", "agreesWith", "Venner Growers Guild")},
        ),
        (  # and a bad one on someone's concerns, disagreement
            "Rollo Aske spoke first. “Rollo Aske’s concerns are ridiculous,” said Mayor "
            "Sabra Marrack.",
            {("Sabra Marrack", "disagreesWith", "Rollo Aske")},
        ),
        (  # the claim answered is made earlier in the same sentence
            "The Venner Growers Guild opposes the toll. “They made the same argument in 2019, "
            "and it was wrong then too,” said Mayor Sabra Marrack.",
            {("Sabra Marrack", "disagreesWith", "Venner Growers Guild")},
        ),
        (  # whose request it is, we cannot say
            "“The requests are reasonable,” said Mayor Sabra Marrack.",
            set(),
        ),
        (  # disagreeing with someone's estimate is disagreeing with them
            "State Auditor Rhea Kestel faulted Pellwick Tickets in March. Pellwick said in a "
            "statement that it “disagrees with Auditor Kestel’s estimate of its costs.”",
            {("Pellwick", "disagreesWith", "Rhea Kestel")},
        ),
    ],
)
def test_agreement_hedges_and_claims_of_others(extract, text, expected):
    assert relations_between_actors(extract(text)) == expected


def test_the_relations_loop_skips_no_token_a_rule_fires_on(analyse):
    """extract_relations looks only at its trigger words: every token on which a
    per-token rule fires must be among them (a new branch adds its word)."""
    from kg.extract.doctext import tokens_with_any
    from kg.extract.lexicon import default_lexicon
    from kg.extract.registry import Config
    from kg.extract.rules import relations

    analysis = analyse(
        "Councillor Pia Marsh has argued that the tram fee pays for itself. “That is simply "
        "not true,” said Alderman Teo Brask. Brask disputes that. Marsh agreed. Her plan "
        "puts her at odds with Brask. “We think it is overstated,” said Brask. “We think "
        "Marsh has it wrong,” said Ulla Fenn. “We disagree,” said Fenn. “We see it "
        "differently,” said Fenn. Fenn echoed the councillor's concerns. “It will not.”"
    )
    config = Config(default_lexicon())
    fired, looked_at = set(), set()
    for sent in analysis.body:
        for token in sent:
            if (
                list(relations._shared_view(token, sent, analysis, config))
                or list(relations._reply(token, sent, analysis, config))
                or relations._rebuttal(token, analysis) is not None
            ):
                fired.add(token.i)
        triggers = relations.TRIGGER_FORMS, relations.TRIGGER_LEMMAS
        looked_at |= {t.i for t in tokens_with_any(sent, lower=triggers[0], lemma=triggers[1])}
    assert len(fired) >= 6
    assert fired <= looked_at
    assert len(looked_at) < len(analysis.doc) / 3
