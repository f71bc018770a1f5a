"""Embedders: the real sentence-transformers model (loaded lazily), a disk cache, and a hashing fake."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Protocol

import numpy as np

from .document_head import DocumentHead, unit_rows
from .fast_tokenizer import Batch
from .lexical import tokenize

log = logging.getLogger(__name__)

MAX_SEQ_LENGTH = 512
MAX_TITLE_CHARS = 150
"""A longer "title" (a .txt file whose first line is a paragraph) is no title: the prompt keeps "title: none"."""


def titled_prompt(prompt: str, title: str) -> str:
    """The document prompt naming the document's title, where the model's prompt has a slot for one.

    EmbeddingGemma's document prompt is "title: none | text: "; with the title ("title: Laporan Evaluasi Program
    MBG | text: ") every chunk of a long report carries what the report is about (README: retrieval on the tester's
    documents and the bundled corpus). Other models' prompts are returned as they are.
    """
    title = " ".join(title.split())
    if not title or len(title) > MAX_TITLE_CHARS or "title: none" not in prompt:
        return prompt
    return prompt.replace("title: none", f"title: {title}", 1)


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 rows; documents and queries may use different prompts."""

    model_id: str

    @property
    def fingerprint(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_documents_with_sentences(self, texts: list[str], spans: list[list[tuple[int, int]]],
                                       titles: list[str] | None = None) -> tuple[np.ndarray, list[np.ndarray]]: ...

    def describe(self) -> dict: ...


@contextlib.contextmanager
def no_weights_progress_bar():
    """Hide transformers' "Loading weights" bar while loading a model, then restore whatever was set."""
    from transformers.utils import logging as hf_logging

    bar = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if bar:
            hf_logging.enable_progress_bar()


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use, with its own query/document prompts."""

    document_titles = True
    """Chunks are embedded with their document's title in the prompt (`titled_prompt`); an index built before
    that is re-embedded whole at its next ingest."""

    def __init__(self, location: Path | str, model_id: str, fingerprint: str | None = None,
                 batch_size: int = 16, show_progress: bool = False, quantize: str | None = None,
                 query_encoder: str = "onnx", document_precision: str | None = None,
                 document_encoder: str = "openvino", document_graph: Path | None = None) -> None:
        """`document_graph`: the OpenVINO graph that encodes documents, by default the one `tanya models fetch`
        installed beside the model (the install check passes the one it is about to install)."""
        if quantize not in (None, "", "int8"):
            raise ValueError(f"Unknown quantization {quantize!r}; use 'int8' or nothing.")
        if document_precision not in (None, "", "auto", "bf16", "fp32"):
            raise ValueError(f"Unknown document precision {document_precision!r}; use 'bf16', 'fp32' or 'auto'.")
        if query_encoder not in ("onnx", "torch"):
            raise ValueError(f"Unknown question encoder {query_encoder!r}; use 'onnx' or 'torch'.")
        if document_encoder not in ("openvino", "torch"):
            raise ValueError(f"Unknown document encoder {document_encoder!r}; use 'openvino' or 'torch'.")
        self.location = location
        self.model_id = model_id
        self.quantize = quantize or None
        self._requested_precision = None if document_precision in (None, "", "auto") else document_precision
        self._fingerprint = fingerprint
        self.batch_size = batch_size
        self.show_progress = show_progress
        self._model = None
        self._lock = threading.Lock()
        self._onnx = None
        if query_encoder == "onnx" and not self.quantize:
            from .onnx_query import OnnxQueryEncoder, onnx_query_file

            if onnx_query_file(location).is_file():  # exported by `tanya models fetch`; else torch encodes questions
                self._onnx = OnnxQueryEncoder.for_model(location, MAX_SEQ_LENGTH)
        self._openvino = None
        self._head = None  # the numpy head when OpenVINO encodes documents: loaded on first use, False if none
        if document_encoder == "openvino" and not self.quantize:
            from .openvino_documents import OpenVinoDocumentEncoder, openvino_available, openvino_documents_file

            graph = document_graph or openvino_documents_file(location)
            if graph.is_file() and openvino_available():  # exported by `models fetch`
                self._openvino = OpenVinoDocumentEncoder(graph, self._requested_precision)

    @classmethod
    def on_loaded_model(cls, model, location: Path | str, model_id: str = "check", fingerprint: str | None = None,
                        **settings) -> "SentenceTransformerEmbedder":
        """An embedder on weights already loaded (one copy in memory), e.g. the fp32 torch reference that the
        faster document encoders are checked against."""
        embedder = cls(location, model_id, fingerprint, **settings)
        embedder._model = model
        return embedder

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                log.info("Loading embedding model %s", self.location)
                with no_weights_progress_bar():  # a one-second load: no "Loading weights" bar before every answer
                    model = SentenceTransformer(str(self.location), device="cpu" if self.quantize else _device())
                model.max_seq_length = MAX_SEQ_LENGTH
                if self.quantize == "int8":
                    model = _quantize_int8(model)
                self._model = model
        return self._model

    @property
    def document_encoder(self) -> str:
        """What runs the transformer for documents: `openvino` (exported by `tanya models fetch`) or `torch`."""
        return "openvino" if self._openvino is not None and not _gpu_present() else "torch"

    @property
    def document_precision(self) -> str:
        """`bf16` or `fp32`: what documents are encoded in.

        bf16 by default where the CPU computes it natively (AVX512-BF16 / AMX): the vectors stay within cosine
        0.9999 of fp32 (EmbeddingGemma is trained for bf16; it is fp16 that it does not support), 1.7-1.8x faster
        under torch's autocast on 2 cores. fp32 on CPUs without it (emulated bf16 is slower), on GPUs and with int8.
        """
        if self.document_encoder == "openvino":
            return self._openvino.precision  # the requested one, or what OpenVINO finds the CPU computes
        if self._requested_precision:
            return self._requested_precision
        return "bf16" if not self.quantize and self.model.device.type == "cpu" and _cpu_computes_bf16() else "fp32"

    def _document_autocast(self):
        """The context torch encodes documents in: bf16 autocast or nothing."""
        import torch

        if self.document_precision == "bf16":
            return torch.autocast(self.model.device.type, dtype=torch.bfloat16)
        return contextlib.nullcontext()

    def _token_embeddings(self, batches: list[Batch]):
        """The transformer's last hidden states (float32 numpy [texts, tokens, hidden]) for each batch, in order."""
        if self.document_encoder == "openvino":
            try:
                hidden = self._openvino.token_embeddings([{"input_ids": b.input_ids, "attention_mask": b.attention_mask}
                                                          for b in batches])
            except Exception as exc:  # noqa: BLE001 - a damaged model: torch gives the same vectors
                log.warning("The OpenVINO document encoder failed (%s); using torch. `tanya models fetch --force` "
                            "exports it again.", str(exc).splitlines()[0][:200])
                self._openvino = None
            else:
                yield from hidden
                return
        import torch

        transformer, device = self.model[0].auto_model, self.model.device
        for batch in batches:
            with torch.inference_mode(), self._document_autocast():
                hidden = transformer(input_ids=torch.from_numpy(batch.input_ids).to(device),
                                     attention_mask=torch.from_numpy(batch.attention_mask).to(device)).last_hidden_state
            yield hidden.float().cpu().numpy()  # outside the autocast: pooling and the dense layers run in fp32

    def _document_head(self) -> DocumentHead | None:
        """The numpy head (prompt, folded dense layers) when OpenVINO encodes documents: building an index then
        loads neither torch nor a second copy of the weights. None when torch encodes, or for another model."""
        if self.document_encoder != "openvino":
            return None
        with self._lock:
            if self._head is None:
                from .document_head import load_document_head
                from .fast_tokenizer import has_fast_tokenizer

                head = load_document_head(self.location) if has_fast_tokenizer(self.location) else None
                self._head = head if head is not None else False
        return self._head or None

    def _project(self, pooled: np.ndarray, head: DocumentHead | None) -> np.ndarray:
        """Unit-length embeddings for mean-pooled token embeddings: the numpy head, or the model's own modules."""
        if head is not None:
            return head(pooled)
        import torch

        features = {"sentence_embedding": torch.from_numpy(pooled).to(self.model.device)}
        with torch.inference_mode():
            for module in [self.model[i] for i in range(2, len(self.model))]:  # the modules after pooling
                features = module(features)
        return unit_rows(features["sentence_embedding"].float().cpu().numpy())

    @property
    def query_encoder(self) -> str:
        """What encodes questions: `onnx` (ONNX Runtime, 8-bit weights, cosine ≥ 0.995 to torch's) or `torch`."""
        return "onnx" if self._onnx is not None else "torch"

    def warm_up(self) -> bool:
        """Load the question encoder and run it once (a few seconds), so the first question waits for neither;
        True if it was not loaded yet."""
        if (self._onnx.loaded if self._onnx is not None else self._model is not None):
            return False
        self.embed_queries(["pemanasan"])  # the first pass is slower than the rest
        return True

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            from .models import model_fingerprint

            self._fingerprint = model_fingerprint(self.location)
        return self._fingerprint + (f"+{self.quantize}" if self.quantize else "")

    @property
    def dimension(self) -> int:
        head = self._document_head()
        return head.dimension if head is not None else int(self.model.get_embedding_dimension())

    def _torch_queries(self, texts: list[str]) -> np.ndarray:
        """Questions through sentence-transformers' `encode_query` (documents go through
        `embed_documents_with_sentences`)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode_query(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                          convert_to_numpy=True,
                                          show_progress_bar=self.show_progress and len(texts) > self.batch_size)
        return np.asarray(vectors, dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self.embed_documents_with_sentences(texts, [[] for _ in texts])[0]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if self._onnx is not None and texts:
            try:
                return self._onnx.encode(texts)
            except Exception as exc:  # noqa: BLE001 - a damaged export: torch's vectors are the reference
                vectors = self._torch_queries(texts)  # raises too when the input is at fault, not the export
                log.warning("The ONNX question encoder failed (%s); using torch. `tanya models fetch --force` "
                            "exports it again.", str(exc).splitlines()[0][:200])
                self._onnx = None
                return vectors
        return self._torch_queries(texts)

    def embed_documents_with_sentences(self, texts: list[str], spans: list[list[tuple[int, int]]],
                                       titles: list[str] | None = None) -> tuple[np.ndarray, list[np.ndarray]]:
        """Chunk vectors exactly as `encode_document`, plus a vector per sentence span from the same pass.

        Sentence vectors mean-pool the chunk's token embeddings inside the span (late chunking), then go
        through the model's own projection and normalisation: each sentence is read in its context and
        costs no extra forward pass. Spans cut off by truncation are encoded on their own. `titles`, one per
        text, go into the prompt where the model has a slot for them (`titled_prompt`).
        """
        from .fast_tokenizer import fast_tokenizer, tokenize_batch

        head = self._document_head()
        if head is not None:
            prompt, tokenizer = head.prompt, fast_tokenizer(self.location, MAX_SEQ_LENGTH)
        else:
            prompt = (getattr(self.model, "prompts", {}) or {}).get("document", "") or ""
            tokenizer = self.model.tokenizer
        dimension = self.dimension
        documents = np.zeros((len(texts), dimension), dtype=np.float32)
        sentences: list[np.ndarray | None] = [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # length buckets: little padding
        batches = [order[start:start + self.batch_size] for start in range(0, len(order), self.batch_size)]
        titles = titles or [""] * len(texts)
        prompts = [titled_prompt(prompt, title) for title in titles]
        inputs = [tokenize_batch(tokenizer, [prompts[i] + texts[i] for i in batch], MAX_SEQ_LENGTH) for batch in batches]
        for batch, tokens, hidden in zip(batches, inputs, self._token_embeddings(inputs)):
            mask = tokens.attention_mask[:, :, None].astype(np.float32)
            pooled = [(hidden * mask).sum(1) / np.maximum(mask.sum(1), 1.0)]
            rows: list[tuple[int, int]] = []  # (batch position, span number)
            starts, ends = tokens.offsets[:, :, 0], tokens.offsets[:, :, 1]
            real = (ends > starts) & (tokens.attention_mask > 0)
            for b, i in enumerate(batch):
                for number, (a, z) in enumerate(spans[i]):
                    inside = real[b] & (starts[b] >= a + len(prompts[i])) & (ends[b] <= z + len(prompts[i]))
                    if inside.any():
                        pooled.append(hidden[b, inside].mean(0, keepdims=True))
                        rows.append((b, number))
            vectors = self._project(np.concatenate(pooled).astype(np.float32), head)
            for b, i in enumerate(batch):
                documents[i] = vectors[b]
                sentences[i] = np.full((len(spans[i]), dimension), np.nan, dtype=np.float32)
            for (b, number), vector in zip(rows, vectors[len(batch):]):
                sentences[batch[b]][number] = vector
        missing = [(i, n) for i in range(len(texts)) for n in range(len(spans[i])) if np.isnan(sentences[i][n, 0])]
        if missing:
            fallback = self.embed_documents_with_sentences([texts[i][spans[i][n][0]:spans[i][n][1]] for i, n in missing],
                                                           [[] for _ in missing], [titles[i] for i, _ in missing])[0]
            for (i, n), vector in zip(missing, fallback):
                sentences[i][n] = vector
        return documents, [s if s is not None else np.zeros((0, dimension), np.float32) for s in sentences]

    def describe(self) -> dict:
        if self._document_head() is not None:  # the model's weights are not loaded for OpenVINO's documents
            from .models import model_prompt

            prompts = {kind: model_prompt(self.location, kind) for kind in ("query", "document")}
        else:
            prompts = dict(getattr(self.model, "prompts", {}) or {})
        return {"id": self.model_id, "sha256": self.fingerprint, "dimension": self.dimension,
                "prompts": {key: prompts.get(key) for key in ("query", "document")},
                "max_seq_length": MAX_SEQ_LENGTH, "quantize": self.quantize, "document_titles": self.document_titles,
                "document_encoder": self.document_encoder, "document_precision": self.document_precision}


def _quantize_int8(model):
    """Dynamic int8 quantisation of the Linear layers (CPU): about 2x faster encoding on 2 cores."""
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


@functools.cache
def _cpu_computes_bf16() -> bool:
    """Whether this CPU has native bfloat16 matrix instructions (oneDNN's own check)."""
    try:
        import torch

        return bool(torch.backends.mkldnn.is_available() and torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (ImportError, AttributeError, RuntimeError):  # an older or trimmed torch: stay in fp32
        return False


@functools.cache
def _gpu_present() -> bool:
    """Whether torch would run on a GPU here; torch is imported only where an NVIDIA driver is loaded (its import
    alone costs 3 s and 280 MB, which building an index through OpenVINO does not need)."""
    return Path("/proc/driver/nvidia/version").exists() and _device() == "cuda"


def _device() -> str:
    try:
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"
    except ImportError:  # pragma: no cover - torch comes with sentence-transformers
        return "cpu"


class HashingEmbedder:
    """A deterministic stand-in for tests: hashed stemmed tokens and character trigrams, normalised.

    Texts that share words get similar vectors, so retrieval behaves sensibly without a model.
    """

    def __init__(self, dimension: int = 256, model_id: str = "hashing-fake") -> None:
        self.model_id = model_id
        self._dimension = dimension
        self.document_calls = 0
        self.documents_embedded = 0

    @property
    def fingerprint(self) -> str:
        return f"{self.model_id}-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self._dimension, dtype=np.float32)
        features = tokenize(text) + [text.lower()[i:i + 3] for i in range(max(0, len(text) - 2))]
        for feature in features:
            digest = hashlib.sha256(feature.encode("utf-8")).digest()
            index = int.from_bytes(digest[:4], "big") % self._dimension
            vector[index] += 1.0 if digest[4] % 2 else -1.0
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.document_calls += 1
        self.documents_embedded += len(texts)
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self._dimension), np.float32)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self._dimension), np.float32)

    def embed_documents_with_sentences(self, texts: list[str], spans: list[list[tuple[int, int]]],
                                       titles: list[str] | None = None) -> tuple[np.ndarray, list[np.ndarray]]:
        """Titles are left out: the fake's vectors depend on the text alone."""
        sentences = [np.stack([self._vector(t[a:b]) for a, b in s]) if s else np.zeros((0, self._dimension), np.float32)
                     for t, s in zip(texts, spans)]
        return self.embed_documents(texts), sentences

    def describe(self) -> dict:
        return {"id": self.model_id, "sha256": self.fingerprint, "dimension": self._dimension,
                "prompts": {"query": None, "document": None}, "max_seq_length": None}


