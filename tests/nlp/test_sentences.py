"""Sentences with offsets: nothing lost, nothing shifted, dates, names and abbreviations
kept whole, by either engine; the news rules against sentence breaks marked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.tokenize import word_tokenize

from aseankg.corpus import read_document
from aseankg.extract.model import Span
from aseankg.nlp import sentences
from aseankg.nlp.sentences import ENGINES, _split_on_wide_gaps

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((ROOT / "data" / "documents").glob("*.txt"))
GOLD = yaml.safe_load((Path(__file__).parent / "sentence_gold.yaml").read_text(encoding="utf-8"))
BLANK = set(" \t\n\r\xa0\u200b\u200c\u200d\u2060\ufeff")


def check(text: str, found: list[Span], begin: int = 0, end: int | None = None) -> None:
    """Spans slice ``text``, stay inside the range, are ordered, trimmed and lose no text."""
    end = len(text) if end is None else end
    covered = set()
    previous_end = begin
    for s in found:
        assert text[s.begin : s.end] == s.text
        assert previous_end <= s.begin < s.end <= end
        previous_end = s.end
        assert not s.text[0].isspace() and not s.text[-1].isspace()
        assert "\n" not in s.text
        covered.update(range(s.begin, s.end))
    lost = [i for i in range(begin, end) if i not in covered and not text[i].isspace() and text[i] not in BLANK]
    assert lost == [], [text[i] for i in lost]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_the_articles_split_without_losing_text(path: Path, engine: str) -> None:
    text = path.read_text(encoding="utf-8")
    found = sentences(text, engine=engine)
    check(text, found)
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(found) >= len(lines)  # every line, and more where a line holds more


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_the_date_line_is_one_sentence(path: Path, engine: str) -> None:
    text = path.read_text(encoding="utf-8")
    date_line = [line for line in text.splitlines() if line.strip()][1]
    assert date_line in [s.text for s in sentences(text, engine=engine)]


@pytest.mark.parametrize("engine", ENGINES)
def test_paragraphs_are_split_first(engine: str) -> None:
    text = "หัวข้อข่าว\n\n\nวันศุกร์ที่ 17 มกราคม 2568\r\nข่าวสั้น\u2028ไทย-เมียนมา"
    assert [s.text for s in sentences(text, engine=engine)] == [
        "หัวข้อข่าว", "วันศุกร์ที่ 17 มกราคม 2568", "ข่าวสั้น", "ไทย-เมียนมา"
    ]


def test_the_model_splits_a_paragraph_into_clauses() -> None:
    text = (
        "ทั้งนี้ ทั้งสองประเทศตกลงร่วมมือกัน และจะจัดการประชุมครั้งต่อไปที่กรุงเทพฯ ในเดือนหน้า"
    )
    found = sentences(text, engine="crfcut")
    check(text, found)
    assert len(found) >= 2
    assert found[0].text == "ทั้งนี้ ทั้งสองประเทศตกลงร่วมมือกัน"


def test_the_news_rules_start_a_sentence_at_an_opening_word() -> None:
    text = (
        "รัฐมนตรีทั้งสองฝ่ายหารือกัน เพื่อกระชับความร่วมมือ ซึ่งจะจัดการประชุมครั้งต่อไปในเดือนหน้า "
        "ทั้งนี้ ทั้งสองประเทศตกลงร่วมมือกัน อย่างไรก็ตาม ยังไม่มีการลงนาม "
        "การเยือนในครั้งนี้จะช่วยกระชับความสัมพันธ์ ต่อมาตรการดังกล่าว"
    )
    found = sentences(text)
    check(text, found)
    assert [s.text for s in found] == [
        "รัฐมนตรีทั้งสองฝ่ายหารือกัน เพื่อกระชับความร่วมมือ ซึ่งจะจัดการประชุมครั้งต่อไปในเดือนหน้า",
        "ทั้งนี้ ทั้งสองประเทศตกลงร่วมมือกัน",
        "อย่างไรก็ตาม ยังไม่มีการลงนาม",
        "การเยือนในครั้งนี้จะช่วยกระชับความสัมพันธ์ ต่อมาตรการดังกล่าว",  # ต่อ มาตรการ, not ต่อมา
    ]


@pytest.mark.parametrize(
    "text",
    [
        "นายสมชายกล่าวว่า ทั้งนี้ ทั้งสองฝ่ายจะร่วมมือกัน",  # reported speech after ว่า goes on
        "โครงการนี้มีผู้เข้าร่วม ได้แก่ ผมและคณะ",
        "รับฟังความเห็นของ ดิฉัน",
    ],
)
def test_an_opening_word_after_a_joining_word_starts_no_sentence(text: str) -> None:
    assert [s.text for s in sentences(text)] == [text]


def test_the_callers_segmentation_gives_the_same_sentences() -> None:
    text = "ข่าว\nรัฐมนตรีหารือกัน ต่อมาตรการดังกล่าว ทั้งนี้ ทั้งสองประเทศตกลงร่วมมือกัน ผมได้พูดคุยแล้ว"
    words, cursor = {}, 0
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        words[cursor] = word
        cursor += len(word)
    assert sentences(text, words=words) == sentences(text)
    assert len(sentences(text)) == 4


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "text, whole",
    [
        ("ทั้งนี้ โดยมี พล.อ.อ. สมชาย ใจดี และ น.ส. สมหญิง รักไทย เข้าร่วม", ["พล.อ.อ. สมชาย", "น.ส. สมหญิง"]),
        ("ภายใต้รัฐบาล พล.อ.ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี", ["พล.อ.ประยุทธ์"]),
        ("น.ส.ทิพานัน ศิริชนะ รองโฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยผลการประชุมคณะรัฐมนตรี (ครม.) ว่า", ["น.ส.ทิพานัน", "(ครม.)"]),
        ("ยังได้หารือทวิภาคีกับ Mr. Benjamin Tan ผู้แทนองค์การตำรวจ", ["Mr. Benjamin"]),
        ("ผลการประชุมสรุปได้ ดังนี้ 1. การร่วมแลกเปลี่ยน 2. การผลักดัน", ["1. การ", "2. การ"]),
        ("ที่ประชุมครม. มีมติรับทราบ ทั้งนี้ สปป. ลาว จะเป็นเจ้าภาพ", ["ครม. มีมติ", "สปป. ลาว"]),
    ],
)
def test_abbreviations_and_list_numbers_are_never_cut(engine: str, text: str, whole: list[str]) -> None:
    found = sentences(text, engine=engine)
    check(text, found)
    for phrase in whole:
        assert any(phrase in s.text for s in found), (phrase, [s.text for s in found])


@pytest.mark.parametrize("engine", ENGINES)
def test_spans_to_keep_are_never_cut(engine: str) -> None:
    text = "โดยมีนางสาวสมหญิง รักไทย ผู้อำนวยการ เข้าร่วม ทั้งนี้ นายสมชาย ใจดี ผม ได้กล่าว"
    keep = [(text.index("นางสาว"), text.index(" ผู้อำนวยการ")), (text.index("นายสมชาย"), text.index(" ผม"))]
    found = sentences(text, engine=engine, keep=keep)
    check(text, found)
    for b, e in keep:
        assert any(s.begin <= b and e <= s.end for s in found), text[b:e]


def test_an_unknown_engine_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown sentence engine 'punkt'"):
        sentences("ดีอีหารือ", engine="punkt")


def _inner_breaks(text: str, found: list[Span]) -> set[int]:
    """Where a sentence starts in the middle of a line."""
    return {s.begin for p, s in zip(found, found[1:]) if not set(text[p.end : s.begin]) & set("\n\r")}


def _scores(engine: str, part: str) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for name, starts in GOLD[part].items():
        document = read_document(ROOT / name)
        text = document.text
        assert all(text.count(w) == 1 for w in starts), name
        gold = {text.index(w) for w in starts}
        found = _inner_breaks(text, sentences(text, document.body.begin, document.body.end, engine=engine))
        tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    return tp, fp, fn


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@pytest.mark.parametrize("part", ["train", "held_out"])
def test_the_news_rules_find_the_hand_marked_breaks_at_least_as_well_as_the_model(part: str) -> None:
    news, model = _scores("news", part), _scores("crfcut", part)
    assert _f1(*news) >= _f1(*model), (news, model)
    assert news[1] <= news[0], news  # more right breaks than wrong ones


@pytest.mark.parametrize("engine", ENGINES)
def test_dates_and_ordinals_are_never_cut(engine: str) -> None:
    text = (
        "วันศุกร์ที่ 17 มกราคม 2568\n"
        "เมื่อวันที่ 16 มกราคม 2568  รัฐมนตรีหารือทวิภาคีกับเมียนมา ระหว่างการประชุมครั้งที่ 5 "
        "ในการประชุมครั้งนี้ได้มุ่งเน้นความร่วมมือระดับภูมิภาค ระหว่างวันที่ 9-10 กุมภาพันธ์ 2566"
    )
    found = sentences(text, engine=engine)
    check(text, found)
    joined = [s.text for s in found]
    assert "วันศุกร์ที่ 17 มกราคม 2568" in joined
    for phrase in ("วันที่ 16 มกราคม 2568", "ครั้งที่ 5", "วันที่ 9-10 กุมภาพันธ์ 2566"):
        assert any(phrase in s for s in joined), phrase


def test_a_range_of_the_text() -> None:
    text = "หัวข้อ\nดีอีหารือกับเมียนมา  ทั้งสองฝ่ายตกลงร่วมมือกัน\nท้ายข่าว"
    begin, end = text.index("ดีอี"), text.index("\nท้าย")
    found = sentences(text, begin, end)
    check(text, found, begin, end)
    assert found[0].begin == begin
    assert found[-1].end == end
    assert "ท้ายข่าว" not in [s.text for s in found]


def test_surrounding_spaces_and_zero_width_characters_are_trimmed() -> None:
    text = "  \u200bดีอีหารือกับเมียนมา\xa0 \n \t\n"
    assert sentences(text) == [Span(3, 22, "ดีอีหารือกับเมียนมา")]


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \u200b \n\t"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert sentences(text) == []


@pytest.mark.parametrize("begin, end", [(-1, None), (5, 2), (0, 100)])
def test_a_range_outside_the_text_is_an_error(begin: int, end: int | None) -> None:
    with pytest.raises(ValueError, match="not a range"):
        sentences("ดีอีหารือ", begin, end)


def test_the_fallback_splits_on_runs_of_spaces_and_keeps_every_character() -> None:
    line = "ดีอีหารือ  ทั้งสองฝ่าย ตกลง   ร่วมมือ"
    pieces = _split_on_wide_gaps(line)
    assert "".join(pieces) == line
    assert [p.strip() for p in pieces] == ["ดีอีหารือ", "ทั้งสองฝ่าย ตกลง", "ร่วมมือ"]


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=150, deadline=None)
@given(st.text())
def test_never_raises_and_offsets_slice_on_any_text(engine: str, text: str) -> None:
    check(text, sentences(text, engine=engine))


thaiish = st.lists(st.sampled_from(
    ["ดีอี", "หารือ", "ทวิภาคี", "ครั้งที่ 5", "17 มกราคม 2568", " ", "  ", "\n", "\xa0", "\u200b",
     "ADGMIN", "(", ")", "ไทย-เมียนมา", "และ", "ในเดือนหน้า", "9-10", "ทั้งนี้", "ผม", "ว่า", "พล.อ.",
     "การประชุมครั้งนี้", "1.", "ต่อมา", "ตรการ"]
), max_size=40).map("".join)


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=150, deadline=None)
@given(thaiish, st.data())
def test_any_range_of_thai_text(engine: str, text: str, data: st.DataObject) -> None:
    begin = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(begin, len(text)))
    check(text, sentences(text, begin, end, engine=engine), begin, end)
