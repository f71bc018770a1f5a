"""Answers about another country, another name, another document or another step of what was asked (the thirty-third
to thirty-sixth testers' unanswerable questions), and the answers that must stay."""

import pytest

from assistant.answer import CitedSentence, Passage
from assistant.answer_checks import (counted_owner_unmentioned, date_of_another_name, event_mismatch,
                                     follow_up_terms, holder_unnamed, label_unmentioned, legal_step_unmentioned,
                                     measure_of_another, names_another, office_unmentioned, plan_for_done,
                                     role_unmentioned, school_level_swapped, subject_left_behind, year_unanswered)
from assistant.countries import country_of_another
from assistant.question_kinds import matches_type


def passage(text: str) -> Passage:
    return Passage(1, "berita.txt", "", "c1", "d1", 0, len(text), text, 1.0, 0.8, 3.0)


@pytest.mark.parametrize("question, said, other", [
    # The thirty-sixth tester's "Kalau presiden Tajikistan siapa?" after Uzbekistan's president.
    ("Siapa presiden Tajikistan?", "Uzbekistan telah menempa ikatan yang lebih besar dengan Taliban; Bahkan Presiden "
     "Shavkat Mirizoyev melobi negara untuk mencairkan aset Taliban.", "Uzbekistan"),
    ("Who is the president of Tajikistan?", "Presiden Uzbekistan Shavkat Mirizoyev melobi negara itu.", "Uzbekistan"),
    ("By how much did sanctions cut Kazakhstan's GDP growth each year?",
     "Invasi 2014 ke Ukraina membawa sanksi yang memangkas 2-3 persen pertumbuhan PDB Rusia per tahun.", "Rusia"),
    # Another country elsewhere in the sentence owns nothing asked; a sentence naming the country asked answers it.
    ("Siapa presiden Kazakhstan?", "Presiden Kassym-Jomart Tokayev memanggil pasukan Rusia ke Almaty.", None),
    ("Siapa presiden Kazakhstan?", "Presiden Kazakhstan Kassym-Jomart Tokayev memanggil pasukan Rusia.", None),
    ("Berapa pasukan Rusia yang dikirim?", "Sekitar 4.000 pasukan CSTO, termasuk 3.000 dari Rusia, mendarat.", None),
])
def test_a_leader_or_figure_of_another_country_is_noticed(question, said, other):
    assert country_of_another(question, said) == other


def test_a_date_of_something_else_beside_the_name_asked_is_noticed():
    question = "Pada tahun berapa Kazakhstan bergabung dengan Rencana Kerja Kemitraan Anti-Terorisme?"
    pfp = CitedSentence("Kerja sama itu resmi dimulai pada tahun 1994 dengan program PfP.", 3, 0, 60, 0.8)
    plan = CitedSentence("Kazakhstan adalah bagian dari Rencana Kerja Kemitraan Anti-Terorisme.", 3, 61, 130, 0.7)
    assert date_of_another_name(question, [pfp, plan]) == "Rencana Kerja Kemitraan Anti-Terorisme"
    dated = CitedSentence("Kazakhstan bergabung dengan Rencana Kerja Kemitraan Anti-Terorisme pada 2005.", 3, 0, 70, 0.8)
    assert date_of_another_name(question, [dated, plan]) is None
    assert date_of_another_name(question, [pfp]) is None  # nothing says what the date is not of


def test_a_follow_up_answered_from_a_document_that_never_names_the_previous_subject_is_noticed():
    query = "Siapa yang memimpinnya? (Kapan pusat pendidikan KAZCENT dibuka?)"
    csto = "Presiden Tokayev memanggil Pasukan CSTO pimpinan Rusia ke Almaty."
    assert subject_left_behind("Siapa yang memimpinnya?", query, csto) == "KAZCENT"
    assert subject_left_behind("Siapa yang memimpinnya?", query, "KAZCENT dipimpin oleh Kolonel Asanov.") is None
    # A previous question naming only dictionary words ("Kota Malang") holds no name to look for.
    assert subject_left_behind("Siapa wali kotanya?", "Siapa wali kotanya? (Berapa penduduk Kota Malang?)", csto) is None


