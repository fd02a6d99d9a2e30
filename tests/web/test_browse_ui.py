"""The path a reader takes, in real headless Chromium (Debian's, driven by Playwright):
home → search a Thai name → entity page → switch language → graph view → an article with its
mentions marked. Screenshots go to test-artifacts/browse/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browse_fixture import small_server  # noqa: F401 (fixture)
from conftest import ROOT, require_tool

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "browse"
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tab(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.errors = errors
    yield page
    context.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0
    return path


def walk(page, base: str, query: str, entity_path: str, name_en: str, name_th: str, prefix: str) -> None:
    """The reader's path on a server at ``base``, asserting what they see at each step."""
    page.goto(base + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    shot(page, f"{prefix}-1-home")

    box = page.locator("header form.search input[name=q]")
    box.click()
    box.press_sequentially(query, delay=30)
    suggestion = page.locator("header ul.suggestions li a").first
    suggestion.wait_for(state="visible")
    assert name_en in suggestion.inner_text()
    shot(page, f"{prefix}-2-suggestions")
    suggestion.click()
    page.wait_for_url(re.compile(re.escape(entity_path) + r"$"))
    assert page.locator("h1").inner_text() == name_en
    shot(page, f"{prefix}-3-entity-en")

    page.locator("a.lang-switch").click()
    page.wait_for_url(re.compile(r"lang=th"))
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("h1").inner_text() == name_th
    shot(page, f"{prefix}-4-entity-th")

    page.locator("a.graph-link").click()
    page.wait_for_url(re.compile(r"/graph\?"))
    graph = page.locator("#graph")
    page.wait_for_function("() => document.getElementById('graph').dataset.ready === '1'")
    nodes = page.evaluate("window.aseankgGraph.nodes().length")
    assert nodes > 1
    labels = page.evaluate("window.aseankgGraph.nodes().map(n => n.data('label'))")
    assert name_th in labels  # labelled in the page language
    assert graph.bounding_box()["height"] > 200
    shot(page, f"{prefix}-5-graph")

    page.go_back()
    page.wait_for_url(re.compile(re.escape(entity_path) + r"\?lang=th$"))
    article = page.locator("section.mentioned-in h3 a").first
    article.click()
    page.wait_for_url(re.compile(r"/id/article-"))
    marks = page.locator("section.article-text a.mention mark")
    assert marks.count() >= 3
    assert page.locator("html").get_attribute("lang") == "th"
    shot(page, f"{prefix}-6-article")


def test_reader_path_on_a_small_graph(tab, small_server) -> None:
    walk(tab, small_server.base_url, "สมชาย", "/id/somchai-jaidee", "Somchai Jaidee", "สมชาย ใจดี", "small")
    assert tab.errors == []


def test_reader_path_on_the_built_graph(tab, server) -> None:
    walk(tab, server.base_url, "ประเสริฐ", "/id/prasert-jantararuangtong", "Prasert Jantararuangtong",
         "ประเสริฐ จันทรรวงทอง", "corpus")
    assert tab.errors == []


def test_graph_click_expands_and_double_click_opens_the_page(tab, small_server) -> None:
    from urllib.parse import quote

    tab.goto(small_server.base_url + "/graph?iri=" + quote("https://w3id.org/aseankg/id/adgmin-5", safe=""))
    tab.wait_for_function("() => document.getElementById('graph').dataset.ready === '1'")
    before = tab.evaluate("window.aseankgGraph.nodes().map(n => n.id())")
    target = "https://w3id.org/aseankg/id/bilateral-thailand-cambodia"
    assert target in before and "https://w3id.org/aseankg/id/cambodia" not in before

    def point(node_id: str) -> tuple[float, float]:
        box = tab.locator("#graph").bounding_box()
        pos = tab.evaluate(f"window.aseankgGraph.getElementById({node_id!r}).renderedPosition()")
        return box["x"] + pos["x"], box["y"] + pos["y"]

    x, y = point(target)
    tab.mouse.click(x, y)
    tab.wait_for_function(
        "() => window.aseankgGraph.getElementById('https://w3id.org/aseankg/id/cambodia').length === 1"
    )
    shot(tab, "small-7-graph-expanded")
    x, y = point(target)
    tab.mouse.dblclick(x, y)
    tab.wait_for_url(re.compile(r"/id/bilateral-thailand-cambodia$"))
    assert "bilateral talks" in tab.locator("h1").inner_text()


def test_pages_read_without_javascript(browser, small_server) -> None:
    context = browser.new_context(java_script_enabled=False, locale="th-TH")
    page = context.new_page()
    try:
        page.goto(small_server.base_url + "/id/adgmin-5")
        assert page.locator("html").get_attribute("lang") == "th"  # from Accept-Language
        assert page.locator("h1").inner_text() == "การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 5"
        assert page.locator("section.facts dd a", has_text="กรุงเทพมหานคร").count() == 1
        page.locator("header form.search input[name=q]").fill("ดีอี")
        page.locator("header form.search button").click()
        page.wait_for_url(re.compile(r"/search\?q="))
        first = page.locator("ol.results li a").first
        assert first.get_attribute("href") == "/id/mdes"
        page.goto(small_server.base_url + "/graph?iri=https%3A%2F%2Fw3id.org%2Faseankg%2Fid%2Fadgmin-5")
        assert page.locator("table.edges tr").count() >= 5  # the neighbourhood, listed
        shot(page, "small-8-graph-no-js")
    finally:
        context.close()

