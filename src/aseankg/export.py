"""Whole-graph exports, written to a binary stream as they are serialised.

One function for the command (``aseankg export``) and the web (``/export/aseankg.{ext}``):
the dataset syntaxes (nq, trig) keep every named graph; the graph syntaxes (ttl, nt, jsonld)
carry the union of the graphs, the same graph a SPARQL query sees by default.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph
from pyoxigraph import DefaultGraph, Quad, Triple

from aseankg.serialize import DATASET_FORMATS, write_quads, write_triples
from aseankg.store import has_union

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")

_SUBJECTS = "SELECT DISTINCT ?s WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def union_triples(store: pyoxigraph.Store) -> Iterator[Triple]:
    """Every triple of every graph once, subject by subject.

    The store's default graph when it holds the union (see :func:`aseankg.store.write_union`);
    otherwise the named graphs are read subject by subject, holding one subject's triples at a
    time (a triple stated in two graphs is met twice, in the same subject), so the union
    streams without a set of the whole graph.
    """
    if has_union(store):
        for quad in store.quads_for_pattern(None, None, None, DefaultGraph()):
            yield Triple(quad.subject, quad.predicate, quad.object)
        return
    for row in store.query(_SUBJECTS):
        subject = row[0]
        seen: set[Triple] = set()
        for quad in store.quads_for_pattern(subject, None, None, None):
            triple = Triple(quad.subject, quad.predicate, quad.object)
            if triple not in seen:
                seen.add(triple)
                yield triple


def dataset_quads(store: pyoxigraph.Store) -> Iterator[Quad]:
    """The quads of the dataset: every named graph (and the default graph, unless it only
    repeats their union)."""
    skip_default = has_union(store)
    for quad in store.quads_for_pattern(None, None, None, None):
        if not (skip_default and isinstance(quad.graph_name, DefaultGraph)):
            yield quad


def export(store: pyoxigraph.Store, format: str, output: BinaryIO) -> None:
    """Write the whole store to ``output`` in ``format`` (one of :data:`FORMATS`)."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if format in DATASET_FORMATS:
        write_quads(dataset_quads(store), format, output)
        return
    write_triples(union_triples(store), format, output)
