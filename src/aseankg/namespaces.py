"""The one place that knows the namespaces of the public contract (shared/CONTRACT.md).

Everything that writes or reads IRIs (the graph mapper, the web app, the exports, the
predeclared SPARQL prefixes, the JSON-LD context) takes them from here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pyoxigraph import NamedNode

BASE = "https://w3id.org/aseankg/"
AKG = BASE + "ontology#"
AKGID = BASE + "id/"
GRAPH = BASE + "graph/"
DOC_GRAPH = GRAPH + "doc/"
LEXICON_GRAPH = GRAPH + "lexicon"
ONTOLOGY_GRAPH = GRAPH + "ontology"
ONTOLOGY_IRI = BASE + "ontology"
SHAPES = BASE + "shapes#"

PREFIXES: dict[str, str] = {
    "akg": AKG,
    "akgid": AKGID,
    "akgsh": SHAPES,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "vann": "http://purl.org/vocab/vann/",
    "void": "http://rdfs.org/ns/void#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
}


def expand(curie: str) -> str:
    """Expand a CURIE such as ``"schema:startDate"`` to its full IRI.

    >>> expand("akg:Person")
    'https://w3id.org/aseankg/ontology#Person'
    """
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES:
        raise ValueError(f"unknown prefix in {curie!r}")
    return PREFIXES[prefix] + local


@lru_cache(maxsize=1024)
def node(curie: str) -> NamedNode:
    """The NamedNode for a CURIE of one of the known prefixes (kept: the mapper asks for the
    same few predicates and classes for every quad of every document)."""
    return NamedNode(expand(curie))


def compact(iri: str) -> str:
    """The shortest CURIE for ``iri``, or the IRI itself when no prefix fits."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri


def sparql_prologue() -> str:
    """PREFIX declarations for every known prefix, to put before a user's query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def doc_graph(identifier: str) -> str:
    """The named graph IRI of the document whose file stem is ``identifier``."""
    return DOC_GRAPH + identifier


def entity_iri(slug: str) -> str:
    """The entity IRI for a slug minted by :func:`aseankg.graph.mint_slug`."""
    return AKGID + slug


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def mint_slug(name: str) -> str:
    """The one IRI minting function: a stable, lowercase ASCII slug for a name.

    ``name`` is an English name, a short name or a romanisation. The slug is a valid
    SPARQL/Turtle local name (letters, digits, ``-``), never derived from run order.

    >>> mint_slug("Ministry of Digital Economy and Society (MDES)")
    'ministry-of-digital-economy-and-society-mdes'
    >>> mint_slug("ADGMIN 5")
    'adgmin-5'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot mint a slug from {name!r}: no ASCII letters or digits")
    return slug
