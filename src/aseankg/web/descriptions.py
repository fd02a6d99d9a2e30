"""What the service and the dataset say about themselves, for machines.

- ``GET /sparql`` with an RDF ``Accept`` and no query: a SPARQL 1.1 Service Description
  (endpoint, language, result formats, union default graph, the dataset and its graphs).
- ``GET /.well-known/void``: a VoID description of the dataset (size, entities per class,
  triples per property, named graphs as subsets, licence, example resources, endpoint, dumps).

The figures are counted once per store generation (a build makes a new one) and cached.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import anyio
import pyoxigraph
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from aseankg import serialize
from aseankg.export import FORMATS as EXPORT_FORMATS
from aseankg.namespaces import AKGID, PREFIXES, expand
from aseankg.store import StoreNotFound
from aseankg.web import negotiation
from aseankg.web.negotiation import GRAPH_FORMATS, Format

router = APIRouter()

VOID = PREFIXES["void"]
SD = PREFIXES["sd"]
W3C_FORMATS = "http://www.w3.org/ns/formats/"
RESULT_FORMAT_IRIS = tuple(W3C_FORMATS + n for n in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV"))
RDF_FORMAT_IRIS = tuple(W3C_FORMATS + n for n in ("Turtle", "N-Triples", "JSON-LD", "RDF_XML", "N-Quads", "TriG"))
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
XSD_INTEGER = NamedNode(PREFIXES["xsd"] + "integer")
RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
VOCABULARIES = ("akg", "skos", "schema", "prov", "dcterms", "org", "rdfs", "owl")
EXAMPLES = 3


@dataclass(frozen=True)
class Figures:
    """What the description counts, from one store generation."""

    triples: int
    entities: int
    subjects: int
    objects: int
    classes: tuple[tuple[str, int], ...]
    properties: tuple[tuple[str, int], ...]
    graphs: tuple[tuple[str, int], ...]
    examples: tuple[str, ...]


_UNION = "{ SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"


def count(store: pyoxigraph.Store) -> Figures:
    """Count the figures (runs in a worker thread: the results never leave it)."""

    def rows(sparql: str) -> list[tuple[str, int]]:
        return [
            (row[0].value, int(row[1].value))
            for row in store.query(sparql, prefixes=PREFIXES)
            if row[0] is not None and row[1] is not None
        ]

    def number(sparql: str) -> int:
        row = next(iter(store.query(sparql, prefixes=PREFIXES)))
        return int(row[0].value)

    triples = number(f"SELECT (COUNT(*) AS ?n) WHERE {_UNION}")
    entities = number(
        f'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?s), "{AKGID}")) }}'
    )
    subjects = number("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    objects = number("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    classes = rows(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } FILTER(isIRI(?c)) } GROUP BY ?c ORDER BY ?c"
    )
    properties = rows(f"SELECT ?p (COUNT(*) AS ?n) WHERE {_UNION} GROUP BY ?p ORDER BY ?p")
    graphs = rows("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    # Example resources: the entities named by the most articles (the data decides).
    examples = [
        iri
        for iri, _ in rows(
            "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?e akg:mentionedIn ?a } } "
            f"GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT {EXAMPLES}"
        )
    ]
    return Figures(triples, entities, subjects, objects, tuple(classes), tuple(properties), tuple(graphs), tuple(examples))


_cache: dict[Path, Figures] = {}
_cache_lock = threading.Lock()


async def figures(request: Request) -> Figures:
    """The figures of the generation serving now, counted on first use."""
    live = request.app.state.store
    store = live.get()
    key = live.root.current() or Path("")
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    counted = await anyio.to_thread.run_sync(count, store)
    with _cache_lock:
        _cache.clear()  # keep only the generation serving now
        _cache[key] = counted
    return counted


def base_url(request: Request) -> str:
    """This server's address as the client sees it, without a trailing slash."""
    return str(request.base_url).rstrip("/")


def dataset_iri(base: str) -> NamedNode:
    return NamedNode(f"{base}/.well-known/void#dataset")


def _integer(value: int) -> Literal:
    return Literal(str(value), datatype=XSD_INTEGER)


def _n(curie: str) -> NamedNode:
    return NamedNode(expand(curie))


