"""LangChain integration: a retriever over the hybrid index, and the Indonesian sentence-aware splitter."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from langchain_text_splitters import TextSplitter
from pydantic import ConfigDict, Field

from ingest.chunking import ChunkingConfig, chunk_spans, list_items
from ingest.sentences import sentence_spans

from .store import HybridIndex, SearchConfig

log = logging.getLogger(__name__)


class TanyaRetriever(BaseRetriever):
    """Hybrid (dense + Indonesian BM25) retrieval as a LangChain retriever.

    ### Usage example
    ```python
    retriever = open_assistant().as_langchain_retriever(k=5)  # follows re-ingests of the index
    docs = retriever.invoke("Kapan kerja sama Kazakhstan dengan NATO dimulai?")
    ```
    `index.as_langchain_retriever()` searches that loaded version of the index only.
    Each document's metadata carries `source`, `title`, `chunk_id`, `doc_id`, `start`, `end` (offsets into the
    cleaned document text, `index.documents[doc_id].text`), `position` (the chunk's number in its document),
    `score` (the fused score: a mix of per-query z-scores, comparable within one query only) and `rank`.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: HybridIndex
    k: int = Field(default=5, ge=1)
    search_config: SearchConfig = SearchConfig()
    current: Callable[[], HybridIndex] | None = None
    """When set, the index to search is asked for at each query (the assistant's, which follows `tanya ingest`)."""
    documents: frozenset[str] | None = None
    """When set, only chunks of these documents are returned: `doc_id`s or `source` names, as in the metadata."""

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        index: HybridIndex = self.current() if self.current is not None else self.index
        wanted = None if self.documents is None else {
            doc_id for doc_id, document in index.documents.items()
            if doc_id in self.documents or document.source in self.documents}
        hits = index.search(query, k=self.k, config=self.search_config, documents=wanted)
        return [
            LCDocument(
                page_content=hit.chunk.text,
                metadata={"source": hit.chunk.source, "title": hit.chunk.title, "chunk_id": hit.chunk.chunk_id,
                          "doc_id": hit.chunk.doc_id, "start": hit.chunk.start, "end": hit.chunk.end,
                          "position": hit.chunk.position, "score": hit.score, "rank": hit.rank},
                id=hit.chunk.chunk_id,
            )
            for hit in hits
        ]


class IndonesianSentenceSplitter(TextSplitter):
    """tanya's chunker as a LangChain text splitter: sentence-aware, with sentence overlap.

    `chunk_size` is measured by `length_function` (characters by default; tokens with `from_huggingface_tokenizer`
    or `from_tiktoken_encoder`); chunks overlap by `overlap_sentences` whole sentences (at most
    `max_sentences - 1`), so LangChain's `chunk_overlap` (characters) does not apply. A sentence longer than
    `chunk_size` stays whole, with a warning. `add_start_index=True` gives each chunk's exact offset.
    """

    def __init__(self, chunk_size: int = 600, max_sentences: int = 4, overlap_sentences: int = 1, **kwargs: Any) -> None:
        if "chunk_overlap" in kwargs:
            raise ValueError("IndonesianSentenceSplitter overlaps whole sentences, not characters: pass "
                             f"overlap_sentences=N instead of chunk_overlap={kwargs['chunk_overlap']!r}.")
        super().__init__(chunk_size=chunk_size, chunk_overlap=0, **kwargs)
        self._config = ChunkingConfig(max_chars=chunk_size, max_sentences=max_sentences, overlap=overlap_sentences)

    def split_spans(self, text: str) -> list[tuple[int, int]]:
        """`(start, end)` of each chunk: `text[start:end]` is the chunk."""
        def size(start: int, end: int) -> int:
            return self._length_function(text[start:end])

        sentences = sentence_spans(text)
        spans = chunk_spans(sentences, self._config, size, list_items(text, sentences, self._config))
        for start, end in spans:
            if size(start, end) > self._chunk_size:
                log.warning("Created a chunk of size %d, which is longer than the specified %d (one sentence "
                            "longer than chunk_size stays whole).", size(start, end), self._chunk_size)
        return spans

    def split_text(self, text: str) -> list[str]:
        return [text[start:end] for start, end in self.split_spans(text)]

    def create_documents(self, texts: list[str], metadatas: list[dict] | None = None) -> list[LCDocument]:
        """LangChain's documents; with `add_start_index`, `start_index` is the chunk's own offset (LangChain's
        search for the chunk text would start past an overlapping chunk)."""
        documents = []
        for i, text in enumerate(texts):
            for start, end in self.split_spans(text):
                metadata = copy.deepcopy(metadatas[i]) if metadatas else {}
                if self._add_start_index:
                    metadata["start_index"] = start
                documents.append(LCDocument(page_content=text[start:end], metadata=metadata))
        return documents