@pytest.mark.parametrize("question, answer, mismatch", [
    ("Kapan status KLB DBD di Kulon Progo dicabut?", "Bupati menetapkan status KLB DBD tertanggal 5 Maret 2025.", True),
    ("Kapan status KLB DBD ditetapkan?", "Bupati menetapkan status KLB DBD tertanggal 5 Maret 2025.", False),
    ("Kapan status KLB dicabut?", "Status KLB dicabut pada 4 April 2025.", False),
])
def test_a_revoked_status_is_not_dated_by_its_setting(question, answer, mismatch):
    assert event_mismatch(question, answer) is mismatch


def test_a_book_year_the_answer_only_compares_with_is_not_its_own():
    said = "SHU tahun buku 2024 sebesar Rp312.450.000, naik 14 persen dibandingkan tahun 2023."
    assert year_unanswered("Berapa SHU koperasi pada tahun buku 2023?", said) == "2024"
    assert year_unanswered("Berapa SHU koperasi pada tahun buku 2024?", said) is None


def test_a_ballot_number_no_pair_has_is_noticed():
    pairs = "Paslon nomor urut 1, Ahmad. Paslon nomor urut 2, Rahmat. Paslon nomor urut 3, Sari."
    assert label_unmentioned("Siapa calon wali kota nomor urut 4 di Pilwalkot Pekanbaru?", pairs) == "urut 4"
    assert label_unmentioned("Siapa calon wali kota nomor urut 2?", pairs) is None


def test_a_moderator_is_answered_by_who_hosted():
    cited = "KPU Kabupaten Sumedang menggelar debat publik kedua. Ketua KPU menyatakan debat berjalan lancar."
    assert role_unmentioned("Siapa moderator debat kedua Pilkada Sumedang?", cited, cited) == "moderator"
    hosted = "Acara dipandu oleh jurnalis Dewi Anggraeni."
    assert role_unmentioned("Siapa moderator debat kedua Pilkada Sumedang?", hosted, hosted) is None


def test_a_deputy_leader_is_not_the_leader():
    head = [passage("Pemimpin Cabang BSN Pekalongan, Hendra Kusumawardana, mengatakan penyaluran naik.")]
    assert office_unmentioned("Siapa wakil pemimpin cabang BSN Pekalongan?", head) == "wakil pemimpin"
    deputy = [passage("Wakil Pemimpin Cabang BSN Pekalongan, Rina Astuti, mendampingi.")]
    assert office_unmentioned("Siapa wakil pemimpin cabang BSN Pekalongan?", deputy) is None


def test_an_election_and_its_organiser_share_a_place_name():
    # "Pilkada Sumedang" is no other body than "KPU Sumedang" (the thirty-third tester's x13 had been refused).
    kpu = [passage("KPU Sumedang menggelar debat kedua Pemilihan Bupati Sumedang 2024 di Jatinangor.")]
    assert names_another("Siapa moderator debat kedua Pilkada Sumedang?", kpu) is None
    garut = [passage("KPU Garut menggelar debat kedua Pilkada Garut 2024.")]
    assert names_another("Siapa moderator debat kedua Pilkada Sumedang?", garut) == "Pilkada Garut"


def test_what_a_case_count_is_of_may_be_in_the_documents_opening():
    # A table row ("Kecamatan: Galur; Jumlah Kasus: 64") under a bulletin whose opening says the cases are of DBD.
    row = "Kecamatan: Galur; Jumlah Kasus: 64; Meninggal: 1."
    assert counted_owner_unmentioned("Berapa jumlah kasus DBD di Kecamatan Galur?", row) == "DBD"
    opening = "BULETIN KEWASPADAAN DBD KABUPATEN KULON PROGO"
    assert counted_owner_unmentioned("Berapa jumlah kasus DBD di Kecamatan Galur?", f"{row} {opening}") is None


def test_who_won_needs_a_passage_that_says_who_won():
    opening = "KPU Kota Pekanbaru menggelar debat publik pertama pada 22 Oktober 2024."
    question = "Siapa yang dinyatakan memenangkan debat perdana Pilwalkot Pekanbaru?"
    assert role_unmentioned(question, opening, opening) == "memenangkan"
    won = "Paslon nomor urut 2 dinilai unggul oleh panelis."
    assert role_unmentioned(question, won, won) is None


