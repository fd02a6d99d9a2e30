"""Security over real HTTP on loopback, against a store built by the real ``aseankg build``:
security headers on every response, HTML that shows markup from the data as text, the pages
working under their Content-Security-Policy in real headless Chromium, and a public endpoint
that is read-only and reaches out to no one.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from invented_articles import write_articles

from conftest import Server, require_tool, run_cli, start_server, stop_server

EVIL = "<script>alert(1)</script>"
EVIL_BODY = f"กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม แจ้งข้อความทดสอบ {EVIL} และ <img src=x onerror=alert(2)> ที่กรุงเทพมหานคร"
EVIL_ARTICLE = 777
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
RESULTS_JSON = {"Accept": "application/sparql-results+json"}
MDES = "https://w3id.org/aseankg/id/mdes"


@pytest.fixture(scope="module")
def secure_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two ordinary invented articles and one whose headline and text carry markup."""
    folder = tmp_path_factory.mktemp("security-docs")
    write_articles(folder, [701, 702])
    write_articles(folder, [EVIL_ARTICLE], title_extra=" " + EVIL, body_extra=EVIL_BODY)
    store = tmp_path_factory.mktemp("security") / "store"
    result = run_cli("build", str(folder), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="module")
def app_server(secure_store: Path) -> Iterator[Server]:
    srv = start_server(secure_store)
    yield srv
    stop_server(srv)


def evil_article_path(server: Server) -> str:
    """The path of the article page of the article with markup in it (found by SPARQL)."""
    query = f'SELECT ?a WHERE {{ ?a a akg:NewsArticle ; dcterms:identifier "{EVIL_ARTICLE:03d}_invented" }}'
    with server.client() as http:
        r = http.get("/sparql", params={"query": query}, headers=RESULTS_JSON)
    iri = r.json()["results"]["bindings"][0]["a"]["value"]
    return "/id/" + iri.rsplit("/", 1)[1]


# --- headers ------------------------------------------------------------------------------------

def csp_directives(header: str) -> dict[str, str]:
    return {part.split()[0]: " ".join(part.split()[1:]) for part in (p.strip() for p in header.split(";")) if part}


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/", "text/html"),
        ("/sparql", "text/html"),
        ("/id/mdes", "text/html"),
        ("/graph?iri=" + quote(MDES, safe=""), "text/html"),
        ("/search?q=ดีอี", "text/html"),
        ("/ontology", "text/html"),
        ("/id/no-such-thing-here", "text/html"),
    ],
)
def test_html_has_a_strict_content_security_policy(app_server: Server, path: str, accept: str) -> None:
    with app_server.client() as http:
        r = http.get(path, headers={"Accept": accept})
    assert r.headers["content-type"].startswith("text/html")
    csp = csp_directives(r.headers["content-security-policy"])
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"  # no inline script, no eval, no CDN
    assert csp["style-src"].split()[0] == "'self'"
    assert all(source.startswith("'sha256-") for source in csp["style-src"].split()[1:])  # never 'unsafe-inline'
    assert csp["img-src"] == "'self' data:"
    assert csp["connect-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert csp["form-action"] == "'self'"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("GET", "/sparql?query=" + quote("ASK {}"), RESULTS_JSON),
        ("GET", "/api/search?q=mdes", {}),
        ("GET", "/id/mdes", {"Accept": "text/turtle"}),
        ("GET", "/export/aseankg.nt", {}),
        ("GET", "/static/graph.js", {}),
        ("GET", "/openapi.json", {}),
        ("GET", "/no/such/path", {}),
        ("OPTIONS", "/sparql", {"Origin": "http://localhost", "Access-Control-Request-Method": "POST"}),
    ],
)
def test_every_response_says_nosniff(app_server: Server, method: str, path: str, headers: dict) -> None:
    with app_server.client() as http:
        r = http.request(method, path, headers=headers)
    assert r.status_code < 500
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_the_svg_icon_cannot_run_script(app_server: Server) -> None:
    with app_server.client() as http:
        r = http.get("/static/favicon.svg")
    assert r.headers["content-type"].startswith("image/svg+xml")
    assert csp_directives(r.headers["content-security-policy"])["script-src"] == "'self'"


# --- escaping -----------------------------------------------------------------------------------

