r"""Ordinals of meetings: ``ครั้งที่ 5``, ``ครั้งแรก``, ``The 5th``, ``Second``.

Thai counts occasions with ครั้งที่ ("time number") and a numeral in ASCII digits, Thai
digits or Thai words; English writes 5th or Fifth. ``ที่ 3`` alone is not an ordinal here
(ที่ is also "that" and "at"), only after ครั้ง. The spans cover the Thai phrase (ครั้งที่ 5)
and the English ordinal word (5th, without "The").

>>> find_ordinals("การประชุมครั้งที่ 5 (The 5th ADGMIN)")
[(Span(begin=9, end=19, text='ครั้งที่ 5'), 5), (Span(begin=25, end=28, text='5th'), 5)]
>>> parse_ordinal("ครั้งที่สอง"), parse_ordinal("ครั้งแรก"), parse_ordinal("The Third Meeting")
(2, 1, 3)
"""

from __future__ import annotations

import re

from pythainlp.tokenize import word_tokenize
from pythainlp.util import thaiword_to_num

from aseankg.extract.model import Span
from aseankg.nlp.normalize import fold
from aseankg.nlp.quick import quick

__all__ = ["find_ordinals", "parse_ordinal"]

_ENGLISH_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ENGLISH_VALUES = {word: n for n, word in enumerate(_ENGLISH_WORDS, start=1)}
_THAI_NUMERAL = (
    "(?:ศูนย์|หนึ่ง|เอ็ด|สอง|ยี่|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน)+"
)
_GAP = r"[ \t\xa0\u200b-\u200d\u2060\ufeff]*"
_PATTERN = quick(
    rf"ครั้ง{_GAP}(?:ที่{_GAP}(?:(?P<digits>[0-9]+)(?![0-9]|[.,][0-9])|(?P<words>{_THAI_NUMERAL}))"
    r"|(?P<first>แรก))"
    r"|(?<![A-Za-z0-9.,])(?P<number>[0-9]+)(?:st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z0-9])"
    rf"|(?<![A-Za-z])(?P<english>(?i:{'|'.join(_ENGLISH_WORDS)}))(?![A-Za-z])"
)
_NUMERAL_WORD = re.compile(_THAI_NUMERAL)
_WORD_WINDOW = 40  # enough Thai text after ครั้งที่ to see where the numeral word ends


def _thai_number_word(text: str, begin: int) -> tuple[int, int] | None:
    """The value and end of the Thai numeral written as whole words from ``begin``.

    Words decide where it ends: ครั้งที่สองของ is "the second of", but ครั้งที่สามารถ is
    "the time that (one) can" (สามารถ is one word, not สาม + ารถ).
    """
    words: list[str] = []
    for word in word_tokenize(text[begin : begin + _WORD_WINDOW], engine="newmm"):
        if not _NUMERAL_WORD.fullmatch(word):
            break
        words.append(word)
    while words:
        try:
            return thaiword_to_num("".join(words)), begin + len("".join(words))
        except ValueError:
            words.pop()
    return None


def find_ordinals(text: str) -> list[tuple[Span, int]]:
    """Every ordinal in ``text`` with its value, left to right; spans are offsets into ``text``.

    >>> [(s.text, n) for s, n in find_ordinals("ครั้งที่ ๓ และ the 21st; ครั้งที่สามารถ")]
    [('ครั้งที่ ๓', 3), ('21st', 21)]
    >>> find_ordinals("1. ข้อแรก 4 ประเทศ ที่ 3")
    []
    """
    scan = fold(text)
    found: list[tuple[Span, int]] = []
    for m in _PATTERN.finditer(scan):
        begin, end = m.span()
        if m["words"]:
            parsed = _thai_number_word(scan, m.start("words"))
            if parsed is None:
                continue
            value, end = parsed
        elif m["first"]:
            value = 1
        elif digits := m["digits"] or m["number"]:
            value = int(digits)
        else:
            value = _ENGLISH_VALUES[m["english"].lower()]
        found.append((Span(begin, end, text[begin:end]), value))
    return found


def parse_ordinal(text: str) -> int | None:
    """The value of the first ordinal in ``text``, or None.

    >>> parse_ordinal("ADGMIN ครั้งที่5"), parse_ordinal("ประชุม 4 ประเทศ")
    (5, None)
    """
    found = find_ordinals(text)
    return found[0][1] if found else None
