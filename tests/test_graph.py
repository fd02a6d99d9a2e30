"""Extraction values → quads, on a small extraction written for the test."""

from __future__ import annotations


from pyoxigraph import NamedNode, Store

from aseankg.corpus import parse_document
from aseankg.extract.model import Entity, Extraction, Fact, Mention, Ref, Value
from aseankg.graph import article_slug, document_quads, lexicon_quads, ontology_quads, types_of
from aseankg.namespaces import AKG, AKGID, LEXICON_GRAPH, ONTOLOGY_GRAPH, doc_graph, expand

TEXT = (
    "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-หัวข้อทดสอบ\n\nวันจันทร์ที่ 3 กุมภาพันธ์ 2568\nหัวข้อทดสอบ\n"
    "นางสาวสมศรี ใจดี เข้าร่วมการประชุมครั้งที่ 7\nที่มา : https://example.org/n/7\n"
)


class Entry:
    def __init__(self, entity: Entity, facts: list[Fact]) -> None:
        self.entity = entity
        self.facts = facts


def make() -> tuple:
    doc = parse_document(TEXT.encode(), "t1")
    begin = TEXT.index("สมศรี ใจดี")
    person = Entity("somsri-chaidi", "akg:Person", {"th": "สมศรี ใจดี", "en": "Somsri Chaidi"}, {("นางสาวสมศรี ใจดี", "th")})
    meeting = Entity("adgmin-7", "akg:MinisterialMeeting", curated=False, labels={"th": "ครั้งที่ 7", "en": "ADGMIN 7"})
    extraction = Extraction(
        entities={"somsri-chaidi": person, "adgmin-7": meeting},
        mentions=[
            Mention("somsri-chaidi", begin, begin + 10, "สมศรี ใจดี", "s"),
            Mention("adgmin-7", begin, begin + 10, "สมศรี ใจดี", "s"),
        ],
        facts=[
            Fact("adgmin-7", "schema:attendee", Ref("somsri-chaidi")),
            Fact("adgmin-7", "akg:ordinal", Value("7", "xsd:integer")),
        ],
    )
    return doc, extraction


def test_document_graph_holds_article_entities_mentions_and_facts() -> None:
    doc, extraction = make()
    quads = document_quads(doc, extraction)
    graph = NamedNode(doc_graph("t1"))
    assert all(q.graph_name == graph for q in quads)
    store = Store()
    store.extend(quads)
    article = NamedNode(AKGID + article_slug("t1"))
    ask = lambda q: bool(store.query(q, use_default_graph_as_union=True))
    assert ask(f"ASK {{ {article} <http://purl.org/dc/terms/issued> \"2025-02-03\"^^<http://www.w3.org/2001/XMLSchema#date> }}")
    assert ask(f"ASK {{ <{graph.value}> <http://www.w3.org/ns/prov#wasDerivedFrom> {article} }}")
    # the article's whole text, the one its mentions' offsets index
    (text,) = [q.object for q in quads if q.subject == article and q.predicate.value == "https://schema.org/text"]
    assert text.value == TEXT and text.language == "th"
    assert all(text.value[m.begin : m.end] == m.anchor for m in extraction.mentions)
    # super-classes are materialised from the ontology
    assert ask(f"ASK {{ <{AKGID}adgmin-7> a <{AKG}Meeting>, <https://schema.org/Event> }}")
    # two entities named by one span: two mention nodes, each with exactly one mentionOf
    rows = list(store.query(f"SELECT ?m (COUNT(?e) AS ?n) WHERE {{ ?m <{AKG}mentionOf> ?e }} GROUP BY ?m", use_default_graph_as_union=True))
    assert len(rows) == 2 and all(r["n"].value == "1" for r in rows)
    assert ask(f'ASK {{ <{AKGID}somsri-chaidi> <http://www.w3.org/2004/02/skos/core#prefLabel> "Somsri Chaidi"@en }}')
    assert ask(f"ASK {{ <{AKGID}adgmin-7> <{AKG}ordinal> 7 }}")


