"""Group a document's sentences into overlapping chunks whose offsets point into the document text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .documents import Chunk, Document, make_chunk_id
from .sentences import SPLITTER_VERSION, sentence_spans


@dataclass(frozen=True)
class ChunkingConfig:
    """How sentences are grouped: up to `max_chars` and `max_sentences`, `overlap` sentences shared."""

    max_chars: int = 600
    max_sentences: int = 4
    overlap: int = 1

    def __post_init__(self) -> None:
        if self.max_sentences < 1 or self.max_chars < 1:
            raise ValueError("max_sentences and max_chars must be at least 1.")
        if not 0 <= self.overlap < self.max_sentences:
            raise ValueError(f"overlap must be between 0 and max_sentences - 1; got {self.overlap}.")

    def to_dict(self) -> dict:
        """As kept in an index's manifest: a different dict (a new sentence splitter too) means re-chunking."""
        return {"max_chars": self.max_chars, "max_sentences": self.max_sentences, "overlap": self.overlap,
                "splitter": SPLITTER_VERSION}


def chunk_spans(spans: list[tuple[int, int]], config: ChunkingConfig,
                size: Callable[[int, int], int] | None = None) -> list[tuple[int, int]]:
    """Group sentence spans into chunk spans; each chunk starts with the last `overlap` sentences of the previous.

    A chunk holds at most `config.max_chars` of `size(start, end)`: characters unless another measure (tokens) is
    given.
    """
    size = size or (lambda start, end: end - start)
    groups: list[tuple[int, int]] = []  # (first sentence index, last sentence index), inclusive
    i = 0
    while i < len(spans):
        j = i
        while (j + 1 < len(spans) and j + 1 - i < config.max_sentences
               and size(spans[i][0], spans[j + 1][1]) <= config.max_chars):
            j += 1
        groups.append((i, j))
        if j + 1 >= len(spans):
            break
        i = max(j + 1 - config.overlap, i + 1)
    return [(spans[a][0], spans[b][1]) for a, b in groups]


def chunk_document(document: Document, config: ChunkingConfig = ChunkingConfig()) -> list[Chunk]:
    """The chunks of one document, in order."""
    spans = chunk_spans(sentence_spans(document.text), config)
    return [
        Chunk(
            chunk_id=make_chunk_id(document.doc_id, document.text[start:end] + f"@{start}"),
            doc_id=document.doc_id, source=document.source, title=document.title,
            text=document.text[start:end], start=start, end=end, position=position,
        )
        for position, (start, end) in enumerate(spans)
    ]
