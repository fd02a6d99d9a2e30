"""Memoranda of understanding: "(ร่าง)บันทึกความเข้าใจ(ระหว่าง) X และ Y (ว่าด้วย Z)", or
"X และ Y ลงนามบันทึกความเข้าใจ…".

Parties are the organisations, governments and countries listed (two or more; "รัฐบาลของ
ประเทศสมาชิกของ X" is X); the topic follows ว่าด้วย / ด้าน / เรื่อง. A draft (ร่าง…), or an MoU
not yet signed ("จะลงนาม", "ยังไม่…ลงนาม"), has status Draft; otherwise Signed, with the
signing date when the sentence gives one. When the written name stops at ฯ, the party the
sentence names next (the one still considering the draft) completes it. "…ดังกล่าว" refers
back to the MoU named before.
"""

from __future__ import annotations

import re

from aseankg.extract.model import Ref, Value
from aseankg.extract.phrases import Item, read_list
from aseankg.extract.posts import PostMention
from aseankg.extract.resolve import Hit, Registry, in_running_text, slug_for
from aseankg.extract.text import DocText
from aseankg.lexicon import ORGANIZATION_CLASSES

__all__ = ["find_mous"]

_PARTY_CLASSES = ORGANIZATION_CLASSES | {"akg:Country"}
_TOPIC_END = re.compile(r"\s+(?:ซึ่ง|โดย|เพื่อ|ทั้งนี้|และได้|และจะ|พร้อม|ณ|เมื่อ|ใน(?:วันที่|การ))|\s{2,}|[()\n\r“”\"]")
_CONTEXT = 150


def _label(registry: Registry, slug: str, lang: str, members: str | None = None) -> str:
    """A party's name inside the MoU's name; ``members`` is the member-states phrase before
    it as written ("รัฐบาลของประเทศสมาชิกของ"): the party is those states or their governments."""
    entity = registry.entity(slug)
    if entity is None and registry.lexicon.get(slug):
        entity = registry.lexicon.entries[slug].entity
    name = entity.labels.get(lang, slug) if entity else slug
    if lang == "th":
        return (members or "") + name
    name = in_running_text(name, entity.cls if entity else None)
    if members:
        states = "the Member States of " + name
        return "the Governments of " + states if members.startswith("รัฐบาล") else states
    return name


def find_mous(doc: DocText, registry: Registry, alone: list[PostMention] | None = None) -> None:
    """Every MoU named in the body, as an entity with parties, topic, status and date."""
    res, text = doc.res, doc.text
    alone = alone or []
    previous: str | None = None
    for found in doc.find_prefixes(res.mou_heads):
        b, e = found.begin, found.end
        line_b, line_e = doc.line_of(b)
        draft_words = [w for w in res.lexicon.vocabulary.mou["draft"] if text[max(line_b, b - len(w)) : b] == w]
        draft = bool(draft_words)
        begin = b - len(draft_words[0]) if draft else b
        i = doc.skip_spaces(e, line_e)
        after_anchor = i
        anaphora = doc.match(res.mou_anaphora, i, whole=False)
        if text.startswith("ระหว่าง", i):
            i += len("ระหว่าง")
        items, end = read_list(doc, registry, i, line_e, alone, _PARTY_CLASSES)
        topic_first = None
        if not items and anaphora is None:
            # "บันทึกความเข้าใจว่าด้วย Z ระหว่าง X กับ Y": the topic first, then the parties
            topic_first = _topic_then_parties(doc, registry, i, line_e, alone)
            if topic_first is not None:
                items, end = topic_first[2], topic_first[3]
        with_first = text.startswith("กับ", after_anchor) and len(items) == 1
        if not items or with_first:
            # "X และ Y (ได้ร่วม)ลงนามบันทึกความเข้าใจ…": the parties come first; "X ลงนาม
            # บันทึกความเข้าใจกับ Y": X first, Y after
            sign = doc.first(res.mou_signed, max(line_b, b - 20), b)
            before: list = []
            if sign is not None:
                start = _clause_start(doc, line_b, sign.begin)
                before = _items_before(doc, registry, start, sign.begin, alone)
            if with_first:
                items = before[-1:] + items if before else items
            else:
                items = before
                end = after_anchor
        if anaphora is not None and len(items) < 2:
            if previous is not None:
                registry.layer.add(Hit(begin, anaphora.end, previous, "akg:MoU"))
            continue
        parties = [x.slug for x in items]
        if items and items[-1].elided and len(parties) < 2:
            # the written name stops at ฯ: the party named next in the sentence completes it
            for hit in registry.layer.top_level(end, min(line_e, end + _CONTEXT)):
                if hit.cls in _PARTY_CLASSES and hit.slug not in parties:
                    parties.append(hit.slug)
                    break
        if len(parties) < 2:
            continue
        topic = None
        t = doc.skip_spaces(end, line_e)
        topic_word = doc.match(res.mou_topic, t, whole=False)
        if topic_first is not None:
            topic = text[topic_first[0] : topic_first[1]].strip() or None
            mention_end = end
        elif topic_word is not None:
            m = _TOPIC_END.search(text, topic_word.end, min(line_e, topic_word.end + 200))
            stop = m.start() if m else min(line_e, topic_word.end + 200)
            topic = text[topic_word.end : stop].strip() or None
            mention_end = stop if topic else end
        else:
            mention_end = end
        window = text[max(line_b, b - _CONTEXT) : min(line_e, mention_end + _CONTEXT)]
        unsigned = draft or any(w in window for w in res.lexicon.vocabulary.mou["unsigned"])
        slug = slug_for("mou-" + "-".join(sorted(parties)))
        if slug is None:
            continue
        members = {x.slug: x.members for x in items}
        th = "บันทึกความเข้าใจระหว่าง" + "และ".join(_label(registry, p, "th", members.get(p)) for p in parties)
        en = "Memorandum of Understanding between " + " and ".join(
            _label(registry, p, "en", members.get(p)) for p in parties
        )
        registry.add_entity(slug, "akg:MoU", th, en, latn=None)
        for party in parties:
            registry.fact(slug, "akg:party", Ref(party))
        if topic:
            registry.fact(slug, "akg:topic", Value(topic, lang="th"))
        status = "akg:Draft" if unsigned else "akg:Signed"
        if not registry.has_fact(slug, "akg:status") or status == "akg:Draft":
            registry.drop_facts(slug, "akg:status")
            registry.fact(slug, "akg:status", Ref(status))
        if not unsigned:
            sign = doc.first(res.mou_signed, line_b, line_e)
            if sign is not None and sign.value != "ภายใต้":
                dates = doc.dates_in(max(line_b, b - _CONTEXT), min(line_e, mention_end + _CONTEXT))
                days = [d for d in dates if d.start.day]
                if not days:  # the date that opens the paragraph ("เมื่อวันที่ … ได้ร่วมลงนาม…")
                    days = [d for d in doc.dates_in(line_b, b) if d.start.day and d.span.begin - line_b <= 20]
                if days and not registry.has_fact(slug, "schema:startDate"):
                    lexical, datatype = days[0].start.xsd()
                    registry.fact(slug, "schema:startDate", Value(lexical, datatype))
        registry.layer.add(Hit(begin, max(e, doc.back_spaces(min(mention_end, end))), slug, "akg:MoU"))
        previous = slug


