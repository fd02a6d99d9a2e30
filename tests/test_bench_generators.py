"""The benchmark generators (bench/corpus.py, bench/graph.py): deterministic, readable by
the pipeline, and of the contract's shape. Speed itself is measured by `make bench`, not here."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from aseankg.corpus import HEADLINE_PREFIX, read_document
from aseankg.extract import extract
from aseankg.graph import lexicon_quads
from aseankg.namespaces import DOC_GRAPH, expand
from aseankg.validate import validate_graph
from bench.corpus import ArticleGenerator, write_corpus
from bench.graph import article_quads, generate_graph


@pytest.fixture(scope="module")
def generator() -> ArticleGenerator:
    return ArticleGenerator(seed=3)


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", 12, seed=3)
    second = write_corpus(tmp_path / "b", 12, seed=3, generator=ArticleGenerator(seed=3))
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))
    other = write_corpus(tmp_path / "c", 12, seed=4)
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in first]


def test_article_n_does_not_depend_on_the_others(generator: ArticleGenerator) -> None:
    alone = ArticleGenerator(seed=3).article(7)
    in_order = [generator.article(n) for n in range(8)][7]
    assert alone.text == in_order.text and alone.identifier == in_order.identifier


def test_articles_read_as_thaigov_news(tmp_path: Path, generator: ArticleGenerator) -> None:
    for path in write_corpus(tmp_path, 10, seed=3, generator=generator):
        number = int(path.stem.split("_")[0])
        article = generator.article(number)
        document = read_document(path)
        lines = document.text.splitlines()
        assert lines[0].startswith(HEADLINE_PREFIX)
        assert document.title and document.title in lines[0]
        assert document.issued == article.issued
        assert document.url == f"http://127.0.0.1/news/{number}"
        assert document.body.text and "ที่มา" not in document.body.text
        for mention in article.planted.mentions:
            assert document.text[mention.begin : mention.end] == mention.anchor
            assert mention.anchor in mention.sentence


def test_extraction_finds_the_planted_lexicon_entities(tmp_path: Path, generator: ArticleGenerator) -> None:
    from aseankg.lexicon import load_lexicon

    lexicon = load_lexicon()
    for path in write_corpus(tmp_path, 4, seed=3, generator=generator):
        article = generator.article(int(path.stem.split("_")[0]))
        extraction = extract(read_document(path), lexicon)
        planted = {s for s, e in article.planted.entities.items() if e.curated and e.cls != "akg:Person"}
        assert extraction.entities, path.name
        found = planted & set(extraction.entities)
        assert len(found) >= len(planted) / 2, (path.name, sorted(planted - found))


def _conforms(quads: list[pyoxigraph.Quad], identifier: str):
    data = pyoxigraph.serialize(
        [pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads], format=pyoxigraph.RdfFormat.N_TRIPLES
    )
    return validate_graph(rdflib.Graph().parse(data=data.decode("utf-8"), format="nt"), document=identifier)


def test_planted_graphs_conform_to_the_shapes(generator: ArticleGenerator) -> None:
    lexicon = generator.lexicon
    for number in range(6):
        article = generator.article(number)
        quads = article_quads(article)
        curated = [lexicon.entries[s] for s, e in article.planted.entities.items() if e.curated]
        report = _conforms(quads + lexicon_quads(curated), article.identifier)
        assert report.conforms, [(v.focus, v.path, v.message) for v in report.violations if v.severity == "Violation"]
        assert {q.graph_name.value for q in quads} == {DOC_GRAPH + article.identifier}


def test_graph_generator_is_deterministic_and_contract_shaped(tmp_path: Path) -> None:
    one = generate_graph(tmp_path / "one", 6_000, seed=3, log=lambda _: None)
    two = generate_graph(tmp_path / "two", 6_000, seed=3, log=lambda _: None)
    assert sorted(one.nquads.read_bytes().splitlines()) == sorted(two.nquads.read_bytes().splitlines())
    assert one.meta["workload"] == two.meta["workload"]
    assert one.triples >= 6_000 * 0.99
    store = one.store_dir.open()
    graphs = {g.value for g in store.named_graphs()}
    articles = [r["a"].value for r in store.query(
        "SELECT ?a WHERE { GRAPH ?g { ?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?a . ?a a ?c } "
        f"FILTER(?c = <{expand('akg:NewsArticle')}>) }}"
    )]
    assert len(articles) == one.meta["articles"] == len([g for g in graphs if g.startswith(DOC_GRAPH)])
    meetings = store.query(
        f"ASK {{ GRAPH ?g {{ ?m a <{expand('akg:Meeting')}> ; <{expand('akg:series')}> ?s ; <{expand('akg:ordinal')}> ?n }} }}"
    )
    assert bool(meetings)
    assert one.meta["workload"]["persons"] and one.meta["workload"]["names"]
