"""A build that fails leaves the previous graph serving, unchanged — checked through a real
server started before the failed build (the whole dataset it serves is the same, byte for byte).

Each failure is real: the store's writes fail with "File too large" (a file-size limit on the
build process, as a full disk would), every document violates the shapes (a stricter shapes
file given through ``ASEANKG_ROOT``), every document is unreadable, or the build is killed
with ``kill -9`` while it reads documents and while it writes its generation.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from invented_articles import write_articles

from conftest import ROOT, Server, run_cli, start_server, stop_server

pytestmark = pytest.mark.slow

COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
MANY = 30  # invented articles: enough that a build takes a few seconds to write its generation


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_articles(tmp_path_factory.mktemp("first") / "docs", [801, 802])[0].parent
    store = tmp_path_factory.mktemp("atomic") / "store"
    result = run_cli("build", str(folder), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[Server]:
    srv = start_server(store)
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_articles(tmp_path_factory.mktemp("many") / "docs", range(300, 300 + MANY))[0].parent


def served(server: Server) -> tuple[bytes, str]:
    """Everything the server serves: the N-Quads export, and the triples per graph by SPARQL."""
    with server.client() as http:
        dump = http.get("/export/aseankg.nq")
        counts = http.get("/sparql", params={"query": COUNTS}, headers={"Accept": "text/csv"})
    assert dump.status_code == 200 and counts.status_code == 200
    assert b"/graph/doc/801_invented" in dump.content
    return dump.content, counts.text


class Snapshot:
    """The store directory's serving generation and the dataset the server serves."""

    def __init__(self, store: Path, server: Server) -> None:
        self.store = store
        self.server = server
        self.link = os.readlink(store / "current")
        self.manifest = (store / "current" / "manifest.json").read_bytes()
        self.dataset = served(server)

    def assert_unchanged(self) -> None:
        assert os.readlink(self.store / "current") == self.link
        assert (self.store / "current" / "manifest.json").read_bytes() == self.manifest
        assert served(self.server) == self.dataset


def files_of(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def building(store: Path) -> list[Path]:
    return list((store / "generations").glob("*.building"))


def cli(*args: str, env: dict[str, str] | None = None, preexec_fn=None, store: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "aseankg.cli", *args, "--store", str(store)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, preexec_fn=preexec_fn,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
    )


def test_store_writes_failing_mid_build(store: Path, server: Server, many: Path) -> None:
    """The generation's database cannot grow past 128 KiB: RocksDB's writes fail (EFBIG)."""
    before = Snapshot(store, server)

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failing write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (128 * 1024, 128 * 1024))

    result = cli("build", str(many), "--force", preexec_fn=small_files, store=store)
    assert result.returncode != 0
    text = " ".join(result.stderr.split())
    assert "build failed while writing the store" in text and "File too large" in text
    assert "the graph serving is unchanged" in text and "Traceback" not in text
    assert f"Documents read: {MANY}" not in result.stderr  # it failed; it did not report a build
    before.assert_unchanged()
    assert building(store) == []  # the half-written generation was removed


def test_every_document_violating_the_shapes(store: Path, server: Server, tmp_path: Path) -> None:
    """A stricter shapes file (every article needs an author): each document's graph is invalid."""
    root = tmp_path / "project"
    for part in ("ontology", "shapes", "data/lexicon"):
        shutil.copytree(ROOT / part, root / part)
    with (root / "shapes" / "aseankg.shapes.ttl").open("a", encoding="utf-8") as shapes:
        shapes.write(
            "\n@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
            "@prefix akg: <https://w3id.org/aseankg/ontology#> .\n"
            "@prefix schema: <https://schema.org/> .\n"
            "<https://w3id.org/aseankg/shapes#TestArticleAuthor> a sh:NodeShape ;\n"
            "  sh:targetClass akg:NewsArticle ;\n"
            "  sh:property [ sh:path schema:author ; sh:minCount 1 ;\n"
            '    sh:message "an article needs an author (a shape of this test)"@en ] .\n'
        )
    docs = write_articles(tmp_path / "docs", [811, 812, 813])
    given = files_of(docs[0].parent)
    before = Snapshot(store, server)
    result = cli("build", str(docs[0].parent), "--force", env={"ASEANKG_ROOT": str(root)}, store=store)
    assert result.returncode == 1, result.stderr
    text = " ".join(result.stderr.split())  # the console wraps long lines
    for doc in docs:
        assert f"refused {doc.name}: the graph does not conform to the shapes" in text
    assert "schema:author: an article needs an author" in text
    assert "the graph serving is unchanged" in text
    before.assert_unchanged()
    assert files_of(docs[0].parent) == given


