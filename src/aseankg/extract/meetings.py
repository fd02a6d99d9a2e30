"""Meetings: a series and an ordinal ("การประชุม… ครั้งที่ N (The Nth …: ACRONYM)"), a body's
meeting ("การประชุมคณะทำงาน WG-AS ครั้งที่ 1"), a dated meeting ("การประชุมคณะรัฐมนตรี วันที่ …")
and bilateral talks ("หารือทวิภาคีระหว่าง X และ Y", "หารือทวิภาคีกับ X").

Details are read from the phrase that follows the meeting's name, up to the next meeting
named or the end of the paragraph: dates (never a day the text does not give), the place
after ณ, the host (เจ้าภาพ), the attendees ("โดยมี X และ Y เข้าร่วม"), and from the words before
it the people who took part ("นายX … เข้าร่วมการประชุม…"), chaired or vice-chaired it. A
bilateral talk held "ระหว่าง" / "ในโอกาส" a meeting has that meeting as its superEvent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pythainlp.util.date import thai_full_months

from aseankg.extract.model import Value
from aseankg.extract.organizations import parenthetical
from aseankg.extract.people import PersonMention
from aseankg.extract.phrases import Item, read_list
from aseankg.extract.places import read_places
from aseankg.extract.posts import PostMention
from aseankg.extract.resolve import Hit, Registry, in_running_text, latin_name, slug_for
from aseankg.extract.text import DocText, is_thai
from aseankg.lexicon import ORGANIZATION_CLASSES
from aseankg.nlp import romanize
from aseankg.nlp.romanize import romanize_words
from aseankg.nlp.dates import BE_OFFSET, DateExpr

__all__ = ["Event", "find_meetings"]

_ORG_LIKE = ORGANIZATION_CLASSES | {"akg:WorkingGroup"}
_PARTY_CLASSES = ORGANIZATION_CLASSES | {"akg:Country", "akg:Person"}
_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]+(?:[-–][A-Za-z0-9]+)*)\s*\)?\s*$")
_ORDINAL_WORD = {1: "st", 2: "nd", 3: "rd"}
_NEAR_DATE = 120  # a meeting's date follows its name within this many characters
_DATE_BEFORE = 100  # …or precedes it ("เมื่อต้นเดือน… ได้เข้าร่วมการประชุม…")
_DATE_GLUED = 25  # a talk's date written right before its verb ("เมื่อวันที่ … ได้หารือ…")
_SUBJECT_WINDOW = 400
_AT = ("ณ", "จัดขึ้นที่", "จัดขึ้น ณ")  # place markers that give a meeting's venue
_INVITE = "เชิญ"
_TRAVEL = ("เดินทางไป", "เดินทางไปยัง")  # place markers of a trip to the meeting
HEAD_OF_DELEGATION = "head-of-delegation"  # the post key (vocabulary.yaml) of a delegation's head


def ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL_WORD.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass
class Event:
    """A meeting named in the text."""

    slug: str
    cls: str
    begin: int
    end: int  # the anchor: name, ordinal (and date for dated meetings)
    scope_end: int = 0
    bilateral: bool = False
    inner: bool = False  # inside another anchor's parenthesis: no details of its own
    parties: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    date: DateExpr | None = None
    super_event: str | None = None
    places: list[str] = field(default_factory=list)
    references: list[tuple[int, int]] = field(default_factory=list)  # "…ครั้งนี้"


# ------------------------------------------------------------------------------ helpers


def _head_before(doc: DocText, offset: int) -> int | None:
    """The start of a meeting head word (การประชุม…) ending at ``offset`` (a space allowed)."""
    text = doc.text
    end = offset
    if end > doc.begin and text[end - 1] == " ":
        end -= 1
    best = None
    for word in doc.res.lexicon.vocabulary.meeting["heads"]:
        b = end - len(word)
        if b >= doc.begin and text[b:end] == word:
            best = b if best is None else min(best, b)
    return best


def _ordinal_after(doc: DocText, offset: int) -> tuple[int, int] | None:
    i = doc.skip_spaces(offset)
    if i - offset > 3:
        return None
    return doc.ordinals.get(i)


def _ordinal_before(doc: DocText, offset: int, by_end: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """"The 5th ADGMIN": the ordinal written before a name, with its "The"."""
    i = doc.back_spaces(offset)
    if offset - i > 2:
        return None
    found = by_end.get(i)
    if found is None:
        return None
    begin, value = found
    if doc.text[max(begin - 4, doc.begin) : begin].lower() == "the ":
        begin -= 4
    return begin, value


def _year_suffix(doc: DocText, offset: int) -> tuple[int, int] | None:
    """"ครั้งที่ 2/2567": the year that numbers the meeting within, and its end."""
    m = re.match(r"/\s*([0-9๐-๙]{4})", doc.text[offset : offset + 8])
    if not m:
        return None
    from aseankg.nlp import normalize

    year = int(normalize(m.group(1)))
    return (year - 543 if year > 2400 else year), offset + m.end()


def _label_date(expr: DateExpr) -> str:
    return expr.start.xsd()[0]


# not calendar.month_name: that follows the process's locale
_ENGLISH_MONTHS = "January February March April May June July August September October November December".split()


def _english_label_date(lexical: str) -> str:
    """An XSD date, month or year ("2025-01-16") as English names write it: "16 January 2025",
    "January 2025", "2025"."""
    year, *rest = (int(x) for x in lexical.split("-"))
    if not rest:
        return str(year)
    month = _ENGLISH_MONTHS[rest[0] - 1]
    return f"{rest[1]} {month} {year}" if len(rest) > 1 else f"{month} {year}"


def _thai_label_date(lexical: str) -> str:
    """An XSD date, month or year ("2025-01-16") as Thai news writes it, for Thai names:
    "วันที่ 16 มกราคม 2568", "เดือนมกราคม 2568", "ปี 2568" (Buddhist-era year)."""
    year, *rest = (int(x) for x in lexical.split("-"))
    be = year + BE_OFFSET
    if not rest:
        return f"ปี {be}"
    month = thai_full_months[rest[0] - 1]
    return f"วันที่ {rest[1]} {month} {be}" if len(rest) > 1 else f"เดือน{month} {be}"


def _series_meeting(
    registry: Registry, series: str, n: int | None, when: str | None
) -> tuple[str, str, str, str, tuple[tuple[str, str], ...]] | None:
    """Slug, class, Thai and English labels, altLabels of meeting ``n`` (or of the meeting on
    date ``when``) of a lexicon series."""
    entry = registry.lexicon.get(series)
    if entry is None:
        return None
    prefix = series.removeprefix("series-")
    cls = entry.meeting_class or "akg:Meeting"
    th_series, en_series = entry.entity.labels["th"], entry.entity.labels["en"]
    shorts = [name for name, lang in entry.names if lang == "en" and name.isupper()]
    if n is not None:
        alt = tuple((f"{s} {n}", "en") for s in shorts) + tuple(
            (f"The {ordinal_en(n)} {s}", "en") for s in shorts
        )
        return f"{prefix}-{n}", cls, f"{th_series} ครั้งที่ {n}", f"The {ordinal_en(n)} {en_series}", alt
    if when is not None:
        th, en = f"{th_series} {_thai_label_date(when)}", f"{en_series}, {_english_label_date(when)}"
        return f"{prefix}-{when}", cls, th, en, ()
    return None


# ------------------------------------------------------------------------------ anchors


def _meeting_anchors(doc: DocText, registry: Registry) -> list[Event]:
    lexicon, layer = registry.lexicon, registry.layer
    by_end = {end: (begin, n) for begin, (end, n) in doc.ordinals.items()}
    events: list[Event] = []
    consumed: list[tuple[int, int]] = []
    for hit in layer.top_level(doc.begin, doc.end):
        series = None
        if hit.cls == "akg:MeetingSeries":
            series = hit.slug
        elif hit.slug in lexicon.series_of_body:
            series = lexicon.series_of_body[hit.slug]
        if series is None:
            continue
        inner = any(b <= hit.begin and hit.end <= e for b, e in consumed)
        head = _head_before(doc, hit.begin)
        begin = head if head is not None else hit.begin
        end = hit.end
        n = None
        after = _ordinal_after(doc, hit.end)
        if after is not None:
            end, n = after
        else:
            before = _ordinal_before(doc, hit.begin, by_end)
            if before is not None:
                begin, n = min(begin, before[0]), before[1]
        if hit.cls != "akg:MeetingSeries" and head is None and n is None:
            continue  # a body named, not its meeting
        when = None
        year = _year_suffix(doc, end) if n is not None else None
        if year is not None:
            end = year[1]
        entry = lexicon.get(series)
        paren = parenthetical(doc, end)
        scope_begin = paren.end if paren is not None else end
        if n is None:
            if entry is None or not entry.dated:
                continue
            dates = [
                d for d in doc.dates_in(scope_begin, doc.line_of(scope_begin)[1])
                if d.start.day and d.span.begin - scope_begin <= 25
            ]
            if not dates:
                continue
            when = _label_date(dates[0])
            end = dates[0].span.end
            scope_begin = end
            dated = dates[0]
        else:
            dated = None
        made = _series_meeting(registry, series, n, when)
        if made is None:
            continue
        slug, cls, th, en, alt = made
        if year is not None:
            slug, th, en = f"{slug}-{year[0]}", f"{th}/{year[0]}", f"{en} ({year[0]})"
        registry.add_entity(slug, cls, th, en, latn=None, alt=alt)
        registry.ref(slug, "akg:series", series)
        if n is not None:
            registry.fact(slug, "akg:ordinal", Value(str(n), "xsd:integer"))
        event = Event(slug, cls, begin, end, inner=inner, date=dated)
        event.scope_end = scope_begin  # the details start after the parenthesis
        if paren is not None:
            consumed.append((paren.begin, paren.end))
        events.append(event)
    events.extend(_unknown_series(doc, registry, events))
    events.extend(_next_of_series(doc, registry, events))
    return events


def _next_of_series(doc: DocText, registry: Registry, known: list[Event]) -> list[Event]:
    """"เป็นเจ้าภาพการประชุมครั้งที่หก": a meeting named by its ordinal alone is another meeting
    of the series of the meeting named before it."""
    events: list[Event] = []
    for found in doc.find_prefixes(doc.res.meeting_heads):
        b = found.begin
        at = doc.skip_spaces(found.end)
        ordinal = doc.ordinals.get(at)
        if ordinal is None or at - found.end > 1 or any(e.begin <= b < e.end for e in known + events):
            continue
        before = [e for e in known if e.end <= b and registry.facts_of(e.slug, "akg:series")]
        if not before:
            continue
        referent = before[-1]
        series = registry.facts_of(referent.slug, "akg:series")[0].object.slug  # type: ignore[union-attr]
        end, n = ordinal
        if registry.has_fact(referent.slug, "akg:ordinal") and any(
            f.object.lexical == str(n) for f in registry.facts_of(referent.slug, "akg:ordinal")  # type: ignore[union-attr]
        ):
            continue  # the same meeting again
        made = _series_meeting(registry, series, n, None)
        if made is None:  # a series found by pattern in this document
            entity = registry.entity(series)
            if entity is None:
                continue
            prefix = series.removeprefix("series-")
            made = (f"{prefix}-{n}", referent.cls, f"{entity.labels['th']} ครั้งที่ {n}",
                    f"The {ordinal_en(n)} {entity.labels['en']}", ())
        slug, cls, th, en, alt = made
        registry.add_entity(slug, cls, th, en, latn=None, alt=alt)
        registry.ref(slug, "akg:series", series)
        registry.fact(slug, "akg:ordinal", Value(str(n), "xsd:integer"))
        event = Event(slug, cls, b, end)
        event.scope_end = end
        events.append(event)
    return events


def _unknown_series(doc: DocText, registry: Registry, known: list[Event]) -> list[Event]:
    """"การประชุม<name> ครั้งที่ N (…: ACRONYM)" for a series the lexicon does not know."""
    text, layer, res = doc.text, registry.layer, doc.res
    taken = [(e.begin, e.end) for e in known]
    events: list[Event] = []
    for found in doc.find_prefixes(res.meeting_heads):
        b, name_b = found.begin, found.end
        if any(s <= b < e for s, e in taken):
            continue
        line_end = doc.line_of(b)[1]
        # the ordinal must close a short name on the same line
        n_found = None
        for ob, (oe, n) in doc.ordinals.items():
            if name_b < ob <= min(line_end, name_b + 120):
                if n_found is None or ob < n_found[0]:
                    n_found = (ob, oe, n)
        if n_found is None:
            _series_by_acronym(doc, registry, b, name_b, line_end)
            continue
        ob, oe, n = n_found
        name_e = doc.back_spaces(ob)
        name = text[name_b:name_e]
        if len(name.strip()) < 4 or "  " in name or any(c in name for c in "()\"“”"):
            continue
        if any(h.cls == "akg:MeetingSeries" or h.slug in registry.lexicon.series_of_body
               for h in layer.within(name_b, name_e)):
            continue
        if re.match(r"\s*(?:ที่|ครั้ง|ฯ|ดังกล่าว|นี้|นั้น|ต่าง|หารือ|ร่วม|เพื่อ|และ|ของ)", name):
            continue
        if _breaks(doc, name_b, name_e):
            continue
        paren = parenthetical(doc, oe)
        acronym = english = None
        if paren is not None:
            inner = text[paren.begin + 1 : paren.end - 1]
            m = _ACRONYM.search(inner)
            if m and ":" in inner:
                acronym = m.group(1)
            english_part = re.sub(r"^\s*The\s+\w+\s+", "", inner.split(":")[0]).strip()
            if re.search(r"[A-Za-z]{3}", english_part) and not is_thai(english_part[:1] or "ก"):
                english = english_part
        th_series = re.sub(r"\s+", " ", text[b:name_e]).strip()
        if not th_series.startswith("การประชุม"):
            th_series = "การประชุม" + re.sub(r"^(ที่ประชุม|ประชุม|งานประชุม)", "", th_series)
        romanised = romanize_words(name)
        series_key = slug_for(acronym or "", english or "", romanised)
        if series_key is None:
            continue
        series = f"series-{series_key}"
        cls = "akg:Meeting"
        probe = (name + " " + (english or "")).lower()
        for word, word_cls in res.meeting_class_words:
            if word in probe:
                cls = word_cls
                break
        en_series = english or (acronym and f"{acronym}") or latin_name(romanised)
        alt = ((acronym, "en"),) if acronym else ()
        # words inside the series' own name are not names of their own ("…เครือข่ายหน่วยงาน
        # รับมือ…", "ASEAN CERT Network Meeting"), except the countries and bodies it names
        for hit in layer.within(name_b, name_e):
            if hit.pattern:
                layer.remove(hit)
        if paren is not None:
            for hit in layer.within(paren.begin, paren.end):
                if hit.cls not in _ORG_LIKE | {"akg:Country"}:
                    layer.remove(hit)
        registry.add_entity(series, "akg:MeetingSeries", th_series, en_series, alt=alt)
        registry.layer.add(Hit(b, name_e, series, "akg:MeetingSeries", pattern=True))
        end = oe
        year = _year_suffix(doc, end)
        slug = f"{series_key}-{n}"
        th = f"{th_series} ครั้งที่ {n}"
        en = f"The {ordinal_en(n)} {en_series}"
        if year is not None:
            end = year[1]
            slug, th, en = f"{slug}-{year[0]}", f"{th}/{year[0]}", f"{en} ({year[0]})"
        registry.add_entity(slug, cls, th, en, alt=((f"{acronym} {n}", "en"),) if acronym else ())
        registry.ref(slug, "akg:series", series)
        registry.fact(slug, "akg:ordinal", Value(str(n), "xsd:integer"))
        event = Event(slug, cls, b, end)
        event.scope_end = paren.end if paren is not None else end
        events.append(event)
        taken.append((b, end))
    return events


_NAME_BREAKS = ("ซึ่ง", "โดย", "ได้", "จะ", "เพื่อ", "ให้", "เป็น", "มี", "ในการ", "และได้", "ที่ผ่านมา")


def _breaks(doc: DocText, begin: int, end: int) -> bool:
    """Does a verb or a clause word stand inside what would be a meeting's name?"""
    text = doc.text
    return any(
        text.startswith(word, i) and doc.starts_word(i)
        for i in range(begin + 1, end)
        for word in _NAME_BREAKS
    )


