"""Thai in Latin letters, for slugs and ``@th-Latn`` labels of names with no English form.

The Royal Thai General System (RTGS, PyThaiNLP's ``royin`` engine) is what Thai government
bodies use for names and places. It spells sounds, not the owner's own English spelling:
the same person may sign a name otherwise, so a lexicon English form always wins over this.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pythainlp.transliterate import romanize as _transliterate
from pythainlp.util import thai_digit_to_arabic_digit

__all__ = ["romanize", "romanize_words"]

_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
_SPACES = re.compile(r"\s+")


def _rtgs(match: re.Match[str]) -> str:
    return _rtgs_word(match[0])


@lru_cache(maxsize=65536)
def _rtgs_word(thai: str) -> str:
    # royin passes through the few signs it cannot spell (ะ, ฺ, ฿): drop them. Cached: the
    # same names come back in article after article, and royin takes milliseconds a word.
    return _THAI_RUN.sub("", _transliterate(thai, engine="royin").lower())


def romanize(thai: str) -> str:
    """RTGS romanisation, lowercase, one space between words; ASCII parts kept as they are.

    >>> romanize("สมชาย")
    'somchai'
    >>> romanize("กรุงเทพฯ  ไทย")
    'krungthep thai'
    >>> romanize("ADGMIN ครั้งที่ ๕")
    'ADGMIN khrangthi 5'
    """
    text = _THAI_RUN.sub(_rtgs, thai_digit_to_arabic_digit(thai))
    return _SPACES.sub(" ", text).strip()


def romanize_words(thai: str) -> str:
    """RTGS romanisation word by word, the words cut by PyThaiNLP's own dictionary: the slug
    of a name the lexicon does not know must not change when the lexicon gains a word.

    >>> romanize_words("กองความร่วมมือระหว่างประเทศ")
    'kong khwamruammue rawangprathet'
    """
    from aseankg.nlp.tokens import tokens  # tokens imports the package that imports this

    return _SPACES.sub(" ", " ".join(romanize(t.text) for t in tokens(thai))).strip()
