"""Find entities by any of their names: Thai, English, romanised Thai, abbreviations.

Thai is written without spaces between words, so names and queries are cut into words with
PyThaiNLP: a query for a part of a Thai name (``ใจดีงาม``) matches its words. Thai names
are also indexed in RTGS romanisation, so ``somchai`` finds ``สมชาย``, and an entity's slug
is one of its names, so ``ADGMIN 5`` finds ``akgid:adgmin-5``. The index is built from the
labels of one store generation and rebuilt when a build switches the store.
"""

from __future__ import annotations

import contextlib
import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from aseankg.namespaces import AKGID, expand
from aseankg.nlp.normalize import normalize
from aseankg.nlp.romanize import romanize
from aseankg.nlp.tokens import tokens
from aseankg.store import StoreNotFound
from aseankg.web.i18n import Lang
from aseankg.web.labels import ALT, Labels, labels_for
from aseankg.web.params import LangParam, OptionalIriParam
from aseankg.web.reading import Startup, per_generation

router = APIRouter(tags=["browse"])

_THAI_RUN = re.compile(r"([\u0e00-\u0e7f]+)")
_LATIN_WORD = re.compile(r"[^\W_]+")

# How much a match on each kind of name counts, relative to a preferred label.
_ROMAN = 0.9
_SLUG = 0.95
_ALIAS = 0.98
# The most a name scores by the query's words alone (when its key does not start with the query's).
_BY_WORDS = 0.7
# Things that are about an entity rather than the entity: ranked after it on equal names.
_PENALTY = {expand("akg:Position"): 0.15, expand("akg:NewsArticle"): 0.1, expand("akg:Mention"): 1.0}


def _fold(text: str) -> str:
    return normalize(text).casefold()


def key(text: str) -> str:
    """The comparison key of a name: folded, without spaces and punctuation.

    >>> key("WG-AS"), key("ADGMIN ๕")
    ('wgas', 'adgmin5')
    """
    return "".join(ch for ch in _fold(text) if unicodedata.category(ch)[0] in "LNM")


def words(text: str) -> list[str]:
    """The words of a name or query: Thai runs segmented by PyThaiNLP, others split on non-letters.

    >>> words("นายประเสริฐ จันทรรวงทอง (MDES)")
    ['นาย', 'ประเสริฐ', 'จันทร', 'รวง', 'ทอง', 'mdes']
    """
    return [w for part in _fold(text).split() for w in _part_words(part)]


@lru_cache(maxsize=100_000)
def _part_words(part: str) -> tuple[str, ...]:
    """The words of one space-free part of a folded text (names share parts: cached)."""
    found: list[str] = []
    for piece in _THAI_RUN.split(part):
        if _THAI_RUN.fullmatch(piece):
            found.extend(k for k in (key(t.text) for t in tokens(piece)) if k)
        else:
            found.extend(_LATIN_WORD.findall(piece))
    return tuple(found)


@lru_cache(maxsize=100_000)
def _romanized_word(word: str) -> str:
    return romanize(word) if _THAI_RUN.search(word) else word


def romanized(text: str) -> str:
    """RTGS romanisation of a name, word by word: names share words (cached), and the
    romaniser's cost grows faster than the length of what it is given.

    >>> romanized("ประเสริฐ จันทรรวงทอง")
    'praserit chantnruangthong'
    """
    return " ".join("".join(_romanized_word(w) for w in _part_words(part)) for part in _fold(text).split())


@dataclass(frozen=True)
class IndexedName:
    key: str
    segments: tuple[str, ...]  # keys of the space-separated parts
    words: tuple[str, ...]
    weight: float

    @classmethod
    def of(cls, text: str, weight: float) -> IndexedName | None:
        name_key = key(text)
        if not name_key:
            return None
        segments = tuple(k for k in (key(part) for part in _fold(text).split()) if k)
        return cls(name_key, segments, tuple(words(text)), weight)

    def quick(self, q_key: str) -> float | None:
        """The score when the query's key alone decides it (it is this name, or starts it or
        one of its parts); None when the query's words must decide (at most ``_BY_WORDS``)."""
        if self.key == q_key:
            return 1.0
        if self.key.startswith(q_key):
            return 0.9 - 0.1 * (len(self.key) - len(q_key)) / len(self.key)
        if q_key in self.segments:
            return 0.85 - self.extra()
        if any(s.startswith(q_key) for s in self.segments):
            return 0.75 - self.extra()
        return None

    def extra(self) -> float:
        """Less for a long name: a part of it is less of a match."""
        return 0.05 * min(1.0, len(self.words) / 12)

    def score(self, q_key: str, q_words: list[str]) -> float:
        """How well a query matches this name, 0 (not at all) to 1 (the whole name)."""
        decided = self.quick(q_key)
        if decided is not None:
            return decided
        if not q_words:
            return 0.0
        extra = self.extra()
        matched = 0.0
        for word in q_words:
            if word in self.words:
                matched += 1.0
            elif any(w.startswith(word) for w in self.words):
                matched += 0.8
            elif len(word) > 1 and word in self.key:
                matched += 0.6
        coverage = matched / len(q_words)
        if coverage < 0.5 and len(q_key) > 1 and q_key in self.key:
            coverage = 0.6
        return _BY_WORDS * coverage - extra if coverage >= 0.5 else 0.0


