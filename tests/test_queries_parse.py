"""The competency queries (queries/*.rq): they parse, say their question in Thai and English,
use only defined terms, and answer right on a small dataset shaped as docs/mapping.md says.

The dataset below is written for these tests (facts as CONTRACT.md's answers state them),
so the queries' logic is checked before extraction produces the real graph.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF

from aseankg.namespaces import AKG, AKGID, DOC_GRAPH, LEXICON_GRAPH, ONTOLOGY_GRAPH
from aseankg.paths import ONTOLOGY_FILE, QUERIES_DIR

NAMES = [
    "01-adgmin-meetings.rq",
    "02-adgmin-5-attendees.rq",
    "03-posts-of-prasert.rq",
    "04-mous-of-mdes.rq",
    "05-wg-as.rq",
    "06-wisit-mentions.rq",
    "07-bilateral-talks-at-adgmin-5.rq",
    "08-ministry-called-de.rq",
    "09-senior-officials-meetings.rq",
    "10-wg-as-neighbourhood.rq",
]
THAI = re.compile(r"[\u0E00-\u0E7F]")


def text(name: str) -> str:
    return (QUERIES_DIR / name).read_text(encoding="utf-8")


def test_the_ten_queries_are_there() -> None:
    assert sorted(p.name for p in QUERIES_DIR.glob("*.rq")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_query_parses_and_runs_on_an_empty_store(name: str) -> None:
    solutions = ox.Store().query(text(name))
    assert list(solutions) == []


@pytest.mark.parametrize("name", NAMES)
def test_query_states_its_question_in_thai_and_english(name: str) -> None:
    header = [line for line in text(name).splitlines() if line.startswith("#")]
    th = [line for line in header if line.startswith("# th: ")]
    en = [line for line in header if line.startswith("# en: ")]
    assert len(th) == 1 and THAI.search(th[0])
    assert len(en) == 1 and re.search(r"[A-Za-z]{4}", en[0])
    assert th[0].rstrip().endswith("?") or "ตามต้องการ" in th[0]
    assert 'VALUES ?lang { "en" }' in text(name) or name == "06-wisit-mentions.rq"


@pytest.mark.parametrize("name", NAMES)
def test_query_uses_only_terms_of_the_ontology(name: str) -> None:
    ontology = rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")
    defined = {str(s) for s in ontology.subjects() if str(s).startswith(AKG)}
    series = {str(s) for s in ontology.subjects(RDF.type, OWL.NamedIndividual) if str(s).startswith(AKGID)}
    body = "\n".join(line for line in text(name).splitlines() if not line.lstrip().startswith("#"))
    for local in re.findall(r"\bakg:([A-Za-z]+)", body):
        assert AKG + local in defined, local
    for local in re.findall(r"\bakgid:(series-[a-z-]+)", body):
        assert AKGID + local in series, local


# --- the answers on a dataset shaped like the mapping ------------------------------------------------

ENTITIES = {
    # slug: (class, th, en)
    "prasert-jantararuangtong": ("Person", "ประเสริฐ จันทรรวงทอง", "Prasert Jantararuangtong"),
    "wisit-wisitsora-at": ("Person", "วิศิษฏ์ วิศิษฏ์สรอรรถ", "Wisit Wisitsora-at"),
    "mya-tun-oo": ("Person", "เมีย ตุน โอ", "Mya Tun Oo"),
    "kao-kim-hourn": ("Person", "เกา คิม ฮอร์น", "Kao Kim Hourn"),
    "mdes": ("Ministry", "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "Ministry of Digital Economy and Society"),
    "mptc": ("Ministry", "กระทรวงการไปรษณีย์และโทรคมนาคม", "Ministry of Posts and Telecommunications"),
    "asean": ("InternationalOrganization", "อาเซียน", "ASEAN"),
    "asean-secretariat": ("InternationalOrganization", "สำนักเลขาธิการอาเซียน", "ASEAN Secretariat"),
    "itu": ("InternationalOrganization", "สหภาพโทรคมนาคมระหว่างประเทศ", "International Telecommunication Union"),
    "thailand": ("Country", "ไทย", "Thailand"),
    "myanmar": ("Country", "เมียนมา", "Myanmar"),
    "cambodia": ("Country", "กัมพูชา", "Cambodia"),
    "singapore": ("Country", "สิงคโปร์", "Singapore"),
    "philippines": ("Country", "ฟิลิปปินส์", "Philippines"),
    "indonesia": ("Country", "อินโดนีเซีย", "Indonesia"),
    "boracay": ("Place", "เกาะโบราไคย์", "Boracay"),
    "bali": ("Place", "เกาะบาหลี", "Bali"),
    "avani-riverside-bangkok": ("Place", "โรงแรมอวานี พลัส ริเวอร์ไซด์", "Avani+ Riverside Bangkok"),
    "bangkok": ("Place", "กรุงเทพฯ", "Bangkok"),
    "wg-as": ("WorkingGroup", "คณะทำงานอาเซียนด้านการป้องกันปัญหาการหลอกลวงผ่านสื่อออนไลน์",
              "ASEAN Working Group on Anti-Online Scam"),
    "adgmin-3": ("MinisterialMeeting", "การประชุม ADGMIN ครั้งที่ 3", "The 3rd ADGMIN"),
    "adgmin-4": ("MinisterialMeeting", "การประชุม ADGMIN ครั้งที่ 4", "The 4th ADGMIN"),
    "adgmin-5": ("MinisterialMeeting", "การประชุม ADGMIN ครั้งที่ 5", "The 5th ADGMIN"),
    "adgsom-3": ("SeniorOfficialsMeeting", "การประชุม ADGSOM ครั้งที่ 3", "The 3rd ADGSOM"),
    "adgsom-5": ("SeniorOfficialsMeeting", "การประชุม ADGSOM ครั้งที่ 5", "The 5th ADGSOM"),
    "series-adgsom-atrc-retreat": ("MeetingSeries", "การประชุมผู้นำ ADGSOM-ATRC อย่างไม่เป็นทางการ",
                                   "ADGSOM-ATRC Leaders' Retreat"),
    "adgsom-atrc-retreat-2": ("SeniorOfficialsMeeting", "การประชุมผู้นำ ADGSOM-ATRC ครั้งที่ 2",
                              "The 2nd ADGSOM-ATRC Leaders' Retreat"),
    "wg-as-1": ("WorkingGroupMeeting", "การประชุม WG-AS ครั้งที่ 1", "The 1st WG-AS meeting"),
    "talks-thailand-myanmar": ("BilateralMeeting", "การหารือทวิภาคีไทย-เมียนมา", "Thailand–Myanmar bilateral talks"),
    "talks-thailand-asean-sg": ("BilateralMeeting", "การหารือทวิภาคีไทย-เลขาธิการอาเซียน",
                                "Thailand–ASEAN Secretary-General bilateral talks"),
    "mou-mdes-mptc": ("MoU", "บันทึกความเข้าใจ ดีอี-กระทรวงไปรษณีย์ฯ กัมพูชา", "MDES–MPTC MoU"),
    "mou-asean-itu": ("MoU", "ร่างบันทึกความเข้าใจ อาเซียน-ITU", "Draft ASEAN–ITU MoU"),
    "position-prasert-jantararuangtong-minister-of-digital-economy-and-society": (
        "Position", "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม — ประเสริฐ จันทรรวงทอง",
        "Minister of Digital Economy and Society — Prasert Jantararuangtong"),
    "position-prasert-jantararuangtong-deputy-prime-minister": (
        "Position", "รองนายกรัฐมนตรี — ประเสริฐ จันทรรวงทอง", "Deputy Prime Minister — Prasert Jantararuangtong"),
    "position-kao-kim-hourn-secretary-general-of-asean": (
        "Position", "เลขาธิการอาเซียน — เกา คิม ฮอร์น", "Secretary-General of ASEAN — Kao Kim Hourn"),
}
MINISTER = "position-prasert-jantararuangtong-minister-of-digital-economy-and-society"
DPM = "position-prasert-jantararuangtong-deputy-prime-minister"
SG = "position-kao-kim-hourn-secretary-general-of-asean"

CURATED = """
akgid:mdes skos:altLabel "ดีอี"@th , "ดีอีเอส"@th , "ดศ."@th , "MDES"@en ; akg:country akgid:thailand .
akgid:mptc akg:country akgid:cambodia .
akgid:thailand akg:memberOf akgid:asean .
akgid:asean-secretariat akg:partOf akgid:asean .
akgid:wg-as skos:altLabel "WG-AS"@en .
"""

# document identifier -> (issued, entities it names, its facts)
DOCUMENTS = {
    "000": ("2025-01-17", ["prasert-jantararuangtong", "wisit-wisitsora-at", "mya-tun-oo", "mdes", "thailand", "myanmar",
                           "adgmin-5", "avani-riverside-bangkok", "bangkok", "talks-thailand-myanmar", MINISTER, DPM], f"""
        akgid:adgmin-5 akg:series akgid:series-adgmin ; akg:ordinal 5 ; schema:location akgid:avani-riverside-bangkok .
        akgid:avani-riverside-bangkok schema:containedInPlace akgid:bangkok .
        akgid:bangkok akg:country akgid:thailand .
        akgid:talks-thailand-myanmar schema:superEvent akgid:adgmin-5 ; schema:startDate "2025-01-16"^^xsd:date ;
            schema:attendee akgid:prasert-jantararuangtong , akgid:mya-tun-oo , akgid:wisit-wisitsora-at , akgid:myanmar ;
            akg:topic "ความมั่นคงด้านดิจิทัล"@th .
        akgid:{MINISTER} akg:holder akgid:prasert-jantararuangtong ; akg:organization akgid:mdes ;
            akg:title "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"@th , "Minister of Digital Economy and Society"@en ;
            akg:attestedOn "2025-01-17"^^xsd:date .
        akgid:{DPM} akg:holder akgid:prasert-jantararuangtong ; akg:organization akgid:mdes ;
            akg:title "รองนายกรัฐมนตรี"@th ; akg:attestedOn "2025-01-17"^^xsd:date .
        akgid:prasert-jantararuangtong akg:holds akgid:{MINISTER} , akgid:{DPM} .
    """),
    "001": ("2024-03-07", ["prasert-jantararuangtong", "wisit-wisitsora-at", "mdes", "mptc", "thailand", "cambodia",
                           "singapore", "adgmin-4", "wg-as", "wg-as-1", "mou-mdes-mptc", MINISTER], f"""
        akgid:adgmin-4 akg:series akgid:series-adgmin ; akg:ordinal 4 ; schema:startDate "2024-02"^^xsd:gYearMonth ;
            schema:location akgid:singapore ; akg:viceChair akgid:prasert-jantararuangtong .
        akgid:wg-as akg:proposedBy akgid:thailand , akgid:mdes .
        akgid:wg-as-1 akg:series akgid:series-wg-as ; akg:ordinal 1 ; schema:startDate "2024-03"^^xsd:gYearMonth ;
            schema:location akgid:cambodia .
        akgid:mou-mdes-mptc akg:party akgid:mdes , akgid:mptc ; akg:status akg:Signed ;
            akg:topic "ความร่วมมือด้านการปราบปรามแก๊ง Call Center และ Hybrid Scam"@th ,
                      "suppressing call-centre gangs and hybrid scams"@en .
        akgid:{MINISTER} akg:holder akgid:prasert-jantararuangtong ; akg:organization akgid:mdes ;
            akg:title "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"@th , "Minister of Digital Economy and Society"@en ;
            akg:attestedOn "2024-03-07"^^xsd:date .
        akgid:prasert-jantararuangtong akg:holds akgid:{MINISTER} .
    """),
    "002": ("2025-01-17", ["prasert-jantararuangtong", "wisit-wisitsora-at", "kao-kim-hourn", "mdes", "thailand",
                           "asean-secretariat", "adgmin-5", "adgsom-5", "talks-thailand-asean-sg", "wg-as", SG], f"""
        akgid:adgmin-5 akg:series akgid:series-adgmin ; akg:ordinal 5 ; akg:hostCountry akgid:thailand .
        akgid:talks-thailand-asean-sg schema:superEvent akgid:adgmin-5 ; schema:startDate "2025-01-16"^^xsd:date ;
            schema:attendee akgid:prasert-jantararuangtong , akgid:wisit-wisitsora-at , akgid:kao-kim-hourn .
        akgid:adgsom-5 akg:series akgid:series-adgsom ; akg:ordinal 5 ; schema:startDate "2025"^^xsd:gYear .
        akgid:{SG} akg:holder akgid:kao-kim-hourn ; akg:organization akgid:asean-secretariat ;
            akg:title "เลขาธิการอาเซียน"@th , "Secretary-General of ASEAN"@en ; akg:attestedOn "2025-01-17"^^xsd:date .
        akgid:kao-kim-hourn akg:holds akgid:{SG} .
    """),
    "003": ("2023-03-21", ["mdes", "asean", "itu", "philippines", "boracay", "adgmin-3", "adgmin-4", "adgsom-3",
                           "mou-asean-itu", "singapore"], """
        akgid:adgmin-3 akg:series akgid:series-adgmin ; akg:ordinal 3 ; schema:startDate "2023-02-09"^^xsd:date ;
            schema:endDate "2023-02-10"^^xsd:date ; schema:location akgid:boracay .
        akgid:boracay akg:country akgid:philippines .
        akgid:adgmin-4 akg:series akgid:series-adgmin ; akg:ordinal 4 ; schema:startDate "2024"^^xsd:gYear ;
            akg:hostCountry akgid:singapore .
        akgid:adgsom-3 akg:series akgid:series-adgsom ; akg:ordinal 3 ; schema:startDate "2023"^^xsd:gYear .
        akgid:mou-asean-itu akg:party akgid:asean , akgid:itu ; akg:status akg:Draft .
    """),
    "004": ("2023-08-25", ["wisit-wisitsora-at", "mdes", "indonesia", "bali", "series-adgsom-atrc-retreat",
                           "adgsom-atrc-retreat-2", "wg-as", "adgmin-4"], """
        akgid:adgsom-atrc-retreat-2 akg:series akgid:series-adgsom-atrc-retreat ; akg:ordinal 2 ;
            schema:startDate "2023-08-24"^^xsd:date ; schema:endDate "2023-08-25"^^xsd:date ; schema:location akgid:bali .
        akgid:bali akg:country akgid:indonesia .
        akgid:wg-as akg:proposedBy akgid:mdes .
    """),
}
WISIT_MENTIONS = {"000": 2, "001": 1, "002": 1, "004": 1}

PREFIXES = """
@prefix akg: <https://w3id.org/aseankg/ontology#> . @prefix akgid: <https://w3id.org/aseankg/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
    lexicon = PREFIXES + CURATED
    for slug, (cls, th, en) in ENTITIES.items():
        if not slug.startswith("position-"):
            lexicon += (f'akgid:{slug} a akg:{cls} ; skos:prefLabel "{th}"@th , "{en}"@en ;'
                        f' rdfs:label "{th}"@th , "{en}"@en .\n')
    store.load(lexicon, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(LEXICON_GRAPH))
    for identifier, (issued, named, facts) in DOCUMENTS.items():
        graph = DOC_GRAPH + identifier
        doc = PREFIXES + f"""
            akgid:article-{identifier} a akg:NewsArticle ; dcterms:identifier "{identifier}" ;
                dcterms:title "ข่าว {identifier}"@th ; dcterms:issued "{issued}"^^xsd:date .
            <{graph}> prov:wasDerivedFrom akgid:article-{identifier} .
        """ + facts
        for slug in named:
            doc += f"akgid:{slug} akg:mentionedIn akgid:article-{identifier} .\n"
            cls, th, en = ENTITIES[slug]
            if slug.startswith("position-"):
                doc += (f'akgid:{slug} a akg:{cls} ; skos:prefLabel "{th}"@th , "{en}"@en ;'
                        f' rdfs:label "{th}"@th , "{en}"@en .\n')
        for n in range(WISIT_MENTIONS.get(identifier, 0)):
            begin = 100 * (n + 1)
            doc += (f"akgid:mention-{identifier}-{begin}-{begin + 7} a akg:Mention ; akg:mentionOf akgid:wisit-wisitsora-at ;"
                    f" akg:inDocument akgid:article-{identifier} ; akg:beginIndex {begin} ; akg:endIndex {begin + 7} ;"
                    f' akg:anchorOf "วิศิษฏ์" ; akg:sentence "ประโยคที่ {n} ของข่าว {identifier}" .\n')
        store.load(doc, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
    # materialise super-classes, as the graph mapper does
    store.update("""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        INSERT { GRAPH ?g { ?x a ?super } }
        WHERE { GRAPH ?g { ?x a ?cls } FILTER(?g != <%s>)
                GRAPH <%s> { ?cls rdfs:subClassOf+ ?super } FILTER(isIRI(?super)) }
    """ % (ONTOLOGY_GRAPH, ONTOLOGY_GRAPH))
    return store


def parts(value: str | None) -> list[str]:
    """The items of a GROUP_CONCAT, in order (the engine's order is not defined)."""
    return sorted(value.split(", ")) if value else []


def run(store: ox.Store, name: str, lang: str = "en") -> list[dict[str, str | None]]:
    query = text(name).replace('VALUES ?lang { "en" }', f'VALUES ?lang {{ "{lang}" }}')
    solutions = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in solutions]


