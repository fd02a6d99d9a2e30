"""Whole-graph exports, written to a binary stream as they are serialised.

One function for the command (``aseankg export``) and the web (``/export/aseankg.{ext}``):
the dataset syntaxes (nq, trig) keep every named graph; the graph syntaxes (ttl, nt, jsonld)
carry the union of the graphs, the same graph a SPARQL query sees by default.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph
from pyoxigraph import Triple

from aseankg.serialize import DATASET_FORMATS, PYOXIGRAPH_FORMATS, prefixes_for, write_triples

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")

_SUBJECTS = "SELECT DISTINCT ?s WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def union_triples(store: pyoxigraph.Store) -> Iterator[Triple]:
    """Every triple of every graph once, subject by subject.

    Only one subject's triples are held at a time (a triple stated in two graphs is met
    twice, in the same subject), so the union streams without a set of the whole graph.
    """
    for row in store.query(_SUBJECTS):
        subject = row[0]
        seen: set[Triple] = set()
        for quad in store.quads_for_pattern(subject, None, None, None):
            triple = Triple(quad.subject, quad.predicate, quad.object)
            if triple not in seen:
                seen.add(triple)
                yield triple


def export(store: pyoxigraph.Store, format: str, output: BinaryIO) -> None:
    """Write the whole store to ``output`` in ``format`` (one of :data:`FORMATS`)."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if format in DATASET_FORMATS:
        store.dump(output, PYOXIGRAPH_FORMATS[format], prefixes=prefixes_for(format))
        return
    write_triples(union_triples(store), format, output)
