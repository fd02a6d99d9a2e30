"""Security over real HTTP on loopback, against a store built by the real ``aseankg build``:
security headers on every response, HTML that shows markup from the data as text, the pages
working under their Content-Security-Policy in real headless Chromium, and a public endpoint
that is read-only and reaches out to no one.
"""

from __future__ import annotations

import re
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
