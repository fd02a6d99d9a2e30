"""The ``aseankg`` command end to end, against a real store in a temp dir."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from aseankg.cli import app as cli_app
from conftest import DOCUMENTS, run_cli

NEWS_ARTICLES = "SELECT (COUNT(*) AS ?n) WHERE { ?a a akg:NewsArticle }"


COMMANDS = [c.name or c.callback.__name__ for c in cli_app.registered_commands]


def test_the_commands_of_the_issue_are_there() -> None:
    assert {"build", "add", "serve", "query", "export", "validate", "eval"} <= set(COMMANDS)
    listed = run_cli("--help")
    assert listed.returncode == 0
    assert all(command in listed.stdout for command in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert f" {command} [OPTIONS]" in " ".join(result.stdout.split())  # its own usage line


def test_build_summary_and_up_to_date(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = run_cli("build", "--store", str(store))
    assert first.returncode == 0, first.stderr
    assert "Documents read: 5, built: 5, refused: 0" in first.stderr
    assert "triples" in first.stderr and "entities" in first.stderr
    second = run_cli("build", "--store", str(store))
    assert second.returncode == 0
    assert "up to date" in second.stderr
    assert second.stderr.splitlines() == [second.stderr.strip()]  # one line, nothing before or after


def test_query_formats(built_store: Path) -> None:
    as_json = run_cli("query", NEWS_ARTICLES, "--format", "json", store=built_store)
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["results"]["bindings"][0]["n"]["value"] == "5"
    as_csv = run_cli("query", NEWS_ARTICLES, "-f", "csv", store=built_store)
    assert list(csv.reader(io.StringIO(as_csv.stdout)))[1] == ["5"]
    as_tsv = run_cli("query", NEWS_ARTICLES, "-f", "tsv", store=built_store)
    assert as_tsv.stdout.splitlines()[1].startswith("5")
    table = run_cli("query", NEWS_ARTICLES, store=built_store)
    assert "5" in table.stdout


def test_query_from_file_and_stdin(built_store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(NEWS_ARTICLES, encoding="utf-8")
    from_file = run_cli("query", f"@{rq}", "-f", "csv", store=built_store)
    assert from_file.stdout.splitlines()[1] == "5"
    from_stdin = run_cli("query", "-", "-f", "csv", store=built_store, input=NEWS_ARTICLES)
    assert from_stdin.stdout.splitlines()[1] == "5"


def test_query_errors_exit_non_zero(built_store: Path, tmp_path: Path) -> None:
    bad = run_cli("query", "SELECT WHERE {", store=built_store)
    assert bad.returncode != 0 and "syntax" in bad.stderr.lower()
    no_store = run_cli("query", NEWS_ARTICLES, store=tmp_path / "nothing")
    assert no_store.returncode != 0 and "aseankg build" in no_store.stderr


@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_export_triples(built_store: Path, tmp_path: Path, fmt: str, parser: str) -> None:
    target = tmp_path / f"out.{fmt}"
    result = run_cli("export", "--format", fmt, "-o", str(target), store=built_store)
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(target, format=parser)
    assert len(graph) > 100


@pytest.mark.parametrize(("fmt", "parser"), [("nq", "nquads"), ("trig", "trig")])
def test_export_datasets_keep_named_graphs(built_store: Path, tmp_path: Path, fmt: str, parser: str) -> None:
    target = tmp_path / f"out.{fmt}"
    assert run_cli("export", "-f", fmt, "-o", str(target), store=built_store).returncode == 0
    dataset = Dataset().parse(target, format=parser)
    names = {str(g.identifier) for g in dataset.graphs()}
    assert "https://w3id.org/aseankg/graph/doc/000_d03fc73eb21f62b7" in names
    assert "https://w3id.org/aseankg/graph/lexicon" in names


def test_validate_conforms(built_store: Path) -> None:
    result = run_cli("validate", store=built_store)
    assert result.returncode == 0, result.stdout + result.stderr


def test_build_refuses_bad_files_and_builds_the_rest(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    good = DOCUMENTS / "000_d03fc73eb21f62b7.txt"
    (docs / good.name).write_bytes(good.read_bytes())
    (docs / "empty.txt").write_bytes(b"")
    (docs / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    before = {p.name: p.read_bytes() for p in docs.iterdir()}
    result = run_cli("build", str(docs), "--store", str(tmp_path / "store"))
    assert result.returncode == 2
    assert "built: 1, refused: 2" in result.stderr
    assert "empty.txt" in result.stderr and "latin1.txt" in result.stderr
    count = run_cli("query", NEWS_ARTICLES, "-f", "csv", store=tmp_path / "store")
    assert count.stdout.splitlines()[1] == "1"
    assert {p.name: p.read_bytes() for p in docs.iterdir()} == before


def test_add_writes_only_the_new_graph(tmp_path: Path) -> None:
    store = tmp_path / "store"
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("000_d03fc73eb21f62b7.txt", "002_4ff7798ad9a84257.txt"):
        (docs / name).write_bytes((DOCUMENTS / name).read_bytes())
    assert run_cli("build", str(docs), "--store", str(store)).returncode == 0
    before = run_cli("export", "-f", "nq", store=store).stdout
    added = run_cli("add", str(DOCUMENTS / "004_de60a9fdace74075.txt"), "--store", str(store))
    assert added.returncode == 0, added.stderr
    after = run_cli("export", "-f", "nq", store=store).stdout
    doc_lines = lambda text, ident: {l for l in text.splitlines() if f"/graph/doc/{ident}>" in l}
    for ident in ("000_d03fc73eb21f62b7", "002_4ff7798ad9a84257"):
        assert doc_lines(before, ident) == doc_lines(after, ident)
    assert doc_lines(after, "004_de60a9fdace74075")
    again = run_cli("add", str(DOCUMENTS / "004_de60a9fdace74075.txt"), "--store", str(store))
    assert again.returncode == 0
    assert run_cli("export", "-f", "nq", store=store).stdout.count("\n") == after.count("\n")


def test_validate_reports_a_store_that_does_not_conform(tmp_path: Path) -> None:
    """A store whose graph breaks a shape (written past the build, which would refuse it): the
    report names the focus by its label, the path, the message in the chosen language and the
    document; exit code 1; --format json for machines."""
    from invented_articles import write_articles
    from pyoxigraph import Literal, NamedNode, Quad

    from aseankg.graph import article_slug
    from aseankg.namespaces import doc_graph, entity_iri, node
    from aseankg.store import StoreDir

    (article,) = write_articles(tmp_path / "docs", [720])
    store = tmp_path / "store"
    assert run_cli("build", str(article), "--store", str(store)).returncode == 0
    generation = StoreDir(store).begin(from_current=True)
    graph, person = NamedNode(doc_graph(article.stem)), NamedNode(entity_iri("somying-thaionly"))
    generation.store.bulk_extend([
        Quad(person, node("rdf:type"), node("akg:Person"), graph),
        Quad(person, node("skos:prefLabel"), Literal("สมหญิง ไทยล้วน", language="th"), graph),
        Quad(person, node("rdfs:label"), Literal("สมหญิง ไทยล้วน", language="th"), graph),
        Quad(person, node("akg:mentionedIn"), NamedNode(entity_iri(article_slug(article.stem))), graph),
    ])
    generation.commit({"note": "a graph the build would have refused"})

    english = run_cli("validate", store=store)
    assert english.returncode == 1
    assert "[Violation] สมหญิง ไทยล้วน <https://w3id.org/aseankg/id/somying-thaionly>" in english.stdout
    assert "    path: skos:prefLabel\n    message: Every entity has an English skos:prefLabel (@en).\n" in english.stdout
    assert f"    document: {article.stem}\n" in english.stdout
    thai = run_cli("validate", "--lang", "th", store=store)
    assert thai.returncode == 1
    assert "ข้อความ: ทุกสิ่งต้องมี skos:prefLabel ภาษาอังกฤษ (@en)" in thai.stdout
    assert f"เอกสาร: {article.stem}" in thai.stdout
    machine = run_cli("validate", "--format", "json", store=store)
    assert machine.returncode == 1
    report = json.loads(machine.stdout)
    assert report["conforms"] is False
    assert [(v["focus"], v["path"], v["document"]) for v in report["violations"] if v["severity"] == "Violation"] == [
        (entity_iri("somying-thaionly"), "skos:prefLabel", article.stem)]
