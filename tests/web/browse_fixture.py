"""A small graph written for the browse tests, in the shape of docs/mapping.md.

Invented people and documents (not the corpus): a minister with a post attested by two
articles, a ministry with abbreviations, a meeting with a side meeting, an MoU, a working
group, and a label that tries to inject HTML. Stored with the real StoreDir, so a real
``aseankg serve`` reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from aseankg.graph import ontology_quads, types_of
from aseankg.namespaces import LEXICON_GRAPH, doc_graph, entity_iri, node
from aseankg.store import StoreDir
from conftest import Server, start_server, stop_server

ID = entity_iri
EVIL = "<script>alert('x')</script>"

# Each article: identifier, title, date, lines of text, and the entities named (anchor, slug).
ARTICLES = {
    "100_fixture": {
        "title": "ดีอี ร่วมประชุม ADGMIN ครั้งที่ 5",
        "issued": "2025-01-17",
        "url": "https://news.invalid/100",
        "sentences": [
            ("นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม (ดีอี) เข้าร่วมการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 5 ที่กรุงเทพมหานคร",
             [("นายสมชาย ใจดี", "somchai-jaidee"), ("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "mdes"), ("ดีอี", "mdes"),
              ("การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 5", "adgmin-5"), ("กรุงเทพมหานคร", "bangkok")]),
            ("ระหว่างการประชุม ดีอี หารือทวิภาคีกับกัมพูชา และลงนามบันทึกความเข้าใจ",
             [("ดีอี", "mdes"), ("กัมพูชา", "cambodia")]),
            ("ดีอี ผลักดันคณะทำงาน WG-AS ซึ่งจะประชุมครั้งแรกที่กัมพูชา",
             [("ดีอี", "mdes"), ("WG-AS", "wg-as"), ("กัมพูชา", "cambodia")]),
            ("ประโยคนี้ไม่มีชื่อใด", []),
        ],
        "text": False,
    },
    "101_fixture": {
        "title": "รัฐมนตรีดีอี แถลงผลงาน",
        "issued": "2024-03-07",
        "url": "https://news.invalid/101",
        "sentences": [
            ("นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม แถลงผลงานของ MDES",
             [("นายสมชาย ใจดี", "somchai-jaidee"), ("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "mdes"), ("MDES", "mdes")]),
            ("ข่าวนี้ไม่ได้กล่าวถึงใครอีก", []),
        ],
        "text": True,
    },
}

ENTITIES = {
    # slug: (class, {lang: prefLabel}, [(altLabel, lang)], curated)
    "somchai-jaidee": ("akg:Person", {"th": "สมชาย ใจดี", "en": "Somchai Jaidee"}, [("นายสมชาย ใจดี", "th")], False),
    "mdes": ("akg:Ministry", {"th": "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "en": "Ministry of Digital Economy and Society"},
             [("ดีอี", "th"), ("ดีอีเอส", "th"), ("MDES", "en")], True),
    "cambodia": ("akg:Country", {"th": "กัมพูชา", "en": "Cambodia"}, [("ราชอาณาจักรกัมพูชา", "th")], True),
    "thailand": ("akg:Country", {"th": "ไทย", "en": "Thailand"}, [], True),
    "bangkok": ("akg:Place", {"th": "กรุงเทพมหานคร", "en": "Bangkok"}, [], True),
    "adgmin-5": ("akg:MinisterialMeeting", {"th": "การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 5",
                                            "en": "The 5th ASEAN Digital Ministers' Meeting"}, [], False),
    "adgmin-4": ("akg:MinisterialMeeting", {"th": "การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 4",
                                            "en": "The 4th ASEAN Digital Ministers' Meeting"}, [], False),
    "bilateral-thailand-cambodia": ("akg:BilateralMeeting", {"th": "การหารือทวิภาคีไทย-กัมพูชา",
                                                             "en": "Thailand–Cambodia bilateral talks"}, [], False),
    "mou-mdes-cambodia": ("akg:MoU", {"th": "บันทึกความเข้าใจระหว่างดีอีกับกัมพูชา", "en": "MoU between MDES and Cambodia"}, [], False),
    "position-somchai-jaidee-minister": ("akg:Position", {
        "th": "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม — สมชาย ใจดี",
        "en": "Minister of Digital Economy and Society — Somchai Jaidee"}, [], False),
    "wg-as": ("akg:WorkingGroup", {"th": "คณะทำงานอาเซียนด้านการป้องกันการหลอกลวงออนไลน์",
                                   "en": "ASEAN Working Group on Anti-Online Scam"}, [("WG-AS", "en")], True),
    "wg-as-1": ("akg:WorkingGroupMeeting", {"th": "การประชุมคณะทำงาน WG-AS ครั้งที่ 1", "en": "The 1st WG-AS Meeting"}, [], False),
    "evil-org": ("akg:Organization", {"th": "<b>องค์กรตัวหนา</b>", "en": EVIL}, [], True),
}


def _date(value: str) -> Literal:
    datatype = {10: "xsd:date", 7: "xsd:gYearMonth", 4: "xsd:gYear"}[len(value)]
    return Literal(value, datatype=node(datatype))


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=node("xsd:integer"))


FACTS_100 = [
    ("adgmin-5", "akg:series", "series-adgmin"), ("adgmin-5", "akg:ordinal", _int(5)),
    ("adgmin-5", "schema:startDate", _date("2025-01-16")), ("adgmin-5", "schema:endDate", _date("2025-01-17")),
    ("adgmin-5", "schema:location", "bangkok"), ("adgmin-5", "akg:hostCountry", "thailand"),
    ("adgmin-5", "akg:chair", "thailand"), ("adgmin-5", "schema:attendee", "somchai-jaidee"),
    ("adgmin-5", "schema:attendee", "mdes"), ("adgmin-5", "akg:viceChair", "somchai-jaidee"),
    ("adgmin-4", "akg:series", "series-adgmin"), ("adgmin-4", "akg:ordinal", _int(4)),
    ("adgmin-4", "schema:startDate", _date("2024-02")),
    ("bilateral-thailand-cambodia", "schema:superEvent", "adgmin-5"),
    ("bilateral-thailand-cambodia", "schema:startDate", _date("2025-01-16")),
    ("bilateral-thailand-cambodia", "schema:attendee", "somchai-jaidee"),
    ("bilateral-thailand-cambodia", "schema:attendee", "cambodia"),
    ("mou-mdes-cambodia", "akg:party", "mdes"), ("mou-mdes-cambodia", "akg:party", "cambodia"),
    ("mou-mdes-cambodia", "akg:topic", Literal("การปราบปรามแก๊งคอลเซ็นเตอร์", language="th")),
    ("mou-mdes-cambodia", "akg:topic", Literal("suppressing call-centre gangs", language="en")),
    ("mou-mdes-cambodia", "akg:status", NamedNode("https://w3id.org/aseankg/ontology#Signed")),
    ("wg-as-1", "akg:series", "series-wg-as"), ("wg-as-1", "akg:ordinal", _int(1)),
    ("wg-as-1", "schema:startDate", _date("2024-03")), ("wg-as-1", "schema:location", "cambodia"),
    ("position-somchai-jaidee-minister", "akg:holder", "somchai-jaidee"),
    ("position-somchai-jaidee-minister", "akg:organization", "mdes"),
    ("position-somchai-jaidee-minister", "akg:title", Literal("รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", language="th")),
    ("position-somchai-jaidee-minister", "akg:title", Literal("Minister of Digital Economy and Society", language="en")),
    ("position-somchai-jaidee-minister", "akg:attestedOn", _date("2025-01-17")),
    ("somchai-jaidee", "akg:holds", "position-somchai-jaidee-minister"),
    ("adgmin-5", "schema:attendee", "evil-org"),
]
FACTS_101 = [
    ("position-somchai-jaidee-minister", "akg:holder", "somchai-jaidee"),
    ("position-somchai-jaidee-minister", "akg:organization", "mdes"),
    ("position-somchai-jaidee-minister", "akg:title", Literal("รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", language="th")),
    ("position-somchai-jaidee-minister", "akg:attestedOn", _date("2024-03-07")),
    ("somchai-jaidee", "akg:holds", "position-somchai-jaidee-minister"),
]


def _term(value) -> NamedNode | Literal:
    return NamedNode(ID(value)) if isinstance(value, str) else value


def article_text(identifier: str) -> str:
    spec = ARTICLES[identifier]
    return f"รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-{spec['title']}\n\n{spec['title']}\n" + "\n".join(s for s, _ in spec["sentences"]) + "\n"


def label_quads(slug: str, graph: NamedNode) -> list[Quad]:
    cls, labels, alts, _ = ENTITIES[slug]
    subject = NamedNode(ID(slug))
    quads = [Quad(subject, node("rdf:type"), t, graph) for t in types_of(cls)]
    for lang, text in labels.items():
        quads.append(Quad(subject, node("skos:prefLabel"), Literal(text, language=lang), graph))
        quads.append(Quad(subject, node("rdfs:label"), Literal(text, language=lang), graph))
    quads += [Quad(subject, node("skos:altLabel"), Literal(t, language=lang), graph) for t, lang in alts]
    return quads


def document_quads(identifier: str, facts: list) -> list[Quad]:
    spec = ARTICLES[identifier]
    graph = NamedNode(doc_graph(identifier))
    article = NamedNode(ID("article-" + identifier.replace("_", "-")))
    text = article_text(identifier)
    quads = [Quad(article, node("rdf:type"), t, graph) for t in types_of("akg:NewsArticle")]
    quads += [
        Quad(article, node("dcterms:identifier"), Literal(identifier), graph),
        Quad(article, node("dcterms:title"), Literal(spec["title"], language="th"), graph),
        Quad(article, node("rdfs:label"), Literal(spec["title"], language="th"), graph),
        Quad(article, node("dcterms:issued"), _date(spec["issued"]), graph),
        Quad(article, node("schema:url"), NamedNode(spec["url"]), graph),
        Quad(graph, node("prov:wasDerivedFrom"), article, graph),
    ]
    if spec["text"]:
        quads.append(Quad(article, node("schema:text"), Literal(text), graph))
    named: set[str] = set()
    for sentence, anchors in spec["sentences"]:
        start = text.index(sentence)
        cursor = 0
        for anchor, slug in anchors:
            at = sentence.index(anchor, cursor)
            cursor = at + len(anchor)
            begin, end = start + at, start + at + len(anchor)
            assert text[begin:end] == anchor
            mention = NamedNode(ID(f"mention-{identifier.replace('_', '-')}-{begin}-{end}"))
            quads += [
                Quad(mention, node("rdf:type"), node("akg:Mention"), graph),
                Quad(mention, node("akg:mentionOf"), NamedNode(ID(slug)), graph),
                Quad(mention, node("akg:inDocument"), article, graph),
                Quad(mention, node("akg:beginIndex"), _int(begin), graph),
                Quad(mention, node("akg:endIndex"), _int(end), graph),
                Quad(mention, node("akg:anchorOf"), Literal(anchor), graph),
                Quad(mention, node("akg:sentence"), Literal(sentence), graph),
            ]
            named.add(slug)
    for s, _, o in facts:
        for slug in (s, o):
            if isinstance(slug, str) and slug in ENTITIES:
                named.add(slug)
    for slug in sorted(named):
        subject = NamedNode(ID(slug))
        quads.append(Quad(subject, node("akg:mentionedIn"), article, graph))
        if not ENTITIES[slug][3]:
            quads += label_quads(slug, graph)
    quads += [Quad(NamedNode(ID(s)), node(p), _term(o), graph) for s, p, o in facts]
    return quads


def small_store(root: Path) -> Path:
    """Write the small graph as the current generation of a store under ``root``."""
    generation = StoreDir(root).begin()
    store = generation.store
    assert store is not None
    store.bulk_extend(ontology_quads())
    lexicon = NamedNode(LEXICON_GRAPH)
    for slug, (_, _, _, curated) in ENTITIES.items():
        if curated:
            store.bulk_extend(label_quads(slug, lexicon))
    store.bulk_extend(document_quads("100_fixture", FACTS_100))
    store.bulk_extend(document_quads("101_fixture", FACTS_101))
    generation.commit({"documents": 2, "fixture": True})
    return root


@pytest.fixture(scope="module")
def small_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``aseankg serve`` on a free loopback port over :func:`small_store`."""
    root = small_store(tmp_path_factory.mktemp("small") / "store")
    server = start_server(root)
    yield server
    stop_server(server)


def first_ids(response) -> list[str]:
    """The result IRIs of a search response, without the namespace."""
    assert response.status_code == 200, response.text
    return [r["id"].removeprefix(entity_iri("")) for r in response.json()["results"]]
