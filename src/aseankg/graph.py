"""Extraction → quads: one named graph per document, the lexicon graph, the ontology graph.

This is the only module that turns extraction values into RDF terms. Super-class types are
materialised here from the ontology, so a plain SPARQL query for ``akg:Meeting`` finds every
ADGMIN meeting.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from aseankg.corpus import Document
from aseankg.extract.model import Entity, Extraction, Fact, Ref, Value
from aseankg.namespaces import (
    LEXICON_GRAPH,
    ONTOLOGY_GRAPH,
    ONTOLOGY_IRI,
    doc_graph,
    entity_iri,
    expand,
    mint_slug,
    node,
)

RDF_TYPE = node("rdf:type")
RDFS_SUBCLASS = node("rdfs:subClassOf")
XSD_STRING = node("xsd:string")


def article_slug(identifier: str) -> str:
    """The slug of the article node of the document ``identifier``."""
    return mint_slug(f"article {identifier}")


def mention_slug(identifier: str, begin: int, end: int, entity: str | None = None) -> str:
    """The slug of a mention; ``entity`` tells apart two entities named by one span."""
    return mint_slug(f"mention {identifier} {begin} {end} {entity or ''}")


def ontology_file() -> Path:
    from aseankg.paths import ONTOLOGY_FILE

    return ONTOLOGY_FILE


@lru_cache(maxsize=4)
def _ontology_quads(path: Path, mtime: float) -> tuple[Quad, ...]:
    graph = NamedNode(ONTOLOGY_GRAPH)
    with path.open("rb") as f:
        triples = parse(f, format=RdfFormat.TURTLE, base_iri=ONTOLOGY_IRI)
        return tuple(Quad(t.subject, t.predicate, t.object, graph) for t in triples)


def ontology_quads(path: Path | None = None) -> tuple[Quad, ...]:
    """The ontology, as quads of its own named graph."""
    path = path or ontology_file()
    return _ontology_quads(path, path.stat().st_mtime)


@lru_cache(maxsize=4)
def _superclasses(path: Path, mtime: float) -> dict[str, frozenset[str]]:
    parents: dict[str, set[str]] = {}
    for quad in _ontology_quads(path, mtime):
        if quad.predicate == RDFS_SUBCLASS and isinstance(quad.object, NamedNode):
            if isinstance(quad.subject, NamedNode):
                parents.setdefault(quad.subject.value, set()).add(quad.object.value)

    def closure(cls: str, seen: frozenset[str] = frozenset()) -> set[str]:
        found: set[str] = set()
        for parent in parents.get(cls, ()):
            if parent not in seen:
                found |= {parent} | closure(parent, seen | {cls})
        return found

    return {cls: frozenset(closure(cls)) for cls in parents}


def types_of(cls: str) -> list[NamedNode]:
    """The class (a CURIE or IRI) and every super-class the ontology gives it."""
    iri = expand(cls) if ":" in cls and not cls.startswith("http") else cls
    path = ontology_file()
    supers = _superclasses(path, path.stat().st_mtime).get(iri, frozenset())
    return [NamedNode(iri)] + [NamedNode(s) for s in sorted(supers)]


def term(obj: Ref | Value) -> NamedNode | Literal:
    """The RDF term of a fact's object."""
    if isinstance(obj, Ref):
        # a slug never holds ":"; a CURIE names an ontology individual such as akg:Draft
        return node(obj.slug) if ":" in obj.slug else NamedNode(entity_iri(obj.slug))
    if obj.lang:
        return Literal(obj.lexical, language=obj.lang)
    if obj.datatype:
        return Literal(obj.lexical, datatype=node(obj.datatype))
    return Literal(obj.lexical)


def entity_label_quads(entity: Entity, graph: NamedNode) -> Iterator[Quad]:
    """The names of an entity: prefLabels (one per language), rdfs:label, altLabels."""
    subject = NamedNode(entity_iri(entity.slug))
    for lang, label in sorted(entity.labels.items()):
        literal = Literal(label, language=lang)
        yield Quad(subject, node("skos:prefLabel"), literal, graph)
        yield Quad(subject, node("rdfs:label"), literal, graph)
    for text, lang in sorted(entity.alt_labels):
        if entity.labels.get(lang) != text:
            yield Quad(subject, node("skos:altLabel"), Literal(text, language=lang), graph)


