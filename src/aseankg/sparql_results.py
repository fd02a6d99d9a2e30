"""SPARQL query results (SELECT, ASK) written incrementally, a chunk of rows at a time.

pyoxigraph's own ``QuerySolutions.serialize`` builds the whole document; a public endpoint
must not hold 100,000 rows to answer, so these generators pull solutions one by one and yield
bytes every ``ROWS_PER_CHUNK`` rows: SPARQL 1.1 Query Results JSON, XML, CSV and TSV.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

ROWS_PER_CHUNK = 500
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"

Term = NamedNode | BlankNode | Literal | Triple


def solutions(results: pyoxigraph.QuerySolutions, format: str, rows_per_chunk: int = ROWS_PER_CHUNK) -> Iterator[bytes]:
    """The SELECT results in ``format`` (``json``, ``xml``, ``csv`` or ``tsv``), in chunks."""
    variables = [v.value for v in results.variables]
    head, row, tail = _WRITERS[format](variables)
    buffer: list[str] = [head]
    count = 0
    for solution in results:
        buffer.append(row([solution[name] for name in variables], count))
        count += 1
        if count % rows_per_chunk == 0:
            yield "".join(buffer).encode("utf-8")
            buffer.clear()
    buffer.append(tail)
    yield "".join(buffer).encode("utf-8")


def boolean(value: bool, format: str) -> bytes:
    """The ASK result in ``format``; CSV and TSV carry the bare ``true``/``false``, as Oxigraph does."""
    word = "true" if value else "false"
    if format == "json":
        return f'{{"head":{{}},"boolean":{word}}}'.encode()
    if format == "xml":
        return f'<?xml version="1.0"?>\n<sparql xmlns="{RESULTS_NS}"><head/><boolean>{word}</boolean></sparql>\n'.encode()
    return word.encode()


# --- SPARQL 1.1 Query Results JSON Format -------------------------------------------------


def _json_term(term: Term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _json(variables: list[str]):
    head = json.dumps({"head": {"vars": variables}}, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"results":{"bindings":[\n'

    def row(values: list[Term | None], index: int) -> str:
        binding = {name: _json_term(value) for name, value in zip(variables, values) if value is not None}
        return ("" if index == 0 else ",\n") + json.dumps(binding, ensure_ascii=False, separators=(",", ":"))

    return head, row, "\n]}}\n"


# --- SPARQL Query Results XML Format ----------------------------------------------------------


def _xml_term(term: Term) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (
        f"<triple><subject>{_xml_term(term.subject)}</subject>"
        f"<predicate>{_xml_term(term.predicate)}</predicate>"
        f"<object>{_xml_term(term.object)}</object></triple>"
    )


def _xml(variables: list[str]):
    head = (
        f'<?xml version="1.0"?>\n<sparql xmlns="{RESULTS_NS}">\n<head>'
        + "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        + "</head>\n<results>\n"
    )

    def row(values: list[Term | None], index: int) -> str:
        bindings = "".join(
            f"<binding name={quoteattr(name)}>{_xml_term(value)}</binding>"
            for name, value in zip(variables, values)
            if value is not None
        )
        return f"<result>{bindings}</result>\n"

    return head, row, "</results>\n</sparql>\n"


# --- SPARQL 1.1 Query Results CSV and TSV Formats ---------------------------------------------


def _csv_field(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        text = "_:" + term.value
    elif isinstance(term, Triple):
        text = str(term)
    else:
        text = term.value
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv(variables: list[str]):
    def row(values: list[Term | None], index: int) -> str:
        return ",".join(_csv_field(v) for v in values) + "\r\n"

    return ",".join(variables) + "\r\n", row, ""


def _tsv_field(term: Term | None) -> str:
    # N-Triples syntax: tabs and newlines inside literals are escaped, so fields never break.
    return "" if term is None else str(term)


def _tsv(variables: list[str]):
    def row(values: list[Term | None], index: int) -> str:
        return "\t".join(_tsv_field(v) for v in values) + "\n"

    return "\t".join("?" + v for v in variables) + "\n", row, ""


_WRITERS: dict[str, Callable] = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}
FORMATS = tuple(_WRITERS)
