"""The SPARQL 1.1 Graph Store HTTP Protocol, read-only, over real HTTP: GET/HEAD /rdf-graphs."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic
from sparql_fixture import GRAPH_A, GRAPH_B, small_quads, small_store

from conftest import Server, start_server, stop_server

PARSERS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(small_store(tmp_path_factory.mktemp("graph-store") / "store"))
    yield srv
    stop_server(srv)


def _expected(graph: str | None) -> rdflib.Graph:
    """One named graph of the fixture, or (None) the union of all of them, as rdflib reads it."""
    triples = {(q.subject, q.predicate, q.object) for q in small_quads() if graph is None or q.graph_name.value == graph}
    data = pyoxigraph.serialize((pyoxigraph.Triple(*t) for t in triples), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")


def _parse(media_type: str, data: bytes) -> tuple[rdflib.Graph, set[str]]:
    """The triples and the names of the graphs they came in."""
    if media_type in ("application/n-quads", "application/trig"):
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=PARSERS[media_type])
        graph, names = rdflib.Graph(), set()
        for s, p, o, g in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
            names.add(str(g.identifier if hasattr(g, "identifier") else g))
        return graph, names
    return rdflib.Graph().parse(data=data, format=PARSERS[media_type]), set()


@pytest.mark.parametrize("media_type", list(PARSERS))
def test_get_a_named_graph(site: Server, media_type: str) -> None:
    with site.client() as http:
        r = http.get("/rdf-graphs", params={"graph": GRAPH_B}, headers={"Accept": media_type})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media_type
    graph, names = _parse(media_type, r.content)
    assert isomorphic(graph, _expected(GRAPH_B))
    if names:
        assert names == {GRAPH_B}  # a named graph keeps its name in a dataset syntax


@pytest.mark.parametrize("media_type", ["text/turtle", "application/ld+json"])
def test_get_the_default_graph_is_the_union(site: Server, media_type: str) -> None:
    with site.client() as http:
        r = http.get("/rdf-graphs?default", headers={"Accept": media_type})
    assert r.status_code == 200
    graph, _ = _parse(media_type, r.content)
    assert isomorphic(graph, _expected(None))


def test_rdflib_reads_a_graph_by_its_address(site: Server) -> None:
    graph = rdflib.Graph().parse(f"{site.base_url}/rdf-graphs?graph={GRAPH_A}")
    assert isomorphic(graph, _expected(GRAPH_A))


def test_format_parameter(site: Server) -> None:
    with site.client() as http:
        r = http.get("/rdf-graphs", params={"graph": GRAPH_A, "format": "nt"})
    assert r.headers["content-type"].startswith("application/n-triples")


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"graph": "https://w3id.org/aseankg/graph/doc/no-such-document"}, 404),
        ({}, 400),
        ({"graph": GRAPH_A, "default": ""}, 400),
        ({"graph": [GRAPH_A, GRAPH_B]}, 400),
        ({"graph": "not an iri"}, 400),
    ],
)
def test_errors(site: Server, query: dict, status: int) -> None:
    with site.client() as http:
        r = http.get("/rdf-graphs", params=query)
        head = http.head("/rdf-graphs", params=query)
    assert r.status_code == status and r.headers["content-type"].startswith("text/plain")
    assert head.status_code == status


def test_not_acceptable(site: Server) -> None:
    with site.client() as http:
        r = http.get("/rdf-graphs", params={"graph": GRAPH_A}, headers={"Accept": "text/csv"})
    assert r.status_code == 406 and "text/turtle" in r.text


def test_head(site: Server) -> None:
    with site.client() as http:
        r = http.head("/rdf-graphs", params={"graph": GRAPH_A}, headers={"Accept": "application/trig"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/trig") and r.content == b""


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE", "PATCH"])
def test_writes_are_405(site: Server, method: str) -> None:
    with site.client() as http:
        r = http.request(method, "/rdf-graphs", params={"graph": GRAPH_A}, content=b"<a> <b> <c> .",
                         headers={"Content-Type": "text/turtle"})
        after = http.get("/rdf-graphs", params={"graph": GRAPH_A}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 405 and r.headers["content-type"].startswith("text/plain")
    assert {m.strip() for m in r.headers["allow"].split(",")} >= {"GET", "HEAD"}
    assert "POST" not in r.headers["allow"] and "PUT" not in r.headers["allow"]
    assert isomorphic(rdflib.Graph().parse(data=after.content, format="nt"), _expected(GRAPH_A))
