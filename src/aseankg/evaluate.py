"""Extraction measured against gold annotations: precision, recall and F1 per entity class and
per relation.

A gold file ``{identifier}.yaml`` annotates one article, made by reading it::

    document: 000_d03fc73eb21f62b7
    entities:                      # every entity the article names
      - {slug: mdes, class: akg:Ministry, label: กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม}
    relations:                     # [subject, predicate, object]; a literal object as text
      - [adgmin-5, akg:ordinal, "5"]
      - [bilateral-thailand-myanmar-2025-01-16, schema:superEvent, adgmin-5]

An entity matches when slug and class match; a relation when subject, predicate and object
match (a literal by its lexical form). Only the predicates in :data:`PREDICATES` are scored:
labels, titles and topics are free text. Counts are summed over the articles (micro average).

``python -m aseankg.evaluate GOLD_DIR [DOCUMENTS_DIR]`` prints the tables.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from aseankg.corpus import Document, read_document
from aseankg.extract import extract
from aseankg.extract.model import Extraction, Ref
from aseankg.lexicon import Lexicon, load_lexicon

__all__ = ["PREDICATES", "GoldError", "Scores", "evaluate", "score_document"]

#: The relations scored.
PREDICATES: tuple[str, ...] = (
    "akg:holds",
    "akg:organization",
    "schema:attendee",
    "akg:chair",
    "akg:viceChair",
    "schema:startDate",
    "schema:endDate",
    "schema:location",
    "akg:hostCountry",
    "akg:party",
    "schema:superEvent",
    "akg:series",
    "akg:ordinal",
    "akg:status",
    "akg:country",
    "akg:proposedBy",
    "akg:fundedBy",
    "akg:amount",
)


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file and the entry."""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Scores:
    """Counts per entity class and per predicate, with the errors for reading."""

    entities: dict[str, Counts] = field(default_factory=dict)
    relations: dict[str, Counts] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    documents: int = 0

    def _total(self, table: dict[str, Counts]) -> Counts:
        total = Counts()
        for counts in table.values():
            total.add(counts)
        return total

    @property
    def entity_total(self) -> Counts:
        return self._total(self.entities)

    @property
    def relation_total(self) -> Counts:
        return self._total(self.relations)

    @property
    def entity_f1(self) -> float:
        return self.entity_total.f1

    @property
    def relation_f1(self) -> float:
        return self.relation_total.f1

    def table(self) -> str:
        lines = [f"{self.documents} documents"]
        for title, table, total in (
            ("entities by class", self.entities, self.entity_total),
            ("relations by predicate", self.relations, self.relation_total),
        ):
            lines.append(f"\n{title:32} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
            for name, c in sorted(table.items()):
                lines.append(
                    f"{name:32} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5} {c.fp:5} {c.fn:5}"
                )
            lines.append(
                f"{'ALL':32} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} "
                f"{total.tp:5} {total.fp:5} {total.fn:5}"
            )
        return "\n".join(lines)


@dataclass
class Gold:
    document: str
    entities: dict[str, str]  # slug -> class
    relations: set[tuple[str, str, str]]


def read_gold(path: Path) -> Gold:
    """Read and check one gold file."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{Path(path).name}: cannot be read: {exc}") from exc
    name = Path(path).name
    if not isinstance(data, dict) or "document" not in data:
        raise GoldError(f"{name}: expected a mapping with 'document', 'entities', 'relations'")
    entities: dict[str, str] = {}
    for i, entry in enumerate(data.get("entities") or []):
        if not isinstance(entry, dict) or not {"slug", "class"} <= set(entry):
            raise GoldError(f"{name}: entities[{i}] needs slug and class, got {entry!r}")
        if entry["slug"] in entities:
            raise GoldError(f"{name}: entities[{i}]: {entry['slug']!r} twice")
        entities[str(entry["slug"])] = str(entry["class"])
    relations: set[tuple[str, str, str]] = set()
    for i, rel in enumerate(data.get("relations") or []):
        if not isinstance(rel, list) or len(rel) != 3:
            raise GoldError(f"{name}: relations[{i}] must be [subject, predicate, object], got {rel!r}")
        s, p, o = (str(x) for x in rel)
        if p not in PREDICATES:
            raise GoldError(f"{name}: relations[{i}]: predicate {p!r} is not scored ({', '.join(PREDICATES)})")
        relations.add((s, p, o))
    return Gold(str(data["document"]), entities, relations)


def _predicted_relations(extraction: Extraction) -> set[tuple[str, str, str]]:
    out = set()
    for fact in extraction.facts:
        if fact.predicate not in PREDICATES:
            continue
        obj = fact.object.slug if isinstance(fact.object, Ref) else fact.object.lexical
        out.add((fact.subject, fact.predicate, obj))
    return out


def score_document(gold: Gold, extraction: Extraction, scores: Scores) -> None:
    """Add one document's counts (and its errors) to ``scores``."""
    named = {m.entity for m in extraction.mentions}  # gold lists what the article names
    predicted = {slug: e.cls for slug, e in extraction.entities.items() if slug in named}
    for slug, cls in gold.entities.items():
        counts = scores.entities.setdefault(cls, Counts())
        if predicted.get(slug) == cls:
            counts.tp += 1
        else:
            counts.fn += 1
            got = f" (extracted as {predicted[slug]})" if slug in predicted else ""
            scores.errors.append(f"{gold.document}: missed entity {slug} {cls}{got}")
    for slug, cls in predicted.items():
        if gold.entities.get(slug) != cls:
            scores.entities.setdefault(cls, Counts()).fp += 1
            scores.errors.append(f"{gold.document}: spurious entity {slug} {cls}")
    found = _predicted_relations(extraction)
    for rel in gold.relations:
        counts = scores.relations.setdefault(rel[1], Counts())
        if rel in found:
            counts.tp += 1
        else:
            counts.fn += 1
            scores.errors.append(f"{gold.document}: missed relation {' '.join(rel)}")
    for rel in found - gold.relations:
        scores.relations.setdefault(rel[1], Counts()).fp += 1
        scores.errors.append(f"{gold.document}: spurious relation {' '.join(rel)}")
    scores.documents += 1


def evaluate(gold_dir: Path, documents: Iterable[Document], lexicon: Lexicon) -> Scores:
    """Extract every document that has a gold file in ``gold_dir`` and score it."""
    gold_dir = Path(gold_dir)
    scores = Scores()
    for document in documents:
        path = gold_dir / f"{document.identifier}.yaml"
        if not path.is_file():
            continue
        gold = read_gold(path)
        score_document(gold, extract(document, lexicon), scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m aseankg.evaluate GOLD_DIR [DOCUMENTS_DIR] [-v]", file=sys.stderr)
        return 2
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    gold_dir = Path(args[0])
    if len(args) > 1:
        docs_dir = Path(args[1])
    else:
        from aseankg.paths import DOCUMENTS_DIR

        docs_dir = DOCUMENTS_DIR
    documents = [read_document(p) for p in sorted(docs_dir.glob("*.txt"))]
    scores = evaluate(gold_dir, documents, load_lexicon())
    print(scores.table())
    if verbose:
        kinds = Counter(e.split(" ")[1] for e in scores.errors)
        print(f"\n{len(scores.errors)} errors ({dict(kinds)}):")
        print("\n".join(scores.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