def _series_by_acronym(doc: DocText, registry: Registry, b: int, name_b: int, line_end: int) -> None:
    """"ที่ประชุม<name> (SOMTC)": a series the lexicon does not know, named with its acronym."""
    text = doc.text
    open_at = text.find("(", name_b, min(line_end, name_b + 100))
    if open_at < 0:
        return
    close = text.find(")", open_at, min(line_end, open_at + 15))
    inner = text[open_at + 1 : close].strip() if close > 0 else ""
    if not re.fullmatch(r"[A-Z][A-Z0-9]{2,9}", inner):
        return
    name_e = doc.back_spaces(open_at)
    name = text[name_b:name_e]
    if len(name) < 6 or "  " in name or re.match(r"\s*(?:ที่|ครั้ง|ฯ|ดังกล่าว|นี้|นั้น|ต่าง|หารือ|ร่วม|เพื่อ|และ|ของ)", name):
        return
    if name.lstrip().startswith(_NAME_BREAKS) or _breaks(doc, name_b, name_e):
        return  # "ที่ประชุมได้ติดตาม…": the meeting did something, it is not named
    if any(h.end == name_e and h.cls in _ORG_LIKE for h in registry.layer.within(name_b, name_e)):
        return  # "…ของศูนย์… (ASCCE)": the acronym is the body's
    if any(h.cls == "akg:MeetingSeries" for h in registry.layer.within(b, name_e)):
        return
    th = "การประชุม" + re.sub(r"\s+", " ", name).strip()
    series = slug_for(f"series-{inner}")
    if series is None or series in registry.lexicon.entries:
        return
    registry.add_entity(series, "akg:MeetingSeries", th, inner, alt=((inner, "en"),))
    registry.layer.add(Hit(b, name_e, series, "akg:MeetingSeries", pattern=True))
    registry.layer.add(Hit(open_at + 1, open_at + 1 + len(inner), series, "akg:MeetingSeries", pattern=True))


