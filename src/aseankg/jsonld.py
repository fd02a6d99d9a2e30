"""JSON-LD that reads naturally: the public context and a streaming writer that uses it.

The context (served at ``/context.jsonld`` and embedded in every JSON-LD answer, so a document
parses offline) gives the contract's terms short keys (``label``, ``attendee``, ``startDate``…),
maps labels by language (``"label": {"th": "…", "en": "…"}``), aliases ``id``/``type``, declares
every prefix of :data:`aseankg.namespaces.PREFIXES`, gives every other property of the ontology
its local name (IRIs for object properties, the range's datatype for datatype properties) and
makes the ontology namespace the vocabulary, so any ``akg:`` term is a short key.

The writer groups consecutive triples of one subject into one node object and streams the
nodes into ``"@graph"``; it never holds more than one subject's triples. Whatever does not fit
a short key (a plain string under a language-mapped term, a date that is a ``gYear``…) is
written in full form, so the output always expands back to exactly the triples given.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from aseankg.namespaces import AKG, PREFIXES, expand

RDF_TYPE = PREFIXES["rdf"] + "type"
XSD = PREFIXES["xsd"]
XSD_STRING = XSD + "string"
XSD_INTEGER = XSD + "integer"
XSD_BOOLEAN = XSD + "boolean"
XSD_DATE = XSD + "date"
NODES_PER_CHUNK = 200


@dataclass(frozen=True)
class Term:
    """A short key of the context: ``kind`` is ``"@id"`` (values are IRIs), ``"@language"``
    (a language map), a datatype IRI (values of that type are bare strings) or ``""``."""

    key: str
    iri: str
    kind: str = ""

    def definition(self) -> dict[str, str] | str:
        iri = _curie(self.iri)
        if self.kind == "@language":
            return {"@id": iri, "@container": "@language"}
        if self.kind:
            return {"@id": iri, "@type": self.kind if self.kind == "@id" else _curie(self.kind)}
        return iri


def _term(key: str, curie: str, kind: str = "") -> Term:
    return Term(key, expand(curie), expand(kind) if ":" in kind else kind)


# The contract's vocabulary (shared/CONTRACT.md) under the keys users will write.
TERMS: tuple[Term, ...] = (
    _term("label", "skos:prefLabel", "@language"),
    _term("altLabel", "skos:altLabel", "@language"),
    _term("rdfs:label", "rdfs:label", "@language"),
    _term("title", "dcterms:title", "@language"),
    _term("positionTitle", "akg:title", "@language"),
    _term("topic", "akg:topic", "@language"),
    _term("comment", "rdfs:comment", "@language"),
    _term("text", "schema:text", "@language"),
    _term("identifier", "dcterms:identifier"),
    _term("issued", "dcterms:issued", "xsd:date"),
    _term("url", "schema:url", "@id"),
    _term("startDate", "schema:startDate", "xsd:date"),
    _term("endDate", "schema:endDate", "xsd:date"),
    _term("location", "schema:location", "@id"),
    _term("attendee", "schema:attendee", "@id"),
    _term("superEvent", "schema:superEvent", "@id"),
    _term("organizer", "schema:organizer", "@id"),
    _term("containedInPlace", "schema:containedInPlace", "@id"),
    _term("series", "akg:series", "@id"),
    _term("ordinal", "akg:ordinal", "xsd:integer"),
    _term("hostCountry", "akg:hostCountry", "@id"),
    _term("chair", "akg:chair", "@id"),
    _term("viceChair", "akg:viceChair", "@id"),
    _term("holder", "akg:holder", "@id"),
    _term("holds", "akg:holds", "@id"),
    _term("organization", "akg:organization", "@id"),
    _term("attestedOn", "akg:attestedOn", "xsd:date"),
    _term("party", "akg:party", "@id"),
    _term("status", "akg:status", "@id"),
    _term("mentionedIn", "akg:mentionedIn", "@id"),
    _term("mentionOf", "akg:mentionOf", "@id"),
    _term("inDocument", "akg:inDocument", "@id"),
    _term("beginIndex", "akg:beginIndex", "xsd:integer"),
    _term("endIndex", "akg:endIndex", "xsd:integer"),
    _term("wasDerivedFrom", "prov:wasDerivedFrom", "@id"),
    _term("sameAs", "owl:sameAs", "@id"),
    _term("seeAlso", "rdfs:seeAlso", "@id"),
    _term("subClassOf", "rdfs:subClassOf", "@id"),
    _term("isDefinedBy", "rdfs:isDefinedBy", "@id"),
)
_ALIASES = {"id": "@id", "type": "@type"}
_SIMPLE = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_RANGE_KINDS = {XSD_DATE: XSD_DATE, XSD_INTEGER: XSD_INTEGER, XSD + "decimal": XSD + "decimal",
                PREFIXES["rdf"] + "langString": "@language"}


def _ontology_terms(curated: tuple[Term, ...]) -> tuple[Term, ...]:
    """A short key for every other property of the ontology: object properties take IRIs,
    datatype properties their range's datatype (or a language map for ``rdf:langString``)."""
    try:
        from aseankg.graph import ontology_quads

        quads = ontology_quads()
    except (OSError, ValueError, SyntaxError):
        return ()  # no ontology file here: the curated terms and @vocab still hold
    rdf_type, rdfs_range = PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "range"
    kinds: dict[str, str] = {}
    ranges: dict[str, str] = {}
    for q in quads:
        if not isinstance(q.subject, NamedNode) or not q.subject.value.startswith(AKG):
            continue
        if q.predicate.value == rdf_type and q.object.value == PREFIXES["owl"] + "ObjectProperty":
            kinds[q.subject.value] = "@id"
        elif q.predicate.value == rdf_type and q.object.value == PREFIXES["owl"] + "DatatypeProperty":
            kinds.setdefault(q.subject.value, "")
        elif q.predicate.value == rdfs_range:
            ranges[q.subject.value] = q.object.value
    taken = {t.key for t in curated} | set(_ALIASES) | set(PREFIXES)
    known = {t.iri for t in curated}
    derived = []
    for iri, kind in sorted(kinds.items()):
        key = iri[len(AKG):]
        if iri in known or key in taken or not _SIMPLE.fullmatch(key):
            continue
        if kind == "":
            kind = _RANGE_KINDS.get(ranges.get(iri, ""), "")
        derived.append(Term(key, iri, kind))
    return tuple(derived)