@pytest.mark.parametrize("question, cited, office", [
    ("Siapa Komisaris Utama PT Sinar Nusantara Logistik Tbk?",
     "Presiden Direktur PT Sinar Nusantara Logistik Tbk, Budi Santoso Wijaya, mengatakan laba naik.", "Komisaris"),
    ("Siapa imam besar Masjid Jami Al-Ikhlas?", "Donasi disalurkan atas nama Masjid Jami Al-Ikhlas.", "imam"),
    ("Siapa imam besar Masjid Jami Al-Ikhlas?", "Imam besar masjid, KH Ahmad Syukri, memimpin doa.", None),
])
def test_a_commissioner_or_an_imam_is_named_as_such(question, cited, office):
    assert office_unmentioned(question, [passage(cited)]) == office


def test_a_planting_seasons_year_is_the_year_asked():
    said = "Produksi gabah kering giling Musim Tanam I 2025 mencapai 1.152.300 ton."
    assert year_unanswered("Berapa produksi gabah NTB pada Musim Tanam I 2024?", said) == "2025"


def test_what_protests_were_over_is_their_reason():
    assert matches_type("Di Kazakhstan, protes atas lonjakan harga bahan bakar meluas.", "reason",
                        "Mengapa terjadi protes di Kazakhstan?")
    assert not matches_type("Tokayev menghadapi protes anti-pemerintah.", "reason", "Mengapa terjadi protes?")


def test_a_first_sentence_naming_what_is_asked_dates_it():
    question = "Tahun berapakah Sony merebut gelar Juara Asia setelah menundukkan Kuan Beng Hong di India?"
    title = CitedSentence("Gelar juara Asia 2005 ini juga merupakan gelar pertama Sony setelah cedera.", 3, 0, 70, 0.8)
    final = CitedSentence("Pada final turnamen itu Sony menundukkan Kuan Beng Hong.", 3, 71, 130, 0.7)
    assert date_of_another_name(question, [title, final]) is None


def test_a_follow_up_on_someones_office_is_answered_by_the_office():
    terms = follow_up_terms("Apa jabatannya?")
    assert {"sekretaris", "jenderal", "presiden"} <= terms  # "António Guterres, Sekretaris Jenderal PBB"
    assert "sekretaris" not in follow_up_terms("Apa tugasnya?")


@pytest.mark.parametrize("question, answer, mismatch", [
    # The thirty-eighth tester's v29: troops called in are not troops withdrawn.
    ("Kapan pasukan CSTO selesai ditarik dari Kazakhstan?",
     "Tokayev memanggil Pasukan CSTO pimpinan Rusia ke Almaty pada 5 Januari.", True),
    ("Kapan pasukan CSTO dipanggil ke Kazakhstan?", "Tokayev memanggil Pasukan CSTO ke Almaty pada 5 Januari.", False),
    # The thirty-seventh's w31: the missing are not the dead.
    ("Berapa jumlah warga yang hilang akibat banjir?", "Sebanyak 2 orang warga dilaporkan meninggal dunia.", True),
    ("Berapa korban banjir yang meninggal?", "Dua warga meninggal dan satu hilang terseret arus.", False),
])
def test_a_withdrawal_or_the_missing_are_not_answered_by_their_opposite(question, answer, mismatch):
    assert event_mismatch(question, answer) is mismatch


def test_an_official_founding_is_not_answered_by_a_plan():
    plan = "Peraturan Presiden itu tengah digodok dan ditargetkan dapat rampung di tahun 2018."
    assert plan_for_done("Kapan badan bantuan internasional Indonesia resmi dibentuk?", plan)
    assert not plan_for_done("Kapan badan bantuan internasional Indonesia resmi dibentuk?",
                             "Badan itu resmi dibentuk pada 18 Oktober 2019.")


def test_revenue_of_another_kind_is_noticed():
    said = "Manajemen melaporkan pendapatan tiket sebesar Rp11,4 miliar."
    assert measure_of_another("Berapa pendapatan sponsor PS Malabar musim 2024/2025?", said) == "pendapatan tiket sebesar"
    assert measure_of_another("Berapa pendapatan tiket PS Malabar?", said) is None
    # A comparison names no other thing measured (TyDi's "… luas benua Republik Demokratik Somali?").
    compared = "Wilayahnya seluas 637.657 km2, sedikit lebih luas dari wilayah Prancis."
    assert measure_of_another("Berapakah luas benua Republik Demokratik Somali?", compared) is None


def test_a_head_coach_is_a_coach():
    coach = [passage("Pelatih asal Portugal, Eduardo Pereira, ditunjuk pada Juni 2024.")]
    assert office_unmentioned("Who is the head coach of PS Malabar?", coach) is None
    assert office_unmentioned("Who is the head of BPBD Sintang?", coach) == "head"


