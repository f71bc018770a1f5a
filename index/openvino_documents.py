"""Documents encoded by OpenVINO: the transformer's token embeddings, in bf16 where the CPU computes it natively.

`tanya models fetch` exports the model once to ONNX (see `onnx_query`); the same float graph is saved here as an
OpenVINO model with its weights stored in fp16 (0.6 GB) and checked against sentence-transformers before it is
installed. Building an index then runs the transformer through OpenVINO (bf16 on CPUs with AVX512-BF16 or AMX,
fp32 elsewhere; two requests in flight on the CPU's streams) and does the rest in numpy (`document_head`): mean
pooling over the chunk or over each sentence's tokens, the model's dense layers, normalisation; torch is not
imported and its copy of the weights not loaded. On 2 cores with
AVX512-BF16 that is 1.3-1.4x faster than torch under bf16 autocast and 2.6x faster than torch in fp32 (200 FacQA
passages), the vectors within cosine 0.9999 of fp32.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np

OPENVINO_FOLDER = "openvino-documents"
OPENVINO_FILE = "model.xml"
MIN_COSINE = 0.999
"""The model is installed only if its chunk vectors are this close to sentence-transformers' in fp32 (measured
0.9999 in bf16 over 200 FacQA passages)."""
UNAVAILABLE_FILE = "unavailable.txt"
TOKEN_OUTPUT = "token_embeddings"
IN_FLIGHT = 2
"""Requests running at once: the throughput mode's streams on 2 cores (1.1x one request at a time)."""


def openvino_documents_file(model_dir: Path | str) -> Path:
    return Path(model_dir) / OPENVINO_FOLDER / OPENVINO_FILE


def openvino_export_tried(model_dir: Path | str) -> bool:
    """Whether `tanya models fetch` made the OpenVINO model, or tried and failed (then it is not tried again)."""
    folder = Path(model_dir) / OPENVINO_FOLDER
    return (folder / OPENVINO_FILE).is_file() or (folder / UNAVAILABLE_FILE).is_file()


def mark_unavailable(model_dir: Path | str, reason: str) -> None:
    """Remember that the export failed, and why, so `tanya models fetch` does not try it on every start."""
    folder = Path(model_dir) / OPENVINO_FOLDER
    folder.mkdir(exist_ok=True)
    (folder / UNAVAILABLE_FILE).write_text(f"The OpenVINO export failed: {reason}\n"
                                           "`tanya models fetch --force` tries again.\n", encoding="utf-8")


def openvino_available() -> bool:
    try:
        import openvino  # noqa: F401
    except ImportError:
        return False
    return True


def cpu_computes_bf16() -> bool:
    """Whether OpenVINO's CPU plugin runs bf16 natively here (AVX512-BF16 or AMX)."""
    import openvino as ov

    return "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")


class OpenVinoDocumentEncoder:
    """The transformer's last hidden states for tokenized batches; compiled on first use."""

    def __init__(self, model_file: Path, precision: str | None = None) -> None:
        if precision not in (None, "bf16", "fp32"):
            raise ValueError(f"Unknown document precision {precision!r}; use 'bf16' or 'fp32'.")
        self.model_file = Path(model_file)
        self._precision = precision
        self._compiled = None
        self._lock = threading.Lock()

    @property
    def precision(self) -> str:
        if self._precision is None:
            self._precision = "bf16" if cpu_computes_bf16() else "fp32"
        return self._precision

    def _load(self):
        with self._lock:
            if self._compiled is None:
                import openvino as ov

                core = ov.Core()
                self._compiled = core.compile_model(
                    core.read_model(str(self.model_file)), "CPU",
                    {"INFERENCE_PRECISION_HINT": "bf16" if self.precision == "bf16" else "f32",
                     "PERFORMANCE_HINT": "THROUGHPUT"})  # two streams on 2 cores: 1.1x the latency mode
        return self._compiled

    def token_embeddings(self, batches: list[dict[str, np.ndarray]]) -> list[np.ndarray]:
        """float32 [batch, tokens, dim] for each batch of `input_ids` / `attention_mask`, in order.

        Two requests take turns, so one batch runs while the previous one's result is copied out; no callback
        runs on OpenVINO's threads."""
        compiled = self._load()
        output = compiled.output(TOKEN_OUTPUT)
        requests = [compiled.create_infer_request() for _ in range(IN_FLIGHT)]
        results: list[np.ndarray] = []

        def collect(number: int) -> None:
            request = requests[number % IN_FLIGHT]
            request.wait()
            results.append(np.array(request.get_tensor(output).data, dtype=np.float32))  # a copy: buffers are reused

        for number, batch in enumerate(batches):
            if number >= IN_FLIGHT:
                collect(number - IN_FLIGHT)
            requests[number % IN_FLIGHT].start_async({"input_ids": batch["input_ids"].astype(np.int64),
                                                      "attention_mask": batch["attention_mask"].astype(np.int64)})
        for number in range(max(0, len(batches) - IN_FLIGHT), len(batches)):
            collect(number)
        return results


def install_document_encoder(onnx_file: Path, model_dir: Path, check) -> Path:
    """Save the float ONNX graph `onnx_file` (outputs include `token_embeddings`) as an OpenVINO model with fp16
    weights, check it with `check(staged_xml) -> cosine`, and move it into `<model_dir>/openvino-documents/`."""
    import shutil
    import tempfile

    import openvino as ov

    target = openvino_documents_file(model_dir)
    with tempfile.TemporaryDirectory(dir=model_dir, prefix=".openvino-") as tmp:
        staged = Path(tmp) / OPENVINO_FOLDER / OPENVINO_FILE
        staged.parent.mkdir()
        ov.save_model(ov.Core().read_model(str(onnx_file)), str(staged), compress_to_fp16=True)
        cosine = check(staged)
        if cosine < MIN_COSINE:
            raise RuntimeError(f"the OpenVINO model gives other document vectors than sentence-transformers "
                               f"(cosine {cosine:.5f})")
        (staged.parent / "check.json").write_text(json.dumps(
            {"weights": "fp16", "min_cosine_to_sentence_transformers": cosine,
             "precision_checked": OpenVinoDocumentEncoder(staged).precision}, indent=1), encoding="utf-8")
        for written in staged.parent.iterdir():
            written.chmod(0o644)
        if target.parent.exists():
            shutil.rmtree(target.parent)
        staged.parent.rename(target.parent)
    return target
