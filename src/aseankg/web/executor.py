"""SPARQL queries run in worker processes, where a query that runs too long can be stopped.

pyoxigraph cannot interrupt a query that is evaluating (in a thread it would run on after the
client had its timeout), so the endpoint's queries run in a small pool of worker processes
(``python -m aseankg.web.executor``). Each opens the store read-only, runs one query at a time,
and writes its answer — already in the format the client negotiated — as framed chunks on a
socket it shares with the server; the server streams them on as they come. The socket's
buffer is the backpressure: a client that reads slowly makes the worker wait.

The server times its waits for a worker (not its waits for a slow client): a query that takes
longer than the limit to start its answer, or stalls that long between chunks, has its worker
killed — the work stops there — and replaced; the client gets ``503`` (or, once rows have been
sent, an error line and a cut response). A whole answer has a longer limit of its own.
A worker that reaches the row or byte limit stops the same way, by itself. A client that goes
away makes the server ask the worker to stop at its next chunk.

Frames are one type byte and a 4-byte length, then the payload:
server → worker ``Q`` (a job, JSON) and ``C`` (stop sending); worker → server ``H`` (ready for
jobs), ``R`` (the query started: its kind and format, JSON), ``D`` (a chunk of the answer),
``E`` (the answer is complete) and ``F`` (failed: JSON with the kind and the message).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from aseankg.web.limits import Limits

log = logging.getLogger(__name__)

_HEADER = struct.Struct("!cI")
HELLO, QUERY, CANCEL, READY, DATA, END, FAIL = b"H", b"Q", b"C", b"R", b"D", b"E", b"F"
CHUNK_BYTES = 64 * 1024
STARTUP_SECONDS = 60.0


@dataclass(frozen=True)
class Job:
    """One query for a worker, with everything it needs to answer on its own."""

    query: str
    generation: str  # the store generation's directory
    default_graph: list[str] | None
    named_graphs: list[str] | None
    results_format: str | None  # the negotiated format should it be a SELECT / ASK …
    graph_format: str | None  # … or a CONSTRUCT / DESCRIBE
    head: bool  # HEAD: start the query, send no body
    max_rows: int
    max_bytes: int


@dataclass(frozen=True)
class Started:
    """What the server learns when the query has started: its kind and the format chosen."""

    kind: str  # "solutions", "boolean" or "triples"
    format: str | None  # None: no acceptable format for that kind (406)


class QueryTimeout(Exception):
    """The query went over a time limit; its worker was stopped. The message says which."""


class QueryFailed(Exception):
    """The worker refused or failed the query: ``kind`` is syntax, limit, error or crashed."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class Busy(Exception):
    """No worker came free for as long as a query may take, or too many queries were waiting
    for one already: the message says which."""


# --- the server's side ---------------------------------------------------------------------------


