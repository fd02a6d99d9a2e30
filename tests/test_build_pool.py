"""Many documents are prepared by a pool of worker processes (aseankg.build.prepare_many): the
same documents built, refused for the same reasons, in the same order, as by one process; the
work is done in the workers; a pool that breaks leaves the rest to the building process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import aseankg.build as pipeline
from aseankg.build import Prepared, build, document_paths, prepare_all, prepare_many
from aseankg.corpus import DocumentError
from aseankg.lexicon import load_lexicon
from aseankg.store import StoreDir

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "data" / "documents", ROOT / "tests" / "fixtures" / "unseen", ROOT / "tests" / "fixtures" / "blind"]
_ORIGINAL_CHUNK = pipeline._prepare_chunk


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles of the repository and one file that is refused (binary), in one folder."""
    folder = tmp_path_factory.mktemp("pool") / "docs"
    folder.mkdir()
    for path in document_paths(SOURCES):
        shutil.copy(path, folder / path.name)
    (folder / "010_binary.txt").write_bytes(b"\x00\xff" * 64)
    return folder


@pytest.fixture(scope="module")
def one_process(folder: Path) -> list[tuple[Path, Prepared | DocumentError]]:
    return list(prepare_all(document_paths([folder]), load_lexicon(), batch=4))


def _same(item: Prepared | DocumentError) -> tuple:
    if isinstance(item, DocumentError):
        return ("refused", str(item))
    quads = sorted(str(q) for q in item.quads)
    return ("built", item.document.identifier, quads, sorted(item.extraction.entities))


def _in_worker(paths: list[Path], batch: int) -> list:
    """The pool's work, noting which process did it (a file per process, named by its pid)."""
    (Path(os.environ["AKG_POOL_LOG"]) / str(os.getpid())).write_text(str(len(paths)))
    return _ORIGINAL_CHUNK(paths, batch)


def _killed_worker(paths: list[Path], batch: int) -> list:
    os._exit(3)  # the worker dies as if killed


def test_the_pool_prepares_what_one_process_prepares(
    folder: Path, one_process: list, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline, "_prepare_chunk", _in_worker)
    monkeypatch.setenv("AKG_POOL_LOG", str(tmp_path))
    paths = document_paths([folder])

    pooled = list(prepare_many(paths, load_lexicon(), batch=4))

    assert [path for path, _ in pooled] == paths
    assert [_same(item) for _, item in pooled] == [_same(item) for _, item in one_process]
    refused = [path.name for path, item in pooled if isinstance(item, DocumentError)]
    assert "010_binary.txt" in refused and len(refused) < len(paths) // 2
    workers = {int(p.name): int(p.read_text()) for p in tmp_path.iterdir()}
    assert workers and os.getpid() not in workers  # the documents were prepared elsewhere


def test_a_broken_pool_leaves_the_rest_to_this_process(
    folder: Path, one_process: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline, "_prepare_chunk", _killed_worker)

    pooled = list(prepare_many(document_paths([folder]), load_lexicon(), batch=4))

    assert [_same(item) for _, item in pooled] == [_same(item) for _, item in one_process]


def test_few_documents_are_prepared_in_this_process(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_prepare_chunk", _killed_worker)  # a pool would fail
    paths = document_paths([folder])[: pipeline.PARALLEL_FROM]
    assert len(list(prepare_many(paths, load_lexicon()))) == len(paths)


def _dataset(store_dir: StoreDir) -> set[str]:
    return {str(q) for q in store_dir.open().quads_for_pattern(None, None, None, None)}


def test_a_pooled_build_writes_the_same_graph(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = build([folder], StoreDir(tmp_path / "alone"))
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    pooled = build([folder], StoreDir(tmp_path / "pooled"))

    assert [(o.name, o.built, o.reason, o.entities, o.triples) for o in pooled.outcomes] == [
        (o.name, o.built, o.reason, o.entities, o.triples) for o in alone.outcomes
    ]
    assert pooled.triples == alone.triples > 0
    assert _dataset(StoreDir(tmp_path / "pooled")) == _dataset(StoreDir(tmp_path / "alone"))
