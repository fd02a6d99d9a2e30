"""The extraction of one document, stage by stage.

1. the body is prepared once (:class:`DocText`: key, words, sentences, dates, ordinals);
2. lexicon names; 3. organisations by head noun; 4. people; 5. their posts;
6. meetings, bilateral talks and their details; 7. MoUs; 8. funded projects and proposals;
9. every name found becomes a mention of its entity.
"""

from __future__ import annotations

from aseankg.corpus import Document
from aseankg.extract.initiatives import find_funding, find_proposals
from aseankg.extract.meetings import find_meetings
from aseankg.extract.mentions import find_lexicon_names
from aseankg.extract.model import Extraction
from aseankg.extract.mous import find_mous
from aseankg.extract.organizations import find_organizations
from aseankg.extract.people import find_people
from aseankg.extract.posts import find_posts
from aseankg.extract.resolve import Registry
from aseankg.extract.resources import resources_for
from aseankg.extract.text import DocText
from aseankg.lexicon import Lexicon

__all__ = ["extract_document"]


def extract_document(document: Document, lexicon: Lexicon) -> Extraction:
    """Everything ``document`` states that the lexicon and the patterns recognise."""
    res = resources_for(lexicon)
    doc = DocText(document, res)
    registry = Registry(doc, lexicon)
    if doc.end <= doc.begin:
        return registry.extraction()
    find_lexicon_names(doc, registry)
    find_organizations(doc, registry)
    people = find_people(doc, registry)
    held, alone = find_posts(doc, registry, people)
    find_meetings(doc, registry, people, held, alone)
    find_mous(doc, registry, alone)
    find_funding(doc, registry)
    find_proposals(doc, registry, held, alone)
    for hit in registry.layer:
        registry.mention(hit.slug, hit.begin, hit.end)
    return with_referenced(registry.extraction(), lexicon)


def with_referenced(extraction: Extraction, lexicon: Lexicon) -> Extraction:
    """Add the lexicon entities that the facts point at without the text naming them.

    A post title implies its organisation (a deputy prime minister's government), a
    secretary-general implies the secretariat: the document refers to them, so they are its
    entities (typed and ``akg:mentionedIn`` in its graph) though no Mention marks a span.
    """
    for fact in extraction.facts:
        slug = getattr(fact.object, "slug", None)
        if slug and slug not in extraction.entities and slug in lexicon.entries:
            extraction.entities[slug] = lexicon.entries[slug].entity
    return extraction
