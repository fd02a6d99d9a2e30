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
from collections.abc import Iterator
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


@dataclass(frozen=True)
class Rule:
    """One constraint of one shape, on the focus nodes of one targeting shape, as SPARQL.

    Each row of ``queries[mode]`` is one validation result: ``?view`` (views mode), ``?this``
    and, when ``has_value``, ``?value``; SPARQL constraints may also bind ``?path``."""

    shape: str | None  # the shape (or SPARQL constraint) reported as the source
    component: str  # the constraint component, e.g. "minCount" (for errors and debugging)
    queries: dict[str, str]  # "views" / "union" → SELECT
    has_value: bool
    path: str | None  # the path shown (SPARQL syntax, CURIEs)
    step: tuple[str, bool] | None  # a one-step path as (predicate IRI, inverse)
    severity: str
    messages: tuple[tuple[str, str], ...]  # (text, language tag)
    path_from_row: bool = False  # SPARQL constraints: the row's ?path is the result path


@dataclass(frozen=True)
class Plan:
    """The compiled shapes: every rule, and the shapes file they came from."""

    rules: tuple[Rule, ...]
    source: str = ""
    components: frozenset[str] = field(default_factory=frozenset)


def compile_shapes(shapes: rdflib.Graph, source: str = "") -> Plan:
    """Every constraint of ``shapes`` as SPARQL; raises :class:`UnsupportedShapes`."""
    return _Compiler(shapes).plan(source)


@lru_cache(maxsize=4)
def _compiled(path: str, mtime_ns: int) -> Plan:
    return compile_shapes(rdflib.Graph().parse(path, format="turtle"), source=path)


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


def load_plan(path: Path | None = None) -> Plan:
    """The compiled shapes of ``path`` (default: the project's shapes file), compiled once per
    file version and cached."""
    from aseankg.paths import SHAPES_FILE

    path = Path(path or SHAPES_FILE)
    return _compiled(str(path), path.stat().st_mtime_ns)


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


