"""The curator's write path, over real HTTP on loopback: ``POST /api/documents`` runs the real
``aseankg add`` pipeline on a copy of the upload, behind a bearer token.

The store is built by the real ``aseankg build`` from one invented article; others are uploaded.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from invented_articles import write_articles

from conftest import Server, free_port, run_cli, start_server, stop_server

TOKEN = "curator-" + "7f3a9c1e5b2d4680" * 2
COUNT_ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a akg:NewsArticle }"
RESULTS_JSON = {"Accept": "application/sparql-results+json"}


def count_articles(server: Server) -> int:
    with server.client() as http:
        r = http.get("/sparql", params={"query": COUNT_ARTICLES}, headers=RESULTS_JSON)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_articles(tmp_path_factory.mktemp("articles"), [600, 601, 602])


@pytest.fixture(scope="module")
def one_article_store(tmp_path_factory: pytest.TempPathFactory, articles: list[Path]) -> Path:
    folder = tmp_path_factory.mktemp("admin-docs")
    shutil.copy(articles[0], folder)
    store = tmp_path_factory.mktemp("admin") / "store"
    result = run_cli("build", str(folder), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="module")
def admin(one_article_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    token_file = tmp_path_factory.mktemp("secret") / "token"
    token_file.write_text(TOKEN + "\n")
    srv = start_server(one_article_store, "--admin-token-file", str(token_file))
    yield srv
    stop_server(srv)


@pytest.fixture
def upload(tmp_path: Path, articles: list[Path]) -> Path:
    """A user's article file, somewhere of their own."""
    path = tmp_path / articles[1].name
    shutil.copy(articles[1], path)
    return path


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_absent_without_a_token(one_article_store: Path) -> None:
    srv = start_server(one_article_store, env={"AKG_ADMIN_TOKEN": ""})
    try:
        with srv.client() as http:
            r = http.post("/api/documents", params={"filename": "x.txt"}, content=b"text",
                          headers={"Content-Type": "text/plain", **bearer()})
            assert r.status_code == 404
            assert "/api/documents" not in http.get("/openapi.json").json()["paths"]
    finally:
        stop_server(srv)


def test_no_token_is_401_with_www_authenticate(admin: Server) -> None:
    with admin.client() as http:
        r = http.post("/api/documents", params={"filename": "x.txt"}, content="ข่าว".encode(),
                      headers={"Content-Type": "text/plain"})
        assert r.status_code == 401
        assert r.headers["www-authenticate"].startswith("Bearer")
        basic = http.post("/api/documents", params={"filename": "x.txt"}, content=b"x",
                          headers={"Content-Type": "text/plain", "Authorization": "Basic " + "YTpi"})
        assert basic.status_code == 401


@pytest.mark.parametrize("wrong", [TOKEN[:-1], TOKEN + "x", "x" * len(TOKEN), TOKEN.upper()])
def test_wrong_token_is_403(admin: Server, articles: list[Path], wrong: str) -> None:
    before = count_articles(admin)
    with admin.client() as http:
        r = http.post("/api/documents", params={"filename": articles[2].name}, content=articles[2].read_bytes(),
                      headers={"Content-Type": "text/plain", **bearer(wrong)})
    assert r.status_code == 403
    assert "token" in r.json()["detail"]
    assert count_articles(admin) == before


def test_documented_in_openapi_with_bearer_security(admin: Server) -> None:
    with admin.client() as http:
        spec = http.get("/openapi.json").json()
    operation = spec["paths"]["/api/documents"]["post"]
    assert set(operation["requestBody"]["content"]) == {"multipart/form-data", "text/plain"}
    schemes = spec["components"]["securitySchemes"]
    assert any(s["type"] == "http" and s["scheme"].lower() == "bearer" for s in schemes.values())
    assert operation["security"]


