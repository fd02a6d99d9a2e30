"""The reference engine: pyshacl, as the SHACL specification's reading everyone knows.

pyshacl checks the data with the ontology's context mixed in (the class hierarchy and the
named individuals: the fixed series and statuses) and without inference: the graph mapper
already materialises super-class types. pyshacl runs on rdflib graphs, so this engine is slow
(0.2–0.5 s for a document); :mod:`aseankg.validate.oxigraph` gives the same results fast, and
the tests hold the two to that. SHACL-SPARQL constraints run once per graph in Oxigraph here
too (pyshacl re-parses a constraint's query for every focus node, seconds per document), with
the same results: the queries only look at their own focus node.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph
import pyshacl
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from aseankg.namespaces import DOC_GRAPH, compact
from aseankg.validate.report import Violation, pick, severity_name, show
from aseankg.validate.shacl import load_ontology, load_shapes, path_step, show_path


def validate_graph(data: rdflib.Graph, lang: str = "en", document: str | None = None) -> list[Violation]:
    """The results for ``data`` (the ontology's context mixed in), all attributed to ``document``."""
    return _validate(data, lang, lambda focus, step, value: document)


def validate_views(
    views: Sequence[Iterable[pyoxigraph.Quad | pyoxigraph.Triple]], names: Sequence[str | None], lang: str = "en"
) -> list[list[Violation]]:
    """Each view validated on its own (one pyshacl run each), attributed to ``names[i]``."""
    found = []
    for view, name in zip(views, names):
        graph = rdflib.Graph()
        for q in view:
            graph.add((_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object)))
        found.append(validate_graph(graph, lang, name))
    return found


def validate_union(quads: Iterable[pyoxigraph.Quad], lang: str = "en") -> list[Violation]:
    """The union of all graphs of a dataset as one graph (its default graph when it has one:
    the union the store wrote); each result names the document(s) whose graph
    ``graph/doc/{identifier}`` holds the offending triple (or, failing that, the focus node's
    triples)."""
    union = rdflib.Graph()
    by_triple: dict[tuple, set[str]] = defaultdict(set)
    by_subject: dict[rdflib.term.Node, set[str]] = defaultdict(set)
    quads = list(quads)
    written = any(isinstance(quad.graph_name, pyoxigraph.DefaultGraph) for quad in quads)
    for quad in quads:
        triple = (_rdflib(quad.subject), _rdflib(quad.predicate), _rdflib(quad.object))
        graph = quad.graph_name
        if not written or isinstance(graph, pyoxigraph.DefaultGraph):  # the store's union when written
            union.add(triple)
        if isinstance(graph, pyoxigraph.NamedNode) and graph.value.startswith(DOC_GRAPH):
            identifier = graph.value[len(DOC_GRAPH):]
            by_triple[triple].add(identifier)
            by_subject[triple[0]].add(identifier)

    def locate(focus, step: tuple[str, bool] | None, value) -> str | None:
        found: set[str] = set()
        if step is not None and value is not None:
            predicate, inverse = step
            triple = (value, URIRef(predicate), focus) if inverse else (focus, URIRef(predicate), value)
            found = by_triple.get(triple, set())
        found = found or by_subject.get(focus, set())
        return ", ".join(sorted(found)) or None

    return _validate(union, lang, locate)


# --- inside ------------------------------------------------------------------------------


def _validate(data: rdflib.Graph, lang: str, locate: _Locate) -> list[Violation]:
    union = rdflib.Graph()
    for triple in data:
        union.add(triple)
    for triple in _ontology_context():
        union.add(triple)
    conforms, results, _ = pyshacl.validate(
        union,
        shacl_graph=_core_shapes(),
        inference="none",
        allow_warnings=True,
        advanced=False,
        inplace=True,  # `union` is ours to change
    )
    if not isinstance(results, rdflib.Graph):  # pyshacl could not run the shapes at all
        raise RuntimeError(f"SHACL validation could not run: {results}")
    violations = []
    for result in results.objects(None, SH.result):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        violations.append(
            Violation(
                focus=str(focus),
                focus_label=_label(focus, union, lang),
                path=show_path(results, path),
                message=_message(results, result, lang),
                severity=severity_name(results.value(result, SH.resultSeverity)),
                value=show(value),
                document=locate(focus, path_step(results, path), value),
                shape=_shape(results, result),
            )
        )
    violations.extend(_sparql_results(union, lang, locate))
    return violations


_Locate = Callable[[rdflib.term.Node, "tuple[str, bool] | None", "rdflib.term.Node | None"], "str | None"]


@lru_cache(maxsize=1)
def _ontology_context() -> tuple[tuple, ...]:
    """What validation needs of the ontology, extracted once: the class hierarchy (for
    sh:class and sh:targetClass) and the named individuals with all their triples (the
    fixed meeting series and the statuses). pyshacl's ``ont_graph`` mixes in the same,
    but re-extracts it on every call (~50 ms), so it is done here once."""
    ontology = load_ontology()
    individuals = set(ontology.subjects(RDF.type, OWL.NamedIndividual))
    return tuple(
        (s, p, o)
        for s, p, o in ontology
        if s in individuals or (p == RDFS.subClassOf and isinstance(s, URIRef) and isinstance(o, URIRef))
    )


