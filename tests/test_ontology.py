"""The ontology and the shapes: they parse, every term is bilingual and typed, the contract's
classes, hierarchy, properties and fixed individuals are there, and the shapes only speak of
terms the ontology defines."""

from __future__ import annotations

import pyoxigraph
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from aseankg.namespaces import AKG, AKGID, ONTOLOGY_IRI, expand
from aseankg.paths import ONTOLOGY_FILE, SHAPES_FILE

VANN = rdflib.Namespace("http://purl.org/vocab/vann/")
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")

CONTRACT_CLASSES = [
    "Person", "Organization", "Ministry", "GovernmentAgency", "InternationalOrganization", "Country",
    "Place", "Meeting", "MinisterialMeeting", "SeniorOfficialsMeeting", "WorkingGroupMeeting",
    "BilateralMeeting", "CabinetMeeting", "MeetingSeries", "WorkingGroup", "MoU", "Position",
    "NewsArticle", "Mention",
]
CONTRACT_PROPERTIES = [
    "series", "ordinal", "hostCountry", "chair", "viceChair", "holder", "holds", "organization", "title",
    "attestedOn", "party", "topic", "status", "mentionedIn", "mentionOf", "inDocument", "beginIndex",
    "endIndex", "anchorOf", "sentence",
]
CONTRACT_HIERARCHY = [
    ("Ministry", "Organization"),
    ("GovernmentAgency", "Organization"),
    ("InternationalOrganization", "Organization"),
    ("MinisterialMeeting", "Meeting"),
    ("SeniorOfficialsMeeting", "Meeting"),
    ("WorkingGroupMeeting", "Meeting"),
    ("BilateralMeeting", "Meeting"),
    ("CabinetMeeting", "Meeting"),
]


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_FILE, format="turtle")


def akg(name: str) -> URIRef:
    return URIRef(AKG + name)


def akg_terms(ontology: rdflib.Graph, *types: URIRef) -> list[URIRef]:
    return sorted(
        s for t in types for s in ontology.subjects(RDF.type, t) if isinstance(s, URIRef) and str(s).startswith(AKG)
    )


@pytest.mark.parametrize("path", [ONTOLOGY_FILE, SHAPES_FILE], ids=lambda p: p.name)
def test_parses_alike_with_rdflib_and_oxigraph(path) -> None:
    with_rdflib = rdflib.Graph().parse(path, format="turtle")
    with_oxigraph = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(with_rdflib) == len(with_oxigraph) > 100
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(with_rdflib)


