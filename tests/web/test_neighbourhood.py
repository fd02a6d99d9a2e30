"""/api/neighbourhood and /api/path over real HTTP: entities, not provenance; bounded; validated."""

from __future__ import annotations

import pyoxigraph
import pytest
from browse_fixture import small_server, small_store  # noqa: F401 (fixture)

from aseankg.namespaces import entity_iri, expand
from aseankg.store import StoreDir
from aseankg.web.neighbourhood import MENTIONED_IN, PLUMBING, Links

ID = entity_iri


def slugs(nodes: list[dict]) -> set[str]:
    return {n["id"].removeprefix(ID("")) for n in nodes}


def get(server, path: str, **params):
    with server.client() as http:
        return http.get(path, params=params)


def test_depth_one_is_the_entities_linked_either_way(small_server) -> None:
    r = get(small_server, "/api/neighbourhood", iri=ID("adgmin-5"))
    assert r.status_code == 200
    body = r.json()
    assert slugs(body["nodes"]) == {
        "adgmin-5", "series-adgmin", "bangkok", "thailand", "somchai-jaidee", "mdes", "evil-org",
        "bilateral-thailand-cambodia",  # links to it: schema:superEvent
    }
    assert body["truncated"] is False
    edges = {(e["source"], e["predicate"], e["target"]) for e in body["edges"]}
    assert (ID("adgmin-5"), expand("schema:location"), ID("bangkok")) in edges
    assert (ID("bilateral-thailand-cambodia"), expand("schema:superEvent"), ID("adgmin-5")) in edges
    node_ids = {n["id"] for n in body["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in body["edges"])


def test_no_mentions_articles_or_classes_by_default(small_server) -> None:
    body = get(small_server, "/api/neighbourhood", iri=ID("mdes"), depth=2).json()
    ids = slugs(body["nodes"])
    assert not any(s.startswith(("mention-", "article-")) for s in ids)
    predicates = {e["predicate"] for e in body["edges"]}
    for plumbing in ("rdf:type", "akg:mentionedIn", "akg:mentionOf", "akg:inDocument", "prov:wasDerivedFrom"):
        assert expand(plumbing) not in predicates


def test_labels_and_types_in_the_requested_language(small_server) -> None:
    th = get(small_server, "/api/neighbourhood", iri=ID("adgmin-5"), lang="th").json()
    en = get(small_server, "/api/neighbourhood", iri=ID("adgmin-5"), lang="en").json()
    th_nodes = {n["id"]: n for n in th["nodes"]}
    en_nodes = {n["id"]: n for n in en["nodes"]}
    assert th_nodes[ID("bangkok")]["label"] == "กรุงเทพมหานคร"
    assert en_nodes[ID("bangkok")]["label"] == "Bangkok"
    assert th_nodes[ID("somchai-jaidee")]["type"] == expand("akg:Person")
    assert en_nodes[ID("adgmin-5")]["type"] == expand("akg:MinisterialMeeting")
    th_edge = next(e for e in th["edges"] if e["predicate"] == expand("akg:hostCountry"))
    en_edge = next(e for e in en["edges"] if e["predicate"] == expand("akg:hostCountry"))
    assert th_edge["label"] != en_edge["label"] and en_edge["label"] == "host country"


def test_depth_two_reaches_further(small_server) -> None:
    one = slugs(get(small_server, "/api/neighbourhood", iri=ID("adgmin-5"), depth=1).json()["nodes"])
    two = slugs(get(small_server, "/api/neighbourhood", iri=ID("adgmin-5"), depth=2).json()["nodes"])
    assert "cambodia" not in one
    assert {"cambodia", "position-somchai-jaidee-minister", "adgmin-4"} <= two


def test_limit_truncates_and_says_so(small_server) -> None:
    body = get(small_server, "/api/neighbourhood", iri=ID("adgmin-5"), depth=3, limit=4).json()
    assert len(body["nodes"]) == 4
    assert body["truncated"] is True
    assert ID("adgmin-5") in {n["id"] for n in body["nodes"]}


def test_predicate_and_type_filters(small_server) -> None:
    attendees = get(small_server, "/api/neighbourhood", iri=ID("adgmin-5"), predicate=expand("schema:attendee")).json()
    assert slugs(attendees["nodes"]) == {"adgmin-5", "somchai-jaidee", "mdes", "evil-org"}
    assert {e["predicate"] for e in attendees["edges"]} == {expand("schema:attendee")}
    countries = get(small_server, "/api/neighbourhood", iri=ID("adgmin-5"), depth=2, type=expand("akg:Country")).json()
    assert slugs(countries["nodes"]) == {"adgmin-5", "thailand"}  # Cambodia is two hops away through a meeting


def test_articles_on_request_and_around_an_article(small_server) -> None:
    with_articles = get(small_server, "/api/neighbourhood", iri=ID("somchai-jaidee"), articles="true").json()
    assert {"article-100-fixture", "article-101-fixture"} <= slugs(with_articles["nodes"])
    around = get(small_server, "/api/neighbourhood", iri=ID("article-101-fixture")).json()
    assert slugs(around["nodes"]) == {"article-101-fixture", "somchai-jaidee", "mdes", "position-somchai-jaidee-minister"}


def test_a_link_stated_both_ways_is_one_edge(small_server) -> None:
    """akg:holds is owl:inverseOf akg:holder: the graph shows the post once, not twice."""
    body = get(small_server, "/api/neighbourhood", iri=ID("somchai-jaidee")).json()
    between = [e for e in body["edges"] if ID("position-somchai-jaidee-minister") in (e["source"], e["target"])]
    assert len(between) == 1


def test_unknown_iri_is_404(small_server) -> None:
    r = get(small_server, "/api/neighbourhood", iri=ID("no-such-thing"))
    assert r.status_code == 404
    assert "no-such-thing" in r.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"iri": "adgmin-5"},
        {"iri": "akgid:adgmin-5"},
        {"iri": "javascript:alert(1)"},
        {"iri": "https://w3id.org/aseankg/id/a b"},
        {"iri": "http://[::1"},
        {"iri": "https://w3id.org/aseankg/id/a%zz"},
        {"iri": "https://w3id.org/aseankg/id/a#b#c"},
        {"iri": "https://w3id.org/aseankg/id/a\x7f"},
        {"iri": ID("adgmin-5"), "depth": 0},
        {"iri": ID("adgmin-5"), "depth": 4},
        {"iri": ID("adgmin-5"), "limit": 0},
        {"iri": ID("adgmin-5"), "limit": 501},
        {"iri": ID("adgmin-5"), "lang": "de"},
        {"iri": ID("adgmin-5"), "predicate": "schema:attendee"},
        {"iri": ID("adgmin-5"), "type": "Person"},
    ],
)
def test_bad_parameters_are_422(small_server, params: dict) -> None:
    r = get(small_server, "/api/neighbourhood", **params)
    assert r.status_code == 422, r.text


