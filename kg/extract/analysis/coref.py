"""Who a word refers to: names, pronouns, relative pronouns and descriptions.

A token may name an actor itself ("Ortiz"), stand for one ("she", "who",
"the mayor-elect", "the department", "his remarks", "federal officials"), or
speak as one ("I", "we" inside someone's quote). :func:`resolve_pronouns`
reads the third-person pronouns in document order, and a :class:`Resolver`
answers for any token from the names, those pronouns and the speakers; the
analysis asks it once per token (see :mod:`kg.extract.analysis`) and keeps
the answers.

Antecedents are found through indexes (bisect over mention offsets, a word →
mentions table), so the cost stays linear in the article's length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.analysis.names import COMPANY_WORDS, DocNames, NameMention
from kg.extract.analysis.quotes import Quotes
from kg.extract.analysis.sentences import Sentences
from kg.extract.doctext import tokens_where
from kg.extract.labels import GENERIC_ISSUES, issue_from_tokens, noun_label, phrase_tokens
from kg.extract.lexicon import Lexicon
from kg.model import Entity

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
THIRD_PERSON = MALE | FEMALE | NEUTER | PLURAL
FIRST_PERSON = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
)
RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$", "WDT"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Nouns that stand for the words or plans of their possessor ("his remarks").
STAND_IN_NOUNS = frozenset(
    """remark comment statement position stance view declaration administration government
    campaign office team spokesperson spokesman spokeswoman letter message speech plan
    proposal policy assertion argument response camp leadership regime cabinet""".split()
)
#: Who speaks for someone: "a spokeswoman for the agency" says what the agency says.
SPOKESPEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman"})
#: People who act for their possessor: "her members support the bill", "his deputies will not".
SUBORDINATE_NOUNS = frozenset({"member", "deputy", "staff", "employee"})
#: Words that make a common-noun phrase not an actor ("some officials" is still one).
VAGUE = frozenset({"critic", "some", "many", "other", "others", "observer", "expert", "analyst"})
#: Leading words dropped from a common-noun actor's label ("senior officials").
QUANTIFIERS = frozenset({"senior", "top", "several", "two", "three", "group", "of"})
#: Nouns for the author of an editorial, with "this" or "our": "this board".
AUTHOR_NOUNS = frozenset({"board", "newspaper", "paper", "page", "publication", "editorial"})
SENTENCES_BACK = 3
#: "The sheriff said …" may be named with that title this many sentences later.
TITLE_SENTENCES_AHEAD = 3
#: Possessive pronouns of "my own association", "our union".
OWNERS = frozenset({"my", "our", "his", "her", "their"})
#: Nouns any organisation may be called: "the group" is the one named last.
KIND_NOUNS = frozenset({"group", "organization", "organisation"})
#: Nouns that "the …" makes the organisation named last, though its name lacks them:
#: "Quillon Labs … the company".
ORGANISATION_NOUNS = KIND_NOUNS | {"company", "firm"}
#: Nouns for a business: "the company" is an organisation named as one.
COMPANY_NOUNS = frozenset({"company", "firm"})
#: Words in the names of organisations that are no company: "the company" after
#: "the Energy Justice Project" is another organisation.
NO_COMPANY_WORDS = frozenset(
    """Project Coalition Alliance Association Council Union League Committee Commission
    Department Agency Board Institute Foundation Center Centre Fund Campaign Society
    Federation Caucus Party Network Bureau Office Authority Administration Service
    Court Senate House Assembly Legislature""".split()
)
#: How many sentences back "the company" may look for a business it means.
COMPANY_SENTENCES_BACK = 6
#: Last words of a business's name: "Quillon Power", "Dunmere Foods Inc.".
BUSINESS_WORDS = COMPANY_WORDS | {"Power", "Electric", "Utilities", "Bank", "Insurance"}
#: "The bill" refers back to a law named this many sentences before, at most:
#: a press release names its bill once and then says "the legislation".
LAW_SENTENCES_BACK = 12
#: Verbs whose object is a law or a measure, never an actor ("sign it", "veto it").
LAW_VERBS = frozenset(
    """sign veto pass enact repeal amend introduce cosponsor co-sponsor ratify adopt
    reauthorize""".split()
)
#: Nouns of what a body votes on: "voted against it" refers back to one of these.
VOTED_ON = GENERIC_ISSUES | frozenset(
    """motion rule pilot program programme nomination levy contract project reform bond
    ordinance regulation tax tariff fee cap ban mandate budget rezoning abatement
    exemption""".split()
)
#: Kinds of issue a generic noun or the last word of a name says: "the law" is never
#: "the Second Amendment"; "the proposal" may be a bill or a plan.
ISSUE_KINDS = {
    **dict.fromkeys(
        """bill legislation law act measure ordinance resolution proposition initiative
        statute hb sb ab hf sf lb""".split(),
        frozenset({"law"}),
    ),
    **dict.fromkeys("proposal policy package".split(), frozenset({"law", "plan"})),
    **dict.fromkeys("plan program programme".split(), frozenset({"plan"})),
    "amendment": frozenset({"amendment"}),
    **dict.fromkeys("treaty agreement deal pact accord".split(), frozenset({"deal"})),
}
#: Nouns of a new law that a release names only in a later sentence.
NEW_LAWS = frozenset({"bill", "legislation", "measure", "act", "resolution", "amendment"})
LAW_SENTENCES_AHEAD = 12
#: Words that make "a … bill" another law than the one named next: "a similar bill".
OTHER_LAWS = frozenset(
    """similar another separate different previous earlier prior identical comparable
    competing rival failed past older old""".split()
)
#: Inference steps after which a chain of references is not followed.
MAX_HOPS = 3
#: How many a counted plural description stands for: "the two companies", "both senators".
COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
#: Plural actor nouns whose members are people ("the two senators"); titles are too.
PERSON_NOUNS = frozenset(
    """official officer leader minister lawmaker legislator senator representative member
    diplomat negotiator spokesman spokeswoman spokesperson activist advocate businessman
    campaigner protester man woman""".split()
)
#: Plural actor nouns whose members are places ("both states").
PLACE_NOUNS = frozenset({"state", "country", "nation", "city", "county", "town"})


@dataclass(frozen=True)
class Referent:
    """An actor a token refers to, and how many inference steps it took.

    A plural description that stands for named actors ("the two companies",
    "both senators") is one referent, the group, with those actors as
    ``members``: a claim about the group is a claim about each of them.
    """

    entity: Entity
    hops: int = 0
    members: tuple[Entity, ...] = ()

    def each(self) -> list[Referent]:
        """The referent itself, or each of its members."""
        return [Referent(m, self.hops) for m in self.members] or [self]


@dataclass(frozen=True)
class Candidate:
    """A possible antecedent of a pronoun: a named or common-noun actor."""

    start: int
    token: Token
    entity: Entity


@dataclass(frozen=True)
class MentionIndex:
    """Named mentions indexed for looking back from a token."""

    starts: tuple[int, ...]
    """Start token of each mention, in order."""
    by_word: Mapping[str, tuple[int, ...]]
    """Lower-case word of a role or label → numbers of the mentions with it."""
    role_words: tuple[frozenset[str], ...]
    label_words: tuple[frozenset[str], ...]
    issue_starts: tuple[int, ...]
    """Numbers of the mentions of laws and programmes (kind Issue), in order."""

    @classmethod
    def of(cls, names: DocNames, lexicon: Lexicon) -> MentionIndex:
        by_word: dict[str, list[int]] = defaultdict(list)
        roles, labels = [], []
        for n, (mention, entity) in enumerate(
            zip(names.mentions, names.mention_entities, strict=True)
        ):
            written = (mention.role or "").lower().replace("-", " ").split()
            role = frozenset(written).union(  # "Gov." is a governor, "Sen." a senator
                *(lexicon.titles[w].lower().split() for w in written if w in lexicon.titles)
            )
            label = frozenset(w.lower() for w in entity.label.split())
            roles.append(role)
            labels.append(label)
            for word in role | label:
                by_word[word].append(n)
        issues = tuple(n for n, e in enumerate(names.mention_entities) if e.kind == "Issue")
        return cls(
            tuple(m.start for m in names.mentions),
            {w: tuple(ns) for w, ns in by_word.items()},
            tuple(roles),
            tuple(labels),
            issues,
        )


@dataclass(frozen=True)
class Resolver:
    """Answers "which actor does this token refer to?" from what is known so far.

    Built twice while a document is analysed: first with no pronouns and no
    speakers (to gather the pronouns' antecedents), then with both. It keeps
    no state: the same token always gets the same answer.
    """

    doc: Doc
    lexicon: Lexicon
    names: DocNames
    mentions: MentionIndex
    pronouns: Mapping[int, Entity]
    """Token index → actor, for third-person pronouns."""
    speakers: Mapping[int, Entity]
    """Token index → who says it, for tokens of quotes and reported clauses."""
    quotes: Quotes
    author: Entity | None = None
    """The byline's author: "I", "we" and "this board" outside quotes."""

    def actors(self, token: Token, *, hops: int = 0) -> list[Referent]:
        """The actor(s) ``token`` refers to; conjuncts ("A and B") and the members
        of a plural description ("the two companies") give several."""
        found = []
        for member in (token, *conjuncts(token), *included(token)):
            ref = self.actor(member, hops=hops)
            for each in ref.each() if ref is not None else ():
                if all(f.entity.key != each.entity.key for f in found):
                    found.append(each)
        return found

    def actor(self, token: Token, *, hops: int = 0) -> Referent | None:
        if hops > MAX_HOPS:
            return None
        named = self.names.at(token)
        if named is not None and named.is_actor:
            return Referent(self._person_in_apposition(token) or named, hops)
        lower = token.lower_
        if token.pos_ == "PRON" or token.tag_ in PRONOUN_TAGS:
            if lower in RELATIVE:
                antecedent = relative_antecedent(token)
                return self.actor(antecedent, hops=hops + 1) if antecedent is not None else None
            if lower in FIRST_PERSON:
                entity = self.speakers.get(token.i)
                if entity is None and self.quotes.at(token.idx) is None:
                    entity = self.author
            else:
                entity = self.pronouns.get(token.i)
            return Referent(entity, hops + 1) if entity is not None else None
        if token.pos_ in ("NOUN", "PROPN"):
            return self.noun_actor(token, hops)
        return None

    def noun_actor(self, token: Token, hops: int) -> Referent | None:
        lemma = token.lemma_.lower()
        if (named := self._self_named(token)) is not None:
            return Referent(named, hops)
        if (members := self._members_named(token, hops)) is not None:
            return members
        if token.lower_ in self.lexicon.titles or lemma in self.lexicon.titles:
            for child in token.children:  # "Congressman Ann Lee" parsed with the title as head
                named = self.names.at(child) if child.dep_ in ("appos", "compound") else None
                if named is not None and named.kind == "Person":
                    return Referent(named, hops)
        if (person := self._person_in_apposition(token)) is not None:
            return Referent(person, hops)
        if (
            self.author is not None
            and lemma in AUTHOR_NOUNS
            and any(c.lower_ in ("this", "our") for c in token.children)
            and self.quotes.at(token.idx) is None
        ):
            return Referent(self.author, hops + 1)  # "this board", "our newspaper"
        if lemma in STAND_IN_NOUNS or lemma in SUBORDINATE_NOUNS:
            deps = ("poss", "compound") if lemma in STAND_IN_NOUNS else ("poss",)
            owner = next((c for c in token.children if c.dep_ in deps and c.i < token.i), None)
            if owner is not None and (ref := self.actor(owner, hops=hops + 1)) is not None:
                return ref
            preps = ("of", "under", "for") if lemma in SPOKESPEOPLE else ("of", "under")
            under = next(
                (c for c in token.children if c.dep_ == "prep" and c.lower_ in preps),
                None,
            )
            if under is not None:
                for pobj in under.children:
                    if pobj.dep_ == "pobj" and (ref := self.actor(pobj, hops=hops + 1)):
                        return ref
        described = self.description(token)
        if described is not None:
            return Referent(described, hops + 1)
        if (group := self.counted_group(token)) is not None:
            return Referent(group[0], hops + 1, group[1])
        if lemma in KIND_NOUNS and token.tag_ == "NNS" and self._unspecified(token):
            # "Groups that favor the levy criticized it. The Harbor Alliance said …":
            # unnamed groups are the organisation the next sentence names, or no one
            named_next = self._organisation_next(token)
            return Referent(named_next, hops + 1) if named_next is not None else None
        if (
            token.dep_ in SUBJECT_DEPS
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
            and self.lexicon.actors.get(lemma) in ("Group", "Organization")
            and lemma not in PERSON_NOUNS
            and (named_next := self._organisation_next(token)) is not None
        ):
            return Referent(named_next, hops + 1)  # "A drugmaker sued … Quillon Labs, which …"
        if (
            lemma in self.lexicon.titles
            and (token.tag_ == "NN" or (token.tag_ == "NNP" and token.is_lower))
            and lemma not in self.lexicon.actors
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and not any(c.dep_ in ("poss", "compound", "amod", "prep") for c in token.children)
        ):  # "the president would veto it": one person, though the text never names them
            # (the tagger takes a lower-case "president" for a proper noun at times)
            return Referent(Entity.named(lemma, "Person"), hops + 1)
        if lemma in self.lexicon.actors or self._has_named_modifier(token):
            if lemma in VAGUE or any(
                c.lower_ in VAGUE or c.lemma_.lower() in VAGUE for c in token.children
            ):
                return None
            inside = self._named_inside(token)
            if inside is not None and lemma not in self.lexicon.actors and inside.kind != "Group":
                return Referent(inside, hops)
            return Referent(self._common_actor(token), hops)
        return None

    def _members_named(self, token: Token, hops: int) -> Referent | None:
        """ "the group Harbor Watch": the name in apposition; "opponents, led by the
        Harbor Alliance", "groups such as A and B": the actors named, as a group."""
        if self.names.at(token) is None:
            for child in token.children:
                named = self.names.at(child) if child.dep_ == "appos" else None
                if named is not None and named.kind == "Organization":
                    return Referent(named, hops)
        members: list[Entity] = []
        for tok in included(token):
            ref = self.actor(tok, hops=hops + 1)
            for each in ref.each() if ref is not None else ():
                if each.entity not in members:
                    members.append(each.entity)
        if not members or self.names.at(token) is not None:
            return None
        if len(members) == 1:
            return Referent(members[0], hops + 1)
        label = " and ".join(m.label for m in members)
        return Referent(Entity.named(label, "Group"), hops + 1, tuple(members))

    def _self_named(self, token: Token) -> Entity | None:
        """ "a group of parents calling itself Families for Safe Streets", "a
        coalition known as the Harbor Alliance": the name it goes by."""
        for acl in token.children:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in ("call", "name", "know", "dub"):
                continue
            if acl.lemma_.lower() != "know" and not any(
                c.dep_ == "dobj" and c.lower_ in ("itself", "themselves") for c in acl.children
            ):
                continue
            for tok in acl.subtree:
                named = self.names.at(tok)
                if named is not None and named.is_actor:
                    return named
        return None

    def counted_group(self, token: Token) -> tuple[Entity, tuple[Entity, ...]] | None:
        """ "the two companies", "both senators": the named actors they stand for,
        the last ones of their kind named before, within a few sentences."""
        count = counted(token)
        lemma = token.lemma_.lower()
        if count is None or not (lemma in self.lexicon.actors or lemma in self.lexicon.titles):
            return None
        if conjuncts(token) or included(token):
            return None  # "four Republicans — A, B, C and D": spelled out, not looked up
        if lemma in PERSON_NOUNS or lemma in self.lexicon.titles:
            kind = "Person"
        else:
            kind = "Place" if lemma in PLACE_NOUNS else "Organization"
        sent = token.sent
        for _ in range(SENTENCES_BACK):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        quoted = self.quotes.at(token.idx) is not None
        index, members = self.mentions, []
        for n in range(bisect_left(index.starts, token.i) - 1, -1, -1):
            if index.starts[n] < sent.start or len(members) == count:
                break
            entity = self.names.mention_entities[n]
            if entity.kind != kind or entity in members:
                continue
            if not quoted and self.quotes.at(self.doc[index.starts[n]].idx) is not None:
                continue
            members.append(entity)
        if len(members) < count:
            return None
        members.reverse()
        label = " and ".join(m.label for m in members)
        return Entity.named(label, "Group"), tuple(members)

    def _unspecified(self, token: Token) -> bool:
        """A bare plural: no article, possessor, number or name on it ("groups")."""
        return not self._has_named_modifier(token) and not any(
            c.dep_ in ("det", "poss", "nummod", "predet") for c in token.children
        )

    def _organisation_next(self, token: Token) -> Entity | None:
        """The organisation that is the subject of the next sentence, if that
        sentence is where it is first named."""
        sent = token.sent
        if sent.end >= len(self.doc):
            return None
        following = self.doc[sent.end].sent
        index = self.mentions
        n = bisect_left(index.starts, following.start)
        if n == len(index.starts) or index.starts[n] >= following.end:
            return None
        mention, entity = self.names.mentions[n], self.names.mention_entities[n]
        root = self.doc[mention.start : mention.end].root
        if (
            entity.kind != "Organization"
            or root.dep_ not in SUBJECT_DEPS
            or self.quotes.at(root.idx) is not None
            or self.names.mention_entities.index(entity) != n
        ):
            return None
        return entity

    def _person_in_apposition(self, token: Token) -> Entity | None:
        """The person a party or group word is in apposition with: "one Democrat,
        Rep. Ann Lee, voted …"; "Gov. Ann Lee, a Democrat who signed …"."""
        named = self.names.at(token)
        if named is not None and named.kind != "Group":
            return None
        for child in token.children:
            set_off = child.dep_ == "appos" or (  # "and one Democrat, Rep. Ann Lee", as conj
                child.dep_ == "conj"
                and token.tag_ == "NNP"
                and self.doc[child.left_edge.i - 1].text == ","
                and not any(c.dep_ == "cc" for c in token.children)
            )
            person = self.names.at(child) if set_off else None
            if person is not None and person.kind == "Person":
                return person
        person = self.names.at(token.head) if token.dep_ == "appos" else None
        return person if person is not None and person.kind == "Person" else None

    def _has_named_modifier(self, token: Token) -> bool:
        """ "Republican senators", "union members"; not "Nebraska farmers", whom a
        place only locates."""
        return any(
            c.dep_ in ("amod", "compound", "nmod")
            and (e := self.names.at(c)) is not None
            and e.is_actor
            and e.kind != "Place"
            for c in token.children
        )

    def _named_inside(self, token: Token) -> Entity | None:
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod") and (e := self.names.at(child)):
                return e
        return None

    def _common_actor(self, token: Token) -> Entity:
        """An actor named by a common noun phrase: "northern rebels"."""
        words = noun_label(token).split()
        while words and words[0].lower() in QUANTIFIERS:
            words.pop(0)
        label = " ".join(words) or token.text
        return Entity.named(label, self.lexicon.actors.get(token.lemma_.lower(), "Group"))

    def description(self, token: Token) -> Entity | None:
        """ "the mayor-elect", "the department", "the senator": a known entity."""
        det = next((c for c in token.children if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the":
            return self._own_organisation(token)
        words = {w.lower() for w in noun_label(token).replace("-", " ").split()}
        if not words:
            return None
        head = token.lemma_.lower()
        proper = token.pos_ == "PROPN"  # "the Inflation Reduction Act" names itself
        # "the chair" may be "Commission Chair Ann Lee"; "the commission" is not her
        titled = head not in self.lexicon.actors or head in self.lexicon.titles
        index = self.mentions
        if (
            head in ORGANISATION_NOUNS
            and token.tag_ == "NN"
            and (near := self._organisation_before(token, company=head in COMPANY_NOUNS))
        ):
            return near  # "… the Harbor Alliance. The group's director said …"
        # every match holds every word, so the rarest word's mentions are enough to look at
        postings = min((index.by_word.get(w, ()) for w in words), key=len)
        before = bisect_left(postings, token.i, key=index.starts.__getitem__)
        for n in reversed(postings[:before]):
            if (titled and words <= index.role_words[n]) or (
                not proper and words <= index.label_words[n] and head not in ("city", "state")
            ):
                return self.names.mention_entities[n]
        if titled and head in self.lexicon.titles:
            # "The sheriff of this county said … 'I took an oath,' Sheriff Ann Lee said":
            # a lede's title before the name it is given in the sentences after
            last = token.sent
            for _ in range(TITLE_SENTENCES_AHEAD):
                if last.end >= len(self.doc):
                    break
                last = self.doc[last.end].sent
            title = {head} | {c.lower_ for c in token.lefts if c.dep_ == "compound"}
            # (the head word's own postings: ``before`` is a place in the rarest word's,
            # which ties between words of a set made hash-seed dependent)
            ahead = index.by_word.get(head, ())
            for n in ahead[bisect_left(ahead, token.i, key=index.starts.__getitem__) :]:
                if index.starts[n] >= last.end:
                    break
                if title <= index.role_words[n]:
                    return self.names.mention_entities[n]
        return None

    def _own_organisation(self, token: Token) -> Entity | None:
        """ "my own association", "our union": the organisation named before whose
        name has that noun ("… the Valley Growers Association …"); failing that, rule
        ``coref.owners_organisation``: "his group", "her agency" is the organisation
        the owner was presented with ("Ann Lee, director of the Harbor Fund, …")."""
        head = token.lemma_.lower()
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in OWNERS), None)
        if owner is None:
            return None
        if head in self.lexicon.titles:
            return None
        known = self.lexicon.actors.get(head) is not None  # else only a name's last word
        index = self.mentions
        postings = index.by_word.get(head, ())
        for n in reversed(postings[: bisect_left(postings, token.i, key=index.starts.__getitem__)]):
            entity = self.names.mention_entities[n]
            if (
                entity.kind == "Organization"
                and head in index.label_words[n]
                and (known or entity.label.lower().split()[-1] == head)
            ):
                return entity  # "our guild": "… the Tarn Lockkeepers Guild"
        if not known or head not in ORGANISATION_NOUNS:
            return None
        person = self.actor(owner)
        return self.affiliation(person.entity, token.i) if person is not None else None

    def affiliation(self, person: Entity, before: int) -> Entity | None:
        """The organisation a person is presented with before token ``before``: in
        an apposition ("Ann Lee, director of the Harbor Fund") or in the title
        written before the name ("Harbor Fund Director Ann Lee")."""
        if person.kind != "Person":
            return None
        doc, names = self.doc, self.names
        for mention, entity in zip(names.mentions, names.mention_entities, strict=True):
            if mention.start >= before:
                break
            if entity.key != person.key:
                continue
            around = list(doc[mention.role_start or mention.start : mention.start])
            root = doc[mention.start : mention.end].root
            for child in root.children:
                if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ == "of"):
                    around.extend(child.subtree)
            for tok in around:
                if (org := names.at(tok)) is not None and org.kind == "Organization":
                    return org
        return None

    def _organisation_before(self, token: Token, *, company: bool = False) -> Entity | None:
        """The organisation named last, in this sentence or the one before. For "the
        company" (rule ``coref.company``): the last one named as a business
        ("… Power", "… Holdings") within :data:`COMPANY_SENTENCES_BACK` sentences,
        else the last one near whose name is not that of another kind of body
        ("… Justice Project", "… Commission")."""
        skip = NO_COMPANY_WORDS if company else None
        if company and (
            business := self._named_before(token, COMPANY_SENTENCES_BACK, business=True, skip=skip)
        ):
            return business
        return self._named_before(token, 2, skip=skip)

    def _named_before(
        self,
        token: Token,
        sentences: int,
        *,
        business: bool = False,
        skip: frozenset[str] | None = None,
    ) -> Entity | None:
        """The organisation named last before ``token`` within ``sentences`` sentences
        (this one included), outside quotes; a ``business`` only, or one whose name has
        no word of ``skip``."""
        earliest = token.sent.start
        for _ in range(sentences - 1):
            if earliest == 0:
                break
            earliest = self.doc[earliest - 1].sent.start
        index = self.mentions
        for n in range(bisect_left(index.starts, token.i) - 1, -1, -1):
            if index.starts[n] < earliest:
                break
            entity = self.names.mention_entities[n]
            if entity.kind != "Organization":
                continue
            if self.quotes.at(self.doc[index.starts[n]].idx) is not None:
                continue
            words = entity.label.split()
            if business and words[-1].rstrip(".") not in BUSINESS_WORDS:
                continue
            if skip is not None and not skip.isdisjoint(words):
                continue
            return entity
        return None

    def issue_antecedent(self, token: Token, sentences: Sentences) -> Entity | None:
        """ "the bill", "this legislation", "it": the law named shortly before;
        "introduced legislation to …" followed by "The X Act would …": the X Act."""
        lemma = token.lemma_.lower()
        if (ahead := self._law_named_next(token, sentences)) is not None:
            return ahead
        if token.pos_ == "PRON":
            if lemma not in ("it", "this") or token.dep_ not in ("dobj", "pobj"):
                return None
        elif lemma not in GENERIC_ISSUES or any(
            c.dep_ in ("compound", "amod", "prep", "nmod", "acl", "relcl") for c in token.children
        ):
            return None
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "no") for c in token.children):
            return None
        if token.pos_ == "PRON" and (same := self._object_in_sentence(token, sentences)):
            return same
        if token.pos_ == "PRON" and voted_on(token):
            voted = self._voted_on_before(token, sentences)
            if voted is not None:
                return voted
        index = self.mentions
        issues = index.issue_starts
        before = bisect_left(issues, token.i, key=index.starts.__getitem__)
        limit = 2 if token.pos_ == "PRON" else LAW_SENTENCES_BACK
        quoted = self.quotes.at(token.idx) is not None
        nearer = self._described_before(token)
        while before > 0:
            mention = self.names.mentions[issues[before - 1]]
            if sentences.number(token) - sentences.number(self.doc[mention.start]) > limit:
                break
            if mention.start < nearer:
                break  # "a new state law banning X ... the law": the law described last
            if nearer >= 0 and _inside_description(self.doc[nearer], self.doc[mention.end - 1]):
                before -= 1  # "a resolution under the X Act ... the resolution": not X
                continue
            last = self.doc[mention.end - 1]
            if (
                (quoted or self.quotes.at(self.doc[mention.start].idx) is None)
                and same_kind(token, last)
                and last.lemma_.lower() not in self.lexicon.actors  # "... Defense League"
                and not self._names_a_kind(mention)
            ):
                return issue_from_tokens(list(self.doc[mention.start : mention.end]))
            before -= 1  # a law in someone's quote is not what the narrator's "the bill" means
        if token.pos_ == "NOUN" and nearer < 0 and (only := self._only_law_before(token)):
            return only  # a release names its bill once, at the top, and "the bill" after
        if token.pos_ == "PRON" and self._stance_object(token):
            return self._voted_on_before(token, sentences)  # "backs it", "would sign it"
        return None

    def _names_a_kind(self, mention: NameMention) -> bool:
        """ "exempt parts from Section 232 duties": the law's name only says which
        duties; the noun after it is what the text speaks of."""
        if mention.end >= len(self.doc):
            return False
        after, root = self.doc[mention.end], self.doc[mention.start : mention.end].root
        return after.pos_ == "NOUN" and (
            root.head.i == after.i or after.head.i in range(mention.start, mention.end)
        )

    def _only_law_before(self, token: Token) -> Entity | None:
        """The one law of the right kind the narration names before ``token``, if
        it names only one."""
        index, found = self.mentions, None
        for n in index.issue_starts:
            mention = self.names.mentions[n]
            if mention.start >= token.i:
                break
            if (
                self.quotes.at(self.doc[mention.start].idx) is not None
                or not same_kind(token, self.doc[mention.end - 1])
                or self._names_a_kind(mention)
            ):
                continue
            law = self.names.mention_entities[n]
            if found is not None and law.key != found[0].key:
                return None
            found = (law, mention)
        if found is None:
            return None
        return issue_from_tokens(list(self.doc[found[1].start : found[1].end]))

    def _described_before(self, token: Token) -> int:
        """Where the same noun was last described in words of its own ("a new state
        law banning X" before "the law"), or -1."""
        if token.pos_ != "NOUN":
            return -1
        lemma = token.lemma_.lower()
        for tok in reversed(self.doc[: token.i]):
            if (
                tok.pos_ == "NOUN"
                and tok.lemma_.lower() == lemma
                and self.names.at(tok) is None
                and any(
                    c.dep_ in ("amod", "compound", "acl", "relcl", "prep") for c in tok.children
                )
            ):
                return tok.i
        return -1

    def _stance_object(self, pronoun: Token) -> bool:
        """ "backs it", "argued against it": what a support or opposition verb takes."""
        verb, prep = pronoun.head, None
        if pronoun.dep_ == "pobj":
            verb, prep = pronoun.head.head, pronoun.head.lower_
        return any(
            cue.issue_predicate in ("supports", "opposes") and cue.prep == prep
            for cue in self.lexicon.cues_for(verb.lemma_.lower(), "VERB")
        )

    def _law_named_next(self, token: Token, sentences: Sentences) -> Entity | None:
        """An unnamed new law ("a bill", "legislation to …") named right after it."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in NEW_LAWS or self.names.at(token):
            return None
        det = next((c for c in token.children if c.dep_ in ("det", "poss")), None)
        if det is not None and det.lower_ not in ("a", "an"):
            return None
        if any(c.dep_ == "amod" and c.lower_ in OTHER_LAWS for c in token.children):
            return None  # "backed a comparable measure": not the one named next
        index = self.mentions
        issues = index.issue_starts
        after = bisect_right(issues, token.i, key=index.starts.__getitem__)
        if after == len(issues):
            return None
        mention = self.names.mentions[issues[after]]
        if (
            sentences.number(self.doc[mention.start]) - sentences.number(token)
            > LAW_SENTENCES_AHEAD
        ):
            return None
        law = self.names.mention_entities[issues[after]]
        if any(self.names.mention_entities[n].key == law.key for n in issues[:after]):
            return None  # "a bill (that would …)" is a new one, not a law the text named before
        if _inside_description(token, self.doc[mention.end - 1]):
            return None  # "a bill amending the X Act": not the X Act
        return issue_from_tokens(list(self.doc[mention.start : mention.end]))

    def _voted_on_before(self, pronoun: Token, sentences: Sentences) -> Entity | None:
        """ "Voting for the pilot were A and B. C and D voted against it.": the pilot,
        the nearest thing voted on in this or the two sentences before (a sentence's
        subject before its objects: "The amendment would have cut the program")."""
        sent = sentences.of(pronoun)
        for _ in range(3):
            found = [
                tok
                for tok in self.doc[sent.start : min(sent.end, pronoun.i)]
                if tok.pos_ == "NOUN"
                and tok.lemma_.lower() in VOTED_ON
                and tok.dep_ not in ("compound", "amod", "poss")
                and not any(
                    a.pos_ == "NOUN" and a.lemma_.lower() in VOTED_ON for a in tok.ancestors
                )
            ]
            if found:
                tok = next((t for t in found if t.dep_ in SUBJECT_DEPS), found[-1])
                law = self.issue_antecedent(tok, sentences)
                return law or issue_from_tokens([t for t in phrase_tokens(tok) if t.i >= tok.i - 3])
            if sent.start == 0:
                break
            sent = sentences.of(self.doc[sent.start - 1])
        return None

    def _object_in_sentence(self, pronoun: Token, sentences: Sentences) -> Entity | None:
        """ "called the toll a cash grab and vowed to fight it": the toll; "said the X Act
        would raise fees and urged members to oppose it": the law named as a subject."""
        sent = sentences.of(pronoun)
        for tok in sent[: pronoun.i - sent.start]:
            if tok.dep_ not in SUBJECT_DEPS:
                continue
            named = self.names.at(tok)
            if named is not None and named.kind == "Issue":
                return named
            if tok.lemma_.lower() in GENERIC_ISSUES and tok.pos_ == "NOUN":
                return self.issue_antecedent(tok, sentences) or issue_from_tokens(
                    phrase_tokens(tok)
                )
        quoted = self.quotes.at(pronoun.idx) is not None
        for tok in reversed(sent[: pronoun.i - sent.start]):
            if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
                continue
            lemma = tok.lemma_.lower()
            if lemma in self.lexicon.titles or lemma in self.lexicon.actors:
                continue  # "the president would veto it": a person, not what "it" is
            if not quoted and self.quotes.at(tok.idx) is not None:
                continue  # "calling it 'a stunt'": someone's words about it
            if tok.is_ancestor(pronoun):
                continue  # "submitted testimony opposing it": not the testimony
            if (
                tok.dep_ == "dobj"
                and pronoun in tok.head.subtree
                and any(
                    c.dep_ in ("xcomp", "ccomp") and pronoun in c.subtree for c in tok.head.children
                )
            ):
                continue  # "urged members to oppose it": the members are asked, not opposed
            if self.names.at(tok) is None and self.noun_actor(tok, 0) is None:
                return issue_from_tokens(phrase_tokens(tok))
        return None


