"""Sentences with offsets: nothing lost, nothing shifted, dates kept whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aseankg.extract.model import Span
from aseankg.nlp import sentences
from aseankg.nlp.sentences import _split_on_wide_gaps

DOCUMENTS = sorted((Path(__file__).resolve().parents[2] / "data" / "documents").glob("*.txt"))
BLANK = set(" \t\n\r\xa0\u200b\u200c\u200d\u2060\ufeff")


def check(text: str, found: list[Span], begin: int = 0, end: int | None = None) -> None:
    """Spans slice ``text``, stay inside the range, are ordered, trimmed and lose no text."""
    end = len(text) if end is None else end
    covered = set()
    previous_end = begin
    for s in found:
        assert text[s.begin : s.end] == s.text
        assert previous_end <= s.begin < s.end <= end
        previous_end = s.end
        assert not s.text[0].isspace() and not s.text[-1].isspace()
        assert "\n" not in s.text
        covered.update(range(s.begin, s.end))
    lost = [i for i in range(begin, end) if i not in covered and not text[i].isspace() and text[i] not in BLANK]
    assert lost == [], [text[i] for i in lost]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_the_articles_split_without_losing_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = sentences(text)
    check(text, found)
    assert len(found) > text.count("\n") // 2  # more than one sentence per paragraph on average


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_the_date_line_is_one_sentence(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    date_line = [line for line in text.splitlines() if line.strip()][1]
    assert date_line in [s.text for s in sentences(text)]


def test_paragraphs_are_split_first() -> None:
    text = "หัวข้อข่าว\n\n\nวันศุกร์ที่ 17 มกราคม 2568\r\nข่าวสั้น\u2028ไทย-เมียนมา"
    assert [s.text for s in sentences(text)] == [
        "หัวข้อข่าว", "วันศุกร์ที่ 17 มกราคม 2568", "ข่าวสั้น", "ไทย-เมียนมา"
    ]


def test_a_paragraph_is_split_into_sentences() -> None:
    text = (
        "ทั้งนี้ ทั้งสองประเทศตกลงร่วมมือกัน และจะจัดการประชุมครั้งต่อไปที่กรุงเทพฯ ในเดือนหน้า"
    )
    found = sentences(text)
    check(text, found)
    assert len(found) >= 2
    assert found[0].text == "ทั้งนี้ ทั้งสองประเทศตกลงร่วมมือกัน"


def test_dates_and_ordinals_are_never_cut() -> None:
    text = (
        "วันศุกร์ที่ 17 มกราคม 2568\n"
        "เมื่อวันที่ 16 มกราคม 2568  รัฐมนตรีหารือทวิภาคีกับเมียนมา ระหว่างการประชุมครั้งที่ 5 "
        "ในการประชุมครั้งนี้ได้มุ่งเน้นความร่วมมือระดับภูมิภาค ระหว่างวันที่ 9-10 กุมภาพันธ์ 2566"
    )
    found = sentences(text)
    check(text, found)
    joined = [s.text for s in found]
    assert "วันศุกร์ที่ 17 มกราคม 2568" in joined
    for phrase in ("วันที่ 16 มกราคม 2568", "ครั้งที่ 5", "วันที่ 9-10 กุมภาพันธ์ 2566"):
        assert any(phrase in s for s in joined), phrase


def test_a_range_of_the_text() -> None:
    text = "หัวข้อ\nดีอีหารือกับเมียนมา  ทั้งสองฝ่ายตกลงร่วมมือกัน\nท้ายข่าว"
    begin, end = text.index("ดีอี"), text.index("\nท้าย")
    found = sentences(text, begin, end)
    check(text, found, begin, end)
    assert found[0].begin == begin
    assert found[-1].end == end
    assert "ท้ายข่าว" not in [s.text for s in found]


def test_surrounding_spaces_and_zero_width_characters_are_trimmed() -> None:
    text = "  \u200bดีอีหารือกับเมียนมา\xa0 \n \t\n"
    assert sentences(text) == [Span(3, 22, "ดีอีหารือกับเมียนมา")]


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \u200b \n\t"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert sentences(text) == []


@pytest.mark.parametrize("begin, end", [(-1, None), (5, 2), (0, 100)])
def test_a_range_outside_the_text_is_an_error(begin: int, end: int | None) -> None:
    with pytest.raises(ValueError, match="not a range"):
        sentences("ดีอีหารือ", begin, end)


def test_the_fallback_splits_on_runs_of_spaces_and_keeps_every_character() -> None:
    line = "ดีอีหารือ  ทั้งสองฝ่าย ตกลง   ร่วมมือ"
    pieces = _split_on_wide_gaps(line)
    assert "".join(pieces) == line
    assert [p.strip() for p in pieces] == ["ดีอีหารือ", "ทั้งสองฝ่าย ตกลง", "ร่วมมือ"]


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_never_raises_and_offsets_slice_on_any_text(text: str) -> None:
    check(text, sentences(text))


thaiish = st.lists(st.sampled_from(
    ["ดีอี", "หารือ", "ทวิภาคี", "ครั้งที่ 5", "17 มกราคม 2568", " ", "  ", "\n", "\xa0", "\u200b",
     "ADGMIN", "(", ")", "ไทย-เมียนมา", "และ", "ในเดือนหน้า", "9-10"]
), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(thaiish, st.data())
def test_any_range_of_thai_text(text: str, data: st.DataObject) -> None:
    begin = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(begin, len(text)))
    check(text, sentences(text, begin, end), begin, end)
