import logging

import pytest

from ingest.readers import IngestError, read_documents


def test_non_utf8_text_is_decoded_with_a_detected_encoding(tmp_path):
    text = "Kerja sama Indonesia dan négara-négara Afrika sangat penting bagi pembangunan ekonomi bersama. " * 3
    (tmp_path / "latin.txt").write_bytes(("Judul Dokumen\n" + text).encode("cp1252"))
    [document] = read_documents([tmp_path]).documents
    assert "négara" in document.text and document.title == "Judul Dokumen"


@pytest.mark.parametrize("encoding, words", [
    ("cp1252", "café latte dan crème brûlée"),  # charset-normalizer alone reads it as cp1250: "crčme brűlée"
    ("latin-1", "café latte dan crème brûlée"),
    ("cp1252", "Pak Budi berkata “ini bagus” – katanya"),
])
def test_legacy_encodings_keep_their_accents_and_the_warning_names_the_file(tmp_path, caplog, encoding, words):
    text = f"Festival Kopi\nFestival kopi di Bandung menyajikan {words}. Pengunjung mencapai 4.000 orang.\n" * 2
    (tmp_path / "kopi.txt").write_bytes(text.encode(encoding))
    with caplog.at_level(logging.WARNING):
        [document] = read_documents([tmp_path]).documents
    assert words in document.text and "kopi.txt" in caplog.text


def test_binary_empty_and_unsupported_files_are_skipped_with_a_warning(tmp_path, caplog):
    (tmp_path / "good.txt").write_text("Judul\nIsi dokumen yang baik dan benar.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.md").write_text("   \n", encoding="utf-8")
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "moved-away.txt")  # a link to a file that is no longer there
    with caplog.at_level(logging.WARNING):
        result = read_documents([tmp_path])
    assert [d.source for d in result.documents] == ["good.txt"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in result.skipped}
    assert "binary" in reasons["binary.txt"] and "empty" in reasons["empty.md"] and "unsupported" in reasons["slides.pdf"]
    assert "cannot be read" in reasons["gone.txt"]
    assert "binary.txt" in caplog.text and "slides.pdf" in caplog.text and "gone.txt" in caplog.text


def test_a_pdf_or_word_file_renamed_to_txt_is_skipped_not_decoded_into_noise(tmp_path):
    # No NUL byte in the first 8 KiB, so only the format's own signature tells (a decoder read it as mac_iceland).
    (tmp_path / "rapat.txt").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nBT /F1 12 Tf (Rapat koperasi) Tj ET\n")
    (tmp_path / "surat.md").write_bytes(b"{\\rtf1\\ansi Surat edaran\\par}")
    (tmp_path / "good.txt").write_text("Judul\nIsi dokumen yang baik dan benar.", encoding="utf-8")
    result = read_documents([tmp_path])
    assert [d.source for d in result.documents] == ["good.txt"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in result.skipped}
    assert "PDF" in reasons["rapat.txt"] and "plain text" in reasons["rapat.txt"] and "RTF" in reasons["surat.md"]


def test_missing_path_and_folder_without_documents_are_errors(tmp_path):
    with pytest.raises(IngestError, match="does not exist"):
        read_documents([tmp_path / "missing"])
    (tmp_path / "only.pdf").write_bytes(b"%PDF")
    with pytest.raises(IngestError, match="No readable"):
        read_documents([tmp_path])


def test_html_and_markdown_are_reduced_to_text(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Judul Halaman</title><script>var x = 1;</script></head><body><nav>Menu</nav>"
        "<p>Indonesia memimpin <b>Konferensi Asia-Afrika</b> tahun 1955.</p></body></html>", encoding="utf-8")
    (tmp_path / "note.md").write_text("# Catatan Rapat\n\nLihat [laporan](http://x.id) **penting** ini.\n", encoding="utf-8")
    docs = {d.source: d for d in read_documents([tmp_path]).documents}
    page, note = docs["page.html"], docs["note.md"]
    assert page.title == "Judul Halaman" and "Konferensi Asia-Afrika tahun 1955." in page.text
    assert "var x" not in page.text and "Menu" not in page.text
    assert note.title == "Catatan Rapat" and "Lihat laporan penting ini." in note.text


