r"""One comparison key for the many ways Thai news writes the same text.

Government pages mix Thai and ASCII digits, four kinds of dash, curly quotes, no-break and
zero-width spaces, and the sara am typed as two characters. :func:`normalize` folds all of
that away so that two spellings compare equal; it changes lengths, so it is never used for
offsets. :func:`fold` is its length-preserving half, for scanning text with patterns while
keeping offsets into the original.

>>> normalize("ครั้งที่ ๕")
'ครั้งที่ 5'
>>> normalize("ไทย – เมียนมา\xa0 ")
'ไทย - เมียนมา'
"""

from __future__ import annotations

import re
import unicodedata

from pythainlp import thai_tonemarks

__all__ = ["DASHES", "ZERO_WIDTH", "fold", "normalize"]

#: Characters written for a dash, hyphen or minus; :func:`fold` maps each to ``-``.
DASHES: str = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
#: Invisible characters that :func:`normalize` removes.
ZERO_WIDTH: str = "\u200b\u200c\u200d\u2060\ufeff"

_FOLD_TABLE: dict[int, str] = {
    **{ord(ch): "-" for ch in DASHES},
    **{ord(ch): "'" for ch in "\u2018\u2019\u201a\u201b\u2032"},
    **{ord(ch): '"' for ch in "\u201c\u201d\u201e\u201f\u2033"},
    **{ord(thai): ascii for thai, ascii in zip("๐๑๒๓๔๕๖๗๘๙", "0123456789")},
}
# The characters fold changes: most text has none, and one regular expression search costs
# less than translating it character by character.
_FOLDED = re.compile("[" + "".join(chr(c) for c in sorted(_FOLD_TABLE)) + "]")
_REMOVE_ZERO_WIDTH: dict[int, None] = {ord(ch): None for ch in ZERO_WIDTH}
# nikhahit (U+0E4D), any tone marks, sara aa (U+0E32): the sara am (U+0E33) typed in two keys.
_SPLIT_SARA_AM = re.compile(f"\u0e4d([{thai_tonemarks}]*)\u0e32")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    r"""Thai digits to ASCII digits, every dash to ``-``, curly quotes to ASCII; same length.

    Position ``i`` of the result stands for position ``i`` of ``text``, so a pattern can be
    matched on the folded text and its offsets used on the original.

    >>> fold("๙–๑๐ ก.พ.")
    '9-10 ก.พ.'
    >>> fold("Ministers’ Meeting") == "Ministers' Meeting"
    True
    """
    return text.translate(_FOLD_TABLE) if text and _FOLDED.search(text) else text


def normalize(text: str) -> str:
    r"""A comparison key: NFC, :func:`fold`, sara am joined, zero-width removed, spaces collapsed.

    Not for offsets (the result is usually shorter than the input).

    >>> normalize("น\u0e4d\u0e49\u0e32") == "น้ำ"
    True
    >>> normalize("“ดีอี”\u200b  ประชุม\n\nครั้งที่ ๓")
    '"ดีอี" ประชุม ครั้งที่ 3'
    >>> normalize("   ")
    ''
    """
    text = unicodedata.normalize("NFC", text).translate(_REMOVE_ZERO_WIDTH)
    text = _SPLIT_SARA_AM.sub("\\1\u0e33", fold(text))
    return _SPACES.sub(" ", text).strip()