@dataclass(frozen=True)
class Entry:
    iri: str
    names: tuple[IndexedName, ...]
    penalty: float
    label_length: int  # of its English label: on equal scores the shorter name comes first
    first: int  # the number of its first name's key (its names' keys are numbered in a row)


class SearchIndex:
    """Every entity's names, ready to match a query.

    A name scores above nothing only when its key contains the query's key, or contains at
    least half of the query's words (each word a name matches is part of its key). So a query
    is scored only against the entities with such a name. The keys that contain a part of a
    query are found from the keys that hold its rarest pair of letters (every letter and pair
    of letters lists the keys that hold it), so a query costs little more than the matches it
    has; and a one-letter Thai word, which is in thousands of names, counts only together
    with the other half of the query's words.
    """

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self.entries: list[Entry] = []
        self._keys: list[str] = []
        self._owner: list[int] = []  # the entry of each key (by the key's number)
        for iri, names in labels.names.items():
            if not iri.startswith(AKGID):
                continue  # ontology terms and graphs are not things to look up
            penalty = max((_PENALTY.get(t, 0.0) for t in labels.types.get(iri, ())), default=0.0)
            texts: dict[str, float] = {}
            for name in names:
                weight = _ALIAS if name.property == ALT else 1.0
                texts[name.text] = max(weight, texts.get(name.text, 0.0))
            named = {text: weight for text, weight in texts.items()}
            if not penalty:  # posts and articles are found by their people's names, not romanised
                for text, weight in named.items():
                    if _THAI_RUN.search(text):
                        roman = romanized(text)
                        texts[roman] = max(weight * _ROMAN, texts.get(roman, 0.0))
            slug = iri[len(AKGID):].replace("-", " ")
            texts[slug] = max(_SLUG, texts.get(slug, 0.0))
            indexed = tuple(n for n in (IndexedName.of(t, w) for t, w in texts.items()) if n is not None)
            number = len(self.entries)
            self.entries.append(Entry(iri, indexed, penalty, len(labels.label(iri, "en")), len(self._keys)))
            for name in indexed:
                self._keys.append(name.key)
                self._owner.append(number)
        # every letter and every pair of letters -> the keys that hold it, by number
        self._grams: dict[str, list[int]] = defaultdict(list)
        for number, name_key in enumerate(self._keys):
            for gram in {*name_key, *(name_key[i:i + 2] for i in range(len(name_key) - 1))}:
                self._grams[gram].append(number)

    def _containing(self, part: str) -> set[int]:
        """The numbers of the name keys that contain ``part``."""
        if len(part) <= 2:
            return set(self._grams.get(part, ()))
        pairs = [self._grams.get(part[i:i + 2], ()) for i in range(len(part) - 1)]
        keys = self._keys
        return {number for number in min(pairs, key=len) if part in keys[number]}

    def _candidates(self, q_key: str, q_words: list[str]) -> tuple[set[int], dict[int, int], set[int]]:
        """The entries with a name that may match: its key contains ``q_key``, or words of
        the query that make up at least half of them (counted as often as they occur). Also
        how many of the query's words each name key holds, and the keys that hold ``q_key``."""
        whole = self._containing(q_key)
        holding: dict[int, int] = {}  # name key number -> query words it contains
        for word, times in Counter(q_words).items():
            for number in self._containing(word):
                holding[number] = holding.get(number, 0) + times
        names = whole | {number for number, held in holding.items() if 2 * held >= len(q_words)}
        return {self._owner[number] for number in names}, holding, whole

    def search(self, q: str, *, cls: str | None = None, limit: int = 10) -> list[tuple[str, float]]:
        """The IRIs that match ``q`` with their scores, best first."""
        q_key = key(q)
        if not q_key:
            return []
        q_words = words(q)
        candidates, holding, whole = self._candidates(q_key, q_words)
        # Each candidate's score, or the most it can be when its words are still to be
        # weighed (a name scores by the words it holds at most): candidates are weighed best
        # bound first, until no bound can reach the results, for a common word is in
        # thousands of names that rank below the first few.
        bounded: list[tuple[float, float, list[IndexedName], Entry]] = []
        for number in candidates:
            entry = self.entries[number]
            if cls is not None and not self.labels.is_a(entry.iri, cls):
                continue
            decided = most = 0.0
            open_names: list[IndexedName] = []
            for name_number, name in enumerate(entry.names, entry.first):
                quick = name.quick(q_key) if name_number in whole else None  # it needs q_key in it
                if quick is None:
                    held = min(1.0, holding.get(name_number, 0) / len(q_words)) if q_words else 0.0
                    bump = 0.6 if len(q_key) > 1 and name_number in whole else 0.0
                    coverage = max(held, bump)
                    if coverage >= 0.5:
                        open_names.append(name)
                        most = max(most, (_BY_WORDS * coverage - name.extra()) * name.weight)
                else:
                    decided = max(decided, quick * name.weight)
            most = max(most, decided)
            if most > 0:
                bounded.append((_shown(most, entry.penalty), decided, open_names, entry))
        bounded.sort(key=lambda b: -b[0])
        found: list[tuple[float, int, str]] = []
        best_scores: list[float] = []  # the best ``limit`` scores so far, the lowest first
        for bound, decided, open_names, entry in bounded:
            if len(best_scores) >= limit and bound < best_scores[0]:
                break  # neither this candidate nor any after it can rank among the results
            best = max([decided, *(n.score(q_key, q_words) * n.weight for n in open_names)])
            if best > 0:
                score = _shown(best, entry.penalty)
                found.append((-score, entry.label_length, entry.iri))
                if len(best_scores) < limit:
                    heapq.heappush(best_scores, score)
                elif score > best_scores[0]:
                    heapq.heapreplace(best_scores, score)
        return [(iri, -score) for score, _, iri in heapq.nsmallest(limit, found)]


