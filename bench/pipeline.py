"""The build, stage by stage, on generated corpora of N articles, next to its floor.

For each N, two measurements:

- the stages in one process, with the pipeline's own functions called as
  :mod:`aseankg.build` calls them: read (:func:`aseankg.corpus.read_document`), extract
  (:func:`aseankg.extract.extract`), map (:func:`aseankg.graph.document_quads`), validate
  (the build's SHACL step, ``aseankg.build._validated``, over batches of
  ``aseankg.build.VALIDATION_BATCH`` documents, its time shared by the batch) and store (the
  build's ``aseankg.build.load_generation`` into a new :class:`aseankg.store.StoreDir`
  generation, and its commit). The floor is PyThaiNLP's bare word segmentation (``newmm``)
  of the same texts in the same process: no extractor can do less than cut the text into
  words once, so "build ÷ segmentation" compares one core with one core;
- the real :func:`aseankg.build.build` (its pool of one process per core included) from the
  files to a committed store: the articles/s a user sees.

The per-document stages do not depend on N, so when a corpus would take longer than the time
budget the documents are taken in a seeded random order until the budget is spent and the
rest is extrapolated; the real build runs on the first K of the N articles, K chosen so that
it takes about the budget. The output says when either was sampled.
"""

from __future__ import annotations

import cProfile
import hashlib
import io
import math
import os
import pstats
import random
import re
import shutil
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pythainlp.tokenize import word_tokenize

from aseankg.corpus import DocumentError, read_document
from aseankg.graph import document_quads
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
    prepared: Any = None  # its aseankg.build.Prepared while it conforms, for the store stage
    found: int = 0  # planted mentions the extractor found (overlapping spans)
    planted: int = 0


def _mapped(path: Path, lexicon, generator: ArticleGenerator | None, floor: bool = True) -> tuple[Processed, Any]:
    """Read, extract and map ``path`` as ``aseankg.build`` does, each stage timed (and its
    bare segmentation when ``floor``); the document's :class:`aseankg.build.Prepared` (None
    when extraction failed)."""
    from aseankg.build import Prepared
    from aseankg.extract import extract

    t0 = time.perf_counter()
    document = read_document(path)
    t1 = time.perf_counter()
    try:
        extraction = extract(document, lexicon)
    except Exception as exc:  # noqa: BLE001 - the pipeline refuses such a document too
        t2 = time.perf_counter()
        seconds = {"read": t1 - t0, "extract": t2 - t1, "map": 0.0, "validate": 0.0}
        return Processed(path.name, seconds, _segment(document.text) if floor else 0.0, len(document.text), False,
                         f"extraction failed: {type(exc).__name__}"), None
    t2 = time.perf_counter()
    quads = document_quads(document, extraction)
    t3 = time.perf_counter()
    prepared = Prepared(document, extraction, quads)
    done = Processed(path.name, {"read": t1 - t0, "extract": t2 - t1, "map": t3 - t2, "validate": 0.0},
                     _segment(document.text) if floor else 0.0, len(document.text), prepared=prepared)
    if generator is not None:
        number = int(path.stem.split("_", 1)[0])
        planted = generator.article(number).planted.mentions
        spans = [(m.begin, m.end) for m in extraction.mentions]
        done.planted = len(planted)
        done.found = sum(1 for m in planted if any(b < m.end and m.begin < e for b, e in spans))
    return done, prepared


def _validate_batch(batch: list[tuple[Path, Processed, Any]], lexicon) -> None:
    """The build's own SHACL step over a batch (``aseankg.build._validated``: one dataset of
    the documents' graphs and the lexicon entries they mention, each judged on its own); its
    time is shared equally by the batch's documents."""
    from aseankg.build import _validated

    pending = [(path, prepared) for path, _, prepared in batch if prepared is not None]
    began = time.perf_counter()
    verdicts = dict(_validated(pending, lexicon)) if pending else {}
    share = (time.perf_counter() - began) / max(1, len(pending))
    for path, done, prepared in batch:
        if prepared is None:
            continue
        done.seconds["validate"] = share
        verdict = verdicts[path]
        done.conforms = not isinstance(verdict, DocumentError)
        if not done.conforms:
            done.reason = str(verdict).split(": ", 1)[-1][:160]
            done.prepared = None


