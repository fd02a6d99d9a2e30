"""Thai government news articles at scale, for the benchmarks: seeded and deterministic.

``ArticleGenerator(seed).article(n)`` writes article ``n`` in the thaigov.go.th format that
:func:`aseankg.corpus.read_document` reads (headline line with the ``รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-``
prefix, a Buddhist-era date line, the headline repeated, body paragraphs, a rule and the
``ที่มา :`` line). Its text recombines the curated lexicon (ministries, agencies, countries,
places, meeting series, international bodies; their abbreviations and long forms) with
invented Thai people (given and family names from PyThaiNLP's name lists, behind honorifics
and ranks), their posts, meetings with ordinals and dates (single days, ranges within and
across months, month-only and relative forms, Thai digits), bilateral talks during larger
meetings and MoUs between two parties, among paragraphs of ordinary news prose. So
extraction has real work to do on every article.

Each article also carries what the generator planted in it (:attr:`Article.planted`): the
entities, their mentions with exact offsets and sentences, and the facts the text states,
as an :class:`aseankg.extract.model.Extraction`. The graph generator (:mod:`bench.graph`)
maps those through the real mapper to build a large graph with the contract's shape without
running extraction. Article ``n`` depends only on the seed, ``n`` and the lexicon, so a
corpus of 100 is the first 100 of a corpus of 10,000. Source addresses are loopback only.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names
from pythainlp.util.date import thai_abbr_months, thai_full_months, thai_full_weekdays

from aseankg.corpus import HEADLINE_PREFIX
from aseankg.extract.model import Entity, Extraction, Fact, Mention, Ref, Value
from aseankg.lexicon import Lexicon, LexiconEntry, load_lexicon
from aseankg.namespaces import mint_slug
from aseankg.nlp.romanize import romanize

__all__ = ["Article", "ArticleGenerator", "write_corpus"]

SOURCE_URL = "http://127.0.0.1/news/{number}"
BE = 543
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
RULE = "-" * 51
PEOPLE = 4000  # invented Thai officials in the pool

# Topics of digital cooperation: (Thai, English).
TOPICS: tuple[tuple[str, str], ...] = (
    ("การป้องกันการหลอกลวงออนไลน์", "prevention of online scams"),
    ("ความมั่นคงปลอดภัยทางไซเบอร์", "cybersecurity"),
    ("การปราบปรามแก๊งคอลเซ็นเตอร์", "suppression of call-centre gangs"),
    ("เศรษฐกิจดิจิทัล", "the digital economy"),
    ("ปัญญาประดิษฐ์", "artificial intelligence"),
    ("การคุ้มครองข้อมูลส่วนบุคคล", "personal data protection"),
    ("การพัฒนากำลังคนด้านดิจิทัล", "digital workforce development"),
    ("โครงสร้างพื้นฐานดิจิทัล", "digital infrastructure"),
    ("ธุรกรรมทางอิเล็กทรอนิกส์", "electronic transactions"),
    ("รัฐบาลดิจิทัล", "digital government"),
    ("การไหลเวียนข้อมูลข้ามพรมแดน", "cross-border data flows"),
    ("การรู้เท่าทันสื่อดิจิทัล", "digital media literacy"),
    ("การค้าอิเล็กทรอนิกส์", "e-commerce"),
    ("เมืองอัจฉริยะ", "smart cities"),
    ("การกำกับดูแลกิจการโทรคมนาคม", "telecommunications regulation"),
)

# Ordinary news prose (written for this generator). Slots: {topic} {topic2} {n} {pct}
# {count} {year}, and {asean} / {thailand}, which are mentions of those lexicon entities.
FILLER: tuple[str, ...] = (
    "ที่ประชุมได้แลกเปลี่ยนความคิดเห็นเกี่ยวกับแนวทางความร่วมมือด้าน{topic} ซึ่งเป็นประเด็นที่ประเทศสมาชิกให้ความสำคัญเป็นอย่างมาก",
    "ทั้งสองฝ่ายเห็นพ้องที่จะเร่งผลักดันความร่วมมือด้าน{topic}และ{topic2} เพื่อประโยชน์ของประชาชนในภูมิภาค",
    "การดำเนินงานดังกล่าวสอดคล้องกับนโยบายของรัฐบาลที่มุ่งส่งเสริม{topic} ให้เป็นกลไกสำคัญในการขับเคลื่อนเศรษฐกิจของประเทศ",
    "นอกจากนี้ ยังได้หารือถึงการจัดทำแผนงานร่วมกันในระยะสามปีข้างหน้า โดยเน้นการพัฒนาบุคลากรและการแลกเปลี่ยนข้อมูลระหว่างหน่วยงานที่เกี่ยวข้อง",
    "ปัจจุบันปัญหาด้าน{topic}ส่งผลกระทบต่อประชาชนเป็นวงกว้าง จึงจำเป็นต้องอาศัยความร่วมมือทั้งในระดับทวิภาคีและพหุภาคี",
    "ที่ผ่านมา {thailand}ได้ดำเนินมาตรการหลายด้าน ทั้งการปรับปรุงกฎหมาย การพัฒนาระบบเฝ้าระวัง และการสร้างความตระหนักรู้ให้แก่ประชาชน",
    "ทั้งนี้ ผลการประชุมจะนำไปสู่การจัดทำข้อเสนอแนะเชิงนโยบาย เพื่อเสนอต่อที่ประชุมระดับรัฐมนตรีพิจารณาในโอกาสต่อไป",
    "การหารือครั้งนี้ถือเป็นก้าวสำคัญในการยกระดับความสัมพันธ์ด้านดิจิทัล และสะท้อนถึงความมุ่งมั่นในการสร้างสภาพแวดล้อมออนไลน์ที่ปลอดภัยและน่าเชื่อถือ",
    "ที่ประชุมยังได้รับทราบความคืบหน้าของโครงการความร่วมมือด้าน{topic} ซึ่งมีประเทศสมาชิก{asean}เข้าร่วมแล้ว {n} ประเทศ",
    "รัฐบาลมีเป้าหมายที่จะลดความเสียหายจากอาชญากรรมทางเทคโนโลยีลงให้ได้ร้อยละ {pct} ภายในปี {year}",
    "ข้อมูลจากหน่วยงานที่เกี่ยวข้องระบุว่า ในช่วงที่ผ่านมามีการแจ้งความเกี่ยวกับการหลอกลวงออนไลน์มากกว่า {count} เรื่อง คิดเป็นมูลค่าความเสียหายหลายพันล้านบาท",
    "ทั้งสองฝ่ายจะจัดตั้งคณะทำงานร่วมเพื่อติดตามความคืบหน้า และรายงานผลการดำเนินงานทุกหกเดือน",
    "ที่ประชุมได้เน้นย้ำถึงความสำคัญของการคุ้มครองผู้บริโภคในโลกออนไลน์ และการส่งเสริมการใช้เทคโนโลยีอย่างมีความรับผิดชอบ",
    "ความร่วมมือนี้จะช่วยเสริมสร้างขีดความสามารถของหน่วยงานภาครัฐในการรับมือกับภัยคุกคามรูปแบบใหม่ที่เปลี่ยนแปลงอย่างรวดเร็ว",
    "ภาคเอกชนและสถาบันการศึกษาได้ร่วมแสดงความคิดเห็น และเสนอแนวทางการพัฒนาทักษะดิจิทัลให้แก่แรงงานรุ่นใหม่",
    "ในช่วงท้ายของการหารือ ทั้งสองฝ่ายได้แลกเปลี่ยนของที่ระลึกและถ่ายภาพร่วมกันเพื่อเป็นเกียรติ",
    "การประชุมในครั้งนี้มีผู้เข้าร่วมจากประเทศสมาชิก{asean}และประเทศคู่เจรจารวมกว่า {n}0 คน",
    "ทั้งนี้ การพัฒนา{topic}จำเป็นต้องคำนึงถึงความปลอดภัยของผู้ใช้งาน ควบคู่ไปกับการส่งเสริมนวัตกรรม",
    "ผู้แทนภาคเอกชนได้นำเสนอตัวอย่างการนำเทคโนโลยีมาใช้ในการตรวจจับบัญชีม้าและธุรกรรมที่ผิดปกติ ซึ่งช่วยลดความเสียหายได้อย่างมีนัยสำคัญ",
    "ที่ประชุมเห็นควรให้มีการจัดอบรมเชิงปฏิบัติการด้าน{topic}เป็นประจำทุกปี โดยหมุนเวียนกันเป็นเจ้าภาพ",
)


@dataclass(frozen=True)
class Name:
    """A name written into the text: a mention of ``slug`` with the surface ``text``."""

    slug: str
    text: str


Piece = str | Name


@dataclass
class Article:
    """One generated article and what was planted in it."""

    number: int
    identifier: str  # the file stem, as aseankg uses it
    text: str
    issued: date
    planted: Extraction
    #: MoU slug -> "Draft" | "Signed": ``akg:status`` points at an ontology individual,
    #: which the extraction model's ``Ref`` (an ``akgid:`` slug) cannot express.
    statuses: dict[str, str] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return self.identifier + ".txt"

    def data(self) -> bytes:
        return self.text.encode("utf-8")


@dataclass(frozen=True)
class Person:
    slug: str
    honorific: str
    name: str  # given + " " + family (Thai)
    en: str
    curated: bool
    posts: tuple[Post, ...]


@dataclass(frozen=True)
class Post:
    title_th: str  # the title as written after the name: "รัฐมนตรีว่าการกระทรวง…"
    title_en: str
    org: str  # slug of the organisation
    org_surface: str  # how the organisation is written inside the title


@dataclass(frozen=True)
class Meeting:
    slug: str
    series: str
    ordinal: int
    start: date
    end: date
    host: str  # country slug
    place: str | None  # lexicon place slug in the host country


class _Writer:
    """Text with the mentions it contains, sentence by sentence."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.mentions: list[Mention] = []
        self._pending: list[tuple[str, int, int, str]] = []
        self._sentence_start = 0  # index into parts

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def sentence(self, pieces: Sequence[Piece]) -> None:
        """Write one sentence; each :class:`Name` in it becomes a mention."""
        start = len(self.parts)
        for piece in pieces:
            if isinstance(piece, Name):
                begin = self.length
                self.write(piece.text)
                self._pending.append((piece.slug, begin, self.length, piece.text))
            else:
                self.write(piece)
        text = "".join(self.parts[start:])
        for slug, begin, end, anchor in self._pending:
            self.mentions.append(Mention(slug, begin, end, anchor, text.strip()))
        self._pending.clear()

    def text(self) -> str:
        return "".join(self.parts)


