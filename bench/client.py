"""A small keep-alive HTTP client and a bounded runner of concurrent workers.

The standard library's ``http.client`` costs the client little CPU, which matters when the
client and the server share two cores. Each worker thread has its own connection and stops
at the deadline or after ``max_requests``, whichever comes first.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench.stats import Sample


class Client:
    """One persistent HTTP/1.1 connection to 127.0.0.1:port."""

    def __init__(self, port: int, timeout: float = 60.0) -> None:
        self.port = port
        self.timeout = timeout
        self.conn = self._connect()

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        return self.request("GET", path, None, headers)

    def request(self, method: str, path: str, body: bytes | None, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        try:
            self.conn.request(method, path, body=body, headers=headers or {})
            response = self.conn.getresponse()
            data = response.read()
            if response.will_close:
                self.conn.close()
                self.conn = self._connect()
            return response.status, data
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = self._connect()
            raise

    def close(self) -> None:
        self.conn.close()


Call = Callable[[Any, Any], bool]  # (worker state, item) -> ok


def run(
    workers: int,
    seconds: float,
    items: Sequence[Any],
    call: Call,
    *,
    setup: Callable[[], Any] = lambda: None,
    teardown: Callable[[Any], None] = lambda state: None,
    max_requests: int = 1_000_000,
) -> Sample:
    """Run ``call(state, item)`` from ``workers`` threads for ``seconds`` over ``items``.

    Worker ``w`` walks the items from offset ``w`` onwards, so workers do not ask the same
    thing at the same moment. A call returns False (or raises) for an error.
    """
    samples = [Sample() for _ in range(workers)]
    start_gate = threading.Barrier(workers + 1)
    per_worker = max(1, max_requests // workers)

    def work(w: int) -> None:
        state = setup()
        sample = samples[w]
        start_gate.wait()
        deadline = time.perf_counter() + seconds
        i = w * max(1, len(items) // workers)
        done = 0
        try:
            while done < per_worker and time.perf_counter() < deadline:
                item = items[i % len(items)]
                i += 1
                done += 1
                began = time.perf_counter()
                try:
                    ok = call(state, item)
                except Exception as exc:  # noqa: BLE001 - a benchmark counts every failure
                    sample.error(type(exc).__name__)
                    continue
                if ok is True:
                    sample.latencies.append(time.perf_counter() - began)
                else:
                    sample.error(str(ok) if ok not in (False, None) else "failed")
        finally:
            teardown(state)

    threads = [threading.Thread(target=work, args=(w,), daemon=True) for w in range(workers)]
    for thread in threads:
        thread.start()
    start_gate.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    total = Sample(elapsed=time.perf_counter() - began)
    for sample in samples:
        total.merge(sample)
    return total
