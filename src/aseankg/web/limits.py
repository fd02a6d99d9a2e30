"""The limits a public endpoint keeps, whatever a client sends: time per query, rows and bytes
per answer, size of a request body and of a query. Each is set by the operator
(``aseankg serve --query-timeout …`` or ``$AKG_…``) and each, when reached, gives the client a
clear error saying which limit and how to stay under it.

The request-body limit is an ASGI middleware (:class:`BodyLimit`), so no route reads more than
it allows; the others are kept where queries run (:mod:`aseankg.web.executor`).
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    #: Seconds a query may compute before its answer starts, or stall between two chunks of it.
    query_timeout: float = 10.0
    #: Seconds a whole answer may take, a slow client's time included.
    response_timeout: float = 300.0
    #: Rows of a SELECT (or triples of a CONSTRUCT / DESCRIBE) in one answer.
    max_rows: int = 1_000_000
    #: Bytes of one answer.
    max_response_bytes: int = 512 * MiB
    #: Bytes of a request body (a curator's upload has the document reader's own limit).
    max_body_bytes: int = 1 * MiB
    #: Characters of a SPARQL query.
    max_query_chars: int = 100_000
    #: Query worker processes (each runs one query at a time).
    query_workers: int = 2
    #: Queries that may wait for a free worker (each for up to ``query_timeout``); one more is
    #: refused at once (503, Retry-After): a queue that long is overload, not a busy moment.
    query_queue: int = 64

    @property
    def max_request_head(self) -> int:
        """Bytes of a request line and headers the HTTP server reads before the app sees them:
        room for the longest query allowed sent by GET (each Thai character is nine bytes
        percent-encoded), so that a long query gets this app's clear 413, not the server's
        bare "Invalid HTTP request" (h11 allows 16 KiB by default)."""
        return max(self.max_body_bytes, 9 * self.max_query_chars) + 64 * 1024

    def __post_init__(self) -> None:
        for name in ("query_timeout", "response_timeout", "max_rows", "max_response_bytes", "max_body_bytes", "max_query_chars", "query_workers", "query_queue"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive, not {getattr(self, name)}")


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once a request body has gone past its limit (an HTTP 413, should
    a route's own body reading turn it into a response first)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, _BODY_ADVICE.format(limit=limit))


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with ``413``: at once when ``Content-Length``
    says so, else as soon as the streamed body goes past it. ``exceptions`` maps a path to its
    own limit (the curator's upload)."""

    def __init__(self, app: ASGIApp, limit: int, exceptions: dict[str, int] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.exceptions = exceptions or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.exceptions.get(scope.get("path", ""), self.limit)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send, limit)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await _refuse(send, limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


_BODY_ADVICE = (
    "the request body is larger than this endpoint accepts ({limit} bytes); "
    "split a long SPARQL query, or ask with fewer VALUES"
)


async def _refuse(send: Send, limit: int) -> None:
    body = (_BODY_ADVICE.format(limit=limit) + "\n").encode()
    await send({
        "type": "http.response.start",
        "status": 413,
        "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close")],
    })
    await send({"type": "http.response.body", "body": body})
