"""A signature's name, the item next to the one asked, another body's figure, English names and follow-ups that only
say what kind of answer they want (the forty-sixth to forty-eighth testers' documents and the bundled corpus's
unanswerable questions)."""

import pytest

from assistant.answer import CitedSentence, Passage
from assistant.answer_checks import (another_ordinal, count_of_another_body, date_of_another_name, follow_up_terms,
                                     holds_own_terms, names_another, qualifier_unanswered, role_unsaid)


def passage(text: str) -> Passage:
    return Passage(1, "berita.txt", "", "c1", "d1", 0, len(text), text, 1.0, 0.8, 3.0)


@pytest.mark.parametrize("question, sentence, other", [
    ("Kapan tahap pertama kampanye imunisasi MR dilaksanakan?", "2. Tahap kedua (September 2025): di posyandu.", True),
    ("Kapan tahap pertama kampanye imunisasi MR dilaksanakan?", "1. Tahap pertama (Agustus 2025): di sekolah.", False),
    ("Kalau peringkat kedua siapa?", "SMA Negeri 3 Makassar menempati peringkat ke-4 tingkat kota.", True),
    ("Kalau peringkat kedua siapa?", "Peringkat kedua diraih Muhammad Rizky Pratama.", False),
    ("When is the third debate scheduled?", "Debat kedua digelar pada 9 November 2024.", True),
    ("Kapan Masjid Agung pertama kali dibangun?", "Renovasi kedua dilakukan pada 1990.", False),  # the first time
    ("Siapa juara kedua lomba itu?", "Pada hari ketiga, juara diumumkan.", False),  # a time's ordinal
    ("Kapan kedua tersangka ditangkap?", "Tersangka ketiga masih buron.", False),  # both suspects, not the second
])
def test_a_sentence_on_another_item_of_a_series_is_told_apart(question, sentence, other):
    assert another_ordinal(question, sentence) is other


@pytest.mark.parametrize("question, sentence, body", [
    ("Berapa dana yang disediakan Inisiatif Sabuk dan Jalan China untuk Asia Tengah?",
     "Korporasi Keuangan Pembangunan AS memiliki $60 miliar untuk mendistribusikan pinjaman dan investasi.",
     "Korporasi Keuangan Pembangunan AS"),
    ("Berapa dana yang disiapkan China untuk Inisiatif Sabuk dan Jalan di Asia Tengah?",
     "Korporasi Keuangan Pembangunan AS memiliki $60 miliar.", "Korporasi Keuangan Pembangunan AS"),
    # the body asked is the one the sentence names, or the question names the body too
    ("Berapa dana yang disalurkan Bank Dunia?", "Bank Dunia menyalurkan $2 miliar.", None),
    ("Berapa dana Korporasi Keuangan Pembangunan AS?", "Korporasi Keuangan Pembangunan AS memiliki $60 miliar.", None),
    ("Berapa pasukan yang dikirim Rusia?", "Sebanyak 3.000 tentara Rusia tiba.", None),  # no body in the sentence
])
def test_a_figure_another_body_has_does_not_count_what_the_question_owner_has(question, sentence, body):
    assert count_of_another_body(question, sentence) == body


def test_a_date_whose_document_names_the_thing_asked_elsewhere_dates_something_else():
    question = "Kapan Kazakhstan menandatangani Rencana Kerja Kemitraan Anti-Terorisme dengan NATO?"
    pfp = CitedSentence("Kerja sama itu resmi dimulai pada tahun 1994 dengan program PfP.", 3, 0, 60, 0.8)
    document = ("Hubungan Turki dan Eurasia. " + "Kalimat pembuka tentang kawasan. " * 12 + pfp.text
                + " Kazakhstan adalah bagian dari Rencana Kerja Kemitraan Anti-Terorisme.")
    assert date_of_another_name(question, [pfp], "Hubungan Turki dan Eurasia", document, pfp.text) == (
        "Rencana Kerja Kemitraan Anti-Terorisme")
    # a document about the thing (its title, or its opening in any word order) dates it without naming it again
    metro = CitedSentence("Sistem memulai operasinya pada 28 Juli 2004.", 1, 0, 45, 0.8)
    about = "Metro Wuhan adalah sistem angkutan cepat di kota Wuhan. " + metro.text + " Wuhan Metro melayani 10 jalur."
    assert date_of_another_name("Kapan Wuhan Metro mulai beroperasi?", [metro], "", about, metro.text) is None
    assert date_of_another_name(question, [pfp], "Rencana Kerja Kemitraan Anti-Terorisme", document, pfp.text) is None


