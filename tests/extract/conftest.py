"""Helpers for the extraction tests: articles written for the tests, in the thaigov format."""

from __future__ import annotations

import pytest

from aseankg.corpus import Document, parse_document
from aseankg.extract import Extraction, extract
from aseankg.extract.model import Ref
from aseankg.lexicon import Lexicon, load_lexicon

HEADLINE = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-"


def article(body: str, date_line: str = "วันจันทร์ที่ 3 กุมภาพันธ์ 2568", identifier: str = "t") -> Document:
    """A thaigov-style article with ``body`` as its only paragraph(s)."""
    text = f"{HEADLINE}ข่าวทดสอบ\n\n\n{date_line}\nข่าวทดสอบ\n{body}\n\nที่มา : https://example.org/news/1\n"
    return parse_document(text.encode("utf-8"), identifier=identifier)


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture
def run(lexicon):
    """Extract a body written for a test: ``run(body) -> (document, extraction)``."""

    def _run(body: str, **kwargs) -> tuple[Document, Extraction]:
        document = article(body, **kwargs)
        return document, extract(document, lexicon)

    return _run


def facts(extraction: Extraction) -> set[tuple[str, str, str]]:
    """Every fact as (subject, predicate, object slug or lexical form)."""
    out = set()
    for f in extraction.facts:
        out.add((f.subject, f.predicate, f.object.slug if isinstance(f.object, Ref) else f.object.lexical))
    return out
