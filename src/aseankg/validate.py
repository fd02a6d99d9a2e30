"""SHACL validation: does a graph satisfy ``shapes/aseankg.shapes.ttl``?

pyshacl checks the data with the ontology mixed in (so the fixed series and statuses, which
live in the ontology graph, are there) and without inference: the graph mapper already
materialises super-class types. rdflib is used here only because pyshacl needs it; the
store is Oxigraph. Results are turned into plain :class:`Violation` values with the message
in the reader's language, the focus node's label and, when known, the document whose named
graph holds the offending triples.

Severity follows SHACL; ``Report.conforms`` is false only for sh:Violation results
(pyshacl's ``allow_warnings``), so a warning is reported but does not stop a build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache

import pyoxigraph
import pyshacl
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from aseankg.namespaces import DOC_GRAPH, compact
from aseankg.paths import ONTOLOGY_FILE, SHAPES_FILE

LANGUAGES = ("en", "th")


@dataclass(frozen=True)
class Violation:
    """One SHACL result, ready to show to a person or to serialise as JSON."""

    focus: str  # IRI of the focus node
    focus_label: str | None  # its label in the report language (falling back to the other)
    path: str | None  # the property path as a CURIE ("akg:holder", "^prov:wasDerivedFrom")
    message: str  # sh:resultMessage in the report language (falling back to any)
    severity: str  # "Violation" | "Warning" | "Info"
    value: str | None  # the offending value: an IRI, or a literal as "lexical"@lang / ^^datatype
    document: str | None  # dcterms:identifier of the document whose graph holds it ("a, b" for several)
    shape: str | None  # the shape (akgsh:…) that failed


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: list[Violation]

    def to_json(self) -> dict:
        """A JSON-ready dict: ``conforms``, counts by severity, and the results."""
        counts = {"Violation": 0, "Warning": 0, "Info": 0}
        for v in self.violations:
            counts[v.severity] = counts.get(v.severity, 0) + 1
        return {
            "conforms": self.conforms,
            "counts": counts,
            "violations": [asdict(v) for v in self.violations],
        }


@lru_cache(maxsize=1)
def load_shapes() -> rdflib.Graph:
    """The shapes graph, parsed once (``shapes/aseankg.shapes.ttl``)."""
    return rdflib.Graph().parse(SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def load_ontology() -> rdflib.Graph:
    """The ontology graph, parsed once (``ontology/aseankg.ttl``)."""
    return rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")


def validate_graph(data: rdflib.Graph, lang: str = "en", document: str | None = None) -> Report:
    """Validate ``data`` against the shapes, the ontology mixed in; ``data`` is not modified.

    ``data`` must be everything that will stand together in the store: a document's graph
    with the lexicon facts about the entities it mentions (an entity typed in the lexicon
    graph needs the ``akg:mentionedIn`` of a document graph). ``document`` names the
    document every result is attributed to.
    """
    return _validate(data, lang, lambda focus, step, value: document)


def validate_nquads(nquads: bytes | str, lang: str = "en") -> Report:
    """Validate the union of all named graphs of a dataset dump in N-Quads (the store's dump).

    Each result names the document(s) whose graph ``graph/doc/{identifier}`` holds the
    offending triple (or, failing that, the focus node's triples).
    """
    if isinstance(nquads, str):
        nquads = nquads.encode("utf-8")
    union = rdflib.Graph()
    by_triple: dict[tuple, set[str]] = defaultdict(set)
    by_subject: dict[rdflib.term.Node, set[str]] = defaultdict(set)
    for quad in pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS):
        triple = (_rdflib(quad.subject), _rdflib(quad.predicate), _rdflib(quad.object))
        union.add(triple)
        graph = quad.graph_name
        if isinstance(graph, pyoxigraph.NamedNode) and graph.value.startswith(DOC_GRAPH):
            identifier = graph.value[len(DOC_GRAPH):]
            by_triple[triple].add(identifier)
            by_subject[triple[0]].add(identifier)

    def locate(focus, step: tuple[URIRef, bool] | None, value) -> str | None:
        found: set[str] = set()
        if step is not None and value is not None:
            predicate, inverse = step
            triple = (value, predicate, focus) if inverse else (focus, predicate, value)
            found = by_triple.get(triple, set())
        found = found or by_subject.get(focus, set())
        return ", ".join(sorted(found)) or None

    return _validate(union, lang, locate)


def format_report(report: Report, lang: str = "en") -> str:
    """The report as text for a terminal: a summary line, then one block per result."""
    words = _WORDS.get(lang, _WORDS["en"])
    counts = report.to_json()["counts"]
    if report.conforms and not report.violations:
        lines = [words["conforms"]]
    else:
        head = words["conforms_with"] if report.conforms else words["fails"]
        lines = [head.format(violations=counts["Violation"], warnings=counts["Warning"], infos=counts["Info"])]
    for v in report.violations:
        lines.append("")
        name = f"{v.focus_label} <{v.focus}>" if v.focus_label else f"<{v.focus}>"
        lines.append(f"[{words[v.severity]}] {name}")
        for key, text in (
            ("path", v.path),
            ("message", v.message),
            ("value", v.value),
            ("document", v.document),
            ("shape", v.shape),
        ):
            if text is not None:
                lines.append(f"    {words[key]}: {text}")
    return "\n".join(lines) + "\n"


_WORDS = {
    "en": {
        "conforms": "The graph conforms to the shapes.",
        "conforms_with": "The graph conforms to the shapes, with {warnings} warning(s) and {infos} note(s).",
        "fails": "The graph does not conform to the shapes: {violations} violation(s), {warnings} warning(s).",
        "Violation": "Violation",
        "Warning": "Warning",
        "Info": "Info",
        "path": "path",
        "message": "message",
        "value": "value",
        "document": "document",
        "shape": "shape",
    },
    "th": {
        "conforms": "กราฟเป็นไปตามรูปร่าง SHACL ทุกข้อ",
        "conforms_with": "กราฟเป็นไปตามรูปร่าง SHACL โดยมีคำเตือน {warnings} รายการ และหมายเหตุ {infos} รายการ",
        "fails": "กราฟไม่เป็นไปตามรูปร่าง SHACL: ข้อผิดพลาด {violations} รายการ คำเตือน {warnings} รายการ",
        "Violation": "ข้อผิดพลาด",
        "Warning": "คำเตือน",
        "Info": "หมายเหตุ",
        "path": "คุณสมบัติ",
        "message": "ข้อความ",
        "value": "ค่า",
        "document": "เอกสาร",
        "shape": "รูปร่าง",
    },
}


# --- inside ------------------------------------------------------------------------------


def _validate(data: rdflib.Graph, lang: str, locate: _Locate) -> Report:
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
                path=_show_path(results, path),
                message=_message(results, result, lang),
                severity=_severity(results.value(result, SH.resultSeverity)),
                value=_show(value),
                document=locate(focus, _step(results, path), value),
                shape=_shape(results, result),
            )
        )
    sparql_violations = _sparql_results(union, lang, locate)
    violations.extend(sparql_violations)
    conforms = bool(conforms) and not any(v.severity == "Violation" for v in sparql_violations)
    violations.sort(key=lambda v: (v.document or "", v.focus, v.path or "", v.shape or "", v.value or ""))
    return Report(conforms=conforms, violations=violations)


_Locate = Callable[[rdflib.term.Node, "tuple[URIRef, bool] | None", "rdflib.term.Node | None"], "str | None"]


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
                severity=_severity(shapes.value(shape, SH.severity)),
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
            value = _rdflib(row["value"]) if "value" in names and row["value"] is not None else None
            path = _rdflib(row["path"]) if "path" in names and row["path"] is not None else None
            step = (path, False) if isinstance(path, URIRef) else None
            violations.append(
                Violation(
                    focus=str(focus),
                    focus_label=_label(focus, union, lang),
                    path=compact(str(path)) if isinstance(path, URIRef) else None,
                    message=_pick(constraint.messages, lang) or constraint.iri,
                    severity=constraint.severity,
                    value=_show(value),
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


def _pick(values: Iterable[Literal], lang: str) -> str | None:
    """The value in ``lang``, else in the other report language, else any."""
    values = [v for v in values if isinstance(v, Literal)]
    for wanted in (lang, *[x for x in LANGUAGES if x != lang]):
        for v in values:
            if (v.language or "").lower() == wanted:
                return str(v)
    return str(values[0]) if values else None


def _label(node, graph: rdflib.Graph, lang: str) -> str | None:
    for predicate in (SKOS.prefLabel, RDFS.label):
        found = _pick(graph.objects(node, predicate), lang)
        if found is not None:
            return found
    return None


def _message(results: rdflib.Graph, result, lang: str) -> str:
    found = _pick(results.objects(result, SH.resultMessage), lang)
    if found is not None:
        return found
    component = results.value(result, SH.sourceConstraintComponent)
    return compact(str(component)) if component is not None else "SHACL constraint not met"


def _severity(severity) -> str:
    return {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}.get(severity, "Violation")


def _shape(results: rdflib.Graph, result) -> str | None:
    """The most specific named rule: a SPARQL constraint, else the source shape."""
    for candidate in (results.value(result, SH.sourceConstraint), results.value(result, SH.sourceShape)):
        if isinstance(candidate, URIRef):
            return compact(str(candidate))
    return None


def _show(term) -> str | None:
    """A value as text: an IRI as is, a literal in Turtle form with CURIE datatypes."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        lexical = str(term).replace("\\", "\\\\").replace('"', '\\"')
        if term.language:
            return f'"{lexical}"@{term.language}'
        if term.datatype is not None and str(term.datatype) != str(_XSD_STRING):
            return f'"{lexical}"^^{compact(str(term.datatype))}'
        return f'"{lexical}"'
    return f"_:{term}"


_XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def _show_path(graph: rdflib.Graph, path) -> str | None:
    """A SHACL path in SPARQL syntax with CURIEs, for predicates, inverses and sequences."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return compact(str(path))
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        inner = _show_path(graph, inverse)
        return f"^{inner}" if inner else None
    if graph.value(path, RDF.first) is not None:
        steps = [_show_path(graph, step) for step in Collection(graph, path)]
        return "/".join(steps) if all(steps) else None
    return None


def _step(graph: rdflib.Graph, path) -> tuple[URIRef, bool] | None:
    """A one-step path as (predicate, is_inverse); None for longer paths."""
    if isinstance(path, URIRef):
        return path, False
    inverse = graph.value(path, SH.inversePath) if path is not None else None
    if isinstance(inverse, URIRef):
        return inverse, True
    return None


__all__ = [
    "Report",
    "Violation",
    "format_report",
    "load_ontology",
    "load_shapes",
    "validate_graph",
    "validate_nquads",
]
