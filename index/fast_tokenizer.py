"""The model's tokenizer read straight from its `tokenizer.json` with the `tokenizers` library.

`transformers.AutoTokenizer` gives the same ids and offsets, but importing it brings in torch: 9 s and 640 MB
before the first question, against 2 s and 380 MB here (EmbeddingGemma's vocabulary is 262k tokens). The
special tokens (`<bos>` … `<eos>`) come from the file's own post-processor, as in transformers.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

TOKENIZER_FILE = "tokenizer.json"


@dataclass(frozen=True)
class Batch:
    """A padded batch: `input_ids` and `attention_mask` [texts, tokens] int64, `offsets` [texts, tokens, 2]
    character spans of each token in its text (0, 0 for special and padding tokens)."""

    input_ids: np.ndarray
    attention_mask: np.ndarray
    offsets: np.ndarray


def has_fast_tokenizer(model_dir: Path | str) -> bool:
    return (Path(model_dir) / TOKENIZER_FILE).is_file()


class FastTokenizer:
    """Truncates to `max_length` tokens (special tokens included) and pads each batch to its longest text."""

    def __init__(self, model_dir: Path | str, max_length: int) -> None:
        from tokenizers import Tokenizer

        folder = Path(model_dir)
        self._tokenizer: Any = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        self._tokenizer.enable_truncation(max_length=max_length)
        pad = _pad_token(folder)
        pad_id = self._tokenizer.token_to_id(pad) if pad else None
        self._tokenizer.enable_padding(pad_id=pad_id or 0, pad_token=pad or "[PAD]")

    def __call__(self, texts: list[str]) -> Batch:
        encodings = self._tokenizer.encode_batch(texts)
        return Batch(input_ids=np.array([e.ids for e in encodings], dtype=np.int64),
                     attention_mask=np.array([e.attention_mask for e in encodings], dtype=np.int64),
                     offsets=np.array([e.offsets for e in encodings], dtype=np.int64).reshape(len(texts), -1, 2))


def fast_tokenizer(model_dir: Path | str, max_length: int) -> FastTokenizer:
    """One tokenizer per model folder, shared by the question encoder and the document encoder (380 MB each)."""
    return _shared_tokenizer(str(Path(model_dir).resolve()), max_length)


@functools.lru_cache(maxsize=4)
def _shared_tokenizer(model_dir: str, max_length: int) -> FastTokenizer:
    return FastTokenizer(model_dir, max_length)


def tokenize_batch(tokenizer: Any, texts: list[str], max_length: int) -> Batch:
    """A `Batch` from a `FastTokenizer` or from a transformers tokenizer (a model loaded by sentence-transformers)."""
    if isinstance(tokenizer, FastTokenizer):
        return tokenizer(texts)
    tokens = tokenizer(texts, padding=True, truncation=True, max_length=max_length, return_offsets_mapping=True,
                       return_tensors="np")
    return Batch(input_ids=tokens["input_ids"].astype(np.int64),
                 attention_mask=tokens["attention_mask"].astype(np.int64),
                 offsets=tokens["offset_mapping"].astype(np.int64))


def _pad_token(folder: Path) -> str | None:
    """The pad token named in `tokenizer_config.json` or `special_tokens_map.json` (a string or {content: …})."""
    for name in ("tokenizer_config.json", "special_tokens_map.json"):
        path = folder / name
        if path.is_file():
            token = json.loads(path.read_text(encoding="utf-8")).get("pad_token")
            if isinstance(token, dict):
                token = token.get("content")
            if token:
                return str(token)
    return None
