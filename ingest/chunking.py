"""Group a document's sentences into overlapping chunks whose offsets point into the document text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .documents import Chunk, Document, make_chunk_id
from .sentences import SPLITTER_VERSION, sentence_spans


@dataclass(frozen=True)
class ChunkingConfig:
    """How sentences are grouped: up to `max_chars` and `max_sentences`, `overlap` sentences shared; a short list item
    or table row counts as `list_item` of a sentence, so that a list stays with the line that leads into it ("Susunan
    pengurus … sebagai berikut:" and its "- Bendahara: Hj. Sumiyati")."""

    max_chars: int = 600
    max_sentences: int = 4
    overlap: int = 1
    list_item: float = 0.5
    list_item_chars: int = 80
    """A longer list item is a sentence of its own ("- Mendorong pemulihan ekonomi: Negara-negara bekerja sama …")."""

    def __post_init__(self) -> None:
        if self.max_sentences < 1 or self.max_chars < 1:
            raise ValueError("max_sentences and max_chars must be at least 1.")
        if not 0 <= self.overlap < self.max_sentences:
            raise ValueError(f"overlap must be between 0 and max_sentences - 1; got {self.overlap}.")

    def to_dict(self) -> dict:
        """As kept in an index's manifest: a different dict (a new sentence splitter too) means re-chunking."""
        return {"max_chars": self.max_chars, "max_sentences": self.max_sentences, "overlap": self.overlap,
                "list_item": self.list_item, "list_item_chars": self.list_item_chars, "splitter": SPLITTER_VERSION}


# A list item ("- Bendahara: Hj. Sumiyati", "2. Meninggikan lantai …", a field "Sekretaris: Nur Aini, S.E.") and a
# table row as ingest writes it ("Moda: Pesawat udara; Jumlah Penumpang: 1.954.200 orang."), each on a line of its own.
_LIST_ITEM = re.compile(r"(?:[-•*–]|\d{1,2}[.)]|[a-z][.)])\s+\S|[A-Z][\w'’./()-]*(?: [\w'’./()-]+){0,4}: \S")
_TABLE_ROW = re.compile(r"[^:;\n]{1,60}: [^;\n]+(?:; [^:;\n]{1,60}: [^;\n]+)+$")


def list_items(text: str, spans: list[tuple[int, int]], config: ChunkingConfig = ChunkingConfig()) -> list[bool]:
    """Which of `text`'s sentence spans are table rows or short list items (`config.list_item_chars` at most; a
    longer item is prose): each begins a line."""
    return [(start == 0 or text[start - 1] == "\n")
            and (_TABLE_ROW.match(text[start:end]) is not None
                 or end - start <= config.list_item_chars and _LIST_ITEM.match(text[start:end]) is not None)
            for start, end in spans]


def chunk_spans(spans: list[tuple[int, int]], config: ChunkingConfig,
                size: Callable[[int, int], int] | None = None, items: list[bool] | None = None
                ) -> list[tuple[int, int]]:
    """Group sentence spans into chunk spans; each chunk starts with the last `overlap` sentences of the previous.

    A chunk holds at most `config.max_chars` of `size(start, end)`: characters unless another measure (tokens) is
    given. The spans `items` marks (list items, table rows) count as `config.list_item` of a sentence each.
    """
    size = size or (lambda start, end: end - start)
    weight = [config.list_item if items and items[k] else 1.0 for k in range(len(spans))]
    groups: list[tuple[int, int]] = []  # (first sentence index, last sentence index), inclusive
    i = 0
    while i < len(spans):
        j = i
        while (j + 1 < len(spans) and sum(weight[i:j + 2]) <= config.max_sentences
               and size(spans[i][0], spans[j + 1][1]) <= config.max_chars):
            j += 1
        groups.append((i, j))
        if j + 1 >= len(spans):
            break
        i = max(j + 1 - config.overlap, i + 1)
    return [(spans[a][0], spans[b][1]) for a, b in groups]


def chunk_document(document: Document, config: ChunkingConfig = ChunkingConfig()) -> list[Chunk]:
    """The chunks of one document, in order."""
    sentences = sentence_spans(document.text)
    spans = chunk_spans(sentences, config, items=list_items(document.text, sentences, config))
    return [
        Chunk(
            chunk_id=make_chunk_id(document.doc_id, document.text[start:end] + f"@{start}"),
            doc_id=document.doc_id, source=document.source, title=document.title,
            text=document.text[start:end], start=start, end=end, position=position,
        )
        for position, (start, end) in enumerate(spans)
    ]