def test_a_user_string_never_becomes_sparql(small_server) -> None:
    """An IRI that would close a SPARQL IRI and add a pattern is only ever a term."""
    sneaky = ID("x> ?p ?o } #")
    r = get(small_server, "/api/neighbourhood", iri=sneaky)
    assert r.status_code == 422  # not even a valid IRI
    sneaky = ID("x%3E%20%3Fp")
    r = get(small_server, "/api/neighbourhood", iri=sneaky)
    assert r.status_code == 404


def test_shortest_path_with_labels(small_server) -> None:
    r = get(small_server, "/api/path", **{"from": ID("wg-as-1"), "to": ID("somchai-jaidee"), "lang": "en"})
    assert r.status_code == 200
    body = r.json()
    assert body["from"] == ID("wg-as-1") and body["to"] == ID("somchai-jaidee")
    assert body["length"] == 3  # wg-as-1 → Cambodia ← bilateral talks → Somchai
    assert body["paths"][0]["nodes"] == [
        ID("wg-as-1"), ID("cambodia"), ID("bilateral-thailand-cambodia"), ID("somchai-jaidee")
    ]
    labels = {n["id"]: n["label"] for n in body["nodes"]}
    assert labels[ID("cambodia")] == "Cambodia"
    steps = body["paths"][0]["edges"]
    assert {(e["source"], e["predicate"], e["target"]) for e in steps} == {
        (ID("wg-as-1"), expand("schema:location"), ID("cambodia")),
        (ID("bilateral-thailand-cambodia"), expand("schema:attendee"), ID("cambodia")),
        (ID("bilateral-thailand-cambodia"), expand("schema:attendee"), ID("somchai-jaidee")),
    }
    assert all(e["label"] for e in steps)


