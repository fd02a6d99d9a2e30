"""Sentences with offsets, for the ``akg:sentence`` of every mention.

Thai marks no sentence end with punctuation; a space often does, but a space also separates
phrases. Government news puts each paragraph on its own line, so lines are split first and
PyThaiNLP's CRF model (``crfcut``, trained on Thai news) splits within a line. When the model
cannot run, runs of two or more spaces (a common sentence gap in these pages) are used.
Either way a sentence never ends inside a date or an ordinal (the model, left alone, cuts
``วันศุกร์ที่ 17 มกราคม | 2568``), so the sentence of a mention keeps its date.

>>> text = "หัวข้อข่าว\\nดีอีหารือกับเมียนมา  ทั้งสองฝ่ายตกลงร่วมมือกัน"
>>> [s.text for s in sentences(text)]
['หัวข้อข่าว', 'ดีอีหารือกับเมียนมา', 'ทั้งสองฝ่ายตกลงร่วมมือกัน']
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from functools import cache

from aseankg.extract.model import Span
from aseankg.nlp.dates import find_dates
from aseankg.nlp.normalize import ZERO_WIDTH
from aseankg.nlp.ordinals import find_ordinals

__all__ = ["sentences"]

_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_WIDE_GAP = re.compile(r"[^\S\n]{2,}")
_BLANK = set(ZERO_WIDTH)
# Any fixed day will do: it only decides which relative dates are found, to keep them whole.
_ANY_DAY = datetime.date(2000, 1, 1)


def _split_on_wide_gaps(line: str) -> list[str]:
    """The fallback splitter: pieces that end after each run of two or more spaces."""
    pieces, start = [], 0
    for gap in _WIDE_GAP.finditer(line):
        pieces.append(line[start : gap.end()])
        start = gap.end()
    return pieces + [line[start:]]


@cache
def _splitter() -> Callable[[str], list[str]]:
    """PyThaiNLP's CRF sentence splitter, or the fallback when its model cannot load."""
    try:
        from pythainlp.tokenize import sent_tokenize

        sent_tokenize("ทดสอบ", engine="crfcut")  # loads the model (needs python-crfsuite)
    except Exception:  # noqa: BLE001 - any failure to load means: use the fallback
        return _split_on_wide_gaps
    return lambda line: sent_tokenize(line, engine="crfcut")


def _unbreakable(line: str) -> list[tuple[int, int]]:
    """Stretches of ``line`` that must stay in one sentence: dates and ordinals."""
    spans = [d.span for d in find_dates(line, _ANY_DAY)]
    spans += [span for span, _ in find_ordinals(line)]
    return [(s.begin, s.end) for s in spans]


def _pieces(line: str, offset: int) -> Iterator[tuple[int, int]]:
    """(begin, end) of each sentence of ``line``, as offsets into the whole text."""
    try:
        pieces = _splitter()(line)
    except Exception:  # noqa: BLE001 - a model failure on odd text must not lose the line
        pieces = _split_on_wide_gaps(line)
    cuts, cursor = [], 0
    for piece in pieces:
        begin = line.find(piece, cursor)
        if piece and begin >= 0:  # the splitter returns substrings; skip anything else
            cursor = begin + len(piece)
            cuts.append(cursor)
    if not cuts or cuts[-1] < len(line):
        cuts.append(len(line))
    keep = _unbreakable(line)
    start = 0
    for cut in cuts:
        if cut == len(line) or not any(b < cut < e for b, e in keep):
            yield offset + start, offset + cut
            start = cut


def _stripped(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and (text[begin].isspace() or text[begin] in _BLANK):
        begin += 1
    while end > begin and (text[end - 1].isspace() or text[end - 1] in _BLANK):
        end -= 1
    return begin, end


def sentences(text: str, begin: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[begin:end]`` as spans into ``text``, without surrounding spaces.

    >>> text = "ข่าว: วันศุกร์ที่ 17 มกราคม 2568\\nดีอีหารือกับเมียนมา  ทั้งสองฝ่ายตกลงร่วมมือกัน"
    >>> [(s.begin, s.text) for s in sentences(text, begin=6)]
    [(6, 'วันศุกร์ที่ 17 มกราคม 2568'), (33, 'ดีอีหารือกับเมียนมา'), (54, 'ทั้งสองฝ่ายตกลงร่วมมือกัน')]
    >>> sentences("  \\n\\n ")
    []
    """
    end = len(text) if end is None else end
    if not 0 <= begin <= end <= len(text):
        raise ValueError(f"begin={begin}, end={end} is not a range of a text of length {len(text)}")
    spans: list[Span] = []
    for line in _LINE.finditer(text, begin, end):
        if not line[0].strip():
            continue
        for piece_begin, piece_end in _pieces(line[0], line.start()):
            b, e = _stripped(text, piece_begin, piece_end)
            if b < e:
                spans.append(Span(b, e, text[b:e]))
    return spans
