"""The pages people read: home, entity pages (``/id/…``, also as RDF), search, graph view.

Pages are framed by :mod:`aseankg.web.frame` and articles drawn by :mod:`aseankg.web.articles`.
An entity IRI ``https://w3id.org/aseankg/id/{slug}`` is answered at
``/id/{slug}`` on any host: HTML for browsers, Turtle / JSON-LD / N-Triples by ``Accept`` or
by a ``.ttl`` / ``.jsonld`` / ``.nt`` suffix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from aseankg import serialize
from aseankg.namespaces import AKG, AKGID, entity_iri, expand
from aseankg.web import negotiation
from aseankg.web.articles import article_ref, article_view, mentioned_in
from aseankg.web.frame import DATE_TYPES, SLUG, Listed, Page, Shown, in_language, not_found, render, show, sort_key
from aseankg.web.i18n import format_range
from aseankg.web.labels import ARTICLE, Labels, labels_for
from aseankg.web.neighbourhood import links_for, neighbourhood
from aseankg.web.params import IRI_PATTERN, valid_iri
from aseankg.web.reading import current_store, known, outgoing, select
from aseankg.web.search import results

router = APIRouter(include_in_schema=False)
RDF_FORMATS = (negotiation.TURTLE, negotiation.JSON_LD, negotiation.N_TRIPLES)
OFFERED = (negotiation.HTML, *RDF_FORMATS)

P = {c: expand(c) for c in (
    "rdf:type", "rdfs:label", "skos:prefLabel", "skos:altLabel", "akg:mentionedIn",
    "akg:mentionOf", "akg:inDocument", "prov:wasDerivedFrom", "dcterms:title", "dcterms:issued",
    "dcterms:identifier", "schema:url", "schema:text", "akg:holds", "akg:holder",
    "akg:organization", "akg:party", "schema:superEvent", "schema:attendee", "akg:hostCountry",
    "akg:chair", "akg:viceChair", "schema:location", "schema:startDate", "schema:endDate",
    "akg:title", "akg:attestedOn", "akg:Person", "akg:Meeting", "akg:Organization", "akg:Country",
)}
NAMES = {P["rdfs:label"], P["skos:prefLabel"], P["skos:altLabel"]}
PROVENANCE = {P["akg:mentionOf"], P["akg:inDocument"], P["prov:wasDerivedFrom"]}
MEETING_ROLES = (P["schema:attendee"], P["akg:hostCountry"], P["akg:chair"], P["akg:viceChair"], P["schema:location"])
# Facts in the order a reader expects them; the rest follow by label.
FACT_ORDER = [expand(c) for c in (
    "akg:series", "akg:ordinal", "schema:startDate", "schema:endDate", "schema:location",
    "akg:hostCountry", "akg:chair", "akg:viceChair", "schema:attendee", "schema:superEvent",
    "akg:party", "akg:topic", "akg:status", "akg:holder", "akg:title", "akg:organization",
    "akg:attestedOn", "akg:country", "akg:memberOf", "akg:partOf", "akg:amount",
    "akg:fundedBy", "akg:proposedBy",
)]
#: At most this many lines in a section of an entity page (a hub such as a country has many).
SECTION_LIMIT = 200
#: A class listing shows this many entities, by label.
LISTING_LIMIT = 500
#: The home page's timeline shows the latest meetings only.
TIMELINE_LIMIT = 40
# The graph view's groups of classes (graph.js and style.css colour them alike).
LEGEND = (
    ("person", "akg:Person"), ("organization", "akg:Organization"), ("country", "akg:Country"),
    ("place", "akg:Place"), ("meeting", "akg:Meeting"), ("series", "akg:MeetingSeries"),
    ("document", "akg:PolicyDocument"), ("position", "akg:Position"), ("article", "akg:NewsArticle"),
)


@dataclass
class Fact:
    property: str
    label: str
    href: str | None
    values: list[Shown] = field(default_factory=list)


# --- reading one entity -----------------------------------------------------------------

_IN = """SELECT DISTINCT ?o ?s ?p ?start WHERE {
  ?s ?p ?o . FILTER(isIRI(?s) && ?p NOT IN (akg:mentionOf, akg:inDocument, prov:wasDerivedFrom))
  OPTIONAL { ?s schema:startDate ?start }
}"""
_POSTS = """SELECT DISTINCT ?person ?pos ?org ?date ?article WHERE {
  { ?person akg:holds ?pos } UNION { ?pos akg:holder ?person }
  OPTIONAL { ?pos akg:organization ?org }
  OPTIONAL { GRAPH ?g { ?pos akg:attestedOn ?date } OPTIONAL { ?g prov:wasDerivedFrom ?article } }
}"""
_PEOPLE = """SELECT DISTINCT ?org ?pos ?person ?date WHERE {
  ?pos akg:organization ?org ; akg:holder ?person . OPTIONAL { ?pos akg:attestedOn ?date }
}"""
_TITLES = {
    "holder": "SELECT DISTINCT ?holder ?pos ?title WHERE { ?pos akg:holder ?holder ; akg:title ?title }",
    "org": "SELECT DISTINCT ?org ?pos ?title WHERE { ?pos akg:organization ?org ; akg:title ?title }",
}
_LATEST = """SELECT DISTINCT ?a ?issued WHERE { ?a a akg:NewsArticle OPTIONAL { ?a dcterms:issued ?issued } }
ORDER BY DESC(?issued) ?a LIMIT 10"""


def description(store: pyoxigraph.Store, iri: str) -> list[pyoxigraph.Triple]:
    """The triples about ``iri``: what it states, what links to it (mentions aside), and
    the labels of the things it links to, so the data reads on its own."""
    node = pyoxigraph.NamedNode(iri)
    triples: dict[pyoxigraph.Triple, None] = {}
    linked: set[pyoxigraph.NamedNode] = set()
    for quad in store.quads_for_pattern(node, None, None, None):
        triples[pyoxigraph.Triple(quad.subject, quad.predicate, quad.object)] = None
        if isinstance(quad.object, pyoxigraph.NamedNode) and quad.predicate.value != P["rdf:type"]:
            linked.add(quad.object)
    for quad in store.quads_for_pattern(None, None, node, None):
        if quad.predicate.value not in PROVENANCE and isinstance(quad.subject, pyoxigraph.NamedNode):
            triples[pyoxigraph.Triple(quad.subject, quad.predicate, quad.object)] = None
            linked.add(quad.subject)
    for other_node in linked:
        for prop in (P["skos:prefLabel"], P["rdfs:label"]):
            for quad in store.quads_for_pattern(other_node, pyoxigraph.NamedNode(prop), None, None):
                triples[pyoxigraph.Triple(quad.subject, quad.predicate, quad.object)] = None
    return list(triples)


def serialise(triples: list[pyoxigraph.Triple], fmt: negotiation.Format) -> Response:
    """The description in ``fmt``; JSON-LD with the served context, as every JSON-LD answer."""
    return Response(serialize.triples_bytes(triples, fmt.name), media_type=fmt.content_type, headers={"Vary": "Accept"})


# --- routes -------------------------------------------------------------------------------

@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    page = Page(request)
    store = current_store(request)
    labels = labels_for(request)
    counts: dict[str, int] = defaultdict(int)
    for iri, classes in labels.types.items():
        if iri.startswith(AKGID):
            for cls in classes:
                if cls.startswith(AKG):
                    counts[cls] += 1
    per_class = sorted(
        ((labels.label(c, page.lang), n, page.href("/search", type=c)) for c, n in counts.items()),
        key=lambda x: (-x[1], x[0]),
    )
    articles = [a for a, classes in labels.types.items() if ARTICLE in classes]
    manifest = request.app.state.store.root.manifest() or {}
    triples = manifest.get("triples")
    if triples is None:
        triples = sum(1 for _ in store.quads_for_pattern(None, None, None, None))
    # One line per meeting, at its most precise start date (articles may date it to the year
    # in one place and to the day in another).
    dated: dict[str, Listed] = {}
    for row in select(store, """SELECT DISTINCT ?m ?start ?end WHERE {
        ?m a akg:Meeting ; schema:startDate ?start . OPTIONAL { ?m schema:endDate ?end } }"""):
        iri, start = row["m"].value, row["start"].value
        known_line = dated.get(iri)
        if known_line is not None and (len(known_line.iso), start) >= (len(start), known_line.iso):
            continue
        dated[iri] = Listed(
            show(row["m"], labels, page),
            date=format_range(_dated(row.get("start")), _dated(row.get("end")), page.lang),
            iso=start,
        )
    meetings = sorted(dated.values(), key=sort_key)
    earlier = max(0, len(meetings) - TIMELINE_LIMIT)
    latest = [article_ref(store, labels, page, row["a"].value) for row in select(store, _LATEST)]
    return render(
        request, "home.html", page,
        entities=sum(1 for iri in labels.types if iri.startswith(AKGID) and iri not in articles),
        articles=len(articles), triples=triples, per_class=per_class,
        meetings=meetings[earlier:], earlier=earlier,
        all_meetings=page.href("/search", type=P["akg:Meeting"]), latest=latest,
    )


def _is_iri(value: str) -> bool:
    try:
        return bool(re.match(IRI_PATTERN, value)) and valid_iri(value) is not None
    except ValueError:
        return False


def _dated(literal: Any) -> tuple[str, str] | None:
    if isinstance(literal, pyoxigraph.Literal) and literal.datatype and literal.datatype.value in DATE_TYPES:
        return literal.value, DATE_TYPES[literal.datatype.value]
    return None


@router.api_route("/search", methods=["GET", "HEAD"], response_class=HTMLResponse)
def search_page(request: Request, q: str = "", type: str | None = None) -> HTMLResponse:
    """Search results as a page (the search box works without JavaScript); with only
    ``type``, every entity of that class."""
    page = Page(request)
    q = q.strip()[:200]
    cls = type if type and _is_iri(type) else None
    found: list[Listed] = []
    labels = labels_for(request)
    if q:
        for hit in results(request, q, page.lang, cls, 50):
            found.append(Listed(Shown(hit.label, page.href_iri(hit.id)), detail=hit.typeLabel or ""))
    more = 0
    if not q and cls:
        members = sorted((labels.label(i, page.lang), i) for i in labels.types
                         if i.startswith(AKGID) and labels.is_a(i, cls))
        more = max(0, len(members) - LISTING_LIMIT)
        for label, iri in members[:LISTING_LIMIT]:
            kind = labels.kind(iri)
            found.append(Listed(Shown(label, page.href_iri(iri)), detail=labels.label(kind, page.lang) if kind else ""))
    return render(request, "search.html", page, q=q, cls=cls, more=more,
                  cls_label=labels.label(cls, page.lang) if cls else None, found=found)


@router.api_route("/graph", methods=["GET", "HEAD"], response_class=HTMLResponse)
def graph_page(request: Request, iri: str = "") -> HTMLResponse:
    """The neighbourhood of ``iri`` drawn with cytoscape.js; listed for readers without JavaScript."""
    page = Page(request)
    store = current_store(request)
    labels = labels_for(request)
    if not _is_iri(iri) or not known(store, iri):
        return not_found(request, iri)
    graph, truncated = neighbourhood(links_for(request), labels, iri, depth=1, limit=50, lang=page.lang)
    edges = [
        (show(pyoxigraph.NamedNode(s), labels, page), labels.label(p, page.lang), show(pyoxigraph.NamedNode(o), labels, page))
        for s, o, p in graph.edges(keys=True)
    ]
    legend = [(group, labels.label(expand(cls), page.lang)) for group, cls in LEGEND]
    return render(request, "graph.html", page, iri=iri, title=labels.label(iri, page.lang),
                  back=page.href_iri(iri), edges=edges, truncated=truncated, legend=legend)


@router.api_route("/id/{name}", methods=["GET", "HEAD"])
def entity(request: Request, name: str) -> Response:
    """An entity: its page, or its description in Turtle, JSON-LD or N-Triples."""
    slug, dot, suffix = name.partition(".")
    fmt: negotiation.Format | None
    if dot:
        fmt = next((f for f in RDF_FORMATS if f.extension == suffix), None)
        if fmt is None:
            return PlainTextResponse(f"no such format: .{suffix} (try .ttl, .jsonld or .nt)", status_code=404)
    else:
        fmt = negotiation.choose(request.headers.get("accept"), OFFERED)
        if fmt is None:
            return negotiation.not_acceptable(OFFERED)
    iri = entity_iri(slug)
    store = current_store(request)
    if not SLUG.match(slug) or not known(store, iri):
        if fmt is negotiation.HTML:
            return not_found(request, iri)
        return PlainTextResponse(f"the graph says nothing about <{iri}>", status_code=404, headers={"Vary": "Accept"})
    if fmt is not negotiation.HTML:
        return serialise(description(store, iri), fmt)
    return entity_page(request, store, iri, slug)


def entity_page(request: Request, store: pyoxigraph.Store, iri: str, slug: str) -> HTMLResponse:
    page = Page(request)
    labels = labels_for(request)
    node = pyoxigraph.NamedNode(iri)
    out = outgoing(store, iri)
    kind = labels.kind(iri)
    is_article = labels.is_a(iri, ARTICLE)

    names = sorted(
        {(n.text, n.lang, n.property == P["skos:altLabel"]) for n in labels.names.get(iri, [])
         if n.property in NAMES},
        key=lambda n: (n[2], n[1], n[0]),
    )
    classes = sorted(
        (Shown(labels.label(c, page.lang), page.href_iri(c)) for c in labels.types.get(iri, ())
         if c.startswith(AKG)),
        key=lambda s: s.text,
    )

    skip = NAMES | {P["rdf:type"], P["akg:mentionedIn"], P["akg:holds"]}
    if is_article:  # its title, date, source and identifier head the page
        skip |= {P["dcterms:title"], P["dcterms:issued"], P["schema:url"], P["schema:text"], P["dcterms:identifier"]}
        names = []
    facts = []
    for prop, terms in out.items():
        if prop in skip:
            continue
        fact = Fact(prop, labels.label(prop, page.lang), page.href_iri(prop))
        fact.values = sorted((show(t, labels, page) for t in in_language(terms, page.lang)),
                             key=lambda s: (s.iso or "", s.text))
        facts.append(fact)
    order = {p: i for i, p in enumerate(FACT_ORDER)}
    facts.sort(key=lambda f: (order.get(f.property, len(order)), f.label))

    # What links here, sorted into the sections a reader looks for: one line per thing.
    sections: dict[str, dict[str, Listed]] = defaultdict(dict)
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in select(store, _IN, o=node):
        subject, prop = row["s"].value, row["p"].value
        if prop == P["schema:superEvent"]:
            section = "side_meetings"
        elif prop in MEETING_ROLES and labels.is_a(subject, P["akg:Meeting"]):
            section = "meetings"
        elif prop == P["akg:party"]:
            section = "agreements"
        elif prop in (P["akg:holder"], P["akg:organization"], P["akg:mentionedIn"]):
            continue  # posts, people and the article's entities have sections of their own
        else:
            section = "other:" + labels.label(prop, page.lang)
        listed = sections[section].setdefault(subject, Listed(show(row["s"], labels, page)))
        listed.dated(row.get("start"), page)
        roles[(section, subject)].add(labels.label(prop, page.lang))
    for (section, subject), role_labels in roles.items():
        if section == "meetings":
            sections[section][subject].detail = ", ".join(sorted(role_labels))
    side_meetings = list(sections.pop("side_meetings", {}).values())
    meetings = list(sections.pop("meetings", {}).values())
    agreements = list(sections.pop("agreements", {}).values())
    others = {name.removeprefix("other:"): list(items.values()) for name, items in sections.items()}

    mentions, mentions_total = ([], 0) if is_article else mentioned_in(store, labels, page, iri)
    posts = person_posts(store, labels, page, node) if labels.is_a(iri, P["akg:Person"]) else []
    people = organisation_people(store, labels, page, node)
    article = article_view(store, labels, page, iri, out) if is_article else None
    graph_href = page.href("/graph", iri=iri)
    more: dict[str, int] = {}

    def shown(section: str, items: list[Listed]) -> list[Listed]:
        """A section's lines in order, at most SECTION_LIMIT; ``more`` says how many are left out."""
        if len(items) > SECTION_LIMIT:
            more[section] = len(items) - SECTION_LIMIT
        return sorted(items, key=sort_key)[:SECTION_LIMIT]
    return render(
        request, "entity.html", page,
        iri=iri, slug=slug, title=labels.label(iri, page.lang),
        subtitle=labels.label(iri, page.other),
        kind=labels.label(kind, page.lang) if kind else None,
        names=names, classes=classes, facts=facts,
        posts=posts,
        side_meetings=shown("side_meetings", side_meetings), meetings=shown("meetings", meetings),
        agreements=shown("agreements", agreements), people=shown("people", people),
        others=sorted((k, shown(k, v)) for k, v in others.items()),
        mentions=mentions, mentions_more=mentions_total - len(mentions), more=more,
        article=article, graph_href=graph_href,
        data_links=[(f.extension, f"/id/{slug}.{f.extension}", f.media_type) for f in RDF_FORMATS],
    )


