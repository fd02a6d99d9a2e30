"""Ordinals of meetings in Thai and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.util import arabic_digit_to_thai_digit, num_to_thaiword

from aseankg.nlp import find_ordinals, parse_ordinal

DOCUMENTS = Path(__file__).resolve().parents[2] / "data" / "documents"


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 5 ณ", "ครั้งที่ 5", 5),
        ("ครั้งที่ ๕", "ครั้งที่ ๕", 5),
        ("ADGMIN ครั้งที่5", "ครั้งที่5", 5),
        ("ครั้ง ที่ 12", "ครั้ง ที่ 12", 12),
        ("ครั้งที่ 3และการประชุมที่เกี่ยวข้อง", "ครั้งที่ 3", 3),
        ("การประชุมครั้งที่ 1/2567", "ครั้งที่ 1", 1),
        ("จัดขึ้นเป็นครั้งแรกในภูมิภาค", "ครั้งแรก", 1),
        ("ครั้งที่หนึ่ง", "ครั้งที่หนึ่ง", 1),
        ("การประชุมครั้งที่สองของปี", "ครั้งที่สอง", 2),
        ("ครั้งที่สิบเอ็ด", "ครั้งที่สิบเอ็ด", 11),
        ("ครั้งที่ยี่สิบเอ็ด ณ กรุงเทพฯ", "ครั้งที่ยี่สิบเอ็ด", 21),
        ("The 5th ASEAN Digital Ministers’ Meeting", "5th", 5),
        ("the 2nd ADGSOM", "2nd", 2),
        ("3rd", "3rd", 3),
        ("21st", "21st", 21),
        ("the 11TH meeting", "11TH", 11),
        ("The First ASEAN Digital Ministers", "First", 1),
        ("Second", "Second", 2),
        ("the third meeting", "third", 3),
        ("TENTH", "TENTH", 10),
    ],
)
def test_ordinal_forms(text: str, span: str, value: int) -> None:
    found = find_ordinals(text)
    assert [(s.text, n) for s, n in found] == [(span, value)]
    s = found[0][0]
    assert text[s.begin : s.end] == s.text
    assert parse_ordinal(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "ชูความร่วมมือจาก 4 ประเทศ",
        "1. การร่วมแลกเปลี่ยน 2.การสร้างเครือข่าย",
        "ณ ที่ 3 แห่ง",  # ที่ 3 counts only after ครั้ง
        "การประชุมครั้งนี้",
        "ครั้งที่สำคัญของภูมิภาค",  # ที่ as "that": "an important time"
        "ครั้งที่สามารถหารือได้",  # สามารถ is one word, not สาม (three)
        "จำนวน 57,900 ดอลลาร์",
        "ครั้งที่ 10.5",
        "Firstly, the ministers",
        "5ths and v2nd",
        "Retreat of 2023",
        "17 มกราคม 2568",
    ],
)
def test_not_ordinals(text: str) -> None:
    assert find_ordinals(text) == []
    assert parse_ordinal(text) is None


def test_several_ordinals_left_to_right_with_offsets() -> None:
    text = "ครั้งที่ 3 (The 3rd ASEAN Digital Ministers’ Meeting: ADGMIN ครั้งที่ 3) และ ADGSOM ครั้งที่ ๕"
    found = find_ordinals(text)
    assert [(s.text, n) for s, n in found] == [
        ("ครั้งที่ 3", 3), ("3rd", 3), ("ครั้งที่ 3", 3), ("ครั้งที่ ๕", 5)
    ]
    assert [s.begin for s, _ in found] == sorted(s.begin for s, _ in found)
    assert found[1][0].begin == text.index("3rd")
    for s, _ in found:
        assert text[s.begin : s.end] == s.text


@pytest.mark.parametrize(
    "name, values",
    [
        ("000_d03fc73eb21f62b7.txt", {5}),
        ("001_599a62f171b3e0cb.txt", {1, 4}),
        ("003_6ac950ea22fcd97a.txt", {3, 4}),
        ("004_de60a9fdace74075.txt", {1, 2, 4}),  # WG-AS ครั้งแรก
    ],
)
def test_meeting_ordinals_of_the_articles(name: str, values: set[int]) -> None:
    text = (DOCUMENTS / name).read_text(encoding="utf-8")
    found = find_ordinals(text)
    assert {n for _, n in found} == values
    for s, _ in found:
        assert text[s.begin : s.end] == s.text


def english_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=999))
def test_every_number_reads_back_in_every_script(n: int) -> None:
    assert parse_ordinal(f"การประชุมครั้งที่ {n} ณ") == n
    assert parse_ordinal(f"การประชุมครั้งที่ {arabic_digit_to_thai_digit(str(n))}") == n
    assert parse_ordinal(f"การประชุมครั้งที่{num_to_thaiword(n)}ของอาเซียน") == n
    assert parse_ordinal(f"The {n}{english_suffix(n)} Meeting") == n


@settings(max_examples=300, deadline=None)
@given(st.text() | st.lists(st.sampled_from(
    ["ครั้ง", "ที่", "แรก", "สอง", "สาม", "สิบ", "ารถ", " ", "5", "๕", "th", "st", "The", "first", ".", "\n"]
)).map("".join))
def test_find_ordinals_never_raises_and_offsets_slice(text: str) -> None:
    previous_end = 0
    for span, value in find_ordinals(text):
        assert text[span.begin : span.end] == span.text
        assert previous_end <= span.begin < span.end
        previous_end = span.end
        assert value >= 0
