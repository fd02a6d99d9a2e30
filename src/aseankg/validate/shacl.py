"""SHACL shapes compiled to SPARQL: one SELECT per constraint, built once per shapes file.

The compiler reads ``shapes/aseankg.shapes.ttl`` and turns every constraint of every shape
that has targets into a SPARQL SELECT whose rows are the validation results (focus node,
and the value where SHACL reports one). :mod:`aseankg.validate.oxigraph` runs them; pyshacl
(:mod:`aseankg.validate.pyshacl`) is the reference they must agree with, so where pyshacl
reads SHACL a particular way (language ranges, ``sh:lessThan`` on values of different
datatypes) the queries read it the same way.

The SHACL subset compiled (anything else in a shapes file raises :class:`UnsupportedShapes`
when the shapes are loaded, so the two engines can never silently differ):

- targets: ``sh:targetClass`` (instances through ``rdf:type/rdfs:subClassOf*`` in the data,
  which carries the ontology's class hierarchy), ``sh:targetNode``, ``sh:targetSubjectsOf``,
  ``sh:targetObjectsOf``; node shapes and property shapes with targets; ``sh:deactivated``;
- paths: a predicate, ``sh:inversePath``, sequences (RDF lists), ``sh:alternativePath``,
  ``sh:zeroOrMorePath``, ``sh:oneOrMorePath``, ``sh:zeroOrOnePath``;
- value type: ``sh:class``, ``sh:datatype`` (xsd:string, rdf:langString, rdfs:Literal,
  xsd:integer, xsd:decimal, xsd:double, xsd:boolean, xsd:date, xsd:dateTime, xsd:gYear,
  xsd:gYearMonth; ill-typed literals fail), ``sh:nodeKind``;
- cardinality: ``sh:minCount``, ``sh:maxCount``; value range: ``sh:minInclusive``,
  ``sh:maxInclusive``, ``sh:minExclusive``, ``sh:maxExclusive``;
- string: ``sh:pattern`` (+ ``sh:flags``), ``sh:minLength``, ``sh:maxLength``,
  ``sh:languageIn``, ``sh:uniqueLang``;
- property pairs: ``sh:equals``, ``sh:disjoint``, ``sh:lessThan``, ``sh:lessThanOrEquals``;
- logic and shapes: ``sh:not``, ``sh:and``, ``sh:or``, ``sh:xone``, ``sh:node`` (nested node
  or property shapes, not recursive), ``sh:qualifiedValueShape`` with
  ``sh:qualifiedMinCount`` / ``sh:qualifiedMaxCount`` (not ``sh:qualifiedValueShapesDisjoint``);
- other: ``sh:in``, ``sh:hasValue``;
- SHACL-SPARQL: ``sh:sparql`` on node shapes with ``sh:select`` of the form
  ``SELECT [DISTINCT] $this … WHERE { … }`` (no sub-SELECT, GRAPH or dataset clause), optional
  ``sh:prefixes``; the query runs once over the data and keeps the rows whose ``$this`` is a
  focus node of the shape, so it must look only at its own focus node (the shapes file says so);
- reporting: ``sh:message`` (required on every shape or constraint that reports: the engines
  do not invent pyshacl's generic messages), ``sh:severity``.

Every query is written twice: for *views* (each validated graph a named graph ``?view`` of one
store, so a batch of documents is validated in one pass, each on its own) and for a *union*
(the default graph, e.g. a store whose default graph is the union of its named graphs).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from aseankg.namespaces import compact
from aseankg.validate.report import severity_name

VIEWS = "#VIEWS#"  # replaced by ``VALUES ?view { … }`` when a query needs the list of views
CANDIDATES = "#CANDIDATES#"  # in focus queries: ``VALUES (?view ?this) { … }``, the nodes to check (or nothing)
RDF_TYPE = f"<{RDF.type}>"
SUBCLASS = f"<{RDFS.subClassOf}>"

STRINGISH = (XSD.string, RDF.langString)  # literals whose value rdflib (and so pyshacl) reads as str
NUMERIC = (XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.short, XSD.byte,
           XSD.nonNegativeInteger, XSD.positiveInteger, XSD.nonPositiveInteger, XSD.negativeInteger,
           XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte)
CHECKED_DATATYPES = (XSD.integer, XSD.decimal, XSD.double, XSD.boolean, XSD.date, XSD.dateTime,
                     XSD.gYear, XSD.gYearMonth)

# Predicates a shape may carry that are not constraints.
STRUCTURAL = {
    RDF.type, RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy,
    SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
    SH.property, SH.sparql, SH.message, SH.severity, SH.deactivated, SH.path,
    SH.name, SH.description, SH.order, SH.group, SH.defaultValue,
}
# Constraint parameters compiled (and the qualified-count companions of sh:qualifiedValueShape).
PARAMETERS = {
    SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH.minInclusive, SH.maxInclusive,
    SH.minExclusive, SH.maxExclusive, SH.pattern, SH.flags, SH.minLength, SH.maxLength, SH.languageIn,
    SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals, SH["not"], SH["and"], SH["or"],
    SH.xone, SH.node, SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH["in"], SH.hasValue,
}
COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
SHAPE_VALUED = (SH.node, SH["not"], SH.qualifiedValueShape)
LIST_VALUED = (SH["and"], SH["or"], SH.xone)


class UnsupportedShapes(ValueError):
    """The shapes use SHACL the compiler does not implement (so the engines could differ)."""


MODES = ("views", "views-paths", "union", "union-paths")


@dataclass(frozen=True, eq=False)
class Rule:
    """One constraint of one shape, on the focus nodes of one targeting shape, as SPARQL.

    Each row of ``queries[mode]`` is one validation result: ``?view`` (views modes), ``?this``
    and, when ``has_value``, ``?value``; SPARQL constraints may also bind ``?path``. Modes:
    ``views`` / ``union`` (the data is a set of named graphs / the default graph), and their
    ``-paths`` variants, which read class membership through ``rdf:type/rdfs:subClassOf*`` in
    the data instead of the ontology's hierarchy compiled in (used when the data states a
    class hierarchy of its own)."""

    shape: str | None  # the shape (or SPARQL constraint) reported as the source
    component: str  # the constraint component, e.g. "minCount" (for errors and debugging)
    queries: dict[str, str]  # mode → SELECT
    has_value: bool
    path: str | None  # the path shown (SPARQL syntax, CURIEs)
    step: tuple[str, bool] | None  # a one-step path as (predicate IRI, inverse)
    severity: str
    messages: tuple[tuple[str, str], ...]  # (text, language tag)
    path_from_row: bool = False  # SPARQL constraints: the row's ?path is the result path
    focus: str | None = None  # rows count only on focus nodes of this shape (Plan.focus); None: all rows count


@dataclass(frozen=True, eq=False)  # compared and hashed by identity (it is compiled once)
class Plan:
    """The compiled shapes: every rule, and the class hierarchy compiled into them."""

    rules: tuple[Rule, ...]
    hierarchy: frozenset[tuple[str, str]]  # (subclass, class) pairs of rdfs:subClassOf
    focus: dict[str, dict[str, str]] = field(default_factory=dict)  # shape → mode → SELECT ?view ?this
    source: str = ""
    components: frozenset[str] = field(default_factory=frozenset)


def compile_shapes(shapes: rdflib.Graph, hierarchy: Iterable[tuple[str, str]] = (), source: str = "") -> Plan:
    """Every constraint of ``shapes`` as SPARQL, class membership read through ``hierarchy``
    ((subclass, class) IRI pairs); raises :class:`UnsupportedShapes`. Every query is run once
    on an empty store, so one Oxigraph cannot run fails here and not during a build."""
    pairs = frozenset((str(a), str(b)) for a, b in hierarchy)
    compiler = _Compiler(shapes, pairs)
    rules = compiler.rules()
    empty = pyoxigraph.Store()
    checks = [(rule.shape, rule.component, rule.queries) for rule in rules]
    checks += [(shape, "focus", queries) for shape, queries in compiler.focus.items()]
    for shape, component, queries in checks:
        for mode, query in queries.items():
            try:
                empty.query(query.replace(VIEWS, "VALUES ?view { <urn:x-aseankg:probe> }").replace(CANDIDATES, ""))
            except (SyntaxError, ValueError, OSError) as exc:
                raise UnsupportedShapes(f"{shape}: the {component} query ({mode}) does not run: {exc}") from exc
    return Plan(tuple(rules), pairs, dict(compiler.focus), source, frozenset(r.component for r in rules))


@lru_cache(maxsize=4)
def _compiled(shapes_path: str, shapes_mtime: int, ontology_path: str, ontology_mtime: int) -> Plan:
    ontology = rdflib.Graph().parse(ontology_path, format="turtle")
    return compile_shapes(rdflib.Graph().parse(shapes_path, format="turtle"), class_hierarchy(ontology), shapes_path)


@lru_cache(maxsize=1)
def load_shapes() -> rdflib.Graph:
    """The shapes graph, parsed once (``shapes/aseankg.shapes.ttl``)."""
    from aseankg.paths import SHAPES_FILE

    return rdflib.Graph().parse(SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def load_ontology() -> rdflib.Graph:
    """The ontology graph, parsed once (``ontology/aseankg.ttl``)."""
    from aseankg.paths import ONTOLOGY_FILE

    return rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")


def load_plan(shapes: Path | None = None, ontology: Path | None = None) -> Plan:
    """The compiled shapes (default: the project's shapes file, with the class hierarchy of
    the project's ontology), compiled once per version of the two files and cached."""
    from aseankg.paths import ONTOLOGY_FILE, SHAPES_FILE

    shapes, ontology = Path(shapes or SHAPES_FILE), Path(ontology or ONTOLOGY_FILE)
    return _compiled(str(shapes), shapes.stat().st_mtime_ns, str(ontology), ontology.stat().st_mtime_ns)


def class_hierarchy(ontology: rdflib.Graph) -> set[tuple[str, str]]:
    """The ``rdfs:subClassOf`` pairs between named classes: what validation mixes in."""
    return {(str(a), str(b)) for a, b in ontology.subject_objects(RDFS.subClassOf)
            if isinstance(a, URIRef) and isinstance(b, URIRef)}


def show_path(graph: rdflib.Graph, path) -> str | None:
    """A SHACL path in SPARQL syntax with CURIEs (as reports show it); None if not a path."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return compact(str(path))
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        inner = show_path(graph, inverse)
        return f"^{inner}" if inner else None
    if graph.value(path, RDF.first) is not None:
        steps = [show_path(graph, step) for step in Collection(graph, path)]
        return "/".join(steps) if all(steps) else None
    for predicate, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner_node = graph.value(path, predicate)
        if inner_node is not None:
            inner = show_path(graph, inner_node)
            return f"({inner}){mark}" if inner else None
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        steps = [show_path(graph, step) for step in Collection(graph, alternatives)]
        return "(" + "|".join(steps) + ")" if all(steps) else None
    return None


def path_step(graph: rdflib.Graph, path) -> tuple[str, bool] | None:
    """A one-step path as (predicate IRI, is_inverse); None for longer paths."""
    if isinstance(path, URIRef):
        return str(path), False
    inverse = graph.value(path, SH.inversePath) if path is not None else None
    if isinstance(inverse, URIRef):
        return str(inverse), True
    return None


def sparql_term(term) -> str:
    """An rdflib term as SPARQL text."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\r", "\\r"))
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    raise UnsupportedShapes(f"a blank node cannot be a constraint value: {term}")


