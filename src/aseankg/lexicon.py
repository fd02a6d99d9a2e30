"""The curated bilingual lexicon (``data/lexicon/*.yaml``): known names and the extraction
vocabulary.

Two kinds of file, told apart by their top-level key:

``entities:`` a list, one entry per entity::

    - id: mdes                       # optional: default mint_slug(first English short name,
      class: akg:Ministry            #   else English name); series default to "series-…"
      th: กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม   # Thai prefLabel
      en: Ministry of Digital Economy and Society   # English prefLabel
      short: {en: [MDES], th: [ดีอี, ดีอีเอส, ดศ.]}   # abbreviations (altLabel, matched)
      aliases: {en: [...], th: [...]}                 # other names (altLabel, matched)
      source: where the names come from
      # curated relations (facts of the lexicon graph), each an entity id:
      country: thailand          # akg:country
      part_of: government-of-thailand   # akg:partOf
      member_of: asean           # akg:memberOf
      in: bangkok                # schema:containedInPlace
      organizer: asean           # schema:organizer
      # countries: their government (generated as government-of-{id}):
      government: {th: [รัฐบาลไทย], en: Royal Thai Government, short_en: [RTG]}
      # meeting series: the class of their meetings, the body that meets, dated meetings:
      meeting_class: akg:MinisterialMeeting
      body: wg-as
      dated: false

``vocabulary:`` a mapping of the words the patterns look for (honorifics, post titles,
organisation head nouns, meeting and MoU words, a glossary); see ``vocabulary.yaml``.

:func:`load_lexicon` reads and validates every file; a malformed file or entry, a duplicate
id, an unknown reference or one surface form claimed by two entities raises
:class:`LexiconError` naming the file and the entry. Names compare by :func:`surface_key`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from aseankg.extract.model import Entity, Fact, Ref
from aseankg.namespaces import mint_slug
from aseankg.nlp.normalize import fold

__all__ = [
    "CLASSES",
    "HeadNoun",
    "Lexicon",
    "LexiconEntry",
    "LexiconError",
    "PostTitle",
    "Vocabulary",
    "keyed",
    "load_lexicon",
    "surface_key",
]

#: The classes an entry may have (those of ontology/aseankg.ttl that name things).
CLASSES: frozenset[str] = frozenset(
    f"akg:{name}"
    for name in (
        "Person Organization Ministry GovernmentAgency InternationalOrganization Country Place "
        "Meeting MinisterialMeeting SeniorOfficialsMeeting WorkingGroupMeeting BilateralMeeting "
        "CabinetMeeting MeetingSeries WorkingGroup PolicyDocument Agreement MoU Declaration Plan "
        "Fund Initiative Project"
    ).split()
)
MEETING_CLASSES: frozenset[str] = frozenset(
    c for c in CLASSES if c.endswith("Meeting") and c != "akg:MeetingSeries"
)
ORGANIZATION_CLASSES: frozenset[str] = frozenset(
    {"akg:Organization", "akg:Ministry", "akg:GovernmentAgency", "akg:InternationalOrganization"}
)

_ENTITY_KEYS = {
    "id", "class", "th", "en", "short", "aliases", "source", "country", "part_of", "member_of",
    "in", "organizer", "government", "meeting_class", "body", "dated",
}
_RELATIONS = {
    "country": "akg:country",
    "part_of": "akg:partOf",
    "member_of": "akg:memberOf",
    "in": "schema:containedInPlace",
    "organizer": "schema:organizer",
}
_LANGS = ("th", "en")
# The classes each curated relation applies to (the domains in ontology/aseankg.ttl).
_DOMAINS: dict[str, frozenset[str]] = {
    "country": ORGANIZATION_CLASSES | {"akg:Place"},
    "part_of": ORGANIZATION_CLASSES | {"akg:WorkingGroup"},
    "member_of": ORGANIZATION_CLASSES | {"akg:Country"},
    "in": frozenset({"akg:Place"}),
    "organizer": frozenset({"akg:MeetingSeries"}),
}


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the entry."""


