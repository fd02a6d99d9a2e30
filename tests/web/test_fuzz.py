"""Fuzzing over real HTTP on loopback: no input makes the server answer 5xx.

Schemathesis generates requests from the app's own OpenAPI (``/openapi.json`` as the running
server serves it); Hypothesis sends random text to the search and to the routes that are not
in the OpenAPI (the SPARQL endpoint, pages, graphs, exports), with random ``Accept`` headers.
Examples are bounded so that the module runs in about a minute.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invented_articles import write_articles

from conftest import Server, run_cli, start_server, stop_server

#: Text a URL can carry (UTF-8 has no lone surrogates).
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
THAI = st.text(alphabet=st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F), max_size=60)
SPARQL_WORDS = [
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "?s", "?p", "?o", "akg:Meeting", "a",
    "FILTER", "(", ")", "REGEX", "STR", "\"ดีอี\"", "\"x\"@th", ".", ";", ",", "OPTIONAL", "UNION",
    "GRAPH", "?g", "LIMIT", "10", "ORDER BY", "COUNT(*)", "AS ?n", "<https://w3id.org/aseankg/id/mdes>",
    "skos:prefLabel", "#", "\n", "BIND", "VALUES", "SERVICE", "INSERT", "DATA", "FROM", "NAMED", "*",
    "GROUP BY", "HAVING", "MINUS", "NOT EXISTS", "/", "|", "^", "+", "DISTINCT", "LANG(?o)", "'''",
]
SPARQL = st.lists(st.sampled_from(SPARQL_WORDS), max_size=30).map(" ".join) | TEXT
ACCEPT = st.sampled_from([
    "*/*", "text/html", "application/json", "application/sparql-results+json", "text/turtle",
    "application/ld+json", "text/csv", "application/xml", "image/png", "text/html;q=0, */*;q=0",
    "garbage;;q=x", "", "application/n-quads", "text/tab-separated-values",
])
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = write_articles(tmp_path_factory.mktemp("fuzz-docs"), [901, 902, 903])[0].parent
    store: Path = tmp_path_factory.mktemp("fuzz") / "store"
    result = run_cli("build", str(folder), "--store", str(store))
    assert result.returncode == 0, result.stderr
    srv = start_server(store)
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def http(fuzz_server: Server) -> Iterator[httpx.Client]:
    with fuzz_server.client() as client:
        yield client


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_openapi_operations_never_fail_with_5xx(fuzz_server: Server, mode: str) -> None:
    """Every operation of /openapi.json, with valid (positive) and invalid (negative) inputs.

    (Schemathesis's own pytest plugin does not run under pytest 9, so its strategy is driven
    by Hypothesis here.)
    """
    schema = schemathesis.openapi.from_url(fuzz_server.base_url + "/openapi.json")
    strategy = schema.as_strategy(generation_mode=GenerationMode(mode))
    seen: set[str] = set()

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def check(case) -> None:
        seen.add(case.operation.label)
        response = case.call(timeout=30)
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} {case.query}: {response.status_code} {response.text[:500]}"
        )

    check()
    assert {"GET /api/search", "GET /api/neighbourhood", "GET /sparql", "POST /sparql"} <= seen


def test_the_openapi_has_the_json_apis(http: httpx.Client) -> None:
    """Guards the test above: it fuzzes something."""
    paths = http.get("/openapi.json").json()["paths"]
    assert {"/api/search", "/api/neighbourhood"} <= set(paths)


def no_5xx(response: httpx.Response) -> None:
    assert response.status_code < 500, f"{response.request.method} {response.request.url}: {response.status_code} {response.text[:500]}"


@FUZZ
@given(q=TEXT | THAI, lang=st.sampled_from([None, "th", "en", "xx", ""]), limit=st.integers(-5, 100) | st.none())
def test_search_with_random_text(http: httpx.Client, q: str, lang: str | None, limit: int | None) -> None:
    params = {"q": q, **({"lang": lang} if lang is not None else {}), **({"limit": limit} if limit is not None else {})}
    no_5xx(http.get("/api/search", params=params))
    no_5xx(http.get("/search", params={"q": q}, headers={"Accept": "text/html"}))


@FUZZ
@given(query=SPARQL, accept=ACCEPT, post=st.booleans())
def test_sparql_with_random_queries(http: httpx.Client, query: str, accept: str, post: bool) -> None:
    headers = {"Accept": accept}
    if post:
        response = http.post("/sparql", content=query.encode(), headers={**headers, "Content-Type": "application/sparql-query"})
    else:
        response = http.get("/sparql", params={"query": query}, headers=headers)
    no_5xx(response)


@FUZZ
@given(value=TEXT, accept=ACCEPT)
def test_pages_graphs_and_exports_with_random_parameters(http: httpx.Client, value: str, accept: str) -> None:
    headers = {"Accept": accept}
    segment = quote(value, safe="")
    for request in (
        ("GET", f"/id/{segment}", {}),
        ("GET", "/graph", {"iri": value}),
        ("GET", "/rdf-graphs", {"graph": value}),
        ("GET", "/api/neighbourhood", {"iri": value}),
        ("GET", f"/export/aseankg.{segment}", {}),
        ("GET", f"/ontology.{segment}", {}),
        ("GET", "/sparql", {"default-graph-uri": value, "query": "ASK {}"}),
    ):
        method, path, params = request
        no_5xx(http.request(method, path, params=params, headers=headers))
