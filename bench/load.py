"""The load test (issue 7): many concurrent clients for a fixed time, a mix of requests.

50 clients (threads, each with its own keep-alive connection) for 30 s against a fresh
``aseankg serve`` on the generated store: SPARQL SELECT (1-hop and 2-hop), SPARQL CONSTRUCT,
entity pages, 2-hop neighbourhoods and label searches, in a seeded random order. Reported:
throughput, p50 / p95 / p99 latency overall and per kind, errors (anything but 200, and
client-side failures), and the server's memory sampled every half second (VmRSS) and its
peak (VmHWM). Every loop stops by itself at the deadline; loopback only.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench import client
from bench.graph import GraphData
from bench.queries import CONSTRUCT, entities, requests, warm
from bench.servers import aseankg_server
from bench.stats import Sample

MIX = {  # kind -> share of requests
    "sparql-1hop": 20,
    "sparql-2hop": 10,
    "sparql-construct": 10,
    "entity-page": 20,
    "neighbourhood-2hop": 20,
    "search": 20,
}


def mixed(graph: GraphData, count: int = 5000) -> list[tuple[str, str, dict[str, str]]]:
    """``count`` requests (kind, path, headers) in the proportions of :data:`MIX`."""
    kinds = requests(graph)
    kinds["sparql-construct"] = [
        ("/sparql?" + urlencode({"query": CONSTRUCT.format(iri=i)}), {"Accept": "text/turtle"})
        for i in entities(graph, "persons", "meetings", "positions")
    ]
    rng = random.Random(f"{graph.meta['seed']}/load")
    names = list(MIX)
    picks = rng.choices(names, [MIX[n] for n in names], k=count)
    position = dict.fromkeys(names, 0)
    out = []
    for kind in picks:
        items = kinds[kind]
        path, headers = items[position[kind] % len(items)]
        position[kind] += 1
        out.append((kind, path, headers))
    return out


def run(graph: GraphData, clients: int, seconds: float, work: Path, log) -> dict[str, Any]:
    items = mixed(graph)
    per_kind: dict[str, Sample] = {k: Sample() for k in MIX}
    lock = threading.Lock()

    def call(state: client.Client, item: tuple[str, str, dict[str, str]]) -> bool | str:
        kind, path, headers = item
        began = time.perf_counter()
        status, _ = state.get(path, headers)
        elapsed = time.perf_counter() - began
        with lock:
            if status == 200:
                per_kind[kind].latencies.append(elapsed)
            else:
                per_kind[kind].error(f"HTTP {status}")
        return True if status == 200 else f"HTTP {status}"

    with aseankg_server(graph.store_dir.root, work / "logs" / "aseankg-serve-load.log") as server:
        warm(server, {k: [(p, h) for kk, p, h in items if kk == k] for k in MIX})
        rss_before = server.memory()
        timeline: list[tuple[float, int]] = []
        stop = threading.Event()

        def sample_memory() -> None:
            began = time.perf_counter()
            deadline = began + seconds + 60
            while not stop.is_set() and time.perf_counter() < deadline:
                timeline.append((round(time.perf_counter() - began, 2), server.memory().get("VmRSS", 0)))
                stop.wait(0.5)

        sampler = threading.Thread(target=sample_memory, daemon=True)
        sampler.start()
        log(f"  {clients} clients for {seconds:.0f} s")
        total = client.run(clients, seconds, items, call, setup=lambda: client.Client(server.port, timeout=60),
                           teardown=lambda s: s.close())
        stop.set()
        sampler.join(timeout=5)
        memory = server.memory()
    for sample in per_kind.values():
        sample.elapsed = total.elapsed
    summary = total.summary()
    log(f"    {summary['throughput']}/s, p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
        f"p99 {summary['p99_ms']} ms, errors {summary['errors']}, peak RSS {memory.get('VmHWM', 0) / 2**20:.0f} MiB")
    return {
        "clients": clients,
        "seconds": seconds,
        "mix": MIX,
        "total": summary,
        "per_kind": {k: s.summary() for k, s in per_kind.items()},
        "rss_before": rss_before.get("VmRSS"),
        "rss_after": memory.get("VmRSS"),
        "hwm": memory.get("VmHWM"),
        "rss_timeline": timeline,
    }