def same_kind(noun: Token, name_head: Token) -> bool:
    """Whether "the law" can mean a name ending in ``name_head``: a law can be "the Clean
    Ponds Act", not "the Second Amendment" nor "the Harbor Accord"."""
    mine = ISSUE_KINDS.get(noun.lemma_.lower())
    while name_head.like_num and name_head.i > 0:  # "Senate Bill 58" is a bill
        name_head = name_head.doc[name_head.i - 1]
    theirs = ISSUE_KINDS.get(name_head.lemma_.lower())
    return mine is None or theirs is None or bool(mine & theirs)


def may_stand_for_group(token: Token) -> bool:
    """Whether ``token`` may be a group of named actors (a :class:`Referent` with
    ``members``): a counted plural (:meth:`Resolver.counted_group`) or a noun
    that names its members (:meth:`Resolver._members_named`). Every other word
    that stands for a group reaches it through one of these, so the analysis
    finds every group by asking these words only: a new way of making a group
    must be added here."""
    return token.pos_ in ("NOUN", "PROPN") and (counted(token) is not None or bool(included(token)))


def counted(token: Token) -> int | None:
    """How many a counted plural stands for ("the two companies", "both senators")."""
    if token.tag_ != "NNS":
        return None
    return next(
        (
            COUNTS[c.lower_]
            for c in token.children
            if c.dep_ in ("nummod", "det", "predet", "preconj") and c.lower_ in COUNTS
        ),
        None,
    )


