"""Sentences with offsets, for the ``akg:sentence`` of every mention.

Thai marks no sentence end with punctuation; a space often does, but a space also separates
phrases, names, titles and dates. Government news puts each paragraph on its own line, so
lines are split first, and then each line by one of two engines:

``"news"`` (the default)
    Rules for this genre: within a paragraph a new sentence starts after a space at a word
    that opens one: a discourse adverbial (ทั้งนี้, นอกจากนี้, ในโอกาสนี้, อย่างไรก็ตาม...), a
    first-person pronoun in a quotation (ผม, ดิฉัน), or a subject such as
    การประชุมครั้งนี้ / การหารือในครั้งนี้ ("this meeting", "these talks"). Clauses joined by
    ซึ่ง, โดย, และ, เพื่อ stay in their sentence. Fast (no model), and on the hand-marked
    articles in ``tests/nlp/sentence_gold.yaml`` more often right than the model.
``"crfcut"``
    PyThaiNLP's CRF model (trained on Thai news). It cuts at most spaces and after dots; when
    it cannot load (no python-crfsuite), runs of two or more spaces are used instead.

Whatever the engine, a sentence never ends inside a date or an ordinal, right after an
abbreviation's dot (พล.อ. ประยุทธ์, น.ส. ทิพานัน, Mr. Tan), between two letters with no space,
or inside a span the caller asks to ``keep`` whole (names it has found), so the sentence of
a mention keeps its date and its whole name.

>>> text = "หัวข้อข่าว\\nดีอีหารือกับเมียนมา ทั้งนี้ ทั้งสองฝ่ายตกลงร่วมมือกัน"
>>> [s.text for s in sentences(text)]
['หัวข้อข่าว', 'ดีอีหารือกับเมียนมา', 'ทั้งนี้ ทั้งสองฝ่ายตกลงร่วมมือกัน']
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache

from pythainlp.tokenize import word_tokenize

from aseankg.extract.model import Span
from aseankg.nlp.dates import find_dates
from aseankg.nlp.normalize import ZERO_WIDTH
from aseankg.nlp.ordinals import find_ordinals

__all__ = ["ENGINES", "sentences"]

_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_WIDE_GAP = re.compile(r"[^\S\n]{2,}")
_BLANK = set(ZERO_WIDTH)
# Any fixed day will do: it only decides which relative dates are found, to keep them whole.
_ANY_DAY = datetime.date(2000, 1, 1)

#: Words that open a new sentence after a space (discourse adverbials, first-person pronouns
#: of quoted speech). Each must be a whole word there: ต่อมา is not the start of ต่อมาตรการ.
OPENERS: tuple[str, ...] = (
    "ทั้งนี้", "นอกจากนี้", "นอกจากนั้น", "ในโอกาสนี้", "ในการนี้", "ขณะเดียวกัน", "ในขณะเดียวกัน",
    "อย่างไรก็ตาม", "อย่างไรก็ดี", "หลังจากนั้น", "จากนั้น", "ต่อมา", "พร้อมกันนี้", "ด้วยเหตุนี้",
    "ดังนั้น", "อนึ่ง", "ล่าสุด", "ผม", "กระผม", "ดิฉัน",
)
_OPENER = re.compile(
    r"(?<=\s)(?:(?P<word>" + "|".join(sorted(OPENERS, key=len, reverse=True)) + r")"
    r"|(?P<subject>การ[^\s]{0,80}?ครั้งนี้))"
)
# A phrase that ends with these words goes on: ว่า (that), และ, คือ, ได้แก่, เช่น, ณ, ...
_GOES_ON = re.compile(r"(?:ว่า|และ|หรือ|คือ|ได้แก่|เช่น|ณ|ซึ่ง|โดย|ของ|กับ|แก่|จาก|ให้)\s*$")
# An abbreviation's dot (พล.อ., น.ส., ครม., Mr.) or a list number (1.): what follows belongs to it.
_ABBREVIATION_END = re.compile(r"(?:[\u0e01-\u0e2e]|[0-9]|(?<![A-Za-z])[A-Z][A-Za-z]?[a-z]?)\.\s*$")
_LOOK_BACK = 12  # characters before a cut enough to see an abbreviation or a joining word


def _split_on_wide_gaps(line: str) -> list[str]:
    """The crfcut fallback: pieces that end after each run of two or more spaces."""
    pieces, start = [], 0
    for gap in _WIDE_GAP.finditer(line):
        pieces.append(line[start : gap.end()])
        start = gap.end()
    return pieces + [line[start:]]


Words = Mapping[int, str]  # a segmentation: word start offset -> word


def _whole_word(line: str, begin: int, word: str, words: Words | None, offset: int) -> bool:
    """Do the words of ``line`` from ``begin`` make up exactly ``word``? From ``words`` (the
    caller's segmentation of the whole text, ``offset`` being where ``line`` starts in it)
    when given, else by segmenting a few characters with newmm."""
    joined = ""
    if words is not None:
        at = offset + begin
        while len(joined) < len(word) and (token := words.get(at)) is not None:
            joined += token
            at += len(token)
        return joined == word
    window = line[begin : begin + len(word) + 12]
    for token in word_tokenize(window, engine="newmm", keep_whitespace=False):
        joined += token
        if len(joined) >= len(word):
            break
    return joined == word


def _news_cuts(line: str, words: Words | None = None, offset: int = 0) -> list[int]:
    """Where the news rules start a new sentence in ``line``: before an opening word."""
    cuts = []
    for m in _OPENER.finditer(line):
        begin = m.start()
        if _GOES_ON.search(line, max(0, begin - _LOOK_BACK), begin):
            continue
        if m["word"] and not _whole_word(line, begin, m["word"], words, offset):
            continue
        cuts.append(begin)
    return cuts


@cache
def _crfcut() -> Callable[[str], list[str]]:
    """PyThaiNLP's CRF sentence splitter, or the fallback when its model cannot load."""
    try:
        from pythainlp.tokenize import sent_tokenize

        sent_tokenize("ทดสอบ", engine="crfcut")  # loads the model (needs python-crfsuite)
    except Exception:  # noqa: BLE001 - any failure to load means: use the fallback
        return _split_on_wide_gaps
    return lambda line: sent_tokenize(line, engine="crfcut")


def _crfcut_cuts(line: str, words: Words | None = None, offset: int = 0) -> list[int]:
    """The ends of the pieces the CRF model splits ``line`` into."""
    try:
        pieces = _crfcut()(line)
    except Exception:  # noqa: BLE001 - a model failure on odd text must not lose the line
        pieces = _split_on_wide_gaps(line)
    cuts, cursor = [], 0
    for piece in pieces:
        begin = line.find(piece, cursor)
        if piece and begin >= 0:  # the splitter returns substrings; skip anything else
            cursor = begin + len(piece)
            cuts.append(cursor)
    return cuts


#: The sentence engines by name; ``"news"`` is the default.
ENGINES: dict[str, Callable[[str, Words | None, int], list[int]]] = {"news": _news_cuts, "crfcut": _crfcut_cuts}


def _at_space(line: str, cut: int) -> bool:
    return line[cut - 1].isspace() or line[cut].isspace()


def _may_cut(line: str, cut: int) -> bool:
    """A cut at a space that does not follow an abbreviation's dot or a list number."""
    return (
        0 < cut < len(line)
        and _at_space(line, cut)
        and not _ABBREVIATION_END.search(line, max(0, cut - _LOOK_BACK), cut)
    )


def _unbreakable(line: str) -> list[tuple[int, int]]:
    """Stretches of ``line`` that must stay in one sentence: dates and ordinals."""
    spans = [d.span for d in find_dates(line, _ANY_DAY)]
    spans += [span for span, _ in find_ordinals(line)]
    return [(s.begin, s.end) for s in spans]


def _stripped(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and (text[begin].isspace() or text[begin] in _BLANK):
        begin += 1
    while end > begin and (text[end - 1].isspace() or text[end - 1] in _BLANK):
        end -= 1
    return begin, end


def sentences(
    text: str,
    begin: int = 0,
    end: int | None = None,
    *,
    engine: str = "news",
    keep: Iterable[tuple[int, int]] = (),
    words: Words | None = None,
) -> list[Span]:
    """Sentences of ``text[begin:end]`` as spans into ``text``, without surrounding spaces.

    ``engine`` is ``"news"`` (rules, the default) or ``"crfcut"`` (PyThaiNLP's model);
    ``keep`` holds ``(begin, end)`` offsets into ``text`` that no sentence break may fall
    inside (a person's name with its title, say). ``words`` is the caller's segmentation
    of ``text`` (word start offset -> word), when it has one, so the text is not segmented
    again.

    >>> text = "ข่าว: วันศุกร์ที่ 17 มกราคม 2568\\nดีอีหารือกับเมียนมา  ทั้งนี้ ทั้งสองฝ่ายตกลงร่วมมือกัน"
    >>> [(s.begin, s.text) for s in sentences(text, begin=6)]
    [(6, 'วันศุกร์ที่ 17 มกราคม 2568'), (33, 'ดีอีหารือกับเมียนมา'), (54, 'ทั้งนี้ ทั้งสองฝ่ายตกลงร่วมมือกัน')]
    >>> [s.text for s in sentences("โดยมี พล.อ.อ. สมชาย ใจดี เข้าร่วม", engine="crfcut")]
    ['โดยมี พล.อ.อ. สมชาย ใจดี เข้าร่วม']
    >>> sentences("  \\n\\n ")
    []
    """
    end = len(text) if end is None else end
    if not 0 <= begin <= end <= len(text):
        raise ValueError(f"begin={begin}, end={end} is not a range of a text of length {len(text)}")
    split = ENGINES.get(engine)
    if split is None:
        raise ValueError(f"unknown sentence engine {engine!r}; use one of {', '.join(ENGINES)}")
    whole = sorted(keep)
    whole_begins = [b for b, _ in whole]
    spans: list[Span] = []
    for line_match in _LINE.finditer(text, begin, end):
        line, offset = line_match[0], line_match.start()
        if not line.strip():
            continue
        cuts = [c for c in split(line, words, offset) if _may_cut(line, c)]
        if cuts:
            inside = _unbreakable(line)
            last = bisect.bisect_left(whole_begins, offset + len(line))
            inside += [(b - offset, e - offset) for b, e in whole[:last] if e > offset]
            cuts = [c for c in cuts if not any(b < c < e for b, e in inside)]
        start = 0
        for cut in [*sorted(set(cuts)), len(line)]:
            b, e = _stripped(text, offset + start, offset + cut)
            if b < e:
                spans.append(Span(b, e, text[b:e]))
            start = cut
    return spans