def fact_quad(fact: Fact, graph: NamedNode) -> Quad:
    return Quad(NamedNode(entity_iri(fact.subject)), node(fact.predicate), term(fact.object), graph)


def article_quads(document: Document, graph: NamedNode) -> Iterator[Quad]:
    article = NamedNode(entity_iri(article_slug(document.identifier)))
    for cls in types_of("akg:NewsArticle"):
        yield Quad(article, RDF_TYPE, cls, graph)
    yield Quad(article, node("dcterms:identifier"), Literal(document.identifier), graph)
    if document.title:
        title = Literal(document.title, language="th")
        yield Quad(article, node("dcterms:title"), title, graph)
        yield Quad(article, node("rdfs:label"), title, graph)
    if document.issued:
        issued = Literal(document.issued.isoformat(), datatype=node("xsd:date"))
        yield Quad(article, node("dcterms:issued"), issued, graph)
    if document.url:
        yield Quad(article, node("schema:url"), NamedNode(document.url), graph)
    # The text every mention's offsets index, so an article page can show it whole.
    yield Quad(article, node("schema:text"), Literal(document.text, language="th"), graph)
    yield Quad(graph, node("prov:wasDerivedFrom"), article, graph)


def document_quads(document: Document, extraction: Extraction) -> list[Quad]:
    """Every quad of the document's named graph."""
    graph = NamedNode(doc_graph(document.identifier))
    article = NamedNode(entity_iri(article_slug(document.identifier)))
    quads = list(article_quads(document, graph))
    for entity in extraction.entities.values():
        subject = NamedNode(entity_iri(entity.slug))
        quads.extend(Quad(subject, RDF_TYPE, cls, graph) for cls in types_of(entity.cls))
        quads.append(Quad(subject, node("akg:mentionedIn"), article, graph))
        if not entity.curated:
            quads.extend(entity_label_quads(entity, graph))
    spans = Counter((m.begin, m.end) for m in extraction.mentions)
    for m in extraction.mentions:
        shared = m.entity if spans[m.begin, m.end] > 1 else None
        mention = NamedNode(entity_iri(mention_slug(document.identifier, m.begin, m.end, shared)))
        quads.extend(
            Quad(mention, p, o, graph)
            for p, o in (
                (RDF_TYPE, node("akg:Mention")),
                (node("akg:mentionOf"), NamedNode(entity_iri(m.entity))),
                (node("akg:inDocument"), article),
                (node("akg:beginIndex"), Literal(str(m.begin), datatype=node("xsd:integer"))),
                (node("akg:endIndex"), Literal(str(m.end), datatype=node("xsd:integer"))),
                (node("akg:anchorOf"), Literal(m.anchor)),
                (node("akg:sentence"), Literal(m.sentence)),
            )
        )
    quads.extend(fact_quad(f, graph) for f in extraction.facts)
    return _unique(quads)


def lexicon_quads(entries: Iterable) -> list[Quad]:
    """The lexicon graph for the given lexicon entries (those that documents mention).

    A curated fact is kept only when its object is among the entries too, so the graph
    never points at an entity that no document mentions.
    """
    entries = list(entries)
    present = {entry.entity.slug for entry in entries}
    graph = NamedNode(LEXICON_GRAPH)
    quads: list[Quad] = []
    for entry in entries:
        subject = NamedNode(entity_iri(entry.entity.slug))
        quads.extend(Quad(subject, RDF_TYPE, cls, graph) for cls in types_of(entry.entity.cls))
        quads.extend(entity_label_quads(entry.entity, graph))
        quads.extend(
            fact_quad(f, graph)
            for f in entry.facts
            if not isinstance(f.object, Ref) or f.object.slug in present
        )
    return _unique(quads)


def _unique(quads: list[Quad]) -> list[Quad]:
    return list(dict.fromkeys(quads))


__all__ = [
    "article_slug",
    "document_quads",
    "lexicon_quads",
    "ontology_quads",
    "types_of",
]
