r"""Dates as Thai government news writes them, resolved to the Common Era.

Thai news dates a day as ``วันศุกร์ที่ 17 มกราคม 2568`` (Buddhist era: 2568 - 543 = 2025),
``16 ม.ค. 68``, ``21/03/2566`` or ``9-10 กุมภาพันธ์ 2566``; it dates vaguer things as
``ต้นเดือนกุมภาพันธ์ 2567`` (early February 2024), ``ปี 2567`` or relative to the day of
writing (``ในเดือนมีนาคมนี้``, "this coming March"). The graph stores only what the text
says: a day (``xsd:date``), a month (``xsd:gYearMonth``) or a year (``xsd:gYear``), so a
:class:`PartialDate` never invents a day.

>>> [d.start.xsd() for d in find_dates("เมื่อวันที่ 16 มกราคม 2568 และต้นปี 2567")]
[('2025-01-16', 'xsd:date'), ('2024', 'xsd:gYear')]
>>> parse_date("ระหว่างวันที่ 9-10 กุมภาพันธ์ 2566").end
PartialDate(year=2023, month=2, day=10)

Relative forms need the article's own date as ``reference``; without one they are skipped:

>>> import datetime
>>> parse_date("ในเดือนมีนาคมนี้", reference=datetime.date(2024, 3, 7)).start.xsd()
('2024-03', 'xsd:gYearMonth')
>>> parse_date("ในเดือนมีนาคมนี้") is None
True
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from pythainlp.util.date import (
    thai_abbr_months,
    thai_full_month_lists,
    thai_full_months,
    thai_full_weekdays,
)

from aseankg.extract.model import Span
from aseankg.nlp.normalize import fold
from aseankg.nlp.quick import quick

__all__ = ["DateExpr", "PartialDate", "find_dates", "parse_date"]

#: Buddhist era year - this = Common Era year.
BE_OFFSET = 543
_EARLIEST_YEAR, _LATEST_YEAR = 1800, 2300  # plausible Common Era years for news


@dataclass(frozen=True)
class PartialDate:
    """A Common Era date known to the year, the month or the day.

    >>> PartialDate(2025, 1, 17).xsd()
    ('2025-01-17', 'xsd:date')
    >>> PartialDate(2024, 2).xsd()
    ('2024-02', 'xsd:gYearMonth')
    >>> PartialDate(2024).xsd(), PartialDate(2024).to_date()
    (('2024', 'xsd:gYear'), None)
    >>> PartialDate(2023, 2, 30)
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is outside 1..9999")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is outside 1..12")
        if self.day is not None:
            datetime.date(self.year, self.month, self.day)  # raises ValueError for 30 Feb

    def xsd(self) -> tuple[str, str]:
        """The lexical form and the XSD datatype CURIE that say exactly this much."""
        if self.month is None:
            return f"{self.year:04d}", "xsd:gYear"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}", "xsd:gYearMonth"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}", "xsd:date"

    def to_date(self) -> datetime.date | None:
        """The day as a :class:`datetime.date`, or None when the day is not known."""
        if self.month is None or self.day is None:
            return None
        return datetime.date(self.year, self.month, self.day)


@dataclass(frozen=True)
class DateExpr:
    """One date expression: where it stands, and the date or range it denotes.

    ``qualifier`` is ``"early"``, ``"mid"`` or ``"late"`` for ต้น / กลาง / ปลาย (or สิ้น)
    เดือน / ปี, which narrow the period without naming a day.
    """

    span: Span
    start: PartialDate
    end: PartialDate | None = None
    qualifier: str | None = None


# --- the words ---------------------------------------------------------------------------

_EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_EN_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_THAI_NUMERAL_WORDS = "หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ หลาย".split()
_QUALIFIERS = {"ต้น": "early", "กลาง": "mid", "ปลาย": "late", "สิ้น": "late",
               "early": "early", "mid": "mid", "late": "late"}
_ERA_BE = ("พ", "B")  # พ.ศ., B.E.
# Words counted with a number: "มีนาคม 10 ประเทศ" is ten countries, not the year 2510.
_UNITS = ("ประเทศ คน ราย ครั้ง แห่ง โครงการ ฉบับ ล้าน พัน หมื่น แสน บาท ดอลลาร์ เปอร์เซ็นต์ % "
          "วัน เดือน ปี ชั่วโมง นาที หน่วยงาน องค์กร บริษัท ข้อ เรื่อง ชิ้น ตัว คัน ลำ ชุด "
          "กลุ่ม ทีม ประการ อันดับ ท่าน เครื่อง หลัง รายการ").split()


