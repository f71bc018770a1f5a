from ingest.cleaning import clean_text


def test_boilerplate_lines_are_removed_by_general_rules():
    raw = "\n".join([
        "Judul Berita Penting",
        "ADVERTISEMENT",
        "Paragraf pertama berisi fakta yang penting bagi pembaca.",
        "Menikmati artikel ini? Klik di sini untuk berlangganan untuk akses penuh. Hanya $5 per bulan.",
        "(Foto: Rapat kerja sama di Jakarta. Sumber: Humas)",
        "Paragraf kedua juga berisi fakta.",
        "Posted By : judi slot gacor 2024",
        "Posting Komentar untuk \"Judul Berita Penting\"",
    ])
    cleaned = clean_text(raw)
    assert cleaned.title == "Judul Berita Penting"
    assert "ADVERTISEMENT" not in cleaned.text
    assert "berlangganan" not in cleaned.text
    assert "Foto" not in cleaned.text
    assert "Posted By" not in cleaned.text and "Komentar" not in cleaned.text
    assert "Paragraf pertama berisi fakta" in cleaned.text and "Paragraf kedua" in cleaned.text


def test_menu_runs_footers_and_dates_are_dropped_and_the_date_kept():
    raw = "\n".join([
        "BerandaBeritaOlahragaEkonomiTentang Kami",
        "2023 © PT Contoh Media",
        "Version 2.3.1",
        "Judul Artikel Kedua",
        "5 Mei 2021 10:30 WIB",
        "Isi artikel yang cukup panjang untuk dibaca dengan baik oleh semua orang.",
        "Berita Terkait",
        "Tautan ke artikel lain yang tidak relevan",
    ])
    cleaned = clean_text(raw)
    assert cleaned.title == "Judul Artikel Kedua"
    assert cleaned.date == "5 Mei 2021 10:30 WIB"
    assert "Beranda" not in cleaned.text and "©" not in cleaned.text and "Version" not in cleaned.text
    assert "Tautan ke artikel lain" not in cleaned.text


def test_hard_wrapped_lines_are_rejoined_but_headings_kept():
    wrapped = ("Judul Laporan.\n1. Pendahuluan.\nAsia\nTengah, yang terdiri dari lima negara, adalah kawasan dengan ikatan sejarah\n"
               "yang mendalam dan beragam. Namun, pasca kemerdekaan masing-masing negara memilih\n"
               "jalur pembangunan yang berbeda, menyebabkan fragmentasi dalam berbagai bidang yang\n"
               "cukup luas bagi kawasan itu sendiri dan juga negara tetangganya.\n2. Tantangan.\n"
               "Kerja\nsama ini bukan hanya untuk mengatasi tantangan bersama tetapi juga untuk membangun\n"
               "fondasi kepercayaan dan identitas regional yang lebih kokoh dan kuat bagi semua.\n")
    text = clean_text(wrapped).text
    assert "Asia Tengah, yang terdiri" in text
    assert "memilih jalur pembangunan" in text
    assert "Kerja sama ini bukan" in text
    assert "\n2. Tantangan.\n" in text


def test_a_line_ending_in_a_bracket_or_quote_without_a_stop_goes_on_in_the_next():
    text = clean_text("Organisasi regional seperti Organisasi Kerja Sama Shanghai (SCO)\n"
                      "dan CIS sering menjadi wadah pertemuan.\n"
                      "Menurut dia, \"program itu berjalan baik.\"\n"
                      "dan (lihat Tabel 2).\n"
                      "berikutnya tetap di barisnya.").text
    assert "Shanghai (SCO) dan CIS sering" in text
    assert text.splitlines()[1:] == ['Menurut dia, "program itu berjalan baik."', "dan (lihat Tabel 2).",
                                     "berikutnya tetap di barisnya."]


def test_list_items_without_full_stops_keep_their_lines_and_the_heading_after_them():
    from ingest.readers import markdown_to_text

    markdown = ("# Saatnya Beralih ke Transportasi Umum\n\n"
                "Kemacetan di kota-kota besar Indonesia semakin parah dari tahun ke tahun bagi semua warga.\n\n"
                "Ada beberapa alasan utama mengapa kota kita perlu beralih ke transportasi umum, antara lain:\n"
                "- Mengurangi polusi udara yang membahayakan kesehatan warga kota\n"
                "- Menghemat biaya bahan bakar rumah tangga setiap bulannya\n"
                "- Mengurangi kemacetan di jam sibuk pagi dan sore hari\n"
                "- Membuka lapangan kerja baru di sektor transportasi umum\n"
                "  dan perawatan armada\n"
                "## Apa yang harus dilakukan\n\nPemerintah daerah harus menambah armada bus listrik.\n")
    lines = clean_text(markdown_to_text(markdown)).text.splitlines()
    assert "- Mengurangi polusi udara yang membahayakan kesehatan warga kota" in lines
    assert "- Membuka lapangan kerja baru di sektor transportasi umum dan perawatan armada" in lines  # wrapped item
    assert "Apa yang harus dilakukan" in lines


