"""The first-character lookahead skips positions and never changes what a pattern matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aseankg.nlp import dates
from aseankg.nlp.quick import first_characters, quick

DOCUMENTS = sorted((Path(__file__).resolve().parents[2] / "data" / "documents").glob("*.txt"))


@pytest.mark.parametrize(
    "pattern, first",
    [
        (r"abc", {"a"}),
        (r"(?:ช่วง)?(?:ต้น|ปลาย)?[0-9]", set("ชตป0123456789")),
        (r"(?<![0-9])(?=x)x+", {"x"}),
        (r"(?:a|b*)c", {"a", "b", "c"}),
        (r"(?P<d>[1-3])(?P=d)", {"1", "2", "3"}),
    ],
)
def test_first_characters_of_a_pattern(pattern: str, first: set[str]) -> None:
    assert first_characters(pattern) == first


@pytest.mark.parametrize(
    "pattern",
    [r"", r"a?", r"(?:x)*", r"\w+", r"[^a]b", r".b", r"(?i:ä)b", r"(?i)äb", r"(?x)ab", r"[\u0e00-\u9fff]+", r"\d"],
)
def test_unknown_first_characters_leave_the_pattern_as_it_is(pattern: str) -> None:
    assert first_characters(pattern) is None
    assert quick(pattern).pattern == pattern


def _same(pattern: str, text: str) -> None:
    plain, fast = re.compile(pattern), quick(pattern)
    assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == [
        (m.span(), m.groupdict()) for m in plain.finditer(text)
    ]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_the_date_patterns_match_the_same_on_the_articles(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for compiled, _resolve in dates._RULES:
        original = compiled.pattern
        if original.startswith("(?=["):  # quick() wrapped it: unwrap the original
            original = original[original.index("])(?:") + 5 : -1]
        _same(original, text)


pieces = st.sampled_from(
    ["วันศุกร์ที่ ", "17", " ", "มกราคม", "ม.ค.", "2568", "68", "-", "–", "ถึง", "ปี", "ต้น", "เบื้องต้น",
     "เดือน", "นี้", "หน้า", "ที่แล้ว", "ทุก", "สาม ", "พ.ศ.", "ค.ศ.", "B.E.", "January", "early ", "ช่วง",
     "\n", "/", "ประเทศ", "วันนี้", "เมื่อวาน", "ปลาย", "of ", ",", "Monday ", "9-10", "x", "ก"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=16).map("".join))
def test_the_date_patterns_match_the_same_on_any_date_like_text(text: str) -> None:
    for compiled, _resolve in dates._RULES:
        original = compiled.pattern
        if original.startswith("(?=["):
            original = original[original.index("])(?:") + 5 : -1]
        _same(original, text)


def test_a_caseless_part_starts_with_every_case_the_re_module_matches() -> None:
    chars = first_characters(r"(?i:first|sixth|k)")
    assert chars is not None
    every = [chr(c) for c in range(0x110000) if re.match(r"(?i:first|sixth|k)", chr(c) + "irst")]
    assert set(every) <= chars
    assert first_characters(r"(?i:ครั้ง)") is None  # beyond ASCII: not worked out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ครั้งที่ ", "5", "5th", "FIRST", "First", "ſixth", "SİXTH", "ıx", "ครั้งแรก",
                                 "สาม", "ารถ", " ", "The ", "x", "1.", "\u212a"]), max_size=12).map("".join))
def test_the_ordinal_pattern_matches_the_same_on_any_ordinal_like_text(text: str) -> None:
    from aseankg.nlp import ordinals

    original = ordinals._PATTERN.pattern
    if original.startswith("(?=["):
        original = original[original.index("])(?:") + 5 : -1]
    _same(original, text)