# ------------------------------------------------------------------------------ people & items


def _subjects(
    doc: DocText, registry: Registry, begin: int, end: int, alone: list[PostMention]
) -> list[str]:
    """The people (or, for a post named alone, its holder or organisation) in a stretch."""
    out: list[str] = []
    for hit in registry.layer.top_level(begin, end):
        if hit.cls == "akg:Person" and hit.slug not in out:
            out.append(hit.slug)
    for p in alone:
        if begin <= p.begin and p.end <= end:
            who = p.holder or p.org
            if who and who not in out:
                out.append(who)
    return out


def _agent_before(doc: DocText, registry: Registry, begin: int, offset: int) -> str | None:
    """A country or organisation written right before a verb ("ไทยเข้าร่วม…") is its subject."""
    gap_words = ("ได้", "จะ", "ก็", "ยัง", "")
    for hit in reversed(registry.layer.top_level(begin, offset)):
        if registry.in_post(hit.begin, hit.end):
            continue
        between = doc.text[hit.end : offset].strip()
        if hit.cls in _PARTY_CLASSES - {"akg:Person"} and between in gap_words:
            return hit.slug
        break
    return None


def _items(
    doc: DocText, registry: Registry, begin: int, end: int, alone: list[PostMention]
) -> list[str]:
    """The people, organisations and countries listed in a stretch ("X และ Y", "(จีน ญี่ปุ่น …)");
    a country or organisation named as a member ("ประเทศสมาชิกอาเซียน") is not listed."""
    text = doc.text
    out: list[str] = []
    posts = [p for p in alone if begin <= p.begin and p.end <= end]
    for hit in registry.layer.top_level(begin, end):
        if hit.cls not in _PARTY_CLASSES:
            continue
        if any(p.begin <= hit.begin < p.end for p in posts) or registry.in_post(hit.begin, hit.end):
            continue
        if text[max(begin, hit.begin - 6) : hit.begin].endswith(("สมาชิก", "สมาชิก ")):
            continue
        if hit.slug not in out:
            out.append(hit.slug)
    for p in posts:
        who = p.holder or p.org
        if who and who not in out:
            out.append(who)
    return out


