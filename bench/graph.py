"""A graph of about a million triples with the contract's shape, for the query benchmarks.

The generated articles of :mod:`bench.corpus` carry what was planted in them (entities,
mentions with offsets and sentences, facts); this module maps them with the real mapper
(:func:`aseankg.graph.document_quads`, :func:`aseankg.graph.lexicon_quads`,
:func:`aseankg.graph.ontology_quads`) into a store generation of :class:`aseankg.store.StoreDir`,
the layout ``aseankg serve --store`` reads. It skips extraction and validation, so a large
graph takes seconds, and its shape is exactly what the pipeline writes (one named graph per
document, the lexicon graph, the ontology graph, materialised super-classes, mentions).

The result is cached under ``bench/work/`` keyed by seed, size and a digest of the code that
shapes it (the generators, the mapper, the store) and the ontology, with an N-Quads dump
for the peer (rdflib-endpoint) and a workload: entities, names and queries drawn from the
graph with the same seed.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph

from aseankg.corpus import parse_document
from aseankg.graph import document_quads, lexicon_quads, ontology_quads
from aseankg.namespaces import AKG, doc_graph, entity_iri
from aseankg.store import StoreDir
from bench.corpus import Article, ArticleGenerator

__all__ = ["GraphData", "article_quads", "ensure_graph", "generate_graph", "workload"]

WORK = Path(__file__).parent / "work"
STATUS = AKG + "status"


@dataclass(frozen=True)
class GraphData:
    """A generated graph on disk."""

    root: Path  # the cache folder
    store_dir: StoreDir  # serve with `aseankg serve --store {root}/store`
    nquads: Path  # the same dataset as N-Quads
    meta: dict[str, Any]  # counts, timings and the workload

    @property
    def triples(self) -> int:
        return int(self.meta["triples"])


def article_quads(article: Article) -> list[pyoxigraph.Quad]:
    """The quads of one generated article's named graph, as the pipeline maps them."""
    document = parse_document(article.data(), article.identifier)
    quads = document_quads(document, article.planted)
    graph = pyoxigraph.NamedNode(doc_graph(article.identifier))
    for slug, status in sorted(article.statuses.items()):
        quads.append(pyoxigraph.Quad(
            pyoxigraph.NamedNode(entity_iri(slug)), pyoxigraph.NamedNode(STATUS),
            pyoxigraph.NamedNode(AKG + status), graph,
        ))
    return quads


