"""What a question asks for (a date, a count, a name, …) and whether a sentence holds it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from index.lexical import stem, tokenize
from ingest.sentences import abbreviations
from ingest.short_forms import with_other_forms

if TYPE_CHECKING:
    from .answer import CitedSentence

_WHEN = re.compile(r"^(kapan(kah)?|sejak kapan|tahun berapa|pada tahun berapa|when|what year|since when)\b"
                   r"|\bkapan(kah)?\b|\btahun berapa(kah)?\b", re.I)
_HOW_MANY = re.compile(r"\b(berapa(kah)?|how (many|much|fast|tall|high|heavy|far|long|big|large|old|wide|deep)|jumlah"
                       r"|death toll|(?:by\s+)?what (?:percentage|percent|share|proportion|number|amount)"
                       r"|what (?:is|was|are|were) the (?:population|size|area|length|height|total|budget|cost|price))\b",
                       re.I)
_WHO = re.compile(r"\b(siapa(kah)?|who|whom)\b", re.I)
_CALLED = re.compile(r"\b(?:apa(?:kah)?\s+nama|what (?:is|was|are|were) the names?|what is .{1,40} called)\b", re.I)
_WHERE = re.compile(r"\b(di\s?mana(kah)?|where|(?:desa|kota|kabupaten|provinsi|negara|daerah|wilayah|pulau|kecamatan|kampung"
                    r"|dusun)\s+mana(?:kah)?)\b", re.I)  # "Di provinsi manakah …?", "Desa mana …?"
_LIST = re.compile(r"\b(sebutkan|apa saja(kah)?|mana saja(kah)?|apa lagi(kah)?|what are|what else|list"
                   r"|langkah-langkah(nya)?|tahap(?:an)?-tahap(?:an)?(nya)?|what steps|the steps)\b", re.I)
_WHY = re.compile(r"^\W*(?:mengapa|kenapa|why)\b|\bapa(?:kah)?\s+(?:alasan|penyebab|sebab)\b"
                  r"|\bwhat (?:caused|is the reason)", re.I)
# "Untuk apa …?", "Apa tujuan …?", "What is the purpose of …?": what a thing is for, told by "untuk", "agar", "bertujuan".
_PURPOSE_ASKED = re.compile(r"^\W*untuk\s+apa\b|\bapa(?:kah)?\s+(?:tujuan|fungsi|kegunaan|guna)(?:nya)?\b"
                            r"|\bbertujuan\s+untuk\s+apa\b|\bwhat\s+(?:is|was|are|were)\s+(?:the\s+)?(?:purpose|aim|goal|function)s?\b|\bwhat\s+for\b"
                            r"|^\W*what\s+(?:is|was|are|were)\s+.{1,60}\bfor\s*\?", re.I)
_FOR = re.compile(r"\b(?:(?:untuk|guna|demi)\s+(?:me|ber|di|ter|pe)\w{3,}|agar|supaya|bertujuan|tujuan|memungkinkan|"
                  r"sehingga|so\s+that|in\s+order\s+to)\b", re.I)  # "untuk melatih", not "Perwakilan NATO untuk Kaukasus"
# "Apa kata Guterres tentang …?", "Apa yang disampaikan Tokayev …?", "What did Guterres say about …?": a quotation or a
# reported statement answers, not any sentence on the topic.
_QUOTE_ASKED = re.compile(r"^\W*(?:(?:and|so|then|lalu|terus|dan|kemudian)\s+)?(?:apa(?:kah)?\s+(?:kata|ujar|tutur|pesan|pernyataan)\b"
                          r"|apa(?:kah)?\s+yang\s+(?:di)?(?:kata|ucap|sampai|nyata|tegas|ungkap)(?:kan)?\b"
                          r"|what\s+(?:did|does|do|has|have|had)\s+.{1,60}?\s+(?:say|said|state|claim|tell|told|warn)\b)",
                          re.I)
_QUOTES = re.compile(r"[\"“”«»„]|\b(?:kata|katanya|ujar|ujarnya|tutur|tuturnya|mengatakan|menyatakan|menegaskan|"
                     r"mengungkapkan|menjelaskan|menyampaikan|menurut|berkata|klaim|mengklaim|berpendapat|menilai|said|says|stated|"
                     r"claimed|according)\b", re.I)
_BECAUSE = re.compile(r"\b(?:karena|sebab|disebabkan|penyebab|akibat|dikarenakan|lantaran|alasan|dipicu|gara-gara|"
                      r"didorong\s+oleh|berkat|dipengaruhi\s+oleh|"
                      r"sehingga|oleh karena itu|(?:protes|demonstrasi|demo|unjuk\s+rasa|kemarahan|keluhan)\s+atas)\b",
                      re.I)  # "protes atas lonjakan harga bahan bakar" says what the protests were for
# "Apa itu X?", "Apa yang dimaksud dengan X?", "Apakah pengertian X?", "What is meant by X?": the term asked about.
DEFINITION_ASKED = re.compile(
    r"^\W*(?:apa(?:kah)?\s+(?:itu|yang\s+di\s?maksud\s+(?:dengan|dari)|(?:pengertian|arti|maksud|definisi)"
    r"(?:\s+(?:dari|kata|istilah))?)|(?:jelaskan|sebutkan)\s+(?:pengertian|arti|definisi)(?:\s+dari)?"
    r"|what\s+is\s+meant\s+by|what\s+does\s+the\s+term|define)\s+(?P<term>.+?)\W*$", re.I)
# A sentence that defines its subject: "Semikonduktor adalah sebuah bahan …", "NICA merupakan …".
_DEFINES = re.compile(r"^\W*(?P<subject>[^.;:!?]{1,100}?)\s+(?:adalah|merupakan|ialah|yaitu|yakni|is|are"
                      r"|didefinisikan\s+sebagai|diartikan\s+sebagai|berarti|bermakna)\s", re.I)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
# An enumeration ("Georgia, Ukraina, dan Belarusia"), or a sentence that leads into a bulleted list ("meliputi:").
_ENUMERATION = re.compile(r"[,;]\s*[\w-]+(?:\s+[\w-]+){0,3}\s*[,;]"  # a short item between two commas
                          r"|,\s*[\w-]+(?:\s+[\w-]+)?\s+(?:dan|serta|atau|and|or)\s"  # "energi, air dan ..."
                          r"|\b(?:seperti|antara lain|yaitu|yakni|termasuk|meliputi|such as|including)\s+[^.;:]{2,80}?"
                          r"\s(?:dan|serta|and)\s"  # "seperti Organisasi Kerja Sama Shanghai (SCO) dan CIS"
                          r"|:\s*$", re.I)
_DATE = re.compile(r"\b(1\d\d\d|20\d\d)\b"  # a year, or a period a when-question can be answered with
                   r"|\b\d{1,4}\s?(SM|BC|AD|BCE|CE|H)\b|\b(tahun|in|since|sejak)\s+\d{2,4}\b|\b\d{2,4}-an\b"
                   r"|\b(?:\d{1,2}(?:st|nd|rd|th)\s+)?(?:abad|milenium|century|centuries|millennium)\b"
                   r"(?:\s+ke[-\s]?\w+|\s+[IVXLC]+\b)?|\b\d{2,4}s\b")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # 4.000, 10,5, 1994 (also used by the verifier)
# A count written out ("lima SEA Games", "dua belas volume", "ribuan warga", "abad XII") answers "berapa" too.
_NUMBER_WORD = re.compile(
    r"\b(?:(?<!salah )satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|sejuta"
    r"|semiliar|belasan|puluhan|ratusan|ribuan|jutaan|miliaran|triliunan)(?:\s+(?:belas|puluh|ratus|ribu|juta|miliar"
    r"|triliun)\b)*\b|\babad\s+[IVXLC]+\b", re.I)
COUNT = rf"(?:{NUMBER.pattern}|{_NUMBER_WORD.pattern})"  # a count in digits or in words, as a pattern to embed
WORD = re.compile(r"\w+")
# "Berapa kilometer ...?" asks for kilometres: a count of something else ("ribuan tentara") does not answer it.
# Measures only: people are counted with many nouns (peserta, warga), and "tanggal berapa hari ..." asks a date.
_UNITS = {
    "kilometer": r"kilometer|km", "kilometers": r"kilometer|km", "kilometres": r"kilometer|km", "meter": r"meter|m",
    "meters": r"meter|m", "persen": r"persen|%", "percent": r"persen|%", "hektare": r"hektare?|hectares?|ha",
    "hektar": r"hektare?|hectares?|ha", "hectares": r"hektare?|hectares?|ha", "kilogram": r"kilogram|kg",
    "kilograms": r"kilogram|kg", "ton": r"ton", "tons": r"ton", "tonnes": r"ton", "liter": r"liter|l",
    "liters": r"liter|l", "litres": r"liter|l", "kiloliter": r"kiloliter|kl", "kiloliters": r"kiloliter|kl",
    "rupiah": r"rupiah|rp", "ml": r"ml|mililiter", "mililiter": r"ml|mililiter", "gram": r"gram|g|gr",
    "dolar": r"dolar|us\$|\$", "dollars": r"dolar|us\$|\$",
}
_ASKED_UNIT = re.compile(r"\b(?:berapa(?:kah)?|how many|how much|(?<=how long, )in|(?<=how far, )in|(?<=how long )in"
                         r"|(?<=how far )in)\s+(" + "|".join(_UNITS) + r")\b", re.I)
# "Berapa kecepatan maksimal …?" asks for a speed: a passenger count is no answer. The measure named, then its units.
_MEASURES = {
    "kecepatan": r"km\s?/\s?jam|km\s+per\s+jam|km/h|kph|(?:kilo)?met(?:er|re)s?\s+per\s+(?:jam|detik|hour|second)"
                 r"|m\s?/\s?s|mph|miles\s+per\s+hour|knots?|mach",
    "luas": r"km²|km2|m²|m2|(?:kilo)?meter\s+persegi|hektare?|hectares?|ha|mil\s+persegi|are"
            r"|square\s+(?:kilo)?met(?:er|re)s?|sq\s?(?:km|mi)|acres?",
    "tinggi": r"m|meter|mdpl|cm|sentimeter|km|kilometer|kaki|ft|feet|foot|met(?:er|re)s?",
    "panjang": r"m|meter|km|kilometer|cm|sentimeter|mil|kaki|ft|feet|miles?|(?:kilo)?met(?:er|re)s?",
    "berat": r"kg|kilogram|ton|gram|g|pon|tonnes?|tons|pounds?|lbs?",
    "suhu": r"°\s?[CF]|derajat",
    "harga": r"rp\.?|rupiah|us\$|\$|dolar|euro|€|ringgit|yen|yuan",
}
_MEASURES.update(biaya=_MEASURES["harga"], tarif=_MEASURES["harga"])
_MEASURES["skor"] = r"[-–:]\s*\d+"  # "Berapa skor pertandingan final …?": "3–2", not the minute of a goal
# "Berapa lama pidana penjara …?" asks for a duration: "2 (dua) tahun dan 6 (enam) bulan", not "Pasal 104".
_MEASURES["lama"] = (r"tahun|bulan|minggu|pekan|hari|jam|menit|detik|dekade|abad|windu|years?|months?|weeks?|days?"
                     r"|hours?|minutes?|seconds?|decades?|centuries|century")
# An age: "67 tahun", "Darsono (67)", "berusia 67" ("Berapa umur masinis …?" is not answered by "empat di antaranya
# adalah awak kereta, yaitu masinis …", the thirtieth tester's v36).
_MEASURES["umur"] = _MEASURES["usia"] = r"tahun|thn|years?|\)|berusia|berumur|usia|umur"
# A sum of money ("Berapa kerugian …?", "Berapa anggaran …?"): in a currency or in millions, billions, trillions.
_MONEY = _MEASURES["harga"] + r"|dollars?|juta|miliar|milyar|triliun|million|billion|trillion"
_MEASURES.update({name: _MONEY for name in ("kerugian", "anggaran", "dana", "modal", "investasi", "gaji", "upah",
                                            "pendapatan", "pinjaman", "laba", "keuntungan", "omzet", "utang",
                                            "dividen", "denda", "iuran", "honor", "tunjangan", "bayaran", "santunan",
                                            "retribusi", "ganti rugi", "sewa", "ongkos", "premi", "cicilan", "angsuran",
                                            "subsidi", "insentif", "kompensasi", "uang saku", "uang muka")})
# A fine, a due, a down payment or a subsidy may be a share of something ("Denda keterlambatan: 0,1 persen per hari",
# "uang muka mulai 20 persen"); a cost may not ("biaya tambahan" is not answered by a discount's "15 persen", the
# twenty-seventh tester's g30).
_MEASURES.update({name: _MONEY + r"|persen|%" for name in ("denda", "iuran", "premi", "retribusi", "uang muka",
                                                           "subsidi")})
# "Berapa korban meninggal …?" is not answered by how many fled: the count must be of the dead.
_ASKED_DEATHS = re.compile(r"\b(?:berapa(?:kah)?|jumlah)\b.{0,40}?\b(?:korban\s+(?:meninggal|tewas|jiwa)|meninggal|tewas"
                           r"|kematian)\b", re.I)
# A question that counts people (or troops, passengers …) rather than a measure.
COUNTS_PEOPLE = re.compile(r"\b(?:orang|people|persons|warga|penduduk|residents|jiwa|pengungsi|penumpang|passengers|peserta"
                           r"|participants|korban|victims|siswa|students|mahasiswa|pekerja|workers|tentara|pasukan|troops"
                           r"|soldiers|pengunjung|visitors)\b", re.I)
_ASKED_DEATHS_EN = re.compile(r"\bhow many\b.*\b(?:died|dead|deaths|killed|fatalities|lives)\b|\bdeath toll\b", re.I)
_DEATHS = r"(?:orang\s+)?(?:meninggal|tewas|wafat|korban\s+jiwa|jiwa|kematian)|menewaskan"
# The same measures asked in English ("How fast …?", "How much does a ticket cost?").
_ASKED_MEASURE_EN = {
    "kecepatan": re.compile(r"\bhow fast\b|\bhow (?:many|much)\b.*\bspeed\b|\b(?:top|maximum|max) speed\b", re.I),
    "tinggi": re.compile(r"\bhow (?:tall|high)\b", re.I),
    "berat": re.compile(r"\bhow heavy\b", re.I),
    "umur": re.compile(r"\bhow old\b", re.I),
    "panjang": re.compile(r"\bhow far\b", re.I),
    "harga": re.compile(r"\bhow (?:much|large|big|high)\b.*\b(?:cost|costs|price|fare|ticket|pay|fine|fee|fees|salary|wage"
                        r"|budget|profit|revenue|dividend)\b", re.I),
    "lama": re.compile(r"\bhow long\s+(?:did|does|do|will|has|have|had|would|can|could|was|were)\b", re.I),
}
# An amount in a measure ("85 km²", "40 km/jam", "Rp 150.000"): no count of people.
_MEASURED_AMOUNT = re.compile(
    rf"{COUNT}\s*(?:{'|'.join(_MEASURES[name] for name in ('kecepatan', 'luas', 'panjang', 'berat', 'suhu', 'harga'))})"
    rf"(?!\w)|(?<!\w)(?:{_MEASURES['harga']})\s*{COUNT}", re.I)
_ASKED_MEASURE = re.compile(r"\bberapa(?:kah)?\s+(?:(?:jumlah|besar|total|rata-rata)\s+)?(" + "|".join(_MEASURES) + r")\b",
                            re.I)
# The measure first, "berapa" after it: "Biaya ASAT di SMA Bina Insani berapa per siswa?".
_MEASURE_FIRST = re.compile(r"^\W*(" + "|".join(_MEASURES) + r")\b[^?]{0,80}?\bberapa\b", re.I)
# What a how-many question counts: "berapa (jumlah|banyak) X", "jumlah X".
COUNTED = re.compile(r"\b(?:berapa(?:kah)?|jumlah|how many)\s+(?:(?:jumlah|banyak|total|orang|the)\s+)?([a-z]{3,})", re.I)
_CITATION_YEAR = re.compile(r"\((?:1\d|20)\d\d[a-z]?\)")
_NAMED_NUMBER = re.compile(r"\b[A-Za-z]+-\d+\b")  # "COVID-19", "G-20", "Su-57", "ke-201": part of a name or an ordinal
# Where a rule is written ("Pasal 104 ayat (1)", "UU Nomor 32 Tahun 2009", "No. 5/2023"): no count and no date, unless
# the question asks for an article or a number.
_REFERENCE = re.compile(r"\b(?:pasal|ayat|huruf|angka|nomor|no\.?)\s*\(?\d+[a-z]?\)?(?:\s*(?:ayat|huruf|angka)\s*\(?\w+\)?)*"
                        r"(?:\s+(?:tahun|th\.?)\s+\d{4}|\s*/\s*\d{4})?", re.I)
_ASKED_REFERENCE = re.compile(r"\b(?:pasal|ayat|nomor|no\.?|undang-undang|uu|perda|article|number)\b", re.I)
_SPELT_OUT = re.compile(r"(\d[\d.,]*)\s*\((?:[a-z]+\s+){0,7}[a-z]+\)", re.I)  # "2 (dua)", "Rp 1.500.000 (satu juta …)"
_HOW_LONG = re.compile(r"\bberapa\s+lama|\bhow long\b", re.I)
_ASKED_DATE = re.compile(r"\btanggal\b|\bwhat date\b", re.I)
BULLET = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s+")  # "- ", "• ", "1. " at the start of a list item
MONTHS_ID = tuple("januari februari maret april mei juni juli agustus september oktober november desember".split())
MONTHS_EN = tuple("january february march april may june july august september october november december".split())
WEEKDAYS_ID = tuple("senin selasa rabu kamis jumat jum'at sabtu minggu".split())
WEEKDAYS_EN = tuple("monday tuesday wednesday thursday friday saturday sunday".split())
# Each month's number (0–11) by its Indonesian or English name: "Juli" and "July" are one month.
MONTH_NUMBERS = {name: i for months in (MONTHS_ID, MONTHS_EN) for i, name in enumerate(months)}
_MONTH_NAMES = "|".join(name for name in MONTH_NUMBERS if name != "may")  # "may" is mostly the verb
_MONTHS = rf"({_MONTH_NAMES})\b"
MONTH = re.compile(r"\b" + _MONTHS, re.I)
_DAY_OF_MONTH = re.compile(r"\b\d{1,2}\s+" + _MONTHS, re.I)  # "5 Januari"
# A year as a date ("hingga setidaknya 2027", "pada akhir tahun 2010", "Desember 2010"): no count of anything.
_DATED_YEAR = re.compile(rf"\b(?:tahun|pada|sejak|hingga|sampai|melalui|until|since|in|by|{_MONTH_NAMES})"
                         r"\s+(?:[a-z]+\s+){0,2}(?:1[5-9]|20)\d\d\b(?![.,]\d)", re.I)
TO_THE_DAY = re.compile(_DAY_OF_MONTH.pattern + r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\(\d{1,2}/\d{1,2}\)", re.I)
# A news date: "Senin (5/9)", "Selasa (16/8/2005)", "(3/11/2025)", or a weekday alone ("pada hari Kamis").
DAY_DATE = re.compile(rf"\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)|\b(?:{'|'.join(WEEKDAYS_ID)})\b"
                      rf"|{COUNT}\s+(?:tahun|abad|bulan)\s+(?:yang\s+)?lalu\b|\busia\s+\w+(?:\s+\w+)?\s+tahun\b", re.I)
# ("… sekitar 10.000 tahun yang lalu", "Pada usia delapan tahun, Kelly …" answer a when-question too.)
_YEAR_ASKED = re.compile(r"\btahun berapa|\bwhat year\b", re.I)
ENTITY = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w-]*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zà-ÿ]+(?:\s+[A-Z][\w-]+)+")
# "Siapa penulis …?": who wrote it; a byline or "karya …" answers it.
AUTHOR_ASKED = re.compile(r"\b(?:penulis|pengarang|menulis|ditulis|mengarang|dikarang|author|wrote|written)\b", re.I)
_AUTHORSHIP = re.compile(r"\b(?:kajian|tulisan|artikel|laporan|karya|buku|esai|opini|analisis)\s+(?:dari|oleh)\b"
                         r"|\b(?:ditulis|dikarang|disusun|dianalisis)\s+oleh\b|\bkarya\b|\bpenulis\b|\bpengarang\b"
                         r"|^\W*oleh\b|\bwritten by\b|\bauthor\b|\bmenulis\b|\bmengarang\b", re.I)
_TITLE_STOP = re.compile(r"\b([A-Za-z]{1,7})\.(?=\s+[A-Z])")  # "dr. ", "Ir. ", "Prof. " before a name
_ENGLISH = re.compile(r"\b(what|which|who|whom|whose|when|where|why|how|does|did|do|is|are|was|were|has|have|had|"
                      r"the|of|in|on|for|to|and|many|much|with|from|by|took|part|about|according|its|their|"
                      r"that|this|be|been|an)\b", re.I)
_INDONESIAN = re.compile(r"\b(yang|apa|apakah|siapa|kapan|berapa|mengapa|bagaimana|sebutkan|di|ke|dan|dari|untuk|"
                         r"dengan|ini|itu|adalah|dalam|pada|oleh|tahun|mana)\b", re.I)


_ENGLISH_OPENING = re.compile(r"\W*(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)


def question_language(question: str) -> str:
    """`en` when the question reads as English, else `id`."""
    english, indonesian = len(_ENGLISH.findall(question)), len(_INDONESIAN.findall(question))
    if indonesian == 0 and _ENGLISH_OPENING.match(question):
        return "en"  # "Who heads Indonesia's international aid agency?": one English word, but the one it opens with
    return "en" if english >= 2 and english > indonesian else "id"


# Chat spellings of the words the question kinds and checks read: "brp" is "berapa", "yg" is "yang", "gak" is "tidak".
_INFORMAL = {"brp": "berapa", "brapa": "berapa", "kpn": "kapan", "dmn": "di mana", "dimn": "di mana",
             "gmn": "bagaimana", "gimana": "bagaimana", "knp": "kenapa", "napa": "kenapa", "yg": "yang",
             "tdk": "tidak", "gak": "tidak", "nggak": "tidak", "enggak": "tidak", "udah": "sudah",
             "udh": "sudah", "sdh": "sudah", "blm": "belum", "dgn": "dengan", "utk": "untuk", "kalo": "kalau",
             "klo": "kalau", "gmana": "bagaimana", "bgmn": "bagaimana", "thn": "tahun", "tgl": "tanggal",
             "bln": "bulan", "jml": "jumlah", "krn": "karena"}  # "sejak thn brp" asks a year as "tahun berapa" does
# Lower case, or capitalised as a question's first word: "KLO" and "GA 181" are names.
_INFORMAL_WORD = re.compile(rf"\b({'|'.join(_INFORMAL)}|{'|'.join(w.capitalize() for w in _INFORMAL)})\b")


def formal_question_words(question: str) -> str:
    """`question` with its chat spellings of question and function words written out ("Biaya ASAT brp per siswa?" →
    "Biaya ASAT berapa per siswa?"), for the kinds and checks that read them."""
    def written_out(word: re.Match) -> str:
        formal = _INFORMAL[word.group(1).lower()]
        return formal.capitalize() if word.group(1)[0].isupper() else formal

    return _INFORMAL_WORD.sub(written_out, question)


# A chat question that names only a measure ("Laba bersih Semen Bukit Kapur tahun 2020?", "HET pupuk NPK per karung?")
# asks for its figure.
_MEASURE_ALONE = re.compile(r"^\W*(?:total\s+)?(?:laba|pendapatan|omzet|harga|het|tarif|biaya|ongkos|anggaran|gaji|"
                            r"upah|nilai|kerugian|denda|iuran|panjang|luas|tinggi|berat|kapasitas|populasi|persentase|"
                            r"prevalensi|angka)\b(?!.*\b(?:apa|apakah|siapa|kapan|mengapa|kenapa|bagaimana|mana)\b)",
                            re.I)


def expected_type(question: str) -> str | None:
    """The kind of answer a question asks for: `date`, `number`, `name`, `called` (what a thing is called: "Apa
    nama aplikasi …?"), `place`, `list`, `definition`, `reason`, `purpose` ("Untuk apa …?"), `quote` (what somebody
    said), or None."""
    kinds = (("definition", DEFINITION_ASKED), ("date", _WHEN), ("number", _HOW_MANY), ("name", _WHO),
             ("called", _CALLED), ("place", _WHERE), ("quote", _QUOTE_ASKED), ("list", _LIST),
             ("purpose", _PURPOSE_ASKED), ("reason", _WHY), ("number", _MEASURE_ALONE))  # the first that matches
    return next((kind for kind, asked in kinds if asked.search(question)), None)


def _without_rules(sentence: str, question: str) -> str:
    """`sentence` less where it writes a rule ("Pasal 104 ayat (1)", "UU Nomor 32 Tahun 2009"), unless `question` asks
    for an article or a number."""
    return sentence if _ASKED_REFERENCE.search(question) else _REFERENCE.sub(" ", sentence)


# The offices an English who-question may ask for, and how Indonesian writes each ("head coach": "pelatih").
_ENGLISH_OFFICES = {
    r"secretary[- ]general|general secretary": r"sekretaris\s+jenderal|sekjen",
    r"prime minister": r"perdana\s+menteri|PM",
    r"foreign minister": r"menteri\s+luar\s+negeri|menlu", r"defen[cs]e minister": r"menteri\s+pertahanan|menhan",
    r"vice[- ]president": r"wakil\s+presiden|wapres", r"president": r"presiden", r"minister": r"menteri",
    r"governor": r"gubernur", r"mayor": r"wali\s?kota", r"regent": r"bupati", r"ambassador": r"duta\s+besar|dubes",
    r"commander(?:-in-chief)?": r"komandan|panglima", r"spokes(?:person|man|woman)": r"juru\s+bicara|jubir",
    r"special representative": r"perwakilan\s+khusus", r"(?:special\s+)?envoy": r"utusan",
    r"chair(?:man|woman|person)?": r"ketua", r"director(?:[- ]general)?": r"direktur",
    r"rector": r"rektor", r"king": r"raja", r"queen": r"ratu", r"sultan": r"sultan", r"emperor": r"kaisar",
    r"pope": r"paus", r"head\s+coach|coach": r"pelatih", r"head\s?teacher|headmaster|principal": r"kepala\s+sekolah",
    r"head": r"kepala|ketua",  # last: "head coach" is a coach
}
_OFFICE_ASKED_EN = re.compile(r"\b[Ww]ho\s+(?:is|was|are|were|has\s+been|had\s+been|became|will\s+be)\s+(?:the\s+)?"
                              r"(?:(?:current|then|first|new|former|last)\s+)?(?:[A-Z][\w-]*(?:'s)?\s+){0,3}?"
                              rf"(?i:({'|'.join(_ENGLISH_OFFICES)}))\b")


@lru_cache(maxsize=1024)
def english_office(question: str) -> tuple[str, str] | None:
    """The office an English who-question asks for and the pattern Indonesian writes it in ("head coach", "pelatih"),
    or None."""
    asked = _OFFICE_ASKED_EN.search(question)
    if asked is None:
        return None
    return asked.group(1), next(id_ for en, id_ in _ENGLISH_OFFICES.items() if re.fullmatch(en, asked.group(1), re.I))


def english_office_unsaid(question: str, sentence: str) -> bool:
    """Whether an English who-question asks for an office ("Who is the head coach of PS Malabar?") that `sentence`
    does not name as Indonesian writes it ("pelatih"): "CEO PS Malabar, H. Darmawan Effendi, …" names someone else."""
    english = english_office(question)
    return english is not None and re.search(rf"\b(?:{english[1]})\b", with_other_forms(sentence), re.I) is None


def matches_type(sentence: str, kind: str | None, question: str = "") -> bool:
    """Whether `sentence` holds an answer of `kind` that `question` does not already say.

    "Siapa kepala Dinas Pariwisata Sumatera Utara?" is not answered by a sentence whose only name is
    "Dinas Pariwisata Sumatera Utara"; a year that the question names does not answer "kapan".
    """
    if kind == "date":
        sentence = _without_rules(sentence, question)  # "UU Nomor 32 Tahun 2009" is no date of what happened
        found = [*_DATE.finditer(sentence), *MONTH.finditer(sentence)]
        if not _YEAR_ASKED.search(question):
            found += DAY_DATE.finditer(sentence)  # "Tahun berapa …?" is not answered by "Minggu (11/9)"
    elif kind == "number":
        sentence = _without_rules(sentence, question)  # "Pasal 104 … Nomor 32 Tahun 2009" counts nothing
        found = [*NUMBER.finditer(sentence), *_NUMBER_WORD.finditer(sentence)]
    elif kind == "name":
        found = list(_NAME.finditer(_TITLE_STOP.sub(_drop_title_stop, sentence)))
        if found and AUTHOR_ASKED.search(question) and not _AUTHORSHIP.search(sentence):
            return False  # "Siapa penulis kajian …?" is answered by a byline, not by any sentence with a name
        if found and question and english_office_unsaid(question, sentence):
            return False  # "Who is the head coach …?" wants a sentence that names a "pelatih"
    elif kind in ("place", "called"):
        found = list(ENTITY.finditer(sentence))
    elif kind == "list":
        return _ENUMERATION.search(sentence) is not None
    elif kind == "reason":
        return _BECAUSE.search(sentence) is not None
    elif kind == "purpose":
        return _FOR.search(sentence) is not None
    elif kind == "quote":
        return _QUOTES.search(sentence) is not None
    elif kind == "definition":
        return _defines(sentence, question)
    else:
        return False
    asked = set(WORD.findall(question.lower()))
    return any(not set(WORD.findall(m.group(0).lower())) <= asked for m in found)


def _defines(sentence: str, question: str) -> bool:
    """Whether `sentence` says what the term a definition `question` asks about is ("Genin adalah ninja …")."""
    asked = DEFINITION_ASKED.search(question)
    defined = _DEFINES.match(_PARENTHESES.sub("", sentence))
    if asked is None or defined is None:
        return False
    term = set(tokenize(asked.group("term")))
    return bool(term) and len(term & set(tokenize(defined.group("subject")))) * 2 >= len(term)


def _drop_title_stop(match: re.Match) -> str:
    """"dr. Hendra Wijaya" → "dr Hendra Wijaya": the stop of a title is no sentence end before the name."""
    return match.group(1) if match.group(1).lower() in abbreviations() else match.group(0)


# A table row as ingest writes it: "Provinsi: Bali; Jumlah SPBKLU: 190; Target 2030: 800." (Brackets closed within
# each name and value: "Hiragana (Kana: ひらがな; Kanji: 平仮名) adalah …" is no row.)
_CELL_NAME, _CELL_VALUE = r"(?:[^:;()\n]|\([^()\n]*\)){1,60}", r"(?:[^;()\n]|\([^()\n]*\))+"
ROW_SENTENCE = re.compile(rf"{_CELL_NAME}: {_CELL_VALUE}(?:; {_CELL_NAME}: {_CELL_VALUE})+$")


_VAGUE_WORDS = frozenset("belasan puluhan ratusan ribuan jutaan miliaran triliunan".split())
_VAGUE_COUNT = re.compile(r"\b(?:belasan|puluhan|ratusan|ribuan|jutaan|miliaran)\s+(\w+)(?:\s+(\w+))?", re.I)
_ANYONE = frozenset("orang jiwa warga penduduk".split())  # people counted whoever they are
_AGE_OF = re.compile(r"\b(?:umur|usia)\s+(?:dari\s+|sang\s+|si\s+)?([^\W\d_]{3,})", re.I)  # whose age ("umurnya": his)


def _counts_asked_if_vague(sentence: str, question: str) -> bool:
    """False when `sentence` counts only vaguely ("ribuan tentara") and not what an Indonesian how-many `question`
    counts ("Berapa jumlah pekerja migran …?", the thirty-first tester's b03); "ribuan orang" counts any people."""
    counted = COUNTED.search(question)
    if (counted is None or question_language(question) != "id" or NUMBER.search(sentence)
            or counted.group(1).lower() in ("yang", "lama", "besar", "banyak", "persen")):
        return True
    words = [m.group(0).split()[0].lower() for m in _NUMBER_WORD.finditer(sentence)]
    if not words or any(w not in _VAGUE_WORDS for w in words):
        return True  # an exact count written out, or none at all
    asked = stem(counted.group(1).lower())
    people = COUNTS_PEOPLE.search(counted.group(1)) is not None
    nouns = [w.lower() for m in _VAGUE_COUNT.finditer(sentence) for w in m.groups() if w]  # "ribuan (warga) pekerja"
    return any(stem(w) == asked or w == counted.group(1).lower() or people and w in _ANYONE for w in nouns)


def holds_count(sentence: str, question: str) -> bool:
    """Whether `sentence` holds a count that answers the how-many `question`, in its unit when it names one.

    The day of a date ("pada 5 Januari") and a year as a date ("hingga 2027") are no count, unless the question asks
    for a date ("tanggal berapa"), or for a duration the years may span ("berapa lama").
    """
    if not _ASKED_DATE.search(question):
        sentence = _DAY_OF_MONTH.sub(" ", sentence)
        if not _HOW_LONG.search(question):  # "Berapa lama …?" is answered by "dari tahun 1945 hingga 1965"
            sentence = _DATED_YEAR.sub(" ", sentence)
    sentence = _SPELT_OUT.sub(r"\1", sentence)  # "2 (dua) tahun" is "2 tahun"
    sentence = _without_rules(sentence, question)  # "Pasal 104 jo. Pasal 60 UU Nomor 32 Tahun 2009" counts nothing
    # A list item's number ("1. The World Bank …") and a citation's year ("(2021)") count nothing.
    bullet = BULLET.match(sentence)
    sentence = _CITATION_YEAR.sub(" ", sentence[bullet.end():] if bullet else sentence)
    sentence = _NAMED_NUMBER.sub(" ", sentence)  # "vaksin COVID-19" counts no doses
    if not matches_type(sentence, "number", question):
        return False
    # A table row's units are in its header or caption ("Laba bersih | 161,9 | 118,2", in billions of rupiah;
    # "Anggaran (Rp): 214.600.000").
    row = sentence.count(" | ") >= 2 or ROW_SENTENCE.match(sentence.strip()) is not None
    units = asked_units(question) if not row else None
    if not row and not _counts_asked_if_vague(sentence, question):
        return False
    age_of = _AGE_OF.search(question)
    holder = tokenize(age_of.group(1)) if age_of is not None else []  # not "berapa", "ketika": no content word
    if holder and not set(holder) & set(tokenize(sentence)):
        return False  # "Berapa umur masinis …?" is not answered by a farmer's "(47)"
    if units is None and COUNTS_PEOPLE.search(question):
        # "How many people were evacuated?" is not answered by "85 km²" or "40 km/jam": drop measured amounts.
        return matches_type(_MEASURED_AMOUNT.sub(" ", sentence), "number", question)
    if units is None:
        return True
    # "7.644 km", "tujuh ribu kilometer", "Rp 250.000", "menewaskan setidaknya 10 orang": the count, then within two
    # words the unit asked for; or the unit, then within two words the count ("Meninggal dunia: 9 orang").
    in_unit = (rf"{COUNT}\s*(?:\w+\s+){{0,2}}?(?:{units})(?!\w)"
               rf"|(?<!\w)(?:{units})(?![^\W\d_]):?\s*(?:\w+:?\s+){{0,2}}?{COUNT}")  # not "m" of "menampung ribuan"
    return re.search(in_unit, sentence, re.I) is not None


@lru_cache(maxsize=1024)  # asked for each candidate sentence of a question
def asked_units(question: str) -> str | None:
    """The units a how-many question asks its count in ("berapa kilometer", "berapa luas"), as a pattern; None: any."""
    unit = _ASKED_UNIT.search(question)
    if unit is not None:
        return _UNITS[unit.group(1).lower()]
    measure = _ASKED_MEASURE.search(question) or _MEASURE_FIRST.search(question)
    if measure is not None:
        return _MEASURES[measure.group(1).lower()]
    if _ASKED_DEATHS.search(question) or _ASKED_DEATHS_EN.search(question):
        return _DEATHS
    measure_en = next((name for name, asked in _ASKED_MEASURE_EN.items() if asked.search(question)), None)
    if measure_en == "harga" and _CHANGE_EN.search(question):
        return f"{_MEASURES['harga']}|persen|percent|%"  # "How much of a wage increase …?": "kenaikan 5,2 persen"
    return None if measure_en is None else _MEASURES[measure_en]


# A change an English how-much question asks the size of, which Indonesian gives in money or in percent.
_CHANGE_EN = re.compile(r"\b(?:increases?|increased|rises?|rose|raises?|raised|growth|grew|hikes?|cuts?|decreases?"
                        r"|decreased|drops?|dropped|falls?|fell|change)\b", re.I)


def answers_how_many(shown: list[CitedSentence], question: str) -> bool:
    """Whether the answer holds the count a how-many `question` asks for: in its best sentence, or in another one
    that names what is counted ("Berapa pasukan …?" and "… 4.000 pasukan …"; "Berapa jumlah penduduk …?" is not
    answered by a sentence about troops that happens to follow)."""
    if holds_count(shown[0].text, question):
        return True
    counted = COUNTED.search(question)
    nouns = set(tokenize(counted.group(1))) if counted else set()
    return any(holds_count(c.text, question) and nouns & set(tokenize(c.text)) for c in shown[1:])


def dates_what_is_asked(shown: list[CitedSentence], question: str) -> bool:
    """Whether the answer holds a date for a when-`question`: in its best sentence, or in another one of the same
    passage or one that shares a term with the question ("Kapan Yayasan Ilm-i Xalqaro didirikan?" is not answered by
    another document's "Pada bulan Desember 2010, KAZCENT diakreditasi …" beside a sentence that names the foundation
    without a date; "Ia lahir pada 6 Juni 1901" beside "Soekarno adalah …" answers "Kapan Soekarno lahir?")."""
    if matches_type(shown[0].text, "date", question):
        return True
    asked = set(tokenize(question))
    return any(matches_type(c.text, "date", question) and (c.n == shown[0].n or asked & set(tokenize(c.text)))
               for c in shown[1:])


NAME_WORD = re.compile(r"\b[A-Z][\w-]*")
SIMILAR_SPELLING = 0.85
"""difflib's ratio at which a question's word counts as a document's word spelt differently (Kazakhstan, Kazakstan)."""
