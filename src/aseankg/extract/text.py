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
# Runs inside which no word may start or end unless the segmentation cut there: Thai letters,
# ASCII letters and digits.
_RUN = re.compile(r"[\u0e00-\u0e7f]+|[A-Za-z0-9]+")
_MARK = re.compile("[" + "".join(sorted(_MARKS)) + "]")
_LEADING_VOWEL = re.compile("[" + "".join(sorted(_LEADING)) + "]")
#: Names at least this long (in key characters) may start or end where the segmentation
#: did not cut, as long as no syllable is cut.
LONG_NAME = 5


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


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
        self._line_begins = [b for b, _ in self.lines]
        self.sentences: list[Span] = (
            sentences(text, self.begin, self.end, keep=self._titled_names(), words=self.words)
            if self.end > self.begin
            else []
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
        self._date_begins = [d.span.begin for d in self.dates]
        self.ordinals: dict[int, tuple[int, int]] = {
            s.begin + self.begin: (s.end + self.begin, n) for s, n in find_ordinals(body)
        }

    # ---------------------------------------------------------------- words and keys
    def _boundaries(self, body: str) -> set[int]:
        bounds: set[int] = set()
        self._word_begins: list[int] = []
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
        self._word_begins = list(self.words)  # in text order
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
        begins = self._word_begins
        found = []
        for i in range(bisect.bisect_left(begins, begin), bisect.bisect_left(begins, end)):
            word = self.words[begins[i]]
            if begins[i] + len(word) <= end:
                found.append(word)
        return found

    def key_index(self, offset: int) -> int:
        """The key position of the first key character at or after ``offset``."""
        return bisect.bisect_left(self.offsets, offset)

    def key_end_offset(self, key_end: int) -> int:
        """The original offset just after the key character before ``key_end``."""
        last = self.offsets[key_end - 1]
        return last + (2 if self.text[last] == "\u0e4d" else 1)

    def _word_edges(self) -> None:
        """Precompute, for every offset of the body, whether a word may start / end there
        (the same test both ways: not inside a run of Thai letters or of ASCII letters and
        digits, unless the segmentation cut there), and whether a long word may start there
        (also at a Thai syllable start)."""
        text, begin, end = self.text, self.begin, self.end
        size = end - begin + 1
        edges = bytearray(b"\x01") * size
        for run in _RUN.finditer(text, begin, end):
            inner_b, inner_e = run.start() - begin + 1, run.end() - begin
            if inner_e > inner_b:
                edges[inner_b:inner_e] = bytes(inner_e - inner_b)
        for offset in self.bounds:
            if begin <= offset <= end and not (
                begin < offset < end and _ascii_alnum(text[offset - 1]) and _ascii_alnum(text[offset])
            ):  # a cut inside NTC (NT + C) is the segmenter's, not a word's end
                edges[offset - begin] = 1
        edges[0] = edges[size - 1] = 1
        # A long word may also start inside a run, but not before a vowel sign or tone mark
        # nor after a leading vowel (เ แ โ ใ ไ): that would cut a syllable.
        syllable = bytearray(b"\x01") * size
        for mark in _MARK.finditer(text, begin, end):
            syllable[mark.start() - begin] = 0
        for vowel in _LEADING_VOWEL.finditer(text, begin, end):
            if vowel.end() - begin < size:
                syllable[vowel.end() - begin] = 0
        for i in range(size):
            if edges[i]:
                syllable[i] = 1
        self._starts = self._ends = edges
        self._syllables = syllable
        self._found: dict[int, tuple[list[Found], list[int]]] = {}
        self._starts_cache: bool | None = None
        self._word_start_keys = bytearray()
        self._start_key_flags = bytearray()

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
        i = offset - self.begin
        if i <= 0 or i >= len(self._syllables):
            return True
        return bool(self._syllables[i])

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
        return self._prefixes(trie)[0]

    def _prefixes(self, trie: Trie) -> tuple[list[Found], list[int]]:
        cached = self._found.get(id(trie))
        if cached is not None:
            return cached
        found: list[Found] = []
        key, offsets = self.key, self.offsets
        self._start_keys()
        word_starts, starts = self._word_start_keys, self._start_key_flags
        for opening in trie.openings().finditer(key):
            k = opening.start()
            if not starts[k]:
                continue
            matches = trie.matches(key, k)
            if matches:
                key_end, value = matches[-1]
                if not word_starts[k] and key_end - k < LONG_NAME:
                    continue  # a short word may not start inside a longer one
                end = self.key_end_offset(key_end)
                if not self.cuts_word(offsets[k], end):
                    found.append(Found(offsets[k], end, value))
        result = (found, [f.begin for f in found])
        self._found[id(trie)] = result
        return result

    def _start_keys(self) -> None:
        """Flag the key positions where a word may start (``_word_start_keys``: word
        boundaries) and where a long word may (``_start_key_flags``: also syllable starts,
        where the segmentation glued it to the word before)."""
        if self._starts_cache is None:
            at = [offset - self.begin for offset in self.offsets]  # all inside the body
            self._word_start_keys = bytearray(map(self._starts.__getitem__, at))
            self._start_key_flags = bytearray(map(self._syllables.__getitem__, at))
            self._starts_cache = True

    def first(self, trie: Trie, begin: int, end: int) -> Found | None:
        """The first word of ``trie`` (see :meth:`find_prefixes`) within ``[begin, end)``."""
        found, begins = self._prefixes(trie)
        i = bisect.bisect_left(begins, begin)
        if i < len(found) and found[i].begin < end:
            return found[i]
        return None

    def all_within(self, trie: Trie, begin: int, end: int) -> list[Found]:
        found, begins = self._prefixes(trie)
        return found[bisect.bisect_left(begins, begin) : bisect.bisect_left(begins, end)]

    def _titled_names(self) -> list[tuple[int, int]]:
        """A title and the two words after it (นายสมชาย ใจดี, น.ส. สมหญิง รักไทย): a person's
        name, which no sentence break may cut."""
        text = self.text
        names = []
        for title in self.find_prefixes(self.res.honorifics):
            line_end = self.line_of(title.begin)[1]
            cursor = self.skip_spaces(title.end, line_end)
            end = title.end
            for _part in ("given name", "family name"):
                if cursor >= line_end or not (is_thai(text[cursor]) or text[cursor].isalpha()):
                    break
                while cursor < line_end and not text[cursor].isspace():
                    cursor += 1
                end = cursor
                cursor = self.skip_spaces(cursor, line_end)
            names.append((title.begin, end))
        return names

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
        i = bisect.bisect_right(self._line_begins, offset) - 1
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
        first = bisect.bisect_left(self._date_begins, begin)
        last = bisect.bisect_left(self._date_begins, end)
        return [d for d in self.dates[first:last] if d.span.end <= end]

    def ordinal_at(self, offset: int) -> tuple[int, int] | None:
        """``(end, value)`` of an ordinal starting at ``offset`` (spaces skipped)."""
        return self.ordinals.get(self.skip_spaces(offset))
