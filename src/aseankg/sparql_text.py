"""What a SPARQL request text says about itself, read by a small lexer (no evaluation).

Two questions the parser of pyoxigraph does not answer for us: does a query name its own
dataset (``FROM`` / ``FROM NAMED``, which must win over the union default graph), and is a text
that fails to parse as a query a SPARQL Update (which a read-only endpoint refuses by name)?
The lexer skips comments, strings, IRIs, variables and prefixed names, so a keyword inside
``"…FROM…"``, ``<…/from>``, ``?from`` or ``ex:from`` is never taken for the keyword.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<name>[A-Za-z_\u00c0-\uffff][\w\-.\u00b7\u00c0-\uffff]*:?[\w\-.:%\\\u00b7\u00c0-\uffff]*)
    | (?P<other>\S)
    | \s+
    """,
    re.VERBOSE | re.DOTALL,
)

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_PROLOGUE = frozenset({"PREFIX", "BASE"})


def keywords(text: str) -> Iterator[str]:
    """The bare words of ``text`` (upper-cased), outside comments, strings and IRIs.

    Prefixed names (``ex:from``) are not bare words; a ``PREFIX ex:`` declaration yields
    ``PREFIX`` only.
    """
    for match in _TOKEN.finditer(text):
        word = match.group("name")
        if word and ":" not in word:
            yield word.upper()


def has_dataset_clause(text: str) -> bool:
    """True when the query has ``FROM`` or ``FROM NAMED`` (its own dataset)."""
    return "FROM" in keywords(text)


def looks_like_update(text: str) -> bool:
    """True when the first word after the prologue is an update operation (INSERT, LOAD, …)."""
    for word in keywords(text):
        if word in _PROLOGUE:
            continue
        return word in UPDATE_KEYWORDS
    return False
