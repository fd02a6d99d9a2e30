"""The ontology at ``/ontology``: every class and property with its Thai and English label and
comment for a browser, the ontology graph as Turtle / JSON-LD / N-Triples / RDF/XML by ``Accept``
(or a ``.ttl`` / ``.jsonld`` / ``.nt`` / ``.rdf`` suffix).

Terms are ``https://w3id.org/aseankg/ontology#Local``, so each dereferences to this page and
its fragment: every term has an anchor named by its local name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from aseankg import serialize
from aseankg.namespaces import AKG, ONTOLOGY_GRAPH, ONTOLOGY_IRI, compact, expand
from aseankg.web import negotiation
from aseankg.web.labels import labels_for
from aseankg.web.frame import Page, render
from aseankg.web.reading import current_store

router = APIRouter(include_in_schema=False)

RDF_FORMATS = (negotiation.TURTLE, negotiation.JSON_LD, negotiation.N_TRIPLES, negotiation.RDF_XML)
OFFERED = (negotiation.HTML, *RDF_FORMATS)
TYPE = expand("rdf:type")
KINDS = {
    "classes": {expand("owl:Class"), expand("rdfs:Class")},
    "properties": {expand("owl:ObjectProperty"), expand("owl:DatatypeProperty"),
                   expand("owl:AnnotationProperty"), expand("rdf:Property")},
    "individuals": {expand("owl:NamedIndividual")},
}


@dataclass
class Term:
    """One class, property or individual, as the ontology page lists it."""

    iri: str
    anchor: str
    curie: str
    labels: dict[str, str] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    relations: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)


def ontology_triples(store: pyoxigraph.Store) -> list[pyoxigraph.Triple]:
    graph = pyoxigraph.NamedNode(ONTOLOGY_GRAPH)
    return [pyoxigraph.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, graph)]


def _anchor(iri: str) -> str:
    return iri[len(AKG):] if iri.startswith(AKG) else compact(iri).replace(":", "-")


@router.api_route("/ontology", methods=["GET", "HEAD"])
def ontology(request: Request) -> Response:
    """The ontology: a page for browsers, RDF for everything else."""
    fmt = negotiation.choose(request.headers.get("accept"), OFFERED)
    if fmt is None:
        return negotiation.not_acceptable(OFFERED)
    return _answer(request, fmt)


@router.api_route("/ontology.{extension}", methods=["GET", "HEAD"])
def ontology_file(request: Request, extension: str) -> Response:
    fmt = next((f for f in RDF_FORMATS if f.extension == extension), None)
    if fmt is None:
        return PlainTextResponse(f"no such format: .{extension} (try .ttl, .jsonld, .nt or .rdf)", status_code=404)
    return _answer(request, fmt)


def _answer(request: Request, fmt: negotiation.Format) -> Response:
    store = current_store(request)
    triples = ontology_triples(store)
    if fmt is not negotiation.HTML:
        return Response(serialize.triples_bytes(triples, fmt.name), media_type=fmt.content_type, headers={"Vary": "Accept"})
    return _page(request, triples)


def _page(request: Request, triples: list[pyoxigraph.Triple]) -> Response:
    page = Page(request)
    labels = labels_for(request)
    about: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        if isinstance(t.subject, pyoxigraph.NamedNode):
            about[t.subject.value][t.predicate.value].append(t.object)

    def texts(iri: str, prop: str) -> dict[str, str]:
        return {o.language or "": o.value for o in about[iri].get(expand(prop), [])
                if isinstance(o, pyoxigraph.Literal)}

    def linked(iri: str, prop: str) -> list[tuple[str, str | None]]:
        """The terms ``iri`` relates to by ``prop``: ours by label, others by CURIE, linked out."""
        found = []
        for o in about[iri].get(expand(prop), []):
            if isinstance(o, pyoxigraph.NamedNode):
                ours = page.href_iri(o.value)
                found.append((labels.label(o.value, page.lang) if ours else compact(o.value), ours or o.value))
        return sorted(found)

    groups: dict[str, list[Term]] = {kind: [] for kind in KINDS}
    relation_words = [
        ("rdfs:subClassOf", "subclass_of"), ("rdfs:subPropertyOf", None), ("owl:inverseOf", None),
        ("rdfs:domain", "domain"), ("rdfs:range", "range"),
    ]
    for iri, props in about.items():
        types = {o.value for o in props.get(TYPE, []) if isinstance(o, pyoxigraph.NamedNode)}
        kind = next((k for k, wanted in KINDS.items() if types & wanted), None)
        if kind is None or iri == ONTOLOGY_IRI:
            continue
        term = Term(iri, _anchor(iri), compact(iri), texts(iri, "rdfs:label") or texts(iri, "skos:prefLabel"),
                    texts(iri, "rdfs:comment"))
        for prop, key in relation_words:
            values = linked(iri, prop)
            if values:
                name = page.word(key) if key else labels.label(expand(prop), page.lang) if labels.has_label(expand(prop)) else compact(expand(prop))
                term.relations.append((name, values))
        groups[kind].append(term)
    for terms in groups.values():
        terms.sort(key=lambda t: (not t.iri.startswith(AKG), t.curie))
    header = {
        "title": texts(ONTOLOGY_IRI, "dcterms:title"),
        "description": texts(ONTOLOGY_IRI, "dcterms:description"),
        "version": next(iter(texts(ONTOLOGY_IRI, "owl:versionInfo").values()), ""),
        "license": next((o.value for o in about[ONTOLOGY_IRI].get(expand("dcterms:license"), [])), None),
    }
    return render(request, "ontology.html", page, header=header, groups=groups,
                  data_links=[(f.media_type, f"/ontology.{f.extension}", f.name) for f in RDF_FORMATS])
