"""Readable labels for targets: compact noun phrases and action phrases.

"the Springfield Transit Authority (STA) will not assist with fare
enforcement operations under her leadership" becomes the target "STA
assisting with fare enforcement operations", not the whole clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Token

from kg.extract.doctext import memo, parentheses
from kg.model import Entity, slugify

#: Children dropped from a noun phrase label.
DROP_DEPS = frozenset(
    {"det", "predet", "relcl", "appos", "acl", "punct", "advmod", "cc", "conj", "preconj", "neg"}
)
#: Possessive and demonstrative words dropped from the front of a label.
DROP_WORDS = frozenset(
    """his her its their our my your this these that those any all some such every each the
    a an""".split()
)
#: Prepositions whose phrase stays in a label ("assistance with fare checks").
KEEP_PREPS = frozenset(
    {
        "of",
        "for",
        "with",
        "on",
        "to",
        "against",
        "in",
        "into",
        "from",
        "by",
        "at",
        "toward",
        "towards",
    }
)
#: Prepositions that say where an action leads, kept after its object too.
DIRECTION_PREPS = frozenset({"toward", "towards"})
#: Prepositions of a verb's second argument after its object: "tie the rule to rebates",
#: "put $1 billion into a rail line", "slap a tariff on parts", "bar drivers from using
#: phones", "collect signatures for a recall" (one such phrase is kept).
GOAL_PREPS = frozenset({"to", "into", "onto", "on", "from", "for"})
MAX_WORDS = 9
#: Words a label shortened to :data:`MAX_WORDS` may not end on.
DANGLING = frozenset("to of for with on in into from by at and or the a an".split())
TIME_WORDS = frozenset({"year", "month", "week", "day", "decade", "time", "hour", "moment", "now"})
STOP_LEMMAS = frozenset(
    {"the", "a", "an", "of", "to", "for", "with", "on", "in", "and", "'s", "’s"}
)


#: Head nouns that, with a determiner only, refer back to a named law or plan.
GENERIC_ISSUES = frozenset(
    """bill legislation measure law act proposal plan policy resolution amendment ordinance
    initiative package treaty agreement deal""".split()
)
#: Heads whose infinitive says what they are about ("the decision to expand drilling").
ACTION_HEADS = frozenset(
    """decision move plan proposal effort attempt bid push order call vote rule legislation
    bill measure resolution amendment ordinance motion lawsuit suit petition""".split()
)


def phrase_tokens(head: Token, *, depth: int = 0) -> list[Token]:
    """The tokens of a compact noun phrase headed by ``head`` (worked out once per
    token: several rules label the same words)."""
    doc = head.doc
    known = memo(doc, "phrase_tokens")
    key = (head.i, depth)
    found = known.get(key)
    if found is None:
        found = known[key] = tuple(t.i for t in _phrase_tokens(head, depth))
    return [doc[i] for i in found]


def _phrase_tokens(head: Token, depth: int) -> list[Token]:
    tokens = [head]
    if head.lemma_.lower() in ACTION_HEADS | GENERIC_ISSUES and depth == 0:
        for child in [*head.children, *_purpose_of_object(head)]:
            if _defining_clause(child):
                tokens.extend(t for t in child.subtree if t.dep_ not in ("punct", "det"))
    for child in head.children:
        if child.dep_ in DROP_DEPS or child.is_space:
            continue
        if child.dep_ == "poss" and child.pos_ == "PRON":
            continue
        if child.dep_ == "prep":
            if depth >= 1 or child.lower_ not in KEEP_PREPS or child.i < head.i:
                continue
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and not is_time(c)]
            if not objects:
                continue
            tokens.append(child)
            tokens.extend(phrase_tokens(objects[0], depth=depth + 1))
            continue
        if child.dep_ in (
            "dobj",
            "pobj",
            "compound",
            "amod",
            "nmod",
            "nummod",
            "poss",
            "prt",
            "quantmod",
            "npadvmod",
            "case",
        ):
            tokens.extend(phrase_tokens(child, depth=depth + (child.dep_ in ("dobj", "pobj"))))
    tokens = _inside_parentheses_removed(sorted(set(tokens), key=lambda t: t.i))
    return tokens


def _purpose_of_object(noun: Token) -> list[Token]:
    """ "introduced legislation to let states redirect X": the parser hangs the
    infinitive on the verb, right after its object."""
    if noun.dep_ != "dobj":
        return []
    return [
        c
        for c in noun.head.children
        if c.dep_ == "advcl"
        and c.left_edge.i == noun.right_edge.i + 1
        and c.left_edge.lower_ == "to"
    ]


def _defining_clause(clause: Token) -> bool:
    """A clause that says which law or plan a generic noun is: "legislation to let
    states redirect X", "a law banning X", "any amendment that speeds up X"; not one set
    off by a comma ("the bill, which passed in May")."""
    if clause.dep_ not in ("acl", "relcl", "advcl") or clause.pos_ not in ("VERB", "AUX"):
        return False
    if any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
        return True
    first = clause.left_edge
    if first.i > 0 and clause.doc[first.i - 1].is_punct:
        return False
    if clause.dep_ == "acl":
        return clause.tag_ == "VBG" and not any(
            c.dep_ in ("aux", "nsubj", "mark") for c in clause.children
        )
    return any(
        c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in clause.children
    ) and not any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in clause.children)


def is_time(token: Token) -> bool:
    """ "for years", "in June": a time phrase is not part of what a stance is about."""
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in TIME_WORDS


def _inside_parentheses_removed(tokens: list[Token]) -> list[Token]:
    """Drop what stands in parentheses in the text: "Authority (STA)" → "Authority"."""
    if not tokens:
        return tokens
    first, last = tokens[0].i, tokens[-1].i
    marks = parentheses(tokens[0].doc)
    at = bisect_left(marks, first)
    if at == len(marks) or marks[at] > last:  # no parenthesis in the span: all stay
        return [t for t in tokens if first <= t.i <= last]
    depth, keep = 0, []
    for tok in tokens[0].doc[first : last + 1]:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            keep.append(tok.i)
    wanted = set(keep)
    return [t for t in tokens if t.i in wanted]


def render(tokens: list[Token]) -> str:
    """Join tokens with the spacing they had in the text, trimmed and shortened."""
    while tokens and (
        (tokens[0].lower_ in DROP_WORDS and not _hyphenated(tokens[0])) or tokens[0].is_punct
    ):
        tokens = tokens[1:]  # "the bill", not the "Any" of "the Any-Hour Pharmacy Act"
    while tokens and (
        tokens[-1].is_punct
        or tokens[-1].dep_ == "case"
        or (tokens[-1].dep_ in ("prep", "cc") and tokens[-1].is_alpha)  # not "17" of "24-17"
    ):
        tokens = tokens[:-1]
    words = []
    for n, tok in enumerate(tokens[: MAX_WORDS + 3]):
        if n and tokens[n - 1].i + 1 == tok.i and not tokens[n - 1].whitespace_:
            words[-1] += tok.text
        else:
            words.append(tok.text)
    words = words[:MAX_WORDS]
    while len(words) > 1 and words[-1].lower() in DANGLING:
        words.pop()  # cut short after "to": "legislation to let states redirect grants"
    # each run of white space one space (as re.sub(r"\s+", " ", …): str.split and re's \s
    # take the same characters; the ends go with the punctuation)
    return " ".join(" ".join(words).split()).strip(" ,;:")


def _hyphenated(token: Token) -> bool:
    """Whether ``token`` is the first part of a hyphenated word: "Any" of "Any-Hour"."""
    doc, i = token.doc, token.i
    return not token.whitespace_ and i + 2 < len(doc) and doc[i + 1].text in "-–"


def noun_label(head: Token) -> str:
    return render(phrase_tokens(head))


#: Verbs of two syllables stressed on the last, whose consonant doubles: "beginning".
STRESSED_LAST = frozenset(
    """begin commit permit submit admit omit emit remit transmit refer prefer defer deter
    confer infer incur occur recur concur control patrol compel propel expel repel
    rebel regret forget equip acquit abet allot""".split()
)
#: Verbs of beginning or going on with something: what is begun is the action.
ASPECTUAL = frozenset({"begin", "start", "continue", "keep", "resume"})


def gerund(lemma: str) -> str:
    """The -ing form of a verb lemma.

    >>> [gerund(v) for v in ("assist", "dismantle", "plan", "tie", "see", "open", "re-open")]
    ['assisting', 'dismantling', 'planning', 'tying', 'seeing', 'opening', 're-opening']
    >>> [gerund(v) for v in ("begin", "submit", "control", "visit")]
    ['beginning', 'submitting', 'controlling', 'visiting']
    """
    if lemma.rsplit("-", 1)[-1] in STRESSED_LAST:
        return lemma + lemma[-1] + "ing"
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return lemma[:-1] + "ing"
    if (
        len(re.findall(r"[aeiou]+", lemma.rsplit("-", 1)[-1])) == 1  # one syllable: "plan", "ban"
        and re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma)
        and not lemma.endswith(("w", "x", "y"))
    ):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def action_tokens(verb: Token) -> list[Token]:
    """The verb's object and first prepositional phrase, compacted."""
    tokens: list[Token] = []
    has_object = any(c.dep_ in ("dobj", "attr", "oprd") and c.pos_ != "PRON" for c in verb.children)
    preps = 1 if has_object else 0
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in ("dobj", "dative", "attr", "oprd") and child.pos_ != "PRON":
            tokens.extend(phrase_tokens(child))
        elif child.dep_ == "prt":
            tokens.append(child)
        elif (
            child.dep_ == "prep"
            and child.lower_ in KEEP_PREPS
            and (
                preps == 0
                or child.lower_ in DIRECTION_PREPS  # "shift the funds toward X"
                or (preps == 1 and has_object and child.lower_ in GOAL_PREPS)
            )
        ):
            objects = [
                c
                for c in child.children
                if c.dep_ in ("pobj", "pcomp")
                and c.pos_ != "PRON"
                and c.tag_ not in ("WP", "WDT")
                and not any(g.tag_ in ("WP", "WDT", "WRB") for g in c.children)
            ]
            if objects:
                preps += 1
                tokens.append(child)
                tokens.extend(phrase_tokens(objects[0], depth=1))
        elif child.dep_ == "xcomp" and child.pos_ == "VERB":
            tokens.extend(t for t in [child, *action_tokens(child)])
        elif child.dep_ == "ccomp" and child.pos_ in ("ADJ", "NOUN"):
            # "make the pilot permanent", "make enforcement a priority": what is made so
            for sub in child.children:
                if sub.dep_ == "nsubj" and sub.pos_ != "PRON":
                    tokens.extend(phrase_tokens(sub))
            tokens.append(child)
        elif child.dep_ == "ccomp" and child.pos_ == "VERB" and not has_object:
            # "allow the planes to land": who is allowed, and to do what
            for sub in child.children:
                if sub.dep_ in ("nsubj", "nsubjpass") and sub.pos_ != "PRON":
                    tokens.extend(phrase_tokens(sub))
                elif sub.dep_ == "aux" and sub.lower_ == "to":
                    tokens.append(sub)
            tokens.extend([child, *action_tokens(child)])
    return sorted(set(tokens), key=lambda t: t.i)


