"""Questions encoded with ONNX Runtime and 8-bit weights: the vectors of sentence-transformers (cosine ≥ 0.998),
about four times as fast on CPU.

The whole sentence-transformers pipeline (transformer, mean pooling, both dense layers, normalisation) is
exported once, next to the model, by `tanya models fetch`; its matrix weights are then stored as 8-bit
integers in blocks of 128, each with its own scale (weight-only quantisation: activations stay float), and
the result is checked against sentence-transformers before it is installed. A question then needs only the
tokenizer and an ONNX Runtime session. A question's time is spent reading weights (a short input is a
matrix-vector product), so 8-bit weights are the lever. The graph also returns the token embeddings: its float
version is saved for OpenVINO, which encodes documents (`openvino_documents`; the index keeps one vector per
sentence from the chunk's own forward pass, pooled from them).
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import tempfile
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from .document_head import unit_rows
from .openvino_documents import TOKEN_OUTPUT

log = logging.getLogger(__name__)

ONNX_FOLDER = "onnx-query"
ONNX_FILE = "model-q8.onnx"
WEIGHT_BITS, WEIGHT_BLOCK = 8, 128
MIN_COSINE = 0.995
"""An export is installed only if its vectors are this close to sentence-transformers' (8-bit weights: 0.998
at worst, 0.9995 on average over 150 FacQA questions)."""
_CHECK_DOCUMENTS = ["Keesokan harinya, sekitar 4.000 pasukan CSTO, termasuk sekitar 3.000 dari Rusia, mendarat di "
                    "Kazakstan. Pasukan itu ditarik dua minggu kemudian.",
                    "Indonesia aktif melaksanakan program Kerja Sama Selatan-Selatan sejak tahun 1981.",
                    "Dr. H. Wahyudi, S.H., M.Si. membuka rapat pukul 09.30 WIB di Jl. Merdeka No. 17."]
_CHECK_QUESTIONS = ["Kapan kerja sama Kazakhstan dengan NATO dimulai?", "Who leads the CSTO forces?",
                    "Berapa pasukan yang dikirim, 4.000 atau lebih?"]


def onnx_query_file(model_dir: Path | str) -> Path:
    return Path(model_dir) / ONNX_FOLDER / ONNX_FILE


def query_prompt(model_dir: Path | str) -> str:
    """The model's own question prompt, from its sentence-transformers config."""
    from .models import model_prompt

    return model_prompt(model_dir, "query")


class OnnxQueryEncoder:
    """Unit-length question vectors from the exported graph; the session is opened on first use."""

    def __init__(self, onnx_file: Path, tokenizer: Any, prompt: str, max_length: int) -> None:
        self.onnx_file = Path(onnx_file)
        self.prompt = prompt
        self.max_length = max_length
        self._tokenizer = tokenizer  # a tokenizer, or the folder to load one from
        self._session = None
        self._lock = threading.Lock()

    @classmethod
    def for_model(cls, model_dir: Path | str, max_length: int) -> "OnnxQueryEncoder":
        return cls(onnx_query_file(model_dir), Path(model_dir), query_prompt(model_dir), max_length)

    @property
    def loaded(self) -> bool:
        return self._session is not None

    def _load(self):
        with self._lock:
            if self._session is None:
                import onnxruntime as ort

                if isinstance(self._tokenizer, Path):
                    from .fast_tokenizer import fast_tokenizer, has_fast_tokenizer

                    if has_fast_tokenizer(self._tokenizer):  # no transformers, so no torch, for a question
                        self._tokenizer = fast_tokenizer(self._tokenizer, self.max_length)
                    else:
                        from transformers import AutoTokenizer

                        self._tokenizer = AutoTokenizer.from_pretrained(str(self._tokenizer))
                options = ort.SessionOptions()
                options.log_severity_level = 3  # errors only
                self._session = ort.InferenceSession(str(self.onnx_file), options, providers=["CPUExecutionProvider"])
        return self._session, self._tokenizer

    def encode(self, texts: list[str]) -> np.ndarray:
        from .fast_tokenizer import tokenize_batch

        session, tokenizer = self._load()
        tokens = tokenize_batch(tokenizer, [self.prompt + t for t in texts], self.max_length)
        vectors = session.run(["question_vector"], {"input_ids": tokens.input_ids,
                                                    "attention_mask": tokens.attention_mask})[0]
        return unit_rows(vectors)


def ensure_encoders(model_dir: Path, say: Callable[[str], None] = log.warning) -> None:
    """Export the fast encoders beside the model unless that was done (or tried, for OpenVINO) before: questions
    with ONNX Runtime and 8-bit weights, four times as fast as torch, documents with OpenVINO, 2.6x as fast. Called
    by `tanya models fetch` and by the first use that fetches the model; a failed export leaves torch encoding both."""
    from .embedding import MAX_SEQ_LENGTH
    from .openvino_documents import openvino_available, openvino_documents_file, openvino_export_tried

    if onnx_query_file(model_dir).is_file() and (openvino_export_tried(model_dir) or not openvino_available()):
        return
    say("Exporting the encoders: questions to ONNX with 8-bit weights, documents to OpenVINO (once, 1–2 minutes)…")
    try:
        path = export_encoders(model_dir, MAX_SEQ_LENGTH)
    except Exception as exc:  # noqa: BLE001 - torch still encodes both; say why and go on
        log.warning("Export failed (%s: %s); questions and documents will be encoded with torch.",
                    type(exc).__name__, exc)
        return
    documents = openvino_documents_file(model_dir)
    say(f"Question encoder ready in {path.parent}"
        + (f"; document encoder in {documents.parent}." if documents.is_file() else "."))


