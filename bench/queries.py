"""Queries at about a million triples over real HTTP, next to the floor and the peer.

Targets, one after another so that they never share the two cores:

- ``aseankg``: ``aseankg serve`` on the generated store, as a user starts it, over HTTP:
  a 1-hop SPARQL SELECT, a 2-hop SPARQL SELECT, the 2-hop neighbourhood
  (``/api/neighbourhood?depth=2``), a label search (``/api/search``) and an entity page
  (``/id/…`` as HTML);
- ``pyoxigraph``: the same SPARQL on the same store opened read-only in this process,
  through :func:`aseankg.store.query` (the server's own call), results serialised to SPARQL
  JSON: the floor;
- ``http-floor``: uvicorn answering a constant (:mod:`bench.echo`): what any HTTP request
  costs, so "pyoxigraph direct plus HTTP" = ``pyoxigraph`` + ``http-floor``;
- ``rdflib-endpoint``: the peer, serving the same N-Quads (:mod:`bench.peer`), the same SPARQL.

Each cell runs for a fixed time at concurrency 1 and 8 (bounded; see :func:`bench.client.run`).
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pyoxigraph

from aseankg.store import query as store_query
from bench import client
from bench.graph import GraphData
from bench.servers import Sampler, Server, aseankg_server, echo_server, peer_server

SPARQL_JSON = "application/sparql-results+json"
AKGID = "https://w3id.org/aseankg/id/"

ONE_HOP = "SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT 1000"
TWO_HOP = (
    "SELECT DISTINCT ?n WHERE {{ {{ <{iri}> ?p ?m }} UNION {{ ?m ?p <{iri}> }} FILTER(isIRI(?m)) "
    "{{ ?m ?q ?n }} UNION {{ ?n ?q ?m }} FILTER(isIRI(?n)) }} LIMIT 500"
)
CONSTRUCT = "CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}"


def entities(graph: GraphData, *kinds: str) -> list[str]:
    w = graph.meta["workload"]
    found = [iri for kind in kinds for iri in w.get(kind, [])]
    random.Random(f"{graph.meta['seed']}/{'+'.join(kinds)}").shuffle(found)
    return found


def sparql_path(text: str) -> str:
    return "/sparql?" + urlencode({"query": text})


def requests(graph: GraphData) -> dict[str, list[tuple[str, dict[str, str]]]]:
    """The HTTP requests of each kind for ``aseankg serve``: (path, headers)."""
    json_accept = {"Accept": SPARQL_JSON}
    html = {"Accept": "text/html"}
    return {
        "sparql-1hop": [(sparql_path(ONE_HOP.format(iri=i)), json_accept) for i in entities(graph, "persons", "meetings", "positions", "mous")],
        "sparql-2hop": [(sparql_path(TWO_HOP.format(iri=i)), json_accept) for i in entities(graph, "persons", "meetings")],
        "neighbourhood-2hop": [("/api/neighbourhood?" + urlencode({"iri": i, "depth": 2}), {"Accept": "application/json"})
                               for i in entities(graph, "persons", "meetings", "organizations")],
        "search": [("/api/search?" + urlencode({"q": q}), {"Accept": "application/json"}) for q in graph.meta["workload"]["names"]],
        "entity-page": [("/id/" + quote(i[len(AKGID):]), html)
                        for i in entities(graph, "persons", "meetings", "organizations", "positions", "mous", "articles")],
    }


def _http_call(state: client.Client, item: tuple[str, dict[str, str]]) -> bool | str:
    status, _ = state.get(*item)
    return True if status == 200 else f"HTTP {status}"


def http_cells(port: int, kinds: dict[str, list], seconds: float, concurrency: tuple[int, ...], target: str, log) -> list[dict]:
    rows = []
    for kind, items in kinds.items():
        for c in concurrency:
            sample = client.run(c, seconds, items, _http_call, setup=lambda: client.Client(port), teardown=lambda s: s.close())
            rows.append({"target": target, "kind": kind, "concurrency": c, **sample.summary()})
            log(f"    {target:16} {kind:19} c={c}: p50 {rows[-1]['p50_ms']} ms, p95 {rows[-1]['p95_ms']} ms, "
                f"{rows[-1]['throughput']}/s, errors {rows[-1]['errors']}")
    return rows


def warm(server: Server, kinds: dict[str, list]) -> dict[str, float]:
    """The first request of each kind (loads labels, the search index…): its time in ms."""
    first = {}
    conn = client.Client(server.port, timeout=600)
    try:
        for kind, items in kinds.items():
            began = time.perf_counter()
            status, _ = conn.get(*items[0])
            first[kind] = round((time.perf_counter() - began) * 1000, 1)
            if status != 200:
                first[kind + " status"] = status
            for item in items[1:50]:  # more, so caches that fill per request are warm
                conn.get(*item)
    finally:
        conn.close()
    return first


def direct_cells(graph: GraphData, seconds: float, concurrency: tuple[int, ...], log) -> list[dict]:
    """The same SPARQL on pyoxigraph in this process, answered as SPARQL JSON bytes."""
    store = graph.store_dir.open()
    rows = []
    texts = {
        "sparql-1hop": [ONE_HOP.format(iri=i) for i in entities(graph, "persons", "meetings", "positions", "mous")],
        "sparql-2hop": [TWO_HOP.format(iri=i) for i in entities(graph, "persons", "meetings")],
    }

    def call(_state: None, text: str) -> bool:
        answer = store_query(store, text)
        answer.serialize(format=pyoxigraph.QueryResultsFormat.JSON)
        return True

    for kind, items in texts.items():
        for c in concurrency:
            sample = client.run(c, seconds, items, call)
            rows.append({"target": "pyoxigraph", "kind": kind, "concurrency": c, **sample.summary()})
            log(f"    {'pyoxigraph':16} {kind:19} c={c}: p50 {rows[-1]['p50_ms']} ms, {rows[-1]['throughput']}/s")
    return rows


def run(graph: GraphData, seconds: float, concurrency: tuple[int, ...], work: Path, log, peer: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"seconds_per_cell": seconds, "concurrency": list(concurrency), "rows": [], "servers": {}}
    kinds = requests(graph)
    log("  aseankg serve")
    with aseankg_server(graph.store_dir.root, work / "logs" / "aseankg-serve.log") as server:
        with Sampler(server.pid) as sampler:
            started_rss = server.memory()
            first = warm(server, kinds)
            warmed = server.memory()
            out["rows"] += http_cells(server.port, kinds, seconds, concurrency, "aseankg", log)
        out["servers"]["aseankg"] = {
            "start_s": round(server.started_in, 1), "first_request_ms": first,
            "rss_started": started_rss.get("tree_rss"), "rss_warm": warmed.get("tree_rss"),
            "peak_rss": sampler.peak, **server.memory(),
        }
    log("  pyoxigraph direct")
    out["rows"] += direct_cells(graph, seconds, concurrency, log)
    log("  HTTP floor (uvicorn, constant answer)")
    with echo_server(work / "logs" / "echo.log") as echo:
        floor = {"http-floor": [(sparql_path(ONE_HOP.format(iri=i)), {"Accept": SPARQL_JSON}) for i in entities(graph, "persons")]}
        out["rows"] += http_cells(echo.port, floor, seconds, concurrency, "http-floor", log)
    if peer:
        log(f"  rdflib-endpoint (loading {graph.triples:,} quads; this is the slow part)")
        report = work / "peer-report.json"
        report.unlink(missing_ok=True)
        with peer_server(graph.nquads, work / "logs" / "rdflib-endpoint.log", report) as server:
            import json

            loaded = json.loads(report.read_text()) if report.exists() else {}
            sparql = {kind: [("/?" + urlencode({"query": _query_of(path)}), headers) for path, headers in kinds[kind]]
                      for kind in ("sparql-1hop", "sparql-2hop")}
            first = warm(server, sparql)
            out["rows"] += http_cells(server.port, sparql, seconds, concurrency, "rdflib-endpoint", log)
            out["servers"]["rdflib-endpoint"] = {"start_s": round(server.started_in, 1), "load_s": loaded.get("load_s"),
                                                 "quads": graph.triples, "first_request_ms": first, **server.memory()}
    return out


def _query_of(path: str) -> str:
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(path).query)["query"][0]
