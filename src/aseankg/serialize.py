"""RDF written to a binary stream as it is produced, in every syntax the project offers.

The syntax is named by its short name (the file extension of the exports and the ``format=``
of the web): ``ttl``, ``nt``, ``nq``, ``trig``, ``rdfxml`` by pyoxigraph's streaming
serialisers (with the well-known prefixes where the syntax has them), ``jsonld`` by
:mod:`aseankg.jsonld` (short keys, language maps). Nothing is built as one string.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph
from pyoxigraph import DefaultGraph, Quad, Triple

from aseankg import jsonld
from aseankg.namespaces import PREFIXES

PYOXIGRAPH_FORMATS: dict[str, pyoxigraph.RdfFormat] = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nq": pyoxigraph.RdfFormat.N_QUADS,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
}
TRIPLE_FORMATS = ("ttl", "nt", "jsonld", "rdfxml", "nq", "trig")
DATASET_FORMATS = ("nq", "trig")
_WITH_PREFIXES = ("ttl", "trig", "rdfxml")


def write_triples(triples: Iterable[Triple], format: str, output: BinaryIO) -> None:
    """Write a graph; in a dataset syntax (nq, trig) its triples go in the default graph."""
    if format == "jsonld":
        for chunk in jsonld.write(triples):
            output.write(chunk)
        return
    if format in DATASET_FORMATS:
        write_quads((Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples), format, output)
        return
    pyoxigraph.serialize(triples, output, PYOXIGRAPH_FORMATS[format], prefixes=prefixes_for(format))


def triples_bytes(triples: Iterable[Triple], format: str) -> bytes:
    """A small graph (an entity's description, the ontology) as one byte string, written as
    :func:`write_triples` writes it (JSON-LD with the served context: short keys)."""
    output = io.BytesIO()
    write_triples(triples, format, output)
    return output.getvalue()


def write_quads(quads: Iterable[Quad], format: str, output: BinaryIO) -> None:
    """Write a dataset in ``nq`` or ``trig``, named graphs kept."""
    if format not in DATASET_FORMATS:
        raise ValueError(f"{format} cannot hold named graphs; use one of {', '.join(DATASET_FORMATS)}")
    pyoxigraph.serialize(quads, output, PYOXIGRAPH_FORMATS[format], prefixes=prefixes_for(format))


def prefixes_for(format: str) -> dict[str, str] | None:
    return PREFIXES if format in _WITH_PREFIXES else None