class WorkerProcess:
    """One worker process and the server's end of its socket."""

    def __init__(self, process: subprocess.Popen, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.process = process
        self.reader = reader
        self.writer = writer
        self._header: tuple[bytes, int] | None = None  # read, its payload not yet

    def send(self, kind: bytes, payload: bytes = b"") -> None:
        self.writer.write(_HEADER.pack(kind, len(payload)) + payload)

    async def receive(self) -> tuple[bytes, bytes]:
        """The next frame. Safe to cancel: ``readexactly`` takes nothing unless it takes all,
        and a header already read is kept for the next call."""
        if self._header is None:
            self._header = _HEADER.unpack(await self.reader.readexactly(_HEADER.size))
        kind, length = self._header
        payload = await self.reader.readexactly(length) if length else b""
        self._header = None
        return kind, payload

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.writer.close()
        # reap it without blocking the event loop
        threading.Thread(target=self.process.wait, name="reap-query-worker", daemon=True).start()


class QueryPool:
    """The worker processes of one server, started with it (or on first use).

    Free workers are taken last-in, first-out: the one that ran the last query, whose store
    and caches are warm, runs the next; the others are there for queries at the same time.
    ``current`` names the store generation serving now, which a new worker opens at once.
    """

    def __init__(self, limits: Limits, current: Callable[[], Path | None] = lambda: None) -> None:
        self.limits = limits
        self.current = current
        self._idle: asyncio.LifoQueue[WorkerProcess] | None = None
        self._live: set[WorkerProcess] = set()
        self._tasks: set[asyncio.Task] = set()
        self._closed = False
        self._waiting = 0  # queries waiting for a free worker

    async def _ensure_started(self) -> asyncio.LifoQueue[WorkerProcess]:
        if self._idle is None:
            self._idle = asyncio.LifoQueue()
            for _ in range(self.limits.query_workers):
                self._spawn_later()
        return self._idle

    async def start(self) -> None:
        """Start the workers now (in the background), so the first query does not wait for them."""
        await self._ensure_started()

    def _spawn_later(self) -> None:
        if not self._closed:
            self.keep(asyncio.get_running_loop().create_task(self._spawn()))

    async def _spawn(self) -> None:
        try:
            worker = await _start_worker(self.current())
        except Exception:
            log.exception("a query worker could not start")
            await asyncio.sleep(1.0)  # then try again, without spinning
            self._spawn_later()
            return
        if self._closed:
            worker.kill()
            return
        self._live.add(worker)
        assert self._idle is not None
        self._idle.put_nowait(worker)

    async def acquire(self, timeout: float) -> WorkerProcess:
        """A free worker: at once, or in turn after the queries already waiting (at most
        ``query_queue`` of them, each for up to ``timeout``)."""
        idle = await self._ensure_started()
        workers = self.limits.query_workers
        if self._waiting >= self.limits.query_queue and idle.empty():
            raise Busy(
                f"{self._waiting} queries are already waiting for this endpoint's {workers} query "
                "workers; try again shortly"
            )
        self._waiting += 1
        try:
            async with asyncio.timeout(timeout):
                return await idle.get()
        except TimeoutError:
            raise Busy(f"all {workers} query workers stayed busy for {timeout:g} s; try again shortly") from None
        finally:
            self._waiting -= 1

    def release(self, worker: WorkerProcess) -> None:
        if worker in self._live and self._idle is not None:
            self._idle.put_nowait(worker)

    def discard(self, worker: WorkerProcess) -> None:
        """Kill ``worker`` (its query ran too long, or it failed) and start another."""
        if worker in self._live:
            self._live.discard(worker)
            worker.kill()
            self._spawn_later()

    def keep(self, task: asyncio.Task) -> None:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for worker in list(self._live):
            worker.kill()
        self._live.clear()

    async def run(self, job: Job) -> Run:
        """Start ``job`` on a free worker; the :class:`Run` tells what it started."""
        worker = await self.acquire(self.limits.query_timeout)
        run = Run(self, worker, self.limits)
        try:
            worker.send(QUERY, json.dumps(asdict(job)).encode())
            run.started = await run.expect_started()
        except BaseException:
            run.abandon()
            raise
        return run


async def _start_worker(generation: Path | None) -> WorkerProcess:
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "aseankg.web.executor", str(theirs.fileno()), *([str(generation)] if generation else [])],
            pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL,
            close_fds=True,
        )
    finally:
        theirs.close()
    reader, writer = await asyncio.open_unix_connection(sock=ours, limit=4 * CHUNK_BYTES)
    worker = WorkerProcess(process, reader, writer)
    try:
        kind, _ = await asyncio.wait_for(worker.receive(), STARTUP_SECONDS)
    except BaseException:
        worker.kill()
        raise
    if kind != HELLO:
        worker.kill()
        raise RuntimeError(f"a query worker said {kind!r} instead of hello")
    return worker


