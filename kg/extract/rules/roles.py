"""roles.v1: offices and memberships from titles, appositions and party tags.

"STA Commissioner Dana Reyes" → Reyes holdsRole "STA Commissioner" and
memberOf the STA; "Kofi Annan, UN secretary-general" → holdsRole
"UN secretary-general"; "Rep. Jane Doe (D-N.Y.)" → memberOf Democratic Party.

A role need not be a title from the list. Any apposition whose head names a
person by what they do is one, in either order ("Ann Lee, a housing
economist at Acme", "its president, Ann Lee,"), as is the complement of
"X is a …" and the verb of "X, who chairs / leads / sits on …". The
organisation in the role ("of", "at", "with", "on" its name) or owning it
("the union's president", "its director") is what the person is a member of.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.analysis import DocAnalysis, Referent
from kg.extract.analysis.coref import conjuncts
from kg.extract.doctext import tokens_where
from kg.extract.labels import phrase_tokens, render
from kg.extract.lexicon import Lexicon
from kg.extract.registry import Config, register, rule
from kg.model import Claim, Entity

NAME, VERSION = "roles.v1", "1.1.0"
TITLE = rule("roles.title", NAME, "a title before a name: STA Commissioner Dana Reyes")
TITLE_MEMBER = rule(
    "roles.title_member", NAME, "an organisation in a title: STA Commissioner → memberOf STA"
)
TITLE_PARTY = rule("roles.title_party", NAME, "a party word in a title: Democratic Rep. Jane Doe")
APPOSITION = rule("roles.apposition", NAME, "a role apposition: Kofi Annan, UN secretary-general")
APPOSITION_MEMBER = rule(
    "roles.apposition_member", NAME, "the organisation of a role apposition: Y, director at Z"
)
APPOSITION_PARTY = rule("roles.apposition_party", NAME, "a party noun apposition: Y, a Democrat")
COPULA = rule("roles.copula", NAME, "a role after 'is': Y is an economist")
COPULA_MEMBER = rule("roles.copula_member", NAME, "the organisation of it: Y is an economist at Z")
CLAUSE = rule("roles.clause", NAME, "a role verb: Y, who chairs the Z Committee")
CLAUSE_MEMBER = rule("roles.clause_member", NAME, "a membership verb: Y sits on the Z board")
PARTY_TAG = rule("roles.party_tag", NAME, "a party tag after a name: Rep. Jane Doe (D-N.Y.)")
MEMBER_CLAUSE = rule(
    "roles.member_clause", NAME, "a membership said of an organisation: Z, of which I am a member"
)
#: One found role: predicate, object, the rule that found it and its cue word.
Found = tuple[str, Entity, str, str]

#: Endings of nouns that name a person by what they do: organizer, economist,
#: physician, owner. A noun with such an ending heads a role in apposition.
AGENT_ENDINGS = ("er", "or", "ist", "ian")
#: Nouns with an agent ending that say who someone is to others or where they
#: live, not an office or a job; and stance nouns (a supporter, a backer).
NOT_ROLES = frozenset(
    """mother father brother sister daughter grandmother grandfather partner neighbor neighbour
    customer consumer voter taxpayer shopper passenger rider user viewer reader listener
    supporter backer opponent critic sponsor cosponsor co-sponsor author proponent defender
    follower admirer believer lover survivor victim member other number order
    hunter angler fisherman gardener hiker runner cyclist golfer boater collector""".split()
)
#: Titles whose place in front ("Dunmore Mayor", "Harlow County Sheriff") is the
#: place they serve, not an organisation they are a member of.
JURISDICTION_TITLES = frozenset({"mayor", "mayor-elect", "governor", "sheriff", "gov."})
#: Words before a role that make it not a current one: "a former mayor".
PAST_WORDS = frozenset({"former", "ex", "ex-", "late", "then", "onetime", "one-time", "retired"})
#: Prepositions after a role that name the organisation it belongs to.
ORG_PREPS = frozenset({"of", "at", "with", "for", "on", "in"})
#: Prepositions after a role that stay in its label: "mayor of New York".
LABEL_PREPS = frozenset({"of", "for"})
#: Verbs of "X, who chairs the committee": the role they give (None: membership only).
ROLE_VERBS: dict[str, str | None] = {
    "chair": "chair",
    "lead": None,
    "head": None,
    "run": None,
    "direct": None,
    "represent": None,
    "found": "founder",
    "co-found": "co-founder",
    "cofound": "co-founder",
    "own": "owner",
    "organize": "organizer",
    "organise": "organiser",
}
#: Role verbs that give a role only over a named organisation ("owns Acme Plumbing").
NAMED_OBJECT_VERBS = frozenset({"own", "found", "co-found", "cofound", "organize", "organise"})
#: Verbs whose infinitive is the deed itself: "helped organize the group X".
HELPING = frozenset({"help"})
#: Verbs with the preposition that makes their subject a member of its object.
MEMBER_VERBS = frozenset({("sit", "on"), ("serve", "on"), ("work", "for"), ("work", "at")})
MEMBER_WORD = "member"
#: One-word chamber names that do not say which body they are.
GENERIC_BODIES = frozenset({"house", "assembly", "chamber"})


@register(NAME)
def extract_roles(doc: Doc, analysis: DocAnalysis, *, config: Config) -> Iterator[Claim]:
    """holdsRole and memberOf claims for every person named with a title."""
    names = analysis.names
    seen: set[tuple[str, str, str]] = set()
    shared: dict[int, list[Found]] = {}  # name token → the roles of a plural title before it
    for mention, person in zip(names.mentions, names.mention_entities, strict=True):
        if person.kind != "Person" or mention.start < 0:
            continue
        if person.label.lower().rstrip(".") in analysis.lexicon.titles or (
            f"{person.label.lower()}." in analysis.lexicon.titles
        ):
            continue  # a title cut off from its name by a sentence break ("Sgt.")
        sent = analysis.sentence(doc[mention.start])
        evidence = analysis.evidence(sent, NAME, VERSION)
        titled: list[Found] = []
        if mention.role and mention.role_start is not None:
            role = mention.role
            titled.extend(_title_roles(role, range(mention.role_start, mention.start), analysis))
        elif (title := _loose_title(doc, mention.start, analysis.lexicon)) is not None:
            role = render(title)
            titled.extend(_title_roles(role, range(title[0].i, title[-1].i + 1), analysis))
        name = doc[mention.end - 1]
        if titled and _plural_title(role.split()[-1], analysis.lexicon):
            for other in conjuncts(name):  # "Commissioners A and B": each is a commissioner
                shared.setdefault(other.i, titled)
        found = list(titled or shared.get(name.i, ()))
        found.extend(_apposition_roles(name, analysis))
        found.extend(_role_set_off_before(doc, mention, analysis))
        found.extend(_listed_party(doc, mention, analysis))
        found.extend(_clause_roles(name, analysis))
        party = names.party_of.get(person.key)
        if party:
            found.append(("memberOf", Entity.named(party, "Organization"), PARTY_TAG, "party tag"))
        for predicate, obj, made_by, cue in found:
            key = (person.key, predicate, obj.key)
            if key in seen or obj.key == person.key or _generic_body(obj, analysis.lexicon):
                continue
            seen.add(key)
            yield Claim(
                subject=person,
                predicate=predicate,
                object=obj,
                provenance=evidence,
                polarity=0,
                confidence=config.calibration.confidence(made_by),
                cue=cue,
                rule=made_by,
            )
    yield from _member_clauses(doc, analysis, config)
    yield from _described_parties(doc, analysis, config, seen)


def _member_clauses(doc: Doc, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "the Acme Association, of which I am a member": the clause's subject
    (a person, "I" included) is a member of the organisation it modifies."""
    for noun in tokens_where(doc, lemma=(MEMBER_WORD,), dep=("attr",)):
        verb = noun.head
        if verb.lemma_ != "be" or verb.dep_ != "relcl" or _negated(verb):
            continue
        which = [
            o
            for prep in (*verb.children, *noun.children)
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for o in prep.children
            if o.dep_ == "pobj" and o.lower_ in ("which", "whom")
        ]
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        org = _named_org(verb.head, analysis)
        ref = analysis.actor(subject) if subject is not None else None
        if not which or org is None or ref is None or ref.entity.kind != "Person":
            continue
        yield _membership(ref, org, noun, MEMBER_CLAUSE, "member", analysis, config)


