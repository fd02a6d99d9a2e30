"""Organisations the lexicon does not know, found by their head noun (กระทรวง…, กรม…,
สำนักงาน…, คณะกรรมการ…), and the words around an organisation's name: the country it is
qualified with ("…ของเมียนมา", "…แห่งราชอาณาจักรกัมพูชา") and an English name or acronym in
parentheses ("(Digital Standards Agency หรือ DSA)").

A name found this way gets its slug from its acronym or English name when the text gives
one, else from its RTGS romanisation (plus the country when it is not the default one, since
many countries have a กระทรวงการต่างประเทศ).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aseankg.extract.resolve import Hit, Layer, Registry, latin_name, slug_for
from aseankg.extract.text import DocText, is_thai
from aseankg.lexicon import ORGANIZATION_CLASSES, HeadNoun, surface_key
from aseankg.nlp import romanize
from aseankg.nlp.romanize import romanize_words

__all__ = [
    "Parenthetical",
    "country_suffix",
    "find_organizations",
    "name_end",
    "parenthetical",
    "translate",
]

_BREAK = set(" \t\n\r\xa0()[],:;\"“”‘’")
_ORG_LIKE = ORGANIZATION_CLASSES | {"akg:WorkingGroup"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-. ]{1,15}$")
# mixed case, one word with at least two capitals: MeitY, MoICT, KemKomdigi
_MIXED_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&\-.]{1,11}$")
_LATIN_NAME = re.compile(r"[A-Za-z]")
_JOINERS = ("และ", "กับ", "หรือ")
_ABOUT = "ว่าด้วย"
_SEPARATORS = re.compile(r"\s+หรือ\s+|\s*[:,;]\s*")


@dataclass
class Parenthetical:
    """``( … )`` after a name: where it is and its parts (split at หรือ, ``:``, ``,``)."""

    begin: int
    end: int
    parts: list[tuple[int, int]]


def parenthetical(doc: DocText, offset: int) -> Parenthetical | None:
    """The parenthesis opening at ``offset`` (after at most two spaces), if any."""
    text = doc.text
    i = offset
    for _ in range(2):
        if i < doc.end and text[i] in " \xa0":
            i += 1
    if i >= doc.end or text[i] != "(":
        return None
    depth, j = 0, i
    limit = min(doc.end, i + 300)
    while j < limit:
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                break
        elif text[j] in "\n\r":
            return None
        j += 1
    else:
        return None
    inner_b, inner_e = i + 1, j
    parts: list[tuple[int, int]] = []
    cursor = inner_b
    for sep in list(_SEPARATORS.finditer(text, inner_b, inner_e)) + [None]:
        b, e = cursor, (sep.start() if sep else inner_e)
        while b < e and text[b] in " \xa0(":
            b += 1
        while e > b and text[e - 1] in " \xa0)":
            e -= 1
        if b < e:
            parts.append((b, e))
        if sep:
            cursor = sep.end()
    return Parenthetical(i, j + 1, parts)


def translate(doc: DocText, text: str) -> str | None:
    """The English of a Thai name built from glossary words only, or None."""
    res = doc.res
    key = surface_key(text)
    words: list[str] = []
    i = 0
    while i < len(key):
        if key[i] == " ":
            i += 1
            continue
        found = res.glossary.longest(key, i)
        if found is None:
            return None
        i, english = found
        if english:
            words.append(english)
    return " ".join(words) or None


def name_end(doc: DocText, start: int, limit: int, layer: Layer | None = None) -> int:
    """Where a Thai name that starts before ``start`` ends: at a space, a bracket, a stop
    word, a joiner (และ, กับ) before another name, or after the country that qualifies it
    (with the names found so far in ``layer``)."""
    res, text = doc.res, doc.text
    i = start
    while i < limit:
        ch = text[i]
        if ch in _BREAK:
            break
        if i > start and doc.starts_word(i):
            if doc.match(res.org_stops, i, whole=False):
                break
            qualifier = doc.match(res.qualifiers, i, whole=False)
            if qualifier is not None and layer is not None:
                hit = layer.at(qualifier.end, {"akg:Country"})
                if hit is not None and hit.end < limit and is_thai(text[hit.end]):
                    return hit.end  # "…ของสวีเดนมาลงทุน": the country closes the name
            for joiner in _JOINERS:
                if text.startswith(joiner, i):
                    after = i + len(joiner)
                    if doc.match(res.org_heads, after, whole=False) or doc.match(res.names, after):
                        return i
        i += 1
    return i


def country_suffix(doc: DocText, registry: Registry, begin: int, end: int) -> tuple[int, str] | None:
    """``(start of the qualifier, country)`` when ``text[begin:end]`` ends with a country
    (after ของ / แห่ง / ของประเทศ / nothing)."""
    best: Hit | None = None
    for hit in registry.layer.within(begin, end):
        if hit.end == end and hit.cls == "akg:Country" and hit.begin >= begin:
            if best is None or hit.begin < best.begin:
                best = hit
    if best is None:
        return None
    text = doc.text
    qual_begin = best.begin
    for q in doc.res.lexicon.vocabulary.country_qualifiers:
        if best.begin - len(q) >= begin and text[best.begin - len(q) : best.begin] == q:
            qual_begin = min(qual_begin, best.begin - len(q))
    return qual_begin, best.slug


def _compatible(head: HeadNoun, cls: str) -> bool:
    if head.cls in ORGANIZATION_CLASSES:
        return cls in _ORG_LIKE
    return cls == head.cls or (head.cls == "akg:WorkingGroup" and cls in _ORG_LIKE)


def _latin_parts(doc: DocText, paren: Parenthetical | None) -> tuple[list[tuple[int, int]], str | None, str | None]:
    """The Latin parts of a parenthetical, its acronym and its English name."""
    if paren is None:
        return [], None, None
    text = doc.text
    latin = [(b, e) for b, e in paren.parts if _LATIN_NAME.search(text[b:e]) and not is_thai(text[b])]
    acronym = english = None
    for b, e in latin:
        part = text[b:e].strip()
        if (_ACRONYM.match(part) and len(part.replace(" ", "")) <= 10) or _MIXED_ACRONYM.match(part):
            acronym = acronym or part
        elif len(part.split()) >= 2:
            english = english or part
    return latin, acronym, english


def _known_with_country(doc: DocText, registry: Registry, base: str, country: str | None):
    """The lexicon entry named ``base`` followed by a name of ``country`` (with ของ / แห่ง or
    nothing between), if any, and of that country."""
    lexicon = registry.lexicon
    entry = lexicon.get(country) if country else None
    if entry is None:
        return None
    base = base.strip()
    for name, lang in [(entry.entity.labels.get("th", ""), "th"), *entry.names]:
        if lang != "th" or not name:
            continue
        for qualifier in ("", "ของ", "แห่ง", " "):
            found = lexicon.lookup(base + qualifier + name)
            if found is not None and lexicon.country_of(found.slug) == country and found.slug != country:
                return found
    return None


def _make_org(
    doc: DocText,
    registry: Registry,
    head: HeadNoun,
    begin: int,
    base_end: int,
    end: int,
    country: str | None,
) -> None:
    lexicon = registry.lexicon
    text = doc.text
    paren = parenthetical(doc, end)
    latin, acronym, english = _latin_parts(doc, paren)
    # A parenthetical that names a lexicon entity resolves the Thai name to it.
    for b, e in latin:
        entry = lexicon.lookup(text[b:e])
        own = lexicon.country_of(entry.slug) if entry is not None else None
        if country is not None and own is not None and own != country:
            continue  # same English name, another country's body
        if entry is not None and _compatible(head, entry.cls):
            registry.layer.add(Hit(begin, end, entry.slug, entry.cls))
            registry.add_entity(entry.slug, entry.cls, None, alt=((text[begin:end], "th"),))
            return
    # "สำนักงาน…ไซเบอร์แห่งสิงคโปร์" for the lexicon's "สำนักงาน…ไซเบอร์สิงคโปร์": the same body
    # with its country written another way
    known = _known_with_country(doc, registry, text[begin:base_end], country)
    if known is not None and _compatible(head, known.cls):
        registry.layer.add(Hit(begin, end, known.slug, known.cls))
        registry.add_entity(known.slug, known.cls, None, alt=((text[begin:end], "th"),))
        return
    default = lexicon.vocabulary.default_country
    th = re.sub(r"\s+", " ", text[begin:end]).strip()
    romanised = romanize_words(text[begin:base_end])
    # an unqualified ministry or agency in Thai government news is Thailand's ("…แห่งชาติ" is
    # "national"); one qualified by a name we do not know as a country is not assumed to be
    if country is None and head.cls in ("akg:Ministry", "akg:GovernmentAgency") and not re.search(
        r"(?:แห่ง|ของ)(?!ชาติ)", text[begin + len(head.th) : base_end]
    ):
        country = default
    suffix = f" {country}" if country and country != default else ""
    slug = None
    if acronym and (slug_for(acronym) not in lexicon.entries):
        slug = slug_for(acronym)
    if slug is None and english:
        slug = slug_for(english)
    if slug is None or slug in lexicon.entries:
        slug = slug_for(romanised + suffix, romanised) or slug_for("organization " + th)
    if english is None and head.en:
        rest = translate(doc, text[begin + len(head.th) : base_end]) if text.startswith(head.th, begin) else None
        if rest:
            english = head.en.format(rest)
            if country and country != default and country in lexicon.entries:
                english += f" of {lexicon.entries[country].entity.labels['en']}"
    alt = ((acronym, "en"),) if acronym else ()
    words = th
    registry.add_entity(slug, head.cls, th, english, latn=latin_name(romanize_words(words)), alt=alt)
    if country:
        registry.ref(slug, "akg:country", country)
    registry.layer.add(Hit(begin, end, slug, head.cls, pattern=True, country=country))
    for b, e in latin:
        for other in registry.layer.within(b, e):  # the English name is this body's, not a namesake's
            if not other.pattern and other.cls in _ORG_LIKE:
                registry.layer.remove(other)
        registry.layer.add(Hit(b, e, slug, head.cls, pattern=True))
    if acronym and slug == slug_for(acronym):
        # the acronym the article defines is this body's wherever the article uses it again
        at = text.find(acronym, paren.end if paren else end, doc.end)
        while at >= 0:
            after = at + len(acronym)
            if doc.starts_word(at) and doc.ends_word(after):
                for other in registry.layer.within(at, after):
                    if not other.pattern:
                        registry.layer.remove(other)
                if registry.layer.at(at) is None:
                    registry.layer.add(Hit(at, after, slug, head.cls, pattern=True))
            at = text.find(acronym, after, doc.end)


def _about(doc: DocText, end: int, limit: int, layer: Layer) -> int:
    """"ปฏิญญาฮานอยว่าด้วยการ… (Hanoi Declaration on …)": a declaration's, plan's or
    agreement's name goes on over ว่าด้วย when its English name follows the whole."""
    if not doc.text.startswith(_ABOUT, end):
        return end
    longer = name_end(doc, end + len(_ABOUT), limit, layer)
    paren = parenthetical(doc, longer)
    return longer if paren is not None and _latin_parts(doc, paren)[2] else end


