"""Meetings: series and ordinal, dates, places, host, chair, attendees; bilateral talks."""

from __future__ import annotations

from aseankg.namespaces import mint_slug
from aseankg.nlp import romanize

from .conftest import facts


def test_unseen_ordinal_date_range_across_months_place_host(run):
    _, x = run(
        "นางสาวพรทิพย์ แสงทอง เข้าร่วมการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 12 "
        "ระหว่างวันที่ 30 ตุลาคม - 2 พฤศจิกายน 2567 ณ กรุงจาการ์ตา สาธารณรัฐอินโดนีเซีย "
        "ซึ่งอินโดนีเซียเป็นเจ้าภาพจัดการประชุม"
    )
    f = facts(x)
    assert x.entities["adgmin-12"].cls == "akg:MinisterialMeeting"
    assert {("adgmin-12", "akg:series", "series-adgmin"), ("adgmin-12", "akg:ordinal", "12"),
            ("adgmin-12", "schema:startDate", "2024-10-30"), ("adgmin-12", "schema:endDate", "2024-11-02"),
            ("adgmin-12", "schema:location", "jakarta"), ("adgmin-12", "schema:location", "indonesia"),
            ("adgmin-12", "akg:hostCountry", "indonesia"),
            ("adgmin-12", "schema:attendee", mint_slug(romanize("พรทิพย์ แสงทอง")))} <= f
    dates = {fact.predicate: fact.object for fact in x.facts if fact.subject == "adgmin-12" and "Date" in fact.predicate}
    assert dates["schema:startDate"].datatype == "xsd:date"


def test_ordinals_in_words_and_english_and_month_only_dates(run):
    _, x = run(
        "ไทยเตรียมเข้าร่วมการประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่สิบ (The Tenth ADGSOM) "
        "ในเดือนกันยายน 2568 ณ กรุงมะนิลา ฟิลิปปินส์"
    )
    f = facts(x)
    assert ("adgsom-10", "schema:startDate", "2025-09") in f
    start = next(fact.object for fact in x.facts if fact.subject == "adgsom-10" and fact.predicate == "schema:startDate")
    assert start.datatype == "xsd:gYearMonth"
    assert ("adgsom-10", "schema:location", "manila") in f


def test_relative_dates_resolve_against_the_article(run):
    _, x = run("คณะทำงาน WG-AS จะจัดการประชุม WG-AS ครั้งที่ 4 ในเดือนเมษายนนี้ ณ ประเทศมาเลเซีย",
               date_line="วันศุกร์ที่ 7 มีนาคม 2568")
    assert {("wg-as-4", "schema:startDate", "2025-04"), ("wg-as-4", "schema:location", "malaysia"),
            ("wg-as-4", "akg:series", "series-wg-as")} <= facts(x)


def test_unknown_series_with_an_acronym(run):
    _, x = run(
        "ไทยเข้าร่วมการประชุมรัฐมนตรีเศรษฐกิจดิจิทัลลุ่มน้ำโขง ครั้งที่ 3 "
        "(The 3rd Mekong Digital Economy Ministers' Meeting: MDEM) ณ กรุงพนมเปญ"
    )
    f = facts(x)
    assert x.entities["series-mdem"].cls == "akg:MeetingSeries"
    assert x.entities["mdem-3"].cls == "akg:MinisterialMeeting"
    assert {("mdem-3", "akg:series", "series-mdem"), ("mdem-3", "akg:ordinal", "3"),
            ("mdem-3", "schema:location", "phnom-penh")} <= f


def test_vice_chair_and_chair(run):
    _, x = run("นายวิชัย ศรีสุข ได้เข้าร่วมและทำหน้าที่รองประธานการประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 8 "
               "โดยมี นายอาหมัด ฟาอิซ ทำหน้าที่ประธานการประชุม")
    f = facts(x)
    assert ("adgsom-8", "akg:viceChair", mint_slug(romanize("วิชัย ศรีสุข"))) in f
    assert ("adgsom-8", "akg:chair", mint_slug(romanize("อาหมัด ฟาอิซ"))) in f


def test_attendees_introduced_by_doi_mi(run):
    _, x = run("การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 7 ณ กรุงฮานอย โดยมีผู้แทนจากจีน ญี่ปุ่น "
               "และสหภาพโทรคมนาคมระหว่างประเทศ เข้าร่วม")
    assert {("adgmin-7", "schema:attendee", s) for s in ("china", "japan", "itu")} <= facts(x)


