"""Lexicon names in text: longest match, word boundaries, spelling variants."""

from __future__ import annotations


def _anchors(extraction, slug):
    return sorted(m.anchor for m in extraction.mentions if m.entity == slug)


def test_abbreviations_and_longest_match(run):
    _, x = run("ดีอีเอส และกระทรวงดีอี ร่วมกับ ดศ. (MDES) หารือกับ สปป.ลาว และสาธารณรัฐสิงคโปร์")
    assert _anchors(x, "mdes") == ["MDES", "กระทรวงดีอี", "ดศ.", "ดีอีเอส"]  # no separate ดีอี inside ดีอีเอส
    assert "laos" in x.entities and "singapore" in x.entities


def test_ascii_names_ignore_spacing_and_dashes(run):
    _, x = run("คณะทำงาน WG – AS และ WG - AS หรือ WG-AS จัดประชุมร่วมกับ ITU")
    assert len(_anchors(x, "wg-as")) == 3
    assert "itu" in x.entities


def test_acronyms_keep_their_case(run):
    _, x = run("ผู้แทนกล่าวว่า itu ในที่นี้ไม่ใช่ชื่อองค์กร")
    assert "itu" not in x.entities


def test_word_boundaries(run):
    # ลาว is Laos, but not inside ลาวา (lava); สหรัฐ inside ดอลลาร์สหรัฐ is a currency
    _, x = run("นักท่องเที่ยวชมลาวาจากภูเขาไฟ มูลค่า 5,000 ดอลลาร์สหรัฐ")
    assert "laos" not in x.entities and "united-states" not in x.entities


def test_names_inside_names(run):
    _, x = run("ไทยสนับสนุนแผนแม่บทอาเซียนด้านดิจิทัล ค.ศ. 2025 และเข้าร่วม UNESCO Global Forum")
    assert {"asean-digital-masterplan-2025", "asean", "unesco", "series-global-forum-ethics-of-ai"} <= set(x.entities)


def test_offsets_slice_the_text_and_sentences_hold_the_anchor(run):
    document, x = run("เมื่อวันที่ 3 มีนาคม 2568 นายสมชาย ใจดี อธิบดีกรมอาเซียน หารือกับผู้แทนญี่ปุ่น  ทั้งสองฝ่ายเห็นพ้องกัน")
    assert x.mentions
    for m in x.mentions:
        assert document.text[m.begin : m.end] == m.anchor
        assert m.anchor in m.sentence
        assert document.body.begin <= m.begin < m.end <= document.body.end
    assert {m.entity for m in x.mentions} == set(x.entities)


def test_a_country_inside_a_known_ministry_name(run):
    _, x = run("ผู้แทนกระทรวงกิจการภายในและการสื่อสารของญี่ปุ่น เดินทางมาเยือน")
    assert "mic-japan" in x.entities
    japan = [m for m in x.mentions if m.entity == "japan"]
    assert [m.anchor for m in japan] == ["ญี่ปุ่น"]
