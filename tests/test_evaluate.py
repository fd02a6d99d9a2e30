"""Extraction measured against the gold annotations: the thresholds of issue 4, and the scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from aseankg.corpus import read_document
from aseankg.evaluate import GoldError, Scores, evaluate, main, read_gold, score_document
from aseankg.extract.model import Mention, Entity, Extraction, Fact, Ref, Value
from aseankg.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "tests" / "fixtures" / "unseen"


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _documents(folder: Path):
    return [read_document(p) for p in sorted(folder.glob("*.txt"))]


def test_the_five_articles_meet_the_targets(lexicon):
    scores = evaluate(ROOT / "data" / "gold", _documents(ROOT / "data" / "documents"), lexicon)
    assert scores.documents == 5
    assert scores.entity_f1 >= 0.95, scores.table()
    assert scores.relation_f1 >= 0.90, scores.table()


def test_the_held_out_articles(lexicon):
    """Articles written for the evaluation, with gold made before the extractor saw them."""
    scores = evaluate(UNSEEN / "gold", _documents(UNSEEN), lexicon)
    assert scores.documents == 8
    assert scores.entity_f1 >= 0.90, scores.table()
    assert scores.relation_f1 >= 0.85, scores.table()


@pytest.mark.parametrize(
    ("folder", "documents", "entity_floor", "relation_floor"),
    [("blind", 4, 0.90, 0.85), ("blind2", 5, 0.90, 0.85), ("blind3", 3, 0.90, 0.85)],
)
def test_the_blind_articles(lexicon, folder, documents, entity_floor, relation_floor):
    """Articles whose gold was written before the extractor ever ran on them (their SCORES.md
    has the one blind run and the scores after the general fixes it led to); floors below the
    current scores, as for the held-out set, so a regression shows."""
    path = ROOT / "tests" / "fixtures" / folder
    scores = evaluate(path / "gold", _documents(path), lexicon)
    assert scores.documents == documents
    assert scores.entity_f1 >= entity_floor, scores.table()
    assert scores.relation_f1 >= relation_floor, scores.table()


def test_scores_count_class_and_relation_errors():
    gold_file = {
        "document": "d",
        "entities": [{"slug": "a", "class": "akg:Person"}, {"slug": "b", "class": "akg:Country"}],
        "relations": [["a", "schema:attendee", "b"], ["m", "akg:ordinal", "5"]],
    }
    import yaml

    path = Path(__file__).parent / "_gold_tmp.yaml"
    try:
        path.write_text(yaml.safe_dump(gold_file), encoding="utf-8")
        gold = read_gold(path)
    finally:
        path.unlink()
    extraction = Extraction(
        entities={"a": Entity("a", "akg:Person"), "b": Entity("b", "akg:Place"), "c": Entity("c", "akg:Person")},
        mentions=[Mention(slug, 0, 1, "x", "x") for slug in "abc"],
        facts=[Fact("a", "schema:attendee", Ref("b")), Fact("m", "akg:ordinal", Value("4", "xsd:integer")),
               Fact("a", "akg:title", Value("x", lang="th"))],
    )
    scores = Scores()
    score_document(gold, extraction, scores)
    person, country = scores.entities["akg:Person"], scores.entities["akg:Country"]
    assert (person.tp, person.fp, person.fn) == (1, 1, 0)
    assert (country.tp, country.fn) == (0, 1) and scores.entities["akg:Place"].fp == 1
    assert scores.relations["schema:attendee"].tp == 1
    ordinal = scores.relations["akg:ordinal"]
    assert (ordinal.tp, ordinal.fp, ordinal.fn) == (0, 1, 1)
    assert "akg:title" not in scores.relations  # free text is not scored
    assert 0 < scores.entity_f1 < 1 and "ALL" in scores.table()


def test_malformed_gold_is_named(tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text("document: x\nrelations:\n  - [a, akg:unknownThing, b]\n", encoding="utf-8")
    with pytest.raises(GoldError, match="x.yaml.*akg:unknownThing"):
        read_gold(bad)
    bad.write_text("document: x\nentities:\n  - {slug: a}\n", encoding="utf-8")
    with pytest.raises(GoldError, match="x.yaml: entities\\[0\\]"):
        read_gold(bad)


def test_command_line(capsys):
    assert main([str(UNSEEN / "gold"), str(UNSEEN)]) == 0
    out = capsys.readouterr().out
    assert "entities by class" in out and "relations by predicate" in out
    assert main([]) == 2
