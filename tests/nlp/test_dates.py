"""Dates as Thai government news writes them: days, ranges, months, years, relative forms."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.util import arabic_digit_to_thai_digit
from pythainlp.util.date import thai_abbr_months, thai_full_months

from aseankg.nlp import DateExpr, PartialDate, find_dates, parse_date

DOCUMENTS = Path(__file__).resolve().parents[2] / "data" / "documents"
# The day an article of 7 March 2024 was written: what "this March" and "next year" mean.
REF = datetime.date(2024, 3, 7)


def xsd(d: PartialDate | None) -> str | None:
    return None if d is None else d.xsd()[0]


def only(text: str, reference: datetime.date | None = None) -> DateExpr:
    """The one date expression in ``text``."""
    found = find_dates(text, reference)
    assert len(found) == 1, found
    assert text[found[0].span.begin : found[0].span.end] == found[0].span.text
    return found[0]


# --- the five articles -------------------------------------------------------------------

ARTICLE_DATES = {
    "000_d03fc73eb21f62b7.txt": datetime.date(2025, 1, 17),
    "001_599a62f171b3e0cb.txt": datetime.date(2024, 3, 7),
    "002_4ff7798ad9a84257.txt": datetime.date(2025, 1, 17),
    "003_6ac950ea22fcd97a.txt": datetime.date(2023, 3, 21),
    "004_de60a9fdace74075.txt": datetime.date(2023, 8, 25),
}


def read(name: str) -> str:
    return (DOCUMENTS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name, issued", sorted(ARTICLE_DATES.items()))
def test_each_article_date_line_parses_to_its_issue_date(name: str, issued: datetime.date) -> None:
    # The date line is the first non-blank line after the headline: "วัน<weekday>ที่ D <month> YYYY".
    lines = [line for line in read(name).splitlines() if line.strip()]
    date_line = lines[1]
    assert date_line.startswith("วัน")
    found = parse_date(date_line)
    assert found is not None
    assert found.start.to_date() == issued
    assert found.start.xsd() == (issued.isoformat(), "xsd:date")
    assert found.span.text == date_line.strip()
    assert found.end is None and found.qualifier is None


def test_numeric_date_line_of_the_cabinet_article() -> None:
    lines = read("003_6ac950ea22fcd97a.txt").splitlines()
    assert "21/03/2566" in lines
    assert parse_date("21/03/2566").start.to_date() == datetime.date(2023, 3, 21)


def dates_in(name: str) -> dict[str, DateExpr]:
    text = read(name)
    found = find_dates(text, ARTICLE_DATES[name])
    for d in found:
        assert text[d.span.begin : d.span.end] == d.span.text
    return {d.span.text: d for d in found}


def test_dates_in_the_cambodia_visit_article() -> None:
    found = dates_in("001_599a62f171b3e0cb.txt")
    early = found["ต้นเดือนกุมภาพันธ์ 2567"]
    assert (xsd(early.start), early.qualifier) == ("2024-02", "early")
    assert xsd(found["เดือนมีนาคมนี้"].start) == "2024-03"  # "this March", written on 7 March 2024
    assert (xsd(found["ช่วงกลางเดือนมีนาคมนี้"].start), found["ช่วงกลางเดือนมีนาคมนี้"].qualifier) == (
        "2024-03",
        "mid",
    )
    assert found["วันที่ 18 มีนาคม 2567"].start.to_date() == datetime.date(2024, 3, 18)


def test_dates_in_the_cabinet_article() -> None:
    found = dates_in("003_6ac950ea22fcd97a.txt")
    adgmin = found["วันที่ 9-10 กุมภาพันธ์ 2566"]
    assert (xsd(adgmin.start), xsd(adgmin.end)) == ("2023-02-09", "2023-02-10")
    assert xsd(found["ค.ศ. 2025"].start) == "2025"
    assert (xsd(found["ช่วงต้นปี 2567"].start), found["ช่วงต้นปี 2567"].qualifier) == ("2024", "early")
    # "3. การรายงาน...", "57,900 ดอลลาร์", "4 ประเทศ", "ครั้งที่ 3" are not dates
    assert not [t for t in found if t[0].isdigit() and "ปี" not in t and len(t) < 5]


def test_dates_in_the_retreat_and_ai_forum_articles() -> None:
    retreat = dates_in("004_de60a9fdace74075.txt")["วันที่ 24– 25 สิงหาคม 2566"]
    assert (xsd(retreat.start), xsd(retreat.end)) == ("2023-08-24", "2023-08-25")
    forum = dates_in("002_4ff7798ad9a84257.txt")["เดือนมิถุนายน 2568"]
    assert forum.start.xsd() == ("2025-06", "xsd:gYearMonth")


def test_masterplan_2025_and_retreat_of_2023_are_names_not_dates() -> None:
    text = read("004_de60a9fdace74075.txt")
    spans = [d.span.text for d in find_dates(text)]
    assert not any("2025" in s or "2023" in s for s in spans)


# --- single days -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, span, day",
    [
        ("วันศุกร์ที่ 17 มกราคม 2568", "วันศุกร์ที่ 17 มกราคม 2568", "2025-01-17"),
        ("เมื่อวันที่ 16 มกราคม 2568  นายกฯ", "วันที่ 16 มกราคม 2568", "2025-01-16"),
        ("๑๗ มกราคม ๒๕๖๘", "๑๗ มกราคม ๒๕๖๘", "2025-01-17"),
        ("วันอังคารที่   21\xa0มีนาคม   2566", "วันอังคารที่   21\xa0มีนาคม   2566", "2023-03-21"),
        ("17มกราคม2568", "17มกราคม2568", "2025-01-17"),
        ("16 ม.ค. 68", "16 ม.ค. 68", "2025-01-16"),
        ("16 ม.ค. 2568", "16 ม.ค. 2568", "2025-01-16"),
        ("1 มี.ค. 61", "1 มี.ค. 61", "2018-03-01"),
        ("3 ธ.ค. 67 เวลา 10.30 น.", "3 ธ.ค. 67", "2024-12-03"),
        ("17 มกราคม พ.ศ. 2568", "17 มกราคม พ.ศ. 2568", "2025-01-17"),
        ("17 มกราคม ค.ศ. 2025", "17 มกราคม ค.ศ. 2025", "2025-01-17"),
        ("17 มกราคม 2025", "17 มกราคม 2025", "2025-01-17"),
        ("21/03/2566", "21/03/2566", "2023-03-21"),
        ("ลงวันที่ 5/1/67", "วันที่ 5/1/67", "2024-01-05"),
        ("2025-01-17", "2025-01-17", "2025-01-17"),
        ("17 January 2025", "17 January 2025", "2025-01-17"),
        ("Friday, 17 January 2025", "Friday, 17 January 2025", "2025-01-17"),
        ("on the 17th of January 2025", "17th of January 2025", "2025-01-17"),
        ("January 17, 2025", "January 17, 2025", "2025-01-17"),
        ("16 Jan. 2025", "16 Jan. 2025", "2025-01-16"),
        ("29 กุมภาพันธ์ 2567", "29 กุมภาพันธ์ 2567", "2024-02-29"),
    ],
)
def test_single_days(text: str, span: str, day: str) -> None:
    found = only(text)
    assert found.span.text == span
    assert found.start.xsd() == (day, "xsd:date")
    assert found.end is None and found.qualifier is None


def test_span_offsets_point_into_the_given_text() -> None:
    text = "ดีอีแถลงข่าว\nเมื่อวันที่ 16 มกราคม 2568 ณ กรุงเทพฯ"
    found = only(text)
    begin = len("ดีอีแถลงข่าว\nเมื่อ")
    assert (found.span.begin, found.span.end) == (begin, begin + len("วันที่ 16 มกราคม 2568"))
    assert text[found.span.begin : found.span.end] == "วันที่ 16 มกราคม 2568"


def test_two_digit_buddhist_years() -> None:
    assert parse_date("1 ต.ค. 61").start.year == 2018  # 61 -> 2561 -> 2018
    assert parse_date("1 ต.ค. 99").start.year == 2056
    assert parse_date("1 Oct 25").start.year == 2025  # an English month: a Common Era year


def test_an_impossible_day_is_never_a_day() -> None:
    for text in ("30 กุมภาพันธ์ 2566", "31 เมษายน 2567", "29 กุมภาพันธ์ 2566", "32 มกราคม 2568"):
        assert all(d.start.day is None for d in find_dates(text, REF)), text


# --- ranges ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, span, start, end",
    [
        ("9-10 กุมภาพันธ์ 2566", "9-10 กุมภาพันธ์ 2566", "2023-02-09", "2023-02-10"),
        ("24– 25 สิงหาคม 2566", "24– 25 สิงหาคม 2566", "2023-08-24", "2023-08-25"),
        ("24 —25 ส.ค. 66", "24 —25 ส.ค. 66", "2023-08-24", "2023-08-25"),
        ("ระหว่างวันที่ 9-10 กุมภาพันธ์ 2566 ณ", "วันที่ 9-10 กุมภาพันธ์ 2566", "2023-02-09", "2023-02-10"),
        ("ระหว่างวันที่ 9 ถึง 12 มีนาคม 2567", "วันที่ 9 ถึง 12 มีนาคม 2567", "2024-03-09", "2024-03-12"),
        ("ตั้งแต่วันที่ 9 ถึงวันที่ 12 มีนาคม 2567", "วันที่ 9 ถึงวันที่ 12 มีนาคม 2567", "2024-03-09", "2024-03-12"),
        ("30 มกราคม - 2 กุมภาพันธ์ 2568", "30 มกราคม - 2 กุมภาพันธ์ 2568", "2025-01-30", "2025-02-02"),
        ("ระหว่างวันที่ 30 มกราคม ถึงวันที่ 2 กุมภาพันธ์ 2568", "วันที่ 30 มกราคม ถึงวันที่ 2 กุมภาพันธ์ 2568",
         "2025-01-30", "2025-02-02"),
        ("28 ธันวาคม 2567 - 3 มกราคม 2568", "28 ธันวาคม 2567 - 3 มกราคม 2568", "2024-12-28", "2025-01-03"),
        ("28 ธันวาคม - 3 มกราคม 2568", "28 ธันวาคม - 3 มกราคม 2568", "2024-12-28", "2025-01-03"),
        ("9-10 February 2023", "9-10 February 2023", "2023-02-09", "2023-02-10"),
        ("February 9–10, 2023", "February 9–10, 2023", "2023-02-09", "2023-02-10"),
        ("มกราคม - มีนาคม 2567", "มกราคม - มีนาคม 2567", "2024-01", "2024-03"),
        ("ปี 2566-2570", "ปี 2566-2570", "2023", "2027"),
        ("ตามแผนฯ พ.ศ. 2566 – 2570", "พ.ศ. 2566 – 2570", "2023", "2027"),
    ],
)
def test_ranges(text: str, span: str, start: str, end: str) -> None:
    found = only(text)
    assert found.span.text == span
    assert (xsd(found.start), xsd(found.end)) == (start, end)
    assert found.start.xsd()[1] == found.end.xsd()[1]


def test_a_range_that_runs_backwards_is_not_a_range() -> None:
    found = find_dates("10-9 กุมภาพันธ์ 2566")
    assert all(d.end is None for d in found)
    assert [xsd(d.start) for d in found] == ["2023-02-09"]


# --- months and years --------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, span, value, datatype, qualifier",
    [
        ("กุมภาพันธ์ 2567", "กุมภาพันธ์ 2567", "2024-02", "xsd:gYearMonth", None),
        ("เมื่อต้นเดือนกุมภาพันธ์ 2567 ที่ผ่านมา", "ต้นเดือนกุมภาพันธ์ 2567", "2024-02", "xsd:gYearMonth", "early"),
        ("กลางเดือนมีนาคม 2568", "กลางเดือนมีนาคม 2568", "2025-03", "xsd:gYearMonth", "mid"),
        ("ปลายเดือนธันวาคม 2567", "ปลายเดือนธันวาคม 2567", "2024-12", "xsd:gYearMonth", "late"),
        ("ในเดือนมิถุนายน 2568 และ", "เดือนมิถุนายน 2568", "2025-06", "xsd:gYearMonth", None),
        ("ช่วงเดือน ก.ย. 2566", "ช่วงเดือน ก.ย. 2566", "2023-09", "xsd:gYearMonth", None),
        ("ยอดเดือน ม.ค. 68", "เดือน ม.ค. 68", "2025-01", "xsd:gYearMonth", None),
        ("early February 2024", "early February 2024", "2024-02", "xsd:gYearMonth", "early"),
        ("mid-March 2025", "mid-March 2025", "2025-03", "xsd:gYearMonth", "mid"),
        ("ปี 2567", "ปี 2567", "2024", "xsd:gYear", None),
        ("ในปี 2565 ดีอี", "ปี 2565", "2022", "xsd:gYear", None),
        ("ต้นปี 2567", "ต้นปี 2567", "2024", "xsd:gYear", "early"),
        ("จะจัดขึ้นในช่วงต้นปี 2567", "ช่วงต้นปี 2567", "2024", "xsd:gYear", "early"),
        ("ภายในสิ้นปี 2567", "สิ้นปี 2567", "2024", "xsd:gYear", "late"),
        ("ประจำปี 2566", "ปี 2566", "2023", "xsd:gYear", None),
        ("ปี พ.ศ. 2567", "ปี พ.ศ. 2567", "2024", "xsd:gYear", None),
        ("แผนแม่บท ค.ศ. 2025", "ค.ศ. 2025", "2025", "xsd:gYear", None),
        ("งบปี 68", "ปี 68", "2025", "xsd:gYear", None),
        ("late 2024", "late 2024", "2024", "xsd:gYear", "late"),
    ],
)
def test_months_and_years(
    text: str, span: str, value: str, datatype: str, qualifier: str | None
) -> None:
    found = only(text)
    assert found.span.text == span
    assert found.start.xsd() == (value, datatype)
    assert found.qualifier == qualifier
    assert found.start.to_date() is None  # never invent a day


# --- relative to the article's date --------------------------------------------------------

@pytest.mark.parametrize(
    "text, span, value, qualifier",
    [
        ("ในเดือนมีนาคมนี้ ณ กัมพูชา", "เดือนมีนาคมนี้", "2024-03", None),
        ("เดือนมีนาคมนี้", "เดือนมีนาคมนี้", "2024-03", None),
        ("ช่วงกลางเดือนมีนาคมนี้", "ช่วงกลางเดือนมีนาคมนี้", "2024-03", "mid"),
        ("ปลายเดือนเมษายนนี้", "ปลายเดือนเมษายนนี้", "2024-04", "late"),
        ("เดือนกุมภาพันธ์นี้", "เดือนกุมภาพันธ์นี้", "2025-02", None),  # February has passed: next year's
        ("เดือนมกราคมที่ผ่านมา", "เดือนมกราคมที่ผ่านมา", "2024-01", None),
        ("เดือนเมษายนที่ผ่านมา", "เดือนเมษายนที่ผ่านมา", "2023-04", None),
        ("เดือนมีนาคมปีหน้า", "เดือนมีนาคมปีหน้า", "2025-03", None),
        ("ภายในเดือนนี้", "เดือนนี้", "2024-03", None),
        ("เดือนหน้า", "เดือนหน้า", "2024-04", None),
        ("เมื่อเดือนที่แล้ว", "เดือนที่แล้ว", "2024-02", None),
        ("ต้นเดือนหน้า", "ต้นเดือนหน้า", "2024-04", "early"),
        ("ในปีนี้", "ปีนี้", "2024", None),
        ("ปีหน้า", "ปีหน้า", "2025", None),
        ("ปีที่แล้ว", "ปีที่แล้ว", "2023", None),
        ("ต้นปีหน้า", "ต้นปีหน้า", "2025", "early"),
        ("ในวันที่ 18 มีนาคม ณ", "วันที่ 18 มีนาคม", "2024-03-18", None),
        ("ในวันที่ 18 มีนาคมนี้", "วันที่ 18 มีนาคมนี้", "2024-03-18", None),
        ("วันที่ 1 มีนาคมนี้", "วันที่ 1 มีนาคมนี้", "2025-03-01", None),
        ("March 5", "March 5", "2024-03-05", None),
        ("วันนี้ (7 มี.ค.)", "วันนี้", "2024-03-07", None),
        ("เมื่อวานนี้", "เมื่อวานนี้", "2024-03-06", None),
        ("พรุ่งนี้", "พรุ่งนี้", "2024-03-08", None),
    ],
)
def test_relative_forms_resolve_against_the_reference(
    text: str, span: str, value: str, qualifier: str | None
) -> None:
    found = find_dates(text, REF)[0]
    assert found.span.text == span
    assert (xsd(found.start), found.qualifier) == (value, qualifier)
    assert not [d for d in find_dates(text) if d.span.text == span]  # no reference: skipped


def test_relative_month_turns_over_the_year() -> None:
    december = datetime.date(2024, 12, 20)
    assert xsd(parse_date("เดือนหน้า", december).start) == "2025-01"
    assert xsd(parse_date("เดือนมกราคมนี้", december).start) == "2025-01"
    turn = parse_date("30 ธันวาคม - 2 มกราคม", december)
    assert (xsd(turn.start), xsd(turn.end)) == ("2024-12-30", "2025-01-02")


# --- a paragraph of my own -----------------------------------------------------------------

def test_a_paragraph_with_several_dates_in_order() -> None:
    text = (
        "กระทรวงดิจิทัลฯ แจ้งว่า การประชุมเจ้าหน้าที่อาวุโส ครั้งที่ 4 จะจัดขึ้นระหว่างวันที่ "
        "30 มกราคม - 2 กุมภาพันธ์ 2568 ณ กรุงเทพฯ ต่อเนื่องจากการหารือเมื่อปลายเดือนธันวาคม 2567 "
        "โดยมีผู้แทน 10 ประเทศ งบประมาณ 1,250,000 บาท และจะรายงานผลต่อ ครม. ในเดือนหน้า"
    )
    found = find_dates(text, datetime.date(2025, 1, 10))
    assert [d.span.text for d in found] == [
        "วันที่ 30 มกราคม - 2 กุมภาพันธ์ 2568",
        "ปลายเดือนธันวาคม 2567",
        "เดือนหน้า",
    ]
    assert [(xsd(d.start), xsd(d.end), d.qualifier) for d in found] == [
        ("2025-01-30", "2025-02-02", None),
        ("2024-12", None, "late"),
        ("2025-02", None, None),
    ]
    for d in found:
        assert text[d.span.begin : d.span.end] == d.span.text


# --- what is not a date --------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "ความร่วมมือจาก 4 ประเทศ สหรัฐอเมริกา มาเลเซีย ญี่ปุ่น และจีน",
        "จำนวน 57,900 ดอลลาร์สหรัฐ",
        "งบประมาณ 2,567 ล้านบาท",
        "1. การร่วมแลกเปลี่ยน 2. การผลักดัน 3.รายงานการศึกษา",
        "ADGMIN ครั้งที่ 3และการประชุมที่เกี่ยวข้อง",
        "The 5th ASEAN Digital Ministers’ Meeting",
        "ASEAN Digital Masterplan 2025",
        "ศูนย์ AOC 1441",
        "Leaders’ Retreat of 2023",
        "ปีงบประมาณ 2567",
        "อายุ 60 ปี 10 เดือน",
        "เมื่อ 3 เดือนที่แล้ว",
        "เมื่อสามปีก่อน",
        "ทุกวันนี้ ทุกปีนี้",
        "เวลา 10.30 น.",
        "อัตรา 2.5 เปอร์เซ็นต์",
        "โทร 02-141-6747",
        "เลขที่ 1/2567",
        "version 1.2.25",
        "You may 5 times",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []
    assert find_dates(text) == []


def test_a_day_and_month_without_a_year_needs_a_reference() -> None:
    assert find_dates("ผู้แทนจะเดินทางในวันที่ 17 มกราคม") == []
    assert xsd(parse_date("ผู้แทนจะเดินทางในวันที่ 17 มกราคม", REF).start) == "2024-01-17"


def test_counts_after_a_month_are_not_a_two_digit_year() -> None:
    found = only("ในวันที่ 17 มีนาคม 10 ประเทศจะลงนาม", REF)
    assert found.span.text == "วันที่ 17 มีนาคม"
    assert xsd(found.start) == "2024-03-17"


# --- PartialDate ---------------------------------------------------------------------------

def test_partial_date_says_only_what_is_known() -> None:
    assert PartialDate(2025, 1, 17).xsd() == ("2025-01-17", "xsd:date")
    assert PartialDate(2025, 1, 17).to_date() == datetime.date(2025, 1, 17)
    assert PartialDate(2024, 2).xsd() == ("2024-02", "xsd:gYearMonth")
    assert PartialDate(2024, 2).to_date() is None
    assert PartialDate(2024).xsd() == ("2024", "xsd:gYear")
    assert PartialDate(2024).to_date() is None


@pytest.mark.parametrize(
    "args", [(2023, 2, 29), (2024, 13), (2024, 0), (2024, None, 5), (0,), (2024, 4, 31)]
)
def test_partial_date_rejects_what_cannot_be(args: tuple[int | None, ...]) -> None:
    with pytest.raises(ValueError):
        PartialDate(*args)  # type: ignore[arg-type]


# --- properties ----------------------------------------------------------------------------

WORDS = [
    *thai_full_months, *thai_abbr_months, "วันที่", "วันศุกร์ที่", "เดือน", "ปี", "ต้น", "กลาง",
    "ปลาย", "นี้", "หน้า", "ที่แล้ว", "ที่ผ่านมา", "ถึง", "ระหว่าง", "พ.ศ.", "ค.ศ.", "ประเทศ",
    "January", "May", "-", "–", "/", ".", ",", " ", "  ", "\xa0", "\n", "1", "9", "10", "17",
    "29", "31", "68", "2566", "2568", "2025", "๑๗", "๒๕๖๘", "st", "th",
]
ENGLISH_MONTHS = "January February March April May June July August September October November December".split()
date_like = st.lists(st.sampled_from(WORDS), max_size=25).map("".join)
references = st.none() | st.dates()


def check_well_formed(text: str, found: list[DateExpr]) -> None:
    previous_end = 0
    for d in found:
        assert text[d.span.begin : d.span.end] == d.span.text
        assert previous_end <= d.span.begin < d.span.end
        previous_end = d.span.end
        if d.end is not None:
            assert d.start.xsd()[1] == d.end.xsd()[1]
        assert d.qualifier in (None, "early", "mid", "late")


@settings(max_examples=300, deadline=None)
@given(st.text(), references)
def test_find_dates_never_raises_on_any_text(text: str, reference: datetime.date | None) -> None:
    check_well_formed(text, find_dates(text, reference))


@settings(max_examples=300, deadline=None)
@given(date_like, references)
def test_find_dates_is_well_formed_on_date_like_text(text: str, reference: datetime.date | None) -> None:
    check_well_formed(text, find_dates(text, reference))


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime.date(1958, 1, 1), max_value=datetime.date(2056, 12, 31)),
       st.booleans())
def test_every_day_written_the_thai_way_reads_back(day: datetime.date, thai_digits: bool) -> None:
    be = day.year + 543
    for text in (
        f"วันที่ {day.day} {thai_full_months[day.month - 1]} {be}",
        f"{day.day} {thai_abbr_months[day.month - 1]} {be % 100:02d}",
        f"{day.day:02d}/{day.month:02d}/{be}",
        f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}",
        f"{ENGLISH_MONTHS[day.month - 1]} {day.day}, {day.year}",
        day.isoformat(),
    ):
        written = arabic_digit_to_thai_digit(text) if thai_digits else text
        found = only(written)
        assert found.span.text == written
        assert found.start.to_date() == day


# --- numbers of any size and references at the ends of the calendar -----------------------------

_NUMBER = st.integers(min_value=0, max_value=10**7).map(str)
numbered = st.lists(
    st.sampled_from(WORDS) | _NUMBER | _NUMBER.map(arabic_digit_to_thai_digit), max_size=20
).map(" ".join)
edge_references = st.sampled_from([None, datetime.date.min, datetime.date.max, datetime.date(1, 12, 31),
                                   datetime.date(9999, 1, 1)]) | st.dates()


@settings(max_examples=300, deadline=None)
@given(numbered, edge_references)
def test_any_numbers_give_well_formed_dates_or_none(text: str, reference: datetime.date | None) -> None:
    found = find_dates(text, reference)
    check_well_formed(text, found)
    # a number is never taken for a year far off; a relative form stays next to the reference
    earliest = min(_EARLIEST, reference.year - 1) if reference else _EARLIEST
    latest = max(_LATEST, reference.year + 1) if reference else _LATEST
    for d in found:
        assert earliest <= d.start.year <= latest
        if d.end is not None:
            assert d.start.xsd()[0] <= d.end.xsd()[0]  # ranges run forwards
    first = parse_date(text, reference)
    assert (first is None) == (not found) and (first is None or first == found[0])


_EARLIEST, _LATEST = 1800, 2300


@pytest.mark.parametrize("reference", [datetime.date.min, datetime.date.max])
@pytest.mark.parametrize("text", ["เดือนหน้า", "ปีหน้า", "เดือนที่แล้ว", "ปีที่แล้ว", "17 มกราคม", "ปลายปีนี้", "ต้นเดือนนี้"])
def test_relative_forms_at_the_ends_of_the_calendar(text: str, reference: datetime.date) -> None:
    check_well_formed(text, find_dates(text, reference))
