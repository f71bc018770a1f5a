"""A listed field that answers a count, an office a who-question names, a negation quoted from a title (the forty-first
and forty-second testers' documents)."""

import pytest

from assistant.answer import _field_label
from assistant.answer_checks import negation_mismatch, office_unsaid
from assistant.question_kinds import holds_count


def test_a_listed_field_is_a_field():
    assert _field_label("- Meninggal dunia: 9 orang") == "Meninggal dunia"
    assert _field_label("Notulis: Siti Aminah") == "Notulis"
    assert _field_label("- Pendanaan: Kurangnya dana untuk program yang berkelanjutan.") is None  # a prose item


@pytest.mark.parametrize("sentence, counts", [
    ("- Meninggal dunia: 9 orang", True),  # the unit asked for is the field's label
    ("Korban meninggal: 9 orang", True),
    ("- Luka berat: 3 orang", False),
    ("Sebanyak 9 orang meninggal dunia.", True),
])
def test_a_field_whose_label_is_the_unit_asked_answers_the_count(sentence, counts):
    assert holds_count(sentence, "Berapa orang meninggal dunia akibat longsor di Banjarnegara?") is counts


@pytest.mark.parametrize("question, sentence, unsaid", [
    ("Siapa ketua majelis hakim dalam perkara korupsi itu?", "Putusan dibacakan oleh ketua majelis hakim Dr. Hendri "
     "Irawan, S.H., M.H., dengan hakim anggota Ratna Dewi, S.H.", False),
    ("Siapa ketua majelis hakim dalam perkara korupsi itu?", "Majelis hakim menjatuhkan vonis 7 tahun penjara kepada "
     "Ir. Bambang Sutrisno, M.T.", True),  # the one sentenced, not the chair
    ("Siapa ketua panitia renovasi masjid?", "Panitia yang diketuai H. Ahmad Fauzi melaporkan dana.", False),
    ("Who is the head coach of PS Malabar?", "CEO PS Malabar, H. Darmawan Effendi, menyatakan klub sehat.", True),
    ("Siapa yang menulis opini itu?", "Oleh: Dr. Rahmat Hidayat", False),  # no office asked
])
def test_a_who_question_for_an_office_wants_a_sentence_naming_it(question, sentence, unsaid):
    assert office_unsaid(question, sentence) is unsaid


def test_a_negation_quoted_from_the_documents_title_names_the_document():
    question = "Siapa penulis opini tentang restorasi mangrove yang bukan sekadar seremoni?"
    byline = "Oleh: Dr. Rahmat Hidayat, peneliti ekologi pesisir BRIN"
    assert negation_mismatch(question, byline, "Menanam Mangrove Bukan Sekadar Seremoni") is None
    assert negation_mismatch(question, byline, "Menanam Mangrove untuk Masa Depan") == "bukan"
    assert negation_mismatch("Siapa yang bukan istri Abimanyu?", "Abimanyu menikah dengan Utari.", "Abimanyu") == "bukan"


def test_a_name_said_to_hold_the_office_names_its_holder_whatever_the_word_means():
    from assistant.answer_checks import holder_unnamed

    question = "Siapa ketua Koperasi Produsen Kopi Wih Porak Gayo?"
    # "Fatimah" is also a root word of the dictionary, which alone would read as no name
    assert not holder_unnamed(question, "Fatimah adalah ketua Koperasi Produsen Kopi Wih Porak Gayo sejak 2017.")
    assert holder_unnamed(question, "Koperasi Produsen Kopi Wih Porak Gayo didirikan pada 12 Agustus 2009.")


def test_an_abstention_says_which_check_refused(tmp_path, fake_embedder):
    from assistant.answer import CLOSE_BUT_UNANSWERED, AnswerSettings, ExtractiveAnswerer
    from index.store import HybridIndex, build_index
    from ingest.readers import read_document

    path = tmp_path / "banjir.txt"
    path.write_text("Banjir di Palembang\n\nBanjir melanda Palembang pada Senin. Warga mengungsi ke masjid terdekat.\n",
                    encoding="utf-8")
    build_index(tmp_path / "index", [read_document(path, path.name)], fake_embedder, show_progress=False)
    index = HybridIndex.load(tmp_path / "index", fake_embedder)
    answer = ExtractiveAnswerer(index, AnswerSettings(abstain_below=-1.0)).ask("Berapa warga yang mengungsi?")
    assert answer.abstained and answer.refused_by == "no count"
    assert answer.to_json()["refused_by"] == "no count" and CLOSE_BUT_UNANSWERED["id"] in answer.notes
    strict = ExtractiveAnswerer(index, AnswerSettings(abstain_below=5.0)).ask("Kapan banjir melanda Palembang?")
    assert strict.abstained and strict.refused_by == "low confidence" and not strict.notes


def test_a_negation_of_a_function_word_or_an_appointment_beside_a_retirement_still_answers():
    from assistant.answer_checks import event_mismatch

    # "… bukan yang terbanyak" negates the most cases, not the "yang" of the question
    godean = "Kecamatan Godean memiliki angka kesakitan tertinggi meskipun jumlah kasusnya bukan yang terbanyak."
    assert negation_mismatch("Kecamatan mana yang memiliki angka kesakitan DBD tertinggi di Sleman?", godean) is None
    # "melantik" tells of the appointment asked, whoever retired beside it
    appointed = ("Gubernur H. Muhidin melantik dr. Rahmi Fauziah sebagai Direktur RSUD Ulin Banjarmasin. Rahmi "
                 "menggantikan dr. Diauddin yang memasuki masa pensiun pada 31 Desember 2024.")
    assert not event_mismatch("Siapa yang dilantik sebagai Direktur RSUD Ulin Banjarmasin?", appointed)
    assert event_mismatch("Kapan dr. Diauddin pensiun?", "Gubernur melantik dr. Rahmi Fauziah pada 2 Januari 2025.")


def test_an_english_how_much_of_an_increase_is_answered_in_percent_or_money():
    question = "How much of a wage increase did Apindo Central Java propose?"
    assert holds_count("Apindo mengusulkan kenaikan 5,2 persen.", question)
    assert holds_count("UMP naik Rp150.000 menjadi Rp2.300.000.", question)
    assert not holds_count("Sebanyak 14 pabrik garmen tutup.", question)
    assert not holds_count("UMP naik 5,2 persen.", "How much is the minimum wage in Central Java?")  # an amount asked


def test_a_table_row_names_a_question_name_in_either_of_its_forms():
    from assistant.answer_checks import names_all

    passage = "Sistem Penerimaan Murid Baru SMP Negeri 3 Depok. Kegiatan: Pendaftaran jalur domisili; Tanggal: 18–20 Juni."
    assert names_all("kapan pendaftaran jalur domisili SMPN 3 Depok", passage)
    assert not names_all("kapan pendaftaran jalur domisili SMPN 3 Sleman", passage)
