"""Names typed in lower case are read as the documents write them, so that the checks on the question's names hold
for "sampai kapan rusia boleh pakai pangkalan militernya di turkmenistan" as for the question typed with capitals."""

import pytest

from assistant.answer import AnswerSettings, ExtractiveAnswerer
from assistant.truecase import cased_forms, truecased

TEXTS = ["Rusia menempatkan pasukan di Kirgistan. Pangkalan udara Kant milik Rusia dekat Bishkek.\n"
         "Kerja sama dengan NATO dimulai 1994. Pendaftaran Online dibuka. Daftar online di situs, bayar online juga.\n"
         "Fokus pada Isu Teknis dan Non-Politik"]


def test_the_words_the_documents_capitalise_are_names():
    forms = cased_forms(TEXTS)
    assert forms["kant"] == "Kant" and forms["bishkek"] == "Bishkek" and forms["nato"] == "NATO"
    assert forms["rusia"] == "Rusia"  # capitalised past a sentence's opening too
    assert "online" not in forms  # mostly written in lower case: a word, though one heading capitalises it
    assert "teknis" not in forms  # a root word of the dictionary, though only a heading uses it
    assert "pasukan" not in forms and "pendaftaran" not in forms  # capitalised only where a sentence opens


@pytest.mark.parametrize("question, expected", [
    ("sampai kapan rusia boleh pakai pangkalan di turkmenistan",  # a country no document names is still a country
     "sampai kapan Rusia boleh pakai pangkalan di Turkmenistan"),
    ("kalau malaysia mulai tahun berapa", "kalau Malaysia mulai tahun berapa"),
    ("Kapan NATO membuka kantor di bishkek?", "Kapan NATO membuka kantor di Bishkek?"),  # typed capitals stay
    ("berapa biaya daftar online?", "berapa biaya daftar online?"),  # no name: as typed
])
def test_a_question_in_lower_case_gets_its_names_capitals(question, expected):
    assert truecased(question, cased_forms(TEXTS)) == expected


def test_the_answerer_reads_names_from_its_own_documents(fake_index):
    answerer = ExtractiveAnswerer(fake_index)
    assert answerer.truecased("kapan kazcent diakreditasi oleh nato?") == "kapan KAZCENT diakreditasi oleh NATO?"
    # English questions stay as typed: the documents capitalise English function words in names ("The Diplomat").
    assert answerer.truecased("when was kazcent accredited by the nato?") == "when was kazcent accredited by the nato?"


def test_a_false_premise_typed_in_lower_case_is_refused_as_when_typed_with_capitals(fake_index):
    """The bundled corpus's Russian bases are in Kirgistan and Tajikistan; the thirty-first tester's b16 had been
    answered with their years when typed in lower case."""
    answerer = ExtractiveAnswerer(fake_index)
    typed = answerer.ask("sampai kapan rusia boleh pakai pangkalan militernya di turkmenistan")
    capitalised = answerer.ask("Sampai kapan Rusia boleh memakai pangkalan militernya di Turkmenistan?")
    assert capitalised.abstained
    assert typed.abstained


def test_a_follow_up_naming_something_no_document_mentions_is_refused_with_a_note(fake_index):
    """"Kalau biaya sewa porter?" after a question on a park's tickets had been answered with the camping fee (the
    twenty-ninth tester's p44); a follow-up typed in lower case names a country as one typed with capitals."""
    from assistant.engine import Assistant

    assistant = Assistant(fake_index, ExtractiveAnswerer(fake_index, AnswerSettings(abstain_below=-1.0)))
    history = ["Berapa pasukan CSTO yang mendarat di Kazakhstan?"]
    porter = assistant.ask("Kalau pasukan porter?", history)
    assert porter.abstained and 'Tidak ada dokumen yang menyebut "porter".' in porter.notes
    russia = assistant.ask("Kalau pasukan rusia?", history)
    assert not any("rusia" in note.lower() for note in russia.notes)  # the documents name Rusia: not refused for it
    malaysia = assistant.ask("kalau malaysia?", history)  # the previous question asked of Malaysia
    assert malaysia.rewritten_query == "Berapa pasukan CSTO yang mendarat di Malaysia?" and malaysia.abstained


@pytest.mark.parametrize("question, name", [
    ("Yang Penthouse?", None),  # a follow-up's opening word is no part of the name after it (the twenty-sixth's q27)
    ("Kalau Penthouse?", None),
    ("Ratna Widyastuti Harahap itu lahirnya di kota mana?", "Ratna Widyastuti Harahap"),
])
def test_a_question_s_opening_function_word_starts_no_name(question, name):
    from assistant.answer_checks import leading_name

    assert leading_name(question) == name