def test_store_of_the_answers_conforms_to_the_shapes(store: ox.Store) -> None:
    from aseankg.validate import validate_nquads

    report = validate_nquads(store.dump(format=ox.RdfFormat.N_QUADS))
    assert [v for v in report.violations if v.severity == "Violation"] == []


def test_q1_adgmin_meetings(store: ox.Store) -> None:
    rows = run(store, "01-adgmin-meetings.rq")
    assert [(r["ordinal"], parts(r["startDates"]), parts(r["endDates"]), parts(r["places"]), parts(r["inPlaces"]),
             parts(r["countries"]), parts(r["hosts"]), parts(r["datesOfTalksDuringIt"])) for r in rows] == [
        ("3", ["2023-02-09"], ["2023-02-10"], ["Boracay"], [], ["Philippines"], [], []),
        ("4", ["2024-02"], [], ["Singapore"], [], ["Singapore"], ["Singapore"], []),  # "2024" refined by "2024-02"
        ("5", [], [], ["Avani+ Riverside Bangkok"], ["Bangkok"], ["Thailand"], ["Thailand"], ["2025-01-16"]),
    ]
    assert run(store, "01-adgmin-meetings.rq", "th")[2]["hosts"] == "ไทย"


def test_q2_attendees_of_adgmin_5(store: ox.Store) -> None:
    assert [r["name"] for r in run(store, "02-adgmin-5-attendees.rq")] == [
        "Kao Kim Hourn", "Mya Tun Oo", "Prasert Jantararuangtong", "Wisit Wisitsora-at",
    ]


