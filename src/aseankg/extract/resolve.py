"""Resolution: every name found in a document to one entity, and the document's entities,
mentions and facts collected in one place.

Lexicon names resolve through the lexicon (every alias to one slug); names found by
patterns get a slug from their English name, short name or romanisation, so the same name
in two documents is one entity. Within a document, a person named again by given name only
("นายสมชายกล่าว") or referred to by a post alone ("ปลัดกระทรวงฯ") resolves to the person
named in full before; the :class:`Registry` keeps the index for that.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from aseankg.extract.model import Entity, Extraction, Fact, Mention, Ref, Value
from aseankg.extract.text import DocText
from aseankg.lexicon import ORGANIZATION_CLASSES, Lexicon
from aseankg.namespaces import mint_slug
from aseankg.nlp import romanize

__all__ = ["Hit", "Layer", "Registry", "in_running_text", "latin_name", "slug_for"]


@dataclass
class Hit:
    """An entity named at ``text[begin:end]``."""

    begin: int
    end: int
    slug: str
    cls: str
    pattern: bool = False  # found by a pattern, not by a lexicon name
    country: str | None = None  # the country its name was qualified with ("…ของเมียนมา")
    extra: dict = field(default_factory=dict)


class Layer:
    """The entity names of a document, by position."""

    def __init__(self) -> None:
        self._hits: list[Hit] = []
        self._begins: list[int] = []

    def add(self, hit: Hit) -> None:
        i = bisect.bisect_right(self._begins, hit.begin)
        self._hits.insert(i, hit)
        self._begins.insert(i, hit.begin)

    def remove(self, hit: Hit) -> None:
        i = self._hits.index(hit)
        del self._hits[i]
        del self._begins[i]

    def __iter__(self):
        return iter(list(self._hits))

    def at(self, offset: int, classes: frozenset[str] | set[str] | None = None) -> Hit | None:
        """The longest hit starting at ``offset`` (of one of ``classes``)."""
        i = bisect.bisect_left(self._begins, offset)
        best = None
        while i < len(self._hits) and self._begins[i] == offset:
            hit = self._hits[i]
            if (classes is None or hit.cls in classes) and (best is None or hit.end > best.end):
                best = hit
            i += 1
        return best

    def within(self, begin: int, end: int) -> list[Hit]:
        i = bisect.bisect_left(self._begins, begin)
        out = []
        while i < len(self._hits) and self._begins[i] < end:
            if self._hits[i].end <= end:
                out.append(self._hits[i])
            i += 1
        return out

    def covering(self, offset: int) -> list[Hit]:
        """Hits with ``begin < offset < end``."""
        i = bisect.bisect_left(self._begins, offset)
        return [h for h in self._hits[:i] if h.end > offset]

    def top_level(self, begin: int, end: int) -> list[Hit]:
        """The outermost hits within the range, left to right (a country inside an
        organisation's name is not listed)."""
        out: list[Hit] = []
        for hit in sorted(self.within(begin, end), key=lambda h: (h.begin, -h.end)):
            if out and hit.begin < out[-1].end:
                continue
            out.append(hit)
        return out


def latin_name(romanised: str) -> str:
    """A romanisation written as a name: each word capitalised."""
    return " ".join(w[:1].upper() + w[1:] for w in romanised.split())


# A country whose English name is a common noun phrase takes "the" in running text.
_COMMON_NOUN_COUNTRY = {"republic", "kingdom", "states", "federation", "emirates", "islands", "netherlands"}


def in_running_text(name: str, cls: str | None) -> str:
    """An English name as it reads inside a phrase ("between X and Y"): an organisation's
    name of several words takes "the" ("the ASEAN Secretariat"), and so does a country named
    by a common noun ("the United States", "the Republic of Korea"); a one-word name (an
    acronym such as UNESCO) and other countries' names stay as written.
    """
    words = name.split()
    if not words or words[0].lower() == "the":
        return name
    if cls in ORGANIZATION_CLASSES and len(words) > 1:
        return "the " + name
    if cls == "akg:Country" and _COMMON_NOUN_COUNTRY & {w.lower() for w in words}:
        return "the " + name
    return name


def slug_for(*names: str | None) -> str | None:
    """The slug of the first name that yields one."""
    for name in names:
        if name:
            try:
                return mint_slug(name)
            except ValueError:
                continue
    return None


class Registry:
    """The entities, mentions and facts of one document, deduplicated."""

    def __init__(self, doc: DocText, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.entities: dict[str, Entity] = {}
        self._mentions: dict[tuple[str, int, int], Mention] = {}
        self._facts: dict[Fact, None] = {}
        self.layer = Layer()
        # where the posts of the people named stand: the organisation in "ผู้อำนวยการ ETDA"
        # describes the person, it is not itself a party, attendee or proposer
        self.post_spans: list[tuple[int, int]] = []

    def in_post(self, begin: int, end: int) -> bool:
        return any(b <= begin and end <= e for b, e in self.post_spans)

    # ---------------------------------------------------------------- entities
    def entity(self, slug: str) -> Entity | None:
        return self.entities.get(slug)

    def cls_of(self, slug: str) -> str | None:
        if slug in self.entities:
            return self.entities[slug].cls
        entry = self.lexicon.get(slug)
        return entry.cls if entry else None

    def ensure_lexicon(self, slug: str) -> Entity:
        found = self.entities.get(slug)
        if found is None:
            entity = self.lexicon.entries[slug].entity
            # the document's own copy (its labels grow); names are strings, so copying the
            # containers is a deep copy, at a tenth of copy.deepcopy's cost
            found = replace(entity, labels=dict(entity.labels), alt_labels=set(entity.alt_labels))
            self.entities[slug] = found
        return found

    def add_entity(
        self,
        slug: str,
        cls: str,
        th: str | None,
        en: str | None = None,
        *,
        latn: str | None = None,
        alt: tuple[tuple[str, str], ...] = (),
    ) -> Entity:
        """A pattern-found entity; the first labels given stay (later ones become altLabels)."""
        if slug in self.lexicon.entries:
            entity = self.ensure_lexicon(slug)
            for label, lang in ((th, "th"), (en, "en")):
                if label and label != entity.labels.get(lang):
                    entity.alt_labels.add((label, lang))
            entity.alt_labels.update(a for a in alt if a[0] != entity.labels.get(a[1]))
            return entity
        if th and latn is None and not en:
            latn = latin_name(romanize(th))
        entity = self.entities.get(slug)
        if entity is None:
            labels: dict[str, str] = {}
            if th:
                labels["th"] = th
            if latn:
                labels["th-Latn"] = latn
            labels["en"] = en or latn or th or slug
            if "th" not in labels:
                labels["th"] = labels["en"]
            entity = Entity(slug, cls, labels)
            self.entities[slug] = entity
        else:
            for label, lang in ((th, "th"), (en, "en")):
                if label and label != entity.labels.get(lang):
                    entity.alt_labels.add((label, lang))
        entity.alt_labels.update(a for a in alt if a[0] != entity.labels.get(a[1]))
        return entity

    def add_alt(self, slug: str, label: str, lang: str) -> None:
        entity = self.entities.get(slug)
        if entity is not None and label != entity.labels.get(lang):
            entity.alt_labels.add((label, lang))

    # ---------------------------------------------------------------- mentions, facts
    def mention(self, slug: str, begin: int, end: int) -> None:
        if slug not in self.entities:
            if slug in self.lexicon.entries:
                self.ensure_lexicon(slug)
            else:
                raise KeyError(f"mention of an unknown entity {slug!r}")
        key = (slug, begin, end)
        if key not in self._mentions and begin < end:
            text = self.doc.text
            self._mentions[key] = Mention(
                slug, begin, end, text[begin:end], self.doc.sentence_of(begin, end)
            )

    def fact(self, subject: str, predicate: str, obj: Ref | Value) -> None:
        self._facts.setdefault(Fact(subject, predicate, obj), None)

    def ref(self, subject: str, predicate: str, obj: str) -> None:
        self.fact(subject, predicate, Ref(obj))

    def has_fact(self, subject: str, predicate: str) -> bool:
        return any(f.subject == subject and f.predicate == predicate for f in self._facts)

    def facts_of(self, subject: str, predicate: str) -> list[Fact]:
        return [f for f in self._facts if f.subject == subject and f.predicate == predicate]

    def drop_facts(self, subject: str, predicate: str) -> None:
        for f in self.facts_of(subject, predicate):
            del self._facts[f]

    def extraction(self) -> Extraction:
        mentioned = {m.entity for m in self._mentions.values()}
        entities = {s: e for s, e in self.entities.items() if s in mentioned}
        facts = [
            f
            for f in self._facts
            if f.subject in entities
            and (not isinstance(f.object, Ref) or f.object.slug in entities
                 or f.object.slug in self.lexicon.entries or f.object.slug.startswith("akg:"))
        ]
        mentions = sorted(self._mentions.values(), key=lambda m: (m.begin, m.end, m.entity))
        return Extraction(entities=entities, mentions=mentions, facts=facts)
