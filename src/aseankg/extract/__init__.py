"""Extraction: the entities, mentions and facts one Thai article states.

``extract(document, lexicon)`` is the one entry point: lexicon matching, patterns for what
the lexicon does not know (people, posts, organisations, meetings, MoUs), resolution of
every name to one slug, and the facts, each with its mention in the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aseankg.extract.model import Entity, Extraction, Fact, Mention, Ref, Span, Value

if TYPE_CHECKING:
    from aseankg.corpus import Document
    from aseankg.lexicon import Lexicon

__all__ = ["Entity", "Extraction", "Fact", "Mention", "Ref", "Span", "Value", "extract"]


def extract(document: Document, lexicon: Lexicon) -> Extraction:
    """Everything ``document`` states that the lexicon and the patterns recognise."""
    # Imported here: aseankg.lexicon imports aseankg.extract.model, and the pipeline
    # imports aseankg.lexicon.
    from aseankg.extract.pipeline import extract_document

    return extract_document(document, lexicon)
