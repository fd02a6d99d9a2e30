"""The fast engine: the compiled shapes (:mod:`aseankg.validate.shacl`) run in pyoxigraph.

Two ways to run them:

- :func:`validate_views`: each graph to validate (a document's graph with the lexicon facts
  about what it mentions) becomes a named graph of one in-memory store, the ontology's class
  hierarchy and individuals copied in; every rule runs once for all of them and each result
  belongs to its graph. So a batch of documents costs about as many queries as one, and each
  document is still judged on its own: what two documents say together cannot fail either.
- :func:`validate_union`: the default graph of a store (the union of its named graphs); each
  result names the documents whose graphs hold the offending triple.

Oxigraph keeps a typed literal as its value ("3.0"^^xsd:decimal is stored as "3") and
lowercases language tags. Comparisons are by value, as SHACL's are, but reports show the
literal as the input wrote it: results are mapped back to the input's terms. (Two literals
that differ only in how they are written, "1.5" and "1.50", are one value here and two terms
to pyshacl; the mapper never writes both.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from aseankg.namespaces import DOC_GRAPH, compact
from aseankg.validate.report import Violation, pick, show, text_and_language
from aseankg.validate.shacl import VIEWS, Plan, Rule, load_ontology, load_plan

VIEW = "urn:x-aseankg:validate:view:"
CONTEXT_GRAPH = "urn:x-aseankg:validate:ontology-context"
LABELS = (str(SKOS.prefLabel), str(RDFS.label))

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
# Originals: for a view, focus node and predicate, the input's own terms (to show literals as written).
Originals = Callable[[int, Term, str], Iterable[tuple[Term, str]]]


@dataclass(frozen=True)
class Row:
    """One result of one rule: where (view), on what (focus) and, if any, the value."""

    rule: Rule
    view: int | None
    focus: Term
    value: Term | None
    path: Term | None


@lru_cache(maxsize=1)
def ontology_context() -> tuple[pyoxigraph.Triple, ...]:
    """What validation needs of the ontology, read once: the class hierarchy (for sh:class and
    sh:targetClass) and every triple of its named individuals (the fixed meeting series and
    the statuses, which the shapes check like any other node)."""
    ontology = load_ontology()
    individuals = set(ontology.subjects(RDF.type, OWL.NamedIndividual))
    return tuple(
        pyoxigraph.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
        for s, p, o in ontology
        if s in individuals or (p == RDFS.subClassOf and isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.URIRef))
    )


def validate_views(
    views: Sequence[Iterable[pyoxigraph.Quad | pyoxigraph.Triple]],
    names: Sequence[str | None],
    lang: str = "en",
    originals: Originals | None = None,
    plan: Plan | None = None,
) -> list[list[Violation]]:
    """Validate each view on its own, all in one store; the results of each, in order.

    ``names[i]`` is the document every result of view ``i`` is attributed to. ``originals``
    gives the input's terms for a (view, focus, predicate), to show literals as written; by
    default the views' own quads are used."""
    plan = plan or load_plan()
    store = pyoxigraph.Store()
    context = ontology_context()
    kept: list[list] = []
    for i, view in enumerate(views):
        graph = pyoxigraph.NamedNode(f"{VIEW}{i}")
        quads = list(view)
        kept.append(quads)
        store.extend(pyoxigraph.Quad(q.subject, q.predicate, q.object, graph) for q in quads)
        store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object, graph) for t in context)
    if originals is None:
        originals = _originals_from(kept)
    values = "VALUES ?view { " + " ".join(f"<{VIEW}{i}>" for i in range(len(kept))) + " }"
    rows = []
    for rule in plan.rules:
        query = rule.queries["views"].replace(VIEWS, values)
        for solution in store.query(query):
            view = int(solution["view"].value[len(VIEW):])
            rows.append(_row(rule, solution, view))
    labels = _labels(store, rows, views=True)
    shown = _shown_values(rows, originals)
    found: list[list[Violation]] = [[] for _ in kept]
    for row in rows:
        found[row.view].append(_violation(row, labels, shown, lang, names[row.view]))
    return found