class Run:
    """One query's conversation with its worker, within the query's time limits.

    ``query_timeout`` bounds the computing: the wait until the answer starts, and then every
    wait for its next chunk (a query that streams rows steadily is working, one that stalls is
    not). ``response_timeout`` bounds the whole answer, a slow client's time included, so that no
    one holds a worker for long.
    """

    def __init__(self, pool: QueryPool, worker: WorkerProcess, limits: Limits) -> None:
        self.pool = pool
        self.worker: WorkerProcess | None = worker
        self.limits = limits
        self.budget = limits.query_timeout  # until the first chunk
        self.deadline = time.monotonic() + limits.response_timeout
        self.streaming = False
        self.started: Started | None = None
        self._abandoned = False

    async def _next(self) -> tuple[bytes, bytes]:
        """The worker's next frame, or QueryTimeout (the worker is then killed)."""
        worker = self.worker
        assert worker is not None
        begin = time.monotonic()
        compute = self.limits.query_timeout if self.streaming else self.budget
        total = self.deadline - begin
        try:
            async with asyncio.timeout(max(min(compute, total), 0.0)):  # cheaper than wait_for: no task
                return await worker.receive()
        except TimeoutError:
            self._discard()
            if total < compute:
                raise QueryTimeout(
                    f"the answer took longer than this endpoint's limit of {self.limits.response_timeout:g} s "
                    "and was stopped; ask for fewer rows (LIMIT, OFFSET to page)"
                ) from None
            raise QueryTimeout(
                f"the query took longer than this endpoint's limit of {self.limits.query_timeout:g} s "
                "and was stopped; narrow its patterns, or add LIMIT"
            ) from None
        except (asyncio.IncompleteReadError, ConnectionError):
            self._discard()
            raise QueryFailed("crashed", "the query worker stopped unexpectedly (out of memory?)") from None
        finally:
            if not self.streaming:
                self.budget -= time.monotonic() - begin

    def _discard(self) -> None:
        if self.worker is not None:
            self.pool.discard(self.worker)
            self.worker = None

    def _release(self) -> None:
        if self.worker is not None:
            self.pool.release(self.worker)
            self.worker = None

    @property
    def finished(self) -> bool:
        return self.worker is None

    async def expect_started(self) -> Started:
        kind, payload = await self._next()
        if kind == READY:
            info = json.loads(payload)
            started = Started(info["kind"], info["format"])
            if started.format is None or info.get("body") is False:
                self._release()  # nothing more will come: 406 or HEAD
            return started
        if kind == FAIL:
            self._release()
            info = json.loads(payload)
            raise QueryFailed(info["kind"], info["message"])
        self._discard()
        raise QueryFailed("crashed", f"the query worker answered {kind!r}")

    async def first_chunk(self) -> bytes | None:
        """The first chunk of the answer (None when the answer is complete without one).

        Awaited before the response starts, so that a query that times out or fails before
        its first row still gets a proper status.
        """
        kind, payload = await self._next()
        self.streaming = True
        if kind == DATA:
            return payload
        if kind == END:
            self._release()
            return None
        self._release()
        if kind == FAIL:
            info = json.loads(payload)
            raise QueryFailed(info["kind"], info["message"])
        raise QueryFailed("crashed", f"the query worker answered {kind!r}")

    async def rest(self) -> AsyncIterator[bytes]:
        """The chunks after the first; raises QueryTimeout or QueryFailed when cut short."""
        while True:
            kind, payload = await self._next()
            if kind == DATA:
                yield payload
            elif kind == END:
                self._release()
                return
            elif kind == FAIL:
                self._release()
                info = json.loads(payload)
                raise QueryFailed(info["kind"], info["message"])
            else:
                self._discard()
                raise QueryFailed("crashed", f"the query worker answered {kind!r}")

    def abandon(self) -> None:
        """The client is gone (or the server gave up): stop the worker's answer, in the background.
        Called as often as the response's ways of ending, it acts once."""
        if self.worker is None or self._abandoned:
            return
        self._abandoned = True
        worker = self.worker
        self.worker = None

        async def stop() -> None:
            self.worker = worker
            self.streaming = True
            try:
                worker.send(CANCEL)
                while True:
                    kind, payload = await self._next()
                    if kind in (END, FAIL) or (kind == READY and json.loads(payload).get("body") is False):
                        self._release()
                        return
            except (QueryTimeout, QueryFailed):
                pass  # _next discarded it
            except BaseException:
                self._discard()
                raise

        try:
            self.pool.keep(asyncio.get_running_loop().create_task(stop()))
        except RuntimeError:  # no event loop any more: the server is stopping
            self.pool.discard(worker)


# --- the worker's side ---------------------------------------------------------------------------


class _Cancelled(Exception):
    pass


class _LimitReached(Exception):
    pass


_held = bytearray()  # frames held back to go out with the next one (one write, one wake-up)


def _send(sock: socket.socket, kind: bytes, payload: bytes = b"", *, hold: bool = False) -> None:
    _held.extend(_HEADER.pack(kind, len(payload)))
    _held.extend(payload)
    if not hold:
        data = bytes(_held)
        _held.clear()
        sock.sendall(data)


def _receive(sock: socket.socket) -> tuple[bytes, bytes] | None:
    header = _read_exactly(sock, _HEADER.size)
    if header is None:
        return None
    kind, length = _HEADER.unpack(header)
    payload = _read_exactly(sock, length) if length else b""
    if payload is None:
        return None
    return kind, payload


def _read_exactly(sock: socket.socket, size: int) -> bytes | None:
    data = bytearray()
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return bytes(data)


class _Out:
    """The binary stream the serialisers write to: chunks of ~64 KiB, at most ``max_bytes`` in
    all; before each chunk it looks whether the server asked it to stop."""

    def __init__(self, sock: socket.socket, max_bytes: int) -> None:
        self.sock = sock
        self.max_bytes = max_bytes
        self.total = 0
        self.buffer = bytearray()

    def write(self, data: bytes) -> int:
        if self.total + len(self.buffer) + len(data) > self.max_bytes:
            raise _LimitReached(
                f"the answer is larger than this endpoint sends ({self.max_bytes} bytes); "
                "ask for fewer rows (LIMIT, OFFSET to page) or fewer variables"
            )
        self.buffer += data
        if len(self.buffer) >= CHUNK_BYTES:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if not self.buffer:
            return
        self._check_cancel()
        _send(self.sock, DATA, bytes(self.buffer))
        self.total += len(self.buffer)
        self.buffer.clear()

    def writable(self) -> bool:
        return True

    def _check_cancel(self) -> None:
        import select

        readable, _, _ = select.select([self.sock], [], [], 0)
        if readable:
            frame = _receive(self.sock)
            if frame is None:
                os._exit(0)  # the server is gone
            if frame[0] == CANCEL:
                raise _Cancelled


