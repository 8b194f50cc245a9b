"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over an output folder's store.

The server is Oxigraph's own (``oxigraph serve-read-only``, from the
``oxigraph`` package on PyPI), run as a child process: queries at
``http://HOST:PORT/query`` (GET and POST), every update refused with
``403 The server is read-only``. A folder with a ``graph.ttl`` but no store
(a build from before stores) is loaded into a temporary store first, removed
when the server stops.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import ServerError
from kg.rdf.source import open_graph, store_folder

#: How long the server may take to accept connections before it counts as failed.
STARTUP_SECONDS = 30.0
#: How long a stopped server may take to exit before it is killed.
STOP_SECONDS = 5.0


@dataclass(frozen=True)
class Server:
    """What to serve and where: a store folder, a host and a port."""

    store: Path
    host: str
    port: int

    @property
    def url(self) -> str:
        """The query URL, ``http://127.0.0.1:7878/query``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/query"

    def command(self, program: str) -> list[str]:
        """The ``oxigraph serve-read-only`` command line, ``program`` being the executable."""
        bind = f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"
        return [program, "serve-read-only", "--location", str(self.store), "--bind", bind]


def oxigraph_program() -> str:
    """The ``oxigraph`` executable: beside this Python's, else on the ``PATH``."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        raise ServerError(
            "the Oxigraph server is not installed; install it with `pip install oxigraph`"
        )
    return found


@contextlib.contextmanager
def serving(
    out: str | os.PathLike[str], host: str = "127.0.0.1", port: int = 7878
) -> Iterator[tuple[Server, subprocess.Popen[bytes]]]:
    """Run the server over ``out`` (an output folder or graph file) while the block runs.

    Yields once the server accepts connections; stops it (and removes any
    temporary store) when the block ends, also on Ctrl-C or an error.
    """
    program = oxigraph_program()
    _check_port(host, port)
    with _store_of(out) as store:
        server = Server(store, host, port)
        process = subprocess.Popen(
            server.command(program),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
        threading.Thread(target=_pass_messages, args=(process.stderr,), daemon=True).start()
        try:
            _wait_until_ready(server, process)
            yield server, process
        finally:
            _stop(process)


def run(
    out: str | os.PathLike[str],
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    started: Callable[[Server], None] = lambda server: None,
) -> int:
    """Serve ``out`` until Ctrl-C or SIGTERM; call ``started`` once it listens.

    Returns 0 when stopped by a signal; raises :class:`ServerError` when the
    server cannot start or exits by itself.
    """
    # Both set here: a shell starts background jobs with SIGINT ignored.
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with serving(out, host, port) as (server, process):
            started(server)
            status = process.wait()
        raise ServerError(f"the Oxigraph server stopped by itself (exit status {status})")
    except KeyboardInterrupt:
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def _store_of(out: str | os.PathLike[str]) -> Iterator[Path]:
    """The store folder of ``out``, or a temporary store loaded from its graph file."""
    path = Path(out)
    folder = store_folder(path) if path.is_dir() else None
    if folder is not None:
        open_graph(folder)  # checks that kg build wrote it
        yield folder
        return
    graph = open_graph(path)  # a graph file (or a folder with graph.ttl only), in memory
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as temporary:
        store = ox.Store(temporary)
        store.bulk_extend(graph.quads_for_pattern(None, None, None))
        store.flush()
        del store  # releases the write lock, so the server can open it
        yield Path(temporary)


def _pass_messages(stream: IO[bytes]) -> None:
    """Copy the server's messages to stderr, but for its own "Listening for requests at"."""
    for line in stream:
        if not line.startswith(b"Listening for requests at"):
            sys.stderr.write(line.decode("utf-8", "replace"))
            sys.stderr.flush()


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise ServerError(
                f"cannot listen on {host}:{port} ({error.strerror or error}); "
                "choose another --port or --host"
            ) from None


def _wait_until_ready(server: Server, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        status = process.poll()
        if status is not None:
            raise ServerError(
                f"the Oxigraph server did not start (exit status {status}); see its message above"
            )
        try:
            with socket.create_connection((server.host, server.port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise ServerError(f"the Oxigraph server did not listen on {server.url} within 30 s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Have Linux stop the server when ``kg serve`` dies, even by SIGKILL."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
