"""The SPARQL endpoint (W3C SPARQL 1.1 Protocol, query operation), read-only."""

from __future__ import annotations

from urllib.parse import parse_qs

import pyoxigraph
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from aseankg.store import query as run_query

router = APIRouter()

SPARQL_JSON = "application/sparql-results+json"
TURTLE = "text/turtle"


@router.get("/sparql")
async def sparql_get(request: Request) -> Response:
    queries = request.query_params.getlist("query")
    if len(queries) != 1:
        return PlainTextResponse("give exactly one 'query' parameter", status_code=400)
    return _answer(request, queries[0])


@router.post("/sparql")
async def sparql_post(request: Request) -> Response:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return PlainTextResponse("the request body is not UTF-8", status_code=400)
    if media_type == "application/x-www-form-urlencoded":
        queries = parse_qs(text).get("query", [])
        if len(queries) != 1:
            return PlainTextResponse("give exactly one 'query' parameter", status_code=400)
        return _answer(request, queries[0])
    if media_type == "application/sparql-query":
        return _answer(request, text)
    return PlainTextResponse(
        "POST a query as application/x-www-form-urlencoded or application/sparql-query",
        status_code=415,
    )


def _answer(request: Request, text: str) -> Response:
    store = request.app.state.store.get()
    try:
        results = run_query(store, text)
    except SyntaxError as exc:
        return PlainTextResponse(f"SPARQL syntax error: {exc}", status_code=400)
    if isinstance(results, pyoxigraph.QueryTriples):
        data = results.serialize(format=pyoxigraph.RdfFormat.TURTLE)
        return Response(data, media_type=TURTLE)
    data = results.serialize(format=pyoxigraph.QueryResultsFormat.JSON)
    return Response(data, media_type=SPARQL_JSON)
