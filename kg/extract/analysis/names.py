"""Named mentions in one document and the canonical entity behind each.

"Mayor-elect Maria Ortiz", "Ortiz" and "the mayor-elect" are one person;
"the Springfield Transit Authority (STA)" and "STA" one organisation.
Titles in front of a name are stripped from it and kept as the person's role.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg.extract.doctext import parsed_text, tokens_where
from kg.extract.lexicon import Lexicon
from kg.model import Entity

#: spaCy entity labels that name actors, and the ontology class of each.
NER_KINDS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "NORP": "Group",
    "LAW": "Issue",
}
#: Other labels the recogniser gives a titled name: "Councilmember Ann Lee" as a facility.
OTHER_NAMES = frozenset({"FAC", "WORK_OF_ART", "PRODUCT", "EVENT"})
#: Last words of a name that make it a law or programme, not an organisation.
LAW_WORDS = frozenset(
    """Act Bill Law Amendment Resolution Ordinance Initiative Accord Agreement Treaty""".split()
)
#: Dependency labels that attach a title word to the name it precedes.
TITLE_DEPS = frozenset(
    {"compound", "amod", "nmod", "punct", "poss", "case", "cc", "conj", "npadvmod"}
)
STRIP_LEADING = frozenset({"the", "a", "an"})
#: Last words of a company's name: "Quillon Therapeutics", "Dunmere Foods Inc."
COMPANY_WORDS = frozenset(
    """Therapeutics Pharmaceuticals Pharma Biosciences Inc Corp Corporation Company Co LLC Ltd
    Holdings Labs Laboratories Industries Technologies Logistics Airlines Foods Motors Digital
    Systems Partners Group Energy Solutions Networks Capital Ventures""".split()
)
#: Words that name a ballot question with a letter or number: "Measure K", "Question 3".
BALLOT_WORDS = frozenset({"Measure", "Proposition", "Prop.", "Question", "Initiative"})
BALLOT_ID = re.compile(r"^(?:[A-Z]|\d{1,4}[A-Z]?)\.?$")


def _ballot_measure(tokens) -> bool:
    """ "Measure K", "Proposition 12", "Question 2A": a ballot question's name."""
    return (
        len(tokens) >= 2
        and tokens[0].text in BALLOT_WORDS
        and BALLOT_ID.match(tokens[1].text) is not None
        and (
            len(tokens) == 2
            or tokens[1].text.endswith(".")  # "Measure K. Voters …": the sentence ends
            or not tokens[2].text[:1].isupper()
        )
    )


def _ballot_label(tokens) -> str:
    return f"{tokens[0].text} {tokens[1].text.rstrip('.')}"


#: Bill numbers written short, and the chamber's bill they stand for: "HB 230".
BILL_ABBREVIATIONS = {"HB": "House Bill", "SB": "Senate Bill", "AB": "Assembly Bill"}
#: The first word of every name :func:`_unlabelled_laws` finds.
_LAW_TRIGGERS = BALLOT_WORDS | BILL_ABBREVIATIONS.keys() | LAW_WORDS
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&./-]{1,9}$")
PARTY_TAG = re.compile(r"\s*[(,]\s*([DRI])\s*[-–]\s*[A-Z][A-Za-z. ]{0,15}[),]")
PARTIES = {"D": "Democratic Party", "R": "Republican Party", "I": "Independent"}


@dataclass(frozen=True)
class NameMention:
    """A name in the text (titles stripped) and the role written before it."""

    start: int
    end: int
    text: str
    kind: str
    role: str | None = None
    role_start: int | None = None


@dataclass(frozen=True)
class DocNames:
    """Every named mention of a document, each mapped to its canonical entity."""

    mentions: tuple[NameMention, ...]
    entity_of: dict[int, Entity]
    """Token index → entity, for every token of every mention (and acronym)."""
    mention_entities: tuple[Entity, ...]
    """The entity of each mention, in the order of :attr:`mentions`."""
    party_of: dict[str, str]
    """Entity key → party name, from tags like "(D-N.Y.)"."""

    def at(self, token: Token) -> Entity | None:
        return self.entity_of.get(token.i)


def find_names(
    doc: Doc, lexicon: Lexicon, *, body_start: int = 0, people: tuple[str, ...] = ()
) -> DocNames:
    """Named mentions of ``doc`` from ``body_start`` (a character offset) on;
    ``people`` are names known from outside the text (a byline's author)."""
    raw = [m for ent in doc.ents if (m := _mention(ent, lexicon, body_start))]
    proper = [t for t in tokens_where(doc, pos=("PROPN",)) if t.idx >= body_start]
    extra = _unlabelled_names(proper, raw, lexicon)
    laws = _unlabelled_laws(doc, raw, body_start, guessed=extra)
    in_laws = {i for m in laws for i in range(m.start, m.end)}
    extra = [m for m in extra if in_laws.isdisjoint(range(m.start, m.end))] + laws
    owner = {i: e for e in extra for i in range(e.start, e.end)}
    raw = [m for m in raw if not _cut_by(m, owner)] + extra
    raw.sort(key=lambda m: m.start)
    raw = _joined_names(doc, raw, lexicon)
    raw = _glued_names(doc, raw)
    raw = _whole_laws(doc, raw)
    raw = _whole_organisations(doc, raw, lexicon)
    raw = _second_organisations(doc, raw)
    raw = _purpose_groups(doc, raw, lexicon)
    raw = _people_by_role(doc, raw, lexicon)
    raw = _tagged_people(doc, raw, lexicon)
    raw = _listed_people(doc, raw, lexicon)
    raw = _home_towns(doc, raw)
    raw = sorted(
        raw + _hyphenated_surnames(doc, raw, body_start) + _noun_surnames(doc, raw, body_start),
        key=lambda m: m.start,
    )
    tagged = _party_tags(doc, raw)
    # a party tag's words are the person's; a lone letter ("Q:", "A:") names no one
    raw = [m for m in raw if m.start not in tagged and len(m.text) > 1]
    acronyms = {n: a for n, m in enumerate(raw) if (a := _acronym_after(doc, m))}
    entities = _canonical(raw, acronyms)
    entity_of: dict[int, Entity] = {}
    for mention, entity in zip(raw, entities, strict=True):
        for i in range(mention.start, mention.end):
            entity_of[i] = entity
    for n in acronyms:
        entity_of[raw[n].end + 1] = entities[n]
    for mention, entity in zip(raw, entities, strict=True):
        if mention.role_start is not None:  # "Congressman" taken for the subject
            for i in range(mention.role_start, mention.start):
                if i not in entity_of and _is_title(doc[i], lexicon):
                    entity_of[i] = entity
    _bare_acronyms(proper, entity_of)
    _bare_surnames(proper, [*entities, *(Entity.named(p, "Person") for p in people)], entity_of)
    number = {m: n for n, m in enumerate(raw)}
    for i, person in tagged.items():  # "(D-Ohio)": the tag's words stand for the person
        entity_of[i] = entities[number[person]]
    entities = [entity_of.get(m.start, e) for m, e in zip(raw, entities, strict=True)]
    return DocNames(tuple(raw), entity_of, tuple(entities), _parties(doc, raw, entities))


