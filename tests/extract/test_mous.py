"""MoUs: parties, topic, status and signing date."""

from __future__ import annotations

from .conftest import facts


def test_signed_mou_between_other_parties(run):
    _, x = run("ธนาคารแห่งประเทศไทย และสำนักงานตำรวจแห่งชาติ ได้ร่วมลงนามบันทึกความเข้าใจว่าด้วยการแลกเปลี่ยน"
               "ข้อมูลบัญชีม้า เมื่อวันที่ 14 กุมภาพันธ์ 2568 ณ ทำเนียบรัฐบาล")
    mou = "mou-bank-of-thailand-royal-thai-police"
    assert x.entities[mou].cls == "akg:MoU"
    assert {(mou, "akg:party", "bank-of-thailand"), (mou, "akg:party", "royal-thai-police"),
            (mou, "akg:status", "akg:Signed"), (mou, "schema:startDate", "2025-02-14"),
            (mou, "akg:topic", "การแลกเปลี่ยนข้อมูลบัญชีม้า")} <= facts(x)


def test_draft_mou_with_an_unknown_party(run):
    _, x = run("ครม. เห็นชอบร่างบันทึกความเข้าใจระหว่างกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งราชอาณาจักรไทย "
               "และกระทรวงการสื่อสารและสารสนเทศของบรูไน ว่าด้วยความร่วมมือด้านรัฐบาลดิจิทัล")
    mous = [s for s, e in x.entities.items() if e.cls == "akg:MoU"]
    assert len(mous) == 1
    f = facts(x)
    parties = {o for s, p, o in f if s == mous[0] and p == "akg:party"}
    assert "mdes" in parties and any(p.endswith("-brunei") for p in parties)
    assert (mous[0], "akg:status", "akg:Draft") in f
    assert not [o for s, p, o in f if s == mous[0] and p == "schema:startDate"]


def test_referring_back_to_an_mou(run):
    _, x = run("ภายใต้บันทึกความเข้าใจระหว่างกระทรวงดีอี และกระทรวงการต่างประเทศ ทั้งสองฝ่ายจะดำเนินการตามบันทึกความเข้าใจดังกล่าว")
    mou = "mou-mdes-mfa-thailand"
    assert len([m for m in x.mentions if m.entity == mou]) == 2
    assert (mou, "akg:status", "akg:Signed") in facts(x)


def test_topic_before_the_parties(run):
    _, x = run("ได้ร่วมลงนามบันทึกความเข้าใจว่าด้วยความร่วมมือด้านความปลอดภัยออนไลน์ระหว่างสำนักงานตำรวจแห่งชาติ "
               "กับธนาคารแห่งประเทศไทย เมื่อวันที่ 4 มีนาคม 2568")
    mou = "mou-bank-of-thailand-royal-thai-police"
    assert x.entities[mou].cls == "akg:MoU"
    assert {(mou, "akg:party", "bank-of-thailand"), (mou, "akg:party", "royal-thai-police"),
            (mou, "akg:topic", "ความร่วมมือด้านความปลอดภัยออนไลน์"), (mou, "akg:status", "akg:Signed"),
            (mou, "schema:startDate", "2025-03-04")} <= facts(x)


def test_parties_from_the_signatories_posts_and_from_kap(run):
    _, x = run("นายสมชาย ใจดี ผู้อำนวยการใหญ่สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์ และนางมาลี สุขใจ ผู้ว่าการธนาคาร"
               "แห่งประเทศไทย ได้ร่วมลงนามบันทึกความเข้าใจด้านการพัฒนามาตรฐานดิจิทัล เมื่อวันที่ 4 มีนาคม 2568\n"
               "สำนักงานตำรวจแห่งชาติ ลงนามบันทึกความเข้าใจกับกระทรวงการสื่อสารและสารสนเทศของบรูไน ว่าด้วยการแลกเปลี่ยนข้อมูล")
    f = facts(x)
    assert {("mou-bank-of-thailand-etda", "akg:party", p) for p in ("etda", "bank-of-thailand")} <= f
    brunei = [s for s, e in x.entities.items() if e.cls == "akg:MoU" and "royal-thai-police" in s]
    assert len(brunei) == 1 and (brunei[0], "akg:party", "royal-thai-police") in f
    assert any(p == "akg:party" and o.endswith("-brunei") for s, p, o in f if s == brunei[0])


def test_parties_before_the_verb_each_with_its_parenthesis(run):
    _, x = run("ในการนี้ สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์ (สพธอ.) และธนาคารแห่งประเทศไทย (Bank of Thailand: BOT) "
               "ได้ลงนามบันทึกความร่วมมือด้านการแลกเปลี่ยนข้อมูล")
    assert {("mou-bank-of-thailand-etda", "akg:party", p) for p in ("etda", "bank-of-thailand")} <= facts(x)


def test_the_member_governments_of_a_body_without_a_closing_khong(run):
    _, x = run("ครม. เห็นชอบร่างบันทึกความเข้าใจระหว่างรัฐบาลของประเทศสมาชิกอาเซียนกับสหภาพโทรคมนาคมระหว่างประเทศ "
               "ว่าด้วยความร่วมมือด้านดิจิทัล")
    assert {("mou-asean-itu", "akg:party", "asean"), ("mou-asean-itu", "akg:party", "itu"),
            ("mou-asean-itu", "akg:status", "akg:Draft")} <= facts(x)