def _fingerprint() -> str:
    """A digest of the code that shapes the generated graph (the generators, the mapper, the
    store layout) and of the ontology, so a change there rebuilds the cache. The lexicon is
    left out on purpose: it changes weekly and a few more or fewer names do not change what
    the query benchmarks measure, while regenerating a million triples takes minutes."""
    import aseankg.graph
    import aseankg.store
    from aseankg.paths import ONTOLOGY_FILE

    here = Path(__file__).parent
    files = [here / "corpus.py", here / "graph.py", Path(aseankg.graph.__file__), Path(aseankg.store.__file__),
             Path(ONTOLOGY_FILE)]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def generate_graph(root: Path, target: int, seed: int = 8, log=print) -> GraphData:
    """Generate articles until the store holds about ``target`` triples; write it under ``root``."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    store_dir = StoreDir(root / "store")
    generator = ArticleGenerator(seed)
    started = time.perf_counter()
    generation = store_dir.begin()
    store = generation.store
    assert store is not None
    ontology = ontology_quads()
    store.bulk_extend(ontology)
    total = len(ontology)
    mentioned: set[str] = set()
    batch: list[pyoxigraph.Quad] = []
    articles = 0
    # The lexicon graph adds a few thousand quads at the end; stop a little short of target.
    while total < target * 0.995:
        article = generator.article(articles)
        quads = article_quads(article)
        batch.extend(quads)
        total += len(quads)
        mentioned.update(s for s, e in article.planted.entities.items() if e.curated)
        articles += 1
        if len(batch) >= 100_000:
            store.bulk_extend(batch)
            batch.clear()
            log(f"  graph: {articles:,} articles, {total:,} quads ({time.perf_counter() - started:.0f} s)")
    store.bulk_extend(batch)
    lexicon = generator.lexicon
    store.bulk_extend(lexicon_quads(lexicon.entries[s] for s in sorted(mentioned)))
    mapped = time.perf_counter() - started
    triples = len(store)
    # The named graphs only: the peer makes its own union default graph.
    nquads = root / "data.nq"
    store.dump(str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
    dumped = time.perf_counter() - started
    generation.commit({
        "generator": "bench.graph", "seed": seed, "documents": articles, "triples": triples,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    })
    committed = time.perf_counter() - started
    reader = store_dir.open()
    meta = {
        "seed": seed, "target": target, "articles": articles, "triples": triples,
        "store_quads": len(reader),  # with the union default graph when commit writes one
        "generate_and_map_s": round(mapped, 1), "commit_s": round(committed - dumped, 1),
        "nquads_bytes": nquads.stat().st_size,
        "store_bytes": sum(p.stat().st_size for p in (store_dir.current() or root).rglob("*") if p.is_file()),
        "workload": workload(reader, seed),
    }
    (root / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return GraphData(root, store_dir, nquads, meta)


def ensure_graph(target: int, seed: int = 8, work: Path = WORK, log=print) -> GraphData:
    """The cached graph of about ``target`` triples for ``seed``, generated when missing."""
    root = work / f"graph-s{seed}-t{target}-{_fingerprint()}"
    meta_file = root / "meta.json"
    if meta_file.exists() and StoreDir(root / "store").current() is not None:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        return GraphData(root, StoreDir(root / "store"), root / "data.nq", meta)
    for stale in work.glob(f"graph-s{seed}-t{target}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    log(f"  generating a graph of about {target:,} triples in {root} (cached for next runs)")
    return generate_graph(root, target, seed, log)


# --------------------------------------------------------------------------------------
# The workload: what the query benchmarks ask for, drawn from the graph itself.

_BY_CLASS = """SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e a <{cls}> }} }} ORDER BY ?e"""
_LABELS = """
SELECT ?e ?th ?en WHERE {{
  VALUES ?e {{ {iris} }}
  GRAPH ?g {{ ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?th , ?en }}
  FILTER(LANG(?th) = "th" && LANG(?en) = "en")
}}"""


def workload(store: pyoxigraph.Store, seed: int, size: int = 200) -> dict[str, Any]:
    """Entities of each kind (IRIs), and names to search for, chosen with ``seed``."""
    rng = random.Random(f"{seed}/workload")

    def sample(cls: str, k: int) -> list[str]:
        rows = [r["e"].value for r in store.query(_BY_CLASS.format(cls=AKG + cls))]
        return sorted(rng.sample(rows, min(k, len(rows))))

    chosen = {
        "persons": sample("Person", size),
        "meetings": sample("Meeting", size // 2),
        "organizations": sample("Organization", size // 4),
        "positions": sample("Position", size // 4),
        "mous": sample("MoU", size // 4),
        "articles": sample("NewsArticle", size // 4),
    }
    names: list[str] = []
    people = chosen["persons"][: size // 2]
    if people:
        iris = " ".join(f"<{iri}>" for iri in people)
        rows = list(store.query(_LABELS.format(iris=iris)))
        for row in rows:
            th, en = row["th"].value, row["en"].value
            names += [th, en, th.split()[-1] if " " in th else th, en.split()[0]]
    for iri in chosen["meetings"][:20]:
        slug = iri.rsplit("/", 1)[1]
        names.append(slug.replace("-", " ").upper())
    names = sorted(set(names))
    rng.shuffle(names)
    chosen["names"] = names[: size]
    return chosen

