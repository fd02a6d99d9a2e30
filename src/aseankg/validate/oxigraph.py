"""The fast engine: the compiled shapes (:mod:`aseankg.validate.shacl`) run in pyoxigraph.

Three ways in:

- :func:`validate_dataset`: a dataset (a named graph per document, the lexicon graph). Each
  document graph becomes a *view*: the graph itself plus copies of the lexicon triples the
  document brings along (:mod:`aseankg.validate.views` states the rule). All views sit in one
  in-memory store and every rule runs once for all of them; each result belongs to its view.
  So a batch of documents costs about as many queries as one, and each document is still
  judged on its own: what two documents say together cannot fail either.
- :func:`validate_views`: graphs given one by one, each its own view.
- :func:`validate_union`: the default graph of a store (the union of its named graphs); each
  result names the documents whose graphs hold the offending triple.

The ontology's context (the named individuals: the fixed series and statuses) is copied into
the views that mention one of its nodes; a view that does not is disjoint from it, so its
results are its own plus those of the context alone, computed once. The class hierarchy is
compiled into the queries; when the data states a hierarchy of its own, the hierarchy is
copied into every view too and the queries that read it from the data run instead.

Oxigraph keeps a typed literal as its value ("3.0"^^xsd:decimal is stored as "3") and
lowercases language tags. Comparisons are by value, as SHACL's are, but reports show the
literal as the input wrote it: results are mapped back to the input's terms. (Two literals
that differ only in how they are written, "1.5" and "1.50", are one value here and two terms
to pyshacl; the mapper never writes both.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import pyoxigraph
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from aseankg.namespaces import DOC_GRAPH, LEXICON_GRAPH, ONTOLOGY_GRAPH, compact, expand
from aseankg.validate.report import Violation, pick, show, text_and_language
from aseankg.validate.shacl import CANDIDATES, VIEWS, Plan, Rule, load_ontology, load_plan

VIEW = "urn:x-aseankg:validate:view:"
REST = "urn:x-aseankg:validate:rest"
LABELS = (str(SKOS.prefLabel), str(RDFS.label))
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
MENTIONED_IN = expand("akg:mentionedIn")
SUBCLASS = str(RDFS.subClassOf)

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
# Originals: for a view, focus node and predicate (None: any), the input's own literals (to show them as written).
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
    return _individuals() + _hierarchy_triples()


@lru_cache(maxsize=1)
def _individuals() -> tuple[pyoxigraph.Triple, ...]:
    ontology = load_ontology()
    individuals = set(ontology.subjects(RDF.type, OWL.NamedIndividual))
    return tuple(pyoxigraph.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                 for s, p, o in ontology if s in individuals)


@lru_cache(maxsize=1)
def _hierarchy_triples() -> tuple[pyoxigraph.Triple, ...]:
    ontology = load_ontology()
    return tuple(pyoxigraph.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                 for s, p, o in ontology.triples((None, RDFS.subClassOf, None))
                 if isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.URIRef))


@lru_cache(maxsize=2)
def _context_lines(hierarchy: bool) -> tuple[str, ...]:
    """The individuals' triples (and the class hierarchy) as N-Triples lines."""
    triples = _individuals() + (_hierarchy_triples() if hierarchy else ())
    text = pyoxigraph.serialize(list(triples), format=pyoxigraph.RdfFormat.N_TRIPLES).decode("utf-8")
    return tuple(line[:-2] for line in text.splitlines() if line)


@lru_cache(maxsize=1)
def _context_nodes() -> frozenset[str]:
    """The nodes of the individuals' triples a document could share with them (not the
    classes they are typed with, nor literals)."""
    nodes = set()
    for t in _individuals():
        nodes.add(t.subject.value)
        if isinstance(t.object, pyoxigraph.NamedNode) and t.predicate.value != str(RDF.type):
            nodes.add(t.object.value)
    return frozenset(nodes)