def test_a_harvest_seasons_year_is_the_year_asked():
    said = "Pada musim panen raya Oktober–Desember 2024, koperasi membeli gabah kopi seharga Rp78.000 per kilogram."
    assert year_unanswered("Berapa harga beli gabah kopi pada musim panen 2023?", said) == "2024"


@pytest.mark.parametrize("question, said, step", [
    ("Kapan Hendra Gunawan mengajukan banding atas putusannya?", "Tanggal putusan: 11 Februari 2025", "banding"),
    ("Kapan Dedi Supriatna mengajukan banding?", "Dedi menyatakan pikir-pikir untuk mengajukan banding.", None),
    ("Kapan putusan dibacakan?", "Tanggal putusan: 11 Februari 2025", None),
])
def test_an_appeal_is_dated_only_by_an_answer_that_names_it(question, said, step):
    assert legal_step_unmentioned(question, said) == step


def test_the_row_of_the_day_asked_is_chosen_over_a_higher_ranked_row(tmp_path, fake_embedder):
    from index.store import HybridIndex, build_index
    from ingest.chunking import ChunkingConfig
    from ingest.documents import Document, sha256_text
    from assistant.answer import AnswerSettings, ExtractiveAnswerer

    rows = "\n".join(f"Tanggal: {day} Juli 2025; Lokasi: {place}; Jam layanan: 08.00–12.00 WIB." for day, place in
                     [(14, "Aula RSUD dr. Soeharto Wiryo"), (15, "SD Negeri 1 Bojongsari"),
                      (17, "Balai Desa Kalimanah Wetan"), (19, "SMP Negeri 2 Purbalingga"),
                      (21, "Alun-alun Purbalingga")])  # a table as ingest writes its rows
    text = f"Jadwal Kampanye Imunisasi\n\nSeluruh layanan imunisasi diberikan gratis.\n\n{rows}\n"
    # each row a whole sentence of a chunk, so that the row asked is in a lower-ranked chunk than the first rows
    build_index(tmp_path, [Document("jadwal.txt", "jadwal.txt", "Jadwal", text, sha256_text(text))], fake_embedder,
                chunking=ChunkingConfig(list_item=1.0))
    index = HybridIndex.load(tmp_path, fake_embedder)

    def answered(penalty: float) -> str:  # whatever the fake embedder's confidence: which row is chosen
        settings = AnswerSettings(abstain_below=-1.0, other_day_row_penalty=penalty)
        return ExtractiveAnswerer(index, settings).ask("Di mana lokasi imunisasi pada 19 Juli 2025?").answer

    assert answered(AnswerSettings().other_day_row_penalty).startswith("Tanggal: 19 Juli 2025; Lokasi: SMP Negeri 2")
    assert not answered(0.0).startswith("Tanggal: 19 Juli 2025")  # the first row wins without it


def test_a_name_set_off_by_commas_names_the_holder_whatever_its_words_mean():
    # "Ujang" and "Rohmat" are root words of the dictionary; the thirty-ninth tester's u16 had been refused.
    said = "Ketua PPKD Sukamaju, Ujang Rohmat, menyampaikan terima kasih kepada seluruh warga."
    assert not holder_unnamed("Siapa Ketua PPKD Sukamaju?", said)
    body = "Menurut laporan, Dinas Pendidikan Provinsi, kemarin, menyiapkan dana."
    assert holder_unnamed("Siapa Gubernur Sulawesi Selatan?", body)


def test_an_english_office_question_wants_a_sentence_naming_that_office():
    question = "Who is the head coach of PS Malabar?"
    assert not matches_type("CEO PS Malabar, H. Darmawan Effendi, menyatakan klub sehat.", "name", question)
    assert matches_type("Pelatih asal Portugal, Eduardo Pereira, menilai timnya berkembang.", "name", question)
    assert matches_type("CEO PS Malabar, H. Darmawan Effendi, menyatakan klub sehat.", "name", "Siapa CEO PS Malabar?")


def test_another_school_levels_figure_is_noticed():
    said = "Jumlah SMP Negeri di Kabupaten Sleman sebanyak 54 sekolah dengan daya tampung 36 siswa per rombel."
    assert school_level_swapped("Berapa daya tampung siswa per rombel untuk SMA Negeri di Sleman?", said) == "SMP"
    assert school_level_swapped("Berapa daya tampung per rombel untuk SMP Negeri di Sleman?", said) is None