def voted_on(pronoun: Token) -> bool:
    """ "voted for it", "voted against it", "voted on it"."""
    prep = pronoun.head
    return (
        pronoun.dep_ == "pobj"
        and prep.lower_ in ("for", "against", "on")
        and prep.head.lemma_.lower() == "vote"
    )


def antecedent_candidates(resolver: Resolver) -> tuple[Candidate, ...]:
    """Candidate antecedents: named mentions, and common-noun actors as subjects.

    A nationality inside an actor phrase ("the Fijian rebels") stands for the
    whole phrase. ``resolver`` knows no pronouns yet.
    """
    doc, lexicon, names = resolver.doc, resolver.lexicon, resolver.names
    out = []
    for mention, entity in zip(names.mentions, names.mention_entities, strict=True):
        tok = doc[mention.start : mention.end].root
        if tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in lexicon.actors:
            continue
        if entity.kind == "Place" and tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN":
            continue  # "Florida families … They": a place that locates a noun is not "they"
        out.append(Candidate(mention.start, tok, entity))
    named = set(names.mention_entities)
    for tok in tokens_where(doc, pos=("NOUN",), dep=SUBJECT_DEPS):
        lemma = tok.lemma_.lower()
        if lemma not in lexicon.actors and lemma not in lexicon.titles:
            continue
        ref = resolver.noun_actor(tok, 0)  # "the sheriff said … his", "the two firms … they"
        if ref is not None and (ref.hops == 0 or ref.members or ref.entity in named):
            out.append(Candidate(tok.i, tok, ref.entity))
    return tuple(sorted(out, key=lambda c: c.start))


