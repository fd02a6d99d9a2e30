"""The whole extraction: provenance invariants on real and unseen articles, bad input, speed of
the lookups (built once), and that random text never crashes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aseankg.corpus import parse_document, read_document
from aseankg.extract import extract
from aseankg.extract.model import Extraction, Ref

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "data" / "documents").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "unseen").glob("*.txt")
)


def assert_named_or_referenced(x: Extraction, lexicon) -> None:
    """Every entity is named in the text (a Mention), or is a lexicon entity that a fact
    points at without the text naming it (the government of a deputy prime minister)."""
    mentioned = {m.entity for m in x.mentions}
    referenced = {f.object.slug for f in x.facts if isinstance(f.object, Ref)}
    assert mentioned <= set(x.entities)
    for slug in set(x.entities) - mentioned:
        assert slug in referenced and slug in lexicon.entries, slug


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_entity_is_mentioned_and_every_mention_slices(path, lexicon):
    document = read_document(path)
    x = extract(document, lexicon)
    assert x.entities
    assert_named_or_referenced(x, lexicon)
    for m in x.mentions:
        assert document.text[m.begin : m.end] == m.anchor
        assert m.anchor.strip() == m.anchor and m.anchor in m.sentence
        if document.title_span is not None:
            assert m.begin >= document.body.begin  # the headline lines are not extracted
    for e in x.entities.values():
        assert e.labels.get("th") and e.labels.get("en")
    for f in x.facts:
        assert f.subject in x.entities


def test_the_five_articles_yield_the_issue_targets(lexicon):
    found: dict[str, str] = {}
    for path in ARTICLES[:5]:
        found.update({s: e.cls for s, e in extract(read_document(path), lexicon).entities.items()})
    for slug in ("prasert-jantararuangtong", "wisit-wisitsora-at", "mya-tun-oo", "kao-kim-hourn",
                 "tipanan-sirichana", "prayut-chan-o-cha", "mdes", "mptc", "trc", "office-of-the-nbtc",
                 "ncsa", "asean", "itu", "unesco", "us-asean-business-council", "cabinet-of-thailand",
                 "office-of-the-prime-minister", "aoc-1441", "adgmin-3", "adgmin-4", "adgmin-5",
                 "adgsom-3", "adgsom-5", "adgsom-atrc-leaders-retreat-2", "wg-as-1", "wg-as",
                 "cabinet-meeting-2023-03-21", "mou-mdes-mptc", "mou-asean-itu", "defa",
                 "asean-digital-masterplan-2025", "asean-ict-fund", "central-fraud-registry",
                 "boracay-digital-declaration", "series-global-forum-ethics-of-ai", "asean-ai-safe"):
        assert slug in found, slug
    assert sum(1 for c in found.values() if c == "akg:BilateralMeeting") >= 6


@pytest.mark.parametrize(
    "text",
    [
        "",  # parse_document refuses an empty file; extract never sees it
        "ข้อความภาษาไทยที่ไม่มีบรรทัดวันที่ นายสมชาย ใจดี กล่าว",
        "An article in English about ASEAN and the ITU, with no Thai at all.",
        "((((( ณ ณ ณ ครั้งที่ ครั้งที่ 5 (The 5th : ) บันทึกความเข้าใจระหว่าง และ และ",
    ],
)
def test_odd_articles(text, lexicon):
    if not text:
        with pytest.raises(ValueError):
            parse_document(b"", "empty")
        return
    document = parse_document(text.encode("utf-8"), "odd")
    x = extract(document, lexicon)
    for m in x.mentions:
        assert document.text[m.begin : m.end] == m.anchor


@pytest.mark.slow
def test_a_large_article(lexicon):
    paragraph = (ROOT / "data" / "documents" / "000_d03fc73eb21f62b7.txt").read_text(encoding="utf-8")
    document = parse_document((paragraph * 40).encode("utf-8"), "large")
    x = extract(document, lexicon)
    assert "mdes" in x.entities


_ALPHABET = st.sampled_from(
    list("กขคงจชซดตทนบปผพฟมยรลวสหอฯะัาำิีึืุูเแโใไ่้๊๋์ ()-–:,.\n0123456789๑๒๓ABCmdes")
    + ["นาย", "ดร.", "กระทรวง", "การประชุม", "ครั้งที่ ", "ณ ", "หารือทวิภาคี", "บันทึกความเข้าใจ",
       "ระหว่าง", "และ", "ไทย", "ดีอี", "WG-AS", "ร่าง", "วันที่ 5 มีนาคม 2568", "โดยมี", "เข้าร่วม",
       "ปลัดกระทรวงฯ", "(The 3rd X: ABC)", "เป็นเจ้าภาพ", "โครงการ A B C จำนวน 1,000 บาท"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_random_text_never_crashes(lexicon, body):
    text = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-ข่าว\n\nวันจันทร์ที่ 3 กุมภาพันธ์ 2568\n" + body + "\nข้อความ"
    document = parse_document(text.encode("utf-8"), "random")
    x = extract(document, lexicon)
    assert_named_or_referenced(x, lexicon)
    for m in x.mentions:
        assert document.text[m.begin : m.end] == m.anchor
