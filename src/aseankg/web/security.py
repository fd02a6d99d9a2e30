"""Security headers on every response, set in one place (a pure ASGI middleware, so that
streamed bodies stay streamed).

Every response says ``X-Content-Type-Options: nosniff`` (a Turtle file is never run as a
script) and a ``Referrer-Policy``. HTML pages (and SVG images) also carry a Content-Security-Policy that lets
them load only this app's own assets: the pages have no inline script, the SPARQL editor and
the graph view are served from ``/static`` (never a CDN), and no page may be framed.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The two <style> elements the vendored editors insert, allowed by their hashes rather than by
#: 'unsafe-inline' (test_security checks the pages in Chromium: an upgrade that changes them shows
#: up as a CSP violation there). Style *attributes* they set go through the CSSOM, which CSP allows.
INSERTED_STYLES = (
    # YASGUI's results table (its column resizer, "grip-resizable")
    "'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='",
    # cytoscape.js: ".__________cytoscape_container { position: relative; }"
    "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='",
)

#: Only this app's own scripts, styles, images and fetches; no framing, no <base>, forms post here.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' " + " ".join(INSERTED_STYLES),
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    )
)
REFERRER_POLICY = "strict-origin-when-cross-origin"

_ALWAYS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", REFERRER_POLICY.encode()),
)
_HTML = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
)

#: Media types a browser runs as a document (an SVG opened on its own can hold a script).
_DOCUMENTS = (b"text/html", b"image/svg+xml")


class SecurityHeaders:
    """Adds the headers above to each HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                extra = _ALWAYS + (_HTML if content_type.lower().startswith(_DOCUMENTS) else ())
                headers += [(k, v) for k, v in extra if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
