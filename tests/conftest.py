"""Shared fixtures: offline mode, the bundled corpus, a fake embedder and small indexes built with it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture
def fake_embedder():
    from index.embedding import HashingEmbedder

    return HashingEmbedder()


@pytest.fixture
def bundled_documents():
    from ingest.readers import read_documents

    return read_documents([CORPUS]).documents


@pytest.fixture
def fake_index(tmp_path, bundled_documents, fake_embedder):
    from index.store import HybridIndex, build_index

    directory = tmp_path / "index"
    build_index(directory, bundled_documents, fake_embedder, show_progress=False)
    return HybridIndex.load(directory, fake_embedder)
