"""The ``kg`` command: parse options, call one library function, format the result.

Every command turns the project's errors (:class:`kg.errors.KGError`) into one
line ``Error: …`` on stderr and exit status 1; usage mistakes exit 2 as
argparse does. Library modules are imported inside the commands, so ``kg
--help`` does not load spaCy or rdflib.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, KGError
from kg.fileio import read_text
from kg.model import RECORD_FIELDS
from kg.names import NameTable

if TYPE_CHECKING:
    import rdflib

    from kg.evaluate import EvalReport
    from kg.pipeline import BuildReport

CLAIM_FORMATS = NameTable(
    "claims format",
    {"jsonl": ("json", "ndjson", "jsonlines"), "tsv": ("tab",), "csv": (), "table": ("text",)},
)
QUERY_FORMATS = NameTable("query result format", {"table": ("text",), "csv": (), "json": ()})
ANALYSIS_FORMATS = NameTable("analysis format", {"table": ("text",), "json": ()})
EVAL_FORMATS = NameTable("evaluation format", {"text": ("table",), "json": ()})

#: Columns of ``kg claims --format table`` (what fits on a screen).
TABLE_COLUMNS = (
    "subject",
    "predicate",
    "object",
    "polarity",
    "confidence",
    "modality",
    "article",
    "start",
)


# --------------------------------------------------------------------------- commands


def cmd_build(args: argparse.Namespace) -> int:
    from kg.pipeline import build

    def load_nlp():  # noqa: ANN202 (only when some article must be parsed)
        from kg.nlp import load_pipeline

        _progress("Loading the spaCy pipeline…")
        return load_pipeline()

    _progress(f"Building the graph of {', '.join(args.inputs) or 'seeds/'}…")
    report = build(
        args.inputs,
        args.output,
        load_nlp=load_nlp,
        cue_files=args.cues,
        strict=args.strict,
        progress=_article_progress,
        scheduler=args.scheduler,
    )
    for failure in report.failures:
        print(f"Warning: {failure.describe()}", file=sys.stderr)
    print(_build_summary(report))
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    fmt = CLAIM_FORMATS.resolve(args.format)
    from kg.rdf.graph import claims_from_graph

    records = [
        claim.to_record()
        for claim in claims_from_graph(_read_graph(args.graph))
        if claim.confidence >= args.min_confidence
    ]
    if fmt == "jsonl":
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
    elif fmt == "tsv":
        print("\t".join(RECORD_FIELDS))
        for record in records:
            print("\t".join(_tsv_cell(record.get(col)) for col in RECORD_FIELDS))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(RECORD_FIELDS)
        writer.writerows(
            [_csv_cell(record.get(col)) for col in RECORD_FIELDS] for record in records
        )
    else:
        rows = [tuple(_cell(r.get(col)) for col in TABLE_COLUMNS) for r in records]
        print(_table(TABLE_COLUMNS, rows))
        print(f"({len(rows)} claim{'' if len(rows) == 1 else 's'})")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from kg.rdf.query import NAMED_QUERIES, run_named, run_query

    if args.list:
        print(_named_query_list(NAMED_QUERIES))
        return 0
    fmt = QUERY_FORMATS.resolve(args.format)
    if args.endpoint is not None and args.query is None:
        args.graph, args.query = None, args.graph  # the one positional is the query
    if args.endpoint is not None and args.graph is not None:
        args.parser.error("give either an output folder OUT or --endpoint URL, not both")
    if args.graph is None and args.endpoint is None:
        args.parser.error("give an output folder OUT (or --list to see the named queries)")
    if (args.query is None) == (args.name is None):
        args.parser.error("give either a SPARQL query (text or a .rq file) or --name NAME")
    if args.params and args.name is None:
        args.parser.error("--param only goes with --name")
    query = None if args.query is None else _query_text(args.query)
    source = _query_source(args.graph, args.endpoint)
    if args.name is not None:
        result = run_named(source, args.name, dict(args.params))
    else:
        result = run_query(source, query, allow_service=args.allow_service)
    columns, rows = tuple(result.columns), [tuple(row) for row in result.rows]
    if fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
        sys.stdout.write(buffer.getvalue())
    else:
        print(_table(columns, [tuple(_cell(v) for v in row) for row in rows]))
        print(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.rdf.server import run

    def started(server: Any) -> None:
        print(
            f"Serving {args.graph} read-only at {server.url} (SPARQL 1.1 Protocol); Ctrl-C to stop",
            flush=True,
        )

    status = run(args.graph, args.host, args.port, started=started)
    print("Stopped.", flush=True)
    return status


def cmd_export(args: argparse.Namespace) -> int:
    from kg.export import EXPORT_FORMATS, export_graph

    # Resolve the format before reading the graph, so a typo fails at once.
    fmt = EXPORT_FORMATS.resolve(args.format or args.output.suffix.lstrip(".") or "?")
    path = export_graph(_read_graph(args.graph), fmt, args.output)
    if fmt == "csv":
        from kg.export import EDGES_CSV, NODES_CSV

        print(f"Wrote {path / NODES_CSV} and {path / EDGES_CSV} (csv)")
    else:
        print(f"Wrote {path} ({fmt})")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    fmt = ANALYSIS_FORMATS.resolve(args.format)
    from kg.analysis.network import analyze, to_networkx

    result = analyze(to_networkx(_read_graph(args.graph), evidence=False), top=args.top)
    if fmt == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
        return 0
    sections = []
    for name, section in result.items():
        title = name.replace("_", " ").capitalize()
        if isinstance(section, dict):  # one record (polarization): its figures, then its lists
            figures = {k: v for k, v in section.items() if not isinstance(v, list)}
            lines = [title, "  " + "  ".join(f"{k}={_cell(v)}" for k, v in figures.items())]
            for records in section.values():
                if isinstance(records, list) and records:
                    lines.append(_records_table(records, indent="  "))
            sections.append("\n".join(lines))
        elif not section:
            sections.append(f"{title}\n  (none)")
        else:
            sections.append(f"{title}\n{_records_table(section, indent='  ')}")
    print("\n\n".join(sections))
    return 0


def _records_table(records: Sequence[dict[str, Any]], indent: str = "") -> str:
    """Records as an aligned table; entity keys (id, a_id, member_ids…) are for
    programs, and only the JSON keeps them."""
    columns = tuple(
        dict.fromkeys(
            key
            for record in records
            for key in record
            if key != "id" and not key.endswith(("_id", "_ids"))
        )
    )
    rows = [tuple(_cell(record.get(col)) for col in columns) for record in records]
    return _table(columns, rows, indent=indent)


def cmd_view(args: argparse.Namespace) -> int:
    from kg.analysis.network import to_networkx
    from kg.view.html import write_html

    title = args.title or Path(args.graph).stem
    path = write_html(to_networkx(_read_graph(args.graph)), args.output, title=title)
    print(f"Wrote {path}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import (
        evaluate,
        evaluate_corpus,
        load_claim_records,
        load_gold,
        load_gold_dir,
    )

    fmt = EVAL_FORMATS.resolve(args.format)
    records = load_claim_records(args.claims)
    if Path(args.gold).is_dir():
        report = evaluate_corpus(load_gold_dir(args.gold), records)
    else:
        report = evaluate(load_gold(args.gold), records)
    if fmt == "json":
        print(json.dumps(report.to_record(), ensure_ascii=False, indent=2))
    else:
        print(_eval_text(report, verbose=args.verbose))
    return 0


# --------------------------------------------------------------------------- parser


GRAPH_HELP = "output folder of kg build (read from its store), or a graph file (.ttl, .nt, …)"


def _graph_argument(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("graph", metavar="OUT", help=GRAPH_HELP)


def _format_option(sub: argparse.ArgumentParser, table: NameTable, default: str) -> None:
    sub.add_argument(
        "-f",
        "--format",
        default=default,
        help=f"output format: {_choices(table)} (default: {default})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Turn news articles about public policy into a knowledge graph "
        "of who stands where.",
        epilog=_examples(
            "kg build seeds/ -o out/",
            "kg claims out/ --format table",
            "kg query out/ --name stances --param actor=Mamdani",
            "kg serve out/",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        name: str, func: Callable[[argparse.Namespace], int], summary: str, *examples: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=_examples(*examples),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(func=func, parser=sub)
        return sub

    sub = command(
        "build",
        cmd_build,
        "Extract claims from articles and write graph.ttl, claims.jsonl and graph.html.",
        "kg build                       # seeds/ → out/",
        "kg build articles/ corpus.jsonl -o out/",
        "kg build corpus.jsonl --scheduler tcp://10.0.0.5:8786   # on a Dask cluster",
    )
    sub.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help=".txt/.md files, folders of them, or .jsonl corpora (default: seeds/)",
    )
    sub.add_argument(
        "-o", "--output", default="out", metavar="OUT", help="output folder (default: out/)"
    )
    sub.add_argument(
        "--cues",
        action="append",
        default=[],
        metavar="FILE.tsv",
        help="extra stance cues, in the format of kg/extract/lexicons/cues.tsv "
        "(repeatable; see README, 'Extending the cue lexicons')",
    )
    sub.add_argument(
        "--strict",
        action="store_true",
        help="fail (and write nothing) if extracting any article raises; "
        "by default such articles are reported and left out",
    )
    sub.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="parse and extract on the Dask cluster whose scheduler listens at ADDRESS "
        "(default: this machine; see README, 'Builds on a Dask cluster')",
    )

    sub = command(
        "claims",
        cmd_claims,
        "Print the claims stored in a graph.",
        "kg claims out/ --format table --min-confidence 0.6",
    )
    _graph_argument(sub)
    _format_option(sub, CLAIM_FORMATS, "jsonl")
    sub.add_argument(
        "--min-confidence",
        type=_unit_float,
        default=0.0,
        metavar="X",
        help="only claims with confidence ≥ X (0..1)",
    )

    sub = command(
        "query",
        cmd_query,
        "Run a SPARQL query (text or .rq file) or a named query over a graph.",
        "kg query --list",
        "kg query out/ --name stances --param actor=Mamdani",
        "kg query out/ 'SELECT ?s ?o WHERE { ?s kg:opposes ?o }' --format csv",
        "kg query out/ my-query.rq --format json",
        "kg query --endpoint http://127.0.0.1:7878/query --name conflicts",
    )
    sub.add_argument("graph", nargs="?", metavar="OUT", help=GRAPH_HELP)
    sub.add_argument(
        "query", nargs="?", metavar="SPARQL", help="SPARQL query text, or a .rq file holding one"
    )
    sub.add_argument(
        "-e",
        "--endpoint",
        metavar="URL",
        help="run on this SPARQL endpoint (e.g. http://127.0.0.1:7878/query) instead of OUT",
    )
    sub.add_argument(
        "--allow-service",
        action="store_true",
        help="let an ad hoc query fetch from other servers with SERVICE (refused by default)",
    )
    sub.add_argument("-n", "--name", help="run the named query NAME (see --list)")
    sub.add_argument(
        "-p",
        "--param",
        dest="params",
        action="append",
        default=[],
        type=_key_value,
        metavar="KEY=VALUE",
        help="parameter of the named query (repeatable)",
    )
    sub.add_argument(
        "-l", "--list", action="store_true", help="list the named queries with their parameters"
    )
    _format_option(sub, QUERY_FORMATS, "table")

    sub = command(
        "export",
        cmd_export,
        "Write a graph file in another format.",
        "kg export out/ --format graphml -o out/graph.graphml",
        "kg export out/ --format csv -o out/csv/   # nodes.csv, edges.csv",
    )
    _graph_argument(sub)
    sub.add_argument(
        "-f",
        "--format",
        help="ttl, nt, trig, jsonld, graphml, gexf or csv (default: from -o's suffix)",
    )
    sub.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="FILE",
        help="file to write (for csv: the folder to write nodes.csv and edges.csv into)",
    )

    sub = command(
        "analyze",
        cmd_analyze,
        "Central actors, opposing pairs, polarization, communities, coalitions and targets.",
        "kg analyze out/ --top 5",
        "kg analyze out/ --format json > analysis.json",
    )
    _graph_argument(sub)
    _format_option(sub, ANALYSIS_FORMATS, "table")
    sub.add_argument(
        "--top", type=_positive_int, default=10, metavar="N", help="rows per section (default: 10)"
    )

    sub = command(
        "view",
        cmd_view,
        "Write an interactive HTML view of a graph.",
        "kg view out/ -o view.html",
    )
    _graph_argument(sub)
    sub.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE.html", help="HTML file to write"
    )
    sub.add_argument("--title", help="page title (default: the graph file's name)")

    sub = command(
        "serve",
        cmd_serve,
        "Serve a graph read-only as a SPARQL 1.1 endpoint at http://HOST:PORT/query.",
        "kg serve out/                       # http://127.0.0.1:7878/query, Ctrl-C to stop",
        "kg serve out/ --port 8000",
    )
    _graph_argument(sub)
    sub.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, local only)"
    )
    sub.add_argument("--port", type=_port, default=7878, help="port to listen on (default: 7878)")

    sub = command(
        "eval",
        cmd_eval,
        "Score claims against gold items: precision, recall, F1 and the misses.",
        "kg eval gold.jsonl out/claims.jsonl --verbose",
        "kg eval gold.jsonl out/graph.ttl --format json",
        "kg eval gold/ out/claims.jsonl",
    )
    sub.add_argument(
        "gold",
        metavar="GOLD",
        help="gold items, one JSON object a line; or a folder of them, one <article>.jsonl "
        "per article, to score a corpus",
    )
    sub.add_argument(
        "claims",
        metavar="CLAIMS",
        help="claims.jsonl, or a graph file (.ttl, .nt, …) to read claims from",
    )
    sub.add_argument(
        "-v", "--verbose", action="store_true", help="also list the claims that match no gold item"
    )
    _format_option(sub, EVAL_FORMATS, "text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kg`` with ``argv`` (default: the process arguments); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with _interrupts():
            return args.func(args)
    except KGError as exc:
        return _fail(str(exc))
    except OSError as exc:  # e.g. an output path inside a folder that cannot be written
        if isinstance(exc, BrokenPipeError):
            return _broken_pipe()
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}; check the path")
    except KeyboardInterrupt:
        return _fail("interrupted", status=130)


# --------------------------------------------------------------------------- helpers


@contextlib.contextmanager
def _interrupts() -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM stop a command cleanly, with ``Error: interrupted``.

    SIGINT is caught even where it was inherited as ignored (a shell starts
    background jobs that way): ``kill -INT`` is a request to stop.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set in the main thread
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _read_graph(path: str) -> rdflib.Graph:
    from kg.rdf.store import read_graph

    return read_graph(path)


def _query_source(path: str | None, endpoint: str | None) -> Any:
    """Where ``kg query`` runs: the endpoint, else OUT's store or graph file (no rdflib)."""
    if endpoint is not None:
        from kg.rdf.endpoint import Endpoint

        return Endpoint(endpoint)
    from kg.rdf.source import open_graph

    return open_graph(path)


