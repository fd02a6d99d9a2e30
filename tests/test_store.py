"""Store generations: a build switches atomically, a failed or killed one changes nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from aseankg.store import LiveStore, StoreDir, StoreNotFound, query

G = NamedNode("https://w3id.org/aseankg/graph/doc/x")


def quad(i: int) -> Quad:
    return Quad(NamedNode(f"https://w3id.org/aseankg/id/e{i}"), NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal(f"e{i}"), G)


def count(store) -> int:
    return int(next(iter(query(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value)


def commit(root: StoreDir, n: int, from_current: bool = False) -> Path:
    generation = root.begin(from_current=from_current)
    generation.store.extend([quad(i) for i in range(n)])
    return generation.commit({"n": n})


def test_no_store_yet(tmp_path: Path) -> None:
    root = StoreDir(tmp_path / "s")
    assert root.current() is None and root.manifest() is None
    with pytest.raises(StoreNotFound, match="aseankg build"):
        root.open()


def test_commit_switches_and_keeps_manifest(tmp_path: Path) -> None:
    root = StoreDir(tmp_path / "s")
    first = commit(root, 3)
    assert root.current() == first.resolve() and root.manifest() == {"n": 3}
    assert count(root.open()) == 3
    second = commit(root, 5)
    assert root.current() == second.resolve() and count(root.open()) == 5


def test_abort_leaves_the_current_generation(tmp_path: Path) -> None:
    root = StoreDir(tmp_path / "s")
    first = commit(root, 3)
    generation = root.begin()
    generation.store.extend([quad(i) for i in range(10)])
    generation.abort()
    assert root.current() == first.resolve() and count(root.open()) == 3
    assert not any(p.name.endswith(".building") for p in root.generations.iterdir())


def test_copy_of_current_then_add(tmp_path: Path) -> None:
    root = StoreDir(tmp_path / "s")
    commit(root, 3)
    generation = root.begin(from_current=True)
    generation.store.add(quad(99))
    generation.commit({"n": 4})
    assert count(root.open()) == 4


def test_live_store_follows_the_switch(tmp_path: Path) -> None:
    root = StoreDir(tmp_path / "s")
    commit(root, 2)
    live = LiveStore(root)
    assert count(live.get()) == 2
    commit(root, 7)
    assert count(live.get()) == 7


def test_old_generations_are_pruned(tmp_path: Path) -> None:
    root = StoreDir(tmp_path / "s")
    for n in range(1, 5):
        commit(root, n)
    done = [p for p in root.generations.iterdir() if not p.name.endswith(".building")]
    assert len(done) == 2


WRITER = """
import sys, time
from pyoxigraph import Literal, NamedNode, Quad
from aseankg.store import StoreDir
root = StoreDir(sys.argv[1])
generation = root.begin()
print("started", flush=True)
i = 0
while True:
    generation.store.add(Quad(NamedNode(f"https://w3id.org/aseankg/id/k{i}"), NamedNode("http://example.org/p"), Literal(str(i)), NamedNode("https://w3id.org/aseankg/graph/doc/k")))
    i += 1
"""


def test_kill_minus_nine_mid_build_leaves_previous_store(tmp_path: Path) -> None:
    root = StoreDir(tmp_path / "s")
    first = commit(root, 3)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(root.root)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "started"
    time.sleep(0.5)  # let it write into its generation
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert root.current() == first.resolve() and count(root.open()) == 3
    # the next build removes the dead one's leftovers and succeeds
    commit(root, 4)
    assert not any(p.name.endswith(".building") for p in root.generations.iterdir())
    assert count(root.open()) == 4