def _topic_then_parties(
    doc: DocText, registry: Registry, offset: int, line_e: int, alone: list[PostMention]
) -> tuple[int, int, list, int] | None:
    """``(topic begin, topic end, parties, list end)`` of "ว่าด้วย Z ระหว่าง X กับ Y" at ``offset``."""
    text = doc.text
    topic_word = doc.match(doc.res.mou_topic, offset, whole=False)
    if topic_word is None:
        return None
    limit = min(line_e, topic_word.end + 200)
    stop = _TOPIC_END.search(text, topic_word.end, limit)
    k = text.find("ระหว่าง", topic_word.end, stop.start() if stop else limit)
    if k < 0:
        return None
    items, end = read_list(doc, registry, k + len("ระหว่าง"), line_e, alone, _PARTY_CLASSES)
    if len(items) < 2:
        return None
    return topic_word.end, k, items, end


def _signatories(registry: Registry, begin: int, end: int) -> list[Item]:
    """"นายA อธิบดีX และนายB ผู้อำนวยการY ได้ร่วมลงนาม…": the bodies of the posts of the
    people who signed are the parties."""
    out: list[Item] = []
    for hit in registry.layer.top_level(begin, end):
        if hit.cls != "akg:Person":
            continue
        for holds in registry.facts_of(hit.slug, "akg:holds"):
            orgs = registry.facts_of(holds.object.slug, "akg:organization")  # type: ignore[union-attr]
            org = orgs[0].object.slug if orgs else None  # type: ignore[union-attr]
            if org and not org.startswith("government-of-") and org not in {x.slug for x in out}:
                out.append(Item(org, hit.begin, hit.end))
                break
    return out


def _clause_start(doc: DocText, line_b: int, offset: int) -> int:
    return max(line_b, offset - 300)


def _items_before(doc: DocText, registry: Registry, begin: int, end: int, alone: list[PostMention]):
    """The parties named as the subject before a signing verb: the last list of names."""
    hits = [h for h in registry.layer.top_level(begin, end) if h.cls in _PARTY_CLASSES]
    if not hits:
        return []
    signatories = _signatories(registry, begin, end)
    if len(signatories) >= 2:
        return signatories
    # the list that ends nearest the verb
    first = hits[-1]
    for h in reversed(hits[:-1]):
        gap = doc.text[h.end : first.begin].strip(" \t()[]:,")  # "(สกมช.) และ" joins like "และ"
        if gap in ("และ", "กับ", ",", "") or len(gap) <= 4:
            first = h
        else:
            break
    items, _ = read_list(doc, registry, first.begin, end, alone, _PARTY_CLASSES)
    return items