class EmbeddingCache:
    """Document embeddings on disk, keyed by (model sha256, text sha256); shared by ingest and bench."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, text_sha256 TEXT, vector BLOB,"
                       " PRIMARY KEY (model, text_sha256))")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def get_many(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock, self._connect() as db:
            for start in range(0, len(keys), 500):
                batch = keys[start:start + 500]
                marks = ",".join("?" * len(batch))
                rows = db.execute(f"SELECT text_sha256, vector FROM vectors WHERE model = ? AND text_sha256 IN ({marks})",
                                  [model, *batch])
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, items: dict[str, np.ndarray]) -> None:
        with self._lock, self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                           [(model, key, np.asarray(v, np.float32).tobytes()) for key, v in items.items()])


def _late_key(text: str, spans: list[tuple[int, int]], title: str) -> str:
    """The cache key of a chunk's vectors with its sentences'; an untitled chunk keeps the key it had before titles."""
    titled = f"title {title}\n" if title else ""
    return hashlib.sha256(f"late\n{titled}{json.dumps(spans)}\n{text}".encode("utf-8")).hexdigest()


class CachedEmbedder:
    """Wraps an embedder so document embeddings come from the disk cache when the same text was seen, and the
    vectors of the last `QUERY_CACHE_SIZE` questions from memory (a question asked again, a retry in the chat)."""

    QUERY_CACHE_SIZE = 1024

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.model_id = inner.model_id
        self.hits = 0
        self.misses = 0
        self.query_hits = 0
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._queries_lock = threading.Lock()

    @property
    def fingerprint(self) -> str:
        return self.inner.fingerprint

    @property
    def document_titles(self) -> bool:
        return getattr(self.inner, "document_titles", False)

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        found = self.cache.get_many(self.fingerprint, list(set(keys)))
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        self.hits += sum(1 for k in keys if k in found)
        self.misses += len(missing)
        if missing:
            vectors = self.inner.embed_documents([t for _, t in missing])
            fresh = {k: v for (k, _), v in zip(missing, vectors)}
            self.cache.put_many(self.fingerprint, fresh)
            found.update(fresh)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([found[k] for k in keys]).astype(np.float32)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._queries_lock:
            found = {t: self._queries[t] for t in set(texts) if t in self._queries}
            for text in found:
                self._queries.move_to_end(text)
            self.query_hits += sum(1 for t in texts if t in found)
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            fresh = dict(zip(missing, np.asarray(self.inner.embed_queries(missing), dtype=np.float32)))
            with self._queries_lock:
                for text, vector in fresh.items():
                    vector.setflags(write=False)  # shared with later callers: nobody may change it in place
                    self._queries[text] = vector
                while len(self._queries) > self.QUERY_CACHE_SIZE:
                    self._queries.popitem(last=False)
            found.update(fresh)
        return np.stack([found[t] for t in texts])

    def warm_up(self) -> bool:
        warm_up = getattr(self.inner, "warm_up", None)
        return bool(warm_up()) if warm_up else False

    def embed_documents_with_sentences(self, texts: list[str], spans: list[list[tuple[int, int]]],
                                       titles: list[str] | None = None) -> tuple[np.ndarray, list[np.ndarray]]:
        """Cached as one block per text (and title): the chunk vector followed by its sentence vectors."""
        titles = titles or [""] * len(texts)
        keys = [_late_key(t, s, title) for t, s, title in zip(texts, spans, titles)]
        found = self.cache.get_many(self.fingerprint, list(set(keys)))
        todo = sorted({k: i for i, k in enumerate(keys) if k not in found}.values())
        self.hits += len(texts) - sum(1 for k in keys if k not in found)
        self.misses += len(todo)
        if todo:
            documents, sentences = self.inner.embed_documents_with_sentences(
                [texts[i] for i in todo], [spans[i] for i in todo], [titles[i] for i in todo])
            fresh = {keys[i]: np.vstack([documents[j:j + 1], sentences[j]]) for j, i in enumerate(todo)}
            self.cache.put_many(self.fingerprint, fresh)
            found.update({k: v.reshape(-1) for k, v in fresh.items()})
        blocks = [found[k].reshape(-1, self.dimension) for k in keys]
        documents = np.stack([b[0] for b in blocks]) if blocks else np.zeros((0, self.dimension), np.float32)
        return documents.astype(np.float32), [b[1:].astype(np.float32) for b in blocks]

    def describe(self) -> dict:
        return self.inner.describe()
