from __future__ import annotations

from kg.extract.doctext import parentheses, parsed_text
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
