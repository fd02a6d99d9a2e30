"""People after honorifics, titles and ranks: Thai and foreign names, honorifics split off."""

from __future__ import annotations

from aseankg.namespaces import mint_slug
from aseankg.nlp import romanize


def _slug(thai: str) -> str:
    return mint_slug(romanize(thai))


def test_unknown_thai_person(run):
    _, x = run("นายสมบัติ ใจกล้า เปิดเผยว่า ไทยพร้อมสนับสนุนความร่วมมือ")
    slug = _slug("สมบัติ ใจกล้า")
    person = x.entities[slug]
    assert person.cls == "akg:Person" and not person.curated
    assert person.labels["th"] == "สมบัติ ใจกล้า"
    assert person.labels["th-Latn"] == person.labels["en"]
    assert ("นายสมบัติ ใจกล้า", "th") in person.alt_labels


def test_foreign_name_runs_to_the_post(run):
    _, x = run("พลเอกซอ วิน ลัต รองนายกรัฐมนตรีของเมียนมา และ ดร.ลิม เฉิง ฮวด เลขาธิการอาเซียน ร่วมหารือ")
    assert _slug("ซอ วิน ลัต") in x.entities
    assert _slug("ลิม เฉิง ฮวด") in x.entities


def test_titles_chain_and_english_names(run):
    _, x = run("รศ.ดร.กนกพร วิเศษสุข และ H.E. Mr. John Appleseed ร่วมแถลงข่าว")
    assert _slug("กนกพร วิเศษสุข") in x.entities
    assert "john-appleseed" in x.entities


def test_given_name_alone_refers_to_the_full_name(run):
    _, x = run("นายวิชัย ศรีสุข ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม เดินทางเยือนญี่ปุ่น  นายวิชัยกล่าวว่า จะเร่งดำเนินการ")
    slug = _slug("วิชัย ศรีสุข")
    assert len([m for m in x.mentions if m.entity == slug]) == 2
    assert [e for e in x.entities.values() if e.cls == "akg:Person"] == [x.entities[slug]]


def test_lexicon_person_with_an_honorific(run):
    _, x = run("ดร.เกา คิม ฮอร์น ให้สัมภาษณ์ว่า อาเซียนพร้อมสนับสนุน")
    person = x.entities["kao-kim-hourn"]
    assert person.curated and ("ดร.เกา คิม ฮอร์น", "th") in person.alt_labels


def test_a_post_is_not_a_person(run):
    _, x = run("นายกรัฐมนตรีมอบหมายให้ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม เดินทางไปกัมพูชา")
    assert not [e for e in x.entities.values() if e.cls in ("akg:Person", "akg:Position")]


def test_foreign_name_of_three_syllables_that_are_thai_words(run):
    """Vietnamese names written in Thai: each part one syllable, some of them dictionary words."""
    _, x = run("นางเลิม ถิ เซิน รองรัฐมนตรีว่าการกระทรวงสารสนเทศและการสื่อสารของเวียดนาม กล่าวเปิดงาน")
    assert _slug("เลิม ถิ เซิน") in x.entities
    assert not [s for s, e in x.entities.items() if e.cls == "akg:Person" and s != _slug("เลิม ถิ เซิน")]


def test_a_name_part_ending_like_a_stop_word_and_a_family_name_ending_with_a_country(run):
    _, x = run("นางสุดายัง มาเรีย โลเปซ ประธานเจ้าหน้าที่บริหารสำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์ และนายสมพงษ์ รักไทย "
               "ผู้บริหารสูงสุดธนาคารแห่งประเทศไทย ร่วมแถลงข่าว")
    people = {s for s, e in x.entities.items() if e.cls == "akg:Person"}
    assert people == {_slug("สุดายัง มาเรีย โลเปซ"), _slug("สมพงษ์ รักไทย")}
    assert f"position-{_slug('สมพงษ์ รักไทย')}-chief-executive-officer-bank-of-thailand" in x.entities


def test_an_english_name_with_lowercase_particles_in_parentheses(run):
    _, x = run("นางเฮเลนา ฟอน ไฮเดน (Ms. Helena von Heiden) ผู้อำนวยการใหญ่องค์การอนามัยโลก กล่าวเปิดงาน")
    assert "helena-von-heiden" in x.entities
    assert x.entities["helena-von-heiden"].labels["en"] == "Helena von Heiden"