def assert_shown_as_text(html: str, text: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert "alert(" not in script.get_text() and not script.get("src", "").startswith("x")
    assert not soup.find_all("img", attrs={"onerror": True})
    assert text in soup.get_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_article_page_shows_markup_as_text(app_server: Server) -> None:
    with app_server.client() as http:
        r = http.get(evil_article_path(app_server), headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert_shown_as_text(r.text, EVIL)
    assert "<img src=x onerror=alert(2)>" in BeautifulSoup(r.text, "html.parser").get_text()


def test_entity_page_shows_a_markup_title_as_text(app_server: Server) -> None:
    """The ministry's page lists the articles that mention it, by their titles."""
    with app_server.client() as http:
        r = http.get("/id/mdes", headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert_shown_as_text(r.text, EVIL)


def test_search_page_shows_a_markup_query_as_text(app_server: Server) -> None:
    with app_server.client() as http:
        r = http.get("/search", params={"q": EVIL}, headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert_shown_as_text(r.text, EVIL)


# --- in a real browser ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser() -> Iterator:
    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


#: Records every CSP violation the page reports (runs before the page's own scripts).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


@pytest.fixture
def tab(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    problems: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text} ({msg.location.get('url')})") if msg.type in ("error", "warning") else None)

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("response", lambda r: problems.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
    page.problems = problems
    page.dialogs = dialogs
    yield page
    context.close()


def no_violations(page) -> None:
    violations = page.evaluate("window.__cspViolations")
    assert violations == [], violations
    assert not [p for p in page.problems if "Content Security Policy" in p or "Refused to" in p], page.problems
    assert page.dialogs == []



@pytest.mark.browser
def test_sparql_editor_runs_a_query_under_the_policy(tab, app_server: Server) -> None:
    tab.goto(app_server.base_url + "/sparql")
    tab.wait_for_function("window.aseankgYasgui && window.aseankgYasgui.getTab()")
    tab.evaluate(
        "(() => { const y = window.aseankgYasgui.getTab().getYasqe();"
        " y.setValue('SELECT ?a ?t WHERE { ?a a akg:NewsArticle ; dcterms:title ?t } ORDER BY ?a');"
        " y.query(); })()"
    )
    # (a function, not a string: Playwright evals a string predicate, which the policy forbids)
    tab.wait_for_function("() => document.querySelectorAll('.yasr table tbody tr').length >= 3", timeout=30_000)
    text = tab.locator(".yasr").inner_text()
    assert EVIL in text  # the title with markup, shown as text by the results table
    tab.wait_for_timeout(300)
    no_violations(tab)
    assert tab.problems == [], tab.problems


@pytest.mark.browser
def test_entity_and_article_pages_under_the_policy(tab, app_server: Server) -> None:
    tab.goto(app_server.base_url + "/id/mdes")
    assert tab.locator("h1").inner_text() == "Ministry of Digital Economy and Society"
    assert tab.get_by_text(EVIL, exact=False).count() >= 1
    tab.goto(app_server.base_url + evil_article_path(app_server))
    assert EVIL in tab.locator("h1").inner_text()
    assert tab.locator("script", has_text="alert(").count() == 0
    assert tab.evaluate("typeof window.__xss") == "undefined"
    # the search box's suggestions (fetch + DOM) work too
    box = tab.locator("header form.search input[name=q]")
    box.click()
    box.press_sequentially("ดีอี", delay=30)
    tab.locator("header ul.suggestions li a").first.wait_for(state="visible")
    no_violations(tab)
    assert tab.problems == [], tab.problems


@pytest.mark.browser
def test_graph_view_draws_under_the_policy(tab, app_server: Server) -> None:
    tab.goto(app_server.base_url + "/graph?iri=" + quote(MDES, safe=""))
    tab.wait_for_function("() => document.getElementById('graph').dataset.ready === '1'", timeout=30_000)
    assert tab.evaluate("window.aseankgGraph.nodes().length") >= 1
    assert tab.locator("#graph canvas").count() >= 1  # drawn
    assert re.search(r"rgb|#", tab.evaluate("window.aseankgGraph.nodes()[0].style('background-color')"))
    no_violations(tab)
    assert tab.problems == [], tab.problems


# --- read-only and closed -----------------------------------------------------------------------

HACK = '<https://w3id.org/aseankg/id/mdes> <http://www.w3.org/2000/01/rdf-schema#label> "hacked"'
UPDATES = [
    f"INSERT DATA {{ {HACK} }}",
    f"PREFIX ex: <http://example.org/> # a comment\nINSERT DATA {{ GRAPH <https://w3id.org/aseankg/graph/x> {{ {HACK} }} }}",
    "DELETE WHERE { ?s ?p ?o }",
    "load <http://127.0.0.1:9/data.ttl>",
    "CLEAR ALL",
    "DROP GRAPH <https://w3id.org/aseankg/graph/lexicon>",
    "CREATE GRAPH <https://w3id.org/aseankg/graph/new>",
    "COPY DEFAULT TO <https://w3id.org/aseankg/graph/new>",
    "MOVE DEFAULT TO <https://w3id.org/aseankg/graph/new>",
    "ADD DEFAULT TO <https://w3id.org/aseankg/graph/new>",
    "WITH <https://w3id.org/aseankg/graph/lexicon> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]


def dataset(http) -> bytes:
    return http.get("/export/aseankg.nq").content


@pytest.mark.parametrize("update", UPDATES)
def test_sparql_update_is_refused_every_way(app_server: Server, update: str) -> None:
    with app_server.client() as http:
        before = dataset(http)
        attempts = [
            http.get("/sparql", params={"query": update}),
            http.get("/sparql", params={"update": update}),
            http.post("/sparql", data={"query": update}),
            http.post("/sparql", data={"update": update}),
            http.post("/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-query"}),
            http.post("/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-update"}),
        ]
        for r in attempts:
            assert r.status_code == 403, (r.request.method, r.request.url, r.text)
            assert "read-only" in r.text
        assert dataset(http) == before


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/rdf-graphs?default"), ("POST", "/rdf-graphs?default"), ("DELETE", "/rdf-graphs?default"),
        ("PATCH", "/rdf-graphs?graph=https%3A%2F%2Fw3id.org%2Faseankg%2Fgraph%2Flexicon"),
        ("PUT", "/export/aseankg.ttl"), ("POST", "/export/aseankg.nq"), ("DELETE", "/export/aseankg.trig"),
        ("PUT", "/sparql"), ("DELETE", "/sparql"), ("PATCH", "/sparql"),
        ("POST", "/id/mdes"), ("PUT", "/id/mdes"), ("DELETE", "/id/mdes"),
        ("POST", "/api/search?q=x"), ("POST", "/api/documents"),  # no curator token: no such route
    ],
)
def test_no_route_writes(app_server: Server, method: str, path: str) -> None:
    with app_server.client() as http:
        before = dataset(http)
        r = http.request(method, path, content=f"{HACK} .\n".encode(), headers={"Content-Type": "application/n-triples"})
        assert r.status_code in (404, 405), (method, path, r.status_code)
        assert dataset(http) == before


class Listener:
    """A TCP listener on loopback that records every connection (and answers as a tiny SPARQL
    endpoint, so that an allowed SERVICE call succeeds)."""

    ANSWER = b'{"head":{"vars":["remote"]},"results":{"bindings":[{"remote":{"type":"literal","value":"from the remote endpoint"}}]}}'

    def __init__(self) -> None:
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.requests: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                data = b""
                try:
                    while b"\r\n\r\n" not in data:
                        data += conn.recv(65536)
                    head, _, body = data.partition(b"\r\n\r\n")
                    length = int(re.search(rb"content-length: *(\d+)", head, re.I).group(1)) if re.search(rb"content-length", head, re.I) else 0
                    while len(body) < length:
                        body += conn.recv(65536)
                except (OSError, AttributeError):
                    pass
                self.requests.append(data)
                conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/sparql-results+json\r\n"
                             + f"content-length: {len(self.ANSWER)}\r\nconnection: close\r\n\r\n".encode() + self.ANSWER)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.close()


def service_queries(url: str) -> list[str]:
    base, _, local = url.rpartition("/")
    escaped = url.replace("sparql", "sp\\u0061rql")
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX remote: <{base}/> SELECT * WHERE {{ SERVICE remote:{local} {{ ?s ?p ?o }} }}",
        f"PREFIX : <{base}/> SELECT * WHERE {{ ?x a akg:Ministry . SERVICE :{local} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{escaped}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?endpoint) SERVICE ?endpoint {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?endpoint {{ <{url}> }} SERVICE ?endpoint {{ ?s ?p ?o }} }}",
        f"BASE <{base}/> SELECT * WHERE {{ SERVICE <{local}> {{ ?s ?p ?o }} }}",
        f"ASK {{ ?a ?b ?c FILTER EXISTS {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ex:a\\'b ?o . SERVICE <{url}> {{ ?s ?p ?o }} }}".replace("ex:", "akg:"),
        f"DESCRIBE ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} # SERVICE in a comment is nothing",
    ]


