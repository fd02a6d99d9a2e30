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


def test_two_articles_naming_one_entity_differently_build_a_store_that_validates(tmp_path: Path) -> None:
    """Two articles give one agency found by patterns (same acronym, so the same IRI) two Thai
    names: each document's graph keeps its own, the union keeps one prefLabel per language (the
    same whichever order they come in) and the other name as an altLabel, and the real
    ``aseankg validate`` of the store passes."""
    from conftest import run_cli
    from invented_articles import article

    from aseankg.namespaces import doc_graph, entity_iri

    names = {710: "สำนักงานส่งเสริมนวัตกรรมอวกาศ", 711: "สำนักงานนวัตกรรมอวกาศแห่งชาติ"}
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = {}
    for n, name in names.items():
        paths[n] = folder / f"{n}_union.txt"
        paths[n].write_text(article(n, body_extra=f"นายสมปอง รักชาติ ผู้อำนวยการ{name} (ZQSA) ได้ร่วมหารือด้วย"), encoding="utf-8")
    agency = f"<{entity_iri('zqsa')}>"
    labels = f"SELECT ?p ?l WHERE {{ {agency} ?p ?l FILTER(?p IN (skos:prefLabel, skos:altLabel) && LANG(?l) = 'th') }}"

    def union(store: Path) -> set[tuple[str, str]]:
        return {(row["p"].value.rsplit("#", 1)[1], row["l"].value) for row in query(StoreDir(store).open(), labels)}

    built = tmp_path / "built"
    assert run_cli("build", str(folder), "--store", str(built)).returncode == 0
    in_order = union(built)
    kept = min(names.values())  # one document each: the first in code-point order
    assert in_order == {("prefLabel", kept), ("altLabel", max(names.values()))}
    # each document's graph keeps the name its article gives
    for n, name in names.items():
        in_graph = f"SELECT ?l WHERE {{ GRAPH <{doc_graph(paths[n].stem)}> {{ {agency} skos:prefLabel ?l FILTER(LANG(?l) = 'th') }} }}"
        assert [row["l"].value for row in query(StoreDir(built).open(), in_graph)] == [name]
    # the other order (the second first, the first added after) gives the same union
    added = tmp_path / "added"
    assert run_cli("build", str(paths[711]), "--store", str(added)).returncode == 0
    assert run_cli("add", str(paths[710]), "--store", str(added)).returncode == 0
    assert union(added) == in_order
    for store in (built, added):
        validated = run_cli("validate", "--store", str(store))
        assert validated.returncode == 0, validated.stdout + validated.stderr
        assert "conforms" in validated.stdout
