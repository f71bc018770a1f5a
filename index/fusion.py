"""Fuse the dense and lexical rankings into one.

Two methods, chosen by measurement (see `eval/` and the README): reciprocal-rank fusion, and a mix of
per-query z-normalised scores weighted towards the dense leg.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

FusionMethod = Literal["zscore", "adaptive", "rrf", "dense", "lexical"]
FUSION_METHODS: tuple[str, ...] = ("zscore", "adaptive", "rrf", "dense", "lexical")


def rrf(dense: np.ndarray, lexical: np.ndarray, k: int = 60) -> np.ndarray:
    """Reciprocal-rank fusion of two full score vectors: `sum 1 / (k + rank)`."""
    return _rrf_term(dense, k) + _rrf_term(lexical, k)


def _rrf_term(scores: np.ndarray, k: int) -> np.ndarray:
    ranks = np.empty(len(scores), dtype=np.float64)
    ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
    return 1.0 / (k + ranks)


def zscore(scores: np.ndarray) -> np.ndarray:
    """Scores standardised within one query; a constant vector becomes zeros."""
    std = float(scores.std())
    if std < 1e-9:
        return np.zeros_like(scores, dtype=np.float64)
    return (scores - scores.mean()) / std


def zscore_mix(dense: np.ndarray, lexical: np.ndarray, dense_weight: float = 0.9) -> np.ndarray:
    """`w * z(dense) + (1 - w) * z(lexical)`; a query without lexical matches falls back to dense."""
    if not np.any(lexical > 0):
        return zscore(dense)
    return dense_weight * zscore(dense) + (1.0 - dense_weight) * zscore(lexical)


def adaptive_mix(dense: np.ndarray, lexical: np.ndarray, high: float = 0.9, low: float = 0.6,
                pivot: float = 6.0) -> np.ndarray:
    """A z-score mix whose dense weight drops from `high` to `low` when the lexical leg is confident.

    Lexical confidence is how far BM25's best chunk stands above the rest (its z-score): a question with
    a rare name or number that one passage matches gets more say for BM25; a vague or misspelt question,
    where BM25 scores are flat, is left to the dense leg.
    """
    if not np.any(lexical > 0):
        return zscore(dense)
    z_lexical = zscore(lexical)
    weight = low if float(z_lexical.max()) >= pivot else high
    return weight * zscore(dense) + (1.0 - weight) * z_lexical


def fuse(dense: np.ndarray, lexical: np.ndarray, method: FusionMethod, dense_weight: float = 0.9,
         rrf_k: int = 60) -> np.ndarray:
    """One fused score per chunk; higher is better."""
    if method == "zscore":
        return zscore_mix(dense, lexical, dense_weight)
    if method == "adaptive":
        return adaptive_mix(dense, lexical)
    if method == "rrf":
        return rrf(dense, lexical, rrf_k)
    if method == "dense":
        return dense.astype(np.float64)
    if method == "lexical":
        return lexical.astype(np.float64)
    raise ValueError(f"Unknown fusion method {method!r}; choose one of {FUSION_METHODS}.")