def _cut_by(mention: NameMention, owner: dict[int, NameMention]) -> bool:
    """Whether a recogniser's mention ends inside a name found otherwise: "Committee
    Chair Ann" of "Committee Chair Ann Obi-Lee", or "Lee" of "Ann Lee"."""
    last = owner.get(mention.end - 1)
    return last is not None and mention.end <= last.end


def _mention(ent: Span, lexicon: Lexicon, body_start: int) -> NameMention | None:
    kind = NER_KINDS.get(ent.label_)
    if (
        kind is None
        and ent.label_ in ("WORK_OF_ART", "PRODUCT", "EVENT")
        and ent[-1].text in LAW_WORDS
    ):
        kind = "Issue"
    if ent.start_char < body_start or (kind is None and ent.label_ not in OTHER_NAMES):
        return None
    tokens = [t for t in ent if not t.is_space]
    while tokens and (tokens[0].lower_ in STRIP_LEADING or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].text in POSSESSIVE or tokens[-1].is_punct):
        tokens.pop()
    if kind is None and not _titled_person(tokens, lexicon):
        return None
    if len(tokens) == 1 and tokens[0].is_sent_start and _common_actor_word(tokens[0], lexicon):
        return None  # "Groups that favor the plan …": a capital only because it starts
    # Titles inside the entity ("Mayor Tom Brandt") become the role.
    if kind in ("Organization", "Place", None) and _titled_person(tokens, lexicon):
        kind = "Person"  # "Commission Chair Ann Lee", taken for an organisation
    lead = 0
    while kind == "Person" and lead < len(tokens) - 1 and _is_title(tokens[lead], lexicon):
        lead += 1
    if kind == "Person":  # "Commission Chair Ann Lee": the title ends at its last title word
        last = max((n for n, t in enumerate(tokens[:-1]) if _is_title(t, lexicon)), default=-1)
        if last >= lead and all(t.text[:1].isupper() for t in tokens[: last + 1]):
            lead = last + 1
    if not tokens or (kind != "Person" and not any(t.text[:1].isupper() for t in tokens)):
        return None
    if kind == "Person" and all(_is_title(t, lexicon) or t.is_punct for t in tokens):
        return None  # "Sgt." alone: the title of the name after it
    name = tokens[lead:]
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in name):
        return None
    if name[-1].text in LAW_WORDS and ent.label_ != "PERSON":
        kind = "Issue"  # "the Clean Air Act", whatever the recogniser took it for
    if len(name) == 1 and name[0].i + 1 < len(ent.doc):
        doc = ent.doc
        if name[0].text in BALLOT_WORDS and _ballot_measure(doc[name[0].i :]):
            name = [*name, doc[name[0].i + 1]]
    if _ballot_measure(name):  # "Measure K.", taken for a person; "Measure" without its letter
        return NameMention(name[0].i, name[1].i + 1, _ballot_label(name), "Issue")
    if kind == "Person" and len(name) > 1 and name[-1].text.rstrip(".") in COMPANY_WORDS:
        kind = "Organization"  # "Quillon Therapeutics", taken for a person
    numbered = [t for t in name if not (t.like_num or t.text in "-–")]
    if (
        len(numbered) < len(name)
        and numbered
        and (numbered[-1].text in LAW_WORDS or numbered[-1].text in BILL_ABBREVIATIONS)
    ):
        kind = "Issue"  # "Bill 88", even taken for a man called Bill
    start, end = name[0].i, name[-1].i + 1
    role_tokens = tokens[:lead] or _title_before(ent.doc, start, lexicon)
    if role_tokens and kind == "Person":
        last = max(n for n, t in enumerate(role_tokens) if _is_title(t, lexicon))
        first_names = role_tokens[last + 1 :]
        if 0 < len(first_names) <= 2 and all(
            t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in first_names
        ):  # "Committee Chair Greta" + "Obi-Holm": the first name is the person's
            start, role_tokens = first_names[0].i, role_tokens[: last + 1]
    role, role_start = None, None
    if role_tokens and kind == "Person":
        role = _clean(_text(role_tokens[0], role_tokens[-1]))
        role_start = role_tokens[0].i
    doc = ent.doc
    return NameMention(start, end, _clean(_text(doc[start], doc[end - 1])), kind, role, role_start)


def _text(first: Token, last: Token) -> str:
    """The text from ``first`` to ``last`` (``doc[first.i : last.i + 1].text``)."""
    return parsed_text(first.doc)[first.idx : last.idx + len(last)]


def _titled_person(tokens: list[Token], lexicon: Lexicon) -> bool:
    """Capitalised words ending in a title and then a person's name."""
    last = max((n for n, t in enumerate(tokens[:-1]) if _is_title(t, lexicon)), default=-1)
    name = tokens[last + 1 :]
    return (
        last >= 0
        and all(t.text[:1].isupper() for t in tokens)
        and 2 <= len(name) <= 3  # a first name and a surname
        and all(t.is_alpha and t.lower_ not in lexicon.actors for t in name)
    )


