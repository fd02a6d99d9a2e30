"""The SPARQL text lexer (aseankg.sparql_text): keywords outside strings, IRIs, names, comments."""

from __future__ import annotations

import pytest

from aseankg.sparql_text import has_dataset_clause, looks_like_update


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * FROM <http://g> WHERE { ?s ?p ?o }", True),
        ("select * from named <http://g> { graph ?g { ?s ?p ?o } }", True),
        ("SELECT ?from WHERE { ?s <http://x/FROM> 'FROM' ; ex:from ?from } # FROM", False),
        ('SELECT * WHERE { ?s ?p """a\nFROM b""" }', False),
        ("PREFIX from: <http://x/> SELECT * WHERE { ?s from:p ?o }", False),
        ("SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }", False),
    ],
)
def test_has_dataset_clause(query: str, expected: bool) -> None:
    assert has_dataset_clause(query) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INSERT DATA { <a> <b> <c> }", True),
        ("PREFIX ex: <http://x/> # a comment\n delete where { ?s ?p ?o }", True),
        ("BASE <http://x/> LOAD <http://y/data.ttl>", True),
        ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
        ("SELECT * WHERE { ?s <http://x/insert> ?o }", False),
        ("ASK { }", False),
        ("", False),
    ],
)
def test_looks_like_update(text: str, expected: bool) -> None:
    assert looks_like_update(text) is expected


@pytest.mark.parametrize(
    ("query", "targets"),
    [
        ("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }", ["http://e/sparql"]),
        ("select * { service silent <http://e/sparql> {} }", ["http://e/sparql"]),
        ("PREFIX e: <http://e/> SELECT * { SERVICE e:sparql {} }", ["http://e/sparql"]),
        ("PREFIX : <http://e/> SELECT * { SERVICE :sparql {} }", ["http://e/sparql"]),
        ("SELECT * { SERVICE akgid:x {} }", ["https://w3id.org/aseankg/id/x"]),  # a predeclared prefix
        ("SELECT * { SERVICE <http://e/sp\\u0061rql> {} }", ["http://e/sparql"]),  # read as the parser reads it
        ("SELECT * { SERVICE ?endpoint {} }", [None]),
        ("BASE <http://e/> SELECT * { SERVICE <sparql> {} }", [None]),  # relative: not certain
        ("SELECT * { SERVICE unknown:x {} }", [None]),
        ("SELECT * { SERVICE <http://a/> {} SERVICE <http://b/> {} }", ["http://a/", "http://b/"]),
        ("SELECT * { ?s akg:a\\'b ?o . SERVICE <http://e/> {} ?s akg:c\\'d ?o }", ["http://e/"]),  # escaped quotes in names
        ('SELECT ?service { ?service <http://e/SERVICE> "SERVICE <http://e/>" ; :service ?o } # SERVICE <http://e/>', []),
    ],
)
def test_service_targets(query: str, targets: list[str | None]) -> None:
    from aseankg.namespaces import PREFIXES
    from aseankg.sparql_text import service_targets

    assert service_targets(query, PREFIXES) == targets
