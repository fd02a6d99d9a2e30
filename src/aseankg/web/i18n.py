"""The page language (Thai or English): choosing it, the interface's words, and dates.

A page is in the language of ``?lang=th|en`` when given, else the first of Thai and English
that the browser's ``Accept-Language`` prefers, else English. Dates follow the language's own
convention: Thai pages count years in the Buddhist era (CE + 543) with Thai month names.
"""

from __future__ import annotations

import datetime
import re
from typing import Literal

from pythainlp.util import thai_strftime
from starlette.requests import Request

Lang = Literal["th", "en"]
LANGS: tuple[Lang, ...] = ("th", "en")
DEFAULT_LANG: Lang = "en"

_EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def page_lang(request: Request) -> tuple[Lang, bool]:
    """The page language, and whether the user chose it explicitly with ``?lang=``."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked, True  # type: ignore[return-value]
    return accept_language(request.headers.get("accept-language", "")), False


def accept_language(header: str) -> Lang:
    """The first of Thai and English that an ``Accept-Language`` header prefers.

    >>> accept_language("th-TH,th;q=0.9,en;q=0.8")
    'th'
    >>> accept_language("en-US;q=0.5,th;q=0.9")
    'th'
    >>> accept_language("fr, th;q=0")
    'en'
    """
    best: tuple[float, int, Lang] | None = None
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LANGS:
            continue
        quality = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                quality = float(match[1])
            except ValueError:
                quality = 0.0
        if quality <= 0:
            continue
        candidate = (quality, -position, primary)
        if best is None or candidate[:2] > best[:2]:
            best = candidate  # type: ignore[assignment]
    return best[2] if best else DEFAULT_LANG


def other(lang: Lang) -> Lang:
    return "en" if lang == "th" else "th"


# The interface's own words; the graph's words come from the graph.
WORDS: dict[str, tuple[str, str]] = {
    "site": ("กราฟความรู้การทูตดิจิทัลของไทย", "Thailand's digital diplomacy knowledge graph"),
    "search": ("ค้นหา", "Search"),
    "search_placeholder": ("ค้นหาชื่อ บุคคล หน่วยงาน การประชุม…", "Search a name, organisation, meeting…"),
    "switch": ("English", "ภาษาไทย"),
    "home": ("หน้าแรก", "Home"),
    "sparql": ("SPARQL", "SPARQL"),
    "ontology": ("ออนโทโลยี", "Ontology"),
    "api_docs": ("เอกสาร API", "API docs"),
    "exports": ("ดาวน์โหลดข้อมูล", "Downloads"),
    "graph_view": ("มุมมองกราฟ", "Graph view"),
    "as_data": ("ข้อมูลเดียวกันในรูปแบบ", "The same data as"),
    "labels": ("ชื่อ", "Names"),
    "preferred": ("ชื่อหลัก", "Preferred"),
    "aliases": ("ชื่ออื่น", "Also known as"),
    "facts": ("ข้อเท็จจริง", "Facts"),
    "links_in": ("ถูกอ้างถึงโดย", "Referred to by"),
    "posts": ("ตำแหน่ง", "Posts"),
    "attested": ("ตามข่าว", "stated in"),
    "side_meetings": ("การประชุมย่อยระหว่างการประชุมนี้", "Meetings held during it"),
    "meetings": ("การประชุม", "Meetings"),
    "people": ("บุคคลในหน่วยงาน", "People"),
    "mous": ("บันทึกความเข้าใจ", "MoUs"),
    "mentioned_in": ("กล่าวถึงใน", "Mentioned in"),
    "source": ("ต้นฉบับ", "source"),
    "text": ("เนื้อข่าว", "Text"),
    "text_partial": (
        "กราฟเก็บเฉพาะประโยคที่กล่าวถึงสิ่งที่รู้จัก จึงแสดงเฉพาะประโยคเหล่านั้น",
        "The graph keeps the sentences that name something it knows; those are shown.",
    ),
    "mentions_here": ("สิ่งที่กล่าวถึงในข่าวนี้", "Named in this article"),
    "not_found": ("ไม่พบหน้านี้", "Not found"),
    "not_found_text": (
        "กราฟไม่มีข้อมูลเกี่ยวกับ IRI นี้ ลองค้นหาด้วยชื่อ",
        "The graph says nothing about this IRI. Try searching for a name.",
    ),
    "no_results": ("ไม่พบผลลัพธ์", "No results"),
    "results_for": ("ผลการค้นหา", "Results for"),
    "holds_graph": ("กราฟนี้มี", "This graph holds"),
    "entities": ("สิ่งที่รู้จัก", "entities"),
    "articles": ("ข่าว", "articles"),
    "triples": ("ทริปเปิล", "triples"),
    "per_class": ("จำแนกตามประเภท", "By class"),
    "timeline": ("ลำดับเวลาการประชุม", "Meetings on a timeline"),
    "latest": ("ข่าวล่าสุด", "Latest articles"),
    "for_developers": ("สำหรับนักพัฒนา", "For developers"),
    "classes": ("คลาส", "Classes"),
    "properties": ("คุณสมบัติ", "Properties"),
    "individuals": ("ค่าที่กำหนดไว้", "Fixed individuals"),
    "subclass_of": ("เป็นคลาสย่อยของ", "subclass of"),
    "domain": ("โดเมน", "domain"),
    "range": ("เรนจ์", "range"),
    "neighbourhood": ("ความเชื่อมโยง", "Connections"),
    "graph_help": (
        "คลิกโหนดเพื่อขยาย ดับเบิลคลิกเพื่อเปิดหน้า",
        "Click a node to expand it; double-click to open its page.",
    ),
    "truncated": ("แสดงเพียงบางส่วน", "Only part is shown"),
    "more": ("และอีก {n} รายการที่ไม่ได้แสดง", "and {n} more not shown"),
    "more_earlier": ("การประชุมก่อนหน้านี้อีก {n} ครั้ง", "{n} earlier meetings"),
    "date": ("วันที่", "Date"),
    "title": ("ชื่อข่าว", "Title"),
    "type": ("ประเภท", "Class"),
}


def word(key: str, lang: Lang) -> str:
    """The interface word ``key`` in ``lang``."""
    th, en = WORDS[key]
    return th if lang == "th" else en


def format_date(lexical: str, datatype: str, lang: Lang) -> str:
    """A date as the page's readers write it: Thai in the Buddhist era, English in CE.

    ``datatype`` is the XSD local name: ``date``, ``gYearMonth`` or ``gYear``; a value that
    does not parse is shown as it is.

    >>> format_date("2025-01-16", "date", "th")
    '16 มกราคม 2568'
    >>> format_date("2024-02", "gYearMonth", "en")
    'February 2024'
    >>> format_date("2024", "gYear", "th")
    'พ.ศ. 2567'
    """
    try:
        if datatype == "date":
            day = datetime.date.fromisoformat(lexical)
            if lang == "th":
                return thai_strftime(datetime.datetime(day.year, day.month, day.day), "%-d %B %Y")
            return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"
        if datatype == "gYearMonth":
            year, month = (int(x) for x in lexical.split("-")[:2])
            if lang == "th":
                return thai_strftime(datetime.datetime(year, month, 1), "%B %Y")
            return f"{_EN_MONTHS[month - 1]} {year}"
        if datatype == "gYear":
            year = int(lexical)
            return f"พ.ศ. {year + 543}" if lang == "th" else str(year)
    except (ValueError, IndexError):
        pass
    return lexical


def format_range(start: tuple[str, str] | None, end: tuple[str, str] | None, lang: Lang) -> str:
    """A start and end date as one phrase: ``9–10 February 2023``.

    >>> format_range(("2023-02-09", "date"), ("2023-02-10", "date"), "en")
    '9–10 February 2023'
    >>> format_range(("2023-08-24", "date"), ("2023-08-25", "date"), "th")
    '24–25 สิงหาคม 2566'
    """
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        value = start or end
        assert value is not None
        return format_date(value[0], value[1], lang)
    if start[1] == end[1] == "date" and start[0][:7] == end[0][:7]:
        whole = format_date(end[0], "date", lang)
        day = str(int(start[0][8:10]))
        return f"{day}–{whole}"
    return f"{format_date(*start, lang)} – {format_date(*end, lang)}"
