"""Patterns that skip, at C speed, the positions where they cannot start.

A date pattern opens with optional words (``ช่วง``, ``ต้น``, ``เดือน``, a weekday, an era...):
Python's ``re`` then tries every optional branch at every position of the text, and most
positions of a Thai article cannot start a date at all. :func:`quick` works out from the
parsed pattern which characters a match can begin with and puts a one-character lookahead
in front, so that every other position fails on its first test. Matches are unchanged: the
lookahead only removes positions where the pattern could not have matched anyway. When the
analysis cannot tell (a pattern that may match the empty string, classes such as ``\\w``,
case-insensitive parts that start with anything but ASCII), the pattern is compiled as it is.

>>> quick(r"(?:early )?(?:ปี)?[0-9]{4}").pattern
'(?=[0123456789eป])(?:(?:early )?(?:ปี)?[0-9]{4})'
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser

__all__ = ["first_characters", "quick"]

_MAX_RANGE = 512  # a wider class start (any Thai letter, ...) is not worth a lookahead
# What an ASCII letter matches when case is ignored: both cases and, as the ``re``
# documentation says, four more letters (İ ı for i, ſ for s, K for k).
_MORE_CASES = {"i": "İı", "s": "ſ", "k": "\u212a"}
_Parsed = list[tuple[object, object]]


class _Unknown(Exception):
    """The analysis cannot bound the first character."""


def _first(items: _Parsed, caseless: bool = False) -> tuple[set[str], bool]:
    """The characters a match of ``items`` can begin with, and whether it can be empty."""
    found: set[str] = set()
    for op, av in items:
        chars, empty = _first_of(op, av, caseless)
        found |= chars
        if not empty:
            return found, False
    return found, True


def _first_of(op: object, av: object, caseless: bool) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return _cases({chr(av)}, caseless), False  # type: ignore[arg-type]
    if op is _c.IN:
        return _cases(_class(av), caseless), False  # type: ignore[arg-type]
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av  # type: ignore[misc]
        if add_flags & _c.SRE_FLAG_VERBOSE:
            raise _Unknown
        if add_flags & _c.SRE_FLAG_IGNORECASE:
            caseless = True
        elif del_flags & _c.SRE_FLAG_IGNORECASE:
            caseless = False
        return _first(sub.data, caseless)
    if op is _c.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in av[1]:  # type: ignore[index]
            chars, can_be_empty = _first(branch.data, caseless)
            found |= chars
            empty = empty or can_be_empty
        return found, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = av  # type: ignore[misc]
        chars, empty = _first(sub.data, caseless)
        return chars, empty or low == 0
    if op is _c.ATOMIC_GROUP:
        return _first(av.data, caseless)  # type: ignore[attr-defined]
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set(), True  # zero width: the next item decides
    raise _Unknown


def _cases(chars: set[str], caseless: bool) -> set[str]:
    """``chars`` and, when case is ignored, every character they match: ASCII only."""
    if not caseless:
        return chars
    found = set()
    for ch in chars:
        if not ch.isascii():
            raise _Unknown
        lower = ch.lower()
        found.update((ch, lower, ch.upper()), _MORE_CASES.get(lower, ""))
    return found


def _class(items: list[tuple[object, object]]) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is _c.RANGE:
            low, high = av  # type: ignore[misc]
            if high - low > _MAX_RANGE:
                raise _Unknown
            chars.update(chr(c) for c in range(low, high + 1))
        else:  # NEGATE, CATEGORY (\\d, \\w, ...): not bounded here
            raise _Unknown
    return chars


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a non-empty match of ``pattern`` must begin with, or None if unknown.

    >>> sorted(first_characters(r"(?<!x)(?:ab|c)?d"))
    ['a', 'c', 'd']
    >>> first_characters(r"(?:ab)?") is None, first_characters(r"\\w+") is None
    (True, True)
    >>> "".join(sorted(first_characters(r"(?i:is)|[0-9]")))
    '0123456789Iiİı'

    """
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & _c.SRE_FLAG_VERBOSE:
            return None
        chars, empty = _first(parsed.data, bool(parsed.state.flags & _c.SRE_FLAG_IGNORECASE))
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return None
    return None if empty or not chars else frozenset(chars)


def quick(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled with a lookahead on its first characters when they are known."""
    chars = first_characters(pattern)
    if chars is None:
        return re.compile(pattern)
    ahead = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(f"(?=[{ahead}])(?:{pattern})")
