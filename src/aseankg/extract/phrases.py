"""Lists of names: "X และ Y", "กับ 3 ประเทศคือ A B C", "(จีน ญี่ปุ่น … และ ITU)",
"รัฐบาลของประเทศสมาชิกของ X", used for parties, attendees and counterparts.

An item is an entity named by the lexicon or a pattern, or a post named alone (its holder in
the document, else its organisation). The country that qualifies an organisation
("…แห่งราชอาณาจักรไทย") and an abbreviation in parentheses ("(ดีอี)") belong to the item
before them, not to the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from aseankg.extract.posts import PostMention
from aseankg.extract.resolve import Registry
from aseankg.extract.text import DocText
from aseankg.lexicon import ORGANIZATION_CLASSES

__all__ = ["Item", "read_list"]

ITEM_CLASSES = ORGANIZATION_CLASSES | {"akg:Country", "akg:Person"}
_FILLERS = (
    "และ", "กับ", "รวมทั้ง", "ตลอดจน", "ประเทศคือ", "ประเทศ คือ", "คือ", "ได้แก่", "ทั้ง",
    "ผู้แทนจาก", "ผู้แทน", "ตัวแทน", "ฝ่าย",
)
_QUALIFIERS = ("ของประเทศ", "แห่งประเทศ", "ของ", "แห่ง")


@dataclass
class Item:
    slug: str
    begin: int
    end: int
    elided: bool = False  # the name ended in ฯ: the list goes on beyond what is written
    represents: str | None = None  # "X ผู้แทนองค์การ Y": the body a person speaks for
    # "รัฐบาลของประเทศสมาชิกของ X": the item X stands for its member states (or their
    # governments); the phrase as written, for the names built from the list
    members: str | None = None


def read_list(
    doc: DocText,
    registry: Registry,
    begin: int,
    end: int,
    alone: list[PostMention],
    classes: frozenset[str] = ITEM_CLASSES,
) -> tuple[list[Item], int]:
    """The items listed from ``begin`` (before ``end``) and where the list stops."""
    text, layer, res = doc.text, registry.layer, doc.res
    posts = {p.begin: p for p in alone}
    items: list[Item] = []
    members: str | None = None  # a member-states phrase waiting for the body it qualifies
    i = begin
    while i < end:
        ch = text[i]
        if ch in " \xa0\t,:" or ch.isdigit():
            i += 1
            continue
        if ch == "(":
            close = text.find(")", i, end)
            if close < 0:
                break
            inner, _ = read_list(doc, registry, i + 1, close, alone, classes)
            items.extend(x for x in inner if x.slug not in {y.slug for y in items})
            i = close + 1
            continue
        member = doc.match(res.member_governments, i, whole=False)
        if member is not None:
            members = text[member.begin : member.end]
            i = member.end
            continue
        post = posts.get(i)
        if post is not None:
            who = post.holder or post.org
            if who:
                items.append(Item(who, post.begin, post.end))
            i = post.end
            continue
        hit = layer.at(i)
        if hit is not None:
            if hit.cls == "akg:Person" and hit.cls in classes:
                # "Mr. X ผู้แทนองค์การ Y": X for Y
                j = doc.skip_spaces(hit.end, end)
                rep = doc.match(res.representative, j, whole=False)
                body = layer.at(doc.skip_spaces(rep.end, end)) if rep is not None else None
                if body is not None and body.cls in ORGANIZATION_CLASSES | {"akg:Country"}:
                    items.append(Item(hit.slug, hit.begin, body.end, represents=body.slug))
                    i = body.end
                    continue
            if hit.cls in classes:
                elided = hit.end < end and text[hit.end] == "ฯ"
                items.append(Item(hit.slug, hit.begin, hit.end + (1 if elided else 0), elided, members=members))
                members = None
            elif hit.cls not in ("akg:Place",):
                break
            i = hit.end + (1 if hit.end < end and text[hit.end] == "ฯ" else 0)
            # "…แห่งราชอาณาจักรไทย": the country qualifies the item before it
            for q in _QUALIFIERS:
                if text.startswith(q, i):
                    country = layer.at(i + len(q), {"akg:Country"})
                    if country is not None:
                        i = country.end
                        break
            continue
        for word in _FILLERS:
            if text.startswith(word, i):
                i += len(word)
                break
        else:
            break
    # the same entity twice (an abbreviation after its name) counts once
    seen: set[str] = set()
    unique = [x for x in items if not (x.slug in seen or seen.add(x.slug))]
    return unique, i
