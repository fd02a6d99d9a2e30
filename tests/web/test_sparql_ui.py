"""The query editor in real headless Chromium: /sparql loads YASGUI from this app (nothing from
another address), runs the editor's query and an example of queries/, and shows rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
import pytest
from sparql_fixture import small_store

from conftest import ROOT, Server, require_tool, start_server, stop_server

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    executable = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(small_store(tmp_path_factory.mktemp("ui") / "store"))
    yield srv
    stop_server(srv)


class Visit:
    """A fresh browser page that may load only from ``base`` and records what went wrong."""

    def __init__(self, browser, base: str) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH")
        self.page = self.context.new_page()
        self.elsewhere: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.base = base

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith("data:"):
            route.continue_()
        else:
            self.elsewhere.append(url)
            route.abort()

    def rows(self) -> list[str]:
        self.page.wait_for_selector(".yasr table tbody tr td", timeout=30_000)
        return self.page.eval_on_selector_all(".yasr table tbody tr", "rows => rows.map(r => r.innerText)")

    def close(self, screenshot: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
        self.context.close()


def test_page_is_html_with_scripts_from_this_app_only(site: Server) -> None:
    with site.client() as http:
        page = http.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
        assets = [http.get(path) for path in ("/static/vendor/yasgui.min.js", "/static/vendor/yasgui.min.css", "/static/sparql.js")]
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    scripts = re.findall(r"<script\b[^>]*>", page.text)
    assert scripts and all(re.search(r'src="/static/', tag) for tag in scripts)  # no inline script
    assert "<script" not in re.sub(r"<script\b[^>]*></script>", "", page.text)
    assert not re.search(r'(src|href)="(https?:)?//', page.text)  # nothing from a CDN
    assert all(r.status_code == 200 for r in assets)


def test_editor_runs_its_query_and_shows_rows(browser, site: Server) -> None:
    visit = Visit(browser, site.base_url)
    try:
        visit.page.goto(site.base_url + "/sparql")
        visit.page.wait_for_selector(".yasqe .CodeMirror")
        query = visit.page.evaluate("() => window.aseankgYasgui.getTab().getYasqe().getValue()")
        assert "PREFIX akg:" in query  # the prefixes are set in the editor
        visit.page.click(".yasqe_queryButton")
        rows = visit.rows()
        assert any("meeting-of-tests-7" in row and "The 7th Test Meeting" in row for row in rows), rows
        # an entity in the results opens its page on this server
        hrefs = visit.page.eval_on_selector_all(".yasr table tbody a", "links => links.map(a => a.getAttribute('href'))")
        assert "/id/meeting-of-tests-7" in hrefs, hrefs
        assert visit.elsewhere == [], visit.elsewhere  # works offline: nothing fetched from elsewhere
        assert visit.errors == [], visit.errors
    finally:
        visit.close("sparql-ui-editor.png")


def test_examples_are_offered_with_their_questions(browser, site: Server) -> None:
    names = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert names, "queries/ holds the example queries"
    visit = Visit(browser, site.base_url)
    try:
        visit.page.goto(site.base_url + "/sparql")
        options = visit.page.eval_on_selector_all("#examples option", "os => os.map(o => [o.value, o.textContent])")
        offered = [value for value, _ in options if value]
        assert offered == names
        # each is labelled with its question in Thai and in English
        assert all(re.search(r"[\u0E00-\u0E7F]", text) and re.search(r"[A-Za-z]{3}", text) for value, text in options if value)
        visit.page.select_option("#examples", names[0])
        visit.page.wait_for_function(
            "name => window.aseankgYasgui.getTab().getYasqe().getValue().includes('SELECT') "
            "&& window.aseankgYasgui.getTab().getName() === name",
            arg=names[0],
        )
        text = visit.page.evaluate("() => window.aseankgYasgui.getTab().getYasqe().getValue()")
        original = (ROOT / "queries" / f"{names[0]}.rq").read_text(encoding="utf-8")
        # the file as written (the editor may only add PREFIX lines it uses but does not declare)
        body = [line for line in original.splitlines() if not line.upper().startswith("PREFIX")]
        assert [line for line in text.splitlines() if not line.upper().startswith("PREFIX")] == body
        assert visit.elsewhere == [] and visit.errors == [], (visit.elsewhere, visit.errors)
    finally:
        visit.close("sparql-ui-examples.png")


def test_real_graph_example_shows_rows(browser, server: Server) -> None:
    """On the graph of the five articles, picking an example runs it and shows its answer."""
    example = "08-ministry-called-de"
    visit = Visit(browser, server.base_url)
    try:
        visit.page.goto(server.base_url + "/sparql")
        visit.page.select_option("#examples", example)
        rows = visit.rows()
        assert any("Ministry of Digital Economy and Society" in row for row in rows), rows
        assert visit.elsewhere == [] and visit.errors == [], (visit.elsewhere, visit.errors)
    finally:
        visit.close("sparql-ui-real-example.png")


def test_search_box_suggests_as_you_type(browser, site: Server) -> None:
    """The query page has the search box of every page, with its suggestions."""
    visit = Visit(browser, site.base_url)
    try:
        visit.page.goto(site.base_url + "/sparql")
        box = visit.page.locator("header form.search input[name=q]")
        box.press_sequentially("Test Meeting", delay=30)
        suggestion = visit.page.locator("header ul.suggestions li a").first
        suggestion.wait_for(state="visible")
        assert suggestion.get_attribute("href") == "/id/meeting-of-tests-7"
        assert suggestion.inner_text().startswith("The 7th Test Meeting")
        # the page is in both languages: what is typed in Thai is suggested in Thai
        box.fill("")
        box.press_sequentially("การประชุมทดสอบ", delay=30)
        visit.page.wait_for_function(
            "() => /[\u0E00-\u0E7F]/.test(document.querySelector('header ul.suggestions li a')?.textContent || '')"
        )
        assert visit.elsewhere == [] and visit.errors == [], (visit.elsewhere, visit.errors)
    finally:
        visit.close("sparql-ui-search.png")


def test_without_the_vendored_editor_a_plain_form_still_queries(browser, site: Server) -> None:
    """If the npm assets are not served (not built), the page says so and offers a plain form."""
    visit = Visit(browser, site.base_url)
    try:
        visit.page.route("**/static/vendor/**", lambda route: route.fulfill(status=404, body="not built"))
        visit.page.goto(site.base_url + "/sparql")
        form = visit.page.locator("#plain-editor")
        form.wait_for(state="visible")
        assert "make assets" in form.inner_text()
        first = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))[0]
        visit.page.select_option("#examples", first)  # the examples fill the plain form
        visit.page.wait_for_function(
            "text => document.querySelector('#plain-editor textarea').value === text",
            arg=(ROOT / "queries" / f"{first}.rq").read_text(encoding="utf-8"),
        )
        form.locator("textarea").fill(visit.page.evaluate("() => document.querySelector('#yasgui').dataset.defaultQuery"))
        with visit.page.expect_download() as download:
            form.locator("button").click()
        rows = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
        assert rows[0] == "meeting,th,en"
        assert any("meeting-of-tests-7" in row and "The 7th Test Meeting" in row for row in rows), rows
    finally:
        visit.close("sparql-ui-plain.png")
