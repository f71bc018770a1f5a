"""The hybrid index on disk: build it atomically, update it incrementally, load it with clear errors.

Layout of an index directory `DIR`:

    DIR/CURRENT          name of the live version folder (replaced atomically)
    DIR/v-.../manifest.json, vectors.faiss, chunks.jsonl, documents.jsonl, bm25/,
              sentences.npy (one vector per sentence of each chunk), sentences.json (their spans)

A build writes a new version folder completely, fsyncs it, then swaps `CURRENT`. A build killed at any
moment therefore leaves the previous version live and loadable.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import platform
import shutil
import sys
import time
import uuid
from collections.abc import Collection
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from tqdm import tqdm

from ingest.chunking import ChunkingConfig, chunk_document
from ingest.documents import Chunk, Document
from ingest.sentences import sentence_spans

from .embedding import Embedder
from .fusion import FusionMethod, fuse
from .lexical import TOKENIZER_VERSION, LexicalIndex

log = logging.getLogger(__name__)

FORMAT_VERSION = 2
CURRENT = "CURRENT"
EMBED_BATCH = 128
"""Chunks per embedder call: each call is sorted by length (little padding) and cached when it returns, so progress
and the cache advance in steps this size (64 was 10% slower on FacQA; 128 as fast as 256)."""


def rebuild_hint(directory: Path) -> str:
    """How to rebuild the index at `directory` (the command names it: without --index, ingest writes the default)."""
    if directory.name == "bundled" and directory.parent.name == "indexes":  # the default, under TANYA_HOME
        return "Rebuild it with `tanya ingest --rebuild` (the bundled corpus's index)."
    return f"Rebuild it with `tanya ingest --index {directory} --rebuild PATH...` from its documents."


class IndexLoadError(RuntimeError):
    """The index cannot be used; the message names the fix."""


@dataclass(frozen=True)
class SearchHit:
    """One retrieved chunk with its fused score and the score of each leg."""

    chunk: Chunk
    score: float
    dense_score: float
    lexical_score: float
    rank: int


@dataclass(frozen=True)
class SearchConfig:
    """How the two legs are fused; defaults chosen on the eval set (see README)."""

    method: FusionMethod = "zscore"
    dense_weight: float = 0.9
    rrf_k: int = 60


@dataclass(frozen=True)
class BuildReport:
    """What an ingest did."""

    directory: Path
    documents: int
    chunks: int
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    embedded_chunks: int = 0
    cached_chunks: int = 0  # of `embedded_chunks`, how many came from the embedding cache
    seconds: float = 0.0


@dataclass(frozen=True)
class StoredDocument:
    doc_id: str
    source: str
    title: str
    text: str
    content_sha256: str
    meta: dict

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "source": self.source, "title": self.title, "text": self.text,
                "content_sha256": self.content_sha256, "meta": self.meta}


def checked_query(query: object) -> str:
    """`query` as text both encoders take, or an error that says what was wrong with it.

    A lone surrogate (half of an emoji's UTF-16 pair, e.g. from JSON's "\\ud800") becomes "?": the tokenizer
    cannot read it.
    """
    if not isinstance(query, str):
        raise TypeError(f"The query must be text (str); got {type(query).__name__}.")
    if not query.strip():
        raise ValueError('The query is empty. Pass a question, e.g. "Kapan kerja sama Kazakhstan dengan NATO dimulai?"')
    return query.encode("utf-8", "replace").decode("utf-8")


class HybridIndex:
    """Dense (FAISS inner product on normalised vectors) plus lexical (BM25) search over chunks."""

    def __init__(self, directory: Path, version_dir: Path, manifest: dict, chunks: list[Chunk],
                 documents: dict[str, StoredDocument], vectors, lexical: LexicalIndex, embedder: Embedder,
                 sentence_rows: list[int], sentence_spans: list[list[tuple[int, int]]], sentence_matrix: np.ndarray) -> None:
        self.directory = directory
        self.version_dir = version_dir
        self.manifest = manifest
        self.chunks = chunks
        self.documents = documents
        self.vectors = vectors  # a faiss.Index
        self.lexical = lexical
        self.embedder = embedder
        self.sentence_rows = sentence_rows
        self.sentence_spans = sentence_spans
        self.sentence_matrix = sentence_matrix
        self.row_of = {chunk.chunk_id: row for row, chunk in enumerate(chunks)}

    def sentences_of(self, row: int) -> tuple[list[tuple[int, int]], np.ndarray]:
        """The sentence spans (offsets inside the chunk text) of chunk `row`, and their vectors."""
        spans = self.sentence_spans[row]
        first = self.sentence_rows[row]
        return spans, self.sentence_matrix[first:first + len(spans)]

    # ---- loading -------------------------------------------------------------------------------
    @classmethod
    def load(cls, directory: Path, embedder: Embedder, check_model: bool = True) -> "HybridIndex":
        """Load the live version of the index at `directory`; raise `IndexLoadError` naming the fix."""
        directory = Path(directory)
        version_dir = live_version(directory)
        manifest = read_manifest(version_dir)
        if check_model and manifest["model"]["sha256"] != embedder.fingerprint:
            raise IndexLoadError(
                f"The index at {directory} was built with the model {manifest['model']['id']} "
                f"(sha256 {manifest['model']['sha256'][:12]}…), but tanya is using {embedder.model_id} "
                f"(sha256 {embedder.fingerprint[:12]}…). {rebuild_hint(directory)} "
                f"Or pass --model {manifest['model']['id']}."
            )
        _verify_files(version_dir, manifest)
        try:
            import faiss

            vectors = faiss.read_index(str(version_dir / "vectors.faiss"))
            chunks = [Chunk.from_dict(json.loads(line)) for line in
                      (version_dir / "chunks.jsonl").read_text(encoding="utf-8").splitlines() if line]
            documents = _read_documents(version_dir / "documents.jsonl")
            lexical = LexicalIndex.load(version_dir / "bm25")
            sentence_info = json.loads((version_dir / "sentences.json").read_text(encoding="utf-8"))
            sentence_matrix = np.load(version_dir / "sentences.npy")
            sentence_rows = [int(row) for row, _ in sentence_info]
            sentence_spans = [[(int(a), int(b)) for a, b in spans] for _, spans in sentence_info]
        except Exception as exc:  # any damage below the manifest: one clear message
            raise IndexLoadError(f"The index at {directory} is damaged ({type(exc).__name__}: {exc}). "
                                 f"{rebuild_hint(directory)}") from exc
        total_sentences = sum(len(spans) for spans in sentence_spans)
        if not (vectors.ntotal == len(chunks) == lexical.size == len(sentence_spans) == manifest["counts"]["chunks"]
                and sentence_matrix.shape[0] == total_sentences):
            raise IndexLoadError(
                f"The index at {directory} is inconsistent: {vectors.ntotal} vectors, {len(chunks)} chunks, "
                f"{lexical.size} BM25 rows. {rebuild_hint(directory)}")
        if vectors.d != manifest["model"]["dimension"]:
            raise IndexLoadError(f"The index at {directory} has {vectors.d}-dim vectors but its manifest says "
                                 f"{manifest['model']['dimension']}. {rebuild_hint(directory)}")
        return cls(directory, version_dir, manifest, chunks, documents, vectors, lexical, embedder,
                   sentence_rows, sentence_spans, sentence_matrix)

    # ---- search --------------------------------------------------------------------------------
    def dense_scores(self, query_vector: np.ndarray) -> np.ndarray:
        """Cosine similarity of the query with every chunk, in chunk order."""
        n = len(self.chunks)
        scores = np.full(n, -1.0, dtype=np.float32)
        if n == 0:
            return scores
        found, ids = self.vectors.search(query_vector.reshape(1, -1).astype(np.float32), n)
        valid = ids[0] >= 0
        scores[ids[0][valid]] = found[0][valid]
        return scores

    def search(self, query: str, k: int = 5, config: SearchConfig = SearchConfig(),
               query_vector: np.ndarray | None = None, documents: Collection[str] | None = None) -> list[SearchHit]:
        """The top-`k` chunks for `query`, fused from both legs; only chunks of `documents` (ids) when given."""
        if k < 1:
            raise ValueError(f"k must be at least 1; got {k}.")
        query = checked_query(query)
        if not self.chunks:
            return []
        if query_vector is None:
            query_vector = self.embedder.embed_queries([query])[0]
        dense = self.dense_scores(query_vector)
        lexical = self.lexical.scores(query)
        fused = fuse(dense, lexical, config.method, config.dense_weight, config.rrf_k)
        if documents is not None:
            fused = np.where([chunk.doc_id in documents for chunk in self.chunks], fused, -np.inf)
            k = min(k, int(np.isfinite(fused).sum()))
        order = np.argsort(-fused, kind="stable")[:k]
        return [SearchHit(self.chunks[i], float(fused[i]), float(dense[i]), float(lexical[i]), rank)
                for rank, i in enumerate(order, start=1)]

    def as_langchain_retriever(self, k: int = 5, config: SearchConfig = SearchConfig(),
                               documents: Collection[str] | None = None):
        """A LangChain `BaseRetriever` over this index; `documents` (`doc_id`s or `source` names) limits it to those."""
        from .langchain import TanyaRetriever

        return TanyaRetriever(index=self, k=k, search_config=config,
                              documents=None if documents is None else frozenset(documents))

    # ---- description ---------------------------------------------------------------------------
    def summary(self) -> dict:
        return {"directory": str(self.directory), "documents": len(self.documents), "chunks": len(self.chunks),
                "model": self.manifest["model"]["id"], "built_at": self.manifest["built_at"]}


# ---- manifest and files ------------------------------------------------------------------------
def live_version(directory: Path) -> Path:
    """The folder `CURRENT` names; a clear error when there is no index or it is damaged."""
    pointer = directory / CURRENT
    if not directory.exists():
        raise IndexLoadError(f"No index at {directory}. Build one with `tanya ingest --index {directory} PATH...`.")
    if not directory.is_dir():
        raise IndexLoadError(f"{directory} is a file, not an index folder: pass the folder `tanya ingest --index` "
                             "built, e.g. `--index ~/idx-dokumen`.")
    if not pointer.is_file():
        if holds_documents(directory):
            raise IndexLoadError(f"{directory} holds documents, not an index. Build an index from them in a folder of "
                                 f"its own, `tanya ingest --index {directory}-index {directory}`, then ask with "
                                 f"`--index {directory}-index`.")
        raise IndexLoadError(f"{directory} is not a tanya index (no {CURRENT} file). {rebuild_hint(directory)}")
    name = pointer.read_text(encoding="utf-8").strip()
    version_dir = directory / name
    if not name or "/" in name or not version_dir.is_dir():
        raise IndexLoadError(f"The index at {directory} points to a missing version ({name!r}). "
                             f"{rebuild_hint(directory)}")
    return version_dir


def holds_documents(directory: Path) -> bool:
    """Whether `directory` (not an index) has documents tanya reads at its top: a documents folder given as --index."""
    from ingest.readers import SUPPORTED_SUFFIXES

    return any(path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file() for path in directory.iterdir())


def read_manifest(version_dir: Path) -> dict:
    try:
        manifest = json.loads((version_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexLoadError(f"The index manifest in {version_dir} is missing or unreadable ({exc}). "
                             f"{rebuild_hint(version_dir.parent)}") from exc
    version = manifest.get("format_version") if isinstance(manifest, dict) else None
    if version != FORMAT_VERSION:
        raise IndexLoadError(f"The index in {version_dir} has format version {version!r}; this tanya reads "
                             f"version {FORMAT_VERSION}. {rebuild_hint(version_dir.parent)}")
    for key in ("model", "counts", "documents", "files", "chunking"):
        if key not in manifest:
            raise IndexLoadError(f"The index manifest in {version_dir} lacks {key!r}. "
                                 f"{rebuild_hint(version_dir.parent)}")
    return manifest


def _verify_files(version_dir: Path, manifest: dict) -> None:
    for name, expected in manifest["files"].items():
        path = version_dir / name
        if not path.is_file():
            raise IndexLoadError(f"The index file {path} is missing. {rebuild_hint(version_dir.parent)}")
        if _sha256(path) != expected:
            raise IndexLoadError(f"The index file {path} is damaged (checksum mismatch). "
                                 f"{rebuild_hint(version_dir.parent)}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _library_versions() -> dict:
    versions = {"python": platform.python_version()}
    for name in ("faiss", "bm25s", "sentence_transformers", "torch", "numpy"):
        module = sys.modules.get(name)
        versions[name] = getattr(module, "__version__", None) if module else None
    from importlib.metadata import PackageNotFoundError, version

    try:
        versions["tanya"] = version("tanya")
    except PackageNotFoundError:
        versions["tanya"] = None
    return versions


# ---- building ----------------------------------------------------------------------------------
@contextmanager
def _build_lock(directory: Path):
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IndexLoadError(f"Another ingest is writing {directory}; wait for it to finish.") from exc
        yield


def _previous(directory: Path, embedder: Embedder, chunking: ChunkingConfig) -> HybridIndex | None:
    """The live index when it can be reused for an incremental update, else None (with the reason logged)."""
    if not (directory / CURRENT).exists():
        return None
    try:
        previous = HybridIndex.load(directory, embedder)
    except IndexLoadError as exc:
        log.warning("Rebuilding from scratch: %s", exc)
        return None
    if previous.manifest["chunking"] != chunking.to_dict():
        log.warning("Chunking settings changed: re-chunking and re-embedding every document.")
        return None
    titled = getattr(embedder, "document_titles", False)
    if previous.manifest["model"].get("document_titles", False) != titled:
        log.warning("The index was embedded %s document titles: re-embedding every document %s them.",
                    "without" if titled else "with", "with" if titled else "without")
        return None
    return previous


def _read_documents(path: Path) -> dict[str, StoredDocument]:
    """A version's documents.jsonl, by doc_id."""
    documents = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line:
            data = json.loads(line)
            documents[data["doc_id"]] = StoredDocument(**data)
    return documents


