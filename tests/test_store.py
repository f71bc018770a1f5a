import dataclasses
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from index.embedding import HashingEmbedder
from ingest.sentences import SPLITTER_VERSION
from index.lexical import LexicalIndex
from index.store import FORMAT_VERSION, HybridIndex, IndexLoadError, build_index, live_version
from ingest.readers import read_documents

REPO = Path(__file__).resolve().parent.parent


def test_manifest_records_what_built_the_index(fake_index, bundled_documents):
    manifest = fake_index.manifest
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["model"]["id"] == "hashing-fake" and manifest["model"]["dimension"] == 256
    assert manifest["counts"] == {"documents": len(bundled_documents), "chunks": len(fake_index.chunks)}
    assert manifest["chunking"] == {"max_chars": 600, "max_sentences": 4, "overlap": 1, "list_item": 0.5,
                                    "list_item_chars": 80, "splitter": SPLITTER_VERSION}
    assert {d["content_sha256"] for d in manifest["documents"].values()} == {d.content_sha256 for d in bundled_documents}
    assert {"vectors.faiss", "chunks.jsonl", "documents.jsonl"} <= set(manifest["files"])
    assert "faiss" in manifest["versions"] and "python" in manifest["versions"]


def test_a_known_question_finds_its_passage(fake_index):
    hits = fake_index.search("Kapan Kazakhstan menandatangani dokumen kerangka program PfP?", k=3)
    assert any("secara resmi dimulai pada tahun 1994" in hit.chunk.text for hit in hits)
    assert [hit.rank for hit in hits] == [1, 2, 3]


