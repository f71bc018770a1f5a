"""Follow-ups: which questions lean on the conversation, and what is searched and answered for them."""

import pytest

from assistant.followup import needs_context, rewrite, standalone_history


@pytest.mark.parametrize("question, previous, standalone", [
    # The sixteenth tester's short follow-ups, each the previous question asked of another year or item.
    ("Kalau tahun lalu?", "Berapa jumlah kasus DBD di Kota Malang pada Januari–Mei 2024?",
     "Berapa jumlah kasus DBD di Kota Malang pada Januari–Mei 2023?"),
    ("Dan tahun 2023?", "Berapa anggaran penanggulangan DBD Pemerintah Kota Malang tahun 2024?",
     "Berapa anggaran penanggulangan DBD Pemerintah Kota Malang tahun 2023?"),
    ("Kalau tahun 2024?", "Berapa alokasi sektor kesehatan dalam APBD Kota Pekalongan 2025?",
     "Berapa alokasi sektor kesehatan dalam APBD Kota Pekalongan 2024?"),
    ("Bagaimana dengan tahun depan?", "Berapa target kunjungan wisata tahun 2025?",
     "Berapa target kunjungan wisata tahun 2026?"),
    ("Kalau 2021?", "Berapa pendapatan perusahaan itu?", "Berapa pendapatan perusahaan itu pada tahun 2021?"),
    ("What about 2023?", "How many dengue cases were recorded in Malang in 2024?",
     "How many dengue cases were recorded in Malang in 2023?"),
    ("Dan yang kedua?", "Kecamatan mana yang memiliki kasus DBD terbanyak di Kota Malang?",
     "Kecamatan mana yang memiliki kasus DBD terbanyak kedua di Kota Malang?"),
    ("Kalau Kota Malang?", "Berapa alokasi sektor kesehatan dalam APBD Kota Pekalongan 2025?",
     "Berapa alokasi sektor kesehatan dalam APBD Kota Malang 2025?"),
    ("Kalau Nexora X6 Pro?", "Berapa harga Nexora X7 Pro?", "Berapa harga Nexora X6 Pro?"),
    ("Kalau Tajikistan?", "Apakah Kazakhstan anggota CSTO?", "Apakah Tajikistan anggota CSTO?"),
    ("How about Uzbekistan?", "Is Kazakhstan a member of the CSTO?", "Is Uzbekistan a member of the CSTO?"),
    # Another ordinal, with the question word still in the follow-up (the twenty-sixth tester's q23).
    ("Kalau gol ketiganya siapa?", "Siapa pencetak gol pertama Persikas waktu lawan Bumi Raya?",
     "Siapa pencetak gol ketiga Persikas waktu lawan Bumi Raya?"),
    ("What about the second goal?", "Siapa pencetak gol pertama?", "Siapa pencetak gol kedua?"),
    # A follow-up that ends with the question word asks the previous question too (the thirty-sixth tester's z43).
    ("Kalau presiden Tajikistan siapa?", "Siapa presiden Uzbekistan?", "Siapa presiden Tajikistan?"),
    ("Kalau KUR Kecil berapa?", "Berapa suku bunga KUR Super Mikro di BSN Pekalongan?",
     "Berapa suku bunga KUR Kecil di BSN Pekalongan?"),
])
def test_an_elliptical_follow_up_becomes_the_previous_question_asked_of_what_it_names(question, previous, standalone):
    plan = rewrite(question, [previous])
    assert plan.rewritten and plan.standalone and plan.query == standalone and plan.question == question


