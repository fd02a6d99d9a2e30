"""The build, stage by stage, on generated corpora of N articles, next to its floor.

The stages are the pipeline's own functions, called as :mod:`aseankg.build` calls them:
read (:func:`aseankg.corpus.read_document`), extract (:func:`aseankg.extract.extract`), map
(:func:`aseankg.graph.document_quads` and the lexicon quads of the entities it names),
validate (the pipeline's SHACL step, ``aseankg.build._validate``) and store (a new
:class:`aseankg.store.StoreDir` generation: ontology, document graphs, lexicon graph,
commit). The floor is PyThaiNLP's bare word segmentation (``newmm``) of the same texts: no
extractor can do less than cut the text into words once.

The per-document stages do not depend on N, so when a corpus would take longer than its
time budget the documents are taken in a seeded random order until the budget is spent and
the rest is extrapolated (the output says so). The store stage is measured on the
documents processed.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import random
import shutil
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph
from pythainlp.tokenize import word_tokenize

from aseankg.corpus import DocumentError, read_document
from aseankg.graph import document_quads, lexicon_quads, ontology_quads
from aseankg.lexicon import load_lexicon
from aseankg.store import StoreDir
from bench.corpus import ArticleGenerator, write_corpus

STAGES = ("read", "extract", "map", "validate", "store")


@dataclass
class Processed:
    """One document through the per-document stages."""

    name: str
    seconds: dict[str, float]
    segment: float
    chars: int
    conforms: bool | None = None
    reason: str | None = None
    quads: list[pyoxigraph.Quad] = field(default_factory=list)
    curated: set[str] = field(default_factory=set)
    found: int = 0  # planted mentions the extractor found (overlapping spans)
    planted: int = 0


def _validator():
    """The pipeline's validation step (quads → report), as build.py runs it."""
    import aseankg.build

    step = getattr(aseankg.build, "_validate", None)
    if step is not None:
        return step

    from aseankg.validate import validate_graph

    def validate(quads: list[pyoxigraph.Quad], identifier: str):  # same conversion as build.py
        import rdflib

        data = pyoxigraph.serialize(
            [pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads], format=pyoxigraph.RdfFormat.N_TRIPLES
        )
        return validate_graph(rdflib.Graph().parse(data=data.decode(), format="nt"), document=identifier)

    return validate


def process(path: Path, lexicon, generator: ArticleGenerator | None = None) -> Processed:
    """Time each per-document stage of ``path`` and its bare segmentation."""
    from aseankg.extract import extract

    validate = _validator()
    t0 = time.perf_counter()
    document = read_document(path)
    t1 = time.perf_counter()
    try:
        extraction = extract(document, lexicon)
    except Exception as exc:  # noqa: BLE001 - the pipeline refuses such a document too
        t2 = time.perf_counter()
        seconds = {"read": t1 - t0, "extract": t2 - t1, "map": 0.0, "validate": 0.0}
        return Processed(path.name, seconds, _segment(document.text), len(document.text), False,
                         f"extraction failed: {type(exc).__name__}")
    t2 = time.perf_counter()
    quads = document_quads(document, extraction)
    curated = {s for s in extraction.entities if s in lexicon.entries}
    lexical = lexicon_quads(lexicon.entries[s] for s in sorted(curated))
    t3 = time.perf_counter()
    report = validate(quads + lexical, document.identifier)
    t4 = time.perf_counter()
    seconds = {"read": t1 - t0, "extract": t2 - t1, "map": t3 - t2, "validate": t4 - t3}
    reason = None
    if not report.conforms:
        first = next((v for v in report.violations if v.severity == "Violation"), None)
        reason = f"{first.path or ''}: {first.message}" if first else "does not conform"
    done = Processed(path.name, seconds, _segment(document.text), len(document.text), report.conforms, reason,
                     quads if report.conforms else [], curated if report.conforms else set())
    if generator is not None:
        number = int(path.stem.split("_", 1)[0])
        planted = generator.article(number).planted.mentions
        spans = [(m.begin, m.end) for m in extraction.mentions]
        done.planted = len(planted)
        done.found = sum(1 for m in planted if any(b < m.end and m.begin < e for b, e in spans))
    return done


def _segment(text: str) -> float:
    began = time.perf_counter()
    word_tokenize(text, engine="newmm")
    return time.perf_counter() - began


def store_stage(done: list[Processed], lexicon, root: Path) -> tuple[float, int]:
    """Write the accepted documents into a new store generation, as build.py does; (s, triples)."""
    if root.exists():
        shutil.rmtree(root)
    began = time.perf_counter()
    generation = StoreDir(root).begin()
    store = generation.store
    assert store is not None
    store.bulk_extend(ontology_quads())
    mentioned: set[str] = set()
    for item in done:
        if item.conforms:
            store.bulk_extend(item.quads)
            mentioned |= item.curated
    store.bulk_extend(lexicon_quads(lexicon.entries[s] for s in sorted(mentioned)))
    triples = len(store)
    generation.commit({"generator": "bench.pipeline", "triples": triples})
    seconds = time.perf_counter() - began
    shutil.rmtree(root, ignore_errors=True)
    return seconds, triples


def warm_up(paths: list[Path], lexicon) -> float:
    """Load what the first document loads (dictionaries, models, shapes); not counted."""
    began = time.perf_counter()
    for path in paths[:2]:
        process(path, lexicon)
    word_tokenize("ดีอี หารือทวิภาคี", engine="newmm")
    return time.perf_counter() - began


