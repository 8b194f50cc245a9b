"""A full disk during kg build: one `Error:` line naming the file, the previous output whole.

The test mounts a small tmpfs, so it runs as root on Linux and is skipped elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    "Council vote\n\n"
    "Councilmember Rosa Vint said on Tuesday that she opposes the parking levy. "
    "Mayor Teo Brandt praised the new library budget.\n"
)


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT
    )


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 64 MB tmpfs, unmounted afterwards."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not let the test mount a tmpfs: {mounted.stderr!r}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, leave: int) -> None:
    """Fill ``disk`` up to ``leave`` free bytes."""
    free = shutil.disk_usage(disk).free - leave
    with open(disk / "filler", "wb") as fh:
        while free > 0:
            chunk = min(free, 1 << 20)
            fh.write(b"\0" * chunk)
            free -= chunk


def test_a_full_disk_names_the_file_and_keeps_the_previous_output(small_disk, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "vote.txt").write_text(ARTICLE, encoding="utf-8")
    out = small_disk / "out"
    first = kg("build", str(articles), "-o", str(out))
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    (articles / "second.txt").write_text(ARTICLE.replace("Rosa Vint", "Ida Moss"), "utf-8")
    fill(small_disk, leave=64 * 1024)
    second = kg("build", str(articles), "-o", str(out))

    assert second.returncode == 1
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), second.stderr
    assert str(small_disk) in lines[0]  # names the file it could not write
    assert "space" in lines[0].lower(), lines[0]
    assert "Traceback" not in second.stderr
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    leftovers = [p.name for p in small_disk.iterdir() if "staging" in p.name]
    assert leftovers == []
