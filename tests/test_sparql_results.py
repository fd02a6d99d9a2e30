"""The streaming SPARQL results writers (aseankg.sparql_results) read back by pyoxigraph's own
parsers as the same solutions, whatever the terms hold."""

from __future__ import annotations

import csv
import io

import pyoxigraph
import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from aseankg.sparql_results import boolean, solutions

FORMATS = {"json": pyoxigraph.QueryResultsFormat.JSON, "xml": pyoxigraph.QueryResultsFormat.XML,
           "tsv": pyoxigraph.QueryResultsFormat.TSV}
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    s = pyoxigraph.Store()
    p = NamedNode("http://example.org/p")
    objects = [
        Literal("ภาษาไทย", language="th"), Literal("th-Latn", language="th-latn"),
        Literal('tab\there, "quotes", comma, new\nline & <xml> \\ back'), Literal("5", datatype=NamedNode(XSD + "integer")),
        Literal("2025-01", datatype=NamedNode(XSD + "gYearMonth")), NamedNode("http://example.org/a?b=1&c=%3C2%3E"),
        BlankNode("b0"),
    ]
    for i, o in enumerate(objects):
        s.add(Quad(NamedNode(f"http://example.org/s{i}"), p, o))
    return s


QUERY = "SELECT ?s ?o ?unbound WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/none> ?unbound } } ORDER BY ?s"


def _rows(results) -> list[dict[str, str]]:
    names = [v.value for v in results.variables]
    return [{n: str(r[n]) for n in names if r[n] is not None} for r in results]


@pytest.mark.parametrize("name", list(FORMATS))
def test_rows_round_trip(store: pyoxigraph.Store, name: str) -> None:
    data = b"".join(solutions(store.query(QUERY), name, rows_per_chunk=2))
    assert _rows(pyoxigraph.parse_query_results(data, FORMATS[name])) == _rows(store.query(QUERY))
    assert [v.value for v in pyoxigraph.parse_query_results(data, FORMATS[name]).variables] == ["s", "o", "unbound"]


def test_csv_round_trips_lexical_forms(store: pyoxigraph.Store) -> None:
    data = b"".join(solutions(store.query(QUERY), "csv", rows_per_chunk=3))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    expected = [("_:" + r["o"].value) if isinstance(r["o"], BlankNode) else r["o"].value for r in store.query(QUERY)]
    assert [row["o"] for row in rows] == expected
    assert all(row["unbound"] == "" for row in rows)
    assert data.count(b"\r\n") == len(expected) + 1 + sum(v.count("\r\n") for v in expected)


def test_chunks_come_every_n_rows(store: pyoxigraph.Store) -> None:
    chunks = list(solutions(store.query(QUERY), "tsv", rows_per_chunk=2))
    assert len(chunks) == 4  # 7 rows: three full chunks and the rest with the end


@pytest.mark.parametrize("name", ["json", "xml"])
@pytest.mark.parametrize("value", [True, False])
def test_boolean(name: str, value: bool) -> None:
    assert bool(pyoxigraph.parse_query_results(boolean(value, name), FORMATS[name])) is value
