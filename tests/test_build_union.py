"""A build loads the union default graph from the text it loads the documents' graphs from
(aseankg.build, store.write_union(written=True)) instead of reading every quad back: the
union must be exactly the one write_union computes from the store's named graphs."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from invented_articles import article, write_articles

from aseankg.build import build
from aseankg.store import StoreDir, write_union


def _default_graph(store: pyoxigraph.Store) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object))
            for q in store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())}


def test_the_union_a_build_loads_is_the_union_of_its_named_graphs(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, range(3))  # they share facts: one ministry, ASEAN, Bangkok
    for n, name in {720: "สำนักงานส่งเสริมนวัตกรรมอวกาศ", 721: "สำนักงานนวัตกรรมอวกาศแห่งชาติ"}.items():
        (folder / f"{n}_union.txt").write_text(  # one agency, two Thai names: one stays prefLabel
            article(n, body_extra=f"นายสมปอง รักชาติ ผู้อำนวยการ{name} (ZQSB) ได้ร่วมหารือด้วย"), encoding="utf-8")
    root = StoreDir(tmp_path / "store")
    result = build([folder], root)
    assert len(result.built) == 5
    built = root.open()

    recomputed = pyoxigraph.Store()
    recomputed.extend(q for q in built.quads_for_pattern(None, None, None, None)
                      if not isinstance(q.graph_name, pyoxigraph.DefaultGraph))
    write_union(recomputed)

    union = _default_graph(built)
    assert union == _default_graph(recomputed)
    assert any(p.endswith("#altLabel>") for _, p, _ in union)  # the second name was settled
    assert any(s.startswith("_:") for s, _, _ in union)  # the ontology's blank nodes kept theirs
    assert result.triples == len(built) - len(union)  # the manifest counts the named graphs' quads
