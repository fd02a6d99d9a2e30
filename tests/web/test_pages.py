"""Entity pages, articles, home, search and graph pages over real HTTP, and /id/… as RDF."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from browse_fixture import EVIL, article_text, small_server  # noqa: F401 (fixture)
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from aseankg.namespaces import entity_iri, expand

ID = entity_iri
HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def page(server, path: str, **headers: str) -> BeautifulSoup:
    with server.client() as http:
        r = http.get(path, headers={"Accept": HTML_ACCEPT, **headers})
    assert r.status_code == 200, (path, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return BeautifulSoup(r.text, "html.parser")


def text(soup: BeautifulSoup) -> str:
    return " ".join(soup.get_text(" ").split())


def section(soup: BeautifulSoup, cls: str) -> BeautifulSoup:
    found = soup.select_one(f"section.{cls}")
    assert found is not None, f"no section.{cls}"
    return found


def facts(soup: BeautifulSoup) -> dict[str, list[str]]:
    """The Facts list: property label -> value texts."""
    dl = section(soup, "facts").select_one("dl")
    return {dt.get_text(strip=True): [" ".join(x.get_text(" ").split()) for x in dt.find_next_sibling("dd").find_all(["a", "time", "span"], recursive=False)]
            for dt in dl.find_all("dt")}


# --- the page language ------------------------------------------------------------------

def test_lang_parameter_and_accept_language_choose_the_page_language(small_server) -> None:
    en = page(small_server, "/id/somchai-jaidee?lang=en")
    th = page(small_server, "/id/somchai-jaidee?lang=th")
    by_header = page(small_server, "/id/somchai-jaidee", **{"Accept-Language": "th-TH,th;q=0.9,en;q=0.5"})
    assert en.html["lang"] == "en" and en.h1.get_text(strip=True) == "Somchai Jaidee"
    assert th.html["lang"] == "th" and th.h1.get_text(strip=True) == "สมชาย ใจดี"
    assert by_header.html["lang"] == "th"
    # Labels in both languages on either page.
    for soup in (en, th):
        assert "Somchai Jaidee" in text(soup) and "สมชาย ใจดี" in text(soup)


def test_every_page_has_a_language_switch_and_a_search_box(small_server) -> None:
    for path in ("/", "/id/adgmin-5", "/id/article-100-fixture", "/search?q=x",
                 "/graph?iri=" + ID("adgmin-5"), "/ontology"):
        soup = page(small_server, path + ("&" if "?" in path else "?") + "lang=en")
        switch = soup.select_one("a.lang-switch")
        assert switch is not None and "lang=th" in switch["href"], path
        box = soup.select_one("form.search input[name=q]")
        assert box is not None and box["data-suggest"] == "/api/search", path


def test_a_chosen_language_is_kept_in_links(small_server) -> None:
    soup = page(small_server, "/id/adgmin-5?lang=th")
    links = [a["href"] for a in soup.select("section.facts a") if a["href"].startswith("/id/")]
    assert links and all(link.endswith("?lang=th") for link in links)
    assert soup.select_one("a.lang-switch")["href"] == "/id/adgmin-5?lang=en"


# --- facts, labelled and linked ---------------------------------------------------------------

def test_meeting_facts_in_english(small_server) -> None:
    soup = page(small_server, "/id/adgmin-5")
    shown = facts(soup)
    assert shown["series"] == ["ASEAN Digital Ministers' Meeting"]
    assert shown["ordinal"] == ["5"]
    assert shown["start date"] == ["16 January 2025"]
    assert shown["end date"] == ["17 January 2025"]
    assert shown["location"] == ["Bangkok"]
    assert shown["host country"] == ["Thailand"] and shown["chair"] == ["Thailand"]
    assert set(shown["attendee"]) == {"Somchai Jaidee", "Ministry of Digital Economy and Society", EVIL}
    links = {a.get_text(strip=True): a["href"] for a in section(soup, "facts").select("a")}
    assert links["Bangkok"] == "/id/bangkok"
    assert links["ASEAN Digital Ministers' Meeting"] == "/id/series-adgmin"
    side = section(soup, "side-meetings")
    assert side.select_one("a")["href"] == "/id/bilateral-thailand-cambodia"
    assert "16 January 2025" in text(side)


def test_meeting_facts_in_thai_use_thai_labels_and_the_buddhist_era(small_server) -> None:
    soup = page(small_server, "/id/adgmin-5?lang=th")
    shown = facts(soup)
    assert shown["ผู้เข้าร่วม"]  # schema:attendee
    assert shown["สถานที่"] == ["กรุงเทพมหานคร"]
    assert shown["วันเริ่ม"] == ["16 มกราคม 2568"]
    assert section(soup, "facts").select_one("time")["datetime"] == "2025-01-16"
    month_only = page(small_server, "/id/adgmin-4?lang=th")
    assert facts(month_only)["วันเริ่ม"] == ["กุมภาพันธ์ 2567"]
    assert facts(page(small_server, "/id/adgmin-4?lang=en"))["start date"] == ["February 2024"]


def test_person_posts_as_a_timeline_with_the_attesting_articles(small_server) -> None:
    soup = page(small_server, "/id/somchai-jaidee")
    items = section(soup, "posts").select("ol.timeline > li")
    assert [li.time["datetime"] for li in items] == ["2024-03-07", "2025-01-17"]
    first, second = (text(li) for li in items)
    assert "7 March 2024" in first and "Minister of Digital Economy and Society" in first
    assert "รัฐมนตรีดีอี แถลงผลงาน" in first  # the article of 7 March 2024
    assert "ดีอี ร่วมประชุม ADGMIN ครั้งที่ 5" in second
    hrefs = [a["href"] for a in items[0].select("a")]
    assert "/id/position-somchai-jaidee-minister" in hrefs and "/id/article-101-fixture" in hrefs
    assert "https://news.invalid/101" in hrefs
    meetings = section(soup, "meetings")
    assert {a["href"] for a in meetings.select("a")} == {"/id/adgmin-5", "/id/bilateral-thailand-cambodia"}
    adgmin5 = next(li for li in meetings.select("li") if li.a["href"] == "/id/adgmin-5")
    assert adgmin5.select_one(".detail").get_text() == "attendee, vice-chair"  # one line, both roles
    assert adgmin5.time["datetime"] == "2025-01-16"


def test_mou_parties_topic_status(small_server) -> None:
    en = facts(page(small_server, "/id/mou-mdes-cambodia?lang=en"))
    th = facts(page(small_server, "/id/mou-mdes-cambodia?lang=th"))
    assert set(en["party"]) == {"Cambodia", "Ministry of Digital Economy and Society"}
    assert en["topic"] == ["suppressing call-centre gangs"]
    assert en["status"] == ["Signed"]
    assert th["หัวข้อ"] == ["การปราบปรามแก๊งคอลเซ็นเตอร์"]
    assert th["สถานะ"] == ["ลงนามแล้ว"]
    assert set(th["คู่ภาคี"]) == {"กัมพูชา", "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"}


def test_organisation_people_meetings_and_mous(small_server) -> None:
    soup = page(small_server, "/id/mdes")
    people = section(soup, "people")
    assert "Somchai Jaidee" in text(people) and "Minister of Digital Economy and Society" in text(people)
    assert "17 January 2025" in text(people)  # the latest attestation
    assert {a["href"] for a in section(soup, "meetings").select("a")} == {"/id/adgmin-5"}
    assert {a["href"] for a in section(soup, "agreements").select("a")} == {"/id/mou-mdes-cambodia"}
    names = text(section(soup, "names"))
    for alias in ("ดีอี", "ดีอีเอส", "MDES"):
        assert alias in names


def test_mentioned_in_each_article_with_the_sentence_highlighted(small_server) -> None:
    soup = page(small_server, "/id/cambodia")
    block = section(soup, "mentioned-in")
    articles = block.select(".mention-article")
    assert len(articles) == 1
    heading = articles[0].h3
    assert heading.a["href"] == "/id/article-100-fixture"
    assert "17 January 2025" in text(heading)
    assert heading.select_one("a.source")["href"] == "https://news.invalid/100"
    quotes = articles[0].select("blockquote")
    assert len(quotes) == 2  # two sentences name Cambodia
    assert all([m.get_text() for m in q.select("mark")] == ["กัมพูชา"] for q in quotes)
    assert "หารือทวิภาคีกับ" in text(quotes[0])


def test_data_and_graph_links(small_server) -> None:
    soup = page(small_server, "/id/adgmin-5")
    hrefs = {a["href"] for a in soup.select(".actions a")}
    assert {"/id/adgmin-5.ttl", "/id/adgmin-5.jsonld", "/id/adgmin-5.nt"} <= hrefs
    assert "/graph?iri=https%3A%2F%2Fw3id.org%2Faseankg%2Fid%2Fadgmin-5" in hrefs
    alternates = {link["type"]: link["href"] for link in soup.select("link[rel=alternate]")}
    assert alternates["text/turtle"] == "/id/adgmin-5.ttl"


# --- escaping -----------------------------------------------------------------------------

def test_labels_are_escaped(small_server) -> None:
    with small_server.client() as http:
        for path in ("/id/evil-org?lang=en", "/id/evil-org?lang=th", "/id/adgmin-5?lang=en", "/graph?iri=" + ID("adgmin-5")):
            body = http.get(path).text
            assert "<script>alert" not in body, path
            assert "<b>องค์กร" not in body, path
        body = http.get("/id/evil-org?lang=en").text
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in body
        body = http.get("/search", params={"q": "<script>alert(1)</script>"}).text
        assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)" in body


def test_no_inline_scripts(small_server) -> None:
    """Every script is a file of this app, so a strict CSP (script-src 'self') can hold."""
    for path in ("/", "/id/adgmin-5", "/graph?iri=" + ID("adgmin-5"), "/ontology", "/search?q=x", "/id/nothing-here"):
        with small_server.client() as http:
            soup = BeautifulSoup(http.get(path, headers={"Accept": HTML_ACCEPT}).text, "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src", "").startswith("/static/") and not script.string, path
        assert not soup.find_all(attrs={"onclick": True}) and not soup.find_all(style=True), path


# --- the article page ---------------------------------------------------------------------

def test_article_page_marks_and_links_every_mention(small_server) -> None:
    soup = page(small_server, "/id/article-100-fixture")
    assert soup.h1.get_text(strip=True) == "ดีอี ร่วมประชุม ADGMIN ครั้งที่ 5"
    meta = text(section(soup, "article-meta"))
    assert "17 January 2025" in meta
    assert section(soup, "article-meta").select_one("a.source")["href"] == "https://news.invalid/100"
    body = section(soup, "article-text")
    marks = [(a.get_text(), a["href"]) for a in body.select("a.mention")]
    assert marks[:5] == [
        ("นายสมชาย ใจดี", "/id/somchai-jaidee"),
        ("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "/id/mdes"),
        ("ดีอี", "/id/mdes"),
        ("การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 5", "/id/adgmin-5"),
        ("กรุงเทพมหานคร", "/id/bangkok"),
    ]
    assert len(marks) == 10
    assert body.select_one("a.mention")["title"] == "Somchai Jaidee"
    named = text(section(soup, "named"))
    assert "Thailand–Cambodia bilateral talks" in named and "Person" in named


def test_article_with_its_text_in_the_graph_shows_all_of_it(small_server) -> None:
    soup = page(small_server, "/id/article-101-fixture?lang=th")
    body = section(soup, "article-text")
    assert "ข่าวนี้ไม่ได้กล่าวถึงใครอีก" in text(body)  # a sentence that names nobody
    assert [a.get_text() for a in body.select("a.mention")] == ["นายสมชาย ใจดี", "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "MDES"]
    full = article_text("101_fixture")
    shown = "".join(p.get_text() for p in body.select(".text p"))
    assert shown.replace("\n", "") == full.replace("\n", "")


# --- /id/… as data ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("text/turtle;q=0.5, application/ld+json", "application/ld+json", "json-ld"),
        ("text/html;q=0.1, application/n-triples;q=0.9", "application/n-triples", "nt"),
    ],
)
def test_entity_as_rdf_by_accept(small_server, accept: str, media_type: str, rdflib_format: str) -> None:
    with small_server.client() as http:
        r = http.get("/id/adgmin-5", headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media_type)
    assert "Accept" in r.headers["vary"]
    graph = Graph().parse(data=r.text, format=rdflib_format)
    me = URIRef(ID("adgmin-5"))
    assert (me, SKOS.prefLabel, Literal("การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 5", lang="th")) in graph
    assert (me, URIRef(expand("schema:location")), URIRef(ID("bangkok"))) in graph
    assert (URIRef(ID("bangkok")), SKOS.prefLabel, Literal("Bangkok", lang="en")) in graph
    assert (URIRef(ID("bilateral-thailand-cambodia")), URIRef(expand("schema:superEvent")), me) in graph
    assert not any("mention-" in str(s) for s in graph.subjects())


@pytest.mark.parametrize(("suffix", "media_type", "rdflib_format"),
                         [("ttl", "text/turtle", "turtle"), ("jsonld", "application/ld+json", "json-ld"),
                          ("nt", "application/n-triples", "nt")])
def test_entity_as_rdf_by_suffix(small_server, suffix: str, media_type: str, rdflib_format: str) -> None:
    with small_server.client() as http:
        r = http.get(f"/id/somchai-jaidee.{suffix}", headers={"Accept": HTML_ACCEPT})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media_type)
    graph = Graph().parse(data=r.text, format=rdflib_format)
    assert (URIRef(ID("somchai-jaidee")), SKOS.prefLabel, Literal("Somchai Jaidee", lang="en")) in graph


def test_browsers_and_curl_get_html(small_server) -> None:
    with small_server.client() as http:
        for accept in (HTML_ACCEPT, "*/*", None):
            headers = {"Accept": accept} if accept else {}
            r = http.get("/id/adgmin-5", headers=headers)
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), accept
            assert "Accept" in r.headers["vary"]


def test_head_answers_like_get_without_a_body(small_server) -> None:
    """Link checkers and crawlers ask with HEAD."""
    with small_server.client() as http:
        for path, accept, status in (("/id/adgmin-5", "text/turtle", 200), ("/id/adgmin-5", HTML_ACCEPT, 200),
                                     ("/id/nobody-here", HTML_ACCEPT, 404), ("/ontology", "text/turtle", 200),
                                     ("/", HTML_ACCEPT, 200)):
            r = http.head(path, headers={"Accept": accept})
            assert r.status_code == status, path
            assert r.content == b""
        assert http.head("/id/adgmin-5", headers={"Accept": "text/turtle"}).headers["content-type"].startswith("text/turtle")


def test_not_acceptable_lists_the_formats(small_server) -> None:
    with small_server.client() as http:
        r = http.get("/id/adgmin-5", headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert "text/turtle" in r.text and "application/ld+json" in r.text


def test_unknown_iri_is_an_html_404_with_a_search_box(small_server) -> None:
    with small_server.client() as http:
        r = http.get("/id/no-such-entity", headers={"Accept": HTML_ACCEPT})
        as_data = http.get("/id/no-such-entity", headers={"Accept": "text/turtle"})
        bad_suffix = http.get("/id/adgmin-5.exe")
        bad_slug = http.get("/id/Not_A_Slug", headers={"Accept": HTML_ACCEPT})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    soup = BeautifulSoup(r.text, "html.parser")
    form = soup.select_one("main form.search")
    assert form["action"] == "/search" and form.select_one("input[name=q]") is not None
    assert ID("no-such-entity") in r.text
    assert as_data.status_code == 404 and as_data.headers["content-type"].startswith("text/plain")
    assert bad_suffix.status_code == 404
    assert bad_slug.status_code == 404


# --- home, search, graph view, API docs ------------------------------------------------------

def test_home_shows_what_the_graph_holds(small_server) -> None:
    soup = page(small_server, "/")
    assert soup.select_one(".n-articles").get_text() == "2"
    assert int(soup.select_one(".n-triples").get_text().replace(",", "")) > 100
    per_class = {a.get_text(strip=True): a["href"] for a in section(soup, "per-class").select("a")}
    assert "Person" in per_class and "Ministerial meeting" in per_class
    timeline = [li.time["datetime"] for li in section(soup, "meeting-timeline").select("li")]
    assert timeline == sorted(timeline) and timeline[0] == "2024-02"
    latest = [a["href"] for a in section(soup, "latest").select("li > a:first-child")]
    assert latest == ["/id/article-100-fixture", "/id/article-101-fixture"]
    hrefs = {a["href"] for a in soup.select("a")}
    assert {"/sparql", "/ontology", "/docs", "/export/aseankg.ttl", "/export/aseankg.jsonld"} <= hrefs


def test_class_listing_from_home(small_server) -> None:
    soup = page(small_server, "/search?" + urlencode({"type": expand("akg:Meeting")}))
    assert soup.h1.get_text(strip=True) == "Meeting"
    assert {a["href"] for a in soup.select("ol.results a")} == {
        "/id/adgmin-4", "/id/adgmin-5", "/id/bilateral-thailand-cambodia", "/id/wg-as-1"}


def test_search_page_works_without_javascript(small_server) -> None:
    soup = page(small_server, "/search?q=%E0%B8%94%E0%B8%B5%E0%B8%AD%E0%B8%B5&lang=en")  # ดีอี
    first = soup.select_one("ol.results li a")
    assert first["href"] == "/id/mdes?lang=en"
    empty = page(small_server, "/search?q=zzqqxx")
    assert empty.select_one(".empty") is not None


def test_graph_page_lists_the_neighbourhood_and_loads_cytoscape(small_server) -> None:
    soup = page(small_server, "/graph?iri=" + ID("adgmin-5") + "&lang=th")
    box = soup.select_one("#graph")
    assert box["data-iri"] == ID("adgmin-5") and box["data-lang"] == "th"
    scripts = [s["src"] for s in soup.find_all("script")]
    assert "/static/vendor/cytoscape.min.js" in scripts and "/static/graph.js" in scripts
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in soup.select("table.edges tr")]
    assert ["การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 5", "สถานที่", "กรุงเทพมหานคร"] in rows
    with small_server.client() as http:
        assert http.get("/graph", params={"iri": ID("nobody")}).status_code == 404
        assert http.get("/graph", params={"iri": "not an iri"}).status_code == 404
        assert http.get("/graph", params={"iri": "http://a%zz"}).status_code == 404
        assert http.get("/static/graph.js").status_code == 200
        assert http.get("/static/search.js").status_code == 200


def test_apis_are_in_the_openapi_docs(small_server) -> None:
    with small_server.client() as http:
        spec = http.get("/openapi.json").json()
        assert http.get("/docs").status_code == 200
    paths = spec["paths"]
    for path, params in (
        ("/api/search", {"q", "lang", "type", "limit"}),
        ("/api/neighbourhood", {"iri", "depth", "lang", "limit", "predicate", "type"}),
        ("/api/path", {"from", "to", "max"}),
    ):
        declared = {p["name"] for p in paths[path]["get"]["parameters"]}
        assert params <= declared, path
    depth = next(p for p in paths["/api/neighbourhood"]["get"]["parameters"] if p["name"] == "depth")
    assert depth["schema"]["minimum"] == 1 and depth["schema"]["maximum"] == 3
    assert "/id/{name}" not in paths  # pages are not API
    json.dumps(spec)


# --- on the graph built from the five articles ----------------------------------------------

def test_corpus_minister_page(server) -> None:
    soup = page(server, "/id/prasert-jantararuangtong?lang=en")
    assert soup.h1.get_text(strip=True) == "Prasert Jantararuangtong"
    posts = text(section(soup, "posts"))
    assert "Deputy Prime Minister" in posts and "Minister of Digital Economy and Society" in posts
    assert "17 January 2025" in posts and "7 March 2024" in posts
    th = page(server, "/id/prasert-jantararuangtong?lang=th")
    assert "17 มกราคม 2568" in text(section(th, "posts"))
    assert len(section(th, "mentioned-in").select(".mention-article")) >= 2


def test_corpus_adgmin5_page(server) -> None:
    shown = facts(page(server, "/id/adgmin-5?lang=en"))
    assert shown["ordinal"] == ["5"]
    assert "Thailand" in shown["host country"]


def test_corpus_article_pages_mark_mentions(server) -> None:
    with server.client() as http:
        rows = http.get("/api/search", params={"q": "ดีอี หารือทวิภาคี ไทย-เมียนมา", "type": expand("akg:NewsArticle")}).json()["results"]
    assert rows
    path = rows[0]["id"].removeprefix("https://w3id.org/aseankg")
    soup = page(server, path)
    marks = soup.select("section.article-text a.mention")
    assert len(marks) >= 10
    assert "/id/mdes" in {a["href"] for a in marks}
    # the article's whole text (schema:text in its graph), not only the sentences with mentions
    from aseankg.corpus import read_document
    from aseankg.paths import DOCUMENTS_DIR

    identifier = path.removeprefix("/id/article-")
    (file,) = [p for p in DOCUMENTS_DIR.glob("*.txt") if p.stem.replace("_", "-").lower() == identifier]
    shown = "".join(p.get_text() for p in section(soup, "article-text").select(".text p"))
    assert "".join(shown.split()) == "".join(read_document(file).text.split())


def test_pages_of_a_hub_stay_bounded(tmp_path) -> None:
    """A country that attends hundreds of meetings and is named in many articles: its page
    shows the first 200 meetings and the 50 newest articles, and says how many more there are."""
    from conftest import start_server, stop_server
    from pyoxigraph import Literal as Lit
    from pyoxigraph import NamedNode, Quad

    from aseankg.graph import ontology_quads, types_of
    from aseankg.namespaces import doc_graph, node
    from aseankg.store import StoreDir

    generation = StoreDir(tmp_path / "store").begin()
    store = generation.store
    store.bulk_extend(ontology_quads())
    hub = NamedNode(ID("hubland"))
    graph = NamedNode(doc_graph("hub"))
    quads = [Quad(hub, node("rdf:type"), t, graph) for t in types_of("akg:Country")]
    quads += [Quad(hub, node("skos:prefLabel"), Lit("Hubland", language="en"), graph)]
    for n in range(210):
        meeting = NamedNode(ID(f"talks-{n}"))
        quads += [Quad(meeting, node("rdf:type"), t, graph) for t in types_of("akg:BilateralMeeting")]
        quads += [Quad(meeting, node("skos:prefLabel"), Lit(f"Talks {n}", language="en"), graph),
                  Quad(meeting, node("schema:attendee"), hub, graph),
                  Quad(meeting, node("schema:startDate"), Lit(f"2024-{n % 12 + 1:02d}-01", datatype=node("xsd:date")), graph)]
    for n in range(60):
        article = NamedNode(ID(f"article-hub-{n}"))
        quads += [Quad(article, node("rdf:type"), t, graph) for t in types_of("akg:NewsArticle")]
        quads += [Quad(article, node("dcterms:title"), Lit(f"ข่าว {n}", language="th"), graph),
                  Quad(article, node("dcterms:issued"), Lit(f"2024-01-{n % 28 + 1:02d}", datatype=node("xsd:date")), graph),
                  Quad(hub, node("akg:mentionedIn"), article, graph)]
    store.bulk_extend(quads)
    generation.commit({"fixture": True})
    server = start_server(tmp_path / "store")
    try:
        soup = page(server, "/id/hubland")
        meetings = section(soup, "meetings")
        assert len(meetings.select("li")) == 200
        assert "and 10 more not shown" in text(meetings)
        mentioned = section(soup, "mentioned-in")
        assert len(mentioned.select(".mention-article")) == 50
        assert "and 10 more not shown" in text(mentioned)
        home = page(server, "/")
        assert len(section(home, "meeting-timeline").select("li")) == 40
        assert "170 earlier meetings" in text(section(home, "meeting-timeline"))
    finally:
        stop_server(server)


def test_every_property_on_the_built_graph_s_thai_pages_is_named_in_thai(server) -> None:
    """Every fact of every entity page in Thai names its property in Thai (the graph's own
    labels, or the interface's for the W3C and schema.org terms it reuses)."""
    import re

    with server.client() as http:
        rows = http.get("/sparql", params={"query": "SELECT DISTINCT ?s WHERE { ?s a ?c FILTER(STRSTARTS(STR(?s), STR(akgid:))) }"},
                        headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    slugs = sorted(row["s"]["value"].rsplit("/", 1)[1] for row in rows)
    assert len(slugs) > 50
    latin_only = set()
    for slug in slugs:
        soup = page(server, f"/id/{slug}?lang=th")
        for dt in soup.select("section.facts dt, section.links-in dt"):
            name = dt.get_text(strip=True)
            if not re.search(r"[\u0E00-\u0E7F]", name):
                latin_only.add(name)
    assert not latin_only, f"properties without a Thai name: {sorted(latin_only)}"


def test_entity_json_ld_reads_naturally(small_server) -> None:
    with small_server.client() as http:
        by_suffix = http.get("/id/adgmin-5.jsonld").json()
        by_accept = http.get("/id/adgmin-5", headers={"Accept": "application/ld+json"}).json()
    assert by_suffix == by_accept
    node = next(n for n in by_suffix["@graph"] if n["id"] == "akgid:adgmin-5")
    assert node["label"]["th"] == "การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 5"
    assert node["location"] == "akgid:bangkok"


def test_home_timeline_has_each_meeting_once(server) -> None:
    soup = page(server, "/")
    hrefs = [a["href"] for a in section(soup, "meeting-timeline").select("li .event a")]
    assert hrefs and len(hrefs) == len(set(hrefs)), hrefs
