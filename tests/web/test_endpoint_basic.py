"""The first cut of /sparql over real HTTP on loopback."""

from __future__ import annotations

from rdflib import Graph

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/aseankg/ontology#NewsArticle> }"


def test_get_counts_five_articles(server) -> None:
    with server.client() as http:
        r = http.get("/sparql", params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "5"


def test_post_form_and_articles_have_title_date_url(server) -> None:
    query = """
    SELECT ?id ?title ?issued ?url WHERE {
      ?a a akg:NewsArticle ; dcterms:identifier ?id ; dcterms:title ?title ;
         dcterms:issued ?issued ; schema:url ?url }
    ORDER BY ?id"""
    with server.client() as http:
        r = http.post("/sparql", data={"query": query})
    rows = r.json()["results"]["bindings"]
    assert [row["id"]["value"][:3] for row in rows] == ["000", "001", "002", "003", "004"]
    assert rows[3]["issued"]["value"] == "2023-03-21"
    assert rows[3]["issued"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert rows[0]["url"]["value"] == "https://www.thaigov.go.th/news/contents/details/92483"
    assert rows[0]["title"]["xml:lang"] == "th"


def test_construct_in_turtle(server) -> None:
    query = "CONSTRUCT { ?a dcterms:title ?t } WHERE { ?a a akg:NewsArticle ; dcterms:title ?t }"
    with server.client() as http:
        r = http.get("/sparql", params={"query": query}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and "turtle" in r.headers["content-type"]
    assert len(Graph().parse(data=r.text, format="turtle")) == 5


def test_syntax_error_is_400(server) -> None:
    with server.client() as http:
        r = http.get("/sparql", params={"query": "SELECT WHERE {"})
    assert r.status_code == 400
