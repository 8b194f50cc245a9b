"""The ``kg`` command through its real entry point (``python -m kg`` in a subprocess).

One session-scoped build of a short article feeds the commands that read a
graph; every ``kg build`` costs a spaCy load, so only the error cases that must
go through ``build`` run it again.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ARTICLE = """\
City Budget Fight Heats Up

Senator Jane Doe opposes the new tax bill. Mayor John Smith supports the new tax bill, \
and he criticized Senator Jane Doe on Monday. The Teachers Union praised Mayor John Smith \
for the plan.
"""

COMMANDS = ("build", "claims", "query", "export", "analyze", "view", "serve", "eval")


def kg(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=300,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 1, nothing on stdout, and exactly one ``Error: …`` line holding every fragment."""
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in proc.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


@dataclass(frozen=True)
class Built:
    root: Path
    out: Path
    proc: subprocess.CompletedProcess[str]

    @property
    def graph(self) -> Path:
        return self.out / "graph.ttl"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("cli")
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    proc = kg("build", "article.txt", "-o", "out", cwd=root)
    assert proc.returncode == 0, proc.stderr
    return Built(root, root / "out", proc)


@pytest.fixture
def bad_ttl(tmp_path: Path) -> Path:
    path = tmp_path / "broken.ttl"
    path.write_text(
        '@prefix kg: <https://w3id.org/policy-kg/ontology#> .\n\nkg:a kg:b "unterminated .\n'
    )
    return path


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    proc = kg(command, "--help")
    assert proc.returncode == 0
    assert f"usage: kg {command}" in proc.stdout
    assert "Example" in proc.stdout
    assert f"kg {command}" in proc.stdout.split("Example", 1)[1]


def test_top_level_help_lists_every_command() -> None:
    proc = kg("--help")
    assert proc.returncode == 0
    for command in COMMANDS:
        assert f"    {command} " in proc.stdout
    assert "Example" in proc.stdout


def test_no_command_is_a_usage_error() -> None:
    proc = kg()
    assert proc.returncode == 2
    assert "usage: kg" in proc.stderr


# --------------------------------------------------------------------------- build


def test_build_writes_the_files_and_prints_a_summary(built: Built) -> None:
    for name in ("graph.ttl", "claims.jsonl", "graph.html"):
        assert (built.out / name).stat().st_size > 0
    summary = built.proc.stdout
    assert summary.startswith("Built out/ in ")
    assert "  documents  1\n" in summary
    for name in ("graph.ttl", "claims.jsonl", "graph.html"):
        assert str(Path("out") / name) in summary
    # Nothing but the summary: progress goes to stderr, and only on a terminal.
    assert built.proc.stderr == ""


def test_build_extracts_claims_and_counts_them_in_the_summary(built: Built) -> None:
    lines = (built.out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 1, "'Senator Jane Doe opposes the new tax bill.' gave no claim"
    assert f"  claims     {len(lines)}\n" in built.proc.stdout
    predicates = {json.loads(line)["predicate"] for line in lines}
    for predicate in predicates:
        count = sum(json.loads(line)["predicate"] == predicate for line in lines)
        assert f"    {predicate}" in built.proc.stdout
        assert any(row.split() == [predicate, str(count)] for row in built.proc.stdout.splitlines())


# --------------------------------------------------------------------------- claims


def test_claims_jsonl_equals_the_built_claims_file(built: Built) -> None:
    proc = kg("claims", built.graph)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (built.out / "claims.jsonl").read_text(encoding="utf-8")


def test_claims_tsv_has_a_header_and_one_row_per_claim(built: Built) -> None:
    records = [json.loads(line) for line in (built.out / "claims.jsonl").open(encoding="utf-8")]
    proc = kg("claims", built.graph, "--format", "TSV")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    header = lines[0].split("\t")
    assert header[:3] == ["subject", "predicate", "object"]
    assert len(lines) == 1 + len(records)
    for line, record in zip(lines[1:], records, strict=True):
        cells = dict(zip(header, line.split("\t"), strict=True))
        assert (cells["subject"], cells["predicate"], cells["object"]) == (
            record["subject"],
            record["predicate"],
            record["object"],
        )


def test_claims_csv_has_every_field_and_reads_back(built: Built) -> None:
    import csv

    records = [json.loads(line) for line in (built.out / "claims.jsonl").open(encoding="utf-8")]
    proc = kg("claims", built.graph, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout, newline="")))
    assert len(rows) == len(records) > 0
    for row, record in zip(rows, records, strict=True):
        assert list(row) == list(record)
        assert row["sentence"] == record["sentence"]
        assert row["negated"] == str(record["negated"]).lower()
        assert row["date"] == (record["date"] or "")