def _key(name: str) -> str:
    """The lookup key of a month name: no dots, no spaces, lower case."""
    return re.sub(r"[\s.\u200b-\u200d\u2060\ufeff]", "", name).lower()


def _cased(word: str) -> str:
    """An English word as written in running text: Capitalised or UPPER."""
    return f"(?:{re.escape(word.capitalize())}|{re.escape(word.upper())})"


def _alternation(fragments: list[tuple[str, str]]) -> str:
    """Longest literal first, so ``มีนาคม`` wins over ``มีนา``."""
    return "|".join(regex for _, regex in sorted(fragments, key=lambda f: -len(f[0])))


_Names = list[tuple[str, str]]  # (name as written, its regex)


def _month_names() -> tuple[dict[str, int], _Names, _Names, _Names]:
    """Month number by name key, and (name, regex) for Thai full/short, Thai abbreviated, English."""
    numbers: dict[str, int] = {}
    thai: _Names = []
    abbreviated: _Names = []
    english: _Names = []
    names = zip(thai_full_months, thai_abbr_months, thai_full_month_lists, _EN_MONTHS)
    for number, (full, abbr, variants, name) in enumerate(names, start=1):
        short = variants[1]  # มกรา, กุมภา, ...: only as a whole word
        thai += [(full, re.escape(full)), (short, re.escape(short) + r"(?![\u0e01-\u0e4e])")]
        letters = [re.escape(part) for part in abbr.split(".") if part]
        abbreviated.append((abbr, r"\.[ \xa0]?".join(letters) + r"\.?"))  # ม.ค. / ม. ค / ...
        english_abbrs = [name[:3]] + (["Sept"] if number == 9 else [])
        english.append((name, _cased(name)))
        english += [(a, _cased(a) + r"\.?") for a in english_abbrs if a != name]
        for written in (full, short, abbr, name, *english_abbrs):
            numbers[_key(written)] = number
    return numbers, thai, abbreviated, english


_MONTHS, _THAI_FULL, _THAI_ABBR, _ENGLISH = _month_names()

# --- the pattern pieces ------------------------------------------------------------------

_GAP = r"[ \t\xa0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]*"  # never a line break
_NOT_COUNTED = (  # "3 เดือนที่แล้ว" is three months ago; "ทุกปี" is every year
    r"(?<![0-9])(?<![0-9] )(?<![0-9]\xa0)(?<!ทุก)(?<!ทุก )"
    + "".join(f"(?<!{w})(?<!{w} )" for w in _THAI_NUMERAL_WORDS)
)
_YEAR_END = r"(?![0-9]|[.,:/][0-9])"
_ERA = r"(?:พ\.?[ \xa0]?ศ\.?|ค\.?[ \xa0]?ศ\.?|(?<![A-Za-z])(?:B\.?E|C\.?E|A\.?D)\.?)"
_CONN = r"(?:-|จนถึง|ถึง|(?<![A-Za-z])(?:to|until|till|through)(?![A-Za-z]))"

_PIECES: dict[str, str] = {
    "GAP": _GAP,
    "NOTCOUNTED": _NOT_COUNTED,
    "ERA": _ERA,
    "CONN": _CONN,
    "YEND": _YEAR_END,
    "NOUNIT": rf"(?!{_GAP}(?:{'|'.join(_UNITS)}))",
    "MONTH": _alternation(_THAI_FULL + _THAI_ABBR)
    + rf"|(?<![A-Za-z])(?:{_alternation(_ENGLISH)})(?![A-Za-z])",
    "MABBR": _alternation(_THAI_ABBR),
    "MEN": rf"(?<![A-Za-z])(?:{_alternation(_ENGLISH)})(?![A-Za-z])",
    "DAY": r"(?<![0-9.,/:])(?:[12][0-9]|3[01]|0?[1-9])(?![0-9]|[.,:][0-9])(?:st|nd|rd|th)?",
    "QUAL": r"(?:ต้น(?<!เบื้องต้น)|กลาง|ปลาย|สิ้น|(?<![A-Za-z])(?:[Ee]arly|[Mm]id|[Ll]ate)(?![A-Za-z]))",
    "DAYWORD": r"(?:(?:" + "|".join(thai_full_weekdays) + r"){GAP}(?:ที่{GAP})?"
    + r"|(?:" + "|".join(_cased(d) for d in _EN_WEEKDAYS) + r"),?{GAP})?(?:วันที่{GAP})?",
    "RELYEAR": r"(?:ของ{GAP})?ปี{GAP}(?:นี้|หน้า|ที่แล้ว|ก่อน)",
    "RELNEAR": r"(?:นี้|ที่จะถึง(?:นี้)?|ที่ผ่านมา|ที่แล้ว)",
}


