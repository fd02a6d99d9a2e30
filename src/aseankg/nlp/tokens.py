"""Thai word tokens with offsets, for patterns that must not cut a word in two.

>>> [t.text for t in tokens("ดีอี หารือทวิภาคี")]
['ดี', 'อี', 'หารือ', 'ทวิภาคี']
"""

from __future__ import annotations

from pythainlp.tokenize import word_tokenize

from aseankg.extract.model import Span
from aseankg.nlp.normalize import ZERO_WIDTH

__all__ = ["tokens"]

_INVISIBLE = {ord(ch): None for ch in ZERO_WIDTH}


def tokens(text: str) -> list[Span]:
    """Word tokens (PyThaiNLP ``newmm``) as spans into ``text``; no whitespace-only tokens.

    >>> tokens("ไทย-เมียนมา")
    [Span(begin=0, end=3, text='ไทย'), Span(begin=3, end=4, text='-'), Span(begin=4, end=11, text='เมียนมา')]
    """
    spans: list[Span] = []
    cursor = 0
    for word in word_tokenize(text, engine="newmm", keep_whitespace=False):
        begin = text.find(word, cursor)
        if begin < 0 or not word.translate(_INVISIBLE).strip():  # newmm keeps some spaces
            continue
        cursor = begin + len(word)
        spans.append(Span(begin, cursor, word))
    return spans