def test_the_fields_of_a_minutes_header_keep_their_lines_in_a_hard_wrapped_document():
    minutes = ("Notulen Rapat Koordinasi Penanganan Banjir\n\n"
               "Hari/Tanggal: Senin, 3 November 2025\n"
               "Tempat: Ruang Rapat Bappeda Kota Mataram\n"
               "Notulis: Siti Aminah\n"
               "Peserta: Kepala BPBD, Kepala Dinas PUPR, Kepala Dinas Sosial,\n"
               "camat se-Kota Mataram\n"
               "Rapat dibuka oleh Wali Kota Mataram yang menyampaikan bahwa curah hujan tinggi selama sepekan\n"
               "terakhir menyebabkan banjir di 12 kelurahan dan merendam sekitar 1.250 rumah warga\n"
               "Kepala BPBD melaporkan bahwa sebanyak 3.400 warga telah dievakuasi ke 8 titik pengungsian yang\n"
               "tersebar di empat kecamatan dan kebutuhan logistik masih mencukupi hingga akhir pekan\n"
               "Para camat meminta agar pendataan kerusakan rumah dipercepat supaya bantuan perbaikan bisa segera\n"
               "disalurkan kepada warga terdampak sebelum musim hujan berikutnya tiba di kota ini\n")
    lines = clean_text(minutes).text.splitlines()
    assert lines[2:6] == ["Hari/Tanggal: Senin, 3 November 2025", "Tempat: Ruang Rapat Bappeda Kota Mataram",
                          "Notulis: Siti Aminah",
                          "Peserta: Kepala BPBD, Kepala Dinas PUPR, Kepala Dinas Sosial, camat se-Kota Mataram"]
    assert lines[6].startswith("Rapat dibuka") and "selama sepekan terakhir menyebabkan" in lines[6]


def test_a_single_label_and_colon_in_a_wrapped_sentence_is_no_field():
    wrapped = ("Tantangan utama kerja sama kawasan itu dapat dikelompokkan menjadi beberapa bagian besar yang\n"
               "saling berkaitan satu sama lain, mulai dari politik hingga ekonomi dan sosial budaya.\n"
               "Keterbatasan Ekonomi dan Sumber\n"
               "Daya: Sebagian besar negara bergantung pada ekonomi berbasis komoditas yang rentan terhadap\n"
               "fluktuasi harga global dan perubahan permintaan dari negara-negara mitra dagang utamanya.\n"
               "Alokasi dana untuk proyek kemanusiaan regional seringkali bukan prioritas utama negara itu\n"
               "dibandingkan dengan kebutuhan pembangunan domestik yang terus bertambah setiap tahun.\n")
    assert "Keterbatasan Ekonomi dan Sumber Daya: Sebagian besar" in clean_text(wrapped).text


def test_a_first_line_that_only_says_what_kind_of_document_it_is_is_not_the_title():
    release = clean_text("SIARAN PERS\n\nPT Agri Nusantara Digital Luncurkan Aplikasi PanenKu\n\n"
                         "Pontianak, Senin (3/11/2025) – PT Agri Nusantara Digital resmi meluncurkan aplikasi PanenKu.")
    assert release.title == "PT Agri Nusantara Digital Luncurkan Aplikasi PanenKu"
    assert release.text.startswith("SIARAN PERS")  # the line stays in the text
    assert clean_text("Laporan\nLaporan ini disusun oleh tim evaluasi.").title == "Laporan"  # a sentence follows


