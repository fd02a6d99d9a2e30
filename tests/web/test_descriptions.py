"""The service and the dataset describe themselves: a SPARQL 1.1 Service Description at /sparql
(RDF Accept, no query) and VoID at /.well-known/void, checked against the store's own figures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, Literal, Namespace, URIRef
from sparql_fixture import GRAPH_A, GRAPH_B, small_quads, small_store

from aseankg.namespaces import AKG, AKGID, LEXICON_GRAPH, ONTOLOGY_GRAPH
from conftest import Server, start_server, stop_server

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
RESULT_FORMATS = {FORMATS[n] for n in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                                       "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML",
                                       "N-Quads", "TriG")}
PARSERS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml",
           "application/n-triples": "nt"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(small_store(tmp_path_factory.mktemp("descriptions") / "store"))
    yield srv
    stop_server(srv)


def _get(site: Server, path: str, accept: str) -> rdflib.Graph:
    with site.client() as http:
        r = http.get(path, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == accept
    return rdflib.Graph().parse(data=r.content, format=PARSERS[accept])


def _figures() -> dict:
    quads = small_quads()
    union = {(q.subject, q.predicate, q.object) for q in quads}
    per_graph: dict[str, set] = {}
    for q in quads:
        per_graph.setdefault(q.graph_name.value, set()).add((q.subject, q.predicate, q.object))
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    instances: dict[str, set] = {}
    for s, p, o in union:
        if p.value == rdf_type:
            instances.setdefault(o.value, set()).add(s)
    return {
        "triples": len(union),
        "entities": len({s for s, _, _ in union if s.value.startswith(AKGID)}),
        "graphs": {g: len(t) for g, t in per_graph.items()},
        "instances": {c: len(s) for c, s in instances.items()},
    }


@pytest.mark.parametrize("accept", list(PARSERS))
def test_service_description(site: Server, accept: str) -> None:
    graph = _get(site, "/sparql", accept)
    endpoint = URIRef(site.base_url + "/sparql")
    service = graph.value(predicate=SD.endpoint, object=endpoint)
    assert service is not None and (service, RDF.type, SD.Service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    assert set(graph.objects(service, SD.resultFormat)) == RESULT_FORMATS
    dataset = graph.value(service, SD.defaultDataset)
    default_graph = graph.value(dataset, SD.defaultGraph)
    figures = _figures()
    assert graph.value(default_graph, VOID.triples).toPython() == figures["triples"]
    names = {graph.value(named, SD.name) for named in graph.objects(dataset, SD.namedGraph)}
    assert names == {URIRef(g) for g in (GRAPH_A, GRAPH_B, LEXICON_GRAPH, ONTOLOGY_GRAPH)}
    for named in graph.objects(dataset, SD.namedGraph):
        name = str(graph.value(named, SD.name))
        assert graph.value(graph.value(named, SD.graph), VOID.triples).toPython() == figures["graphs"][name]


def test_every_advertised_result_format_is_served(site: Server) -> None:
    media = {"SPARQL_Results_JSON": "application/sparql-results+json", "SPARQL_Results_XML": "application/sparql-results+xml",
             "SPARQL_Results_CSV": "text/csv", "SPARQL_Results_TSV": "text/tab-separated-values",
             "Turtle": "text/turtle", "N-Triples": "application/n-triples", "JSON-LD": "application/ld+json",
             "RDF_XML": "application/rdf+xml", "N-Quads": "application/n-quads", "TriG": "application/trig"}
    graph = _get(site, "/sparql", "text/turtle")
    advertised = {str(f).rsplit("/", 1)[1] for f in graph.objects(None, SD.resultFormat)}
    with site.client() as http:
        for name in advertised:
            kind = "SELECT * WHERE { ?s ?p ?o } LIMIT 1" if name.startswith("SPARQL") else "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"
            r = http.get("/sparql", params={"query": kind}, headers={"Accept": media[name]})
            assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media[name], name


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json"])
def test_void(site: Server, accept: str) -> None:
    graph = _get(site, "/.well-known/void", accept)
    base = site.base_url
    dataset = URIRef(base + "/.well-known/void#dataset")
    figures = _figures()
    assert (dataset, RDF.type, VOID.Dataset) in graph
    assert graph.value(dataset, VOID.triples).toPython() == figures["triples"]
    assert graph.value(dataset, VOID.entities).toPython() == figures["entities"]
    assert (dataset, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in graph
    assert (dataset, VOID.sparqlEndpoint, URIRef(base + "/sparql")) in graph
    assert graph.value(dataset, VOID.uriSpace) == Literal(AKGID)
    assert set(graph.objects(dataset, VOID.dataDump)) == {URIRef(f"{base}/export/aseankg.{e}") for e in ("ttl", "nt", "nq", "trig", "jsonld")}
    # entities per class
    partitions = {graph.value(p, VOID["class"]): graph.value(p, VOID.entities).toPython()
                  for p in graph.objects(dataset, VOID.classPartition)}
    assert partitions[URIRef(AKG + "Person")] == 1
    assert partitions[URIRef(AKG + "Mention")] == 4
    assert partitions == {URIRef(c): n for c, n in figures["instances"].items()}
    # named graphs as subsets
    subsets = {graph.value(s, SD.name): graph.value(s, VOID.triples).toPython() for s in graph.objects(dataset, VOID.subset)}
    assert subsets == {URIRef(g): n for g, n in figures["graphs"].items()}
    # example resources: the entities the most articles mention
    examples = set(graph.objects(dataset, VOID.exampleResource))
    assert URIRef(AKGID + "kanya-thotsop") in examples


def test_void_links_resolve(site: Server) -> None:
    graph = _get(site, "/.well-known/void", "text/turtle")
    links = [*graph.objects(None, VOID.dataDump), *graph.objects(None, VOID.sparqlEndpoint)]
    with site.client() as http:
        for link in links:
            path = str(link)[len(site.base_url):]
            r = http.head(path, headers={"Accept": "text/turtle"})
            assert r.status_code == 200, link


def test_void_not_acceptable(site: Server) -> None:
    with site.client() as http:
        r = http.get("/.well-known/void", headers={"Accept": "application/pdf"})
    assert r.status_code == 406 and "text/turtle" in r.text


def test_real_graph_void_matches_the_store(server: Server, built_store: Path) -> None:
    from aseankg.export import union_triples
    from aseankg.store import StoreDir

    store = StoreDir(built_store).open()
    triples = sum(1 for _ in union_triples(store))
    graph = _get(server, "/.well-known/void", "text/turtle")
    dataset = URIRef(server.base_url + "/.well-known/void#dataset")
    assert graph.value(dataset, VOID.triples).toPython() == triples
    examples = list(graph.objects(dataset, VOID.exampleResource))
    assert examples and all(str(e).startswith(AKGID) for e in examples)
