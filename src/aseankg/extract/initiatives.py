"""Funded projects and who pushed for what.

"…จากกองทุน X จำนวน 1 โครงการ คือ โครงการ <English title> จำนวน 57,900 ดอลลาร์สหรัฐ": a
project (akg:Project) with its funder (akg:fundedBy: the fund named before it in the
sentence) and amount (akg:amount, schema:currency). "ผลักดันการจัดตั้ง X", "Y เป็นผู้ขับเคลื่อน…":
X akg:proposedBy Y, Y being the person (a post named alone stands for its holder),
organisation or country named nearest before the verb.
"""

from __future__ import annotations

import re

from aseankg.extract.model import Value
from aseankg.extract.posts import PostMention
from aseankg.extract.resolve import Hit, Registry, slug_for
from aseankg.extract.text import DocText
from aseankg.lexicon import ORGANIZATION_CLASSES

__all__ = ["find_funding", "find_proposals"]

_TITLE = re.compile(r"[A-Za-z][A-Za-z0-9 ,:;'’\-–&/().]*[A-Za-z0-9)]")
_AMOUNT = re.compile(r"\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*")
_PROPOSABLE = frozenset(
    {"akg:WorkingGroup", "akg:PolicyDocument", "akg:Agreement", "akg:Declaration", "akg:Plan",
     "akg:Initiative", "akg:Project", "akg:MoU"}
)
_PROPOSERS = ORGANIZATION_CLASSES | {"akg:Country", "akg:Person"}
_FUNDERS = ORGANIZATION_CLASSES | {"akg:Fund", "akg:Country"}
_SLUG_WORDS = 10


def find_funding(doc: DocText, registry: Registry) -> None:
    """Projects with an English title after โครงการ, their funder and amount."""
    text, res = doc.text, doc.res
    for found in doc.find_prefixes(res.org_heads):
        if found.value.cls != "akg:Project":  # type: ignore[attr-defined]
            continue
        line_b, line_e = doc.line_of(found.begin)
        i = doc.skip_spaces(found.end, line_e)
        m = _TITLE.match(text, i, line_e)
        if m is None or len(m.group(0).split()) < 3:
            continue
        title = m.group(0).strip()
        words = re.sub(r"[^A-Za-z0-9 -]+", " ", title).split()
        slug = slug_for(" ".join(words[:_SLUG_WORDS]))
        if slug is None or slug in registry.lexicon.entries:
            continue
        registry.add_entity(slug, "akg:Project", re.sub(r"\s+", " ", text[found.begin : m.end()]), title, latn=None)
        registry.layer.add(Hit(found.begin, m.end(), slug, "akg:Project", pattern=True))
        # the amount after the title: "จำนวน 57,900 ดอลลาร์สหรัฐ"
        j = doc.skip_spaces(m.end(), line_e)
        word = doc.match(res.amount_words, j, whole=False)
        if word is not None:
            a = _AMOUNT.match(text, word.end, line_e)
            if a is not None:
                currency = doc.match(res.currencies, a.end(), whole=False)
                if currency is not None:
                    amount = a.group(1).replace(",", "")
                    registry.fact(slug, "akg:amount", Value(amount, "xsd:decimal"))
                    registry.fact(slug, "schema:currency", Value(str(currency.value)))
        # the funder: the fund (or organisation) named last before it in the sentence
        funders = [h for h in registry.layer.top_level(line_b, found.begin) if h.cls in _FUNDERS]
        funds = [h for h in funders if h.cls == "akg:Fund"] or funders
        if funds and found.begin - funds[-1].end <= 200:
            registry.ref(slug, "akg:fundedBy", funds[-1].slug)


def find_proposals(
    doc: DocText, registry: Registry, held: list[PostMention], alone: list[PostMention]
) -> None:
    """X akg:proposedBy Y for "Y ผลักดันการจัดตั้ง X" and the like."""
    text, layer = doc.text, registry.layer
    for found in doc.find_prefixes(doc.res.proposal):
        line_b, line_e = doc.line_of(found.begin)
        # what: the first named thing after the verb, or the one "ดังกล่าว" refers to
        target = None
        for hit in layer.top_level(found.end, min(line_e, found.end + 120)):
            if hit.cls in _PROPOSABLE or hit.cls.endswith("Meeting"):
                target = hit
                break
            if hit.cls == "akg:MeetingSeries":
                series = registry.lexicon.get(hit.slug)
                if series is not None and series.body:
                    target = Hit(hit.begin, hit.end, series.body, "akg:WorkingGroup")
                    break
        if target is None:
            if "ดังกล่าว" not in text[found.end : min(line_e, found.end + 80)]:
                continue
            before = [h for h in layer.top_level(doc.begin, found.begin) if h.cls == "akg:WorkingGroup"]
            if not before:
                continue
            target = before[-1]
        # who: the nearest person, organisation or country before the verb
        start = max(line_b, found.begin - 200)
        who = None
        candidates = [(h.end, h.slug) for h in layer.top_level(start, found.begin) if h.cls in _PROPOSERS]
        candidates += [(p.end, p.holder or p.org) for p in alone if start <= p.begin and p.end <= found.begin]
        candidates = [c for c in candidates if c[1]]
        if candidates:
            who = max(candidates)[1]
        if who and who != target.slug:
            registry.ref(target.slug, "akg:proposedBy", who)
    del held
