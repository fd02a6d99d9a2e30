"""Lookup structures built once per lexicon: tries of names and vocabulary, the word list
for segmentation, PyThaiNLP's name lists.

Building them takes about a second; every article afterwards only looks things up. PyThaiNLP's
own default word trie (which its romaniser segments with) is loaded here too, so that a build's
worker processes, forked after this, do not each load it again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names
from pythainlp.corpus.common import thai_words
from pythainlp.tokenize import word_dict_trie
from pythainlp.util import Trie as WordTrie

from aseankg.extract.trie import Trie
from aseankg.lexicon import HeadNoun, Lexicon, PostTitle, surface_key

__all__ = ["Resources", "resources_for"]


def _trie(words: Any, value: Any = True) -> Trie:
    return Trie((surface_key(w), value if value is not True else w) for w in words)


@dataclass
class Resources:
    """Everything the patterns look up, for one lexicon."""

    lexicon: Lexicon
    names: Trie  # surface key -> slug
    honorifics: Trie
    name_stops: Trie
    posts: Trie  # -> PostTitle
    post_joiners: Trie
    post_capacity: Trie
    org_heads: Trie  # -> HeadNoun
    org_generic: Trie
    org_stops: Trie
    qualifiers: Trie
    place_heads: Trie  # -> HeadNoun
    place_markers: Trie
    glossary: Trie  # -> English
    meeting_heads: Trie
    meeting_class_words: list[tuple[str, str]]  # (key, class)
    bilateral: Trie
    during: Trie
    host: Trie
    chair: Trie
    vice_chair: Trie
    attend: Trie
    attend_intro: Trie
    mou_heads: Trie
    mou_unsigned: Trie
    mou_signed: Trie
    mou_topic: Trie
    mou_anaphora: Trie
    member_governments: Trie
    amount_words: Trie
    currencies: Trie  # -> ISO code
    proposal: Trie
    occasion_anaphora: Trie
    representative: Trie
    meeting_list_intro: Trie
    org_proposed: Trie
    funding_from: Trie
    word_trie: WordTrie  # segmentation dictionary: PyThaiNLP's words + lexicon names
    dictionary: frozenset[str]
    given_names: frozenset[str]
    family_names: frozenset[str]
    given_trie: Trie  # PyThaiNLP's Thai given names


def _build(lexicon: Lexicon) -> Resources:
    vocab = lexicon.vocabulary
    names: Trie = Trie(lexicon.surfaces.items())
    for word in vocab.not_names:  # longest match takes them, and they name nothing
        names.add(surface_key(word), "")
    posts: Trie = Trie()
    for post in vocab.posts:
        for th in post.th:
            posts.add(surface_key(th), post)
    heads: Trie = Trie((surface_key(h.th), h) for h in vocab.organization_heads)
    place_heads: Trie = Trie((surface_key(h.th), h) for h in vocab.place_heads)
    glossary: Trie = Trie((surface_key(k), v) for k, v in vocab.glossary.items())
    meeting, mou, funding = vocab.meeting, vocab.mou, vocab.funding
    currencies: Trie = Trie((surface_key(c["th"]), c["code"]) for c in funding["currencies"])

    dictionary = thai_words()
    extra: set[str] = set()
    for entry in lexicon.entries.values():
        for name, _lang in entry.names:
            if " " not in name.strip():
                extra.add(name.strip())
    extra.update(vocab.honorifics)
    extra.update(vocab.name_stops)
    for post in vocab.posts:
        extra.update(post.th)
    extra.update(h.th for h in vocab.organization_heads)
    extra.update(h.th for h in vocab.place_heads)
    extra.update(w for w in vocab.glossary if w)
    extra.update(vocab.not_names)
    for group in (meeting, mou):
        for words in group.values():
            extra.update(w for w in words if isinstance(w, str) and " " not in w)
    word_trie = WordTrie(set(dictionary) | extra)
    word_dict_trie()  # PyThaiNLP's default trie (cached by PyThaiNLP), for romanisation
    given_names = frozenset(thai_male_names()) | frozenset(thai_female_names())

    return Resources(
        lexicon=lexicon,
        names=names,
        honorifics=_trie(vocab.honorifics),
        name_stops=_trie(vocab.name_stops),
        posts=posts,
        post_joiners=_trie(vocab.post_joiners),
        post_capacity=_trie(vocab.post_capacity),
        org_heads=heads,
        org_generic=_trie(vocab.organization_generic),
        org_stops=_trie(vocab.organization_stops),
        qualifiers=_trie(vocab.country_qualifiers),
        place_heads=place_heads,
        place_markers=_trie(vocab.place_markers),
        glossary=glossary,
        meeting_heads=_trie(meeting["heads"]),
        meeting_class_words=[(surface_key(w["th"]), w["class"]) for w in meeting["class_words"]],
        bilateral=_trie(meeting["bilateral"]),
        during=_trie(meeting["during"]),
        host=_trie(meeting["host"]),
        chair=_trie(meeting["chair"]),
        vice_chair=_trie(meeting["vice_chair"]),
        attend=_trie(meeting["attend"]),
        attend_intro=_trie(meeting["attend_intro"]),
        mou_heads=_trie(mou["heads"]),
        mou_unsigned=_trie(mou["unsigned"]),
        mou_signed=_trie(mou["signed"]),
        mou_topic=_trie(mou["topic"]),
        mou_anaphora=_trie(mou["anaphora"]),
        member_governments=_trie(mou["member_governments"]),
        amount_words=_trie(funding["amount"]),
        currencies=currencies,
        proposal=_trie(vocab.proposal),
        occasion_anaphora=_trie(meeting.get("occasion_anaphora", ())),
        representative=_trie(meeting.get("representative", ())),
        meeting_list_intro=_trie(meeting.get("list_intro", ())),
        org_proposed=_trie(vocab.organization_proposed),
        funding_from=_trie(funding["from"]),
        word_trie=word_trie,
        dictionary=dictionary,
        given_names=given_names,
        family_names=frozenset(thai_family_names()),
        given_trie=Trie((n, n) for n in given_names),
    )


_CACHE: dict[int, Resources] = {}
_LOCK = threading.Lock()


def resources_for(lexicon: Lexicon) -> Resources:
    """The resources of ``lexicon``, built on first use and kept while it lives."""
    found = _CACHE.get(id(lexicon))
    if found is not None and found.lexicon is lexicon:
        return found
    with _LOCK:
        found = _CACHE.get(id(lexicon))
        if found is None or found.lexicon is not lexicon:
            found = _build(lexicon)
            if len(_CACHE) > 8:
                _CACHE.clear()
            _CACHE[id(lexicon)] = found
    return found


# Re-exported for type hints in the pattern modules.
__all__ += ["HeadNoun", "PostTitle"]