def test_service_is_refused_and_no_connection_is_attempted(app_server: Server, listener: Listener) -> None:
    with app_server.client() as http:
        for query in service_queries(listener.url):
            for r in (http.get("/sparql", params={"query": query}), http.post("/sparql", data={"query": query})):
                assert r.status_code == 403, (query, r.status_code, r.text)
                assert "SERVICE" in r.text and ("not allowed" in r.text or "allows" in r.text), r.text
        # the lexer is not fooled by the word in strings, IRIs, names and comments
        harmless = (f'SELECT ?service WHERE {{ ?service <{listener.url}#SERVICE> "SERVICE <{listener.url}>" '
                    f"}} # SERVICE <{listener.url}> {{}}")
        r = http.get("/sparql", params={"query": harmless}, headers=RESULTS_JSON)
        assert r.status_code == 200, r.text
    time.sleep(0.5)
    assert listener.requests == []


def test_an_allowed_service_is_called_and_no_other(secure_store: Path, listener: Listener) -> None:
    other = Listener()
    srv = start_server(secure_store, "--service-allow", listener.url)
    try:
        with srv.client() as http:
            r = http.get("/sparql", params={"query": f"SELECT ?remote WHERE {{ SERVICE <{listener.url}> {{ ?remote ?p ?o }} }}"},
                         headers=RESULTS_JSON)
            assert r.status_code == 200, r.text
            assert r.json()["results"]["bindings"] == [{"remote": {"type": "literal", "value": "from the remote endpoint"}}]
            assert len(listener.requests) == 1 and listener.requests[0].startswith(b"POST /sparql")
            refused = http.get("/sparql", params={"query": f"SELECT * WHERE {{ SERVICE <{other.url}> {{ ?s ?p ?o }} }}"})
            assert refused.status_code == 403 and f"<{listener.url}>" in refused.text  # it names what is allowed
        time.sleep(0.5)
        assert other.requests == []
    finally:
        stop_server(srv)
        other.close()