def export_encoders(model_dir: Path, max_length: int) -> Path:
    """Export the model's question encoder with 8-bit weights to `<model_dir>/onnx-query/` (about a minute), and
    the same graph in float for OpenVINO's document encoder to `<model_dir>/openvino-documents/`.

    Written to a staging folder, checked against sentence-transformers on a few questions (cosine ≥
    `MIN_COSINE`), then moved into place, so a failed or interrupted export leaves nothing behind.
    """
    import torch
    from sentence_transformers import SentenceTransformer

    target = onnx_query_file(model_dir)
    with _quiet():
        model = SentenceTransformer(str(model_dir), device="cpu").eval()
    model.max_seq_length = max_length

    class Pipeline(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            features = self.model({"input_ids": input_ids, "attention_mask": attention_mask})
            return features["sentence_embedding"], features["token_embeddings"]

    prompt = query_prompt(model_dir)
    sample = model.tokenizer([prompt + q for q in _CHECK_QUESTIONS[:2]], padding=True, return_tensors="pt")
    with tempfile.TemporaryDirectory(dir=model_dir, prefix=".onnx-") as tmp:
        full = Path(tmp) / "fp32" / "model.onnx"
        full.parent.mkdir()
        with torch.no_grad(), _quiet():
            torch.onnx.export(Pipeline().eval(), (sample["input_ids"], sample["attention_mask"]), str(full),
                              input_names=["input_ids", "attention_mask"],
                              output_names=["question_vector", TOKEN_OUTPUT],
                              dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                            "attention_mask": {0: "batch", 1: "tokens"},
                                            "question_vector": {0: "batch"},
                                            TOKEN_OUTPUT: {0: "batch", 1: "tokens"}},
                              dynamo=True, verbose=False)
        staged = Path(tmp) / ONNX_FOLDER / ONNX_FILE
        staged.parent.mkdir()
        _quantize_weights(full, staged)
        expected = model.encode_query(_CHECK_QUESTIONS, normalize_embeddings=True, convert_to_numpy=True)
        got = OnnxQueryEncoder(staged, model.tokenizer, prompt, max_length).encode(_CHECK_QUESTIONS)
        cosine = float((got * expected).sum(axis=1).min())
        if cosine < MIN_COSINE:
            raise RuntimeError(f"the exported graph gives other vectors than sentence-transformers (cosine {cosine:.4f})")
        (staged.parent / "check.json").write_text(json.dumps(
            {"weights": f"int{WEIGHT_BITS}, blocks of {WEIGHT_BLOCK}", "min_cosine_to_sentence_transformers": cosine,
             "questions": _CHECK_QUESTIONS}, ensure_ascii=False, indent=1), encoding="utf-8")
        if target.parent.exists():
            shutil.rmtree(target.parent)
        staged.parent.rename(target.parent)
        _install_document_encoder(full, model_dir, model)
    return target


def _install_document_encoder(full: Path, model_dir: Path, model) -> None:
    """The same float graph, for documents through OpenVINO (see `openvino_documents`); skipped without OpenVINO."""
    from .openvino_documents import install_document_encoder, mark_unavailable, openvino_available

    if not openvino_available():
        log.warning("OpenVINO is not installed: documents will be encoded with torch.")
        return
    from .embedding import SentenceTransformerEmbedder

    def check(staged: Path) -> float:
        reference = SentenceTransformerEmbedder.on_loaded_model(model, model_dir, query_encoder="torch",
                                                                document_precision="fp32", document_encoder="torch")
        candidate = SentenceTransformerEmbedder.on_loaded_model(model, model_dir, query_encoder="torch",
                                                                document_graph=staged)
        expected, got = reference.embed_documents(_CHECK_DOCUMENTS), candidate.embed_documents(_CHECK_DOCUMENTS)
        if candidate.document_encoder != "openvino":
            raise RuntimeError("OpenVINO could not run the exported model (see the warning above)")
        return float((expected * got).sum(axis=1).min())

    try:
        install_document_encoder(full, model_dir, check)
    except Exception as exc:  # noqa: BLE001 - torch encodes documents as well; not tried again until --force
        log.warning("OpenVINO export failed (%s: %s); documents will be encoded with torch.", type(exc).__name__, exc)
        mark_unavailable(model_dir, f"{type(exc).__name__}: {exc}")


def _quantize_weights(source: Path, target: Path) -> None:
    """Store every MatMul weight of `source` as 8-bit integers with a float scale per block of 128
    (ONNX Runtime's MatMulNBits; activations stay float, integer arithmetic inside the kernel)."""
    import onnx

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

    root.handlers[:] = handlers
    root.setLevel(level)  # that module calls logging.basicConfig(level=INFO) on import

    with _quiet():
        quantizer = MatMulNBitsQuantizer(onnx.load(str(source)), bits=WEIGHT_BITS, block_size=WEIGHT_BLOCK,
                                         is_symmetric=True, accuracy_level=4)
        quantizer.process()
        quantizer.model.save_model_to_file(str(target), use_external_data_format=True)
    for written in target.parent.iterdir():
        written.chmod(0o644)  # the weights file is written private (0600); the model folder is readable


@contextlib.contextmanager
def _quiet():
    """The exporter's warnings and the weights progress bar are about torch internals, not the user's work."""
    from .embedding import no_weights_progress_bar

    loggers = [logging.getLogger(name) for name in ("torch.onnx", "torch._dynamo", "torch.export", "onnxscript",
                                                     "onnxruntime.quantization.matmul_nbits_quantizer")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        with no_weights_progress_bar(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)