def _year_slot(tag: str, short: bool) -> str:
    """A year after a month: a number (two digits need an era unless ``short``), or relative."""
    two_digits = r"|[0-9]{2}{YEND}{NOUNIT}" if short else ""
    era_two_digits = "" if short else (
        r"|(?:ปี{GAP})?(?P<eb{t}>{ERA}){GAP}(?P<yb{t}>[0-9]{2}){YEND}{NOUNIT}"
    )
    return (
        r"(?:(?:ปี{GAP})?(?:(?P<e{t}>{ERA}){GAP})?(?P<y{t}>[0-9]{4}{YEND}" + two_digits + ")"
        + era_two_digits + r"|(?P<ry{t}>{RELYEAR})|(?P<rn{t}>{RELNEAR}))"
    ).replace("{t}", tag)


def _compile(template: str) -> re.Pattern[str]:
    """Expand ``{NAME}`` pieces (repeatedly: pieces hold pieces); ``{4}`` stays a quantifier."""
    previous = None
    while previous != template:
        previous, template = template, re.sub(
            r"\{([A-Z][A-Z0-9]*)\}", lambda m: _PIECES[m[1]], template
        )
    return quick(template)


# --- resolving a match -------------------------------------------------------------------

Resolved = tuple[PartialDate, PartialDate | None, str | None]


def _era_year(digits: str, era: str | None, english: bool = False) -> int | None:
    """Common Era year of a written year; a year above 2400 is Buddhist era."""
    year = int(digits)
    buddhist = era[0] in _ERA_BE if era else None
    if len(digits) == 2:
        year += 2000 if buddhist is False or (buddhist is None and english) else 2500
    if buddhist or (buddhist is None and year > 2400):
        year -= BE_OFFSET
    return year if _EARLIEST_YEAR <= year <= _LATEST_YEAR else None


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _has_year(m: re.Match[str], t: str) -> bool:
    return any(_group(m, g + t) for g in ("y", "yb", "ry", "rn"))


def _slot_year(
    m: re.Match[str], t: str, month: int, day: int | None, ref: datetime.date | None
) -> int | None:
    """The year written (or implied) after month ``t``; None when it cannot be known."""
    english = (_group(m, "m" + t) or "").isascii()
    if digits := _group(m, "y" + t):
        return _era_year(digits, _group(m, "e" + t), english)
    if digits := _group(m, "yb" + t):
        return _era_year(digits, _group(m, "eb" + t), english)
    if ref is None:
        return None
    if relative_year := _group(m, "ry" + t):
        return ref.year + _relative_step(relative_year)
    here = (month, day or 0)
    now = (ref.month, ref.day if day else 0)
    if near := _group(m, "rn" + t):
        if near in ("ที่ผ่านมา", "ที่แล้ว"):  # the last one, on or before the reference
            return ref.year if here <= now else ref.year - 1
        return ref.year if here >= now else ref.year + 1  # นี้ / ที่จะถึง: the next one
    return ref.year  # no year written: the reference year


def _relative_step(word: str) -> int:
    """-1, 0 or +1 for a word that places a period before, at or after the reference."""
    if word.endswith("หน้า") or word.startswith("พรุ่ง"):
        return 1
    if word.endswith(("ที่แล้ว", "ก่อน", "ที่ผ่านมา")) or word.startswith("เมื่อวาน"):
        return -1
    return 0


def _qualifier(m: re.Match[str]) -> str | None:
    word = _group(m, "q")
    return _QUALIFIERS[word.lower()] if word else None


