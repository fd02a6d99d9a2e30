"""Articles and the mentions in them: the article page's text with every recognised mention
marked and linked, and the "mentioned in" list of an entity with its sentences.

The graph keeps each mention's offsets into the article's text and its sentence. The text
itself is shown when the graph holds it (``schema:text``); otherwise the article is shown as
the sentences that carry mentions, each placed by the offsets of its mentions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph

from aseankg.namespaces import expand
from aseankg.web.frame import Page, Shown, show
from aseankg.web.labels import Labels
from aseankg.web.reading import select

ISSUED = expand("dcterms:issued")
URL = expand("schema:url")
TEXT = expand("schema:text")
IDENTIFIER = expand("dcterms:identifier")


_MENTIONS = """SELECT DISTINCT ?e ?m ?article ?begin ?end ?anchor ?sentence WHERE {
  ?m akg:inDocument ?article ; akg:mentionOf ?e ; akg:beginIndex ?begin ; akg:endIndex ?end ;
     akg:anchorOf ?anchor ; akg:sentence ?sentence .
}"""


_ARTICLE_MENTIONS = """SELECT DISTINCT ?article ?m ?e ?begin ?end ?anchor ?sentence WHERE {
  ?m akg:inDocument ?article ; akg:mentionOf ?e ; akg:beginIndex ?begin ; akg:endIndex ?end ;
     akg:anchorOf ?anchor ; akg:sentence ?sentence .
}"""


@dataclass
class Highlighted:
    """A stretch of text; ``href``/``label`` set when it is a mention of an entity."""

    text: str
    href: str | None = None
    label: str | None = None
    mark: bool = False


def highlight(text: str, spans: list[tuple[int, int, str | None, str | None]]) -> list[Highlighted]:
    """``text`` cut at the spans ``(begin, end, href, label)``; overlapping spans keep the first longest."""
    pieces: list[Highlighted] = []
    cursor = 0
    for begin, end, href, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        if begin < cursor or end <= begin or end > len(text):
            continue
        if begin > cursor:
            pieces.append(Highlighted(text[cursor:begin]))
        pieces.append(Highlighted(text[begin:end], href, label, True))
        cursor = end
    if cursor < len(text):
        pieces.append(Highlighted(text[cursor:]))
    return pieces


@dataclass
class Passage:
    """A sentence of an article, placed by its offset in the article's text."""

    start: int
    sentence: str
    spans: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)


def passages(rows: list[dict[str, Any]], labels: Labels, page: Page, *, link: bool = True) -> list[Passage]:
    """The sentences of mention rows with the mentions placed in them, in text order.

    A sentence's own offset is not stored; each mention gives it as ``begin`` minus where the
    anchor stands in the sentence, and mentions that agree share a sentence.
    """
    groups: dict[str, list[Passage]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: int(r["begin"].value)):
        sentence, anchor = row["sentence"].value, row["anchor"].value
        begin, end = int(row["begin"].value), int(row["end"].value)
        starts = [begin - i for i in _occurrences(sentence, anchor)] or [begin]
        passage = next((p for p in groups[sentence] if p.start in starts), None)
        if passage is None:
            passage = Passage(starts[0], sentence)
            groups[sentence].append(passage)
        entity = row["e"].value
        href = page.href_iri(entity) if link else None
        passage.spans.append((begin - passage.start, end - passage.start, href, labels.label(entity, page.lang)))
    return sorted((p for ps in groups.values() for p in ps), key=lambda p: p.start)


def _occurrences(text: str, part: str) -> list[int]:
    found, at = [], text.find(part)
    while part and at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


@dataclass
class ArticleRef:
    iri: str
    href: str | None
    title: str
    date: str
    iso: str
    url: str | None
    sentences: list[list[Highlighted]] = field(default_factory=list)


def article_ref(store: pyoxigraph.Store, labels: Labels, page: Page, iri: str) -> ArticleRef:
    issued = _first(store, iri, ISSUED)  # two lookups, not every fact: an article's text is long
    url = _first(store, iri, URL)
    return ArticleRef(
        iri=iri,
        href=page.href_iri(iri),
        title=labels.label(iri, page.lang),
        date=page.date(issued),
        iso=issued.value if issued is not None else "",
        url=url.value if isinstance(url, pyoxigraph.NamedNode) else None,
    )


