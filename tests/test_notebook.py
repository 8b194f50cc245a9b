"""notebooks/walkthrough.ipynb runs from top to bottom and shows real results."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def _text(cell: nbformat.NotebookNode) -> str:
    """Everything a code cell showed: streams, results and displayed data."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.extend(str(v) for v in output.data.values())
    return "".join(parts)


@pytest.fixture(scope="module")
def executed() -> list[nbformat.NotebookNode]:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # kernel "python3" is the interpreter running the tests (ipykernel is in the venv);
    # cwd is the repository root, where the notebook finds seeds/.
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()  # raises CellExecutionError on the first failing cell
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def test_notebook_runs_without_errors(executed: list[nbformat.NotebookNode]) -> None:
    for cell in executed:
        assert cell.execution_count is not None
        assert not [o for o in cell.get("outputs", []) if o.output_type == "error"]


def test_notebook_reads_claims_back_from_the_graph(
    executed: list[nbformat.NotebookNode],
) -> None:
    shown = "\n".join(_text(cell) for cell in executed)
    built = re.search(r"1 document\(s\), (\d+) entities, (\d+) claims", shown)
    read_back = re.search(r"claims in the graph: (\d+)", shown)
    assert built and read_back, shown[:2000]
    assert int(read_back.group(1)) == int(built.group(2)) > 0
    assert re.search(r"—(supports|opposes|criticizes|praises|holdsRole)→", shown)


def test_notebook_runs_every_named_query(executed: list[nbformat.NotebookNode]) -> None:
    from kg.rdf.query import NAMED_QUERIES

    shown = "\n".join(_text(cell) for cell in executed)
    for name in NAMED_QUERIES:
        assert re.search(rf"^== {name}( {{.*}})?: .* \(\d+ rows\)$", shown, re.MULTILINE), name
    entities = re.search(r"^== entities: .* \((\d+) rows\)$", shown, re.MULTILINE)
    assert entities and int(entities.group(1)) > 0


def test_notebook_shows_the_view_inline(executed: list[nbformat.NotebookNode]) -> None:
    html = _text(executed[-1])
    assert "<iframe srcdoc=" in html
    assert "UserWarning" not in html
    assert "vis-network" in html or "vis.Network" in html