def _query_text(query: str) -> str:
    """The query itself, or the text of the ``.rq`` file it names."""
    path = Path(query)
    looks_like_file = path.suffix.lower() in (".rq", ".sparql") and "\n" not in query
    if not looks_like_file:
        return query
    text = read_text(path, expected="a SPARQL query")
    if not text.strip():
        raise InputError(f"{path}: query file is empty; write a SPARQL query in it")
    return text


def _build_summary(report: BuildReport) -> str:
    if report.up_to_date:
        return f"{report.out_dir}/ is up to date ({report.documents} documents, nothing changed)"
    lines = [
        f"Built {report.out_dir}/ in {report.seconds:.1f} s",
        f"  documents  {report.documents}"
        + (f" ({report.reused} reused from the previous build)" if report.reused else ""),
        f"  entities   {report.entities}",
        f"  claims     {report.claims}",
    ]
    width = max((len(p) for p in report.claims_by_predicate), default=0)
    lines += [f"    {p:<{width}}  {n}" for p, n in report.claims_by_predicate.items()]
    if report.failures:
        n = len(report.failures)
        lines.append(f"  failed     {n} article{'' if n == 1 else 's'} (left out; see above)")
    lines.append("  files")
    lines += [f"    {path}" for path in report.files]
    return "\n".join(lines)