def test_q3_posts_of_prasert(store: ox.Store) -> None:
    rows = run(store, "03-posts-of-prasert.rq")
    assert [(r["title"], r["identifier"], r["issued"], r["organizationName"]) for r in rows] == [
        ("Minister of Digital Economy and Society", "001", "2024-03-07", "Ministry of Digital Economy and Society"),
        ("Minister of Digital Economy and Society", "000", "2025-01-17", "Ministry of Digital Economy and Society"),
        ("รองนายกรัฐมนตรี", "000", "2025-01-17", "Ministry of Digital Economy and Society"),
    ]


def test_q4_mous_of_mdes(store: ox.Store) -> None:
    rows = run(store, "04-mous-of-mdes.rq")
    assert [(r["name"], r["involvedAs"], r["with"], r["topics"], r["statusName"]) for r in rows] == [
        ("Draft ASEAN–ITU MoU", "ASEAN", "International Telecommunication Union", None, "Draft"),
        ("MDES–MPTC MoU", "Ministry of Digital Economy and Society", "Ministry of Posts and Telecommunications",
         "suppressing call-centre gangs and hybrid scams", "Signed"),
    ]
    assert {r["statusName"] for r in run(store, "04-mous-of-mdes.rq", "th")} == {"ร่าง", "ลงนามแล้ว"}


