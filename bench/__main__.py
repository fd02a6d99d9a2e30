"""``python -m bench`` (``make bench``): every benchmark, its targets, Markdown and plots.

    python -m bench                  # the full run (20-30 min on 2 cores), results in bench/results/
    python -m bench --quick          # a smoke run (2-4 min), results in bench/work/quick/
    python -m bench --only build     # one part: build, queries or load (comma-separated);
                                     # the other parts' last results are kept in the report

Generated corpora and graphs are cached under the work folder (bench/work/) across runs,
keyed by the code and data that shape them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from bench import machine, report

HERE = Path(__file__).resolve().parent
PARTS = ("build", "queries", "load")


def log(message: str) -> None:
    print(message, flush=True)


def options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes and short cells: a smoke run")
    parser.add_argument("--only", default=",".join(PARTS), help="parts to run: build, queries, load (comma-separated)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--sizes", help="build: corpus sizes, e.g. 100,1000,10000")
    parser.add_argument("--budget", type=float, help="build: seconds per size for the stages (the real build: about 1.5 times that at most)")
    parser.add_argument("--triples", type=int, help="queries and load: size of the generated graph")
    parser.add_argument("--seconds", type=float, help="queries: seconds per measured cell")
    parser.add_argument("--clients", type=int, default=50, help="load: concurrent clients")
    parser.add_argument("--load-seconds", type=float, help="load: duration")
    parser.add_argument("--no-peer", action="store_true", help="queries: skip rdflib-endpoint")
    parser.add_argument("--out", type=Path, help="where RESULTS.md, results.json and the plots go")
    parser.add_argument("--work", type=Path, default=HERE / "work", help="cached corpora and graphs, logs, scratch stores")
    args = parser.parse_args(argv)
    quick = args.quick
    args.sizes = [int(s) for s in (args.sizes or ("10,30" if quick else "100,1000,10000")).split(",")]
    args.budget = args.budget or (8.0 if quick else 60.0)
    args.triples = args.triples or (50_000 if quick else 1_000_000)
    args.seconds = args.seconds or (1.0 if quick else 8.0)
    args.load_seconds = args.load_seconds or (5.0 if quick else 30.0)
    args.out = args.out or (args.work / "quick" if quick else HERE / "results")
    args.parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s) {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = options(argv)
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    previous = args.out / "results.json"
    results = json.loads(previous.read_text(encoding="utf-8")) if previous.exists() else {}
    results["machine"] = machine.describe(HERE.parent)
    results["command"] = " ".join(["python -m bench", *(sys.argv[1:] if argv is None else argv)])
    log(f"aseankg benchmarks on {results['machine']['cpu']} ({results['machine']['nproc']} cores), "
        f"load average {results['machine']['load_average_at_start']}")
    began = time.perf_counter()
    if "build" in args.parts:
        from bench import pipeline

        log(f"build by stage, N = {', '.join(f'{n:,}' for n in args.sizes)}")
        results["build"] = pipeline.run(args.sizes, args.budget, args.seed, work, args.out, log, profiled=5 if args.quick else 20)
        results["build"]["seed"] = args.seed
        report.write(results, args.out)
    graph = None
    if "queries" in args.parts or "load" in args.parts:
        from bench.graph import ensure_graph

        log(f"graph of about {args.triples:,} triples")
        graph = ensure_graph(args.triples, args.seed, work, log)
    if "queries" in args.parts:
        from bench import queries

        log(f"queries at {graph.triples:,} triples")
        results["queries"] = queries.run(graph, args.seconds, (1, 8), work, log, peer=not args.no_peer)
        results["queries"]["graph"] = {k: v for k, v in graph.meta.items() if k != "workload"}
        report.write(results, args.out)
    if "load" in args.parts:
        from bench import load

        log(f"load test at {graph.triples:,} triples")
        results["load"] = load.run(graph, args.clients, args.load_seconds, work, log)
        results["load"]["triples"] = graph.triples
    results["seconds"] = round(time.perf_counter() - began)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in machine.load_average()]
    path = report.write(results, args.out)
    log("")
    for target, measured, verdict in report.targets(results):
        log(f"{verdict:5} {target}: {measured}")
    log(f"\n{path} written in {results['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