def void_triples(base: str, f: Figures) -> list[Triple]:
    """The VoID description of the dataset."""
    void = lambda local: NamedNode(VOID + local)  # noqa: E731
    ds = dataset_iri(base)
    out = [
        Triple(ds, RDF_TYPE, void("Dataset")),
        Triple(ds, _n("dcterms:title"), Literal("aseankg: Thailand's digital diplomacy, a bilingual knowledge graph", language="en")),
        Triple(ds, _n("dcterms:title"), Literal("aseankg: กราฟความรู้การทูตดิจิทัลของไทย สองภาษา", language="th")),
        Triple(
            ds,
            _n("dcterms:description"),
            Literal(
                "Ministries, people and their posts, ASEAN digital meetings, bilateral talks and MoUs "
                "extracted from Thai government news, with the provenance of every fact.",
                language="en",
            ),
        ),
        Triple(ds, _n("dcterms:license"), NamedNode(LICENSE)),
        Triple(ds, void("sparqlEndpoint"), NamedNode(f"{base}/sparql")),
        Triple(ds, void("uriSpace"), Literal(AKGID)),
        Triple(ds, void("triples"), _integer(f.triples)),
        Triple(ds, void("entities"), _integer(f.entities)),
        Triple(ds, void("distinctSubjects"), _integer(f.subjects)),
        Triple(ds, void("distinctObjects"), _integer(f.objects)),
        Triple(ds, void("classes"), _integer(len(f.classes))),
        Triple(ds, void("properties"), _integer(len(f.properties))),
        Triple(ds, _n("rdfs:seeAlso"), NamedNode(f"{base}/sparql")),
    ]
    for ext in EXPORT_FORMATS:
        out.append(Triple(ds, void("dataDump"), NamedNode(f"{base}/export/aseankg.{ext}")))
    for iri in RDF_FORMAT_IRIS:
        out.append(Triple(ds, void("feature"), NamedNode(iri)))
    for prefix in VOCABULARIES:
        out.append(Triple(ds, void("vocabulary"), NamedNode(PREFIXES[prefix])))
    for iri in f.examples:
        out.append(Triple(ds, void("exampleResource"), NamedNode(iri)))
    for iri, entities in f.classes:
        part = BlankNode()
        out += [
            Triple(ds, void("classPartition"), part),
            Triple(part, void("class"), NamedNode(iri)),
            Triple(part, void("entities"), _integer(entities)),
        ]
    for iri, triples in f.properties:
        part = BlankNode()
        out += [
            Triple(ds, void("propertyPartition"), part),
            Triple(part, void("property"), NamedNode(iri)),
            Triple(part, void("triples"), _integer(triples)),
        ]
    for iri, triples in f.graphs:
        subset = BlankNode()
        out += [
            Triple(ds, void("subset"), subset),
            Triple(subset, RDF_TYPE, void("Dataset")),
            Triple(subset, RDF_TYPE, NamedNode(SD + "NamedGraph")),
            Triple(subset, NamedNode(SD + "name"), NamedNode(iri)),
            Triple(subset, void("triples"), _integer(triples)),
            Triple(subset, void("dataDump"), NamedNode(f"{base}/rdf-graphs?graph={quote(iri, safe='')}")),
        ]
    return out


def service_triples(base: str, f: Figures) -> list[Triple]:
    """The SPARQL 1.1 Service Description of ``/sparql``."""
    sd = lambda local: NamedNode(SD + local)  # noqa: E731
    service = NamedNode(f"{base}/sparql#service")
    dataset = dataset_iri(base)
    default_graph = BlankNode()
    out = [
        Triple(service, RDF_TYPE, sd("Service")),
        Triple(service, sd("endpoint"), NamedNode(f"{base}/sparql")),
        Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        Triple(service, sd("defaultEntailmentRegime"), NamedNode("http://www.w3.org/ns/entailment/Simple")),
        Triple(service, _n("dcterms:title"), Literal("aseankg SPARQL endpoint (read-only)", language="en")),
        Triple(service, _n("rdfs:seeAlso"), NamedNode(f"{base}/.well-known/void")),
        Triple(service, sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, sd("Dataset")),
        Triple(dataset, RDF_TYPE, NamedNode(VOID + "Dataset")),
        Triple(dataset, sd("defaultGraph"), default_graph),
        Triple(default_graph, RDF_TYPE, sd("Graph")),
        Triple(default_graph, _n("rdfs:comment"), Literal("The union of all named graphs.", language="en")),
        Triple(default_graph, NamedNode(VOID + "triples"), _integer(f.triples)),
    ]
    for iri in (*RESULT_FORMAT_IRIS, *RDF_FORMAT_IRIS):
        out.append(Triple(service, sd("resultFormat"), NamedNode(iri)))
    for iri, triples in f.graphs:
        named, graph = BlankNode(), BlankNode()
        out += [
            Triple(dataset, sd("namedGraph"), named),
            Triple(named, RDF_TYPE, sd("NamedGraph")),
            Triple(named, sd("name"), NamedNode(iri)),
            Triple(named, sd("graph"), graph),
            Triple(graph, RDF_TYPE, sd("Graph")),
            Triple(graph, NamedNode(VOID + "triples"), _integer(triples)),
        ]
    return out


def _subject_order(triple: Triple) -> tuple[int, str]:
    """Named subjects first, then blank nodes, so each subject's triples come together."""
    return (isinstance(triple.subject, BlankNode), triple.subject.value)


async def rdf_response(request: Request, triples: list[Triple], fmt: Format) -> Response:
    """A small description, serialised in a worker thread."""

    def write() -> bytes:
        buffer = io.BytesIO()
        serialize.write_triples(sorted(triples, key=_subject_order), fmt.name, buffer)
        return buffer.getvalue()

    body = await anyio.to_thread.run_sync(write)
    headers = {"Vary": "Accept"}
    if request.method == "HEAD":
        response = Response(status_code=200, media_type=fmt.content_type, headers=headers)
        response.headers["content-length"] = str(len(body))
        return response
    return Response(body, media_type=fmt.content_type, headers=headers)


async def service_description(request: Request, fmt: Format) -> Response:
    try:
        f = await figures(request)
    except StoreNotFound as exc:
        return PlainTextResponse(f"{exc}\n", status_code=503)
    return await rdf_response(request, service_triples(base_url(request), f), fmt)


@router.api_route("/.well-known/void", methods=["GET", "HEAD"], include_in_schema=False)
async def void_description(request: Request) -> Response:
    """The VoID description of the dataset, content-negotiated."""
    fmt = negotiation.negotiate(request, GRAPH_FORMATS)
    if fmt is None:
        return negotiation.not_acceptable(GRAPH_FORMATS)
    try:
        f = await figures(request)
    except StoreNotFound as exc:
        return PlainTextResponse(f"{exc}\n", status_code=503)
    return await rdf_response(request, void_triples(base_url(request), f), fmt)

