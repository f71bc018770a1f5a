"""Documents added from the chat: checked, stored under the data dir, ingested incrementally.

Only a file's base name is kept (so `../../etc/x.txt` becomes `x.txt`), only `.txt`, `.md` and `.html`
are taken, and each file has a size limit. Queries keep being answered from the loaded index while an
ingest runs; the new version is swapped in atomically and then loaded.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import threading
import time
import uuid
from pathlib import Path

from index.store import BuildReport, build_index
from ingest.readers import SUPPORTED_SUFFIXES, IngestError, read_document, UnreadableFile

from .settings import tanya_home

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_NAME_CHARS = 120
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)
_STAGING = ".incoming-"  # an upload being ingested; renamed to its real name once the new index is live
_ingest_lock = threading.Lock()


class UploadError(ValueError):
    """An uploaded file is refused; the message says why and what is accepted."""


def safe_name(filename: str) -> str:
    """The file's base name with unsafe characters replaced; never a path, never hidden, never empty."""
    base = re.split(r"[\\/]", filename or "")[-1].strip()
    # Hidden names are refused before anything is stripped: `.env` must not become `env`.
    if base.startswith(".") and base not in (".", ".."):
        raise UploadError(f"The file name {filename!r} is hidden (starts with a dot); rename the file and upload it again.")
    base = _UNSAFE.sub("_", base).strip(" .")
    if not base:
        raise UploadError(f"The file name {filename!r} is not usable; rename the file and upload it again.")
    if len(base) > MAX_NAME_CHARS:  # shorten the stem, keep the extension
        stem, suffix = os.path.splitext(base)
        suffix = suffix if len(suffix) <= 10 else ""
        base = stem[:MAX_NAME_CHARS - len(suffix)].rstrip(" .") + suffix
    return base


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def uploads_dir(index_directory: Path) -> Path:
    """Where uploads for one index are kept: under the data dir, one folder per index."""
    key = hashlib.sha1(str(Path(index_directory).resolve()).encode()).hexdigest()[:12]
    return tanya_home() / "uploads" / key


def _checked_target(temp_path: Path, original_name: str, index_directory: Path, max_bytes: int) -> Path:
    """Where an accepted upload goes (inside the uploads folder); `UploadError` when it is refused."""
    name = safe_name(original_name)
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UploadError(f"{name}: only .txt, .md and .html files can be added.")
    try:
        size = Path(temp_path).stat().st_size
    except OSError as exc:
        raise UploadError(f"{name}: the uploaded file cannot be read ({exc.strerror}).") from exc
    if size > max_bytes:
        raise UploadError(f"{name} is {_size(size)}; the limit is {_size(max_bytes)} per file.")
    folder = uploads_dir(index_directory)
    folder.mkdir(parents=True, exist_ok=True)
    # resolve() follows a symlink planted under that name: it must still land inside the folder.
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise UploadError(f"{original_name!r} would be written outside the uploads folder.")
    return target


def _copy_atomically(source: Path, target: Path) -> None:
    """Copy to a hidden file next to `target`, then rename: a crash never leaves a half-written upload."""
    tmp = target.with_name(f".tmp-{uuid.uuid4().hex[:8]}-{target.name}")
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def store_upload(temp_path: Path, original_name: str, index_directory: Path,
                 max_bytes: int = MAX_UPLOAD_BYTES) -> Path:
    """Check an uploaded file and copy it into the uploads folder; return the stored path."""
    target = _checked_target(Path(temp_path), original_name, index_directory, max_bytes)
    _copy_atomically(Path(temp_path), target)
    return target


def _clear_staging(folder: Path) -> None:
    """Drop what an ingest killed half-way left behind (call with `_ingest_lock` held)."""
    if folder.is_dir():
        for entry in folder.iterdir():
            stale_copy = entry.name.startswith(".tmp-") and time.time() - entry.stat().st_mtime > 600
            if (entry.name.startswith(_STAGING) or stale_copy) and entry.is_file():
                entry.unlink(missing_ok=True)


def ingest_files(assistant, files: list[tuple[Path, str]]) -> tuple[BuildReport, list[str]]:
    """Store and index uploaded `(temp_path, original_name)` pairs; return the report and the refusals.

    Each accepted file is staged under a hidden name and only takes its real name in the uploads folder
    once the new index version is live, so the folder never holds a file the index lacks (a killed ingest
    leaves a hidden staging file, cleared by the next one). Queries go on using the loaded index meanwhile.
    """
    directory = assistant.index.directory
    folder = uploads_dir(directory)
    with _ingest_lock:
        _clear_staging(folder)
        documents, refused, staged = [], [], []
        try:
            for temp_path, original_name in files:
                try:
                    target = _checked_target(Path(temp_path), original_name, directory, MAX_UPLOAD_BYTES)
                except UploadError as exc:
                    refused.append(str(exc))
                    continue
                staging = target.with_name(f"{_STAGING}{uuid.uuid4().hex[:8]}-{target.name}")
                staged.append((staging, target))
                _copy_atomically(Path(temp_path), staging)
                try:
                    documents.append(read_document(staging, target.name))
                except UnreadableFile as exc:
                    refused.append(f"{target.name} {exc}.")
                    staged.pop()
                    staging.unlink(missing_ok=True)
            if not documents:
                raise IngestError("No file could be added. " + " ".join(refused))
            report = build_index(directory, documents, assistant.index.embedder, keep_existing=True)
            for staging, target in staged:  # the new version is live: the uploads take their names
                os.replace(staging, target)
            assistant.reload()
        finally:
            for staging, _ in staged:
                staging.unlink(missing_ok=True)
    return report, refused


def remove_source(assistant, source: str) -> BuildReport:
    """Drop one document from the index (and its stored upload, if it was uploaded)."""
    with _ingest_lock:
        if source not in {d.source for d in assistant.index.documents.values()}:
            raise IngestError(f"No document named {source!r} in the index.")
        report = build_index(assistant.index.directory, [], assistant.index.embedder, keep_existing=True,
                             remove=[source])
        assistant.reload()
        folder = uploads_dir(assistant.index.directory)
        stored = folder / source
        if stored.parent == folder and stored.is_file():
            stored.unlink()
    return report


def safe_name_or_raw(name: str) -> str:
    try:
        return safe_name(name)
    except UploadError:
        return repr(name)
