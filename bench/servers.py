"""Servers the benchmarks start on loopback as subprocesses, and their memory.

Every server is a child process on 127.0.0.1 with a free port, waited for with a bounded
deadline and stopped (terminate, then kill) when the benchmark leaves the ``with`` block.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak RSS) of ``pid`` in bytes; empty when it is gone."""
    found: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) * 1024
    except OSError:
        pass
    return found


def descendants(pid: int) -> list[int]:
    """The processes ``pid`` started, and theirs (the server's query workers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(children.get(child, []))
    return sorted(found)


def tree_memory(pid: int) -> dict[str, int]:
    """The server's own VmRSS / VmHWM, and the sums over it and its descendants."""
    own = memory(pid)
    everyone = [own] + [memory(child) for child in descendants(pid)]
    return {
        **own,
        "processes": sum(1 for m in everyone if m),
        "tree_rss": sum(m.get("VmRSS", 0) for m in everyone),
        "tree_hwm": sum(m.get("VmHWM", 0) for m in everyone),  # an upper bound of the peak
    }


class Sampler:
    """Samples the RSS of a server and its descendants every ``interval`` s (bounded)."""

    def __init__(self, pid: int, interval: float = 0.5, limit: float = 3600.0) -> None:
        self.pid = pid
        self.interval = interval
        self.limit = limit
        self.timeline: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        began = time.perf_counter()
        while not self._stop.is_set() and time.perf_counter() - began < self.limit:
            self.timeline.append((round(time.perf_counter() - began, 2), tree_memory(self.pid)["tree_rss"]))
            self._stop.wait(self.interval)

    @property
    def peak(self) -> int:
        return max((rss for _, rss in self.timeline), default=0)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


class Server:
    """A server subprocess: ``with Server(name, argv, port) as s: ...``."""

    def __init__(self, name: str, argv: list[str], port: int, *, ready_path: str = "/", log: Path,
                 timeout: float = 600.0, env: dict[str, str] | None = None) -> None:
        self.name = name
        self.argv = argv
        self.port = port
        self.ready_path = ready_path
        self.log_path = log
        self.timeout = timeout
        self.env = env
        self.process: subprocess.Popen | None = None
        self.started_in = 0.0

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def memory(self) -> dict[str, int]:
        """Its own VmRSS / VmHWM and the sums over it and the processes it started."""
        return tree_memory(self.pid)

    def __enter__(self) -> Server:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        env = dict(os.environ, **(self.env or {}))
        started = time.perf_counter()
        self.process = subprocess.Popen(self.argv, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = started + self.timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log_path}")
            if self._answers():
                self.started_in = time.perf_counter() - started
                return self
            time.sleep(0.2)
        self.__exit__(None, None, None)
        raise TimeoutError(f"{self.name} did not answer within {self.timeout:.0f} s; see {self.log_path}")

    def _answers(self) -> bool:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            conn.request("GET", self.ready_path)
            return conn.getresponse().status < 500
        except (OSError, http.client.HTTPException):
            return False
        finally:
            conn.close()

    def __exit__(self, *exc: object) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)


def aseankg_server(store_root: Path, log: Path) -> Server:
    """``aseankg serve`` on the store directory ``store_root``, as a user runs it."""
    port = free_port()
    argv = [sys.executable, "-m", "aseankg.cli", "serve", "--store", str(store_root), "--host", "127.0.0.1", "--port", str(port)]
    return Server("aseankg serve", argv, port, ready_path="/sparql?query=ASK%7B%7D", log=log, timeout=300)


def peer_server(nquads: Path, log: Path, report: Path) -> Server:
    """rdflib-endpoint serving the N-Quads file (see :mod:`bench.peer`)."""
    port = free_port()
    argv = [sys.executable, "-m", "bench.peer", str(nquads), "--port", str(port), "--report", str(report)]
    return Server("rdflib-endpoint", argv, port, ready_path="/", log=log, timeout=1800)


def echo_server(log: Path) -> Server:
    """The HTTP floor: uvicorn answering a constant (see :mod:`bench.echo`)."""
    port = free_port()
    argv = [sys.executable, "-m", "uvicorn", "bench.echo:app", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    return Server("uvicorn echo", argv, port, ready_path="/", log=log, timeout=60)
