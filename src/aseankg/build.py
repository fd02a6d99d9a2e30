"""The pipeline: documents → extraction → quads → validation → a new store generation.

Each document is handled on its own: one that cannot be read, extracted or validated is
refused with its name and the reason, and the others still build. The store switches to the
new generation only when it is complete (see :mod:`aseankg.store`).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph

from aseankg import __version__
from aseankg.corpus import Document, DocumentError, read_document
from aseankg.extract import extract
from aseankg.extract.model import Extraction
from aseankg.graph import document_quads, lexicon_quads, ontology_quads
from aseankg.lexicon import Lexicon, load_lexicon
from aseankg.namespaces import DOC_GRAPH, LEXICON_GRAPH, ONTOLOGY_GRAPH, doc_graph
from aseankg.store import Generation, StoreDir

SUFFIXES = {".txt"}
VALIDATION_BATCH = 200  # documents validated in one pass of the SHACL engine
PARALLEL_FROM = 50  # more documents than this are prepared by a pool of processes, one per core


@dataclass
class Outcome:
    """What became of one document."""

    name: str
    identifier: str
    built: bool
    reason: str | None = None
    entities: int = 0
    triples: int = 0


@dataclass
class BuildResult:
    outcomes: list[Outcome] = field(default_factory=list)
    entities: int = 0
    triples: int = 0
    seconds: float = 0.0
    up_to_date: bool = False
    generation: Path | None = None

    @property
    def built(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.built]

    @property
    def refused(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.built]


class Prepared:
    """A document that read, extracted and validated: its quads, ready to store.

    A pool worker sends the quads as N-Quads text, and the building process keeps that text
    for the store's bulk load: made into Python terms only when someone asks for them."""

    def __init__(
        self, document: Document, extraction: Extraction, quads: list[pyoxigraph.Quad] | None = None,
        *, nquads: bytes | None = None,
    ) -> None:
        assert quads is not None or nquads is not None
        self.document = document
        self.extraction = extraction
        self._quads = quads
        self._nquads = nquads

    @property
    def quads(self) -> list[pyoxigraph.Quad]:
        if self._quads is None:
            self._quads = list(pyoxigraph.parse(self._nquads, format=_WIRE))
        return self._quads

    @property
    def nquads(self) -> bytes:
        """The quads as N-Quads, one a line."""
        if self._nquads is None:
            self._nquads = pyoxigraph.serialize(self._quads, format=_WIRE) if self._quads else b""
        return self._nquads

    @property
    def triples(self) -> int:
        return len(self._quads) if self._quads is not None else self.nquads.count(b"\n")


