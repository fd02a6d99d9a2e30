"""The plain values that extraction produces and the graph mapper consumes.

Entities are keyed by their slug (see :func:`aseankg.namespaces.mint_slug`); facts refer
to entities by slug, so the whole extraction of one document is a self-contained value
that :mod:`aseankg.graph` turns into the quads of that document's named graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A stretch of a text: ``text[begin:end]``, offsets in code points."""

    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class Ref:
    """A reference to an entity by its slug."""

    slug: str


@dataclass(frozen=True)
class Value:
    """A literal: plain with a language tag, or typed with a datatype CURIE (``xsd:date``)."""

    lexical: str
    datatype: str | None = None
    lang: str | None = None


@dataclass
class Entity:
    """One thing the graph describes: its slug, most specific class and names."""

    slug: str
    cls: str  # a CURIE such as "akg:Person"
    labels: dict[str, str] = field(default_factory=dict)  # language tag -> skos:prefLabel
    alt_labels: set[tuple[str, str]] = field(default_factory=set)  # (text, language tag)
    curated: bool = False  # True for lexicon entities: their names live in the lexicon graph


@dataclass(frozen=True)
class Mention:
    """A place in a document that names an entity."""

    entity: str  # slug
    begin: int
    end: int
    anchor: str  # == document.text[begin:end]
    sentence: str


@dataclass(frozen=True)
class Fact:
    """One statement about an entity: ``subject predicate object``."""

    subject: str  # slug
    predicate: str  # a CURIE such as "schema:startDate"
    object: Ref | Value


@dataclass
class Extraction:
    """Everything one document says, ready to become its named graph."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
