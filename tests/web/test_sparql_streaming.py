"""Results stream: a 120,000-row SELECT starts arriving before the last row is computed, is not
held in the server's memory, and does not stop the server answering others meanwhile.

Memory is read from the real server process (/proc/<pid>/status: VmRSS now, VmHWM the peak,
reset through /proc/<pid>/clear_refs). No timing is asserted.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sparql_fixture import BIG_ROWS, big_store

from conftest import Server, start_server, stop_server

pytestmark = pytest.mark.slow
SELECT = "SELECT ?item ?note WHERE { ?item akg:note ?note }"
MiB = 1024 * 1024


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(big_store(tmp_path_factory.mktemp("big") / "store"))
    yield srv
    stop_server(srv)


def _status(pid: int, field: str) -> int:
    """A memory figure of /proc/<pid>/status, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no {field} for process {pid}")


def _tree(pid: int) -> list[int]:
    """The process and its descendants (a server may run queries in worker processes)."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            found += _tree(int(child))
    return found


def _tree_rss(pid: int) -> int:
    total = 0
    for p in _tree(pid):
        try:
            total += _status(p, "VmRSS")
        except (OSError, AssertionError):
            pass  # ended meanwhile
    return total


def _reset_peak(pid: int) -> None:
    """Make VmHWM (the peak resident set) start again from the current resident set."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def _drain(response: httpx.Response) -> tuple[int, int]:
    """(bytes, rows) of a streamed SPARQL JSON response, one binding per line."""
    size = rows = 0
    tail = b""
    for chunk in response.iter_bytes():
        size += len(chunk)
        data = tail + chunk
        rows += data.count(b'\n{"item"')
        tail = data[-8:]  # shorter than the pattern: a row is never counted twice
    return size, rows


def test_select_streams_in_bounded_memory_while_others_are_answered(big: Server) -> None:
    pid = big.process.pid
    with httpx.Client(base_url=big.base_url, timeout=120) as http:
        # A first full pass, so that caches and the allocator have settled.
        with http.stream("GET", "/sparql", params={"query": SELECT}) as warm:
            size, rows = _drain(warm)
        assert rows == BIG_ROWS
        assert size > 50 * MiB

        baseline = _status(pid, "VmRSS")
        tree_baseline = _tree_rss(pid)
        _reset_peak(pid)
        with http.stream("GET", "/sparql", params={"query": SELECT}, headers={"Accept": "application/sparql-results+json"}) as r:
            assert r.status_code == 200
            assert "content-length" not in r.headers  # sent as it is made, not measured first
            chunks = r.iter_bytes()
            first = next(chunks)
            head = json.loads(first.split(b"\n", 1)[0] + b"]}}")
            assert head["head"]["vars"] == ["item", "note"]
            # The client has read one chunk and waits: the server (and any query worker process
            # it runs) holds only what is in flight.
            paused = _tree_rss(pid) - tree_baseline
            # ...and answers another client meanwhile.
            with httpx.Client(base_url=big.base_url, timeout=60) as other:
                ask = other.get("/sparql", params={"query": "ASK { ?item akg:note ?note }"})
            assert ask.json()["boolean"] is True
            rest = sum(len(c) for c in chunks)
        peak = _status(pid, "VmHWM") - baseline
    total = len(first) + rest
    assert total == size
    assert paused < total / 10, f"{paused / MiB:.1f} MiB held while paused, response {total / MiB:.0f} MiB"
    assert peak < total / 5, f"peak {peak / MiB:.1f} MiB above baseline for a {total / MiB:.0f} MiB response"


@pytest.mark.parametrize(("params", "accept"), [
    ({}, "text/csv"),
    ({}, "text/tab-separated-values"),
    ({}, "application/sparql-results+xml"),
])
def test_every_results_format_streams_all_rows(big: Server, params: dict, accept: str) -> None:
    pid = big.process.pid
    with httpx.Client(base_url=big.base_url, timeout=120) as http:
        baseline = _status(pid, "VmRSS")
        _reset_peak(pid)
        with http.stream("GET", "/sparql", params={"query": SELECT, **params}, headers={"Accept": accept}) as r:
            assert "content-length" not in r.headers
            size = lines = 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                lines += chunk.count(b"\n")
        peak = _status(pid, "VmHWM") - baseline
    if accept == "application/sparql-results+xml":
        assert lines >= BIG_ROWS  # one <result> per line
    else:
        assert lines == BIG_ROWS + 1  # the header and one line per row
    assert peak < size / 5, f"peak {peak / MiB:.1f} MiB for {size / MiB:.0f} MiB of {accept}"


def _threads(pid: int) -> int:
    return len(list(Path(f"/proc/{pid}/task").iterdir()))


def test_a_client_that_goes_away_releases_the_server(big: Server) -> None:
    pid = big.process.pid
    with httpx.Client(base_url=big.base_url, timeout=60) as http:
        http.get("/sparql", params={"query": "ASK {}"})
        before = _threads(pid)
        for _ in range(5):
            with http.stream("GET", "/sparql", params={"query": SELECT}) as r:
                next(r.iter_bytes())  # read a little, then close the connection
        again = http.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s akg:note ?o }"})
    assert again.json()["results"]["bindings"][0]["n"]["value"] == str(BIG_ROWS)
    # The abandoned queries' worker threads stop at their next write (wait for them, generously).
    deadline = time.monotonic() + 30
    while _threads(pid) > before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _threads(pid) <= before


@pytest.mark.parametrize("ext", ["jsonld", "trig"])  # our JSON-LD writer; the dataset path
def test_exports_stream_in_bounded_memory(big: Server, ext: str) -> None:
    pid = big.process.pid
    with httpx.Client(base_url=big.base_url, timeout=120) as http:
        with http.stream("GET", f"/export/aseankg.{ext}") as warm:  # settle the caches
            for _ in warm.iter_bytes():
                pass
        baseline = _status(pid, "VmRSS")
        _reset_peak(pid)
        with http.stream("GET", f"/export/aseankg.{ext}") as r:
            assert r.status_code == 200 and "content-length" not in r.headers
            size = sum(len(chunk) for chunk in r.iter_bytes())
        peak = _status(pid, "VmHWM") - baseline
    assert size > 50 * MiB
    assert peak < size / 5, f"peak {peak / MiB:.1f} MiB for a {size / MiB:.0f} MiB export"
