"""Documents added from the chat: names, where they land, limits, live ingest and removal, crashes mid-ingest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant.answer import AnswerSettings, ExtractiveAnswerer
from assistant.engine import Assistant
from assistant.uploads import (MAX_UPLOAD_BYTES, UploadError, ingest_files, remove_source, safe_name, store_upload,
                               uploads_dir)
from index.embedding import HashingEmbedder
from index.store import CURRENT, HybridIndex, build_index, live_version
from ingest.readers import IngestError

REPO = Path(__file__).resolve().parent.parent

NEW_SOURCE = "zorbania.txt"
NEW_TEXT = ("Perjanjian Rempah Zorbania\n"
            "Kota Zorbania menandatangani perjanjian perdagangan rempah dengan Laos pada tahun 2031. "
            "Perjanjian itu mencakup cengkih, pala, dan kayu manis.\n")
NEW_QUESTION = "Kapan Kota Zorbania menandatangani perjanjian perdagangan rempah?"
OLD_QUESTION = "Kapan Kazakhstan menandatangani dokumen kerangka program PfP?"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("TANYA_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


class GatedEmbedder(HashingEmbedder):
    """A HashingEmbedder whose document embedding waits for `release` once `gate` is closed."""

    def __init__(self) -> None:
        super().__init__()
        self.gate_closed = False
        self.embedding = threading.Event()
        self.release = threading.Event()

    def embed_documents_with_sentences(self, texts, spans, titles=None):
        if self.gate_closed:
            self.embedding.set()
            assert self.release.wait(30), "the test never released the build"
        return super().embed_documents_with_sentences(texts, spans, titles)


def _assistant(index_dir: Path, bundled_documents, embedder=None) -> Assistant:
    embedder = embedder or HashingEmbedder()
    build_index(index_dir, bundled_documents, embedder, show_progress=False)
    index = HybridIndex.load(index_dir, embedder)
    return Assistant(index, ExtractiveAnswerer(index, AnswerSettings(abstain_below=-1.0)))


@pytest.fixture
def assistant(tmp_path, bundled_documents) -> Assistant:
    return _assistant(tmp_path / "index", bundled_documents)


def _upload(tmp_path: Path, text: str = NEW_TEXT, name: str = "upload.tmp") -> Path:
    """A file as the browser's upload leaves it: a temp name, unrelated to the user's file name."""
    folder = tmp_path / "gradio-tmp"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _sources(answer) -> set[str]:
    return {p.source for p in answer.passages}


# ---- names ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw,expected", [
    ("../../etc/x.txt", "x.txt"),
    ("..\\..\\x.txt", "x.txt"),
    ("C:\\Users\\ani\\laporan.md", "laporan.md"),
    ("/etc/passwd/../berita.html", "berita.html"),
    ("laporan tahunan 2024.txt", "laporan tahunan 2024.txt"),
    ("a<script>b.txt", "a_script_b.txt"),
    ("nul\x00byte.txt", "nul_byte.txt"),
    ("catatan.txt.", "catatan.txt"),
])
def test_safe_name_keeps_only_a_clean_base_name(raw, expected):
    assert safe_name(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", ".", "..", "../", "..\\..\\", "dir/", ".env", ".hidden.txt",
                                 "../.bashrc", "docs\\.secret.md"])
def test_hidden_or_empty_names_are_refused(raw):
    with pytest.raises(UploadError, match="rename the file"):
        safe_name(raw)


def test_a_long_name_is_shortened_but_keeps_its_extension():
    name = safe_name("a" * 300 + ".md")
    assert len(name) <= 120 and name.endswith(".md")


# ---- storing ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw", ["../../etc/x.txt", "..\\..\\x.txt", "/tmp/../../x.txt", "sub/dir/x.txt"])
def test_store_upload_never_writes_outside_the_uploads_folder(tmp_path, raw):
    index_dir = tmp_path / "index"
    upload = _upload(tmp_path)
    before = {p for p in tmp_path.rglob("*")}
    stored = store_upload(upload, raw, index_dir)
    folder = uploads_dir(index_dir).resolve()
    assert stored.resolve().parent == folder and stored.name == "x.txt"
    assert stored.read_text(encoding="utf-8") == NEW_TEXT
    created = {p.resolve() for p in tmp_path.rglob("*")} - {p.resolve() for p in before}
    assert all(p == folder or folder in p.parents or p in folder.parents for p in created), created
    assert not list(folder.glob(".tmp-*"))


def test_store_upload_does_not_follow_a_symlink_out_of_the_folder(tmp_path):
    index_dir = tmp_path / "index"
    folder = uploads_dir(index_dir)
    folder.mkdir(parents=True)
    outside = tmp_path / "outside.txt"
    outside.write_text("do not touch", encoding="utf-8")
    (folder / "x.txt").symlink_to(outside)
    with pytest.raises(UploadError, match="outside the uploads folder"):
        store_upload(_upload(tmp_path), "x.txt", index_dir)
    assert outside.read_text(encoding="utf-8") == "do not touch"


@pytest.mark.parametrize("name", ["laporan.pdf", "setup.exe", "skrip.sh", "tanpa_ekstensi", "gambar.PNG"])
def test_other_file_types_are_refused_with_a_clear_message(tmp_path, name):
    with pytest.raises(UploadError, match=r"only \.txt, \.md and \.html files can be added"):
        store_upload(_upload(tmp_path), name, tmp_path / "index")
    assert not uploads_dir(tmp_path / "index").exists() or not any(uploads_dir(tmp_path / "index").iterdir())


def test_upper_case_extensions_are_accepted(tmp_path):
    assert store_upload(_upload(tmp_path), "CATATAN.TXT", tmp_path / "index").name == "CATATAN.TXT"


def test_files_over_the_size_limit_are_refused(tmp_path):
    data = _upload(tmp_path, "x" * 2048)
    with pytest.raises(UploadError, match=r"besar\.txt is 2\.0 KB; the limit is 1\.0 KB per file"):
        store_upload(data, "besar.txt", tmp_path / "index", max_bytes=1024)
    assert store_upload(data, "pas.txt", tmp_path / "index", max_bytes=2048).name == "pas.txt"  # the limit itself is fine
    assert not (uploads_dir(tmp_path / "index") / "besar.txt").exists()
    assert MAX_UPLOAD_BYTES == 5 * 1024 * 1024


# ---- ingesting and removing ---------------------------------------------------------------------------
def test_an_uploaded_document_is_answered_from_without_a_restart(tmp_path, assistant):
    assert NEW_SOURCE not in _sources(assistant.ask(NEW_QUESTION))
    report, refused = ingest_files(assistant, [(_upload(tmp_path), f"../../{NEW_SOURCE}"),
                                               (_upload(tmp_path, name="b.tmp"), "slides.pdf")])
    assert report.added == [NEW_SOURCE] and len(refused) == 1 and "slides.pdf" in refused[0]
    answer = assistant.ask(NEW_QUESTION)
    assert answer.passages[0].source == NEW_SOURCE and "2031" in answer.answer
    assert any("1994" in p.text for p in assistant.ask(OLD_QUESTION).passages)  # the old documents are still there
    folder = uploads_dir(assistant.index.directory)
    assert sorted(p.name for p in folder.iterdir()) == [NEW_SOURCE]  # no staging files left


def test_an_upload_with_nothing_usable_changes_nothing(tmp_path, assistant):
    version = assistant.index.version_dir
    with pytest.raises(IngestError, match="No file could be added"):
        ingest_files(assistant, [(_upload(tmp_path), "a.exe"), (_upload(tmp_path, "   \n", "b.tmp"), "kosong.txt")])
    assert assistant.index.version_dir == version == live_version(assistant.index.directory)
    folder = uploads_dir(assistant.index.directory)
    assert not folder.exists() or not any(folder.iterdir())


def test_remove_source_drops_the_document_and_its_stored_file(tmp_path, assistant):
    ingest_files(assistant, [(_upload(tmp_path), NEW_SOURCE)])
    stored = uploads_dir(assistant.index.directory) / NEW_SOURCE
    assert stored.is_file()
    report = remove_source(assistant, NEW_SOURCE)
    assert report.removed == [NEW_SOURCE]
    assert NEW_SOURCE not in {d.source for d in assistant.index.documents.values()}
    assert NEW_SOURCE not in _sources(assistant.ask(NEW_QUESTION))
    assert not stored.exists()
    with pytest.raises(IngestError, match="No document named"):
        remove_source(assistant, NEW_SOURCE)


def test_questions_during_an_ingest_are_answered_from_the_old_index(tmp_path, bundled_documents):
    embedder = GatedEmbedder()
    assistant = _assistant(tmp_path / "index", bundled_documents, embedder)
    old_version = assistant.index.version_dir
    embedder.gate_closed = True
    with ThreadPoolExecutor(max_workers=2) as pool:
        ingest = pool.submit(ingest_files, assistant, [(_upload(tmp_path), NEW_SOURCE)])
        try:
            assert embedder.embedding.wait(10), "the ingest never reached the embedding step"
            # The build is stuck inside embed_documents_with_sentences: questions must still be answered.
            for question in (NEW_QUESTION, OLD_QUESTION):
                answer = pool.submit(assistant.ask, question).result(timeout=10)
                assert answer.retrieved and NEW_SOURCE not in {p.source for p in answer.retrieved}
            assert 'Zorbania"' in " ".join(assistant.ask(NEW_QUESTION).notes)  # no document mentions it yet
            assert any("1994" in p.text for p in assistant.ask(OLD_QUESTION).passages)
            assert assistant.index.version_dir == old_version == live_version(assistant.index.directory)
            assert not (uploads_dir(assistant.index.directory) / NEW_SOURCE).exists()
        finally:
            embedder.release.set()
        report, _ = ingest.result(timeout=30)
    assert report.added == [NEW_SOURCE]
    assert assistant.index.version_dir != old_version
    answer = assistant.ask(NEW_QUESTION)
    assert answer.passages[0].source == NEW_SOURCE and "2031" in answer.answer


def test_an_answer_started_before_the_swap_finishes_on_the_index_it_started_with(tmp_path, assistant, monkeypatch):
    """`Assistant.ask` takes one answerer for the whole answer, even when a reload lands in the middle."""
    old_answerer = assistant.answerer
    started, proceed = threading.Event(), threading.Event()
    real_ask = type(old_answerer).ask

    def slow_ask(self, *args, **kwargs):
        if self is old_answerer:
            started.set()
            proceed.wait(10)
        return real_ask(self, *args, **kwargs)

    monkeypatch.setattr(type(old_answerer), "ask", slow_ask)
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(assistant.ask, NEW_QUESTION)
        assert started.wait(10)
        ingest_files(assistant, [(_upload(tmp_path), NEW_SOURCE)])
        proceed.set()
        answer = pending.result(timeout=10)
    assert NEW_SOURCE not in _sources(answer)  # the old index, consistently
    assert assistant.ask(NEW_QUESTION).passages[0].source == NEW_SOURCE


# ---- a crash in the middle of an upload's ingest --------------------------------------------------------
_KILLED_UPLOAD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from assistant.answer import AnswerSettings, ExtractiveAnswerer
    from assistant.engine import Assistant
    from assistant.uploads import ingest_files
    from index.embedding import HashingEmbedder
    from index.store import HybridIndex

    class Slow(HashingEmbedder):
        def embed_documents_with_sentences(self, texts, spans, titles=None):
            print("embedding", flush=True)
            time.sleep(120)  # killed long before this ends
            return super().embed_documents_with_sentences(texts, spans, titles)

    index = HybridIndex.load(Path({index!r}), Slow())
    assistant = Assistant(index, ExtractiveAnswerer(index, AnswerSettings(abstain_below=-1.0)))
    ingest_files(assistant, [(Path({upload!r}), {name!r})])
    print("done", flush=True)
""")


