"""Thai text utilities for extraction, built on PyThaiNLP.

Every function that points into a text returns :class:`~aseankg.extract.model.Span` offsets
in code points into the text it was given, so ``text[span.begin:span.end] == span.text``.

>>> from aseankg.nlp import parse_date, parse_ordinal, romanize
>>> parse_date("วันศุกร์ที่ 17 มกราคม 2568").start.xsd()
('2025-01-17', 'xsd:date')
>>> parse_ordinal("ครั้งที่ ๕"), romanize("สมชาย")
(5, 'somchai')
"""

from aseankg.extract.model import Span
from aseankg.nlp.dates import DateExpr, PartialDate, find_dates, parse_date
from aseankg.nlp.normalize import fold, normalize
from aseankg.nlp.ordinals import find_ordinals, parse_ordinal
from aseankg.nlp.romanize import romanize
from aseankg.nlp.sentences import sentences
from aseankg.nlp.tokens import tokens

__all__ = [
    "DateExpr",
    "PartialDate",
    "Span",
    "find_dates",
    "find_ordinals",
    "fold",
    "normalize",
    "parse_date",
    "parse_ordinal",
    "romanize",
    "sentences",
    "tokens",
]