def test_header(ontology: rdflib.Graph) -> None:
    header = URIRef(ONTOLOGY_IRI)
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) is not None
    for predicate in (DCTERMS.title, DCTERMS.description):
        assert sorted(v.language for v in ontology.objects(header, predicate)) == ["en", "th"], predicate
    assert ontology.value(header, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    created = ontology.value(header, DCTERMS.created)
    assert isinstance(created, Literal) and created.datatype == XSD.date
    assert ontology.value(header, VANN.preferredNamespacePrefix) == Literal("akg")
    assert str(ontology.value(header, VANN.preferredNamespaceUri)) == AKG


def test_contract_classes_and_properties_are_defined(ontology: rdflib.Graph) -> None:
    classes = set(akg_terms(ontology, OWL.Class))
    properties = set(akg_terms(ontology, OWL.ObjectProperty, OWL.DatatypeProperty))
    assert {akg(c) for c in CONTRACT_CLASSES} <= classes
    assert {akg(p) for p in CONTRACT_PROPERTIES} <= properties


@pytest.mark.parametrize(("sub", "sup"), CONTRACT_HIERARCHY)
def test_contract_hierarchy(ontology: rdflib.Graph, sub: str, sup: str) -> None:
    assert (akg(sub), RDFS.subClassOf, akg(sup)) in ontology


def test_every_term_is_labelled_and_commented_in_thai_and_english(ontology: rdflib.Graph) -> None:
    terms = akg_terms(ontology, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
    assert len(terms) > 40
    for term in terms:
        for predicate in (RDFS.label, RDFS.comment):
            values = list(ontology.objects(term, predicate))
            assert sorted(v.language for v in values) == ["en", "th"], (term, predicate)
            assert all(str(v).strip() for v in values), (term, predicate)


def test_every_property_has_a_domain_and_a_range(ontology: rdflib.Graph) -> None:
    for prop in akg_terms(ontology, OWL.ObjectProperty, OWL.DatatypeProperty):
        assert ontology.value(prop, RDFS.domain) is not None, prop
        assert ontology.value(prop, RDFS.range) is not None, prop


def test_person_or_country_ranges_are_unions(ontology: rdflib.Graph) -> None:
    for prop, members in (
        ("chair", ["Person", "Country"]),
        ("viceChair", ["Person", "Country"]),
        ("party", ["Organization", "Country"]),
    ):
        union = ontology.value(ontology.value(akg(prop), RDFS.range), OWL.unionOf)
        assert list(rdflib.collection.Collection(ontology, union)) == [akg(m) for m in members]


def test_datatype_ranges(ontology: rdflib.Graph) -> None:
    assert ontology.value(akg("ordinal"), RDFS.range) == XSD.integer
    assert ontology.value(akg("beginIndex"), RDFS.range) == XSD.integer
    assert ontology.value(akg("endIndex"), RDFS.range) == XSD.integer
    assert ontology.value(akg("attestedOn"), RDFS.range) == XSD.date
    assert ontology.value(akg("title"), RDFS.range) == RDF.langString


def test_every_akg_term_it_mentions_is_defined(ontology: rdflib.Graph) -> None:
    defined = set(akg_terms(ontology, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual))
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(AKG)}
    assert used - defined == set()


def test_alignment(ontology: rdflib.Graph) -> None:
    schema = rdflib.Namespace("https://schema.org/")
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    foaf = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
    for sub, sup in (
        (akg("Person"), schema.Person),
        (akg("Person"), foaf.Person),
        (akg("Organization"), schema.Organization),
        (akg("Organization"), org.Organization),
        (akg("Ministry"), schema.GovernmentOrganization),
        (akg("Country"), schema.Country),
        (akg("Place"), schema.Place),
        (akg("Meeting"), schema.Event),
        (akg("Position"), org.Membership),
        (akg("NewsArticle"), schema.NewsArticle),
        (akg("NewsArticle"), prov.Entity),
        (akg("Mention"), prov.Entity),
        (akg("Status"), SKOS.Concept),
    ):
        assert (sub, RDFS.subClassOf, sup) in ontology, (sub, sup)
    assert (akg("holder"), RDFS.subPropertyOf, org.member) in ontology
    assert (akg("organization"), RDFS.subPropertyOf, org.organization) in ontology
    assert (akg("holder"), OWL.inverseOf, akg("holds")) in ontology


@pytest.mark.parametrize(
    ("slug", "en", "th"),
    [
        ("series-adgmin", "ASEAN Digital Ministers' Meeting", "การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล"),
        ("series-adgsom", "ASEAN Digital Senior Officials' Meeting", "การประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล"),
        (
            "series-wg-as",
            "Meeting of the ASEAN Working Group on Anti-Online Scam",
            "การประชุมคณะทำงานอาเซียนด้านการป้องกันปัญหาการหลอกลวงผ่านสื่อออนไลน์",
        ),
    ],
)
def test_fixed_meeting_series(ontology: rdflib.Graph, slug: str, en: str, th: str) -> None:
    series = URIRef(AKGID + slug)
    assert (series, RDF.type, akg("MeetingSeries")) in ontology
    labels = set(ontology.objects(series, SKOS.prefLabel))
    assert labels == {Literal(en, lang="en"), Literal(th, lang="th")}
    assert set(ontology.objects(series, RDFS.label)) == labels


@pytest.mark.parametrize(("name", "en", "th"), [("Draft", "Draft", "ร่าง"), ("Signed", "Signed", "ลงนามแล้ว")])
def test_statuses(ontology: rdflib.Graph, name: str, en: str, th: str) -> None:
    status = akg(name)
    assert (status, RDF.type, akg("Status")) in ontology
    assert set(ontology.objects(status, SKOS.prefLabel)) == {Literal(en, lang="en"), Literal(th, lang="th")}


def test_only_the_fixed_series_are_entities_in_the_ontology(ontology: rdflib.Graph) -> None:
    entities = {str(s) for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(AKGID)}
    assert entities == {AKGID + "series-adgmin", AKGID + "series-adgsom", AKGID + "series-wg-as"}


def test_shapes_speak_only_of_defined_terms(ontology: rdflib.Graph, shapes: rdflib.Graph) -> None:
    defined = set(akg_terms(ontology, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual))
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(AKG)}
    assert used - defined == set()
    individuals = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(AKGID)}
    assert individuals <= set(ontology.subjects(RDF.type, akg("MeetingSeries")))