def test_sigkill_during_an_upload_ingest_leaves_the_previous_index_working(tmp_path, bundled_documents, home):
    assistant = _assistant(tmp_path / "index", bundled_documents)
    directory = assistant.index.directory
    before = live_version(directory)
    script = tmp_path / "killed_upload.py"
    script.write_text(_KILLED_UPLOAD.format(repo=str(REPO), index=str(directory), upload=str(_upload(tmp_path)),
                                            name=NEW_SOURCE))
    process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "TANYA_HOME": str(home)})
    try:
        assert process.stdout.readline().strip() == "embedding"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(10)
    assert process.returncode == -signal.SIGKILL

    # As after a restart: the previous version is live and loads, and a fresh assistant answers.
    assert live_version(directory) == before
    index = HybridIndex.load(directory, HashingEmbedder())
    restarted = Assistant(index, ExtractiveAnswerer(index, AnswerSettings(abstain_below=-1.0)))
    assert restarted.index.version_dir == before
    assert NEW_SOURCE not in {d.source for d in restarted.index.documents.values()}
    assert any("1994" in p.text for p in restarted.ask(OLD_QUESTION).passages)
    # The uploads folder holds no file the index lacks (only a hidden staging file, if anything).
    folder = uploads_dir(directory)
    assert not (folder / NEW_SOURCE).exists()
    assert all(p.name.startswith(".") for p in folder.iterdir())

    # Uploading again works: the killed build's lock and leftovers are cleared.
    report, _ = ingest_files(restarted, [(_upload(tmp_path), NEW_SOURCE)])
    assert report.added == [NEW_SOURCE]
    assert sorted(p.name for p in folder.iterdir()) == [NEW_SOURCE]
    assert not [p for p in directory.iterdir() if p.name.startswith(".tmp-")]
    assert (directory / CURRENT).read_text().strip() != before.name
    assert restarted.ask(NEW_QUESTION).passages[0].source == NEW_SOURCE


