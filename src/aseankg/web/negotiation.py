"""Content negotiation: which of the formats a route offers the client prefers.

The client says it with ``Accept`` (RFC 9110 §12.5.1, q-values, ``type/*`` and ``*/*``) or,
for links and tools that cannot set headers, with a ``format`` (or ``output``) parameter: a
short name (``ttl``, ``json``…) or media types. Ties go to the route's own order of preference,
so ``*/*`` gets the first format offered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import PlainTextResponse


@dataclass(frozen=True)
class Format:
    """One serialisation a route can answer with."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()  # other media types that ask for this format
    names: tuple[str, ...] = ()  # other short names for ``format=``
    text: bool = True  # a text format: say ``charset=utf-8``
    extension: str = field(default="")

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value of a response in this format."""
        needs_charset = self.text and not self.media_type.endswith("json")
        return f"{self.media_type}; charset=utf-8" if needs_charset else self.media_type

    def answers(self, media_type: str) -> bool:
        return media_type == self.media_type or media_type in self.aliases

    def called(self, name: str) -> bool:
        return name == self.name or name in self.names


# SPARQL results (SELECT, ASK).
SPARQL_JSON = Format("json", "application/sparql-results+json", ("application/json",), ("srj",), extension="srj")
SPARQL_XML = Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"), ("srx",), extension="srx")
SPARQL_CSV = Format("csv", "text/csv", extension="csv")
SPARQL_TSV = Format("tsv", "text/tab-separated-values", extension="tsv")
RESULT_FORMATS: tuple[Format, ...] = (SPARQL_JSON, SPARQL_XML, SPARQL_CSV, SPARQL_TSV)

# RDF graphs and datasets (CONSTRUCT, DESCRIBE, graphs, descriptions, exports).
TURTLE = Format("ttl", "text/turtle", ("application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3"), ("turtle", "n3"), extension="ttl")
N_TRIPLES = Format("nt", "application/n-triples", ("text/plain",), ("ntriples", "n-triples"), extension="nt")
JSON_LD = Format("jsonld", "application/ld+json", ("application/x-json+ld", "application/json"), ("json-ld", "json"), extension="jsonld")
RDF_XML = Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"), ("rdf", "rdf+xml", "xml", "owl"), extension="rdf")
N_QUADS = Format("nq", "application/n-quads", ("text/x-nquads",), ("nquads", "n-quads"), extension="nq")
TRIG = Format("trig", "application/trig", ("application/x-trig",), (), extension="trig")
GRAPH_FORMATS: tuple[Format, ...] = (TURTLE, N_TRIPLES, JSON_LD, RDF_XML, N_QUADS, TRIG)

HTML = Format("html", "text/html", ("application/xhtml+xml",))


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> bool:
        main, _, sub = media_type.partition("/")
        return (self.type in ("*", main)) and (self.subtype in ("*", sub))

    @property
    def specificity(self) -> int:
        return (self.type != "*") + (self.subtype != "*")


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an ``Accept`` header; malformed entries are skipped."""
    ranges: list[MediaRange] = []
    for item in header.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        main, slash, sub = media.lower().partition("/")
        if not slash or not main or not sub or (main == "*" and sub != "*"):
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(main, sub, q))
    return ranges


def _quality(ranges: Sequence[MediaRange], media_type: str, exact_only: bool = False) -> tuple[int, float]:
    """(specificity, q) of the most specific range that matches ``media_type``, or (-1, 0).

    ``exact_only``: only a range naming the type itself counts (for aliases, so that
    ``text/*`` does not pick SPARQL XML through its alias ``text/xml``).
    """
    best = (-1, 0.0)
    for r in ranges:
        if exact_only and r.specificity < 2:
            continue
        if r.matches(media_type) and r.specificity > best[0]:
            best = (r.specificity, r.q)
    return best


def choose(accept: str | None, offered: Sequence[Format]) -> Format | None:
    """The offered format the ``Accept`` header prefers; None when it accepts none of them.

    A missing or empty header accepts anything (the first offered).
    """
    if not offered:
        return None
    if accept is None or not accept.strip():
        return offered[0]
    ranges = parse_accept(accept)
    best: Format | None = None
    best_q = 0.0
    for fmt in offered:
        # The most specific range naming the format (its type or an alias) decides its q:
        # `text/turtle;q=0, */*` refuses Turtle even though `*/*` matches it.
        specificity, q = max(
            [_quality(ranges, fmt.media_type), *(_quality(ranges, a, exact_only=True) for a in fmt.aliases)]
        )
        if q > best_q:
            best, best_q = fmt, q
    return best


def by_parameter(values: Iterable[str], offered: Sequence[Format]) -> Format | None:
    """The first ``format`` value that names an offered format (a short name or media types)."""
    for value in values:
        value = value.strip()
        if "/" in value:
            found = choose(value, offered)
        else:
            found = next((f for f in offered if f.called(value.lower())), None)
        if found is not None:
            return found
    return None


def format_parameters(request: Request, extra: Iterable[str] = ()) -> list[str]:
    """The ``format`` and ``output`` values of the query string (and ``extra`` ones, e.g. a form's)."""
    params = request.query_params
    return [*params.getlist("format"), *params.getlist("output"), *extra]


def negotiate(request: Request, offered: Sequence[Format], *, format_values: Sequence[str] | None = None) -> Format | None:
    """The format to answer ``request`` in: by ``format``/``output`` when given, else by ``Accept``."""
    values = format_parameters(request) if format_values is None else list(format_values)
    if values:
        return by_parameter(values, offered)
    return choose(request.headers.get("accept"), offered)


def not_acceptable(offered: Sequence[Format]) -> PlainTextResponse:
    """``406`` listing what the route can answer with, so the client can retry."""
    lines = "\n".join(f"  {f.media_type}  (format={f.name})" for f in offered)
    return PlainTextResponse(
        f"None of the formats you accept is available here. This resource is offered as:\n{lines}\n",
        status_code=406,
        headers={"Vary": "Accept"},
    )
