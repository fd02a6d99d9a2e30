"""Lexicon names in the text: longest match, on word boundaries, spelling-insensitive.

Matching runs on the comparison key (:func:`aseankg.lexicon.keyed`), so ``WG – AS``,
``WG-AS`` and ``WG - AS`` are one name, Thai digits equal ASCII ones and case does not
matter (except for acronyms such as ITU, which must be written in capitals). A name is taken
only where it starts and ends on a word boundary of the segmentation, and the longest name
at a position wins: ดีอี inside ดีอีเอส is not a mention of its own.

An organisation or country named inside the name of a series, a plan or another named thing
("UNESCO Global Forum", "ASEAN Digital Masterplan") is a mention too.
"""

from __future__ import annotations

from aseankg.extract.resolve import Hit, Registry
from aseankg.extract.text import LONG_NAME, DocText
from aseankg.lexicon import ORGANIZATION_CLASSES, Lexicon

__all__ = ["find_lexicon_names"]

_NESTABLE = ORGANIZATION_CLASSES | {"akg:Country", "akg:WorkingGroup"}
_COUNTRY = frozenset({"akg:Country"})
_HOSTS = frozenset(
    {"akg:MeetingSeries", "akg:Plan", "akg:Fund", "akg:Declaration", "akg:Agreement",
     "akg:PolicyDocument", "akg:Initiative", "akg:Project"}
)


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isalpha())


def _acronym_ok(lexicon: Lexicon, key: str, surface: str) -> bool:
    allowed = lexicon.acronyms.get(key)
    if allowed is None:
        return True
    letters = _letters(surface)
    return any(_letters(a) == letters for a in allowed)


def _compound(doc: DocText, end: int) -> bool:
    """Is the name at ``…end`` the first half of a hyphenated compound name (X-Y)?"""
    text = doc.text
    return end + 1 < doc.end and text[end] in "-–" and (text[end + 1].isalpha())


def _scan(
    doc: DocText,
    lexicon: Lexicon,
    begin_key: int,
    end_key: int,
    exclude: tuple[int, int] | None = None,
    nested: bool = False,
) -> list[Hit]:
    trie = doc.res.names
    key, offsets = doc.key, doc.offsets
    hits: list[Hit] = []
    k = begin_key
    # only where a name's first two characters stand (one regular expression pass), not at
    # every character of the article
    for opening in trie.openings().finditer(key, begin_key, end_key):
        if opening.start() < k:
            continue  # inside the name just found
        k = opening.start()
        offset = offsets[k]
        word_start = doc.starts_word(offset)
        if word_start or doc.starts_syllable(offset):
            for key_end, slug in reversed(trie.matches(key, k)):
                if key_end > end_key or (k, key_end) == exclude:
                    continue
                long = key_end - k >= LONG_NAME
                if not (word_start or long):
                    continue
                end = doc.key_end_offset(key_end)
                if not (doc.ends_word(end) or (long and doc.ends_syllable(end))):
                    continue
                if slug and not _acronym_ok(lexicon, key[k:key_end], doc.text[offset:end]):
                    continue
                if slug and lexicon.entries[slug].cls == "akg:MeetingSeries" and _compound(doc, end):
                    continue  # "การประชุมรัฐมนตรีดิจิทัลอาเซียน-ญี่ปุ่น" is another series
                if slug:  # "" marks a word that contains a name but names nothing
                    hits.append(Hit(offset, end, slug, lexicon.entries[slug].cls))
                if not nested:
                    k = key_end
                break
    return hits


def find_lexicon_names(doc: DocText, registry: Registry) -> list[Hit]:
    """Every lexicon name of the body, added to ``registry.layer``."""
    lexicon = registry.lexicon
    hits = _scan(doc, lexicon, 0, len(doc.key))
    nested: list[Hit] = []
    for hit in hits:
        # "UNESCO Global Forum" names UNESCO; "กระทรวงการพัฒนาดิจิทัลและสารสนเทศสิงคโปร์" names
        # Singapore (a country in an organisation's name, not another organisation)
        inside = _NESTABLE if hit.cls in _HOSTS else _COUNTRY if hit.cls in ORGANIZATION_CLASSES else None
        if inside:
            kb, ke = doc.key_index(hit.begin), doc.key_index(hit.end)
            nested.extend(
                inner for inner in _scan(doc, lexicon, kb, ke, exclude=(kb, ke), nested=True)
                if inner.cls in inside
            )
    for hit in hits + nested:
        registry.layer.add(hit)
    return hits + nested
