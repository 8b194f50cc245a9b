"""Who says what: the speaker of each quotation and reported clause.

"X said (that) ...", "according to X", and quotations with the speech verb
before, after or in the sentence around them; a quotation with none continues
the previous speaker's words. In an interview, every answer is the
interviewee's; in a transcript, a line opened by a name is that person's.

Speakers are found after names and third-person pronouns and before anything
that needs them ("I" and "we" inside a quote are its speaker), so a subject
such as "I said" is not resolved here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.analysis.coref import SUBJECT_DEPS, Resolver
from kg.extract.analysis.quotes import Quotes, quote_runs
from kg.extract.analysis.sentences import Sentences
from kg.extract.doctext import parsed_text, tokens_where
from kg.extract.lexicon import Lexicon
from kg.model import Entity

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def attribute_speakers(
    doc: Doc, sentences: Sentences, quotes: Quotes, resolver: Resolver
) -> tuple[dict[int, Entity], frozenset[int]]:
    """Map tokens of quotations and reported clauses to whoever said them; and the
    tokens of what unnamed people are reported to say ("Some say the act would raise
    rents"), which are nobody's words, not the reporter's nor the author's."""
    speakers: dict[int, Entity] = {}
    unnamed: set[int] = set()
    lexicon = resolver.lexicon
    # Reported clauses: "X said (that) ...", "according to X".
    verbs = tokens_where(doc, pos=SPEECH_POS)
    according = tokens_where(doc, lower=("according",))
    for _, tok in sorted({t.i: t for t in (*verbs, *according)}.items()):
        if tok.idx < sentences.body_start:
            continue
        if is_speech_verb(tok, lexicon):
            if unsaid(tok):
                continue  # "the mayor should say that she opposes it": a wish, not her words
            subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
            if (
                subject is not None
                and _unnamed_people(subject, lexicon)
                and resolver.actor(subject) is None  # "Opponents, led by the group X,"
            ):
                unnamed.update(t.i for c in tok.children if c.dep_ == "ccomp" for t in c.subtree)
                continue  # "Others say the act would raise rents," she said: not hers
            if subject is None or quotes.at(subject.idx) is not None:
                continue
            ref = resolver.actor(subject)
            if ref is None:
                continue
            for comp in tok.children:
                if comp.dep_ in ("ccomp", "xcomp") or (comp.dep_ == "dobj" and comp.pos_ == "VERB"):
                    for t in comp.subtree:
                        speakers.setdefault(t.i, ref.entity)
            if tok.dep_ == "parataxis":  # "The plant, she said, would close": the clause around
                inner = {t.i for t in tok.subtree}
                for t in tok.head.subtree:
                    if t.i not in inner:
                        speakers.setdefault(t.i, ref.entity)
        elif tok.lower_ == "according" and tok.dep_ == "prep":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = (
                next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            )
            ref = resolver.actor(pobj) if pobj is not None else None
            if ref is not None:
                for t in sentences.of(tok):
                    if t.i not in range(tok.i, pobj.i + 1):
                        speakers.setdefault(t.i, ref.entity)
    _quote_speakers(doc, sentences, quotes, resolver, speakers)
    lines = _lines(parsed_text(doc), sentences.body_start, quotes)
    _interview_answers(doc, lines, resolver, speakers)
    _statement_lines(doc, lines, sentences, quotes, resolver, speakers)
    for i in unnamed:
        speakers.pop(i, None)
    return speakers, frozenset(unnamed)


#: The mark that opens an interviewer's question: "Q:", "Q.", "Question:".
QUESTION_OPENER = re.compile(r"[*_ \t]*(?:Q|Question)[ \t]*[:.)][*_]*[ \t]+")
#: The mark that opens the interviewee's answer: "A:", "A.", "Answer:".
ANSWER_OPENER = re.compile(r"[*_ \t]*(?:A|Answer)[ \t]*[:.)][*_]*[ \t]+")
#: A transcript line's speaker: "LEE:", "Ann Lee:", "**Lee:**".
NAME_OPENER = re.compile(
    r"[*_ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3})[ \t]*:[*_]*[ \t]+"
)
#: How many questions, each answered on the lines after it, make a text an
#: interview: with "Q:"/"A:" marks, and with bare question lines ending in "?".
MARKED_QUESTIONS, BARE_QUESTIONS = 2, 3
#: The most words a question line with no "Q:" mark has (longer ones are argument).
BARE_QUESTION_WORDS = 40


@dataclass(frozen=True)
class _Line:
    """One line of the body: where its words start (after any "Q:"/"A:"/"LEE:"
    mark) and end, and what the mark says."""

    start: int
    end: int
    mark: str  # "question", "answer", "name" or ""
    bare: bool = False
    """A question with no "Q:" mark, only its question mark."""
    name_at: int = -1
    """Offset of the name of a "LEE:" mark."""


def _interview_answers(
    doc: Doc, lines: list[_Line], resolver: Resolver, speakers: dict[int, Entity]
) -> None:
    """Rule ``speakers.interview``: in an interview printed as questions and
    answers, every answer is the interviewee's speech, tagged or not. Answers are
    the lines after "A:", or after a question ("Q:", or a bare line ending in "?")
    up to the next one; the interviewee is the person the introduction names most
    (first, on a tie). A line opened by a person's name ("LEE: …") is that
    person's, in any transcript where two or more lines are opened by names."""
    _transcript_lines(doc, lines, resolver, speakers)
    questions = [n for n, line in enumerate(lines) if line.mark == "question"]
    answered = [n for n in questions if n + 1 < len(lines) and lines[n + 1].mark != "question"]
    marked = [n for n in answered if not lines[n].bare]
    if len(marked) < MARKED_QUESTIONS and (
        len(answered) < BARE_QUESTIONS or len(answered) * 4 < len(lines) - questions[0]
    ):
        return  # a few rhetorical questions in an essay are no interview
    interviewee = _interviewee(doc, lines[: questions[0]], resolver)
    if interviewee is None:
        return
    for line in lines[questions[0] :]:
        if line.mark in ("question", "name"):
            continue
        span = doc.char_span(line.start, line.end, alignment_mode="expand")
        for tok in span or ():
            speakers.setdefault(tok.i, interviewee)


def _statement_lines(
    doc: Doc,
    lines: list[_Line],
    sentences: Sentences,
    quotes: Quotes,
    resolver: Resolver,
    speakers: dict[int, Entity],
) -> None:
    """Rule ``speakers.statement``: "X issued the following statement:" (or "X
    said:") at the end of a line, and the lines after it printed without
    quotation marks, are X's words up to a line that names X again (the release
    speaking of X once more) or one with no words ("###")."""
    text = parsed_text(doc)
    for n, line in enumerate(lines[:-1]):
        if not text[line.start : line.end].rstrip().endswith(":") or line.mark:
            continue
        sent = sentences.of(doc.char_span(line.start, line.end, alignment_mode="expand")[-1])
        if not any(
            t.lemma_.lower() in STATEMENT_NOUNS or is_speech_verb(t, resolver.lexicon)
            for t in sent
            if quotes.at(t.idx) is None
        ):
            continue
        issuer = _issuer(sent, quotes, resolver) or _speech_subject(sent, quotes, resolver)
        if issuer is None:
            continue
        for after in lines[n + 1 :]:
            words = text[after.start : after.end].strip()
            span = doc.char_span(after.start, after.end, alignment_mode="expand")
            if (
                not any(c.isalpha() for c in words)
                or words[0] in OPENING_QUOTES
                or span is None
                or any(resolver.names.at(t) == issuer for t in span)
            ):
                break
            for tok in span:
                speakers.setdefault(tok.i, issuer)


#: Marks that open a quotation at the start of a line.
OPENING_QUOTES = "“\"‘'«`"


def _lines(text: str, body_start: int, quotes: Quotes) -> list[_Line]:
    """The non-empty lines of the body, each with the mark it opens with. A line
    is a question when a "Q:" mark opens it or, outside quotation marks, it ends
    with a question mark."""
    lines = []
    at = body_start
    for raw in text[body_start:].split("\n"):
        start, end = at, at + len(raw)
        at = end + 1
        stripped = raw.strip()
        if not stripped:
            continue
        if (m := QUESTION_OPENER.match(text, start, end)) is not None:
            lines.append(_Line(m.end(), end, "question"))
        elif (m := ANSWER_OPENER.match(text, start, end)) is not None:
            lines.append(_Line(m.end(), end, "answer"))
        elif (m := NAME_OPENER.match(text, start, end)) is not None and quotes.at(start) is None:
            lines.append(_Line(m.end(), end, "name", name_at=m.start("name")))
        elif (
            stripped.rstrip("*_").endswith("?")
            and stripped[0] not in OPENING_QUOTES
            and len(stripped.split()) <= BARE_QUESTION_WORDS
        ):
            lines.append(_Line(start, end, "question", bare=True))
        else:
            lines.append(_Line(start, end, ""))
    return lines


def _transcript_lines(
    doc: Doc, lines: list[_Line], resolver: Resolver, speakers: dict[int, Entity]
) -> None:
    """ "LEE: We will fight it.": the lines a person's name or surname opens (in any
    case) are that person's, when two or more lines of the body open so."""
    text = parsed_text(doc)
    people = {}
    for entity in resolver.names.mention_entities:
        if entity.kind == "Person":
            people.setdefault(entity.label.lower(), entity)
            people.setdefault(entity.label.split()[-1].lower(), entity)
    said: dict[str, list[_Line]] = {}
    for line in lines:
        if line.mark == "name":
            name = NAME_OPENER.match(text, line.name_at).group("name").lower()
            if name in people:
                said.setdefault(name, []).append(line)
    if sum(map(len, said.values())) < 2:
        return
    for name, own in said.items():
        for line in own:
            for tok in doc.char_span(line.start, line.end, alignment_mode="expand") or ():
                speakers.setdefault(tok.i, people[name])


def _interviewee(doc: Doc, intro: list[_Line], resolver: Resolver) -> Entity | None:
    """The person an interview's introduction names most often (first, on a tie)."""
    if not intro:
        return None
    start, end = intro[0].start, intro[-1].end
    counts: dict[str, int] = {}
    first: dict[str, Entity] = {}
    for mention, entity in zip(
        resolver.names.mentions, resolver.names.mention_entities, strict=True
    ):
        if entity.kind != "Person" or not start <= doc[mention.start].idx < end:
            continue
        counts[entity.key] = counts.get(entity.key, 0) + 1
        first.setdefault(entity.key, entity)
    if not counts:
        return None
    best = max(counts.values())
    return next(e for k, e in first.items() if counts[k] == best)


#: Words for people a text does not name: "some say", "others argue", "critics contend".
UNNAMED_PEOPLE = frozenset(
    """some others many few several people critics opponents supporters proponents
    skeptics sceptics detractors foes""".split()
)


def _unnamed_people(subject: Token, lexicon: Lexicon) -> bool:
    """Whether ``subject`` stands for people the text does not name."""
    lower, lemma = subject.lower_, subject.lemma_.lower()
    if lower in UNNAMED_PEOPLE:
        return True
    return (
        subject.tag_ == "NNS"
        and lemma in lexicon.actors
        and not any(c.dep_ in ("det", "poss", "compound", "amod", "prep") for c in subject.children)
    )


def _quote_speakers(
    doc: Doc,
    sentences: Sentences,
    quotes: Quotes,
    resolver: Resolver,
    speakers: dict[int, Entity],
) -> None:
    """Each run of quotations gets one speaker: the one a speech verb next to
    any of its paragraphs names, else the one a statement introduces ("X issued
    the following statement:"), else the previous run's."""
    previous: Entity | None = None
    text = parsed_text(doc)
    for run in quote_runs(text, quotes):
        spans = [
            span
            for q in run
            if (span := doc.char_span(q.start, q.end, alignment_mode="expand")) is not None
        ]
        if not spans:
            continue
        speaker = (
            _tagged_speaker(doc, text, spans, sentences, quotes, resolver)
            or _introduced_speaker(doc, spans[0], sentences, quotes, resolver)
            or previous
        )
        if speaker is None:
            continue
        previous = speaker
        for span in spans:
            for t in span:
                speakers[t.i] = speaker


def _tagged_speaker(
    doc: Doc,
    text: str,
    spans: list[Span],
    sentences: Sentences,
    quotes: Quotes,
    resolver: Resolver,
) -> Entity | None:
    """The subject of a speech verb outside quotes, in the sentences of the run
    or right next to one of its quotes within the same paragraph."""
    for span in spans:
        if (found := _governing_speaker(span, quotes, resolver)) is not None:
            return found
    for span in spans:
        first, last = sentences.of(span[0]), sentences.of(span[-1])
        sents = {first.start: first, last.start: last}
        if last.end < len(doc):
            after = sentences.of(doc[last.end])
            if not _paragraph_break(text, span.end_char, _content_start(after)):
                sents[after.start] = after
        if first.start > 0:
            before = sentences.of(doc[first.start - 1])
            if before.text.rstrip().endswith((":", ",")) and not _paragraph_break(
                text, before.start_char + len(before.text.rstrip()), span.start_char
            ):
                sents[before.start] = before
        for sent in sents.values():
            if (found := _speech_subject(sent, quotes, resolver)) is not None:
                return found
    return None


#: Verbs whose object a quotation is, besides speech verbs: "calling it 'a stunt'".
QUOTING_VERBS = frozenset({"call", "dub", "label", "term", "describe"})


def _governing_speaker(span: Span, quotes: Quotes, resolver: Resolver) -> Entity | None:
    """The subject of the speech verb a quotation inside a sentence hangs on:
    "A opposed it, calling it 'a stunt', and noted that B has said …" is A's."""
    verb = span.root
    for _ in range(4):
        if verb.head.i == verb.i:
            return None
        verb = verb.head
        if quotes.at(verb.idx) is not None:
            continue
        if is_speech_verb(verb, resolver.lexicon) or verb.lemma_.lower() in QUOTING_VERBS:
            break
    else:
        return None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            ref = resolver.actor(subject) if quotes.at(subject.idx) is None else None
            return ref.entity if ref is not None else None
        if verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _introduced_speaker(
    doc: Doc, span: Span, sentences: Sentences, quotes: Quotes, resolver: Resolver
) -> Entity | None:
    """ "X issued the following statement:", "X said:" in the paragraph before."""
    i = span.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote):
        i -= 1
    if i < 0 or quotes.at(doc[i].idx) is not None:
        return None
    sent = sentences.of(doc[i])
    if not sent.text.rstrip().endswith(":"):
        return _colon_subject(doc[i], sent, quotes, resolver) if doc[i].text == ":" else None
    return _issuer(sent, quotes, resolver) or _speech_subject(sent, quotes, resolver)