def _boundary_before(doc: DocText, events: list[Event], offset: int) -> int:
    """Where the clause that ends at ``offset`` starts: the line start or the end of the
    meeting named last before it."""
    line_b, _ = doc.line_of(offset)
    start = max(line_b, offset - _SUBJECT_WINDOW)
    for e in events:
        if start <= e.end <= offset:
            start = e.end
    return start


# ------------------------------------------------------------------------------ details


def _details(
    doc: DocText,
    registry: Registry,
    events: list[Event],
    alone: list[PostMention],
) -> None:
    res, text = doc.res, doc.text
    ordered = sorted(events, key=lambda e: e.begin)
    for idx, event in enumerate(ordered):
        line_b, line_e = doc.line_of(event.begin)
        nxt = next((e.begin for e in ordered[idx + 1 :] if e.begin >= event.end and not e.inner), line_e)
        scope_b, scope_e = event.scope_end or event.end, min(nxt, line_e)
        event.scope_end = scope_e
        if event.inner:
            continue
        slug = event.slug
        # dates: the most specific date near the name, else one just before it
        near = [d for d in doc.dates_in(scope_b, scope_e) if d.span.begin - scope_b <= _NEAR_DATE]
        marker = _find(doc, res.place_markers, scope_b, scope_e)
        if marker is not None:
            near = [d for d in near if d.span.begin < marker] or near
        lead = _lead_verb(doc, event.begin)
        if not near and lead is not None:
            # "เมื่อต้นเดือน… ได้เข้าร่วมการประชุม…": the date of the clause that attends it
            start = _boundary_before(doc, ordered[:idx], lead[1])
            before = [d for d in doc.dates_in(start, lead[1]) if lead[1] - d.span.end <= _DATE_BEFORE]
            near = before[-1:]
        if near and event.date is None:
            event.date = max(near, key=lambda d: (_precision(d), -d.span.begin))
        # place
        for marker_at in _find_all(doc, res.place_markers, scope_b, scope_e):
            m = doc.match(res.place_markers, marker_at, whole=False)
            if m is None or m.value not in _AT:
                continue
            places = read_places(doc, registry, m.end, scope_e)
            event.places.extend(p.slug for p in places if p.slug not in event.places)
            if places:
                break
        if not event.places and lead is not None:
            # "เดินทางไปยังกรุงมะนิลา … เพื่อเข้าร่วมการประชุม…": where the attendee went for it
            gone = [f for f in doc.all_within(res.place_markers, max(line_b, lead[1] - 150), lead[1])
                    if f.value in _TRAVEL]
            if gone:
                event.places = [p.slug for p in read_places(doc, registry, gone[-1].end, lead[1])]
        # host
        for host in _find_all(doc, res.host, scope_b, scope_e):
            country = _country_before(doc, registry, host, scope_b)
            if country:
                registry.ref(slug, "akg:hostCountry", country)
        # "X (จะ)เป็นเจ้าภาพ(ร่วม)จัด(งาน|การประชุม) <meeting>": the host written before it
        for host in _find_all(doc, res.host, max(line_b, event.begin - 40), event.begin):
            between = text[doc.match(res.host, host, whole=False).end : event.begin]
            if re.fullmatch(r"\s*(?:จัด(?:งาน|การประชุม|ประชุม)?)?\s*", between):
                country = _country_before(doc, registry, host, line_b)
                if country:
                    registry.ref(slug, "akg:hostCountry", country)
        # attendees introduced by โดยมี … เข้าร่วม
        # "โดยมี X ทำหน้าที่ประธาน… และ Y เข้าร่วม…": each list until its verb takes that role
        intro = _find(doc, res.attend_intro, scope_b, scope_e)
        if intro is not None:
            roles = sorted(
                (found.begin, found.end, kind)
                for trie, kind in ((res.attend, "attend"), (res.chair, "chair"), (res.vice_chair, "vice_chair"))
                for found in doc.all_within(trie, intro, scope_e)
            )
            cursor = intro
            for at, verb_end, kind in roles:
                if at < cursor:
                    continue  # inside the verb before (ทำหน้าที่รองประธาน)
                listed = _items(doc, registry, cursor, at, alone)
                if not listed:
                    continue
                cursor = verb_end
                if kind == "attend":
                    event.attendees.extend(x for x in listed if x not in event.attendees)
                else:
                    for who in _chairs(registry, listed):
                        registry.ref(slug, "akg:chair" if kind == "chair" else "akg:viceChair", who)
        # the words before: chair, vice-chair, attend
        if lead is not None:
            kind, verb_begin = lead
            start = _boundary_before(doc, ordered[:idx], verb_begin)
            subjects = _subjects(doc, registry, start, verb_begin, alone)
            agent = _agent_before(doc, registry, start, verb_begin)
            if agent is not None and not subjects:
                subjects = [agent]
            if _INVITE in text[start:verb_begin]:
                subjects = []  # "เชิญไทยเข้าร่วม…": invited, not (yet) taking part
            if kind in ("chair", "vice_chair"):
                for s in _chairs(registry, subjects)[:1]:
                    registry.ref(slug, "akg:chair" if kind == "chair" else "akg:viceChair", s)
                if doc.match(res.attend, verb_begin, whole=False) is None:
                    continue  # "X เป็นประธานการประชุม…" chairs it; "X เข้าร่วมและทำหน้าที่…" also attends
            event.attendees.extend(subjects)