def test_every_document_unreadable(store: Path, server: Server, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (docs / "thai-tis620.txt").write_bytes("ข่าวรัฐบาล".encode("tis-620"))
    given = files_of(docs)
    before = Snapshot(store, server)
    result = cli("build", str(docs), "--force", store=store)
    assert result.returncode == 1
    text = " ".join(result.stderr.split())
    assert "refused empty.txt: the file is empty" in text
    assert "refused binary.txt: the file is binary" in text
    assert "refused thai-tis620.txt: the file is not UTF-8" in text
    before.assert_unchanged()
    assert files_of(docs) == given


def test_an_empty_folder_builds_nothing(store: Path, server: Server, tmp_path: Path) -> None:
    before = Snapshot(store, server)
    (tmp_path / "nothing").mkdir()
    result = cli("build", str(tmp_path / "nothing"), "--force", store=store)
    assert result.returncode == 1 and "no article files" in result.stderr
    before.assert_unchanged()


def test_refused_documents_are_named_and_left_as_they_were(tmp_path: Path) -> None:
    """A build with good and bad documents: the good ones build, each bad one is named with its
    reason, and every file given stays byte for byte where it was."""
    docs = tmp_path / "docs"
    write_articles(docs, [821, 822])
    (docs / "latin1.txt").write_bytes("Café ข่าว".encode("utf-8").replace("é".encode(), b"\xe9"))
    (docs / "blank.txt").write_bytes(b"\n \n\t\n")
    (docs / "notes.md").write_text("not an article", encoding="utf-8")  # not a .txt: not read
    given = files_of(docs)
    result = cli("build", str(docs), store=tmp_path / "store")
    assert result.returncode == 2, result.stderr
    text = " ".join(result.stderr.split())
    assert "Documents read: 4, built: 2, refused: 2" in text
    assert "refused latin1.txt: the file is not UTF-8 (invalid byte at offset 3)" in text
    assert "refused blank.txt: the file is empty" in text
    assert files_of(docs) == given
    manifest = (tmp_path / "store" / "current" / "manifest.json").read_text(encoding="utf-8")
    assert "latin1.txt" in manifest and "blank.txt" in manifest


def _start_build(store: Path, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "aseankg.cli", "build", str(folder), "--force", "--store", str(store)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _kill(process: subprocess.Popen) -> None:
    assert process.poll() is None, "the build ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def test_kill_minus_nine_while_writing_the_generation(store: Path, server: Server, many: Path) -> None:
    before = Snapshot(store, server)
    process = _start_build(store, many)
    try:
        deadline = time.monotonic() + 300
        while not building(store):  # it has read every document and is writing the new generation
            assert process.poll() is None, "the build ended without writing a generation"
            assert time.monotonic() < deadline
            time.sleep(0.001)
        # Frozen where it is (writing takes a few hundred milliseconds, the poll one): the
        # server still serves the previous graph while the new one is half written.
        os.kill(process.pid, signal.SIGSTOP)
        assert building(store), "the build finished before it could be stopped"
        assert served(server) == before.dataset
        _kill(process)
    finally:
        if process.poll() is None:
            process.kill()
    assert building(store)  # what it was writing is left behind, not served
    before.assert_unchanged()
    # the next build clears the dead one's leftovers and switches
    docs = write_articles(many.parent.parent / "next", [801, 802, 803])
    result = run_cli("build", str(docs[0].parent), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert building(store) == []
    assert os.readlink(store / "current") != before.link
    with server.client() as http:
        r = http.get("/sparql", params={"query": "ASK { GRAPH <https://w3id.org/aseankg/graph/doc/803_invented> { ?s ?p ?o } }"},
                     headers={"Accept": "application/sparql-results+json"})
    assert r.json()["boolean"] is True


def test_kill_minus_nine_while_reading_documents(tmp_path: Path) -> None:
    """Killed while it reads a document (in its own store: the previous test switched the shared
    one). The last document is a named pipe no one writes to, so the build is surely blocked
    reading it, before it writes anything, when it is killed."""
    docs = write_articles(tmp_path / "docs", [831, 832])
    store = tmp_path / "store"
    assert run_cli("build", str(docs[0].parent), "--store", str(store)).returncode == 0
    pipe = tmp_path / "pipe" / "stalled.txt"
    pipe.parent.mkdir()
    os.mkfifo(pipe)
    srv = start_server(store)
    try:
        with srv.client() as http:
            first = http.get("/export/aseankg.nq").content
        link = os.readlink(store / "current")
        process = subprocess.Popen(
            [sys.executable, "-m", "aseankg.cli", "build", str(docs[0].parent), str(pipe), "--force", "--store", str(store)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 120
            while (writer := _writer(pipe)) is None:
                assert process.poll() is None, "the build ended without reading the pipe"
                assert time.monotonic() < deadline
                time.sleep(0.01)
            try:  # held open and silent: the build waits for bytes that never come
                time.sleep(0.2)
                _kill(process)
            finally:
                os.close(writer)
        finally:
            if process.poll() is None:
                process.kill()
        assert os.readlink(store / "current") == link
        assert building(store) == []
        with srv.client() as http:
            assert http.get("/export/aseankg.nq").content == first
    finally:
        stop_server(srv)


def _writer(pipe: Path) -> int | None:
    """A writing end of ``pipe`` once a process has it open for reading, else None."""
    try:
        return os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # ENXIO: no reader yet
        return None
