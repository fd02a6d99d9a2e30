"""Places after a place marker: "ณ โรงแรมX กรุงเทพฯ", "เดินทางไปกรุงพนมเปญ ราชอาณาจักรกัมพูชา".

Known places and countries come from the lexicon; a venue the lexicon does not know is
read from its head noun (โรงแรม, ศูนย์การประชุม, อาคาร…) up to the next known place, a
stop word or the end of the phrase. Its English name is the head's English word around the
romanised rest ("โรงแรมสายลม" → "Sailom Hotel").
"""

from __future__ import annotations

import re

from aseankg.extract.resolve import Hit, Registry, latin_name, slug_for
from aseankg.extract.text import DocText, is_thai
from aseankg.lexicon import HeadNoun
from aseankg.nlp import romanize
from aseankg.nlp.romanize import romanize_words

__all__ = ["read_places"]

_PLACE_CLASSES = frozenset({"akg:Place", "akg:Country"})
_MAX_CHUNKS = 5
# An address after a venue's name is not part of it: "ศูนย์ราชการ… ถนนแจ้งวัฒนะ".
_ADDRESS = ("ถนน", "ซอย", "แขวง", "เขต", "ตำบล", "อำเภอ")


def _pattern_place(doc: DocText, registry: Registry, offset: int, limit: int) -> Hit | None:
    found = doc.match(doc.res.place_heads, offset, whole=False)
    if found is None:
        return None
    head: HeadNoun = found.value  # type: ignore[assignment]
    text, res, layer = doc.text, doc.res, registry.layer
    known = layer.at(found.end, _PLACE_CLASSES)
    if known is not None and known.end < limit and is_thai(text[known.end]):
        known = None  # "ตึกไทยคู่ฟ้า": a name that only starts like a known place
    if known is not None:  # "นครดานัง": a head noun before a known place
        hit = Hit(offset, known.end, known.slug, known.cls)
        layer.add(hit)
        return hit
    end = found.end
    i = found.end
    chunks = 0
    while i < limit and chunks < _MAX_CHUNKS:
        j = i
        while j < limit and not text[j].isspace() and text[j] not in "(),;:":
            j += 1
        if j == i:
            break
        if chunks and (
            text.startswith(_ADDRESS, i)
            or layer.at(i, _PLACE_CLASSES) is not None
            or doc.match(res.name_stops, i, whole=False)
            or doc.match(res.org_stops, i, whole=False)
            or doc.match(res.place_markers, i)
        ):
            break
        inner = [h for h in layer.within(i, j) if h.cls in _PLACE_CLASSES
                 and not (h.end < j and is_thai(text[h.end]))]  # not the ไทย of ไทยรวมใจ
        if inner:  # "…ริเวอร์ไซด์กรุงเทพฯ": stop before the known place
            j = inner[0].begin
            if j > i:
                end = j
            break
        end = j
        chunks += 1
        k = doc.skip_spaces(j, limit)
        if k == j or k - j > 2 or k >= limit or not (is_thai(text[k]) or text[k].isalpha()):
            break
        i = k
    if end <= found.end:
        return None
    th = re.sub(r"\s+", " ", text[offset:end]).strip()
    rest = re.sub(r"\s+", " ", text[found.end : end]).strip()
    entry = registry.lexicon.lookup(th)
    if entry is not None:
        return Hit(offset, end, entry.slug, entry.cls)
    romanised = romanize_words(th)  # word by word, as unknown bodies
    latn = latin_name(romanised)
    english = head.en.format(latin_name(romanize_words(rest))) if head.en else latn
    slug = slug_for(romanised, th)
    if slug is None:
        return None
    registry.add_entity(slug, "akg:Place", th, english, latn=latn)
    hit = Hit(offset, end, slug, "akg:Place", pattern=True)
    registry.layer.add(hit)
    return hit


def read_places(doc: DocText, registry: Registry, offset: int, limit: int) -> list[Hit]:
    """The places named one after another from ``offset`` (separated by spaces or commas)."""
    text, layer = doc.text, registry.layer
    places: list[Hit] = []
    i = doc.skip_spaces(offset, limit)
    while i < limit:
        hit = layer.at(i, _PLACE_CLASSES) or _pattern_place(doc, registry, i, limit)
        if hit is None:
            break
        places.append(hit)
        j = hit.end
        if j < limit and text[j] == ",":
            j += 1
        k = doc.skip_spaces(j, limit)
        if k - j > 2:
            break
        i = k
    # A venue inside a city: the city holds it.
    for inner, outer in zip(places, places[1:]):
        if inner.pattern and outer.cls in _PLACE_CLASSES:
            predicate = "akg:country" if outer.cls == "akg:Country" else "schema:containedInPlace"
            registry.ref(inner.slug, predicate, outer.slug)
            if outer.cls == "akg:Place":
                country = registry.lexicon.country_of(outer.slug)
                if country:
                    registry.ref(inner.slug, "akg:country", country)
    return places
