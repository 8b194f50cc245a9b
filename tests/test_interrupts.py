"""Ctrl-C, SIGTERM and SIGKILL during a parallel build, with the real command."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.parallel import PARALLEL_FROM

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see workers")

#: The issue's bound is 5 s; the tests allow more, as the machine may be busy.
ENDS_WITHIN = 10.0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "many.jsonl"
    body = (
        "Senator Ann Lee said on Monday that she opposes the transit levy. "
        "Mayor Bob Roe praised the budget, and the council voted to delay it. "
    ) * 8
    rows = [
        {"id": f"n{i:04d}", "text": f"Report {i}\n\n{body}"} for i in range(PARALLEL_FROM + 400)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def previous(tmp_path):
    """An output folder holding a previous build's files."""
    out = tmp_path / "out"
    out.mkdir()
    for name in ("graph.ttl", "claims.jsonl", "graph.html"):
        (out / name).write_text(f"previous {name}\n", encoding="utf-8")
    return out


def start_build(corpus, out, *, as_background_job=False):
    """``kg build`` in its own process group; ``as_background_job`` starts it as
    a shell starts ``cmd &``, with SIGINT ignored."""
    ignore = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if as_background_job else None
    return subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out)],
        preexec_fn=ignore,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # as `setsid kg build …`: its own process group
    )


def children(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def wait_for_workers(build, count=2, timeout=120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = children(build.pid)
        if len(workers) >= count:
            time.sleep(1.0)  # let them get to work
            return workers
        if build.poll() is not None:
            pytest.fail(f"the build ended before its workers started: {build.stderr.read()}")
        time.sleep(0.1)
    build.kill()
    pytest.fail("no worker processes started")


def gone(pids, timeout=ENDS_WITHIN):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{pid}").exists() and not zombie(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


def zombie(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (FileNotFoundError, ProcessLookupError):
        return True


@pytest.mark.parametrize(
    ("sig", "group", "background"),
    [
        (signal.SIGINT, True, False),
        (signal.SIGINT, False, False),
        (signal.SIGTERM, False, False),
        (signal.SIGINT, True, True),
    ],
    ids=["ctrl-c-to-the-group", "sigint-to-kg", "sigterm-to-kg", "sigint-to-a-background-job"],
)
def test_interrupt_ends_the_build_cleanly(corpus, previous, sig, group, background):
    build = start_build(corpus, previous, as_background_job=background)
    workers = wait_for_workers(build)
    (os.killpg if group else os.kill)(build.pid, sig)
    try:
        _, stderr = build.communicate(timeout=ENDS_WITHIN)
    except subprocess.TimeoutExpired:
        os.killpg(build.pid, signal.SIGKILL)
        pytest.fail(f"the build did not end within {ENDS_WITHIN} s of {sig.name}")
    assert build.returncode == 130
    assert stderr.strip().splitlines()[-1] == "Error: interrupted"
    assert "Traceback" not in stderr
    assert gone(workers), "a worker outlived the build"
    assert sorted(p.name for p in previous.iterdir()) == ["claims.jsonl", "graph.html", "graph.ttl"]
    for path in previous.iterdir():
        assert path.read_text(encoding="utf-8") == f"previous {path.name}\n"


def test_workers_leave_when_kg_is_killed(corpus, previous):
    build = start_build(corpus, previous)
    workers = wait_for_workers(build)
    os.kill(build.pid, signal.SIGKILL)
    build.communicate(timeout=ENDS_WITHIN)
    assert gone(workers), "a worker outlived the killed build"
    for path in previous.iterdir():
        assert path.read_text(encoding="utf-8") == f"previous {path.name}\n"
