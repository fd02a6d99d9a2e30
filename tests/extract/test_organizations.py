"""Organisations the lexicon does not know, by head noun, country qualifier and parentheses."""

from __future__ import annotations

from .conftest import facts


def _orgs(x):
    return {s: e for s, e in x.entities.items() if e.cls in ("akg:Ministry", "akg:GovernmentAgency", "akg:Organization")}


def test_unknown_ministry_with_country(run):
    _, x = run("ผู้แทนกระทรวงการสื่อสารและสารสนเทศของบรูไน เข้าพบผู้บริหารกระทรวงดีอี")
    ministries = [e for e in x.entities.values() if e.cls == "akg:Ministry" and e.slug != "mdes"]
    assert len(ministries) == 1
    ministry = ministries[0]
    assert ministry.slug.endswith("-brunei") and not ministry.curated
    assert ministry.labels["th"] == "กระทรวงการสื่อสารและสารสนเทศของบรูไน"
    assert ministry.labels["en"] == "Ministry of Communications and Information of Brunei Darussalam"
    assert (ministry.slug, "akg:country", "brunei") in facts(x)


def test_acronym_in_parentheses_names_the_slug(run):
    _, x = run("ไทยหารือกับสำนักงานมาตรฐานดิจิทัลแห่งฟิลิปปินส์ (Digital Standards Office หรือ DSO) เมื่อวันนี้")
    assert x.entities["dso"].labels["en"] == "Digital Standards Office"
    assert ("dso", "akg:country", "philippines") in facts(x)
    assert {m.anchor for m in x.mentions if m.entity == "dso"} >= {"DSO", "Digital Standards Office"}


def test_a_known_name_qualified_by_another_country_is_another_body(run):
    _, x = run("กระทรวงการต่างประเทศของญี่ปุ่น และกระทรวงการต่างประเทศ ร่วมแถลง")
    assert "mfa-thailand" in x.entities
    japan = [s for s in _orgs(x) if s.endswith("-japan")]
    assert len(japan) == 1


def test_generic_head_nouns_are_not_names(run):
    _, x = run("หน่วยงานที่เกี่ยวข้องและสภาพแวดล้อมดิจิทัลในศูนย์กลางภูมิภาค")
    assert not _orgs(x)


def test_a_body_still_to_be_set_up_is_an_initiative(run):
    _, x = run("ไทยเสนอจัดตั้งศูนย์ประสานงานไซเบอร์ภูมิภาค (Regional Cyber Coordination Centre: RCCC) ต่อที่ประชุม")
    assert x.entities["rccc"].cls == "akg:Initiative"
    assert ("rccc", "akg:proposedBy", "thailand") in facts(x)


def test_a_mixed_case_acronym_names_the_slug(run):
    _, x = run("ไทยหารือกับกระทรวงการสื่อสารและดิจิทัลแห่งอินโดนีเซีย (Ministry of Communication and Digital "
               "Affairs: KemKomdigi) เมื่อวันนี้")
    assert x.entities["kemkomdigi"].labels["en"] == "Ministry of Communication and Digital Affairs"
    assert ("kemkomdigi", "akg:country", "indonesia") in facts(x)


def test_an_unknown_declaration_named_over_wa_duay(run):
    _, x = run("ที่ประชุมได้รับรองปฏิญญากรุงเทพว่าด้วยความร่วมมือด้านข้อมูล (Bangkok Declaration on Data Cooperation) "
               "พร้อมทั้งติดตามความคืบหน้า")
    declaration = x.entities["bangkok-declaration-on-data-cooperation"]
    assert declaration.cls == "akg:Declaration"
    assert declaration.labels["th"] == "ปฏิญญากรุงเทพว่าด้วยความร่วมมือด้านข้อมูล"


def test_a_known_body_with_its_country_written_another_way(run):
    """The lexicon's "…สิงคโปร์" written "…แห่งสิงคโปร์" or "…ของ<long form>" is the same body."""
    _, x = run("ผู้แทนสำนักงานความมั่นคงปลอดภัยไซเบอร์แห่งสิงคโปร์ และกระทรวงกิจการภายในและการสื่อสารแห่งญี่ปุ่น ร่วมหารือ")
    assert {"csa-singapore", "mic-japan"} <= set(x.entities)
    assert not [s for s, e in x.entities.items() if not e.curated and e.cls in ("akg:Ministry", "akg:GovernmentAgency")]


def test_an_unknown_bodys_slug_does_not_depend_on_the_lexicon(run, lexicon):
    """The romanised slug cuts words with PyThaiNLP's own dictionary, not with the lexicon's
    names added: a new lexicon entry never renames an unknown body."""
    from aseankg.extract.resources import resources_for

    _, x = run("ผู้แทนคณะกรรมการความมั่นคงปลอดภัยไซเบอร์แห่งชาติกัมพูชา เข้าร่วมหารือ")
    bodies = [s for s, e in x.entities.items() if not e.curated and e.cls == "akg:GovernmentAgency"]
    assert bodies == ["khanakamkan-khwammankng-plotphai-saiboe-aengchati-cambodia"]
    assert "ความมั่นคงปลอดภัยไซเบอร์" in resources_for(lexicon).word_trie  # a lexicon word, not used


def test_a_known_name_inside_another_countrys_body_and_its_acronym_reused(run):
    """"คณะกรรมการโทรคมนาคมแห่งชาติฟิลิปปินส์ (…: NTC)" is not the Thai company โทรคมนาคมแห่งชาติ
    (NT), and NTC later in the article is that body, not NT with a C."""
    _, x = run("สำนักงาน กสทช. หารือกับคณะกรรมการโทรคมนาคมแห่งชาติฟิลิปปินส์ (National Telecommunications "
               "Commission: NTC) โดยมีนายโฮเซ ครูซ กรรมาธิการ NTC ร่วมหารือ")
    assert "national-telecom" not in x.entities
    assert ("ntc", "akg:country", "philippines") in facts(x)
    assert {m.anchor for m in x.mentions if m.entity == "ntc"} >= {"NTC"}
    assert any(s.endswith("-commissioner-ntc") for s in x.entities)


def test_hnuai_ngan_names_a_body_only_with_a_latin_name(run):
    _, x = run("ผู้แทนหน่วยงานกำกับดูแลกิจการโทรคมนาคมจากประเทศสมาชิก และหน่วยงานรักษาความปลอดภัยทางไซเบอร์แห่งชาติ"
               "บรูไน (Cyber Security Brunei หรือ CSB) ร่วมหารือ")
    assert set(_orgs(x)) == {"csb"}


def test_a_framework_with_its_english_name(run):
    _, x = run("ที่ประชุมเห็นชอบร่างกรอบความร่วมมือด้านข้อมูลข้ามพรมแดนอาเซียน (ASEAN Cross-Border Data Framework) "
               "และจะดำเนินการภายใต้กรอบความร่วมมือที่มีอยู่")
    assert x.entities["asean-cross-border-data-framework"].cls == "akg:PolicyDocument"
    assert [s for s, e in x.entities.items() if e.cls == "akg:PolicyDocument"] == ["asean-cross-border-data-framework"]