def _date(year: int | None, month: int | None = None, day: int | None = None) -> PartialDate | None:
    if year is None:
        return None
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _range(start: PartialDate | None, end: PartialDate | None) -> Resolved | None:
    """A range whose end comes strictly after its start, or None."""
    if start is None or end is None:
        return None
    if (start.year, start.month or 0, start.day or 0) >= (end.year, end.month or 0, end.day or 0):
        return None
    return start, end, None


def _day(m: re.Match[str], t: str) -> int:
    return int(re.match(r"[0-9]+", m["d" + t])[0])  # type: ignore[index]


def _month(m: re.Match[str], t: str) -> int:
    return _MONTHS[_key(m["m" + t])]


def _both_years(
    m: re.Match[str], first: tuple[int, int | None], last: tuple[int, int | None],
    ref: datetime.date | None,
) -> tuple[int | None, int | None]:
    """Years of a range's two ends; a year written on one end carries to the other."""
    in_order = (first[0], first[1] or 0) <= (last[0], last[1] or 0)
    if _has_year(m, "2"):
        y2 = _slot_year(m, "2", *last, ref)
        y1 = _slot_year(m, "1", *first, ref) if _has_year(m, "1") else (
            None if y2 is None else y2 if in_order else y2 - 1)
    elif _has_year(m, "1"):
        y1 = _slot_year(m, "1", *first, ref)
        y2 = None if y1 is None else y1 if in_order else y1 + 1
    else:  # no year written: the range starts in the reference year
        y1 = None if ref is None else ref.year
        y2 = None if y1 is None else y1 if in_order else y1 + 1
    return y1, y2


def _days_in_one_month(m: re.Match[str], ref: datetime.date | None) -> Resolved | None:
    month = _month(m, "2")
    d1, d2 = _day(m, "1"), _day(m, "2")
    year = _slot_year(m, "2", month, d2, ref)
    return _range(_date(year, month, d1), _date(year, month, d2))


def _days_across_months(m: re.Match[str], ref: datetime.date | None) -> Resolved | None:
    first, last = (_month(m, "1"), _day(m, "1")), (_month(m, "2"), _day(m, "2"))
    y1, y2 = _both_years(m, first, last, ref)
    return _range(_date(y1, *first), _date(y2, *last))


def _one_day(m: re.Match[str], ref: datetime.date | None) -> Resolved | None:
    month, day = _month(m, "1"), _day(m, "1")
    if _group(m, "d2"):  # English "February 9-10, 2023"
        return _days_in_one_month_en(m, ref, month, day)
    start = _date(_slot_year(m, "1", month, day, ref), month, day)
    return None if start is None else (start, None, None)


def _days_in_one_month_en(
    m: re.Match[str], ref: datetime.date | None, month: int, day: int
) -> Resolved | None:
    year = _slot_year(m, "1", month, day, ref)
    return _range(_date(year, month, day), _date(year, month, _day(m, "2")))


def _numeric(m: re.Match[str], ref: datetime.date | None) -> Resolved | None:
    digits = m["y1"]
    if m["sep"] == "." and len(digits) == 2:  # 1.2.25 is more likely a version or a list
        return None
    start = _date(_era_year(digits, None), int(m["mn1"]), int(m["d1"]))
    return None if start is None else (start, None, None)


def _iso(m: re.Match[str], ref: datetime.date | None) -> Resolved | None:
    start = _date(_era_year(m["y1"], None), int(m["mn1"]), int(m["d1"]))
    return None if start is None else (start, None, None)


def _one_month(m: re.Match[str], ref: datetime.date | None) -> Resolved | None:
    month = _month(m, "1")
    start = _date(_slot_year(m, "1", month, None, ref), month)
    return None if start is None else (start, None, _qualifier(m))


def _months(m: re.Match[str], ref: datetime.date | None) -> Resolved | None:
    first, last = (_month(m, "1"), None), (_month(m, "2"), None)
    y1, y2 = _both_years(m, first, last, ref)
    return _range(_date(y1, first[0]), _date(y2, last[0]))


def _one_year(m: re.Match[str], ref: datetime.date | None) -> Resolved | None:
    digits, era, qualifier = m["y1"], _group(m, "e1"), _group(m, "q")
    english_qualifier = bool(qualifier and qualifier.isascii())
    if not (_group(m, "pi") or era or (english_qualifier and len(digits) == 4)):
        return None  # a bare number is not a year
    if len(digits) == 2 and not (era or (_group(m, "pi") and _group(m, "short"))):
        return None
    start = _date(_era_year(digits, era))
    return None if start is None else (start, None, _qualifier(m))