def _shown(score: float, penalty: float) -> float:
    """A match's score as results show it: less the penalty of what the entity is, rounded."""
    return round(max(score - penalty, 0.01), 4)


def index_for(request: Request) -> SearchIndex:
    """The search index of the store serving now."""
    labels = labels_for(request)
    return per_generation(request, "search", lambda _store: SearchIndex(labels))


def prepare(app: Any) -> None:
    """Read the serving store's labels and build its search index now, so that the first
    search or page after start-up finds them made (run in the background at start-up; a
    store not built yet is left for the first request, which says so)."""
    with contextlib.suppress(StoreNotFound):
        index_for(Startup(app))  # type: ignore[arg-type]


def query_lang(q: str) -> Lang:
    """The language a query is written in: Thai script → th, else en."""
    return "th" if _THAI_RUN.search(q) else "en"


class SearchResult(BaseModel):
    id: str = Field(description="The entity's IRI.")
    label: str = Field(description="Its label in the requested language.")
    type: str | None = Field(description="The IRI of its most specific class.")
    typeLabel: str | None = Field(description="The label of that class.")
    score: float = Field(description="How well it matches, 0..1; results are best first.")


class SearchResults(BaseModel):
    results: list[SearchResult]


def results(request: Request, q: str, lang: Lang | None, cls: str | None, limit: int) -> list[SearchResult]:
    index = index_for(request)
    labels = index.labels
    lang = lang or query_lang(q)
    found = []
    for iri, score in index.search(q, cls=cls, limit=limit):
        kind = labels.kind(iri)
        found.append(
            SearchResult(
                id=iri,
                label=labels.label(iri, lang),
                type=kind,
                typeLabel=labels.label(kind, lang) if kind else None,
                score=score,
            )
        )
    return found


@router.get("/api/search", response_model=SearchResults, summary="Find entities by name")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="A name or part of one, in Thai, English or romanised Thai.")],
    lang: LangParam = None,
    type: OptionalIriParam = None,
    limit: Annotated[int, Query(ge=1, le=50, description="At most this many results.")] = 10,
) -> SearchResults:
    """Entities whose labels or aliases match ``q``, best first. ``type`` keeps only
    instances of that class (super-classes count); labels are in ``lang``, else in the
    query's language."""
    return SearchResults(results=results(request, q, lang, type, limit))
