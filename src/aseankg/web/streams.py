"""Response bodies produced by a worker thread and streamed by the event loop.

pyoxigraph's query results and quad iterators are bound to the thread that made them (using
them from another thread aborts the process), and evaluating a query blocks. So each request
that reads the store gets one worker thread that runs the query *and* serialises its results,
writing bytes into a :class:`Pipe`; the event loop sends them on as they come. The pipe holds
at most a few chunks: a client that reads slowly makes the worker wait (backpressure), a
client that goes away makes the worker's next write fail, which stops the query.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.responses import StreamingResponse

log = logging.getLogger(__name__)

MAX_PENDING_CHUNKS = 8
_FLUSH_BYTES = 64 * 1024


class ClientGone(BrokenPipeError):
    """The client stopped reading: the worker should stop producing."""


class _End:
    def __init__(self, failed: bool) -> None:
        self.failed = failed


class Pipe:
    """A binary file-like object written by a worker thread, read as an async iterator.

    Writes are gathered into chunks of about 64 KiB (pyoxigraph writes 8 KiB at a time).
    """

    def __init__(self, max_pending: int = MAX_PENDING_CHUNKS) -> None:
        self._loop = asyncio.get_running_loop()
        self._queue: asyncio.Queue[bytes | _End] = asyncio.Queue()
        self._credits = threading.Semaphore(max_pending)
        self._gone = threading.Event()
        self._buffer = bytearray()

    # --- the worker's side -------------------------------------------------------------------

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= _FLUSH_BYTES:
            self._send(bytes(self._buffer))
            self._buffer.clear()
        return len(data)

    def flush(self) -> None:
        """Nothing to do: a chunk is sent when it is full or when the worker finishes."""

    def writable(self) -> bool:
        return True

    def _send(self, chunk: bytes) -> None:
        while not self._credits.acquire(timeout=0.2):
            if self._gone.is_set():
                raise ClientGone("the client stopped reading")
        if self._gone.is_set():
            raise ClientGone("the client stopped reading")
        self._post(chunk)

    def _post(self, item: bytes | _End) -> None:
        try:
            self._loop.call_soon_threadsafe(self._queue.put_nowait, item)
        except RuntimeError as exc:  # the event loop is closed: the server is stopping
            raise ClientGone("the server is stopping") from exc

    def close(self, failed: bool = False) -> None:
        """Send what is left and mark the end (``failed``: the body is incomplete)."""
        try:
            if self._buffer and not failed:
                self._send(bytes(self._buffer))
            self._buffer.clear()
            self._post(_End(failed))
        except ClientGone:
            pass

    # --- the event loop's side ---------------------------------------------------------------

    async def chunks(self) -> AsyncIterator[bytes]:
        try:
            while True:
                item = await self._queue.get()
                if isinstance(item, _End):
                    if item.failed:
                        # Abort the response: a truncated body must not look complete.
                        raise RuntimeError("the response could not be completed")
                    return
                self._credits.release()
                yield item
        finally:
            self._gone.set()

    def abandon(self) -> None:
        """The response is over, whatever happened: the worker must not wait for a reader."""
        self._gone.set()


class Worker:
    """One thread that prepares an answer, waits for the request handler's decision, then
    writes the body into a :class:`Pipe`.

    ``prepare()`` runs first (e.g. parse and start the query) and returns ``(kept, shown)``:
    ``kept`` (pyoxigraph results) never leaves the worker, ``shown`` (a description the handler
    decides on) comes back through :meth:`ready` — or the exception ``prepare`` raised. The
    handler then calls :meth:`respond` with a function that writes the body, or :meth:`cancel`.
    """

    def __init__(self, prepare: Callable[[], tuple[Any, Any]], name: str = "aseankg-worker") -> None:
        self._loop = asyncio.get_running_loop()
        self._ready: asyncio.Future[Any] = self._loop.create_future()
        self._body: Callable[[Any, Pipe], None] | None = None
        self._decided = threading.Event()
        self.pipe = Pipe()
        self._prepare = prepare
        threading.Thread(target=self._run, name=name, daemon=True).start()

    def _settle(self, value: Any = None, error: BaseException | None = None) -> None:
        def settle() -> None:
            if self._ready.done():
                return
            if error is not None:
                self._ready.set_exception(error)
            else:
                self._ready.set_result(value)

        try:
            self._loop.call_soon_threadsafe(settle)
        except RuntimeError:  # the event loop is closed
            self._decided.set()

    def _run(self) -> None:
        try:
            kept, shown = self._prepare()
        except Exception as exc:  # the handler turns it into a 4xx/5xx
            self._settle(error=_detached(exc))
            return
        self._settle(shown)
        self._decided.wait()
        if self._body is None:
            return
        failed = False
        try:
            self._body(kept, self.pipe)
        except ClientGone:
            failed = True
        except Exception:
            log.exception("failed while writing a response body")
            failed = True
        finally:
            del kept  # dropped in the thread that made it
            self.pipe.close(failed)

    async def ready(self) -> Any:
        """What ``prepare()`` showed, or raise what it raised. Cancels the worker on error."""
        try:
            return await self._ready
        except BaseException:
            self.cancel()
            raise

    def respond(self, body: Callable[[Any, Pipe], None], **kwargs: Any) -> "PipeResponse":
        """A streaming response whose body the worker writes with ``body(kept, pipe)``."""
        self._body = body
        self._decided.set()
        return PipeResponse(self.pipe, **kwargs)

    def cancel(self) -> None:
        """No body will be sent (an error, a HEAD request): let the worker finish."""
        self._decided.set()


class PipeResponse(StreamingResponse):
    """A streaming response over a :class:`Pipe` that releases the worker however it ends
    (even when the client is gone before the first byte)."""

    def __init__(self, pipe: Pipe, **kwargs: Any) -> None:
        super().__init__(pipe.chunks(), **kwargs)
        self.pipe = pipe

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.pipe.abandon()


def _detached(exc: Exception) -> Exception:
    """A copy of ``exc`` without its traceback, whose frames hold thread-bound objects."""
    try:
        return type(exc)(*exc.args)
    except Exception:
        return RuntimeError(str(exc))