def bench_size(n: int, corpus: Path, budget: float, seed: int, lexicon, generator, work: Path, log) -> dict[str, Any]:
    """Documents/s by stage for the first ``n`` articles of ``corpus``, within ``budget`` s."""
    paths = sorted(corpus.glob("*.txt"))[:n]
    order = list(paths)
    random.Random(f"{seed}/order/{n}").shuffle(order)
    done: list[Processed] = []
    began = time.perf_counter()
    for path in order:
        if done and time.perf_counter() - began > budget:
            break
        done.append(process(path, lexicon, generator))
        if len(done) % 100 == 0:
            log(f"    N={n:,}: {len(done):,} documents, {time.perf_counter() - began:.0f} s")
    store_s, triples = store_stage(done, lexicon, work / f"store-{n}")
    k = len(done)
    totals = {stage: sum(d.seconds.get(stage, 0.0) for d in done) for stage in STAGES[:-1]}
    totals["store"] = store_s
    build_s = sum(totals.values())
    segment_s = sum(d.segment for d in done)
    extract_s = totals["extract"]
    refused = [d for d in done if not d.conforms]
    reasons = Counter(d.reason for d in refused)
    planted = sum(d.planted for d in done)
    return {
        "n": n,
        "processed": k,
        "sampled": k < n,
        "chars_mean": round(statistics.mean(d.chars for d in done)),
        "stage_ms_per_doc": {s: round(1000 * totals[s] / k, 2) for s in STAGES},
        "build_docs_per_s": round(k / build_s, 2),
        "build_s_for_n": round(build_s / k * n, 1),
        "extract_docs_per_s": round(k / extract_s, 2) if extract_s else None,
        "segment_docs_per_s": round(k / segment_s, 1),
        "build_vs_segment": round(build_s / segment_s, 1),
        "extract_vs_segment": round(extract_s / segment_s, 1) if segment_s else None,
        "refused": len(refused),
        "refused_reasons": dict(reasons.most_common(5)),
        "triples": triples,
        "planted_found": round(sum(d.found for d in done) / planted, 3) if planted else None,
    }


def profile(paths: list[Path], lexicon, out: Path, limit: int = 25) -> dict[str, Any]:
    """cProfile of the per-document stages over ``paths``: the top functions, written to ``out``."""
    profiler = cProfile.Profile()
    profiler.enable()
    for path in paths:
        process(path, lexicon)
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)
    out.write_text(f"cProfile of read+extract+map+validate over {len(paths)} generated articles\n\n" + text.getvalue())
    total = stats.total_tt
    shares = {}
    for (file, _line, func), row in stats.stats.items():  # type: ignore[attr-defined]
        cumulative = row[3]
        for name, marker in (("extract", ("aseankg/extract/pipeline.py", "extract_document")),
                             ("validate: pyshacl", ("pyshacl/entrypoints.py", "validate")),
                             ("validate", ("aseankg/build.py", "_validate")),
                             ("segmentation inside the pipeline", ("pythainlp/tokenize/core.py", "word_tokenize"))):
            if file.endswith(marker[0]) and func == marker[1]:
                shares[name] = max(shares.get(name, 0.0), round(cumulative / total, 3))
    return {"documents": len(paths), "seconds": round(total, 2), "shares": shares, "file": out.name}


def end_to_end(paths: list[Path], work: Path) -> dict[str, Any]:
    """The real ``aseankg.build.build`` over ``paths``: the check on the sum of the stages."""
    from aseankg.build import build

    root = work / "store-end-to-end"
    shutil.rmtree(root, ignore_errors=True)
    folder = work / "end-to-end"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in paths:
        (folder / path.name).write_bytes(path.read_bytes())
    began = time.perf_counter()
    result = build([folder], StoreDir(root), force=True)
    seconds = time.perf_counter() - began
    shutil.rmtree(root, ignore_errors=True)
    return {"documents": len(paths), "seconds": round(seconds, 1), "docs_per_s": round(len(paths) / seconds, 2),
            "built": len(result.built), "refused": len(result.refused), "triples": result.triples}


def run(sizes: list[int], budgets: dict[int, float], seed: int, work: Path, results: Path, log,
        check: bool = True) -> dict[str, Any]:
    """The build benchmark: every size, a profile, and the end-to-end check."""
    lexicon = load_lexicon()
    generator = ArticleGenerator(seed, lexicon)
    corpus = work / f"corpus-s{seed}"
    began = time.perf_counter()
    paths = write_corpus(corpus, max(sizes), seed, generator)
    log(f"  corpus: {len(paths):,} articles in {corpus} ({time.perf_counter() - began:.0f} s)")
    out: dict[str, Any] = {"corpus": str(corpus)}
    try:
        import aseankg.extract.pipeline  # noqa: F401 - extraction is there
    except ImportError as exc:
        out["error"] = f"extraction is not available yet ({exc}); only the floor was measured"
        segment = [_segment(read_document(p).text) for p in paths[: min(200, len(paths))]]
        out["segment_docs_per_s"] = round(len(segment) / sum(segment), 1)
        return out
    out["warm_up_s"] = round(warm_up(paths, lexicon), 1)
    out["sizes"] = []
    for n in sizes:
        log(f"  build N={n:,} (budget {budgets[n]:.0f} s)")
        row = bench_size(n, corpus, budgets[n], seed, lexicon, generator, work, log)
        log(f"    {row['processed']:,} documents: {row['build_docs_per_s']} docs/s, "
            f"{row['build_vs_segment']}x segmentation, refused {row['refused']}")
        out["sizes"].append(row)
    out["profile"] = profile(paths[: 20 if check else 5], lexicon, results / "profile-build.txt")
    if check:
        log("  end-to-end aseankg.build.build on the first 100 articles")
        out["end_to_end"] = end_to_end(paths[:100], work)
    return out
