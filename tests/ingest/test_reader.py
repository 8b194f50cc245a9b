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
