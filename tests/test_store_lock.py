"""One writer at a time on a store (StoreDir.writing): ``aseankg add`` from the command line and
the server's ``POST /api/documents`` wait for each other, in real processes, and no document is
lost.

A third process holds the store's write lock, as a build does while it writes; the CLI add and
the server's upload both say they wait for it; once it commits, they write one after the other
and the final graph holds all three documents and the one built first.
"""

from __future__ import annotations

import select
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from conftest import ROOT, run_cli, start_server, stop_server
from invented_articles import write_articles

from aseankg.namespaces import doc_graph
from aseankg.store import StoreDir

TOKEN = "curator-" + "0c1d2e3f4a5b6c7d" * 2
WAITING = "waiting for it to finish"

# Holds the write lock, begins a generation from the current one, says so, and commits its own
# graph when told to (a line on stdin).
HOLDER = """
import sys
from pyoxigraph import Literal, NamedNode, Quad
from aseankg.store import StoreDir
root = StoreDir(sys.argv[1])
with root.writing():
    generation = root.begin(from_current=True)
    print("holding", flush=True)
    sys.stdin.readline()
    generation.store.add(Quad(NamedNode("https://w3id.org/aseankg/id/held"), NamedNode("http://example.org/p"),
                              Literal("x"), NamedNode(sys.argv[2])))
    generation.commit({"note": "the holder"})
"""


def read_until(stream, text: str, seconds: float = 120) -> str:
    """What ``stream`` (a pipe) says up to a line holding ``text``; stops at end of file or
    after ``seconds`` (a safety net against a hang, not a measurement)."""
    seen = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], 1)
        if not ready:
            continue
        line = stream.readline()
        if not line:
            break
        seen += line if isinstance(line, bytes) else line.encode()
        if text.encode() in seen:
            break
    return seen.decode(errors="replace")


def graphs(store: Path) -> set[str]:
    return {g.value for g in StoreDir(store).open().named_graphs()}


def test_cli_add_and_server_upload_wait_for_the_writer_and_lose_nothing(tmp_path: Path) -> None:
    first, by_cli, by_server = write_articles(tmp_path / "articles", [700, 701, 702])
    store = tmp_path / "store"
    built = run_cli("build", str(first), "--store", str(store))
    assert built.returncode == 0, built.stderr
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN)
    server = start_server(store, "--admin-token-file", str(token_file))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store), doc_graph("held")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    cli = None
    try:
        assert holder.stdout.readline().strip() == "holding"
        cli = subprocess.Popen(
            [sys.executable, "-m", "aseankg.cli", "add", str(by_cli), "--store", str(store)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        )
        assert WAITING in read_until(cli.stderr, WAITING)
        responses: list[httpx.Response] = []
        upload = threading.Thread(target=lambda: responses.append(httpx.post(
            server.base_url + "/api/documents", params={"filename": by_server.name},
            content=by_server.read_bytes(), timeout=300,
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
        )))
        upload.start()
        assert WAITING in read_until(server.process.stdout, WAITING)
        # neither wrote while the lock was held
        assert {g for g in graphs(store) if "/graph/doc/" in g} == {doc_graph(first.stem)}
        holder.communicate("go\n", timeout=60)
        assert holder.returncode == 0
        _, err = cli.communicate(timeout=300)
        assert cli.returncode == 0, err.decode()
        upload.join(timeout=300)
        assert responses and responses[0].status_code == 201, responses[0].text if responses else "no response"
    finally:
        for process in (holder, cli):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
        stop_server(server)
    documents = {g for g in graphs(store) if "/graph/doc/" in g}
    assert documents == {doc_graph(first.stem), doc_graph("held"), doc_graph(by_cli.stem), doc_graph(by_server.stem)}
