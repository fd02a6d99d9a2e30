"""Who is connected to whom: an entity's neighbourhood and the shortest paths between two.

Both walk the links of one entity at a time into a networkx graph. An entity's links are
read with one query that the store answers in its own code (a country is the object of
thousands of mentions, which the store skips without handing them to Python) and kept until
a build switches the store, so a walk through a busy part of the graph reads each entity
once. The provenance plumbing is left out: mentions, the graphs' derivation and ``rdf:type``
are not connections between entities, and articles join only when asked for (or when the
walk starts at one), since every entity of an article would otherwise be two steps from
every other.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from typing import Annotated

import networkx as nx
import pyoxigraph
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from aseankg.namespaces import PREFIXES, expand
from aseankg.store import has_union
from aseankg.web.i18n import Lang
from aseankg.web.labels import ARTICLE, Labels, labels_for
from aseankg.web.params import FromParam, IriParam, LangParam, OptionalIriParam, ToParam
from aseankg.web.reading import current_store, per_generation

router = APIRouter(tags=["browse"])

MENTIONED_IN = expand("akg:mentionedIn")
#: Predicates that record provenance or typing, not a connection between two entities.
PLUMBING = frozenset(
    expand(c)
    for c in ("rdf:type", "akg:mentionOf", "akg:inDocument", "prov:wasDerivedFrom", "rdfs:subClassOf")
)
PATH_VISIT_LIMIT = 5000
MAX_PATHS = 10
#: Entities whose links are kept per store generation (the oldest read are forgotten first).
CACHED = 200_000

Link = tuple[str, str, str]

_LEFT_OUT = ", ".join(f"<{p}>" for p in sorted(PLUMBING | {MENTIONED_IN}))
# ?dir: 0 when ?n is the subject, 1 when it is the object.
_ENTITY_LINKS = f"""SELECT ?n ?p ?o ?dir WHERE {{
  {{ ?n ?p ?o . BIND(0 AS ?dir) }} UNION {{ ?o ?p ?n . BIND(1 AS ?dir) }}
  FILTER(isIRI(?o) && ?o != ?n && ?p NOT IN ({_LEFT_OUT}))
}}"""
_ARTICLE_LINKS = f"""SELECT ?n ?p ?o ?dir WHERE {{
  {{ ?n ?p ?o . BIND(0 AS ?dir) }} UNION {{ ?o ?p ?n . BIND(1 AS ?dir) }}
  VALUES ?p {{ <{MENTIONED_IN}> }} FILTER(isIRI(?o) && ?o != ?n)
}}"""


class Links:
    """The links (subject, predicate, object) between an IRI and other IRIs, provenance and
    typing left out, for one store generation: read the first time a walk reaches the IRI,
    then kept (``akg:mentionedIn``, which only some walks follow, apart)."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self.store = store
        self._union = not has_union(store)  # else the default graph holds the union, a set
        self._lock = threading.Lock()
        self._entities: dict[str, tuple[Link, ...]] = {}
        self._articles: dict[str, tuple[Link, ...]] = {}

    def of(self, iri: str, *, articles: bool, predicate: str | None = None) -> Iterator[Link]:
        """The links of ``iri`` in (s, p, o) order; ``akg:mentionedIn`` only with
        ``articles``, only ``predicate`` when given."""
        found = self._read(iri, _ENTITY_LINKS, self._entities)
        if articles:
            found = tuple(sorted(found + self._read(iri, _ARTICLE_LINKS, self._articles)))
        for link in found:
            if predicate is None or link[1] == predicate:
                yield link

    def _read(self, iri: str, query: str, cache: dict[str, tuple[Link, ...]]) -> tuple[Link, ...]:
        known = cache.get(iri)
        if known is not None:
            return known
        node = pyoxigraph.NamedNode(iri)
        solutions = self.store.query(
            query, prefixes=PREFIXES, use_default_graph_as_union=self._union,
            substitutions={pyoxigraph.Variable("n"): node},
        )
        assert isinstance(solutions, pyoxigraph.QuerySolutions)
        found: set[Link] = set()
        for _n, p, other, direction in solutions:
            # one string object per IRI: many entities link to the same few
            p_value, other_value = sys.intern(p.value), sys.intern(other.value)
            found.add((iri, p_value, other_value) if direction.value == "0" else (other_value, p_value, iri))
        links = tuple(sorted(found))
        with self._lock:
            if len(cache) >= CACHED:
                del cache[next(iter(cache))]
            cache[iri] = links
        return links


def links_for(request: Request) -> Links:
    """The links of the store serving now."""
    return per_generation(request, "links", Links)


