"""Answers about something next to what was asked: another label, role, payment, speaker or year than the question's
(the twenty-third to twenty-sixth testers' unanswerable questions), and the cases that must stay answered."""

import pytest

from assistant.answer_checks import (another_speaker, event_mismatch, label_unmentioned, payment_unmentioned,
                                     qualifier_unanswered, role_unmentioned, year_unanswered)
from assistant.question_kinds import holds_count
from assistant.speakers import is_speaker_line, speaker_at, speaker_lines

STIPENDS = ("Kategori A (Prestasi Akademik): 70 penerima, uang saku Rp 1.250.000 per bulan. "
            "Kategori B (Prestasi Nonakademik): 35 penerima, uang saku Rp 1.000.000 per bulan.")


@pytest.mark.parametrize("question, cited, label", [
    ("Uang saku beasiswa kategori D berapa per bulan?", STIPENDS, "kategori D"),
    ("Uang saku beasiswa kategori B berapa per bulan?", STIPENDS, None),
    ("Paket Mawar harganya berapa?", "Paket Melati: Rp 38.500.000. Paket Anggrek: Rp 52.000.000.", "Paket Mawar"),
    ("Berapa harga paket termurah?", "Paket Melati: Rp 38.500.000.", None),  # no label: a word in lower case
    ("Apa yang dibangun pada tahap 2?", "Tahap II meliputi dermaga baru. Tahap I selesai 2023.", None),  # a numeral
    ("Apa yang dibangun pada tahap ketiga?", "Tahap II meliputi dermaga baru. Tahap I selesai 2023.", "tahap ketiga"),
    ("What will phase 3 build?", "Tahap II meliputi dermaga baru.", "phase 3"),  # English, by the Indonesian noun
    ("Apa isi Pasal 5 ayat 2?", "Pasal 5 (1) Setiap pedagang wajib … ayat (2) mengatur lokasi.", None),
    ("Berapa harga unit tipe 54?", "Harga dan spesifikasi unit tercantum di brosur.", None),  # no label of its kind
    ("Pengumuman kelulusan kelas 12 kapan keluar?", "PENILAIAN AKHIR KELAS XII. Kelas X libur.", None),  # XII is 12
    ("Harga tipe 2 Bedroom berapa?", "Tipe Studio dan tipe 1 Bedroom di Tower A; 2 Bedroom di Tower B.", None),
    ("Harga tipe 3 Bedroom berapa?", "Tipe Studio dan tipe 1 Bedroom di Tower A; 2 Bedroom di Tower B.", "tipe 3"),
])
def test_a_label_the_passages_never_give_among_others_of_its_kind_is_noticed(question, cited, label):
    assert label_unmentioned(question, cited) == label


@pytest.mark.parametrize("question, cited, said, role", [
    ("Siapa pemenang pilgub Sulawesi Tenggara 2024?", "Penyelenggara: KPU Provinsi Sulawesi Tenggara.",
     "Penyelenggara: KPU Provinsi Sulawesi Tenggara.", "pemenang"),
    ("Siapa pemenang lomba itu?", "Tim SMAN 3 keluar sebagai juara pertama.", "Tim SMAN 3 keluar sebagai juara.", None),
    ("Siapa pemilik kapal itu?", "Kapal itu dimiliki PT Segara Timur.", "Kapal itu dimiliki PT Segara Timur.", None),
    ("Siapa pendiri Dailymotion?", "DailyMotion dibuat oleh Benjamin Bejbaum.",  # by whom it was done
     "DailyMotion dibuat oleh Benjamin Bejbaum.", None),
    ("Siapa penemu aljabar?", "Sehingga ia disebut sebagai Bapak Aljabar.", "Sehingga ia disebut Bapak Aljabar.", None),
    ("Siapa pejabat Kepala Badan Promosi Riau?", "Menurut Kepala Badan Promosi Riau Tiolina …", "Menurut …", None),
    ("Siapa pesawat tempur pertama?", "…", "…", None),  # no derived noun
    ("Siapa penulis kajian itu?", "Demikian kajian dari Dr. Cemil Ipek.", "Demikian kajian dari Dr. Cemil Ipek.",
     None),  # an author: the answer's byline is checked for itself
])
def test_a_who_question_about_a_role_the_passages_never_say_is_noticed(question, cited, said, role):
    assert role_unmentioned(question, cited, said) == role


@pytest.mark.parametrize("question, cited, payment", [
    ("Berapa honor imam dan marbot masjid per bulan?", "Saldo kas panitia per 31 Januari 2024: Rp 70.000.000.",
     "honor"),
    ("Berapa honor imam per bulan?", "Imam masjid menerima insentif Rp 1,5 juta per bulan.", None),  # its like
    ("Berapa santunan untuk keluarga korban longsor?", "Longsor menewaskan 12 orang di tiga dusun.", "santunan"),
    ("Retribusi sampah PKL berapa per hari?", "Retribusi ditetapkan sesuai Peraturan Daerah.", None),
    ("Berapa harga tiket masuk?", "Museum buka pukul 08.00.", None),  # a price is left to the answer's type
])
def test_a_sum_of_money_the_passages_never_name_is_noticed(question, cited, payment):
    assert payment_unmentioned(question, cited) == payment


