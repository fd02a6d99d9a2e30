"""The typed query parameters the JSON APIs share, validated by FastAPI (422 otherwise)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

#: An absolute http(s) IRI: no spaces, no characters that IRIs forbid.
IRI_PATTERN = r'^https?://[^\s<>"{}|\\^`]+$'

IriParam = Annotated[
    str,
    Query(
        pattern=IRI_PATTERN,
        max_length=2000,
        description="An absolute http(s) IRI, e.g. https://w3id.org/aseankg/id/adgmin-5",
        examples=["https://w3id.org/aseankg/id/adgmin-5"],
    ),
]
OptionalIriParam = Annotated[
    str | None,
    Query(pattern=IRI_PATTERN, max_length=2000, description="An absolute http(s) IRI."),
]
LangParam = Annotated[
    Literal["th", "en"] | None,
    Query(description="The language of the labels: th or en."),
]