def _heads_of_delegation(events: list[Event], held: list[PostMention]) -> None:
    """Whoever is said to head a delegation in a meeting's clause ("โดยมี X … เป็นหัวหน้าคณะ
    ผู้แทนไทย") takes part in it. (The country is not made an attendee: the person is, as
    for "X ในฐานะหัวหน้าคณะผู้แทนไทย เข้าร่วม…".)"""
    for event in events:
        if event.inner or event.bilateral:
            continue
        for p in held:
            if p.post.key == HEAD_OF_DELEGATION and p.holder and event.end <= p.begin < event.scope_end:
                if p.holder not in event.attendees:
                    event.attendees.append(p.holder)


def _chairs(registry: Registry, slugs: list[str]) -> list[str]:
    """Who can chair: a person, or a country (the chair of the year); an organisation named
    in the clause is the chair's, not the chair (the contract's range of akg:chair)."""
    return [s for s in slugs if registry.cls_of(s) in ("akg:Person", "akg:Country")]


def _precision(d: DateExpr) -> int:
    return 2 if d.start.day else 1 if d.start.month else 0


def _find(doc: DocText, trie, begin: int, end: int) -> int | None:
    found = doc.first(trie, begin, end)
    return found.begin if found else None


def _find_all(doc: DocText, trie, begin: int, end: int) -> list[int]:
    return [f.begin for f in doc.all_within(trie, begin, end)]


def _country_before(doc: DocText, registry: Registry, offset: int, floor: int) -> str | None:
    """The country written just before ``offset`` ("ประเทศไทยเป็นเจ้าภาพ", "ลาวจะเป็น…")."""
    best = None
    for hit in registry.layer.within(max(floor, offset - 30), offset):
        if hit.cls == "akg:Country" and offset - hit.end <= 12:
            best = hit
    return best.slug if best else None


def _lead_verb(doc: DocText, offset: int) -> tuple[str, int] | None:
    """The verb written right before a meeting's name: ("attend" | "chair" | "vice_chair",
    where the verb phrase starts)."""
    res, text = doc.res, doc.text
    window_b = max(doc.begin, offset - 40)
    kind, start = None, None
    for name, trie in (("vice_chair", res.vice_chair), ("chair", res.chair)):
        for i in range(window_b, offset):
            found = doc.match(trie, i, whole=False)
            if found is not None and offset - found.end <= 1:
                kind, start = name, i
                break
        if kind:
            break
    attend_end = start if start is not None else offset
    if start is not None and text[max(window_b, start - 3) : start] == "และ":
        attend_end = start - 3
    for i in range(max(window_b, attend_end - 15), attend_end):
        found = doc.match(res.attend, i, whole=False)
        if found is not None and attend_end - found.end <= 1:
            return (kind or "attend", i)
    if kind is not None and start is not None:
        return kind, start
    return None