def validate_union(
    store: pyoxigraph.Store,
    lang: str = "en",
    plan: Plan | None = None,
    union_flag: bool = False,
) -> list[Violation]:
    """Validate the default graph of ``store`` (``union_flag``: let Oxigraph read the default
    graph as the union of the named graphs). Each result names the documents whose graph
    ``graph/doc/{identifier}`` holds the offending triple, or failing that the focus node's
    triples."""
    plan = plan or load_plan()
    options = {"use_default_graph_as_union": True} if union_flag else {}
    rows = []
    for rule in plan.rules:
        for solution in store.query(rule.queries["union"].replace(VIEWS, ""), **options):
            rows.append(_row(rule, solution, None))
    labels = _labels(store, rows, views=False, options=options)
    documents = _documents(store, rows)
    return [
        _violation(row, labels, {}, lang, documents.get((row.focus, _predicate(row), row.value)))
        for row in rows
    ]


# --- inside ------------------------------------------------------------------------------


def _row(rule: Rule, solution, view: int | None) -> Row:
    value = solution["value"] if rule.has_value else None
    path = solution["path"] if rule.path_from_row else None
    return Row(rule, view, solution["this"], value, path)


def _step(row: Row) -> tuple[str, bool] | None:
    if row.rule.path_from_row:
        return (row.path.value, False) if isinstance(row.path, pyoxigraph.NamedNode) else None
    return row.rule.step


def _predicate(row: Row) -> tuple[str, bool] | None:
    return _step(row)


def _violation(row: Row, labels: dict, shown: dict, lang: str, document: str | None) -> Violation:
    rule = row.rule
    if rule.path_from_row:
        path = compact(row.path.value) if isinstance(row.path, pyoxigraph.NamedNode) else None
    else:
        path = rule.path
    value = shown.get((row.view, row.focus, row.value), show(row.value)) if row.value is not None else None
    return Violation(
        focus=row.focus.value if not isinstance(row.focus, pyoxigraph.Literal) else show(row.focus),
        focus_label=pick(labels.get((row.view, row.focus), ()), lang),
        path=path,
        message=pick(rule.messages, lang) or (compact(rule.shape) if rule.shape else "SHACL constraint not met"),
        severity=rule.severity,
        value=value,
        document=document,
        shape=compact(rule.shape) if rule.shape else None,
    )


def _labels(store: pyoxigraph.Store, rows: list[Row], views: bool, options: dict | None = None) -> dict:
    """skos:prefLabel (else rdfs:label) of every focus node with a result, per view."""
    wanted = {(row.view, row.focus) for row in rows if not isinstance(row.focus, pyoxigraph.Literal)}
    if not wanted:
        return {}
    found: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    if views:
        pairs = " ".join(f"(<{VIEW}{view}> {_sparql(focus)})" for view, focus in wanted)
        query = (f"SELECT ?view ?this ?p ?label WHERE {{ VALUES (?view ?this) {{ {pairs} }} "
                 f"GRAPH ?view {{ ?this ?p ?label }} FILTER(?p IN (<{LABELS[0]}>, <{LABELS[1]}>)) }}")
    else:
        nodes = " ".join(_sparql(focus) for _, focus in wanted)
        query = (f"SELECT ?this ?p ?label WHERE {{ VALUES ?this {{ {nodes} }} ?this ?p ?label "
                 f"FILTER(?p IN (<{LABELS[0]}>, <{LABELS[1]}>)) }}")
    for solution in store.query(query, **(options or {})):
        view = int(solution["view"].value[len(VIEW):]) if views else None
        pair = text_and_language(solution["label"])
        if pair is not None:
            found[(view, solution["this"])][solution["p"].value].append(pair)
    labels = {}
    for key, by_predicate in found.items():
        for predicate in LABELS:  # prefLabels first; rdfs:label only when there is none
            if by_predicate.get(predicate):
                labels[key] = sorted(set(by_predicate[predicate]))
                break
    return labels


def _originals_from(views: list[list]) -> Originals:
    """The input's terms of each view, indexed on first use."""
    index: dict[int, dict[tuple, list]] = {}

    def lookup(view: int, focus: Term, predicate: str):
        if view not in index:
            by_key = defaultdict(list)
            for q in views[view]:
                if isinstance(q.object, pyoxigraph.Literal):
                    by_key[(q.subject, q.predicate.value)].append(q.object)
            index[view] = by_key
        return [(term, show(term)) for term in index[view].get((focus, predicate), ())]

    return lookup


