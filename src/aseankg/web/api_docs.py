"""The API docs at ``/docs``: Swagger UI over this app's ``/openapi.json``, served from here.

FastAPI's own page loads Swagger UI from a CDN and starts it with an inline script, which the
pages' Content-Security-Policy refuses (and which needs the internet). This page loads the
files installed from npm at set-up (``make assets``) and starts them from ``/static/docs.js``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


@router.api_route("/docs", methods=["GET", "HEAD"], response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """Swagger UI for the JSON APIs and the SPARQL endpoint."""
    return templates.TemplateResponse(request, "api_docs.html", {"openapi_url": request.app.openapi_url})
