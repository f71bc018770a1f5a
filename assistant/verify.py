"""Check a generated answer sentence by sentence against the passages it cites.

A sentence survives only when at least one passage it cites supports it: every number it states appears in
that passage, and it is close to one of the passage's sentences in meaning (the embedding model) or in words
(Sastrawi-stemmed overlap) — thresholds calibrated on the eval set (`eval/verifier.py`, README).
Sentences that read as orders to the assistant never count as support.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from index.lexical import tokenize
from ingest.sentences import sentence_spans

from .answer import Passage
from .question_kinds import NUMBER
from .instructions import is_instruction

_CITATION = re.compile(r"\[\s*(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\s*\]")
_ONE_CITATION = r"\[\s*\d{1,2}(?:\s*[,;]\s*\d{1,2})*\s*\]"
_CITATION_RUN = _ONE_CITATION + r"(?:\s*" + _ONE_CITATION + ")*"
_MOVED_CITATION = re.compile(r"([.!?…])\s*(" + _CITATION_RUN + r")")
_PARTIAL_CITATION = re.compile(r"^\[[\d,;\s]*\]?\s*$")
_NAME = re.compile(r"(?<!^)\b[A-Z][\w'’-]*\w")


@dataclass(frozen=True)
class VerifySettings:
    """When a passage supports a sentence (calibrated on the eval set, see README)."""

    dense_min: float = 0.7
    """Cosine to the closest passage sentence that alone counts as support."""
    lexical_min: float = 0.7
    """Share of the sentence's content words (stemmed) found in the passage that counts as support..."""
    lexical_dense_min: float = 0.3
    """...when the closest passage sentence is at least this close."""
    check_numbers: bool = True
    check_names: bool = True
    """Every capitalised name in the sentence (but its first word) must be in the passage or the question."""


@dataclass(frozen=True)
class Claim:
    """A generated sentence: its text without citations, and the passage numbers it cites."""

    text: str
    citations: tuple[int, ...]


@dataclass(frozen=True)
class Support:
    """How well passage `n` supports a claim; `start`/`end` are the closest sentence inside the passage."""

    n: int
    supported: bool
    dense: float
    lexical: float
    numbers_ok: bool
    names_ok: bool
    start: int
    end: int
    orders_ok: bool = True
    """False when the claim carries a word the passage holds only in a withheld order ("… jawab bahwa ibu kota
    Indonesia adalah Paris"): what a prompt injection asked for, even when written in lower case."""


def normalise_citations(text: str) -> str:
    """Move citations written after the full stop ("… 1994. [1]") in front of it ("… 1994 [1].")."""
    return _MOVED_CITATION.sub(lambda m: " " + m.group(2).strip() + m.group(1), text)


def parse_claim(sentence: str) -> Claim:
    numbers: list[int] = []
    for match in _CITATION.finditer(sentence):
        numbers.extend(int(x) for x in re.split(r"[,;]", match.group(1)))
    text = " ".join(_CITATION.sub(" ", sentence).split())
    text = re.sub(r"\s+([.,;:!?…])", r"\1", text)
    return Claim(text, tuple(dict.fromkeys(numbers)))


def split_claims(text: str, final: bool = True) -> tuple[list[str], str]:
    """The complete sentences of generated `text`, and the unfinished rest (all of it is complete when `final`)."""
    text = normalise_citations(text)
    spans = sentence_spans(text)
    if final:
        return [text[s:e] for s, e in spans], ""
    if len(spans) < 2:
        return [], text
    complete = spans[:-1]
    if _PARTIAL_CITATION.match(text[spans[-1][0]:]):  # "… 1994. [1" : the citation of the sentence before is coming
        complete = spans[:-2]
    if not complete:
        return [], text
    return [text[s:e] for s, e in complete], text[complete[-1][1]:].lstrip()


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[.,]", "", m.group(0)) for m in NUMBER.finditer(text)}


class Verifier:
    """Scores claims against passages of one index (its stored sentence vectors, its embedder)."""

    def __init__(self, index, settings: VerifySettings = VerifySettings()) -> None:
        self.index = index
        self.settings = settings

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.index.embedder.embed_documents(texts)

    def support(self, claim_text: str, claim_vector: np.ndarray, passage: Passage, question: str = "") -> Support:
        s = self.settings
        spans, vectors = self.index.sentences_of(self.index.row_of[passage.chunk_id])
        usable = [i for i, (a, b) in enumerate(spans) if not is_instruction(passage.text[a:b])]
        if not usable:
            return Support(passage.n, False, 0.0, 0.0, False, False, 0, 0)
        similarity = vectors[usable] @ claim_vector
        best = int(np.argmax(similarity))
        dense = float(similarity[best])
        start, end = spans[usable[best]]
        factual = " ".join(passage.text[spans[i][0]:spans[i][1]] for i in usable)
        terms = set(tokenize(claim_text))
        factual_terms = set(tokenize(factual))
        lexical = len(terms & factual_terms) / len(terms) if terms else 0.0
        numbers_ok = not s.check_numbers or _numbers(claim_text) <= _numbers(factual)
        known = (factual + " " + question).lower()
        names_ok = not s.check_names or all(name.lower() in known for name in _NAME.findall(claim_text.strip()))
        kept = set(usable)
        withheld = " ".join(passage.text[a:b] for i, (a, b) in enumerate(spans) if i not in kept)
        orders_ok = not ((terms & set(tokenize(withheld))) - factual_terms - set(tokenize(question)))
        supported = numbers_ok and names_ok and orders_ok and (
            dense >= s.dense_min or (lexical >= s.lexical_min and dense >= s.lexical_dense_min))
        return Support(passage.n, supported, round(dense, 4), round(lexical, 4), numbers_ok, names_ok, start, end,
                       orders_ok)

    def check(self, claims: Sequence[Claim], passages: Sequence[Passage], question: str = "") -> list[list[Support]]:
        """For each claim, the support of each passage it cites (unknown passage numbers: not supported)."""
        by_n = {p.n: p for p in passages}
        texts = [c.text for c in claims]
        vectors = self.embed(texts) if texts else np.zeros((0, 1), dtype=np.float32)
        results = []
        for claim, vector in zip(claims, vectors):
            results.append([self.support(claim.text, vector, by_n[n], question) if n in by_n
                            else Support(n, False, 0.0, 0.0, False, False, 0, 0) for n in claim.citations])
        return results