def _stored_documents(directory: Path) -> dict[str, StoredDocument]:
    """The documents of the live version, even when its vectors cannot be reused (another model or chunking, or
    damage elsewhere); an error when they cannot be read, since adding to the index would then lose them."""
    try:
        version_dir = live_version(directory)
        manifest = read_manifest(version_dir)
        path = version_dir / "documents.jsonl"
        if _sha256(path) != manifest["files"].get("documents.jsonl"):
            raise IndexLoadError(f"{path} is damaged (checksum mismatch)")
        return _read_documents(path)
    except (IndexLoadError, OSError, ValueError, TypeError, KeyError) as exc:
        raise IndexLoadError(f"The index at {directory} is damaged and its documents cannot be read ({exc}): adding "
                             f"to it or removing from it would lose them. {rebuild_hint(directory)}") from exc


def build_index(directory: Path, documents: list[Document], embedder: Embedder,
                chunking: ChunkingConfig = ChunkingConfig(), rebuild: bool = False,
                keep_existing: bool = False, remove: list[str] | None = None,
                show_progress: bool = True) -> BuildReport:
    """Make the index at `directory` hold `documents`, re-embedding only new or changed ones.

    By default the index mirrors `documents` (others are dropped). With `keep_existing`, documents
    already indexed stay unless their source is in `remove` or a new version replaces them.
    """
    started = time.perf_counter()
    directory = Path(directory)
    with _build_lock(directory):
        previous = None if rebuild else _previous(directory, embedder, chunking)
        old_docs = previous.documents if previous else {}
        if previous is None and keep_existing and (directory / CURRENT).exists():
            old_docs = _stored_documents(directory)  # re-embedded, but kept: --add must never drop the others
        old_chunks: dict[str, list[int]] = {}
        if previous:
            for i, chunk in enumerate(previous.chunks):
                old_chunks.setdefault(chunk.doc_id, []).append(i)
        removing = set(remove or [])
        incoming = {d.doc_id: d for d in documents}
        final_docs: dict[str, StoredDocument | Document] = {}
        if keep_existing:
            final_docs.update({i: d for i, d in old_docs.items() if d.source not in removing})
        final_docs.update(incoming)
        if not final_docs:  # BM25 and search need a document; an index without any is no index
            from ingest.readers import IngestError

            gone = ", ".join(sorted(d.source for d in old_docs.values())[:5]) or "nothing"
            raise IngestError(f"That would leave the index at {directory} without documents (it holds {gone}). "
                              f"Add other documents in the same command, or delete the folder {directory} instead.")
        report_lists = {"added": [], "changed": [], "unchanged": [], "removed": []}
        for doc_id, doc in old_docs.items():
            if doc_id not in final_docs:
                report_lists["removed"].append(doc.source)

        chunks: list[Chunk] = []
        vectors: list[np.ndarray | None] = []
        spans: list[list[tuple[int, int]]] = []
        sentence_vectors: list[np.ndarray | None] = []
        to_embed: list[int] = []
        for doc_id, doc in final_docs.items():
            old = old_docs.get(doc_id)
            # a new title (a better reading of the same text's first lines) is embedded with every chunk: changed
            if (old is not None and old.content_sha256 == doc.content_sha256 and old.title == doc.title
                    and doc_id in old_chunks):
                report_lists["unchanged"].append(doc.source)
                for i in old_chunks[doc_id]:
                    chunks.append(previous.chunks[i])
                    vectors.append(previous.vectors.reconstruct(i))
                    old_spans, old_vectors = previous.sentences_of(i)
                    spans.append(old_spans)
                    sentence_vectors.append(old_vectors)
                continue
            report_lists["changed" if old is not None else "added"].append(doc.source)
            source_doc = doc if isinstance(doc, Document) else Document(doc.doc_id, doc.source, doc.title, doc.text,
                                                                        doc.content_sha256, doc.meta)
            for chunk in chunk_document(source_doc, chunking):
                to_embed.append(len(chunks))
                chunks.append(chunk)
                vectors.append(None)
                spans.append(sentence_spans(chunk.text))
                sentence_vectors.append(None)

        if previous is not None and not (to_embed or report_lists["removed"] or report_lists["changed"]
                                         or report_lists["added"]) \
                and previous.manifest.get("tokenizer_version", 1) == TOKENIZER_VERSION:
            # Nothing changed: keep the live version as it is (an older tokenizer's BM25 is rebuilt, nothing embedded).
            return BuildReport(directory, len(final_docs), len(chunks), embedded_chunks=0,
                               seconds=time.perf_counter() - started, **report_lists)
        dimension = embedder.dimension
        hits_before = getattr(embedder, "hits", 0)
        if to_embed:
            batch = EMBED_BATCH
            bar = tqdm(total=len(to_embed), desc="Embedding chunks", unit="chunk", file=sys.stderr,
                       disable=not show_progress)
            for start in range(0, len(to_embed), batch):
                ids = to_embed[start:start + batch]
                embedded, per_sentence = embedder.embed_documents_with_sentences(
                    [chunks[i].text for i in ids], [spans[i] for i in ids], [chunks[i].title for i in ids])
                for i, vector, sentence_block in zip(ids, embedded, per_sentence):
                    vectors[i] = vector
                    sentence_vectors[i] = sentence_block
                bar.update(len(ids))
            bar.close()
        matrix = np.stack(vectors).astype(np.float32) if vectors else np.zeros((0, dimension), np.float32)
        sentence_matrix = (np.vstack([v for v in sentence_vectors if len(v)]).astype(np.float32)
                           if any(len(v) for v in sentence_vectors) else np.zeros((0, dimension), np.float32))

        stored = [doc if isinstance(doc, StoredDocument) else
                  StoredDocument(doc.doc_id, doc.source, doc.title, doc.text, doc.content_sha256, dict(doc.meta))
                  for doc in final_docs.values()]
        version_dir = _write_version(directory, stored, chunks, matrix, spans, sentence_matrix, embedder, chunking)
        _swap(directory, version_dir)
    return BuildReport(directory, len(stored), len(chunks), embedded_chunks=len(to_embed),
                       cached_chunks=getattr(embedder, "hits", 0) - hits_before,
                       seconds=time.perf_counter() - started, **report_lists)


