"""Posts: the words after a name ("นายX รัฐมนตรีว่าการกระทรวงY"), or before it
("เลขาธิการอาเซียน ดร.X"), become :class:`akg:Position` entities.

A post title comes from the vocabulary; its organisation is the name that follows it
(กระทรวง…, an abbreviation such as ดีอี), the government of the country the phrase names
("รองนายกรัฐมนตรี…ของเมียนมา"; by default Thailand's), or fixed (เลขาธิการอาเซียน → the ASEAN
Secretariat). Two posts joined by และ are two positions; "ในฐานะหัวหน้าคณะผู้แทนไทย" is a post
held for the occasion. A post written without a name ("ปลัดกระทรวงฯ") is not a new person:
it refers to the person of the document who holds it, if there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aseankg.extract.people import PersonMention
from aseankg.extract.resolve import Registry, latin_name, slug_for
from aseankg.extract.text import DocText
from aseankg.lexicon import ORGANIZATION_CLASSES, PostTitle
from aseankg.extract.model import Value
from aseankg.nlp import romanize

__all__ = ["PostMention", "find_posts"]

_ORG_LIKE = ORGANIZATION_CLASSES | {"akg:WorkingGroup"}
_ARTICLE_FREE = ("the ", "The ")


@dataclass
class PostMention:
    """A post named at ``text[begin:end]``."""

    begin: int
    end: int
    post: PostTitle
    org: str | None  # the organisation's slug; None when elided ("ปลัดกระทรวงฯ")
    country: str | None = None  # for government posts: the country named with the post
    holder: str | None = None
    position: str | None = None  # the Position's slug once made


def _parse_one(doc: DocText, registry: Registry, offset: int, limit: int) -> PostMention | None:
    found = doc.match(doc.res.posts, offset, whole=False)
    if found is None:
        return None
    post: PostTitle = found.value  # type: ignore[assignment]
    text, layer = doc.text, registry.layer
    end = found.end
    if post.org == "follows":
        q = end + 1 if end < limit and text[end] == " " else end
        hit = layer.at(q, _ORG_LIKE)
        if hit is None and q != end:
            return None
        if hit is None:
            # "ปลัดกระทรวงฯ", "รัฐมนตรีฯ": the organisation is elided.
            m = re.match(r"(?:กระทรวง|กรม|สำนักงาน)?ฯ", text[end:limit])
            if m is None or not doc.ends_word(end + m.end()):
                return None
            return PostMention(offset, end + m.end(), post, None)
        return PostMention(offset, hit.end, post, hit.slug)
    if post.org == "government":
        if not doc.ends_word(end):
            return None
        q = end
        for qualifier in ("ของ", "แห่ง", ""):
            if text.startswith(qualifier, end):
                hit = layer.at(end + len(qualifier), {"akg:Country"})
                if hit is not None:
                    return PostMention(offset, hit.end, post, None, hit.slug)
        return PostMention(offset, q, post, None)
    if not doc.ends_word(end):
        return None
    return PostMention(offset, end, post, post.org)


def _skip_paren(doc: DocText, registry: Registry, offset: int) -> int:
    """After an organisation: skip its abbreviation in parentheses, "(ดีอี)"."""
    text = doc.text
    i = doc.skip_spaces(offset)
    if i < doc.end and text[i] == "(":
        close = text.find(")", i, min(doc.end, i + 40))
        if close > 0:
            return close + 1
    return offset


def parse_phrase(doc: DocText, registry: Registry, offset: int, limit: int) -> list[PostMention]:
    """The posts written from ``offset``: one, or several joined by และ, with "ในฐานะ"."""
    res, text = doc.res, doc.text
    posts: list[PostMention] = []
    i = doc.skip_spaces(offset, limit)
    if i < limit and text[i] == ",":
        i = doc.skip_spaces(i + 1, limit)
    while i < limit:
        capacity = doc.match(res.post_capacity, i, whole=False)
        if capacity is not None:
            i = doc.skip_spaces(capacity.end, limit)
        one = _parse_one(doc, registry, i, limit)
        if one is None:
            break
        posts.append(one)
        j = _skip_paren(doc, registry, one.end)
        k = doc.skip_spaces(j, limit)
        joiner = doc.match(res.post_joiners, k, whole=False)
        if joiner is not None and doc.match(res.posts, joiner.end, whole=False):
            i = joiner.end
            continue
        if doc.match(res.post_capacity, k, whole=False):
            i = k
            continue
        break
    if not posts:
        return posts
    # A country closing the phrase ("…ของเมียนมา") is the government posts' country.
    last = posts[-1]
    phrase_country = None
    after = last.end + 1 if text.startswith(" ", last.end) else last.end
    for qualifier in ("ของ", "แห่ง", ""):
        if text.startswith(qualifier, after):
            hit = registry.layer.at(after + len(qualifier), {"akg:Country"})
            if hit is not None:
                phrase_country = hit.slug
                break
    if phrase_country is None:
        for p in posts:
            if p.org and p.post.org == "follows":
                country = registry.lexicon.country_of(p.org) or _pattern_country(registry, p.org)
                if country:
                    phrase_country = country
                    break
    for p in posts:
        if p.post.org == "government" and p.country is None:
            p.country = phrase_country or registry.lexicon.vocabulary.default_country
        if p.post.org == "government":
            p.org = f"government-of-{p.country}"
    return posts


def _pattern_country(registry: Registry, slug: str) -> str | None:
    facts = registry.facts_of(slug, "akg:country")
    return facts[0].object.slug if facts else None  # type: ignore[union-attr]


def _with_article(name: str) -> str:
    if name.startswith(_ARTICLE_FREE) or (name.isupper() and " " not in name):
        return name
    return "the " + name


def _org_english(registry: Registry, slug: str) -> str | None:
    entity = registry.entity(slug) or (registry.lexicon.get(slug).entity if registry.lexicon.get(slug) else None)
    if entity is None:
        return None
    en = entity.labels.get("en")
    if en is None or (not entity.curated and en == entity.labels.get("th-Latn")):
        return None
    return en


def _titles(registry: Registry, p: PostMention) -> tuple[str, str | None]:
    """The Thai and English title of a post."""
    lexicon = registry.lexicon
    post = p.post
    th = post.th[0]
    country_en = None
    if p.country and p.country in lexicon.entries:
        country_entity = lexicon.entries[p.country].entity
        country_en = country_entity.labels["en"]
        if "{country}" in post.en:
            th += country_entity.labels["th"]
    if post.org == "follows" and p.org:
        org_entity = registry.entity(p.org) or registry.ensure_lexicon(p.org)
        th += org_entity.labels.get("th", "")
    org_en = _org_english(registry, p.org) if p.org else None
    if "{org}" in post.en or "{topic}" in post.en:
        if org_en is None:
            return th, None
        org_country = lexicon.country_of(p.org) if p.org else None
        topic = re.sub(r"^(?:the\s+)?(?:Ministry|Department) of\s+", "", org_en)
        if org_country and org_country in lexicon.entries:
            suffix = " of " + lexicon.entries[org_country].entity.labels["en"]
            if topic.endswith(suffix):
                topic = topic[: -len(suffix)]
        en = post.en.format(org=_with_article(org_en), topic=topic, country=country_en or "")
        return th, en
    if "{country}" in post.en:
        return th, post.en.format(country=country_en) if country_en else None
    return th, post.en


def _romanised_title(registry: Registry, p: PostMention) -> str | None:
    """For a label only: the post's English words around the organisation's romanised name."""
    if p.org is None or "{org}" not in p.post.en and "{topic}" not in p.post.en:
        return None
    entity = registry.entity(p.org)
    latn = entity.labels.get("th-Latn") if entity else None
    if not latn:
        return None
    return p.post.en.format(org=latn, topic=latn, country="")


def make_position(doc: DocText, registry: Registry, p: PostMention) -> str | None:
    """The Position of ``p.holder`` in ``p``'s post: entity, facts and mention."""
    if p.holder is None or p.org is None:
        return None
    holder = registry.entity(p.holder)
    if holder is None:
        return None
    th, en = _titles(registry, p)
    key = p.post.key if p.post.org == "government" else f"{p.post.key}-{p.org}"
    slug = slug_for(f"position-{p.holder}-{key}")
    if slug is None:
        return None
    holder_th = holder.labels.get("th", holder.labels.get("en", p.holder))
    holder_en = holder.labels.get("en", holder_th)
    en_title = en or _romanised_title(registry, p) or latin_name(romanize(th))
    registry.add_entity(
        slug, "akg:Position", f"{th} — {holder_th}", f"{en_title} — {holder_en}", latn=None
    )
    registry.ref(slug, "akg:holder", p.holder)
    registry.ref(slug, "akg:organization", p.org)
    registry.fact(slug, "akg:title", Value(th, lang="th"))
    if en:
        registry.fact(slug, "akg:title", Value(en, lang="en"))
    if doc.document.issued:
        registry.fact(slug, "akg:attestedOn", Value(doc.document.issued.isoformat(), "xsd:date"))
    registry.ref(p.holder, "akg:holds", slug)
    registry.mention(slug, p.begin, p.end)
    p.position = slug
    return slug


