"""Shared fixtures: the graph built once from data/documents, and a real server on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "data" / "documents"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_tool(name: str) -> str:
    """The path of a tool the test needs; under CI a missing tool fails instead of skipping."""
    path = shutil.which(name)
    if path:
        return path
    if IN_CI:
        pytest.fail(f"{name} is not installed; .ci/run must install it")
    pytest.skip(f"{name} is not installed")


def run_cli(*args: str, store: Path | None = None, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real ``aseankg`` command in a subprocess."""
    env = dict(os.environ)
    if store is not None:
        env["AKG_STORE"] = str(store)
    return subprocess.run(
        [sys.executable, "-m", "aseankg.cli", *args],
        capture_output=True,
        text=True,
        input=input,
        env=env,
        cwd=cwd or ROOT,
        timeout=600,
    )


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from the five articles by the real ``aseankg build``."""
    store = tmp_path_factory.mktemp("store") / "store"
    result = run_cli("build", str(DOCUMENTS), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, base_url: str, process: subprocess.Popen) -> None:
        self.base_url = base_url
        self.process = process

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=30, **kwargs)


def start_server(store: Path, *extra: str, env: dict[str, str] | None = None) -> Server:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "aseankg.cli", "serve", "--store", str(store), "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stdout.read().decode() if process.stdout else ''}")
        try:
            httpx.get(base_url + "/sparql", params={"query": "ASK {}"}, timeout=2)
            return Server(base_url, process)
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not start within 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def server(built_store: Path) -> Iterator[Server]:
    """``aseankg serve`` on a free loopback port over the built store."""
    srv = start_server(built_store)
    yield srv
    stop_server(srv)
