"""/sparql over real HTTP: the W3C SPARQL 1.1 Protocol query operation, every method, format and
error, with plain HTTP, SPARQLWrapper and rdflib's SPARQLStore as clients.

The store is the small invented dataset of ``sparql_fixture`` (a real StoreDir, a real
``aseankg serve`` on loopback).
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.error
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML
from SPARQLWrapper import SPARQLWrapper as Wrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
from sparql_fixture import GRAPH_A, GRAPH_B, small_store

from conftest import Server, start_server, stop_server

AKGID = "https://w3id.org/aseankg/id/"
MEETING = AKGID + "meeting-of-tests-7"
PERSON = AKGID + "kanya-thotsop"
ATTENDEES = "SELECT DISTINCT ?a WHERE { akgid:meeting-of-tests-7 schema:attendee ?a } ORDER BY ?a"
ALL_ATTENDEES = {PERSON, AKGID + "ministry-of-tests"}
LABELS = """
SELECT ?s ?label WHERE { ?s a akg:Person ; skos:prefLabel ?label } ORDER BY ?label"""
CONSTRUCT = "CONSTRUCT { ?m schema:attendee ?a ; skos:prefLabel ?l } WHERE { ?m schema:attendee ?a ; skos:prefLabel ?l }"
RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(small_store(tmp_path_factory.mktemp("sparql") / "store"))
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def url(endpoint: Server) -> str:
    return endpoint.base_url + "/sparql"


def bindings(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def values(response, var: str) -> list[str]:
    return [row[var]["value"] for row in bindings(response) if var in row]


# --- the three ways to send a query ---------------------------------------------------------


def test_get(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": ATTENDEES}, headers={"Accept": RESULTS_JSON})
    assert r.headers["content-type"] == RESULTS_JSON
    assert values(r, "a") == sorted(ALL_ATTENDEES)


def test_post_form(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.post("/sparql", data={"query": ATTENDEES})
    assert values(r, "a") == sorted(ALL_ATTENDEES)


def test_post_sparql_query_utf8_body(endpoint: Server) -> None:
    query = 'SELECT ?s WHERE { ?s skos:prefLabel "กัญญา ทดสอบ"@th }'
    with endpoint.client() as http:
        r = http.post(
            "/sparql",
            content=query.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=UTF-8", "Accept": RESULTS_JSON},
        )
    assert values(r, "s") == [PERSON]


def test_thai_in_get_query_string(endpoint: Server) -> None:
    query = 'ASK { ?s skos:altLabel "กท."@th }'
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": query})
    assert r.json() == {"head": {}, "boolean": True}


# --- the dataset ----------------------------------------------------------------------------


def test_default_graph_is_the_union(endpoint: Server) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    with endpoint.client() as http:
        graphs = set(values(http.get("/sparql", params={"query": query}), "g"))
        # labels from the lexicon graph and facts from a document graph meet in one pattern
        joined = http.get("/sparql", params={"query": "ASK { ?m schema:attendee ?a . ?a skos:altLabel ?alt }"})
    assert {GRAPH_A, GRAPH_B} <= graphs
    assert joined.json()["boolean"] is True


def test_default_graph_uri_picks_the_default_graph(endpoint: Server) -> None:
    with endpoint.client() as http:
        only_b = http.get("/sparql", params={"query": ATTENDEES, "default-graph-uri": GRAPH_B})
        both = http.get("/sparql", params={"query": ATTENDEES, "default-graph-uri": [GRAPH_A, GRAPH_B]})
        by_form = http.post("/sparql", data={"query": ATTENDEES, "default-graph-uri": GRAPH_B})
        direct = http.post(
            "/sparql",
            params={"default-graph-uri": GRAPH_B},
            content=ATTENDEES,
            headers={"Content-Type": "application/sparql-query"},
        )
    assert values(only_b, "a") == [PERSON]
    assert values(both, "a") == sorted(ALL_ATTENDEES)
    assert values(by_form, "a") == values(direct, "a") == [PERSON]


def test_named_graph_uri_limits_graph_patterns(endpoint: Server) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": query, "named-graph-uri": GRAPH_B})
        # with only named graphs given, the default graph is empty (the protocol's dataset)
        empty = http.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "named-graph-uri": GRAPH_B})
    assert values(r, "g") == [GRAPH_B]
    assert empty.json()["boolean"] is False


def test_query_from_clause_wins_over_the_union(endpoint: Server) -> None:
    query = f"SELECT DISTINCT ?a FROM <{GRAPH_B}> WHERE {{ <{MEETING}> schema:attendee ?a }}"
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": query})
    assert values(r, "a") == [PERSON]


def test_protocol_dataset_overrides_from(endpoint: Server) -> None:
    query = f"SELECT DISTINCT ?a FROM <{GRAPH_B}> WHERE {{ <{MEETING}> schema:attendee ?a }} ORDER BY ?a"
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": query, "default-graph-uri": GRAPH_A})
    assert values(r, "a") == sorted(ALL_ATTENDEES)


def test_bad_graph_iri_is_400(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert r.status_code == 400 and "default-graph-uri" in r.text


def test_a_fact_in_two_graphs_is_one_triple_of_the_union(endpoint: Server) -> None:
    # The union is a set. (Oxigraph 0.5's own union default graph repeats such a triple once
    # per graph, oxigraph/oxigraph#1919; the store writes the union as its default graph.)
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{MEETING}> schema:attendee <{PERSON}> }}"
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": query})
    assert values(r, "n") == ["1"]


# --- prefixes -------------------------------------------------------------------------------


def test_predeclared_prefixes(endpoint: Server) -> None:
    query = "SELECT ?x WHERE { ?x a akg:Person ; rdfs:label ?l ; skos:prefLabel ?p . ?m schema:attendee ?x } LIMIT 1"
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": query})
    assert values(r, "x") == [PERSON]


def test_own_prefix_overrides_a_predeclared_one(endpoint: Server) -> None:
    query = "PREFIX akg: <http://example.org/other#> SELECT (akg:Person AS ?c) WHERE {}"
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": query})
    assert values(r, "c") == ["http://example.org/other#Person"]


# --- content negotiation --------------------------------------------------------------------


def _parsed(data: bytes, format: pyoxigraph.QueryResultsFormat) -> list[dict[str, str]]:
    results = pyoxigraph.parse_query_results(data, format)
    names = [v.value for v in results.variables]
    return [{n: str(row[n]) for n in names if row[n] is not None} for row in results]


@pytest.mark.parametrize(
    ("accept", "media_type", "format"),
    [
        (RESULTS_JSON, RESULTS_JSON, pyoxigraph.QueryResultsFormat.JSON),
        (RESULTS_XML, RESULTS_XML, pyoxigraph.QueryResultsFormat.XML),
        ("text/csv", "text/csv", pyoxigraph.QueryResultsFormat.CSV),
        ("text/tab-separated-values", "text/tab-separated-values", pyoxigraph.QueryResultsFormat.TSV),
        ("application/json", RESULTS_JSON, pyoxigraph.QueryResultsFormat.JSON),
        ("application/xml", RESULTS_XML, pyoxigraph.QueryResultsFormat.XML),
    ],
)
def test_select_formats_parse_back_to_the_same_rows(endpoint: Server, accept: str, media_type: str, format) -> None:
    query = "SELECT ?s ?sentence ?begin WHERE { ?s akg:sentence ?sentence ; akg:beginIndex ?begin } ORDER BY ?s"
    with endpoint.client() as http:
        reference = http.get("/sparql", params={"query": query}, headers={"Accept": RESULTS_JSON})
        r = http.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media_type
    expected = _parsed(reference.content, pyoxigraph.QueryResultsFormat.JSON)
    assert len(expected) == 4 and any("\\t" in row["sentence"] and "\\n" in row["sentence"] for row in expected)
    if format == pyoxigraph.QueryResultsFormat.CSV:
        # CSV carries lexical forms only
        lexical = pyoxigraph.parse_query_results(reference.content, pyoxigraph.QueryResultsFormat.JSON)
        rows = list(csv.DictReader(io.StringIO(r.text, newline="")))
        assert rows == [{"s": row["s"].value, "sentence": row["sentence"].value, "begin": row["begin"].value} for row in lexical]
    else:
        assert _parsed(r.content, format) == expected


def test_xml_results_are_well_formed_with_language_and_datatype(endpoint: Server) -> None:
    query = "SELECT ?label ?begin WHERE { ?m akg:anchorOf ?a ; akg:beginIndex ?begin ; akg:mentionOf/skos:prefLabel ?label } LIMIT 5"
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": query}, headers={"Accept": RESULTS_XML})
    root = ET.fromstring(r.content)
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["label", "begin"]
    literals = root.findall(".//r:literal", ns)
    assert any(lit.get("{http://www.w3.org/XML/1998/namespace}lang") == "th" for lit in literals)
    assert any(lit.get("datatype") == "http://www.w3.org/2001/XMLSchema#integer" for lit in literals)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", RESULTS_XML),
        ("text/tab-separated-values, */*;q=0.1", "text/tab-separated-values"),
        ("application/sparql-results+json;q=0, */*", RESULTS_XML),
        ("text/*", "text/csv"),
        ("*/*", RESULTS_JSON),
        ("", RESULTS_JSON),
    ],
)
def test_accept_q_values(endpoint: Server, accept: str, expected: str) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": "SELECT * WHERE {}"}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == expected
    assert "Accept" in r.headers["vary"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"format": "csv"}, "text/csv"),
        ({"format": "tsv"}, "text/tab-separated-values"),
        ({"format": "xml"}, RESULTS_XML),
        ({"format": "json"}, RESULTS_JSON),
        ({"output": "csv"}, "text/csv"),
        ({"format": "text/tab-separated-values"}, "text/tab-separated-values"),
    ],
)
def test_format_parameter_wins_over_accept(endpoint: Server, params: dict, expected: str) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": "SELECT * WHERE {}", **params}, headers={"Accept": RESULTS_JSON})
        posted = http.post("/sparql", data={"query": "SELECT * WHERE {}", **params}, headers={"Accept": RESULTS_JSON})
    assert r.headers["content-type"].split(";")[0] == expected
    assert posted.headers["content-type"].split(";")[0] == expected


@pytest.mark.parametrize("format", ["json", "xml", "csv", "tsv"])
def test_ask_in_every_results_format(endpoint: Server, format: str) -> None:
    with endpoint.client() as http:
        yes = http.get("/sparql", params={"query": f"ASK {{ <{MEETING}> a akg:Meeting }}", "format": format})
        no = http.get("/sparql", params={"query": "ASK { ?s a akg:Nothing }", "format": format})
    pyformat = {"json": pyoxigraph.QueryResultsFormat.JSON, "xml": pyoxigraph.QueryResultsFormat.XML,
                "csv": pyoxigraph.QueryResultsFormat.CSV, "tsv": pyoxigraph.QueryResultsFormat.TSV}[format]
    if format in ("json", "xml"):
        assert bool(pyoxigraph.parse_query_results(yes.content, pyformat)) is True
        assert bool(pyoxigraph.parse_query_results(no.content, pyformat)) is False
    else:
        assert (yes.text.strip(), no.text.strip()) == ("true", "false")


RDF_PARSERS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}


def _graph(media_type: str, data: bytes) -> rdflib.Graph:
    if media_type in ("application/n-quads", "application/trig"):
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=RDF_PARSERS[media_type])
        graph = rdflib.Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    return rdflib.Graph().parse(data=data, format=RDF_PARSERS[media_type])


@pytest.mark.parametrize("media_type", list(RDF_PARSERS))
def test_construct_in_every_rdf_format(endpoint: Server, media_type: str) -> None:
    with endpoint.client() as http:
        reference = http.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"})
        r = http.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": media_type})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media_type
    expected = rdflib.Graph().parse(data=reference.content, format="nt")
    assert len(expected) == 4  # the meeting's two attendees and its two labels
    assert isomorphic(_graph(media_type, r.content), expected)


@pytest.mark.parametrize(("name", "media_type"), [("ttl", "text/turtle"), ("nt", "application/n-triples"),
                                                  ("jsonld", "application/ld+json"), ("rdfxml", "application/rdf+xml"),
                                                  ("nq", "application/n-quads"), ("trig", "application/trig"),
                                                  ("json", "application/ld+json"), ("xml", "application/rdf+xml")])
def test_construct_format_parameter(endpoint: Server, name: str, media_type: str) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": CONSTRUCT, "format": name})
    assert r.headers["content-type"].split(";")[0] == media_type
    assert len(_graph(media_type, r.content)) == 4


def test_construct_json_ld_reads_naturally(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "application/ld+json"})
    doc = r.json()
    node = next(n for n in doc["@graph"] if n["id"] == "akgid:meeting-of-tests-7")
    assert node["label"] == {"th": "การประชุมทดสอบ ครั้งที่ 7", "en": "The 7th Test Meeting"}
    assert sorted(node["attendee"]) == ["akgid:kanya-thotsop", "akgid:ministry-of-tests"]


def test_describe(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": f"DESCRIBE <{PERSON}>"}, headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=r.text, format="turtle")
    assert (rdflib.URIRef(PERSON), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/aseankg/ontology#Person")) in graph


@pytest.mark.parametrize(
    ("query", "accept", "listed"),
    [
        ("SELECT * WHERE {}", "image/png", "application/sparql-results+json"),
        ("ASK {}", "text/turtle", "text/tab-separated-values"),
        (CONSTRUCT, "text/csv", "text/turtle"),
        (CONSTRUCT, "application/sparql-results+json", "application/ld+json"),
    ],
)
def test_406_lists_what_is_offered(endpoint: Server, query: str, accept: str, listed: str) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert r.status_code == 406
    assert listed in r.text


def test_unknown_format_parameter_is_406(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": "SELECT * WHERE {}", "format": "pdf"})
    assert r.status_code == 406 and "format=csv" in r.text


# --- errors ---------------------------------------------------------------------------------


def test_syntax_error_is_400_with_line_and_column(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", params={"query": "SELECT ?s WHERE {\n  ?s ?p \n}"})
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/plain")
    assert re.search(r"\b3:\d+\b", r.text), r.text  # line 3, some column


def test_two_queries_are_400(endpoint: Server) -> None:
    with endpoint.client() as http:
        in_url = http.get("/sparql", params={"query": ["ASK {}", "ASK {}"]})
        url_and_body = http.post("/sparql", params={"query": "ASK {}"}, data={"query": "ASK {}"})
        url_and_direct = http.post("/sparql", params={"query": "ASK {}"}, content="ASK {}",
                                   headers={"Content-Type": "application/sparql-query"})
    assert in_url.status_code == url_and_body.status_code == url_and_direct.status_code == 400


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", None, "application/sparql-query; charset=latin-1"])
def test_post_with_a_wrong_media_type_is_415(endpoint: Server, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    with endpoint.client() as http:
        r = http.post("/sparql", content=b"ASK {}", headers=headers)
    assert r.status_code == 415
    assert "application/sparql-query" in r.text


def test_body_not_utf8_is_400(endpoint: Server) -> None:
    with endpoint.client() as http:
        direct = http.post("/sparql", content='ASK { ?s ?p "é" }'.encode("latin-1"),
                           headers={"Content-Type": "application/sparql-query"})
        form = http.post("/sparql", content=b"query=ASK%20%7B%20%3Fs%20%3Fp%20%22%E9%22%20%7D",
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        url = http.get("/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%22%E9%22%20%7D")
    assert direct.status_code == form.status_code == url.status_code == 400
    assert "UTF-8" in direct.text and "UTF-8" in form.text


def test_post_without_query_is_400(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.post("/sparql", data={"default-graph-uri": GRAPH_A})
    assert r.status_code == 400


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "PROPFIND"])
def test_other_methods_are_405_with_allow(endpoint: Server, method: str) -> None:
    with endpoint.client() as http:
        r = http.request(method, "/sparql", content=b"ASK {}")
    assert r.status_code == 405
    assert r.headers["content-type"].startswith("text/plain") and method in r.text
    allowed = {m.strip() for m in r.headers["allow"].split(",")}
    assert allowed == {"GET", "POST", "HEAD", "OPTIONS"}


def test_openapi_documents_the_endpoint(endpoint: Server) -> None:
    with endpoint.client() as http:
        spec = http.get("/openapi.json").json()
    operations = spec["paths"]["/sparql"]
    assert set(operations) == {"get", "post"}
    get_params = {p["name"] for p in operations["get"]["parameters"]}
    assert {"query", "default-graph-uri", "named-graph-uri", "format"} <= get_params
    body = operations["post"]["requestBody"]["content"]
    assert set(body) == {"application/x-www-form-urlencoded", "application/sparql-query"}
    assert {"application/sparql-results+json", "text/turtle"} <= set(operations["get"]["responses"]["200"]["content"])


INSERT = f'INSERT DATA {{ GRAPH <{GRAPH_A}> {{ <{PERSON}> skos:altLabel "hacked" }} }}'


def test_updates_are_refused_and_change_nothing(endpoint: Server) -> None:
    with endpoint.client() as http:
        attempts = [
            http.post("/sparql", data={"update": INSERT}),
            http.post("/sparql", content=INSERT, headers={"Content-Type": "application/sparql-update"}),
            http.post("/sparql", data={"query": INSERT}),
            http.get("/sparql", params={"query": INSERT}),
            http.get("/sparql", params={"update": INSERT}),
            http.get("/sparql", params={"query": "LOAD <http://127.0.0.1:9/x.ttl>"}),
            http.get("/sparql", params={"query": f"PREFIX ex: <http://example.org/> # comment\nDELETE WHERE {{ <{PERSON}> ?p ?o }}"}),
        ]
        after = http.get("/sparql", params={"query": f'ASK {{ <{PERSON}> ?p "hacked" }}'})
        still = http.get("/sparql", params={"query": f"ASK {{ <{PERSON}> a akg:Person }}"})
    for r in attempts:
        assert r.status_code == 403, r.text
        assert "read-only" in r.text
    assert after.json()["boolean"] is False
    assert still.json()["boolean"] is True


# --- HEAD, OPTIONS, CORS ----------------------------------------------------------------------


def test_head(endpoint: Server) -> None:
    with endpoint.client() as http:
        ok = http.head("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": "text/csv"})
        bad = http.head("/sparql", params={"query": "SELECT WHERE"})
        description = http.head("/sparql", headers={"Accept": "text/turtle"})
    assert ok.status_code == 200 and ok.headers["content-type"].startswith("text/csv") and ok.content == b""
    assert bad.status_code == 400
    assert description.status_code == 200 and description.headers["content-type"].startswith("text/turtle")


def test_options(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.options("/sparql")
    assert r.status_code in (200, 204)
    assert {"GET", "POST"} <= {m.strip() for m in r.headers["allow"].split(",")}


def test_cors_preflight_and_simple_request(endpoint: Server) -> None:
    origin = "http://127.0.0.1:9"
    with endpoint.client() as http:
        preflight = http.options(
            "/sparql",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type, accept",
            },
        )
        simple = http.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": origin})
        error = http.get("/sparql", params={"query": "ASK {"}, headers={"Origin": origin})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()
    assert simple.headers["access-control-allow-origin"] == "*"
    assert error.status_code == 400 and error.headers["access-control-allow-origin"] == "*"


# --- /sparql without a query ------------------------------------------------------------------


def test_without_query_rdf_clients_get_the_service_description(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    graph = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd.endpoint, rdflib.URIRef(endpoint.base_url + "/sparql")) in graph


def test_without_query_and_no_description_format_is_400(endpoint: Server) -> None:
    with endpoint.client() as http:
        r = http.get("/sparql", headers={"Accept": RESULTS_JSON})
    assert r.status_code == 400 and "query" in r.text


# --- SPARQLWrapper ----------------------------------------------------------------------------


def _wrapper(url: str, query: str, fmt: str, method: str | None = None, request: str | None = None) -> Wrapper:
    client = Wrapper(url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(method)
    if request:
        client.setRequestMethod(request)
    return client


@pytest.mark.parametrize(("method", "request_method"), [(None, None), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_sparqlwrapper_select_json_every_method(url: str, method, request_method) -> None:
    result = _wrapper(url, ATTENDEES, JSON, method, request_method).queryAndConvert()
    assert [b["a"]["value"] for b in result["results"]["bindings"]] == sorted(ALL_ATTENDEES)


def test_sparqlwrapper_select_xml_csv_tsv(url: str) -> None:
    xml_doc = _wrapper(url, ATTENDEES, XML).queryAndConvert()
    uris = [node.firstChild.data for node in xml_doc.getElementsByTagName("uri")]
    assert uris == sorted(ALL_ATTENDEES)
    csv_text = _wrapper(url, ATTENDEES, CSV).queryAndConvert().decode()
    assert csv_text.splitlines()[1:] == sorted(ALL_ATTENDEES)
    tsv_text = _wrapper(url, ATTENDEES, TSV).queryAndConvert().decode()
    assert tsv_text.splitlines()[1:] == [f"<{a}>" for a in sorted(ALL_ATTENDEES)]


def test_sparqlwrapper_ask_and_dataset(url: str) -> None:
    assert _wrapper(url, f"ASK {{ <{MEETING}> a akg:Meeting }}", JSON).queryAndConvert()["boolean"] is True
    client = _wrapper(url, ATTENDEES, JSON)
    client.addDefaultGraph(GRAPH_B)
    assert [b["a"]["value"] for b in client.queryAndConvert()["results"]["bindings"]] == [PERSON]
    named = _wrapper(url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", JSON, POST, URLENCODED)
    named.addNamedGraph(GRAPH_A)
    assert [b["g"]["value"] for b in named.queryAndConvert()["results"]["bindings"]] == [GRAPH_A]


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, XML, JSONLD])
def test_sparqlwrapper_construct(url: str, fmt: str) -> None:
    graph = _wrapper(url, CONSTRUCT, fmt).queryAndConvert()
    if isinstance(graph, bytes):  # SPARQLWrapper hands Turtle/N3 back as bytes
        graph = rdflib.Graph().parse(data=graph, format="turtle")
    assert len(graph) == 4


def test_sparqlwrapper_errors(url: str) -> None:
    with pytest.raises(QueryBadFormed):
        _wrapper(url, "SELECT * WHERE {", JSON).query()
    update = Wrapper(url)
    update.setMethod(POST)
    update.setQuery(INSERT)
    with pytest.raises(urllib.error.HTTPError) as raised:
        update.query()
    assert raised.value.code == 403


# --- rdflib's SPARQLStore ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xml", "json", "csv"])
def test_rdflib_sparqlstore_select(url: str, fmt: str) -> None:
    graph = rdflib.Graph(store=SPARQLStore(url, returnFormat=fmt))
    rows = graph.query(ATTENDEES)
    assert sorted(str(row.a) for row in rows) == sorted(ALL_ATTENDEES)


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparqlstore_methods_ask_construct(url: str, method: str) -> None:
    graph = rdflib.Graph(store=SPARQLStore(url, method=method))
    assert graph.query(f"ASK {{ <{MEETING}> a akg:Meeting }}").askAnswer is True
    constructed = graph.query(CONSTRUCT).graph
    assert len(constructed) == 4


def test_rdflib_sparqlstore_triples_and_contexts(url: str) -> None:
    store = SPARQLStore(url)
    graph = rdflib.Graph(store=store)
    attendees = {str(o) for o in graph.objects(rdflib.URIRef(MEETING), rdflib.URIRef("https://schema.org/attendee"))}
    assert attendees == ALL_ATTENDEES
    contexts = {str(c.identifier) if hasattr(c, "identifier") else str(c) for c in store.contexts()}
    assert {GRAPH_A, GRAPH_B} <= contexts
    only_b = rdflib.Graph(store=store, identifier=rdflib.URIRef(GRAPH_B))
    assert {str(o) for o in only_b.objects(rdflib.URIRef(MEETING), rdflib.URIRef("https://schema.org/attendee"))} == {PERSON}


def test_rdflib_sparqlstore_refuses_to_write(url: str) -> None:
    graph = rdflib.Graph(store=SPARQLStore(url))
    with pytest.raises(TypeError):
        graph.add((rdflib.URIRef(PERSON), rdflib.RDFS.label, rdflib.Literal("x")))
