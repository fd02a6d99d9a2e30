"""The lexicon loader: the curated names resolve, and malformed files fail with a clear error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from aseankg.lexicon import CLASSES, LexiconError, load_lexicon, surface_key
from aseankg.namespaces import mint_slug

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "data" / "lexicon"


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_contract_slugs_are_fixed(lexicon):
    for slug in ("mdes", "series-adgmin", "series-adgsom", "series-wg-as", "wg-as", "asean", "itu"):
        assert slug in lexicon.entries, slug
    assert lexicon.entries["wg-as"].cls == "akg:WorkingGroup"
    assert lexicon.entries["series-wg-as"].cls == "akg:MeetingSeries"
    assert lexicon.series_of_body["wg-as"] == "series-wg-as"


@pytest.mark.parametrize(
    "name, slug",
    [
        ("ดีอี", "mdes"), ("ดีอีเอส", "mdes"), ("ดศ.", "mdes"), ("MDES", "mdes"),
        ("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "mdes"),
        ("WG-AS", "wg-as"), ("WG – AS", "wg-as"), ("WG - AS", "wg-as"),
        ("สปป.ลาว", "laos"), ("สปป. ลาว", "laos"), ("สาธารณรัฐประชาธิปไตยประชาชนลาว", "laos"),
        ("สาธารณรัฐสิงคโปร์", "singapore"), ("สิงคโปร์", "singapore"),
        ("ราชอาณาจักรกัมพูชา", "cambodia"), ("สหรัฐฯ", "united-states"), ("เกาหลีใต้", "south-korea"),
        ("กรุงเทพฯ", "bangkok"), ("กสทช.", "nbtc"), ("สำนักงาน กสทช.", "office-of-the-nbtc"),
        ("สกมช.", "ncsa"), ("ครม.", "cabinet-of-thailand"), ("รัฐบาลไทย", "government-of-thailand"),
    ],
)
def test_every_alias_resolves_to_one_entity(lexicon, name, slug):
    assert lexicon.lookup(name).slug == slug


def test_entries_are_well_formed(lexicon):
    assert len(lexicon.entries) > 250
    for slug, entry in lexicon.entries.items():
        assert mint_slug(slug) == slug
        assert entry.entity.curated and entry.cls in CLASSES
        assert entry.entity.labels["th"] and entry.entity.labels["en"]
        assert entry.source
    assert all(f"government-of-{s}" in lexicon.entries for s, e in lexicon.entries.items() if e.cls == "akg:Country")


def test_asean_members_and_dialogue_partners(lexicon):
    members = {f.subject for e in lexicon.entries.values() for f in e.facts if f.predicate == "akg:memberOf"}
    assert members == {"thailand", "brunei", "cambodia", "indonesia", "laos", "malaysia", "myanmar",
                       "philippines", "singapore", "vietnam", "timor-leste"}
    for partner in ("australia", "canada", "china", "india", "japan", "south-korea", "new-zealand",
                    "russia", "united-kingdom", "united-states", "european-union"):
        assert partner in lexicon.entries


def test_curated_relations(lexicon):
    facts = {(f.predicate, f.object.slug) for f in lexicon.entries["mdes"].facts}
    assert ("akg:country", "thailand") in facts and ("akg:partOf", "government-of-thailand") in facts


def test_vocabulary_is_data(lexicon):
    vocab = lexicon.vocabulary
    assert {"นาย", "น.ส.", "ดร.", "ศาสตราจารย์พิเศษ", "พลเอก", "H.E."} <= set(vocab.honorifics)
    keys = {p.key for p in vocab.posts}
    assert {"minister", "deputy-prime-minister", "permanent-secretary", "head-of-delegation"} <= keys
    assert {h.th for h in vocab.organization_heads} >= {"กระทรวง", "กรม", "สำนักงาน", "คณะกรรมการ"}


def test_classes_are_the_ontologys():
    ontology = (ROOT / "ontology" / "aseankg.ttl").read_text(encoding="utf-8")
    declared = set(re.findall(r"^(akg:[A-Z]\w+) a owl:Class", ontology, re.M))
    assert CLASSES <= declared


def test_cached_per_directory(lexicon):
    assert load_lexicon() is lexicon


def test_surface_key_folds_spelling():
    assert surface_key("WG – AS") == surface_key("wg-as") == surface_key("WG - AS")
    assert surface_key("ครั้งที่ ๕") == surface_key("ครั้งที่ 5")
    assert surface_key("กรรรมการ") == surface_key("กรรมการ")


# ---------------------------------------------------------------- malformed files


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "lexicon"
    shutil.copytree(LEXICON, target)
    return target


def _edit(path: Path, transform) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    transform(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _expect(directory: Path, *fragments: str) -> None:
    with pytest.raises(LexiconError) as info:
        load_lexicon(directory)
    for fragment in fragments:
        assert fragment in str(info.value)


def test_invalid_yaml_names_the_file(tmp_path):
    d = _copy(tmp_path)
    (d / "places.yaml").write_text("entities: [\n  - {id: x", encoding="utf-8")
    _expect(d, "places.yaml", "not valid YAML")


def test_missing_class_names_file_and_entry(tmp_path):
    d = _copy(tmp_path)
    _edit(d / "places.yaml", lambda data: data["entities"][0].pop("class"))
    _expect(d, "places.yaml", "entry 1", "bangkok", "class")


def test_unknown_class(tmp_path):
    d = _copy(tmp_path)
    _edit(d / "places.yaml", lambda data: data["entities"][0].update({"class": "akg:City"}))
    _expect(d, "places.yaml", "akg:City")


def test_duplicate_id(tmp_path):
    d = _copy(tmp_path)
    _edit(d / "places.yaml", lambda data: data["entities"][1].update({"id": "bangkok"}))
    _expect(d, "places.yaml", "duplicate id 'bangkok'")


def test_one_surface_claimed_by_two_entities(tmp_path):
    d = _copy(tmp_path)
    _edit(d / "places.yaml", lambda data: data["entities"][1].setdefault("aliases", {}).update({"th": ["ดีอี"]}))
    _expect(d, "places.yaml", "ดีอี", "mdes")


def test_unknown_reference(tmp_path):
    d = _copy(tmp_path)
    _edit(d / "places.yaml", lambda data: data["entities"][0].update({"country": "atlantis"}))
    _expect(d, "places.yaml", "bangkok", "atlantis")


def test_bad_id_and_unknown_key(tmp_path):
    d = _copy(tmp_path)
    _edit(d / "places.yaml", lambda data: data["entities"][0].update({"id": "Bang Kok"}))
    _expect(d, "places.yaml", "not a slug")
    d2 = _copy(tmp_path / "again")
    _edit(d2 / "places.yaml", lambda data: data["entities"][0].update({"colour": "red"}))
    _expect(d2, "places.yaml", "unknown keys colour")


def test_missing_vocabulary_and_empty_directory(tmp_path):
    d = _copy(tmp_path)
    (d / "vocabulary.yaml").unlink()
    _expect(d, "no vocabulary")
    empty = tmp_path / "empty"
    empty.mkdir()
    _expect(empty, "no lexicon files")
    _expect(tmp_path / "absent", "does not exist")


def test_no_article_names_in_source(lexicon):
    """Names of people are lexicon data, never code (DEVELOPERS.md: extraction is real)."""
    people = [n for e in lexicon.entries.values() if e.cls == "akg:Person" for n, _ in e.names]
    package = ROOT / "src" / "aseankg"
    files = [*(package / "extract").rglob("*.py"), package / "lexicon.py", package / "evaluate.py"]
    source = "\n".join(p.read_text(encoding="utf-8") for p in files)
    for name in people:
        assert name not in source, name
        for part in name.split():
            if len(part) >= 5 and not part.isascii():
                assert part not in source, part


# --- the comparison key ---------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from aseankg.lexicon import _keyed_by_character, keyed  # noqa: E402
from aseankg.nlp.normalize import fold  # noqa: E402

# What the key treats specially, and its neighbours: spaces of several kinds, dashes, a
# consonant typed again and again, the sara am in two keys, capitals, Thai digits.
_KEY_ALPHABET = list("กกขไทย aAZz-–—\u0e4d\u0e32\u0e33\n\t\xa0\u3000\x1c๑1") + ["กกก", "ก\u0e4d\u0e32"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_KEY_ALPHABET), max_size=16).map("".join))
def test_keyed_a_run_at_a_time_equals_character_by_character(text: str) -> None:
    """The key of a text without zero-width characters is copied a run at a time; it must
    equal the key made character by character (the path text with zero-width ones takes)."""
    assert keyed(text) == _keyed_by_character(fold(text).translate({c: c + 32 for c in range(65, 91)}))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("WG – AS", "wg-as"),
        ("กรรรมการ", "กรรมการ"),
        ("กร\u200bรมการ", "กรรมการ"),  # typed three times across a zero-width space
        ("น\u0e4d\u0e32  ใจ", "น\u0e33 ใจ"),
        ("ครั้งที่ ๕", "ครั้งที่ 5"),
    ],
)
def test_keyed_examples(text: str, key: str) -> None:
    found, offsets = keyed(text)
    assert found == key
    assert len(offsets) == len(found) and offsets == sorted(offsets)