# --- the compiler -------------------------------------------------------------------------
#
# Oxigraph evaluates a triple-pattern scan or a hash anti-join (MINUS) at about a microsecond
# a row and a join or an EXISTS probe at several, so every query is written to scan the
# values a constraint reads, drop the good ones with a cheap filter or a MINUS against the
# instances of a class, and only then ask whether what is left is on a focus node.


@dataclass(frozen=True)
class _Condition:
    """A constraint on one value node: an expression builder, and when the constraint is
    "an instance of one of these classes", the classes (so it can be a MINUS or a join)."""

    component: str
    expression: Callable[[str], str]
    classes: frozenset | None = None


class _Compiler:
    def __init__(self, shapes: rdflib.Graph, hierarchy: frozenset[tuple[str, str]]) -> None:
        self.g = shapes
        self.counter = 0
        self.mode = "views"
        self.focus: dict[str, dict[str, str]] = {}  # shape key → mode → SELECT ?view ?this
        below: dict[str, set[str]] = defaultdict(set)
        for sub, sup in hierarchy:
            below[sup].add(sub)
        self.below = below

    @property
    def views(self) -> bool:
        return self.mode.startswith("views")

    @property
    def paths(self) -> bool:
        return self.mode.endswith("paths")

    # -- reading the shapes graph

    def _shapes(self) -> set:
        """Every node that is a shape: typed, targeting, with a path, or the value of a
        shape-valued parameter."""
        found = set(self.g.subjects(RDF.type, SH.NodeShape)) | set(self.g.subjects(RDF.type, SH.PropertyShape))
        for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target, SH.path):
            found |= set(self.g.subjects(p, None))
        found |= set(self.g.objects(None, SH.property))
        for p in SHAPE_VALUED:
            found |= set(self.g.objects(None, p))
        for p in LIST_VALUED:
            for head in self.g.objects(None, p):
                found |= set(Collection(self.g, head))
        return found

    def _check(self, shapes: set) -> None:
        problems = []
        for shape in shapes:
            name = self._name(shape)
            for p in set(self.g.predicates(shape, None)):
                if p in STRUCTURAL or p in PARAMETERS:
                    continue
                if str(p).startswith(str(SH)):
                    problems.append(f"{name}: {compact(str(p))} is not supported")
            for cls in self.g.objects(shape, RDF.type):
                if cls in (RDFS.Class, OWL.Class):
                    problems.append(f"{name}: implicit class targets (a shape that is a class) are not supported")
            if (shape, SH.target, None) in self.g:
                problems.append(f"{name}: sh:target (SPARQL-based targets) is not supported")
            if (shape, SH.qualifiedValueShapesDisjoint, None) in self.g:
                problems.append(f"{name}: sh:qualifiedValueShapesDisjoint is not supported")
        if problems:
            raise UnsupportedShapes("the shapes use SHACL the Oxigraph engine does not implement:\n  "
                                    + "\n  ".join(sorted(problems)))

    def _name(self, node) -> str:
        return compact(str(node)) if isinstance(node, URIRef) else f"_:{node}"

    def _one(self, shape, p):
        values = list(self.g.objects(shape, p))
        if len(values) > 1:
            raise UnsupportedShapes(f"{self._name(shape)}: more than one {compact(str(p))}")
        return values[0] if values else None

    def _count(self, shape, p) -> int | None:
        value = self._one(shape, p)
        if value is None:
            return None
        if not isinstance(value, Literal) or not isinstance(value.toPython(), int) or value.toPython() < 0:
            raise UnsupportedShapes(f"{self._name(shape)}: {compact(str(p))} is not a non-negative integer")
        return int(value.toPython())

    def _active(self, shape) -> bool:
        return self.g.value(shape, SH.deactivated) != Literal(True)

    def _messages(self, node) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((str(m), m.language or "") for m in self.g.objects(node, SH.message)
                            if isinstance(m, Literal)))

    # -- the rules

    def rules(self) -> list[Rule]:
        shapes = self._shapes()
        self._check(shapes)
        targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
        found: list[Rule] = []
        for shape in sorted((s for s in shapes if any((s, p, None) in self.g for p in targets)), key=str):
            if self._active(shape):
                found.extend(self._top(shape))
        return found

    def _top(self, shape) -> Iterator[Rule]:
        """The rules of a shape that has targets: its own constraints on its focus nodes, those
        of its property shapes, and its SPARQL constraints."""
        if (shape, SH.path, None) in self.g:
            self._plain_property_shape(shape)
            yield from self._constraints(shape, shape, self.g.value(shape, SH.path))
            return
        yield from self._constraints(shape, shape, None)
        for prop in sorted(self.g.objects(shape, SH.property), key=str):
            if self._active(prop):
                self._plain_property_shape(prop)
                yield from self._constraints(shape, prop, self.g.value(prop, SH.path))
        for constraint in sorted(self.g.objects(shape, SH.sparql), key=str):
            if self._active(constraint):
                yield self._sparql(shape, constraint)

    def _plain_property_shape(self, shape) -> None:
        if (shape, SH.path, None) not in self.g:
            raise UnsupportedShapes(f"{self._name(shape)}: a property shape without sh:path")
        if (shape, SH.property, None) in self.g or (shape, SH.sparql, None) in self.g:
            raise UnsupportedShapes(f"{self._name(shape)}: sh:property / sh:sparql on a property shape")

    def _build(self, build: Callable[[], str]) -> dict[str, str]:
        queries = {}
        for mode in MODES:
            self.mode = mode
            self.counter = 0
            queries[mode] = build()
        return queries

    # -- focus nodes, graphs and class membership

    def _in_view(self, pattern: str) -> str:
        return f"GRAPH ?view {{ {pattern} }}" if self.views else f"{pattern} ."

    def _closure(self, classes: Iterable) -> list[str]:
        found: set[str] = set()
        todo = [str(c) for c in classes]
        while todo:
            cls = todo.pop()
            if cls not in found:
                found.add(cls)
                todo.extend(self.below.get(cls, ()))
        return sorted(found)

    def _instances(self, x: str, classes: Iterable) -> str:
        """A pattern matching when ``x`` is an instance of one of ``classes`` (one row per
        matching type in the closure mode, so callers DISTINCT or anti-join it)."""
        classes = sorted(classes, key=str)
        if self.paths:
            return " UNION ".join("{ " + self._in_view(f"{x} {RDF_TYPE}/{SUBCLASS}* {sparql_term(c)}") + " }"
                                  for c in classes)
        t = self._fresh()
        values = " ".join(f"<{c}>" for c in self._closure(classes))
        return f"VALUES {t} {{ {values} }} {self._in_view(f'{x} {RDF_TYPE} {t}')}"

    def _instance_test(self, x: str, classes: Iterable) -> str:
        """An expression true when ``x`` is an instance of one of ``classes``."""
        classes = sorted(classes, key=str)
        if self.paths:
            return "(" + " || ".join(f"EXISTS {{ {self._in_view(f'{x} {RDF_TYPE}/{SUBCLASS}* {sparql_term(c)}')} }}"
                                     for c in classes) + ")"
        return "(" + " || ".join(f"EXISTS {{ {self._in_view(f'{x} {RDF_TYPE} <{c}>')} }}"
                                 for c in self._closure(classes)) + ")"

    def _focus_rows(self, shape) -> str:
        """A sub-SELECT binding ``?this`` (and ``?view``) to each focus node of ``shape``."""
        head = "?view ?this" if self.views else "?this"
        return f"{{ SELECT DISTINCT {head} WHERE {{ {self._focus_union(shape)} }} }}"

    def _focus_union(self, shape) -> str:
        """A pattern matching each focus node ``?this`` of ``shape`` (in ``?view``)."""
        parts = []
        classes = list(self.g.objects(shape, SH.targetClass))
        if classes:
            parts.append(self._instances("?this", classes))
        parts += [self._in_view(f"?this {sparql_term(p)} {self._fresh()}")
                  for p in sorted(self.g.objects(shape, SH.targetSubjectsOf), key=str)]
        parts += [self._in_view(f"{self._fresh()} {sparql_term(p)} ?this")
                  for p in sorted(self.g.objects(shape, SH.targetObjectsOf), key=str)]
        nodes = sorted(self.g.objects(shape, SH.targetNode), key=str)
        if nodes:
            values = " ".join(sparql_term(n) for n in nodes)
            parts.append((VIEWS if self.views else "") + f" VALUES ?this {{ {values} }}")
        return " UNION ".join("{ " + p + " }" for p in parts)

    def _focus_key(self, shape) -> str:
        """The key of ``shape``'s focus query in :attr:`Plan.focus` (compiled on first use)."""
        key = str(shape)
        if key not in self.focus:
            mode = self.mode
            self.focus[key] = self._build(
                lambda: f"SELECT DISTINCT ?view ?this WHERE {{ {CANDIDATES} {self._focus_union(shape)} }}")
            self.mode = mode
        return key

    def _fresh(self) -> str:
        self.counter += 1
        return f"?n{self.counter}_"

    # -- one shape's constraints on the focus nodes of a targeting shape

    def _constraints(self, top, shape, path) -> Iterator[Rule]:
        messages = self._messages(shape)
        name = self._name(shape)
        severity = severity_name(self.g.value(shape, SH.severity))
        shown = show_path(self.g, path) if path is not None else None
        step = path_step(self.g, path) if path is not None else None
        found: list[Rule] = []

        def rule(component: str, build: Callable[[], str], has_value: bool, on_focus: bool = False) -> None:
            found.append(Rule(str(shape) if isinstance(shape, URIRef) else None, component, self._build(build),
                              has_value, shown, step, severity, messages,
                              focus=self._focus_key(top) if on_focus else None))

        focus = lambda: self._focus_rows(top)  # noqa: E731 - built per mode
        values = lambda obj="?value": self._values("?this", path, obj)  # noqa: E731

        for condition in self._conditions(shape):
            if path is None:  # node-level: the focus node is the value node
                rule(condition.component, lambda c=condition: (
                    f"SELECT DISTINCT ?view ?this ?value WHERE {{ {focus()} BIND(?this AS ?value) {self._failing(c)} }}"),
                    True)
            else:
                rule(condition.component, lambda c=condition: (
                    f"SELECT DISTINCT ?view ?this ?value WHERE {{ {values()} {self._failing(c)} }}"), True, True)

        for has_value in self.g.objects(shape, SH.hasValue):
            term = sparql_term(has_value)
            if path is None:
                rule("hasValue", lambda t=term: (
                    f"SELECT ?view ?this WHERE {{ {focus()} FILTER(!sameTerm(?this, {t})) }}"), False)
            else:
                rule("hasValue", lambda t=term: f"SELECT ?view ?this WHERE {{ {focus()} MINUS {{ {values(t)} }} }}",
                     False)

        if path is None:
            for p in (SH.minCount, SH.maxCount, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan,
                      SH.lessThanOrEquals, SH.qualifiedValueShape):
                if (shape, p, None) in self.g:
                    raise UnsupportedShapes(f"{name}: {compact(str(p))} needs sh:path")
        else:
            low = self._count(shape, SH.minCount)
            if low:
                rule("minCount", lambda: f"SELECT ?view ?this WHERE {{ {focus()} MINUS {{ {self._at_least(values(), low)} }} }}",
                     False)
            high = self._count(shape, SH.maxCount)
            if high is not None:
                rule("maxCount", lambda: (
                    f"SELECT ?view ?this WHERE {{ {values()} }} GROUP BY ?view ?this "
                    f"HAVING (COUNT(DISTINCT ?value) > {high})"), False, True)
            unique = self._one(shape, SH.uniqueLang)
            if unique is not None and unique.toPython() is True:
                rule("uniqueLang", lambda: (
                    f"SELECT ?view ?this ?language WHERE {{ {values()} FILTER(isLiteral(?value) && LANG(?value) != \"\") }} "
                    "GROUP BY ?view ?this (LCASE(LANG(?value)) AS ?language) HAVING (COUNT(DISTINCT ?value) > 1)"),
                    False, True)
            for other in self.g.objects(shape, SH.equals):
                q = sparql_term(other)
                rule("equals", lambda q=q: (
                    f"SELECT DISTINCT ?view ?this ?value WHERE {{ {{ {values()} MINUS {{ {self._in_view(f'?this {q} ?value')} }} }} "
                    f"UNION {{ {self._in_view(f'?this {q} ?value')} MINUS {{ {values()} }} }} }}"), True, True)
            for other in self.g.objects(shape, SH.disjoint):
                q = sparql_term(other)
                rule("disjoint", lambda q=q: (
                    f"SELECT DISTINCT ?view ?this ?value WHERE {{ {values()} {self._in_view(f'?this {q} ?value')} }}"),
                    True, True)
            for p, strict in ((SH.lessThan, True), (SH.lessThanOrEquals, False)):
                for other in self.g.objects(shape, p):
                    q = sparql_term(other)
                    rule(compact(str(p)).split(":")[1], lambda q=q, strict=strict: (
                        f"SELECT DISTINCT ?view ?this ?value ?other_ WHERE {{ {values()} "
                        f"{self._in_view(f'?this {q} ?other_')} FILTER(!({_less('?value', '?other_', strict)})) }}"),
                        True, True)
            for qualified in self.g.objects(shape, SH.qualifiedValueShape):
                low = self._count(shape, SH.qualifiedMinCount)
                high = self._count(shape, SH.qualifiedMaxCount)
                if low is None and high is None:
                    raise UnsupportedShapes(f"{name}: sh:qualifiedValueShape without a qualified count")
                if low:
                    rule("qualifiedMinCount", lambda s=qualified: (
                        f"SELECT ?view ?this WHERE {{ {focus()} MINUS "
                        f"{{ {self._at_least(values() + ' ' + self._conforming(s), low)} }} }}"), False)
                if high is not None:
                    rule("qualifiedMaxCount", lambda s=qualified: (
                        f"SELECT ?view ?this WHERE {{ {values()} {self._conforming(s)} }} "
                        f"GROUP BY ?view ?this HAVING (COUNT(DISTINCT ?value) > {high})"), False, True)
        if found and not messages:
            raise UnsupportedShapes(f"{name}: a shape that reports results needs an sh:message "
                                    "(in English and Thai)")
        yield from found

    def _failing(self, condition: _Condition) -> str:
        """What keeps only the value nodes (``?value``) that break ``condition``."""
        if condition.classes is not None:
            return f"MINUS {{ {self._instances('?value', condition.classes)} }}"
        return f"FILTER(!({condition.expression('?value')}))"

    def _conforming(self, shape) -> str:
        """What keeps only the value nodes (``?value``) that conform to the nested ``shape``."""
        classes = self._pure_classes(shape)
        if classes is not None:
            return self._instances("?value", classes)
        return f"FILTER({self._conforms(shape, '?value')})"

    def _at_least(self, pattern: str, n: int) -> str:
        """The (?view, ?this) with at least ``n`` distinct ``?value`` in ``pattern``."""
        if n == 1:
            return pattern
        return (f"SELECT ?view ?this WHERE {{ {pattern} }} GROUP BY ?view ?this "
                f"HAVING (COUNT(DISTINCT ?value) >= {n})")

    def _values(self, subject: str, path, obj: str) -> str:
        """The triple pattern (in the view) from ``subject`` along ``path`` to ``obj``."""
        if isinstance(path, URIRef):
            return self._in_view(f"{subject} <{path}> {obj}")
        inverse = self.g.value(path, SH.inversePath)
        if isinstance(inverse, URIRef):
            return self._in_view(f"{obj} <{inverse}> {subject}")
        return self._in_view(f"{subject} {self._path(path)} {obj}")

    def _path(self, path) -> str:
        """A SHACL path as a SPARQL property path."""
        if isinstance(path, URIRef):
            return f"<{path}>"
        if isinstance(path, BNode):
            if self.g.value(path, RDF.first) is not None:
                return "(" + "/".join(self._path(step) for step in Collection(self.g, path)) + ")"
            inverse = self.g.value(path, SH.inversePath)
            if inverse is not None:
                return f"^({self._path(inverse)})"
            alternatives = self.g.value(path, SH.alternativePath)
            if alternatives is not None:
                return "(" + "|".join(self._path(step) for step in Collection(self.g, alternatives)) + ")"
            for predicate, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
                inner = self.g.value(path, predicate)
                if inner is not None:
                    return f"({self._path(inner)}){mark}"
        raise UnsupportedShapes(f"unsupported sh:path {path}")

    # -- conditions on one value node

    def _pure_classes(self, shape) -> frozenset | None:
        """The classes when ``shape`` only says "an instance of one of these": a shape whose
        one constraint is sh:class, or an sh:or of such shapes."""
        if not self._active(shape) or (shape, SH.path, None) in self.g:
            return None
        constraints = {p for p in self.g.predicates(shape, None) if p in PARAMETERS or p == SH.property}
        if constraints == {SH["class"]}:
            classes = list(self.g.objects(shape, SH["class"]))
            return frozenset(classes) if len(classes) == 1 else None
        if constraints == {SH["or"]}:
            heads = list(self.g.objects(shape, SH["or"]))
            if len(heads) == 1:
                return self._or_of_classes(list(Collection(self.g, heads[0])))
        return None

    def _or_of_classes(self, members: list) -> frozenset | None:
        found: set = set()
        for member in members:
            classes = self._pure_classes(member)
            if classes is None:
                return None
            found |= classes
        return frozenset(found) if found else None

    def _conditions(self, shape) -> list[_Condition]:
        """The constraints of ``shape`` checked value by value, each as a condition whose
        expression never errors (a value it cannot judge fails, as in pyshacl)."""
        g, name, found = self.g, self._name(shape), []
        for cls in g.objects(shape, SH["class"]):
            found.append(_Condition("class", lambda x, c=cls: self._instance_test(x, [c]), frozenset([cls])))
        datatype = self._one(shape, SH.datatype)
        if datatype is not None:
            found.append(_Condition("datatype", lambda x: _datatype(x, datatype, name)))
        kind = self._one(shape, SH.nodeKind)
        if kind is not None:
            found.append(_Condition("nodeKind", lambda x: _node_kind(x, kind, name)))
        for p, op in COMPARISONS.items():
            for bound in g.objects(shape, p):
                found.append(_Condition(compact(str(p)).split(":")[1],
                                        lambda x, b=bound, op=op: _compare(x, op, b, name)))
        pattern = self._one(shape, SH.pattern)
        if pattern is not None:
            flags = self._one(shape, SH.flags)
            regex = sparql_term(Literal(str(pattern)))
            extra = f", {sparql_term(Literal(str(flags)))}" if flags is not None else ""
            _check_regex(str(pattern), str(flags) if flags is not None else "", name)
            found.append(_Condition("pattern", lambda x: (
                f"(!isBlank({x}) && COALESCE(REGEX(STR({x}), {regex}{extra}), false))")))
        elif (shape, SH.flags, None) in g:
            raise UnsupportedShapes(f"{name}: sh:flags without sh:pattern")
        for p, op in ((SH.minLength, ">="), (SH.maxLength, "<=")):
            length = self._count(shape, p)
            if length is None or (p == SH.minLength and length == 0):
                continue  # pyshacl: a minimum length of zero always passes, blank nodes too
            found.append(_Condition(compact(str(p)).split(":")[1], lambda x, n=length, op=op: (
                f"(!isBlank({x}) && COALESCE(STRLEN(STR({x})) {op} {n}, false))")))
        languages = self._one(shape, SH.languageIn)
        if languages is not None:
            tags = [str(t).lower() for t in Collection(g, languages)]
            found.append(_Condition("languageIn", lambda x: _language_in(x, tags)))
        ins = list(g.objects(shape, SH["in"]))
        if len(ins) > 1:
            raise UnsupportedShapes(f"{name}: more than one sh:in")
        if ins:
            members = [sparql_term(t) for t in Collection(g, ins[0])]
            found.append(_Condition("in", lambda x: (
                "(" + " || ".join(f"sameTerm({x}, {m})" for m in members) + ")") if members else "false"))
        for nested in g.objects(shape, SH.node):
            found.append(_Condition("node", lambda x, s=nested: self._conforms(s, x), self._pure_classes(nested)))
        for nested in g.objects(shape, SH["not"]):
            found.append(_Condition("not", lambda x, s=nested: f"!({self._conforms(s, x)})"))
        for p, joiner in ((SH["and"], " && "), (SH["or"], " || ")):
            for head in g.objects(shape, p):
                members = list(Collection(g, head))
                classes = self._or_of_classes(members) if p == SH["or"] else None
                found.append(_Condition(compact(str(p)).split(":")[1], lambda x, m=members, j=joiner: (
                    "(" + j.join(self._conforms(s, x) for s in m) + ")" if m else ("true" if j == " && " else "false")),
                    classes))
        for head in g.objects(shape, SH.xone):
            members = list(Collection(g, head))
            found.append(_Condition("xone", lambda x, m=members: (
                "((" + " + ".join(f"IF({self._conforms(s, x)}, 1, 0)" for s in m) + ") = 1)" if m else "false")))
        return found

    def _conforms(self, shape, x: str, seen: tuple = ()) -> str:
        """An expression true when ``x`` conforms to the nested ``shape`` (no results at all)."""
        if shape in seen:
            raise UnsupportedShapes(f"{self._name(shape)}: recursive shapes are not supported")
        seen = (*seen, shape)
        if not self._active(shape):
            return "true"
        for p in (SH.qualifiedValueShape, SH.sparql):
            if (shape, p, None) in self.g:
                raise UnsupportedShapes(f"{self._name(shape)}: {compact(str(p))} inside a nested shape")
        parts: list[str] = []
        path = self.g.value(shape, SH.path)
        if path is None:
            parts += [c.expression(x) for c in self._conditions(shape)]
            parts += [f"sameTerm({x}, {sparql_term(h)})" for h in self.g.objects(shape, SH.hasValue)]
            for p in (SH.minCount, SH.maxCount, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals):
                if (shape, p, None) in self.g:
                    raise UnsupportedShapes(f"{self._name(shape)}: {compact(str(p))} needs sh:path")
        else:
            v = self._fresh()
            for c in self._conditions(shape):
                parts.append(f"NOT EXISTS {{ {self._values(x, path, v)} FILTER(!({c.expression(v)})) }}")
            for h in self.g.objects(shape, SH.hasValue):
                parts.append(f"EXISTS {{ {self._values(x, path, sparql_term(h))} }}")
            low = self._count(shape, SH.minCount)
            if low:
                parts.append(f"EXISTS {{ {self._distinct_values(x, path, low)} }}")
            high = self._count(shape, SH.maxCount)
            if high is not None:
                parts.append(f"NOT EXISTS {{ {self._distinct_values(x, path, high + 1)} }}")
            unique = self._one(shape, SH.uniqueLang)
            if unique is not None and unique.toPython() is True:
                a, b = self._fresh(), self._fresh()
                parts.append(f"NOT EXISTS {{ {self._values(x, path, a)} {self._values(x, path, b)} "
                             f"FILTER(!sameTerm({a}, {b}) && isLiteral({a}) && isLiteral({b}) && LANG({a}) != \"\" "
                             f"&& LCASE(LANG({a})) = LCASE(LANG({b}))) }}")
            for other in self.g.objects(shape, SH.equals):
                w = self._fresh()
                q = sparql_term(other)
                parts.append(f"NOT EXISTS {{ {self._values(x, path, w)} FILTER NOT EXISTS {{ {self._in_view(f'{x} {q} {w}')} }} }}")
                parts.append(f"NOT EXISTS {{ {self._in_view(f'{x} {q} {w}')} FILTER NOT EXISTS {{ {self._values(x, path, w)} }} }}")
            for other in self.g.objects(shape, SH.disjoint):
                w = self._fresh()
                parts.append(f"NOT EXISTS {{ {self._values(x, path, w)} {self._in_view(f'{x} {sparql_term(other)} {w}')} }}")
            for p, strict in ((SH.lessThan, True), (SH.lessThanOrEquals, False)):
                for other in self.g.objects(shape, p):
                    a, b = self._fresh(), self._fresh()
                    parts.append(f"NOT EXISTS {{ {self._values(x, path, a)} {self._in_view(f'{x} {sparql_term(other)} {b}')} "
                                 f"FILTER(!({_less(a, b, strict)})) }}")
        for prop in self.g.objects(shape, SH.property):
            if (prop, SH.path, None) not in self.g:
                raise UnsupportedShapes(f"{self._name(prop)}: a property shape without sh:path")
            parts.append(self._conforms(prop, x, seen))
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def _distinct_values(self, x: str, path, n: int) -> str:
        names = [self._fresh() for _ in range(n)]
        patterns = " ".join(self._values(x, path, v) for v in names)
        pairs = [f"!sameTerm({a}, {b})" for i, a in enumerate(names) for b in names[i + 1:]]
        return patterns + (f" FILTER({' && '.join(pairs)})" if pairs else "")

    # -- SHACL-SPARQL

    def _sparql(self, shape, constraint) -> Rule:
        name = self._name(constraint)
        for p in set(self.g.predicates(constraint, None)):
            if p not in (RDF.type, SH.select, SH.message, SH.prefixes, SH.deactivated, RDFS.comment, RDFS.label):
                raise UnsupportedShapes(f"{name}: {compact(str(p))} on a SPARQL constraint is not supported")
        select = self.g.value(constraint, SH.select)
        if select is None:
            raise UnsupportedShapes(f"{name}: a SPARQL constraint needs sh:select")
        prefixes = "".join(
            f"PREFIX {self.g.value(d, SH.prefix)}: <{self.g.value(d, SH.namespace)}>\n"
            for ontology in self.g.objects(constraint, SH.prefixes)
            for d in self.g.objects(ontology, SH.declare)
        )
        match = re.fullmatch(
            r"\s*SELECT\s+(?P<distinct>DISTINCT\s+)?(?P<vars>(?:[?$][A-Za-z_]\w*\s+)+)WHERE\s*\{(?P<body>.*)\}\s*",
            str(select), re.DOTALL | re.IGNORECASE)
        if match is None:
            raise UnsupportedShapes(f"{name}: sh:select must read SELECT [DISTINCT] $this … WHERE {{ … }}")
        body = match["body"]
        variables = match["vars"].split()
        if "$this" not in variables and "?this" not in variables:
            raise UnsupportedShapes(f"{name}: sh:select must project $this")
        if re.search(r"\b(SELECT|GRAPH|SERVICE|FROM)\b|\$(shapesGraph|currentShape|PATH)\b", body, re.IGNORECASE):
            raise UnsupportedShapes(f"{name}: sh:select may not use a sub-SELECT, GRAPH, SERVICE, FROM, "
                                    "$shapesGraph, $currentShape or $PATH")
        messages = self._messages(constraint) or self._messages(shape)
        if not messages:
            raise UnsupportedShapes(f"{name}: a SPARQL constraint needs an sh:message")
        if any("{?" in m or "{$" in m for m, _ in messages):
            raise UnsupportedShapes(f"{name}: message templates ({{?var}}) are not supported")
        distinct = "DISTINCT " if match["distinct"] else ""
        projected = " ".join(v.replace("$", "?") for v in variables)

        def build() -> str:
            where = f"GRAPH ?view {{ {body} }}" if self.views else f"{{ {body} }}"
            return f"{prefixes}SELECT {distinct}?view {projected} WHERE {{ {where} }}"

        return Rule(str(constraint) if isinstance(constraint, URIRef) else None, "sparql", self._build(build),
                    "?value" in projected, None, None, severity_name(self.g.value(shape, SH.severity)),
                    messages, path_from_row="?path" in projected, focus=self._focus_key(shape))


