"""What decides that a second ``make serve`` does not rebuild: the fingerprint of everything that
feeds the graph (documents, lexicon, ontology, shapes, the package's version) changes when any
of them changes, and only then. Real files copied to a temp dir, the real function."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import aseankg.build
import aseankg.paths
from aseankg.build import fingerprint
from conftest import DOCUMENTS, ROOT


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the documents, lexicon, ontology and shapes that the fingerprint reads."""
    shutil.copytree(DOCUMENTS, tmp_path / "documents")
    shutil.copytree(ROOT / "data" / "lexicon", tmp_path / "lexicon")
    shutil.copy(ROOT / "ontology" / "aseankg.ttl", tmp_path / "aseankg.ttl")
    shutil.copy(ROOT / "shapes" / "aseankg.shapes.ttl", tmp_path / "aseankg.shapes.ttl")
    monkeypatch.setattr(aseankg.paths, "LEXICON_DIR", tmp_path / "lexicon")
    monkeypatch.setattr(aseankg.paths, "ONTOLOGY_FILE", tmp_path / "aseankg.ttl")
    monkeypatch.setattr(aseankg.paths, "SHAPES_FILE", tmp_path / "aseankg.shapes.ttl")
    return tmp_path


def documents(root: Path) -> list[Path]:
    return sorted((root / "documents").glob("*.txt"))


def test_unchanged_inputs_give_the_same_fingerprint(inputs: Path) -> None:
    assert fingerprint(documents(inputs)) == fingerprint(documents(inputs))


@pytest.mark.parametrize(
    "change",
    ["a document", "a new document", "the lexicon", "a new lexicon file", "the ontology", "the shapes"],
)
def test_each_input_changes_the_fingerprint(inputs: Path, change: str) -> None:
    before = fingerprint(documents(inputs))
    target = {
        "a document": documents(inputs)[0],
        "a new document": inputs / "documents" / "999_new.txt",
        "the lexicon": sorted((inputs / "lexicon").glob("*.yaml"))[0],
        "a new lexicon file": inputs / "lexicon" / "zz_new.yaml",
        "the ontology": inputs / "aseankg.ttl",
        "the shapes": inputs / "aseankg.shapes.ttl",
    }[change]
    with target.open("a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    assert fingerprint(documents(inputs)) != before


def test_the_package_version_changes_the_fingerprint(inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = fingerprint(documents(inputs))
    monkeypatch.setattr(aseankg.build, "__version__", aseankg.build.__version__ + ".post1")
    assert fingerprint(documents(inputs)) != before