def _described_parties(
    doc: Doc, analysis: DocAnalysis, config: Config, seen: set[tuple[str, str, str]]
) -> Iterator[Claim]:
    """ "The mayor, a Democrat serving her second term, said": the party of the
    person a description stands for."""
    for party_noun in tokens_where(doc, dep=("appos",)):
        party = _party(party_noun)
        head = party_noun.head
        if party is None or head.pos_ != "NOUN" or analysis.names.at(head) is not None:
            continue
        ref = analysis.actor(head)
        if ref is None or ref.entity.kind != "Person":
            continue
        obj = Entity.named(party, "Organization")
        if (ref.entity.key, "memberOf", obj.key) in seen:
            continue
        seen.add((ref.entity.key, "memberOf", obj.key))
        yield _membership(ref, obj, head, APPOSITION_PARTY, "apposition", analysis, config)


def _membership(
    member: Referent,
    org: Entity,
    token: Token,
    made_by: str,
    cue: str,
    analysis: DocAnalysis,
    config: Config,
) -> Claim:
    """The memberOf claim of a person found through a description or a pronoun."""
    return Claim(
        subject=member.entity,
        predicate="memberOf",
        object=org,
        provenance=analysis.evidence(analysis.sentence(token), NAME, VERSION),
        polarity=0,
        confidence=config.calibration.confidence(made_by, hops=member.hops),
        cue=cue,
        rule=made_by,
    )


