"""The typed query parameters the JSON APIs share, validated by FastAPI (422 otherwise)."""

from __future__ import annotations

from typing import Annotated, Literal

import pyoxigraph
from fastapi import Query
from pydantic import AfterValidator

#: An absolute http(s) IRI: no spaces, no characters that IRIs forbid.
IRI_PATTERN = r'^https?://[^\s<>"{}|\\^`]+$'


def valid_iri(value: str | None) -> str | None:
    """``value`` when it is an IRI the store can hold as a term (RFC 3987), else ValueError."""
    if value is not None:
        try:
            pyoxigraph.NamedNode(value)
        except ValueError as exc:
            raise ValueError(f"not a valid IRI: {exc}") from None
    return value


def iri_query(description: str, alias: str | None = None, **extra) -> Query:
    return Query(pattern=IRI_PATTERN, max_length=2000, description=description, alias=alias, **extra)


IriParam = Annotated[
    str,
    iri_query(
        "An absolute http(s) IRI, e.g. https://w3id.org/aseankg/id/adgmin-5",
        examples=["https://w3id.org/aseankg/id/adgmin-5"],
    ),
    AfterValidator(valid_iri),
]
OptionalIriParam = Annotated[str | None, iri_query("An absolute http(s) IRI."), AfterValidator(valid_iri)]
FromParam = Annotated[str, iri_query("The IRI to start from.", alias="from"), AfterValidator(valid_iri)]
ToParam = Annotated[str, iri_query("The IRI to reach.", alias="to"), AfterValidator(valid_iri)]
LangParam = Annotated[
    Literal["th", "en"] | None,
    Query(description="The language of the labels: th or en."),
]
