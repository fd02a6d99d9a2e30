"""People named after an honorific, a title or a rank (นาย, น.ส., ดร., ศาสตราจารย์พิเศษ,
พลเอก, H.E. …).

Where the name ends is the question. A Thai name is a given name, a space and a family name
("นายสมชาย ใจดี"); PyThaiNLP's lists of Thai given and family names tell a Thai name from a
foreign one. A foreign name written in Thai ("พลเอกซอ วิน ลัต", "ดร.ลิม เฉิง ฮวด") runs over
several short space-separated words up to a post title, a stop word (กล่าว, และ, พร้อมด้วย…),
punctuation or the end of the line. A given name alone ("นายสมชายกล่าว") names the person
named in full elsewhere in the document.

The honorifics are split off the name: the name is the prefLabel, the name with its
honorifics an altLabel.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from aseankg.extract.resolve import Hit, Registry, latin_name, slug_for
from aseankg.extract.text import _MARKS, DocText, is_thai
from aseankg.nlp import romanize

__all__ = ["PersonMention", "find_people"]

_STOP_CHARS = set("(),;:\"“”‘’[]")
_MAX_FOREIGN_CHUNKS = 4
_PAREN_ENGLISH = re.compile(
    r"\s?\((?:(?:H\.E\.|Mr|Mrs|Ms|Dr|Prof|Gen)\.?\s+)*(?P<name>[A-Z][a-zA-Z'’\-]+"
    r"(?:\s+(?:[A-Z][a-zA-Z'’\-]+|(?:von|van|der|den|de|del|da|di|du|la|le|bin|binti|al)(?=\s+[a-zA-Z]))){1,4})\)"
)
_ENGLISH_NAME = re.compile(r"(?:[A-Z][a-zA-Z'’\-]*\.?)(?:\s+[A-Z][a-zA-Z'’\-]*\.?){0,3}")


@dataclass
class PersonMention:
    """A person named at ``text[begin:end]``; the name itself starts at ``name_begin``."""

    begin: int
    name_begin: int
    end: int
    slug: str | None
    name: str
    given_only: bool = False
    english: str | None = None  # "(Ms. Sofia Andersson)" written after the Thai name


def _blocks(doc: DocText, registry: Registry, offset: int) -> bool:
    """Does a word that cannot be part of a name start at ``offset``? (A stop word glued to
    what follows counts: กล่าวว่า, ในช่วง.)"""
    word_end = offset
    while word_end < doc.end and not doc.text[word_end].isspace():
        word_end += 1
    word = doc.text[offset:word_end]
    if word in doc.res.given_names or word in doc.res.family_names:
        return False
    res = doc.res
    if doc.match(res.name_stops, offset, whole=False) or doc.match(res.posts, offset, whole=False):
        return True
    if doc.match(res.post_capacity, offset, whole=False) or doc.match(res.org_heads, offset):
        return True
    hit = registry.layer.at(offset)
    return hit is not None and hit.cls != "akg:Person"


def _chunk(doc: DocText, registry: Registry, begin: int, limit: int) -> tuple[int, bool]:
    """The end of the name word at ``begin`` and whether it was cut before a glued word."""
    text, res = doc.text, doc.res
    end = begin
    while end < limit and not text[end].isspace() and text[end] not in _STOP_CHARS:
        end += 1
    word = text[begin:end]
    if word in res.given_names or word in res.family_names:
        return end, False
    for j in range(begin + 2, end):
        if doc.starts_word(j) and is_thai(text[j]) and _blocks(doc, registry, j):
            if end - j <= 3 and _name_goes_on(doc, end, limit):
                continue  # "ดายัง ฮาลิมะห์": a short word ending a syllable run, more name after
            if _country_ends(registry, j, end):
                continue  # "วงศ์ไทย": a family name that ends with a country's name
            return j, True
    return end, False


def _name_goes_on(doc: DocText, end: int, limit: int) -> bool:
    """Is ``end`` followed by one space and a Thai word that is no stop word (another part of
    the same name)?"""
    text = doc.text
    return (end + 1 < limit and text[end] == " " and is_thai(text[end + 1])
            and not doc.match(doc.res.name_stops, end + 1, whole=False)
            and not doc.match(doc.res.posts, end + 1, whole=False))


def _country_ends(registry: Registry, begin: int, end: int) -> bool:
    hit = registry.layer.at(begin)
    return hit is not None and hit.cls == "akg:Country" and hit.end == end


def _foreign_part(doc: DocText, word: str) -> bool:
    """Can ``word`` be a syllable of a foreign name written in Thai (ซอ วิน ลัต)?"""
    if not word or not all(is_thai(c) or c in "-." for c in word):
        return False
    # a syllable of four letters or fewer, vowel signs and tone marks not counted (เจิ่น,
    # เวือง): Thai family names are longer; a longer word must not be a dictionary word
    if len(word) <= 4 or sum(1 for c in word if c not in _MARKS) <= 4:
        return True
    return word not in doc.res.dictionary


def _given_at(doc: DocText, offset: int) -> bool:
    """Does a Thai given name start at ``offset`` and end on a word boundary?"""
    k = doc.key_index(offset)
    if k >= len(doc.key) or doc.offsets[k] != offset:
        return False
    for key_end, _name in doc.res.given_trie.matches(doc.key, k):
        end = doc.key_end_offset(key_end)
        if doc.ends_word(end) or end >= doc.end or doc.text[end].isspace():
            return True
    return False


def _titles(doc: DocText, offset: int, limit: int) -> int | None:
    """The end of the honorifics and titles starting at ``offset``, or None."""
    res, text = doc.res, doc.text
    end = None
    i = offset
    while i < limit:
        found = doc.match(res.honorifics, i, whole=False)
        if found is None:
            break
        j = found.end
        nxt = text[j] if j < limit else " "
        glued_ok = doc.ends_word(j) or not is_thai(text[j - 1]) or _given_at(doc, j)
        if is_thai(nxt) and not glued_ok:
            break
        end = j
        i = j
        if i < limit and text[i] == " " and text[i - 1] == ".":
            i += 1  # "ดร. สมชาย", "H.E. Mr."
    if end is None:
        return None
    if end < limit and text[end] == " " and text[end - 1] == ".":
        end += 1
    return end


def _read_name(doc: DocText, registry: Registry, p: int, limit: int) -> tuple[int, bool] | None:
    """``(end, given_only)`` of the Thai name starting at ``p``."""
    text, res = doc.text, doc.res
    if p >= limit or not is_thai(text[p]):
        return None
    end1, cut = _chunk(doc, registry, p, limit)
    if end1 - p < 2:
        return None
    given = text[p:end1]
    if cut:
        return end1, True
    q = doc.skip_spaces(end1, limit)
    if q == end1 or q - end1 > 3 or q >= limit or not is_thai(text[q]) or _blocks(doc, registry, q):
        return end1, True
    end2, _cut2 = _chunk(doc, registry, q, limit)
    if end2 - q < 2:
        return end1, True
    family = text[q:end2]
    end = end2
    thai = given in res.given_names or family in res.family_names
    if not thai and _foreign_part(doc, given) and _foreign_part(doc, family):
        chunks = 2
        while chunks < _MAX_FOREIGN_CHUNKS and not _cut2:
            r = doc.skip_spaces(end, limit)
            if r == end or r - end > 2 or r >= limit or not is_thai(text[r]):
                break
            if _blocks(doc, registry, r):
                break
            e, _cut2 = _chunk(doc, registry, r, limit)
            if not _foreign_part(doc, text[r:e]):
                break
            end = e
            chunks += 1
    return end, False


def find_people(doc: DocText, registry: Registry) -> list[PersonMention]:
    """Every person named after an honorific, plus lexicon people named without one."""
    text, layer = doc.text, registry.layer
    people: list[PersonMention] = []
    starts = [f.begin for f in doc.find_prefixes(doc.res.honorifics)]
    for begin, end_line in doc.lines:
        i = begin
        while i < end_line:
            nxt = bisect.bisect_left(starts, i)
            if nxt >= len(starts) or starts[nxt] >= end_line:
                break
            i = starts[nxt]
            titles_end = _titles(doc, i, end_line)
            if titles_end is None:
                i += 1
                continue
            p = titles_end
            known = layer.at(p, {"akg:Person"})
            if known is not None:
                name = text[p:known.end]
                layer.remove(known)
                people.append(PersonMention(i, p, known.end, known.slug, name))
                i = known.end
                continue
            if p < end_line and text[p].isascii() and text[p].isalpha():
                m = _ENGLISH_NAME.match(text, p, end_line)
                if m and len(m.group(0).split()) >= 2:
                    people.append(PersonMention(i, p, m.end(), None, m.group(0)))
                    i = m.end()
                    continue
                i = p
                continue
            read = _read_name(doc, registry, p, end_line)
            if read is None:
                i = p if p > i else i + 1
                continue
            end, given_only = read
            name = re.sub(r"\s+", " ", text[p:end]).strip()
            english = None
            if not given_only:
                m = _PAREN_ENGLISH.match(text, end, end_line)
                if m is not None:
                    english, end = m.group("name"), m.end()
            people.append(PersonMention(i, p, end, None, name, given_only, english))
            i = end
    # Lexicon people named without an honorific.
    named = {(m.name_begin, m.end) for m in people}
    for hit in list(layer):
        if hit.cls == "akg:Person" and (hit.begin, hit.end) not in named:
            people.append(PersonMention(hit.begin, hit.begin, hit.end, hit.slug, text[hit.begin:hit.end]))
            layer.remove(hit)
    people.sort(key=lambda m: m.begin)
    _resolve(doc, registry, people)
    return [m for m in people if m.slug]


def _given(name: str) -> str:
    return name.split(" ")[0]


def _resolve(doc: DocText, registry: Registry, people: list[PersonMention]) -> None:
    """Slugs: lexicon names, then new full names, then given names to a full name."""
    lexicon = registry.lexicon
    by_given: dict[str, set[str]] = {}
    for m in people:
        if m.given_only:
            continue
        if m.slug is None:
            entry = lexicon.lookup(m.name)
            if entry is not None and entry.cls == "akg:Person":
                m.slug = entry.slug
            elif m.english and (entry := lexicon.lookup(m.english)) is not None and entry.cls == "akg:Person":
                m.slug = entry.slug
            else:
                latn = latin_name(romanize(m.name))
                m.slug = slug_for(m.english or latn, m.name)
                if m.slug is None:
                    continue
                th = m.name if any(is_thai(c) for c in m.name) else None
                english = m.english or (m.name if th is None else latn)
                registry.add_entity(m.slug, "akg:Person", th or m.name, english, latn=latn if th else None)
        else:
            registry.ensure_lexicon(m.slug)
        entity = registry.entity(m.slug)
        th_name = entity.labels.get("th", m.name) if entity else m.name
        by_given.setdefault(_given(th_name), set()).add(m.slug)
        by_given.setdefault(_given(m.name), set()).add(m.slug)
    for m in people:
        if m.given_only:
            candidates = by_given.get(m.name, set())
            m.slug = next(iter(candidates)) if len(candidates) == 1 else None
    for m in people:
        if m.slug is None:
            continue
        full = re.sub(r"\s+", " ", doc.text[m.begin : m.end]).strip()
        if m.begin < m.name_begin and not m.given_only:
            registry.add_alt(m.slug, full, "th")
        registry.layer.add(Hit(m.begin, m.end, m.slug, "akg:Person", pattern=True))
