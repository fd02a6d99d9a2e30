"""Resolution: one slug per entity within and across articles."""

from __future__ import annotations

from aseankg.namespaces import mint_slug
from aseankg.nlp import romanize

from .conftest import facts


def test_a_post_named_alone_refers_to_its_holder(run):
    _, x = run("นางสาวพรทิพย์ แสงทอง ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม กล่าว\n"
               "ต่อมาปลัดกระทรวงฯ ได้เข้าร่วมการประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 9")
    assert ("adgsom-9", "schema:attendee", mint_slug(romanize("พรทิพย์ แสงทอง"))) in facts(x)


def test_same_names_same_slugs_across_articles(run):
    _, a = run("นายสมบัติ ใจกล้า อธิบดีกรมส่งเสริมการค้าดิจิทัล กล่าว", identifier="a")
    _, b = run("ผู้แทนกรมส่งเสริมการค้าดิจิทัล และนายสมบัติ ใจกล้า ร่วมประชุม", identifier="b")
    shared = {s for s in a.entities if not a.entities[s].curated} & set(b.entities)
    assert mint_slug(romanize("สมบัติ ใจกล้า")) in shared
    assert any(s.startswith("krom-") for s in shared)


def test_aliases_resolve_to_one_entity(run):
    _, x = run("สปป.ลาว หรือสาธารณรัฐประชาธิปไตยประชาชนลาว และกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม (ดีอีเอส)")
    assert set(x.entities) == {"laos", "mdes"}