def _shown_values(rows: list[Row], originals: Originals) -> dict:
    """For literal values: the input's own literal (as written) whose value Oxigraph returned."""
    candidates: dict[tuple, list[tuple[Term, str]]] = {}
    for row in rows:
        if not isinstance(row.value, pyoxigraph.Literal) or row.view is None:
            continue
        step = _step(row)
        if step is None or step[1]:
            continue
        key = (row.view, row.focus, row.value)
        if key not in candidates:
            candidates[key] = list(originals(row.view, row.focus, step[0]))
    pending = {term for options in candidates.values() for term, _ in options}
    if not pending:
        return {}
    canonical = _canonical(pending)
    shown = {}
    for (view, focus, value), options in candidates.items():
        for term, text in sorted(options, key=lambda o: o[1]):
            if canonical.get(term) == value:
                shown[(view, focus, value)] = text
                break
    return shown


def _canonical(terms: set[Term]) -> dict[Term, Term]:
    """Each literal as Oxigraph stores it (its canonical form), in one query."""
    ordered = list(terms)
    rows = " ".join(f"({i} {_sparql(term)})" for i, term in enumerate(ordered))
    found = {}
    for solution in pyoxigraph.Store().query(f"SELECT ?i ?t WHERE {{ VALUES (?i ?t) {{ {rows} }} }}"):
        found[ordered[int(solution["i"].value)]] = solution["t"]
    return found


def _documents(store: pyoxigraph.Store, rows: list[Row]) -> dict:
    """(focus, step, value) → "a, b": the documents whose graph holds the offending triple,
    else the focus node's triples."""
    keys = {(row.focus, _predicate(row), row.value) for row in rows}
    if not keys:
        return {}
    by_triple: dict[tuple, set[str]] = defaultdict(set)
    triples = []
    for focus, step, value in keys:
        if step is not None and value is not None:
            predicate, inverse = step
            subject, obj = (value, focus) if inverse else (focus, value)
            if not isinstance(subject, pyoxigraph.Literal):
                triples.append((subject, pyoxigraph.NamedNode(predicate), obj))
    if triples:
        values = " ".join(f"({_sparql(s)} {_sparql(p)} {_sparql(o)})" for s, p, o in set(triples))
        query = (f"SELECT DISTINCT ?s ?p ?o ?g WHERE {{ VALUES (?s ?p ?o) {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} "
                 f"FILTER(STRSTARTS(STR(?g), \"{DOC_GRAPH}\")) }}")
        for solution in store.query(query):
            by_triple[(solution["s"], solution["p"].value, solution["o"])].add(solution["g"].value[len(DOC_GRAPH):])
    focus_nodes = {focus for focus, _, _ in keys if not isinstance(focus, pyoxigraph.Literal)}
    by_subject: dict[Term, set[str]] = defaultdict(set)
    if focus_nodes:
        nodes = " ".join(_sparql(n) for n in focus_nodes)
        query = (f"SELECT DISTINCT ?s ?g WHERE {{ VALUES ?s {{ {nodes} }} GRAPH ?g {{ ?s ?p ?o }} "
                 f"FILTER(STRSTARTS(STR(?g), \"{DOC_GRAPH}\")) }}")
        for solution in store.query(query):
            by_subject[solution["s"]].add(solution["g"].value[len(DOC_GRAPH):])
    documents = {}
    for focus, step, value in keys:
        found: set[str] = set()
        if step is not None and value is not None:
            predicate, inverse = step
            subject, obj = (value, focus) if inverse else (focus, value)
            found = by_triple.get((subject, predicate, obj), set())
        found = found or by_subject.get(focus, set())
        documents[(focus, step, value)] = ", ".join(sorted(found)) or None
    return documents


def _sparql(term: Term) -> str:
    """A pyoxigraph term as SPARQL text (its N-Triples form; blank nodes as a constant)."""
    if isinstance(term, pyoxigraph.BlankNode):
        raise ValueError("blank nodes cannot be looked up by name")
    return str(term)


def to_oxigraph(term: rdflib.term.Node) -> Term:
    """An rdflib term as a pyoxigraph term (lexical forms kept as written)."""
    if isinstance(term, rdflib.URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return pyoxigraph.BlankNode(str(term))
    if term.language:
        return pyoxigraph.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
    return pyoxigraph.Literal(str(term))


def to_rdflib(term: Term) -> rdflib.term.Node:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, pyoxigraph.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


__all__ = ["ontology_context", "to_oxigraph", "to_rdflib", "validate_union", "validate_views"]
