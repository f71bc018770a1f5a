"""Follow-up questions: rewrite a question that leans on the conversation into one that stands alone.

Rewriting is gated, not always on: only a question that points back ("itu", "tersebut", "dia", "it",
"they"...) or is too short to search on its own is combined with the previous question. The rewritten
query is what retrieval sees; the user sees it next to the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.lexical import tokenize

_ANAPHORA = re.compile(
    r"\b(itu|tersebut|ini|dia|ia|mereka|beliau|nya|sana|situ|hal itu|"
    r"it|its|that|this|they|them|their|he|she|his|her|there)\b|\w+nya\b",
    re.IGNORECASE,
)
_SHORT = 2  # content tokens: fewer than this and the question cannot stand alone


@dataclass(frozen=True)
class Rewrite:
    """The question as asked, what retrieval searches for, and whether the two differ."""

    question: str
    query: str
    rewritten: bool


def needs_context(question: str) -> bool:
    """True when the question points back to the conversation or is too short to search alone."""
    return bool(_ANAPHORA.search(question)) or len(tokenize(question)) < _SHORT


def rewrite(question: str, history: list[str] | None) -> Rewrite:
    """Combine a follow-up with the last standalone question of `history` (oldest first)."""
    question = " ".join(question.split())
    if not history or not needs_context(question):
        return Rewrite(question, question, False)
    previous = " ".join(history[-1].split())
    return Rewrite(question, f"{question} ({previous})", True)
