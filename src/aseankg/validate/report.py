"""What validation reports, whichever engine ran it: :class:`Violation`, :class:`Report`,
and how values, labels and reports are shown to people (:func:`format_report`).

Terms arrive from rdflib (the pyshacl engine) or from pyoxigraph (the Oxigraph engine); both
are shown the same way here, so the engines' reports compare equal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import pyoxigraph
import rdflib

from aseankg.namespaces import compact

LANGUAGES = ("en", "th")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
SEVERITIES = {
    "http://www.w3.org/ns/shacl#Violation": "Violation",
    "http://www.w3.org/ns/shacl#Warning": "Warning",
    "http://www.w3.org/ns/shacl#Info": "Info",
}


@dataclass(frozen=True)
class Violation:
    """One SHACL result, ready to show to a person or to serialise as JSON."""

    focus: str  # IRI of the focus node
    focus_label: str | None  # its label in the report language (falling back to the other)
    path: str | None  # the property path as a CURIE ("akg:holder", "^prov:wasDerivedFrom")
    message: str  # sh:resultMessage in the report language (falling back to any)
    severity: str  # "Violation" | "Warning" | "Info"
    value: str | None  # the offending value: an IRI, or a literal as "lexical"@lang / ^^datatype
    document: str | None  # dcterms:identifier of the document whose graph holds it ("a, b" for several)
    shape: str | None  # the shape (akgsh:…) that failed


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: list[Violation]

    def to_json(self) -> dict:
        """A JSON-ready dict: ``conforms``, counts by severity, and the results."""
        counts = {"Violation": 0, "Warning": 0, "Info": 0}
        for v in self.violations:
            counts[v.severity] = counts.get(v.severity, 0) + 1
        return {
            "conforms": self.conforms,
            "counts": counts,
            "violations": [asdict(v) for v in self.violations],
        }


def make_report(violations: Iterable[Violation]) -> Report:
    """A report in the one order every engine uses; it conforms unless a result is a Violation
    (warnings and notes are reported but do not stop a build)."""
    ordered = sorted(violations, key=sort_key)
    return Report(conforms=not any(v.severity == "Violation" for v in ordered), violations=ordered)


def sort_key(v: Violation) -> tuple:
    return (v.document or "", v.focus, v.path or "", v.shape or "", v.value or "", v.message, v.severity)


def severity_name(iri: str | None) -> str:
    """sh:Violation / sh:Warning / sh:Info as a word; anything else counts as a Violation."""
    return SEVERITIES.get(str(iri) if iri is not None else "", "Violation")


def pick(values: Iterable[tuple[str, str]], lang: str) -> str | None:
    """From ``(text, language tag)`` pairs: the text in ``lang``, else in the other report
    language, else the first in a fixed order (so every engine picks the same one)."""
    values = sorted(values, key=lambda tv: (tv[0], tv[1].lower()))
    for wanted in (lang, *[x for x in LANGUAGES if x != lang]):
        for text, tag in values:
            if tag.lower() == wanted:
                return text
    return values[0][0] if values else None


def text_and_language(term) -> tuple[str, str] | None:
    """An rdflib or pyoxigraph literal as ``(text, language tag or "")``; None for other terms."""
    if isinstance(term, rdflib.Literal):
        return str(term), term.language or ""
    if isinstance(term, pyoxigraph.Literal):
        return term.value, term.language or ""
    return None


def show(term) -> str | None:
    """A value as text: an IRI as is, a literal in Turtle form with CURIE datatypes, a blank
    node as ``_:id``. Accepts rdflib and pyoxigraph terms."""
    if term is None:
        return None
    if isinstance(term, (rdflib.URIRef, pyoxigraph.NamedNode)):
        return str(term) if isinstance(term, rdflib.URIRef) else term.value
    if isinstance(term, rdflib.Literal):
        lexical, language = str(term), term.language
        datatype = str(term.datatype) if term.datatype is not None else None
    elif isinstance(term, pyoxigraph.Literal):
        lexical, language, datatype = term.value, term.language, term.datatype.value
    else:
        return f"_:{term}" if isinstance(term, rdflib.BNode) else f"_:{term.value}"
    lexical = lexical.replace("\\", "\\\\").replace('"', '\\"')
    if language:
        return f'"{lexical}"@{language}'
    if datatype is not None and datatype != XSD_STRING and not datatype.endswith("#langString"):
        return f'"{lexical}"^^{compact(datatype)}'
    return f'"{lexical}"'


def format_report(report: Report, lang: str = "en") -> str:
    """The report as text for a terminal: a summary line, then one block per result."""
    words = _WORDS.get(lang, _WORDS["en"])
    counts = report.to_json()["counts"]
    if report.conforms and not report.violations:
        lines = [words["conforms"]]
    else:
        head = words["conforms_with"] if report.conforms else words["fails"]
        lines = [head.format(violations=counts["Violation"], warnings=counts["Warning"], infos=counts["Info"])]
    for v in report.violations:
        lines.append("")
        name = f"{v.focus_label} <{v.focus}>" if v.focus_label else f"<{v.focus}>"
        lines.append(f"[{words[v.severity]}] {name}")
        for key, text in (
            ("path", v.path),
            ("message", v.message),
            ("value", v.value),
            ("document", v.document),
            ("shape", v.shape),
        ):
            if text is not None:
                lines.append(f"    {words[key]}: {text}")
    return "\n".join(lines) + "\n"


_WORDS = {
    "en": {
        "conforms": "The graph conforms to the shapes.",
        "conforms_with": "The graph conforms to the shapes, with {warnings} warning(s) and {infos} note(s).",
        "fails": "The graph does not conform to the shapes: {violations} violation(s), {warnings} warning(s).",
        "Violation": "Violation",
        "Warning": "Warning",
        "Info": "Info",
        "path": "path",
        "message": "message",
        "value": "value",
        "document": "document",
        "shape": "shape",
    },
    "th": {
        "conforms": "กราฟเป็นไปตามรูปร่าง SHACL ทุกข้อ",
        "conforms_with": "กราฟเป็นไปตามรูปร่าง SHACL โดยมีคำเตือน {warnings} รายการ และหมายเหตุ {infos} รายการ",
        "fails": "กราฟไม่เป็นไปตามรูปร่าง SHACL: ข้อผิดพลาด {violations} รายการ คำเตือน {warnings} รายการ",
        "Violation": "ข้อผิดพลาด",
        "Warning": "คำเตือน",
        "Info": "หมายเหตุ",
        "path": "คุณสมบัติ",
        "message": "ข้อความ",
        "value": "ค่า",
        "document": "เอกสาร",
        "shape": "รูปร่าง",
    },
}