def _node_data(labels: Labels, iri: str, lang: Lang) -> dict[str, str | None]:
    kind = labels.kind(iri)
    return {
        "label": labels.label(iri, lang),
        "type": kind,
        "typeLabel": labels.label(kind, lang) if kind else None,
    }


def neighbourhood(
    links: Links,
    labels: Labels,
    iri: str,
    *,
    depth: int = 1,
    limit: int = 50,
    lang: Lang = "en",
    predicate: str | None = None,
    cls: str | None = None,
    articles: bool = False,
) -> tuple[nx.MultiDiGraph, bool]:
    """The entities within ``depth`` links of ``iri`` (at most ``limit`` nodes) and whether
    some were left out. ``predicate`` keeps only links by that property; ``cls`` keeps only
    neighbours of that class (super-classes count)."""
    articles = articles or labels.is_a(iri, ARTICLE)
    graph = nx.MultiDiGraph()
    graph.add_node(iri, **_node_data(labels, iri, lang))
    frontier = [iri]
    truncated = False
    nodes = {iri}  # the graph's nodes, as a plain set: a hub's links are many
    edge_labels: dict[str, str] = {}  # property -> its label: a few properties label many links
    for _ in range(depth):
        following: list[str] = []
        for current in frontier:
            for s, p, o in links.of(current, articles=articles, predicate=predicate):
                other = o if s == current else s
                if other not in nodes:
                    if truncated and len(nodes) >= limit:
                        continue  # no room, and that is known: only links within the graph count
                    if not _admissible(labels, other, cls, articles):
                        continue
                    if len(nodes) >= limit:
                        truncated = True
                        continue
                    graph.add_node(other, **_node_data(labels, other, lang))
                    nodes.add(other)
                    following.append(other)
                if not graph.has_edge(s, o, key=p) and not _has_inverse(graph, labels, s, p, o):
                    if p not in edge_labels:
                        edge_labels[p] = labels.label(p, lang)
                    graph.add_edge(s, o, key=p, label=edge_labels[p])
        frontier = following
        if not frontier:
            break
    return graph, truncated


def _has_inverse(graph: nx.MultiDiGraph, labels: Labels, s: str, p: str, o: str) -> bool:
    """Whether the link is already drawn the other way (``akg:holds`` beside ``akg:holder``)."""
    inverse = labels.inverses.get(p)
    return inverse is not None and graph.has_edge(o, s, key=inverse)


def _admissible(labels: Labels, iri: str, cls: str | None, articles: bool) -> bool:
    """Whether a neighbour belongs in the graph: a thing the graph describes (not, say, an
    article's source address), of class ``cls`` when given, an article only when wanted."""
    if not labels.is_known(iri):
        return False
    if not articles and labels.is_a(iri, ARTICLE):
        return False
    return cls is None or labels.is_a(iri, cls)


def shortest_paths(
    links: Links,
    labels: Labels,
    source: str,
    target: str,
    *,
    max_length: int = 4,
    lang: Lang = "en",
    articles: bool = False,
) -> tuple[nx.MultiDiGraph, list[list[str]], bool]:
    """The shortest paths (at most ``MAX_PATHS``, each at most ``max_length`` links) from
    ``source`` to ``target`` in either direction of the links; the graph they run through;
    and whether the search stopped at its visit limit before finding any."""
    graph = nx.MultiDiGraph()
    graph.add_node(source)
    frontier = [source]
    truncated = False
    for _ in range(max_length):
        if target in graph or not frontier:
            break
        following: list[str] = []
        for current in frontier:
            for s, p, o in links.of(current, articles=articles):
                other = o if s == current else s
                if other not in graph:
                    if other != target and not _admissible(labels, other, None, articles):
                        continue
                    if graph.number_of_nodes() >= PATH_VISIT_LIMIT:
                        truncated = True
                        continue
                    graph.add_node(other)
                    following.append(other)
                graph.add_edge(s, o, key=p)
        frontier = following
    paths: list[list[str]] = []
    if target in graph:
        undirected = nx.Graph(graph)
        for path in nx.all_shortest_paths(undirected, source, target):
            paths.append(path)
            if len(paths) >= MAX_PATHS:
                break
    on_paths = {n for path in paths for n in path}
    found = nx.MultiDiGraph()
    for n in on_paths:
        found.add_node(n, **_node_data(labels, n, lang))
    for path in paths:
        for a, b in zip(path, path[1:]):
            for s, o in ((a, b), (b, a)):
                for p in graph.get_edge_data(s, o, default={}):
                    found.add_edge(s, o, key=p, label=labels.label(p, lang))
    return found, paths, truncated and not paths


