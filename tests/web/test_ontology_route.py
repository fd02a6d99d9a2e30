"""/ontology over real HTTP: every term with th/en label and comment for browsers; RDF by Accept."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from browse_fixture import small_server  # noqa: F401 (fixture)
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.compare import isomorphic

from aseankg.namespaces import AKG, ONTOLOGY_IRI
from aseankg.paths import ONTOLOGY_FILE

HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle", publicID=ONTOLOGY_IRI)


def ours(graph: Graph, *types: URIRef) -> list[URIRef]:
    found = {s for t in types for s in graph.subjects(RDF.type, t) if isinstance(s, URIRef) and str(s).startswith(AKG)}
    return sorted(found)


def test_every_class_and_property_with_labels_and_comments_in_both_languages(small_server, ontology: Graph) -> None:
    with small_server.client() as http:
        r = http.get("/ontology", headers={"Accept": HTML_ACCEPT}, params={"lang": "th"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    soup = BeautifulSoup(r.text, "html.parser")
    terms = ours(ontology, OWL.Class) + ours(ontology, OWL.ObjectProperty, OWL.DatatypeProperty)
    assert len(terms) > 40
    for term in terms:
        block = soup.find(id=str(term)[len(AKG):])
        assert block is not None, term
        shown = " ".join(block.get_text(" ").split())
        for predicate in (RDFS.label, RDFS.comment):
            for lang in ("th", "en"):
                values = [str(o) for o in ontology.objects(term, predicate) if o.language == lang]
                assert values, (term, predicate, lang)
                assert " ".join(values[0].split()) in shown, (term, predicate, lang)
    sections = {s["id"] for s in soup.select("section.terms")}
    assert sections == {"classes", "properties", "individuals"}


def test_terms_link_to_their_super_classes_and_the_page_is_in_the_chosen_language(small_server) -> None:
    with small_server.client() as http:
        en = BeautifulSoup(http.get("/ontology", params={"lang": "en"}).text, "html.parser")
        th = BeautifulSoup(http.get("/ontology", params={"lang": "th"}).text, "html.parser")
    assert en.html["lang"] == "en" and th.html["lang"] == "th"
    ministry = en.find(id="Ministry")
    links = {a.get_text(strip=True): a["href"] for a in ministry.select("dl.relations a")}
    assert links["Organization"] == "/ontology?lang=en#Organization"
    assert links["schema:GovernmentOrganization"] == "https://schema.org/GovernmentOrganization"
    assert th.find(id="Ministry").select_one("tr").get("lang") == "th"  # the page language first


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("text/html;q=0.2, text/turtle;q=0.9", "text/turtle", "turtle"),
    ],
)
def test_the_ontology_as_rdf_by_accept(small_server, ontology: Graph, accept: str, media_type: str, rdflib_format: str) -> None:
    with small_server.client() as http:
        r = http.get("/ontology", headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media_type)
    assert "Accept" in r.headers["vary"]
    served = Graph().parse(data=r.text, format=rdflib_format)
    assert isomorphic(served, ontology)


@pytest.mark.parametrize("suffix", ["ttl", "jsonld", "nt", "rdf"])
def test_the_ontology_by_suffix(small_server, ontology: Graph, suffix: str) -> None:
    formats = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}
    with small_server.client() as http:
        r = http.get(f"/ontology.{suffix}")
    assert r.status_code == 200
    assert isomorphic(Graph().parse(data=r.text, format=formats[suffix]), ontology)


def test_the_ontology_json_ld_has_short_keys(small_server) -> None:
    with small_server.client() as http:
        data = http.get("/ontology.jsonld").json()
    assert data["@context"]["label"]["@id"] == "skos:prefLabel"
    meeting = next(node for node in data["@graph"] if node["id"] == "akg:Meeting")
    assert meeting["rdfs:label"]["th"] and meeting["rdfs:label"]["en"]  # language maps
    assert meeting["comment"]["th"] and meeting["comment"]["en"]


def test_unknown_format_and_unacceptable(small_server) -> None:
    with small_server.client() as http:
        assert http.get("/ontology.exe").status_code == 404
        r = http.get("/ontology", headers={"Accept": "image/png"})
    assert r.status_code == 406 and "text/turtle" in r.text


def test_entity_pages_link_properties_to_their_ontology_terms(small_server) -> None:
    with small_server.client() as http:
        soup = BeautifulSoup(http.get("/id/adgmin-5").text, "html.parser")
    hrefs = {a.get_text(strip=True): a["href"] for a in soup.select("section.facts dt a")}
    assert hrefs["host country"] == "/ontology#hostCountry"