def _generic(doc: DocText, offset: int) -> bool:
    return doc.match(doc.res.org_generic, offset, whole=False) is not None


def find_organizations(doc: DocText, registry: Registry) -> None:
    """Organisations named by a head noun; lexicon names qualified by another country."""
    res, text, layer = doc.res, doc.text, registry.layer
    lexicon = registry.lexicon
    for found in doc.find_prefixes(res.org_heads):
        head: HeadNoun = found.value  # type: ignore[assignment]
        hb, he = found.begin, found.end
        if any(h.begin < hb for h in layer.covering(hb + 1)):
            continue  # inside a longer name
        place = doc.match(res.place_heads, hb, whole=False)
        if place is not None and place.end > he:
            continue  # ศูนย์ราชการ… is a place, not a ศูนย์
        line_end = doc.line_of(hb)[1]
        end = name_end(doc, he, line_end, layer)
        if head.cls not in ORGANIZATION_CLASSES:
            end = _about(doc, end, line_end, layer)
        lex = layer.at(hb)
        if lex is not None and not lex.pattern:
            if lex.end >= end:
                continue
            suffix = country_suffix(doc, registry, lex.end, end)
            if suffix is not None and suffix[0] == lex.end:
                own = lexicon.country_of(lex.slug)
                if own in (None, suffix[1]):
                    lex.country = suffix[1]
                    continue
                layer.remove(lex)
                _make_org(doc, registry, head, hb, lex.end, end, suffix[1])
                continue
            extra_end = suffix[0] if suffix else end
            if translate(doc, text[lex.end : extra_end]) is None:
                continue
            layer.remove(lex)
            _make_org(doc, registry, head, hb, extra_end, end, suffix[1] if suffix else None)
            continue
        if lex is not None:
            continue
        # A head noun before a known name: กระทรวงดีอี, ศูนย์ AOC, กองทุน ASEAN ICT Fund.
        after = he
        if after < doc.end and text[after] == " ":
            after += 1
        nxt = layer.at(after)
        if nxt is not None and nxt.end < end:
            # "คณะกรรมการโทรคมนาคมแห่งชาติฟิลิปปินส์": the known name goes on with another
            # country than its own: another body, named like it
            other = country_suffix(doc, registry, nxt.end, end)
            own = lexicon.country_of(nxt.slug)
            if other is not None and own is not None and own != other[1]:
                layer.remove(nxt)
                nxt = None
        if nxt is not None and _compatible(head, nxt.cls) and (after == he or not is_thai(text[after]) or nxt.end - nxt.begin <= 8):
            layer.remove(nxt)  # one mention: the name with its head noun
            layer.add(Hit(hb, nxt.end, nxt.slug, nxt.cls))
            continue
        if he >= end or _generic(doc, he):
            continue
        suffix = country_suffix(doc, registry, he, end)
        if suffix is None and end < line_end and text[end] == " ":
            # "กระทรวงป้องกันความสงบ สปป.ลาว": the country after a space
            after = layer.at(end + 1, {"akg:Country"})
            if after is not None and (after.end >= line_end or not is_thai(text[after.end])
                                      or doc.starts_word(after.end)):
                suffix = (end, after.slug)
                end = after.end
        base_end = suffix[0] if suffix else end
        rest = text[he:base_end]
        if sum(1 for c in rest if is_thai(c)) < 3:
            continue
        proposed = any(
            text[max(doc.begin, hb - len(w)) : hb] == w for w in lexicon.vocabulary.organization_proposed
        )
        strict = head.strict and "จำกัด" not in text[end : end + 8]
        if head.cls not in ORGANIZATION_CLASSES or proposed or strict:
            # Weaker heads (โครงการ, ระบบ, กองทุน…), and a body still to be set up
            # ("การจัดตั้งศูนย์…"), name a thing only with a Latin name or an explanation in
            # parentheses.
            paren = parenthetical(doc, end)
            if paren is None or not _latin_parts(doc, paren)[0]:
                continue
        if proposed:  # a body still to be set up is an initiative, not yet an organisation
            head = HeadNoun(head.th, "akg:Initiative", head.en)
        _make_org(doc, registry, head, hb, base_end, end, suffix[1] if suffix else None)