def process_all(paths: list[Path], lexicon, budget: float = math.inf, generator: ArticleGenerator | None = None,
                log=None, label: str = "", floor: bool = True) -> list[Processed]:
    """Time the per-document stages over ``paths`` in order, validating ``VALIDATION_BATCH``
    documents at a time as the build does, until ``budget`` seconds are spent (the batch in
    hand is still validated)."""
    from aseankg.build import VALIDATION_BATCH

    done: list[Processed] = []
    batch: list[tuple[Path, Processed, Any]] = []
    began = time.perf_counter()
    for path in paths:
        if done and time.perf_counter() - began > budget:
            break
        item, prepared = _mapped(path, lexicon, generator, floor)
        done.append(item)
        batch.append((path, item, prepared))
        if len(batch) >= VALIDATION_BATCH:
            _validate_batch(batch, lexicon)
            batch = []
        if log and len(done) % 100 == 0:
            log(f"    {label}{len(done):,} documents, {time.perf_counter() - began:.0f} s")
    _validate_batch(batch, lexicon)
    return done


def _segment(text: str) -> float:
    began = time.perf_counter()
    word_tokenize(text, engine="newmm")
    return time.perf_counter() - began


def store_stage(done: list[Processed], lexicon, root: Path) -> tuple[float, int]:
    """Write the accepted documents into a new store generation with the build's own store
    step (``aseankg.build.load_generation``: ontology, the documents' graphs in one bulk load,
    lexicon graph, union default graph), then commit; (s, triples)."""
    from aseankg.build import load_generation

    if root.exists():
        shutil.rmtree(root)
    began = time.perf_counter()
    generation = StoreDir(root).begin()
    loaded = load_generation(generation, [d.prepared for d in done if d.conforms], lexicon)
    generation.commit({"generator": "bench.pipeline", "triples": loaded.triples}, union_written=loaded.union_written)
    seconds = time.perf_counter() - began
    shutil.rmtree(root, ignore_errors=True)
    return seconds, loaded.triples


def warm_up(paths: list[Path], lexicon) -> float:
    """Load what the first document loads (dictionaries, models, shapes); not counted."""
    began = time.perf_counter()
    process_all(paths[:2], lexicon)
    word_tokenize("ดีอี หารือทวิภาคี", engine="newmm")
    return time.perf_counter() - began


