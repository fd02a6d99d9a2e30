"""The SPARQL 1.1 Graph Store HTTP Protocol, read-only: ``GET``/``HEAD /rdf-graphs``.

``?graph=IRI`` is one named graph (404 when the store has no such graph), ``?default`` the
default graph, which here is the union of all named graphs (as for SPARQL). The graph is
content-negotiated and streamed; in N-Quads / TriG a named graph keeps its name. Writing
(``PUT``, ``POST``, ``DELETE``, ``PATCH``) is not offered: ``405``.
"""

from __future__ import annotations

import pyoxigraph
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from pyoxigraph import NamedNode, Quad, Triple

from aseankg import serialize
from aseankg.export import union_triples
from aseankg.store import StoreNotFound
from aseankg.web import negotiation
from aseankg.web.negotiation import GRAPH_FORMATS
from aseankg.web.streams import Pipe, Worker

router = APIRouter()
ALLOW = "GET, HEAD, OPTIONS"


def _write_named(store: pyoxigraph.Store, graph: NamedNode, format: str, pipe: Pipe) -> None:
    quads = store.quads_for_pattern(None, None, None, graph)
    if format in serialize.DATASET_FORMATS:
        serialize.write_quads((Quad(q.subject, q.predicate, q.object, graph) for q in quads), format, pipe)
    else:
        serialize.write_triples((Triple(q.subject, q.predicate, q.object) for q in quads), format, pipe)


@router.api_route("/rdf-graphs", methods=["GET", "HEAD", "OPTIONS"], include_in_schema=False)
async def graph_store(request: Request) -> Response:
    """One graph of the store, in the format the client asks for."""
    if request.method == "OPTIONS":
        return Response(status_code=204, headers={"Allow": ALLOW})
    params = request.query_params
    graphs = params.getlist("graph")
    default = "default" in params
    if len(graphs) + default != 1:
        return PlainTextResponse(
            "name exactly one graph: ?graph=<IRI> for a named graph, or ?default for the default "
            "graph (the union of all named graphs)\n",
            status_code=400,
        )
    graph: NamedNode | None = None
    if graphs:
        try:
            graph = NamedNode(graphs[0])
        except ValueError:
            return PlainTextResponse(f"graph must be an absolute IRI, not {graphs[0]!r}\n", status_code=400)
    fmt = negotiation.negotiate(request, GRAPH_FORMATS)
    if fmt is None:
        return negotiation.not_acceptable(GRAPH_FORMATS)
    try:
        store = request.app.state.store.get()
    except StoreNotFound as exc:
        return PlainTextResponse(f"{exc}\n", status_code=503)
    if graph is not None and not store.contains_named_graph(graph):
        return PlainTextResponse(f"no graph <{graph.value}> in this store\n", status_code=404)
    headers = {"Vary": "Accept"}
    if request.method == "HEAD":
        response = Response(status_code=200, media_type=fmt.content_type, headers=headers)
        del response.headers["content-length"]
        return response
    worker = Worker(lambda: (store, None), name="graph-store")
    await worker.ready()
    if graph is None:
        body = lambda s, pipe: serialize.write_triples(union_triples(s), fmt.name, pipe)  # noqa: E731
    else:
        body = lambda s, pipe: _write_named(s, graph, fmt.name, pipe)  # noqa: E731
    return worker.respond(body, media_type=fmt.content_type, headers=headers)