# --------------------------------------------------------------------------------------
# Comparing names


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_THAI_CONSONANT = re.compile(r"[\u0e01-\u0e2e]")
_CAPITALS = re.compile("[A-Z]+")  # ASCII only: other scripts keep their case
_HAS_ZERO_WIDTH = re.compile("[" + "".join(sorted(_ZERO_WIDTH)) + "]")
# What the key changes in a text without zero-width characters: a run of white space, a dash,
# the sara am typed as two characters, a consonant typed three times or more.
_KEY_EDITS = re.compile(r"(\s+)|(-)|(\u0e4d\u0e32)|(([\u0e01-\u0e2e])\5\5+)")


def _lower(match: re.Match[str]) -> str:
    return match[0].lower()


def keyed(text: str) -> tuple[str, list[int]]:
    """The comparison key of ``text`` and, for each of its characters, the offset in ``text``
    it comes from.

    The key folds what Thai news writes in many ways: Thai digits, dashes, curly quotes
    (:func:`aseankg.nlp.normalize.fold`), ASCII case, runs of white space (one space; none
    next to a dash, so ``WG – AS`` = ``WG-AS``), the sara am typed as two characters,
    zero-width characters and a consonant typed three times (``กรรรมการ``).
    """
    folded = _CAPITALS.sub(_lower, fold(text))
    if _HAS_ZERO_WIDTH.search(folded):
        return _keyed_by_character(folded)
    # A key is made for every article: copy the text between the edits a run at a time
    # (the same key as character by character, at a fraction of the cost).
    parts: list[str] = []
    offsets: list[int] = []
    cursor, n = 0, len(folded)
    for edit in _KEY_EDITS.finditer(folded):
        i = edit.start()
        if cursor < i:
            parts.append(folded[cursor:i])
            offsets.extend(range(cursor, i))
        cursor = edit.end()
        kind = edit.lastindex
        if kind == 1:  # white space: one space, none next to a dash
            if parts and parts[-1][-1] != "-" and cursor < n and folded[cursor] != "-":
                parts.append(" ")
                offsets.append(i)
        elif kind == 2:
            parts.append("-")
            offsets.append(i)
        elif kind == 3:  # ํ + า = ำ
            parts.append("\u0e33")
            offsets.append(i)
        else:  # the consonant twice
            parts.append(folded[i : i + 2])
            offsets += (i, i + 1)
    if cursor < n:
        parts.append(folded[cursor:n])
        offsets.extend(range(cursor, n))
    return "".join(parts), offsets


def _keyed_by_character(folded: str) -> tuple[str, list[int]]:
    """:func:`keyed` of a folded text with zero-width characters, which drop out of the key
    (a consonant typed again across one is still typed three times)."""
    chars: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(folded)
    while i < n:
        ch = folded[i]
        if ch in _ZERO_WIDTH:
            i += 1
            continue
        if ch.isspace():
            j = i
            while j < n and (folded[j].isspace() or folded[j] in _ZERO_WIDTH):
                j += 1
            if chars and chars[-1] != "-" and j < n and folded[j] != "-":
                chars.append(" ")
                offsets.append(i)
            i = j
            continue
        if ch == "-" and chars and chars[-1] == " ":
            chars.pop()
            offsets.pop()
        if ch == "\u0e4d" and i + 1 < n and folded[i + 1] == "\u0e32":  # ํ + า = ำ
            chars.append("\u0e33")
            offsets.append(i)
            i += 2
            continue
        if (
            len(chars) >= 2
            and ch == chars[-1] == chars[-2]
            and _THAI_CONSONANT.match(ch)
        ):
            i += 1
            continue
        if "A" <= ch <= "Z":
            ch = ch.lower()
        chars.append(ch)
        offsets.append(i)
        i += 1
    return "".join(chars), offsets


def surface_key(text: str) -> str:
    """The comparison key of a name (see :func:`keyed`), NFC and trimmed."""
    return keyed(unicodedata.normalize("NFC", text).strip())[0].strip()