def test_curated_names_stay_out_of_the_document_graph() -> None:
    doc, extraction = make()
    extraction.entities["somsri-chaidi"].curated = True
    labels = [q for q in document_quads(doc, extraction) if q.predicate.value.endswith("prefLabel") and q.subject.value.endswith("somsri-chaidi")]
    assert labels == []


def test_lexicon_graph_drops_facts_about_absent_entities() -> None:
    ministry = Entity("mx", "akg:Ministry", {"th": "กระทรวงเอ็กซ์", "en": "Ministry X"}, curated=True)
    country = Entity("cx", "akg:Country", {"th": "ประเทศเอ็กซ์", "en": "Country X"}, curated=True)
    fact = Fact("mx", "akg:country", Ref("cx"))
    alone = lexicon_quads([Entry(ministry, [fact])])
    assert all(q.graph_name == NamedNode(LEXICON_GRAPH) for q in alone)
    assert not any(q.predicate.value == expand("akg:country") for q in alone)
    both = lexicon_quads([Entry(ministry, [fact]), Entry(country, [])])
    assert any(q.predicate.value == expand("akg:country") for q in both)


def test_ontology_has_its_own_graph_and_hierarchy() -> None:
    quads = ontology_quads()
    assert quads and all(q.graph_name == NamedNode(ONTOLOGY_GRAPH) for q in quads)
    names = {t.value for t in types_of("akg:Ministry")}
    assert {expand("akg:Ministry"), expand("akg:Organization")} <= names


def test_every_entity_of_a_built_graph_has_one_thai_and_one_english_preflabel(tmp_path) -> None:
    """Every entity a build produces (from the five articles and the test articles) is named in
    Thai and in English, once each; a lexicon entity by the lexicon's names, in the lexicon
    graph (a government is generated from its country's entry), never by an article's graph."""
    from conftest import ROOT, run_cli
    from pyoxigraph import Store

    from aseankg.lexicon import load_lexicon

    store_dir = tmp_path / "store"
    folders = [ROOT / "data" / "documents", ROOT / "tests" / "fixtures" / "blind", ROOT / "tests" / "fixtures" / "unseen"]
    result = run_cli("build", *map(str, folders), "--store", str(store_dir))
    assert result.returncode in (0, 2), result.stderr  # 2: a test article refused, the rest built
    store = Store.read_only(str(next((store_dir / "generations").glob("*/oxigraph"))))
    rows = store.query(
        f"""SELECT ?e (COUNT(DISTINCT ?th) AS ?nth) (COUNT(DISTINCT ?en) AS ?nen)
        WHERE {{ {{ SELECT DISTINCT ?e {{ ?e a ?c . FILTER(STRSTARTS(STR(?e), "{AKGID}"))
                 FILTER NOT EXISTS {{ ?e a <{AKG}Mention> }} FILTER NOT EXISTS {{ ?e a <{AKG}NewsArticle> }} }} }}
                 OPTIONAL {{ ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?th FILTER(LANG(?th) = "th") }}
                 OPTIONAL {{ ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?en FILTER(LANG(?en) = "en") }} }} GROUP BY ?e"""
    )
    counts = {r["e"].value.removeprefix(AKGID): (int(r["nth"].value), int(r["nen"].value)) for r in rows}
    assert len(counts) > 150 and "government-of-thailand" in counts
    assert {e: c for e, c in counts.items() if c != (1, 1)} == {}
    lexicon = load_lexicon()
    curated = [s for s in counts if s in lexicon.entries]
    assert len(curated) > 50
    for slug in curated:
        found = {
            (q.object.language, q.object.value, q.graph_name.value)
            for q in store.quads_for_pattern(NamedNode(AKGID + slug), NamedNode(expand("skos:prefLabel")), None)
            if isinstance(q.graph_name, NamedNode)
        }
        labels = lexicon.entries[slug].entity.labels
        assert {(lang, text) for lang, text, _ in found} == {("th", labels["th"]), ("en", labels["en"])}, slug
        # the lexicon graph (a fixed meeting series is also named by the ontology)
        assert {graph for _, _, graph in found} - {ONTOLOGY_GRAPH} == {LEXICON_GRAPH}, slug