def test_bilateral_talk_during_a_meeting(run):
    _, x = run(
        "นายวิชัย ศรีสุข ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม ได้หารือทวิภาคีกับนายกิม ซอง โฮ "
        "ผู้อำนวยการสำนักงานอินเทอร์เน็ตและความปลอดภัยแห่งเกาหลี (Korea Internet & Security Agency หรือ KISA) "
        "ระหว่างการประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 10 ณ กรุงโซล เมื่อวันที่ 20 มีนาคม 2568"
    )
    talks = [s for s, e in x.entities.items() if e.cls == "akg:BilateralMeeting"]
    assert talks == ["bilateral-thailand-kisa-adgsom-10"]
    f = facts(x)
    talk = talks[0]
    assert (talk, "schema:superEvent", "adgsom-10") in f
    for who in ("thailand", "kisa", mint_slug(romanize("วิชัย ศรีสุข")), mint_slug(romanize("กิม ซอง โฮ"))):
        assert (talk, "schema:attendee", who) in f
    assert ("kisa", "akg:country", "south-korea") in f
    assert ("adgsom-10", "schema:location", "seoul") in f


def test_bilateral_between_two_countries_with_the_opening_date(run):
    _, x = run("เมื่อวันที่ 4 มีนาคม 2568 นายวิชัย ศรีสุข ร่วมหารือทวิภาคีระหว่างไทยและกัมพูชา ณ กรุงพนมเปญ")
    talk = "bilateral-thailand-cambodia-2025-03-04"
    assert x.entities[talk].cls == "akg:BilateralMeeting"
    assert {(talk, "schema:startDate", "2025-03-04"), (talk, "schema:location", "phnom-penh"),
            (talk, "schema:attendee", "cambodia")} <= facts(x)


def test_cabinet_meeting_by_date(run):
    _, x = run("นายกรัฐมนตรีเปิดเผยผลการประชุมคณะรัฐมนตรี (ครม.) วันที่ 4 มีนาคม 2568 ว่า")
    assert x.entities["cabinet-meeting-2025-03-04"].cls == "akg:CabinetMeeting"
    assert ("cabinet-meeting-2025-03-04", "schema:startDate", "2025-03-04") in facts(x)


def test_a_series_without_ordinal_is_not_a_meeting(run):
    _, x = run("ข้อเสนอจะเสนอต่อที่ประชุมรัฐมนตรีอาเซียนด้านดิจิทัลในต้นปี 2569")
    assert "series-adgmin" in x.entities
    assert not [e for e in x.entities.values() if e.cls.endswith("Meeting") and e.cls != "akg:MeetingSeries"]


def test_only_a_person_or_a_country_chairs(run):
    """An organisation in the chair's clause is the chair's ministry, never the chair (akg:chair's range)."""
    _, x = run("การประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 9 โดยมีนายเลิม ถั่น เซิน ผู้แทนกระทรวงสารสนเทศ"
               "และการสื่อสารของเวียดนาม และกระทรวงการสื่อสารและสารสนเทศของบรูไน ทำหน้าที่ประธานการประชุม")
    chairs = {o for s, p, o in facts(x) if s == "adgsom-9" and p == "akg:chair"}
    assert chairs == {mint_slug(romanize("เลิม ถั่น เซิน"))}


def test_talks_on_the_occasion_of_a_meeting_keep_it_whatever_the_deadlines(run):
    """Talks reported after the meeting ("ในโอกาสนี้", then "นอกจากนี้"): held during it; a deadline
    later in the sentence ("ภายในปีนี้") is not their date."""
    _, x = run(
        "นายวิชัย ศรีสุข รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม เข้าร่วมการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล "
        "ครั้งที่ 9 ระหว่างวันที่ 3 – 5 กุมภาพันธ์ 2568 ณ กรุงมะนิลา\n"
        "ในโอกาสนี้ นายวิชัยได้หารือทวิภาคีกับกระทรวงการสื่อสารและสารสนเทศของบรูไน โดยตั้งเป้าลงนามความร่วมมือให้ได้ภายในปีนี้\n"
        "นอกจากนี้ นายวิชัยยังได้หารือทวิภาคีกับผู้แทนกระทรวงการต่างประเทศของญี่ปุ่น ในประเด็นความปลอดภัยไซเบอร์"
    )
    talks = sorted(s for s, e in x.entities.items() if e.cls == "akg:BilateralMeeting")
    assert len(talks) == 2 and all(t.endswith("-adgmin-9") for t in talks), talks
    f = facts(x)
    for talk in talks:
        assert (talk, "schema:superEvent", "adgmin-9") in f
        assert not [o for s, p, o in f if s == talk and p == "schema:startDate"]


