"""notebooks/walkthrough.ipynb runs from its own folder, as Jupyter runs it, and
shows tables, a heat map, the numbers of ``kg analyze`` and the whole view."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def _text(cell: nbformat.NotebookNode) -> str:
    """Everything a code cell showed as text: streams, results and displayed data."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.extend(str(v) for k, v in output.data.items() if not k.startswith("image/"))
    return "".join(parts)


def _shown(cells: list[nbformat.NotebookNode]) -> str:
    return "\n".join(_text(cell) for cell in cells)


@pytest.fixture(scope="module")
def executed() -> list[nbformat.NotebookNode]:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # Kernel "python3" is the interpreter running the tests (ipykernel is in the venv);
    # the working folder is the notebook's own, as in Jupyter.
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()  # raises CellExecutionError on the first failing cell
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def test_notebook_runs_without_errors_from_its_own_folder(executed) -> None:
    for cell in executed:
        assert cell.execution_count is not None
        assert not [o for o in cell.get("outputs", []) if o.output_type == "error"]
    assert "UserWarning" not in _shown(executed)


def test_notebook_shows_the_claims_and_actors_as_tables(executed) -> None:
    shown = _shown(executed)
    built = re.search(r"1 document\(s\), (\d+) entities, (\d+) claims", shown)
    read_back = re.search(r"claims in the graph: (\d+)", shown)
    assert built and read_back, shown[:2000]
    assert int(read_back.group(1)) == int(built.group(2)) > 0
    tables = [t for t in re.findall(r"<table.*?</table>", shown, re.DOTALL)]
    claims_table = next(t for t in tables if "<th>sentence</th>" in t)
    assert "<th>date</th>" in claims_table and re.search(
        r"<td>(supports|opposes)</td>", claims_table
    )
    actors_table = next(t for t in tables if "<th>pagerank</th>" in t)
    assert actors_table.count("<tr>") >= 3


def test_notebook_runs_every_named_query(executed) -> None:
    from kg.rdf.query import NAMED_QUERIES

    shown = _shown(executed)
    for name in NAMED_QUERIES:
        assert re.search(rf"^== {name}( {{.*}})?: .* \(\d+ rows\)$", shown, re.MULTILINE), name
    entities = re.search(r"^== entities: .* \((\d+) rows\)$", shown, re.MULTILINE)
    assert entities and int(entities.group(1)) > 0


def test_notebook_draws_the_stance_matrix_as_a_heat_map(executed) -> None:
    images = [
        o for cell in executed for o in cell.get("outputs", []) if "image/png" in o.get("data", {})
    ]
    assert len(images) == 1
    assert "<th>target</th>" in _shown(executed) or "target" in _shown(executed)


def test_notebook_numbers_are_those_of_kg_analyze(executed) -> None:
    shown = _shown(executed)
    graph = re.search(r"^graph: (.*graph\.ttl)$", shown, re.MULTILINE).group(1)
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "analyze", graph, "--format", "json", "--top", "10"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    expected = json.loads(proc.stdout)
    polarization = {k: v for k, v in expected["polarization"].items() if k != "camps"}
    assert f"polarization: {polarization}" in shown
    assert f"community sizes: {[c['size'] for c in expected['communities']]}" in shown
    assert f"coalition sizes: {[c['size'] for c in expected['coalitions']]}" in shown


def test_notebook_shows_the_whole_view_inline(executed) -> None:
    from kg.view.html import CANVAS_HEIGHT, FRAME_HEIGHT

    html = _text(executed[-1])
    assert "<iframe srcdoc=" in html and f"height: {FRAME_HEIGHT}px" in html
    assert FRAME_HEIGHT > CANVAS_HEIGHT + 100  # the header and the canvas fit
    assert "vis.Network" in html and "kgClaims" in html