@lru_cache(maxsize=1)
def _core_shapes() -> rdflib.Graph:
    """The shapes without their SPARQL constraints, which :func:`_sparql_results` runs.

    pyshacl re-parses a SPARQL constraint's query for every focus node (~35 ms each with
    rdflib), which made a small document take seconds; run once per graph in Oxigraph they
    cost well under a millisecond and give the same results (the queries only look at
    their own focus node)."""
    shapes = rdflib.Graph()
    for triple in load_shapes():
        if triple[1] != SH.sparql:
            shapes.add(triple)
    return shapes


@dataclass(frozen=True)
class _SparqlConstraint:
    iri: str
    shape: rdflib.term.Node
    query: str
    messages: tuple[Literal, ...]
    severity: str
    target_classes: tuple[URIRef, ...]
    target_nodes: tuple[URIRef, ...]


@lru_cache(maxsize=1)
def _sparql_constraints() -> tuple[_SparqlConstraint, ...]:
    shapes = load_shapes()
    found = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        if shapes.value(constraint, SH.deactivated) == Literal(True):
            continue
        prefixes = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for ontology in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(ontology, SH.declare)
        )
        unsupported = {SH.targetSubjectsOf, SH.targetObjectsOf, SH.target} & set(shapes.predicates(shape))
        if unsupported:
            raise RuntimeError(f"{shape}: SPARQL constraints support sh:targetClass and sh:targetNode only")
        found.append(
            _SparqlConstraint(
                iri=str(constraint),
                shape=shape,
                query=prefixes + str(shapes.value(constraint, SH.select)),
                messages=tuple(shapes.objects(constraint, SH.message)) or tuple(shapes.objects(shape, SH.message)),
                severity=severity_name(shapes.value(shape, SH.severity)),
                target_classes=tuple(shapes.objects(shape, SH.targetClass)),
                target_nodes=tuple(shapes.objects(shape, SH.targetNode)),
            )
        )
    return tuple(found)


def _sparql_results(union: rdflib.Graph, lang: str, locate: _Locate) -> list[Violation]:
    """Run every SHACL-SPARQL constraint once over the whole graph, $this left free, and
    keep the rows whose $this is a focus node of the constraint's shape."""
    constraints = _sparql_constraints()
    if not constraints:
        return []
    store = pyoxigraph.Store()
    store.extend(pyoxigraph.Quad(_ox(s), _ox(p), _ox(o)) for s, p, o in union)
    violations = []
    for constraint in constraints:
        focus_nodes = {URIRef(n) for n in constraint.target_nodes}
        for cls in constraint.target_classes:
            rows = store.query(
                f"SELECT DISTINCT ?this WHERE {{ ?this a/<{RDFS.subClassOf}>* <{cls}> }}"
            )
            focus_nodes.update(_rdflib(row["this"]) for row in rows)
        solutions = store.query(constraint.query)
        names = {variable.value for variable in solutions.variables}
        for row in solutions:
            focus = _rdflib(row["this"])
            if focus not in focus_nodes:
                continue
            # SHACL-SPARQL: a result with no ?value reports the focus node as its value
            value = _rdflib(row["value"]) if "value" in names and row["value"] is not None else focus
            path = _rdflib(row["path"]) if "path" in names and row["path"] is not None else None
            step = (str(path), False) if isinstance(path, URIRef) else None
            violations.append(
                Violation(
                    focus=str(focus),
                    focus_label=_label(focus, union, lang),
                    path=compact(str(path)) if isinstance(path, URIRef) else None,
                    message=pick(_texts(constraint.messages), lang) or constraint.iri,
                    severity=constraint.severity,
                    value=show(value),
                    document=locate(focus, step, value),
                    shape=compact(constraint.iri),
                )
            )
    return violations


def _ox(term: rdflib.term.Node):
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if term.language:
        return pyoxigraph.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
    return pyoxigraph.Literal(str(term))


def _rdflib(term) -> rdflib.term.Node:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _texts(values: Iterable) -> list[tuple[str, str]]:
    return [(str(v), v.language or "") for v in values if isinstance(v, Literal)]


def _label(node, graph: rdflib.Graph, lang: str) -> str | None:
    for predicate in (SKOS.prefLabel, RDFS.label):
        found = pick(_texts(graph.objects(node, predicate)), lang)
        if found is not None:
            return found
    return None


def _message(results: rdflib.Graph, result, lang: str) -> str:
    found = pick(_texts(results.objects(result, SH.resultMessage)), lang)
    if found is not None:
        return found
    component = results.value(result, SH.sourceConstraintComponent)
    return compact(str(component)) if component is not None else "SHACL constraint not met"


def _shape(results: rdflib.Graph, result) -> str | None:
    """The most specific named rule: a SPARQL constraint, else the source shape."""
    for candidate in (results.value(result, SH.sourceConstraint), results.value(result, SH.sourceShape)):
        if isinstance(candidate, URIRef):
            return compact(str(candidate))
    return None


__all__ = ["validate_graph", "validate_union", "validate_views"]
