"""Property tests: any text a JSON encoder writes, the reader reads back unchanged."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.fileio import json_lines
from kg.ingest.reader import read_articles

#: Any Unicode text, with the characters that broke line splitting made likely.
TEXTS = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from('\u0085\u2028\u2029\r\n\x0b\x0c\x1c\x1d\x1e\ufeff\u200b\u202e"\\'),
    ),
    min_size=1,
).filter(str.strip)

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(texts=st.lists(TEXTS, min_size=1, max_size=5), ascii_only=st.booleans())
def test_corpus_round_trips_any_text(tmp_path, texts, ascii_only):
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": f"a{i}", "text": t}, ensure_ascii=ascii_only) for i, t in enumerate(texts)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [a.text for a in read_articles([path])] == texts


@SETTINGS
@given(
    prefix=st.text(alphabet=st.characters(codec="utf-8"), max_size=5),
    surrogate=st.integers(0xD800, 0xDFFF),
)
def test_escaped_lone_surrogates_are_one_line_errors(prefix, surrogate):
    line = json.dumps({"id": "a", "text": prefix})[:-2] + f'\\u{surrogate:04x}"}}'
    with pytest.raises(InputError, match=r"^c\.jsonl:3: the string .* lone surrogate"):
        list(json_lines("c.jsonl", "\n\n" + line))


@SETTINGS
@given(
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTS,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXTS, inner, max_size=3),
        max_leaves=10,
    )
)
def test_json_values_round_trip_on_one_line(value):
    line = json.dumps({"v": value})
    (row,) = json_lines("c.jsonl", f"\r\n{line}\r\n")
    assert row.where == "c.jsonl:2" and row.data == {"v": value}
