"""Word tokens with offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aseankg.nlp import tokens
from aseankg.nlp.normalize import ZERO_WIDTH


def test_thai_words_with_offsets() -> None:
    text = "ดีอี หารือทวิภาคี ไทย-เมียนมา"
    found = tokens(text)
    assert [t.text for t in found] == ["ดี", "อี", "หารือ", "ทวิภาคี", "ไทย", "-", "เมียนมา"]
    assert found[2].begin == text.index("หารือ")
    for t in found:
        assert text[t.begin : t.end] == t.text


def test_whitespace_is_not_a_token() -> None:
    assert [t.text for t in tokens("  The 5th\xa0 ADGMIN \n")] == ["The", "5", "th", "ADGMIN"]
    assert tokens("") == []


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_never_raises_and_offsets_slice(text: str) -> None:
    previous_end = 0
    for t in tokens(text):
        assert text[t.begin : t.end] == t.text
        assert previous_end <= t.begin < t.end
        previous_end = t.end
        assert any(not ch.isspace() and ch not in ZERO_WIDTH for ch in t.text)