def person_posts(store: pyoxigraph.Store, labels: Labels, page: Page, node: pyoxigraph.NamedNode) -> list[Listed]:
    """A person's posts as a timeline: one entry per post and date, with the articles that state it."""
    titles = _titles(store, page, holder=node)
    posts: dict[tuple[str, str], Listed] = {}
    for row in select(store, _POSTS, person=node):
        pos = row["pos"].value
        date = row.get("date")
        listed = posts.get((pos, date.value if date is not None else ""))
        if listed is None:
            org = row.get("org")
            listed = posts[(pos, date.value if date is not None else "")] = Listed(
                Shown(titles.get(pos) or labels.label(pos, page.lang), page.href_iri(pos)),
                detail=labels.label(org.value, page.lang) if org is not None else "",
            )
            listed.dated(date, page)
        article = row.get("article")
        if article is not None and all(a.iri != article.value for a in listed.sources):
            listed.sources.append(article_ref(store, labels, page, article.value))
    return sorted(posts.values(), key=sort_key)


def organisation_people(store: pyoxigraph.Store, labels: Labels, page: Page, node: pyoxigraph.NamedNode) -> list[Listed]:
    """The people who hold posts in an organisation, with the post and its latest date."""
    titles = _titles(store, page, org=node)
    people: dict[tuple[str, str], Listed] = {}
    for row in select(store, _PEOPLE, org=node):
        person, pos = row["person"].value, row["pos"].value
        date = row.get("date")
        iso = date.value if date is not None else ""
        current = people.get((person, pos))
        if current is None or iso > current.iso:
            people[(person, pos)] = Listed(
                show(row["person"], labels, page),
                detail=titles.get(pos) or labels.label(pos, page.lang),
                date=page.date(date), iso=iso,
            )
    return sorted(people.values(), key=lambda p: (p.link.text, p.detail))


def _titles(store: pyoxigraph.Store, page: Page, **bound: pyoxigraph.NamedNode) -> dict[str, str]:
    """The post titles (in the page language) of a ``holder``'s or an ``org``'s positions."""
    (role, node), = bound.items()
    by_pos: dict[str, list[Any]] = defaultdict(list)
    for row in select(store, _TITLES[role], **bound):
        by_pos[row["pos"].value].append(row["title"])
    return {pos: in_language(terms, page.lang)[0].value for pos, terms in by_pos.items()}


