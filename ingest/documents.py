"""The data types that flow out of ingest: a cleaned document and its chunks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def sha256_text(text: str) -> str:
    """The hex sha256 of a text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """A cleaned document: `text` is what chunk offsets point into."""

    doc_id: str
    source: str
    title: str
    text: str
    content_sha256: str
    meta: dict[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Chunk:
    """A few consecutive sentences of one document; `text == document.text[start:end]`."""

    chunk_id: str
    doc_id: str
    source: str
    title: str
    text: str
    start: int
    end: int
    position: int

    def to_dict(self) -> dict:
        return {
            "chunk_id": self.chunk_id, "doc_id": self.doc_id, "source": self.source, "title": self.title,
            "text": self.text, "start": self.start, "end": self.end, "position": self.position,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Chunk":
        return cls(**{key: data[key] for key in
                      ("chunk_id", "doc_id", "source", "title", "text", "start", "end", "position")})


def make_doc_id(source: str) -> str:
    """A document's id: a hash of its source path, stable across edits of its content."""
    return "doc-" + hashlib.sha1(source.encode("utf-8")).hexdigest()[:12]


def make_chunk_id(doc_id: str, text: str) -> str:
    """A chunk's id: a hash of its document and its text."""
    return hashlib.sha256(f"{doc_id}\n{text}".encode("utf-8")).hexdigest()[:20]