def resolve_pronouns(
    doc: Doc,
    candidates: tuple[Candidate, ...],
    sentences: Sentences,
    quotes: Quotes,
    actor_nouns: Container[str] = frozenset(),
) -> dict[int, Entity]:
    """The antecedent of every third-person pronoun, in document order.

    The nearest compatible candidate within :data:`SENTENCES_BACK` sentences,
    subjects preferred; a person's gender is learned from the first "he" or
    "she" that resolves to them. An "it" that a copula judges ("It is the right
    call", "It was a mistake") is a situation, no actor (rule ``coref.verdict_it``;
    ``actor_nouns`` are the nouns that do make it one: "It is a nonprofit").
    """
    starts = [c.start for c in candidates]
    gender: dict[str, str] = {}
    found: dict[int, Entity] = {}
    for token in tokens_where(doc, lower=THIRD_PERSON):
        lower = token.lower_
        if not (token.pos_ == "PRON" or token.tag_ in PRONOUN_TAGS):
            continue
        if lower in NEUTER and token.dep_ == "dobj" and token.head.lemma_.lower() in LAW_VERBS:
            continue  # "she would sign it": a law, not an organisation
        if lower in NEUTER and voted_on(token):
            continue  # "three members voted against it": a measure, not the council
        if lower == "it" and _judged_situation(token, actor_nouns):
            continue  # "It is the right call": what is happening, not an organisation
        found_at = _antecedent(token, candidates, starts, sentences, quotes, gender, chain=found)
        if found_at is None:
            continue
        start, entity = found_at
        if lower in PLURAL and _plural_subject_between(token, start, sentences):
            continue
        if lower in PLURAL and _indefinite_between(token, start, sentences):
            continue
        if lower == "it" and token.dep_ in SUBJECT_DEPS and _thing_subject_before(token, start):
            continue
        found[token.i] = entity
        if entity.kind == "Person" and (lower in MALE or lower in FEMALE):
            gender.setdefault(entity.key, "m" if lower in MALE else "f")
    return found