# --- expressions shared by the rules ---------------------------------------------------------


def _stringish(x: str) -> str:
    """True for an IRI or a literal whose value pyshacl reads as a string (never an error)."""
    kinds = ", ".join(f"<{d}>" for d in STRINGISH)
    return f"(isIRI({x}) || COALESCE(DATATYPE({x}) IN ({kinds}), false))"


def _numeric(x: str) -> str:
    kinds = ", ".join(f"<{d}>" for d in NUMERIC)
    return f"COALESCE(DATATYPE({x}) IN ({kinds}), false)"


def _less(a: str, b: str, strict: bool) -> str:
    """``a < b`` (``<=``) as pyshacl's sh:lessThan reads it: IRIs and strings compare as text
    and never with other values; other literals compare as values when both are numbers or of
    one datatype, else by datatype IRI (rdflib's order). Blank nodes never compare."""
    op = "<" if strict else "<="
    numbers = f"COALESCE(isNumeric({a}) && isNumeric({b}) && {a} {op} {b}, false)"  # the usual case, decided fast
    return (f"({numbers} || COALESCE(!isBlank({a}) && !isBlank({b}) && IF({_stringish(a)} != {_stringish(b)}, false, "
            f"IF({_stringish(a)}, STR({a}) {op} STR({b}), "
            f"IF(({_numeric(a)} && {_numeric(b)}) || DATATYPE({a}) = DATATYPE({b}), {a} {op} {b}, "
            f"STR(DATATYPE({a})) {op} STR(DATATYPE({b}))))), false))")