def test_a_who_question_for_a_host_or_a_winner_wants_a_sentence_saying_so():
    question = "Siapa moderator debat kedua Pilkada Kudus 2024?"
    assert role_unsaid(question, "KPU Kabupaten Kudus menggelar debat publik kedua di GOR Djarum.")
    assert not role_unsaid(question, "Debat dipandu oleh jurnalis televisi Dian Anggraeni.")
    assert not role_unsaid("Siapa ketua KPU Kudus?", "KPU Kabupaten Kudus menggelar debat publik kedua.")  # no role


def test_a_follow_up_that_only_asks_where_leans_on_the_question_before():
    assert "tempat" not in follow_up_terms("Di mana tempatnya?")
    signed = [CitedSentence("Penandatanganan dilaksanakan pada 5 Mei 2025 di Aula Gedung Rektorat.", 1, 0, 70, 0.9)]
    assert holds_own_terms(signed, "Di mana tempatnya?")
    assert "lantik" in follow_up_terms("Di mana tempat pelantikannya?")  # what happened there is still asked


def test_an_english_name_with_an_indonesian_word_in_it_is_the_same_name():
    question = "Under PMK 81/2024, what is the deadline for paying withheld income tax such as PPh Article 21?"
    deadline = passage("PPh Pasal 21 dan Pasal 23 kini wajib disetor paling lambat tanggal 15 bulan berikutnya.")
    assert names_another(question, [deadline]) is None
    assert names_another("What is the deadline for PPh Article 21?", [passage("Batas setor PPh Final 10.")])


def test_a_final_match_is_not_the_last_of_something():
    said = "Rizky Pratama Aji mengalahkan Dimas Anggoro."
    question = "Who won the men's singles final at the 2025 Salatiga Mayor's Cup?"
    assert qualifier_unanswered(question, said, said) is None
    assert qualifier_unanswered("Who was the final king of Majapahit?", said, said) == "final"


def test_a_signatures_office_line_is_answered_with_the_name_signed_under_it(tmp_path, fake_embedder):
    from assistant.answer import ExtractiveAnswerer
    from index.store import HybridIndex, build_index
    from ingest.readers import read_document

    path = tmp_path / "tender.txt"
    path.write_text("Pengumuman Tender\n\nPokja tidak memungut biaya apa pun.\n\nSleman, 3 Maret 2025\n\n"
                    "Ketua Pokja Pemilihan 3,\n\nRina Puspitasari, S.T.\n", encoding="utf-8")
    build_index(tmp_path / "index", [read_document(path, path.name)], fake_embedder, show_progress=False)
    index = HybridIndex.load(tmp_path / "index", fake_embedder)
    answerer = ExtractiveAnswerer(index)
    chunk = next(c for c in index.chunks if "Ketua Pokja" in c.text)
    shown = Passage(1, chunk.source, chunk.title, chunk.chunk_id, chunk.doc_id, chunk.start, chunk.end, chunk.text,
                    1.0, 0.8, 3.0)
    office = chunk.text.index("Ketua Pokja")
    line = CitedSentence("Ketua Pokja Pemilihan 3,", 1, office, office + 24, 0.9)
    signed = answerer._with_signed_name([line], [shown])[0]
    assert signed.text == chunk.text[signed.start:signed.end]  # still a span of the passage
    assert signed.text.startswith("Ketua Pokja Pemilihan 3,") and signed.text.endswith("Rina Puspitasari, S.T.")
    fee = chunk.text.index("Pokja tidak")  # a sentence that is no office line stays as it is
    plain = CitedSentence("Pokja tidak memungut biaya apa pun.", 1, fee, fee + 35, 0.9)
    assert answerer._with_signed_name([plain], [shown]) == [plain]


