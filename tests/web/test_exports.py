"""Whole-graph exports over HTTP and from ``aseankg export``: every syntax parses back (rdflib)
to exactly the store — the union of the graphs for ttl/nt/jsonld, every named graph for nq/trig
— and the JSON-LD reads naturally through the served context."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic
from sparql_fixture import small_quads, small_store

from conftest import Server, run_cli, start_server, stop_server

FORMATS = {
    "ttl": ("text/turtle", "turtle"),
    "nt": ("application/n-triples", "nt"),
    "jsonld": ("application/ld+json", "json-ld"),
    "nq": ("application/n-quads", "nquads"),
    "trig": ("application/trig", "trig"),
}
DATASETS = ("nq", "trig")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_store(tmp_path_factory.mktemp("exports") / "store")


@pytest.fixture(scope="module")
def site(store_path: Path) -> Iterator[Server]:
    srv = start_server(store_path)
    yield srv
    stop_server(srv)


def _rdflib_dataset(quads) -> rdflib.Dataset:
    """The quads as rdflib sees them (through N-Quads, so terms are read the same way)."""
    data = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format="nquads")
    return dataset


def _union(dataset: rdflib.Dataset) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _named_graphs(dataset: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    graphs: dict[str, rdflib.Graph] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = str(g.identifier if hasattr(g, "identifier") else g)
        graphs.setdefault(name, rdflib.Graph()).add((s, p, o))
    return graphs


def assert_same_as_store(ext: str, data: bytes, quads) -> None:
    expected = _rdflib_dataset(quads)
    parser = FORMATS[ext][1]
    if ext in DATASETS:
        got = rdflib.Dataset()
        got.parse(data=data, format=parser)
        got_graphs, expected_graphs = _named_graphs(got), _named_graphs(expected)
        assert sorted(got_graphs) == sorted(expected_graphs)
        for name, graph in expected_graphs.items():
            assert isomorphic(got_graphs[name], graph), name
    else:
        got = rdflib.Graph().parse(data=data, format=parser)
        union = _union(expected)
        assert len(got) == len(union)
        assert isomorphic(got, union)


@pytest.mark.parametrize("ext", list(FORMATS))
def test_http_export_is_the_store(site: Server, ext: str) -> None:
    with site.client() as http:
        r = http.get(f"/export/aseankg.{ext}")
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == FORMATS[ext][0]
    assert r.headers["content-disposition"] == f'attachment; filename="aseankg.{ext}"'
    assert "content-length" not in r.headers  # streamed
    assert_same_as_store(ext, r.content, small_quads())


@pytest.mark.parametrize("ext", list(FORMATS))
def test_cli_export_is_the_same_bytes(site: Server, store_path: Path, tmp_path: Path, ext: str) -> None:
    target = tmp_path / f"out.{ext}"
    written = run_cli("export", "--format", ext, "--store", str(store_path), "-o", str(target))
    assert written.returncode == 0, written.stderr
    to_stdout = run_cli("export", "-f", ext, "--store", str(store_path))
    assert to_stdout.returncode == 0, to_stdout.stderr
    with site.client() as http:
        served = http.get(f"/export/aseankg.{ext}").content
    assert target.read_bytes() == served == to_stdout.stdout.encode("utf-8")
    assert_same_as_store(ext, target.read_bytes(), small_quads())


def test_export_conditional_get_head_and_unknown(site: Server) -> None:
    with site.client() as http:
        first = http.get("/export/aseankg.ttl")
        again = http.get("/export/aseankg.ttl", headers={"If-None-Match": first.headers["etag"]})
        head = http.head("/export/aseankg.nq")
        unknown = http.get("/export/aseankg.xlsx")
    assert again.status_code == 304
    assert head.status_code == 200 and head.headers["content-type"].startswith("application/n-quads") and head.content == b""
    assert unknown.status_code == 404 and "aseankg.ttl" in unknown.text


def test_json_ld_uses_the_served_context_and_reads_naturally(site: Server) -> None:
    with site.client() as http:
        served = http.get("/context.jsonld")
        doc = http.get("/export/aseankg.jsonld").json()
    assert served.headers["content-type"].startswith("application/ld+json")
    assert doc["@context"] == served.json()["@context"]
    context = doc["@context"]
    assert context["label"] == {"@id": "skos:prefLabel", "@container": "@language"}
    assert context["attendee"] == {"@id": "schema:attendee", "@type": "@id"}
    nodes = {node["id"]: node for node in doc["@graph"]}
    meeting = nodes["akgid:meeting-of-tests-7"]
    assert "MinisterialMeeting" in meeting["type"] and "Meeting" in meeting["type"]
    assert meeting["label"] == {"th": "การประชุมทดสอบ ครั้งที่ 7", "en": "The 7th Test Meeting"}
    assert sorted(meeting["attendee"]) == ["akgid:kanya-thotsop", "akgid:ministry-of-tests"]
    assert meeting["ordinal"] == 7
    assert meeting["startDate"] == "2025-01-16"
    assert meeting["endDate"] == {"@value": "2025-01", "@type": "xsd:gYearMonth"}
    person = nodes["akgid:kanya-thotsop"]
    assert person["label"]["th-latn"] == "Kanya Thotsop"
    ministry = nodes["akgid:ministry-of-tests"]
    assert sorted(ministry["altLabel"]["th"] if isinstance(ministry["altLabel"]["th"], list) else [ministry["altLabel"]["th"]]) == ["กท."]
    mention = next(n for n in doc["@graph"] if n.get("type") == "Mention" and n["beginIndex"] == 40)
    assert mention["anchorOf"] == "กัญญา ทดสอบ"
    assert mention["mentionOf"] == "akgid:kanya-thotsop"
    assert isinstance(mention["endIndex"], int)


def test_context_parses_as_json_ld_context(site: Server) -> None:
    with site.client() as http:
        context = http.get("/context.jsonld").json()
    doc = {**context, "@id": "akgid:x", "label": {"th": "ก"}, "attendee": "akgid:y", "ordinal": 3}
    graph = rdflib.Graph().parse(data=__import__("json").dumps(doc), format="json-ld")
    x = rdflib.URIRef("https://w3id.org/aseankg/id/x")
    assert (x, rdflib.SKOS.prefLabel, rdflib.Literal("ก", lang="th")) in graph
    assert (x, rdflib.URIRef("https://schema.org/attendee"), rdflib.URIRef("https://w3id.org/aseankg/id/y")) in graph
    assert (x, rdflib.URIRef("https://w3id.org/aseankg/ontology#ordinal"), rdflib.Literal(3)) in graph


# --- the real graph (the five articles) -----------------------------------------------------


def _store_quads(store: Path) -> list[pyoxigraph.Quad]:
    from aseankg.export import dataset_quads
    from aseankg.store import StoreDir

    return list(dataset_quads(StoreDir(store).open()))


@pytest.mark.parametrize("ext", list(FORMATS))
def test_real_graph_exports_round_trip(server: Server, built_store: Path, ext: str) -> None:
    with server.client() as http:
        r = http.get(f"/export/aseankg.{ext}")
    assert r.status_code == 200
    assert_same_as_store(ext, r.content, _store_quads(built_store))


def test_real_graph_json_ld_keys_are_short(server: Server) -> None:
    with server.client() as http:
        doc = http.get("/export/aseankg.jsonld").json()
    keys = {key for node in doc["@graph"] for key in node}
    # every key is a term of the context or an ontology term under @vocab: no full IRIs
    assert not [k for k in keys if k.startswith("http")], keys
    assert {"id", "type", "label", "mentionedIn"} <= keys
