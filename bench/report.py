"""The results as Markdown (``RESULTS.md``), JSON (``results.json``) and PNG plots.

Targets are printed next to the measurements as PASS / MISS; nothing here asserts.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

GIB = 2**30
MIB = 2**20


def status(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def _row(results: dict, target: str, kind: str, c: int) -> dict | None:
    for row in results.get("queries", {}).get("rows", []):
        if row["target"] == target and row["kind"] == kind and row["concurrency"] == c:
            return row
    return None


def _num(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def targets(results: dict) -> list[tuple[str, str, str]]:
    """(target, measured, PASS/MISS) for every target of issue 8 (and the load test's)."""
    out: list[tuple[str, str, str]] = []
    build = results.get("build", {})
    sizes = {row["n"]: row for row in build.get("sizes", [])}
    big = sizes.get(max(sizes)) if sizes else None
    if big:
        real = big.get("real")
        if real:
            note = f"on the first {real['documents']:,} of {big['n']:,}" if real["sampled"] else f"on all {big['n']:,}"
            out.append((f"build ≥ 50 articles/s at N = {big['n']:,}, SHACL included",
                        f"{real['docs_per_s']} articles/s (`aseankg.build.build`, {real['workers']} processes, {note})",
                        status(real["docs_per_s"] >= 50)))
        note = f", sampled {big['processed']:,} of {big['n']:,}" if big["sampled"] else ""
        out.append(("build within 3× of bare segmentation (newmm), one process each",
                    f"{big['build_vs_segment']}× ({big['build_docs_per_s']} articles/s built vs "
                    f"{big['segment_docs_per_s']} articles/s segmented{note})",
                    status(big["build_vs_segment"] <= 3)))
    one = _row(results, "aseankg", "sparql-1hop", 1)
    if one:
        out.append(("HTTP 1-hop SPARQL p50 ≤ 5 ms", f"{_num(one['p50_ms'], 2)} ms", status(one["p50_ms"] <= 5)))
        for c in results.get("queries", {}).get("concurrency", [1]):
            ours, peer = _row(results, "aseankg", "sparql-1hop", c), _row(results, "rdflib-endpoint", "sparql-1hop", c)
            if ours and peer and peer["throughput"]:
                ratio = ours["throughput"] / peer["throughput"]
                out.append((f"1-hop throughput ≥ 10× rdflib-endpoint (c = {c})",
                            f"{ratio:,.1f}× ({_num(ours['throughput'])}/s vs {_num(peer['throughput'])}/s)", status(ratio >= 10)))
        direct, floor = _row(results, "pyoxigraph", "sparql-1hop", 1), _row(results, "http-floor", "http-floor", 1)
        if direct and floor:
            bound = direct["p50_ms"] + floor["p50_ms"]
            out.append(("1-hop p50 within 2× of pyoxigraph direct + HTTP",
                        f"{_num(one['p50_ms'], 2)} ms vs 2 × ({_num(direct['p50_ms'], 2)} + {_num(floor['p50_ms'], 2)}) ms = {_num(2 * bound, 2)} ms",
                        status(one["p50_ms"] <= 2 * bound)))
    triples = results.get("queries", {}).get("graph", {}).get("triples")
    for c in results.get("queries", {}).get("concurrency", [1]):
        hood = _row(results, "aseankg", "neighbourhood-2hop", c)
        if hood:
            out.append((f"2-hop neighbourhood p95 ≤ 50 ms at {_num(triples)} triples (c = {c})",
                        f"{_num(hood['p95_ms'])} ms", status(hood["p95_ms"] <= 50)))
    server = results.get("queries", {}).get("servers", {}).get("aseankg")
    load = results.get("load")
    peaks = [x for x in (server and server.get("peak_rss"), load and load.get("peak_rss")) if x]
    if peaks:
        processes = max((x.get("processes") or 1) for x in (server, load) if x)
        out.append((f"server peak RSS ≤ 1 GiB at {_num(triples)} triples",
                    f"{max(peaks) / MIB:,.0f} MiB (largest sampled sum over the server and its query workers, "
                    f"{processes} processes; queries and load test)", status(max(peaks) <= GIB)))
    if load:
        total = load["total"]
        out.append((f"load test: {load['clients']} clients × {load['seconds']:.0f} s without errors",
                    f"{total['errors']} errors in {total['requests'] + total['errors']:,} requests", status(total["errors"] == 0)))
    return out


def markdown(results: dict) -> str:
    m = results["machine"]
    lines = [
        "# aseankg benchmarks",
        "",
        f"Run {m['date']} by `{results['command']}` on {m['cpu']}, {m['nproc']} cores, {m['ram_gib']} GiB RAM, "
        f"{m['os']}, Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items())
        + f"; aseankg at {m['commit']}. Load average at the start and end of the run: {', '.join(map(str, m['load_average_at_start']))}"
        f" / {', '.join(map(str, m.get('load_average_at_end', [])))} "
        "(other engineers share this machine, so absolute numbers are noisy; the ratios are measured in the same run).",
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
    ]
    lines += [f"| {t} | {v} | **{s}** |" for t, v, s in targets(results)]
    lines += _build_section(results.get("build"))
    lines += _query_section(results.get("queries"))
    lines += _load_section(results.get("load"))
    plots = [p for p in ("build.png", "queries.png", "load.png") if p in results.get("plots", [])]
    if plots:
        lines += ["", "## Plots", ""] + [f"![{p[:-4]}]({p})" for p in plots]
    return "\n".join(lines) + "\n"


def _build_section(build: dict | None) -> list[str]:
    if not build:
        return []
    lines = ["", "## Build, by stage", ""]
    lines += [
        f"Generated Thai articles (`bench/corpus.py`, seed {build.get('seed')}, about {build['sizes'][0]['chars_mean']:,} characters each). "
        "The stages are the pipeline's own functions in one process (validation over batches as the build does it, its time "
        "shared by the batch), in milliseconds per article, next to PyThaiNLP's bare segmentation of the same texts in the "
        f"same process; then the real `aseankg.build.build` from the files to a committed store, with its pool of "
        f"{build.get('workers', '?')} processes (one per core). Time budget per size: {build.get('budget_s', '?')} s for the stages, "
        "and the real build on as many articles as one process would build in 1.5 times that.",
        "",
        "| N | articles measured | read | extract | map | validate (SHACL) | store | stages articles/s (1 process) | segmentation articles/s | stages ÷ segmentation | extraction ÷ segmentation | refused by SHACL | real build articles/s | real build on |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in build["sizes"]:
        ms = row["stage_ms_per_doc"]
        measured = f"{row['processed']:,} (sampled)" if row["sampled"] else f"{row['processed']:,}"
        real = row.get("real") or {}
        on = (f"{real['documents']:,}" + (" (first ones)" if real.get("sampled") else "")) if real else "–"
        lines.append(
            f"| {row['n']:,} | {measured} | {ms['read']} | {ms['extract']} | {ms['map']} | {ms['validate']} | {ms['store']} "
            f"| {row['build_docs_per_s']} | {row['segment_docs_per_s']} | {row['build_vs_segment']}× "
            f"| {row['extract_vs_segment']}× | {row['refused']} of {row['processed']} | {_num(real.get('docs_per_s'), 2)} | {on} |"
        )
    sampled = [r for r in build["sizes"] if r["sampled"]]
    if sampled:
        lines += ["", "Sampled sizes: the documents were taken in a seeded random order until the time budget was "
                  "spent; the per-article stages do not depend on N, so N articles would take about "
                  + ", ".join(f"{r['build_s_for_n'] / 60:,.0f} min in one process (N = {r['n']:,})" for r in sampled)
                  + ". The store stage was measured on the articles processed."]
    partial = [r for r in build["sizes"] if (r.get("real") or {}).get("sampled")]
    if partial:
        lines += ["", "The real build ran on the first K of the N articles (K: what one process builds in 1.5 times "
                  "the time budget at the stages' rate): " + ", ".join(f"{r['real']['documents']:,} of {r['n']:,} in {r['real']['seconds']} s"
                                                        for r in partial) + "."]
    reasons: dict[str, int] = {}
    for row in build["sizes"]:
        for reason, n in row.get("refused_reasons", {}).items():
            reasons[reason] = reasons.get(reason, 0) + n
    if reasons:
        lines += ["", "Why SHACL refused articles (validation still ran, so its time counts):", ""]
        lines += [f"- {n}× {reason}" for reason, n in sorted(reasons.items(), key=lambda kv: -kv[1])]
    found = [r["planted_found"] for r in build["sizes"] if r.get("planted_found") is not None]
    if found:
        lines += ["", f"Mentions the generator planted that extraction found (overlapping spans): {min(found):.0%}–{max(found):.0%}."]
    profile = build.get("profile")
    if profile:
        shares = ", ".join(f"{k} {v:.0%}" for k, v in profile["shares"].items())
        lines += ["", f"cProfile over {profile['documents']} articles ({profile['file']}): share of the per-article time: {shares}."]
    return lines


def _query_section(queries: dict | None) -> list[str]:
    if not queries:
        return []
    g = queries.get("graph", {})
    lines = [
        "", f"## Queries at {g.get('triples', 0):,} triples", "",
        f"Graph: `bench/graph.py`, {g.get('articles', 0):,} generated articles mapped by `aseankg.graph` into "
        f"{g.get('triples', 0):,} quads in named graphs ({g.get('store_quads', 0):,} in the store with the union default graph), "
        f"{(g.get('store_bytes') or 0) / MIB:,.0f} MiB on disk; generating and mapping took {g.get('generate_and_map_s')} s, "
        f"the store's commit (union default graph, optimize) {g.get('commit_s')} s. Each cell ran {queries['seconds_per_cell']} s; "
        "latencies in ms, throughput in requests/s. The client runs on the same two cores as the server.",
        "",
        "| query | target | concurrency | p50 | p95 | p99 | throughput | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    order = {"aseankg": 0, "pyoxigraph": 1, "http-floor": 2, "rdflib-endpoint": 3}
    rows = sorted(queries["rows"], key=lambda r: (r["kind"] == "http-floor", r["kind"], order.get(r["target"], 9), r["concurrency"]))
    for r in rows:
        lines.append(f"| {r['kind']} | {r['target']} | {r['concurrency']} | {_num(r['p50_ms'], 2)} | {_num(r['p95_ms'], 2)} "
                     f"| {_num(r['p99_ms'], 2)} | {_num(r['throughput'])} | {r['errors']} |")
    servers = queries.get("servers", {})
    a = servers.get("aseankg")
    if a:
        first = ", ".join(f"{k} {v:,.0f} ms" for k, v in a["first_request_ms"].items() if isinstance(v, (int, float)))
        lines += ["", f"`aseankg serve` ({a.get('processes', 1)} processes: the server and its query workers): answered "
                  f"{a['start_s']} s after start with {(a.get('rss_started') or 0) / MIB:,.0f} MiB RSS; "
                  f"first request of each kind (cold caches): {first}; RSS after warm-up {(a.get('rss_warm') or 0) / MIB:,.0f} MiB, "
                  f"largest sampled RSS {(a.get('peak_rss') or 0) / MIB:,.0f} MiB (the server process alone peaked at "
                  f"{(a.get('VmHWM') or 0) / MIB:,.0f} MiB)."]
    p = servers.get("rdflib-endpoint")
    if p:
        lines += ["", f"rdflib-endpoint (in-memory rdflib Dataset, union default graph): loading the same {p.get('quads') or 0:,} quads "
                  + f"took {p.get('load_s')} s; RSS {(p.get('VmRSS') or 0) / MIB:,.0f} MiB, peak {(p.get('VmHWM') or 0) / MIB:,.0f} MiB."]
    return lines


def _load_section(load: dict | None) -> list[str]:
    if not load:
        return []
    t = load["total"]
    mix = ", ".join(f"{k} {v}%" for k, v in load["mix"].items())
    lines = [
        "", "## Load test", "",
        f"{load['clients']} concurrent clients for {load['seconds']:.0f} s against a fresh `aseankg serve` on the same graph; mix: {mix}.",
        "",
        f"**{_num(t['throughput'])} requests/s**, p50 {_num(t['p50_ms'])} ms, p95 {_num(t['p95_ms'])} ms, p99 {_num(t['p99_ms'])} ms, "
        f"{t['errors']} errors{' (' + ', '.join(f'{k}: {v}' for k, v in t['error_kinds'].items()) + ')' if t['errors'] else ''}; "
        f"server RSS (with its {load.get('processes')} processes) {(load.get('rss_before') or 0) / MIB:,.0f} MiB before, "
        f"{(load.get('rss_after') or 0) / MIB:,.0f} MiB after, largest sample {(load.get('peak_rss') or 0) / MIB:,.0f} MiB "
        f"(sum of the processes' own peaks: {(load.get('hwm') or 0) / MIB:,.0f} MiB).",
        "",
        "| kind | requests | p50 | p95 | p99 | errors |",
        "|---|---|---|---|---|---|",
    ]
    for kind, s in load["per_kind"].items():
        lines.append(f"| {kind} | {s['requests']:,} | {_num(s['p50_ms'])} | {_num(s['p95_ms'])} | {_num(s['p99_ms'])} | {s['errors']} |")
    return lines


def plots(results: dict, out: Path) -> list[str]:
    """PNG plots of what was measured; the names of the files written."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    build = results.get("build")
    if build and build.get("sizes"):
        fig, ax = plt.subplots(figsize=(8, 3.6))
        stages = ("read", "extract", "map", "validate", "store")
        labels = [f"N = {r['n']:,}" for r in build["sizes"]]
        left = [0.0] * len(labels)
        for stage in stages:
            values = [r["stage_ms_per_doc"][stage] for r in build["sizes"]]
            ax.barh(labels, values, left=left, label=stage)
            left = [a + b for a, b in zip(left, values)]
        for i, r in enumerate(build["sizes"]):
            floor = 1000 / r["segment_docs_per_s"]
            ax.plot([floor, floor], [i - 0.4, i + 0.4], color="black", linewidth=2)
            if r.get("real"):
                ax.plot([1000 / r["real"]["docs_per_s"]], [i], marker="D", color="black", linestyle="",
                        label="real build (all processes)" if i == 0 else None)
        ax.axvline(20, color="grey", linestyle="--", linewidth=1)
        ax.text(20, len(labels) - 0.45, " 50 articles/s", color="grey", fontsize=8)
        ax.set_xlabel("ms per article (black tick: bare newmm segmentation of the same text)")
        ax.set_title("Build by stage")
        ax.legend(fontsize=8, ncol=6, loc="upper center", bbox_to_anchor=(0.5, -0.28))
        fig.tight_layout()
        fig.savefig(out / "build.png", dpi=110)
        plt.close(fig)
        written.append("build.png")
    queries = results.get("queries")
    if queries and queries.get("rows"):
        rows = queries["rows"]
        kinds = [k for k in dict.fromkeys(r["kind"] for r in rows) if k != "http-floor"]
        target_names = ["aseankg", "pyoxigraph", "rdflib-endpoint"]
        fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
        for ax, c in zip(axes, queries["concurrency"]):
            width = 0.27
            for j, target in enumerate(target_names):
                xs, ys, errs = [], [], []
                for i, kind in enumerate(kinds):
                    row = _row(results, target, kind, c)
                    if row and row["p50_ms"] is not None:
                        xs.append(i + (j - 1) * width)
                        ys.append(row["p50_ms"])
                        errs.append(max(0.0, (row["p95_ms"] or 0) - row["p50_ms"]))
                if xs:
                    ax.bar(xs, ys, width, yerr=[[0] * len(errs), errs], label=target, capsize=2)
            floor = _row(results, "http-floor", "http-floor", c)
            if floor:
                ax.axhline(floor["p50_ms"], color="grey", linestyle=":", linewidth=1, label="HTTP floor")
            ax.set_yscale("log")
            ax.set_xticks(range(len(kinds)))
            ax.set_xticklabels(kinds, rotation=20, fontsize=8)
            ax.set_ylabel("ms (bar p50, whisker p95)")
            ax.set_title(f"concurrency {c}")
            ax.legend(fontsize=7)
        fig.suptitle(f"Queries at {queries.get('graph', {}).get('triples', 0):,} triples")
        fig.tight_layout()
        fig.savefig(out / "queries.png", dpi=110)
        plt.close(fig)
        written.append("queries.png")
    load = results.get("load")
    if load and load.get("rss_timeline"):
        fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 3.4))
        ts = [t for t, _ in load["rss_timeline"]]
        a1.plot(ts, [v / MIB for _, v in load["rss_timeline"]])
        a1.axhline(1024, color="grey", linestyle="--", linewidth=1)
        a1.set_xlabel("s")
        a1.set_ylabel("server RSS (MiB)")
        a1.set_title(f"Load test: {load['clients']} clients")
        kinds = list(load["per_kind"])
        for q, marker in (("p50_ms", "o"), ("p95_ms", "s"), ("p99_ms", "^")):
            a2.plot(kinds, [load["per_kind"][k][q] or 0 for k in kinds], marker=marker, linestyle="", label=q[:3])
        a2.set_yscale("log")
        a2.set_ylabel("ms")
        a2.tick_params(axis="x", rotation=20, labelsize=8)
        a2.legend(fontsize=8)
        a2.set_title("latency by kind under load")
        fig.tight_layout()
        fig.savefig(out / "load.png", dpi=110)
        plt.close(fig)
        written.append("load.png")
    return written


def write(results: dict, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    results["plots"] = plots(results, out)
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    path = out / "RESULTS.md"
    path.write_text(markdown(results), encoding="utf-8")
    return path
