"""Names and classes of everything in the graph, read once per store generation.

Every page and API shows things by their label in the page's language, and classes and
properties by the labels the ontology graph gives them. The labels of a whole graph are
small (a few per entity), so they are read in one query and kept in memory until a build
switches the store to a new generation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph
from starlette.requests import Request

from aseankg.namespaces import AKG, compact, expand
from aseankg.web.i18n import Lang
from aseankg.web.reading import per_generation, select

PREF = expand("skos:prefLabel")
ALT = expand("skos:altLabel")
RDFS_LABEL = expand("rdfs:label")
TITLE = expand("dcterms:title")
MENTION = expand("akg:Mention")
ARTICLE = expand("akg:NewsArticle")

_NAMES = """
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { skos:prefLabel skos:altLabel rdfs:label dcterms:title }
  ?s ?p ?o . FILTER(isIRI(?s) && isLiteral(?o))
}"""
_TYPES = f"""
SELECT DISTINCT ?s ?t WHERE {{ ?s a ?t . FILTER(isIRI(?s) && isIRI(?t) && ?t != <{MENTION}>) }}"""
_INVERSES = """
SELECT DISTINCT ?p ?q WHERE { ?p owl:inverseOf ?q . FILTER(isIRI(?p) && isIRI(?q)) }"""
_SUBCLASSES = """
SELECT DISTINCT ?c ?d WHERE { ?c rdfs:subClassOf ?d . FILTER(isIRI(?c) && isIRI(?d)) }"""


# Terms the graph reuses from W3C vocabularies and schema.org, for when the ontology graph
# does not label them itself (its labels win).
REUSED_TERMS: dict[str, tuple[str, str]] = {
    "rdf:type": ("ประเภท", "type"),
    "rdfs:label": ("ป้ายชื่อ", "label"),
    "rdfs:comment": ("คำอธิบาย", "comment"),
    "rdfs:isDefinedBy": ("นิยามไว้ใน", "defined by"),
    "skos:prefLabel": ("ชื่อหลัก", "preferred label"),
    "skos:altLabel": ("ชื่ออื่น", "alternative label"),
    "schema:startDate": ("วันเริ่ม", "start date"),
    "schema:endDate": ("วันสิ้นสุด", "end date"),
    "schema:location": ("สถานที่", "location"),
    "schema:attendee": ("ผู้เข้าร่วม", "attendee"),
    "schema:superEvent": ("จัดขึ้นระหว่าง", "held during"),
    "schema:subEvent": ("การประชุมย่อย", "sub-event"),
    "schema:organizer": ("ผู้จัด", "organizer"),
    "schema:containedInPlace": ("ตั้งอยู่ใน", "located in"),
    "schema:currency": ("สกุลเงิน", "currency"),
    "schema:url": ("ที่อยู่ต้นฉบับ", "source address"),
    "schema:text": ("เนื้อความ", "text"),
    "dcterms:title": ("ชื่อเรื่อง", "title"),
    "dcterms:issued": ("วันที่เผยแพร่", "issued"),
    "dcterms:identifier": ("รหัส", "identifier"),
    "prov:wasDerivedFrom": ("ได้มาจาก", "derived from"),
}


@dataclass(frozen=True)
class Name:
    """One name of a thing: its text, language tag ('' when none) and property IRI."""

    text: str
    lang: str
    property: str


@dataclass
class Labels:
    """The names and classes of every IRI in one store generation."""

    names: dict[str, list[Name]] = field(default_factory=lambda: defaultdict(list))
    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    supers: dict[str, set[str]] = field(default_factory=dict)  # class -> every super-class
    inverses: dict[str, str] = field(default_factory=dict)  # property -> its owl:inverseOf
    _kinds: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)  # kind(), once each

    def label(self, iri: str, lang: Lang) -> str:
        """The best name of ``iri`` for a reader of ``lang``; its short IRI when it has none.

        English readers get a romanisation (``th-Latn``) before Thai script.
        """
        names = self.names.get(iri)
        if names:
            order = ("th", "en", "th-latn") if lang == "th" else ("en", "th-latn", "th")
            for wanted in order:
                for prop in (PREF, RDFS_LABEL, TITLE):
                    for name in names:
                        if name.property == prop and name.lang.lower() == wanted:
                            return name.text
            for name in names:
                if name.property != ALT:
                    return name.text
            return names[0].text
        short = compact(iri)
        return short.split(":", 1)[1] if short != iri and ":" in short else short

    def has_label(self, iri: str) -> bool:
        return iri in self.names

    def kind(self, iri: str) -> str | None:
        """The most specific class of ``iri`` (an ``akg:`` one when there is a choice)."""
        if iri in self._kinds:
            return self._kinds[iri]
        classes = self.types.get(iri)
        kind = None
        if classes:
            specific = [c for c in classes if not any(c in self.supers.get(o, ()) for o in classes if o != c)]
            kind = sorted(specific, key=lambda c: (not c.startswith(AKG), c))[0]
        self._kinds[iri] = kind  # a page or a graph asks for the same few things' classes again and again
        return kind

    def is_a(self, iri: str, cls: str) -> bool:
        return cls in self.types.get(iri, ())

    def is_known(self, iri: str) -> bool:
        return iri in self.names or iri in self.types


def read_labels(store: pyoxigraph.Store) -> Labels:
    """Every name, class and sub-class relation in ``store``."""
    labels = Labels()
    for row in select(store, _NAMES):
        literal = row["o"]
        labels.names[row["s"].value].append(Name(literal.value, literal.language or "", row["p"].value))
    for row in select(store, _TYPES):
        labels.types[row["s"].value].add(row["t"].value)
    parents: dict[str, set[str]] = defaultdict(set)
    for row in select(store, _SUBCLASSES):
        parents[row["c"].value].add(row["d"].value)
    for cls in parents:
        seen: set[str] = set()
        todo = list(parents[cls])
        while todo:
            parent = todo.pop()
            if parent not in seen and parent != cls:
                seen.add(parent)
                todo.extend(parents.get(parent, ()))
        labels.supers[cls] = seen
    for row in select(store, _INVERSES):
        labels.inverses[row["p"].value] = row["q"].value
        labels.inverses[row["q"].value] = row["p"].value
    for curie, (th, en) in REUSED_TERMS.items():
        iri = expand(curie)
        if iri not in labels.names:
            labels.names[iri] = [Name(th, "th", RDFS_LABEL), Name(en, "en", RDFS_LABEL)]
    for names in labels.names.values():
        names.sort(key=lambda n: (n.property != PREF, n.property != RDFS_LABEL, n.lang, n.text))
    return labels


def labels_for(request: Request) -> Labels:
    """The labels of the store serving now."""
    return per_generation(request, "labels", read_labels)
