"""stance.v1 on short sentences: the exact stance claims each one yields."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances

CASES = {
    # negation and its scope
    "negated future": (
        "Mayor Zed Brown will not assist with immigration enforcement.",
        {("Zed Brown", "opposes", "assisting with immigration enforcement", -1, None)},
    ),
    "never": (
        "Senator Jane Smith never supported the tax bill.",
        {("Jane Smith", "opposes", "tax bill", -1, None)},
    ),
    "refused to back": (
        "Governor Tom Jones refused to back the housing plan.",
        {("Tom Jones", "opposes", "housing plan", -1, None)},
    ),
    "not only": (
        "Governor Tom Jones not only supports the bill but also wants to expand it.",
        {("Tom Jones", "supports", "bill", 1, None)},
    ),
    # planned stances are proposed
    "plans to dismantle": (
        "Councilmember Ana Lopez plans to dismantle the gang database.",
        {
            ("Ana Lopez", "proposes", "dismantling gang database", 1, None),
            ("Ana Lopez", "opposes", "gang database", -1, None),
        },
    ),
    # a law's purpose: the stance carries on to what it would undo, flipped
    "against a resolution to terminate": (
        "Senator Lena Forde voted against a resolution to terminate the harbor emergency.",
        {
            ("Lena Forde", "opposes", "resolution to terminate harbor emergency", -1, None),
            ("Lena Forde", "supports", "harbor emergency", 1, None),
        },
    ),
    "for a bill to repeal": (
        "Representative Omar Velez voted for a bill to repeal the ferry tax.",
        {
            ("Omar Velez", "supports", "bill to repeal ferry tax", 1, None),
            ("Omar Velez", "opposes", "ferry tax", -1, None),
        },
    ),
    # attribution
    "quote then speaker": (
        '"We will fight this rule in court," said Rep. Maria Garcia.',
        {("Maria Garcia", "opposes", "rule", -1, "Maria Garcia")},
    ),
    "said that": (
        "Rep. Maria Garcia said that the city must reject the proposal.",
        {("Maria Garcia", "opposes", "proposal", -1, "Maria Garcia")},
    ),
    "first person in a quote": (
        '"I am proposing a ban on facial recognition," said Senator Mark Hill.',
        {("Mark Hill", "proposes", "ban on facial recognition", 1, "Mark Hill")},
    ),
    "press release voice": (
        "The Sierra Club condemns the decision to expand drilling.",
        {("Sierra Club", "criticizes", "decision to expand drilling", -1, None)},
    ),
    # lists and conjunctions
    "list of actors": (
        "Representatives Ana Lopez, Ben Carter, Carl Diaz and Dana Evans released a statement "
        "opposing the cuts.",
        {
            ("Ana Lopez", "opposes", "cuts", -1, None),
            ("Ben Carter", "opposes", "cuts", -1, None),
            ("Carl Diaz", "opposes", "cuts", -1, None),
            ("Dana Evans", "opposes", "cuts", -1, None),
        },
    ),
    "two targets": (
        "Senator Mark Hill supports the minimum wage increase and paid family leave.",
        {
            ("Mark Hill", "supports", "minimum wage increase", 1, None),
            ("Mark Hill", "supports", "paid family leave", 1, None),
        },
    ),
    # passive, nominal stances, light verbs
    "passive": (
        "The bill was condemned by the American Civil Liberties Union.",
        {("American Civil Liberties Union", "criticizes", "bill", -1, None)},
    ),
    "apposition advocate": (
        "Jessica Tisch, a staunch advocate for civil immigration enforcement, "
        "will remain in her role.",
        {("Jessica Tisch", "supports", "civil immigration enforcement", 1, None)},
    ),
    "a critic of": (
        "Governor Kathy Hochul is a critic of congestion pricing.",
        {("Kathy Hochul", "criticizes", "congestion pricing", -1, None)},
    ),
    "disagreements with": (
        "Commissioner Jessica Tisch has had public disagreements with Zohran Mamdani.",
        {("Jessica Tisch", "disagreesWith", "Zohran Mamdani", -1, None)},
    ),
    "willingness to work with": (
        "Zohran Mamdani has expressed a willingness to work with Jessica Tisch.",
        {("Zohran Mamdani", "agreesWith", "Jessica Tisch", 1, None)},
    ),
    "called on to pass": (
        "Mayor Eric Adams called on the state legislature to pass the housing bill.",
        {("Eric Adams", "supports", "passing housing bill", 1, None)},
    ),
    "voted against": (
        "Senator Mark Hill voted against the defense bill.",
        {("Mark Hill", "opposes", "defense bill", -1, None)},
    ),
    "accused of": (
        "Zohran Mamdani criticized Mayor Eric Adams, whom he has accused of enabling deportations.",
        {("Zohran Mamdani", "criticizes", "Eric Adams", -1, None)},
    ),
    "faced lawsuits from": (
        "The congestion toll has faced lawsuits from New Jersey officials.",
        {("New Jersey officials", "opposes", "congestion toll", -1, None)},
    ),
    "it is the object named earlier in the sentence": (
        "Governor Phil Murphy called the toll a cash grab and vowed to keep fighting it in court.",
        {("Phil Murphy", "opposes", "toll", -1, None)},
    ),
    "wants": (
        "Mayor Eric Adams said he supports the plan but wants exemptions for low-income drivers.",
        {
            ("Eric Adams", "supports", "plan", 1, "Eric Adams"),
            ("Eric Adams", "supports", "exemptions for low income drivers", 1, "Eric Adams"),
        },
    ),
    "disagree on": (
        "Senator Ann Lee and Governor Tom Jones disagree on the minimum wage.",
        {("Ann Lee", "disagreesWith", "Tom Jones", -1, None)},
    ),
    "passive with two agents": (
        "The charter expansion is opposed by the teachers union and the parents' association.",
        {
            ("teachers union", "opposes", "charter expansion", -1, None),
            ("parents' association", "opposes", "charter expansion", -1, None),
        },
    ),
    "time phrase left out of the target": (
        "The teachers union has opposed the charter expansion for years.",
        {("teachers union", "opposes", "charter expansion", -1, None)},
    ),
    "is against": (
        "Mayor Ann Lee is against the congestion toll.",
        {("Ann Lee", "opposes", "congestion toll", -1, None)},
    ),
    "in favor of": (
        "Governor Tom Jones testified in favor of the new stadium.",
        {("Tom Jones", "supports", "new stadium", 1, None)},
    ),
    "including": (
        "Environmental groups, including the Sierra Club and Greenpeace, denounced the rollback.",
        {  # the unnamed groups are the ones named, and no holder of their own
            ("Sierra Club", "criticizes", "rollback", -1, None),
            ("Greenpeace", "criticizes", "rollback", -1, None),
        },
    ),
    "verdict in reported speech": (
        "Senator Ann Lee wrote in a letter to the governor that the cuts were unacceptable.",
        {("Ann Lee", "opposes", "cuts", -1, "Ann Lee")},
    ),
    "called it a disaster": (
        "Governor Phil Murphy called the toll a disaster for commuters.",
        {("Phil Murphy", "opposes", "toll", -1, None)},
    ),
    "organisation name split at 'of the'": (
        "The U.S. Department of the Treasury announced a final rule on overdraft fees.",
        {("U.S. Department of the Treasury", "announces", "final rule on overdraft fees", 1, None)},
    ),
    "a lawsuit challenging": (
        "The ACLU filed a lawsuit challenging the executive order.",
        {
            ("ACLU", "opposes", "executive order", -1, None),
            ("ACLU", "announces", "lawsuit challenging executive order", 1, None),
        },
    ),
    "described as a mistake": (
        "Governor Tom Jones described the merger as a mistake.",
        {("Tom Jones", "opposes", "merger", -1, None)},
    ),
    # precision: no stance taken, or no named holder
    "critics say": ("Critics say the plan will raise costs.", set()),
    "verdict with no one behind it": ("The vote was a victory for the mayor.", set()),
    "declining to comment is no stance": (
        "Governor Kathy Hochul declined to weigh in on the dispute.",
        set(),
    ),
    "a disaster for someone is not a stance on them": (
        '"This is a disaster for working families," Senator Bernie Sanders said.',
        set(),
    ),
    "statistics": (
        "The unemployment rate fell to 4 percent last month, according to the Labor Department.",
        set(),
    ),
    "a participle with its agent on the noun": (
        "The pilot, proposed by Mayor Laura Becker, will cost about $6 million a year.",
        {("Laura Becker", "proposes", "pilot", 1, None)},
    ),
    "both bills": (
        "The council took up Bill 12-04 and Bill 12-05. The Dover Gas Company opposes both bills.",
        {
            ("Dover Gas Company", "opposes", "Bill 12-04", -1, None),
            ("Dover Gas Company", "opposes", "Bill 12-05", -1, None),
        },
    ),
    "what a policy does, in its critic's words": (
        "The Harbor Rights League says the ferry law violates the state constitution.",
        {("Harbor Rights League", "opposes", "ferry law", -1, "Harbor Rights League")},
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_stance_claims(extract, name):
    text, expected = CASES[name]
    assert stances(extract(text)) == expected


def test_pronoun_resolves_to_the_last_person(extract):
    claims = extract(
        "Senator Ann Lee spoke on Tuesday. She said she opposes the pipeline. "
        "Her rival, Governor Tom Jones, backs it."
    )
    assert ("Ann Lee", "opposes", "pipeline", -1, "Ann Lee") in stances(claims)
    assert all(c.subject.label in ("Ann Lee", "Tom Jones") for c in claims)


def test_possessive_pronoun_and_description(extract):
    claims = extract(
        "Mayor-elect Zohran Mamdani spoke on Monday. The mayor-elect's plan to dismantle the "
        "Strategic Response Group drew criticism. His critique of the police union was sharp."
    )
    found = stances(claims)
    assert ("Zohran Mamdani", "proposes", "dismantling Strategic Response Group", 1, None) in found
    assert ("Zohran Mamdani", "criticizes", "police union", -1, None) in found


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Senator Ann Lee vowed to block the pipeline.", "planned"),
        ("Senator Ann Lee would support the measure if it were amended.", "hypothetical"),
        ("Senator Ann Lee should have opposed the merger.", "counterfactual"),
        ("Senator Ann Lee supports the measure.", "asserted"),
    ],
)
def test_modality(extract, text, modality):
    claims = [c for c in extract(text) if c.predicate in ("supports", "opposes")]
    assert [c.modality for c in claims] == [modality]


@pytest.mark.parametrize(
    "text",
    [
        "Does Senator Ann Lee support the measure?",
        "Governor Ruth Baines asked whether the council supports the toll.",
    ],
)
def test_a_question_makes_no_stance(extract, text):
    assert not stances(extract(text))


def test_confidence_follows_the_evidence(extract):
    """A plain verb cue beats a hypothetical one, which beats a pronoun-resolved one."""
    plain = extract("Senator Ann Lee opposes the merger.")
    hypothetical = extract("Senator Ann Lee would oppose the merger if it passed.")
    conf = {c.predicate: c.confidence for c in plain}
    assert conf["opposes"] > max(c.confidence for c in hypothetical if c.predicate == "opposes")


def test_evidence_offsets_point_at_the_sentence(extract):
    text = "Intro line here.\n\nSenator Ann Lee opposes the merger. She spoke at noon."
    (claim,) = [c for c in extract(text) if c.predicate == "opposes"]
    p = claim.provenance
    assert text[p.start : p.end] == p.sentence == "Senator Ann Lee opposes the merger."


def test_no_subject_is_a_pronoun_or_relative(extract):
    claims = extract(
        "The plan, which opposes new taxes, failed. It supports nothing. They reject everything."
    )
    assert not [
        c for c in claims if c.subject.label.lower() in ("it", "they", "which", "that", "who")
    ]


def test_the_bill_and_it_refer_back_to_the_named_law(extract):
    claims = extract(
        "Senators Raphael Warnock and John Kennedy introduced the Affordable Insulin Now Act, "
        "legislation that would cap insulin costs. PhRMA opposes the bill. "
        "The American Diabetes Association praised it."
    )
    assert {s for s in stances(claims)} == {
        ("Raphael Warnock", "proposes", "Affordable Insulin Now Act", 1, None),
        ("John Kennedy", "proposes", "Affordable Insulin Now Act", 1, None),
        ("PhRMA", "opposes", "Affordable Insulin Now Act", -1, None),
        ("American Diabetes Association", "praises", "Affordable Insulin Now Act", 1, None),
    }


COREFERENCE = {
    "they": (
        "The Teamsters Union met on Monday. They oppose the new contract.",
        ("Teamsters Union", "opposes", "new contract", -1, None),
    ),
    "we in a quote over two sentences": (
        '"We will never accept cuts to Medicaid," said Governor Tom Jones. '
        '"Our state deserves better, and we support the expansion."',
        ("Tom Jones", "supports", "expansion", 1, "Tom Jones"),
    ),
    "the senator": (
        "Senator Ann Lee arrived late. The senator criticized the tariff plan.",
        ("Ann Lee", "criticizes", "tariff plan", -1, None),
    ),
    "the department": (
        "The Department of Transportation released its report. "
        "The department supports congestion pricing.",
        ("Department of Transportation", "supports", "congestion pricing", 1, None),
    ),
}


@pytest.mark.parametrize("name", COREFERENCE)
def test_coreference(extract, name):
    text, expected = COREFERENCE[name]
    assert expected in stances(extract(text))


def test_dateline_is_not_the_subject_and_offsets_still_hold(extract):
    text = (
        "WASHINGTON, D.C. — U.S. Senators Raphael Warnock (D-Ga.) and John Kennedy (R-La.) "
        "today introduced the Affordable Insulin Now Act.\n\n"
        '"No one should ration insulin," said Senator Warnock. "I\'m proud of this bill."\n\n'
        "The American Diabetes Association praised the legislation."
    )
    claims = extract(text)
    assert {
        ("Raphael Warnock", "proposes", "Affordable Insulin Now Act", 1, None),
        ("John Kennedy", "proposes", "Affordable Insulin Now Act", 1, None),
        ("American Diabetes Association", "praises", "Affordable Insulin Now Act", 1, None),
    } <= stances(claims)
    for claim in claims:
        p = claim.provenance
        assert text[p.start : p.end] == p.sentence


def test_would_in_reported_speech_is_planned(extract):
    claims = extract("Senator Ann Lee told reporters that she would vote against the nomination.")
    (claim,) = [c for c in claims if c.predicate == "opposes"]
    assert (claim.object.label, claim.modality, claim.speaker.label) == (
        "nomination",
        "planned",
        "Ann Lee",
    )