def _eval_text(report: EvalReport, *, verbose: bool) -> str:
    from kg.evaluate import NO_RULE

    lines = [f"MISSED  {item.describe()}" for item in report.missed]
    if verbose:
        lines += [
            f"WRONG   {c.get('subject')} | {c.get('predicate')} | {c.get('object')}"
            for c in report.wrong
        ]
    if any(s.rule != NO_RULE for s in report.rules):
        lines.append("precision per rule")
        rows = [
            (s.rule, f"{s.correct}/{s.claims}", f"{s.precision:.2f}")
            for s in sorted(report.rules, key=lambda s: (s.precision, s.rule))
        ]
        lines.append(_table(("rule", "correct", "precision"), rows, indent="  "))
    lines.append(report.summary())
    return "\n".join(lines)


def _named_query_list(queries: dict[str, Any]) -> str:
    blocks = []
    for name, query in sorted(queries.items()):
        lines = [" ".join([name, *(f"--param {p}=…" for p in query.params)])]
        lines.append(f"    {query.description}")
        helps = getattr(query, "param_help", ()) or ("",) * len(query.params)
        lines += [f"    {p}: {h}".rstrip(": ") for p, h in zip(query.params, helps, strict=True)]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def _table(columns: Sequence[str], rows: Sequence[Sequence[str]], indent: str = "") -> str:
    widths = [len(c) for c in columns]
    for row in rows:
        widths = [max(w, len(v)) for w, v in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return (indent + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *map(line, rows)])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)  # the csv module quotes commas, quotes and line breaks


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return " ".join(str(value).split())  # no tab or newline may break a row


def _progress(message: str) -> None:
    """A progress line on a terminal; nothing when stderr is piped or captured."""
    if sys.stderr.isatty():
        print(message, file=sys.stderr, flush=True)


def _article_progress(done: int, total: int) -> None:
    """ "parsed 120/2000 articles", rewritten in place on a terminal."""
    if sys.stderr.isatty() and (done == total or done % 10 == 0):
        end = "\n" if done == total else ""
        print(f"\r  parsed {done}/{total} articles", end=end, file=sys.stderr, flush=True)


def _fail(message: str, status: int = 1) -> int:
    print(f"Error: {' '.join(message.split())}", file=sys.stderr)
    return status


def _broken_pipe() -> int:
    # The reader went away (`kg claims … | head`): stop quietly, as Unix tools do.
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


def _examples(*lines: str) -> str:
    return "Example:\n" + "\n".join(f"  {line}" for line in lines)


def _choices(table: NameTable) -> str:
    return ", ".join(table)


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


def _unit_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}")
    return value


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number (1-65535), got {text!r}")
    return int(text)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}")
    return value


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for (the lookup
    imports ``importlib.metadata``, which would slow every command's start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg")
    except PackageNotFoundError:
        return "unknown"
