"""The ten competency questions of CONTRACT.md, answered by the queries in queries/ over the
graph that the real ``aseankg build`` makes of data/documents (the session fixture
``built_store``), through the real store. Each query is run with English labels and with
Thai labels (its ``VALUES ?lang`` line), and the answers are the ones CONTRACT.md gives.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from aseankg.namespaces import AKGID
from aseankg.paths import QUERIES_DIR
from aseankg.store import StoreDir, query

DOCUMENTS = Path(__file__).resolve().parents[1] / "data" / "documents"
LANG_LINE = 'VALUES ?lang { "en" }'
THAI = re.compile(r"[\u0E00-\u0E7F]")

ARTICLE_000 = "000_d03fc73eb21f62b7"  # ไทย–เมียนมา, 17 Jan 2025
ARTICLE_001 = "001_599a62f171b3e0cb"  # visit to Cambodia, 7 Mar 2024
ARTICLE_002 = "002_4ff7798ad9a84257"  # ไทย–ASEAN Secretary-General, 17 Jan 2025
ARTICLE_003 = "003_6ac950ea22fcd97a"  # Cabinet on ADGMIN 3, 21 Mar 2023
ARTICLE_004 = "004_de60a9fdace74075"  # ADGSOM–ATRC retreat, 25 Aug 2023


@pytest.fixture(scope="module")
def store(built_store: Path) -> ox.Store:
    return StoreDir(built_store).open()


def run(store: ox.Store, name: str, lang: str = "en") -> list[dict[str, str | None]]:
    """The rows of ``queries/{name}`` with labels in ``lang``; IRIs of entities as slugs."""
    text = (QUERIES_DIR / name).read_text(encoding="utf-8")
    if lang != "en":
        assert LANG_LINE in text, f"{name} has no {LANG_LINE!r} line to set the language"
        text = text.replace(LANG_LINE, f'VALUES ?lang {{ "{lang}" }}')
    solutions = query(store, text)
    names = [v.value for v in solutions.variables]
    return [
        {n: (row[n].value.removeprefix(AKGID) if row[n] is not None else None) for n in names}
        for row in solutions
    ]


def parts(value: str | None, separator: str = ", ") -> list[str]:
    """The items of a GROUP_CONCAT, sorted (the engine's order is not defined)."""
    return sorted(value.split(separator)) if value else []


def english(*values: str | None) -> bool:
    return all(v and not THAI.search(v) for v in values)


def thai(*values: str | None) -> bool:
    return all(v and THAI.search(v) for v in values)


# --- 1. ADGMIN meetings ---------------------------------------------------------------------

def test_q1_adgmin_meetings_with_dates_places_and_hosts(store: ox.Store) -> None:
    rows = run(store, "01-adgmin-meetings.rq")
    assert [(r["meeting"], r["ordinal"], parts(r["startDates"]), parts(r["endDates"]), parts(r["places"]),
             parts(r["inPlaces"]), parts(r["countries"]), parts(r["hosts"]), parts(r["datesOfTalksDuringIt"]))
            for r in rows] == [
        ("adgmin-3", "3", ["2023-02-09"], ["2023-02-10"], ["Boracay"], [], ["the Philippines"], [], []),
        ("adgmin-4", "4", ["2024-02"], [], ["Singapore"], [], ["Singapore"], ["Singapore"], []),
        ("adgmin-5", "5", [], [], ["Avani+ Riverside Bangkok Hotel"], ["Bangkok"], ["Thailand"], ["Thailand"],
         ["2025-01-16"]),
    ]
    assert [r["name"] for r in rows] == [f"The {n} ASEAN Digital Ministers' Meeting" for n in ("3rd", "4th", "5th")]


def test_q1_in_thai(store: ox.Store) -> None:
    rows = {r["meeting"]: r for r in run(store, "01-adgmin-meetings.rq", "th")}
    assert rows["adgmin-5"]["name"] == "การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 5"
    assert (rows["adgmin-5"]["places"], rows["adgmin-5"]["inPlaces"], rows["adgmin-5"]["countries"],
            rows["adgmin-5"]["hosts"]) == ("โรงแรมอวานี พลัส ริเวอร์ไซด์", "กรุงเทพมหานคร", "ไทย", "ไทย")
    assert (rows["adgmin-3"]["places"], rows["adgmin-3"]["countries"]) == ("โบราไคย์", "ฟิลิปปินส์")
    assert rows["adgmin-4"]["hosts"] == "สิงคโปร์"


def test_q1_the_fourth_adgmin_keeps_both_articles_dates(store: ox.Store) -> None:
    """The answer shows the most precise date; the graph keeps what each article states:
    "early February 2024" (document 001) and "early 2024" (document 003)."""
    stated = {
        (str(s["g"].value).rsplit("/", 1)[-1], s["d"].value, s["d"].datatype.value.rsplit("#", 1)[-1])
        for s in query(store, "SELECT ?g ?d WHERE { GRAPH ?g { akgid:adgmin-4 schema:startDate ?d } }")
    }
    assert stated == {(ARTICLE_001, "2024-02", "gYearMonth"), (ARTICLE_003, "2024", "gYear")}


# --- 2. attendees of the 5th ADGMIN -----------------------------------------------------------

def test_q2_who_attended_the_fifth_adgmin_or_a_meeting_during_it(store: ox.Store) -> None:
    rows = run(store, "02-adgmin-5-attendees.rq")
    assert sorted(r["name"] for r in rows) == [
        "Kao Kim Hourn", "Mya Tun Oo", "Prasert Jantararuangtong", "Wisit Wisitsora-at",
    ]
    assert all("16 January 2025" in r["attended"] and english(r["attended"]) for r in rows)
    th = run(store, "02-adgmin-5-attendees.rq", "th")
    assert sorted(r["name"] for r in th) == sorted(
        ["เกา คิม ฮอร์น", "เมีย ตุน โอ", "ประเสริฐ จันทรรวงทอง", "วิศิษฏ์ วิศิษฏ์สรอรรถ"]
    )
    assert all("16 มกราคม 2568" in r["attended"] for r in th)


# --- 3. Prasert's posts -----------------------------------------------------------------------

def test_q3_posts_of_prasert_with_article_and_date(store: ox.Store) -> None:
    rows = run(store, "03-posts-of-prasert.rq")
    minister, dpm = "Minister of Digital Economy and Society", "Deputy Prime Minister"
    assert sorted((r["title"], r["identifier"], r["issued"]) for r in rows) == [
        (dpm, ARTICLE_000, "2025-01-17"),
        (minister, ARTICLE_000, "2025-01-17"),
        (minister, ARTICLE_001, "2024-03-07"),
        (minister, ARTICLE_002, "2025-01-17"),
    ]
    assert {r["title"]: r["organizationName"] for r in rows} == {
        minister: "Ministry of Digital Economy and Society",
        dpm: "Royal Thai Government",
    }
    assert {r["article"] for r in rows} == {"article-" + a.replace("_", "-") for a in (ARTICLE_000, ARTICLE_001, ARTICLE_002)}


def test_q3_in_thai(store: ox.Store) -> None:
    rows = run(store, "03-posts-of-prasert.rq", "th")
    assert {(r["title"], r["organizationName"]) for r in rows} == {
        ("รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"),
        ("รองนายกรัฐมนตรี", "รัฐบาลไทย"),
    }
    assert sorted({r["issued"] for r in rows}) == ["2024-03-07", "2025-01-17"]


# --- 4. MoUs of the ministry ------------------------------------------------------------------

def test_q4_mous_that_involve_the_ministry(store: ox.Store) -> None:
    rows = {r["mou"]: r for r in run(store, "04-mous-of-mdes.rq")}
    assert set(rows) == {"mou-mdes-mptc", "mou-asean-itu"}
    cambodia = rows["mou-mdes-mptc"]
    assert (cambodia["involvedAs"], cambodia["involvement"], cambodia["with"], cambodia["statusName"]) == (
        "Ministry of Digital Economy and Society", "a party",
        "Ministry of Posts and Telecommunications of Cambodia", "Signed",
    )
    assert "Call Center" in cambodia["topics"] and "Hybrid Scam" in cambodia["topics"]
    draft = rows["mou-asean-itu"]
    assert (draft["involvedAs"], draft["involvement"], draft["with"], draft["statusName"]) == (
        "Association of Southeast Asian Nations", "its country is a member state of a party",
        "International Telecommunication Union", "Draft",
    )
    assert "the Governments of the Member States of" in draft["name"]
    assert draft["signedOn"] is None and cambodia["signedOn"] is None  # no signing date is stated


def test_q4_in_thai(store: ox.Store) -> None:
    rows = {r["mou"]: r for r in run(store, "04-mous-of-mdes.rq", "th")}
    assert (rows["mou-mdes-mptc"]["with"], rows["mou-mdes-mptc"]["statusName"]) == (
        "กระทรวงไปรษณีย์และโทรคมนาคมกัมพูชา", "ลงนามแล้ว")
    assert (rows["mou-asean-itu"]["with"], rows["mou-asean-itu"]["statusName"]) == (
        "สหภาพโทรคมนาคมระหว่างประเทศ", "ร่าง")
    assert "รัฐบาลของประเทศสมาชิก" in rows["mou-asean-itu"]["name"]
    assert all(thai(r["involvedAs"], r["involvement"]) for r in rows.values())


def test_q4_the_draft_mou_is_document_003s(store: ox.Store) -> None:
    graphs = {str(s["g"].value).rsplit("/", 1)[-1]
              for s in query(store, "SELECT ?g WHERE { GRAPH ?g { akgid:mou-asean-itu akg:status akg:Draft } }")}
    assert graphs == {ARTICLE_003}


# --- 5. WG-AS ---------------------------------------------------------------------------------

def test_q5_what_wg_as_is_who_pushed_it_and_its_first_meeting(store: ox.Store) -> None:
    (row,) = run(store, "05-wg-as.rq")
    assert row["workingGroup"] == "wg-as"
    assert row["name"] == "ASEAN Working Group on Anti-Online Scam"
    assert "WG-AS" in parts(row["alsoCalled"])
    assert {"Thailand", "Ministry of Digital Economy and Society"} <= set(parts(row["proposedBy"]))
    assert (row["firstMeeting"], row["firstMeetingDates"], row["firstMeetingPlaces"], row["firstMeetingCountries"]) == (
        "wg-as-1", "2024-03", "Cambodia", "Cambodia")
    (th,) = run(store, "05-wg-as.rq", "th")
    assert th["name"] == "คณะทำงานอาเซียนด้านการป้องกันปัญหาการหลอกลวงผ่านสื่อออนไลน์"
    assert {"ไทย", "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"} <= set(parts(th["proposedBy"]))
    assert (th["firstMeetingDates"], th["firstMeetingCountries"]) == ("2024-03", "กัมพูชา")


# --- 6. where Wisit is named ------------------------------------------------------------------

def test_q6_wisit_is_named_in_four_articles_with_the_sentences(store: ox.Store) -> None:
    rows = run(store, "06-wisit-mentions.rq")
    assert sorted({r["identifier"] for r in rows}) == [ARTICLE_000, ARTICLE_001, ARTICLE_002, ARTICLE_004]
    for r in rows:
        text = (DOCUMENTS / f"{r['identifier']}.txt").read_text(encoding="utf-8")
        begin, end = int(r["begin"]), int(r["end"])
        assert text[begin:end] == r["anchor"] and "วิศิษฏ์" in r["anchor"]
        assert r["anchor"] in r["sentence"] and r["sentence"] in text
        # a sentence, not the name alone: it says what he did (the post or the verb after him)
        assert len(r["sentence"].strip()) > len(r["anchor"]) + 20
        assert r["issued"] and r["title"] and thai(r["title"])


# --- 7. bilateral talks during the 5th ADGMIN -------------------------------------------------

def test_q7_bilateral_talks_during_the_fifth_adgmin(store: ox.Store) -> None:
    rows = run(store, "07-bilateral-talks-at-adgmin-5.rq")
    assert sorted((r["counterpart"], r["counterpartName"], r["through"], r["date"]) for r in rows) == [
        ("asean-secretariat", "ASEAN Secretariat", "Kao Kim Hourn", "2025-01-16"),
        ("myanmar", "Myanmar", "Mya Tun Oo", "2025-01-16"),
    ]
    posts = {r["counterpart"]: parts(r["throughPosts"], "; ") for r in rows}
    assert posts["asean-secretariat"] == ["Secretary-General of ASEAN"]
    assert "Deputy Prime Minister" in posts["myanmar"] and all(english(p) for p in posts["myanmar"])
    th = run(store, "07-bilateral-talks-at-adgmin-5.rq", "th")
    assert sorted((r["counterpartName"], r["through"]) for r in th) == sorted(
        [("สำนักเลขาธิการอาเซียน", "เกา คิม ฮอร์น"), ("เมียนมา", "เมีย ตุน โอ")]
    )
    assert all(thai(r["throughPosts"]) for r in th)


# --- 8. the ministry called ดีอี -----------------------------------------------------------------

def test_q8_english_name_of_the_ministry_called_de(store: ox.Store) -> None:
    (row,) = run(store, "08-ministry-called-de.rq")
    assert (row["ministry"], row["name"]) == ("mdes", "Ministry of Digital Economy and Society")
    assert "MDES" in parts(row["alsoCalled"]) and english(*parts(row["alsoCalled"]))
    (th,) = run(store, "08-ministry-called-de.rq", "th")
    assert th["name"] == "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"
    assert {"ดีอี", "ดีอีเอส"} <= set(parts(th["alsoCalled"]))


# --- 9. senior officials' meetings ------------------------------------------------------------

def test_q9_senior_officials_meetings(store: ox.Store) -> None:
    rows = {r["meeting"]: r for r in run(store, "09-senior-officials-meetings.rq")}
    assert set(rows) == {"adgsom-3", "adgsom-5", "adgsom-atrc-leaders-retreat-2"}
    for slug, n, year in (("adgsom-3", "3", "2023"), ("adgsom-5", "5", "2025")):
        r = rows[slug]
        assert (r["series"], r["seriesName"], r["ordinal"]) == (
            "series-adgsom", "ASEAN Digital Senior Officials' Meeting", n)
        assert [d[:4] for d in parts(r["reportedOn"])] == [year]  # the articles date no ADGSOM
    retreat = rows["adgsom-atrc-leaders-retreat-2"]
    assert retreat["series"] not in ("series-adgsom", None)
    assert (retreat["name"], retreat["seriesName"], retreat["ordinal"]) == (
        "The 2nd ADGSOM-ATRC Leaders' Retreat", "ADGSOM-ATRC Leaders' Retreat", "2")
    assert (retreat["startDates"], retreat["endDates"], retreat["places"], retreat["countries"]) == (
        "2023-08-24", "2023-08-25", "Bali", "Indonesia")


def test_q9_in_thai(store: ox.Store) -> None:
    rows = {r["meeting"]: r for r in run(store, "09-senior-officials-meetings.rq", "th")}
    assert rows["adgsom-3"]["name"] == "การประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล ครั้งที่ 3"
    assert (rows["adgsom-atrc-leaders-retreat-2"]["places"], rows["adgsom-atrc-leaders-retreat-2"]["countries"]) == (
        "บาหลี", "อินโดนีเซีย")
    assert all(thai(r["name"], r["seriesName"]) for r in rows.values())


# --- 10. the neighbourhood of WG-AS -----------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "th"])
def test_q10_everything_within_two_hops_of_wg_as(store: ox.Store, lang: str) -> None:
    rows = run(store, "10-wg-as-neighbourhood.rq", lang)
    edges = {(r["hop"], r["subject"], r["property"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], r["object"]) for r in rows}
    for edge in [
        ("1", "wg-as", "proposedBy", "thailand"),
        ("1", "wg-as", "proposedBy", "mdes"),
        ("1", "series-wg-as", "organizer", "wg-as"),
        ("1", "wg-as", "mentionedIn", "article-" + ARTICLE_001.replace("_", "-")),
        ("2", "wg-as-1", "series", "series-wg-as"),
        ("2", "thailand", "memberOf", "asean"),
        ("2", "mdes", "country", "thailand"),
    ]:
        assert edge in edges
    assert {hop for hop, *_ in edges} == {"1", "2"}
    assert not any(hop == "2" and s.startswith("article-") for hop, s, _, _ in edges), "articles are not walked"
    assert all(r["subjectName"] and r["objectName"] and r["propertyName"] for r in rows)
    names = {r["subject"]: r["subjectName"] for r in rows}
    properties = {r["property"].rsplit("#", 1)[-1]: r["propertyName"] for r in rows}
    if lang == "th":
        assert names["wg-as"] == "คณะทำงานอาเซียนด้านการป้องกันปัญหาการหลอกลวงผ่านสื่อออนไลน์"
        assert properties["proposedBy"] == "ผู้เสนอ"
    else:
        assert names["wg-as"] == "ASEAN Working Group on Anti-Online Scam"
        assert properties["proposedBy"] == "proposed by"
        # an article has only its Thai title; everything else is named in English
        assert all(english(n) for s, n in names.items() if not s.startswith("article-"))


# --- labels read well -------------------------------------------------------------------------

def test_no_entity_of_the_articles_is_named_in_english_by_a_romanisation(store: ox.Store) -> None:
    """Every entity the five articles name has a real English name: the lexicon's, or one the
    text or the patterns give; none falls back to its romanised Thai name."""
    romanised = [
        s["e"].value.removeprefix(AKGID)
        for s in query(store, """
            SELECT DISTINCT ?e WHERE {
              ?e akg:mentionedIn ?article ; skos:prefLabel ?en , ?latn .
              FILTER(LANG(?en) = "en" && LANGMATCHES(LANG(?latn), "th-Latn") && STR(?en) = STR(?latn))
            }""")
    ]
    assert romanised == []
