from ingest.sentences import sentence_spans, split_sentences


def test_abbreviations_numbers_and_amounts_do_not_split():
    text = ("Sekitar 4.000 pasukan tiba. Menurut Dr. Cemil Ipek dari Jl. Merdeka No. 5, hal itu penting. "
            "AS memiliki $60 miliar untuk investasi. Pertumbuhan turun 2,5 persen.")
    assert split_sentences(text) == [
        "Sekitar 4.000 pasukan tiba.",
        "Menurut Dr. Cemil Ipek dari Jl. Merdeka No. 5, hal itu penting.",
        "AS memiliki $60 miliar untuk investasi.",
        "Pertumbuhan turun 2,5 persen.",
    ]


def test_a_sentence_may_end_in_a_number_with_thousands_dots_or_a_decimal_comma():
    assert split_sentences("Pasukan yang tiba berjumlah 4.000. Mereka berasal dari Rusia.") == [
        "Pasukan yang tiba berjumlah 4.000.", "Mereka berasal dari Rusia."]
    assert split_sentences("Penontonnya 1.250.000. Semua hadir. Inflasi 2,5. Lalu turun.") == [
        "Penontonnya 1.250.000.", "Semua hadir.", "Inflasi 2,5.", "Lalu turun."]
    assert split_sentences("2.1. Latar Belakang") == ["2.1. Latar Belakang"]  # a numbered heading stays whole


def test_address_and_rank_abbreviations_do_not_split():
    text = "Kantornya di Jl. Jend. Sudirman Kav. 52-53 Jakarta. Ia diperiksa drg. Ani dan dijemput Kol. Budi."
    assert split_sentences(text) == ["Kantornya di Jl. Jend. Sudirman Kav. 52-53 Jakarta.",
                                     "Ia diperiksa drg. Ani dan dijemput Kol. Budi."]

    # "Muh." and "Moh." shorten Muhammad (the twenty-seventh tester's "Dr. Muh. Ikbal Sanusi" had been cut after it)
    assert split_sentences("Pengamat dari Unhas, Dr. Muh. Ikbal Sanusi, menilai danau dangkal. Moh. Hatta setuju.") == [
        "Pengamat dari Unhas, Dr. Muh. Ikbal Sanusi, menilai danau dangkal.", "Moh. Hatta setuju."]

    # a limit or a contact before its figure (the thirtieth tester's "City (maks. 65 km/jam)" had been cut after "maks.")
    assert split_sentences("- Mode: Eco (maks. 45 km/jam), City (maks. 65 km/jam). Hubungi Telp. 0274-555 atau datang.") == [
        "- Mode: Eco (maks. 45 km/jam), City (maks. 65 km/jam).", "Hubungi Telp. 0274-555 atau datang."]

    # a verdict's legal citation: "jo." (juncto) joins two articles, it ends nothing
    assert split_sentences("Ia melanggar Pasal 2 ayat (1) jo. Pasal 18 UU Tipikor. Vonisnya 5 tahun.") == [
        "Ia melanggar Pasal 2 ayat (1) jo. Pasal 18 UU Tipikor.", "Vonisnya 5 tahun."]


def test_list_end_abbreviations_split_only_before_a_capital():
    assert split_sentences("Ada beras, gula, dll. dan semuanya murah.") == ["Ada beras, gula, dll. dan semuanya murah."]
    assert split_sentences("Ada beras, gula, dsb. Semuanya murah.") == ["Ada beras, gula, dsb.", "Semuanya murah."]


def test_initials_numbered_headings_and_list_items():
    text = "1. Pendahuluan.\nM. Hatta berpidato. Ia disambut.\n- Kerjasama Bilateral: dua negara.\n- Kerjasama Regional: satu kawasan."
    assert split_sentences(text) == ["1. Pendahuluan.", "M. Hatta berpidato.", "Ia disambut.",
                                     "- Kerjasama Bilateral: dua negara.", "- Kerjasama Regional: satu kawasan."]


def test_question_and_exclamation_marks_and_quotes():
    assert split_sentences('Mengapa begitu? "Karena penting." Lalu selesai!') == ["Mengapa begitu?", '"Karena penting."', "Lalu selesai!"]


def test_spans_reproduce_the_text(bundled_documents):
    for document in bundled_documents:
        spans = sentence_spans(document.text)
        assert spans, document.source
        for start, end in spans:
            sentence = document.text[start:end]
            assert sentence == sentence.strip() and sentence
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_wikipedia_reference_marks_and_a_lost_space_end_sentences():
    text = ("Istilah itu dikenalkan oleh Ir. Soekarno.[1] Adapun sumber lain menyebut Ahmad Yani.[2][3] "
            "Lembaga itu didirikan dewasa ini.Para pendiri hadir di Jl.Sudirman, bukan di detik.com.")
    assert split_sentences(text) == [
        "Istilah itu dikenalkan oleh Ir. Soekarno.[1]",
        "Adapun sumber lain menyebut Ahmad Yani.[2][3]",
        "Lembaga itu didirikan dewasa ini.",
        "Para pendiri hadir di Jl.Sudirman, bukan di detik.com.",
    ]


def test_a_reference_list_entry_is_one_sentence():
    """"The World Bank." and "(2021)." answer nothing alone: who published a report is in the same entry as its title."""
    text = ("Daftar Referensi:\n"
            "1. The World Bank. (2021). Regional Cooperation in Central Asia. (Laporan tentang pendanaan).\n"
            "2. Laruelle, M. (Ed.). (2018). Constructing the Uzbek State. Lexington Books.\n"
            "Laporan itu terbit pada 2021. Bank Dunia (2021). Menurut laporan itu (2021). Kerja sama meningkat.")
    assert split_sentences(text) == [
        "Daftar Referensi:",
        "1. The World Bank. (2021). Regional Cooperation in Central Asia. (Laporan tentang pendanaan).",
        "2. Laruelle, M. (Ed.). (2018). Constructing the Uzbek State. Lexington Books.",
        "Laporan itu terbit pada 2021.", "Bank Dunia (2021).", "Menurut laporan itu (2021).", "Kerja sama meningkat.",
    ]


def test_institution_and_retired_rank_abbreviations_do_not_split():
    assert split_sentences("Ia dirawat di RS. Harapan Kita sejak Senin. Keluarga menjenguk.") == [
        "Ia dirawat di RS. Harapan Kita sejak Senin.", "Keluarga menjenguk."]
    assert split_sentences("Letjen. TNI (Purn.) Agus Widjojo hadir. Ia berbicara.") == [
        "Letjen. TNI (Purn.) Agus Widjojo hadir.", "Ia berbicara."]


def test_police_and_army_branch_abbreviations_do_not_split():
    assert split_sentences("Kapolda Irjen Pol. Drs. Hendra Wirawan, M.Si. hadir. Kolonel Inf. Agus Salim menyusul.") == [
        "Kapolda Irjen Pol. Drs. Hendra Wirawan, M.Si. hadir.", "Kolonel Inf. Agus Salim menyusul."]


def test_a_sentence_may_end_in_an_email_or_web_address():
    assert split_sentences("Hubungi info@kemlu.go.id. Terima kasih.") == ["Hubungi info@kemlu.go.id.", "Terima kasih."]
    assert split_sentences("Data ada di https://bps.go.id/data. Datanya lengkap.") == [
        "Data ada di https://bps.go.id/data.", "Datanya lengkap."]
    assert split_sentences("Ia belajar di A.S. pada 1990.") == ["Ia belajar di A.S. pada 1990."]  # still an abbreviation