def _post_starts(doc: DocText) -> list[int]:
    """Word starts where a post title begins."""
    return [f.begin for f in doc.find_prefixes(doc.res.posts)]


def find_posts(
    doc: DocText, registry: Registry, people: list[PersonMention]
) -> tuple[list[PostMention], list[PostMention]]:
    """Posts of the people named (held) and posts named alone (for coreference)."""
    held: list[PostMention] = []
    used: set[int] = set()
    starts = {m.begin: m for m in people}
    for person in people:
        line_end = doc.line_of(person.begin)[1]
        for p in parse_phrase(doc, registry, person.end, line_end):
            p.holder = person.slug
            held.append(p)
            used.update(range(p.begin, p.end))
    # Posts written alone, or before the name ("เลขาธิการอาเซียน ดร.X").
    alone: list[PostMention] = []
    for found in _post_starts(doc):
        i = found
        if i in used or any(h.begin < i < h.end for h in registry.layer.covering(i)):
            continue
        line_end = doc.line_of(i)[1]
        phrase = parse_phrase(doc, registry, i, line_end)
        if not phrase or phrase[0].begin != i:
            continue
        after = doc.skip_spaces(phrase[-1].end, line_end)
        person = starts.get(after)
        for p in phrase:
            if person is not None and after - phrase[-1].end <= 2:
                p.holder = person.slug
                held.append(p)
            else:
                alone.append(p)
        used.update(range(i, phrase[-1].end))
    for p in held:
        make_position(doc, registry, p)
        registry.post_spans.append((p.begin, p.end))
    # Coreference: a post named alone is the one person here who holds it.
    for p in alone:
        holders = {
            h.holder
            for h in held
            if h.post.key == p.post.key and (p.org is None or h.org == p.org)
        }
        if len(holders) == 1:
            p.holder = next(iter(holders))
    return held, alone