def _is_acronym(name: str) -> bool:
    """An all-capitals ASCII short name (ITU, AOC 1441): matched with its case."""
    letters = [c for c in name if c.isascii() and c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 8


# --------------------------------------------------------------------------------------
# The vocabulary


@dataclass(frozen=True)
class PostTitle:
    """A post's title words and how its English title and organisation are found."""

    key: str  # stable: part of the Position slug
    th: tuple[str, ...]
    en: str  # template with {org}, {topic}, {country}
    org: str  # "follows" | "government" | an entity id


@dataclass(frozen=True)
class HeadNoun:
    """A head noun that starts the name of an organisation or place (กระทรวง…, โรงแรม…)."""

    th: str
    cls: str
    en: str | None  # template with {} for the translated rest of the name
    strict: bool = False  # names something only with a Latin name, parentheses or จำกัด


@dataclass(frozen=True)
class Vocabulary:
    """The extraction vocabulary; every list is data from ``vocabulary.yaml``."""

    default_country: str
    honorifics: tuple[str, ...]
    name_stops: tuple[str, ...]
    posts: tuple[PostTitle, ...]
    post_joiners: tuple[str, ...]
    post_capacity: tuple[str, ...]
    organization_heads: tuple[HeadNoun, ...]
    organization_generic: tuple[str, ...]
    organization_stops: tuple[str, ...]
    country_qualifiers: tuple[str, ...]
    place_heads: tuple[HeadNoun, ...]
    place_markers: tuple[str, ...]
    glossary: dict[str, str]
    meeting: dict[str, Any]
    mou: dict[str, tuple[str, ...]]
    funding: dict[str, Any]
    proposal: tuple[str, ...]
    organization_proposed: tuple[str, ...] = ()
    not_names: tuple[str, ...] = ()


def _words(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(v.strip() for v in value)


def _vocabulary(data: Any, where: str) -> Vocabulary:
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: 'vocabulary' must be a mapping")
    required = {
        "default_country", "honorifics", "name_stops", "posts", "post_joiners", "post_capacity",
        "organization_heads", "organization_generic", "organization_stops",
        "country_qualifiers", "place_heads", "place_markers", "glossary", "meeting", "mou",
        "funding", "proposal", "organization_proposed", "not_names",
    }
    missing = required - data.keys()
    if missing:
        raise LexiconError(f"{where}: vocabulary lacks {', '.join(sorted(missing))}")
    unknown = data.keys() - required
    if unknown:
        raise LexiconError(f"{where}: unknown vocabulary keys {', '.join(sorted(unknown))}")

    honorifics = data["honorifics"]
    if not isinstance(honorifics, dict):
        raise LexiconError(f"{where}: honorifics must map a language to a list of words")
    honorific_words = tuple(
        w for lang, ws in honorifics.items() for w in _words(ws, f"{where}: honorifics.{lang}")
    )

    posts = []
    for i, post in enumerate(data["posts"] or []):
        at = f"{where}: posts[{i}]"
        if not isinstance(post, dict) or set(post) != {"key", "th", "en", "org"}:
            raise LexiconError(f"{at}: a post needs exactly key, th, en and org")
        key = str(post["key"])
        if mint_slug(key) != key:
            raise LexiconError(f"{at}: key {key!r} is not a slug")
        posts.append(PostTitle(key, _words(post["th"], at), str(post["en"]), str(post["org"])))

    def heads(name: str) -> tuple[HeadNoun, ...]:
        out = []
        for i, head in enumerate(data[name] or []):
            at = f"{where}: {name}[{i}]"
            if not isinstance(head, dict) or "th" not in head or set(head) - {"th", "class", "en", "strict"}:
                raise LexiconError(f"{at}: a head noun needs th (and class, en, strict)")
            cls = head.get("class", "akg:Place")
            if cls not in CLASSES:
                raise LexiconError(f"{at}: unknown class {cls!r}")
            out.append(HeadNoun(str(head["th"]), cls, head.get("en"), bool(head.get("strict", False))))
        return tuple(out)

    glossary = data["glossary"]
    if not isinstance(glossary, dict):
        raise LexiconError(f"{where}: glossary must map Thai words to English")

    def group(name: str) -> dict[str, Any]:
        value = data[name]
        if not isinstance(value, dict):
            raise LexiconError(f"{where}: {name} must be a mapping")
        out: dict[str, Any] = {}
        for key, words in value.items():
            if isinstance(words, list) and words and isinstance(words[0], dict):
                out[key] = tuple(words)
            else:
                out[key] = _words(words, f"{where}: {name}.{key}")
        return out

    return Vocabulary(
        default_country=str(data["default_country"]),
        honorifics=honorific_words,
        name_stops=_words(data["name_stops"], f"{where}: name_stops"),
        posts=tuple(posts),
        post_joiners=_words(data["post_joiners"], f"{where}: post_joiners"),
        post_capacity=_words(data["post_capacity"], f"{where}: post_capacity"),
        organization_heads=heads("organization_heads"),
        organization_generic=_words(data["organization_generic"], f"{where}: organization_generic"),
        organization_stops=_words(data["organization_stops"], f"{where}: organization_stops"),
        country_qualifiers=_words(data["country_qualifiers"], f"{where}: country_qualifiers"),
        place_heads=heads("place_heads"),
        place_markers=_words(data["place_markers"], f"{where}: place_markers"),
        glossary={str(k): str(v or "") for k, v in glossary.items()},
        meeting=group("meeting"),
        mou=group("mou"),
        funding=group("funding"),
        proposal=_words(data["proposal"]["verbs"], f"{where}: proposal.verbs"),
        organization_proposed=_words(data["organization_proposed"], f"{where}: organization_proposed"),
        not_names=_words(data["not_names"], f"{where}: not_names"),
    )


# --------------------------------------------------------------------------------------
# Entities


@dataclass
class LexiconEntry:
    """One curated entity: its names (``entity``) and curated relations (``facts``)."""

    entity: Entity
    facts: list[Fact]
    source: str
    file: str
    names: list[tuple[str, str]] = field(default_factory=list)  # (surface, language)
    meeting_class: str | None = None  # for a MeetingSeries
    body: str | None = None  # for a MeetingSeries: whose meetings
    dated: bool = False  # for a MeetingSeries: meetings told apart by date

    @property
    def slug(self) -> str:
        return self.entity.slug

    @property
    def cls(self) -> str:
        return self.entity.cls

    def related(self, predicate: str) -> str | None:
        """The slug this entry's curated ``predicate`` points to, if any."""
        for fact in self.facts:
            if fact.predicate == predicate and isinstance(fact.object, Ref):
                return fact.object.slug
        return None


@dataclass
class Lexicon:
    """Every curated entity by slug, the vocabulary, and an index of names."""

    directory: Path
    entries: dict[str, LexiconEntry]
    vocabulary: Vocabulary
    surfaces: dict[str, str]  # surface_key(name) -> slug
    acronyms: dict[str, frozenset[str]]  # surface_key -> the acronym spellings allowed
    series_of_body: dict[str, str]  # body slug -> its meeting series slug

    def get(self, slug: str) -> LexiconEntry | None:
        return self.entries.get(slug)

    def lookup(self, name: str) -> LexiconEntry | None:
        """The entry one of whose names is ``name`` (compared by :func:`surface_key`)."""
        slug = self.surfaces.get(surface_key(name))
        return self.entries[slug] if slug else None

    def country_of(self, slug: str) -> str | None:
        entry = self.entries.get(slug)
        if entry is None:
            return None
        if entry.cls == "akg:Country":
            return slug
        return entry.related("akg:country")


def _names(entry: dict[str, Any], key: str, where: str) -> dict[str, tuple[str, ...]]:
    value = entry.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict) or set(value) - set(_LANGS):
        raise LexiconError(f"{where}: {key} must map th / en to lists of names, got {value!r}")
    return {lang: _words(names, f"{where}: {key}.{lang}") for lang, names in value.items()}


def _label(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where}: needs a non-empty {key!r} name")
    return value.strip()


def _default_id(cls: str, en: str, short: dict[str, tuple[str, ...]]) -> str:
    base = short.get("en", (en,))[0] if cls != "akg:Country" else en
    slug = mint_slug(base)
    return f"series-{slug}" if cls == "akg:MeetingSeries" else slug


def _parse_entry(raw: Any, file: str, index: int) -> tuple[LexiconEntry, dict[str, Any]]:
    where = f"{file}: entry {index + 1}"
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: an entry must be a mapping, got {type(raw).__name__}")
    if isinstance(raw.get("id"), str) or isinstance(raw.get("en"), str):
        where += f" ({raw.get('id') or raw.get('en')})"
    unknown = set(raw) - _ENTITY_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    cls = raw.get("class")
    if cls not in CLASSES:
        raise LexiconError(f"{where}: class {cls!r} is not one of the ontology's classes")
    th, en = _label(raw, "th", where), _label(raw, "en", where)
    source = _label(raw, "source", where)
    short, aliases = _names(raw, "short", where), _names(raw, "aliases", where)
    slug = raw.get("id") or _default_id(cls, en, short)
    if not isinstance(slug, str) or mint_slug(slug) != slug:
        raise LexiconError(f"{where}: id {slug!r} is not a slug (lowercase ASCII, digits, -)")

    names = [(th, "th"), (en, "en")]
    for group in (short, aliases):
        for lang, words in group.items():
            names.extend((w, lang) for w in words)
    entity = Entity(slug, cls, {"th": th, "en": en}, curated=True)
    entity.alt_labels = {(n, lang) for n, lang in names[2:] if (n, lang) not in names[:2]}
    meeting_class = raw.get("meeting_class")
    if meeting_class is not None and (cls != "akg:MeetingSeries" or meeting_class not in MEETING_CLASSES):
        raise LexiconError(f"{where}: meeting_class {meeting_class!r} needs a MeetingSeries and a meeting class")
    for key in ("body", "dated"):
        if key in raw and cls != "akg:MeetingSeries":
            raise LexiconError(f"{where}: {key!r} is only for a MeetingSeries")
    if "government" in raw and cls != "akg:Country":
        raise LexiconError(f"{where}: 'government' is only for a Country")
    return (
        LexiconEntry(
            entity, [], source, file, names,
            meeting_class=meeting_class if cls == "akg:MeetingSeries" else None,
            body=raw.get("body"),
            dated=bool(raw.get("dated", False)),
        ),
        raw,
    )


def _government(country: LexiconEntry, raw: dict[str, Any], file: str) -> LexiconEntry:
    """The generated government entity of a country: รัฐบาล + each Thai name."""
    spec = raw.get("government") or {}
    where = f"{file}: {country.slug}: government"
    if not isinstance(spec, dict) or set(spec) - {"th", "en", "short_en"}:
        raise LexiconError(f"{where}: expected a mapping of th, en, short_en")
    th_names = [n for n, lang in country.names if lang == "th"]
    listed = list(_words(spec["th"], where)) if "th" in spec else []
    th_all = listed + [f"รัฐบาล{n}" for n in th_names]
    en = str(spec.get("en") or f"Government of {country.entity.labels['en']}")
    names = [(th_all[0], "th"), (en, "en")]
    names += [(n, "th") for n in th_all[1:]]
    default_en = f"Government of {country.entity.labels['en']}"
    if default_en != en:
        names.append((default_en, "en"))
    names += [(n, "en") for n in _words(spec.get("short_en", []) or [], where)] if spec.get("short_en") else []
    seen: set[tuple[str, str]] = set()
    names = [n for n in names if not (n in seen or seen.add(n))]
    slug = f"government-of-{country.slug}"
    entity = Entity(slug, "akg:Organization", {"th": names[0][0], "en": en}, curated=True)
    entity.alt_labels = set(names[2:])
    facts = [Fact(slug, "akg:country", Ref(country.slug))]
    return LexiconEntry(entity, facts, f"government of {country.entity.labels['en']}", file, names)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path.name}: not valid YAML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path.name}: cannot be read: {exc}") from exc