@dataclass(frozen=True)
class _Vocabulary:
    terms: tuple[Term, ...]
    by_iri: dict[str, Term]
    keys: frozenset[str]
    reserved: frozenset[str]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    terms = TERMS + _ontology_terms(TERMS)
    keys = frozenset(t.key for t in terms)
    return _Vocabulary(terms, {t.iri: t for t in terms}, keys, keys | set(_ALIASES) | set(PREFIXES))


def _curie(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace, else the IRI itself."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    if not best:
        return iri
    local = iri[len(PREFIXES[best]):]
    return iri if local.startswith("//") else f"{best}:{local}"


def context() -> dict:
    """The JSON-LD context of the graph (the body of ``/context.jsonld``)."""
    ctx: dict = {"@vocab": AKG, **_ALIASES, **PREFIXES}
    for term in _vocabulary().terms:
        ctx[term.key] = term.definition()
    return ctx


def document_context() -> dict:
    """``/context.jsonld`` itself: a JSON-LD document holding only the context."""
    return {"@context": context()}


def _vocab_key(iri: str) -> str:
    """The shortest key (or ``@type`` value) that expands back to ``iri`` under the context."""
    if iri.startswith(AKG):
        local = iri[len(AKG):]
        if _SIMPLE.fullmatch(local) and local not in _vocabulary().reserved:
            return local
    return _curie(iri)


def _ref(term: NamedNode | BlankNode) -> str:
    return "_:" + term.value if isinstance(term, BlankNode) else _curie(term.value)


def _native(literal: Literal) -> object:
    """A JSON number or boolean when it round-trips to the same lexical form, else None."""
    dt = literal.datatype.value
    if dt == XSD_INTEGER:
        try:
            number = int(literal.value)
        except ValueError:
            return None
        return number if str(number) == literal.value and abs(number) < 2**53 else None
    if dt == XSD_BOOLEAN and literal.value in ("true", "false"):
        return literal.value == "true"
    return None


def _value_object(literal: Literal) -> dict:
    if literal.language:
        return {"@value": literal.value, "@language": literal.language}
    if literal.datatype.value == XSD_STRING:
        return {"@value": literal.value}
    return {"@value": literal.value, "@type": _curie(literal.datatype.value)}


def _add(node: dict, key: str, value: object) -> None:
    if key not in node:
        node[key] = value
    elif isinstance(node[key], list):
        node[key].append(value)
    else:
        node[key] = [node[key], value]


def _plain_key(predicate: str) -> str:
    """A key for ``predicate`` that carries no term definition (no container, no coercion)."""
    curie = _curie(predicate)
    return predicate if curie in _vocabulary().keys else curie


def _place(node: dict, predicate: str, obj: NamedNode | BlankNode | Literal) -> None:
    """Put one (predicate, object) of the subject into its node object."""
    if isinstance(obj, Triple):
        raise ValueError("RDF-star triple terms cannot be written as JSON-LD 1.1")
    if predicate == RDF_TYPE and not isinstance(obj, Literal):
        _add(node, "type", "_:" + obj.value if isinstance(obj, BlankNode) else _vocab_key(obj.value))
        return
    term = _vocabulary().by_iri.get(predicate)
    kind = term.kind if term is not None else ""
    if kind == "@language":
        if isinstance(obj, Literal) and obj.language:
            _add(node.setdefault(term.key, {}), obj.language, obj.value)
            return
        key, kind = _plain_key(predicate), ""  # a language map holds only tagged strings
    else:
        key = term.key if term is not None else _vocab_key(predicate)
    if not isinstance(obj, Literal):
        _add(node, key, _ref(obj) if kind == "@id" else {"@id": _ref(obj)})
    elif kind == "@id":
        _add(node, key, _value_object(obj))
    elif kind:  # a datatype the key coerces its bare strings to
        native = _native(obj) if obj.datatype.value == kind and not obj.language else None
        if native is not None:
            _add(node, key, native)
        elif obj.datatype.value == kind and not obj.language:
            _add(node, key, obj.value)
        else:
            _add(node, key, _value_object(obj))
    elif not obj.language and obj.datatype.value == XSD_STRING:
        _add(node, key, obj.value)
    else:
        native = None if obj.language else _native(obj)
        _add(node, key, native if native is not None else _value_object(obj))


def node_object(subject: NamedNode | BlankNode, pairs: Iterable[tuple[str, NamedNode | BlankNode | Literal]]) -> dict:
    """The node object of ``subject`` with its (predicate IRI, object) pairs."""
    node: dict = {"id": _ref(subject)}
    seen: set = set()
    for predicate, obj in pairs:
        if (predicate, obj) in seen:
            continue
        seen.add((predicate, obj))
        _place(node, predicate, obj)
    first = [k for k in _FIRST_KEYS if k in node]
    return {**{k: node[k] for k in first}, **node}


_FIRST_KEYS = ("id", "type", "label", "altLabel", "title")


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def write(triples: Iterable[Triple], nodes_per_chunk: int = NODES_PER_CHUNK) -> Iterator[bytes]:
    """A JSON-LD document of ``triples`` with the embedded context, in chunks of node objects.

    Triples of one subject should come together (a subject that comes back later gets a
    second node object, which JSON-LD merges on reading).
    """
    head = '{\n  "@context": ' + json.dumps(context(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    buffer = [head, ',\n  "@graph": [']
    count = 0
    for subject, group in itertools.groupby(triples, key=lambda t: t.subject):
        if isinstance(subject, Triple):
            raise ValueError("RDF-star triple terms cannot be written as JSON-LD 1.1")
        node = node_object(subject, ((t.predicate.value, t.object) for t in group))
        buffer.append(("\n" if count == 0 else ",\n") + _indent(json.dumps(node, ensure_ascii=False, indent=2)))
        count += 1
        if count % nodes_per_chunk == 0:
            yield "".join(buffer).encode("utf-8")
            buffer.clear()
    buffer.append("\n  ]\n}\n" if count else "]\n}\n")
    yield "".join(buffer).encode("utf-8")