def test_a_talk_dated_just_before_its_verb(run):
    _, x = run("นายวิชัย ศรีสุข เดินทางเยือนกรุงโซล โดยเมื่อวันที่ 12 มีนาคม 2568 ได้หารือทวิภาคีกับ"
               "กระทรวงการต่างประเทศของญี่ปุ่น และในวันที่ 14 มีนาคม 2568 ได้เข้าร่วมงานสัมมนา")
    talks = [s for s, e in x.entities.items() if e.cls == "akg:BilateralMeeting"]
    assert len(talks) == 1 and talks[0].endswith("-2025-03-12"), talks
    assert (talks[0], "schema:startDate", "2025-03-12") in facts(x)


def test_a_chair_and_then_attendees_after_doi_mi(run):
    _, x = run("การประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 12 ณ กรุงจาการ์ตา โดยมีนายบุดี ซานโตโซ "
               "ทำหน้าที่ประธานการประชุม และนางสาวมาลี ทองคำ รองปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม เข้าร่วมการประชุมด้วย")
    f = facts(x)
    chair, guest = mint_slug(romanize("บุดี ซานโตโซ")), mint_slug(romanize("มาลี ทองคำ"))
    assert ("adgsom-12", "akg:chair", chair) in f and ("adgsom-12", "schema:attendee", guest) in f
    assert ("adgsom-12", "schema:attendee", chair) not in f


def test_heading_the_delegation_with_a_verb(run):
    _, x = run("การประชุมคณะทำงานอาเซียนด้านการป้องกันปัญหาการหลอกลวงผ่านสื่อออนไลน์ ครั้งที่ 7 ณ กรุงจาการ์ตา "
               "โดยมีนายสมหมาย ดีงาม รองปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม เป็นหัวหน้าคณะผู้แทนไทย")
    f = facts(x)
    person = mint_slug(romanize("สมหมาย ดีงาม"))
    position = f"position-{person}-head-of-delegation"
    assert (person, "akg:holds", position) in f and (position, "akg:organization", "government-of-thailand") in f
    assert ("wg-as-7", "schema:attendee", person) in f


def test_who_is_met_on_the_side_is_not_made_an_attendee_of_the_meeting(run):
    _, x = run(
        "นายวิชัย ศรีสุข เข้าร่วมการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 9 ณ กรุงมะนิลา\n"
        "ในโอกาสนี้ นายวิชัยได้หารือทวิภาคีกับนายฮวน เดลา ครูซ รัฐมนตรีว่าการกระทรวงเทคโนโลยีสารสนเทศและการสื่อสารฟิลิปปินส์"
    )
    f = facts(x)
    guest = mint_slug(romanize("ฮวน เดลา ครูซ"))
    assert ("adgmin-9", "schema:attendee", mint_slug(romanize("วิชัย ศรีสุข"))) in f
    assert ("adgmin-9", "schema:attendee", guest) not in f
    assert any(s.startswith("bilateral-") and p == "schema:attendee" and o == guest for s, p, o in f)


def test_the_next_meeting_named_by_its_ordinal_alone(run):
    _, x = run("การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 8 จัดขึ้น ณ กรุงมะนิลา ที่ประชุมเห็นชอบให้กัมพูชา"
               "เป็นเจ้าภาพการประชุมครั้งที่เก้า ในปี 2570")
    f = facts(x)
    assert x.entities["adgmin-9"].cls == x.entities["adgmin-8"].cls
    assert {("adgmin-9", "akg:series", "series-adgmin"), ("adgmin-9", "akg:ordinal", "9"),
            ("adgmin-9", "akg:hostCountry", "cambodia"), ("adgmin-9", "schema:startDate", "2027")} <= f


def test_what_the_meeting_did_is_not_a_series(run):
    _, x = run("ที่ประชุมได้ติดตามความคืบหน้าการดำเนินงานของศูนย์ฝึกอบรมไซเบอร์ภูมิภาค (RCTC) และเห็นชอบแผนงาน")
    assert not [s for s, e in x.entities.items() if e.cls == "akg:MeetingSeries"]


