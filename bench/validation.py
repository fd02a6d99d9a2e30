"""SHACL validation alone, both engines side by side: milliseconds per document.

    python -m bench.validation                       # the five articles + 1,000 generated ones
    python -m bench.validation --generated 200 --batch 200 --pyshacl 10

Documents are read and mapped once (the five articles in ``data/documents`` through the real
extraction; generated articles through what :mod:`bench.corpus` planted in them, as
:mod:`bench.graph` maps them), then validated as the build does: a batch of documents as one
dataset (their graphs and the lexicon graph of the entries they mention) with
:func:`aseankg.validate.validate_documents`, once per engine. pyshacl, the reference, is slow
(a few documents a second), so it validates a sample; its per-document time does not depend
on the batch. The two engines' verdicts are compared on every document both validated.

:func:`run` returns the numbers as a dict for ``python -m bench`` to report.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

import pyoxigraph

from aseankg.graph import document_quads, lexicon_quads
from aseankg.lexicon import Lexicon, load_lexicon
from aseankg.validate import ENGINES, Report, validate_documents
from aseankg.validate.shacl import load_plan

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "data" / "documents"


class Mapped:
    """One document's graph (its quads) and the lexicon entries it mentions."""

    def __init__(self, identifier: str, quads: list[pyoxigraph.Quad], curated: set[str]) -> None:
        self.identifier = identifier
        self.quads = quads
        self.curated = curated


def real_articles(lexicon: Lexicon, folder: Path = DOCUMENTS) -> list[Mapped]:
    """The articles of ``folder`` through reading, extraction and mapping."""
    from aseankg.corpus import read_document
    from aseankg.extract import extract

    found = []
    for path in sorted(folder.glob("*.txt")):
        document = read_document(path)
        try:
            extraction = extract(document, lexicon)
        except Exception:  # noqa: BLE001 - the build refuses such a document before validation too
            continue
        found.append(Mapped(document.identifier, document_quads(document, extraction),
                            {s for s in extraction.entities if s in lexicon.entries}))
    return found


def generated_articles(count: int, lexicon: Lexicon, seed: int = 8) -> list[Mapped]:
    """``count`` generated articles, mapped from what was planted in them."""
    from bench.corpus import ArticleGenerator
    from bench.graph import article_quads

    generator = ArticleGenerator(seed, lexicon)
    return [
        Mapped(a.identifier, article_quads(a), {s for s, e in a.planted.entities.items() if e.curated})
        for a in generator.articles(count)
    ]


def dataset(batch: list[Mapped], lexicon: Lexicon) -> list[pyoxigraph.Quad]:
    """A batch as the build validates it: the documents' graphs and one lexicon graph."""
    curated = set().union(*(m.curated for m in batch)) if batch else set()
    quads = [q for m in batch for q in m.quads]
    return quads + lexicon_quads(lexicon.entries[s] for s in sorted(curated))


def measure(documents: list[Mapped], lexicon: Lexicon, engine: str, batch: int) -> tuple[float, float, dict[str, Report]]:
    """(wall ms per document, CPU ms per document, reports by document) for ``engine`` in
    batches of ``batch``. CPU time is this process's: on a shared machine it moves less than
    the wall clock."""
    reports: dict[str, Report] = {}
    seconds = cpu = 0.0
    for start in range(0, len(documents), batch):
        quads = dataset(documents[start:start + batch], lexicon)  # not timed: the build has them
        began, began_cpu = time.perf_counter(), time.process_time()
        found = validate_documents(quads, engine=engine)
        seconds += time.perf_counter() - began
        cpu += time.process_time() - began_cpu
        reports.update({k: v for k, v in found.items() if k is not None})
    n = max(len(documents), 1)
    return 1000 * seconds / n, 1000 * cpu / n, reports


def compare(documents: list[Mapped], lexicon: Lexicon, batch: int, sample: int) -> dict[str, Any]:
    """Both engines on ``documents``: ms/document and whether their reports agree."""
    load_plan()  # compiled once per shapes file; not part of a document's cost
    validate_documents(dataset(documents[:1], lexicon))  # warm both code paths
    fast_ms, fast_cpu, fast = measure(documents, lexicon, "oxigraph", batch)
    chosen = documents[:sample]
    reference_ms, reference_cpu, reference = measure(chosen, lexicon, "pyshacl", 1) if chosen else (None, None, {})
    same = [fast[m.identifier] == reference[m.identifier] for m in chosen]
    return {
        "documents": len(documents),
        "batch": batch,
        "triples_per_document": round(statistics.mean(len(m.quads) for m in documents), 1) if documents else 0,
        "oxigraph_ms_per_document": round(fast_ms, 2),
        "oxigraph_cpu_ms_per_document": round(fast_cpu, 2),
        "pyshacl_documents": len(chosen),
        "pyshacl_ms_per_document": round(reference_ms, 1) if reference_ms is not None else None,
        "pyshacl_cpu_ms_per_document": round(reference_cpu, 1) if reference_cpu is not None else None,
        "speedup": round(reference_ms / fast_ms, 1) if reference_ms and fast_ms else None,
        "same_reports": f"{sum(same)}/{len(same)}",
        "refused": sum(1 for r in fast.values() if not r.conforms),
    }


def run(generated: int = 1000, batch: int = 200, sample: int = 10, seed: int = 8, log=print) -> dict[str, Any]:
    """The validation benchmark: the five real articles, then ``generated`` generated ones."""
    lexicon = load_lexicon()
    out: dict[str, Any] = {"engines": list(ENGINES)}
    real = real_articles(lexicon)
    out["real"] = compare(real, lexicon, batch, len(real))
    one_by_one = measure(real, lexicon, "oxigraph", 1)
    out["real"]["one_by_one_oxigraph_ms_per_document"] = round(one_by_one[0], 2)
    out["real"]["one_by_one_oxigraph_cpu_ms_per_document"] = round(one_by_one[1], 2)
    log(f"  real articles: {json.dumps(out['real'])}")
    if generated:
        made = generated_articles(generated, lexicon, seed)
        out["generated"] = compare(made, lexicon, batch, sample)
        log(f"  generated articles: {json.dumps(out['generated'])}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.validation", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generated", type=int, default=1000, help="generated articles (0: none)")
    parser.add_argument("--batch", type=int, default=200, help="documents per validation batch")
    parser.add_argument("--pyshacl", type=int, default=10, help="generated articles pyshacl also validates")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.generated, args.batch, args.pyshacl, args.seed), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
