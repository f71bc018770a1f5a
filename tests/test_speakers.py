"""Transcripts: who speaks where, and answers that say who said them (the fifteenth tester's minutes)."""

from assistant.speakers import is_speaker_line, speaker_at, speaker_lines

MINUTES = (
    "RISALAH RAPAT DENGAR PENDAPAT\n\n"
    "KETUA KOMISI C (H. SUHARNO ADI SAPUTRA, S.E.):\n"
    "Rapat kami buka. Silakan Ibu Kepala Dinas menyampaikan paparan.\n\n"
    "KEPALA DINAS LINGKUNGAN HIDUP (IR. AGUSTINA RAHMAWATI, M.T.):\n"
    "Penerimaan retribusi sampah tahun 2023 hanya Rp 9,8 miliar dari target Rp 14 miliar.\n\n"
    "KETUA KOMISI C:\n"
    "Selanjutnya kami persilakan Bapak Hendra dari Unsoed.\n\n"
    "AKADEMISI UNSOED (DR. IR. HENDRA WICAKSONO, M.SI.):\n"
    "Perlu saya tegaskan: \"Tanpa pemilahan di sumber, TPST baru hanya akan menjadi TPA kecil yang berbau.\"\n"
)


def test_a_transcripts_speaker_lines_say_who_speaks_each_turn_by_their_fullest_name():
    assert len(speaker_lines(MINUTES)) == 4
    assert speaker_at(MINUTES, MINUTES.index("Penerimaan")) == "KEPALA DINAS LINGKUNGAN HIDUP (IR. AGUSTINA RAHMAWATI, M.T.)"
    assert speaker_at(MINUTES, MINUTES.index("Selanjutnya")) == "KETUA KOMISI C (H. SUHARNO ADI SAPUTRA, S.E.)"
    assert speaker_at(MINUTES, 5) is None  # the title, before anyone speaks
    assert is_speaker_line(MINUTES, MINUTES.index("KETUA KOMISI C:"))
    assert not is_speaker_line(MINUTES, MINUTES.index("Penerimaan"))


def test_a_decrees_headings_in_capitals_are_no_speakers():
    decree = ("MENIMBANG:\nbahwa sampah perlu dikelola.\n\nMENGINGAT:\nUndang-Undang Nomor 18 Tahun 2008.\n\n"
              "MEMUTUSKAN:\nMenetapkan peraturan daerah tentang sampah.\n")
    assert speaker_lines(decree) == () and speaker_at(decree, decree.index("Menetapkan")) is None


def _minutes_answerer(tmp_path, fake_embedder):
    from assistant.answer import AnswerSettings, ExtractiveAnswerer
    from tests.test_answer_types import _one_document_index

    index = _one_document_index(tmp_path, fake_embedder, MINUTES, title="Risalah")
    return ExtractiveAnswerer(index, AnswerSettings(abstain_below=-1.0))


def test_an_answer_from_a_transcript_says_who_said_it(tmp_path, fake_embedder):
    answer = _minutes_answerer(tmp_path, fake_embedder).ask(
        "Siapa yang mengatakan bahwa TPST baru tanpa pemilahan di sumber hanya akan menjadi TPA kecil?")
    assert not answer.abstained and "TPA kecil" in answer.answer
    assert "Pembicara [1]: AKADEMISI UNSOED (DR. IR. HENDRA WICAKSONO, M.SI.)." in answer.answer
    assert all(not s.text.rstrip().endswith("):") for s in answer.sentences)  # a speaker line is no answer


def test_a_question_on_what_one_speaker_said_is_not_answered_by_anothers_turn(tmp_path, fake_embedder):
    answer = _minutes_answerer(tmp_path, fake_embedder).ask("Apa komentar Suharno tentang TPST dan pemilahan sampah?")
    assert answer.abstained
