"""Opening what ``kg build`` wrote: an output folder's store (read-only), its graph.ttl, a file."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import GraphError
from kg.model import Article, Extraction
from kg.rdf.graph import claims_from_graph, to_graph
from kg.rdf.source import open_graph, store_folder
from kg.rdf.store import oxigraph_of, read_graph, write_graph


def make_store(graph, folder: Path) -> Path:
    """What the build writes: ``folder/store`` (an on-disk Oxigraph store) and ``graph.ttl``."""
    folder.mkdir(parents=True, exist_ok=True)
    write_graph(graph, folder / "graph.ttl")
    store = ox.Store(str(folder / "store"))
    store.bulk_extend(oxigraph_of(graph).quads_for_pattern(None, None, None))
    store.flush()
    del store  # closes it
    return folder


def test_output_folder_is_read_from_its_store(graph, tmp_path):
    out = make_store(graph, tmp_path / "out")
    (out / "graph.ttl").write_text("not turtle at all", encoding="utf-8")  # so never parsed

    store = open_graph(out)

    assert store_folder(out) == out / "store"
    assert len(store) == len(graph)
    assert claims_from_graph(read_graph(out)) == claims_from_graph(graph)


def test_store_folder_itself_can_be_named(graph, tmp_path):
    out = make_store(graph, tmp_path / "out")

    assert len(open_graph(out / "store")) == len(graph)


def test_many_readers_share_the_store(graph, tmp_path):
    out = make_store(graph, tmp_path / "out")

    readers = [open_graph(out) for _ in range(3)]  # read-only: none locks the others out

    assert [len(r) for r in readers] == [len(graph)] * 3
    with pytest.raises(RuntimeError):  # and none can write
        readers[0].update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_output_folder_without_a_store_reads_graph_ttl(graph, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    write_graph(graph, out / "graph.ttl")

    assert store_folder(out) is None
    assert len(open_graph(out)) == len(graph)


def test_a_folder_that_is_no_store_is_a_graph_error(tmp_path):
    broken = tmp_path / "out" / "store"
    broken.mkdir(parents=True)
    (broken / "CURRENT").write_text("MANIFEST-000099\n", encoding="utf-8")

    with pytest.raises(GraphError) as error:
        open_graph(tmp_path / "out")

    message = str(error.value)
    assert message.startswith(f"{broken}: cannot be opened as an Oxigraph store (")
    assert message.endswith("); rebuild it with `kg build`")


def test_a_store_of_other_data_is_a_graph_error(tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")))
    store.flush()
    del store

    with pytest.raises(GraphError, match="holds no kg documents or claims"):
        open_graph(tmp_path)


def test_a_graph_without_claims_is_accepted(tmp_path):
    # Articles in which the extractors found nothing: documents, no claims.
    articles = (Article("quiet.txt", "Nothing happened today."),)
    path = write_graph(to_graph(Extraction(articles, (), ())), tmp_path / "graph.ttl")

    graph = read_graph(path)

    assert claims_from_graph(graph) == []
    assert len(graph) > 0