def test_claims_table_is_aligned_with_a_count(built: Built) -> None:
    n = len((built.out / "claims.jsonl").read_text(encoding="utf-8").splitlines())
    proc = kg("claims", built.graph, "--format", "table")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:3] == ["subject", "predicate", "object"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[-1] == f"({n} claim{'' if n == 1 else 's'})"


def test_claims_min_confidence_filters(built: Built) -> None:
    records = [json.loads(line) for line in (built.out / "claims.jsonl").open(encoding="utf-8")]
    threshold = max((r["confidence"] for r in records), default=1.0)
    proc = kg("claims", built.graph, "--min-confidence", str(threshold))
    assert proc.returncode == 0, proc.stderr
    kept = [json.loads(line) for line in proc.stdout.splitlines()]
    assert kept == [r for r in records if r["confidence"] >= threshold]


def test_claims_unknown_format_lists_the_choices(built: Built) -> None:
    proc = kg("claims", built.graph, "--format", "xml")
    assert_one_line_error(proc, "'xml'", "jsonl", "tsv", "table")


def test_claims_min_confidence_out_of_range_is_a_usage_error(built: Built) -> None:
    proc = kg("claims", built.graph, "--min-confidence", "2")
    assert proc.returncode == 2
    assert "from 0 to 1" in proc.stderr


# --------------------------------------------------------------------------- query


def _named_queries() -> dict:
    from kg.rdf.query import NAMED_QUERIES

    return NAMED_QUERIES


def test_query_list_names_every_named_query_and_its_params() -> None:
    queries = _named_queries()
    for args in (("query", "--list"),):
        proc = kg(*args)
        assert proc.returncode == 0, proc.stderr
        for name, query in queries.items():
            assert name in proc.stdout
            assert query.description.split()[0] in proc.stdout
            for param in query.params:
                assert f"--param {_param_name(param)}=" in proc.stdout


def test_query_list_after_a_graph(built: Built) -> None:
    assert kg("query", built.graph, "--list").stdout == kg("query", "--list").stdout


def _param_name(param: object) -> str:
    return param if isinstance(param, str) else param.name  # type: ignore[attr-defined]


def _named_query_args(built: Built) -> dict[str, dict[str, str]]:
    """Parameters for every named query: the first claim's subject as actor, object as target."""
    first = json.loads((built.out / "claims.jsonl").read_text(encoding="utf-8").splitlines()[0])
    return {
        name: {p: first["subject"] if p == "actor" else first["object"] for p in query.params}
        for name, query in _named_queries().items()
    }


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_query_every_named_query(built: Built, fmt: str) -> None:
    from kg.rdf.query import run_named
    from kg.rdf.store import read_graph

    graph = read_graph(built.graph)
    for name, params in _named_query_args(built).items():
        args = ["query", built.graph, "--name", name, "--format", fmt]
        for key, value in params.items():
            args += ["--param", f"{key}={value}"]
        proc = kg(*args)
        assert proc.returncode == 0, f"{name}: {proc.stderr}"
        expected = run_named(graph, name, params)
        if fmt == "json":
            assert json.loads(proc.stdout) == expected.records(), name
        elif fmt == "csv":
            lines = proc.stdout.splitlines()
            assert lines[0] == ",".join(expected.columns), name
            assert len(lines) == 1 + len(expected.rows), name
        else:
            lines = proc.stdout.splitlines()
            assert lines[0].split() == list(expected.columns), name
            n = len(expected.rows)
            assert lines[-1] == f"({n} row{'' if n == 1 else 's'})", name
    entities = json.loads(kg("query", built.graph, "--name", "entities", "--format", "json").stdout)
    assert len(entities) >= 2  # a claim has a subject and an object


def test_query_sparql_text_as_csv(built: Built) -> None:
    sparql = (
        "PREFIX kg: <https://w3id.org/policy-kg/ontology#>\n"
        "SELECT ?claim WHERE { ?claim a kg:Claim }"
    )
    n = len((built.out / "claims.jsonl").read_text(encoding="utf-8").splitlines())
    proc = kg("query", built.graph, sparql, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "claim"
    assert len(lines) == 1 + n


def test_query_from_an_rq_file_as_json(built: Built, tmp_path: Path) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text(
        "PREFIX kg: <https://w3id.org/policy-kg/ontology#>\n"
        "SELECT (COUNT(?c) AS ?n) WHERE { ?c a kg:Claim }\n",
        encoding="utf-8",
    )
    n = len((built.out / "claims.jsonl").read_text(encoding="utf-8").splitlines())
    proc = kg("query", built.graph, rq, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert [int(row["n"]) for row in json.loads(proc.stdout)] == [n]


def test_query_that_does_not_parse(built: Built) -> None:
    proc = kg("query", built.graph, "SELECT ?x WHERE { ?x ?y")
    assert_one_line_error(proc)


def test_query_unknown_name_lists_the_choices(built: Built) -> None:
    proc = kg("query", built.graph, "--name", "no-such-query")
    line = assert_one_line_error(proc, "'no-such-query'")
    for name in _named_queries():
        assert name in line


def test_query_missing_rq_file_names_it(built: Built, tmp_path: Path) -> None:
    proc = kg("query", built.graph, tmp_path / "missing.rq")
    assert_one_line_error(proc, "missing.rq")


def test_query_unknown_format(built: Built) -> None:
    proc = kg("query", built.graph, "--name", next(iter(_named_queries())), "--format", "xls")
    assert_one_line_error(proc, "'xls'", "table", "csv", "json")


def test_query_without_query_or_name_is_a_usage_error(built: Built) -> None:
    proc = kg("query", built.graph)
    assert proc.returncode == 2
    assert "--name" in proc.stderr


# --------------------------------------------------------------------------- export


def test_export_turtle_round_trips(built: Built, tmp_path: Path) -> None:
    import rdflib
    from rdflib.compare import to_isomorphic

    out = tmp_path / "copy.nt"
    proc = kg("export", built.graph, "--format", "nt", "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert str(out) in proc.stdout
    original = rdflib.Graph().parse(built.graph, format="turtle")
    copy = rdflib.Graph().parse(out, format="nt")
    assert len(copy) > 0
    assert to_isomorphic(original) == to_isomorphic(copy)


def test_export_graphml_opens_in_networkx(built: Built, tmp_path: Path) -> None:
    import networkx as nx

    out = tmp_path / "graph.graphml"
    proc = kg("export", built.graph, "-o", out)  # the format comes from the suffix
    assert proc.returncode == 0, proc.stderr
    assert nx.read_graphml(out).number_of_nodes() > 0


def test_export_csv_writes_nodes_and_edges(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    proc = kg("export", built.graph, "--format", "csv", "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Wrote {out / 'nodes.csv'} and {out / 'edges.csv'} (csv)"
    nodes = (out / "nodes.csv").read_text(encoding="utf-8").splitlines()
    assert nodes[0] == "id:ID,label,kind,aliases,:LABEL"
    edges = (out / "edges.csv").read_text(encoding="utf-8").splitlines()
    assert edges[0].startswith(":START_ID,:END_ID,:TYPE,claim,")


def test_export_unknown_format_writes_nothing(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "graph.xyz"
    proc = kg("export", built.graph, "--format", "xyz", "-o", out)
    assert_one_line_error(proc, "'xyz'", "ttl", "graphml")
    assert not out.exists()


def test_export_of_a_broken_graph_writes_nothing(bad_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.nt"
    proc = kg("export", bad_ttl, "--format", "nt", "-o", out)
    assert_one_line_error(proc, "broken.ttl", "line 3")
    assert not out.exists()


# --------------------------------------------------------------------------- analyze, view


def test_analyze_json_has_every_section(built: Built) -> None:
    proc = kg("analyze", built.graph, "--format", "json", "--top", "3")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert list(result) == [
        "central_actors",
        "opposing_pairs",
        "polarization",
        "communities",
        "coalitions",
        "targets",
    ]
    assert 1 <= len(result["central_actors"]) <= 3
    assert 0.0 <= result["polarization"]["balance"] <= 1.0


def test_analyze_table_has_a_heading_per_section(built: Built) -> None:
    proc = kg("analyze", built.graph)
    assert proc.returncode == 0, proc.stderr
    headings = ("Central actors", "Opposing pairs", "Polarization", "Communities", "Coalitions")
    for heading in (*headings, "Targets"):
        assert heading in proc.stdout.splitlines()
    assert "  balance=" in proc.stdout


def test_view_writes_html(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    proc = kg("view", built.graph, "-o", out, "--title", "Budget fight")
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower()
    assert "Budget fight" in html


# --------------------------------------------------------------------------- eval


def test_eval_prints_figures_and_misses(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "G1", "subject": ["Doe"], "predicate": ["opposes"], "object": [["tax bill"]]}\n'
        '{"id": "G2", "subject": ["Smith"], "predicate": ["supports"], "object": [["tax"]]}\n',
        encoding="utf-8",
    )
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        '{"subject": "Jane Doe", "predicate": "opposes", "object": "the new tax bills"}\n'
        '{"subject": "Jane Doe", "predicate": "praises", "object": "John Smith"}\n',
        encoding="utf-8",
    )
    proc = kg("eval", gold, claims, "--verbose")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "MISSED  G2: Smith supports tax",
        "WRONG   Jane Doe | praises | John Smith",
        "P=0.500 R=0.500 F1=0.500 (claims=2 correct=1 gold=2 found=1)",
    ]
    figures = json.loads(kg("eval", gold, claims, "--format", "json").stdout)
    assert (figures["precision"], figures["recall"], figures["found"]) == (0.5, 0.5, 1)


def test_eval_scores_a_gold_folder_per_article_and_per_rule(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    for name in ("a1", "a2"):
        (tmp_path / "gold" / f"{name}.jsonl").write_text(
            '{"id": "G1", "subject": ["Doe"], "predicate": ["opposes"], "object": [["tax"]]}\n',
            encoding="utf-8",
        )
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        '{"subject": "Jane Doe", "predicate": "opposes", "object": "tax", "article": "a1.txt",'
        ' "rule": "cue.verb"}\n'
        '{"subject": "Jane Doe", "predicate": "praises", "object": "tax", "article": "a2.txt",'
        ' "rule": "cue.verb"}\n',
        encoding="utf-8",
    )
    proc = kg("eval", tmp_path / "gold", claims)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-6:] == [
        "MISSED  G1: Doe opposes tax",
        "precision per rule",
        "  rule      correct  precision",
        "  --------  -------  ---------",
        "  cue.verb  1/2      0.50",
        "P=0.500 R=0.500 F1=0.500 (claims=2 correct=1 gold=2 found=1)",
    ]


def test_eval_reads_claims_from_a_graph(built: Built, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "G1", "subject": ["Doe"], "predicate": ["opposes"], "object": [["tax bill"]]}\n',
        encoding="utf-8",
    )
    from_graph = kg("eval", gold, built.graph)
    from_jsonl = kg("eval", gold, built.out / "claims.jsonl")
    assert from_graph.returncode == 0, from_graph.stderr
    assert from_graph.stdout == from_jsonl.stdout
    assert from_graph.stdout.splitlines()[-1].startswith("P=")


def test_eval_malformed_gold_line_names_file_and_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "G1", "subject": ["Doe"], "predicate": ["opposes"], "object": [["tax"]]}\n'
        '{"id": "G2", "subject": ["Doe"],\n',
        encoding="utf-8",
    )
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"subject": "A", "predicate": "opposes", "object": "B"}\n')
    assert_one_line_error(kg("eval", gold, claims), f"{gold}:2", "not valid JSON")


# --------------------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"PK\x03\x04\x00\x00\x01binary", "binary"),
        ("latin1.txt", b"\xff\xfe caf\xe9", "UTF-8"),
        (
            "corpus.jsonl",
            b'{"id": "a", "text": "Jane Doe opposes it."}\n{"id": "b", "text"\n',
            "corpus.jsonl:2",
        ),
    ],
    ids=["empty", "binary", "non-utf8", "malformed-jsonl"],
)
def test_build_rejects_a_bad_input_and_writes_nothing(
    tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    (tmp_path / name).write_bytes(content)
    proc = kg("build", name, "-o", "out", cwd=tmp_path)
    assert_one_line_error(proc, name, fragment)
    assert not (tmp_path / "out").exists()


def test_build_missing_input(tmp_path: Path) -> None:
    proc = kg("build", "nope.txt", "-o", "out", cwd=tmp_path)
    assert_one_line_error(proc, "nope.txt")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["claims", "analyze", "query"])
