import pytest

from ingest.chunking import ChunkingConfig, chunk_document, chunk_spans
from ingest.documents import Document


def test_chunk_offsets_reproduce_the_document(bundled_documents):
    for document in bundled_documents:
        chunks = chunk_document(document)
        assert chunks
        for position, chunk in enumerate(chunks):
            assert document.text[chunk.start:chunk.end] == chunk.text
            assert chunk.position == position and chunk.doc_id == document.doc_id
            assert chunk.source == document.source and chunk.title == document.title
        assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_chunks_overlap_by_one_sentence_and_cover_every_sentence():
    spans = [(i * 10, i * 10 + 9) for i in range(10)]
    groups = chunk_spans(spans, ChunkingConfig(max_chars=1000, max_sentences=3, overlap=1))
    assert groups == [(0, 29), (20, 49), (40, 69), (60, 89), (80, 99)]


def test_a_long_sentence_is_its_own_chunk():
    spans = [(0, 50), (51, 900), (901, 950)]
    groups = chunk_spans(spans, ChunkingConfig(max_chars=200, max_sentences=4, overlap=1))
    assert (51, 900) in groups and all(start <= 901 for start, _ in groups)


def test_bad_settings_fail_early():
    with pytest.raises(ValueError, match="overlap"):
        ChunkingConfig(max_sentences=2, overlap=2)


def test_chunk_ids_depend_on_content():
    a = Document("doc-a", "a.txt", "A", "Satu kalimat. Dua kalimat.", "x")
    b = Document("doc-a", "a.txt", "A", "Satu kalimat. Tiga kalimat.", "y")
    assert chunk_document(a)[0].chunk_id != chunk_document(b)[0].chunk_id
