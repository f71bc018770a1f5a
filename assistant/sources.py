"""A question that names the document it asks about: "According to The Diplomat article, …", "Menurut artikel
kumparan, …", "… menurut artikel tentang era globalisasi". The answer is then searched in that document alone,
and the phrase that names it is left out of what is searched.

A source matches a document when all its own words are in the document's title, or, after "artikel" / "article" /
"tulisan" / "laporan" / "report", in its text ("kumparan" is in the page's footer). A named source that no
document matches ("According to the Reuters report, …") is reported, so the answer can say the documents hold no
such source instead of answering from another one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from index.lexical import tokenize

_ARTICLE = r"(?:artikel|tulisan|laporan|berita|article|piece|report|story)"
# "menurut artikel X", "dalam tulisan X", "according to the X article", "in the X report", "the X article";
# the source ends at a comma, a question word or the end of the question ("Dr. Ratna" goes on past its stop).
_SOURCE_PHRASES = (
    re.compile(rf"\b(?:menurut|dalam|di|pada|dari)\s+(?P<noun>{_ARTICLE})\s+(?P<source>(?:[^,?.;:]|\.(?=\s*(?-i:[A-Z])))+?)"
               r"(?=\s*(?:[,?;:]|\.(?!\s*(?-i:[A-Z]))|$|\b(?:apa|siapa|kapan|mengapa|kenapa|bagaimana|berapa|di\s+mana|mana)\b|"
               r"\bdan\s+(?:dalam|di|pada|menurut)\b))", re.I),
    re.compile(rf"\b(?:according\s+to|in|from|per)\s+(?:the\s+|an?\s+)?(?P<source>[\w'’-]+(?:\s+[\w'’-]+){{0,3}}?)\s+"
               rf"(?P<noun>{_ARTICLE})\b", re.I),
    re.compile(r"\b(?i:according)\s+to\s+(?P<source>(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"),
    re.compile(rf"\b(?P<noun>{_ARTICLE})\s+(?P<source>[a-z][\w-]*(?:\s+[A-Z][\w'’-]*)*|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
               r"(?=\s+(?:tentang|about|on)\b)"),
    re.compile(rf"\b(?i:the)\s+(?P<source>[\w'’-]+(?:\s+[\w'’-]+)?)\s+(?P<noun>{_ARTICLE})(?=\s+(?:about|on)\b)"),
)
_SOURCE_ONLY = _SOURCE_PHRASES[-2:]
"""Phrases of which only the source's name is left out of what is searched: "Siapa penulis artikel kumparan tentang
…?" keeps "artikel tentang …"."""
_MOST_WORDS = 6
"""A longer "source" is a clause, not a name: "… dalam tulisan tentang KSS Indonesia …" is one, a sentence is not."""
# Words of a source that name nothing by themselves ("menurut artikel tersebut" names no source), and titles.
_NOT_OWN = frozenset("the a an tentang about on mengenai yang itu ini oleh by of dr drs prof ir".split())
_POINTING = re.compile(r"(?:tersebut|itu|ini|tadi|di\s+atas|this|that|above)", re.I)


class _Document(Protocol):
    title: str
    text: str


@dataclass(frozen=True)
class NamedSource:
    """The source a question names, the documents it matches (empty: none does) and the question without it."""

    name: str
    doc_ids: frozenset[str]
    rest: str


def named_source(question: str, documents: Mapping[str, _Document]) -> NamedSource | None:
    """The document(s) `question` says it asks about, or None when it names no source (or one every document
    matches, which narrows nothing)."""
    found = [(pattern, match) for pattern in _SOURCE_PHRASES for match in pattern.finditer(question)]
    if len({match.group("noun").lower() for _, match in found if "noun" in match.groupdict()}) > 1 or len(
            [m for _, m in found if m.re is _SOURCE_PHRASES[0]]) > 1:
        return None  # "… dalam tulisan tentang KSS dan dalam artikel kerjasama …": two sources, all documents
    for pattern, match in found:
        source = match.group("source").strip()
        source = re.sub(r"^(?:tentang|about|on|mengenai)\s+", "", source, flags=re.I)
        if _POINTING.fullmatch(source) or len(source.split()) > _MOST_WORDS:
            continue
        own = [t for t in tokenize(source) if t not in _NOT_OWN]
        if not own:
            continue
        in_text = "noun" in pattern.groupindex and match.group("noun") is not None
        # a title that holds them all wins: "artikel tentang kerja sama kemanusiaan Asia Tengah" is that article, not
        # every one whose text says "kerja sama", "kemanusiaan" and "Asia Tengah" somewhere
        matched = frozenset(doc_id for doc_id, document in documents.items() if _holds(own, document.title))
        if not matched and in_text:  # each text read (stemmed) only when it holds the words as written
            matched = frozenset(doc_id for doc_id, document in documents.items()
                                if all(word in document.text.lower() for word in own) and _holds(own, document.text))
        if matched and len(matched) == len(documents):
            return None
        # "the Reuters report" names a source; "artikel tentang era globalisasi" only a topic, and "According to
        # NATO" maybe a speaker
        if not matched and not (in_text and all(w[0].isupper() for w in source.split() if w.lower() not in _NOT_OWN)):
            continue
        # "Siapa penulis artikel kumparan tentang …?" keeps its "artikel"; "Menurut artikel X, …" loses it all
        start, end = match.span("source") if pattern in _SOURCE_ONLY else match.span()
        rest = re.sub(r"\s+(?=[?.!])", "", re.sub(r"\s{2,}", " ", question[:start] + question[end:])).strip(" ,")
        return NamedSource(source, matched, rest or question)
    return None


def _holds(words: list[str], text: str) -> bool:
    own = set(tokenize(text))
    return all(word in own for word in words)