def _first(store: pyoxigraph.Store, iri: str, prop: str) -> Any:
    """A value of ``prop`` for ``iri`` (None when it has none)."""
    quads = store.quads_for_pattern(pyoxigraph.NamedNode(iri), pyoxigraph.NamedNode(prop), None, None)
    return next((q.object for q in quads), None)


#: At most this many articles in an entity's "mentioned in" (the newest).
ARTICLES_SHOWN = 50
# The newest first, chosen by the store (a country is named in thousands of articles), and how many.
_NEWEST = f"""SELECT ?e ?article (MAX(STR(?issued)) AS ?date) WHERE {{
  ?e akg:mentionedIn ?article . OPTIONAL {{ ?article dcterms:issued ?issued }}
}} GROUP BY ?e ?article ORDER BY DESC(?date) DESC(STR(?article)) LIMIT {ARTICLES_SHOWN}"""
_MENTIONED_IN_COUNT = """SELECT ?e (COUNT(DISTINCT ?article) AS ?n) WHERE { ?e akg:mentionedIn ?article } GROUP BY ?e"""


def mentioned_in(store: pyoxigraph.Store, labels: Labels, page: Page, iri: str) -> tuple[list[ArticleRef], int]:
    """The newest articles naming ``iri`` (at most :data:`ARTICLES_SHOWN`), each with the
    sentences that name it, the mention marked; and how many articles name it in all."""
    node = pyoxigraph.NamedNode(iri)
    newest = [row["article"].value for row in select(store, _NEWEST, e=node)]
    counted = select(store, _MENTIONED_IN_COUNT, e=node)
    total = int(counted[0]["n"].value) if counted else 0
    # asked article by article: a country is named thousands of times, in far more articles than are shown
    by_article = {a: select(store, _MENTIONS, e=node, article=pyoxigraph.NamedNode(a)) for a in newest}
    found = []
    for article in newest:
        ref = article_ref(store, labels, page, article)
        ref.sentences = [highlight(p.sentence, p.spans) for p in passages(by_article[article], labels, page, link=False)]
        found.append(ref)
    return found, total


@dataclass
class ArticleView:
    ref: ArticleRef
    identifier: str
    full_text: bool
    paragraphs: list[list[Highlighted]]
    named: list[tuple[str, list[Shown]]]


def article_view(store: pyoxigraph.Store, labels: Labels, page: Page, iri: str, out: dict[str, list[Any]]) -> ArticleView:
    """An article: its text with every recognised mention marked and linked to its entity.

    The text is the article's ``schema:text`` when the graph holds it; otherwise the graph's
    sentences that carry mentions, in the order they stand in the article.
    """
    rows = select(store, _ARTICLE_MENTIONS, article=pyoxigraph.NamedNode(iri))
    text = next((t.value for t in out.get(TEXT, []) if isinstance(t, pyoxigraph.Literal)), None)
    if text is not None:
        spans = [(int(r["begin"].value), int(r["end"].value), page.href_iri(r["e"].value),
                  labels.label(r["e"].value, page.lang)) for r in rows]
        pieces = highlight(text, spans)
        paragraphs = _split_paragraphs(pieces)
    else:
        paragraphs = [highlight(p.sentence, p.spans) for p in passages(rows, labels, page)]
    named: dict[str, dict[str, Shown]] = defaultdict(dict)
    for row in select(store, "SELECT DISTINCT ?e ?article WHERE { ?e akg:mentionedIn ?article }",
                      article=pyoxigraph.NamedNode(iri)):
        entity = row["e"].value
        kind = labels.kind(entity)
        named[labels.label(kind, page.lang) if kind else ""][entity] = show(row["e"], labels, page)
    identifier = out.get(IDENTIFIER, [pyoxigraph.Literal("")])[0].value
    return ArticleView(
        ref=article_ref(store, labels, page, iri),
        identifier=identifier,
        full_text=text is not None,
        paragraphs=paragraphs,
        named=sorted((k, sorted(v.values(), key=lambda s: s.text)) for k, v in named.items()),
    )


def _split_paragraphs(pieces: list[Highlighted]) -> list[list[Highlighted]]:
    """Pieces of a text cut into paragraphs at its line breaks."""
    paragraphs: list[list[Highlighted]] = [[]]
    for piece in pieces:
        if piece.mark:
            paragraphs[-1].append(piece)
            continue
        lines = piece.text.split("\n")
        for i, line in enumerate(lines):
            if i:
                paragraphs.append([])
            if line:
                paragraphs[-1].append(Highlighted(line))
    return [p for p in paragraphs if any(x.text.strip() for x in p)]