class _Capped:
    """Query solutions or triples, raising :class:`_LimitReached` past ``limit`` of them."""

    def __init__(self, results: Any, limit: int, noun: str) -> None:
        self.results = results
        self.limit = limit
        self.noun = noun
        self.variables = getattr(results, "variables", None)

    def __iter__(self):
        count = 0
        for item in self.results:
            count += 1
            if count > self.limit:
                raise _LimitReached(
                    f"the answer has more than {self.limit} {self.noun}, the most this endpoint sends; "
                    "add LIMIT (and OFFSET to page through it)"
                )
            yield item


class _Stores:
    """The store generation the jobs name, opened read-only, the last one kept open."""

    def __init__(self) -> None:
        self.path: str | None = None
        self.store: Any = None

    def get(self, path: str):
        import pyoxigraph

        if path != self.path:
            self.store = None
            self.store = pyoxigraph.Store.read_only(os.path.join(path, "oxigraph"))
            self.path = path
        return self.store


def _job(sock: socket.socket, job: Job, stores: _Stores) -> None:
    import pyoxigraph

    from aseankg import serialize, sparql_results
    from aseankg.store import query as run_query

    try:
        store = stores.get(job.generation)
        results = run_query(store, job.query, default_graph=job.default_graph, named_graphs=job.named_graphs)
    except SyntaxError as exc:
        _send(sock, FAIL, json.dumps({"kind": "syntax", "message": str(exc)}).encode())
        return
    except Exception as exc:
        _send(sock, FAIL, json.dumps({"kind": "error", "message": f"{type(exc).__name__}: {exc}"}).encode())
        return
    if isinstance(results, pyoxigraph.QueryBoolean):
        kind, fmt = "boolean", job.results_format
    elif isinstance(results, pyoxigraph.QueryTriples):
        kind, fmt = "triples", job.graph_format
    else:
        kind, fmt = "solutions", job.results_format
    body = fmt is not None and not job.head
    # with a body to come, "started" goes out with its first chunk (or its end, or its failure)
    _send(sock, READY, json.dumps({"kind": kind, "format": fmt, "body": body}).encode(), hold=body)
    if not body:
        return
    out = _Out(sock, job.max_bytes)
    try:
        if kind == "boolean":
            out.write(sparql_results.boolean(bool(results), fmt))
        elif kind == "triples":
            serialize.write_triples(_Capped(results, job.max_rows, "triples"), fmt, out)
        else:
            for index, chunk in enumerate(sparql_results.solutions(_Capped(results, job.max_rows, "rows"), fmt)):
                out.write(chunk)
                if index == 0:
                    out.flush()  # the first rows go at once: the response starts
        out.flush()
        _send(sock, END)
    except _Cancelled:
        _send(sock, END)
    except _LimitReached as exc:
        with contextlib.suppress(_LimitReached, _Cancelled):
            out.flush()
        _send(sock, FAIL, json.dumps({"kind": "limit", "message": str(exc)}).encode())
    except Exception as exc:
        _send(sock, FAIL, json.dumps({"kind": "error", "message": f"{type(exc).__name__}: {exc}"}).encode())
    finally:
        del results


def _watch_parent(parent: int) -> None:
    """Exit when the server process is gone, even in the middle of a query."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def main(fd: int, generation: str | None = None) -> None:
    sock = socket.socket(fileno=fd)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), name="watch-server", daemon=True).start()
    import pyoxigraph  # noqa: F401  (loaded before saying hello: the first query is not slower)

    from aseankg import serialize, sparql_results  # noqa: F401
    from aseankg.store import query  # noqa: F401

    stores = _Stores()
    if generation:
        with contextlib.suppress(OSError):  # gone already: the first job opens the one it names
            stores.get(generation)
    _send(sock, HELLO)
    while True:
        frame = _receive(sock)
        if frame is None:
            return  # the server closed its end
        kind, payload = frame
        if kind == QUERY:
            _job(sock, Job(**json.loads(payload)), stores)
        # a CANCEL that arrives after the answer ended is nothing to do


if __name__ == "__main__":
    try:
        main(int(sys.argv[1]), *sys.argv[2:3])
    except (BrokenPipeError, ConnectionResetError, KeyboardInterrupt):
        pass
