"""The embedded Oxigraph store, kept as generations so that a build never touches the graph serving.

Layout of a store directory (default ``var/store``, or ``$AKG_STORE``)::

    var/store/
      current -> generations/20261122T020000-4242   # a symlink, swapped atomically
      generations/20261122T020000-4242/oxigraph/    # the Oxigraph database
      generations/20261122T020000-4242/manifest.json
      generations/20261122T031500-4301.building/    # a build in progress (or one that died)

A build writes a new generation and switches ``current`` to it only when it is complete and
valid; a build that fails or is killed leaves ``current`` as it was. Readers open the current
generation read-only and reopen when ``current`` moves.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph

from aseankg.namespaces import PREFIXES
from aseankg.sparql_text import has_dataset_clause

DEFAULT_STORE = Path("var/store")
_BUILDING = ".building"
_WRITE_LOCK = ".write.lock"
log = logging.getLogger(__name__)


def default_store_dir() -> Path:
    """``$AKG_STORE`` when set, else ``var/store`` under the working directory."""
    return Path(os.environ.get("AKG_STORE") or DEFAULT_STORE)


class StoreNotFound(FileNotFoundError):
    """No graph has been built into this store directory yet."""


class StoreDir:
    """A store directory and its generations."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else default_store_dir()
        self.generations = self.root / "generations"
        self.link = self.root / "current"

    def current(self) -> Path | None:
        """The generation serving now, or None before the first build."""
        try:
            target = os.readlink(self.link)
        except OSError:
            return None
        path = (self.root / target).resolve()
        return path if (path / "oxigraph").is_dir() else None

    def manifest(self) -> dict[str, Any] | None:
        current = self.current()
        if current is None:
            return None
        try:
            return json.loads((current / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def open(self) -> pyoxigraph.Store:
        """The current generation, read-only."""
        current = self.current()
        if current is None:
            raise StoreNotFound(
                f"no graph in {self.root}: run `aseankg build` (or `make serve`) first"
            )
        return pyoxigraph.Store.read_only(str(current / "oxigraph"))

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One writer at a time on this store, across threads and processes: ``aseankg build``,
        ``aseankg add`` and the server's upload each hold it while they write, since a
        generation begun from the current one and committed after another writer's would
        drop that writer's graphs. An advisory lock (``flock``) on ``<store>/.write.lock``:
        the kernel releases it when its holder dies."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / _WRITE_LOCK).open("a") as lock:  # a new open file: threads exclude each other too
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                log.warning("another build or add is writing %s: waiting for it to finish", self.root)
                fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def begin(self, from_current: bool = False) -> Generation:
        """Start a new generation, empty or a copy of the current one."""
        self.generations.mkdir(parents=True, exist_ok=True)
        self._remove_dead_builds()
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        name = f"{stamp}-{os.getpid()}-{time.time_ns()}"
        path = self.generations / (name + _BUILDING)
        path.mkdir()
        try:
            current = self.current()
            if from_current and current is not None:
                pyoxigraph.Store.read_only(str(current / "oxigraph")).backup(str(path / "oxigraph"))
            generation = Generation(self, path)
        except BaseException:  # e.g. the disk is full: leave nothing half-made behind
            shutil.rmtree(path, ignore_errors=True)
            raise
        if from_current and generation.store is not None:
            # The copied union is stale once graphs change; commit writes it anew.
            generation.store.clear_graph(pyoxigraph.DefaultGraph())
        return generation

    def _remove_dead_builds(self) -> None:
        for path in self.generations.glob("*" + _BUILDING):
            pid = int(path.name.split("-")[1]) if path.name.count("-") >= 2 else 0
            if pid != os.getpid() and not _alive(pid):
                shutil.rmtree(path, ignore_errors=True)

    def _prune(self, keep: int = 2) -> None:
        """Remove old generations, keeping the newest ``keep`` (a reader may still hold the previous)."""
        done = sorted(
            (p for p in self.generations.iterdir() if not p.name.endswith(_BUILDING)),
            key=_started,
        )
        current = self.current()
        for path in done[:-keep]:
            if path != current:
                shutil.rmtree(path, ignore_errors=True)


def _started(path: Path) -> int:
    """When a generation was begun (the nanoseconds its name ends with), for ordering."""
    try:
        return int(path.name.removesuffix(_BUILDING).rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return 0


class Generation:
    """A store being written; :meth:`commit` makes it the current one."""

    def __init__(self, owner: StoreDir, path: Path) -> None:
        self.owner = owner
        self.path = path
        self.store: pyoxigraph.Store | None = pyoxigraph.Store(str(path / "oxigraph"))

    def commit(self, manifest: dict[str, Any], union_written: bool = False) -> Path:
        """Write the union default graph (see :func:`write_union`), flush, close, and switch
        ``current`` to this generation atomically."""
        assert self.store is not None
        write_union(self.store, union_written)
        self.store.flush()
        self.store.optimize()
        self.store = None  # closes the database and releases its lock
        final = self.path.with_name(self.path.name.removesuffix(_BUILDING))
        (self.path / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        os.replace(self.path, final)
        self.path = final
        tmp_link = self.owner.root / f".current-{os.getpid()}"
        if tmp_link.is_symlink() or tmp_link.exists():
            tmp_link.unlink()
        os.symlink(Path("generations") / final.name, tmp_link)
        os.replace(tmp_link, self.owner.link)
        self.owner._prune()
        return final

    def abort(self) -> None:
        """Drop this generation; the current one is untouched."""
        self.store = None
        shutil.rmtree(self.path, ignore_errors=True)


class LiveStore:
    """The store a server reads: reopens the current generation when a build switches it."""

    def __init__(self, root: StoreDir) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._path: Path | None = None
        self._store: pyoxigraph.Store | None = None

    def get(self) -> pyoxigraph.Store:
        current = self.root.current()
        if current is None:
            if self._store is not None:
                return self._store
            raise StoreNotFound(f"no graph in {self.root.root}: run `aseankg build` first")
        if current != self._path:
            with self._lock:
                if current != self._path:
                    self._store = pyoxigraph.Store.read_only(str(current / "oxigraph"))
                    self._path = current
        assert self._store is not None
        return self._store


def write_union(store: pyoxigraph.Store, written: bool = False) -> None:
    """Write the union of the named graphs into the default graph, each triple once.

    The SPARQL default graph is the union of all named graphs (the contract), and a union is
    a set: a fact stated by two documents is one triple of it; where two documents name one
    entity differently in one language, it keeps one prefLabel (:func:`demoted_labels`). Oxigraph 0.5's own union
    default graph yields such a triple once per graph (oxigraph/oxigraph#1919), which doubles
    rows and counts; a materialised default graph is a real set, and one index to read.

    ``written``: the caller has already loaded every named graph's triples into the default
    graph, from the text it loaded the graphs from (a build does: reading a store's quads back
    costs more than loading them); only the names are settled here.
    """
    default = pyoxigraph.DefaultGraph()
    demoted = demoted_labels(store)
    if written:
        for s, o in demoted:
            for naming in _NAMING:
                store.remove(pyoxigraph.Quad(s, naming, o, default))
    else:
        store.clear_graph(default)
        named = list(store.quads_for_pattern(None, None, None, None))  # read before writing
        store.bulk_extend(
            pyoxigraph.Quad(q.subject, q.predicate, q.object, default)
            for q in named
            if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)
            and not (demoted and q.predicate in _NAMING and (q.subject, q.object) in demoted)
        )
    store.bulk_extend(pyoxigraph.Quad(s, _ALT_LABEL, o, default) for s, o in sorted(demoted, key=str))


_PREF_LABEL = pyoxigraph.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
_ALT_LABEL = pyoxigraph.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
_NAMING = (_PREF_LABEL, pyoxigraph.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"))


def demoted_labels(store: pyoxigraph.Store) -> set[tuple[pyoxigraph.NamedNode, pyoxigraph.Literal]]:
    """The prefLabels the union gives as altLabels: one entity, one language, several names.

    An entity found by patterns is named in each document's graph as that article names it,
    so two articles can give it two English prefLabels; the union would then break "at most
    one prefLabel per language" (SKOS, the contract). The union keeps the name the most
    documents' graphs give it, and of those the first in code-point order: a choice that
    depends only on what the graphs say, not on the order documents were built or added. The
    others stay in the union as altLabels (and leave its rdfs:label); each document's graph
    keeps its own names.
    """
    # Oxigraph finds the entities with two names in one language (few), and gives each of
    # their names with the number of graphs that give it: no Python term per prefLabel.
    rows = store.query(
        f"SELECT ?s ?label (COUNT(DISTINCT ?g) AS ?graphs) WHERE {{ "
        f"{{ SELECT ?s ?language WHERE {{ GRAPH ?h {{ ?s <{_PREF_LABEL.value}> ?l }} FILTER(isLiteral(?l)) }} "
        f"GROUP BY ?s (LANG(?l) AS ?language) HAVING (COUNT(DISTINCT ?l) > 1) }} "
        f"GRAPH ?g {{ ?s <{_PREF_LABEL.value}> ?label }} FILTER(isLiteral(?label) && LANG(?label) = ?language) }} "
        f"GROUP BY ?s ?label"
    )
    names: dict[tuple, dict[pyoxigraph.Literal, int]] = {}
    for row in rows:
        names.setdefault((row["s"], row["label"].language), {})[row["label"]] = int(row["graphs"].value)
    demoted = set()
    for (subject, _), labels in names.items():
        kept = min(labels, key=lambda label: (-labels[label], label.value))
        demoted |= {(subject, label) for label in labels if label != kept}
    return demoted


def has_union(store: pyoxigraph.Store) -> bool:
    """True when the store's default graph holds the union (written by :func:`write_union`)."""
    return next(iter(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())), None) is not None


def query(
    store: pyoxigraph.Store,
    sparql: str,
    *,
    default_graph: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples:
    """Run a SPARQL query with the well-known prefixes predeclared.

    Without ``default_graph`` the default graph is the union of all named graphs, as the
    contract says: the store's default graph where commit wrote the union there (a set), else
    pyoxigraph's union flag — unless the query names its own dataset with ``FROM`` /
    ``FROM NAMED`` (the flag would otherwise silently override it).
    """
    kwargs: dict[str, Any] = {"prefixes": PREFIXES}
    if default_graph is not None:
        kwargs["default_graph"] = [pyoxigraph.NamedNode(g) for g in default_graph]
    elif not has_dataset_clause(sparql) and not has_union(store):
        kwargs["use_default_graph_as_union"] = True
    if named_graphs is not None:
        kwargs["named_graphs"] = [pyoxigraph.NamedNode(g) for g in named_graphs]
    return store.query(sparql, **kwargs)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