def document_paths(paths: Iterable[Path]) -> list[Path]:
    """The article files named, folders expanded to their ``*.txt`` files, sorted."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def fingerprint(paths: Iterable[Path]) -> str:
    """A digest of everything that feeds the graph: documents, lexicon, ontology, shapes, code."""
    from aseankg.paths import LEXICON_DIR, ONTOLOGY_FILE, SHAPES_FILE

    digest = hashlib.sha256(f"aseankg {__version__}\n".encode())
    package = Path(__file__).parent
    inputs = list(paths) + [ONTOLOGY_FILE, SHAPES_FILE]
    inputs += sorted(p for p in Path(LEXICON_DIR).rglob("*") if p.is_file())
    inputs += sorted(package.rglob("*.py"))
    for path in inputs:
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()


def prepare(path: Path, lexicon: Lexicon) -> Prepared:
    """Read, extract, map and validate one document; raise DocumentError with the reason."""
    ((_, item),) = prepare_all([path], lexicon)
    if isinstance(item, DocumentError):
        raise item
    return item


def prepare_all(
    paths: Iterable[Path], lexicon: Lexicon, batch: int = VALIDATION_BATCH
) -> Iterator[tuple[Path, Prepared | DocumentError]]:
    """Each document read, extracted and mapped, then validated ``batch`` documents at a time
    (one pass of the SHACL engine for the batch, each document still judged on its own graph
    with the lexicon entries it mentions); in the order given, a Prepared document or the
    DocumentError that refuses it."""
    pending: list[tuple[Path, Prepared | DocumentError]] = []
    identifiers: set[str] = set()
    for path in paths:
        try:
            item: Prepared | DocumentError = _map(path, lexicon)
        except DocumentError as exc:
            item = exc
        if isinstance(item, Prepared) and (item.document.identifier in identifiers or len(identifiers) >= batch):
            yield from _validated(pending, lexicon)  # one graph per identifier in a batch
            pending, identifiers = [], set()
        pending.append((path, item))
        if isinstance(item, Prepared):
            identifiers.add(item.document.identifier)
    yield from _validated(pending, lexicon)


def prepare_many(
    paths: list[Path], lexicon: Lexicon, batch: int = VALIDATION_BATCH
) -> Iterator[tuple[Path, Prepared | DocumentError]]:
    """:func:`prepare_all`, by a pool of one process per core when there are more than
    :data:`PARALLEL_FROM` documents: chunks of documents go to the workers, which read,
    extract, map and validate them, and come back in the order given, so the result is the
    same as one process would give, in the same order. A pool that breaks (a worker killed)
    leaves the rest to this process."""
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8)
    if len(paths) <= PARALLEL_FROM or workers < 2:
        yield from prepare_all(paths, lexicon, batch)
        return
    size = max(1, min(batch, -(-len(paths) // (workers * 4))))  # a few chunks a worker, for balance
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    global _POOL_LEXICON
    from aseankg.extract.resources import resources_for

    resources_for(lexicon)  # built once here; forked workers inherit it
    _POOL_LEXICON = lexicon
    # fork starts the workers with everything loaded; a process with other threads (the web
    # server adding documents) must not fork, so it spawns them and they load the lexicon.
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    done = 0
    try:
        with ProcessPoolExecutor(workers, multiprocessing.get_context(method), initializer=_pool_start) as pool:
            for prepared in pool.map(_prepare_chunk, chunks, [batch] * len(chunks)):
                for path, item in prepared:
                    if isinstance(item, tuple):
                        document, extraction, data = item
                        item = Prepared(document, extraction, nquads=data)
                    yield path, item
                done += 1
    except BrokenProcessPool:
        for chunk in chunks[done:]:
            yield from prepare_all(chunk, lexicon, batch)
    finally:
        _POOL_LEXICON = None


_POOL_LEXICON: Lexicon | None = None  # the lexicon of a pool's workers
# Quads travel from the workers as N-Quads: pickling pyoxigraph terms one by one costs more
# than preparing the document.
_WIRE = pyoxigraph.RdfFormat.N_QUADS


def _pool_start() -> None:
    global _POOL_LEXICON
    if _POOL_LEXICON is None:  # a spawned worker: load it (a forked one has the parent's)
        _POOL_LEXICON = load_lexicon()


def _prepare_chunk(paths: list[Path], batch: int) -> list[tuple[Path, tuple | DocumentError]]:
    assert _POOL_LEXICON is not None
    return [
        (path, (item.document, item.extraction, item.nquads))
        if isinstance(item, Prepared) else (path, item)
        for path, item in prepare_all(paths, _POOL_LEXICON, batch)
    ]


def _map(path: Path, lexicon: Lexicon) -> Prepared:
    document = read_document(path)
    try:
        extraction = extract(document, lexicon)
    except Exception as exc:  # an extractor bug must not sink the other documents
        raise DocumentError(f"{path.name}: extraction failed ({type(exc).__name__}: {exc})") from exc
    return Prepared(document, extraction, document_quads(document, extraction))


def _validated(
    pending: list[tuple[Path, Prepared | DocumentError]], lexicon: Lexicon
) -> Iterator[tuple[Path, Prepared | DocumentError]]:
    """Validate the prepared documents of ``pending`` in one dataset; refuse those that fail."""
    prepared = [item for _, item in pending if isinstance(item, Prepared)]
    curated = {s for item in prepared for s in item.extraction.entities if s in lexicon.entries}
    quads = [q for item in prepared for q in item.quads]
    reports = _validate_all(quads + lexicon_quads(lexicon.entries[s] for s in sorted(curated))) if prepared else {}
    for path, item in pending:
        if isinstance(item, Prepared):
            report = reports[item.document.identifier]
            if not report.conforms:
                item = DocumentError(f"{path.name}: the graph does not conform to the shapes: {_shown(report)}")
        yield path, item


def _shown(report) -> str:
    shown = "; ".join(f"{v.focus_label or v.focus} {v.path or ''}: {v.message}" for v in report.violations[:5])
    more = f" (and {len(report.violations) - 5} more)" if len(report.violations) > 5 else ""
    return shown + more


def _validate_all(quads: list[pyoxigraph.Quad]) -> dict:
    """The SHACL step: a report per document of a dataset (aseankg.validate.validate_documents)."""
    from aseankg.validate import validate_documents

    return validate_documents(quads)


def _validate(quads: list[pyoxigraph.Quad], identifier: str):
    """One document's SHACL step: its graph's quads and its lexicon quads, its report."""
    return _validate_all(quads)[identifier]


Progress = Callable[[Outcome], None]


def build(
    paths: Iterable[Path],
    store_dir: StoreDir,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> BuildResult:
    """Build a new graph from ``paths`` (files or folders) into a new store generation
    (holding the store's write lock: one build or add at a time)."""
    with store_dir.writing():
        return _run(document_paths(paths), store_dir, replace=True, force=force, progress=progress)


def add(paths: Iterable[Path], store_dir: StoreDir, *, progress: Progress | None = None) -> BuildResult:
    """Add (or replace) the graphs of these documents in a copy of the current store
    (holding the store's write lock, so two adds never copy the same generation)."""
    with store_dir.writing():
        return _run(document_paths(paths), store_dir, replace=False, force=True, progress=progress)


def _run(
    files: list[Path],
    store_dir: StoreDir,
    *,
    replace: bool,
    force: bool,
    progress: Progress | None,
) -> BuildResult:
    started = time.perf_counter()
    result = BuildResult()
    digest = fingerprint(files)
    manifest = store_dir.manifest()
    if replace and not force and manifest and manifest.get("fingerprint") == digest:
        result.up_to_date = True
        result.entities = manifest.get("entities", 0)
        result.triples = manifest.get("triples", 0)
        return result

    lexicon = load_lexicon()
    prepared: list[Prepared] = []
    for path, item in prepare_many(files, lexicon):
        if isinstance(item, DocumentError):
            outcome = Outcome(path.name, path.stem, False, str(item))
        else:
            prepared.append(item)
            outcome = Outcome(
                path.name, path.stem, True, None, len(item.extraction.entities), item.triples
            )
        result.outcomes.append(outcome)
        if progress:
            progress(outcome)

    if not prepared:
        # Nothing built (every document refused, or none given): the graph serving stays.
        result.seconds = time.perf_counter() - started
        return result
    generation = store_dir.begin(from_current=not replace)
    try:
        loaded = load_generation(generation, prepared, lexicon, replace=replace)
        result.triples, result.entities = loaded.triples, loaded.entities
        generation.commit(
            {
                "fingerprint": digest if replace else None,
                "version": __version__,
                "documents": loaded.documents,
                "entities": loaded.entities,
                "triples": loaded.triples,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "refused": {o.name: o.reason for o in result.refused},
            },
            union_written=loaded.union_written,
        )
        result.generation = generation.path
    except BaseException:
        generation.abort()
        raise
    result.seconds = time.perf_counter() - started
    return result


@dataclass
class Loaded:
    """What :func:`load_generation` put into a generation: its counts, for the manifest, and
    whether the union default graph is written (pass it on to ``Generation.commit``)."""

    triples: int  # every quad of every named graph
    entities: int
    documents: int
    union_written: bool


def load_generation(generation: Generation, prepared: list[Prepared], lexicon: Lexicon, *,
                    replace: bool = True) -> Loaded:
    """Load prepared documents into a generation being written, as a build does: the ontology
    graph, the documents' graphs in one bulk load, the lexicon graph of what they mention and,
    for a new store (``replace``), the union default graph from the same text; then
    ``generation.commit(manifest, union_written=loaded.union_written)``. Adding
    (``replace=False``), a document replaces the graph it had."""
    store = generation.store
    assert store is not None
    # The ontology graph as the file says now (an add too: its labels may have changed).
    ontology_graph = pyoxigraph.NamedNode(ONTOLOGY_GRAPH)
    if store.contains_named_graph(ontology_graph):
        store.remove_graph(ontology_graph)
    ontology = ontology_quads()
    store.bulk_extend(ontology)
    # One bulk load for all the documents' graphs (a load per document costs ten times
    # more). Adding, a document replaces the graph it had; a later file with the same
    # identifier replaces an earlier one, as it would have one by one.
    last = {item.document.identifier: i for i, item in enumerate(prepared)}
    for identifier in last:
        graph = pyoxigraph.NamedNode(doc_graph(identifier))
        if not replace and store.contains_named_graph(graph):
            store.remove_graph(graph)
    # As N-Quads text: the pool's workers sent it so, and Oxigraph parses it faster than
    # Python hands it terms. Lenient: the text is pyoxigraph's own serialisation of terms it
    # has already checked, so the parser need not check every IRI again.
    chosen = [item for i, item in enumerate(prepared) if replace or last[item.document.identifier] == i]
    store.bulk_load(b"".join(item.nquads for item in chosen), format=_WIRE, lenient=True)
    lexicon_graph = pyoxigraph.NamedNode(LEXICON_GRAPH)
    if store.contains_named_graph(lexicon_graph):
        store.remove_graph(lexicon_graph)
    mentioned = _mentioned_curated(store, lexicon)
    curated = lexicon_quads(lexicon.entries[s] for s in sorted(mentioned))
    store.bulk_extend(curated)
    triples = len(store)  # every quad of every graph, counted by the store
    entities = _count_entities(store)
    documents = _count_documents(store)
    # A new store's union default graph, from what was just loaded (see write_union).
    union = _union_text(chosen) if replace else None
    if union is not None:
        default = pyoxigraph.DefaultGraph()
        store.bulk_load(union, format=pyoxigraph.RdfFormat.N_TRIPLES, to_graph=default, lenient=True)
        store.bulk_extend(pyoxigraph.Quad(q.subject, q.predicate, q.object, default)
                          for q in (*ontology, *curated))
    return Loaded(triples, entities, documents, union is not None)


def _union_text(items: list[Prepared]) -> bytes | None:
    """The documents' quads as N-Triples for the union default graph: each document's N-Quads
    lines with its graph name cut off (every line ends with it), or None if one does not."""
    parts = []
    for item in items:
        suffix = f" <{doc_graph(item.document.identifier)}> .\n".encode()
        text = item.nquads
        triples = text.replace(suffix, b" .\n")
        if (len(text) - len(triples)) != text.count(b"\n") * (len(suffix) - 3):
            return None
        parts.append(triples)
    return b"".join(parts)


def _mentioned_curated(store: pyoxigraph.Store, lexicon: Lexicon) -> set[str]:
    from aseankg.namespaces import AKGID

    found = set()
    rows = store.query(
        "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e <https://w3id.org/aseankg/ontology#mentionedIn> ?a } "
        f'FILTER(STRSTARTS(STR(?g), "{DOC_GRAPH}")) }}'
    )
    for row in rows:
        slug = row["e"].value.removeprefix(AKGID)
        if slug in lexicon.entries:
            found.add(slug)
    return found


def _count_entities(store: pyoxigraph.Store) -> int:
    rows = store.query(
        "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e <https://w3id.org/aseankg/ontology#mentionedIn> ?a } }"
    )
    return int(next(iter(rows))["n"].value)


def _count_documents(store: pyoxigraph.Store) -> int:
    rows = store.query(
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a a <https://w3id.org/aseankg/ontology#NewsArticle> } }"
    )
    return int(next(iter(rows))["n"].value)