def _judged_situation(pronoun: Token, actor_nouns: Container[str]) -> bool:
    """ "It is the right call", "It was a victory for the town": "it" as the subject
    of a copula whose complement is a common noun that names no actor."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return False
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    return (
        attr is not None
        and attr.pos_ == "NOUN"
        and not attr.ent_type_
        and attr.lemma_.lower() not in actor_nouns
    )


def unquote_speakers(
    doc: Doc,
    candidates: tuple[Candidate, ...],
    sentences: Sentences,
    quotes: Quotes,
    pronouns: Mapping[int, Entity],
    speakers: Mapping[int, Entity],
    affiliation: Callable[[Entity, int], Entity | None] | None = None,
) -> dict[int, Entity]:
    """``pronouns`` with every "he", "she" or "it" inside a quotation that was
    taken for the quotation's own speaker resolved again without them: a speaker
    says "I", so her "He vetoed it anyway" means someone else. So with "they" or
    "it" taken for the organisation the speaker was presented with (``affiliation``
    of the speaker before a token): she says "we" of her own group."""
    starts = [c.start for c in candidates]
    gender: dict[str, str] = {}
    for i, entity in pronouns.items():
        lower = doc[i].lower_
        own = speakers.get(i) == entity and quotes.at(doc[i].idx) is not None
        if entity.kind == "Person" and (lower in MALE or lower in FEMALE) and not own:
            gender.setdefault(entity.key, "m" if lower in MALE else "f")
    fixed = dict(pronouns)
    for i, entity in sorted(pronouns.items()):
        token = doc[i]
        speaker = speakers.get(i)
        if speaker is None or quotes.at(token.idx) is None:
            continue
        if speaker != entity and (
            affiliation is None
            or entity.kind != "Organization"
            or affiliation(speaker, i) != entity
        ):
            continue
        chained = _same_pronoun_before(token, fixed, sentences, entity)
        found_at = (
            (i, chained)
            if chained is not None
            else _antecedent(token, candidates, starts, sentences, quotes, gender, exclude=entity)
        )
        if found_at is None:
            del fixed[i]
        else:
            fixed[i] = found_at[1]
    return fixed


def _same_pronoun_before(
    token: Token, pronouns: Mapping[int, Entity], sentences: Sentences, exclude: Entity
) -> Entity | None:
    """What the nearest pronoun of the same gender and number before ``token``, within
    :data:`SENTENCES_BACK` sentences, refers to, unless that is ``exclude``: "the only
    Democrat to support her. … 'I cannot support her'" is the same woman."""
    kind = _pronoun_kind(token.lower_)
    here = sentences.number(token)
    for i in sorted((j for j in pronouns if j < token.i), reverse=True):
        before = token.doc[i]
        if here - sentences.number(before) > SENTENCES_BACK:
            return None
        if _pronoun_kind(before.lower_) == kind:
            return pronouns[i] if pronouns[i] != exclude else None
    return None