def validate_dataset(
    quads: Iterable[pyoxigraph.Quad], lang: str = "en", plan: Plan | None = None
) -> tuple[list[str | None], list[list[Violation]]]:
    """(names, results): every document of the dataset validated on its own, with the lexicon
    triples it brings along; last, named None, what no document brings along (if any)."""
    quads = quads if isinstance(quads, list) else list(quads)
    store = pyoxigraph.Store()
    store.extend(quads)
    graphs = {g.value: g for g in store.named_graphs() if isinstance(g, pyoxigraph.NamedNode)}
    documents = sorted(name for name in graphs if name.startswith(DOC_GRAPH))
    rest: list[str] = []  # N-Triples lines of what no document brings along
    if LEXICON_GRAPH in graphs:
        rest += _share_lexicon(store, graphs[LEXICON_GRAPH])
        store.remove_graph(graphs[LEXICON_GRAPH])
    for name, graph in graphs.items():
        if name != LEXICON_GRAPH and not name.startswith(DOC_GRAPH):
            if name != ONTOLOGY_GRAPH:  # validation mixes in the ontology's context itself
                rest += _lines(store, graph)
            store.remove_graph(graph)
    if not graphs:  # a plain graph: the default graph is the data
        rest += _lines(store, pyoxigraph.DefaultGraph())
    store.clear_graph(pyoxigraph.DefaultGraph())
    views = [pyoxigraph.NamedNode(name) for name in documents]
    names: list[str | None] = [name[len(DOC_GRAPH):] for name in documents]
    if rest:
        _load(store, rest, REST)
        views.append(pyoxigraph.NamedNode(REST))
        names.append(None)
    return names, _validate(store, views, names, lang, _originals_from_quads(quads), plan or load_plan())


def validate_views(
    views: Sequence[Iterable[pyoxigraph.Quad | pyoxigraph.Triple]],
    names: Sequence[str | None],
    lang: str = "en",
    originals: Originals | None = None,
    plan: Plan | None = None,
) -> list[list[Violation]]:
    """Validate each view (its quads' graph names ignored) on its own, all in one store; the
    results of each, in order, attributed to ``names[i]``. ``originals`` gives the input's
    literals for a (view, focus, predicate), to show them as written; by default the views'
    own quads are read."""
    store = pyoxigraph.Store()
    graphs = []
    kept = []
    for i, view in enumerate(views):
        graph = pyoxigraph.NamedNode(f"{VIEW}{i}")
        quads = list(view)
        kept.append(quads)
        store.extend(pyoxigraph.Quad(q.subject, q.predicate, q.object, graph) for q in quads)
        graphs.append(graph)
    if originals is None:
        originals = _originals_from_views(kept)
    return _validate(store, graphs, list(names), lang, originals, plan or load_plan())


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
    mode = "union" if _data_hierarchy(store, views=False, options=options) == plan.hierarchy else "union-paths"
    rows = _run(plan, mode, lambda query: store.query(query.replace(VIEWS, ""), **options), lambda s: None, False)
    labels = _labels(store, rows, views=None, options=options)
    documents = _documents(store, rows)
    return [_violation(row, labels, {}, lang, documents.get((row.focus, _step(row), row.value))) for row in rows]


# --- inside ------------------------------------------------------------------------------


def _validate(
    store: pyoxigraph.Store,
    views: list[pyoxigraph.NamedNode],
    names: list[str | None],
    lang: str,
    originals: Originals,
    plan: Plan,
) -> list[list[Violation]]:
    """Run the plan over the views of ``store`` (each a named graph holding all its data but
    the ontology's context, which is added here)."""
    if not views:
        return []
    index = {graph.value: i for i, graph in enumerate(views)}
    own_hierarchy = _data_hierarchy(store, views=True)
    paths = bool(own_hierarchy)  # the data states classes of its own: read membership from it
    context = _context_lines(paths)
    touching = set(range(len(views))) if paths else _touching_context(store, index)
    if touching:
        store.load("".join(f"{line} {views[i]} .\n" for i in sorted(touching) for line in context).encode("utf-8"),
                   format=pyoxigraph.RdfFormat.N_QUADS)
    mode = "views-paths" if paths else "views"
    values = "VALUES ?view { " + " ".join(f"<{graph.value}>" for graph in views) + " }"
    rows = _run(plan, mode, lambda query: store.query(query.replace(VIEWS, values)),
                lambda solution: index.get(solution["view"].value), True, lambda i: str(views[i]))
    labels = _labels(store, rows, views=views, originals=originals)
    shown = _shown_values(rows, originals)
    found: list[list[Violation]] = [[] for _ in views]
    for row in rows:
        found[row.view].append(_violation(row, labels, shown, lang, names[row.view]))
    if len(touching) < len(views):
        alone = _context_alone(plan, lang)
        for i in set(range(len(views))) - touching:
            found[i].extend(replace(v, document=names[i]) for v in alone)
    return found