# ------------------------------------------------------------------------------ bilateral


def _bilateral(
    doc: DocText,
    registry: Registry,
    meetings: list[Event],
    alone: list[PostMention],
    held: list[PostMention],
) -> list[Event]:
    res, text, lexicon = doc.res, doc.text, registry.lexicon
    home = lexicon.vocabulary.default_country
    anchors = doc.find_prefixes(res.bilateral)
    people_of: dict[str, str] = {}  # a represented body -> the person who spoke for it
    # every talk named is a clause boundary for the people named before the next one
    boundaries = [Event("", "", a.begin, a.end) for a in anchors]
    events: list[Event] = []
    previous: list[Event] = []
    for idx, found in enumerate(anchors):
        b, e = found.begin, found.end
        line_b, line_e = doc.line_of(b)
        nxt = [a.begin for a in anchors[idx + 1 :] if a.begin > e] + [
            m.begin for m in meetings if m.begin > e and not m.inner and not _during_before(doc, m.begin)
        ]
        scope_e = min([line_e] + [x for x in nxt if x > e])
        parties: list[str] = []
        i = doc.skip_spaces(e, scope_e)
        during_here = doc.match(res.during, i, whole=False)
        meeting_here = during_here and any(m.begin <= doc.skip_spaces(during_here.end) <= m.begin + 12 for m in meetings)
        if text.startswith("ระหว่าง", i) and not meeting_here:
            parties = _sides(read_list(doc, registry, i + len("ระหว่าง"), scope_e, alone)[0], people_of)
        else:
            with_at = _find_word(doc, "กับ", e, scope_e)
            if with_at is not None:
                parties = _sides(read_list(doc, registry, with_at + len("กับ"), scope_e, alone)[0], people_of)
        if not parties:
            parties = _received(doc, registry, line_b, b, alone, people_of)
        if parties and all(_side(registry, p, held) == home for p in parties):
            parties += _others(doc, registry, line_b, b, e, scope_e, alone)
        counterparts = [p for p in parties if _side(registry, p, held) != home]
        sides = [p for p in parties if _side(registry, p, held) == home]
        refers_back = "ครั้งนี้" in text[e : min(scope_e, e + 60)]
        if not counterparts:
            if previous and (refers_back or not parties):
                previous[-1].references.append((b, e))
            continue
        for counterpart in counterparts:
            event = Event("", "akg:BilateralMeeting", b, e, bilateral=True)
            event.scope_end = scope_e
            side = _side(registry, counterpart, held)
            event.parties = [home, side] if side != counterpart else [home, counterpart]
            event.attendees = [p for p in sides + [counterpart] if p not in event.attendees]
            if counterpart in people_of:
                event.attendees.append(people_of[counterpart])
            if home not in event.attendees:
                event.attendees.insert(0, home)
            if side not in event.attendees:
                event.attendees.append(side)
            # people before the talk in the clause (a reference back to the meeting,
            # "ในการประชุมครั้งนี้", opens a new clause)
            start = _boundary_before(doc, [m for m in meetings if m.end <= b] + boundaries, b)
            occasion = doc.first(res.occasion_anaphora, line_b, scope_e)
            if occasion is not None and occasion.end <= b:
                start = max(start, occasion.end)
            event.attendees.extend(s for s in _subjects(doc, registry, start, b, alone) if s not in event.attendees)
            # "ของ<post>" right after the anchor: whose talks
            if text.startswith("ของ", i):
                whose = _slugs(read_list(doc, registry, i + len("ของ"), scope_e, alone)[0])
                event.attendees.extend(s for s in whose if s not in event.attendees)
            # held during a meeting named in its clause, after the talk or before it
            for m in meetings:
                if m.inner or not (_during_before(doc, m.begin) or _during_before(doc, doc.back_spaces(m.begin))):
                    continue
                if e <= m.begin < scope_e or (start <= m.begin and m.end <= b):
                    event.super_event = event.super_event or m.slug
            # "ในโอกาสนี้ …หารือทวิภาคี": during the meeting reported before
            if event.super_event is None and occasion is not None:
                referred = _referred(meetings, str(occasion.value), line_b)
                if referred is not None:
                    event.super_event = referred.slug
            # "โดยมี X และ Y เข้าร่วม(การหารือ)"
            intro = _find(doc, res.attend_intro, e, scope_e)
            if intro is not None:
                verb = _find(doc, res.attend, intro, scope_e)
                for s in _items(doc, registry, intro, verb if verb is not None else scope_e, alone):
                    if s not in event.attendees:
                        event.attendees.append(s)
            # date: after the talk (before the meeting it was held during), else the date
            # that opens the paragraph
            during_at = min(
                [m.begin for m in meetings if m.slug == event.super_event and e <= m.begin < scope_e]
                or [scope_e]
            )
            dates = [d for d in doc.dates_in(e, during_at) if _when_held(doc, d)]
            # "โดยเมื่อวันที่ 18 … ได้หารือทวิภาคีกับ…": the day written just before the verb (a
            # range there is the visit's: "เยือน… ระหว่างวันที่ 27-28 … โดยได้หารือ…")
            just_before = [
                d for d in doc.dates_in(start, b)
                if d.start.day and d.end is None and _when_held(doc, d) and b - d.span.end <= _DATE_GLUED
            ]
            if just_before:
                event.date = just_before[-1]
            elif dates:
                event.date = dates[0]
            else:
                opening = [d for d in doc.dates_in(line_b, b) if d.span.begin - line_b <= 20]
                if opening:
                    event.date = opening[0]
            # "นอกจากนี้ … ยังได้หารือทวิภาคีกับ…": with neither date nor occasion of its own, a
            # talk reported after another belongs to the same occasion
            if event.date is None and event.super_event is None and previous:
                event.super_event = previous[-1].super_event
            # place: "เดินทางไป X เพื่อหารือ…" or "ณ X" after it
            go = _find(doc, res.place_markers, max(line_b, b - 120), b)
            if go is not None:
                m = doc.match(res.place_markers, go, whole=False)
                if m is not None and m.value in ("เดินทางไป", "เดินทางไปยัง", "เยือน", "ณ"):
                    event.places = [p.slug for p in read_places(doc, registry, m.end, b)]
            marker = _find(doc, res.place_markers, e, scope_e)
            if marker is not None and not event.super_event:
                m = doc.match(res.place_markers, marker, whole=False)
                if m is not None and m.value in ("ณ", "จัดขึ้นที่", "จัดขึ้น ณ"):
                    event.places += [p.slug for p in read_places(doc, registry, m.end, scope_e)
                                     if p.slug not in event.places]
            events.append(event)
        previous = events[-len(counterparts):] if counterparts else previous
    return events


