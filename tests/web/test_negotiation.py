"""Content negotiation (aseankg.web.negotiation): Accept with q-values and the format parameter."""

from __future__ import annotations

import pytest

from aseankg.web.negotiation import (
    GRAPH_FORMATS, HTML, JSON_LD, N_TRIPLES, RDF_XML, RESULT_FORMATS, SPARQL_CSV, SPARQL_JSON, SPARQL_TSV,
    SPARQL_XML, TURTLE, by_parameter, choose, parse_accept,
)


def test_parse_accept_reads_q_and_skips_garbage() -> None:
    ranges = parse_accept("text/html;level=1;q=0.5, */*;q=0.1, nonsense, image/*, */png, text/csv;q=abc")
    assert [(r.type, r.subtype, r.q) for r in ranges] == [
        ("text", "html", 0.5), ("*", "*", 0.1), ("image", "*", 1.0), ("text", "csv", 0.0)]


@pytest.mark.parametrize(
    ("accept", "offered", "expected"),
    [
        (None, RESULT_FORMATS, SPARQL_JSON),
        ("", GRAPH_FORMATS, TURTLE),
        ("*/*", GRAPH_FORMATS, TURTLE),
        ("application/rdf+xml, text/turtle;q=0.8", GRAPH_FORMATS, RDF_XML),
        ("text/turtle;q=0.8, application/rdf+xml", GRAPH_FORMATS, RDF_XML),
        ("text/turtle;q=0, */*", GRAPH_FORMATS, N_TRIPLES),  # an explicit q=0 beats the wildcard
        ("application/json", GRAPH_FORMATS, JSON_LD),  # an alias, named exactly
        ("application/json", RESULT_FORMATS, SPARQL_JSON),
        ("text/*", RESULT_FORMATS, SPARQL_CSV),  # a wildcard never picks through an alias (text/xml)
        ("text/tab-separated-values;q=0.9, text/csv;q=0.5", RESULT_FORMATS, SPARQL_TSV),
        ("TEXT/CSV", RESULT_FORMATS, SPARQL_CSV),
        ("image/png", RESULT_FORMATS, None),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", (*GRAPH_FORMATS, HTML), HTML),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", RESULT_FORMATS, SPARQL_XML),
    ],
)
def test_choose(accept, offered, expected) -> None:
    assert choose(accept, offered) is expected


@pytest.mark.parametrize(
    ("values", "offered", "expected"),
    [
        (["json"], RESULT_FORMATS, SPARQL_JSON),
        (["json"], GRAPH_FORMATS, JSON_LD),  # the same word means the query form's JSON
        (["xml"], GRAPH_FORMATS, RDF_XML),
        (["tsv", "text/tab-separated-values"], RESULT_FORMATS, SPARQL_TSV),  # as SPARQLWrapper sends it
        (["json-ld", "application/ld+json,application/x-json+ld"], GRAPH_FORMATS, JSON_LD),
        (["pdf", "turtle"], GRAPH_FORMATS, TURTLE),
        (["pdf"], GRAPH_FORMATS, None),
    ],
)
def test_by_parameter(values, offered, expected) -> None:
    assert by_parameter(values, offered) is expected


def test_content_types_say_utf8_for_text() -> None:
    assert TURTLE.content_type == "text/turtle; charset=utf-8"
    assert SPARQL_JSON.content_type == "application/sparql-results+json"
    assert JSON_LD.content_type == "application/ld+json"