def _datatype(x: str, datatype, shape: str) -> str:
    if datatype == RDFS.Literal:
        return f"isLiteral({x})"
    if datatype == XSD.string:
        return f"COALESCE(DATATYPE({x}) = <{XSD.string}>, false)"
    if datatype == RDF.langString:
        return f"COALESCE(LANG({x}) != \"\", false)"
    if datatype in CHECKED_DATATYPES:  # of that datatype and well-formed (a cast of its text succeeds)
        return f"COALESCE(DATATYPE({x}) = <{datatype}> && isLiteral(<{datatype}>(STR({x}))), false)"
    raise UnsupportedShapes(f"{shape}: sh:datatype {compact(str(datatype))} is not supported "
                            "(its well-formedness check is not implemented)")


def _node_kind(x: str, kind, shape: str) -> str:
    kinds = {
        SH.IRI: f"isIRI({x})", SH.BlankNode: f"isBlank({x})", SH.Literal: f"isLiteral({x})",
        SH.BlankNodeOrIRI: f"!isLiteral({x})", SH.BlankNodeOrLiteral: f"!isIRI({x})",
        SH.IRIOrLiteral: f"!isBlank({x})",
    }
    if kind not in kinds:
        raise UnsupportedShapes(f"{shape}: unknown sh:nodeKind {kind}")
    return kinds[kind]


