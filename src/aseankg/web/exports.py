"""Whole-graph downloads and the JSON-LD context.

``/export/aseankg.{ttl,nt,nq,trig,jsonld}`` stream the same bytes as ``aseankg export``
(:func:`aseankg.export.export`, written by a worker thread as it serialises);
``/context.jsonld`` is the context every JSON-LD answer of this app embeds.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from aseankg import jsonld
from aseankg.export import FORMATS, export
from aseankg.store import StoreNotFound
from aseankg.web.negotiation import JSON_LD, N_QUADS, N_TRIPLES, TRIG, TURTLE, Format
from aseankg.web.streams import Worker

router = APIRouter()

MEDIA: dict[str, Format] = {"ttl": TURTLE, "nt": N_TRIPLES, "nq": N_QUADS, "trig": TRIG, "jsonld": JSON_LD}


@router.api_route("/export/aseankg.{ext}", methods=["GET", "HEAD"], include_in_schema=False)
async def download(request: Request, ext: str) -> Response:
    """The whole graph as a file: ttl, nt, jsonld (the union) or nq, trig (every named graph)."""
    if ext not in FORMATS:
        return PlainTextResponse(
            f"no export aseankg.{ext}; there are " + ", ".join(f"aseankg.{e}" for e in FORMATS) + "\n",
            status_code=404,
        )
    fmt = MEDIA[ext]
    try:
        store = request.app.state.store.get()
    except StoreNotFound as exc:
        return PlainTextResponse(f"{exc}\n", status_code=503)
    headers = {"Content-Disposition": f'attachment; filename="aseankg.{ext}"'}
    generation = request.app.state.store.root.current()
    if generation is not None:
        etag = f'"{generation.name}-{ext}"'
        headers["ETag"] = etag
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
    if request.method == "HEAD":
        response = Response(status_code=200, media_type=fmt.content_type, headers=headers)
        del response.headers["content-length"]
        return response
    worker = Worker(lambda: (store, None), name="export")
    await worker.ready()
    return worker.respond(lambda s, pipe: export(s, ext, pipe), media_type=fmt.content_type, headers=headers)


@router.api_route("/context.jsonld", methods=["GET", "HEAD"], include_in_schema=False)
def context() -> JSONResponse:
    """The JSON-LD context: short keys for the contract's terms, language maps for labels."""
    return JSONResponse(jsonld.document_context(), media_type="application/ld+json")