class _Compiler:
    def __init__(self, shapes: rdflib.Graph) -> None:
        self.g = shapes
        self.counter = 0
        self.mode = "views"

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

    def _active(self, shape) -> bool:
        return self.g.value(shape, SH.deactivated) != Literal(True)

    def _messages(self, node) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((str(m), m.language or "") for m in self.g.objects(node, SH.message)
                            if isinstance(m, Literal)))

    # -- the plan

    def plan(self, source: str) -> Plan:
        shapes = self._shapes()
        self._check(shapes)
        rules: list[Rule] = []
        targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
        targeting = [s for s in shapes if any((s, p, None) in self.g for p in targets)]
        for shape in sorted(targeting, key=str):
            if not self._active(shape):
                continue
            rules.extend(self._top(shape))
        return Plan(tuple(rules), source, frozenset(r.component for r in rules))

    def _top(self, shape) -> Iterator[Rule]:
        """The rules of a shape that has targets: its own constraints on its focus nodes, those
        of its property shapes, and its SPARQL constraints."""
        focus = {mode: self._focus(shape, mode) for mode in ("views", "union")}
        if (shape, SH.path, None) in self.g:
            if (shape, SH.property, None) in self.g or (shape, SH.sparql, None) in self.g:
                raise UnsupportedShapes(f"{self._name(shape)}: sh:property / sh:sparql on a property shape")
            yield from self._constraints(shape, focus, self.g.value(shape, SH.path))
            return
        yield from self._constraints(shape, focus, None)
        for prop in sorted(self.g.objects(shape, SH.property), key=str):
            if not self._active(prop):
                continue
            if (prop, SH.path, None) not in self.g:
                raise UnsupportedShapes(f"{self._name(prop)}: a property shape without sh:path")
            if (prop, SH.property, None) in self.g or (prop, SH.sparql, None) in self.g:
                raise UnsupportedShapes(f"{self._name(prop)}: sh:property / sh:sparql on a property shape")
            yield from self._constraints(prop, focus, self.g.value(prop, SH.path))
        for constraint in sorted(self.g.objects(shape, SH.sparql), key=str):
            if self._active(constraint):
                yield self._sparql(shape, constraint, focus)

    def _focus(self, shape, mode: str) -> str:
        """A sub-SELECT binding ``?this`` (and ``?view``) to the focus nodes of ``shape``."""
        self.mode = mode
        parts = [self._in_view(f"?this {RDF_TYPE}/{SUBCLASS}* {sparql_term(c)}")
                 for c in sorted(self.g.objects(shape, SH.targetClass), key=str)]
        parts += [self._in_view(f"?this {sparql_term(p)} ?target_")
                  for p in sorted(self.g.objects(shape, SH.targetSubjectsOf), key=str)]
        parts += [self._in_view(f"?target_ {sparql_term(p)} ?this")
                  for p in sorted(self.g.objects(shape, SH.targetObjectsOf), key=str)]
        nodes = sorted(self.g.objects(shape, SH.targetNode), key=str)
        if nodes:
            values = " ".join(sparql_term(n) for n in nodes)
            parts.append((VIEWS if mode == "views" else "") + f" VALUES ?this {{ {values} }}")
        union = " UNION ".join("{ " + p + " }" for p in parts)
        head = "?view ?this" if mode == "views" else "?this"
        return f"{{ SELECT DISTINCT {head} WHERE {{ {union} }} }}"

    def _in_view(self, pattern: str) -> str:
        return f"GRAPH ?view {{ {pattern} }}" if self.mode == "views" else f"{pattern} ."

    # -- one shape's constraints on the focus nodes

    def _constraints(self, shape, focus: dict[str, str], path) -> Iterator[Rule]:
        messages = self._messages(shape)
        name = self._name(shape)
        severity = severity_name(self.g.value(shape, SH.severity))
        shown = show_path(self.g, path) if path is not None else None
        step = path_step(self.g, path) if path is not None else None
        reporting = False

        def rule(component: str, build, has_value: bool) -> Rule:
            nonlocal reporting
            reporting = True
            queries = {}
            for mode in ("views", "union"):
                self.mode = mode
                self.counter = 0
                queries[mode] = build(focus[mode])
            return Rule(str(shape) if isinstance(shape, URIRef) else None, component, queries, has_value,
                        shown, step, severity, messages)

        values = (lambda: self._values("?this", path, "?value")) if path is not None else None
        head = "?view ?this"

        for component, condition in self._value_conditions(shape):
            if path is None:  # node-level: the focus node is the value node
                yield rule(component, lambda f, c=condition: (
                    f"SELECT DISTINCT {head} ?value WHERE {{ {f} BIND(?this AS ?value) "
                    f"FILTER(!({c('?value')})) }}"), True)
            else:
                yield rule(component, lambda f, c=condition: (
                    f"SELECT DISTINCT {head} ?value WHERE {{ {f} {values()} FILTER(!({c('?value')})) }}"), True)

        for has_value in self.g.objects(shape, SH.hasValue):
            term = sparql_term(has_value)
            if path is None:
                yield rule("hasValue", lambda f, t=term: (
                    f"SELECT {head} WHERE {{ {f} FILTER(!sameTerm(?this, {t})) }}"), False)
            else:
                yield rule("hasValue", lambda f, t=term: (
                    f"SELECT {head} WHERE {{ {f} FILTER NOT EXISTS {{ {self._values('?this', path, t)} }} }}"), False)

        if path is None:
            for p in (SH.minCount, SH.maxCount, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan,
                      SH.lessThanOrEquals, SH.qualifiedValueShape):
                if (shape, p, None) in self.g:
                    raise UnsupportedShapes(f"{name}: {compact(str(p))} needs sh:path")
        else:
            min_count = self._count(shape, SH.minCount)
            if min_count == 1:
                yield rule("minCount", lambda f: (
                    f"SELECT {head} WHERE {{ {f} FILTER NOT EXISTS {{ {values()} }} }}"), False)
            elif min_count is not None and min_count > 1:
                yield rule("minCount", lambda f: (
                    f"SELECT {head} WHERE {{ {f} OPTIONAL {{ {values()} }} }} GROUP BY ?view ?this "
                    f"HAVING (COUNT(DISTINCT ?value) < {min_count})"), False)
            max_count = self._count(shape, SH.maxCount)
            if max_count is not None:
                yield rule("maxCount", lambda f: (
                    f"SELECT {head} WHERE {{ {f} {values()} }} GROUP BY ?view ?this "
                    f"HAVING (COUNT(DISTINCT ?value) > {max_count})"), False)
            unique = self._one(shape, SH.uniqueLang)
            if unique is not None and unique.toPython() is True:
                yield rule("uniqueLang", lambda f: (
                    f"SELECT {head} WHERE {{ {f} {values()} FILTER(isLiteral(?value) && LANG(?value) != \"\") }} "
                    f"GROUP BY ?view ?this (LCASE(LANG(?value)) AS ?language) HAVING (COUNT(DISTINCT ?value) > 1)"),
                    False)
            for other in self.g.objects(shape, SH.equals):
                q = sparql_term(other)
                yield rule("equals", lambda f, q=q: (
                    f"SELECT DISTINCT {head} ?value WHERE {{ {f} {{ {values()} FILTER NOT EXISTS "
                    f"{{ {self._in_view(f'?this {q} ?value')} }} }} UNION {{ {self._in_view(f'?this {q} ?value')} "
                    f"FILTER NOT EXISTS {{ {values()} }} }} }}"), True)
            for other in self.g.objects(shape, SH.disjoint):
                q = sparql_term(other)
                yield rule("disjoint", lambda f, q=q: (
                    f"SELECT DISTINCT {head} ?value WHERE {{ {f} {values()} "
                    f"{self._in_view(f'?this {q} ?value')} }}"), True)
            for p, strict in ((SH.lessThan, True), (SH.lessThanOrEquals, False)):
                for other in self.g.objects(shape, p):
                    q = sparql_term(other)
                    yield rule(compact(str(p)).split(":")[1], lambda f, q=q, strict=strict: (
                        f"SELECT DISTINCT {head} ?value ?other_ WHERE {{ {f} {values()} "
                        f"{self._in_view(f'?this {q} ?other_')} "
                        f"FILTER(!({_less('?value', '?other_', strict)})) }}"), True)
            for qualified in self.g.objects(shape, SH.qualifiedValueShape):
                low = self._count(shape, SH.qualifiedMinCount)
                high = self._count(shape, SH.qualifiedMaxCount)
                if low is None and high is None:
                    raise UnsupportedShapes(f"{name}: sh:qualifiedValueShape without a qualified count")
                if low:
                    yield rule("qualifiedMinCount", lambda f, s=qualified: (
                        f"SELECT {head} WHERE {{ {f} OPTIONAL {{ {values()} FILTER({self._conforms(s, '?value')}) }} }} "
                        f"GROUP BY ?view ?this HAVING (COUNT(DISTINCT ?value) < {low})"), False)
                if high is not None:
                    yield rule("qualifiedMaxCount", lambda f, s=qualified: (
                        f"SELECT {head} WHERE {{ {f} {values()} FILTER({self._conforms(s, '?value')}) }} "
                        f"GROUP BY ?view ?this HAVING (COUNT(DISTINCT ?value) > {high})"), False)
        if reporting and not messages:
            raise UnsupportedShapes(f"{name}: a shape that reports results needs an sh:message "
                                    "(in English and Thai)")

    def _count(self, shape, p) -> int | None:
        value = self._one(shape, p)
        if value is None:
            return None
        if not isinstance(value, Literal) or not isinstance(value.toPython(), int):
            raise UnsupportedShapes(f"{self._name(shape)}: {compact(str(p))} is not an integer")
        return int(value.toPython())

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

    # -- value conditions: SPARQL expressions true when a value node satisfies a constraint

    def _value_conditions(self, shape) -> Iterator[tuple[str, callable]]:
        """(component, condition builder) for each constraint of ``shape`` checked value by
        value; the builder takes the variable and returns an expression that never errors."""
        g = self.g
        for cls in g.objects(shape, SH["class"]):
            yield "class", lambda x, c=cls: self._instance(x, c)
        datatype = self._one(shape, SH.datatype)
        if datatype is not None:
            yield "datatype", lambda x: _datatype(x, datatype, self._name(shape))
        kind = self._one(shape, SH.nodeKind)
        if kind is not None:
            yield "nodeKind", lambda x: _node_kind(x, kind, self._name(shape))
        for p, op in COMPARISONS.items():
            for bound in g.objects(shape, p):
                yield compact(str(p)).split(":")[1], lambda x, b=bound, op=op: _compare(x, op, b, self._name(shape))
        pattern = self._one(shape, SH.pattern)
        if pattern is not None:
            flags = self._one(shape, SH.flags)
            regex = sparql_term(Literal(str(pattern)))
            extra = f", {sparql_term(Literal(str(flags)))}" if flags is not None else ""
            _check_regex(str(pattern), str(flags) if flags is not None else "", self._name(shape))
            yield "pattern", lambda x: f"(!isBlank({x}) && COALESCE(REGEX(STR({x}), {regex}{extra}), false))"
        elif (shape, SH.flags, None) in g:
            raise UnsupportedShapes(f"{self._name(shape)}: sh:flags without sh:pattern")
        for p, op in ((SH.minLength, ">="), (SH.maxLength, "<=")):
            length = self._count(shape, p)
            if length is not None:
                if p == SH.minLength and length == 0:
                    continue  # pyshacl: a minimum length of zero always passes, blank nodes too
                yield compact(str(p)).split(":")[1], lambda x, n=length, op=op: (
                    f"(!isBlank({x}) && COALESCE(STRLEN(STR({x})) {op} {n}, false))")
        languages = self._one(shape, SH.languageIn)
        if languages is not None:
            tags = [str(t).lower() for t in Collection(g, languages)]
            yield "languageIn", lambda x: _language_in(x, tags)
        ins = list(g.objects(shape, SH["in"]))
        if len(ins) > 1:
            raise UnsupportedShapes(f"{self._name(shape)}: more than one sh:in")
        if ins:
            members = [sparql_term(t) for t in Collection(g, ins[0])]
            yield "in", lambda x: "(" + " || ".join(f"sameTerm({x}, {m})" for m in members) + ")" if members else "false"
        for nested in g.objects(shape, SH.node):
            yield "node", lambda x, s=nested: self._conforms(s, x)
        for nested in g.objects(shape, SH["not"]):
            yield "not", lambda x, s=nested: f"!({self._conforms(s, x)})"
        for p, joiner in ((SH["and"], " && "), (SH["or"], " || ")):
            for head in g.objects(shape, p):
                members = list(Collection(g, head))
                yield compact(str(p)).split(":")[1], lambda x, m=members, j=joiner: (
                    "(" + j.join(self._conforms(s, x) for s in m) + ")" if m else ("true" if j == " && " else "false"))
        for head in g.objects(shape, SH.xone):
            members = list(Collection(g, head))
            yield "xone", lambda x, m=members: (
                "((" + " + ".join(f"IF({self._conforms(s, x)}, 1, 0)" for s in m) + ") = 1)" if m else "false")

    def _instance(self, x: str, cls) -> str:
        return f"EXISTS {{ {self._in_view(f'{x} {RDF_TYPE}/{SUBCLASS}* {sparql_term(cls)}')} }}"

    def _fresh(self) -> str:
        self.counter += 1
        return f"?n{self.counter}_"

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
            parts += [c(x) for _, c in self._value_conditions(shape)]
            parts += [f"sameTerm({x}, {sparql_term(h)})" for h in self.g.objects(shape, SH.hasValue)]
            for p in (SH.minCount, SH.maxCount, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals):
                if (shape, p, None) in self.g:
                    raise UnsupportedShapes(f"{self._name(shape)}: {compact(str(p))} needs sh:path")
        else:
            v = self._fresh()
            for _, c in self._value_conditions(shape):
                parts.append(f"NOT EXISTS {{ {self._values(x, path, v)} FILTER(!({c(v)})) }}")
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

    def _sparql(self, shape, constraint, focus: dict[str, str]) -> Rule:
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
        text = str(select)
        match = re.fullmatch(
            r"\s*SELECT\s+(?P<distinct>DISTINCT\s+)?(?P<vars>(?:[?$][A-Za-z_]\w*\s+)+)WHERE\s*\{(?P<body>.*)\}\s*",
            text, re.DOTALL | re.IGNORECASE)
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
        queries = {
            "views": f"{prefixes}SELECT {distinct}?view {projected} WHERE {{ {focus['views']} GRAPH ?view {{ {body} }} }}",
            "union": f"{prefixes}SELECT {distinct}{projected} WHERE {{ {focus['union']} {{ {body} }} }}",
        }
        return Rule(str(constraint) if isinstance(constraint, URIRef) else None, "sparql", queries,
                    "?value" in projected, None, None, severity_name(self.g.value(shape, SH.severity)),
                    messages, path_from_row="?path" in projected)


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
    return (f"COALESCE(!isBlank({a}) && !isBlank({b}) && IF({_stringish(a)} != {_stringish(b)}, false, "
            f"IF({_stringish(a)}, STR({a}) {op} STR({b}), "
            f"IF(({_numeric(a)} && {_numeric(b)}) || DATATYPE({a}) = DATATYPE({b}), {a} {op} {b}, "
            f"STR(DATATYPE({a})) {op} STR(DATATYPE({b}))))), false)")


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


__all__ = ["VIEWS", "Plan", "Rule", "UnsupportedShapes", "compile_shapes", "load_ontology", "load_plan", "load_shapes",
           "path_step", "show_path"]
