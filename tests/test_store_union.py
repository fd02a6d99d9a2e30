"""The store's default graph is the union of its named graphs as a set (store.write_union at
commit): a fact in two graphs counts once, a new generation from the current one rewrites it,
and a query's own FROM still wins."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from aseankg.store import StoreDir, has_union, query

S, P = NamedNode("http://example.org/s"), NamedNode("http://example.org/p")
G1, G2 = NamedNode("http://example.org/g1"), NamedNode("http://example.org/g2")


def _count(store, sparql: str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") -> int:
    return int(next(iter(query(store, sparql)))[0].value)


def test_union_is_a_set_and_follows_each_generation(tmp_path: Path) -> None:
    root = StoreDir(tmp_path / "store")
    first = root.begin()
    first.store.bulk_extend([Quad(S, P, Literal("shared"), G1), Quad(S, P, Literal("shared"), G2), Quad(S, P, Literal("only 2"), G2)])
    first.commit({})
    store = root.open()
    assert has_union(store)
    assert _count(store) == 2  # "shared" once, though two graphs state it
    assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 3
    assert _count(store, f"SELECT (COUNT(*) AS ?n) FROM <{G1.value}> WHERE {{ ?s ?p ?o }}") == 1

    second = root.begin(from_current=True)
    assert not any(True for _ in second.store.quads_for_pattern(None, None, None, DefaultGraph()))
    second.store.remove_graph(G2)
    second.commit({})
    store = root.open()
    assert _count(store) == 1
    assert [str(row[0]) for row in query(store, "SELECT ?o WHERE { ?s ?p ?o }")] == ['"shared"']
