"""Limits that hold, over real HTTP on loopback against a real store: the time a query may take
(its worker process is killed and replaced, others are answered meanwhile), rows and bytes per
answer, request body and query length — each with a clear error.

The server runs with small limits, given both ways an operator can (options and environment).
No duration is asserted beyond generous sanity bounds.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from pyoxigraph import Literal, NamedNode, Quad

from aseankg.namespaces import doc_graph, entity_iri, node
from aseankg.store import StoreDir
from conftest import Server, start_server, stop_server

TIMEOUT = 2
MAX_ROWS = 1000
MAX_BYTES = 150_000
MAX_BODY = 20_000
MAX_QUERY = 8_000  # a Thai query this long is over 64 KiB in a URL
TRIPLES_PER_GRAPH = 1000
NEVER_YIELDS = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
JSON = {"Accept": "application/sparql-results+json"}


def write_store(root: Path) -> Path:
    """3,000 triples in three document graphs, written as a build writes them."""
    generation = StoreDir(root).begin()
    for g in range(3):
        graph = NamedNode(doc_graph(f"limits_{g}"))
        generation.store.extend(
            Quad(NamedNode(entity_iri(f"thing-{g}-{i}")), node("rdfs:label"), Literal(f"สิ่งที่ {g}-{i}", language="th"), graph)
            for i in range(TRIPLES_PER_GRAPH)
        )
    generation.commit({"note": "written by tests/web/test_limits.py"})
    return root


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    store = write_store(tmp_path_factory.mktemp("limits") / "store")
    srv = start_server(
        store,
        "--query-timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS), "--max-body-bytes", str(MAX_BODY),
        env={"AKG_MAX_RESPONSE_BYTES": str(MAX_BYTES), "AKG_MAX_QUERY_CHARS": str(MAX_QUERY), "AKG_QUERY_WORKERS": "2"},
    )
    with srv.client() as http:  # warm the per-generation caches (labels, search index)
        assert http.get("/api/search", params={"q": "สิ่งที่"}).status_code == 200
    yield srv
    stop_server(srv)


def query_workers(server: Server) -> set[int]:
    """The server's query worker processes (its children running aseankg.web.executor)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == server.process.pid and fields[0] != "Z" and b"aseankg.web.executor" in cmdline:
            found.add(int(stat.parent.name))
    return found


def wait_for_workers(server: Server, count: int) -> set[int]:
    deadline = time.monotonic() + 60
    while len(workers := query_workers(server)) != count:
        assert time.monotonic() < deadline, f"{len(workers)} query workers, expected {count}"
        time.sleep(0.1)
    return workers


def cut_stream(server: Server, params: dict, headers: dict) -> tuple[int, bytes]:
    """(status, bytes received) of a response that the server cuts short."""
    received = bytearray()
    with httpx.Client(base_url=server.base_url, timeout=60) as http:
        with pytest.raises(httpx.RemoteProtocolError):  # the body is not complete, and says so
            with http.stream("GET", "/sparql", params=params, headers=headers) as r:
                status = r.status_code
                for chunk in r.iter_raw():
                    received += chunk
    return status, bytes(received)


# --- time -------------------------------------------------------------------------------------


def test_a_query_that_never_yields_a_row_is_stopped_at_the_limit(limited: Server) -> None:
    before = wait_for_workers(limited, 2)
    answer: dict[str, httpx.Response] = {}

    def long_query() -> None:
        with httpx.Client(base_url=limited.base_url, timeout=120) as http:
            answer["r"] = http.get("/sparql", params={"query": NEVER_YIELDS}, headers=JSON)

    started = time.monotonic()
    thread = threading.Thread(target=long_query)
    thread.start()
    # Meanwhile, other clients are answered: the endpoint (by the other worker) and the pages.
    with limited.client() as http:
        time.sleep(0.3)
        ask = http.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers=JSON)
        assert thread.is_alive(), "the long query ended before the other client was answered"
        search = http.get("/api/search", params={"q": "สิ่งที่"})
        page = http.get("/id/thing-0-1", headers={"Accept": "text/turtle"})
    assert ask.status_code == 200 and ask.json()["boolean"] is True
    assert search.status_code == 200 and page.status_code == 200
    thread.join(timeout=120)
    elapsed = time.monotonic() - started
    r = answer["r"]
    assert r.status_code == 503
    assert f"longer than this endpoint's limit of {TIMEOUT} s and was stopped" in r.text
    assert elapsed < 60  # sanity only: it did not run to completion
    # the worker that ran it was killed (its work stopped) and a new one took its place
    after = wait_for_workers(limited, 2)
    assert len(before - after) == 1 and len(after - before) == 1
    killed = (before - after).pop()
    assert not Path(f"/proc/{killed}").exists() or "Z" in Path(f"/proc/{killed}/stat").read_text().rsplit(")", 1)[1][:3]