# --- API parameters ------------------------------------------------------------------------------

INJECTIONS = [
    "https://w3id.org/aseankg/id/mdes> ?p ?o } #",
    "https://w3id.org/aseankg/id/mdes>} INSERT DATA {<a> <b> <c>",
    'https://w3id.org/aseankg/id/"mdes"',
    "mdes",
    "javascript:alert(1)",
    "https://w3id.org/aseankg/id/md es",
    "",
]


@pytest.mark.parametrize("iri", INJECTIONS)
def test_iri_parameters_are_validated(app_server: Server, iri: str) -> None:
    with app_server.client() as http:
        for path, params in [
            ("/api/neighbourhood", {"iri": iri}),
            ("/api/search", {"q": "ดีอี", "type": iri}),
            ("/api/path", {"from": iri, "to": MDES}),
            ("/api/path", {"from": MDES, "to": iri}),
            ("/api/neighbourhood", {"iri": MDES, "predicate": iri}),
        ]:
            r = http.get(path, params=params)
            assert r.status_code == 422, (path, params, r.status_code, r.text)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/neighbourhood", {"iri": MDES, "depth": "0"}),
        ("/api/neighbourhood", {"iri": MDES, "depth": "4"}),
        ("/api/neighbourhood", {"iri": MDES, "depth": "1; DROP ALL"}),
        ("/api/neighbourhood", {"iri": MDES, "limit": "0"}),
        ("/api/neighbourhood", {"iri": MDES, "limit": "100000"}),
        ("/api/neighbourhood", {"iri": MDES, "lang": "fr"}),
        ("/api/neighbourhood", {"iri": MDES, "lang": 'th") } #'}),
        ("/api/search", {"q": "ดีอี", "limit": "-1"}),
        ("/api/search", {"q": "ดีอี", "lang": "en-US"}),
        ("/api/search", {"q": ""}),
        ("/api/search", {"q": "x" * 201}),
        ("/api/path", {"from": MDES, "to": MDES, "max": "7"}),
    ],
)
def test_other_parameters_are_validated(app_server: Server, path: str, params: dict) -> None:
    with app_server.client() as http:
        r = http.get(path, params=params)
    assert r.status_code == 422, r.text
    assert r.json()["detail"]


def test_values_reach_sparql_as_terms(app_server: Server) -> None:
    """Text that would change a query if pasted into it is only ever a value."""
    with app_server.client() as http:
        r = http.get("/api/search", params={"q": '"} UNION { ?s ?p ?o } #'})
        assert r.status_code == 200
        r = http.get("/api/neighbourhood", params={"iri": MDES + "x"})
        assert r.status_code == 404  # a well-formed IRI the graph does not know
