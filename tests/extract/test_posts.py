"""Posts become Positions with holder, organisation, titles and the article's date."""

from __future__ import annotations

from aseankg.namespaces import mint_slug
from aseankg.nlp import romanize

from .conftest import facts


def test_unknown_person_with_a_post(run):
    document, x = run("นายสมบัติ ใจกล้า รัฐมนตรีว่าการกระทรวงการต่างประเทศ เปิดเผยว่า ไทยพร้อมสนับสนุน")
    person = mint_slug(romanize("สมบัติ ใจกล้า"))
    position = f"position-{person}-minister-mfa-thailand"
    f = facts(x)
    assert x.entities[position].cls == "akg:Position"
    assert (person, "akg:holds", position) in f
    assert (position, "akg:holder", person) in f
    assert (position, "akg:organization", "mfa-thailand") in f
    assert (position, "akg:title", "รัฐมนตรีว่าการกระทรวงการต่างประเทศ") in f
    assert (position, "akg:title", "Minister of Foreign Affairs") in f
    assert (position, "akg:attestedOn", document.issued.isoformat()) in f


def test_two_posts_joined_by_and_with_a_country(run):
    _, x = run("พลเอกซอ วิน ลัต รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงการต่างประเทศของเมียนมา กล่าวว่า")
    person = mint_slug(romanize("ซอ วิน ลัต"))
    f = facts(x)
    assert (f"position-{person}-deputy-prime-minister", "akg:organization", "government-of-myanmar") in f
    ministries = [e for e in x.entities.values() if e.cls == "akg:Ministry"]
    assert len(ministries) == 1 and (ministries[0].slug, "akg:country", "myanmar") in f
    assert ministries[0].labels["en"] == "Ministry of Foreign Affairs of Myanmar"


def test_capacity_and_abbreviation(run):
    _, x = run("นางสาวพรทิพย์ แสงทอง ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม (ดีอี) ในฐานะหัวหน้าคณะผู้แทนไทย เข้าร่วมการประชุม")
    person = mint_slug(romanize("พรทิพย์ แสงทอง"))
    f = facts(x)
    assert (person, "akg:holds", f"position-{person}-permanent-secretary-mdes") in f
    assert (person, "akg:holds", f"position-{person}-head-of-delegation") in f
    assert (f"position-{person}-head-of-delegation", "akg:title", "Head of the Delegation of Thailand") in f


def test_title_before_the_name(run):
    _, x = run("เลขาธิการอาเซียน ดร.ลิม เฉิง ฮวด กล่าวเปิดการประชุม")
    person = mint_slug(romanize("ลิม เฉิง ฮวด"))
    assert (f"position-{person}-secretary-general-asean-secretariat", "akg:organization", "asean-secretariat") in facts(x)


def test_same_post_same_position_whatever_the_wording(run):
    _, a = run("นายวิชัย ศรีสุข ปลัดกระทรวงดีอี กล่าว")
    _, b = run("นายวิชัย ศรีสุข ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม กล่าว")
    pa = {s for s, e in a.entities.items() if e.cls == "akg:Position"}
    pb = {s for s, e in b.entities.items() if e.cls == "akg:Position"}
    assert pa == pb and len(pa) == 1