def verb_word(verb: Token) -> str:
    """The verb with a prefix the tokenizer split off: "re-open"."""
    doc, i = verb.doc, verb.i
    if (
        i >= 2
        and doc[i - 1].text in "-–"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    ):
        return f"{doc[i - 2].lower_}-{verb.lemma_.lower()}"
    return verb.lemma_.lower()


def is_verb_fragment(verb: Token) -> bool:
    """ "re" and "-" of "re-open", which the parser may take for verbs of their own."""
    doc, i = verb.doc, verb.i
    return verb.is_punct or (i + 1 < len(doc) and doc[i + 1].text in "-–" and not verb.whitespace_)


def action_label(verb: Token, subject: str | None = None) -> str:
    """ "STA assisting with fare enforcement operations"."""
    if verb.lemma_.lower() in ASPECTUAL:  # "will begin collecting signatures for X"
        inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if inner is not None:
            return action_label(inner, subject)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    head = f"being {verb.text}" if passive else gerund(verb_word(verb))
    rest = render(action_tokens(verb)) if action_tokens(verb) else ""
    # render() drops a leading determiner; keep the verb's own words in order
    parts = [p for p in (subject, head, rest) if p]
    words = " ".join(parts).split()
    return " ".join(words[: MAX_WORDS + 2])


def issue_key(label: str, tokens: list[Token] | None = None) -> str:
    """A key under which differently worded mentions of one issue meet.

    Lemmas of content words, so that "sanctuary city policies" and
    "sanctuary city policy" are one issue.
    """
    if tokens:
        # "paid family leave" is one issue whatever the parser made of "paid"
        lemmas = [
            (t.lower_ if t.tag_ in ("VBN", "VBD", "JJ") else t.lemma_.lower())
            for t in tokens
            if t.lemma_.lower() not in STOP_LEMMAS and not t.is_punct
        ]
        if lemmas:
            return slugify(" ".join(lemmas))
    return slugify(label)


def issue_from_tokens(tokens: list[Token]) -> Entity | None:
    """An issue entity labelled by ``tokens`` and keyed by their lemmas."""
    label = render(tokens)
    if not label or label.lower() in ("it", "this", "that"):
        return None
    return Entity(issue_key(label, tokens), label, "Issue")