_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, **slots: Piece | Sequence[Piece] | int | str) -> list[Piece]:
    """The pieces of ``template`` with each ``{slot}`` replaced by its value(s)."""
    pieces: list[Piece] = []
    for i, part in enumerate(_SLOT.split(template)):
        if i % 2 == 0:
            if part:
                pieces.append(part)
            continue
        value = slots[part]
        if isinstance(value, (Name, str)):
            pieces.append(value)
        elif isinstance(value, int):
            pieces.append(str(value))
        else:
            pieces.extend(value)
    return pieces


def english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class ArticleGenerator:
    """Articles recombined from the lexicon; ``article(n)`` is a pure function of (seed, n)."""

    def __init__(self, seed: int = 8, lexicon: Lexicon | None = None) -> None:
        self.seed = seed
        self.lexicon = lexicon or load_lexicon()

    # ----------------------------------------------------------------------------------
    # What the lexicon offers, sorted so that the choice of a seed does not depend on
    # dictionary or set order.

    def _of(self, *classes: str) -> list[LexiconEntry]:
        return sorted((e for e in self.lexicon.entries.values() if e.cls in classes), key=lambda e: e.slug)

    @cached_property
    def countries(self) -> list[LexiconEntry]:
        return self._of("akg:Country")

    @cached_property
    def members(self) -> list[LexiconEntry]:
        """ASEAN member states (host the ASEAN meetings in turn)."""
        return [c for c in self.countries if c.related("akg:memberOf") == "asean"]

    @cached_property
    def partners(self) -> list[LexiconEntry]:
        return [c for c in self.countries if c.slug != "thailand"]

    @cached_property
    def thai_ministries(self) -> list[LexiconEntry]:
        return [e for e in self._of("akg:Ministry") if e.related("akg:country") == "thailand"]

    @cached_property
    def foreign_ministries(self) -> list[LexiconEntry]:
        return [e for e in self._of("akg:Ministry") if e.related("akg:country") not in (None, "thailand")]

    @cached_property
    def thai_agencies(self) -> list[LexiconEntry]:
        return [
            e for e in self._of("akg:GovernmentAgency")
            if e.related("akg:country") == "thailand" and e.entity.labels["th"].startswith(("สำนักงาน", "กรม", "ศูนย์"))
        ]

    @cached_property
    def international(self) -> list[LexiconEntry]:
        return self._of("akg:InternationalOrganization")

    @cached_property
    def series(self) -> list[LexiconEntry]:
        """Meeting series whose meetings are numbered (ครั้งที่ N)."""
        return [
            e for e in self._of("akg:MeetingSeries")
            if e.meeting_class and e.meeting_class != "akg:CabinetMeeting" and not e.dated
        ]

    @cached_property
    def places(self) -> dict[str, list[LexiconEntry]]:
        found: dict[str, list[LexiconEntry]] = {}
        for place in self._of("akg:Place"):
            country = place.related("akg:country")
            if country:
                found.setdefault(country, []).append(place)
        return found

    @cached_property
    def foreign_people(self) -> list[LexiconEntry]:
        return [p for p in self._of("akg:Person") if not _thai_source(p.source)]

    @cached_property
    def _given(self) -> tuple[list[str], list[str]]:
        return sorted(thai_male_names()), sorted(thai_female_names())

    @cached_property
    def _family(self) -> list[str]:
        return sorted(thai_family_names())

    @cached_property
    def _posts(self) -> list[tuple[str, str, list[LexiconEntry]]]:
        """(Thai title prefix, English template, organisations it goes with)."""
        ministries = self.thai_ministries
        departments = [a for a in self.thai_agencies if a.entity.labels["th"].startswith("กรม")]
        offices = [a for a in self.thai_agencies if a.entity.labels["th"].startswith("สำนักงาน")]
        centres = [a for a in self.thai_agencies if not a.entity.labels["th"].startswith("กรม")]
        return [
            ("รัฐมนตรีว่าการ", "Minister of {topic}", ministries),
            ("รัฐมนตรีช่วยว่าการ", "Deputy Minister of {topic}", ministries),
            ("ปลัด", "Permanent Secretary of the {org}", ministries),
            ("รองปลัด", "Deputy Permanent Secretary of the {org}", ministries),
            ("โฆษกประจำ", "Spokesperson of the {org}", ministries),
            ("อธิบดี", "Director-General of the {org}", departments),
            ("เลขาธิการ", "Secretary-General of the {org}", offices),
            ("ผู้อำนวยการ", "Director of the {org}", centres),
        ]

    # ----------------------------------------------------------------------------------
    # People

    def _rng(self, *key: object) -> random.Random:
        return random.Random("/".join(map(str, (self.seed, *key))))

    def _post(self, rng: random.Random, among: list[tuple[str, str, list[LexiconEntry]]] | None = None) -> Post:
        prefix, template, orgs = rng.choice([p for p in (among or self._posts) if p[2]])
        org = rng.choice(orgs)
        en = org.entity.labels["en"]
        topic = en.removeprefix("Ministry of ").removesuffix(" of Thailand")
        return Post(prefix + org.entity.labels["th"], template.format(topic=topic, org=en), org.slug, org.entity.labels["th"])

    @lru_cache(maxsize=None)
    def person(self, k: int) -> Person:
        """Invented Thai official ``k`` of the pool (or a lexicon Thai person for small k)."""
        rng = self._rng("person", k)
        posts: tuple[Post, ...] = (self._post(rng),)
        if rng.random() < 0.08 and "government-of-thailand" in self.lexicon.entries:
            # A deputy prime minister who is also a minister, as Thai cabinets have.
            deputy_pm = Post("รองนายกรัฐมนตรี", "Deputy Prime Minister", "government-of-thailand", "")
            posts = (deputy_pm, self._post(rng, self._posts[:1]))
        curated = [p for p in self._of("akg:Person") if _thai_source(p.source)]
        if k < len(curated):
            entry = curated[k]
            return Person(entry.slug, rng.choice(("นาย", "นาง", "ดร.")), entry.entity.labels["th"], entry.entity.labels["en"], True, posts)
        female = rng.random() < 0.45
        given = rng.choice(self._given[1] if female else self._given[0])
        family = rng.choice(self._family)
        name = f"{given} {family}"
        honorific = rng.choice(
            ("นาง", "นางสาว", "ดร.", "รองศาสตราจารย์") if female
            else ("นาย", "นาย", "นาย", "ดร.", "พลเอก", "พลตำรวจเอก", "ศาสตราจารย์")
        )
        return Person(_person_slug(name), honorific, name, _romanized(name), False, posts)

    def _pick_person(self, rng: random.Random) -> Person:
        # Log-uniform over the pool: a few officials are in the news all the time.
        return self.person(int(PEOPLE ** rng.random()) - 1)

    # ----------------------------------------------------------------------------------
    # Meetings

    def meetings_of(self, series: LexiconEntry) -> int:
        """How many meetings of ``series`` have happened by 2026 (one a year)."""
        return 2026 - self._first_year(series) + 1

    def _first_year(self, series: LexiconEntry) -> int:
        return 2017 + self._rng("series", series.slug).randrange(5)

    def meeting(self, series: LexiconEntry, ordinal: int) -> Meeting:
        rng = self._rng("meeting", series.slug, ordinal)
        year = self._first_year(series) + ordinal - 1
        start = date(year, rng.randrange(1, 13), rng.randrange(1, 29))
        end = start + timedelta(days=rng.choice((0, 1, 1, 2, 3)))
        offset = self._rng("series", series.slug).randrange(len(self.members))
        host = self.members[(offset + ordinal) % len(self.members)].slug
        places = self.places.get(host, [])
        place = rng.choice(places).slug if places else None
        slug = f"{series.slug.removeprefix('series-')}-{ordinal}"
        return Meeting(slug, series.slug, ordinal, start, end, host, place)

    # ----------------------------------------------------------------------------------
    # Writing

    def identifier(self, number: int) -> str:
        digest = hashlib.sha256(f"{self.seed}/{number}".encode()).hexdigest()[:16]
        return f"{number:06d}_{digest}"

    def article(self, number: int) -> Article:
        """Article ``number``: text and what it states."""
        return _Composer(self, number).compose()

    def articles(self, count: int, start: int = 0) -> Iterator[Article]:
        for number in range(start, start + count):
            yield self.article(number)