@pytest.mark.parametrize("sentence, question, answers", [
    ("Denda keterlambatan: 0,1 persen per hari dari angsuran yang tertunggak.", "Berapa denda keterlambatan?", True),
    ("Denda keterlambatan dikenakan setelah tujuh hari.", "Berapa denda keterlambatan?", False),
    ("Bayaran grup itu Rp 25 juta sekali tampil.", "Berapa bayaran grup itu?", True),
    ("Grup itu tampil bersama 42 pengisi acara.", "Berapa bayaran grup itu?", False),
    ("Kenaikan anggaran mencapai 5 persen.", "Berapa anggaran desa?", False),  # a budget is no share
    ("Uang muka mulai 20 persen dan dapat dicicil.", "Berapa uang muka apartemen itu?", True),
    ("Grup minimal 10 kamar mendapat potongan 15 persen.", "Berapa biaya tambahan bawa hewan?", False),  # a cost
])
def test_a_fee_may_be_a_share_and_a_payment_is_a_sum_of_money(sentence, question, answers):
    assert holds_count(sentence, question) is answers


def test_a_year_the_answer_compares_with_is_not_its_own():
    sentence = ("Rata-rata tutupan karang hidup sebesar 30,4 persen, menurun dibandingkan hasil survei tahun 2019 yang "
                "mencatat 36,9 persen.")
    assert year_unanswered("What was the average live coral cover in the 2023 survey?", sentence) is None
    other_year = "Tutupan karang tahun 2019 mencapai 36,9 persen."
    assert year_unanswered("Berapa tutupan karang tahun 2023?", other_year) == "2019"


@pytest.mark.parametrize("question, answer, mismatch", [
    ("Jam berapa PKL boleh berjualan di lokasi permanen?", "Di lokasi sementara, PKL berjualan pukul 16.00–23.00.",
     True),
    ("Jam berapa PKL boleh berjualan di lokasi sementara?", "Di lokasi sementara, PKL berjualan pukul 16.00–23.00.",
     False),
    ("Berapa jumlah siswa perempuan?", "Sekolah itu memiliki 210 siswa laki-laki.", True),
    ("Berapa jumlah siswa perempuan?", "Siswanya 210 laki-laki dan 190 perempuan.", False),
    ("Berapa kenaikan harga beras?", "Harga beras turun 3 persen.", True),
])
def test_an_answer_about_the_opposite_of_what_is_asked_is_noticed(question, answer, mismatch):
    assert event_mismatch(question, answer) is mismatch


def test_the_research_itself_is_no_source_to_look_for():
    question = "Apa saja penyebab turunnya tutupan karang menurut penelitian itu?"
    assert qualifier_unanswered(question, "Penurunan disebabkan pemutihan.", "Penurunan disebabkan pemutihan.") is None


DEBATE = ("TRANSKRIP DEBAT\n\n"
          "MODERATOR: Silakan pasangan nomor urut 2.\n\n"
          "LA ODE SYARIFUDDIN: Terima kasih. Kami akan membangun 150 unit gudang pendingin ikan.\n\n"
          "MODERATOR: Tanggapan dari pasangan nomor urut 1.\n\n"
          "HASNAH WULANDARI: Gudang tanpa listrik tidak berguna. Kami akan membangun pembangkit surya.\n")


def test_a_speakers_name_opening_the_line_of_their_turn_says_who_speaks():
    assert [speaker for _, _, speaker in speaker_lines(DEBATE)] == [
        "MODERATOR", "LA ODE SYARIFUDDIN", "MODERATOR", "HASNAH WULANDARI"]
    assert speaker_at(DEBATE, DEBATE.index("LA ODE SYARIFUDDIN:")) == "LA ODE SYARIFUDDIN"  # the turn's first sentence
    assert speaker_at(DEBATE, DEBATE.index("Kami akan membangun 150")) == "LA ODE SYARIFUDDIN"
    assert speaker_at(DEBATE, DEBATE.index("Gudang tanpa")) == "HASNAH WULANDARI"
    assert not is_speaker_line(DEBATE, DEBATE.index("LA ODE SYARIFUDDIN:"))  # the line holds the turn's words


@pytest.mark.parametrize("question, speaker, other", [
    ("Kalau Hasnah Wulandari janji bangun berapa unit?", "LA ODE SYARIFUDDIN", "HASNAH WULANDARI"),
    ("La Ode janji bangun berapa gudang?", "LA ODE SYARIFUDDIN", None),
    ("Apa tanggapan Hasnah atas janji La Ode?", "HASNAH WULANDARI", None),
    ("Siapa yang janji membangun gudang pendingin?", "LA ODE SYARIFUDDIN", None),  # nobody named
])
def test_a_question_on_what_one_speaker_said_is_not_answered_by_anothers_turn(question, speaker, other):
    speakers = [line for _, _, line in speaker_lines(DEBATE)]
    assert another_speaker(question, speaker, speakers) == other