class Node(BaseModel):
    id: str = Field(description="The IRI of the node.")
    label: str = Field(description="Its label in the requested language.")
    type: str | None = Field(description="The IRI of its most specific class.")
    typeLabel: str | None = Field(None, description="The label of that class.")


class Edge(BaseModel):
    source: str = Field(description="The subject's IRI.")
    target: str = Field(description="The object's IRI.")
    predicate: str = Field(description="The property's IRI.")
    label: str = Field(description="The property's label in the requested language.")


class Neighbourhood(BaseModel):
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool = Field(description="True when nodes were left out to stay within `limit`.")


class Path(BaseModel):
    nodes: list[str] = Field(description="The IRIs along the path, from `from` to `to`.")
    edges: list[Edge] = Field(description="The links between consecutive nodes, as stored.")


class Paths(BaseModel):
    source: str = Field(alias="from")
    target: str = Field(alias="to")
    length: int | None = Field(description="Links in each shortest path; null when none within `max`.")
    paths: list[Path]
    nodes: list[Node]
    truncated: bool = Field(description="True when the search stopped at its visit limit.")

    model_config = {"populate_by_name": True}


def _nodes(graph: nx.MultiDiGraph, order: list[str] | None = None) -> list[Node]:
    return [Node(id=n, **graph.nodes[n]) for n in (order or graph.nodes)]


def _edges(graph: nx.MultiDiGraph) -> list[Edge]:
    return [
        Edge(source=s, target=o, predicate=p, label=data["label"])
        for s, o, p, data in graph.edges(keys=True, data=True)
    ]


def _known(labels: Labels, store: pyoxigraph.Store, iri: str) -> bool:
    node = pyoxigraph.NamedNode(iri)
    return labels.is_known(iri) or any(True for _ in store.quads_for_pattern(node, None, None, None))


@router.get("/api/neighbourhood", response_model=Neighbourhood, summary="An entity's neighbourhood")
def get_neighbourhood(
    request: Request,
    iri: IriParam,
    depth: Annotated[int, Query(ge=1, le=3, description="Links to follow from the entity.")] = 1,
    lang: LangParam = None,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many nodes.")] = 50,
    predicate: OptionalIriParam = None,
    type: OptionalIriParam = None,
    articles: Annotated[bool, Query(description="Include the articles that mention the entities.")] = False,
) -> JSONResponse:
    """The entities within `depth` links of `iri`, in either direction, labelled in `lang`
    (default English). `predicate` keeps only links by that property, `type` only neighbours
    of that class. Mentions are left out; articles only with `articles=true` or when `iri`
    is an article. `truncated` is true when more nodes were reachable than `limit`."""
    store = current_store(request)
    labels = labels_for(request)
    if not _known(labels, store, iri):
        raise HTTPException(404, f"the graph says nothing about <{iri}>")
    graph, truncated = neighbourhood(
        links_for(request), labels, iri, depth=depth, limit=limit, lang=lang or "en",
        predicate=predicate, cls=type, articles=articles,
    )
    # Written as JSON at once: the models describe the answer (OpenAPI); validating an answer
    # just built from labels of the store would double the work of a request.
    return JSONResponse({
        "nodes": [{"id": n, **data} for n, data in graph.nodes(data=True)],
        "edges": [{"source": s, "target": o, "predicate": p, "label": data["label"]}
                  for s, o, p, data in graph.edges(keys=True, data=True)],
        "truncated": truncated,
    })


@router.get(
    "/api/path", response_model=Paths, response_model_by_alias=True,
    summary="The shortest connections between two entities",
)
def get_path(
    request: Request,
    source: FromParam,
    target: ToParam,
    max: Annotated[int, Query(ge=1, le=6, description="At most this many links.")] = 4,
    lang: LangParam = None,
    articles: Annotated[bool, Query(description="Allow paths through the articles that mention both.")] = False,
) -> Paths:
    """Every shortest path (up to 10) between `from` and `to`, following links in either
    direction, with the nodes' and properties' labels in `lang`."""
    store = current_store(request)
    labels = labels_for(request)
    for iri in (source, target):
        if not _known(labels, store, iri):
            raise HTTPException(404, f"the graph says nothing about <{iri}>")
    graph, paths, truncated = shortest_paths(
        links_for(request), labels, source, target, max_length=max, lang=lang or "en", articles=articles
    )
    edges = _edges(graph)
    return Paths(
        source=source,
        target=target,
        length=len(paths[0]) - 1 if paths else None,
        paths=[
            Path(
                nodes=path,
                edges=[e for e in edges if any({e.source, e.target} == {a, b} for a, b in zip(path, path[1:]))],
            )
            for path in paths
        ],
        nodes=_nodes(graph, sorted(graph.nodes)),
        truncated=truncated,
    )