def test_reingest_embeds_only_new_or_changed_documents_and_drops_removed(tmp_path, corpus_dir):
    docs = tmp_path / "docs"
    docs.mkdir()
    for file in sorted(corpus_dir.glob("*.txt"))[:3]:
        (docs / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    directory = tmp_path / "index"
    embedder = HashingEmbedder()
    first = build_index(directory, read_documents([docs]).documents, embedder, show_progress=False)
    assert first.embedded_chunks == first.chunks and len(first.added) == 3
    calls = embedder.documents_embedded

    live = live_version(directory)
    again = build_index(directory, read_documents([docs]).documents, embedder, show_progress=False)
    assert embedder.documents_embedded == calls and again.embedded_chunks == 0 and len(again.unchanged) == 3
    assert live_version(directory) == live  # nothing changed: no new version written

    names = sorted(p.name for p in docs.iterdir())
    changed = docs / names[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nKalimat baru tentang kerja sama energi.\n", encoding="utf-8")
    (docs / names[1]).unlink()
    (docs / "baru.txt").write_text("Dokumen Baru\nIndonesia dan Laos menandatangani perjanjian budaya.", encoding="utf-8")
    third = build_index(directory, read_documents([docs]).documents, embedder, show_progress=False)
    assert third.changed == [names[0]] and third.removed == [names[1]] and third.added == ["baru.txt"]
    index = HybridIndex.load(directory, embedder)
    expected = sum(1 for c in index.chunks if c.source in (names[0], "baru.txt"))
    assert third.embedded_chunks == expected == embedder.documents_embedded - calls
    assert {c.source for c in index.chunks} == {names[0], names[2], "baru.txt"}
    assert index.manifest["counts"]["documents"] == 3


def test_a_document_read_with_a_new_title_is_embedded_again(tmp_path, bundled_documents):
    # A newer reading of the same text's first lines ("PENGUMUMAN" is no title) is embedded with every chunk.
    directory = tmp_path / "index"
    embedder = HashingEmbedder()
    build_index(directory, bundled_documents[:2], embedder, show_progress=False)
    calls = embedder.documents_embedded
    retitled = dataclasses.replace(bundled_documents[0], title="Judul yang lebih baik")
    report = build_index(directory, [retitled, bundled_documents[1]], embedder, show_progress=False)
    assert report.changed == [retitled.source] and report.unchanged == [bundled_documents[1].source]
    assert embedder.documents_embedded > calls
    index = HybridIndex.load(directory, embedder)
    assert {c.title for c in index.chunks if c.source == retitled.source} == {"Judul yang lebih baik"}


def test_keep_existing_adds_and_removes_single_documents(tmp_path, fake_embedder, bundled_documents):
    directory = tmp_path / "index"
    build_index(directory, bundled_documents[:2], fake_embedder, show_progress=False)
    report = build_index(directory, bundled_documents[2:3], fake_embedder, keep_existing=True,
                         remove=[bundled_documents[0].source], show_progress=False)
    assert report.removed == [bundled_documents[0].source] and report.added == [bundled_documents[2].source]
    sources = {c.source for c in HybridIndex.load(directory, fake_embedder).chunks}
    assert sources == {bundled_documents[1].source, bundled_documents[2].source}


def _corrupt(directory: Path, name: str, data: bytes) -> None:
    (live_version(directory) / name).write_bytes(data)


@pytest.mark.parametrize("name,data", [("vectors.faiss", b"garbage"), ("chunks.jsonl", b"{}\n"),
                                       ("manifest.json", b"{not json")])
def test_a_damaged_index_gives_a_clear_error_naming_the_fix(fake_index, fake_embedder, name, data):
    _corrupt(fake_index.directory, name, data)
    with pytest.raises(IndexLoadError, match="damaged|unreadable") as error:
        HybridIndex.load(fake_index.directory, fake_embedder)
    assert f"tanya ingest --index {fake_index.directory} --rebuild" in str(error.value)  # this index, not the default
    assert "bundled" not in str(error.value)  # the default index's command only for the default index


def test_the_default_index_is_rebuilt_without_naming_it():
    from index.store import rebuild_hint

    assert rebuild_hint(Path("/home/u/.tanya/indexes/bundled")) == ("Rebuild it with `tanya ingest --rebuild` "
                                                                    "(the bundled corpus's index).")


def test_a_missing_index_or_foreign_folder_is_a_clear_error(tmp_path, fake_embedder):
    with pytest.raises(IndexLoadError, match="No index"):
        HybridIndex.load(tmp_path / "nothing", fake_embedder)
    (tmp_path / "folder").mkdir()
    with pytest.raises(IndexLoadError, match="not a tanya index"):
        HybridIndex.load(tmp_path / "folder", fake_embedder)
    (tmp_path / "notes.txt").write_text("Catatan.", encoding="utf-8")
    with pytest.raises(IndexLoadError, match="is a file, not an index folder"):
        HybridIndex.load(tmp_path / "notes.txt", fake_embedder)


def test_an_index_built_with_another_model_is_refused(fake_index):
    other = HashingEmbedder(dimension=128, model_id="other-model")
    with pytest.raises(IndexLoadError, match="built with the model hashing-fake.*--rebuild"):
        HybridIndex.load(fake_index.directory, other)


def test_another_format_version_is_refused(fake_index, fake_embedder):
    manifest_path = live_version(fake_index.directory) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["format_version"] = 99
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexLoadError, match="format version 99"):
        HybridIndex.load(fake_index.directory, fake_embedder)


_SLOW_BUILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from index.embedding import HashingEmbedder
    from index.store import build_index
    from ingest.readers import read_documents

    class Slow(HashingEmbedder):
        def embed_documents(self, texts):
            print("embedding", flush=True)
            time.sleep(0.2)
            return super().embed_documents(texts)

    build_index(Path({directory!r}), read_documents([Path({docs!r})]).documents, Slow(), rebuild=True, show_progress=False)
    print("done", flush=True)
""")


def test_killing_an_ingest_mid_build_leaves_the_previous_index_loadable(tmp_path, fake_index, fake_embedder, corpus_dir):
    before = HybridIndex.load(fake_index.directory, fake_embedder)
    script = tmp_path / "slow_build.py"
    script.write_text(_SLOW_BUILD.format(repo=str(REPO), directory=str(fake_index.directory), docs=str(corpus_dir)))
    process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "embedding"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    after = HybridIndex.load(fake_index.directory, fake_embedder)
    assert after.version_dir == before.version_dir
    assert [c.chunk_id for c in after.chunks] == [c.chunk_id for c in before.chunks]
    # The next ingest cleans up what the killed one left and swaps in a new version.
    build_index(fake_index.directory, read_documents([corpus_dir]).documents, fake_embedder, rebuild=True, show_progress=False)
    assert not [p for p in fake_index.directory.iterdir() if p.name.startswith(".tmp-")]
    assert HybridIndex.load(fake_index.directory, fake_embedder).version_dir != before.version_dir


def test_a_crash_between_writing_and_swapping_keeps_the_old_version(fake_index, fake_embedder, bundled_documents, monkeypatch):
    import index.store as store

    before = live_version(fake_index.directory)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed before the swap")

    monkeypatch.setattr(store, "_swap", crash)
    with pytest.raises(KeyboardInterrupt):
        build_index(fake_index.directory, bundled_documents[:1], fake_embedder, show_progress=False)
    assert live_version(fake_index.directory) == before
    assert HybridIndex.load(fake_index.directory, fake_embedder).manifest["counts"]["documents"] == len(bundled_documents)



def test_rebuild_reports_chunks_taken_from_the_embedding_cache(tmp_path, corpus_dir):
    from index.embedding import CachedEmbedder, EmbeddingCache

    inner = HashingEmbedder()
    embedder = CachedEmbedder(inner, EmbeddingCache(tmp_path / "cache.sqlite"))
    documents = read_documents([sorted(corpus_dir.glob("*.txt"))[0]]).documents
    first = build_index(tmp_path / "index", documents, embedder, show_progress=False)
    assert first.cached_chunks == 0 and first.embedded_chunks == first.chunks
    calls = inner.documents_embedded
    assert calls == first.chunks
    again = build_index(tmp_path / "index", documents, embedder, rebuild=True, show_progress=False)
    assert again.embedded_chunks == again.cached_chunks == first.chunks
    assert inner.documents_embedded == calls  # the model ran for none of them

def test_a_question_asked_again_is_not_encoded_again(tmp_path, monkeypatch):
    from index.embedding import CachedEmbedder, EmbeddingCache

    inner = HashingEmbedder()
    encoded: list[str] = []
    real = inner.embed_queries
    monkeypatch.setattr(inner, "embed_queries", lambda texts: encoded.extend(texts) or real(texts))
    embedder = CachedEmbedder(inner, EmbeddingCache(tmp_path / "cache.sqlite"))
    monkeypatch.setattr(embedder, "QUERY_CACHE_SIZE", 2)
    first = embedder.embed_queries(["Kapan NATO berdiri?", "Siapa presiden Kazakhstan?"])
    again = embedder.embed_queries(["Siapa presiden Kazakhstan?", "Kapan NATO berdiri?", "Kapan NATO berdiri?"])
    assert encoded == ["Kapan NATO berdiri?", "Siapa presiden Kazakhstan?"] and embedder.query_hits == 3
    np.testing.assert_array_equal(again, real(["Siapa presiden Kazakhstan?", "Kapan NATO berdiri?", "Kapan NATO berdiri?"]))
    again[0] += 1.0  # a caller changing its copy changes nothing cached
    np.testing.assert_array_equal(embedder.embed_queries(["Siapa presiden Kazakhstan?"])[0], first[1])
    embedder.embed_queries(["Apa ibu kota Kazakhstan?"])  # the cache holds two: the least recently asked goes
    embedder.embed_queries(["Kapan NATO berdiri?"])
    assert encoded[2:] == ["Apa ibu kota Kazakhstan?", "Kapan NATO berdiri?"]


def test_building_the_lexical_index_leaves_bm25s_quiet():
    """bm25s sets its logger to DEBUG on import; `tanya ingest` printed "DEBUG bm25s: Building index…"."""
    import logging

    logging.getLogger("bm25s").setLevel(logging.DEBUG)  # as a fresh `import bm25s` leaves it
    LexicalIndex.build(["Ibu kota baru bernama Nusantara.", "Jakarta kota besar."])
    assert not logging.getLogger("bm25s").isEnabledFor(logging.INFO)


def test_bm25_reads_a_school_or_an_office_short_form_as_its_full_name():
    """"SMAN 3 Mataram" is "SMA Negeri 3 Mataram", and "dirutnya" its "Direktur Utama" (the twentieth and twenty-first
    testers)."""
    lexical = LexicalIndex.build(["Pengumuman kelulusan SMA Negeri 3 Mataram disampaikan Senin.",
                                  "Direktur Utama PT Pelayaran Segara Timur membantah tudingan itu.",
                                  "Pengumuman lomba sekolah disampaikan Senin."])
    assert lexical.scores("pengumuman kelulusan SMAN 3 Mataram").argmax() == 0
    assert lexical.scores("siapa dirutnya").argmax() == 1


def test_bm25_reads_a_managers_short_form_as_its_full_name():
    """"GM" is a "General Manager" (the twenty-seventh tester's g03)."""
    lexical = LexicalIndex.build(["Manajer hotel itu meluncurkan paket baru.",
                                  "General Manager hotel itu meluncurkan paket baru."])
    assert lexical.scores("siapa GM hotel itu").argmax() == 1


@pytest.mark.parametrize("query", ["anggaran jalan Kalimantan Timur", "anggaran jalan Kaltim"])
def test_bm25_reads_a_short_form_as_its_full_name(query):
    lexical = LexicalIndex.build(["Anggaran jalan Provinsi Kaltim naik menjadi Rp 2,4 triliun.",
                                  "Anggaran jalan Provinsi Kalimantan Timur naik menjadi Rp 2,4 triliun.",
                                  "Anggaran jalan Provinsi Jawa Barat naik menjadi Rp 1 triliun."])
    scores = lexical.scores(query)
    assert scores[0] > scores[2] and scores[1] > scores[2]


def test_adding_after_the_chunking_changed_keeps_every_document(tmp_path, fake_embedder):
    """After an upgrade that changes chunking (a new sentence splitter), `--add` or a chat upload re-chunks the
    documents already indexed; it used to drop them."""
    from index.store import build_index
    from ingest.chunking import ChunkingConfig
    from ingest.documents import Document, sha256_text

    def doc(name: str, text: str) -> Document:
        return Document(name, name, "", text, sha256_text(text))

    build_index(tmp_path, [doc("a.txt", "Banjir melanda Palembang. Warga mengungsi."),
                           doc("b.txt", "Festival kopi digelar di Bandung.")], fake_embedder, show_progress=False)
    report = build_index(tmp_path, [doc("c.txt", "Festival teh digelar di Puncak.")], fake_embedder,
                         chunking=ChunkingConfig(max_chars=300), keep_existing=True, show_progress=False)
    assert report.documents == 3 and not report.removed
    assert {d.source for d in HybridIndex.load(tmp_path, fake_embedder).documents.values()} == {"a.txt", "b.txt", "c.txt"}


def test_an_interrupted_ingest_keeps_the_chunks_embedded_so_far_in_the_cache(tmp_path, corpus_dir, monkeypatch):
    import index.store as store
    from index.embedding import CachedEmbedder, EmbeddingCache

    class Interrupted(HashingEmbedder):
        calls = 0

        def embed_documents_with_sentences(self, texts, spans, titles=None):
            Interrupted.calls += 1
            if Interrupted.calls == 3:
                raise KeyboardInterrupt  # Ctrl-C during the third batch
            return super().embed_documents_with_sentences(texts, spans, titles)

    monkeypatch.setattr(store, "EMBED_BATCH", 16)
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    documents = read_documents([corpus_dir]).documents
    with pytest.raises(KeyboardInterrupt):
        build_index(tmp_path / "index", documents, CachedEmbedder(Interrupted(), cache), show_progress=False)
    report = build_index(tmp_path / "index", documents, CachedEmbedder(HashingEmbedder(), cache), show_progress=False)
    assert report.cached_chunks == 32 and report.embedded_chunks == report.chunks  # two batches were kept


def test_a_new_tokenizer_rebuilds_bm25_on_the_next_ingest_without_embedding(tmp_path, corpus_dir, monkeypatch):
    import index.store

    documents = read_documents([sorted(corpus_dir.glob("*.txt"))[0]]).documents
    directory = tmp_path / "index"
    embedder = HashingEmbedder()
    build_index(directory, documents, embedder, show_progress=False)
    live, calls = live_version(directory), embedder.documents_embedded
    monkeypatch.setattr(index.store, "TOKENIZER_VERSION", index.store.TOKENIZER_VERSION + 1)
    again = build_index(directory, documents, embedder, show_progress=False)
    assert again.embedded_chunks == 0 and embedder.documents_embedded == calls
    rebuilt = live_version(directory)
    assert rebuilt != live  # BM25 written anew by the new tokenizer
    assert HybridIndex.load(directory, embedder).manifest["tokenizer_version"] == index.store.TOKENIZER_VERSION
    build_index(directory, documents, embedder, show_progress=False)
    assert live_version(directory) == rebuilt  # then nothing to do again


def test_ctrl_c_during_tanya_ingest_says_the_index_is_unchanged(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from assistant import cli, engine

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "make_embedder", lambda *args, **kwargs: HashingEmbedder())
    monkeypatch.setattr(engine, "ingest", interrupted)
    result = CliRunner().invoke(cli.main, ["ingest", "--index", str(tmp_path / "idx"), str(tmp_path)])
    assert result.exit_code == cli.EXIT_INTERRUPTED == 130
    assert "Interrupted" in result.output and "was not changed" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("title, prompt", [
    ("Laporan Evaluasi Program MBG", "title: Laporan Evaluasi Program MBG | text: "),
    ("  Banjir   Bima\n", "title: Banjir Bima | text: "),  # one line, spaces collapsed
    ("", "title: none | text: "),
    ("x" * 151, "title: none | text: "),  # a paragraph read as the title is no title
])
def test_the_document_prompt_names_the_title(title, prompt):
    from index.embedding import titled_prompt

    assert titled_prompt("title: none | text: ", title) == prompt
    assert titled_prompt("passage: ", title) == "passage: "  # a model without a title slot


class TitleRecorder(HashingEmbedder):
    """Records the titles each chunk was embedded with."""

    document_titles = True

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []

    def embed_documents_with_sentences(self, texts, spans, titles=None):
        self.titles.extend(titles or [""] * len(texts))
        return super().embed_documents_with_sentences(texts, spans, titles)

    def describe(self) -> dict:
        return {**super().describe(), "document_titles": True}


def test_chunks_are_embedded_with_their_documents_title(tmp_path):
    from ingest.documents import Document, sha256_text

    text = "Ketua Tim: Prof. Dr. Suparman Wirasena.\n\nAnggota: dr. Baiq Nurhayati."
    recorder = TitleRecorder()
    report = build_index(tmp_path, [Document("d1", "laporan.txt", "Laporan Evaluasi Program MBG", text,
                                             sha256_text(text))], recorder, show_progress=False)
    assert recorder.titles == ["Laporan Evaluasi Program MBG"] * report.chunks
    assert HybridIndex.load(tmp_path, recorder).manifest["model"]["sha256"] == recorder.fingerprint


def test_the_cache_keeps_one_vector_per_title_and_the_untitled_key_unchanged(tmp_path):
    import hashlib
    import json

    from index.embedding import CachedEmbedder, EmbeddingCache

    recorder = TitleRecorder()
    embedder = CachedEmbedder(recorder, EmbeddingCache(tmp_path / "cache.sqlite"))
    spans = [[(0, 14)]]
    for title in ("", "Banjir Bima", "Banjir Dompu", "Banjir Bima"):
        embedder.embed_documents_with_sentences(["Warga mengungsi."], spans, [title])
    assert recorder.titles == ["", "Banjir Bima", "Banjir Dompu"]  # the fourth came from the cache
    untitled = hashlib.sha256(f"late\n{json.dumps(spans[0])}\nWarga mengungsi.".encode("utf-8")).hexdigest()
    assert embedder.cache.get_many(recorder.fingerprint, [untitled])  # caches filled before titles still hit


def test_an_index_embedded_without_titles_is_re_embedded_whole_at_the_next_ingest(tmp_path):
    from ingest.documents import Document, sha256_text

    docs = [Document(f"d{i}", f"{i}.txt", f"Judul {i}", f"Isi dokumen nomor {i}.", sha256_text(f"Isi dokumen nomor {i}."))
            for i in range(2)]
    build_index(tmp_path, docs, HashingEmbedder(), show_progress=False)  # an embedder without title prompts
    recorder = TitleRecorder()
    report = build_index(tmp_path, docs, recorder, show_progress=False)
    assert report.embedded_chunks == report.chunks == 2 and recorder.titles == ["Judul 0", "Judul 1"]
    assert HybridIndex.load(tmp_path, recorder).manifest["model"]["document_titles"] is True
    again = build_index(tmp_path, docs, recorder, show_progress=False)
    assert again.embedded_chunks == 0 and again.unchanged == ["0.txt", "1.txt"]  # then only changes are embedded