def test_who_chairs_is_not_also_an_attendee_unless_the_text_says_so(run):
    _, x = run("นายวิชัย ศรีสุข เป็นประธานการประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 11 ณ กรุงเทพมหานคร")
    f = facts(x)
    who = mint_slug(romanize("วิชัย ศรีสุข"))
    assert ("adgsom-11", "akg:chair", who) in f and ("adgsom-11", "schema:attendee", who) not in f


def test_an_unknown_building_before_a_known_place(run):
    _, x = run("การประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 13 ณ ตึกนารีสโมสร ทำเนียบรัฐบาล")
    f = facts(x)
    building = [s for s, e in x.entities.items() if e.cls == "akg:Place" and s.startswith("tuek-")]
    assert building and {("adgsom-13", "schema:location", building[0]),
                         ("adgsom-13", "schema:location", "government-house")} <= f
    assert x.entities[building[0]].labels["en"].endswith(" Building")


def test_who_signs_an_mou_on_the_occasion_is_not_made_an_attendee(run):
    _, x = run("นายวิชัย ศรีสุข เข้าร่วมการประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 14 ณ กรุงจาการ์ตา\n"
               "ในการประชุมครั้งนี้ สำนักงานตำรวจแห่งชาติ และธนาคารแห่งประเทศไทย ได้ร่วมลงนามบันทึกความเข้าใจว่าด้วย"
               "การแลกเปลี่ยนข้อมูล โดยมีนายโฮเซ ริซาล เป็นสักขีพยาน")
    f = facts(x)
    assert ("adgsom-14", "schema:attendee", mint_slug(romanize("วิชัย ศรีสุข"))) in f
    assert ("adgsom-14", "schema:attendee", mint_slug(romanize("โฮเซ ริซาล"))) not in f


def test_a_meeting_takes_the_place_its_attendee_travelled_to(run):
    _, x = run("นายวิชัย ศรีสุข เดินทางไปยังกรุงจาการ์ตา สาธารณรัฐอินโดนีเซีย เพื่อเข้าร่วมการประชุมเจ้าหน้าที่อาวุโส"
               "อาเซียนด้านดิจิทัล ครั้งที่ 15 ระหว่างวันที่ 3-4 มีนาคม 2568")
    f = facts(x)
    assert {("adgsom-15", "schema:location", "jakarta"), ("adgsom-15", "schema:location", "indonesia")} <= f


def test_a_talk_during_a_visit_takes_the_country_visited_and_its_venue(run):
    _, x = run("นายวิชัย ศรีสุข เดินทางเยือนญี่ปุ่น โดยเมื่อวันที่ 12 มีนาคม 2568 ได้หารือทวิภาคีกับกระทรวงการต่างประเทศ"
               "ของญี่ปุ่น ณ กรุงโตเกียว")
    talks = [s for s, e in x.entities.items() if e.cls == "akg:BilateralMeeting"]
    assert len(talks) == 1
    assert {(talks[0], "schema:location", p) for p in ("japan", "tokyo")} <= facts(x)


def test_a_venue_whose_name_starts_like_a_country(run):
    _, x = run("การประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 16 ณ ตึกไทยรวมใจ ทำเนียบรัฐบาล")
    f = facts(x)
    venue = [s for s, e in x.entities.items() if e.cls == "akg:Place" and s.startswith("tuek-")]
    assert venue and ("adgsom-16", "schema:location", venue[0]) in f
    assert ("adgsom-16", "schema:location", "thailand") not in f


def test_talks_between_a_host_and_the_guest_received(run):
    _, x = run("เมื่อวันที่ 5 มีนาคม 2568 นายวิชัย ศรีสุข รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม ให้การต้อนรับ"
               "นายคำแสง สีสุวัน รัฐมนตรีว่าการกระทรวงเทคโนโลยีและการสื่อสาร สปป. ลาว ณ ศูนย์ราชการเฉลิมพระเกียรติ "
               "ถนนแจ้งวัฒนะ กรุงเทพมหานคร โดยทั้งสองฝ่ายได้หารือทวิภาคีเกี่ยวกับการเชื่อมโยงโครงข่าย")
    talk = "bilateral-thailand-mtc-laos-2025-03-05"
    assert x.entities[talk].cls == "akg:BilateralMeeting"
    f = facts(x)
    assert {(talk, "schema:attendee", who) for who in ("thailand", "mtc-laos", mint_slug(romanize("วิชัย ศรีสุข")),
                                                       mint_slug(romanize("คำแสง สีสุวัน")))} <= f
    venue = [o for s, p, o in f if s == talk and p == "schema:location" and o.startswith("sun-")]
    assert venue and "thanon" not in venue[0]
