from __future__ import annotations

from kg.extract.analysis.quotes import find_quotes


def spans(text):
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_single_quotes_are_not_apostrophes():
    text = "Mamdani’s aide said, ‘We can never go back.’ Then he left."
    assert spans(text) == ["We can never go back."]


def test_quote_over_paragraphs_reopens():
    text = "“We will win.\n\n“And we will govern,” she said."
    assert spans(text) == ["We will win.", "And we will govern,"]


def test_wire_copy_quotes():
    assert spans("Iraq would allow ``unimpeded access'' to sites.") == ["unimpeded access"]