def workers() -> int:
    """The processes ``aseankg build`` prepares documents with on this machine."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cores, 8)


def real_build(paths: list[Path], work: Path) -> dict[str, Any]:
    """The real ``aseankg.build.build`` over ``paths`` into a fresh store, as a user runs it
    (its pool of one process per core included): articles/s from start to committed store."""
    from aseankg.build import build

    root = work / "store-real-build"
    shutil.rmtree(root, ignore_errors=True)
    began = time.perf_counter()
    result = build(paths, StoreDir(root), force=True)
    seconds = time.perf_counter() - began
    shutil.rmtree(root, ignore_errors=True)
    return {"documents": len(paths), "seconds": round(seconds, 1), "docs_per_s": round(len(paths) / seconds, 2),
            "built": len(result.built), "refused": len(result.refused), "triples": result.triples, "workers": workers()}


def bench_size(n: int, corpus: Path, budget: float, seed: int, lexicon, generator, work: Path, log) -> dict[str, Any]:
    """For the first ``n`` articles of ``corpus``: the stages in one process (a seeded random
    sample when they would take longer than ``budget`` s), then the real build on as many of
    them as it should finish in about ``budget`` s."""
    paths = sorted(corpus.glob("*.txt"))[:n]
    order = list(paths)
    random.Random(f"{seed}/order/{n}").shuffle(order)
    done = process_all(order, lexicon, budget, generator, log, f"N={n:,}: ")
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
    row = {
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
    # The real build on the first K of the n articles, K from the rate just measured in one
    # process, so that it takes at most about 1.5 × ``budget`` s (less when its pool gains).
    count = min(n, max(min(n, 100), int(k / build_s * budget * 1.5)))
    log(f"    real build on {count:,} of {n:,} articles ({workers()} processes)")
    row["real"] = real_build(paths[:count], work)
    row["real"]["sampled"] = count < n
    return row


def profile(paths: list[Path], lexicon, out: Path, limit: int = 25) -> dict[str, Any]:
    """cProfile of the per-document stages over ``paths``: the top functions, written to ``out``."""
    profiler = cProfile.Profile()
    profiler.enable()
    process_all(paths, lexicon, floor=False)
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)
    shown = text.getvalue().replace(str(Path(__file__).resolve().parents[1]) + "/", "")
    shown = re.sub(r"\S*/(?:site-packages|lib/python3\.\d+)/", "", shown)  # no machine paths in results
    out.write_text(f"cProfile of read+extract+map+validate (as the build does them, in one process) over {len(paths)} generated articles\n\n" + shown)
    total = stats.total_tt
    shares = {}
    for (file, _line, func), row in stats.stats.items():  # type: ignore[attr-defined]
        cumulative = row[3]
        for name, marker in (("extract", ("aseankg/extract/__init__.py", "extract")),
                             ("validate", ("aseankg/build.py", "_validate_all")),
                             ("segmentation inside the pipeline", ("pythainlp/tokenize/core.py", "word_tokenize"))):
            if file.endswith(marker[0]) and func == marker[1]:
                shares[name] = max(shares.get(name, 0.0), round(cumulative / total, 3))
    return {"documents": len(paths), "seconds": round(total, 2), "shares": shares, "file": out.name}


def _corpus_key(count: int, seed: int) -> str:
    """What the generated corpus depends on: its size and seed, the generator's code, the
    lexicon and PyThaiNLP (its name lists)."""
    from importlib.metadata import version
    from importlib.util import find_spec

    from aseankg.paths import LEXICON_DIR

    files = [Path(__file__).with_name("corpus.py")]
    files += [Path(find_spec(name).origin) for name in ("aseankg.namespaces", "aseankg.nlp.romanize")]
    files += sorted(p for p in Path(LEXICON_DIR).rglob("*") if p.is_file())
    digest = hashlib.sha256(f"{count} {seed} pythainlp {version('pythainlp')}\n".encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cached_corpus(folder: Path, count: int, seed: int, generator: ArticleGenerator) -> list[Path]:
    """The first ``count`` generated articles in ``folder``, written again only when what
    they depend on changed (writing 10,000 takes a minute)."""
    stamp = folder / f".complete-{count}"
    key = _corpus_key(count, seed)
    if stamp.exists() and stamp.read_text() == key:
        paths = sorted(folder.glob("*.txt"))[:count]
        if len(paths) == count:
            return paths
    stamp.unlink(missing_ok=True)
    paths = write_corpus(folder, count, seed, generator)
    stamp.write_text(key)
    return paths


def run(sizes: list[int], budget: float, seed: int, work: Path, results: Path, log, profiled: int = 20) -> dict[str, Any]:
    """The build benchmark: every size (stages, then the real build), and a profile."""
    lexicon = load_lexicon()
    generator = ArticleGenerator(seed, lexicon)
    corpus = work / f"corpus-s{seed}"
    began = time.perf_counter()
    paths = cached_corpus(corpus, max(sizes), seed, generator)
    log(f"  corpus: {len(paths):,} articles in {corpus} ({time.perf_counter() - began:.0f} s)")
    out: dict[str, Any] = {"corpus": corpus.name, "budget_s": budget, "workers": workers()}
    out["warm_up_s"] = round(warm_up(paths, lexicon), 1)
    out["sizes"] = []
    for n in sizes:
        log(f"  build N={n:,} (budget {budget:.0f} s for the stages, then the real build)")
        row = bench_size(n, corpus, budget, seed, lexicon, generator, work, log)
        log(f"    stages: {row['processed']:,} documents, {row['build_docs_per_s']} docs/s in one process, "
            f"{row['build_vs_segment']}x segmentation, refused {row['refused']}; real build: "
            f"{row['real']['docs_per_s']} docs/s on {row['real']['documents']:,}")
        out["sizes"].append(row)
    out["profile"] = profile(paths[:profiled], lexicon, results / "profile-build.txt")
    return out
