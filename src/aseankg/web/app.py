"""The FastAPI application: routes are added by the modules named after what they serve."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.cors import CORSMiddleware

from aseankg import __version__
from aseankg.store import LiveStore, StoreDir
from aseankg.web import admin, descriptions, exports, graph_store, neighbourhood, ontology, pages, search, sparql
from aseankg.web.security import SecurityHeaders


def create_app(store_dir: StoreDir | None = None, *, admin_token: str | None = None) -> FastAPI:
    """The web app over the store in ``store_dir`` (default: $AKG_STORE or var/store).

    ``admin_token`` enables the curator's ``POST /api/documents`` (absent without one).
    """
    store_dir = store_dir or StoreDir()
    app = FastAPI(
        title="aseankg",
        version=__version__,
        description="A bilingual (Thai/English) knowledge graph of Thailand's digital diplomacy.",
    )
    app.state.store = LiveStore(store_dir)
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
    if admin_token:
        admin.install(app, store_dir, admin_token)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.add_middleware(SecurityHeaders)  # outermost: every response gets the headers
    return app