def _write_version(directory: Path, documents: list[StoredDocument], chunks: list[Chunk], matrix: np.ndarray,
                   spans: list[list[tuple[int, int]]], sentence_matrix: np.ndarray, embedder: Embedder,
                   chunking: ChunkingConfig) -> Path:
    import faiss

    stamp = datetime.now(timezone.utc)
    version_dir = directory / f"v-{stamp.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    tmp_dir = directory / f".tmp-{version_dir.name}"
    tmp_dir.mkdir()
    vectors = faiss.IndexFlatIP(matrix.shape[1])
    if len(matrix):
        vectors.add(matrix)
    faiss.write_index(vectors, str(tmp_dir / "vectors.faiss"))
    with open(tmp_dir / "chunks.jsonl", "w", encoding="utf-8") as handle:
        for chunk in chunks:
            handle.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
    with open(tmp_dir / "documents.jsonl", "w", encoding="utf-8") as handle:
        for doc in documents:
            handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    LexicalIndex.build([c.text for c in chunks]).save(tmp_dir / "bm25")
    rows, first = [], 0
    for chunk_spans in spans:
        rows.append([first, [list(span) for span in chunk_spans]])
        first += len(chunk_spans)
    (tmp_dir / "sentences.json").write_text(json.dumps(rows), encoding="utf-8")
    np.save(tmp_dir / "sentences.npy", sentence_matrix)
    per_doc: dict[str, int] = {}
    for chunk in chunks:
        per_doc[chunk.doc_id] = per_doc.get(chunk.doc_id, 0) + 1
    files = {p.relative_to(tmp_dir).as_posix(): _sha256(p) for p in sorted(tmp_dir.rglob("*")) if p.is_file()}
    manifest = {
        "format_version": FORMAT_VERSION,
        "built_at": stamp.isoformat(timespec="seconds"),
        "model": embedder.describe(),
        "chunking": chunking.to_dict(),
        "tokenizer_version": TOKENIZER_VERSION,
        "counts": {"documents": len(documents), "chunks": len(chunks)},
        "documents": {d.doc_id: {"source": d.source, "title": d.title, "content_sha256": d.content_sha256,
                                 "chunks": per_doc.get(d.doc_id, 0)} for d in documents},
        "files": files,
        "versions": _library_versions(),
        "system": f"{platform.system()} ({platform.machine()})",
    }
    (tmp_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    for path in tmp_dir.rglob("*"):
        if path.is_file():
            _fsync(path)
    os.rename(tmp_dir, version_dir)
    _fsync_dir(directory)
    return version_dir


def _swap(directory: Path, version_dir: Path) -> None:
    """Point `CURRENT` at `version_dir` atomically, then drop versions older than the previous one."""
    previous = (directory / CURRENT).read_text().strip() if (directory / CURRENT).is_file() else None
    pointer_tmp = directory / f".{CURRENT}.{uuid.uuid4().hex[:8]}"
    pointer_tmp.write_text(version_dir.name + "\n", encoding="utf-8")
    _fsync(pointer_tmp)
    os.replace(pointer_tmp, directory / CURRENT)
    _fsync_dir(directory)
    keep = {version_dir.name, previous}
    for entry in directory.iterdir():
        stale_version = entry.name.startswith("v-") and entry.name not in keep
        stale_tmp = entry.name.startswith(".tmp-") or entry.name.startswith(f".{CURRENT}.")
        if stale_version or stale_tmp:
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