def test_every_contract_class_has_a_node_shape(shapes: rdflib.Graph) -> None:
    targeted = set(shapes.objects(None, SH.targetClass))
    assert {akg(c) for c in CONTRACT_CLASSES} <= targeted
    for cls in CONTRACT_CLASSES:
        assert (URIRef("https://w3id.org/aseankg/shapes#" + cls + "Shape"), SH.targetClass, akg(cls)) in shapes


def test_mapping_example_types_come_from_the_ontology(ontology: rdflib.Graph) -> None:
    # docs/mapping.md types an article akg:NewsArticle, schema:NewsArticle, schema:CreativeWork, prov:Entity
    supers = set(ontology.objects(akg("NewsArticle"), RDFS.subClassOf))
    assert {URIRef(expand(c)) for c in ("schema:NewsArticle", "schema:CreativeWork", "prov:Entity")} <= supers


def test_every_property_the_built_graph_uses_is_labelled_and_commented_in_thai_and_english(
    built_store, ontology: rdflib.Graph
) -> None:
    """The reused schema.org / Dublin Core / PROV / SKOS terms too, so a SPARQL user reads the
    name of every property of the graph in either language."""
    from aseankg.namespaces import ONTOLOGY_GRAPH
    from aseankg.store import StoreDir

    rows = StoreDir(built_store).open().query(
        f"SELECT DISTINCT ?p WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}>) }}"
    )
    used = {URIRef(row["p"].value) for row in rows} - {RDF.type}
    assert {URIRef(expand(p)) for p in ("schema:startDate", "schema:text", "dcterms:issued", "skos:prefLabel")} <= used
    for prop in sorted(used):
        for predicate in (RDFS.label, RDFS.comment):
            assert sorted(v.language for v in ontology.objects(prop, predicate)) == ["en", "th"], (prop, predicate)


def test_the_store_holds_the_ontology_file_in_its_graph_after_an_add_too(tmp_path) -> None:
    """The ontology graph is the file as it is now: a build writes it, and so does an add (to a
    store written with an older ontology)."""
    from conftest import run_cli
    from invented_articles import write_articles

    from aseankg.graph import ontology_quads
    from aseankg.namespaces import ONTOLOGY_GRAPH
    from aseankg.store import StoreDir

    first, second = write_articles(tmp_path / "docs", [730, 731])
    store = tmp_path / "store"
    assert run_cli("build", str(first), "--store", str(store)).returncode == 0
    graph = pyoxigraph.NamedNode(ONTOLOGY_GRAPH)

    def named(quads) -> tuple[int, set]:
        """How many quads, and those without blank nodes (a parse names those anew)."""
        quads = list(quads)
        return len(quads), {q for q in quads if not isinstance(q.subject, pyoxigraph.BlankNode)
                            and not isinstance(q.object, pyoxigraph.BlankNode)}

    def in_store() -> tuple[int, set]:
        return named(StoreDir(store).open().quads_for_pattern(None, None, None, graph))

    assert in_store() == named(ontology_quads())
    older = StoreDir(store).begin(from_current=True)  # as if written with an older ontology
    older.store.remove_graph(graph)
    older.store.bulk_extend(q for q in ontology_quads() if q.predicate.value != str(RDFS.comment))
    older.commit({"note": "an older ontology"})
    assert in_store() != named(ontology_quads())
    assert run_cli("add", str(second), "--store", str(store)).returncode == 0
    assert in_store() == named(ontology_quads())