INTERVIEW = ("Wawancara: Nadia Larasati, pendiri Rajut Timur\n\n"
             "Pewawancara: Rina Marpaung (RM); narasumber: Nadia Larasati (NL)\n\n"
             "RM: Apa tantangan terbesar selama lima tahun ini?\n\n"
             "NL: Logistik dan kepercayaan. Saya juga sempat hampir bangkrut waktu pandemi, penjualan turun 70 "
             "persen.\n\n"
             "RM: Bagaimana Rajut Timur bertahan saat pandemi?\n\n"
             "NL: Kami beralih membuat masker kain tenun, dompet, dan tali kamera. Produk kecil itu laku keras.\n")


def test_a_speaker_known_by_initials_is_named_as_the_header_names_them():
    assert speaker_at(INTERVIEW, INTERVIEW.index("Kami beralih")) == "Nadia Larasati (NL)"


def test_a_question_in_a_document_is_answered_by_the_paragraph_after_it(tmp_path, fake_embedder):
    """The twenty-fifth tester's k42 was answered by what went wrong in the pandemic, from the turn before; and an
    interviewer's question, however close to the user's, is no answer (the twelfth tester's m12, m13)."""
    from tests.test_answer_types import _answer

    answer = _answer(tmp_path, fake_embedder, INTERVIEW, "Bagaimana Rajut Timur bertahan saat pandemi?")
    assert answer.answer.startswith("NL: Kami beralih membuat masker") and "Bagaimana" not in answer.answer
    assert "Pembicara [1]: Nadia Larasati (NL)." in answer.answer


@pytest.mark.parametrize("question, said, initials", [
    ("Siapa nama lengkap tersangka MF dalam kasus sabu Pontianak?",
     "Polisi menangkap seorang pria berinisial MF (41) di sebuah rumah kontrakan.", "MF"),
    ("Siapa nama lengkap tersangka MF?", "Tersangka Muhammad Fadli (MF) ditangkap Kamis.", None),
    ("Siapa nama tersangka itu?", "Polisi menangkap pria berinisial MF.", None),  # no initials asked about
])
def test_a_full_name_asked_for_initials_needs_a_name_with_them(question, said, initials):
    from assistant.answer_checks import full_name_unanswered

    assert full_name_unanswered(question, said) == initials


@pytest.mark.parametrize("question, cited, speaker", [
    ("Apa kata Gubernur Riau saat peresmian tol?", "Kepala cabang tol di Riau mengatakan lalu lintas padat.",
     "Gubernur Riau"),
    ("Apa kata Gubernur Riau saat peresmian tol?", "Gubernur Riau, Edy Natar, mengatakan tol itu penting.", None),
    ("Apa kata Walikota Medan soal banjir?", "Wali Kota Medan, Bobby, mengatakan drainase diperbaiki.", None),
])
def test_a_speaker_asked_by_office_needs_that_office_in_the_passages(question, cited, speaker):
    from assistant.answer_checks import speaker_unmentioned

    assert speaker_unmentioned(question, cited) == speaker


def test_a_place_no_document_mentions_is_said_to_be_missing(tmp_path, fake_embedder):
    """The twenty-seventh tester's g34 ("… DPUPR Kota Tegal …?" over Kota Pekalongan's budget hearing) had been
    answered with Pekalongan's figure: the documents cannot say anything of a town they never name."""
    from tests.test_answer_types import _answer

    text = "Pagu indikatif DPUPR Kota Pekalongan untuk 2025 sebesar Rp 142,6 miliar.\n\nRapat digelar Senin."
    answer = _answer(tmp_path, fake_embedder, text, "Berapa anggaran DPUPR Kota Tegal tahun 2025?")
    assert answer.abstained and any("Kota Tegal" in note for note in answer.notes)
    answer = _answer(tmp_path / "asked", fake_embedder, text, "Berapa anggaran DPUPR Kota Pekalongan tahun 2025?")
    assert not answer.abstained and "142,6" in answer.answer


@pytest.mark.parametrize("question, cited, verb", [
    ("Mengapa Ujian Nasional 2019 di NTB dibatalkan?",
     "Rata-rata nilai UN SMK di NTB 45,96. Ujian berbasis komputer diikuti 90 persen sekolah.", "dibatalkan"),
    ("Kenapa Bupati Arifin Rahmat mengundurkan diri?", "Bupati Arifin Rahmat menerima wartawan di pendapa.",
     "mengundurkan"),
    ("Mengapa ujian itu dibatalkan?", "Ujian dibatalkan karena soal bocor.", None),
    ("Mengapa pengemudinya ditahan?", "Polisi menahan sopir itu karena mabuk.", None),  # another form of the verb
    ("Kapan BPOM mencabut izin edar biskuit itu?", "Produsen menarik biskuit secara sukarela.", None),  # not "kapan"
])
def test_a_why_question_about_an_event_the_passages_never_tell_of_is_noticed(question, cited, verb):
    from assistant.answer_checks import event_unmentioned

    assert event_unmentioned(question, cited) == verb
