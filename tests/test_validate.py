"""The SHACL step: for every shape a conforming and a violating fixture, with the exact result.

Each fixture is a few triples added to ``fixtures/shapes/context.ttl`` (a small conforming
document graph). A violating fixture breaks one rule; the test asserts the complete list of
results: focus node, path, value, the shape that failed, and its message in English and Thai.
Every test that validates runs under both engines (``engine`` fixture): the Oxigraph engine
and pyshacl, the reference; and the two must report exactly the same results.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.namespace import RDF, SH

from aseankg.namespaces import ONTOLOGY_GRAPH as ONTOLOGY
from aseankg.namespaces import expand
from aseankg.paths import ONTOLOGY_FILE, SHAPES_FILE
from aseankg.validate import (
    ENGINES,
    Report,
    UnsupportedShapes,
    Violation,
    format_report,
    load_ontology,
    load_plan,
    load_shapes,
    validate_documents,
    validate_graph,
    validate_nquads,
    validate_quads,
    validate_store,
)

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
CONTEXT = (FIXTURES / "context.ttl").read_text(encoding="utf-8")
SHAPES_NS = "https://w3id.org/aseankg/shapes#"


def ent(iri: str, cls: str, th: str, en: str, more: str = "") -> str:
    """A conforming entity: class, both prefLabels (repeated as rdfs:label), mentionedIn."""
    return (
        f'{iri} a {cls} ; skos:prefLabel "{th}"@th , "{en}"@en ; rdfs:label "{th}"@th , "{en}"@en ;\n'
        f"    akg:mentionedIn akgid:article-t {';' if more else ''} {more} .\n"
    )


def graph(extra: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=CONTEXT + "\n" + extra, format="turtle")


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


_RUNS: dict[tuple, Report] = {}


def check(extra: str, engine: str, lang: str = "en", document: str | None = None) -> Report:
    """The report for the context plus ``extra`` (kept, so the engines' agreement test reuses
    what the fixture tests computed: pyshacl is slow)."""
    key = (extra, engine, lang, document)
    if key not in _RUNS:
        _RUNS[key] = validate_graph(graph(extra), lang=lang, document=document, engine=engine)
    return _RUNS[key]


def curie(text: str | None) -> str | None:
    """Expand an akgid:/akg: CURIE used in the expectations below to the IRI the report gives."""
    if text is None or not re.fullmatch(r"(akgid|akg):[\w-]+", text):
        return text
    return expand(text)


# --- messages: the exact text of each rule, as users read it --------------------------------

MESSAGES: dict[str, tuple[str, str]] = {
    "prefLabel-languages": (
        "A skos:prefLabel has a language tag: Thai (th, or th-Latn for a romanisation) or English (en).",
        "skos:prefLabel ต้องมีแท็กภาษา: ภาษาไทย (th หรือ th-Latn สำหรับการถอดเป็นอักษรโรมัน) หรือภาษาอังกฤษ (en)",
    ),
    "prefLabel-unique": ("At most one skos:prefLabel per language tag.", "skos:prefLabel มีได้ไม่เกินหนึ่งค่าต่อแท็กภาษา"),
    "prefLabel-th": ("Every entity has a Thai skos:prefLabel (@th).", "ทุกสิ่งต้องมี skos:prefLabel ภาษาไทย (@th)"),
    "prefLabel-en": ("Every entity has an English skos:prefLabel (@en).", "ทุกสิ่งต้องมี skos:prefLabel ภาษาอังกฤษ (@en)"),
    "prefLabel-rdfs-label": (
        "rdfs:label repeats the skos:prefLabels, no more and no less.",
        "rdfs:label ต้องซ้ำกับ skos:prefLabel ทุกค่า ไม่ขาดไม่เกิน",
    ),
    "altLabel-tagged": ("Every skos:altLabel carries a language tag.", "skos:altLabel ทุกค่าต้องมีแท็กภาษา"),
    "mentionedIn-min": (
        "Every entity is akg:mentionedIn at least one article.",
        "ทุกสิ่งต้องมี akg:mentionedIn ชี้ไปยังข่าวอย่างน้อยหนึ่งชิ้น",
    ),
    "mentionedIn-class": ("akg:mentionedIn points to an akg:NewsArticle.", "akg:mentionedIn ต้องชี้ไปยัง akg:NewsArticle"),
    "proposedBy-class": (
        "akg:proposedBy points to a person, an organization or a country.",
        "akg:proposedBy ต้องชี้ไปยังบุคคล องค์กร หรือประเทศ",
    ),
    "one-kind": (
        "A thing is of one kind only: a person, an organization, a country, a place, a meeting, a meeting "
        "series, a working group, a position, a policy document, a fund, an initiative, a status, an article "
        "or a mention.",
        "สิ่งหนึ่งเป็นได้เพียงประเภทเดียว: บุคคล องค์กร ประเทศ สถานที่ การประชุม ชุดการประชุม คณะทำงาน ตำแหน่ง "
        "เอกสารนโยบาย กองทุน ข้อริเริ่ม สถานะ ข่าว หรือการกล่าวถึง",
    ),
    "Person-holds-class": ("akg:holds points to an akg:Position.", "akg:holds ต้องชี้ไปยัง akg:Position"),
    "Person-holds-inverse": (
        "A person akg:holds exactly the positions whose akg:holder it is.",
        "บุคคลต้องมี akg:holds ชี้ไปยังทุกตำแหน่งที่มีบุคคลนั้นเป็น akg:holder และเฉพาะตำแหน่งเหล่านั้น",
    ),
    "country-class": ("akg:country points to an akg:Country.", "akg:country ต้องชี้ไปยัง akg:Country"),
    "country-max": ("At most one akg:country.", "akg:country มีได้ไม่เกินหนึ่งค่า"),
    "Organization-memberOf-class": ("akg:memberOf points to an akg:Organization.", "akg:memberOf ต้องชี้ไปยัง akg:Organization"),
    "partOf-class": ("akg:partOf points to an organization or a working group.", "akg:partOf ต้องชี้ไปยังองค์กรหรือคณะทำงาน"),
    "Organization-one-kind": (
        "An organization is at most one of: a ministry, a government agency, an international organization.",
        "องค์กรหนึ่งเป็นได้อย่างมากเพียงหนึ่งอย่าง: กระทรวง หน่วยงานของรัฐ หรือองค์การระหว่างประเทศ",
    ),
    "Ministry-country": (
        "A ministry should state its akg:country (curate it in the lexicon).",
        "กระทรวงควรระบุ akg:country (เพิ่มในพจนานุกรม)",
    ),
    "GovernmentAgency-country": (
        "A government agency should state its akg:country (curate it in the lexicon).",
        "หน่วยงานของรัฐควรระบุ akg:country (เพิ่มในพจนานุกรม)",
    ),
    "InternationalOrganization-no-country": (
        "An international organization belongs to no single country: no akg:country (state its members with "
        "akg:memberOf).",
        "องค์การระหว่างประเทศไม่ขึ้นกับประเทศใดประเทศหนึ่ง: ต้องไม่มี akg:country (ระบุสมาชิกด้วย akg:memberOf)",
    ),
    "Country-memberOf-class": ("A country is akg:memberOf organizations only.", "ประเทศเป็น akg:memberOf ได้เฉพาะองค์กร"),
    "Place-containedInPlace-class": (
        "schema:containedInPlace points to an akg:Place or an akg:Country.",
        "schema:containedInPlace ต้องชี้ไปยัง akg:Place หรือ akg:Country",
    ),
    "startDate-datatype": (
        "schema:startDate is an xsd:date, or an xsd:gYearMonth / xsd:gYear when the text gives only that much.",
        "schema:startDate ต้องเป็น xsd:date หรือ xsd:gYearMonth / xsd:gYear เมื่อข้อความระบุไว้เพียงเท่านั้น",
    ),
    "endDate-datatype": (
        "schema:endDate is an xsd:date, or an xsd:gYearMonth / xsd:gYear when the text gives only that much.",
        "schema:endDate ต้องเป็น xsd:date หรือ xsd:gYearMonth / xsd:gYear เมื่อข้อความระบุไว้เพียงเท่านั้น",
    ),
    "Meeting-startDate-one-day": (
        "A meeting starts on one day: at most one xsd:date schema:startDate.",
        "การประชุมเริ่มในวันเดียว: schema:startDate ที่เป็น xsd:date มีได้ไม่เกินหนึ่งค่า",
    ),
    "Meeting-endDate-one-day": (
        "A meeting ends on one day: at most one xsd:date schema:endDate.",
        "การประชุมสิ้นสุดในวันเดียว: schema:endDate ที่เป็น xsd:date มีได้ไม่เกินหนึ่งค่า",
    ),
    "Meeting-location-class": (
        "schema:location points to an akg:Place or an akg:Country.",
        "schema:location ต้องชี้ไปยัง akg:Place หรือ akg:Country",
    ),
    "Meeting-hostCountry-class": ("akg:hostCountry points to an akg:Country.", "akg:hostCountry ต้องชี้ไปยัง akg:Country"),
    "Meeting-chair-class": ("akg:chair points to an akg:Person or an akg:Country.", "akg:chair ต้องชี้ไปยัง akg:Person หรือ akg:Country"),
    "Meeting-viceChair-class": (
        "akg:viceChair points to an akg:Person or an akg:Country.",
        "akg:viceChair ต้องชี้ไปยัง akg:Person หรือ akg:Country",
    ),
    "Meeting-attendee-class": (
        "schema:attendee points to an akg:Person, an akg:Organization or an akg:Country.",
        "schema:attendee ต้องชี้ไปยัง akg:Person, akg:Organization หรือ akg:Country",
    ),
    "Meeting-superEvent-class": (
        "schema:superEvent points to the akg:Meeting during which this one took place.",
        "schema:superEvent ต้องชี้ไปยัง akg:Meeting ที่การประชุมนี้จัดขึ้นในระหว่างนั้น",
    ),
    "Meeting-series-class": ("akg:series points to an akg:MeetingSeries.", "akg:series ต้องชี้ไปยัง akg:MeetingSeries"),
    "Meeting-series-max": (
        "A meeting is a session of at most one series.",
        "การประชุมหนึ่งเป็นส่วนหนึ่งของชุดการประชุมได้ไม่เกินหนึ่งชุด",
    ),
    "Meeting-ordinal-datatype": ("akg:ordinal is an xsd:integer.", "akg:ordinal ต้องเป็น xsd:integer"),
    "Meeting-ordinal-positive": (
        'akg:ordinal is 1 or more ("the 1st" is the first session).',
        'akg:ordinal ต้องมีค่าตั้งแต่ 1 ขึ้นไป ("ครั้งที่ 1" คือครั้งแรก)',
    ),
    "Meeting-ordinal-max": ("A meeting has at most one akg:ordinal.", "การประชุมมี akg:ordinal ได้ไม่เกินหนึ่งค่า"),
    "topic-tagged": (
        "akg:topic is a phrase with a language tag (@th, or @en).",
        "akg:topic ต้องเป็นวลีที่มีแท็กภาษา (@th หรือ @en)",
    ),
    "Meeting-one-kind": (
        "A meeting is at most one of: ministerial, senior officials', working group, bilateral, cabinet.",
        "การประชุมหนึ่งเป็นได้อย่างมากเพียงหนึ่งประเภท: ระดับรัฐมนตรี ระดับเจ้าหน้าที่อาวุโส คณะทำงาน ทวิภาคี หรือคณะรัฐมนตรี",
    ),
    "Meeting-session-iri": (
        "A session of ADGMIN, ADGSOM or WG-AS has the IRI akgid:{series}-{ordinal}, e.g. akgid:adgmin-5.",
        "การประชุมครั้งหนึ่งของ ADGMIN, ADGSOM หรือ WG-AS ต้องมี IRI เป็น akgid:{series}-{ordinal} เช่น akgid:adgmin-5",
    ),
    "session-ordinal": (
        "A ministerial, senior officials' or working group meeting of a series states its akg:ordinal "
        '(the N of "the Nth").',
        "การประชุมระดับรัฐมนตรี ระดับเจ้าหน้าที่อาวุโส หรือคณะทำงาน ที่อยู่ในชุดการประชุม ต้องระบุ akg:ordinal "
        '(N ของ "ครั้งที่ N")',
    ),
    "MinisterialMeeting-series": (
        "A ministerial meeting is not a session of ADGSOM or of WG-AS.",
        "การประชุมระดับรัฐมนตรีไม่ใช่การประชุมครั้งหนึ่งของ ADGSOM หรือ WG-AS",
    ),
    "SeniorOfficialsMeeting-series": (
        "A senior officials' meeting is not a session of ADGMIN or of WG-AS.",
        "การประชุมระดับเจ้าหน้าที่อาวุโสไม่ใช่การประชุมครั้งหนึ่งของ ADGMIN หรือ WG-AS",
    ),
    "WorkingGroupMeeting-series": (
        "A working group meeting is not a session of ADGMIN or of ADGSOM.",
        "การประชุมคณะทำงานไม่ใช่การประชุมครั้งหนึ่งของ ADGMIN หรือ ADGSOM",
    ),
    "fixed-series-sessions": (
        "A session of ADGMIN, ADGSOM or WG-AS is typed with its kind: akg:MinisterialMeeting, "
        "akg:SeniorOfficialsMeeting or akg:WorkingGroupMeeting.",
        "การประชุมครั้งหนึ่งของ ADGMIN, ADGSOM หรือ WG-AS ต้องระบุประเภท: akg:MinisterialMeeting, "
        "akg:SeniorOfficialsMeeting หรือ akg:WorkingGroupMeeting",
    ),
    "BilateralMeeting-attendees": (
        "A bilateral meeting should name at least two attendees (one for each side).",
        "การหารือทวิภาคีควรระบุผู้เข้าร่วมอย่างน้อยสองราย (ฝ่ายละหนึ่ง)",
    ),
    "CabinetMeeting-date": (
        "A cabinet meeting should state its date (schema:startDate).",
        "การประชุมคณะรัฐมนตรีควรระบุวันที่ (schema:startDate)",
    ),
    "MeetingSeriesShape": (
        "A meeting series that the ontology does not define is akg:mentionedIn at least one article.",
        "ชุดการประชุมที่ออนโทโลยีไม่ได้นิยามไว้ต้องมี akg:mentionedIn ชี้ไปยังข่าวอย่างน้อยหนึ่งชิ้น",
    ),
    "WorkingGroup-not-member": (
        "A working group is akg:partOf a larger body, not akg:memberOf one.",
        "คณะทำงานเป็น akg:partOf ขององค์กรที่ใหญ่กว่า ไม่ใช่ akg:memberOf",
    ),
    "Position-holder-one": ("A position has exactly one akg:holder.", "ตำแหน่งหนึ่งต้องมี akg:holder หนึ่งคนพอดี"),
    "Position-holder-class": ("akg:holder points to an akg:Person.", "akg:holder ต้องชี้ไปยัง akg:Person"),
    "Position-organization-one": ("A position has exactly one akg:organization.", "ตำแหน่งหนึ่งต้องมี akg:organization หนึ่งค่าพอดี"),
    "Position-organization-class": ("akg:organization points to an akg:Organization.", "akg:organization ต้องชี้ไปยัง akg:Organization"),
    "Position-title-tagged": ("akg:title carries a language tag.", "akg:title ต้องมีแท็กภาษา"),
    "Position-title-th": ("A position has its akg:title in Thai (@th).", "ตำแหน่งต้องมี akg:title ภาษาไทย (@th)"),
    "Position-attestedOn-date": (
        "akg:attestedOn is an xsd:date (the article's dcterms:issued).",
        "akg:attestedOn ต้องเป็น xsd:date (dcterms:issued ของข่าว)",
    ),
    "status-in": ("akg:status is akg:Draft or akg:Signed.", "akg:status ต้องเป็น akg:Draft หรือ akg:Signed"),
    "status-max": ("A document has at most one akg:status.", "เอกสารหนึ่งมี akg:status ได้ไม่เกินหนึ่งค่า"),
    "PolicyDocument-one-kind": (
        "A policy document is at most one of: an agreement, a declaration, a plan.",
        "เอกสารนโยบายหนึ่งเป็นได้อย่างมากเพียงหนึ่งอย่าง: ความตกลง ปฏิญญา หรือแผน",
    ),
    "party-class": (
        "akg:party points to an akg:Organization or an akg:Country.",
        "akg:party ต้องชี้ไปยัง akg:Organization หรือ akg:Country",
    ),
    "MoU-parties": ("An MoU has two or more akg:party.", "บันทึกความเข้าใจต้องมี akg:party ตั้งแต่สองฝ่ายขึ้นไป"),
    "MoU-status": (
        "An MoU states its akg:status: akg:Draft or akg:Signed.",
        "บันทึกความเข้าใจต้องระบุ akg:status: akg:Draft หรือ akg:Signed",
    ),
    "Initiative-amount-decimal": ("akg:amount is one xsd:decimal.", "akg:amount ต้องเป็น xsd:decimal หนึ่งค่า"),
    "Initiative-amount-nonnegative": ("akg:amount is not negative.", "akg:amount ต้องไม่ติดลบ"),
    "Initiative-currency-code": (
        'schema:currency is an ISO 4217 code such as "USD".',
        'schema:currency ต้องเป็นรหัส ISO 4217 เช่น "USD"',
    ),
    "Initiative-fundedBy-class": (
        "akg:fundedBy points to an akg:Fund, an akg:Organization or an akg:Country.",
        "akg:fundedBy ต้องชี้ไปยัง akg:Fund, akg:Organization หรือ akg:Country",
    ),
    "StatusShape": (
        "The statuses are akg:Draft and akg:Signed; a new one is added to the ontology and to this shape.",
        "สถานะมีเพียง akg:Draft และ akg:Signed สถานะใหม่ต้องเพิ่มในออนโทโลยีและในรูปร่างนี้",
    ),
    "NewsArticle-identifier-one": (
        "An article has exactly one dcterms:identifier (its file's stem).",
        "ข่าวต้องมี dcterms:identifier หนึ่งค่าพอดี (ชื่อไฟล์ไม่รวมนามสกุล)",
    ),
    "NewsArticle-identifier-string": ("dcterms:identifier is a plain string.", "dcterms:identifier ต้องเป็นข้อความธรรมดา"),
    "NewsArticle-title-max": ("An article has at most one dcterms:title.", "ข่าวมี dcterms:title ได้ไม่เกินหนึ่งค่า"),
    "NewsArticle-title-th": ("dcterms:title is the headline in Thai (@th).", "dcterms:title ต้องเป็นพาดหัวข่าวภาษาไทย (@th)"),
    "NewsArticle-issued-max": ("An article has at most one dcterms:issued.", "ข่าวมี dcterms:issued ได้ไม่เกินหนึ่งค่า"),
    "NewsArticle-issued-date": ("dcterms:issued is an xsd:date.", "dcterms:issued ต้องเป็น xsd:date"),
    "NewsArticle-url": (
        "schema:url is at most one IRI, the article's source address.",
        "schema:url ต้องเป็น IRI ไม่เกินหนึ่งค่า คือที่อยู่ต้นทางของข่าว",
    ),
    "NewsArticle-graph": (
        "The article's document graph is prov:wasDerivedFrom it.",
        "กราฟของเอกสารต้องเชื่อมกับข่าวนี้ด้วย prov:wasDerivedFrom",
    ),
    "NewsArticle-graph-iri": (
        "What is prov:wasDerivedFrom an article is a document graph, "
        "https://w3id.org/aseankg/graph/doc/{identifier}.",
        "สิ่งที่ prov:wasDerivedFrom ข่าวต้องเป็นกราฟของเอกสาร https://w3id.org/aseankg/graph/doc/{identifier}",
    ),
    "Mention-mentionOf-one": ("A mention has exactly one akg:mentionOf.", "การกล่าวถึงต้องมี akg:mentionOf หนึ่งค่าพอดี"),
    "Mention-mentionOf-iri": ("akg:mentionOf points to an entity IRI.", "akg:mentionOf ต้องชี้ไปยัง IRI ของสิ่งที่ถูกกล่าวถึง"),
    "Mention-inDocument-one": ("A mention has exactly one akg:inDocument.", "การกล่าวถึงต้องมี akg:inDocument หนึ่งค่าพอดี"),
    "Mention-inDocument-class": ("akg:inDocument points to an akg:NewsArticle.", "akg:inDocument ต้องชี้ไปยัง akg:NewsArticle"),
    "Mention-beginIndex-one": ("A mention has exactly one akg:beginIndex.", "การกล่าวถึงต้องมี akg:beginIndex หนึ่งค่าพอดี"),
    "Mention-beginIndex-integer": ("akg:beginIndex is an xsd:integer.", "akg:beginIndex ต้องเป็น xsd:integer"),
    "Mention-beginIndex-nonnegative": ("akg:beginIndex is 0 or more.", "akg:beginIndex ต้องมีค่าตั้งแต่ 0 ขึ้นไป"),
    "Mention-begin-before-end": ("akg:beginIndex is less than akg:endIndex.", "akg:beginIndex ต้องน้อยกว่า akg:endIndex"),
    "Mention-endIndex-one": ("A mention has exactly one akg:endIndex.", "การกล่าวถึงต้องมี akg:endIndex หนึ่งค่าพอดี"),
    "Mention-endIndex-integer": ("akg:endIndex is an xsd:integer.", "akg:endIndex ต้องเป็น xsd:integer"),
    "Mention-anchorOf-one": ("A mention has exactly one akg:anchorOf.", "การกล่าวถึงต้องมี akg:anchorOf หนึ่งค่าพอดี"),
    "Mention-anchorOf-string": ("akg:anchorOf is a non-empty plain string.", "akg:anchorOf ต้องเป็นข้อความธรรมดาที่ไม่ว่าง"),
    "Mention-sentence-one": ("A mention has exactly one akg:sentence.", "การกล่าวถึงต้องมี akg:sentence หนึ่งค่าพอดี"),
    "Mention-sentence-string": ("akg:sentence is a non-empty plain string.", "akg:sentence ต้องเป็นข้อความธรรมดาที่ไม่ว่าง"),
    "Mention-anchor-length": (
        "akg:anchorOf is as long as akg:endIndex − akg:beginIndex (in code points).",
        "ความยาวของ akg:anchorOf (นับเป็นรหัสยูนิโคด) ต้องเท่ากับ akg:endIndex − akg:beginIndex",
    ),
    "Mention-anchor-in-text": (
        "akg:anchorOf is the article's text (schema:text) from akg:beginIndex to akg:endIndex.",
        "akg:anchorOf ต้องตรงกับเนื้อความของข่าว (schema:text) ตั้งแต่ akg:beginIndex ถึง akg:endIndex",
    ),
    "Mention-entity-mentioned": (
        "The entity a mention names is akg:mentionedIn the mention's document.",
        "สิ่งที่การกล่าวถึงนี้เอ่ยถึงต้องมี akg:mentionedIn ชี้ไปยังเอกสารของการกล่าวถึงนี้",
    ),
}


# --- fixtures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Good:
    """Triples that satisfy every constraint of the node shape ``shape``."""

    shape: str
    turtle: str


@dataclass(frozen=True)
class Bad:
    """Triples that break one rule; ``expected`` is every result: (rule, focus, path, value)."""

    id: str
    turtle: str
    expected: list[tuple[str, str, str | None, str | None]]
    severity: str = "Violation"


def mention(drop: str = "", more: str = "", **values: str) -> str:
    """A conforming mention (of akgid:person-a, "กขคง" at 3–7) with one property dropped,
    replaced (``begin=``, ``end=``, ``anchor=``) or added (``more``)."""
    props = {
        "akg:mentionOf": "akgid:person-a",
        "akg:inDocument": "akgid:article-t",
        "akg:beginIndex": values.get("begin", "3"),
        "akg:endIndex": values.get("end", "7"),
        "akg:anchorOf": values.get("anchor", '"กขคง"'),
        "akg:sentence": '"ประโยค กขคง ทดสอบ"',
    }
    body = " ".join(f"{p} {o} ;" for p, o in props.items() if p != drop)
    return f"akgid:mention-t-3-7 {body} {more + ' ;' if more else ''} a akg:Mention .\n"


def article(drop: str = "", more: str = "") -> str:
    """A second article, akgid:article-u, and its graph's provenance, with one property
    dropped (``drop="GRAPH"`` drops the provenance) or added."""
    props = {
        "dcterms:identifier": '"u"',
        "dcterms:title": '"ข่าวทดสอบที่สอง"@th',
        "dcterms:issued": '"2025-01-18"^^xsd:date',
        "schema:url": "<https://example.org/news/2>",
    }
    body = " ".join(f"{p} {o} ;" for p, o in props.items() if p != drop)
    text = f"akgid:article-u {body} {more + ' ;' if more else ''} a akg:NewsArticle .\n"
    if drop != "GRAPH":
        text += "<https://w3id.org/aseankg/graph/doc/u> prov:wasDerivedFrom akgid:article-u .\n"
    return text


PERSON_X = ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X")

GOOD: list[Good] = [
    Good("LabelledShape", ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", 'skos:altLabel "X"@en ; skos:prefLabel "Nai Ex"@th-Latn ; rdfs:label "Nai Ex"@th-Latn')),
    Good("MentionedShape", ent("akgid:wg-x", "akg:WorkingGroup", "คณะทำงานเอกซ์", "Working Group X", "akg:proposedBy akgid:country-a , akgid:ministry-a , akgid:person-a")),
    Good("OneKindShape", ent("akgid:fund-x", "akg:Fund", "กองทุนเอกซ์", "Fund X")),
    Good(
        "PersonShape",
        ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", "akg:holds akgid:position-x")
        + ent("akgid:position-x", "akg:Position", "ปลัด — นายเอกซ์", "Permanent Secretary — Mr X",
              'akg:holder akgid:person-x ; akg:organization akgid:ministry-a ; akg:title "ปลัด"@th'),
    ),
    Good("OrganizationShape", ent("akgid:agency-x", "akg:GovernmentAgency", "สำนักงานเอกซ์", "Office X",
                                  "akg:country akgid:country-a ; akg:memberOf akgid:io-a ; akg:partOf akgid:ministry-a")),
    Good("MinistryShape", ent("akgid:ministry-x", "akg:Ministry", "กระทรวงเอกซ์", "Ministry X", "akg:country akgid:country-b")),
    Good("GovernmentAgencyShape", ent("akgid:agency-x", "akg:GovernmentAgency", "สำนักงานเอกซ์", "Office X", "akg:country akgid:country-b")),
    Good("InternationalOrganizationShape", ent("akgid:io-x", "akg:InternationalOrganization", "องค์การเอกซ์", "Organization X", "akg:memberOf akgid:io-a")),
    Good("CountryShape", ent("akgid:country-x", "akg:Country", "ประเทศเอกซ์", "Country X", "akg:memberOf akgid:io-a")),
    Good("PlaceShape", ent("akgid:place-x", "akg:Place", "โรงแรมเอกซ์", "Hotel X",
                           "akg:country akgid:country-a ; schema:containedInPlace akgid:place-a , akgid:country-a")),
    Good(
        "MeetingShape",
        ent("akgid:adgmin-9", "akg:MinisterialMeeting", "การประชุมครั้งที่ 9", "The 9th Meeting",
            'akg:series akgid:series-adgmin ; akg:ordinal 9 ; schema:startDate "2031-02-09"^^xsd:date ; '
            'schema:endDate "2031-02-10"^^xsd:date ; schema:startDate "2031-02"^^xsd:gYearMonth ; '
            "schema:location akgid:place-a , akgid:country-a ; akg:hostCountry akgid:country-a ; "
            "akg:chair akgid:country-a ; akg:viceChair akgid:person-a ; "
            'schema:attendee akgid:person-a , akgid:ministry-a , akgid:country-b ; akg:topic "ดิจิทัล"@th')
        + ent("akgid:talks-x", "akg:BilateralMeeting", "การหารือเอกซ์", "Talks X",
              'schema:superEvent akgid:adgmin-9 ; schema:startDate "2031"^^xsd:gYear ; '
              "schema:attendee akgid:person-a , akgid:country-b"),
    ),
    Good("MeetingShape",  # a numbered series' meeting has its ordinal; a dated series' meeting needs none
         ent("akgid:retreat-x-2", "akg:SeniorOfficialsMeeting", "การประชุมเอกซ์ ครั้งที่ 2", "The 2nd X Retreat",
             "akg:series akgid:retreat-x ; akg:ordinal 2")
         + ent("akgid:retreat-x", "akg:MeetingSeries", "การประชุมเอกซ์", "X Retreat")
         + ent("akgid:cabinet-x-2023-03-21", "akg:CabinetMeeting", "การประชุม ครม. 21 มี.ค. 2566", "Cabinet meeting of 2023-03-21",
               'akg:series akgid:cabinet-x ; schema:startDate "2023-03-21"^^xsd:date')
         + ent("akgid:cabinet-x", "akg:MeetingSeries", "การประชุมคณะรัฐมนตรี", "Cabinet meetings")),
    Good("MinisterialMeetingShape", ent("akgid:adgmin-1", "akg:MinisterialMeeting", "ครั้งที่ 1", "The 1st", "akg:series akgid:series-adgmin ; akg:ordinal 1")),
    Good("SeniorOfficialsMeetingShape", ent("akgid:adgsom-1", "akg:SeniorOfficialsMeeting", "ครั้งที่ 1", "The 1st", "akg:series akgid:series-adgsom ; akg:ordinal 1")),
    Good("WorkingGroupMeetingShape", ent("akgid:wg-as-1", "akg:WorkingGroupMeeting", "ครั้งที่ 1", "The 1st",
                                         'akg:series akgid:series-wg-as ; akg:ordinal 1 ; schema:startDate "2024-03"^^xsd:gYearMonth ; schema:location akgid:country-b')),
    Good("FixedSeriesShape", ent("akgid:adgsom-2", "akg:SeniorOfficialsMeeting", "ครั้งที่ 2", "The 2nd", "akg:series akgid:series-adgsom ; akg:ordinal 2")),
    Good("BilateralMeetingShape", ent("akgid:talks-x", "akg:BilateralMeeting", "การหารือเอกซ์", "Talks X", "schema:attendee akgid:country-a , akgid:country-b")),
    Good("CabinetMeetingShape", ent("akgid:cabinet-x", "akg:CabinetMeeting", "การประชุม ครม.", "Cabinet meeting", 'schema:startDate "2023-03-21"^^xsd:date')),
    Good("MeetingSeriesShape", ent("akgid:retreat-x", "akg:MeetingSeries", "การประชุมเอกซ์", "X Retreat")),
    Good("WorkingGroupShape", ent("akgid:wg-x", "akg:WorkingGroup", "คณะทำงานเอกซ์", "Working Group X", "akg:partOf akgid:io-a")),
    Good(
        "PositionShape",
        ent("akgid:position-a", "akg:Position", "รัฐมนตรี — นายทดสอบ หนึ่ง", "Minister — Test Person One",
            'akg:holder akgid:person-a ; akg:organization akgid:ministry-a ; akg:title "รัฐมนตรี"@th , "Minister"@en ; '
            'akg:attestedOn "2025-01-17"^^xsd:date , "2024-03-07"^^xsd:date')
        + "akgid:person-a akg:holds akgid:position-a .\n",
    ),
    Good("PolicyDocumentShape", ent("akgid:plan-x", "akg:Plan", "แผนเอกซ์", "Plan X",
                                    'akg:status akg:Signed ; akg:topic "แผน"@th , "plan"@en ; schema:startDate "2021"^^xsd:gYear')),
    Good("AgreementShape", ent("akgid:agreement-x", "akg:Agreement", "ความตกลงเอกซ์", "Agreement X",
                               "akg:party akgid:country-a , akgid:io-a ; akg:proposedBy akgid:country-b")),
    Good("MoUShape", ent("akgid:mou-x", "akg:MoU", "บันทึกความเข้าใจเอกซ์", "MoU X",
                         'akg:party akgid:ministry-a , akgid:country-b ; akg:status akg:Draft ; akg:topic "การปราบปราม"@th ; '
                         'schema:startDate "2024-03-18"^^xsd:date')),
    Good(
        "InitiativeShape",
        ent("akgid:project-x", "akg:Project", "โครงการเอกซ์", "Project X",
            'akg:amount "57900"^^xsd:decimal ; schema:currency "USD" ; akg:fundedBy akgid:fund-x ; akg:proposedBy akgid:ministry-a')
        + ent("akgid:fund-x", "akg:Fund", "กองทุนเอกซ์", "Fund X"),
    ),
    Good("StatusShape", ""),  # the statuses are the ontology's, mixed into every validation
    Good("NewsArticleShape", article()),
    Good("MentionShape", mention()),
    Good("MentionShape", mention() + 'akgid:article-t schema:text "ABCกขคงDEF"@th .\n'),  # text[3:7] == "กขคง"
]

BAD: list[Bad] = [
    # labels
    Bad("prefLabel-languages",
        ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", 'skos:prefLabel "Monsieur X"@fr ; rdfs:label "Monsieur X"@fr'),
        [("prefLabel-languages", "akgid:person-x", "skos:prefLabel", '"Monsieur X"@fr')]),
    Bad("prefLabel-unique",
        ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", 'skos:prefLabel "Mister X"@en ; rdfs:label "Mister X"@en'),
        [("prefLabel-unique", "akgid:person-x", "skos:prefLabel", None)]),
    Bad("prefLabel-th",
        'akgid:person-x a akg:Person ; skos:prefLabel "Nai Ex"@th-Latn , "Mr X"@en ; rdfs:label "Nai Ex"@th-Latn , "Mr X"@en ;'
        " akg:mentionedIn akgid:article-t .\n",
        [("prefLabel-th", "akgid:person-x", "skos:prefLabel", None)]),
    Bad("prefLabel-en",
        'akgid:person-x a akg:Person ; skos:prefLabel "นายเอกซ์"@th ; rdfs:label "นายเอกซ์"@th ; akg:mentionedIn akgid:article-t .\n',
        [("prefLabel-en", "akgid:person-x", "skos:prefLabel", None)]),
    Bad("prefLabel-rdfs-label",
        'akgid:person-x a akg:Person ; skos:prefLabel "นายเอกซ์"@th , "Mr X"@en ; rdfs:label "นายเอกซ์"@th ; akg:mentionedIn akgid:article-t .\n',
        [("prefLabel-rdfs-label", "akgid:person-x", "skos:prefLabel", '"Mr X"@en')]),
    Bad("altLabel-tagged",
        ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", 'skos:altLabel "X"'),
        [("altLabel-tagged", "akgid:person-x", "skos:altLabel", '"X"')]),
    # provenance
    Bad("mentionedIn-min",
        'akgid:person-x a akg:Person ; skos:prefLabel "นายเอกซ์"@th , "Mr X"@en ; rdfs:label "นายเอกซ์"@th , "Mr X"@en .\n',
        [("mentionedIn-min", "akgid:person-x", "akg:mentionedIn", None)]),
    Bad("mentionedIn-class",
        ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", "akg:mentionedIn akgid:place-a"),
        [("mentionedIn-class", "akgid:person-x", "akg:mentionedIn", "akgid:place-a")]),
    Bad("proposedBy-class",
        ent("akgid:wg-x", "akg:WorkingGroup", "คณะทำงานเอกซ์", "Working Group X", "akg:proposedBy akgid:place-a"),
        [("proposedBy-class", "akgid:wg-x", "akg:proposedBy", "akgid:place-a")]),
    Bad("one-kind",
        ent("akgid:person-x", "akg:Person , akg:Organization", "นายเอกซ์", "Mr X"),
        [("one-kind", "akgid:person-x", "rdf:type", "akg:Person")]),
    # people
    Bad("Person-holds-class",
        ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", "akg:holds akgid:post-x") + "akgid:post-x akg:holder akgid:person-x .\n",
        [("Person-holds-class", "akgid:person-x", "akg:holds", "akgid:post-x")]),
    Bad("Person-holds-inverse",
        PERSON_X + ent("akgid:position-x", "akg:Position", "ปลัด — นายเอกซ์", "Permanent Secretary — Mr X",
                       'akg:holder akgid:person-x ; akg:organization akgid:ministry-a ; akg:title "ปลัด"@th'),
        [("Person-holds-inverse", "akgid:person-x", "^akg:holder", "akgid:position-x")]),
    # organizations
    Bad("country-class",
        ent("akgid:ministry-x", "akg:Ministry", "กระทรวงเอกซ์", "Ministry X", "akg:country akgid:place-a"),
        [("country-class", "akgid:ministry-x", "akg:country", "akgid:place-a")]),
    Bad("country-max",
        ent("akgid:ministry-x", "akg:Ministry", "กระทรวงเอกซ์", "Ministry X", "akg:country akgid:country-a , akgid:country-b"),
        [("country-max", "akgid:ministry-x", "akg:country", None)]),
    Bad("Organization-memberOf-class",
        ent("akgid:io-x", "akg:InternationalOrganization", "องค์การเอกซ์", "Organization X", "akg:memberOf akgid:country-a"),
        [("Organization-memberOf-class", "akgid:io-x", "akg:memberOf", "akgid:country-a")]),
    Bad("partOf-class",
        ent("akgid:io-x", "akg:InternationalOrganization", "องค์การเอกซ์", "Organization X", "akg:partOf akgid:country-a"),
        [("partOf-class", "akgid:io-x", "akg:partOf", "akgid:country-a")]),
    Bad("Organization-one-kind",
        ent("akgid:ministry-x", "akg:Ministry , akg:GovernmentAgency", "กระทรวงเอกซ์", "Ministry X", "akg:country akgid:country-a"),
        [("Organization-one-kind", "akgid:ministry-x", "rdf:type", "akg:Ministry")]),
    Bad("Ministry-country", ent("akgid:ministry-x", "akg:Ministry", "กระทรวงเอกซ์", "Ministry X"),
        [("Ministry-country", "akgid:ministry-x", "akg:country", None)], severity="Warning"),
    Bad("GovernmentAgency-country", ent("akgid:agency-x", "akg:GovernmentAgency", "สำนักงานเอกซ์", "Office X"),
        [("GovernmentAgency-country", "akgid:agency-x", "akg:country", None)], severity="Warning"),
    Bad("InternationalOrganization-no-country",
        ent("akgid:io-x", "akg:InternationalOrganization", "องค์การเอกซ์", "Organization X", "akg:country akgid:country-a"),
        [("InternationalOrganization-no-country", "akgid:io-x", "akg:country", None)]),
    # countries and places
    Bad("Country-memberOf-class",
        ent("akgid:country-x", "akg:Country", "ประเทศเอกซ์", "Country X", "akg:memberOf akgid:country-a"),
        [("Country-memberOf-class", "akgid:country-x", "akg:memberOf", "akgid:country-a")]),
    Bad("place-country-class",
        ent("akgid:place-x", "akg:Place", "เกาะเอกซ์", "X Island", "akg:country akgid:place-a"),
        [("country-class", "akgid:place-x", "akg:country", "akgid:place-a")]),
    Bad("Place-containedInPlace-class",
        ent("akgid:place-x", "akg:Place", "โรงแรมเอกซ์", "Hotel X", "schema:containedInPlace akgid:io-a"),
        [("Place-containedInPlace-class", "akgid:place-x", "schema:containedInPlace", "akgid:io-a")]),
    Bad("place-country-max",
        ent("akgid:place-x", "akg:Place", "เกาะเอกซ์", "X Island", "akg:country akgid:country-a , akgid:country-b"),
        [("country-max", "akgid:place-x", "akg:country", None)]),
    # meetings
    Bad("startDate-datatype",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", 'schema:startDate "16 January 2025"'),
        [("startDate-datatype", "akgid:meeting-x", "schema:startDate", '"16 January 2025"')]),
    Bad("endDate-datatype",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", 'schema:endDate "2025-01-16T10:00:00"^^xsd:dateTime'),
        [("endDate-datatype", "akgid:meeting-x", "schema:endDate", '"2025-01-16T10:00:00"^^xsd:dateTime')]),
    Bad("Meeting-startDate-one-day",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X",
            'schema:startDate "2025-01-16"^^xsd:date , "2025-01-17"^^xsd:date'),
        [("Meeting-startDate-one-day", "akgid:meeting-x", "schema:startDate", None)]),
    Bad("Meeting-endDate-one-day",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X",
            'schema:endDate "2025-01-16"^^xsd:date , "2025-01-17"^^xsd:date'),
        [("Meeting-endDate-one-day", "akgid:meeting-x", "schema:endDate", None)]),
    Bad("Meeting-location-class",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", "schema:location akgid:person-a"),
        [("Meeting-location-class", "akgid:meeting-x", "schema:location", "akgid:person-a")]),
    Bad("Meeting-hostCountry-class",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", "akg:hostCountry akgid:place-a"),
        [("Meeting-hostCountry-class", "akgid:meeting-x", "akg:hostCountry", "akgid:place-a")]),
    Bad("Meeting-chair-class",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", "akg:chair akgid:ministry-a"),
        [("Meeting-chair-class", "akgid:meeting-x", "akg:chair", "akgid:ministry-a")]),
    Bad("Meeting-viceChair-class",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", "akg:viceChair akgid:place-a"),
        [("Meeting-viceChair-class", "akgid:meeting-x", "akg:viceChair", "akgid:place-a")]),
    Bad("Meeting-attendee-class",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", "schema:attendee akgid:person-a , akgid:place-a"),
        [("Meeting-attendee-class", "akgid:meeting-x", "schema:attendee", "akgid:place-a")]),
    Bad("Meeting-superEvent-class",
        ent("akgid:meeting-x", "akg:BilateralMeeting", "การหารือเอกซ์", "Talks X",
            "schema:superEvent akgid:place-a ; schema:attendee akgid:country-a , akgid:country-b"),
        [("Meeting-superEvent-class", "akgid:meeting-x", "schema:superEvent", "akgid:place-a")]),
    Bad("Meeting-series-class",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", "akg:series akgid:place-a ; akg:ordinal 1"),
        [("Meeting-series-class", "akgid:meeting-x", "akg:series", "akgid:place-a")]),
    Bad("Meeting-series-max",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", "akg:series akgid:retreat-x , akgid:retreat-y ; akg:ordinal 1")
        + ent("akgid:retreat-x", "akg:MeetingSeries", "ชุดเอกซ์", "Series X")
        + ent("akgid:retreat-y", "akg:MeetingSeries", "ชุดวาย", "Series Y"),
        [("Meeting-series-max", "akgid:meeting-x", "akg:series", None)]),
    Bad("Meeting-ordinal-datatype",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", 'akg:ordinal "5.0"^^xsd:decimal'),
        [("Meeting-ordinal-datatype", "akgid:meeting-x", "akg:ordinal", '"5.0"^^xsd:decimal')]),
    Bad("Meeting-ordinal-positive",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", "akg:ordinal 0"),
        [("Meeting-ordinal-positive", "akgid:meeting-x", "akg:ordinal", '"0"^^xsd:integer')]),
    Bad("Meeting-ordinal-max",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", "akg:ordinal 4 , 5"),
        [("Meeting-ordinal-max", "akgid:meeting-x", "akg:ordinal", None)]),
    Bad("meeting-topic-tagged",
        ent("akgid:meeting-x", "akg:Meeting", "การประชุมเอกซ์", "Meeting X", 'akg:topic "cybersecurity"'),
        [("topic-tagged", "akgid:meeting-x", "akg:topic", '"cybersecurity"')]),
    Bad("Meeting-one-kind",
        ent("akgid:meeting-x", "akg:MinisterialMeeting , akg:BilateralMeeting", "การประชุมเอกซ์", "Meeting X",
            "schema:attendee akgid:country-a , akgid:country-b"),
        [("Meeting-one-kind", "akgid:meeting-x", "rdf:type", "akg:MinisterialMeeting")]),
    Bad("Meeting-session-iri",
        ent("akgid:adgmin-fifth", "akg:MinisterialMeeting", "ครั้งที่ 5", "The 5th", "akg:series akgid:series-adgmin ; akg:ordinal 5"),
        [("Meeting-session-iri", "akgid:adgmin-fifth", "akg:ordinal", '"5"^^xsd:integer')]),
    Bad("session-ordinal",
        ent("akgid:retreat-x-2", "akg:SeniorOfficialsMeeting", "การประชุมเอกซ์ ครั้งที่ 2", "The 2nd X Retreat", "akg:series akgid:retreat-x")
        + ent("akgid:retreat-x", "akg:MeetingSeries", "การประชุมเอกซ์", "X Retreat"),
        [("session-ordinal", "akgid:retreat-x-2", "akg:ordinal", "akgid:retreat-x-2")]),
    Bad("MinisterialMeeting-series",
        ent("akgid:adgsom-3", "akg:MinisterialMeeting", "ครั้งที่ 3", "The 3rd", "akg:series akgid:series-adgsom ; akg:ordinal 3"),
        [("MinisterialMeeting-series", "akgid:adgsom-3", "akg:series", "akgid:series-adgsom")]),
    Bad("SeniorOfficialsMeeting-series",
        ent("akgid:adgmin-3", "akg:SeniorOfficialsMeeting", "ครั้งที่ 3", "The 3rd", "akg:series akgid:series-adgmin ; akg:ordinal 3"),
        [("SeniorOfficialsMeeting-series", "akgid:adgmin-3", "akg:series", "akgid:series-adgmin")]),
    Bad("WorkingGroupMeeting-series",
        ent("akgid:adgsom-3", "akg:WorkingGroupMeeting", "ครั้งที่ 3", "The 3rd", "akg:series akgid:series-adgsom ; akg:ordinal 3"),
        [("WorkingGroupMeeting-series", "akgid:adgsom-3", "akg:series", "akgid:series-adgsom")]),
    Bad("fixed-series-sessions",
        ent("akgid:adgmin-3", "akg:Meeting", "ครั้งที่ 3", "The 3rd", "akg:series akgid:series-adgmin ; akg:ordinal 3"),
        [("fixed-series-sessions", "akgid:series-adgmin", "^akg:series", "akgid:adgmin-3")]),
    Bad("BilateralMeeting-attendees",
        ent("akgid:talks-x", "akg:BilateralMeeting", "การหารือเอกซ์", "Talks X", "schema:attendee akgid:country-a"),
        [("BilateralMeeting-attendees", "akgid:talks-x", "schema:attendee", None)], severity="Warning"),
    Bad("CabinetMeeting-date",
        ent("akgid:cabinet-x", "akg:CabinetMeeting", "การประชุม ครม.", "Cabinet meeting"),
        [("CabinetMeeting-date", "akgid:cabinet-x", "schema:startDate", None)], severity="Warning"),
    # series and working groups
    Bad("MeetingSeriesShape",
        'akgid:retreat-x a akg:MeetingSeries ; skos:prefLabel "การประชุมเอกซ์"@th , "X Retreat"@en ;'
        ' rdfs:label "การประชุมเอกซ์"@th , "X Retreat"@en .\n',
        [("MeetingSeriesShape", "akgid:retreat-x", None, "akgid:retreat-x")]),
    Bad("series-mentionedIn-class",
        ent("akgid:retreat-x", "akg:MeetingSeries", "การประชุมเอกซ์", "X Retreat", "akg:mentionedIn akgid:country-a"),
        [("mentionedIn-class", "akgid:retreat-x", "akg:mentionedIn", "akgid:country-a")]),
    Bad("wg-partOf-class",
        ent("akgid:wg-x", "akg:WorkingGroup", "คณะทำงานเอกซ์", "Working Group X", "akg:partOf akgid:place-a"),
        [("partOf-class", "akgid:wg-x", "akg:partOf", "akgid:place-a")]),
    Bad("WorkingGroup-not-member",
        ent("akgid:wg-x", "akg:WorkingGroup", "คณะทำงานเอกซ์", "Working Group X", "akg:memberOf akgid:io-a"),
        [("WorkingGroup-not-member", "akgid:wg-x", "akg:memberOf", None)]),
    # positions
    Bad("Position-holder-one",
        ent("akgid:position-x", "akg:Position", "ปลัด", "Permanent Secretary", 'akg:organization akgid:ministry-a ; akg:title "ปลัด"@th'),
        [("Position-holder-one", "akgid:position-x", "akg:holder", None)]),
    Bad("Position-holder-class",
        ent("akgid:position-x", "akg:Position", "ปลัด", "Permanent Secretary",
            'akg:holder akgid:country-a ; akg:organization akgid:ministry-a ; akg:title "ปลัด"@th'),
        [("Position-holder-class", "akgid:position-x", "akg:holder", "akgid:country-a")]),
    Bad("Position-organization-one",
        ent("akgid:position-x", "akg:Position", "ปลัด", "Permanent Secretary", 'akg:holder akgid:person-x ; akg:title "ปลัด"@th')
        + ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", "akg:holds akgid:position-x"),
        [("Position-organization-one", "akgid:position-x", "akg:organization", None)]),
    Bad("Position-organization-class",
        ent("akgid:position-x", "akg:Position", "ปลัด", "Permanent Secretary",
            'akg:holder akgid:person-x ; akg:organization akgid:country-a ; akg:title "ปลัด"@th')
        + ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", "akg:holds akgid:position-x"),
        [("Position-organization-class", "akgid:position-x", "akg:organization", "akgid:country-a")]),
    Bad("Position-title-tagged",
        ent("akgid:position-x", "akg:Position", "ปลัด", "Permanent Secretary",
            'akg:holder akgid:person-x ; akg:organization akgid:ministry-a ; akg:title "ปลัด"@th , "PS"')
        + ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", "akg:holds akgid:position-x"),
        [("Position-title-tagged", "akgid:position-x", "akg:title", '"PS"')]),
    Bad("Position-title-th",
        ent("akgid:position-x", "akg:Position", "ปลัด", "Permanent Secretary",
            'akg:holder akgid:person-x ; akg:organization akgid:ministry-a ; akg:title "Permanent Secretary"@en')
        + ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", "akg:holds akgid:position-x"),
        [("Position-title-th", "akgid:position-x", "akg:title", None)]),
    Bad("Position-attestedOn-date",
        ent("akgid:position-x", "akg:Position", "ปลัด", "Permanent Secretary",
            'akg:holder akgid:person-x ; akg:organization akgid:ministry-a ; akg:title "ปลัด"@th ; '
            'akg:attestedOn "2025-01"^^xsd:gYearMonth')
        + ent("akgid:person-x", "akg:Person", "นายเอกซ์", "Mr X", "akg:holds akgid:position-x"),
        [("Position-attestedOn-date", "akgid:position-x", "akg:attestedOn", '"2025-01"^^xsd:gYearMonth')]),
    # documents
    Bad("status-in",
        ent("akgid:plan-x", "akg:Plan", "แผนเอกซ์", "Plan X", "akg:status akgid:pending"),
        [("status-in", "akgid:plan-x", "akg:status", "akgid:pending")]),
    Bad("status-max",
        ent("akgid:plan-x", "akg:Plan", "แผนเอกซ์", "Plan X", "akg:status akg:Draft , akg:Signed"),
        [("status-max", "akgid:plan-x", "akg:status", None)]),
    Bad("document-topic-tagged",
        ent("akgid:plan-x", "akg:Declaration", "ปฏิญญาเอกซ์", "Declaration X", 'akg:topic "digital"^^xsd:string'),
        [("topic-tagged", "akgid:plan-x", "akg:topic", '"digital"')]),
    Bad("document-startDate-datatype",
        ent("akgid:plan-x", "akg:Declaration", "ปฏิญญาเอกซ์", "Declaration X", 'schema:startDate "2566"^^xsd:integer'),
        [("startDate-datatype", "akgid:plan-x", "schema:startDate", '"2566"^^xsd:integer')]),
    Bad("PolicyDocument-one-kind",
        ent("akgid:plan-x", "akg:Declaration , akg:Plan", "แผนเอกซ์", "Plan X"),
        [("PolicyDocument-one-kind", "akgid:plan-x", "rdf:type", "akg:Plan")]),
    Bad("party-class",
        ent("akgid:agreement-x", "akg:Agreement", "ความตกลงเอกซ์", "Agreement X", "akg:party akgid:country-a , akgid:place-a"),
        [("party-class", "akgid:agreement-x", "akg:party", "akgid:place-a")]),
    Bad("MoU-parties",
        ent("akgid:mou-x", "akg:MoU", "บันทึกความเข้าใจเอกซ์", "MoU X", "akg:party akgid:ministry-a ; akg:status akg:Signed"),
        [("MoU-parties", "akgid:mou-x", "akg:party", None)]),
    Bad("MoU-status",
        ent("akgid:mou-x", "akg:MoU", "บันทึกความเข้าใจเอกซ์", "MoU X", "akg:party akgid:ministry-a , akgid:country-b"),
        [("MoU-status", "akgid:mou-x", "akg:status", None)]),
    # initiatives
    Bad("Initiative-amount-decimal",
        ent("akgid:project-x", "akg:Project", "โครงการเอกซ์", "Project X", 'akg:amount 57900 ; schema:currency "USD"'),
        [("Initiative-amount-decimal", "akgid:project-x", "akg:amount", '"57900"^^xsd:integer')]),
    Bad("Initiative-amount-nonnegative",
        ent("akgid:project-x", "akg:Project", "โครงการเอกซ์", "Project X", 'akg:amount "-1.5"^^xsd:decimal ; schema:currency "USD"'),
        [("Initiative-amount-nonnegative", "akgid:project-x", "akg:amount", '"-1.5"^^xsd:decimal')]),
    Bad("Initiative-currency-code",
        ent("akgid:project-x", "akg:Project", "โครงการเอกซ์", "Project X", 'akg:amount "10.5"^^xsd:decimal ; schema:currency "dollars"'),
        [("Initiative-currency-code", "akgid:project-x", "schema:currency", '"dollars"')]),
    Bad("Initiative-fundedBy-class",
        ent("akgid:initiative-x", "akg:Initiative", "ข้อริเริ่มเอกซ์", "Initiative X", "akg:fundedBy akgid:person-a"),
        [("Initiative-fundedBy-class", "akgid:initiative-x", "akg:fundedBy", "akgid:person-a")]),
    # statuses
    Bad("StatusShape",
        'akgid:pending a akg:Status ; skos:prefLabel "รอ"@th , "Pending"@en ; rdfs:label "รอ"@th , "Pending"@en .\n',
        [("StatusShape", "akgid:pending", None, "akgid:pending")]),
    # articles
    Bad("NewsArticle-identifier-one", article(drop="dcterms:identifier"),
        [("NewsArticle-identifier-one", "akgid:article-u", "dcterms:identifier", None)]),
    Bad("NewsArticle-identifier-string", article(drop="dcterms:identifier", more='dcterms:identifier "1"^^xsd:integer'),
        [("NewsArticle-identifier-string", "akgid:article-u", "dcterms:identifier", '"1"^^xsd:integer')]),
    Bad("NewsArticle-title-max", article(more='dcterms:title "พาดหัวอีกอัน"@th'),
        [("NewsArticle-title-max", "akgid:article-u", "dcterms:title", None)]),
    Bad("NewsArticle-title-th", article(drop="dcterms:title", more='dcterms:title "A headline"@en'),
        [("NewsArticle-title-th", "akgid:article-u", "dcterms:title", '"A headline"@en')]),
    Bad("NewsArticle-issued-max", article(more='dcterms:issued "2025-01-19"^^xsd:date'),
        [("NewsArticle-issued-max", "akgid:article-u", "dcterms:issued", None)]),
    Bad("NewsArticle-issued-date", article(drop="dcterms:issued", more='dcterms:issued "17 มกราคม 2568"'),
        [("NewsArticle-issued-date", "akgid:article-u", "dcterms:issued", '"17 มกราคม 2568"')]),
    Bad("NewsArticle-url", article(drop="schema:url", more='schema:url "https://example.org/news/2"'),
        [("NewsArticle-url", "akgid:article-u", "schema:url", '"https://example.org/news/2"')]),
    Bad("NewsArticle-graph", article(drop="GRAPH"),
        [("NewsArticle-graph", "akgid:article-u", "^prov:wasDerivedFrom", None)]),
    Bad("NewsArticle-graph-iri", article() + "akgid:mou-x prov:wasDerivedFrom akgid:article-u .\n",
        [("NewsArticle-graph-iri", "akgid:article-u", "^prov:wasDerivedFrom", "akgid:mou-x")]),
    # mentions
    Bad("Mention-mentionOf-one", mention(drop="akg:mentionOf"),
        [("Mention-mentionOf-one", "akgid:mention-t-3-7", "akg:mentionOf", None)]),
    Bad("Mention-mentionOf-iri", mention(drop="akg:mentionOf", more='akg:mentionOf "person-a"'),
        [("Mention-mentionOf-iri", "akgid:mention-t-3-7", "akg:mentionOf", '"person-a"'),
         ("Mention-entity-mentioned", "akgid:mention-t-3-7", "akg:mentionOf", '"person-a"')]),
    Bad("Mention-inDocument-one", mention(drop="akg:inDocument"),
        [("Mention-inDocument-one", "akgid:mention-t-3-7", "akg:inDocument", None)]),
    Bad("Mention-inDocument-class", mention(drop="akg:inDocument", more="akg:inDocument akgid:place-a"),
        [("Mention-inDocument-class", "akgid:mention-t-3-7", "akg:inDocument", "akgid:place-a"),
         ("Mention-entity-mentioned", "akgid:mention-t-3-7", "akg:mentionOf", "akgid:person-a")]),
    Bad("Mention-beginIndex-one", mention(drop="akg:beginIndex"),
        [("Mention-beginIndex-one", "akgid:mention-t-3-7", "akg:beginIndex", None)]),
    Bad("Mention-beginIndex-integer", mention(begin='"3.0"^^xsd:decimal'),
        [("Mention-beginIndex-integer", "akgid:mention-t-3-7", "akg:beginIndex", '"3.0"^^xsd:decimal')]),
    Bad("Mention-beginIndex-nonnegative", mention(begin="-1", end="3"),
        [("Mention-beginIndex-nonnegative", "akgid:mention-t-3-7", "akg:beginIndex", '"-1"^^xsd:integer')]),
    Bad("Mention-begin-before-end", mention(begin="7", end="3"),
        [("Mention-begin-before-end", "akgid:mention-t-3-7", "akg:beginIndex", '"7"^^xsd:integer'),
         ("Mention-anchor-length", "akgid:mention-t-3-7", "akg:anchorOf", '"กขคง"')]),
    Bad("Mention-endIndex-one", mention(drop="akg:endIndex"),
        [("Mention-endIndex-one", "akgid:mention-t-3-7", "akg:endIndex", None)]),
    Bad("Mention-endIndex-integer", mention(end='"7.0"^^xsd:decimal'),
        [("Mention-endIndex-integer", "akgid:mention-t-3-7", "akg:endIndex", '"7.0"^^xsd:decimal')]),
    Bad("Mention-anchorOf-one", mention(drop="akg:anchorOf"),
        [("Mention-anchorOf-one", "akgid:mention-t-3-7", "akg:anchorOf", None)]),
    Bad("Mention-anchorOf-string", mention(anchor='"กขคง"@th'),
        [("Mention-anchorOf-string", "akgid:mention-t-3-7", "akg:anchorOf", '"กขคง"@th')]),
    Bad("Mention-sentence-one", mention(drop="akg:sentence"),
        [("Mention-sentence-one", "akgid:mention-t-3-7", "akg:sentence", None)]),
    Bad("Mention-sentence-string", mention(drop="akg:sentence", more='akg:sentence ""'),
        [("Mention-sentence-string", "akgid:mention-t-3-7", "akg:sentence", '""')]),
    Bad("Mention-anchor-length", mention(anchor='"กขค"'),
        [("Mention-anchor-length", "akgid:mention-t-3-7", "akg:anchorOf", '"กขค"')]),
    Bad("Mention-anchor-in-text", mention() + 'akgid:article-t schema:text "ABCกขจงDEF"@th .\n',
        [("Mention-anchor-in-text", "akgid:mention-t-3-7", "akg:anchorOf", '"กขคง"')]),
    Bad("Mention-entity-mentioned",
        mention(drop="akg:mentionOf", more="akg:mentionOf akgid:person-x")
        + 'akgid:person-x a akg:Person ; skos:prefLabel "นายเอกซ์"@th , "Mr X"@en ; rdfs:label "นายเอกซ์"@th , "Mr X"@en ;'
        " akg:mentionedIn akgid:article-u .\n" + article(),
        [("Mention-entity-mentioned", "akgid:mention-t-3-7", "akg:mentionOf", "akgid:person-x")]),
]


def shown(value: str | None) -> str | None:
    """An expected value as Violation.value shows it: IRIs in full, literals as written."""
    if value is None or value.startswith('"'):
        return value
    return curie(value)


# --- the tests ---------------------------------------------------------------------------------


def test_context_conforms(engine: str) -> None:
    report = check("", engine)
    assert report.conforms, format_report(report)
    assert report.violations == []


@pytest.mark.parametrize("case", GOOD, ids=lambda c: c.shape)
def test_conforming_fixture(case: Good, engine: str) -> None:
    report = check(case.turtle, engine)
    assert report.violations == [], format_report(report)
    assert report.conforms


@pytest.mark.parametrize("case", BAD, ids=lambda c: c.id)
def test_violating_fixture(case: Bad, engine: str) -> None:
    for lang, index in (("en", 0), ("th", 1)):
        report = check(case.turtle, engine, lang=lang)
        got = sorted((v.shape, v.focus, v.path, v.value, v.severity, v.message) for v in report.violations)
        want = sorted(
            (f"akgsh:{rule}", curie(focus), path, shown(value), case.severity, MESSAGES[rule][index])
            for rule, focus, path, value in case.expected
        )
        assert got == want, format_report(report, lang)
        assert report.conforms == (case.severity != "Violation")


@pytest.mark.parametrize("case", [*GOOD, *BAD], ids=lambda c: getattr(c, "id", None) or f"good-{c.shape}")
def test_engines_agree_on_the_fixture(case: Good | Bad) -> None:
    for lang in ("en", "th"):
        fast, reference = (check(case.turtle, engine, lang=lang) for engine in ("oxigraph", "pyshacl"))
        assert fast == reference, format_report(fast, lang) + "\n--- pyshacl:\n" + format_report(reference, lang)


def _rules_in_shapes() -> set[str]:
    """Every named rule of the shapes file: property shapes, SPARQL constraints, and node shapes
    that carry a constraint of their own (not only sh:property / sh:sparql)."""
    shapes = load_shapes()
    rules = set()
    structural = {RDF.type, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.property, SH.sparql,
                  SH.message, SH.severity, rdflib.RDFS.comment, rdflib.RDFS.label}
    for node in set(shapes.subjects()):
        if not isinstance(node, rdflib.URIRef) or not str(node).startswith(SHAPES_NS):
            continue
        name = str(node)[len(SHAPES_NS):]
        if (node, SH.path, None) in shapes or (node, RDF.type, SH.SPARQLConstraint) in shapes:
            rules.add(name)
        elif (node, RDF.type, SH.NodeShape) in shapes and set(shapes.predicates(node)) - structural:
            if any(shapes.objects(node, SH.targetClass)) or any(shapes.objects(node, SH.targetNode)):
                rules.add(name)
    return rules


def test_every_rule_has_a_violating_fixture_and_its_messages() -> None:
    rules = _rules_in_shapes()
    tested = {rule for case in BAD for rule, *_ in case.expected}
    assert rules - tested == set(), "rules without a violating fixture"
    assert set(MESSAGES) == rules


def test_every_targeting_node_shape_has_a_conforming_fixture() -> None:
    shapes = load_shapes()
    targeting = {
        str(s)[len(SHAPES_NS):]
        for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf)
        for s in shapes.subjects(p, None)
    }
    assert targeting - {case.shape for case in GOOD} == set()


def test_every_constraint_has_a_message_in_thai_and_english() -> None:
    shapes = load_shapes()
    for rule in _rules_in_shapes():
        node = rdflib.URIRef(SHAPES_NS + rule)
        langs = sorted(m.language for m in shapes.objects(node, SH.message))
        assert langs == ["en", "th"], rule
        en, th = (str(next(m for m in shapes.objects(node, SH.message) if m.language == lang)) for lang in ("en", "th"))
        assert (en, th) == MESSAGES[rule]


def test_shapes_file_is_the_one_loaded() -> None:
    assert len(load_shapes()) == len(rdflib.Graph().parse(SHAPES_FILE, format="turtle"))


def test_warnings_alone_conform_and_are_reported(engine: str) -> None:
    report = check(ent("akgid:cabinet-x", "akg:CabinetMeeting", "การประชุม ครม.", "Cabinet meeting"), engine)
    assert report.conforms
    assert [(v.severity, v.shape) for v in report.violations] == [("Warning", "akgsh:CabinetMeeting-date")]


def test_violation_labels_follow_the_language(engine: str) -> None:
    data = ent("akgid:ministry-x", "akg:Ministry", "กระทรวงเอกซ์", "Ministry X", "akg:country akgid:place-a")
    assert [v.focus_label for v in check(data, engine, lang="en").violations] == ["Ministry X"]
    assert [v.focus_label for v in check(data, engine, lang="th").violations] == ["กระทรวงเอกซ์"]


def test_violation_label_falls_back_to_the_other_language(engine: str) -> None:
    data = (
        'akgid:person-x a akg:Person ; skos:prefLabel "นายเอกซ์"@th ; rdfs:label "นายเอกซ์"@th ; '
        "akg:mentionedIn akgid:article-t .\n"
    )
    (violation,) = check(data, engine, lang="en").violations
    assert violation.focus_label == "นายเอกซ์"


def test_document_given_is_attributed(engine: str) -> None:
    report = check(ent("akgid:io-x", "akg:InternationalOrganization", "องค์การเอกซ์", "Organization X",
                       "akg:country akgid:country-a"), engine, document="t")
    assert [v.document for v in report.violations] == ["t"]


def test_validate_graph_leaves_its_input_alone(engine: str) -> None:
    data = graph("")
    before = set(data)
    validate_graph(data, engine=engine)
    assert set(data) == before


# --- whole datasets, as the store dumps them ---------------------------------------------------


def _dataset(graphs: dict[str, str]) -> bytes:
    """N-Quads of named graphs given as Turtle (with the context's prefixes)."""
    prefixes = "".join(line + "\n" for line in CONTEXT.splitlines() if line.startswith("@prefix"))
    store = pyoxigraph.Store()
    for name, turtle in graphs.items():
        store.load(
            (prefixes + turtle).encode("utf-8"),
            format=pyoxigraph.RdfFormat.TURTLE,
            to_graph=pyoxigraph.NamedNode(name),
        )
    return store.dump(format=pyoxigraph.RdfFormat.N_QUADS)


DOC = "https://w3id.org/aseankg/graph/doc/"
LEXICON = "https://w3id.org/aseankg/graph/lexicon"


def test_validate_nquads_conforms_for_a_good_dataset(engine: str) -> None:
    report = validate_nquads(_dataset({DOC + "t": CONTEXT}), engine=engine)
    assert report.conforms, format_report(report)


def test_validate_nquads_attributes_a_violation_to_its_document(engine: str) -> None:
    # Document u states a meeting whose location is a person; document t is fine. The
    # lexicon graph carries the labels of the person, as the build writes it.
    doc_u = article() + (
        'akgid:meeting-x a akg:Meeting ; skos:prefLabel "การประชุมเอกซ์"@th , "Meeting X"@en ;'
        ' rdfs:label "การประชุมเอกซ์"@th , "Meeting X"@en ;'
        " akg:mentionedIn akgid:article-u ; schema:location akgid:person-a .\n"
        "akgid:person-a a akg:Person ; akg:mentionedIn akgid:article-u .\n"
    )
    nquads = _dataset({DOC + "t": CONTEXT, DOC + "u": doc_u})
    report = validate_nquads(nquads, lang="th", engine=engine)
    assert not report.conforms
    assert [(v.focus, v.path, v.value, v.document, v.focus_label) for v in report.violations] == [
        (expand("akgid:meeting-x"), "schema:location", expand("akgid:person-a"), "u", "การประชุมเอกซ์")
    ]
    assert report.violations[0].message == MESSAGES["Meeting-location-class"][1]


def test_validate_nquads_names_every_document_that_states_the_faulty_triple(engine: str) -> None:
    bad = (
        ent("akgid:io-x", "akg:InternationalOrganization", "องค์การเอกซ์", "Organization X", "akg:country akgid:country-a")
    )
    nquads = _dataset({DOC + "t": CONTEXT + bad, DOC + "u": article() + bad.replace("article-t", "article-u")})
    (violation,) = validate_nquads(nquads, engine=engine).violations
    assert violation.shape == "akgsh:InternationalOrganization-no-country"
    assert violation.document == "t, u"


def test_validate_nquads_accepts_text_and_leaves_lexicon_only_focus_unattributed(engine: str) -> None:
    lexicon = 'akgid:person-z a akg:Person ; skos:prefLabel "นายแซด"@th ; rdfs:label "นายแซด"@th .\n'
    nquads = _dataset({DOC + "t": CONTEXT, LEXICON: lexicon}).decode("utf-8")
    report = validate_nquads(nquads, engine=engine)
    assert {(v.shape, v.document) for v in report.violations} == {
        ("akgsh:prefLabel-en", None),
        ("akgsh:mentionedIn-min", None),
    }


# --- the text and JSON forms ------------------------------------------------------------------


def test_format_report_in_english(engine: str) -> None:
    report = check(
        ent("akgid:io-x", "akg:InternationalOrganization", "องค์การเอกซ์", "Organization X", "akg:country akgid:country-a"),
        engine,
        document="t",
    )
    assert format_report(report) == (
        "The graph does not conform to the shapes: 1 violation(s), 0 warning(s).\n"
        "\n"
        "[Violation] Organization X <https://w3id.org/aseankg/id/io-x>\n"
        "    path: akg:country\n"
        "    message: An international organization belongs to no single country: no akg:country "
        "(state its members with akg:memberOf).\n"
        "    document: t\n"
        "    shape: akgsh:InternationalOrganization-no-country\n"
    )


def test_format_report_in_thai(engine: str) -> None:
    report = check(ent("akgid:cabinet-x", "akg:CabinetMeeting", "การประชุม ครม.", "Cabinet meeting"), engine, lang="th")
    assert format_report(report, lang="th") == (
        "กราฟเป็นไปตามรูปร่าง SHACL โดยมีคำเตือน 1 รายการ และหมายเหตุ 0 รายการ\n"
        "\n"
        "[คำเตือน] การประชุม ครม. <https://w3id.org/aseankg/id/cabinet-x>\n"
        "    คุณสมบัติ: schema:startDate\n"
        "    ข้อความ: การประชุมคณะรัฐมนตรีควรระบุวันที่ (schema:startDate)\n"
        "    รูปร่าง: akgsh:CabinetMeeting-date\n"
    )


def test_format_report_when_all_is_well(engine: str) -> None:
    assert format_report(check("", engine)) == "The graph conforms to the shapes.\n"
    assert format_report(Report(True, []), lang="th") == "กราฟเป็นไปตามรูปร่าง SHACL ทุกข้อ\n"


def test_report_to_json(engine: str) -> None:
    report = check(mention(anchor='"กขค"'), engine, document="t")
    assert report.to_json() == {
        "conforms": False,
        "counts": {"Violation": 1, "Warning": 0, "Info": 0},
        "violations": [
            {
                "focus": expand("akgid:mention-t-3-7"),
                "focus_label": None,
                "path": "akg:anchorOf",
                "message": MESSAGES["Mention-anchor-length"][0],
                "severity": "Violation",
                "value": '"กขค"',
                "document": "t",
                "shape": "akgsh:Mention-anchor-length",
            }
        ],
    }
    assert isinstance(report.violations[0], Violation)


# --- batches of documents: each judged on its own ---------------------------------------------


def _quads(graphs: dict[str, str]) -> list[pyoxigraph.Quad]:
    return list(pyoxigraph.parse(_dataset(graphs), format=pyoxigraph.RdfFormat.N_QUADS))


def _article(identifier: str) -> str:
    """A conforming article ``identifier`` and its graph's provenance."""
    return (
        f'akgid:article-{identifier} a akg:NewsArticle ; dcterms:identifier "{identifier}" ; '
        f'dcterms:title "ข่าว {identifier}"@th ; rdfs:label "ข่าว {identifier}"@th .\n'
        f"<https://w3id.org/aseankg/graph/doc/{identifier}> prov:wasDerivedFrom akgid:article-{identifier} .\n"
    )


def _mentions(identifier: str, *entities: str) -> str:
    return "".join(f"{e} akg:mentionedIn akgid:article-{identifier} .\n" for e in entities)


LEXICON_PERSON = ('akgid:person-l a akg:Person ; skos:prefLabel "นายแอล"@th , "Mr L"@en ; '
                  'rdfs:label "นายแอล"@th , "Mr L"@en ; akg:memberOf akgid:country-l .\n'
                  'akgid:country-l a akg:Country ; skos:prefLabel "ประเทศแอล"@th , "Country L"@en ; '
                  'rdfs:label "ประเทศแอล"@th , "Country L"@en .\n')


def test_a_batch_refuses_exactly_the_documents_that_fail(engine: str) -> None:
    doc_u = _article("u") + (
        'akgid:meeting-x a akg:Meeting ; skos:prefLabel "การประชุมเอกซ์"@th , "Meeting X"@en ;'
        ' rdfs:label "การประชุมเอกซ์"@th , "Meeting X"@en ; schema:location akgid:person-l .\n'
        + _mentions("u", "akgid:meeting-x", "akgid:person-l") + "akgid:person-l a akg:Person .\n"
    )
    doc_v = _article("v") + _mentions("v", "akgid:person-l") + "akgid:person-l a akg:Person .\n"
    lexicon = LEXICON_PERSON.split(" ; akg:memberOf")[0] + " .\n"  # the person alone
    reports = validate_documents(_quads({DOC + "t": CONTEXT, DOC + "u": doc_u, DOC + "v": doc_v,
                                         LEXICON: lexicon}), lang="th", engine=engine)
    assert sorted(reports) == ["t", "u", "v"]
    assert reports["t"].conforms and reports["v"].conforms, format_report(reports["v"])
    assert [(v.shape, v.focus, v.value, v.document, v.focus_label) for v in reports["u"].violations] == [
        ("akgsh:Meeting-location-class", expand("akgid:meeting-x"), expand("akgid:person-l"), "u", "การประชุมเอกซ์")
    ]


def test_a_document_brings_along_only_the_lexicon_facts_it_mentions(engine: str) -> None:
    # The lexicon says person-l is a member of country-l, whose English prefLabels clash.
    # Document v mentions both: the clash is v's. Document w mentions only the person: neither
    # the fact nor country-l comes along, so nothing of country-l is validated in w.
    doc_v = _article("v") + _mentions("v", "akgid:person-l", "akgid:country-l") + (
        "akgid:person-l a akg:Person .\nakgid:country-l a akg:Country .\n")
    doc_w = _article("w") + _mentions("w", "akgid:person-l") + "akgid:person-l a akg:Person .\n"
    lexicon = LEXICON_PERSON.replace('"Country L"@en', '"Country L"@en , "Land L"@en')  # two @en prefLabels
    reports = validate_documents(_quads({DOC + "v": doc_v, DOC + "w": doc_w, LEXICON: lexicon}), engine=engine)
    assert [(v.shape, v.focus, v.document) for v in reports["v"].violations] == [
        ("akgsh:prefLabel-unique", expand("akgid:country-l"), "v")]
    assert reports["w"].violations == []


def test_what_two_documents_break_together_is_blamed_on_neither(engine: str) -> None:
    # Two articles name one entity (found by patterns, so its labels are in each document's
    # graph) with different English labels: each document conforms; the store's union does not.
    def doc(identifier: str, english: str) -> str:
        return _article(identifier) + (
            f'akgid:person-p a akg:Person ; skos:prefLabel "นายพี"@th , "{english}"@en ; '
            f'rdfs:label "นายพี"@th , "{english}"@en ; akg:mentionedIn akgid:article-{identifier} .\n')

    graphs = {DOC + "u": doc("u", "Mr P"), DOC + "v": doc("v", "Mr Pee")}
    reports = validate_documents(_quads(graphs), engine=engine)
    assert {name: r.violations for name, r in reports.items()} == {"u": [], "v": []}
    assert validate_quads(_quads(graphs), engine=engine).conforms
    union = validate_nquads(_dataset(graphs), engine=engine)
    assert [(v.shape, v.document) for v in union.violations] == [("akgsh:prefLabel-unique", "u, v")]


def test_validate_quads_names_every_document_that_fails_alike(engine: str) -> None:
    bad = ent("akgid:io-x", "akg:InternationalOrganization", "องค์การเอกซ์", "Organization X", "akg:country akgid:country-a")
    graphs = {DOC + "t": CONTEXT + bad, DOC + "u": _article("u") + CONTEXT.split("akgid:person-a", 1)[0].split(
        "<https://w3id.org/aseankg/graph/doc/t>", 1)[0].replace("article-t", "article-x").replace('"t"', '"x"')}
    report = validate_quads(_quads({DOC + "t": CONTEXT + bad, DOC + "u": CONTEXT.replace("article-t", "article-u")
                                    .replace('"t"', '"u"').replace("/doc/t>", "/doc/u>") + bad.replace("article-t", "article-u")}),
                            engine=engine)
    assert graphs  # (the simpler dataset above is the one validated)
    assert [(v.shape, v.document) for v in report.violations] == [("akgsh:InternationalOrganization-no-country", "t, u")]


def test_lexicon_entries_no_document_mentions_are_validated_unattributed(engine: str) -> None:
    lexicon = 'akgid:person-z a akg:Person ; skos:prefLabel "นายแซด"@th ; rdfs:label "นายแซด"@th .\n'
    reports = validate_documents(_quads({DOC + "t": CONTEXT, LEXICON: lexicon}), engine=engine)
    assert reports["t"].violations == []
    assert {(v.shape, v.document) for v in reports[None].violations} == {
        ("akgsh:prefLabel-en", None), ("akgsh:mentionedIn-min", None)}


def test_store_validated_in_place_matches_its_dump(engine: str) -> None:
    from aseankg.store import write_union

    bad = ent("akgid:io-x", "akg:InternationalOrganization", "องค์การเอกซ์", "Organization X", "akg:country akgid:country-a")
    store = pyoxigraph.Store()
    store.load(_dataset({DOC + "t": CONTEXT + bad}), format=pyoxigraph.RdfFormat.N_QUADS)
    store.bulk_extend(pyoxigraph.Quad(q.subject, q.predicate, q.object, pyoxigraph.NamedNode(ONTOLOGY))
                      for q in pyoxigraph.parse(path=str(ONTOLOGY_FILE), format=pyoxigraph.RdfFormat.TURTLE))
    write_union(store)
    in_place = validate_store(store, engine=engine)
    assert in_place == validate_nquads(store.dump(format=pyoxigraph.RdfFormat.N_QUADS), engine=engine)
    assert [(v.shape, v.document) for v in in_place.violations] == [("akgsh:InternationalOrganization-no-country", "t")]


def test_batches_of_generated_articles_give_each_document_its_own_verdict() -> None:
    """A batch validated as one dataset gives every document the report it gets alone (its
    graph and the lexicon quads of what it mentions, as the build validated it before), and
    the two engines agree on each."""
    from bench.corpus import ArticleGenerator
    from bench.graph import article_quads

    from aseankg.graph import lexicon_quads
    from aseankg.lexicon import load_lexicon

    lexicon = load_lexicon()
    articles = list(ArticleGenerator(8, lexicon).articles(6))
    mapped = [(a.identifier, article_quads(a), {s for s, e in a.planted.entities.items() if e.curated}) for a in articles]
    # break one article: a mention with nothing but its type
    broken = mapped[2][1] + [pyoxigraph.Quad(
        pyoxigraph.NamedNode(expand("akgid:mention-broken")), pyoxigraph.NamedNode(str(RDF.type)),
        pyoxigraph.NamedNode(expand("akg:Mention")), pyoxigraph.NamedNode(DOC + mapped[2][0]))]
    mapped[2] = (mapped[2][0], broken, mapped[2][2])
    everything = set().union(*(c for _, _, c in mapped))
    batch = [q for _, quads, _ in mapped for q in quads] + lexicon_quads(lexicon.entries[s] for s in sorted(everything))
    together = validate_documents(batch)
    for identifier, quads, curated in mapped:
        alone = quads + lexicon_quads(lexicon.entries[s] for s in sorted(curated))
        assert together[identifier] == validate_documents(alone)[identifier]
        assert together[identifier] == validate_documents(alone, engine="pyshacl")[identifier]
    assert [name for name, report in together.items() if not report.conforms] == [mapped[2][0]]


# --- the shapes the Oxigraph engine cannot run are refused when they are loaded -----------------


@pytest.mark.parametrize("extra, feature", [
    ("akgsh:X a sh:NodeShape ; sh:targetClass akg:Person ; sh:closed true ; sh:message \"x\"@en .", "sh:closed"),
    ("akgsh:X a sh:NodeShape ; sh:targetClass akg:Person ; sh:property [ sh:path akg:holds ; "
     "sh:qualifiedValueShape [ sh:class akg:Position ] ; sh:qualifiedMinCount 1 ; "
     "sh:qualifiedValueShapesDisjoint true ; sh:message \"x\"@en ] .", "qualifiedValueShapesDisjoint"),
    ("akgsh:X a sh:NodeShape ; sh:targetClass akg:Person ; sh:property [ sh:path akg:holds ; sh:minCount 1 ] .",
     "needs an sh:message"),
    ("akgsh:X a sh:NodeShape ; sh:targetClass akg:Person ; sh:property [ sh:path akg:holds ; "
     "sh:datatype xsd:hexBinary ; sh:message \"x\"@en ] .", "xsd:hexBinary"),
    ("akgsh:X a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ] .", "sh:target"),
])
def test_unsupported_shacl_is_refused_at_load(extra: str, feature: str) -> None:
    from aseankg.validate.shacl import class_hierarchy, compile_shapes

    shapes = rdflib.Graph().parse(SHAPES_FILE, format="turtle")
    shapes.parse(data="@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix akg: <https://w3id.org/aseankg/ontology#> ."
                      " @prefix akgsh: <https://w3id.org/aseankg/shapes#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."
                      + extra, format="turtle")
    with pytest.raises(UnsupportedShapes, match=re.escape(feature)):
        compile_shapes(shapes, class_hierarchy(load_ontology()))


def test_the_project_shapes_compile() -> None:
    plan = load_plan()
    assert {r.component for r in plan.rules} >= {"minCount", "maxCount", "class", "datatype", "sparql",
                                                  "qualifiedMinCount", "uniqueLang", "equals", "lessThan"}


# --- random graphs: the engines agree -------------------------------------------------------------

ENTITIES = [f"akgid:{n}" for n in ("e1", "e2", "e3", "person-a", "ministry-a", "io-a", "country-a", "place-a",
                                   "article-t", "series-adgmin", "adgmin-5", "mention-m")] + ["akg:Draft", "akg:Signed"]
CLASSES = [f"akg:{c}" for c in (
    "Person", "Organization", "Ministry", "GovernmentAgency", "InternationalOrganization", "Country", "Place",
    "Meeting", "MinisterialMeeting", "SeniorOfficialsMeeting", "WorkingGroupMeeting", "BilateralMeeting",
    "CabinetMeeting", "MeetingSeries", "WorkingGroup", "Position", "PolicyDocument", "Agreement", "MoU", "Plan",
    "Declaration", "Initiative", "Project", "Fund", "Status", "NewsArticle", "Mention")]
PREDICATES = ["skos:prefLabel", "rdfs:label", "skos:altLabel", "akg:mentionedIn", "akg:proposedBy", "akg:holds",
              "akg:holder", "akg:organization", "akg:title", "akg:attestedOn", "akg:country", "akg:memberOf",
              "akg:partOf", "schema:containedInPlace", "schema:startDate", "schema:endDate", "schema:location",
              "akg:hostCountry", "akg:chair", "schema:attendee", "schema:superEvent", "akg:series", "akg:ordinal",
              "akg:topic", "akg:status", "akg:party", "akg:amount", "schema:currency", "akg:fundedBy",
              "dcterms:identifier", "dcterms:title", "dcterms:issued", "schema:url", "prov:wasDerivedFrom",
              "akg:mentionOf", "akg:inDocument", "akg:beginIndex", "akg:endIndex", "akg:anchorOf", "akg:sentence"]
LITERALS = ['"3"^^xsd:integer', '"7"^^xsd:integer', '"-1"^^xsd:integer', '"3.0"^^xsd:decimal', '"1.50"^^xsd:decimal',
            '"2025-01-17"^^xsd:date', '"2025-01-18"^^xsd:date', '"2025-01"^^xsd:gYearMonth', '"2025"^^xsd:gYear',
            '"USD"', '"dollars"', '"กขคง"', '""', '"x"@th', '"y"@th', '"x"@en', '"Nai Ex"@th-Latn', '"y"@fr',
            '"true"^^xsd:boolean', '"7"']


def _random_graph(types, triples) -> str:
    lines = [f"{s} a {c} ." for s, c in types] + [f"{s} {p} {o} ." for s, p, o in triples]
    prefixes = "".join(line + "\n" for line in CONTEXT.splitlines() if line.startswith("@prefix"))
    return prefixes + "@prefix prov: <http://www.w3.org/ns/prov#> .\n" + "\n".join(lines) + "\n"


@given(
    with_context=st.booleans(),
    types=st.lists(st.tuples(st.sampled_from(ENTITIES), st.sampled_from(CLASSES)), max_size=8),
    triples=st.lists(st.tuples(st.sampled_from(ENTITIES), st.sampled_from(PREDICATES),
                               st.sampled_from(ENTITIES + LITERALS + ["<https://w3id.org/aseankg/graph/doc/t>"])),
                     max_size=25),
    hierarchy=st.booleans(),
)
@settings(max_examples=int(os.environ.get("AKG_RANDOM_GRAPHS", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_engines_agree_on_random_graphs(with_context: bool, types, triples, hierarchy: bool) -> None:
    text = _random_graph(types, triples)
    if hierarchy:  # a class hierarchy of the data's own: membership is read from the data
        text += "akgid:e1 <http://www.w3.org/2000/01/rdf-schema#subClassOf> akg:Person .\n"
    data = rdflib.Graph().parse(data=(CONTEXT if with_context else "") + "\n" + text, format="turtle")
    fast, reference = (validate_graph(data, engine=engine) for engine in ENGINES)
    assert fast == reference, format_report(fast) + "\n--- pyshacl:\n" + format_report(reference)
    # the same triples as a document's graph in a dump: the union read by both engines
    store = pyoxigraph.Store()
    store.load(data.serialize(format="nt").encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES,
               to_graph=pyoxigraph.NamedNode(DOC + "t"))
    nquads = store.dump(format=pyoxigraph.RdfFormat.N_QUADS)
    fast, reference = (validate_nquads(nquads, engine=engine) for engine in ENGINES)
    assert fast == reference, format_report(fast) + "\n--- pyshacl:\n" + format_report(reference)


SPARQL_RULES = {str(c)[len(SHAPES_NS):] for c in load_shapes().subjects(RDF.type, SH.SPARQLConstraint)}


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in BAD if any(rule in SPARQL_RULES for rule, *_ in c.expected)],
                         ids=lambda c: c.id)
def test_sparql_constraints_agree_with_pyshacl_running_them_itself(case: Bad) -> None:
    """Both engines run a SHACL-SPARQL constraint once over the graph and keep the rows of the
    shape's focus nodes; pyshacl itself pre-binds $this focus node by focus node. Same rows."""
    import pyshacl

    from aseankg.namespaces import compact
    from aseankg.validate.oxigraph import ontology_context, to_rdflib
    from aseankg.validate.report import show

    data = graph(case.turtle)
    for t in ontology_context():
        data.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    _, results, _ = pyshacl.validate(data, shacl_graph=load_shapes(), inference="none", allow_warnings=True)
    by_pyshacl = sorted(
        (compact(str(results.value(r, SH.sourceConstraint))), str(results.value(r, SH.focusNode)),
         show(results.value(r, SH.value)))
        for r in results.objects(None, SH.result) if results.value(r, SH.sourceConstraint) is not None
    )
    ours = sorted((v.shape, v.focus, v.value) for v in check(case.turtle, "oxigraph").violations
                  if v.shape and v.shape.split(":")[1] in SPARQL_RULES)
    assert ours == by_pyshacl
