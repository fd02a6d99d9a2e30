"""The comparison key and the length-preserving fold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aseankg.nlp import fold, normalize
from aseankg.nlp.normalize import DASHES, ZERO_WIDTH


@pytest.mark.parametrize(
    "text, key",
    [
        ("ครั้งที่ ๕", "ครั้งที่ 5"),
        ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
        ("น\u0e4d\u0e32", "น\u0e33"),  # sara am typed as nikhahit + sara aa
        ("น\u0e4d\u0e49\u0e32", "น\u0e49\u0e33"),  # ... with a tone mark between them: น้ำ
        ("Ministers\u2019 Meeting", "Ministers' Meeting"),
        ("\u2018a\u2019 \u201cb\u201d", "'a' \"b\""),
        ("ไทย\u00a0 -\t\tเมียนมา\n\n", "ไทย - เมียนมา"),
        ("ดี\u200bอี\ufeff", "ดีอี"),
        ("e\u0301", "\u00e9"),  # NFC
        ("  ", ""),
    ],
)
def test_normalize(text: str, key: str) -> None:
    assert normalize(text) == key


@pytest.mark.parametrize("dash", list(DASHES))
def test_every_dash_becomes_a_hyphen(dash: str) -> None:
    assert normalize(f"WG {dash} AS") == "WG - AS"
    assert fold(dash) == "-"


def test_two_spellings_of_one_name_compare_equal() -> None:
    assert normalize("Anti – Online Scam (WG – AS)") == normalize("Anti - Online  Scam (WG - AS)")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_is_a_key(text: str) -> None:
    key = normalize(text)
    assert normalize(key) == key
    assert key == key.strip() and "  " not in key
    assert not any(ch in key for ch in ZERO_WIDTH + DASHES + "\u0e50\u0e59\u2019\u201c")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_keeps_every_offset(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert all(a == b for a, b in zip(folded, text) if a.isascii() is False)
