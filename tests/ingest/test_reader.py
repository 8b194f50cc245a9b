from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.ingest.reader import read_articles


def test_folder_files_and_corpus_lines(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("# Second\n\nBody two.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("First title\n\nBody one.", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    rows = [
        {"id": 7, "text": "Corpus body.", "title": "T", "url": "https://example.org/7", "date": ""}
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    articles = read_articles([tmp_path])
    assert [a.id for a in articles] == ["two.md", "7", "one.txt"]
    assert articles[0].title == "Second" and articles[2].title == "First title"
    assert (articles[1].title, articles[1].url, articles[1].date) == (
        "T",
        "https://example.org/7",
        None,
    )


def test_windows_line_endings_and_bom_read_as_text_mode_does(tmp_path):
    path = tmp_path / "w.txt"
    path.write_bytes("\ufeffTitle\r\n\r\nSenator Ann Lee opposes the toll.\r\n".encode())
    (article,) = read_articles([path])
    assert article.text == path.read_text(encoding="utf-8-sig")
    assert "\r" not in article.text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"  \n", "file is empty"),
        ("bin.txt", b"abc\x00def", "binary file"),
        ("latin.txt", b"caf\xe9", "not UTF-8 text (bad byte at offset 3)"),
        ("notes.pdf", b"%PDF", "unsupported file type '.pdf'"),
        ("bad.jsonl", b'{"id": 1, "text": "ok"}\n{"id": 2,\n', "bad.jsonl:2: not valid JSON"),
        ("noid.jsonl", b'{"text": "ok"}\n', "noid.jsonl:1: missing field 'id'"),
    ],
)
def test_bad_inputs_name_the_file_and_what_to_fix(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_articles([path])


def test_duplicate_ids_across_inputs(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text('{"id": "x", "text": "one"}\n', encoding="utf-8")
    b.write_text('{"id": "x", "text": "two"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="document id 'x' was already read"):
        read_articles([a, b])


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        read_articles([tmp_path / "nope"])


@pytest.mark.parametrize("separator", ["\u0085", "\u2028", "\u2029", "\x0b", "\x1c"])
def test_corpus_text_may_hold_any_line_separator_but_newline(tmp_path, separator):
    path = tmp_path / "c.jsonl"
    text = f"The mayor opposes the plan.{separator}She said so twice."
    path.write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False), encoding="utf-8")
    (article,) = read_articles([path])
    assert article.text == text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"id": "a", "text": "bad \\ud800 text"}',
            "c.jsonl:2: the string 'bad .ud800 text' holds a lone surrogate",
        ),
        ('{"id": 1' + "0" * 5000 + ', "text": "t"}', "c.jsonl:2: not usable JSON"),
        ('{"id": "a", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ('{"id": "a", "text": "t", "date": "2024-02-30"}', "c.jsonl:2: \"date\" '2024-02-30'"),
        ('{"id": "a", "text": "t", "date": "2023-02-29T10:00"}', "no day of the calendar"),
        ('{"id": null, "text": "t"}', 'c.jsonl:2: "id" must be .* not null'),
        ('{"id": true, "text": "t"}', '"id" must be a non-empty string or a whole number'),
        ('{"id": 1.5, "text": "t"}', "not 1.5"),
        ('{"id": ["x"], "text": "t"}', 'not \\["x"\\]'),
        ('{"id": " ", "text": "t"}', '"id" must be'),
        (
            '{"id": "a", "text": "t", "title": {"x": 1}}',
            '"title" must be a string, a number or a list of them',
        ),
    ],
)
def test_odd_corpus_lines_give_one_line_errors_naming_the_line(tmp_path, line, message):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "ok", "text": "Fine."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_articles([path])
    assert "\n" not in str(info.value) and len(str(info.value)) < 300


def test_valid_dates_and_whole_number_ids_are_kept(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [
        {"id": 12, "text": "One.", "date": "2024-02-29"},
        {"id": "b", "text": "Two.", "date": "March 3, 2024", "source": ["AP", "Reuters", None]},
        {"id": "c", "text": "Three.", "date": None, "source": [], "title": 7},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    articles = read_articles([path])
    assert [(a.id, a.date, a.source, a.title) for a in articles] == [
        ("12", "2024-02-29", None, None),
        ("b", "March 3, 2024", "AP, Reuters", None),
        ("c", None, None, "7"),
    ]


def test_invisible_format_characters_leave_titles(tmp_path):
    path = tmp_path / "c.jsonl"
    row = {"id": "a", "text": "Body.", "title": "Mayor\u202e rotceV\u200b Lee\u2066"}
    path.write_text(json.dumps(row), encoding="utf-8")
    (article,) = read_articles([path])
    assert article.title == "Mayor rotceV Lee"


def test_output_folder_inside_an_input_folder_is_not_read(tmp_path):
    (tmp_path / "one.txt").write_text("Title\n\nBody.", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("", encoding="utf-8")
    (out / "claims.jsonl").write_text('{"subject": "x"}\n', encoding="utf-8")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "claims.jsonl").write_text('{"id": "c", "text": "A corpus."}\n')
    assert [a.id for a in read_articles([tmp_path])] == ["c", "one.txt"]