@pytest.mark.parametrize(
    "query",
    [
        "ASK { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?a) = CONCAT(STR(?d), STR(?g))) }",
        "CONSTRUCT { ?a ?b ?i } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?a) = CONCAT(STR(?d), STR(?g))) }",
        "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?a) = CONCAT(STR(?d), STR(?g))) }",
    ],
)
def test_every_query_form_times_out(limited: Server, query: str) -> None:
    with httpx.Client(base_url=limited.base_url, timeout=120) as http:
        r = http.get("/sparql", params={"query": query})
    assert r.status_code == 503 and "was stopped" in r.text
    with limited.client() as http:  # and the endpoint keeps answering
        assert http.get("/sparql", params={"query": "ASK {}"}, headers=JSON).json()["boolean"] is True


def test_a_small_query_after_timeouts_is_answered_at_once(limited: Server) -> None:
    wait_for_workers(limited, 2)
    with limited.client() as http:
        r = http.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"}, headers=JSON)
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 1


# --- rows and bytes ------------------------------------------------------------------------------


def test_more_rows_than_the_limit_end_with_an_error_and_a_cut_response(limited: Server) -> None:
    status, body = cut_stream(limited, {"query": "SELECT ?s WHERE { ?s ?p ?o }"}, JSON)
    assert status == 200  # the first rows went out before the limit was reached
    text = body.decode()
    assert text.rstrip().endswith(f"ERROR: the answer has more than {MAX_ROWS} rows, the most this endpoint sends; "
                                  "add LIMIT (and OFFSET to page through it)")
    assert 0 < text.count('{"s":') <= MAX_ROWS