def _colon_subject(colon: Token, sent: Span, quotes: Quotes, resolver: Resolver) -> Entity | None:
    """ "X has it right: '…'", "X put it plainly: '…'": a quotation a colon opens
    inside the sentence is the words of the subject of the clause before the colon
    (the parser may hang that clause on the quotation's verb)."""
    before = range(sent.start, colon.i)
    verbs = [
        t
        for t in colon.doc[sent.start : colon.i]
        if t.pos_ in ("VERB", "AUX") and (t.head.i not in before or t.head.i == t.i)
    ]
    verb = verbs[-1] if verbs else None
    subject = (
        next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if verb is not None
        else None
    )
    if subject is None or quotes.at(subject.idx) is not None:
        return None
    ref = resolver.actor(subject)
    return ref.entity if ref is not None else None


#: Nouns for what a statement's issuer hands out: "issued the following statement".
STATEMENT_NOUNS = frozenset({"statement", "remark", "comment", "following", "letter", "testimony"})


def _issuer(sent: Span, quotes: Quotes, resolver: Resolver) -> Entity | None:
    """Who issues a statement: the subject of "issued the following statement"
    or of the sentence's main verb, not of a speech verb inside it ("X issued
    the following statement after the agency announced …:")."""
    verbs = [
        tok.head
        for tok in sent
        if tok.lemma_.lower() in STATEMENT_NOUNS and tok.dep_ in ("dobj", "nsubjpass")
    ]
    for verb in (*verbs, sent.root):
        subject = next(
            (c for c in verb.children if c.dep_ in ("nsubj", "agent") and quotes.at(c.idx) is None),
            None,
        )
        if subject is not None and subject.dep_ == "agent":
            subject = next((c for c in subject.children if c.dep_ == "pobj"), None)
        if subject is not None and (ref := resolver.actor(subject)) is not None:
            return ref.entity
    return None


