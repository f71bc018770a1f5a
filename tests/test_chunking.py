import pytest

from ingest.chunking import ChunkingConfig, chunk_document, chunk_spans, list_items
from ingest.documents import Document
from ingest.sentences import sentence_spans


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


OFFICERS = ("Koperasi didirikan pada 5 Juni 2007 di Desa Pasir Putih. Anggotanya nelayan. Pengurus dipilih dalam rapat "
            "anggota. Susunan pengurus periode 2022–2026 adalah sebagai berikut:\n- Ketua: H. Darsono\n- Wakil Ketua: "
            "Suparman\n- Sekretaris: Nur Aini, S.E.\n- Bendahara: Hj. Sumiyati\nBadan Pengawas diketuai oleh Kasmuri.")


def test_list_items_count_as_half_a_sentence_so_a_list_stays_with_its_lead():
    spans = sentence_spans(OFFICERS)
    items = list_items(OFFICERS, spans)
    assert [OFFICERS[s:e] for (s, e), item in zip(spans, items) if item] == [
        "- Ketua: H. Darsono", "- Wakil Ketua: Suparman", "- Sekretaris: Nur Aini, S.E.", "- Bendahara: Hj. Sumiyati"]
    chunks = [OFFICERS[s:e] for s, e in chunk_spans(spans, ChunkingConfig(), items=items)]
    assert any(c.startswith("Susunan pengurus") and "Bendahara: Hj. Sumiyati" in c for c in chunks)
    # each line a whole sentence, as before: the lead and the treasurer land in different chunks
    whole = [OFFICERS[s:e] for s, e in chunk_spans(spans, ChunkingConfig(list_item=1.0), items=items)]
    assert not any(c.startswith("Susunan pengurus") and "Bendahara" in c for c in whole)
    document = Document("d1", "koperasi.txt", "Laporan", OFFICERS, "x")
    assert all(OFFICERS[c.start:c.end] == c.text for c in chunk_document(document))


def test_a_table_row_a_numbered_item_and_a_field_are_list_items_and_prose_is_not():
    text = ("Realisasi per pilar:\nPilar Program: Kesehatan; Realisasi 2024: Rp4,9 miliar.\n1. Tahap pertama: Agustus."
            "\nWakil Ketua: Drs. Suparman\nDana itu disalurkan kepada 12 desa.\n- Mendorong pemulihan ekonomi: "
            "negara-negara bekerja sama memulihkan ekonomi global melalui kebijakan yang terkoordinasi.")
    spans = sentence_spans(text)
    assert list_items(text, spans) == [False, True, True, True, False, False]  # a long item is prose


def test_the_chunking_settings_name_the_list_item_weight_and_length():
    assert ChunkingConfig().to_dict()["list_item"] == 0.5 and ChunkingConfig().to_dict()["list_item_chars"] == 80
    assert ChunkingConfig().to_dict() != ChunkingConfig(list_item=1.0).to_dict()  # a change re-chunks