def test_within_the_row_limit_is_complete(limited: Server) -> None:
    with limited.client() as http:
        r = http.get("/sparql", params={"query": f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}"}, headers=JSON)
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == MAX_ROWS


def test_more_triples_than_the_limit(limited: Server) -> None:
    status, body = cut_stream(limited, {"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, {"Accept": "application/n-triples"})
    assert status == 200
    assert f"ERROR: the answer has more than {MAX_ROWS} triples" in body.decode()


def test_more_bytes_than_the_limit_mid_stream(limited: Server) -> None:
    query = "SELECT (CONCAT(" + ", ".join(["STR(?s)"] * 5) + ") AS ?x) WHERE { ?s ?p ?o } LIMIT 900"  # ~190 bytes a row
    status, body = cut_stream(limited, {"query": query}, {"Accept": "text/csv"})
    assert status == 200
    assert body.decode().rstrip().endswith("ERROR: the answer is larger than this endpoint sends "
                                           f"({MAX_BYTES} bytes); ask for fewer rows (LIMIT, OFFSET to page) or fewer variables")
    assert len(body) <= MAX_BYTES + 500


def test_more_bytes_than_the_limit_before_the_first_rows_is_422(limited: Server) -> None:
    query = "SELECT (CONCAT(" + ", ".join(["STR(?s)"] * 12) + ") AS ?x) WHERE { ?s ?p ?o } LIMIT 900"  # ~450 bytes a row
    with limited.client() as http:
        r = http.get("/sparql", params={"query": query}, headers=JSON)
    assert r.status_code == 422
    assert f"larger than this endpoint sends ({MAX_BYTES} bytes)" in r.text


# --- request body and query length ---------------------------------------------------------------


def test_a_request_body_over_the_limit_is_413(limited: Server) -> None:
    query = "SELECT * WHERE { ?s ?p ?o } # " + "x" * MAX_BODY
    with limited.client() as http:
        declared = http.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})

        def chunks() -> Iterator[bytes]:  # no Content-Length: the server counts as it reads
            for i in range(0, len(query), 4096):
                yield query[i:i + 4096].encode()

        streamed = http.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
    for r in (declared, streamed):
        assert r.status_code == 413, r.text
        assert f"request body is larger than this endpoint accepts ({MAX_BODY} bytes)" in r.text


def test_a_query_over_the_length_limit_is_413(limited: Server) -> None:
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 # " + "x" * MAX_QUERY
    with limited.client() as http:
        by_get = http.get("/sparql", params={"query": query})
        by_form = http.post("/sparql", data={"query": query})
    for r in (by_get, by_form):
        assert r.status_code == 413, r.text
        assert f"more than the {MAX_QUERY} this endpoint accepts" in r.text


def raw_get(server: Server, target: str, piece: int = 4096) -> tuple[int, str]:
    """(status, body) of a GET whose head is sent in small pieces, as a slow network delivers
    a long URL (the HTTP server then holds an incomplete head)."""
    port = int(server.base_url.rsplit(":", 1)[1])
    request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\nConnection: close\r\n\r\n".encode()
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for i in range(0, len(request), piece):
            sock.sendall(request[i:i + piece])
            time.sleep(0.005)
        received = bytearray()
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = bytes(received).partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


def test_a_long_get_query_sent_slowly_gets_the_clear_error(limited: Server) -> None:
    """A Thai query is nine bytes a character in a URL: one just under the limit is answered,
    one just over it gets the 413 that names the limit (not the HTTP server's bare 400)."""
    def target(chars: int) -> str:
        query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 # "
        return "/sparql?query=" + quote(query + "ก" * (chars - len(query)))

    status, body = raw_get(limited, target(MAX_QUERY - 10))
    assert status == 200, body
    status, body = raw_get(limited, target(MAX_QUERY + 10))
    assert status == 413, body
    assert f"more than the {MAX_QUERY} this endpoint accepts" in body


def test_limits_given_wrongly_stop_the_server_from_starting(tmp_path: Path) -> None:
    from conftest import run_cli

    store = write_store(tmp_path / "store")
    result = run_cli("serve", "--store", str(store), "--port", "9", "--query-timeout", "0")
    assert result.returncode != 0 and "query_timeout must be positive" in result.stderr


def test_clients_that_go_away_stop_their_queries_without_killing_workers(tmp_path: Path) -> None:
    store = write_store(tmp_path / "store")
    srv = start_server(store, "--query-workers", "2")
    try:
        workers = wait_for_workers(srv, 2)
        with httpx.Client(base_url=srv.base_url, timeout=60) as http:
            for _ in range(6):
                with http.stream("GET", "/sparql", params={"query": "SELECT ?s ?o WHERE { ?s ?p ?o }"}) as r:
                    next(r.iter_raw())  # read the first chunk, then hang up
            for _ in range(4):  # every worker is free again
                ask = http.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers=JSON)
                assert ask.json()["boolean"] is True
        assert query_workers(srv) == workers  # asked to stop, not killed
    finally:
        stop_server(srv)
    output = srv.process.stdout.read().decode()
    assert "Traceback" not in output and "never retrieved" not in output, output


# --- waiting for a worker -----------------------------------------------------------------------


def test_queries_wait_in_turn_for_a_worker_and_a_full_queue_is_refused_at_once(tmp_path: Path) -> None:
    """One worker, room for one waiting query: the second query waits and is answered, the
    third is refused at once with a message that says the queue is full."""
    import asyncio
    from dataclasses import replace

    from aseankg.web.executor import Busy, Job, QueryPool
    from aseankg.web.limits import Limits

    generation = StoreDir(write_store(tmp_path / "store")).current()
    job = Job(query="SELECT * WHERE { ?s ?p ?o }", generation=str(generation), default_graph=None, named_graphs=None,
              results_format="json", graph_format=None, head=False, max_rows=MAX_ROWS, max_bytes=10 * MAX_BYTES)

    async def scenario() -> tuple[str, str]:
        pool = QueryPool(Limits(query_timeout=30, query_workers=1, query_queue=1), current=lambda: generation)
        await pool.start()
        try:
            first = await pool.run(job)  # its answer unread: it holds the one worker
            second = asyncio.ensure_future(pool.run(replace(job, query="ASK {}")))  # waits in turn
            await asyncio.sleep(0.2)
            try:
                await pool.run(replace(job, query="ASK {}"))
                third = "answered"
            except Busy as exc:
                third = str(exc)
            first.abandon()  # the first client goes away: its worker is free again
            answer = await asyncio.wait_for(second, 30)
            return answer.started.kind, third
        finally:
            await pool.close()

    second, third = asyncio.run(scenario())
    assert second == "boolean"  # the waiting query had its turn
    assert "1 queries are already waiting" in third
