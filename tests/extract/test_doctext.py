from __future__ import annotations

from kg.extract.doctext import parentheses, parsed_text, token_facts, tokens_where
from kg.extract.labels import noun_label


def test_the_parsed_text_is_joined_once_per_document(nlp):
    doc = nlp("The Lakemoor Water Board (LWB) met on Tuesday.")
    assert parsed_text(doc) == doc.text
    assert parsed_text(doc) is parsed_text(doc)
    assert [doc[i].text for i in parentheses(doc)] == ["(", ")"]
    assert parentheses(nlp("No marks here.")) == ()


def test_a_label_drops_what_stands_in_parentheses_and_keeps_the_rest(nlp):
    doc = nlp("Officials of the Lakemoor Water Board (LWB) met the Orchard Valley tenants.")
    board = next(t for t in doc if t.text == "Board")
    tenants = next(t for t in doc if t.text == "tenants")
    assert "LWB" not in noun_label(board)
    assert noun_label(tenants) == "Orchard Valley tenants"


def test_the_token_facts_are_the_token_attributes(nlp):
    doc = nlp(
        "Mayor Dana Ndirangu said the Brennick Ferry Act would RAISE fares. Critics disagreed."
    )
    facts = token_facts(doc)
    assert facts is token_facts(doc)
    assert facts.pos == [t.pos_ for t in doc]
    assert facts.tag == [t.tag_ for t in doc]
    assert facts.dep == [t.dep_ for t in doc]
    assert facts.text == [t.text for t in doc]
    assert facts.lower == [t.lower_ for t in doc]
    assert facts.lemma == [t.lemma_.lower() for t in doc]


def test_tokens_where_gives_the_tokens_that_match_every_condition_in_order(nlp):
    doc = nlp(
        "Mayor Dana Ndirangu said the Brennick Ferry Act would raise fares. Critics disagreed."
    )
    second = list(doc.sents)[1]
    assert [t.i for t in tokens_where(doc, pos=("VERB",))] == [t.i for t in doc if t.pos_ == "VERB"]
    assert [t.text for t in tokens_where(doc, pos=("VERB",), lemma={"say"})] == ["said"]
    assert [t.text for t in tokens_where(second, pos=("VERB",))] == ["disagreed"]
    assert list(tokens_where(second, lower={"said"})) == []
    assert [t.text for t in tokens_where(doc, text={"Act", "fares"}, dep={"nsubj"})] == ["Act"]


def test_every_cue_match_cue_finds_is_among_the_cue_candidates(analyse):
    from kg.extract.cues import cue_candidates, match_cue

    analysis = analyse(
        "Governor Ilse Varga strongly opposes the Saltreach Toll Act, and her aides are "
        "against it. The Moorfield Tenants Union supported the levy and called the plan a "
        "giveaway. Critics were opposed to the merger; the council voted in favor of it."
    )
    for sent in analysis.doc.sents:
        hits = [t.i for t in sent if match_cue(t, analysis) is not None]
        candidates = [t.i for t in cue_candidates(sent, analysis)]
        assert hits and set(hits) <= set(candidates)
        assert len(candidates) < len(sent)


def test_idioms_are_found_in_a_sentence_that_does_not_start_the_document(nlp):
    from kg.extract.opinion import default_opinions

    opinions = default_opinions()
    first, words = next(iter(opinions.idioms.items()))
    phrase = " ".join(words[0][0])
    doc = nlp(f"The Orlen council met on Monday. Its members said the fee was {phrase}.")
    second = list(doc.sents)[1]
    found = opinions.idioms_in(second)
    assert found and all(second.start <= i < second.end for i in found)


def test_a_phrase_is_worked_out_once_and_its_document_is_not_kept_alive(nlp):
    import gc
    import weakref

    from kg.extract.labels import phrase_tokens

    doc = nlp("The Colwyn Basin Trust backed the plan to restore the old mill race.")
    plan = next(t for t in doc if t.text == "plan")
    first = phrase_tokens(plan)
    first.append(doc[0])  # a caller may change its list: the next answer is its own
    assert [t.i for t in phrase_tokens(plan)] == [t.i for t in first[:-1]]
    assert "mill" in [t.text for t in phrase_tokens(plan)]
    assert token_facts(doc).lemma[0] == "the"
    gone = weakref.ref(doc)
    del doc, plan, first
    gc.collect()
    assert gone() is None


def test_tokens_with_any_gives_the_tokens_that_match_either_word_list_in_order(nlp):
    from kg.extract.doctext import tokens_with_any

    doc = nlp("Critics of the Varlo Canal Act said it would not work. They disagreed again.")
    second = list(doc.sents)[1]
    found = tokens_with_any(doc, lower={"would", "critics"}, lemma={"say", "disagree"})
    assert [t.text for t in found] == ["Critics", "said", "would", "disagreed"]
    assert [t.text for t in tokens_with_any(second, lemma={"say", "disagree"})] == ["disagreed"]
    assert list(tokens_with_any(doc)) == []
    by_kind = tokens_with_any(second, pos={"PRON"}, tag={"RB"}, indices={0, len(doc) - 1})
    assert [t.text for t in by_kind] == ["They", "again", "."]
