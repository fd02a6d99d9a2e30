"""The load test (issue 7): many concurrent clients for a fixed time, a mix of requests.

50 clients (threads, each with its own keep-alive connection) for 30 s against a fresh
``aseankg serve`` on the generated store: SPARQL SELECT (1-hop and 2-hop), SPARQL CONSTRUCT,
entity pages, 2-hop neighbourhoods and label searches, in a seeded random order. Reported:
throughput, p50 / p95 / p99 latency overall and per kind, errors (anything but 200, and
client-side failures), and the server's memory sampled every half second (VmRSS) and its
peak, summed over the server and the query worker processes it starts. Every loop stops by
itself at the deadline; loopback only.
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
from bench.servers import Sampler, aseankg_server
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
        try:
            status, _ = state.get(path, headers)
        except Exception as exc:
            with lock:
                per_kind[kind].error(type(exc).__name__)
            raise
        elapsed = time.perf_counter() - began
        with lock:
            if status == 200:
                per_kind[kind].latencies.append(elapsed)
            else:
                per_kind[kind].error(f"HTTP {status}")
        return True if status == 200 else f"HTTP {status}"

    with aseankg_server(graph.store_dir.root, work / "logs" / "aseankg-serve-load.log") as server:
        warm(server, {k: [(p, h) for kk, p, h in items if kk == k] for k in MIX})
        before = server.memory()
        log(f"  {clients} clients for {seconds:.0f} s")
        with Sampler(server.pid, limit=seconds + 120) as sampler:
            total = client.run(clients, seconds, items, call, setup=lambda: client.Client(server.port, timeout=60),
                               teardown=lambda s: s.close())
        after = server.memory()
    for sample in per_kind.values():
        sample.elapsed = total.elapsed
    summary = total.summary()
    log(f"    {summary['throughput']}/s, p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
        f"p99 {summary['p99_ms']} ms, errors {summary['errors']}, peak RSS {sampler.peak / 2**20:.0f} MiB "
        f"({after.get('processes')} processes)")
    return {
        "clients": clients,
        "seconds": seconds,
        "mix": MIX,
        "total": summary,
        "per_kind": {k: s.summary() for k, s in per_kind.items()},
        "rss_before": before.get("tree_rss"),
        "rss_after": after.get("tree_rss"),
        "peak_rss": sampler.peak,  # the largest sampled sum over the server and its workers
        "hwm": after.get("tree_hwm"),  # sum of each process's VmHWM: an upper bound
        "processes": after.get("processes"),
        "rss_timeline": sampler.timeline,
    }
