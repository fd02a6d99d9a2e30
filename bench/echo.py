"""The HTTP floor: the smallest ASGI app uvicorn can serve, answering a constant JSON body.

A request to it costs what any request to ``aseankg serve`` costs before the app does any
work (the client, loopback TCP, uvicorn's HTTP parsing and response), so "pyoxigraph direct
plus HTTP" is the pyoxigraph time plus this one.
"""

from __future__ import annotations

BODY = b'{"head":{"vars":["p","o"]},"results":{"bindings":[]}}'
HEADERS = [(b"content-type", b"application/sparql-results+json"), (b"content-length", str(len(BODY)).encode())]


async def app(scope, receive, send) -> None:  # noqa: ANN001 - the ASGI signature
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