def _when_held(doc: DocText, d: DateExpr) -> bool:
    """Can ``d`` date a talk? Not a year alone, not a deadline ("ภายในปีนี้")."""
    if not d.start.month:
        return False
    before = doc.text[max(doc.begin, d.span.begin - 12) : d.span.begin].rstrip()
    return not before.endswith(tuple(doc.res.lexicon.vocabulary.meeting["deadline"]))


def _received(
    doc: DocText, registry: Registry, line_b: int, b: int, alone: list[PostMention], people_of: dict[str, str]
) -> list[str]:
    """"X ให้การต้อนรับ Y … โดยทั้งสองฝ่ายได้หารือทวิภาคี…": the talk is between the host and the
    guest received earlier in the paragraph."""
    meeting = doc.res.lexicon.vocabulary.meeting
    text = doc.text
    if not any(w in text[max(line_b, b - 30) : b] for w in meeting["both_sides"]):
        return []
    for word in meeting["reception"]:
        at = text.find(word, line_b, b)
        if at >= 0:
            guests = read_list(doc, registry, at + len(word), b, alone)[0]
            return _sides(guests, people_of)
    return []


def _side(registry: Registry, slug: str, held: list[PostMention]) -> str:
    """The side a party stands for: a country stands for itself, an organisation for itself,
    a person for the organisation of the post the document gives them."""
    cls = registry.cls_of(slug)
    if cls == "akg:Person":
        for p in held:
            if p.holder == slug and p.org and p.post.org != "government":
                return p.org
        for p in held:
            if p.holder == slug and p.country:
                return p.country
        return slug
    return slug


def _country(registry: Registry, slug: str) -> str | None:
    """The country of an organisation (curated, or qualified in the text)."""
    country = registry.lexicon.country_of(slug)
    if country is None:
        facts = registry.facts_of(slug, "akg:country")
        if facts:
            country = facts[0].object.slug  # type: ignore[union-attr]
    return country


def _during_before(doc: DocText, offset: int) -> bool:
    text, res = doc.text, doc.res
    for word in res.lexicon.vocabulary.meeting["during"]:
        b = offset - len(word)
        if b >= doc.begin and text[b:offset] == word:
            return True
        b2 = offset - len(word) - 1
        if b2 >= doc.begin and text[b2 : offset - 1] == word and text[offset - 1] == " ":
            return True
    return False


def _find_word(doc: DocText, word: str, begin: int, end: int) -> int | None:
    i = doc.text.find(word, begin, end)
    while i >= 0:
        if doc.starts_word(i) and doc.ends_word(i + len(word)):
            return i
        i = doc.text.find(word, i + 1, end)
    return None


def _slugs(items: list[Item]) -> list[str]:
    return [x.slug for x in items]


def _sides(items: list[Item], people_of: dict[str, str]) -> list[str]:
    """The parties of a list: a person who speaks for a body stands for that body."""
    out = []
    for x in items:
        if x.represents:
            people_of[x.represents] = x.slug
            out.append(x.represents)
        else:
            out.append(x.slug)
    return out


def _referred(meetings: list[Event], words: str, before: int) -> Event | None:
    """The meeting "…ครั้งนี้" / "ในโอกาสนี้" (this one: the article's main meeting, the first
    it names other than a Cabinet meeting that reports on it) or "…ดังกล่าว" (the one just
    named) refers to."""
    named = [m for m in meetings if not m.inner and not m.bilateral and m.end <= before]
    if not named:
        return None
    if "ดังกล่าว" in words or "ฯ" in words:
        return named[-1]
    main = [m for m in named if m.cls != "akg:CabinetMeeting"]
    return (main or named)[0]


def _others(
    doc: DocText, registry: Registry, line_b: int, b: int, e: int, scope_e: int, alone: list[PostMention]
) -> list[str]:
    """"…4 ประเทศ คือ A B C และ D ในการหารือทวิภาคีระหว่างไทยและประเทศอื่นๆ": A, B, C, D."""
    res, text = doc.res, doc.text
    window = text[e : min(scope_e, e + 60)]
    if not any(w in window for w in res.lexicon.vocabulary.meeting["others"]):
        return []
    intros = [f for f in doc.all_within(res.meeting_list_intro, line_b, b)]
    if not intros:
        return []
    items, _ = read_list(doc, registry, intros[-1].end, b, alone)
    return [x.slug for x in items if registry.cls_of(x.slug) == "akg:Country"]


