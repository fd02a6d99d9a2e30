"""Stores written for the endpoint tests, in the shape of docs/mapping.md, with invented data.

- :func:`small_store`: two document graphs, the lexicon graph and the ontology graph; a fact
  stated by both documents (it must appear once in the union), labels in th / en / th-Latn,
  dates of three precisions, mentions whose sentences hold tabs, quotes and newlines, and a
  blank node.
- :func:`big_store`: 120,000 triples with long literals, for the streaming tests.

Both are written with the real :class:`StoreDir`, so a real ``aseankg serve`` reads them.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from aseankg.graph import ontology_quads, types_of
from aseankg.namespaces import LEXICON_GRAPH, doc_graph, entity_iri, node
from aseankg.store import StoreDir

DOC_A = "900_endpoint_a"
DOC_B = "901_endpoint_b"
GRAPH_A = doc_graph(DOC_A)
GRAPH_B = doc_graph(DOC_B)
BIG_ROWS = 120_000
BIG_NOTE = "บันทึกทดสอบการสตรีม streaming test note " * 12  # about 500 characters


def _id(slug: str) -> NamedNode:
    return NamedNode(entity_iri(slug))


def _date(value: str) -> Literal:
    datatype = {10: "xsd:date", 7: "xsd:gYearMonth", 4: "xsd:gYear"}[len(value)]
    return Literal(value, datatype=node(datatype))


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=node("xsd:integer"))


def _labels(slug: str, cls: str, th: str, en: str, graph: NamedNode, alts=()) -> list[Quad]:
    s = _id(slug)
    quads = [Quad(s, node("rdf:type"), t, graph) for t in types_of(cls)]
    for text, lang in ((th, "th"), (en, "en")):
        quads += [
            Quad(s, node("skos:prefLabel"), Literal(text, language=lang), graph),
            Quad(s, node("rdfs:label"), Literal(text, language=lang), graph),
        ]
    quads += [Quad(s, node("skos:altLabel"), Literal(text, language=lang), graph) for text, lang in alts]
    return quads


def _article(identifier: str, title: str, issued: str) -> tuple[NamedNode, NamedNode, list[Quad]]:
    graph = NamedNode(doc_graph(identifier))
    article = _id("article-" + identifier.replace("_", "-"))
    quads = [Quad(article, node("rdf:type"), t, graph) for t in types_of("akg:NewsArticle")]
    quads += [
        Quad(article, node("dcterms:identifier"), Literal(identifier), graph),
        Quad(article, node("dcterms:title"), Literal(title, language="th"), graph),
        Quad(article, node("rdfs:label"), Literal(title, language="th"), graph),
        Quad(article, node("dcterms:issued"), _date(issued), graph),
        Quad(article, node("schema:url"), NamedNode(f"https://news.invalid/{identifier}?a=1&b=2"), graph),
        Quad(graph, node("prov:wasDerivedFrom"), article, graph),
    ]
    return graph, article, quads


def _mention(identifier: str, graph: NamedNode, article: NamedNode, slug: str, begin: int, anchor: str, sentence: str) -> list[Quad]:
    m = _id(f"mention-{identifier.replace('_', '-')}-{begin}-{begin + len(anchor)}")
    return [
        Quad(m, node("rdf:type"), node("akg:Mention"), graph),
        Quad(m, node("akg:mentionOf"), _id(slug), graph),
        Quad(m, node("akg:inDocument"), article, graph),
        Quad(m, node("akg:beginIndex"), _int(begin), graph),
        Quad(m, node("akg:endIndex"), _int(begin + len(anchor)), graph),
        Quad(m, node("akg:anchorOf"), Literal(anchor), graph),
        Quad(m, node("akg:sentence"), Literal(sentence), graph),
        Quad(_id(slug), node("akg:mentionedIn"), article, graph),
    ]


def small_quads() -> list[Quad]:
    """The small dataset (also used to check exports against)."""
    lexicon = NamedNode(LEXICON_GRAPH)
    quads = list(ontology_quads())
    quads += _labels("ministry-of-tests", "akg:Ministry", "กระทรวงการทดสอบ", "Ministry of Tests", lexicon,
                     alts=[("กท.", "th"), ("MoT", "en")])
    quads += _labels("testland", "akg:Country", "ประเทศทดสอบ", "Testland", lexicon)

    graph_a, article_a, more = _article(DOC_A, "ข่าวทดสอบ ก", "2025-01-17")
    quads += more
    quads += _labels("meeting-of-tests-7", "akg:MinisterialMeeting", "การประชุมทดสอบ ครั้งที่ 7", "The 7th Test Meeting", graph_a)
    quads += _labels("kanya-thotsop", "akg:Person", "กัญญา ทดสอบ", "Kanya Thotsop", graph_a)
    quads.append(Quad(_id("kanya-thotsop"), node("skos:prefLabel"), Literal("Kanya Thotsop", language="th-Latn"), graph_a))
    m7 = _id("meeting-of-tests-7")
    quads += [
        Quad(m7, node("akg:ordinal"), _int(7), graph_a),
        Quad(m7, node("schema:startDate"), _date("2025-01-16"), graph_a),
        Quad(m7, node("schema:endDate"), _date("2025-01"), graph_a),
        Quad(m7, node("schema:location"), _id("testland"), graph_a),
        Quad(m7, node("schema:attendee"), _id("kanya-thotsop"), graph_a),
        Quad(m7, node("schema:attendee"), _id("ministry-of-tests"), graph_a),
    ]
    sentence = 'กัญญา ทดสอบ\tเข้าร่วม "การประชุมทดสอบ"\nครั้งที่ 7, ที่ประเทศทดสอบ'
    quads += _mention(DOC_A, graph_a, article_a, "kanya-thotsop", 40, "กัญญา ทดสอบ", sentence)
    quads += _mention(DOC_A, graph_a, article_a, "ministry-of-tests", 80, "กท.", "กท. แถลง")
    quads += _mention(DOC_A, graph_a, article_a, "meeting-of-tests-7", 90, "การประชุมทดสอบ", sentence)
    # A blank node (an unnamed note) so that every syntax meets one.
    note = BlankNode("note1")
    quads += [
        Quad(m7, node("rdfs:seeAlso"), note, graph_a),
        Quad(note, node("rdfs:comment"), Literal("a note, with a comma; and \"quotes\"", language="en"), graph_a),
    ]

    graph_b, article_b, more = _article(DOC_B, "ข่าวทดสอบ ข", "2024-03")
    quads += more
    quads += _labels("kanya-thotsop", "akg:Person", "กัญญา ทดสอบ", "Kanya Thotsop", graph_b)  # stated again
    quads += [
        Quad(m7, node("schema:attendee"), _id("kanya-thotsop"), graph_b),  # the same fact, second document
        Quad(m7, node("akg:ordinal"), _int(7), graph_b),
    ]
    quads += _mention(DOC_B, graph_b, article_b, "kanya-thotsop", 12, "กัญญา", "กัญญา กล่าว")
    return quads


def _write(root: Path, quads) -> Path:
    generation = StoreDir(root).begin()
    assert generation.store is not None
    generation.store.bulk_extend(quads)
    generation.commit({"documents": [], "note": "written by tests/web/sparql_fixture.py"})
    return root


def small_store(root: Path) -> Path:
    """Write the small dataset as the current generation of a store directory ``root``."""
    return _write(root, small_quads())


def big_quads(rows: int = BIG_ROWS):
    graph = NamedNode(doc_graph("999_big"))
    predicate = node("akg:note")
    for i in range(rows):
        yield Quad(_id(f"item-{i:06d}"), predicate, Literal(f"{BIG_NOTE}{i}"), graph)


def big_store(root: Path, rows: int = BIG_ROWS) -> Path:
    """A store of ``rows`` triples, each with a literal of about 500 characters."""
    return _write(root, big_quads(rows))