@lru_cache(maxsize=8)
def _context_alone_cached(plan: Plan, lang: str) -> tuple[Violation, ...]:
    store = pyoxigraph.Store()
    graph = pyoxigraph.NamedNode(f"{VIEW}context")
    store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object, graph) for t in _individuals())
    rows = _run(plan, "views", lambda query: store.query(query.replace(VIEWS, f"VALUES ?view {{ <{graph.value}> }}")),
                lambda solution: 0, True, lambda i: str(graph))
    labels = _labels(store, rows, views=[graph])
    return tuple(_violation(row, labels, {}, lang, None) for row in rows)


def _context_alone(plan: Plan, lang: str) -> tuple[Violation, ...]:
    """The results of the ontology's individuals on their own (none, for a sound ontology):
    those of every view they share no node with."""
    return _context_alone_cached(plan, lang)


def _touching_context(store: pyoxigraph.Store, index: dict[str, int]) -> set[int]:
    """The views that share a node with the ontology's individuals."""
    nodes = " ".join(f"<{n}>" for n in sorted(_context_nodes()))
    query = (f"SELECT DISTINCT ?view WHERE {{ VALUES ?n {{ {nodes} }} "
             f"{{ GRAPH ?view {{ ?n ?p ?o }} }} UNION {{ GRAPH ?view {{ ?s ?p ?n }} }} }}")
    return {index[row["view"].value] for row in store.query(query) if row["view"].value in index}


def _data_hierarchy(store: pyoxigraph.Store, views: bool, options: dict | None = None) -> frozenset[tuple[str, str]]:
    """The rdfs:subClassOf pairs between named classes in the data (all views together)."""
    pattern = f"?a <{SUBCLASS}> ?b"
    where = f"GRAPH ?view {{ {pattern} }}" if views else pattern
    rows = store.query(f"SELECT DISTINCT ?a ?b WHERE {{ {where} FILTER(isIRI(?a) && isIRI(?b)) }}", **(options or {}))
    return frozenset((row["a"].value, row["b"].value) for row in rows)


