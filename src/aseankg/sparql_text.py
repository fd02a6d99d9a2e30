"""What a SPARQL request text says about itself, read by a small lexer (no evaluation).

Questions the parser of pyoxigraph does not answer for us (it has no syntax tree in Python):
does a query name its own dataset (``FROM`` / ``FROM NAMED``, which must win over the union
default graph), is a text that fails to parse as a query a SPARQL Update (which a read-only
endpoint refuses by name), and which endpoints do its ``SERVICE`` clauses call (the engine
would fetch them from the server)?
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
    | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<name>[A-Za-z_\u00c0-\uffff][\w\-.\u00b7\u00c0-\uffff]*(?::(?:[\w\-.:%\u00b7\u00c0-\uffff]|\\[_~.\-!$&'()*+,;=/?\#@%])*)?
             |:(?:[\w\-.:%\u00b7\u00c0-\uffff]|\\[_~.\-!$&'()*+,;=/?\#@%])*)
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


_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LOCAL_ESCAPE = re.compile(r"\\(.)")


def _unescape_iri(iri: str) -> str | None:
    """An IRIREF's text with its ``\\u`` / ``\\U`` escapes read (as the parser reads them)."""
    try:
        return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), iri)
    except (ValueError, OverflowError):
        return None


def service_targets(text: str, prefixes: dict[str, str] | None = None) -> list[str | None]:
    """The endpoint of each ``SERVICE`` clause of a query, in order: an absolute IRI, or None
    when the lexer cannot tell it for certain (a variable, a relative IRI, an unknown prefix, a
    target it cannot read) — which a caller must treat as not allowed.

    Prefixed names are expanded with the query's own ``PREFIX`` declarations, then with
    ``prefixes`` (the ones the endpoint predeclares). ``SERVICE`` inside a string, an IRI, a
    comment or a name (``ex:service``, ``?service``) is not a clause.
    """
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text) if m.lastgroup not in (None, "comment")]
    declared: dict[str, str] = {}
    found: list[str | None] = []
    for i, (kind, value) in enumerate(tokens):
        if kind != "name":
            continue
        word = value.upper()
        if word == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1][0] == "name" and tokens[i + 2][0] == "iri":
            name = tokens[i + 1][1]
            if name.endswith(":"):
                declared[name[:-1]] = _unescape_iri(tokens[i + 2][1][1:-1]) or ""
            continue
        if word != "SERVICE":
            continue
        j = i + 1
        if j < len(tokens) and tokens[j][0] == "name" and tokens[j][1].upper() == "SILENT":
            j += 1
        target = tokens[j] if j < len(tokens) else (None, "")
        found.append(_target_iri(target, declared, prefixes or {}))
    return found


def _target_iri(token: tuple[str | None, str], declared: dict[str, str], predeclared: dict[str, str]) -> str | None:
    kind, value = token
    if kind == "iri":
        iri = _unescape_iri(value[1:-1])
    elif kind == "name" and ":" in value:
        prefix, _, local = value.partition(":")
        namespace = declared.get(prefix, predeclared.get(prefix))
        iri = None if namespace is None else namespace + _LOCAL_ESCAPE.sub(r"\1", local)
    else:
        return None
    if not iri or not re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", iri):
        return None  # relative (resolved against a BASE): not certain
    return iri