def _generic_body(entity: Entity, lexicon: Lexicon) -> bool:
    """ "Senate", "Council", "State" alone: a chamber word that does not say which
    body (the senate of which state?), so no membership is claimed."""
    words = entity.label.lower().split()
    return (
        entity.kind == "Organization"
        and len(words) == 1
        and (words[0] in lexicon.actors or words[0] in GENERIC_BODIES)
    )


def _title_roles(role: str, span: range, analysis: DocAnalysis) -> Iterator[Found]:
    """The role of a title before a name, its party word and its organisation."""
    yield "holdsRole", _role_entity(role, analysis), TITLE, "title"
    for word in role.split():  # "Democratic Rep. Jamie Raskin"
        if (party := PARTY_ADJECTIVES.get(word.lower())) is not None:
            yield "memberOf", Entity.named(party, "Organization"), TITLE_PARTY, "title"
    if role.split()[-1].lower() in JURISDICTION_TITLES:
        return  # "Dunmore Mayor Ann Lee" governs Dunmore; she is no member of it
    titles = analysis.lexicon.titles
    for i in span:
        org = analysis.names.entity_of.get(i)
        if org is not None and org.kind == "Organization":
            if org.label.split()[-1].lower() in titles:
                continue  # "Assembly Speaker", "County Executive": the title, taken for a body
            yield "memberOf", _department_of(org, analysis), TITLE_MEMBER, "title"


#: Nouns of a government department's name: "the Department of Labor".
DEPARTMENT_WORDS = frozenset({"department", "ministry", "agency"})


def _department_of(org: Entity, analysis: DocAnalysis) -> Entity:
    """ "Labor Secretary Ann Lee": the one-word portfolio is the department named in
    full elsewhere in the text ("the U.S. Department of Labor"), if it is; not a body
    word that names no portfolio ("State Senator Ann Lee": no "State Department of X")."""
    if " " in org.label or _generic_body(org, analysis.lexicon):
        return org
    word = org.label.lower()
    for entity in analysis.names.mention_entities:
        words = entity.label.lower().split()
        if entity.kind == "Organization" and word in words and DEPARTMENT_WORDS & set(words):
            return entity
    return org