def test_a_news_page_keeps_its_article_and_drops_banners_ads_and_captions(tmp_path):
    paragraph = ("Banjir bandang melanda tujuh kecamatan di Kabupaten Bima setelah hujan deras mengguyur wilayah itu "
                 "selama enam jam. Sebanyak 4.000 warga terpaksa mengungsi ke tempat yang lebih aman. ")
    (tmp_path / "berita.html").write_text(
        "<html><head><title>Banjir Bandang Terjang Bima - Warta Nusantara</title></head><body>"
        "<div id='cookie-banner'>Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda. <button>Setuju</button>"
        "</div><header><nav><a href='/'>Beranda</a> <a href='/n'>Nasional</a></nav></header>"
        "<div class='ads'>Promo Spesial! Diskon 70% Tiket Pesawat ke Bali. Pesan sekarang!</div>"
        "<article><h1>Banjir Bandang Terjang Bima</h1><p class='date'>Senin, 3 November 2025 14:25 WITA</p>"
        "<figure><img src='a.jpg'><figcaption>Foto: Warga mengevakuasi barang-barang dari rumah.</figcaption></figure>"
        f"<p>{paragraph * 3}</p><div class='ads'>ADVERTISEMENT - Scroll untuk melanjutkan</div>"
        f"<p>Kepala BPBD Kabupaten Bima, Ir. Abdul Rahman Saleh, mengatakan air naik hingga 2 meter. {paragraph}</p>"
        "<p><em>Simak berita dan artikel lainnya di Google News.</em></p></article>"
        "<aside><h3>Berita Terkait</h3><ul><li><a href='/x'>Gempa di Lombok</a></li></ul></aside>"
        "<footer>Copyright 2025 Warta Nusantara. Semua hak dilindungi.</footer></body></html>", encoding="utf-8")
    page = read_documents([tmp_path]).documents[0]
    assert page.title == "Banjir Bandang Terjang Bima" and page.meta["date"] == "Senin, 3 November 2025 14:25 WITA"
    assert "Sebanyak 4.000 warga terpaksa mengungsi" in page.text and "Ir. Abdul Rahman Saleh" in page.text
    for junk in ("cookie", "Promo", "ADVERTISEMENT", "Foto:", "Google News", "Beranda", "Gempa di Lombok", "Copyright"):
        assert junk not in page.text, junk


def test_a_byline_the_article_extractor_drops_is_kept_with_its_date(tmp_path):
    paragraph = ("Upaya restorasi terumbu karang di Taman Nasional Bunaken mulai menunjukkan hasil. Tutupan karang hidup "
                 "naik dari 18% menjadi 41% dalam tiga tahun terakhir, menurut pemantauan terbaru balai taman nasional. ")
    (tmp_path / "berita.html").write_text(
        "<html><head><title>Restorasi Terumbu Karang di Bunaken - Kabar Nyiur</title></head><body>"
        "<header><nav><a href='/'>Beranda</a> <a href='/sulut'>Sulut</a></nav></header><main><article>"
        "<h1>Restorasi Terumbu Karang di Bunaken</h1>"
        "<p class='byline'>Oleh: Stevanus Lumenta | Manado, Rabu, 8 Oktober 2025 14:20 WITA</p>"
        f"<p>{paragraph * 3}</p><p>{paragraph * 2}</p></article></main>"
        "<footer>Copyright 2025 Kabar Nyiur.</footer></body></html>", encoding="utf-8")
    page = read_documents([tmp_path]).documents[0]
    assert page.text.splitlines()[:2] == ["Restorasi Terumbu Karang di Bunaken", "Oleh: Stevanus Lumenta"]
    assert page.meta["date"] == "Manado, Rabu, 8 Oktober 2025 14:20 WITA" and "Copyright" not in page.text


