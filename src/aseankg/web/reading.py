"""How the web app reads the store: the current generation, values derived once per
generation (labels, the search index), and SPARQL with bound terms.

A build switches the store to a new generation; :class:`aseankg.store.LiveStore` then hands
out a new ``pyoxigraph.Store``. A value cached here is kept with the store it was computed
from and rebuilt the first time a request sees a different one.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

import pyoxigraph
from starlette.requests import Request

from aseankg.namespaces import PREFIXES
from aseankg.store import has_union

T = TypeVar("T")

_lock = threading.Lock()
_building: dict[str, threading.Lock] = {}  # one lock per value: a slow one does not hold up the others


def current_store(request: Request) -> pyoxigraph.Store:
    """The store serving now (raises :class:`aseankg.store.StoreNotFound` before a build)."""
    return request.app.state.store.get()


def per_generation(request: Request, name: str, build: Callable[[pyoxigraph.Store], T]) -> T:
    """``build(store)`` for the current store, computed once per generation."""
    store = current_store(request)
    cache = _cache(request)
    hit = cache.get(name)
    if hit is not None and hit[0] is store:
        return hit[1]
    with _lock:
        lock = _building.setdefault(name, threading.Lock())
    with lock:
        hit = cache.get(name)
        if hit is not None and hit[0] is store:
            return hit[1]
        value = build(store)
        cache[name] = (store, value)
        return value


class Startup:
    """Stands in for a request at start-up, so that values kept per generation can be made
    before the first request needs them."""

    def __init__(self, app: Any) -> None:
        self.app = app


def _cache(request: Request) -> dict[str, tuple[pyoxigraph.Store, Any]]:
    state = request.app.state
    cache = getattr(state, "per_generation", None)
    if cache is None:
        with _lock:
            cache = getattr(state, "per_generation", None)
            if cache is None:
                cache = state.per_generation = {}
    return cache


def select(store: pyoxigraph.Store, sparql: str, **bindings: pyoxigraph.NamedNode | pyoxigraph.Literal) -> list[dict[str, Any]]:
    """The rows of a SELECT over the union of all graphs, with ``?name`` bound to each term.

    Values from users reach the query only here, as RDF terms (SEP-0007 substitutions), never
    pasted into its text. Oxigraph substitutes only projected variables, so a bound variable
    must be in the SELECT clause (``SELECT DISTINCT *`` is simplest; the union of graphs
    repeats a triple stated in two graphs). Each row maps a variable name to its term
    (absent when unbound).
    """
    # aseankg.store.query takes no substitutions yet; the same prefixes and default graph.
    solutions = store.query(
        sparql,
        prefixes=PREFIXES,
        use_default_graph_as_union=not has_union(store),
        substitutions={pyoxigraph.Variable(k): v for k, v in bindings.items()},
    )
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    names = [v.value for v in solutions.variables]
    rows = []
    for solution in solutions:
        rows.append({n: solution[n] for n in names if solution[n] is not None})
    return rows


_OUT = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"


def outgoing(store: pyoxigraph.Store, iri: str) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = defaultdict(list)
    for row in select(store, _OUT, s=pyoxigraph.NamedNode(iri)):
        found[row["p"].value].append(row["o"])
    return found


def known(store: pyoxigraph.Store, iri: str) -> bool:
    node = pyoxigraph.NamedNode(iri)
    return any(True for _ in store.quads_for_pattern(node, None, None, None))
