"""The frame every HTML page shares: its language, links that keep it, values as shown.

A page is rendered on the server (readable with JavaScript off) in the page language
(:mod:`aseankg.web.i18n`); things appear by their labels in that language, each linked to
its own page (``/id/…`` for entities, ``/ontology#…`` for terms), dates in the language's
calendar convention. Jinja2 escapes everything it prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import pyoxigraph
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from aseankg.namespaces import AKG, AKGID, PREFIXES
from aseankg.web.i18n import Lang, format_date, other, page_lang, word
from aseankg.web.labels import Labels

if TYPE_CHECKING:
    from aseankg.web.articles import ArticleRef

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
XSD = PREFIXES["xsd"]
DATE_TYPES = {XSD + "date": "date", XSD + "gYearMonth": "gYearMonth", XSD + "gYear": "gYear"}


def page_path(iri: str) -> str | None:
    """This app's page for ``iri``: ``/id/…`` for entities, ``/ontology#…`` for terms."""
    if iri.startswith(AKGID) and SLUG.match(iri[len(AKGID):]):
        return "/id/" + iri[len(AKGID):]
    if iri.startswith(AKG):
        return "/ontology#" + iri[len(AKG):]
    return None


class Page:
    """What every template gets: the language, links that keep it, the interface's words."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.lang, self.explicit = page_lang(request)
        self.other = other(self.lang)

    def href(self, path: str, **params: Any) -> str:
        """A link to ``path`` on this site that keeps a chosen language."""
        path, hash_, fragment = path.partition("#")
        query = {k: v for k, v in params.items() if v is not None}
        if self.explicit:
            query["lang"] = self.lang
        link = path + ("?" + urlencode(query) if query else "")
        return link + (hash_ + fragment)

    def href_iri(self, iri: str) -> str | None:
        path = page_path(iri)
        return self.href(path) if path else None

    def switch(self) -> str:
        """This page in the other language."""
        query = [(k, v) for k, v in self.request.query_params.multi_items() if k != "lang"]
        query.append(("lang", self.other))
        return self.request.url.path + "?" + urlencode(query)

    def word(self, key: str) -> str:
        return word(key, self.lang)

    def date(self, literal: pyoxigraph.Literal | None) -> str:
        if literal is None:
            return ""
        kind = DATE_TYPES.get(literal.datatype.value) if literal.datatype else None
        return format_date(literal.value, kind, self.lang) if kind else literal.value


def render(request: Request, template: str, page: Page, status_code: int = 200, **context: Any) -> HTMLResponse:
    response = templates.TemplateResponse(
        request, template, {"page": page, "lang": page.lang, **context}, status_code=status_code
    )
    response.headers["Vary"] = "Accept, Accept-Language"
    response.headers["Content-Language"] = page.lang
    return response


def not_found(request: Request, what: str) -> HTMLResponse:
    """The 404 page, with a search box, for an IRI the graph says nothing about."""
    page = Page(request)
    return render(request, "not_found.html", page, status_code=404, what=what)


@dataclass
class Shown:
    """A value as a page shows it: its text, a link, and its language or machine form."""

    text: str
    href: str | None = None
    lang: str | None = None
    iso: str | None = None  # the ISO date behind a formatted date
    external: bool = False


def show(term: Any, labels: Labels, page: Page) -> Shown:
    if isinstance(term, pyoxigraph.NamedNode):
        local = page.href_iri(term.value)
        if local:
            return Shown(labels.label(term.value, page.lang), local)
        return Shown(labels.label(term.value, page.lang) if labels.has_label(term.value) else term.value,
                     term.value, external=True)
    if isinstance(term, pyoxigraph.Literal):
        if term.datatype and term.datatype.value in DATE_TYPES:
            return Shown(page.date(term), iso=term.value)
        return Shown(term.value, lang=term.language)
    return Shown(str(term))


def in_language(terms: list[Any], lang: Lang) -> list[Any]:
    """Of several language-tagged literals, those in ``lang`` when there are any."""
    tagged = [t for t in terms if isinstance(t, pyoxigraph.Literal) and t.language]
    if len(tagged) < 2:
        return terms
    mine = [t for t in tagged if t.language.lower() == lang]
    rest = [t for t in terms if t not in tagged]
    return rest + (mine or tagged)


@dataclass
class Listed:
    """One line of a list on a page: a linked thing, with a role or title and a date."""

    link: Shown
    detail: str = ""
    date: str = ""
    iso: str = ""
    sources: list[ArticleRef] = field(default_factory=list)  # the articles that state it

    def dated(self, literal: pyoxigraph.Literal | None, page: Page) -> None:
        """Keep the most precise of the dates given (a day over a month over a year)."""
        if literal is not None and len(literal.value) > len(self.iso):
            self.iso, self.date = literal.value, page.date(literal)


def sort_key(listed: Listed) -> tuple[str, str]:
    return (listed.iso or "9999", listed.link.text)
