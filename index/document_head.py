"""What follows the transformer for a document vector, in numpy: mean pooling, the dense layers, normalisation.

When OpenVINO runs the transformer (`openvino_documents`), this is all that is left of sentence-transformers'
pipeline, so building an index needs neither torch nor a second copy of the weights in memory (1.2 GB in fp32).
EmbeddingGemma's two dense layers are linear (no bias, identity activation): they fold into one 768×768 matrix.
A model whose modules are anything else gets no head, and torch runs the whole pipeline as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .models import model_prompt

_IDENTITY = "torch.nn.modules.linear.Identity"
_EMBEDDING = "sentence_embedding"


@dataclass(frozen=True)
class DocumentHead:
    """The model's document prompt and its dense layers folded into `projection` [dimension, hidden]."""

    prompt: str
    projection: np.ndarray

    @property
    def dimension(self) -> int:
        return int(self.projection.shape[0])

    def __call__(self, pooled: np.ndarray) -> np.ndarray:
        """Unit-length embeddings for mean-pooled token embeddings [n, hidden]."""
        return unit_rows(pooled.astype(np.float32) @ self.projection.T)


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to length 1 (an all-zero row stays zero), float32."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def load_document_head(model_dir: Path | str) -> DocumentHead | None:
    """The head of a sentence-transformers folder made of a transformer, mean pooling (prompt included), one or
    more linear dense layers without bias and a normalisation; None for any other model (without dense layers
    too: the embedding's size then comes from the transformer, which is not loaded here)."""
    folder = Path(model_dir)
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]  # module paths moved in sentence-transformers 6
        if kinds[:2] != ["Transformer", "Pooling"] or any(k not in ("Dense", "Normalize") for k in kinds[2:]):
            return None
        if "Normalize" in kinds and kinds[-1] != "Normalize":  # normalising mid-way is not a linear fold
            return None
        pooling = json.loads((folder / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
        if _pooling_modes(pooling) != {"mean"} or not pooling.get("include_prompt", True):
            return None
        projection = None
        for module, kind in zip(modules[2:], kinds[2:]):
            if kind != "Dense":
                continue
            weight = _dense_weight(folder / module["path"])
            if weight is None:
                return None
            projection = weight if projection is None else weight @ projection
        return None if projection is None else DocumentHead(prompt=model_prompt(folder, "document"),
                                                            projection=projection)
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None


def _pooling_modes(config: dict) -> set[str]:
    """{"mean"} for mean pooling, in the configs of sentence-transformers 5 (flags) and 6 (`pooling_mode`)."""
    if "pooling_mode" in config:
        mode = config["pooling_mode"]
        return {mode} if isinstance(mode, str) else set(mode)
    return {k.removeprefix("pooling_mode_").removesuffix("_tokens") for k, v in config.items()
            if k.startswith("pooling_mode_") and v}


def _dense_weight(folder: Path) -> np.ndarray | None:
    from safetensors.numpy import load_file

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    if (config.get("bias", True) or config.get("activation_function") != _IDENTITY or config.get("use_residual")
            or config.get("module_input_name", _EMBEDDING) != _EMBEDDING
            or (config.get("module_output_name") or _EMBEDDING) != _EMBEDDING):
        return None
    weights_file = folder / "model.safetensors"
    if not weights_file.is_file():
        return None
    weight = load_file(str(weights_file)).get("linear.weight")
    if weight is None or weight.shape != (config["out_features"], config["in_features"]):
        return None
    return weight.astype(np.float32)