def _joined_names(doc: Doc, mentions: list[NameMention], lexicon: Lexicon) -> list[NameMention]:
    """One name where the recogniser made two:

    - "Pharmaceutical Research and Manufacturers of America (PhRMA)", split at
      "and", joined when the acronym spells both parts;
    - "the U.S. Department of the Treasury", split at "of the", joined when the
      first part ends in an organisation noun (department, ministry, office).
    """
    out: list[NameMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "Organization" and m.kind in ("Organization", "Place"):
            between = [t.lower_ for t in doc[prev.end : m.start]]
            by_acronym = (
                m.kind == "Organization"
                and between in (["and"], ["&"])
                and (acronym := _acronym_after(doc, m))
                and "".join(ch for ch in acronym if ch.isupper())
                == _initials(f"{prev.text} {m.text}")
            )
            by_of = (
                between in (["of"], ["of", "the"])
                and doc[prev.end - 1].lemma_.lower() in lexicon.actors
            )
            if by_acronym or by_of:
                out[-1] = NameMention(
                    prev.start, m.end, _clean(doc[prev.start : m.end].text), "Organization"
                )
                continue
        out.append(m)
    return out


def _glued_names(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """A name the recogniser cut at a hyphen is whole again: "Ann Lee-" and
    "Okoro" (or "Ann Lee" and a bare "-Okoro") make "Ann Lee-Okoro"."""
    out: list[NameMention] = []
    for m in mentions:
        if out and out[-1].end > m.start:
            continue  # taken into the name before it
        end = m.end
        while (
            end + 1 < len(doc)
            and doc[end].text in "-–"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].text[:1].isupper()
        ):
            end += 2
        if end != m.end:
            m = replace(m, end=end, text=_clean(doc[m.start : end].text))
        out.append(m)
    return out


def _whole_laws(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """A law's name the recogniser cut short is whole again:

    - "House Bill 230": a bare "Bill 512" takes the chamber written before it;
    - "the Safe Ladders at the Worksite Act": capitalised words before a law
      name, joined to it by "at the", "of", "for" ..., belong to it.
    """
    out: list[NameMention] = []
    for m in mentions:
        if m.kind == "Issue":
            start = _law_start(doc, m)
            while out and out[-1].end > start:
                out.pop()  # "House", taken into "House Bill 230"
            if start != m.start:
                m = replace(m, start=start, text=_clean(doc[start : m.end].text))
        out.append(m)
    return out


def _whole_organisations(
    doc: Doc, mentions: list[NameMention], lexicon: Lexicon
) -> list[NameMention]:
    """An organisation's name the recogniser cut at "and" is whole again:
    "House Fisheries and Wildlife Committee", "Committee on Ports
    and the Waterfront"."""
    out: list[NameMention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue  # "Workforce", taken into the name before it
        if m.kind != "Organization":
            out.append(m)
            continue
        start, end = m.start, m.end
        listed = min(_listed_start(doc, m, out, lexicon), _owner_start(doc, m, out))
        if listed < start:
            start = listed  # "the Senate Ports, Rail and Roads Committee"
        elif start > 1 and doc[start - 1].lower_ == "and":
            left = _name_start(doc, start - 1)
            # not "the Sierra Club and Greenpeace", two names; but "House Elementary and
            # Secondary Education Committee", where the word before "and" is in no name
            if left < start - 1 and (
                not out
                or out[-1].end <= left
                or out[-1].end < start - 1
                or doc[out[-1].end - 1].lower_ == "and"  # "House Rivers and" + "Lands Committee"
                or _first_half(doc, out[-1], m)  # "Senate Homeland Security" + "and …Committee"
            ):
                start = left
        words = m.text.split()
        if ("on" in words or "of" in words) and end < len(doc) and doc[end].lower_ == "and":
            right = end + 1
            if right < len(doc) and doc[right].lower_ == "the":
                right += 1
            while right < len(doc) and doc[right].pos_ == "PROPN" and doc[right].text[:1].isupper():
                right += 1
            if right > end + 1 and doc[right - 1].pos_ == "PROPN":
                end = right
        end = _named_purpose(doc, end)
        if (start, end) != (m.start, m.end):
            while out and out[-1].end > start:
                out.pop()
            m = replace(m, start=start, end=end, text=_clean(doc[start:end].text))
        out.append(m)
    return out


#: Last words of an organisation's name: "… Nurses Union", "… Dairy Cooperative".
ORGANIZATION_HEADS = COMPANY_WORDS | frozenset(
    """Union Council Association Alliance Coalition Network League Federation Foundation
    Institute Society Club Guild Bureau Cooperative Caucus Committee Commission Board Agency
    Department Trust Fund Center Centre Project Campaign Partnership Chamber""".split()
)


def _first_half(doc: Doc, first: NameMention, second: NameMention) -> bool:
    """Whether ``first`` is the first half of one name cut at "and": several words with no
    organisation word at the end, before a name that ends in one ("Senate Homeland
    Security" and "Governmental Affairs Committee"; not "the Sierra Club and …")."""
    return (
        first.kind == "Organization"
        and first.end - first.start >= 2
        and doc[first.end - 1].text not in ORGANIZATION_HEADS
        and doc[second.end - 1].text in ORGANIZATION_HEADS
    )


def _second_organisations(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """The second of two organisations joined by "and" that the recogniser missed or
    glued to the first: "the Metro Nurses Union and Riverbend Parents Alliance" (not
    "the House Fisheries and Wildlife Committee", whose first part ends in no
    organisation word)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    for m in mentions:
        end = m.end
        if m.kind != "Organization" or doc[end - 1].text not in ORGANIZATION_HEADS:
            continue
        if end + 2 >= len(doc) or doc[end].lower_ != "and":
            continue
        start = end + 1 + (doc[end + 1].lower_ == "the")
        right = start
        while right < len(doc) and right not in covered and doc[right].is_title:
            right += 1
        if 2 <= right - start <= 5 and doc[right - 1].text in ORGANIZATION_HEADS:
            extra.append(NameMention(start, right, _clean(doc[start:right].text), "Organization"))
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


def _purpose_groups(doc: Doc, mentions: list[NameMention], lexicon: Lexicon) -> list[NameMention]:
    """An organisation named for who it is and what it is for, which the recogniser
    cut or missed: "Pilots for Safer Runways", "the Campaign for Quiet Streets" (the
    recogniser may give only "Safer Runways", or take "Pilots" for a group of people).
    The word before "for" is a capitalised noun, a plural one if it starts the sentence
    ("Support for Clean Water grew" names no organisation)."""
    owner = {i: m for m in mentions for i in range(m.start, m.end)}
    found: list[NameMention] = []
    for tok in doc:
        if tok.lower_ != "for" or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        left = doc[tok.i - 1]
        if not (
            left.is_alpha
            and left.text[:1].isupper()
            and left.pos_ in ("NOUN", "PROPN")
            and (not left.is_sent_start or left.tag_ in ("NNS", "NNPS"))
            and not _is_title(left, lexicon)
        ):
            continue
        before = owner.get(left.i)
        if before is not None and (
            before.kind not in ("Group", "Organization") or before.end > tok.i
        ):
            continue  # "Ann Lee for ...", or a name that goes on past "for"
        end = _named_purpose(doc, tok.i, allow_names=True)
        if end == tok.i:
            continue
        start = before.start if before is not None else left.i
        if owner.get(end) is not None and owner[end].start < end:
            continue  # the name after "for" goes on past what was read
        found.append(NameMention(start, end, _clean(doc[start:end].text), "Organization"))
    if not found:
        return mentions
    covered = {i for m in found for i in range(m.start, m.end)}
    kept = [m for m in mentions if not any(i in covered for i in range(m.start, m.end))]
    return sorted([*kept, *found], key=lambda m: m.start)


def _owner_start(doc: Doc, mention: NameMention, before: list[NameMention]) -> int:
    """Where an office's name starts that the recogniser cut after its owner's first
    words: "the Oregon Attorney General's Office" given as "General's Office"."""
    start = mention.start
    if mention.end - start < 3 or doc[start + 1].text not in POSSESSIVE or start == 0:
        return start
    people = {i for m in before if m.kind == "Person" for i in range(m.start, m.end)}
    sent_start = doc[start].sent.start
    left = start
    while (
        left - 1 >= sent_start
        and doc[left - 1].is_alpha
        and doc[left - 1].text[:1].isupper()
        and doc[left - 1].lower_ not in STRIP_LEADING
        and left - 1 not in people
        and doc[left - 1].whitespace_
    ):
        left -= 1
    return left


def _listed_start(
    doc: Doc, mention: NameMention, before: list[NameMention], lexicon: Lexicon
) -> int:
    """Where a body's name starts that lists its fields with commas: "the House
    Fish, Forests, Parks and Trails Committee", cut by the recogniser at each comma.
    The name ends in a body noun ("Committee") after "and"; capitalised words and
    commas before it belong to it, up to a word in lower case or a person's name."""
    start = mention.start
    if (
        start < 3
        or doc[start - 1].lower_ != "and"
        or doc[mention.end - 1].lemma_.lower() not in lexicon.actors
    ):
        return start
    people = {  # a full name; a one-word "Parks" is more likely a field taken for one
        i
        for m in before
        if m.kind == "Person" and m.end - m.start > 1
        for i in range(m.start, m.end)
    }
    sent_start = doc[start].sent.start
    i, commas, left = start - 2, 0, start
    while i >= sent_start:
        tok = doc[i]
        if tok.text == "," and i - 1 >= sent_start and doc[i - 1].text[:1].isupper():
            commas += 1
        elif tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in STRIP_LEADING:
            if i in people:
                return start
            left = i
        else:
            break
        i -= 1
    return left if commas else start


#: Capitalised words that follow a name without being part of it: "the Alliance for Monday's vote".
CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)


def _named_purpose(doc: Doc, end: int, *, allow_names: bool = False) -> int:
    """Where an organisation's name ends that goes on with what it is for:
    "Moms for Libraries", "Parents for Safer Streets" (capitalised words only; with
    ``allow_names``, names the recogniser found may be among them)."""
    names = () if allow_names else ("PERSON", "GPE", "ORG", "NORP")
    if end + 1 >= len(doc) or doc[end].lower_ != "for":
        return end
    right = end + 1
    while (
        right < len(doc)
        and right - end <= 4
        and doc[right].is_alpha
        and doc[right].text[:1].isupper()
        and doc[right].lower_ not in CALENDAR_WORDS
        and doc[right].ent_type_ not in names
    ):
        right += 1
    followed = right < len(doc) and (doc[right].is_punct or doc[right].text[:1].islower())
    return right if right > end + 1 and right - end <= 4 and followed else end


#: Small words inside a law's name: "the Safe Ladders at the Worksite Act".
LAW_NAME_JOINERS = frozenset({"at", "the", "of", "for", "on", "to", "in", "and", "from"})
#: Recogniser labels of names that are never part of a law's name.
NOT_LAW_NAME = frozenset({"PERSON", "NORP", "GPE", "DATE", "CARDINAL", "MONEY", "PERCENT"})


def _law_start(doc: Doc, mention: NameMention) -> int:
    start = mention.start
    sent_start = doc[start].sent.start
    if doc[start].text in LAW_WORDS and start > sent_start:
        prev = doc[start - 1]  # "House Bill 230", "Senate Resolution 7"
        if prev.text[:1].isupper() and prev.whitespace_ and prev.pos_ == "PROPN":
            start -= 1
    i = start - 1
    joiners = 0
    while i >= sent_start:
        tok = doc[i]
        if tok.lower_ in LAW_NAME_JOINERS and joiners < 2 and not tok.text[:1].isupper():
            joiners += 1
        elif (
            tok.text[:1].isupper()
            and tok.is_alpha
            and tok.ent_type_ not in NOT_LAW_NAME
            and tok.lower_ not in STRIP_LEADING
            and i > sent_start
        ):
            start, joiners = i, 0
        else:
            break
        i -= 1
    return start


def _people_by_role(doc: Doc, mentions: list[NameMention], lexicon: Lexicon) -> list[NameMention]:
    """A person the recogniser took for an organisation, known by the role in
    apposition with the name ("its president, Ann Lee,", "Ann Lee, a trade
    analyst at …") or by a party tag after it ("Ann Lee (D-Ohio)")."""
    out = []
    text = parsed_text(doc)
    people = {i for m in mentions if m.kind == "Person" for i in range(m.start, m.end)}
    surnames = {m.text.split()[-1] for m in mentions if m.kind == "Person" and " " in m.text}
    for m in mentions:
        if m.kind in ("Organization", "Place", "Group", "Person") and (
            home := _home_cut(doc, m, lexicon)
        ):
            m = home
        elif m.kind in ("Organization", "Place", "Group") and (
            office := _office_cut(doc, m, lexicon)
        ):
            m = office
        if m.kind == "Organization" and (titled := _titled_surname(doc, m, surnames, lexicon)):
            m = titled
        elif m.kind in ("Organization", "Place", "Group") and _person_shaped(doc, m, lexicon):
            span = doc[m.start : m.end]
            root = span.root
            role = None
            if root.dep_ == "appos" and _role_noun(root.head, lexicon):
                role = root.head
            else:
                role = next(
                    (c for c in root.children if c.dep_ == "appos" and _role_noun(c, lexicon)),
                    None,
                )
            if (
                role is not None
                or PARTY_TAG.match(text, span.end_char, span.end_char + 24)
                or _title_before(doc, m.start, lexicon)  # "Board chair Ann Lee"
                or _listed_with(root, people)  # "Supervisors Ann Lee, Bo Reyes and …"
                or (  # "the group's director, Ann Lee," whatever the parser made of it
                    m.start > 1
                    and doc[m.start - 1].text == ","
                    and _role_noun(doc[m.start - 2], lexicon)
                )
            ):
                m = replace(m, kind="Person")
                lead = m.start  # "Councilmembers Ann Lee and …": the plural title is no name
                while lead < m.end - 2 and _is_title_word(doc[lead], lexicon):
                    lead += 1
                if lead > m.start:
                    m = replace(m, start=lead, text=_clean(doc[lead : m.end].text))
        out.append(m)
    return out


def _home_cut(doc: Doc, mention: NameMention, lexicon: Lexicon) -> NameMention | None:
    """ "Reps. Ann Lee of Ashford", taken for one organisation: a titled person's name
    and the home town after "of"."""
    words = doc[mention.start : mention.end]
    of = next((t.i for t in words if t.lower_ == "of"), None)
    if of is None or of == mention.start or not _title_before(doc, mention.start, lexicon):
        return None
    name = replace(mention, end=of, text=_clean(doc[mention.start : of].text), kind="Person")
    return name if _person_shaped(doc, name, lexicon) else None


def _office_cut(doc: Doc, mention: NameMention, lexicon: Lexicon) -> NameMention | None:
    """ "Commissioner of Agriculture Ann Lee", taken for one organisation "Agriculture Ann
    Lee": the person is the last two words, the office all before them."""
    words = doc[mention.start : mention.end]
    if len(words) < 3 or not all(t.is_alpha and t.is_title for t in words[-2:]):
        return None
    start = mention.end - 2
    office = _office_of(doc, start, lexicon)
    if not office or office[-1].i != start - 1:
        return None
    role = _clean(doc[office[0].i : start].text)
    return NameMention(
        start, mention.end, _clean(doc[start : mention.end].text), "Person", role, office[0].i
    )


def _titled_surname(
    doc: Doc, mention: NameMention, surnames: set[str], lexicon: Lexicon
) -> NameMention | None:
    """ "Congresswoman Lee", taken for an organisation: a title and the surname of a
    person the text names in full."""
    words = doc[mention.start : mention.end]
    if len(words) < 2 or words[-1].text not in surnames:
        return None
    if not all(_is_title(t, lexicon) or t.is_punct for t in words[:-1]):
        return None
    last = words[-1].i
    role = _clean(doc[mention.start : last].text)
    return NameMention(last, last + 1, words[-1].text, "Person", role, mention.start)


def _is_title_word(token: Token, lexicon: Lexicon) -> bool:
    """A title, or a title in the plural ("Supervisors")."""
    return _is_title(token, lexicon) or token.lower_.removesuffix("s") in lexicon.titles


def _listed_with(root: Token, people: set[int]) -> bool:
    """Whether a name is joined by "and" or a comma to a person's name: in "Supervisors
    Ann Lee, Bo Reyes and Cy Dunn" all three are people."""
    if root.dep_ == "conj" and (root.head.i in people or _listed_with(root.head, people)):
        return True
    return any(c.dep_ == "conj" and c.i in people for c in root.children)


def _person_shaped(doc: Doc, mention: NameMention, lexicon: Lexicon) -> bool:
    """Two or three capitalised words, none an organisation noun or an acronym."""
    words = [t for t in doc[mention.start : mention.end] if t.text not in "-–"]
    return 2 <= len(words) <= 3 and all(
        t.is_alpha
        and t.text[:1].isupper()
        and not t.is_upper
        and t.lemma_.lower() not in lexicon.actors
        and t.lower_ not in lexicon.actors
        for t in words
    )


#: Endings of nouns that name a person by a trade: economist, physician.
PERSON_ENDINGS = ("ist", "ian")


def _role_noun(token: Token, lexicon: Lexicon) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (_is_title(token, lexicon) or lemma.endswith(PERSON_ENDINGS))


def _tagged_people(doc: Doc, mentions: list[NameMention], lexicon: Lexicon) -> list[NameMention]:
    """A person's name the recogniser missed but a party tag follows: "Reps. A
    (R-Ariz.), B (R-Tenn.) and Dolores Vane (R-Fla.)"."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    for found in PARTY_TAG.finditer(parsed_text(doc)):
        tag = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if tag is None:
            continue
        end = tag.start
        while end > 0 and doc[end - 1].is_space:
            end -= 1
        start, words = end, 0
        while (
            start > 0
            and words < 3
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].i not in covered
            and not _is_title(doc[start - 1], lexicon)
        ):
            start -= 1
            words += 1
            if start >= 2 and _hyphen_glued(doc, start - 1):
                start -= 2  # "Ann Okoro-Lee": one surname
        if words >= 2 and (start == 0 or doc[start - 1].i not in covered):
            extra.append(NameMention(start, end, _clean(doc[start:end].text), "Person"))
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


#: Words a list of people with home towns runs through: "A of X, B of Y and C".
LIST_WORDS = frozenset({"of", ",", "and", "—", "–", "-"})


def _listed_people(doc: Doc, mentions: list[NameMention], lexicon: Lexicon) -> list[NameMention]:
    """A person's name the recogniser missed in a list of people under a plural title:
    "Reps. A of X, Bea Lund of Y and C of Z", read along the words (the parser's trees
    of such lists vary)."""
    people = {
        i
        for m in mentions
        if m.kind == "Person" and _plural_title_before(doc, m, lexicon)
        for i in range(m.start, m.end)
    }
    if not people:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    runs: list[list[Token]] = []
    for tok in tokens_where(doc, pos=("PROPN",)):
        if tok.i in covered or not (tok.is_alpha and tok.is_title):
            continue
        if runs and runs[-1][-1].i == tok.i - 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    for run in runs:
        start = run[0].i
        if not 2 <= len(run) <= 3 or start < 2 or doc[start - 1].lower_ not in (",", "and"):
            continue
        i = start - 1
        while i > 0 and i not in people and (doc[i].lower_ in LIST_WORDS or doc[i].pos_ == "PROPN"):
            i -= 1  # back over "B of Y," and "and" to a person's name
        if i in people and start - i < 12:
            extra.append(
                NameMention(start, run[-1].i + 1, _clean(doc[start : run[-1].i + 1].text), "Person")
            )
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


def _home_towns(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """ "Ann Lee of Ashford": a one-word name right after a person's name and "of" is
    the person's home town, whatever the recogniser took it for."""
    people = {m.end for m in mentions if m.kind == "Person"}
    return [
        replace(m, kind="Place")
        if m.kind == "Person"
        and m.end - m.start == 1
        and m.start >= 2
        and doc[m.start - 1].lower_ == "of"
        and m.start - 1 in people
        else m
        for m in mentions
    ]


def _plural_title_before(doc: Doc, mention: NameMention, lexicon: Lexicon) -> bool:
    """ "Reps. A", "Commissioners A": the name opens a list under a plural title."""
    start = mention.role_start if mention.role_start is not None else mention.start
    if start == 0:
        return False
    title = doc[start - 1] if mention.role_start is None else doc[start]
    word = title.lower_.removesuffix(".")
    return word.endswith("s") and _is_title_word(title, lexicon)


def _hyphen_glued(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen joining two capitalised words with no space."""
    return (
        doc[i].text in "-–"
        and not doc[i].whitespace_
        and not doc[i - 1].whitespace_
        and doc[i - 1].text[:1].isupper()
        and doc[i - 1].is_alpha
    )


def _hyphenated_surnames(
    doc: Doc, mentions: list[NameMention], body_start: int
) -> list[NameMention]:
    """Rule ``names.hyphenated_surname``: "Amberley-Shaw (D-Eastfield) said …": a
    hyphenated surname on its own, which the recogniser left out, is the person
    named with it in full (so that a party tag after it is that person's too)."""
    surnames = {
        m.text.split()[-1]
        for m in mentions
        if m.kind == "Person" and " " in m.text and "-" in m.text.split()[-1]
    }
    if not surnames:
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for hyphen in tokens_where(doc, text=("-", "–")):
        i = hyphen.i
        if hyphen.idx < body_start or not 0 < i < len(doc) - 1 or not _hyphen_glued(doc, i):
            continue
        if covered & {i - 1, i, i + 1}:
            continue
        text = doc[i - 1 : i + 2].text
        if text in surnames:
            found.append(NameMention(i - 1, i + 2, text, "Person"))
            covered.update((i - 1, i, i + 1))
    return found


def _noun_surnames(doc: Doc, mentions: list[NameMention], body_start: int) -> list[NameMention]:
    """Rule ``names.noun_surname``: "Ostergaard spoke against the amendment": the surname of
    a person named in full before, which the tagger took for a common noun (as it may at
    the start of a sentence), is that person."""
    named_at = {}
    for m in mentions:
        if m.kind == "Person" and " " in m.text:
            named_at.setdefault(m.text.split()[-1], m.end)
    if not named_at:
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    return [
        NameMention(tok.i, tok.i + 1, tok.text, "Person")
        for tok in tokens_where(doc, pos=("NOUN",))
        if tok.text in named_at
        and named_at[tok.text] <= tok.i
        and tok.idx >= body_start
        and tok.i not in covered
        and tok.text[:1].isupper()
    ]


def _party_tags(doc: Doc, mentions: list[NameMention]) -> dict[int, NameMention]:
    """Token index → the person mention, for the tokens of the party tag after
    a person's name: "(D-Ohio)", ", R-Texas,"."""
    tags: dict[int, NameMention] = {}
    text = parsed_text(doc)
    for m in mentions:
        if m.kind != "Person" or m.end >= len(doc):
            continue
        after = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        found = PARTY_TAG.match(text, after, after + 24)
        if found is None:
            continue
        span = doc.char_span(after, found.end() - 1, alignment_mode="contract")
        for tok in span or ():
            if not tok.is_punct:
                tags[tok.i] = m
    return tags


def _title_before(doc: Doc, start: int, lexicon: Lexicon) -> list[Token]:
    """Title words right before a name that attach to it: "STA Commissioner", "energy czar"."""
    run: list[Token] = []
    i = start - 1
    span = set(range(start, start + 1))
    while i >= 0:
        tok = doc[i]
        attached = tok.head.i in span or tok.head.i >= start or any(tok.head.i == r.i for r in run)
        if (
            tok.is_space
            or tok.lower_ in STRIP_LEADING
            or not attached
            or tok.dep_ not in TITLE_DEPS
        ):
            break
        if tok.is_punct and tok.text not in "-–" and not _abbreviation_period(tok, lexicon):
            break
        if tok.text in POSSESSIVE:
            break
        run.insert(0, tok)
        i -= 1
    while run and (run[0].is_punct or run[0].dep_ in ("cc", "case")):
        run.pop(0)
    # "Consumer Federation of America director Ann Lee": an organisation named
    # right before the title belongs to it, whatever the parser hung it on
    if (
        run
        and run[0].i > 0
        and doc[run[0].i - 1].ent_type_ == "ORG"
        and not doc[run[0].i - 1].is_space
    ):
        i = run[0].i - 1
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        run[:0] = list(doc[i : run[0].i])
    while run and run[0].ent_iob_ == "I" and run[0].i > 0 and run[0].ent_type_ == "ORG":
        run.insert(0, doc[run[0].i - 1])
    if not run:
        run = _office_of(doc, start, lexicon)  # "Secretary of State Ann Lee"
    if not run and start > 0:  # "Sgt. Ann Lee" with "Sgt." hung elsewhere by the parser
        i = start - 1
        if _abbreviation_period(doc[i], lexicon):
            i -= 1
        if doc[i].text[:1].isupper() and _is_title(doc[i], lexicon):
            run = list(doc[i:start])
    if not any(_is_title(t, lexicon) for t in run):
        return []
    return run


def _office_of(doc: Doc, start: int, lexicon: Lexicon) -> list[Token]:
    """An office named "title of X" right before a name, which the parser hangs
    anywhere: "Secretary of State Ann Lee", "State Superintendent of Public
    Instruction Ann Lee"."""
    of = start - 1
    while of >= 0 and start - of <= 3 and doc[of].is_alpha and doc[of].is_title:
        of -= 1  # back over "Public Instruction"
    if of == start - 1 or of < 1 or doc[of].lower_ != "of":
        return []
    title = of - 1
    if not (doc[title].is_title and _is_title(doc[title], lexicon)):
        return []
    while title > 0 and of - title < 3 and doc[title - 1].is_title and doc[title - 1].is_alpha:
        title -= 1  # "State Superintendent"
    return list(doc[title:start])


def _abbreviation_period(token: Token, lexicon: Lexicon) -> bool:
    """The "." of "Sgt." split off by the tokenizer."""
    return token.text == "." and token.i > 0 and _is_title(token.doc[token.i - 1], lexicon)


def _is_title(token: Token, lexicon: Lexicon) -> bool:
    """A title word; "Sgt" of "Sgt." too, which the tokenizer may split from its period,
    and a plural abbreviation ("Sens.", one token: :data:`kg.nlp.TITLE_ABBREVIATIONS`)."""
    lower = token.lower_
    return (
        lower in lexicon.titles
        or token.lemma_.lower() in lexicon.titles
        or (f"{lower}." in lexicon.titles and _abbreviated(token))
        or (lower.endswith("s.") and f"{lower[:-2]}." in lexicon.titles)
    )


def _abbreviated(token: Token) -> bool:
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == "." and not token.whitespace_


def _unlabelled_names(
    proper: list[Token], found: list[NameMention], lexicon: Lexicon
) -> list[NameMention]:
    """Proper-noun subjects the recogniser missed ("Ruritania has agreed ..."), and
    people named after a title wherever they stand ("Board Chair Ann Lee and ...")."""
    covered = {i for m in found for i in range(m.start, m.end)}
    extra = []
    for tok in proper:
        doc = tok.doc
        if tok.i in covered or not tok.text[:1].isupper():
            continue
        if tok.ent_type_ or _is_title(tok, lexicon) or tok.dep_ == "compound":
            continue
        if _ballot_measure(doc[tok.i : tok.i + 3]):
            continue  # "Proposition 3 would …": a law, found by _unlabelled_laws
        if tok.is_sent_start and _common_actor_word(tok, lexicon):
            continue  # "Groups that favor the plan …": a capital only because it starts
        left = _name_start(doc, tok.i)
        titles = [i for i in range(left, tok.i) if _is_title(doc[i], lexicon)]
        if titles:
            left = titles[-1] + 1  # "Committee Chair Ana Lopez": the title is not the name
        if tok.dep_ not in ("nsubj", "nsubjpass") and not (
            titles and 2 <= tok.i + 1 - left <= 3 and all(t.is_alpha for t in doc[left : tok.i + 1])
        ):
            continue
        title = _title_before(doc, left, lexicon)
        organisation = (
            _is_acronym(tok.text)
            or lexicon.actors.get(tok.lemma_.lower()) == "Organization"
            or _acronym_after(doc, NameMention(left, tok.i + 1, tok.text, "Group")) is not None
        )
        kind = "Person" if title else "Organization" if organisation else "Group"
        if tok.text in LAW_WORDS and not title:
            kind = "Issue"  # "Island Fare Relief Act has passed"
        role = _clean(doc[title[0].i : title[-1].i + 1].text) if title else None
        extra.append(
            NameMention(
                left,
                tok.i + 1,
                _clean(doc[left : tok.i + 1].text),
                kind,
                role,
                title[0].i if title else None,
            )
        )
    return extra


#: Small words inside an organisation's name: "Fish and Wildlife Service".
NAME_JOINERS = frozenset({"and", "of", "&"})


def _common_actor_word(tok: Token, lexicon: Lexicon) -> bool:
    lower = tok.lower_
    return lower in lexicon.actors or (lower.endswith("s") and lower[:-1] in lexicon.actors)


def _name_start(doc: Doc, end: int) -> int:
    """Where an unlabelled name ending at ``end`` starts: the capitalised words
    before it, and words joined by "and" / "of" ("U.S. Fish and
    Wildlife Service"), whatever the parser hung them on."""
    left = end
    sent_start = doc[end].sent.start

    def capitalised(i: int) -> bool:
        tok = doc[i]
        return (
            i >= sent_start and tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.is_space
        )

    while left - 1 >= sent_start:
        if capitalised(left - 1) and doc[left - 1].whitespace_:
            left -= 1
        elif left - 2 >= sent_start and _hyphen_glued(doc, left - 1):
            left -= 2  # "Ana Okoro-Lee"
        elif doc[left - 1].lower_ in NAME_JOINERS and left - 2 >= 0 and capitalised(left - 2):
            left -= 2
        else:
            break
    return left


def _unlabelled_laws(
    doc: Doc, found: list[NameMention], body_start: int, guessed: list[NameMention] = ()
) -> list[NameMention]:
    """Capitalised names ending in a law word that the recogniser missed:
    "the Quiet Harbors Act", "House Bill 230"; and bill numbers written short,
    "HB 230" (named as in full, "House Bill 230", so that both are one law). A
    ballot question ("Measure 4 would …") wins over a name ``guessed`` from its
    capital letter alone ("Measure")."""
    named = {i for m in found for i in range(m.start, m.end)}
    covered = named | {i for m in guessed for i in range(m.start, m.end)}
    laws = []
    for tok in tokens_where(doc, text=_LAW_TRIGGERS):
        if tok.idx < body_start:
            continue
        if tok.i not in named and tok.i + 1 not in named and _ballot_measure(doc[tok.i :]):
            laws.append(NameMention(tok.i, tok.i + 2, _ballot_label(doc[tok.i :]), "Issue"))
            covered.update((tok.i, tok.i + 1))
            continue
        chamber = BILL_ABBREVIATIONS.get(tok.text)
        if chamber and tok.i + 1 < len(doc) and doc[tok.i + 1].like_num:
            number = doc[tok.i + 1]
            if number.i not in covered:  # "SB" alone, taken for an organisation: the law
                laws.append(NameMention(tok.i, tok.i + 2, f"{chamber} {number.text}", "Issue"))
                covered.update((tok.i, number.i))
            continue
        if tok.text not in LAW_WORDS or tok.i in covered:
            continue
        left = tok.i
        while left > 0 and not doc[left - 1].is_sent_end:
            prev = doc[left - 1]
            if prev.i in covered or not (prev.text[:1].isupper() or prev.like_num):
                break
            if prev.lower_ in STRIP_LEADING:
                break
            left -= 1
        end = tok.i + 1
        while end < len(doc) and doc[end].like_num and end not in covered:
            end += 1  # "House Bill 230"
        if end - left >= 2:
            laws.append(NameMention(left, end, _clean(doc[left:end].text), "Issue"))
            covered.update(range(left, end))
    return laws


_DASH = re.compile(r"\s*([-–])\s*")


def _clean(text: str) -> str:
    """``text`` with each run of white space one space, none at its ends, and
    none around a dash: "Lee - Okoro" → "Lee-Okoro"."""
    text = " ".join(text.split())  # str.split and re's \s take the same characters
    return _DASH.sub(r"\1", text) if "-" in text or "–" in text else text


def _canonical(mentions: list[NameMention], acronyms: dict[int, str]) -> list[Entity]:
    """One entity per real thing: surnames join full names, acronyms their expansion."""
    people: dict[str, list[str]] = defaultdict(list)  # surname → full names
    for m in mentions:
        words = m.text.split()
        if m.kind == "Person" and len(words) > 1:
            people[words[-1].lower()].append(m.text)
    firsts: dict[str, list[str]] = defaultdict(list)  # first name → full names
    for m in mentions:
        words = m.text.split()
        if m.kind == "Person" and len(words) > 1 and m.text not in firsts[words[0].lower()]:
            firsts[words[0].lower()].append(m.text)
    kinds_of_text: dict[str, str] = {}
    for m in mentions:
        kinds_of_text.setdefault(m.text.lower(), m.kind)
    labels: list[tuple[str, str]] = []
    latest: dict[str, str] = {}  # surname → the full name last written with it
    companies: dict[str, str] = {}  # "Fenlow Ridge" → "Fenlow Ridge Digital"
    for m in mentions:
        words = m.text.split()
        surname = words[-1].lower()
        if m.kind == "Organization" and len(words) > 1 and words[-1].rstrip(".") in COMPANY_WORDS:
            companies.setdefault(" ".join(words[:-1]).rstrip(","), m.text)
        if m.text in companies and (len(words) > 1 or m.kind != "Person"):
            # a company's name without "Inc" or "Digital"
            labels.append((companies[m.text], "Organization"))
        elif m.kind == "Person" and len(words) > 1:
            latest[surname] = m.text
            labels.append((m.text, "Person"))
        elif len(words) == 1 and surname in people:
            labels.append((latest.get(surname) or people[surname][0], "Person"))
        elif (
            len(words) == 1 and m.kind in ("Person", "Group") and len(firsts.get(surname, ())) == 1
        ):
            labels.append((firsts[surname][0], "Person"))  # "Osric" for the one Osric named
        else:
            labels.append((m.text, kinds_of_text.get(m.text.lower(), m.kind)))
    aliases: dict[str, set[str]] = defaultdict(set)
    for n, (m, (label, _)) in enumerate(zip(mentions, labels, strict=True)):
        aliases[label].add(m.text)
        if n in acronyms:
            aliases[label].add(acronyms[n])
    return [
        Entity.named(label, kind, tuple(sorted(aliases[label] - {label}))) for label, kind in labels
    ]


def _acronym_after(doc: Doc, mention: NameMention) -> str | None:
    """ "Springfield Transit Authority (STA)": the acronym names the same entity."""
    i = mention.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        text = doc[i + 1].text
        if _is_acronym(text):
            return text
    return None


def _is_acronym(text: str) -> bool:
    """ "STA", "PhRMA", "AFL-CIO"; not "Ruritania"."""
    return bool(ACRONYM.match(text)) and sum(ch.isupper() for ch in text) >= 2


def _initials(label: str) -> str:
    return "".join(
        w[0] for w in label.replace("-", " ").split() if w[:1].isupper() and "." not in w
    )


def _bare_acronyms(proper: list[Token], entity_of: dict[int, Entity]) -> None:
    """Map acronyms to organisations named in full elsewhere in the document."""
    by_alias: dict[str, Entity] = {}
    for entity in set(entity_of.values()):
        if entity.kind in ("Organization", "Group"):
            for alias in entity.aliases:
                by_alias.setdefault(alias, entity)
            initials = _initials(entity.label)
            if len(initials) >= 2:
                by_alias.setdefault(initials, entity)
    for tok in proper:
        target = by_alias.get(tok.text)
        current = entity_of.get(tok.i)
        if target and (current is None or current.label == tok.text):
            entity_of[tok.i] = target


def _bare_surnames(
    proper: list[Token], entities: list[Entity], entity_of: dict[int, Entity]
) -> None:
    """A surname the recogniser missed or mislabelled still names the person."""
    by_surname = {e.label.split()[-1]: e for e in entities if e.kind == "Person" and " " in e.label}
    for tok in proper:
        person = by_surname.get(tok.text)
        if person is None:
            continue
        current = entity_of.get(tok.i)
        if current is None or (current.kind != "Person" and current.label == tok.text):
            entity_of[tok.i] = person


def _parties(doc: Doc, mentions: list[NameMention], entities: list[Entity]) -> dict[str, str]:
    """Party tags after a person's name: "Rep. Jane Doe (D-N.Y.)", "Jane Doe, R-Texas,"."""
    parties = {}
    text = parsed_text(doc)
    for m, e in zip(mentions, entities, strict=True):
        if e.kind != "Person" or m.end >= len(doc):
            continue
        after = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        tail = text[after : after + 24]
        found = PARTY_TAG.match(tail)
        if found:
            parties[e.key] = PARTIES[found.group(1)]
    return parties
