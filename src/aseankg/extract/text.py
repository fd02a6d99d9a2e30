"""One article's body prepared once for every pattern: its comparison key with offsets,
word boundaries, lines, sentences, dates and ordinals.

Patterns work in offsets of :attr:`Document.text` (what mentions record) and look words up
in the key (:func:`aseankg.lexicon.keyed`), so ``WG – AS`` and ``WG-AS`` read alike.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pythainlp.tokenize import word_tokenize

from aseankg.corpus import Document
from aseankg.extract.model import Span
from aseankg.extract.resources import Resources
from aseankg.extract.trie import Trie
from aseankg.lexicon import keyed
from aseankg.nlp import find_dates, find_ordinals, sentences
from aseankg.nlp.dates import DateExpr

__all__ = ["DocText", "is_thai"]

_LINE = re.compile(r"[^\n\r]+")
_LEADING = frozenset("เแโใไ")
_MARKS = frozenset("ะัาำิีึืฺุูๅ็่้๊๋์ํ๎")
#: Names at least this long (in key characters) may start or end where the segmentation
#: did not cut, as long as no syllable is cut.
LONG_NAME = 5


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass
class Found:
    """A vocabulary word found in the text: original offsets and its value."""

    begin: int
    end: int
    value: object


class DocText:
    """The body of ``document`` with the lookups the patterns need."""

    def __init__(self, document: Document, res: Resources) -> None:
        self.document = document
        self.res = res
        self.text = text = document.text
        self.begin, self.end = document.body.begin, document.body.end
        body = text[self.begin : self.end]
        self.words: dict[int, str] = {}
        key, offsets = keyed(body)
        self.key = key
        self.offsets = [o + self.begin for o in offsets]
        self.bounds = self._boundaries(body)
        self._word_edges()
        self.lines = [
            (m.start() + self.begin, m.end() + self.begin) for m in _LINE.finditer(body)
        ]
        self.sentences: list[Span] = (
            sentences(text, self.begin, self.end) if self.end > self.begin else []
        )
        self._sentence_begins = [s.begin for s in self.sentences]
        self.dates: list[DateExpr] = [
            DateExpr(
                Span(d.span.begin + self.begin, d.span.end + self.begin, d.span.text),
                d.start,
                d.end,
                d.qualifier,
            )
            for d in find_dates(body, document.issued)
        ]
        self.ordinals: dict[int, tuple[int, int]] = {
            s.begin + self.begin: (s.end + self.begin, n) for s, n in find_ordinals(body)
        }

    # ---------------------------------------------------------------- words and keys
    def _boundaries(self, body: str) -> set[int]:
        bounds: set[int] = set()
        if not body:
            return bounds
        cursor = self.begin
        try:
            words = word_tokenize(
                body, custom_dict=self.res.word_trie, engine="newmm", keep_whitespace=True
            )
        except Exception:  # noqa: BLE001 - odd input: fall back to character classes only
            words = []
        if "".join(words) != body:
            return bounds
        for word in words:
            bounds.add(cursor)
            if word.strip():
                self.words[cursor] = word
            cursor += len(word)
        bounds.add(cursor)
        return bounds

    def cuts_word(self, begin: int, end: int) -> bool:
        """Does ``text[begin:end]`` end inside a dictionary word that starts at ``begin``
        (สภา in สภาพ, กอง in กองทัพ)? A longer word that is a lexicon name does not count."""
        word = self.words.get(begin)
        if word is None or begin + len(word) <= end:
            return False
        if word not in self.res.dictionary or self.res.names.longest(self.key, self.key_index(begin)):
            return False
        rest = word[end - begin :]
        # ปลัดกระทรวง is ปลัด + กระทรวง; สภาพ is not สภา + พ
        return rest not in self.res.dictionary

    def words_of(self, begin: int, end: int) -> list[str]:
        """The segmentation's words within ``text[begin:end]``."""
        return [w for b, w in sorted(self.words.items()) if begin <= b and b + len(w) <= end]

    def key_index(self, offset: int) -> int:
        """The key position of the first key character at or after ``offset``."""
        return bisect.bisect_left(self.offsets, offset)

    def key_end_offset(self, key_end: int) -> int:
        """The original offset just after the key character before ``key_end``."""
        last = self.offsets[key_end - 1]
        return last + (2 if self.text[last] == "\u0e4d" else 1)

    def _word_edges(self) -> None:
        """Precompute, for every offset of the body, whether a word may start / end there."""
        text, begin, end, bounds = self.text, self.begin, self.end, self.bounds
        starts = bytearray(end - begin + 1)
        ends = bytearray(end - begin + 1)
        for offset in range(begin, end + 1):
            i = offset - begin
            if offset <= begin or offset >= end or offset in bounds:
                starts[i] = ends[i] = 1
                continue
            before, here = text[offset - 1], text[offset]
            if _ascii_alnum(here):
                starts[i] = not _ascii_alnum(before)
            else:
                starts[i] = not (is_thai(before) and is_thai(here))
            if _ascii_alnum(before):
                ends[i] = not _ascii_alnum(here)
            else:
                ends[i] = not (is_thai(before) and is_thai(here))
        self._starts, self._ends = starts, ends
        self._found: dict[int, list[Found]] = {}
        self._starts_cache: list[int] | None = None
        self._word_start_keys: set[int] = set()

    def starts_word(self, offset: int) -> bool:
        """Can a name start at ``offset`` without cutting a word?"""
        i = offset - self.begin
        if i <= 0 or i >= len(self._starts):
            return True
        return bool(self._starts[i])

    def starts_syllable(self, offset: int) -> bool:
        """Can a long name start at ``offset``? Not inside a Thai syllable (a name of five
        characters or more is taken even where the segmentation glued it to a neighbour,
        as in ร่วมการประชุม)."""
        if self.starts_word(offset):
            return True
        return self.text[offset] not in _MARKS and self.text[offset - 1] not in _LEADING

    def ends_syllable(self, offset: int) -> bool:
        if self.ends_word(offset):
            return True
        return self.text[offset] not in _MARKS and self.text[offset - 1] not in _LEADING

    def ends_word(self, offset: int) -> bool:
        """Can a name end at ``offset`` without cutting a word?"""
        i = offset - self.begin
        if i <= 0 or i >= len(self._ends) - 1:
            return True
        return bool(self._ends[i])

    def match(self, trie: Trie, offset: int, *, whole: bool = True) -> Found | None:
        """The longest word of ``trie`` at ``offset`` (ending on a word boundary if ``whole``)."""
        k = self.key_index(offset)
        if k >= len(self.key) or self.offsets[k] != offset:
            return None
        for key_end, value in reversed(trie.matches(self.key, k)):
            end = self.key_end_offset(key_end)
            if not whole or self.ends_word(end):
                return Found(offset, end, value)
        return None

    def find_all(self, trie: Trie) -> list[Found]:
        """Every longest, word-aligned occurrence of a word of ``trie``, left to right."""
        found: list[Found] = []
        key, offsets = self.key, self.offsets
        k, n = 0, len(key)
        while k < n:
            offset = offsets[k]
            if self.starts_word(offset):
                for key_end, value in reversed(trie.matches(key, k)):
                    end = self.key_end_offset(key_end)
                    if self.ends_word(end):
                        found.append(Found(offset, end, value))
                        k = key_end
                        break
                else:
                    k += 1
                    continue
                continue
            k += 1
        return found

    def find_prefixes(self, trie: Trie) -> list[Found]:
        """Every longest word of ``trie`` that starts on a word boundary, whatever follows it
        (head nouns and titles are written glued to the name after them). Cached."""
        cached = self._found.get(id(trie))
        if cached is not None:
            return cached
        found: list[Found] = []
        self._found[id(trie)] = found
        key, offsets = self.key, self.offsets
        first = trie.first
        for k in self._start_keys():
            if key[k] not in first:
                continue
            matches = trie.matches(key, k)
            if matches:
                key_end, value = matches[-1]
                if k not in self._word_start_keys and key_end - k < LONG_NAME:
                    continue  # a short word may not start inside a longer one
                end = self.key_end_offset(key_end)
                if not self.cuts_word(offsets[k], end):
                    found.append(Found(offsets[k], end, value))
        return found

    def _start_keys(self) -> list[int]:
        """Key positions where a word may start: word boundaries, and syllable starts (where a
        long word may start although the segmentation glued it to the word before)."""
        if self._starts_cache is None:
            self._word_start_keys = {k for k, o in enumerate(self.offsets) if self.starts_word(o)}
            self._starts_cache = [
                k for k, o in enumerate(self.offsets)
                if k in self._word_start_keys or self.starts_syllable(o)
            ]
        return self._starts_cache

    def first(self, trie: Trie, begin: int, end: int) -> Found | None:
        """The first word of ``trie`` (see :meth:`find_prefixes`) within ``[begin, end)``."""
        found = self.find_prefixes(trie)
        i = bisect.bisect_left([f.begin for f in found], begin)
        if i < len(found) and found[i].begin < end:
            return found[i]
        return None

    def all_within(self, trie: Trie, begin: int, end: int) -> list[Found]:
        return [f for f in self.find_prefixes(trie) if begin <= f.begin < end]

    # ---------------------------------------------------------------- layout
    def skip_spaces(self, offset: int, limit: int | None = None) -> int:
        limit = self.end if limit is None else limit
        text = self.text
        while offset < limit and text[offset] in " \t\xa0\u200b":
            offset += 1
        return offset

    def back_spaces(self, offset: int) -> int:
        text = self.text
        while offset > self.begin and text[offset - 1] in " \t\xa0\u200b":
            offset -= 1
        return offset

    def line_of(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right([b for b, _ in self.lines], offset) - 1
        if i < 0:
            return (self.begin, self.begin)
        return self.lines[i]

    def sentence_of(self, begin: int, end: int) -> str:
        """The sentence (from :func:`aseankg.nlp.sentences`) a mention stands in; a mention
        across a sentence break gets the sentences it spans."""
        i = bisect.bisect_right(self._sentence_begins, begin) - 1
        if i < 0 or self.sentences[i].end <= begin:
            i = max(i, 0)
            if not self.sentences or not (self.sentences[i].begin <= begin < self.sentences[i].end):
                b, e = self.line_of(begin)
                return self.text[b:e].strip()
        j = i
        while j + 1 < len(self.sentences) and self.sentences[j].end < end:
            j += 1
        return self.text[self.sentences[i].begin : self.sentences[j].end]

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sentence_begins, offset) - 1
        if i < 0 or not self.sentences:
            return self.line_of(offset)
        s = self.sentences[i]
        return (s.begin, s.end)

    def dates_in(self, begin: int, end: int) -> list[DateExpr]:
        return [d for d in self.dates if begin <= d.span.begin and d.span.end <= end]

    def ordinal_at(self, offset: int) -> tuple[int, int] | None:
        """``(end, value)`` of an ordinal starting at ``offset`` (spaces skipped)."""
        return self.ordinals.get(self.skip_spaces(offset))