def test_an_announcement_heading_and_a_letter_number_are_not_the_title():
    # "PENGUMUMAN" over a letter number, then the headline a paragraph below
    letter = clean_text("PENGUMUMAN\nNomor: 1127/UN16.R/KM/2025\n\nPendaftaran Beasiswa Prestasi Universitas Andalas"
                        "\n\nPadang, 3 Juli 2025\n\nUniversitas Andalas membuka pendaftaran beasiswa.")
    assert letter.title == "Pendaftaran Beasiswa Prestasi Universitas Andalas"
    # glued to the lines under it (a document whose lines mostly end without a full stop is read as hard-wrapped)
    assert clean_text("PENGUMUMAN Bank Sejahtera Nusantara Kantor Cabang Pekalongan Nomor: 045/KC-PKL/II/2025\n\n"
                      "Bank membuka penyaluran KUR.").title == "Bank Sejahtera Nusantara Kantor Cabang Pekalongan"
    assert clean_text("PENJELASAN PUBLIK\nBadan Pengawas Obat dan Makanan\n\nBPOM menarik produk itu.").title == (
        "Badan Pengawas Obat dan Makanan")
    # a heading that goes on in capitals is one title, and a title that only begins with such a word stays whole
    assert clean_text("LAPORAN PRODUKSI PADI MUSIM TANAM I\n\nProduksi naik.").title == (
        "LAPORAN PRODUKSI PADI MUSIM TANAM I")
    assert clean_text("Berita Acara Rekapitulasi: Pasangan Yusuf Menang\n\nKPU menetapkan hasil.").title == (
        "Berita Acara Rekapitulasi: Pasangan Yusuf Menang")
    assert clean_text("Kantor Baru di Jalan Sudirman No. 12\n\nKantor itu dibuka.").title == (
        "Kantor Baru di Jalan Sudirman No. 12")  # an address's number is no letter's


def test_a_dateline_with_place_and_weekday_is_the_date():
    cleaned = clean_text("Banjir Besar di Palembang\nPalembang, Senin 12 Februari 2024\nBanjir melanda kota itu.")
    assert cleaned.date == "Palembang, Senin 12 Februari 2024" and "Senin" not in cleaned.text


def test_repeated_title_is_dropped():
    raw = "Judul Sama.\nJUDUL SAMA.\nIsi paragraf yang menjelaskan sesuatu dengan rinci."
    assert clean_text(raw).text == "Judul Sama.\nIsi paragraf yang menjelaskan sesuatu dengan rinci."


def test_bundled_corpus_is_clean(bundled_documents):
    joined = "\n".join(d.text for d in bundled_documents)
    for junk in ("ADVERTISEMENT", "Posted By", "Posting Komentar", "berlangganan untuk akses", "Berita Terkait",
                 "(Foto:", "PT Dynamo Media Network", "Version 1.89.0"):
        assert junk not in joined
    assert "Asia Tengah, yang terdiri dari Kazakhstan" in joined


def test_a_byline_is_kept_so_that_who_wrote_it_can_be_answered():
    raw = "\n".join([
        "Judul Opini Tentang Kota",
        "Tulisan dari Ririn Dwi Fitriani tidak mewakili pandangan dari redaksi kumparan",
        "Penulis: Budi Santoso",
        "Editor: Ani Lestari",
        "Isi opini yang cukup panjang untuk dibaca dengan baik oleh semua orang.",
    ])
    cleaned = clean_text(raw)
    assert "Tulisan dari Ririn Dwi Fitriani" in cleaned.text and "Penulis: Budi Santoso" in cleaned.text
    assert "Editor" not in cleaned.text


def test_a_press_release_dateline_with_a_numeric_date_is_the_date():
    cleaned = clean_text("SIARAN PERS\nMataram, Rabu (5/11/2025)\nBPBD NTB menyalurkan bantuan pada Rabu (5/11/2025).")
    assert cleaned.date == "Mataram, Rabu (5/11/2025)"
    assert cleaned.text.endswith("BPBD NTB menyalurkan bantuan pada Rabu (5/11/2025).")  # a sentence with a date stays


def test_a_news_lead_that_starts_with_its_dateline_keeps_its_sentence_and_gives_the_date():
    cleaned = clean_text("Kebakaran Pasar Cik Puan\n"
                         "Pekanbaru, Selasa (4/11/2025) - Sehari setelah kebakaran, ribuan pedagang berkumpul.\n"
                         "Jakarta - Banjir melanda.")
    assert cleaned.date == "Pekanbaru, Selasa (4/11/2025)"
    assert cleaned.text.splitlines()[1:] == ["Sehari setelah kebakaran, ribuan pedagang berkumpul.", "Jakarta - Banjir melanda."]


def test_an_interview_is_titled_by_its_headline_not_by_its_kind():
    interview = clean_text("WAWANCARA\n\nSugeng Hartono: \"Batik Lasem Itu Catatan Sejarah\"\n\nDi sebuah rumah tua di "
                           "Lasem, Sugeng Hartono masih setia menggoreskan canting.")
    assert interview.title == "Sugeng Hartono: \"Batik Lasem Itu Catatan Sejarah\""


def test_a_statistics_release_is_titled_by_its_headline():
    release = clean_text("BERITA RESMI STATISTIK\nInflasi Sulawesi Selatan Februari 2025\n\nBPS mencatat inflasi.")
    assert release.title == "Inflasi Sulawesi Selatan Februari 2025"