def _loose_title(doc: Doc, start: int, lexicon: Lexicon) -> list[Token] | None:
    """A title right before a name that the parser did not attach to it:
    "Board member Ann Lee", "Congressman Tom Lee" parsed as the subject."""
    if start == 0:
        return None
    last = doc[start - 1]
    if last.text == "." and start >= 2 and not doc[start - 2].whitespace_:
        last = doc[start - 2]  # "Sens. A and B": the tokenizer split off the period
    if not (_is_title(last, lexicon) or last.lemma_.lower() == MEMBER_WORD):
        return None
    if last.is_sent_start and last.lemma_.lower() == MEMBER_WORD:
        return None
    run = [last]
    while len(run) < 4 and run[0].i > 0:
        prev = doc[run[0].i - 1]
        if prev.is_punct or prev.is_space or prev.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        if prev.ent_type_ == "PERSON" or prev.lower_ in PAST_WORDS:
            break
        run.insert(0, prev)
        if prev.is_sent_start:
            break
    if len(run) == 1 and last.lemma_.lower() == MEMBER_WORD:
        return None  # "member Ann Lee" says no more than that she belongs somewhere
    return run


def _is_title(token: Token, lexicon: Lexicon) -> bool:
    return (
        token.lower_ in lexicon.titles
        or token.lemma_.lower() in lexicon.titles
        or _plural_title(token.text, lexicon)
    )


def _plural_title(word: str, lexicon: Lexicon) -> bool:
    """ "Commissioners", "Sens.": the plural of a title of the lexicon."""
    word = word.lower().removesuffix(".")
    return word.endswith("s") and (
        word[:-1] in lexicon.titles or f"{word[:-1]}." in lexicon.titles  # "Sens." → "sen."
    )


def _role_entity(label: str, analysis: DocAnalysis) -> Entity:
    words = [w for w in label.split() if w.lower() not in PARTY_ADJECTIVES] or label.split()
    if _plural_title(words[-1], analysis.lexicon):
        one = words[-1].rstrip(".")[:-1]  # "Senators Ann Lee and Tom Jones": each is a Senator
        words[-1] = f"{one}." if f"{one.lower()}." in analysis.lexicon.titles else one
    label = " ".join(words)
    if len(words) == 1 and words[0].lower() in analysis.lexicon.titles:
        label = analysis.lexicon.titles[words[0].lower()]
        label = label[:1].upper() + label[1:]
    return Entity.named(label, "Role")


#: Apposition heads that name a party membership: "Josh Gottheimer, a Democrat".
PARTY_NOUNS = {"democrat": "Democratic Party", "republican": "Republican Party"}
#: Party words in a title: "Democratic Rep. Jamie Raskin", "Republican Senator Rand Paul".
PARTY_ADJECTIVES = {"democratic": "Democratic Party", "republican": "Republican Party"}


