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