def test_multipart_upload_is_added_and_served(admin: Server, one_article_store: Path, upload: Path) -> None:
    before_bytes, before_stat = upload.read_bytes(), upload.stat()
    before = count_articles(admin)
    with httpx.Client(base_url=admin.base_url, timeout=300) as http, upload.open("rb") as f:
        r = http.post("/api/documents", files={"file": (upload.name, f, "text/plain")}, headers=bearer())
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["outcome"]["built"] is True and body["outcome"]["reason"] is None
    assert body["outcome"]["name"] == upload.name and body["outcome"]["identifier"] == upload.stem
    assert body["outcome"]["entities"] > 0 and body["outcome"]["triples"] > 0
    assert body["triples"] > body["outcome"]["triples"]
    # the server answers from the new generation
    assert count_articles(admin) == before + 1
    with admin.client() as http:
        r = http.get("/rdf-graphs", params={"graph": f"https://w3id.org/aseankg/graph/doc/{upload.stem}"},
                     headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.text.count("\n") == body["outcome"]["triples"]
    # the copy kept under the store is the upload, byte for byte; the user's file is untouched
    saved = one_article_store / body["saved_as"]
    assert saved.parent.parent == one_article_store / "inbox"
    assert saved.read_bytes() == before_bytes
    assert upload.read_bytes() == before_bytes and upload.stat().st_mtime_ns == before_stat.st_mtime_ns


def test_text_plain_upload_with_filename(admin: Server, articles: list[Path]) -> None:
    article = articles[2]
    with httpx.Client(base_url=admin.base_url, timeout=300) as http:
        r = http.post("/api/documents", params={"filename": article.name}, content=article.read_bytes(),
                      headers={"Content-Type": "text/plain; charset=utf-8", **bearer()})
    assert r.status_code == 201, r.text
    assert r.json()["outcome"]["identifier"] == article.stem
    with admin.client() as http:
        r = http.get("/sparql", params={"query": f'ASK {{ ?a dcterms:identifier "{article.stem}" }}'}, headers=RESULTS_JSON)
    assert r.json()["boolean"] is True


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe\x00b\x00a\x00d", "binary"),
        ("ข่าว".encode("tis-620") * 50, "not UTF-8"),
        (b"   \n\n  ", "empty"),
    ],
)
def test_refused_document_reports_why_and_changes_nothing(admin: Server, one_article_store: Path, data: bytes, reason: str) -> None:
    before_generation = os.readlink(one_article_store / "current")
    before = count_articles(admin)
    with httpx.Client(base_url=admin.base_url, timeout=300) as http:
        r = http.post("/api/documents", params={"filename": "bad_input.txt"}, content=data,
                      headers={"Content-Type": "text/plain", **bearer()})
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["outcome"]["built"] is False
    assert "bad_input.txt" in body["outcome"]["reason"] and reason in body["outcome"]["reason"]
    assert (one_article_store / body["saved_as"]).read_bytes() == data  # kept as given
    assert os.readlink(one_article_store / "current") == before_generation
    assert count_articles(admin) == before


@pytest.mark.parametrize("name", ["../escape.txt", "sub/dir.txt", ".hidden.txt", "no-suffix", "ข่าว.txt", "a b.txt", ""])
def test_unsafe_file_names_are_refused_and_nothing_is_written(admin: Server, one_article_store: Path, name: str) -> None:
    inbox = one_article_store / "inbox"
    before = sorted(inbox.rglob("*")) if inbox.exists() else []
    with admin.client() as http:
        r = http.post("/api/documents", files={"file": (name, b"text", "text/plain")}, headers=bearer())
    assert r.status_code in (400, 422), r.text
    assert (sorted(inbox.rglob("*")) if inbox.exists() else []) == before
    assert not (one_article_store.parent / "escape.txt").exists()


def test_other_media_types_are_415(admin: Server) -> None:
    with admin.client() as http:
        r = http.post("/api/documents", content=b'{"x": 1}', headers={"Content-Type": "application/json", **bearer()})
    assert r.status_code == 415


def test_multipart_without_file_part(admin: Server) -> None:
    with admin.client() as http:
        r = http.post("/api/documents", data={"text": "ข่าว"}, files={"other": ("x.txt", b"x")}, headers=bearer())
    assert r.status_code == 422 and "'file'" in r.json()["detail"]


def test_token_from_the_environment(one_article_store: Path) -> None:
    srv = start_server(one_article_store, env={"AKG_ADMIN_TOKEN": TOKEN})
    try:
        with srv.client() as http:
            assert http.post("/api/documents", params={"filename": "x.txt"}, content=b"x",
                             headers={"Content-Type": "text/plain"}).status_code == 401
            assert http.post("/api/documents", params={"filename": "x.txt"}, content=b"x",
                             headers={"Content-Type": "text/plain", **bearer("y" * 40)}).status_code == 403
    finally:
        stop_server(srv)


def test_a_short_token_is_refused_at_start(one_article_store: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "aseankg.cli", "serve", "--store", str(one_article_store), "--port", str(free_port())],
        capture_output=True, text=True, env={**os.environ, "AKG_ADMIN_TOKEN": "short"}, timeout=120,
    )
    assert result.returncode != 0 and "at least 16 characters" in result.stderr


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_fuzzed_uploads_never_fail_with_5xx(admin: Server, mode: str) -> None:
    """Schemathesis on the route as the running server documents it, with the right token, a
    wrong one, or none: never a 5xx, and a refusal never changes the graph serving."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from schemathesis import GenerationMode

    schema = schemathesis.openapi.from_url(admin.base_url + "/openapi.json").include(path="/api/documents")
    strategy = schema.as_strategy(generation_mode=GenerationMode(mode))
    statuses: set[int] = set()

    @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
    @given(case=strategy, token=st.sampled_from([TOKEN, TOKEN[:-1], None]))
    def check(case, token: str | None) -> None:
        before = count_articles(admin)
        response = case.call(timeout=300, headers=bearer(token) if token else None)
        statuses.add(response.status_code)
        assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.status_code} {response.text[:500]}"
        if response.status_code != 201:
            assert count_articles(admin) == before

    check()
    assert {401, 403} <= statuses and statuses - {401, 403}  # some got past the token
