"""roles.v1: offices and memberships from titles, appositions and party tags.

"STA Commissioner Dana Reyes" → Reyes holdsRole "STA Commissioner" and
memberOf the STA; "Kofi Annan, UN secretary-general" → holdsRole
"UN secretary-general"; "Rep. Jane Doe (D-N.Y.)" → memberOf Democratic Party.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.analysis import DocAnalysis
from kg.extract.labels import phrase_tokens, render
from kg.extract.registry import Config, register
from kg.model import Claim, Entity

NAME, VERSION = "roles.v1", "1.0.0"
TITLE_CONFIDENCE, APPOSITION_CONFIDENCE, PARTY_CONFIDENCE = 0.9, 0.75, 0.85


@register(NAME)
def extract_roles(doc: Doc, analysis: DocAnalysis, *, config: Config) -> Iterator[Claim]:
    """holdsRole and memberOf claims for every person named with a title."""
    names = analysis.names
    seen: set[tuple[str, str, str]] = set()
    for mention, person in zip(names.mentions, names.mention_entities, strict=True):
        if person.kind != "Person" or mention.start < 0:
            continue
        sent = analysis.sentence(doc[mention.start])
        evidence = analysis.evidence(sent, NAME, VERSION)
        found: list[tuple[str, Entity, float]] = []
        if mention.role and mention.role_start is not None:
            role = _role_entity(mention.role, analysis)
            found.append(("holdsRole", role, TITLE_CONFIDENCE))
            for word in mention.role.split():  # "Democratic Rep. Jamie Raskin"
                if (party := PARTY_ADJECTIVES.get(word.lower())) is not None:
                    found.append(
                        ("memberOf", Entity.named(party, "Organization"), TITLE_CONFIDENCE)
                    )
            for i in range(mention.role_start, mention.start):
                org = names.entity_of.get(i)
                if org is not None and org.kind == "Organization":
                    found.append(("memberOf", org, TITLE_CONFIDENCE))
        found.extend(_apposition_roles(doc[mention.end - 1], analysis))
        party = names.party_of.get(person.key)
        if party:
            found.append(("memberOf", Entity.named(party, "Organization"), PARTY_CONFIDENCE))
        for predicate, obj, confidence in found:
            key = (person.key, predicate, obj.key)
            if key in seen:
                continue
            seen.add(key)
            yield Claim(
                subject=person,
                predicate=predicate,
                object=obj,
                provenance=evidence,
                polarity=0,
                confidence=confidence,
                cue="title" if confidence == TITLE_CONFIDENCE else "apposition",
            )


def _role_entity(label: str, analysis: DocAnalysis) -> Entity:
    words = [w for w in label.split() if w.lower() not in PARTY_ADJECTIVES] or label.split()
    label = " ".join(words)
    if (
        len(words) == 1
        and words[0].lower().endswith("s")
        and words[0].lower()[:-1] in analysis.lexicon.titles
    ):
        words = [words[0][:-1]]  # "Senators Ann Lee and Tom Jones": each is a Senator
    if len(words) == 1 and words[0].lower() in analysis.lexicon.titles:
        label = analysis.lexicon.titles[words[0].lower()]
        label = label[:1].upper() + label[1:]
    return Entity.named(label, "Role")


#: Apposition heads that name a party membership: "Josh Gottheimer, a Democrat".
PARTY_NOUNS = {"democrat": "Democratic Party", "republican": "Republican Party"}
#: Party words in a title: "Democratic Rep. Jamie Raskin", "Republican Senator Rand Paul".
PARTY_ADJECTIVES = {"democratic": "Democratic Party", "republican": "Republican Party"}


def _apposition_roles(name: Token, analysis: DocAnalysis) -> Iterator[tuple[str, Entity, float]]:
    """ "Kofi Annan, UN secretary-general": an apposition headed by a title word."""
    titles = analysis.lexicon.titles
    for appos in name.children:
        party = PARTY_NOUNS.get(appos.lemma_.lower()) if appos.dep_ == "appos" else None
        if party is not None:
            yield "memberOf", Entity.named(party, "Organization"), APPOSITION_CONFIDENCE
            continue
        if (
            appos.dep_ != "appos"
            or appos.lower_ not in titles
            and appos.lemma_.lower() not in titles
        ):
            continue
        if any(c.dep_ in ("acl", "relcl") for c in appos.children):
            continue
        tokens = phrase_tokens(appos)  # "UN secretary-general", "mayor of New York"
        if not tokens:
            continue
        yield "holdsRole", _role_entity(render(tokens), analysis), APPOSITION_CONFIDENCE
        for tok in tokens:
            org = analysis.names.entity_of.get(tok.i)
            if org is not None and org.kind == "Organization":
                yield "memberOf", org, APPOSITION_CONFIDENCE