def _pronoun_kind(lower: str) -> str:
    if lower in MALE:
        return "m"
    if lower in FEMALE:
        return "f"
    return "n" if lower in NEUTER else "p"


def _plural_subject_between(pronoun: Token, after: int, sentences: Sentences) -> bool:
    """ "Florida families are not asking for a train. They …": a plural subject
    that names no actor, after the actor found (token ``after``) and in this
    sentence or the one before, is who "they" are."""
    first = sentences.all[max(sentences.number(pronoun) - 1, 0)].start
    doc = pronoun.doc
    return any(
        tok.dep_ in SUBJECT_DEPS and tok.tag_ == "NNS" and not tok.ent_type_
        for tok in doc[max(first, after + 1) : pronoun.i]
    )


#: Words for an unnamed person that a singular "they" may stand for: "someone … they".
INDEFINITE = frozenset(
    """someone somebody anyone anybody everyone everybody nobody whoever""".split()
)


def _indefinite_between(pronoun: Token, after: int, sentences: Sentences) -> bool:
    """ "Someone walks up with a book they don't want their child to read. I thank
    them": an unnamed person, after the actor found (token ``after``) and in this
    sentence or the one before, is who "they" is."""
    first = sentences.all[max(sentences.number(pronoun) - 1, 0)].start
    return any(tok.lower_ in INDEFINITE for tok in pronoun.doc[max(first, after + 1) : pronoun.i])


