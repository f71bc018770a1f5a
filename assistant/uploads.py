"""Documents added from the chat: checked, stored under the data dir, ingested incrementally.

Only a file's base name is kept (so `../../etc/x.txt` becomes `x.txt`), only `.txt`, `.md` and `.html`
are taken, and each file has a size limit. Queries keep being answered from the loaded index while an
ingest runs; the new version is swapped in atomically and then loaded.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import threading
from pathlib import Path

from index.store import BuildReport, build_index
from ingest.readers import SUPPORTED_SUFFIXES, IngestError, read_document, UnreadableFile

from .settings import tanya_home

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)
_ingest_lock = threading.Lock()


class UploadError(ValueError):
    """An uploaded file is refused; the message says why and what is accepted."""


def safe_name(filename: str) -> str:
    """The file's base name with unsafe characters replaced; never a path, never hidden, never empty."""
    base = re.split(r"[\\/]", filename or "")[-1]
    base = _UNSAFE.sub("_", base).strip(" .")
    if not base or base.startswith("."):
        raise UploadError(f"The file name {filename!r} is not usable; rename the file and upload it again.")
    return base[:120]


def uploads_dir(index_directory: Path) -> Path:
    """Where uploads for one index are kept: under the data dir, one folder per index."""
    key = hashlib.sha1(str(Path(index_directory).resolve()).encode()).hexdigest()[:12]
    return tanya_home() / "uploads" / key


def store_upload(temp_path: Path, original_name: str, index_directory: Path,
                 max_bytes: int = MAX_UPLOAD_BYTES) -> Path:
    """Check an uploaded file and copy it into the uploads folder; return the stored path."""
    name = safe_name(original_name)
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UploadError(f"{name}: only .txt, .md and .html files can be added.")
    size = Path(temp_path).stat().st_size
    if size > max_bytes:
        raise UploadError(f"{name} is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB per file.")
    folder = uploads_dir(index_directory)
    folder.mkdir(parents=True, exist_ok=True)
    target = (folder / name).resolve()
    if folder.resolve() not in target.parents:
        raise UploadError(f"{original_name!r} would be written outside the uploads folder.")
    shutil.copyfile(temp_path, target)
    return target


def ingest_files(assistant, files: list[tuple[Path, str]]) -> tuple[BuildReport, list[str]]:
    """Store and index uploaded `(temp_path, original_name)` pairs; return the report and the refusals."""
    documents, refused = [], []
    directory = assistant.index.directory
    for temp_path, original_name in files:
        try:
            stored = store_upload(Path(temp_path), original_name, directory)
            documents.append(read_document(stored, stored.name))
        except (UploadError, UnreadableFile) as exc:
            refused.append(f"{safe_name_or_raw(original_name)}: {exc}")
    if not documents:
        raise IngestError("No file could be added. " + " ".join(refused))
    with _ingest_lock:
        report = build_index(directory, documents, assistant.index.embedder, keep_existing=True)
        assistant.reload()
    return report, refused


def remove_source(assistant, source: str) -> BuildReport:
    """Drop one document from the index (and its stored upload, if it was uploaded)."""
    if source not in {d.source for d in assistant.index.documents.values()}:
        raise IngestError(f"No document named {source!r} in the index.")
    with _ingest_lock:
        report = build_index(assistant.index.directory, [], assistant.index.embedder, keep_existing=True,
                             remove=[source])
        assistant.reload()
    stored = uploads_dir(assistant.index.directory) / source
    if stored.is_file():
        stored.unlink()
    return report


def safe_name_or_raw(name: str) -> str:
    try:
        return safe_name(name)
    except UploadError:
        return repr(name)