def test_a_table_becomes_one_sentence_per_row_with_its_column_names(tmp_path):
    from ingest.sentences import split_sentences

    (tmp_path / "brief.md").write_text(
        "# SPBKLU\n\nJumlah stasiun per provinsi:\n\n| Provinsi | Jumlah SPBKLU | Target 2030 |\n|---|---:|---|\n"
        "| Bali | 190 | 800 |\n| Sumatera Utara | 85 | 900 |\n\n## Rekomendasi\n\nPerbanyak stasiun.\n", encoding="utf-8")
    text = read_documents([tmp_path]).documents[0].text
    assert "|" not in text
    sentences = split_sentences(text)
    assert "Provinsi: Bali; Jumlah SPBKLU: 190; Target 2030: 800." in sentences
    assert "Provinsi: Sumatera Utara; Jumlah SPBKLU: 85; Target 2030: 900." in sentences
    assert "Rekomendasi" in sentences  # the heading after the table is not glued to its last row


def test_a_pipe_table_in_a_plain_text_file_is_read_the_same_way(tmp_path):
    # The twenty-second tester's report (.txt) held its stunting figures in a pipe table: one "sentence" of pipes.
    (tmp_path / "lkjip.txt").write_text(
        "Tabel 3.2 Perkembangan Prevalensi Stunting 2020–2023\n\n| Tahun | Prevalensi Stunting |\n|-------|------|\n"
        "| 2020 | 27,80% |\n| 2021 | 24,60% |\n\nPenurunan ini hasil intervensi terpadu.\n", encoding="utf-8")
    (tmp_path / "laporan.txt").write_text(  # without outer pipes (the nineteenth tester's annual report)
        "Ikhtisar Keuangan\n\nUraian     | 2023  | 2021\n-----------|-------|------\nLaba bersih | 389,5 | 322,6\n"
        "Total aset | 9.874,1 | 8.716,3\n\nHarga | Rp 5.000\n---\n", encoding="utf-8")
    documents = {d.source: d.text.split("\n") for d in read_documents([tmp_path]).documents}
    lines = documents["lkjip.txt"]
    assert "Tahun: 2021; Prevalensi Stunting: 24,60%." in lines and "Penurunan ini hasil intervensi terpadu." in lines
    assert not any("|" in line for line in lines)
    report = documents["laporan.txt"]
    assert "Uraian: Laba bersih; 2023: 389,5; 2021: 322,6." in report
    assert "Uraian: Total aset; 2023: 9.874,1; 2021: 8.716,3." in report
    assert "Harga | Rp 5.000" in report  # a line with a pipe over a rule without one is no table


def test_an_html_table_is_read_the_same_way():
    from ingest.readers import html_to_text

    paragraph = "<p>Pemerintah terus memperluas jaringan stasiun penukaran baterai kendaraan listrik di daerah. </p>"
    page = ("<html><body><article><h1>Stasiun Baterai</h1>" + paragraph * 12 + "<table><tr><th>Provinsi</th>"
            "<th>Jumlah SPBKLU</th></tr><tr><td>Bali</td><td>190</td></tr></table><p>Penutup laporan.</p>"
            "</article></body></html>")
    assert "Provinsi: Bali; Jumlah SPBKLU: 190." in html_to_text(page).split("\n")


def test_a_table_typed_without_rule_or_outer_pipes_is_read_as_a_table(tmp_path):
    # The forty-seventh tester's results table: three or more lines with as many pipes each, the first its header.
    (tmp_path / "turnamen.txt").write_text(
        "Hasil Final\n\nNomor | Juara | Klub\nTunggal putra | Rizky Pratama Aji | PB Jaya Raya\n"
        "Ganda putri | Nabila Putri/Kirana Dewi | PB Exist\n\nBantuan per desa:\nBeras | 4.020 kg\nTerpal | 120 lembar\n"
        "Selimut | 650 lembar\n\nOleh: Rina | Salatiga\nSatu baris dengan pipa | bukan tabel.\n", encoding="utf-8")
    lines = read_documents([tmp_path]).documents[0].text.split("\n")
    assert "Nomor: Ganda putri; Juara: Nabila Putri/Kirana Dewi; Klub: PB Exist." in lines
    assert "Beras; 4.020 kg." in lines  # a first line with a figure is a row, not a header
    assert "Oleh: Rina | Salatiga" in lines  # two lines with a pipe each are no table