def _thing_subject_before(pronoun: Token, after: int) -> bool:
    """ "If a facility fails to repair a leak, it would have to …": a subject
    that names a thing, earlier in the sentence than "it" and after the actor
    found (token ``after``), is what "it" is."""
    sent = pronoun.sent
    return any(
        tok.dep_ in SUBJECT_DEPS and tok.tag_ == "NN" and not tok.ent_type_
        for tok in pronoun.doc[max(sent.start, after + 1) : pronoun.i]
    )


def _antecedent(
    token: Token,
    candidates: tuple[Candidate, ...],
    starts: list[int],
    sentences: Sentences,
    quotes: Quotes,
    gender: Mapping[str, str],
    exclude: Entity | None = None,
    chain: Mapping[int, Entity] | None = None,
) -> tuple[int, Entity] | None:
    """The nearest compatible candidate (not ``exclude``): where it starts, and its
    entity. A person last called "she" (or "he") in ``chain``, the pronouns resolved
    so far, is as near as that pronoun."""
    lower = token.lower_
    sent_no = sentences.number(token)
    last_called: dict[str, int] = {}
    if chain and (lower in MALE or lower in FEMALE):
        kind = _pronoun_kind(lower)
        for i, entity in chain.items():
            if i < token.i and _pronoun_kind(token.doc[i].lower_) == kind:
                last_called[entity.key] = max(i, last_called.get(entity.key, i))
    excluded = co_arguments(token)
    quoted = quotes.at(token.idx) is not None
    best: tuple[float, int, Entity] | None = None
    for n in range(bisect_left(starts, token.i) - 1, -1, -1):
        start, mention_token, entity = (
            candidates[n].start,
            candidates[n].token,
            candidates[n].entity,
        )
        distance = sent_no - sentences.number(mention_token)
        if distance > SENTENCES_BACK:
            break
        if last_called.get(entity.key, -1) > start:
            distance = sent_no - sentences.number(token.doc[last_called[entity.key]])
        if start in excluded or entity == exclude:
            continue
        if not quoted and quotes.at(mention_token.idx) is not None:
            continue  # a name inside someone's quote is not who the narrator means
        if not _compatible(lower, entity, gender):
            continue
        if lower in NEUTER and distance == 0 and mention_token.dep_ not in SUBJECT_DEPS:
            continue  # "opponents, including the NRA, argue it ...": "it" is not the NRA
        if (
            lower in NEUTER
            and entity.kind == "Place"
            and (distance > 1 or mention_token.dep_ not in SUBJECT_DEPS)
        ):
            continue  # "Syria says it will not": a place is "it" only as a subject close by
        if lower in NEUTER and mention_token.dep_ in ("compound", "amod", "nmod"):
            continue  # "the CFA director said ... it": a name inside a title is not "it"
        score = -10.0 * distance + start / 10_000
        if mention_token.dep_ in SUBJECT_DEPS or (
            mention_token.dep_ == "poss" and mention_token.head.dep_ in SUBJECT_DEPS
        ):
            score += 5
        if (lower in MALE or lower in FEMALE) and entity.key in gender:
            score += 6  # "she" is likelier someone already called "she" than someone never was
        if best is None or score > best[0]:
            best = (score, start, entity)
    return None if best is None else (best[1], best[2])