def test_graph_commands_reject_a_missing_file(command: str, tmp_path: Path) -> None:
    extra = ("--name", "x") if command == "query" else ()
    proc = kg(command, tmp_path / "missing.ttl", *extra)
    assert_one_line_error(proc, "missing.ttl")


@pytest.mark.parametrize("command", ["claims", "analyze"])
def test_graph_commands_reject_turtle_that_does_not_parse(command: str, bad_ttl: Path) -> None:
    assert_one_line_error(kg(command, bad_ttl), "broken.ttl", "line 3")


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.ttl", b""), ("binary.ttl", b"\x00\x01\x02"), ("latin1.ttl", b"\xff\xfe caf\xe9")],
    ids=["empty", "binary", "non-utf8"],
)
def test_claims_rejects_unreadable_graph_files(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    assert_one_line_error(kg("claims", tmp_path / name), name)


def test_view_of_a_broken_graph_writes_nothing(bad_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    assert_one_line_error(kg("view", bad_ttl, "-o", out), "broken.ttl")
    assert not out.exists()


def test_build_with_an_extra_cue_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Senator Ann Lee lambasted the toll plan.\n", encoding="utf-8")
    cues = tmp_path / "cues.tsv"
    cues.write_text("lambast\tVERB\t-\tcriticizes\tcriticizes\t-1\t0.9\t-\n", encoding="utf-8")
    proc = kg("build", article, "-o", tmp_path / "out", "--cues", cues)
    assert proc.returncode == 0, proc.stderr
    lines = (tmp_path / "out" / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert ("Ann Lee", "criticizes", "toll plan") in {
        (r["subject"], r["predicate"], r["object"]) for r in records
    }


def test_build_with_a_malformed_cue_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Senator Ann Lee lambasted the toll plan.\n", encoding="utf-8")
    cues = tmp_path / "cues.tsv"
    cues.write_text("lambast\tVERB\n", encoding="utf-8")
    proc = kg("build", article, "-o", tmp_path / "out", "--cues", cues)
    assert_one_line_error(proc, "cues.tsv:1", "tab-separated columns")
    assert not (tmp_path / "out").exists()


def test_build_into_a_file_instead_of_a_folder(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Senator Ann Lee opposes the toll.\n", encoding="utf-8")
    target = tmp_path / "taken"
    target.write_text("not a folder", encoding="utf-8")
    proc = kg("build", article, "-o", target)
    assert_one_line_error(proc, str(target), "is a file", "folder")
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_view_into_an_unwritable_place(built: Built, tmp_path: Path) -> None:
    proc = kg("view", built.graph, "-o", tmp_path)
    assert_one_line_error(proc, str(tmp_path), "is a folder")