def _share_lexicon(store: pyoxigraph.Store, lexicon: pyoxigraph.NamedNode) -> list[str]:
    """Copy into each document graph the lexicon triples it brings along; return (as
    N-Triples lines) the lexicon triples no document brings along. The triples travel as
    N-Triples text: building pyoxigraph terms in Python costs more than Oxigraph's parser."""
    by_subject: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for line in _lines(store, lexicon):
        subject, _, obj = line.split(" ", 2)
        by_subject[subject].append((line, obj))
    mentioned: dict[str, set[str]] = defaultdict(set)
    rows = store.query(f"SELECT ?g ?s WHERE {{ GRAPH ?g {{ ?s <{MENTIONED_IN}> ?a }} "
                       f"FILTER(STRSTARTS(STR(?g), \"{DOC_GRAPH}\")) }}")
    for row in rows:
        mentioned[row["g"].value].add(str(row["s"]))
    somewhere: set[str] = set()
    copies = []
    for name, subjects in mentioned.items():
        brought = subjects & by_subject.keys()
        somewhere |= brought
        suffix = f" <{name}> .\n"
        copies += [line + suffix for s in brought for line, obj in by_subject[s]
                   if obj not in by_subject or obj in subjects]
    if copies:
        store.load("".join(copies).encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    return [line for s, lines in by_subject.items() if s not in somewhere for line, _ in lines]


def _lines(store: pyoxigraph.Store, graph) -> list[str]:
    """The triples of ``graph`` as N-Triples lines (no final " ."). Blank nodes are named
    apart: each keeps its identity within one load (labels are not kept)."""
    text = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")
    return [line[:-2] for line in text.splitlines() if line]


def _load(store: pyoxigraph.Store, lines: list[str], graph: str) -> None:
    suffix = f" <{graph}> .\n"
    store.load("".join(line + suffix for line in lines).encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)


def _run(plan: Plan, mode: str, query: Callable[[str], Iterable], view_of: Callable, views: bool,
         graph_of: Callable[[int], str] = str) -> list[Row]:
    """Every rule's rows (in views mode, those of the views); a rule's candidates are kept when
    on a focus node of its shape (the focus nodes of a shape are read only when one of its
    rules has candidates)."""
    focus: dict[str, set[tuple]] = {}  # shape → (view, node) pairs known to be focus nodes
    checked_by: dict[str, set[tuple]] = {}  # shape → pairs already asked about

    def candidates(pairs: set[tuple]) -> str:
        """Only these pairs' focus membership is asked (any blank node: all of the shape's)."""
        if not all(isinstance(node, pyoxigraph.NamedNode) for _, node in pairs):
            return ""
        if not views:
            return "VALUES ?this { " + " ".join(str(node) for _, node in pairs) + " }"
        return "VALUES (?view ?this) { " + " ".join(f"({graph_of(view)} {node})" for view, node in pairs) + " }"

    rows = []
    for rule in plan.rules:
        found = [_row(rule, s, view_of(s)) for s in query(rule.queries[mode])]
        if views:
            found = [row for row in found if row.view is not None]
        if found and rule.focus is not None:
            known = focus.setdefault(rule.focus, set())
            checked = checked_by.setdefault(rule.focus, set())
            unchecked = {(row.view, row.focus) for row in found} - checked
            if unchecked:
                known |= {(view_of(s), s["this"]) for s in query(
                    plan.focus[rule.focus][mode].replace(CANDIDATES, candidates(unchecked)))}
                checked |= unchecked
            found = [row for row in found if (row.view, row.focus) in known]
        rows.extend(found)
    return rows


def _row(rule: Rule, solution, view: int | None) -> Row:
    value = solution["value"] if rule.has_value else None
    if value is None and rule.component == "sparql":  # SHACL: unbound ?value reports the focus node
        value = solution["this"]
    path = solution["path"] if rule.path_from_row else None
    return Row(rule, view, solution["this"], value, path)


def _step(row: Row) -> tuple[str, bool] | None:
    if row.rule.path_from_row:
        return (row.path.value, False) if isinstance(row.path, pyoxigraph.NamedNode) else None
    return row.rule.step


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


def _labels(store: pyoxigraph.Store, rows: list[Row], views: list | None, options: dict | None = None,
            originals: Originals | None = None) -> dict:
    """skos:prefLabel (else rdfs:label) of every focus node with a result, per view, as
    (text, language tag) pairs; a typed literal label reads as the input wrote it."""
    wanted = {(row.view, row.focus) for row in rows if isinstance(row.focus, pyoxigraph.NamedNode)}
    if not wanted:
        return {}
    found: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    if views is not None:
        index = {graph.value: i for i, graph in enumerate(views)}
        pairs = " ".join(f"(<{views[view].value}> {focus})" for view, focus in wanted)
        query = (f"SELECT ?view ?this ?p ?label WHERE {{ VALUES (?view ?this) {{ {pairs} }} "
                 f"GRAPH ?view {{ ?this ?p ?label }} FILTER(?p IN (<{LABELS[0]}>, <{LABELS[1]}>)) }}")
    else:
        nodes = " ".join(str(focus) for _, focus in wanted)
        query = (f"SELECT ?this ?p ?label WHERE {{ VALUES ?this {{ {nodes} }} ?this ?p ?label "
                 f"FILTER(?p IN (<{LABELS[0]}>, <{LABELS[1]}>)) }}")
    for solution in store.query(query, **(options or {})):
        view = index[solution["view"].value] if views is not None else None
        if isinstance(solution["label"], pyoxigraph.Literal):
            found[(view, solution["this"])][solution["p"].value].append(solution["label"])
    typed = {(view, focus, predicate, term) for (view, focus), by_predicate in found.items()
             for predicate, terms in by_predicate.items() for term in terms
             if not term.language and term.datatype.value != XSD_STRING}
    written = _as_written(typed, originals) if typed and originals is not None else {}
    labels = {}
    for (view, focus), by_predicate in found.items():
        for predicate in LABELS:  # prefLabels first; rdfs:label only when there is none
            terms = by_predicate.get(predicate)
            if terms:
                labels[(view, focus)] = sorted({
                    (written[(view, focus, predicate, t)], t.language or "") if (view, focus, predicate, t) in written
                    else text_and_language(t) for t in terms})
                break
    return labels


def _as_written(wanted: set[tuple], originals: Originals) -> dict[tuple, str]:
    """(view, focus, predicate, literal as stored) → the literal's text as the input wrote it."""
    candidates = {key: list(originals(key[0], key[1], key[2])) for key in wanted}
    pending = {term for options in candidates.values() for term, _ in options}
    canonical = _canonical(pending) if pending else {}
    written = {}
    for key, options in candidates.items():
        for term, _ in sorted(options, key=lambda o: o[1]):
            if canonical.get(term) == key[3]:
                written[key] = term.value
                break
    return written


def _originals_from_views(views: list[list]) -> Originals:
    """The input's literals of each view, indexed on first use."""
    index: dict[int, dict[tuple, list]] = {}

    def lookup(view: int, focus: Term, predicate: str | None):
        if view not in index:
            by_key = defaultdict(list)
            for q in views[view]:
                if isinstance(q.object, pyoxigraph.Literal):
                    by_key[(q.subject, q.predicate.value)].append(q.object)
                    by_key[(q.subject, None)].append(q.object)
            index[view] = by_key
        return [(term, show(term)) for term in index[view].get((focus, predicate), ())]

    return lookup


def _originals_from_quads(quads: list) -> Originals:
    """The input's literals of a dataset (any graph), indexed on first use."""
    index: dict[tuple, list] = {}

    def lookup(view: int, focus: Term, predicate: str | None):
        if not index:
            index[None] = []
            for q in quads:
                if isinstance(q.object, pyoxigraph.Literal):
                    index.setdefault((q.subject, q.predicate.value), []).append(q.object)
                    index.setdefault((q.subject, None), []).append(q.object)
        return [(term, show(term)) for term in set(index.get((focus, predicate), ()))]

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
        if key not in candidates:  # the path's values first; then any (sh:equals reports the other property's)
            candidates[key] = list(originals(row.view, row.focus, step[0])) + list(originals(row.view, row.focus, None))
    pending = {term for options in candidates.values() for term, _ in options}
    if not pending:
        return {}
    canonical = _canonical(pending)
    shown = {}
    for key, options in candidates.items():
        for term, text in sorted(options, key=lambda o: o[1]):
            if canonical.get(term) == key[2]:
                shown[key] = text
                break
    return shown


def _canonical(terms: set[Term]) -> dict[Term, Term]:
    """Each literal as Oxigraph stores it (its canonical form), in one query."""
    ordered = list(terms)
    rows = " ".join(f"({i} {term})" for i, term in enumerate(ordered))
    found = {}
    for solution in pyoxigraph.Store().query(f"SELECT ?i ?t WHERE {{ VALUES (?i ?t) {{ {rows} }} }}"):
        found[ordered[int(solution["i"].value)]] = solution["t"]
    return found


def _documents(store: pyoxigraph.Store, rows: list[Row]) -> dict:
    """(focus, step, value) → "a, b": the documents whose graph holds the offending triple,
    else the focus node's triples."""
    keys = {(row.focus, _step(row), row.value) for row in rows}
    by_triple: dict[tuple, set[str]] = defaultdict(set)
    triples = set()
    for focus, step, value in keys:
        if step is not None and value is not None:
            predicate, inverse = step
            subject, obj = (value, focus) if inverse else (focus, value)
            if _named(subject) and not isinstance(obj, pyoxigraph.BlankNode):
                triples.add((subject, pyoxigraph.NamedNode(predicate), obj))
    if triples:
        values = " ".join(f"({s} {p} {o})" for s, p, o in triples)
        query = (f"SELECT DISTINCT ?s ?p ?o ?g WHERE {{ VALUES (?s ?p ?o) {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} "
                 f"FILTER(STRSTARTS(STR(?g), \"{DOC_GRAPH}\")) }}")
        for solution in store.query(query):
            by_triple[(solution["s"], solution["p"].value, solution["o"])].add(solution["g"].value[len(DOC_GRAPH):])
    by_subject: dict[Term, set[str]] = defaultdict(set)
    focus_nodes = {focus for focus, _, _ in keys if _named(focus)}
    if focus_nodes:
        nodes = " ".join(str(n) for n in focus_nodes)
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


def _named(term) -> bool:
    return isinstance(term, pyoxigraph.NamedNode)


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


__all__ = ["ontology_context", "to_oxigraph", "to_rdflib", "validate_dataset", "validate_union", "validate_views"]