def _compatible(pronoun: str, entity: Entity, gender: Mapping[str, str]) -> bool:
    if pronoun in MALE or pronoun in FEMALE:
        wanted = "m" if pronoun in MALE else "f"
        return entity.kind == "Person" and gender.get(entity.key) in (None, wanted)
    if pronoun in NEUTER:
        return entity.kind in ("Organization", "Place")
    if pronoun in PLURAL:
        return entity.kind in ("Group", "Organization", "Place")
    return False


def conjuncts(token: Token) -> list[Token]:
    """ "A, B and C": the tokens joined to ``token`` by conj (or, in a list of
    names, the apposition the parser mistook for one); the names a plural
    spells out ("council members A, B and C", "four Republicans — A, B …")."""
    out = []
    plural = token.tag_ in ("NNS", "NNPS")
    stack = [
        c
        for c in token.children
        if c.dep_ == "conj"
        or (
            c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and (plural or (token.pos_ == "PROPN" and any(g.dep_ == "conj" for g in c.children)))
        )
    ]
    for role in token.children:  # "A, a member of the X Committee, and B": B hangs on "member"
        if role.dep_ == "appos" and role.pos_ == "NOUN":
            stack.extend(c for c in role.children if c.dep_ == "conj" and c.pos_ == "PROPN")
        elif (  # "the X Union and Y Alliance", parsed as one name with the first inside
            role.dep_ == "nmod"
            and role.pos_ == "PROPN"
            and any(g.dep_ == "cc" and g.lower_ == "and" for g in role.children)
        ):
            stack.append(role)
    if token.pos_ == "PROPN" and not stack:
        stack.extend(_listed_after_of(token) or _after_home_town(token))
    if not stack and (partner := _tagged_partner(token)) is not None:
        stack.append(partner)
    while stack:
        tok = stack.pop(0)
        if tok in out:
            continue
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
        stack.extend(_after_home_town(tok))
    return out


def _after_home_town(name: Token) -> list[Token]:
    """ "Reps. A of Elmton, B of Quarrytown and C of Pellsford": the parser hangs each
    next name on the town of the one before."""
    return [
        c
        for prep in name.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for town in prep.children
        if town.dep_ == "pobj" and town.pos_ == "PROPN"
        for c in town.children
        if c.dep_ == "conj" and c.pos_ == "PROPN"
    ]


def _listed_after_of(token: Token) -> list[Token]:
    """ "the Guild of Pond Keepers, the Lake League and the Water Circle": the parser hangs
    the second name on the last word of the first ("Keepers") and the third on the second."""
    return [
        name
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN"
        for name in pobj.children
        if name.dep_ == "appos"
        and name.pos_ == "PROPN"
        and any(c.dep_ == "conj" for c in name.children)
    ]


def _tagged_partner(token: Token) -> Token | None:
    """ "A (D-Vt.) and B (R-Ore.)", "Commissioners A and B": the other name of a pair the
    parser broke (the "and" hangs on A with no conjunct; B is a subject of its own)."""
    if token.pos_ != "PROPN":
        return None
    doc = token.doc
    cc = next((c for c in token.children if c.dep_ == "cc" and c.i > token.i), None)
    if cc is None and token.left_edge.i > 0:
        cc = doc[token.left_edge.i - 1]  # B asks: the "and" right before its name
        first = cc.head
        if cc.dep_ == "cc" and first.i < cc.i and first.pos_ == "PROPN" and _orphan(first, cc):
            return first
        return None
    if cc is None or not _orphan(token, cc):
        return None
    return next(
        (t for t in doc[cc.i + 1 : cc.i + 6] if t.pos_ == "PROPN" and t.dep_ != "compound"), None
    )


def _orphan(first: Token, cc: Token) -> bool:
    """``cc`` joins nothing to ``first``."""
    return cc.lower_ in ("and", "&") and not any(c.dep_ == "conj" for c in first.children)


def included(token: Token) -> list[Token]:
    """ "Environmental groups, including the Sierra Club and Greenpeace", "firms
    such as A and B", "opponents, led by the Harbor Alliance": the members named."""
    out = []
    for child in token.children:
        if child.dep_ == "prep" and (
            child.lower_ in ("including", "like")
            or (child.lower_ == "as" and any(c.lower_ == "such" for c in child.children))
        ):
            preps = [child]
        elif child.dep_ == "acl" and child.lemma_.lower() in ("lead", "head"):
            preps = [c for c in child.children if c.dep_ == "agent"]
        else:
            continue
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    out.extend([pobj, *conjuncts(pobj)])
    return out


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Brandt, whom she accused" → Brandt."""
    verb = token.head
    while verb.dep_ not in ("relcl", "acl") and verb.head.i != verb.i:
        if verb.dep_ == "ROOT":
            return None
        verb = verb.head
    if verb.dep_ in ("relcl", "acl"):
        noun = verb.head
        of = noun.head if noun.dep_ == "pobj" else None
        if of is not None and of.lower_ == "of" and of.head.lower_ == "one":
            one = of.head  # "Ann Lee, one of the six members who voted yes": Ann Lee
            return one.head if one.dep_ == "appos" else one
        return noun
    return None


def co_arguments(token: Token) -> set[int]:
    """Token indices a pronoun cannot refer to: the other arguments of its verb."""
    if token.dep_ == "poss":
        return set()
    verb = token.head
    out: set[int] = set()
    for child in verb.children:
        if child.i == token.i:
            continue
        if (
            child.lower_ in RELATIVE
            and child.dep_ != "mark"  # "said that she would": "that" joins, it stands for no one
            and (ante := relative_antecedent(child)) is not None
        ):
            out.update(t.i for t in ante.subtree if t.i <= ante.i)
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "dative"):
            out.update(t.i for t in child.subtree)
    if verb.dep_ in ("relcl", "acl"):
        noun = verb.head  # "the only senator to back her": not the senator
        out.update(t.i for t in noun.subtree if t.i <= noun.i)
        if noun.dep_ == "appos":  # "X, the only senator to back her": not X either
            out.update(t.i for t in noun.head.subtree if t.i <= noun.head.i)
    return out


def _inside_description(noun: Token, named: Token) -> bool:
    """Whether the law name at ``named`` is part of what ``noun`` is said to do or rest
    on ("a resolution under the X Act", "a bill amending the X Act"), not its name
    ("a bill, the X Act")."""
    node = named
    while node.head.i != node.i:
        if node.head.i == noun.i:
            return node.dep_ in ("prep", "acl", "relcl")
        node = node.head
    return False