def test_a_running_assistant_answers_from_a_version_another_process_made_live(tmp_path, assistant):
    """`tanya ingest` in a terminal while the chat runs: the next question sees the new document."""
    from ingest.documents import Document, sha256_text

    assert NEW_SOURCE not in _sources(assistant.ask(NEW_QUESTION))
    other = HybridIndex.load(assistant.index.directory, assistant.index.embedder)  # as a second process would
    build_index(other.directory, [Document("zorbania", NEW_SOURCE, "", NEW_TEXT, sha256_text(NEW_TEXT))],
                other.embedder, keep_existing=True, show_progress=False)
    answer = assistant.ask(NEW_QUESTION)
    assert answer.passages[0].source == NEW_SOURCE and assistant.index.version_dir == live_version(other.directory)
    (live_version(other.directory) / "chunks.jsonl").write_text("{}\n", encoding="utf-8")  # damaged...
    os.replace(other.directory / CURRENT, other.directory / "CURRENT.bak")  # ...and then no live version at all
    assert assistant.ask(NEW_QUESTION).passages[0].source == NEW_SOURCE  # the loaded version keeps answering


def test_the_assistants_langchain_retriever_follows_an_ingest_by_another_process(tmp_path, assistant):
    """A LangChain application keeps one retriever while `tanya ingest --add` runs: its next query sees the new
    document (a bare `index.as_langchain_retriever()` stays on the version it was made from)."""
    from ingest.documents import Document, sha256_text

    retriever, pinned = assistant.as_langchain_retriever(k=3), assistant.index.as_langchain_retriever(k=3)
    assert NEW_SOURCE not in {d.metadata["source"] for d in retriever.invoke(NEW_QUESTION)}
    other = HybridIndex.load(assistant.index.directory, assistant.index.embedder)
    build_index(other.directory, [Document("zorbania", NEW_SOURCE, "", NEW_TEXT, sha256_text(NEW_TEXT))],
                other.embedder, keep_existing=True, show_progress=False)
    assert retriever.invoke(NEW_QUESTION)[0].metadata["source"] == NEW_SOURCE
    assert NEW_SOURCE not in {d.metadata["source"] for d in pinned.invoke(NEW_QUESTION)}


def test_a_shortened_question_says_so(assistant):
    answer = assistant.ask("Kapan Kazakhstan menandatangani dokumen kerangka program PfP? " + "Tolong jelaskan. " * 40)
    assert any("shortened" in note for note in answer.notes)
