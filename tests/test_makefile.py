"""The Makefile picks a Python that is 3.11 or newer, or says which one it needs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAKE = shutil.which("make")

pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def _fake_bin(tmp_path: Path, **scripts: str) -> Path:
    """A folder of executables named after the keys (dots written as ``_``)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name, body in scripts.items():
        path = folder / name.replace("_", ".")
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)
    return folder


def _make_python(folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{folder}:/bin:/usr/bin:{Path(MAKE).parent}"}
    env.pop("PYTHON", None)
    # Only the fake folder holds python commands: hide the real ones behind it.
    for name in ("python3.13", "python3.12", "python3.11", "python3"):
        if not (folder / name).exists():
            (folder / name).write_text("#!/bin/sh\nexit 127\n")
            (folder / name).chmod(0o755)
    return subprocess.run(
        [MAKE, "-s", "-C", str(ROOT), "python"], env=env, capture_output=True, text=True
    )


def test_the_first_recent_python_is_chosen(tmp_path: Path) -> None:
    real = sys.executable  # the Python running the tests is 3.11 or newer
    folder = _fake_bin(
        tmp_path,
        python3_13='echo "pyenv: python3.13: command not found" >&2; exit 127',  # a bare shim
        python3_12=f'exec "{real}" "$@"',
        python3_11=f'exec "{real}" "$@"',
    )
    result = _make_python(folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "python3.12"


def test_a_python_older_than_3_11_is_passed_over(tmp_path: Path) -> None:
    real = sys.executable
    old = "exit 1"  # what `python -c 'sys.exit(version < (3, 11))'` does on 3.10
    folder = _fake_bin(tmp_path, python3_13=old, python3_12=old, python3=f'exec "{real}" "$@"')
    result = _make_python(folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "python3"


def test_no_recent_python_says_what_is_needed(tmp_path: Path) -> None:
    folder = _fake_bin(tmp_path, python3="exit 1")
    result = _make_python(folder)
    assert result.returncode != 0
    assert "needs Python 3.11 or newer" in result.stderr
    assert "python3.13 python3.12 python3.11 python3" in result.stderr