@pytest.mark.parametrize("question, previous", [
    ("Kalau pendahulunya?", "Berapa kapasitas baterai Nexora X7 Pro?"),  # nothing of the same kind to replace
    ("Dan yang kedua?", "Siapa pemenang pilkada itu?"),  # no ranking to go on with
    ("Kalau tahun lalu?", "Siapa pemenang pilkada itu?"),  # no year to count back from
    ("Kalau Rusia?", "Berapa pasukan Kazakhstan dan Rusia yang dikirim?"),  # named already
    ("Lalu kapan pusat itu diakreditasi oleh NATO?", "Apa itu KAZCENT?"),  # a question of its own that points back
    # "Kalau …?" leans back whatever it names (the twenty-first tester's "Kalau dana pendidikan?" had been searched
    # alone, and found another document's "dana pendidikan").
    ("Kalau dana pendidikan?", "Berapa persen SHU yang masuk ke cadangan koperasi?"),
    ("Kalau hari Senin?", "Berapa harga tiket museum?"),  # no weekday to replace
    # Chat spellings lean back as the words they stand for (the thirty-second tester's "yg dari rusia berapa?" had been
    # searched alone and answered by another document's "ribuan tentara Rusia").
    ("yg dari rusia berapa?", "Berapa pasukan CSTO yang mendarat di Kazakhstan?"),
    ("siapa yg mimpin?", "Apa itu COVAX?"),
    ("Kalau KUR Kecil, plafonnya berapa?", "Berapa suku bunga KUR Super Mikro di BSN Pekalongan?"),  # asks another thing
    ("Kalau menteri luar negeri Rusia siapa?", "Siapa presiden Uzbekistan?"),  # not the previous question's office
])
def test_a_follow_up_with_nothing_clear_to_replace_is_searched_with_the_previous_question(question, previous):
    plan = rewrite(question, [previous])
    assert plan.rewritten and not plan.standalone and plan.query == f"{question} ({previous})"


def test_a_question_that_stands_alone_is_not_rewritten():
    assert not needs_context("Berapa pasukan CSTO yang mendarat di Kazakhstan?")
    plan = rewrite("Berapa pasukan CSTO yang mendarat di Kazakhstan?", ["Apa itu CSTO?"])
    assert not plan.rewritten and plan.query == plan.question
    assert not rewrite("Kalau tahun lalu?", None).rewritten


def test_a_typed_conversation_is_read_as_the_chat_keeps_it():
    """A questions file's "history" holds what a person typed; each follow-up in it leans on the one before, as the
    chat's standalone queries do: "Kalau pendahulunya?" after two questions on one phone."""
    history = standalone_history(["Berapa harga Nexora X7 Pro?", "Kalau Nexora X6 Pro?", "Berapa kapasitas baterainya?"])
    assert history == ["Berapa harga Nexora X7 Pro?", "Berapa harga Nexora X6 Pro?",
                       "Berapa kapasitas baterainya? (Berapa harga Nexora X6 Pro?)"]
    assert standalone_history(None) is None and standalone_history([]) == []


@pytest.mark.parametrize("question, previous, standalone", [
    # The seventeenth tester's "Kalau bulan sebelumnya?" after a question on March's rice price.
    ("Kalau bulan sebelumnya?", "Berapa harga beras medium di Kota Mataram pada Maret 2024?",
     "Berapa harga beras medium di Kota Mataram pada Februari 2024?"),
    ("Kalau Februari?", "Berapa harga beras medium pada Maret 2024?", "Berapa harga beras medium pada Februari 2024?"),
    ("Kalau bulan lalu?", "Berapa inflasi pada Januari 2024?", "Berapa inflasi pada Desember 2023?"),
    ("What about May?", "What was the rice price in March 2024?", "What was the rice price in May 2024?"),
    # and of another weekday (the nineteenth tester's museum hours)
    ("Kalau hari Senin?", "Museum Ambarawa Raya buka jam berapa di hari Sabtu?",
     "Museum Ambarawa Raya buka jam berapa di hari Senin?"),
    ("What about Sunday?", "When does the museum open on Saturday?", "When does the museum open on Sunday?"),
])
def test_a_follow_up_that_names_only_another_month_asks_the_previous_question_of_it(question, previous, standalone):
    plan = rewrite(question, [previous])
    assert plan.standalone and plan.query == standalone


def test_a_month_before_needs_a_month_to_count_back_from():
    assert not rewrite("Kalau bulan sebelumnya?", ["Berapa inflasi tahun 2024?"]).standalone
    assert not rewrite("What about June?", ["What may happen in 2024?"]).standalone  # "may" is no month