def _thai_source(source: str) -> bool:
    return ".go.th" in source or ".or.th" in source


@lru_cache(maxsize=None)
def _romanized(name: str) -> str:
    return " ".join(w.capitalize() for w in romanize(name).split())


@lru_cache(maxsize=None)
def _person_slug(name: str) -> str:
    return mint_slug(_romanized(name))


class _Composer:
    """Writes one article and records what it plants.

    A story is built as a list of sentences (lists of pieces) first, so that the header,
    which needs the article's date, is written before it; offsets are fixed on writing.
    """

    def __init__(self, generator: ArticleGenerator, number: int) -> None:
        self.g = generator
        self.lx = generator.lexicon
        self.number = number
        self.rng = generator._rng("article", number)
        self.body: list[list[Piece] | None] = []  # sentences; None ends a paragraph
        self.entities: dict[str, Entity] = {}
        self.facts: dict[Fact, None] = {}
        self.statuses: dict[str, str] = {}
        self.issued = date(2019, 1, 1)

    # -- entities ------------------------------------------------------------------------

    def curated(self, slug: str, *, short: bool = True) -> Name:
        """A mention of lexicon entity ``slug`` by one of its Thai names (or an acronym)."""
        entry = self.lx.entries[slug]
        self.entities[slug] = entry.entity
        names = [n for n, lang in entry.names if lang == "th" or (short and n.isascii() and n.isupper())]
        text = entry.entity.labels["th"]
        if self.rng.random() >= 0.6 and len(names) > 1:
            text = self.rng.choice(names)
        return Name(slug, text)

    def fact(self, subject: str, predicate: str, obj: Ref | Value) -> None:
        self.facts[Fact(subject, predicate, obj)] = None

    def person(self, person: Person, *, with_post: bool = True) -> list[Piece]:
        """``นาย… …`` and, when asked, the person's posts (each an akg:Position)."""
        if person.curated:
            entity = self.lx.entries[person.slug].entity
        else:
            entity = self.entities.get(person.slug) or Entity(
                person.slug, "akg:Person",
                {"th": person.name, "en": person.en, "th-Latn": person.en},
                {(person.honorific + person.name, "th")},
            )
        self.entities[person.slug] = entity
        pieces: list[Piece] = [Name(person.slug, person.honorific + person.name)]
        if with_post:
            for i, post in enumerate(person.posts):
                pieces.append(" " if i == 0 else "และ")
                pieces.extend(self.post(person, post))
        return pieces

    def post(self, person: Person, post: Post) -> list[Piece]:
        slug = f"position-{person.slug}-{mint_slug(post.title_en)}"
        self.entities[slug] = Entity(
            slug, "akg:Position",
            {"th": f"{post.title_th} — {person.name}", "en": f"{post.title_en} — {person.en}"},
        )
        org = self.lx.entries[post.org]
        self.entities[org.slug] = org.entity
        self.fact(slug, "akg:holder", Ref(person.slug))
        self.fact(person.slug, "akg:holds", Ref(slug))
        self.fact(slug, "akg:organization", Ref(org.slug))
        self.fact(slug, "akg:title", Value(post.title_th, lang="th"))
        self.fact(slug, "akg:title", Value(post.title_en, lang="en"))
        self.fact(slug, "akg:attestedOn", Value(self.issued.isoformat(), "xsd:date"))
        if post.org_surface:
            prefix = post.title_th[: len(post.title_th) - len(post.org_surface)]
            return [Name(slug, prefix), Name(org.slug, post.org_surface)]
        return [Name(slug, post.title_th)]

    def meeting_entity(self, meeting: Meeting) -> None:
        series = self.lx.entries[meeting.series]
        self.entities[series.slug] = series.entity
        n = meeting.ordinal
        self.entities[meeting.slug] = Entity(
            meeting.slug, series.meeting_class or "akg:Meeting",
            {"th": f"{series.entity.labels['th']} ครั้งที่ {n}",
             "en": f"The {english_ordinal(n)} {series.entity.labels['en']}"},
        )
        self.fact(meeting.slug, "akg:series", Ref(series.slug))
        self.fact(meeting.slug, "akg:ordinal", Value(str(n), "xsd:integer"))

    def acronym(self, series: str) -> str | None:
        found = [name for name, lang in self.lx.entries[series].names if lang == "en" and name.isupper()]
        return found[0] if found else None

    def meeting_name(self, meeting: Meeting) -> list[Piece]:
        """``การประชุม… ครั้งที่ N (The Nth …: The Nth ACR)``."""
        series = self.lx.entries[meeting.series]
        self.meeting_entity(meeting)
        n = meeting.ordinal
        ordinal = f"ครั้งที่ {n}" if self.rng.random() < 0.85 else f"ครั้งที่ {str(n).translate(THAI_DIGITS)}"
        if n == 1 and self.rng.random() < 0.5:
            ordinal = "ครั้งแรก"
        pieces: list[Piece] = [Name(meeting.slug, series.entity.labels["th"] + " " + ordinal)]
        acronym = self.acronym(series.slug)
        if acronym and self.rng.random() < 0.7:
            nth = english_ordinal(n)
            pieces += [" (", Name(meeting.slug, f"The {nth} {series.entity.labels['en']}"), ": ",
                       Name(meeting.slug, f"The {nth} {acronym}"), ")"]
        return pieces

    def place(self, meeting: Meeting) -> list[Piece]:
        """``ณ <place> <host country>``, with the meeting's location and host."""
        pieces: list[Piece] = ["ณ "]
        if meeting.place:
            pieces += [self.curated(meeting.place), " "]
            self.fact(meeting.slug, "schema:location", Ref(meeting.place))
        else:
            self.fact(meeting.slug, "schema:location", Ref(meeting.host))
        pieces.append(self.curated(meeting.host))
        self.fact(meeting.slug, "akg:hostCountry", Ref(meeting.host))
        return pieces

    def past_meeting(self, before: date | None = None) -> Meeting:
        """A meeting of a numbered series (one that ended before ``before`` when given)."""
        for _ in range(20):
            series = self.rng.choice(self.g.series)
            meeting = self.g.meeting(series, self.rng.randrange(1, self.g.meetings_of(series)))
            if before is None or meeting.end < before:
                return meeting
        return self.g.meeting(self.g.series[0], 1)

    # -- dates ---------------------------------------------------------------------------

    def _digits(self, text: str) -> str:
        return text.translate(THAI_DIGITS) if self.rng.random() < 0.1 else text

    def day(self, when: date) -> str:
        """``16 มกราคม 2568``, sometimes ``16 ม.ค. 68`` or in Thai digits."""
        if self.rng.random() < 0.15:
            return self._digits(f"{when.day} {thai_abbr_months[when.month - 1]} {(when.year + BE) % 100:02d}")
        return self._digits(f"{when.day} {thai_full_months[when.month - 1]} {when.year + BE}")

    def span(self, start: date, end: date) -> str:
        """``วันที่ 9-10 กุมภาพันธ์ 2566`` or ``วันที่ 30 มกราคม - 2 กุมภาพันธ์ 2567``."""
        if start == end:
            return "วันที่ " + self.day(start)
        if start.month == end.month:
            dash = self.rng.choice(("-", "–", "– "))
            return self._digits(f"วันที่ {start.day}{dash}{end.day} {thai_full_months[start.month - 1]} {start.year + BE}")
        return self._digits(
            f"วันที่ {start.day} {thai_full_months[start.month - 1]} - {end.day} {thai_full_months[end.month - 1]} {end.year + BE}"
        )

    def dated(self, meeting: Meeting) -> str:
        self.fact(meeting.slug, "schema:startDate", Value(meeting.start.isoformat(), "xsd:date"))
        if meeting.end != meeting.start:
            self.fact(meeting.slug, "schema:endDate", Value(meeting.end.isoformat(), "xsd:date"))
            return "ระหว่าง" + self.span(meeting.start, meeting.end)
        return "เมื่อ" + self.span(meeting.start, meeting.end)

    # -- writing -------------------------------------------------------------------------

    def say(self, pieces: list[Piece]) -> None:
        self.body.append(pieces + [" "])

    def paragraph(self) -> None:
        self.body.append(None)

    def topic(self) -> tuple[str, str]:
        return self.rng.choice(TOPICS)

    def filler(self, count: int) -> None:
        for _ in range(count):
            template = self.rng.choice(FILLER)
            (topic, _), (topic2, _) = self.rng.sample(TOPICS, 2)
            slots: dict[str, Piece | int | str] = {
                "topic": topic, "topic2": topic2, "n": self.rng.randrange(3, 11),
                "pct": self.rng.randrange(10, 90), "count": f"{self.rng.randrange(1200, 90000):,}", "year": self.issued.year + BE + self.rng.randrange(1, 4),
            }
            if "{asean}" in template:
                slots["asean"] = self.curated("asean")
            if "{thailand}" in template:
                slots["thailand"] = self.curated("thailand", short=False)
            self.say(fill(template, **slots))

    # -- stories -------------------------------------------------------------------------

    def bilateral(self, main: bool) -> list[Piece]:
        """Talks between Thailand and another ASEAN member during a numbered meeting."""
        meeting = self.past_meeting(None if main else self.issued)
        if main:
            self.issued = meeting.end + timedelta(days=self.rng.randrange(0, 3))
        other = self.rng.choice([c for c in self.g.members if c.slug != "thailand"])
        talks = mint_slug(f"bilateral thailand {other.slug} {meeting.start.isoformat()}")
        self.entities[talks] = Entity(
            talks, "akg:BilateralMeeting",
            {"th": f"การหารือทวิภาคีไทย-{other.entity.labels['th']} {meeting.start.isoformat()}",
             "en": f"Thailand–{other.entity.labels['en']} bilateral talks, {meeting.start.isoformat()}"},
        )
        host = self.g._pick_person(self.rng)
        topic, _ = self.topic()
        ministry = next((p.org for p in host.posts if self.lx.entries[p.org].cls == "akg:Ministry"), "mdes")
        shorts = [n for n, lang in self.lx.entries[ministry].names if lang == "th" and len(n) <= 6]
        self.entities[ministry] = self.lx.entries[ministry].entity
        headline = fill("{org} หารือทวิภาคี {th}-{other} ร่วมส่งเสริม{topic}",
                        org=Name(ministry, shorts[0]) if shorts else self.curated(ministry),
                        th=self.curated("thailand"), other=self.curated(other.slug), topic=topic)
        first = fill("เมื่อ{when}  ", when=self.span(meeting.start, meeting.start)) + self.person(host)
        attendees = [host.slug, "thailand", other.slug]
        if self.g.foreign_people and self.rng.random() < 0.5:
            guest = self.rng.choice(self.g.foreign_people)
            first += [" และ", self.curated(guest.slug)]
            attendees.append(guest.slug)
        first += fill(" ร่วม{talks}ระหว่าง{a}และ{b} ในประเด็น{topic} ระหว่าง",
                      talks=Name(talks, "หารือทวิภาคี"), a=self.curated("thailand"),
                      b=self.curated(other.slug), topic=topic)
        first += self.meeting_name(meeting) + [" "] + self.place(meeting)
        self.say(first)
        self.paragraph()
        self.fact(talks, "schema:superEvent", Ref(meeting.slug))
        self.fact(talks, "schema:startDate", Value(meeting.start.isoformat(), "xsd:date"))
        for slug in attendees:
            self.fact(talks, "schema:attendee", Ref(slug))
        self.filler(self.rng.randrange(3, 6))
        self.paragraph()
        self.filler(self.rng.randrange(2, 4))
        self.paragraph()
        return headline

    def series_meeting(self, main: bool) -> list[Piece]:
        """A delegation at a numbered meeting: dates, place, host, chair; the next one."""
        meeting = self.past_meeting(None if main else self.issued)
        series = self.lx.entries[meeting.series]
        if main:
            self.issued = meeting.end + timedelta(days=self.rng.randrange(0, 3))
        head = self.g._pick_person(self.rng)
        self.meeting_entity(meeting)
        acronym = self.acronym(series.slug)
        label: list[Piece] = (
            ["ประชุม ", Name(meeting.slug, f"{acronym} ครั้งที่ {meeting.ordinal}")] if acronym
            else [Name(meeting.slug, f"{series.entity.labels['th']} ครั้งที่ {meeting.ordinal}")]
        )
        headline = fill("{who} นำคณะผู้แทนไทยร่วม{meeting} ณ {place}", who=self.person(head, with_post=False),
                        meeting=label, place=self.curated(meeting.place or meeting.host))
        first = self.person(head) + [" เป็นหัวหน้าคณะผู้แทน", self.curated("thailand", short=False), "เข้าร่วม"]
        first += self.meeting_name(meeting)
        first += [" ", self.dated(meeting), " "] + self.place(meeting)
        first += fill(" ซึ่ง{host}เป็นเจ้าภาพ", host=self.curated(meeting.host))
        self.say(first)
        attendees = [head.slug, "thailand"]
        if self.rng.random() < 0.6:
            if self.rng.random() < 0.7:
                self.say(fill("โดยมี{host}ทำหน้าที่ประธานการประชุม", host=self.curated(meeting.host)))
                self.fact(meeting.slug, "akg:chair", Ref(meeting.host))
            else:
                chair = self.g._pick_person(self.rng)
                self.say(["โดยมี"] + self.person(chair) + [" ทำหน้าที่ประธาน"])
                self.fact(meeting.slug, "akg:chair", Ref(chair.slug))
        sentence: list[Piece] = ["ที่ประชุมประกอบด้วยผู้แทนจาก"]
        for i, country in enumerate(self.rng.sample([c for c in self.g.members if c.slug != "thailand"], 3)):
            sentence += ([] if i == 0 else [" "]) + [self.curated(country.slug)]
            attendees.append(country.slug)
        if "asean-secretariat" in self.lx.entries:
            sentence += fill(" และ{sec}", sec=self.curated("asean-secretariat"))
        self.say(sentence)
        for slug in attendees:
            self.fact(meeting.slug, "schema:attendee", Ref(slug))
        self.paragraph()
        self.filler(self.rng.randrange(3, 6))
        self.paragraph()
        # The next meeting: a month only, or "this coming <month>".
        following = self.g.meeting(series, meeting.ordinal + 1)
        self.meeting_entity(following)
        self.fact(following.slug, "akg:hostCountry", Ref(following.host))
        self.fact(following.slug, "schema:location", Ref(following.host))
        month = thai_full_months[following.start.month - 1]
        if (following.start.year, following.start.month) > (self.issued.year, self.issued.month) and \
                following.start.year == self.issued.year and self.rng.random() < 0.5:
            when = f"ในเดือน{month}นี้"
        else:
            when = f"ในช่วงต้นเดือน{month} {following.start.year + BE}"
        self.fact(following.slug, "schema:startDate",
                  Value(f"{following.start.year:04d}-{following.start.month:02d}", "xsd:gYearMonth"))
        self.say(fill("ทั้งนี้ {meeting} จะจัดขึ้น{when} ณ {host} ซึ่งจะเป็นเจ้าภาพ",
                      meeting=self.meeting_name(following), when=when, host=self.curated(following.host)))
        self.paragraph()
        return headline

    def mou(self, main: bool) -> list[Piece]:
        """An MoU between a Thai ministry or agency and a foreign or international body."""
        if main:
            self.issued = date(2019, 1, 1) + timedelta(days=self.rng.randrange(7 * 365))
        thai = self.rng.choice(self.g.thai_ministries + self.g.thai_agencies)
        foreign = self.rng.choice(self.g.foreign_ministries + self.g.international)
        topic, topic_en = self.topic()
        slug = f"mou-{thai.slug}-{foreign.slug}-{mint_slug(topic_en)}"
        self.entities[slug] = Entity(
            slug, "akg:MoU",
            {"th": f"บันทึกความเข้าใจระหว่าง{thai.entity.labels['th']}และ{foreign.entity.labels['th']}ว่าด้วย{topic}",
             "en": f"MoU between the {thai.entity.labels['en']} and the {foreign.entity.labels['en']} on {topic_en}"},
        )
        for party in (thai, foreign):
            self.fact(slug, "akg:party", Ref(party.slug))
        self.fact(slug, "akg:topic", Value(topic, lang="th"))
        self.fact(slug, "akg:topic", Value(topic_en, lang="en"))
        draft = self.rng.random() < 0.4
        self.statuses[slug] = "Draft" if draft else "Signed"
        person = self.g._pick_person(self.rng)
        parties = fill("ระหว่าง{a}และ{b} ว่าด้วย{topic}", a=self.curated(thai.slug), b=self.curated(foreign.slug), topic=topic)
        if draft:
            country = self.lx.country_of(foreign.slug) or foreign.slug
            headline = fill("ครม. เห็นชอบร่างบันทึกความเข้าใจว่าด้วย{topic} ระหว่าง{a}และ{b}",
                            topic=topic, a=self.curated("thailand"), b=self.curated(country))
            cabinet: Piece = self.curated("cabinet-of-thailand") if "cabinet-of-thailand" in self.lx.entries else "คณะรัฐมนตรี"
            self.say(self.person(person) + fill(" เปิดเผยว่า ที่ประชุม{cab}มีมติเห็นชอบ", cab=cabinet)
                     + [Name(slug, "ร่างบันทึกความเข้าใจ")] + parties)
            self.say(["โดยยังไม่มีการพิจารณาการลงนามในขณะนี้"])
        else:
            headline = fill("{a} ลงนาม MoU ร่วมกับ{b} ด้าน{topic}", a=self.curated(thai.slug),
                            b=self.curated(foreign.slug), topic=topic)
            self.fact(slug, "schema:startDate", Value(self.issued.isoformat(), "xsd:date"))
            self.say(fill("เมื่อวันที่ {day} ", day=self.day(self.issued)) + self.person(person)
                     + [" ร่วมลงนาม", Name(slug, "บันทึกความเข้าใจ")] + parties)
        self.paragraph()
        self.filler(self.rng.randrange(3, 6))
        self.paragraph()
        self.filler(self.rng.randrange(2, 4))
        self.paragraph()
        return headline

    def statement(self, main: bool) -> list[Piece]:
        """Officials on policy: several people with posts, agencies, a visit abroad."""
        if main:
            self.issued = date(2019, 1, 1) + timedelta(days=self.rng.randrange(7 * 365))
        speaker = self.g._pick_person(self.rng)
        country = self.rng.choice(self.g.partners)
        topic, _ = self.topic()
        headline = fill("{who} เยือน{country} หารือความร่วมมือด้าน{topic}", who=self.person(speaker, with_post=False),
                        country=self.curated(country.slug), topic=topic)
        self.say(self.person(speaker) + fill(" เปิดเผยว่า ระหว่างการเดินทางเยือน{country} ได้หารือกับผู้แทนจาก{org} เกี่ยวกับแนวทางส่งเสริม{topic}",
                                             country=self.curated(country.slug),
                                             org=self.curated(self.rng.choice(self.g.international).slug), topic=topic))
        for _ in range(self.rng.randrange(1, 3)):
            self.say(["โดยมี"] + self.person(self.g._pick_person(self.rng)) + [" ร่วมคณะในครั้งนี้ด้วย"])
        self.paragraph()
        self.filler(self.rng.randrange(3, 6))
        self.paragraph()
        agency = self.rng.choice(self.g.thai_agencies)
        self.say(fill("นอกจากนี้ {agency}จะเป็นหน่วยงานหลักในการประสานความร่วมมือกับ{country}",
                      agency=self.curated(agency.slug), country=self.curated(country.slug)))
        self.filler(self.rng.randrange(1, 3))
        self.paragraph()
        return headline

    # -- the article ---------------------------------------------------------------------

    def compose(self) -> Article:
        stories = (self.bilateral, self.series_meeting, self.mou, self.statement)
        main = self.rng.choices(stories, (3, 3, 2, 2))[0]
        headline = main(True)
        self.filler(self.rng.randrange(2, 5))
        self.paragraph()
        if self.rng.random() < 0.6:  # a second story in the same release, as news often has
            self.rng.choice([s for s in stories if s != main])(False)
        w = _Writer()
        w.write(HEADLINE_PREFIX)
        w.sentence(headline)
        w.write("\n\n\n")
        weekday = thai_full_weekdays[self.issued.weekday()]
        w.write(f"{weekday}ที่ {self.issued.day} {thai_full_months[self.issued.month - 1]} {self.issued.year + BE}\n")
        for _ in range(self.rng.choice((1, 2))):
            w.sentence(headline)
            w.write("\n")
        for i, sentence in enumerate(self.body):
            if sentence is None:
                if i and self.body[i - 1] is not None:
                    w.write("\n")
            else:
                w.sentence(sentence)
        w.write(RULE + "\n\n")
        w.write("ที่มา : " + SOURCE_URL.format(number=self.number))
        planted = Extraction(dict(sorted(self.entities.items())), w.mentions, list(self.facts))
        return Article(self.number, self.g.identifier(self.number), w.text(), self.issued, planted, self.statuses)


def write_corpus(directory: Path, count: int, seed: int = 8, generator: ArticleGenerator | None = None) -> list[Path]:
    """Write articles 0..count-1 into ``directory`` (created); return their paths."""
    generator = generator or ArticleGenerator(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in generator.articles(count):
        path = directory / article.filename
        data = article.data()
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths.append(path)
    return paths