def _compare(x: str, op: str, bound, shape: str) -> str:
    """pyshacl's value range: a string bound compares with string values only, any other
    bound with non-string literals only; what cannot be compared fails."""
    if not isinstance(bound, Literal):
        raise UnsupportedShapes(f"{shape}: a value range bound must be a literal")
    literal = f"COALESCE(DATATYPE({x}) IN (<{XSD.string}>, <{RDF.langString}>), false)"
    if isinstance(bound.toPython(), str):
        return f"COALESCE(isLiteral({x}) && {literal} && STR({x}) {op} {sparql_term(Literal(str(bound)))}, false)"
    return f"COALESCE(isLiteral({x}) && !{literal} && {x} {op} {sparql_term(bound)}, false)"


def _language_in(x: str, tags: list[str]) -> str:
    """pyshacl's sh:languageIn: the tag, or its first subtag, is one of the list (any case)."""
    if "*" in tags:
        return f"COALESCE(LANG({x}) != \"\", false)"
    listed = ", ".join(sparql_term(Literal(t)) for t in tags)
    return (f"COALESCE(LANG({x}) != \"\" && (LCASE(LANG({x})) IN ({listed}) || "
            f"LCASE(STRBEFORE(LANG({x}), \"-\")) IN ({listed})), false)") if tags else "false"


def _check_regex(pattern: str, flags: str, shape: str) -> None:
    """Python's re (pyshacl) and Oxigraph's regex must both accept the pattern."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise UnsupportedShapes(f"{shape}: sh:pattern {pattern!r} is not a valid regular expression: {exc}") from exc
    if set(flags) - set("imsx"):
        raise UnsupportedShapes(f"{shape}: sh:flags {flags!r} is not supported")
    probe = pyoxigraph.Store().query(
        f"SELECT (REGEX(\"\", {sparql_term(Literal(pattern))}, {sparql_term(Literal(flags))}) AS ?ok) WHERE {{}}")
    if next(iter(probe))["ok"] is None:
        raise UnsupportedShapes(f"{shape}: Oxigraph cannot run sh:pattern {pattern!r}")


__all__ = ["CANDIDATES", "MODES", "VIEWS", "Plan", "Rule", "UnsupportedShapes", "class_hierarchy", "compile_shapes", "load_ontology",
           "load_plan", "load_shapes", "path_step", "show_path"]