def is_role_noun(token: Token, lexicon: Lexicon) -> bool:
    """A noun that names a person by their office or job: a title of the
    lexicon, or a noun with an agent ending ("organizer", "economist")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = token.lemma_.lower()
    if lemma == MEMBER_WORD:
        return True
    if _is_title(token, lexicon):
        return True
    if token.pos_ != "NOUN" or lemma in NOT_ROLES or lexicon.cues_for(lemma, "NOUN"):
        return False
    return len(lemma) > 4 and lemma.endswith(AGENT_ENDINGS)


def _apposition_roles(name: Token, analysis: DocAnalysis) -> Iterator[Found]:
    """ "Kofi Annan, UN secretary-general", "its president, Ann Lee": an
    apposition (in either order) headed by a role noun, and its conjuncts
    ("a driver and organizer with the union")."""
    heads = [c for c in name.children if c.dep_ == "appos"]
    if name.dep_ == "appos":
        heads.append(name.head)
    first = _list_head(name)
    if first is not name and first.dep_ == "appos" and _party(first.head) is not None:
        heads.append(first.head)  # "four Republicans — A, B and C": each of them
    if (group := _party_including(first)) is not None:
        heads.append(group)  # "Nine Republicans voted no, among them A"
    following = _set_off_head(name)
    if following is not None and following not in heads:
        heads.append(following)
    for head in heads:
        party = _party(head)
        if party is not None:
            yield "memberOf", Entity.named(party, "Organization"), APPOSITION_PARTY, "apposition"
            continue
        if analysis.names.at(head) is not None:
            continue  # another name, not a role
        yield from _role_phrase(head, analysis, "apposition")


def _party(noun: Token) -> str | None:
    """The party a party noun names: "a Democrat", "four Republicans"."""
    word = noun.lower_
    return PARTY_NOUNS.get(word) or PARTY_NOUNS.get(word[:-1] if word.endswith("s") else word)


def _list_head(name: Token) -> Token:
    """The first name of the list ``name`` is in: "A, B and C" → A; "A of X, B of Y and
    C of Z", where the parser joins C to the place Y → A."""
    while name.dep_ == "conj" and name.head.i != name.i and name.head.pos_ == "PROPN":
        name = name.head
        if name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.pos_ == "PROPN":
            name = name.head.head  # "B of Y": B
    return name


#: Prepositions that pick members out of a group: "including A", "among them A".
INCLUDING = frozenset({"including", "among"})


