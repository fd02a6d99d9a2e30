"""Whole-graph exports, written to a binary stream as they are serialised."""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph

from aseankg.namespaces import PREFIXES

FORMATS: dict[str, pyoxigraph.RdfFormat] = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nq": pyoxigraph.RdfFormat.N_QUADS,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
}


def export(store: pyoxigraph.Store, format: str, output: BinaryIO) -> None:
    """Write the store to ``output``: datasets (nq, trig) keep the named graphs; the
    triple formats (ttl, nt, jsonld) carry the union of all graphs."""
    rdf_format = FORMATS[format]
    if rdf_format.supports_datasets:
        store.dump(output, format=rdf_format, prefixes=PREFIXES if format == "trig" else None)
        return
    triples = (
        pyoxigraph.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, None)
    )
    pyoxigraph.serialize(
        _unique(triples), output, format=rdf_format, prefixes=PREFIXES if format == "ttl" else None
    )


def _unique(triples):
    seen: set[pyoxigraph.Triple] = set()
    for triple in triples:
        if triple not in seen:
            seen.add(triple)
            yield triple