def test_q5_wg_as(store: ox.Store) -> None:
    (row,) = run(store, "05-wg-as.rq")
    assert row["name"] == "ASEAN Working Group on Anti-Online Scam"
    assert row["alsoCalled"] == "WG-AS"
    assert sorted(row["proposedBy"].split(", ")) == ["Ministry of Digital Economy and Society", "Thailand"]
    assert (row["firstMeeting"], row["firstMeetingDates"], row["firstMeetingPlaces"]) == (
        AKGID + "wg-as-1", "2024-03", "Cambodia")


def test_q6_mentions_of_wisit(store: ox.Store) -> None:
    rows = run(store, "06-wisit-mentions.rq")
    assert [(r["identifier"], r["begin"]) for r in rows] == [
        ("000", "100"), ("000", "200"), ("001", "100"), ("002", "100"), ("004", "100"),
    ]
    assert rows[0]["sentence"] == "ประโยคที่ 0 ของข่าว 000"


def test_q7_bilateral_talks_at_adgmin_5(store: ox.Store) -> None:
    rows = run(store, "07-bilateral-talks-at-adgmin-5.rq")
    assert sorted((r["counterpartName"], r["through"], r["throughPosts"]) for r in rows) == [
        ("ASEAN Secretariat", "Kao Kim Hourn", "Secretary-General of ASEAN"),
        ("Myanmar", None, None),
    ]