def _years(m: re.Match[str], ref: datetime.date | None) -> Resolved | None:
    era = _group(m, "e1") or _group(m, "e2")
    if not (_group(m, "pi") or era):
        return None
    return _range(_date(_era_year(m["y1"], era)), _date(_era_year(m["y2"], era)))


def _relative(m: re.Match[str], ref: datetime.date | None) -> Resolved | None:
    if ref is None:
        return None
    step = _relative_step(m["rel"])
    if _group(m, "unit") == "ปี":
        start = _date(ref.year + step)
    elif _group(m, "unit") == "เดือน":
        index = ref.year * 12 + ref.month - 1 + step
        start = _date(index // 12, index % 12 + 1)
    else:
        try:
            day = ref + datetime.timedelta(days=step)
        except OverflowError:  # the day before 1 January of year 1
            return None
        start = _date(day.year, day.month, day.day)
    return None if start is None else (start, None, _qualifier(m))


_MONTH_PREFIX = r"(?:ช่วง{GAP})?(?:(?P<q>{QUAL}){GAP}-?{GAP})?(?:เดือน{GAP})?"
Resolver = Callable[[re.Match[str], datetime.date | None], Resolved | None]
_RULES: list[tuple[re.Pattern[str], Resolver]] = [
    # 9-10 กุมภาพันธ์ 2566, ระหว่างวันที่ 24– 25 สิงหาคม 2566, วันที่ 9 ถึงวันที่ 10 มีนาคม
    (_compile(r"{DAYWORD}(?P<d1>{DAY}){GAP}{CONN}{GAP}(?:วันที่{GAP})?(?P<d2>{DAY}){GAP}"
              r"(?:of{GAP})?(?P<m2>{MONTH})(?:{GAP}" + _year_slot("2", True) + ")?"),
     _days_in_one_month),
    # 30 มกราคม - 2 กุมภาพันธ์ 2568, 28 ธันวาคม 2567 - 3 มกราคม 2568
    (_compile(r"{DAYWORD}(?P<d1>{DAY}){GAP}(?P<m1>{MONTH}){GAP}(?:" + _year_slot("1", True)
              + r"{GAP})?{CONN}{GAP}{DAYWORD}(?P<d2>{DAY}){GAP}(?P<m2>{MONTH})(?:{GAP}"
              + _year_slot("2", True) + ")?"),
     _days_across_months),
    # วันศุกร์ที่ 17 มกราคม 2568, 16 ม.ค. 68, 17 January 2025, ในวันที่ 18 มีนาคม
    (_compile(r"{DAYWORD}(?P<d1>{DAY})(?:{GAP}of)?{GAP}(?P<m1>{MONTH})(?:{GAP}"
              + _year_slot("1", True) + ")?"),
     _one_day),
    # January 17, 2025; February 9-10, 2023
    (_compile(r"{DAYWORD}(?P<m1>{MEN}){GAP}(?P<d1>{DAY})(?:{GAP}{CONN}{GAP}(?P<d2>{DAY}))?"
              r"(?:{GAP}(?:,{GAP})?(?P<y1>[0-9]{4}){YEND})?"),
     _one_day),
    # 21/03/2566, 17-01-2568
    (_compile(r"{DAYWORD}(?<![0-9/.-])(?P<d1>[0-9]{1,2})(?P<sep>[/.-])(?P<mn1>[0-9]{1,2})"
              r"(?P=sep)(?P<y1>[0-9]{4}|[0-9]{2})(?![0-9]|[/.-][0-9])"),
     _numeric),
    # 2025-01-17
    (_compile(r"(?<![0-9/.-])(?P<y1>[0-9]{4})-(?P<mn1>[0-9]{2})-(?P<d1>[0-9]{2})"
              r"(?![0-9]|[/.-][0-9])"),
     _iso),
    # กุมภาพันธ์ 2567, ต้นเดือนกุมภาพันธ์ 2567, เดือนมีนาคมนี้, early February 2024
    (_compile(_MONTH_PREFIX + r"(?P<m1>{MONTH}){GAP}" + _year_slot("1", False)), _one_month),
    # ม.ค. 68
    (_compile(_MONTH_PREFIX + r"(?P<m1>{MABBR}){GAP}" + _year_slot("1", True)), _one_month),
    # ในเดือนมีนาคม (the reference year)
    (_compile(r"(?:ช่วง{GAP})?(?:(?P<q>{QUAL}){GAP})?เดือน{GAP}(?P<m1>{MONTH})"), _one_month),
    # มกราคม - มีนาคม 2567
    (_compile(r"(?:ช่วง{GAP})?(?:เดือน{GAP})?(?P<m1>{MONTH}){GAP}(?:" + _year_slot("1", False)
              + r"{GAP})?{CONN}{GAP}(?:เดือน{GAP})?(?P<m2>{MONTH}){GAP}" + _year_slot("2", False)),
     _months),
    # ปี 2567, ต้นปี 2567, ประจำปี 2566, ค.ศ. 2025, ปี 68, late 2024
    (_compile(r"(?:ช่วง{GAP})?(?:(?P<q>{QUAL}){GAP}-?{GAP})?(?:(?=ปี){NOTCOUNTED}(?P<pi>ปี){GAP})?"
              r"(?:(?P<e1>{ERA}){GAP})?(?P<y1>[0-9]{4}{YEND}|(?P<short>[0-9]{2}){YEND}{NOUNIT})"
              r"(?![A-Za-z])"),
     _one_year),
    # ปี 2566-2570, พ.ศ. 2566 - 2570
    (_compile(r"(?:(?=ปี){NOTCOUNTED}(?P<pi>ปี){GAP})?(?:(?P<e1>{ERA}){GAP})?(?P<y1>[0-9]{4}){GAP}{CONN}"
              r"{GAP}(?:ปี{GAP})?(?:(?P<e2>{ERA}){GAP})?(?P<y2>[0-9]{4}){YEND}"),
     _years),
    # เดือนนี้, ต้นปีหน้า, ปีที่แล้ว
    (_compile(r"(?:ช่วง{GAP})?(?:(?P<q>{QUAL}){GAP})?(?=เดือน|ปี){NOTCOUNTED}(?P<unit>เดือน|ปี){GAP}"
              r"(?P<rel>นี้|หน้า|ที่แล้ว|ก่อน)"),
     _relative),
    # วันนี้, เมื่อวานนี้, พรุ่งนี้
    (_compile(r"(?=วันนี้|เมื่อวาน|พรุ่งนี้){NOTCOUNTED}(?P<rel>วันนี้|เมื่อวาน(?:นี้)?|พรุ่งนี้)"), _relative),
]


def find_dates(text: str, reference: datetime.date | None = None) -> list[DateExpr]:
    """Every date expression in ``text``, left to right, non-overlapping, longest first.

    ``reference`` is the day of writing (the article's date); relative forms such as
    ``เดือนหน้า`` or a day and month without a year are resolved against it, and skipped
    when it is None. Spans are offsets into ``text``.

    >>> [(d.span.text, d.start.xsd()[0]) for d in find_dates("วันศุกร์ที่ 17 มกราคม 2568")]
    [('วันศุกร์ที่ 17 มกราคม 2568', '2025-01-17')]
    >>> d = parse_date("ปลายเดือนมกราคม 2568")
    >>> d.start.xsd(), d.qualifier
    (('2025-01', 'xsd:gYearMonth'), 'late')
    >>> find_dates("ความร่วมมือจาก 4 ประเทศ จำนวน 57,900 ดอลลาร์")
    []
    """
    scan = fold(text)
    found: list[tuple[int, int, Resolved]] = []
    for pattern, resolve in _RULES:
        for m in pattern.finditer(scan):
            if m.end() > m.start() and (resolved := resolve(m, reference)) is not None:
                found.append((m.start(), m.end(), resolved))
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    dates: list[DateExpr] = []
    taken = 0
    for begin, end, (start, last, qualifier) in found:
        if begin >= taken:
            dates.append(DateExpr(Span(begin, end, text[begin:end]), start, last, qualifier))
            taken = end
    return dates


def parse_date(text: str, reference: datetime.date | None = None) -> DateExpr | None:
    """The first date expression in ``text``, or None.

    >>> parse_date("16 ม.ค. 68").start
    PartialDate(year=2025, month=1, day=16)
    >>> parse_date("การประชุมครั้งที่ 5") is None
    True
    """
    dates = find_dates(text, reference)
    return dates[0] if dates else None