def _party_including(name: Token) -> Token | None:
    """The party noun of the group a name is picked out of: "Some Republicans objected,
    including Sen. A", "Nine Republicans voted no, among them A"."""
    group = None
    if name.dep_ == "pobj" and name.head.lower_ in INCLUDING:
        group = name.head.head  # "Republicans, including A" or "objected, including A"
    elif any(c.dep_ == "prep" and c.lower_ == "among" for c in name.children):
        group = name.head  # "voted no, among them A": the parser hangs A on the verb
    if group is not None and group.pos_ in ("VERB", "AUX"):
        group = next((c for c in group.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return group if group is not None and _party(group) is not None else None


def _role_set_off_before(doc: Doc, mention, analysis: DocAnalysis) -> Iterator[Found]:
    """A role or party noun set off by a comma right before the name, whatever
    the parser made of it: "the group's legal director, Ann Lee, said";
    "one Democrat, Rep. Ann Lee of Ohio"."""
    start = mention.role_start if mention.role_start is not None else mention.start
    if start < 2 or doc[start - 1].text != ",":
        return
    noun = doc[start - 2]
    top = noun
    while (
        top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PROPN")
    ):
        top = top.head.head  # "her rival across the border, Ann Lee": the rival
    if top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.lemma_ != "accord":
        return  # "Under the town's bylaws, Ann Lee could not": a phrase of the verb's
    if _party(noun) is None:
        noun = top
    if analysis.names.at(noun) is not None and _party(noun) is None:
        return
    party = _party(noun)
    if party is not None and noun.tag_ == "NNP":
        yield "memberOf", Entity.named(party, "Organization"), APPOSITION_PARTY, "apposition"
    elif noun.pos_ == "NOUN" and is_role_noun(noun, analysis.lexicon):
        yield from _role_phrase(noun, analysis, "apposition")


#: Words a list of names with home towns and party tags runs through.
LIST_WORDS = frozenset({"of", ",", "and", "—", "–", "-", "(", ")"})


def _listed_party(doc: Doc, mention, analysis: DocAnalysis) -> Iterator[Found]:
    """ "three Democrats — Reps. A of X, B of Y and C of Z": the plural party noun a
    list of names follows, read back along the words (the parser's trees of such lists
    vary: a name may hang on the town before it)."""
    i = (mention.role_start if mention.role_start is not None else mention.start) - 1
    while i >= 0 and mention.start - i < 40:
        tok = doc[i]
        if tok.lower_.endswith("s") and (party := _party(tok)) is not None:
            yield "memberOf", Entity.named(party, "Organization"), APPOSITION_PARTY, "apposition"
            return
        if not (
            tok.lower_ in LIST_WORDS or tok.pos_ == "PROPN" or _is_title(tok, analysis.lexicon)
        ):
            return
        i -= 1


def _set_off_head(name: Token) -> Token | None:
    """The head noun of the phrase set off by commas right after a name, where
    the parser hung it elsewhere: "Ann Lee (D-Ohio), chair of the committee
    and sponsor of the bill, said" (a party tag "D-Ohio," is skipped)."""
    doc, i = name.doc, name.i + 1
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and i - name.i < 12:
            i += 1
        i += 1
    for _ in range(2):
        if i >= len(doc) or doc[i].text != "," or doc[i].is_sent_end:
            return None
        segment = []
        j = i + 1
        while (
            j < len(doc)
            and doc[j].text not in (",", ";", "(", "—", "–")
            and not (doc[j].pos_ in ("VERB", "AUX") and doc[j].dep_ not in ("amod", "compound"))
        ):
            segment.append(doc[j])
            if doc[j].is_sent_end:
                break
            j += 1
        if segment and segment[0].text in ("D", "R", "I") and len(segment) > 1:
            i = j  # "Ann Lee, D-Ohio, said"
            continue
        inside = {t.i for t in segment}
        tops = [t for t in segment if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN")]
        return tops[0] if tops else None
    return None


def _role_phrase(
    head: Token,
    analysis: DocAnalysis,
    cue: str,
    rules: tuple[str, str] = (APPOSITION, APPOSITION_MEMBER),
) -> Iterator[Found]:
    """holdsRole / memberOf from a noun phrase headed by a role noun, and its conjuncts."""
    members = [head, *(c for c in head.children if c.dep_ == "conj")]
    orgs = [org for org in _organisations(head, analysis)]
    for noun in members:
        if not is_role_noun(noun, analysis.lexicon):
            continue
        modifiers = [c for c in noun.children if c.i < noun.i]
        if any(c.lower_ in PAST_WORDS for c in modifiers):
            continue  # "a former mayor"
        label = _role_label(noun)
        plain_member = noun.lemma_.lower() == MEMBER_WORD and (
            len(label.split()) == 1 or label.lower().startswith("member of")
        )
        if not plain_member:  # "a member of X" is a membership, "ranking member" a role
            yield "holdsRole", _role_entity(label, analysis), rules[0], cue
        if noun is not head:
            orgs.extend(_organisations(noun, analysis))
    if not any(is_role_noun(n, analysis.lexicon) for n in members):
        return
    for org in orgs:
        yield "memberOf", org, rules[1], cue


def _role_label(noun: Token) -> str:
    """ "executive director", "ranking member", "mayor of New York"."""
    tokens = [noun]
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
            tokens.extend(t for t in child.subtree if not t.is_punct or t.text in "-–")
        elif child.dep_ == "prep" and child.lower_ in LABEL_PREPS and child.i > noun.i:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ == "PROPN":
                tokens.append(child)
                tokens.extend(phrase_tokens(objects[0]))
    tokens = sorted(set(tokens), key=lambda t: t.i)
    return render(tokens)


def _organisations(noun: Token, analysis: DocAnalysis) -> Iterator[Entity]:
    """The organisation a role belongs to: named in the role ("UN secretary"),
    after a preposition ("director of Acme", "organizer with the union") or
    owning it ("the union's president", "its director"). When the role has an
    owner, "for" names its portfolio, not another organisation: "the agency's
    Assistant Secretary for Fair Lending"."""
    owned = any(c.dep_ == "poss" for c in noun.children)
    for child in noun.children:
        if owned and child.dep_ == "prep" and child.lower_ == "for":
            continue
        if child.dep_ in ("compound", "nmod", "amod") and child.i < noun.i:
            for tok in child.subtree:
                org = analysis.names.at(tok)
                if org is not None and org.kind == "Organization":
                    yield org
        elif child.dep_ == "poss":
            owner = _possessor(child, analysis)
            if owner is not None:
                yield owner
        elif child.dep_ == "prep" and child.lower_ in ORG_PREPS and child.i > noun.i:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                org = _named_org(pobj, analysis)
                if org is not None:
                    yield org


def _possessor(token: Token, analysis: DocAnalysis) -> Entity | None:
    """The organisation of "the union's", "Acme's" or "its": for a pronoun,
    the last organisation named before it in the sentence, if there is one
    ("thanked the Acme Association and its director")."""
    if token.pos_ == "PRON":
        if token.lower_ not in ORG_PRONOUNS:
            return None  # "his press aide": a person's, not an organisation's
        sent = analysis.sentence(token)
        for tok in reversed(sent[: token.i - sent.start]):
            org = analysis.names.at(tok)
            if org is not None and org.is_actor:
                return org if org.kind == "Organization" else None
    ref = analysis.actor(token)
    if ref is not None and ref.entity.kind == "Organization":
        return ref.entity
    return None


#: Possessive pronouns that may stand for an organisation ("its director").
ORG_PRONOUNS = frozenset({"its", "their", "our"})


def _named_org(token: Token, analysis: DocAnalysis) -> Entity | None:
    """The organisation named by ``token``, inside its phrase ("the Acme task force") or
    in apposition to it ("the parent group Safe Streets Now")."""
    appositions = (t for c in token.children if c.dep_ == "appos" for t in c.subtree)
    for tok in (token, *(c for c in token.subtree if c.i < token.i), *appositions):
        org = analysis.names.at(tok)
        if org is not None and org.kind == "Organization":
            return org
    return None


def _clause_roles(name: Token, analysis: DocAnalysis) -> Iterator[Found]:
    """ "Ann Lee, who chairs the Finance Committee", "Ann Lee is an economist
    at Acme", "Ann Lee sits on the Acme board"."""
    verbs = [c for c in name.children if c.dep_ == "relcl" and _relative_subject(c) is not None]
    verbs.extend(  # "who has two sons and helped organize X"
        c
        for v in verbs
        for c in v.children
        if c.dep_ == "conj"
        and c.pos_ in ("VERB", "AUX")
        and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
    )
    if name.dep_ == "nsubj":
        verbs.append(name.head)
        verbs.extend(
            c
            for c in name.head.children
            if c.dep_ == "conj"
            and c.pos_ in ("VERB", "AUX")
            and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        )
    for verb in verbs:
        if verb.lemma_.lower() in HELPING:
            verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
        lemma = verb.lemma_.lower()
        if lemma == "be":
            for attr in verb.children:
                if attr.dep_ == "attr" and attr.pos_ == "NOUN" and not _negated(verb):
                    yield from _role_phrase(attr, analysis, "copula", (COPULA, COPULA_MEMBER))
            continue
        if _negated(verb) or any(
            c.dep_ == "aux" and c.lemma_.lower() not in HELPING for c in verb.children
        ):
            continue  # "will chair", "does not lead": not a role held now
        if lemma in ROLE_VERBS:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None:
                continue
            role, org = ROLE_VERBS[lemma], _named_org(obj, analysis)
            if org is None and lemma in NAMED_OBJECT_VERBS:
                continue  # "owns a diner": a livelihood, not a role in public life
            if role is not None:
                yield "holdsRole", _role_entity(role, analysis), CLAUSE, lemma
            if org is not None:
                yield "memberOf", org, CLAUSE_MEMBER, lemma
            continue
        for prep in verb.children:
            if prep.dep_ == "prep" and (lemma, prep.lower_) in MEMBER_VERBS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (org := _board_org(pobj, analysis)) is not None:
                        yield "memberOf", org, CLAUSE_MEMBER, f"{lemma} {prep.lower_}"


def _board_org(token: Token, analysis: DocAnalysis) -> Entity | None:
    """ "the Acme board", "the board of Acme", "the Acme Committee"."""
    org = _named_org(token, analysis)
    if org is not None:
        return org
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (org := _named_org(pobj, analysis)) is not None:
                    return org
    return None


def _relative_subject(verb: Token) -> Token | None:
    return next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("who", "that")), None
    )


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)