def _occasion_people(
    doc: DocText, registry: Registry, meetings: list[Event], alone: list[PostMention]
) -> None:
    """"ทั้งนี้ ในการประชุมดังกล่าว นายX … ได้นำเสนอ…": the people of a paragraph that opens by
    referring back to a meeting took part in it."""
    res = doc.res
    for line_b, line_e in doc.lines:
        occasion = doc.first(res.occasion_anaphora, line_b, min(line_e, line_b + 30))
        if occasion is None:
            continue
        referred = _referred(meetings, str(occasion.value), line_b)
        if referred is None:
            continue
        # up to the next meeting or talk: who is met on the side ("หารือทวิภาคีกับนาง X") is
        # the talk's attendee, not (by this sentence) the meeting's
        # (or up to an MoU: who signs or witnesses it is the MoU's, "โดยมีนาย X เป็นผู้ลงนาม")
        talk = doc.first(res.bilateral, occasion.end, line_e)
        mou = doc.first(res.mou_heads, occasion.end, line_e)
        stop = min([m.begin for m in meetings if line_b <= m.begin < line_e] + [line_e]
                   + [x.begin for x in (talk, mou) if x is not None])
        for who in _subjects(doc, registry, occasion.end, stop, []):
            if who not in referred.attendees:
                referred.attendees.append(who)


def _reception(
    doc: DocText,
    registry: Registry,
    bilaterals: list[Event],
    meetings: list[Event],
    alone: list[PostMention],
    held: list[PostMention],
) -> None:
    """A talk reported later as "การหารือทวิภาคี…ครั้งนี้" takes its date, occasion and people
    from the paragraph that reports the meeting (a reception, a call) with its counterpart."""
    res = doc.res
    for event in bilaterals:
        if event.date is not None or event.super_event is not None:
            continue
        counterpart = event.parties[-1]
        for line_b, line_e in doc.lines:
            if line_b > event.begin:
                break
            names = {h.slug for h in registry.layer.within(line_b, line_e)}
            names |= {_side(registry, s, held) for s in names if registry.cls_of(s) == "akg:Person"}
            names |= {c for s in list(names) if (c := _country(registry, s))}
            if counterpart not in names:
                continue
            verb = _find(doc, res.attend, line_b, line_e)
            if verb is None:
                continue
            if event.date is None:
                opening = [d for d in doc.dates_in(line_b, line_e) if d.span.begin - line_b <= 20]
                if opening:
                    event.date = opening[0]
            occasion_at = line_e
            for m in meetings:
                if line_b <= m.begin < line_e and not m.inner and _during_before(doc, m.begin):
                    event.super_event = event.super_event or m.slug
                    occasion_at = min(occasion_at, m.begin)
            for s in _subjects(doc, registry, line_b, occasion_at, alone):
                if s not in event.attendees:
                    event.attendees.append(s)
            if not event.places and occasion_at == line_e:
                marker = _find(doc, res.place_markers, line_b, line_e)
                m = doc.match(res.place_markers, marker, whole=False) if marker is not None else None
                if m is not None and m.value in _AT:
                    event.places = [p.slug for p in read_places(doc, registry, m.end, line_e)]
            break


# ------------------------------------------------------------------------------ entry point


def find_meetings(
    doc: DocText,
    registry: Registry,
    people: list[PersonMention],
    held: list[PostMention],
    alone: list[PostMention],
) -> list[Event]:
    """Every meeting and bilateral talk with its details, as entities and facts."""
    meetings = _meeting_anchors(doc, registry)
    _details(doc, registry, meetings, alone)
    _heads_of_delegation(meetings, held)
    _occasion_people(doc, registry, meetings, alone)
    bilaterals = _bilateral(doc, registry, meetings, alone, held)
    _reception(doc, registry, bilaterals, meetings, alone, held)
    for event in meetings:
        registry.layer.add(Hit(event.begin, event.end, event.slug, event.cls))
        _emit(registry, event)
    for event in bilaterals:
        _name_bilateral(doc, registry, event)
        for b, e in [(event.begin, event.end)] + event.references:
            registry.layer.add(Hit(b, e, event.slug, event.cls))
        _emit(registry, event)
    return meetings + bilaterals


def _name_bilateral(doc: DocText, registry: Registry, event: Event) -> None:
    lexicon = registry.lexicon
    when = _label_date(event.date) if event.date is not None else None
    qualifier = when or event.super_event or doc.document.identifier
    a, b = event.parties
    slug = slug_for(f"bilateral-{a}-{b}-{qualifier}")
    event.slug = slug or f"bilateral-{doc.document.identifier}"

    def label(s: str, lang: str) -> str:
        entity = registry.entity(s) or (lexicon.get(s).entity if lexicon.get(s) else None)
        name = entity.labels.get(lang, s) if entity else s
        return in_running_text(name, entity.cls) if entity and lang == "en" else name

    th = f"การหารือทวิภาคีระหว่าง{label(a, 'th')}และ{label(b, 'th')}"
    en = f"Bilateral meeting between {label(a, 'en')} and {label(b, 'en')}"
    if when:
        th += f" {_thai_label_date(when)}"
        en += f", {_english_label_date(when)}"
    registry.add_entity(event.slug, "akg:BilateralMeeting", th, en, latn=None)


def _emit(registry: Registry, event: Event) -> None:
    slug = event.slug
    if not slug or event.inner:
        return
    if event.date is not None:
        lexical, datatype = event.date.start.xsd()
        if not registry.has_fact(slug, "schema:startDate"):
            registry.fact(slug, "schema:startDate", Value(lexical, datatype))
            if event.date.end is not None:
                end_lexical, end_type = event.date.end.xsd()
                registry.fact(slug, "schema:endDate", Value(end_lexical, end_type))
    for place in event.places:
        registry.ref(slug, "schema:location", place)
    for party in event.attendees:
        if party != slug:
            registry.ref(slug, "schema:attendee", party)
    if event.super_event and event.super_event != slug:
        registry.ref(slug, "schema:superEvent", event.super_event)
