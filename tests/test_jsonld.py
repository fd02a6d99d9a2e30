"""The JSON-LD writer (aseankg.jsonld): whatever the triples, the document expands back to them."""

from __future__ import annotations

import json

import pyoxigraph
import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Triple
from rdflib.compare import isomorphic

from aseankg import jsonld
from aseankg.namespaces import expand

N = lambda curie: NamedNode(expand(curie))  # noqa: E731
XSD = lambda t: NamedNode(expand("xsd:" + t))  # noqa: E731
S = NamedNode("https://w3id.org/aseankg/id/thing-1")
B = BlankNode("n1")
TRIPLES = [
    Triple(S, N("rdf:type"), N("akg:MinisterialMeeting")), Triple(S, N("rdf:type"), N("schema:Event")),
    Triple(S, N("skos:prefLabel"), Literal("ชื่อ", language="th")), Triple(S, N("skos:prefLabel"), Literal("Name", language="en")),
    Triple(S, N("skos:prefLabel"), Literal("no language")), Triple(S, N("skos:prefLabel"), NamedNode("http://example.org/odd")),
    Triple(S, N("skos:altLabel"), Literal("A", language="th-latn")), Triple(S, N("skos:altLabel"), Literal("B", language="th-latn")),
    Triple(S, N("rdfs:label"), Literal("Name", language="en")),
    Triple(S, N("akg:ordinal"), Literal("5", datatype=XSD("integer"))), Triple(S, N("akg:ordinal"), Literal("five")),
    Triple(S, N("schema:startDate"), Literal("2025-01-16", datatype=XSD("date"))),
    Triple(S, N("schema:startDate"), Literal("2025", datatype=XSD("gYear"))),
    Triple(S, N("akg:series"), N("akgid:series-x")), Triple(S, N("akg:series"), Literal("a literal where an IRI is usual")),
    Triple(S, N("schema:url"), NamedNode("https://example.org/a?b=1&c=2")),
    Triple(S, N("akg:unknownProperty"), Literal("1.5", datatype=XSD("decimal"))),
    Triple(S, N("akg:flag"), Literal("true", datatype=XSD("boolean"))),
    Triple(S, NamedNode("http://example.org/vocab#p"), Literal("9007199254740993", datatype=XSD("integer"))),
    Triple(S, N("akg:title"), Literal("ตำแหน่ง", language="th")), Triple(S, N("dcterms:title"), Literal("หัวข่าว", language="th")),
    Triple(S, N("rdf:type"), B), Triple(S, N("rdfs:seeAlso"), B),
    Triple(B, N("akg:anchorOf"), Literal('"quoted"\ttab\nnewline')),
    Triple(S, N("akg:holder"), N("akgid:later")),  # the subject again, after another: a second node object
]


def _rdflib(triples) -> rdflib.Graph:
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")


def test_round_trip_through_rdflib() -> None:
    data = b"".join(jsonld.write(TRIPLES, nodes_per_chunk=1))
    assert isomorphic(rdflib.Graph().parse(data=data, format="json-ld"), _rdflib(TRIPLES))


def test_round_trip_through_pyoxigraph() -> None:
    data = b"".join(jsonld.write(TRIPLES))
    parsed = set(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.JSON_LD))
    assert len(parsed) == len(set(TRIPLES))


def test_reads_naturally() -> None:
    doc = json.loads(b"".join(jsonld.write(TRIPLES)))
    node = next(n for n in doc["@graph"] if n["id"] == "akgid:thing-1")
    assert list(node)[:4] == ["id", "type", "label", "altLabel"]
    assert node["label"] == {"th": "ชื่อ", "en": "Name"}
    assert node["altLabel"] == {"th-latn": ["A", "B"]} or node["altLabel"] == {"th-latn": ["B", "A"]}
    assert node["ordinal"] == [5, {"@value": "five"}] or node["ordinal"] == [{"@value": "five"}, 5]
    assert "2025-01-16" in node["startDate"]
    assert node["url"] == "https://example.org/a?b=1&c=2"
    assert node["positionTitle"] == {"th": "ตำแหน่ง"} and node["title"] == {"th": "หัวข่าว"}
    assert "unknownProperty" in node and "flag" in node and node["flag"] is True


def test_a_subject_met_again_gets_a_second_node_object() -> None:
    doc = json.loads(b"".join(jsonld.write(TRIPLES)))
    nodes = [n for n in doc["@graph"] if n["id"] == "akgid:thing-1"]
    assert len(nodes) == 2 and nodes[1] == {"id": "akgid:thing-1", "holder": "akgid:later"}


def test_context_document_matches_the_embedded_one() -> None:
    doc = json.loads(b"".join(jsonld.write([])))
    assert doc == {"@context": jsonld.context(), "@graph": []}
    assert jsonld.document_context() == {"@context": jsonld.context()}
