"""A character trie over comparison keys, for longest-first matching of many names at once.

Scanning a 5,000-character article against a thousand names costs one dictionary step per
character tried, instead of one regular expression per name; and :meth:`Trie.openings`
finds, in one pass of the regular expression engine, the few positions where a key's first
two characters stand, so the trie is walked only there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")

_END = ""  # never a character of a key


class Trie(Generic[T]):
    """Keys (already :func:`aseankg.lexicon.surface_key`-ed) mapped to values."""

    def __init__(self, items: Iterable[tuple[str, T]] = ()) -> None:
        self._root: dict[str, dict] = {}
        self._size = 0
        self._first: frozenset[str] | None = None
        self._openings: re.Pattern[str] | None = None
        for key, value in items:
            self.add(key, value)

    def add(self, key: str, value: T) -> None:
        if not key:
            return
        node = self._root
        self._first = self._openings = None
        for ch in key:
            node = node.setdefault(ch, {})
        if _END not in node:
            self._size += 1
        node[_END] = value  # type: ignore[assignment]

    def __len__(self) -> int:
        return self._size

    @property
    def first(self) -> frozenset[str]:
        """The characters a key can start with (to skip positions without a lookup)."""
        if self._first is None:
            self._first = frozenset(self._root)
        return self._first

    def openings(self) -> re.Pattern[str]:
        """A zero-width pattern that matches where ``text`` has a key's first two characters
        (or the whole of a one-character key): the only places :meth:`matches` can find one.

        >>> [m.start() for m in Trie([("ab", 1), ("c", 2)]).openings().finditer("xabacab")]
        [1, 4, 5]
        """
        if self._openings is None:
            branches = []
            for ch, node in sorted(self._root.items()):
                if _END in node:
                    branches.append(re.escape(ch))
                else:
                    seconds = "".join(re.escape(c) for c in sorted(node))
                    branches.append(f"{re.escape(ch)}[{seconds}]")
            first = "".join(re.escape(c) for c in sorted(self._root))
            self._openings = re.compile(
                f"(?=[{first}])(?={'|'.join(branches)})" if branches else "(?!)"
            )
        return self._openings

    def matches(self, text: str, start: int) -> list[tuple[int, T]]:
        """Every key that ``text`` has at ``start``: ``(end, value)``, shortest first."""
        found: list[tuple[int, T]] = []
        node = self._root
        i, n = start, len(text)
        while i < n:
            node = node.get(text[i])  # type: ignore[assignment]
            if node is None:
                break
            i += 1
            if _END in node:
                found.append((i, node[_END]))  # type: ignore[arg-type]
        return found

    def longest(self, text: str, start: int) -> tuple[int, T] | None:
        found = self.matches(text, start)
        return found[-1] if found else None