def test_q8_english_name_of_de(store: ox.Store) -> None:
    assert [(r["name"], r["alsoCalled"]) for r in run(store, "08-ministry-called-de.rq")] == [
        ("Ministry of Digital Economy and Society", "MDES"),
    ]


def test_q9_senior_officials_meetings(store: ox.Store) -> None:
    rows = run(store, "09-senior-officials-meetings.rq")
    assert [(r["seriesName"], r["ordinal"], r["startDates"], r["endDates"], parts(r["places"]) + parts(r["countries"]))
            for r in rows] == [
        ("ADGSOM-ATRC Leaders' Retreat", "2", "2023-08-24", "2023-08-25", ["Bali", "Indonesia"]),
        ("ASEAN Digital Senior Officials' Meeting", "3", "2023", None, []),
        ("ASEAN Digital Senior Officials' Meeting", "5", "2025", None, []),
    ]


def test_q10_neighbourhood_of_wg_as(store: ox.Store) -> None:
    rows = run(store, "10-wg-as-neighbourhood.rq", "th")
    edges = {(r["hop"], r["subject"].removeprefix(AKGID), r["property"].rsplit("#", 1)[-1].rsplit("/", 1)[-1],
              r["object"].removeprefix(AKGID)) for r in rows}
    assert ("1", "wg-as", "proposedBy", "thailand") in edges
    assert ("1", "series-wg-as", "organizer", "wg-as") in edges
    assert ("1", "wg-as", "mentionedIn", "article-001") in edges
    assert ("2", "wg-as-1", "series", "series-wg-as") in edges
    assert ("2", "thailand", "memberOf", "asean") in edges
    assert ("2", "mdes", "country", "thailand") in edges
    assert not any(hop == "2" and s.startswith("article-") for hop, s, _, _ in edges), "articles are not walked"
    assert not any(p == "type" for _, _, p, _ in edges)
    names = {r["subject"].removeprefix(AKGID): r["subjectName"] for r in rows}
    assert names["wg-as"] == "คณะทำงานอาเซียนด้านการป้องกันปัญหาการหลอกลวงผ่านสื่อออนไลน์"
    assert {r["propertyName"] for r in rows if r["property"].endswith("#proposedBy")} == {"ผู้เสนอ"}
