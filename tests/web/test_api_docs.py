"""The API docs page (/docs) in real headless Chromium: Swagger UI served by this app (nothing
from another address, nothing the Content-Security-Policy refuses) lists the JSON APIs and the
SPARQL endpoint, and a request tried from it gets its answer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sparql_fixture import small_store

from conftest import ROOT, Server, require_tool, start_server, stop_server

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(small_store(tmp_path_factory.mktemp("docs") / "store"))
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    executable = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_docs_page_is_served_from_here(site: Server) -> None:
    with site.client() as http:
        page = http.get("/docs", headers={"Accept": "text/html"})
        redoc = http.get("/redoc")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "//cdn" not in page.text and "<script>" not in page.text
    assert redoc.status_code == 404  # FastAPI's CDN page is not offered


def test_docs_render_the_operations_and_try_one(browser, site: Server) -> None:
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    elsewhere: list[str] = []
    errors: list[str] = []

    def only_here(route) -> None:
        if route.request.url.startswith(site.base_url + "/") or route.request.url.startswith("data:"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_here)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(site.base_url + "/docs")
        page.wait_for_selector(".opblock-summary-path")
        paths = page.eval_on_selector_all(".opblock-summary-path", "els => els.map(e => e.textContent.trim())")
        assert {"/sparql", "/api/search", "/api/neighbourhood", "/api/path"} <= {p.replace("\u200b", "") for p in paths}
        search = page.locator(".opblock-get", has=page.locator(".opblock-summary-path", has_text="/api/search")).first
        search.locator(".opblock-summary").click()
        search.locator("button.try-out__btn").click()
        search.locator("tr[data-param-name='q'] input").fill("Test Meeting")
        search.locator("button.execute").click()
        body = search.locator(".responses-wrapper .live-responses-table .response-col_description pre").first
        body.wait_for()
        assert "meeting-of-tests-7" in body.inner_text()
        assert elsewhere == [] and errors == [], (elsewhere, errors)
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "api-docs.png"), full_page=True)
        context.close()