@pytest.mark.parametrize("question, cited, other", [
    ("Siapa moderator debat pertama Pilkada Kudus 2024?",
     "Debat Kedua Pilkada Kudus: Tiga Paslon Adu Gagasan. Debat dipandu oleh jurnalis televisi Dian Anggraeni.",
     "debat pertama"),
    ("Siapa moderator debat kedua Pilkada Kudus 2024?", "Debat Kedua Pilkada Kudus. Debat dipandu oleh Dian.", None),
    ("Kapan tahap ketiga dimulai?", "Tahap pertama pada Agustus; tahap kedua pada September.", "tahap ketiga"),
    ("Siapa juara pertama lomba itu?", "Juara 1 diraih Yusuf; juara kedua diraih Rina.", None),  # "juara 1" says it
    ("Siapa moderator debat pertama?", "KPU menggelar debat perdana; debat kedua digelar pekan depan.", None),
    ("Kapan hari kedua festival?", "Festival dibuka pada hari pertama dengan pawai.", None),  # a time is not a thing
])
def test_a_thing_the_passages_number_otherwise_is_not_the_one_asked(question, cited, other):
    from assistant.answer_checks import ordinal_of_another

    assert ordinal_of_another(question, cited) == other


def test_a_second_sentence_with_the_count_asked_may_be_further_under_a_best_one_without_it(fake_index):
    from assistant.answer import AnswerSettings, ExtractiveAnswerer

    question = "Berapa jumlah anggota koperasi pada 31 Desember 2024?"
    restated = CitedSentence("Laporan ini mencakup periode 1 Januari sampai dengan 31 Desember 2024.", 1, 0, 70, 1.29)
    counted = CitedSentence("Pada 31 Desember 2024 jumlah anggota menjadi 441 orang.", 2, 0, 55, 0.99)
    answerer = ExtractiveAnswerer(fake_index)
    assert answerer._choose([restated, counted], set(), question) == [restated, counted]
    narrow = ExtractiveAnswerer(fake_index, AnswerSettings(counted_margin=0.25))
    assert narrow._choose([restated, counted], set(), question) == [restated]
    # a second sentence that holds no count gets only the usual margin
    other = CitedSentence("Koperasi ini didirikan oleh para nelayan Desa Pasir Putih.", 2, 0, 58, 0.99)
    assert answerer._choose([restated, other], set(), question) == [restated]


def test_an_english_source_is_borne_out_by_the_indonesian_title_that_names_it():
    question = ("In which mountain range are glaciers melting, according to the article on humanitarian cooperation in "
                "Central Asia?")
    said = "Pencairan gletser di Pegunungan Pamir mendorong pembicaraan tentang sistem peringatan dini."
    vocabulary = {"asia", "cooperation", "central", "in", "on", "gletser"}  # what an index of mixed text may hold
    cited = f"Keadaan dan Prospek Kerja Sama Negara-Negara Asia Tengah Dalam Bidang Kemanusiaan. {said}"
    assert qualifier_unanswered(question, said, cited, vocabulary) is None
    other = f"Hubungan Turki dan Eurasia. {said}"  # another article: neither Central Asia nor cooperation
    assert qualifier_unanswered(question, said, other, vocabulary) is not None


def test_a_follow_up_for_an_office_and_a_court_clerk_are_offices_asked():
    from assistant.answer_checks import office_unmentioned

    president = passage("Presiden Kazakhstan Kassym-Jomart Tokayev memanggil pasukan CSTO ke Almaty.")
    assert office_unmentioned("Siapa wakil presidennya?", [president]) == "wakil presiden"
    assert office_unmentioned("Siapa presidennya?", [president]) is None
    verdict = passage("Majelis hakim yang diketuai Sarma Siregar menjatuhkan vonis 10 tahun penjara.")
    assert office_unmentioned("Siapa panitera pengganti dalam sidang itu?", [verdict]) == "panitera"


def test_a_second_sentence_with_the_count_comes_before_a_closer_one_without_it(fake_index):
    from assistant.answer import ExtractiveAnswerer

    question = "Berapa dividen tunai per saham PT Sarana Agro Lestari?"
    opening = CitedSentence("Direksi PT Sarana Agro Lestari Tbk memberitahukan hasil rapat.", 1, 0, 60, 0.60)
    heading = CitedSentence("PT SARANA AGRO LESTARI Tbk", 1, 61, 87, 0.51)
    item = CitedSentence("- sebesar Rp185,7 miliar dibagikan sebagai dividen tunai, setara Rp42 per saham;", 3, 0, 80, 0.50)
    answerer = ExtractiveAnswerer(fake_index)
    same = {1: "rups.txt", 3: "rups.txt"}
    assert answerer._choose([opening, heading, item], set(), question, same) == [opening, item]
    # another document's count is no answer to what the best sentence's document is about
    other = {1: "rups.txt", 3: "laporan-lain.txt"}
    assert answerer._choose([opening, heading, item], set(), question, other) == [opening, heading]
