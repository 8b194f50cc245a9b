"""The output folder as one set: written whole or not at all, by one build at a time.

A build writes everything into a fresh hidden sibling of the output folder
(``.OUT.kg-staging-PID-…``) and, once every file is complete, exchanges it with
the output folder in one atomic ``renameat2(RENAME_EXCHANGE)`` (two renames
where the system has no exchange). A reader sees the old set or the new one,
never a mix. A lock on ``.OUT.kg-lock`` (an ``flock``, released by the kernel
even when the build is killed) keeps two builds out of one folder; the next
build removes whatever a killed one left behind.

Files in the output folder that kg does not write are carried over (hard links),
so building into a folder that holds other files keeps them.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import datetime
import errno
import fcntl
import os
import secrets
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

from kg.errors import OutputError

#: What kg writes into an output folder; anything else there is the user's.
KG_ENTRIES = frozenset(
    {"graph.ttl", "claims.jsonl", "graph.html", "store", "cache", "manifest.json"}
)
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@contextlib.contextmanager
def staged_output(out_dir: str | os.PathLike[str]) -> Iterator[Path]:
    """Lock ``out_dir`` and yield an empty staging folder; swap it in on success.

    On any exception (Ctrl-C included) the staging folder is removed and
    ``out_dir`` is left as it was. Raises :class:`OutputError` when another
    build holds the lock, naming its process.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: is a file; give a folder for the output (-o OUT)")
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{parent}: cannot be created ({exc.strerror}); choose a folder you can write to"
        ) from None
    with _locked(out, parent / f".{out.name}.kg-lock"):
        _remove_leftovers(parent, out.name)
        staging = parent / f".{out.name}.kg-staging-{os.getpid()}-{secrets.token_hex(3)}"
        try:
            staging.mkdir()
            _carry_over(out, staging)
            yield staging
            _swap(staging, out)
        except OSError as exc:
            _remove(staging)
            raise OutputError(
                f"{exc.filename or out}: cannot be written ({exc.strerror}); "
                "free some space or choose another folder (-o OUT)"
            ) from None
        except BaseException:
            _remove(staging)
            raise
        _remove(staging)  # the previous output, exchanged out


@contextlib.contextmanager
def _locked(out: Path, lock: Path) -> Iterator[None]:
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(
            f"{lock}: cannot be created ({exc.strerror}); choose a folder you can write to"
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise OutputError(
                f"{out}: another kg build is writing it ({holder}); "
                "wait for it to finish or choose another folder (-o OUT)"
            ) from None
        started = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        holder = f"process {os.getpid()} on {socket.gethostname()}, started {started}"
        os.ftruncate(fd, 0)
        os.pwrite(fd, holder.encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _remove_leftovers(parent: Path, name: str) -> None:
    """Staging folders of builds that were killed (we hold the lock: none is running)."""
    for path in parent.glob(f".{name}.kg-staging-*"):
        _remove(path)


def _carry_over(out: Path, staging: Path) -> None:
    if not out.is_dir():
        return
    for entry in out.iterdir():
        if entry.name in KG_ENTRIES or entry.name.startswith(".kg-"):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, staging / entry.name, symlinks=True, copy_function=link)
        else:
            link(entry, staging / entry.name)


def link(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Hard-link ``source`` to ``target`` (copy where the file system cannot link)."""
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` in place of ``out``; the old ``out`` ends up at ``staging``."""
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        return
    old = out.parent / f".{out.name}.kg-staging-old-{os.getpid()}"
    os.rename(out, old)
    os.rename(staging, out)
    os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    """Exchange two paths atomically (Linux ``renameat2``); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(b))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