def _speech_subject(sent: Span, quotes: Quotes, resolver: Resolver) -> Entity | None:
    for tok in sent:
        if quotes.at(tok.idx) is not None or not is_speech_verb(tok, resolver.lexicon):
            continue
        subject = next(
            (c for c in tok.children if c.dep_ in SUBJECT_DEPS and quotes.at(c.idx) is None),
            None,
        )
        if subject is not None and (ref := resolver.actor(subject)) is not None:
            return ref.entity
    return None


def _paragraph_break(text: str, start: int, end: int) -> bool:
    """Whether a blank line lies between the character offsets ``start`` and ``end``."""
    return PARAGRAPH_BREAK.search(text, start, max(start, end)) is not None


def _content_start(sent: Span) -> int:
    """The offset of the first character of ``sent`` that is not white space."""
    return next((t.idx for t in sent if not t.is_space), sent.start_char)


#: Modals by which a speaker says what someone else ought to say or do.
DEONTIC = frozenset({"must", "should", "ought"})
#: Verbs of saying that someone may be asked to do: "she should say plainly that …".
SAYING = frozenset(
    """say admit acknowledge concede declare state announce tell explain promise pledge
    commit vow insist confirm""".split()
)


def unsaid(verb: Token) -> bool:
    """ "X should say that …", "X must admit that …": words someone is asked to say,
    which are the wish of whoever asks, not X's."""
    return verb.lemma_.lower() in SAYING and any(
        c.dep_ == "aux" and c.lower_ in DEONTIC for c in verb.children
    )


#: The parts of speech of a speech verb (:func:`is_speech_verb`).
SPEECH_POS = ("VERB", "AUX")


def is_speech_verb(token: Token, lexicon: Lexicon) -> bool:
    if token.pos_ not in SPEECH_POS:
        return False
    lemma = token.lemma_.lower()
    if lemma in lexicon.speech:
        return True
    # "made it clear that ..."
    return lemma == "make" and any(c.lower_ == "clear" for c in token.children)
