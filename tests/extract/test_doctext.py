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
    doc = nlp("Mayor Dana Okafor said the Brennick Ferry Act would RAISE fares. Critics disagreed.")
    facts = token_facts(doc)
    assert facts is token_facts(doc)
    assert facts.pos == [t.pos_ for t in doc]
    assert facts.tag == [t.tag_ for t in doc]
    assert facts.dep == [t.dep_ for t in doc]
    assert facts.text == [t.text for t in doc]
    assert facts.lower == [t.lower_ for t in doc]
    assert facts.lemma == [t.lemma_.lower() for t in doc]


def test_tokens_where_gives_the_tokens_that_match_every_condition_in_order(nlp):
    doc = nlp("Mayor Dana Okafor said the Brennick Ferry Act would raise fares. Critics disagreed.")
    second = list(doc.sents)[1]
    assert [t.i for t in tokens_where(doc, pos=("VERB",))] == [t.i for t in doc if t.pos_ == "VERB"]
    assert [t.text for t in tokens_where(doc, pos=("VERB",), lemma={"say"})] == ["said"]
    assert [t.text for t in tokens_where(second, pos=("VERB",))] == ["disagreed"]
    assert list(tokens_where(second, lower={"said"})) == []
    assert [t.text for t in tokens_where(doc, text={"Act", "fares"}, dep={"nsubj"})] == ["Act"]
