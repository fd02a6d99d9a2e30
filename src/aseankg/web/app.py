"""The FastAPI application: routes are added by the modules named after what they serve."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware

from aseankg import __version__
from aseankg.store import LiveStore, StoreDir
from aseankg.web import admin, api_docs, descriptions, exports, graph_store, neighbourhood, ontology, pages, search, sparql
from aseankg.web.executor import QueryPool
from aseankg.web.limits import BodyLimit, Limits
from aseankg.web.security import SecurityHeaders


def create_app(
    store_dir: StoreDir | None = None,
    *,
    admin_token: str | None = None,
    limits: Limits | None = None,
    service_allow: Iterable[str] = (),
) -> FastAPI:
    """The web app over the store in ``store_dir`` (default: $AKG_STORE or var/store).

    ``admin_token`` enables the curator's ``POST /api/documents`` (absent without one);
    ``limits`` bound what one request may take; ``service_allow`` lists the endpoints a
    SPARQL ``SERVICE`` clause may call (none by default).
    """
    store_dir = store_dir or StoreDir()
    limits = limits or Limits()
    queries = QueryPool(limits, current=store_dir.current)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await queries.start()
        # labels and the search index take seconds on a large graph: made before they are asked for
        threading.Thread(target=search.prepare, args=(app,), name="prepare-search", daemon=True).start()
        yield
        await queries.close()  # the query worker processes end with the server

    app = FastAPI(
        title="aseankg",
        version=__version__,
        description="A bilingual (Thai/English) knowledge graph of Thailand's digital diplomacy.",
        lifespan=lifespan,
        docs_url=None,  # our own /docs (api_docs): FastAPI's loads Swagger UI from a CDN
        redoc_url=None,
    )
    app.add_exception_handler(HTTPException, _http_error)
    app.state.store = LiveStore(store_dir)
    app.state.limits = limits
    app.state.queries = queries
    app.state.service_allow = frozenset(service_allow)
    app.include_router(sparql.router)
    app.include_router(descriptions.router)
    app.include_router(graph_store.router)
    app.include_router(exports.router)
    # Public, read-only Linked Data: browser clients on any origin may query (no credentials).
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["Content-Disposition", "ETag", "Vary"],
        max_age=86400,
    )
    app.include_router(search.router)
    app.include_router(neighbourhood.router)
    app.include_router(ontology.router)
    app.include_router(pages.router)
    app.include_router(api_docs.router)
    if admin_token:
        admin.install(app, store_dir, admin_token)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.add_middleware(BodyLimit, limit=limits.max_body_bytes, exceptions={"/api/documents": admin.MAX_BODY})
    app.add_middleware(SecurityHeaders)  # outermost: every response gets the headers
    return app


async def _http_error(request: Request, exc: HTTPException) -> Response:
    """A method a route does not take: ``405`` in plain text (as SPARQL clients read errors)
    with its ``Allow``; other HTTP errors as FastAPI writes them."""
    if exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        return PlainTextResponse(
            f"{request.method} is not allowed on {request.url.path}; it takes {allowed}\n",
            status_code=405,
            headers=exc.headers,
        )
    return await http_exception_handler(request, exc)