def test_every_shortest_path_is_given(small_server) -> None:
    body = get(small_server, "/api/path", **{"from": ID("somchai-jaidee"), "to": ID("mdes")}).json()
    assert body["length"] == 2
    middles = {tuple(p["nodes"][1:-1]) for p in body["paths"]}
    assert middles == {(ID("adgmin-5"),), (ID("position-somchai-jaidee-minister"),)}


def test_no_path_within_max(small_server) -> None:
    body = get(small_server, "/api/path", **{"from": ID("wg-as-1"), "to": ID("somchai-jaidee"), "max": 2}).json()
    assert body["length"] is None and body["paths"] == []


def test_path_validation(small_server) -> None:
    assert get(small_server, "/api/path", **{"from": ID("wg-as-1")}).status_code == 422
    assert get(small_server, "/api/path", **{"from": ID("wg-as-1"), "to": ID("mdes"), "max": 7}).status_code == 422
    assert get(small_server, "/api/path", **{"from": "wg-as-1", "to": ID("mdes")}).status_code == 422
    assert get(small_server, "/api/path", **{"from": ID("wg-as-1"), "to": "http://a%zz"}).status_code == 422
    assert get(small_server, "/api/path", **{"from": ID("nobody"), "to": ID("mdes")}).status_code == 404


# On the graph built from the five articles (contract competency questions 2 and 10).

def test_corpus_adgmin5_neighbourhood(server) -> None:
    body = get(server, "/api/neighbourhood", iri=ID("adgmin-5"), lang="en").json()
    labels = {n["label"] for n in body["nodes"]}
    assert "Thailand" in labels
    assert ID("series-adgmin") in {n["id"] for n in body["nodes"]}


def test_corpus_wg_as_within_two_hops(server) -> None:
    """Competency question 10: everything within two hops of WG-AS, labelled in Thai."""
    body = get(server, "/api/neighbourhood", iri=ID("wg-as"), depth=2, lang="th").json()
    ids = {n["id"] for n in body["nodes"]}
    assert {ID("mdes"), ID("series-wg-as"), ID("wg-as-1")} <= ids  # who pushed for it; its meetings
    labels = {n["id"]: n["label"] for n in body["nodes"]}
    assert labels[ID("mdes")] == "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"
    further = get(server, "/api/neighbourhood", iri=ID("wg-as"), depth=3, limit=500).json()
    assert ID("cambodia") in {n["id"] for n in further["nodes"]}  # where its first meeting was planned


def test_corpus_minister_reaches_adgmin5(server) -> None:
    body = get(server, "/api/path", **{"from": ID("prasert-jantararuangtong"), "to": ID("adgmin-5")}).json()
    assert body["length"] is not None and body["length"] <= 2


def test_links_are_the_stores_quads_between_two_iris(tmp_path) -> None:
    """What a walk follows from each IRI is every quad (in any graph) that joins it to another
    IRI, provenance and typing aside, mentions only on request; read once, the same after."""
    store = StoreDir(small_store(tmp_path / "store")).open()
    links = Links(store)
    iris = {t.value for q in store.quads_for_pattern(None, None, None, None)
            for t in (q.subject, q.object) if isinstance(t, pyoxigraph.NamedNode)}
    assert len(iris) > 20
    for iri in sorted(iris):
        node = pyoxigraph.NamedNode(iri)
        stated = {(q.subject.value, q.predicate.value, q.object.value)
                  for q in [*store.quads_for_pattern(node, None, None, None), *store.quads_for_pattern(None, None, node, None)]
                  if isinstance(q.subject, pyoxigraph.NamedNode) and isinstance(q.object, pyoxigraph.NamedNode)
                  and q.subject != q.object and q.predicate.value not in PLUMBING}
        with_articles = list(links.of(iri, articles=True))
        assert with_articles == sorted(stated), iri
        assert list(links.of(iri, articles=False)) == [t for t in sorted(stated) if t[1] != MENTIONED_IN]
        assert list(links.of(iri, articles=True)) == with_articles
        attendee = expand("schema:attendee")
        assert list(links.of(iri, articles=False, predicate=attendee)) == [t for t in sorted(stated) if t[1] == attendee]
