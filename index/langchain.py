"""LangChain integration: a retriever over the hybrid index, and the Indonesian sentence-aware splitter."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from langchain_text_splitters import TextSplitter
from pydantic import ConfigDict

from ingest.chunking import ChunkingConfig, chunk_spans
from ingest.sentences import sentence_spans

from .store import HybridIndex, SearchConfig


class TanyaRetriever(BaseRetriever):
    """Hybrid (dense + Indonesian BM25) retrieval as a LangChain retriever.

    ### Usage example
    ```python
    retriever = index.as_langchain_retriever(k=5)
    docs = retriever.invoke("Kapan kerja sama Kazakhstan dengan NATO dimulai?")
    ```
    Each document's metadata carries `source`, `title`, `chunk_id`, `doc_id`, `start`, `end`, `score`.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: Any
    k: int = 5
    search_config: SearchConfig = SearchConfig()

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        index: HybridIndex = self.index
        hits = index.search(query, k=self.k, config=self.search_config)
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

    `chunk_size` is in characters; `chunk_overlap` is counted in sentences (at most `max_sentences - 1`).
    """

    def __init__(self, chunk_size: int = 600, max_sentences: int = 4, overlap_sentences: int = 1, **kwargs: Any) -> None:
        super().__init__(chunk_size=chunk_size, chunk_overlap=0, **kwargs)
        self._config = ChunkingConfig(max_chars=chunk_size, max_sentences=max_sentences, overlap=overlap_sentences)

    def split_text(self, text: str) -> list[str]:
        return [text[start:end] for start, end in chunk_spans(sentence_spans(text), self._config)]
