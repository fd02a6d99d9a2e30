"""The FastAPI application: routes are added by the modules named after what they serve."""

from __future__ import annotations

from fastapi import FastAPI

from aseankg import __version__
from aseankg.store import LiveStore, StoreDir
from aseankg.web import sparql


def create_app(store_dir: StoreDir | None = None) -> FastAPI:
    """The web app over the store in ``store_dir`` (default: $AKG_STORE or var/store)."""
    app = FastAPI(
        title="aseankg",
        version=__version__,
        description="A bilingual (Thai/English) knowledge graph of Thailand's digital diplomacy.",
    )
    app.state.store = LiveStore(store_dir or StoreDir())
    app.include_router(sparql.router)
    return app
