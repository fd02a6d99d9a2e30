"""SHACL validation: does a graph satisfy ``shapes/aseankg.shapes.ttl``?

Two interchangeable engines give the same results (the tests hold them to it):

- ``engine="oxigraph"`` (default): the shapes compiled once to SPARQL
  (:mod:`aseankg.validate.shacl`) and run in pyoxigraph (:mod:`aseankg.validate.oxigraph`);
  a batch of documents is validated in one pass, each on its own;
- ``engine="pyshacl"``: pyshacl on rdflib graphs (:mod:`aseankg.validate.pyshacl`), the
  reference, about a hundred times slower.

What is validated:

- :func:`validate_graph`: one graph (rdflib), the ontology's context mixed in;
- :func:`validate_documents`: a batch of documents, each given as everything that will stand
  together in the store for it: its graph and the lexicon facts about the entities it
  mentions. One report per document: what the build needs to refuse exactly the documents
  that do not conform;
- :func:`validate_quads`: a dataset (named graph per document + the lexicon graph), each
  document judged with the lexicon entries it mentions (the build's rule), each result naming
  the documents whose graph fails it. What only two documents together break (one entity
  given two English prefLabels by two articles) is blamed on neither;
- :func:`validate_nquads` / :func:`validate_store`: a store as served, the union of its named
  graphs as one graph (what ``aseankg validate`` checks); each result names the documents
  whose graph holds the offending triple.

Severity follows SHACL; ``Report.conforms`` is false only when a result is a sh:Violation, so
a warning is reported but does not stop a build.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

import pyoxigraph
import rdflib

from aseankg.validate.report import Report, Violation, format_report, make_report, show, sort_key
from aseankg.validate.shacl import UnsupportedShapes, load_ontology, load_plan, load_shapes
from aseankg.validate.views import document_views

ENGINES = ("oxigraph", "pyshacl")
DEFAULT_ENGINE = "oxigraph"


def validate_graph(
    data: rdflib.Graph, lang: str = "en", document: str | None = None, engine: str = DEFAULT_ENGINE
) -> Report:
    """Validate ``data`` against the shapes, the ontology mixed in; ``data`` is not modified.

    ``data`` must be everything that will stand together in the store: a document's graph
    with the lexicon facts about the entities it mentions (an entity typed in the lexicon
    graph needs the ``akg:mentionedIn`` of a document graph). ``document`` names the
    document every result is attributed to.
    """
    if _engine(engine) == "pyshacl":
        from aseankg.validate import pyshacl as reference

        return make_report(reference.validate_graph(data, lang, document))
    from aseankg.validate import oxigraph as fast

    triples = [pyoxigraph.Triple(*(fast.to_oxigraph(t) for t in triple)) for triple in data]

    def originals(view: int, focus, predicate: str | None):
        subject = fast.to_rdflib(focus)
        return [(fast.to_oxigraph(o), show(o))
                for o in data.objects(subject, rdflib.URIRef(predicate) if predicate else None)
                if isinstance(o, rdflib.Literal)]

    (found,) = fast.validate_views([triples], [document], lang, originals)
    return make_report(found)


def validate_documents(
    quads: Iterable[pyoxigraph.Quad], lang: str = "en", engine: str = DEFAULT_ENGINE
) -> dict[str | None, Report]:
    """One report per document of a dataset (a named graph ``graph/doc/{identifier}`` per
    document, and the lexicon graph), each document judged on its own with the lexicon triples
    it brings along (:mod:`aseankg.validate.views`): what the build needs to refuse exactly
    the documents that do not conform. Under None, what no document brings along, if any.
    With the Oxigraph engine the whole batch is one pass."""
    if _engine(engine) == "pyshacl":
        from aseankg.validate import pyshacl as reference

        names, views = document_views(quads)
        found = reference.validate_views(views, names, lang)
    else:
        from aseankg.validate import oxigraph as fast

        names, found = fast.validate_dataset(quads, lang)
    return {name: make_report(violations) for name, violations in zip(names, found)}


def validate_quads(quads: Iterable[pyoxigraph.Quad], lang: str = "en", engine: str = DEFAULT_ENGINE) -> Report:
    """Validate a dataset document by document (as :func:`validate_documents`) in one report;
    each result names the document(s) that fail it ("a, b")."""
    return make_report(_merge([report.violations for report in validate_documents(quads, lang, engine).values()]))


def validate_nquads(nquads: bytes | str, lang: str = "en", engine: str = DEFAULT_ENGINE) -> Report:
    """Validate the union of all graphs of a dataset dump in N-Quads (the store's dump) as one
    graph: the dump's default graph when it has one (the union the store wrote,
    :func:`aseankg.store.write_union`), else the union of its named graphs. Each result names
    the document(s) whose graph ``graph/doc/{identifier}`` holds the offending triple (or,
    failing that, the focus node's triples)."""
    if isinstance(nquads, str):
        nquads = nquads.encode("utf-8")
    quads = list(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    if _engine(engine) == "pyshacl":
        from aseankg.validate import pyshacl as reference

        return make_report(reference.validate_union(quads, lang))
    from aseankg.validate import oxigraph as fast

    store = pyoxigraph.Store()
    default = pyoxigraph.DefaultGraph()
    written = any(isinstance(quad.graph_name, pyoxigraph.DefaultGraph) for quad in quads)
    for quad in quads:
        store.add(quad)
        if not written and not isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
            store.add(pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, default))
    store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object, default) for t in fast.ontology_context())
    return make_report(fast.validate_union(store, lang))


def validate_store(store: pyoxigraph.Store, lang: str = "en", engine: str = DEFAULT_ENGINE) -> Report:
    """Validate a store as served: its default graph, the union of its named graphs (the
    ontology graph among them), read in place."""
    if _engine(engine) == "pyshacl":
        return validate_nquads(store.dump(format=pyoxigraph.RdfFormat.N_QUADS), lang, engine)
    from aseankg.store import has_union
    from aseankg.validate import oxigraph as fast

    return make_report(fast.validate_union(store, lang, union_flag=not has_union(store)))


# --- inside ------------------------------------------------------------------------------


def _engine(engine: str) -> str:
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}: one of {', '.join(ENGINES)}")
    return engine


def _merge(per_view: list[list[Violation]]) -> list[Violation]:
    """One result for what several documents fail alike, naming them all ("a, b")."""
    documents: dict[Violation, set[str]] = defaultdict(set)
    times: Counter = Counter()
    for found in per_view:
        for key, n in Counter(replace(v, document=None) for v in found).items():
            times[key] = max(times[key], n)
        for v in found:
            if v.document is not None:
                documents[replace(v, document=None)].add(v.document)
    merged = []
    for key, n in times.items():
        names = ", ".join(sorted(documents.get(key, ()))) or None
        merged.extend([replace(key, document=names)] * n)
    return sorted(merged, key=sort_key)


__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "Report",
    "UnsupportedShapes",
    "Violation",
    "format_report",
    "load_ontology",
    "load_plan",
    "load_shapes",
    "validate_documents",
    "validate_graph",
    "validate_nquads",
    "validate_quads",
    "validate_store",
]
