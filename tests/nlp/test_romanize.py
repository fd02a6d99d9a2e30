"""RTGS romanisation of Thai names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aseankg.nlp import romanize


@pytest.mark.parametrize(
    "thai, latin",
    [
        ("ประเสริฐ", "praserit"),
        ("ไทย", "thai"),
        ("กรุงเทพฯ", "krungthep"),
        ("  ไทย \n  เมียนมา ", "thai mianma"),
        ("ไทย-เมียนมา", "thai-mianma"),
        ("ADGMIN ครั้งที่ ๕", "ADGMIN khrangthi 5"),
        ("WG-AS", "WG-AS"),
        ("", ""),
    ],
)
def test_romanize(thai: str, latin: str) -> None:
    assert romanize(thai) == latin


thai_letters = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=thai_letters | st.just(" "), max_size=30))
def test_thai_becomes_lowercase_ascii_with_single_spaces(thai: str) -> None:
    latin = romanize(thai)
    assert latin.isascii()
    assert latin == latin.lower()
    assert "  " not in latin and latin == latin.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1))
def test_ascii_words_are_kept_as_they_are(word: str) -> None:
    assert romanize(f"ไทย {word}") == f"thai {word}"