def _build(directory: Path) -> Lexicon:
    files = sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
    if not files:
        raise LexiconError(f"{directory}: no lexicon files (*.yaml)")
    entries: dict[str, LexiconEntry] = {}
    raws: dict[str, dict[str, Any]] = {}
    vocabulary: Vocabulary | None = None

    def add(entry: LexiconEntry) -> None:
        if entry.slug in entries:
            other = entries[entry.slug]
            raise LexiconError(
                f"{entry.file}: duplicate id {entry.slug!r} (also in {other.file})"
            )
        entries[entry.slug] = entry

    for path in files:
        data = _read_yaml(path)
        if data is None:
            continue
        if not isinstance(data, dict) or not set(data) <= {"entities", "vocabulary"} or not data:
            raise LexiconError(
                f"{path.name}: expected a top-level 'entities' list or 'vocabulary' mapping"
            )
        if "vocabulary" in data:
            if vocabulary is not None:
                raise LexiconError(f"{path.name}: a second vocabulary (only one is allowed)")
            vocabulary = _vocabulary(data["vocabulary"], path.name)
        if "entities" in data:
            items = data["entities"]
            if not isinstance(items, list):
                raise LexiconError(f"{path.name}: 'entities' must be a list")
            for i, raw in enumerate(items):
                entry, raw_map = _parse_entry(raw, path.name, i)
                add(entry)
                raws[entry.slug] = raw_map
    if vocabulary is None:
        raise LexiconError(f"{directory}: no vocabulary file (a top-level 'vocabulary' mapping)")

    for slug in [s for s, e in entries.items() if e.cls == "akg:Country"]:
        add(_government(entries[slug], raws[slug], entries[slug].file))

    # Curated relations, once every id is known.
    for slug, raw in raws.items():
        entry = entries[slug]
        for key, predicate in _RELATIONS.items():
            targets = raw.get(key)
            if targets is None:
                continue
            for target in targets if isinstance(targets, list) else [targets]:
                if target not in entries:
                    raise LexiconError(f"{entry.file}: {slug}: {key} {target!r} is not a lexicon id")
                if key == "country" and entries[target].cls != "akg:Country":
                    raise LexiconError(f"{entry.file}: {slug}: country {target!r} is not a Country")
                if entry.cls not in _DOMAINS[key]:
                    raise LexiconError(
                        f"{entry.file}: {slug}: {key!r} does not apply to a {entry.cls} "
                        f"(only to {', '.join(sorted(_DOMAINS[key]))})"
                    )
                entry.facts.append(Fact(slug, predicate, Ref(target)))
        if entry.body is not None and entry.body not in entries:
            raise LexiconError(f"{entry.file}: {slug}: body {entry.body!r} is not a lexicon id")
    if vocabulary.default_country not in entries:
        raise LexiconError(f"vocabulary: default_country {vocabulary.default_country!r} is not a lexicon id")
    for post in vocabulary.posts:
        if post.org not in ("follows", "government") and post.org not in entries:
            raise LexiconError(f"vocabulary: post {post.key}: org {post.org!r} is not a lexicon id")

    # Every name to one entity.
    surfaces: dict[str, str] = {}
    acronyms: dict[str, set[str]] = {}
    for slug, entry in entries.items():
        for name, _lang in entry.names:
            key = surface_key(name)
            if not key:
                raise LexiconError(f"{entry.file}: {slug}: the name {name!r} is empty once normalised")
            owner = surfaces.setdefault(key, slug)
            if owner != slug:
                raise LexiconError(
                    f"{entry.file}: {slug}: the name {name!r} also names {owner!r} "
                    f"({entries[owner].file}); one surface form must name one entity"
                )
            if _is_acronym(name):
                acronyms.setdefault(key, set()).add(name)
            else:
                acronyms.setdefault(key, set()).add("")
    series_of_body = {e.body: s for s, e in entries.items() if e.body}
    frozen = {k: frozenset(v) for k, v in acronyms.items() if "" not in v}
    return Lexicon(directory, entries, vocabulary, surfaces, frozen, series_of_body)


def _default_directory() -> Path:
    try:
        from aseankg.paths import LEXICON_DIR

        return Path(LEXICON_DIR)
    except ImportError:  # pragma: no cover - paths.py is part of the package
        return Path(__file__).resolve().parents[2] / "data" / "lexicon"


@functools.lru_cache(maxsize=8)
def _cached(directory: str, stamp: tuple[tuple[str, int, int], ...]) -> Lexicon:
    return _build(Path(directory))


def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Read and validate the lexicon in ``directory`` (default ``data/lexicon``).

    Cached per directory (and reloaded when a file there changes).
    """
    folder = Path(directory) if directory is not None else _default_directory()
    if not folder.is_dir():
        raise LexiconError(f"{folder}: the lexicon directory does not exist")
    stamp = tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(folder.iterdir())
        if p.suffix in (".yaml", ".yml")
    )
    return _cached(str(folder.resolve()), stamp)


def lexicon_facts(lexicon: Lexicon) -> list[Fact]:
    """Every curated fact of the lexicon (for the lexicon graph)."""
    return [fact for entry in lexicon.entries.values() for fact in entry.facts]

