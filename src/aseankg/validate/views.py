"""What each document of a dataset is validated with: the build's rule, read back from quads.

The build validates a document with its own graph and the lexicon facts about the lexicon
entities it mentions (``aseankg.graph.lexicon_quads`` of those entries: their types, labels,
and the curated facts whose object it mentions too). In a dataset that is:

- the document's graph ``graph/doc/{identifier}``;
- the triples of the lexicon graph whose subject the document mentions (``akg:mentionedIn``
  in its graph), except those pointing at another lexicon entity it does not mention.

What no document brings along (lexicon entries no document mentions, graphs that are neither
a document's, the lexicon nor the ontology) is validated together as one more view,
attributed to no document. The ontology graph is left out: validation mixes in its context
itself. The default graph is read only when the dataset has no named graph (otherwise it is
the store's copy of their union).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph

from aseankg.namespaces import DOC_GRAPH, LEXICON_GRAPH, ONTOLOGY_GRAPH, expand

MENTIONED_IN = expand("akg:mentionedIn")


def document_views(quads: Iterable[pyoxigraph.Quad]) -> tuple[list[str | None], list[list[pyoxigraph.Triple]]]:
    """(names, views): a view per document graph (named by its identifier), then, if
    anything is left, one view named None."""
    documents: dict[str, list[pyoxigraph.Triple]] = defaultdict(list)
    lexicon: dict[object, list[pyoxigraph.Triple]] = defaultdict(list)
    rest: list[pyoxigraph.Triple] = []
    default: list[pyoxigraph.Triple] = []
    named = False
    for quad in quads:
        graph = quad.graph_name
        triple = pyoxigraph.Triple(quad.subject, quad.predicate, quad.object)
        if isinstance(graph, pyoxigraph.DefaultGraph):
            default.append(triple)
            continue
        named = True
        name = graph.value if isinstance(graph, pyoxigraph.NamedNode) else None
        if name is not None and name.startswith(DOC_GRAPH):
            documents[name[len(DOC_GRAPH):]].append(triple)
        elif name == LEXICON_GRAPH:
            lexicon[quad.subject].append(triple)
        elif name != ONTOLOGY_GRAPH:
            rest.append(triple)
    entries = set(lexicon)
    names: list[str | None] = []
    views: list[list[pyoxigraph.Triple]] = []
    mentioned_anywhere: set = set()
    for identifier in sorted(documents):
        triples = documents[identifier]
        mentioned = {t.subject for t in triples if t.predicate.value == MENTIONED_IN}
        mentioned_anywhere |= mentioned
        view = list(triples)
        for subject in mentioned & entries:
            view.extend(t for t in lexicon[subject] if t.object not in entries or t.object in mentioned)
        names.append(identifier)
        views.append(view)
    leftover = [t for subject in entries - mentioned_anywhere for t in lexicon[subject]] + rest
    if not named:
        leftover += default
    if leftover:
        names.append(None)
        views.append(leftover)
    return names, views


__all__ = ["document_views"]
