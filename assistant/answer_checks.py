"""Answer checks: an answer whose sentences do not answer the question as asked is refused (another place or year
than asked, an office nobody holds in it, the opposite event, another kin or ordinal, a qualifier or a negation left
out). Each check returns what the answer lacks, or None (False) when it passes."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Container
from functools import lru_cache
from typing import TYPE_CHECKING

from index.lexical import stem, tokenize
from ingest.short_forms import full_name, with_other_forms

from .countries import country_unmentioned, countries_named, mentions_country_named
from .question_kinds import (AUTHOR_ASKED, COUNTED, DAY_DATE, DEFINITION_ASKED, ENTITY, MONTH, MONTH_NUMBERS, MONTHS_EN,
                             MONTHS_ID, NAME_WORD, SIMILAR_SPELLING, TO_THE_DAY, WEEKDAYS_EN, WORD, english_office,
                             expected_type, matches_type, question_language)

if TYPE_CHECKING:
    from .answer import CitedSentence, Passage

DEFINITION_SPELLING = 0.8
"""difflib's ratio at which a definition question's term counts as the answer's word ("hipertropi", "hipertrofi")."""


# Words (stemmed) that documents often write for a follow-up's word: "Umurnya berapa?" is answered by "berusia 24
# tahun", "Dia meninggal di mana?" by "wafat di …".
_SAME_MEANING = (frozenset({"umur", "usia"}), frozenset({"gaji", "upah"}),
                 frozenset({"biaya", "ongkos", "tarif", "harga"}), frozenset({"tinggal", "wafat", "tewas", "gugur"}))


# A follow-up's word that an answer gives by naming what it asks for: "Apa jabatannya?" is answered by "António
# Guterres, Sekretaris Jenderal PBB".
_ANSWERED_BY = {"jabat": "presiden wakil menteri sekretaris jenderal ketua kepala direktur gubernur bupati walikota "
                         "rektor camat lurah duta besar panglima komandan manajer ceo raja ratu sultan perdana"}


# Words that only say what kind of answer a follow-up wants ("Di mana tempatnya?", "Kapan waktunya?"): the answer
# gives a place or a time, seldom the word.
_ASKED_KIND_WORDS = frozenset({"tempat", "lokasi", "letak", "waktu", "tanggal"})


@lru_cache(maxsize=256)
def follow_up_terms(question: str) -> frozenset[str]:
    """A follow-up's own content terms (stemmed), each with the words of the same meaning: what its answer must hold
    one of ("Siapa ketua pertamanya?": "ketua", "pertama")."""
    own = set(tokenize(question)) - _ASKED_KIND_WORDS
    own |= {term for word in own & _ANSWERED_BY.keys() for term in tokenize(_ANSWERED_BY[word])}
    return frozenset(own.union(*(group for group in _SAME_MEANING if group & own)))


def subject_left_behind(follow_up: str, query: str, document: str) -> str | None:
    """A name of the previous question (one of the follow-up's searched `query` that the follow-up does not use; no
    root word) when the answer's document and its title (`document`) mention none of them: "Siapa yang memimpinnya?"
    after "Kapan pusat pendidikan KAZCENT dibuka?" is not answered by "CSTO pimpinan Rusia" from an article that never
    names KAZCENT. Returns the first such name."""
    names = [w for w in dict.fromkeys(NAME_WORD.findall(query)) if len(w) > 1 and not is_root_word(w.lower())
             and w.lower() not in follow_up.lower()]
    if not names:
        return None
    mentioned = _mention_test(document)
    return None if any(mentioned(w.lower()) for w in names) else names[0]


# How much of a document opens it: a name there is what it is about ("Walt Disney Animation Studios adalah …").
_OPENING = 300


def date_of_another_name(question: str, shown: list[CitedSentence], title: str = "", document: str = "",
                         passage: str = "") -> str | None:
    """A name of two or more words that a when-question asks the date of, when the answer's first sentence dates
    something without naming it and a later sentence, or its document (`document`, whose `title` does not name it: a
    document about the thing dates it without naming it again), names it without a date: "Pada tahun berapa
    Kazakhstan bergabung dengan Rencana Kerja Kemitraan Anti-Terorisme?" is not answered by "… dimulai pada tahun 1994
    dengan … program PfP" when the document says "Kazakhstan adalah bagian dari Rencana Kerja Kemitraan
    Anti-Terorisme" elsewhere. A first sentence that names another of the question's names dates what is asked ("Gelar
    juara Asia 2005 ini …" for "… merebut gelar Juara Asia setelah menundukkan Kuan Beng Hong …?"). Returns the
    name."""
    if not matches_type(shown[0].text, "date", question):
        return None
    names = [(name.group(0), r"\s+".join(map(re.escape, name.group(0).split())))
             for name in _MULTIWORD_NAME.finditer(question[1:])]
    if any(re.search(spelt, shown[0].text, re.I) for _, spelt in names):
        return None  # "Gelar juara Asia 2005 ini …" dates the title asked, whoever the final was against
    for name, spelt in names:
        if any(re.search(spelt, c.text, re.I) and not matches_type(c.text, "date", question) for c in shown[1:]):
            return name
        about = f"{title} {passage} {document[:_OPENING]}".lower()  # "Metro Wuhan adalah …" is about "Wuhan Metro"
        if re.search(spelt, document, re.I) and not all(re.search(rf"\b{re.escape(w)}\b", about)
                                                         for w in name.lower().split()):
            return name
    return None


# A step of a court case after its verdict, which an answer must name to date or tell of it.
_LEGAL_STEP = re.compile(r"\b(banding|kasasi|peninjauan\s+kembali|grasi|remisi|pembebasan\s+bersyarat|eksekusi)\b", re.I)


def legal_step_unmentioned(question: str, said: str) -> str | None:
    """A step of a court case the question asks about ("Kapan Dedi Supriatna mengajukan banding …?") that the answer
    (`said`) never names: the verdict's date ("Tanggal putusan: 11 Februari 2025") does not say when an appeal was
    filed, nor that one was. Returns the step."""
    asked = _LEGAL_STEP.search(question)
    if asked is None or re.search(rf"\b{asked.group(1)}\b", said, re.I):
        return None
    return asked.group(1)


def holds_own_terms(shown: list[CitedSentence], question: str) -> bool:
    """Whether the answer holds one of a follow-up's own content terms, or the follow-up has none ("Kapan itu
    terjadi?" leans wholly on the previous question)."""
    own = follow_up_terms(question)
    return not own or any(own & set(tokenize(c.text)) for c in shown)


# A name of two or more capitalised words ("Kabupaten Dompu", "Provinsi Nusa Tenggara Timur", "Bursa Karbon Malaysia").
_MULTIWORD_NAME = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)+")
# A year the question names: "tahun 2024", "pada 2024", "in 2024".
_YEAR_WORDS = ("tahun", "pada", "sejak", "in", "the", "of", "during", "since")
# "tahun 2024", "in 2024", and a quarter's or a half's year: "kuartal III 2022", "Q1 2025", "semester II 2024".
_YEAR_NAMED = re.compile(rf"\b(?:{'|'.join(_YEAR_WORDS)}|(?:kuartal|triwulan|semester|quarter|musim\s+tanam)\s+[\w-]+"
                         r"|Q[1-4]|tahun\s+(?:buku|anggaran|fiskal)|musim\s+panen(?:\s+raya)?)"  # "tahun buku 2023"
                         r"\s+((?:1[5-9]|20)\d\d)\b", re.I)
_ANY_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_YEAR_AFTER_WORD = re.compile(r"\b(\w+)\s+((?:1[5-9]|20)\d\d)\b")  # "Cemerlang 2025", "November 2005"
# "Siapa (nama) Bupati …?": the question asks who holds an office (not "Siapa pendiri …?": founders are "didirikan oleh").
_STATE_OFFICES = (r"bupati|gubernur|wali\s?kota|walikota|wakil presiden|presiden|perdana menteri|menteri|rektor|camat"
                  r"|lurah|duta besar|kapolda|kapolres|kapolri")
_OFFICES = (rf"((?:wakil\s+)?(?:{_STATE_OFFICES}|kepala|direktur|ketua|panglima|sekretaris|bendahara|pelatih|raja|ratu"
            r"|sultan|kaisar|paus|uskup|perwakilan khusus|utusan khusus|juru bicara|komandan|komisaris|imam|pendeta"
            r"|pastor|pemimpin|pimpinan|manajer|panitera)"
            r"|wakil\s+(?:pemimpin|pimpinan|manajer))\b")  # a deputy leader is named so: not the leader
# (a follow-up's "Siapa wakil presidennya?" asks for the office as well)
_OFFICE_ASKED = re.compile(rf"\bsiapa(?:kah)?\s+(?:nama\s+)?{_OFFICES[:-2]}(?:nya)?\b", re.I)
# "Apa nama kontraktor yang mengerjakan …?": the name of a party or a place, which a document writes capitalised.
_NAME_OF_KIND_ASKED = re.compile(r"\b(?:apa|siapa)(?:kah)?\s+nama\s+(?:lengkap\s+)?(?:kontraktor|perusahaan|pelaksana|"
                                 r"vendor|penyedia|pengembang|developer|produsen|distributor|sponsor|konsultan|"
                                 r"dokter|hakim|pengacara|notaris|pemilik|pendiri|yayasan|klub|toko|restoran|hotel|"
                                 r"desa|dusun|kampung|kecamatan|kabupaten)\b", re.I)
# "Pada tahun berapa Siti Rukmini menjabat sebagai Bupati Ciamis?": an office of state the question says somebody held
# (not "komandan", "ketua", "kepala": a passage names such a post by its own title, "Reichsführer-SS").
_OFFICE_HELD = re.compile(rf"\b(?:menjabat|dilantik|diangkat|terpilih)\s+(?:sebagai\s+|menjadi\s+)?({_STATE_OFFICES})\b",
                          re.I)
# "Kapan Gubernur Sulawesi Utara meresmikan …?": an office of state the question says did something, by its title.
_OFFICE_ACTED = re.compile(rf"^\W*(?:kapan|mengapa|kenapa|bagaimana|di\s?mana|berapa)\s+({_STATE_OFFICES})\s+"
                           r"(?:[A-Z][\w-]*\s+)+(?:me|ber|di)[a-z]{3,}\b", re.I)


def names_all(question: str, text: str) -> bool:
    """Whether `text` (a passage, with its title and its document's opening) holds every name the question uses (its
    capitalised words past the first), in either of a name's forms ("SMPN 3 Depok" for "SMP Negeri 3 Depok")."""
    words = set(WORD.findall(with_other_forms(text).lower()))
    return all(set(WORD.findall(m.group(0).lower())) <= words for m in ENTITY.finditer(question))


def _named_instead(text: str, before: str, name: str, after: str = "", others_in: str | None = None) -> str | None:
    """`before` followed by a capitalised word other than `name` in `text` (or in `others_in`, `text` less its
    headlines) ("Kabupaten Bima" for "Kabupaten Dompu"), when `text` never mentions `name`; `after` is a lookahead
    that the other word must also pass."""
    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I):
        return None
    for other in re.finditer(rf"\b{re.escape(before)}\s+([A-Z][\w-]*)(?![\w-]){after}", others_in or text):
        word = other.group(1).lower()
        if word != name.lower() and not (len(name) <= 3 and word.startswith(name.lower())):  # "No." is "Nomor"
            return f"{before} {other.group(1)}"
    return None


# A name's first word that says what kind of thing it is ("Republik Ghana", "Presiden Ghana"), not which one.
_KIND_OF_NAME = frozenset("republik provinsi kabupaten kota kerajaan kesultanan kekaisaran negara bank presiden gubernur "
                          "raja ratu sultan menteri bupati universitas partai perusahaan pt sungai gunung danau "
                          "sekolah sd smp sma smk madrasah mts yayasan rsud puskesmas pilkada pilwalkot pilbup pilgub "
                          "pilpres pileg pilkades pemilu".split())  # "Pilkada Sumedang" is no other "KPU Sumedang"


def _first_named_instead(text: str, name: str, question: str) -> str | None:
    """Another first word before the rest of `name` in `text` ("Hikmah Fajar" for "Dunia Fajar", "Petrus Lombardus"
    for "Paulos Lombardus"), when `text` never uses `name`'s own first word nor one spelt like it, and the question
    itself does not name the other."""
    first, _, rest = name.partition(" ")
    if first.lower() in _KIND_OF_NAME or re.search(rf"(?<!\w){re.escape(first)}(?!\w)", text, re.I):
        return None
    others = [m.group(1) for m in re.finditer(rf"\b([A-Z][\w-]*)[ \t]+{re.escape(rest)}(?![\w-])", text)]  # one line:
    # a heading's last word ("RINGKASAN EKSEKUTIF") does not run into the name that starts the next line; a kind of
    # place names the same one ("Kota Tanjung Harapan" for "DPRD Tanjung Harapan")
    others = [o for o in others if o.lower() not in _KIND_OF_NAME and o.lower() not in _PLACE_KINDS]
    if any(difflib.SequenceMatcher(None, o.lower(), first.lower()).ratio() >= SIMILAR_SPELLING for o in others):
        return None  # "Barack Obama" for "Barrack Obama"
    return next((f"{o} {rest}" for o in others if f"{o} {rest}" not in question), None)


# An administrative place by its kind ("Kecamatan Bayongbong", "Kec. Cisurupan", "Kab. Garut"), the kind as written out.
_PLACE_KINDS = {"kecamatan": "kecamatan", "kec": "kecamatan", "kabupaten": "kabupaten", "kab": "kabupaten",
                "kelurahan": "kelurahan", "kel": "kelurahan", "desa": "desa", "kota": "kota", "provinsi": "provinsi",
                "prov": "provinsi", "kampung": "kampung", "dusun": "dusun"}
KIND_PLACE = re.compile(r"\b(Kecamatan|Kec\.|Kabupaten|Kab\.|Kelurahan|Kel\.|Desa|Kota|Provinsi|Prov\.|Kampung|"
                        r"Dusun)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")


def _without_dates(name: str) -> str:
    """A run of capitalised words less the months and weekdays it ends with: "Kota Malang Januari-Mei" (2024) is
    "Kota Malang"."""
    words = name.split()
    while words and all(MONTH.fullmatch(w) or DAY_DATE.fullmatch(w) for w in words[-1].split("-")):
        words.pop()
    return " ".join(words)


def place_swapped(question: str, said: str) -> str | None:
    """A place of a kind the question names ("… longsor di Kec. Bayongbong?") that the answer's own sentences (`said`)
    never name while they name another place of that kind ("… 2 orang meninggal dunia (warga … Kec. Cisurupan …)"):
    the figure is another place's, even where the passages mention the one asked elsewhere."""
    said_places = [(_PLACE_KINDS[m.group(1).rstrip(".").lower()], m.group(2)) for m in KIND_PLACE.finditer(said)]
    for asked in KIND_PLACE.finditer(question):
        kind, name = _PLACE_KINDS[asked.group(1).rstrip(".").lower()], _without_dates(asked.group(2))
        if not name:
            continue
        if re.search(rf"\b{re.escape(name)}\b", said):
            continue
        other = next((f"{k.capitalize()} {n}" for k, n in said_places if k == kind and n != name), None)
        if other is not None:
            return other
    return None


# A school's level, as a question or an answer names it: "SMA Negeri", "SMPN", "SD Swasta".
_SCHOOL_LEVEL = re.compile(r"\b(SD|SMP|SMA|SMK|MI|MTs|MA|TK|PAUD)(?:N|\s+Negeri|\s+Swasta)?\b")


def school_level_swapped(question: str, said: str) -> str | None:
    """A school level the question names ("… untuk SMA Negeri di Sleman?") that the answer's sentences (`said`) never
    name while they name another ("… SMP Negeri … 36 siswa per rombel"): the figure is the other level's."""
    asked = {level.group(1) for level in _SCHOOL_LEVEL.finditer(question)}
    if not asked:
        return None
    given = [level.group(1) for level in _SCHOOL_LEVEL.finditer(said)]
    if asked & set(given):
        return None
    return next(iter(given), None)


# "Berapa harga solar super …?": a measure and the thing measured, up to the clause that goes on about it.
_MEASURES_OF = (r"(?:harga|luas|panjang|tinggi|berat|kapasitas|suhu|kecepatan|tarif|biaya|nilai|gaji|upah|pendapatan|"
                r"penerimaan|laba|omzet|anggaran)")
_MEASURE_ASKED = re.compile(rf"\bberapa(?:kah)?\s+(?:besar\s+)?({_MEASURES_OF})\s+((?:[a-z]+\s*){{1,3}}?)(?=\s+(?:yang|di|"
                            r"pada|dari|untuk|saat|ketika|dalam|sejak|per|setelah|sebelum)\b|[?.,]|$)", re.I)
# … or in lower case up to a name: "Berapa pendapatan sponsor PS Malabar musim 2024/2025?" asks of sponsorship.
_MEASURE_BEFORE_NAME = re.compile(rf"\b(?i:berapa(?:kah)?\s+(?:besar\s+)?({_MEASURES_OF}))\s+([a-z]+(?:\s+[a-z]+){{0,2}})"
                                  r"(?=\s+[A-Z])")


_NOT_A_THING = re.compile(r"(?:dari|daripada|di|ke|pada|sekitar|sebesar|mencapai|hingga|sampai|yang)\b", re.I)


def measure_of_another(question: str, said: str) -> str | None:
    """The measure a how-much question asks of one thing ("Berapa harga solar super …?") that the answer (`said`)
    gives of another ("Harga pertamax plus … Rp 5.900 …") without naming the thing asked; "Tinggi monumen ini …"
    points back to what was asked."""
    asked = _MEASURE_ASKED.search(question) or _MEASURE_BEFORE_NAME.search(question)
    if asked is None:
        return None
    if asked.group(2).lower().startswith("yang "):  # "Berapa gaji yang ditawarkan …?" names no other thing
        return None
    measure, thing = asked.group(1).lower(), set(tokenize(asked.group(2)))
    if not thing or thing & set(tokenize(said)):
        return None
    other = next((m for m in re.finditer(rf"\b{measure}\s+([a-z]+(?:\s+[a-z]+)?)", said, re.I)
                  if not _NOT_A_THING.match(m.group(1))), None)  # "… lebih luas dari wilayah Prancis" compares
    if other is None or set(tokenize(other.group(1))) & thing or re.search(r"\b(?:ini|itu|tersebut)$", other.group(1)):
        return None
    return other.group(0)


_CAPITALISED_RUN = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_PAIR_ASKED = re.compile(rf"\b(?:antara|between)\s+({_CAPITALISED_RUN})\s+(?:dan|dengan|and)\s+({_CAPITALISED_RUN})")


def pair_unmentioned(question: str, cited: str) -> str | None:
    """One of two names a question asks about together ("… pertandingan antara Persikota Tanjung Raya dan PSM Lembah
    Hijau?", "between X and Y") that the cited passages and their titles (`cited`) do not name (not half its words):
    they tell of the first with somebody else (a match against Barito Selatan FC)."""
    mentioned = _mention_test(cited)
    for pair in _PAIR_ASKED.finditer(question):
        for name in pair.groups():
            own = [w for w in WORD.findall(name.lower()) if len(w) >= 3]
            if own and sum(map(mentioned, own)) * 2 < len(own) and not mentions_country_named(cited, name):
                return name
    return None


def _without_headlines(text: str) -> str:
    """`text` less its headlines in title case ("Kasus DBD di Kota Malang Melonjak, Dinkes Minta Warga Waspadai"): lines
    of four words or more, most of them capitalised, without a full stop; their capitals are no names ("Malang
    Melonjak")."""
    def headline(line: str) -> bool:
        words = re.findall(r"[^\W\d_][\w'’-]*", line)
        return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words) and not line.rstrip().endswith(".")
    return "\n".join(line for line in text.split("\n") if not headline(line))


# Capitalised only because they start the question: question words ("Kemana", "Dimanakah", "Benarkah": any word with
# "-kah"), prepositions, requests and the like, in both languages.
_QUESTION_OPENER = re.compile(r"(?:\w+kah|(?:di|ke|dari)?mana|siapa|apa|kapan|berapa|seberapa|bagaimana|gimana|mengapa|"
                              r"kenapa|di|ke|dari|pada|dalam|untuk|oleh|menurut|tahun|sejak|selama|sebutkan|jelaskan|"
                              r"tolong|mohon|coba|berikan|kalau|kalo|jika|bila|dan|lalu|selain|setelah|sebelum|yang|"
                              r"terus|trus|sedangkan|sementara|"
                              r"what|who|whom|whose|when|where|why|how|which|is|are|was|were|do|does|did|can|could|"
                              r"in|on|at|according|name|list|describe|tell|and)", re.I)


def leading_name(question: str) -> str | None:
    """The name a question starts with ("Ratna Widyastuti Harahap itu lahirnya di kota mana?", "Kawasaki dapat nilai
    berapa …?"), which the checks that skip the question's first word (capitalised anyway) would miss: a run of
    capitalised words whose first is no question word, of two words or more, or of one that is no root word."""
    run = re.match(r"\W*([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*)", question)
    if run is None or _QUESTION_OPENER.fullmatch(run.group(1).split()[0]):
        return None
    words = run.group(1).split()
    return run.group(1) if len(words) >= 2 or len(words[0]) > 3 and not is_root_word(words[0].lower()) else None


def names_another(question: str, passages: list[Passage], dates: tuple[str, ...] = ()) -> str | None:
    """What the cited passages name in place of what the question asks about, when they never name the latter.

    "Berapa anggaran MBG di Provinsi NTT?" answered from a passage on "Provinsi NTB" (and no "NTT") gives NTB's
    figure with confidence: the last word of each name the question uses ("Kabupaten *Dompu*", "Bursa Karbon
    *Malaysia*") must appear in the passages when they use the same name with another last word ("Kabupaten
    Bima"), and so must a year the question names ("tahun 2024") when they name another ("tahun 2025"). A short
    form counts as its full name ("Jatim" for "Jawa Timur", and the other way round).
    """
    text = with_other_forms(" ".join(p.text for p in passages))
    names = with_other_forms(" ".join(_without_headlines(p.text) for p in passages))
    # The question's first word is capitalised anyway: it is read only as the start of a name it starts with.
    leading = leading_name(question)
    asked = [leading if leading and m.start() + 1 < len(leading) else m.group(0)
             for m in _MULTIWORD_NAME.finditer(question[1:])]
    if leading and leading not in asked and len(leading.split()) >= 2:
        asked.insert(0, leading)
    english = question_language(question) != "id"
    for named in asked:
        words = _without_dates(named).split()
        if english:  # "PPh Article 21" is "PPh Pasal 21"
            words = [_NAME_WORDS_EN.get(w, w) for w in words]
        if len(words) < 2:
            continue
        *_, head, last = words
        # A title followed by a person's name ("Menteri Kesehatan Siti Fadilah Supari" for "Menteri Kesehatan
        # Indonesia", "Presiden Susilo Bambang Yudhoyono" for "Presiden SBY") names the holder, not another office.
        other = _named_instead(text, head, last, r"(?!\s+[A-Z])", names)
        if other is None and question_language(question) == "id":  # an English name is translated: "East Lombok"
            other = _first_named_instead(names, named, question)
        if other is not None:
            return other
    # "… mendarat di Kirgistan …" against passages where troops "mendarat di Kazakstan": the same two words before
    # another name; a capitalised root word is no name ("kekeringan di Kantor Gubernur NTT" is where the meeting on
    # the drought in Kupang was held).
    for single in re.finditer(r"\b([a-z]+)\s+([a-z]+)\s+([A-Z][\w-]*)(?![\w-])(?!\s+[A-Z])", question):
        other = _named_instead(text, f"{single.group(1)} {single.group(2)}", single.group(3), others_in=names)
        if other is not None and other.rsplit(" ", 1)[-1].lower() not in _root_words():
            return other
    titles = " ".join(sorted({p.title for p in passages if p.title}))
    other = _other_in_context(question, text, with_other_forms(titles))
    if other is not None:
        return other
    # "… Beasiswa Kaltim Cemerlang 2025?" against passages on "Beasiswa Kaltim Cemerlang 2026": the word before the
    # year asked is followed by another year, and the year asked is nowhere (a title's year, "Laporan Tahunan 2024",
    # dates all its document).
    dated = " ".join([text, titles, *dates])
    for named in _YEAR_AFTER_WORD.finditer(question):
        word, year = named.groups()
        if word.lower() in _YEAR_WORDS or re.search(rf"\b{year}\b", dated):
            continue
        other = re.search(rf"\b{re.escape(word)}\s+((?:1[5-9]|20)\d\d)\b", dated, re.I)
        if other is not None:
            return other.group(0)
    # "… tahun ajaran 2023/2024?" against an announcement for "Tahun Pelajaran 2024/2025".
    for school_year in _SCHOOL_YEAR.finditer(question):
        if school_year.group(0) not in _SCHOOL_YEAR.findall(dated):
            other = _SCHOOL_YEAR.search(dated)
            if other is not None:
                return other.group(0)
    # "… tahun 2023?" against passages on "April hingga Oktober 2025" (or their document's date line, "Mataram, 20
    # November 2025"), none of the years asked.
    asked = {year.group(1) for year in _YEAR_NAMED.finditer(question)}
    if asked and not any(re.search(rf"\b{year}\b", dated) for year in asked):
        other = next((y.group(0) for y in _ANY_YEAR.finditer(dated) if y.group(0) not in asked), None)
        if other is not None:
            return other
    return None


# English words of a name that an Indonesian document writes in Indonesian, in the same place ("PPh Article 21": "PPh
# Pasal 21", "Law Number 6": "Undang-Undang Nomor 6").
_NAME_WORDS_EN = {"Article": "Pasal", "Number": "Nomor", "Chapter": "Bab", "Paragraph": "Ayat",
                  "Law": "Undang-Undang", "Regulation": "Peraturan", "Decree": "Keputusan", "Volume": "Jilid"}
_SCHOOL_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d/(?:1[5-9]|20)\d\d\b")  # "2023/2024", a school's or a budget's year
_NAMES = r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"  # a run of capitalised words: "Uni Eropa", "NATO"
# The contexts in which a question's name may be replaced by another in the passages: two lower-case words before it
# ("diakreditasi oleh Uni Eropa" / "diakreditasi oleh NATO"), two words after it ("Kirgistan dengan NATO" /
# "Kazakhstan dengan NATO"), or a preposition of place ("di Armenia" / "di Tajikistan").
_BEFORE_NAMES = re.compile(rf"\b([a-z]+\s+[a-z]+)\s+({_NAMES})")
_AFTER_NAME = re.compile(rf"(?<!^)\b({_NAMES})\s+([a-z]+\s+[\w-]+)")
# Each preposition of a question and the prepositions of the passages it stands for: "akreditasi dari X" against
# "diakreditasi oleh Y"; in an English question "… opened in Astana?" against "di Almaty", "… accredited by the
# European Union?" against "diakreditasi oleh NATO".
_PREPOSITIONS = {"di": "di", "ke": "ke", "dari": "dari|oleh",
                 "in": "di", "at": "di", "to": "ke", "into": "ke", "from": "dari", "by": "oleh"}
_PLACE_NAMES = re.compile(rf"\b(di|ke|dari)\s+({_NAMES})")
_PLACE_NAMES_EN = re.compile(rf"\b(in|at|to|into|from|by)\s+(?:the\s+)?({_NAMES})")
_MONTHS_DAYS_EN = frozenset((*MONTHS_EN, *WEEKDAYS_EN))
_ROMAN = re.compile(r"[ivxlc]+")  # "III" of "Aleksander III" is no name by itself


def _spaced(words: str) -> str:
    """`words` as a pattern that any spacing between them matches."""
    return r"\s+".join(map(re.escape, words.split()))


def _abbreviates(short: str, text: str) -> bool:
    """Whether `short` is written in capitals of two to six letters that begin consecutive words of `text`: "SBY" of
    "Presiden Susilo Bambang Yudhoyono", "PM" of "perdana menteri"."""
    if not re.fullmatch(r"[A-Z]{2,6}", short):
        return False
    initials = "".join(word[0] for word in re.findall(r"[^\W\d_]+", text)).upper()
    return short in initials


def _mention_test(text: str) -> Callable[[str], bool]:
    """Whether `text` mentions a lower-case word: holds it, or a name spelt within `SIMILAR_SPELLING` of it
    ("kazakhstan" is mentioned by "Kazakstan")."""
    words = set(WORD.findall(text.lower()))
    names = {w.lower() for w in NAME_WORD.findall(text)}
    return lambda word: word in words or bool(difflib.get_close_matches(word, names, n=1, cutoff=SIMILAR_SPELLING))


def _other_in_context(question: str, text: str, titles: str = "") -> str | None:
    """Another name in the same words of `text` as a name of `question` that `text` never mentions (nor one spelt
    like it): "Kapan KAZCENT diakreditasi oleh Uni Eropa …?" is not answered by "KAZCENT diakreditasi oleh NATO",
    nor "… kerja sama Kirgistan dengan NATO …?" by "Kerjasama Kazakhstan dengan NATO …", nor "… pangkalan … di
    Armenia …?" by "… pangkalan militer ke-201 di Tajikistan …". A name in the documents' `titles` is mentioned: "di
    Asia Tengah" is where all of an article on Central Asia happens."""
    mentioned = _mention_test(f"{text} {titles}")

    def unmentioned(name: str) -> bool:  # none of its words ("Aleksander III" is mentioned by "Aleksander")
        own = [word for word in WORD.findall(name.lower()) if not _ROMAN.fullmatch(word)]
        if mentions_country_named(text, name):
            return False  # "Kyrgyzstan" is mentioned by "Kirgistan"
        return bool(own) and not any(mentioned(word) for word in own)

    def another(found: str, asked: str) -> str | None:
        parts = found.split()
        first, last = parts[0], parts[-1]
        asked_last = asked.split()[-1]
        if (last.lower() == asked_last.lower() or last in question or _abbreviates(asked_last, found)
                or _abbreviates(last, question)):
            return None  # the same name, or the same name short ("SBY", "PM" for "perdana menteri")
        if last.lower() in _root_words() or is_root_word(first.lower()):
            return None  # a capitalised root word is no name: "di Kantor Gubernur NTT" may well be in Kupang
        return last

    candidates = []
    for match in _BEFORE_NAMES.finditer(question):
        context, asked = match.groups()
        pattern = rf"(?i:\b{_spaced(context)})\s+({_NAMES})"
        candidates += [(asked, m.group(1)) for m in re.finditer(pattern, text)]
    for match in _AFTER_NAME.finditer(question):
        asked, context = match.groups()
        pattern = rf"\b({_NAMES})\s+(?i:{_spaced(context)})(?![\w-])"
        candidates += [(asked, m.group(1)) for m in re.finditer(pattern, text)]
    for match in [*_PLACE_NAMES.finditer(question), *_PLACE_NAMES_EN.finditer(question)]:
        preposition, asked = match.groups()
        if match.re is _PLACE_NAMES_EN and asked.split()[0].lower() in _MONTHS_DAYS_EN:
            continue  # "in January" is no place
        pattern = rf"\b(?:{_PREPOSITIONS[preposition]})\s+({_NAMES})"
        candidates += [(asked, m.group(1)) for m in re.finditer(pattern, text)]
    for asked, found in candidates:
        if unmentioned(asked):
            other = another(found, asked)
            if other is not None:
                return other
    return None


_OF_YEAR = re.compile(r"\b(\w+)\s+(?:pada\s+|in\s+)?(?:tahun|year)\s+((?:1[5-9]|20)\d\d)\b", re.I)  # "Kerinci tahun 2004"
_MONTH_YEAR = re.compile(rf"{MONTH.pattern}\s+((?:1[5-9]|20)\d\d)\b", re.I)
_FULL_DATE = re.compile(rf"\b(\d{{1,2}})\s+{MONTH.pattern}\s+((?:1[5-9]|20)\d\d)\b", re.I)  # "6 Maret 2024"
_NEWS_DATE = re.compile(r"\(?\b\d{1,2}/\d{1,2}/\d{2,4}\b\)?")  # "Jumat (29/11/2024)": when it was reported


def another_day(question: str, sentence: str) -> str | None:
    """The day the answer's best sentence dates when the question names another: "… pada 6 Maret 2024?" is not
    answered by what happened "pada 6 Maret 2023", nor "pada hari Selasa, 12 November 2024". (Its other sentences
    may date what came before: "Siang harinya Presiden akan menyampaikan ceramah …" then "… 12 September 2005".)"""
    said = [(d.group(1), d.group(2).lower(), d.group(3)) for d in _FULL_DATE.finditer(sentence)]
    for day in _FULL_DATE.finditer(question):
        asked = (day.group(1), day.group(2).lower(), day.group(3))
        if said and asked not in said:
            return " ".join(next((d for d in said if d[:2] == asked[:2]), said[0]))
    return None


_NUMBERED_MONTH = re.compile(r"\b\d{1,2}/(\d{1,2})/((?:19|20)\d\d)\b")


def another_month(question: str, sentence: str) -> str | None:
    """The month the answer's best sentence dates when the question names another of the same year ("Berapa inflasi
    tahunan NTB pada April 2024?" is not answered by "Inflasi tahunan NTB pada Maret 2024 (3,41 persen) …")."""
    said = {(MONTH_NUMBERS[m.group(1).lower()], m.group(1).lower(), m.group(2)) for m in _MONTH_YEAR.finditer(sentence)}
    # A news date, "Jumat (16/2/2024)", dates by numbers.
    said |= {(int(m.group(1)) - 1, MONTHS_ID[int(m.group(1)) - 1], m.group(2))
             for m in _NUMBERED_MONTH.finditer(sentence) if 1 <= int(m.group(1)) <= 12}
    named = {MONTH_NUMBERS[m.group(1).lower()] for m in MONTH.finditer(sentence)}
    for month in _MONTH_YEAR.finditer(question):
        asked, year = MONTH_NUMBERS[month.group(1).lower()], month.group(2)
        others = sorted(f"{name} {y}" for n, name, y in said if y == year and n != asked)
        if others and asked not in named:  # "July 2008" is "Juli 2008"
            return others[0]
    return None


# A year an answer compares with: "30,4 persen …, menurun dibandingkan hasil survei tahun 2019" is the figure of the
# year asked about, not of 2019.
_COMPARED_YEAR = re.compile(r"\b(?:dibandingkan|dibanding|ketimbang|daripada)\b[^.;,]{0,40}?\b(?:1[5-9]|20)\d\d\b",
                            re.I)


def year_unanswered(question: str, answer: str) -> str | None:
    """Another year in the answer's sentences than the one the question names, and not that one: "Berapa APBD …
    tahun 2024?" is not answered by "… APBD Tahun Anggaran 2025 sebesar Rp 2,86 triliun …, Jumat (29/11/2024)" (a
    news date says when it was reported, not what year the figure is for)."""
    answer = _COMPARED_YEAR.sub(" ", _NEWS_DATE.sub(" ", answer))
    asked = {year.group(1) for year in _YEAR_NAMED.finditer(question)}
    said = [year.group(0) for year in _ANY_YEAR.finditer(answer)]
    if not asked or not said:
        return None
    if not asked & set(said):
        return said[0]
    # "… tahun 2005?" is not answered by "… kepada Kompas akhir Juli 2005 bahwa jumlah wisatawan … tahun 2004
    # mencapai 350.935 orang": the asked year is only the month it was said in, the figure is another year's.
    asked_words = {word.lower() for word in re.findall(r"\w+", question)} - set(_YEAR_WORDS)
    of_year = {year.group(2) for year in _OF_YEAR.finditer(answer) if year.group(1).lower() in asked_words}
    dated = {year.group(2) for year in _MONTH_YEAR.finditer(answer)}
    if of_year and not asked & of_year and asked & set(said) <= dated:
        return sorted(of_year)[0]
    return None


# "Tanggal berapa …?", "Pada tanggal berapakah …?", "Berapa tanggal …?", "What date …?": a day of a month is asked.
_DAY_ASKED = re.compile(r"\btanggal\s+berapa|\bberapa(?:kah)?\s+tanggal\b|\b(?:what|which)\s+(?:exact\s+)?(?:date|day)\b",
                        re.I)
# A day of a month: "5 Januari", "12/10/2025", "(8/9)", "8/ 9", "20-29 September".
_DAY_SAID = re.compile(rf"{TO_THE_DAY.pattern}|\b\d{{1,2}}\s*/\s*\d{{1,2}}\b|\b\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+{MONTH.pattern}",
                       re.I)


def day_unanswered(question: str, answer: str) -> bool:
    """Whether a question asking for the day ("Tanggal berapa Perpres itu ditandatangani?") is answered without one
    ("… ditargetkan dapat rampung di tahun 2018": a year, and a target at that)."""
    return _DAY_ASKED.search(question) is not None and _DAY_SAID.search(answer) is None


# Titles and ranks before a person's name: the words after one are a name even where they are root words ("Laksamana
# Hang Kadim", "Sultan Agung").
_TITLES = frozenset("laksamana jenderal kolonel letnan kapten sersan brigjen irjen kombes akbp pangeran sultan raja "
                    "ratu datuk tengku teuku haji kiai kyai syekh habib adipati tumenggung patih empu mpu sunan bapak "
                    "tuan nyonya saudara saudari".split())
_NO_NAME_WORDS = frozenset("rp jan feb mar apr jun jul agu agt sep okt nov des kab prov kec desa jl pt tbk cv".split())


# Names of countries, peoples and places that Sastrawi's dictionary holds as root words: capitalised, they are names
# ("ketika Indonesia meluncurkan program …" does not answer "… Malaysia meluncurkan program …?").
_NAMES_IN_DICTIONARY = frozenset("indonesia inggris belanda cina arab melayu yahudi yunani romawi siam batak sasak banjar "
                                 "tatar laos kenya lombok sumba sabah".split())


@lru_cache(maxsize=1)
def _root_words() -> frozenset[str]:
    """Sastrawi's dictionary of Indonesian root words, less the names it holds: a capitalised word outside it is likely
    a name."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(StemmerFactory().get_words_from_file()) - _NAMES_IN_DICTIONARY


def is_root_word(word: str) -> bool:
    """Whether lower-case `word` or its stem is a root word of the dictionary ("kantor", "pegunungan")."""
    return word in _root_words() or stem(word) in _root_words()


# A business's form before its name: "CV Karya Mandiri", "PT Bahtera Lestari" name someone, whatever their words mean.
_BUSINESS_NAME = re.compile(r"\b(?:PT|CV|UD|PD|Koperasi|Yayasan|Toko|Klub|Hotel|Restoran|Rumah Makan)\.?\s+"
                            r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")


def holder_unnamed(question: str, answer: str) -> bool:
    """Whether a who-question about an office's holder ("Siapa Gubernur Sulawesi Selatan?"), or a question for the name
    of a party or a place ("Apa nama kontraktor …?"), is answered by a sentence that names nobody: every capitalised
    word of `answer` is the question's own (a short form counting as its full name), a root word of the dictionary
    ("Pemerintah Provinsi Sulsel menyiapkan dana …"), a month or a weekday."""
    if _OFFICE_ASKED.search(question) is None and _NAME_OF_KIND_ASKED.search(question) is None:
        return False
    asked = set(WORD.findall(with_other_forms(question).lower()))
    if any(set(WORD.findall(business.group(1).lower())) - asked for business in _BUSINESS_NAME.finditer(answer)):
        return False
    office = _OFFICE_ASKED.search(question)
    if office is not None:  # "Fatimah adalah ketua koperasi …": whatever the name means, it is said to hold the office
        said_to_hold = re.compile(rf"\b([A-Z][\w'’-]*)\s+(?:adalah|ialah|merupakan|menjabat\s+sebagai|selaku)\s+"
                                  rf"(?:{_office_spelt(office.group(1))})\b", re.I)
        if any(m.group(1)[0].isupper() and m.group(1).lower() not in _PRONOUNS for m in said_to_hold.finditer(answer)):
            return False
    for apposed in _APPOSED_NAME.finditer(answer):  # ", Ujang Rohmat," names a person, whatever its words mean
        words = {w.lower() for w in apposed.group(1).split()}
        if words - asked and not words & _INSTITUTION_WORDS:
            return False
    for match in NAME_WORD.finditer(answer):
        word = match.group(0)
        lower = word.lower().strip("-")
        parts = lower.split("-")
        title = re.search(r"\b([A-Z][a-z]+)\.?\s+$", answer[:match.start()])
        if title is not None and title.group(1).lower() in _TITLES and lower not in asked:
            return False  # "Laksamana Hang Kadim": whatever its words mean, a name follows a title
        if (lower in asked or lower in _NO_NAME_WORDS or MONTH.fullmatch(lower) or DAY_DATE.fullmatch(lower)
                or all(is_root_word(p) for p in parts if p) or full_name(lower) is not None
                and set(WORD.findall(full_name(lower).lower())) <= asked):
            continue
        return False
    return True


_PRONOUNS = frozenset("ia dia beliau mereka kami kita saya aku anda engkau itu ini yang".split())
# A name set off by commas after an office ("Ketua PPKD Sukamaju, Ujang Rohmat, menyampaikan …"): two to four
# capitalised words, not a body's or a place's.
_APPOSED_NAME = re.compile(r",\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3})\s*,")


# Who got or has what a how-many question counts: "… yang didapat Bambang Sutrisno", "… yang dimiliki oleh PT X".
_GOTTEN_BY = re.compile(r"\byang\s+(?:di|ber)[a-z]+\s+(?:oleh\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")


def counted_owner_unmentioned(question: str, cited: str) -> str | None:
    """The name a how-many question gives what it counts ("Berapa jumlah pasukan *Belarus* …?", "Berapa warga
    *Kabupaten Bima* …?", "Berapa persen suara yang didapat *Bambang Sutrisno* …?") when the cited passages and their
    titles (`cited`) never mention it, not even spelt a little differently: their count is of someone else's ("sekitar
    4.000 pasukan CSTO, termasuk 3.000 dari Rusia").
    Indonesian only: English puts the owner before what it counts ("How many Sustainable Development Goals …?")."""
    owner = _counted_owner(question)
    if owner is None:
        return None
    mentioned = _mention_test(with_other_forms(cited))
    return None if any(mentioned(w) for w in owner[1]) else owner[0]


def _counted_owner(question: str) -> tuple[str, list[str]] | None:
    """The name an Indonesian how-many question gives what it counts, and its own words (lower case; not a kind of
    name such as "kabupaten", unless it is named by who got it)."""
    if question_language(question) != "id":
        return None
    counted = COUNTED.search(question)
    owner = re.match(r"\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", question[counted.end():]) if counted else None
    kinds = _KIND_OF_NAME
    if owner is None and counted is not None:  # "Berapa persen suara yang didapat Bambang Sutrisno …?"
        owner = _GOTTEN_BY.search(question, counted.end())
        kinds = frozenset()  # "yang diberikan Presiden Uzbekistan" is borne out by "Presiden Islam Karimov"
    if owner is None:
        return None
    own = [w for w in WORD.findall(owner.group(1).lower()) if w not in kinds]
    return (owner.group(1), own) if own else None


def count_of_another_body(question: str, sentence: str) -> str | None:
    """A body the answer's first sentence (`sentence`) gives its figure to ("Korporasi Keuangan Pembangunan AS memiliki
    $60 miliar …"), when a how-many question counts what another name has ("Berapa dana yang disediakan Inisiatif
    Sabuk dan Jalan China …?") and the sentence says none of that name's words: the figure is the other body's, though
    the passage names the one asked a sentence later. Returns the body the sentence names."""
    owner = _counted_owner(question)
    body = _ANOTHER_BODY.search(sentence)
    if owner is None or body is None:
        return None
    name = _MULTIWORD_NAME.match(sentence, body.start())
    if name is None or re.search(rf"(?<!\w){_spaced(name.group(0))}(?!\w)", question, re.I):
        return None
    mentioned = _mention_test(with_other_forms(sentence))
    return None if any(mentioned(w) for w in owner[1]) else name.group(0)


# A name's first word that says it is a body ("Bank Dunia", "Organisasi Kerja Sama Shanghai", "Badan Pusat Statistik").
_BODY_KINDS = frozenset("bank badan lembaga organisasi korporasi komisi kementerian dewan yayasan institut universitas "
                        "partai perusahaan asosiasi federasi persatuan perserikatan majelis mahkamah otoritas".split())
# Words of a body's or a place's name, which a name set off by commas is not (`holder_unnamed`).
_INSTITUTION_WORDS = _BODY_KINDS | _KIND_OF_NAME | frozenset(_PLACE_KINDS) | frozenset(
    "dinas pemerintah kantor pusat balai kecamatan desa kelurahan jalan jl rumah sakit".split())


def body_unmentioned(question: str, cited: str) -> str | None:
    """A body the question names ("Berapa dana yang disalurkan Bank Dunia …?") that the cited passages and their
    titles (`cited`) never name: neither its own words, each written capitalised ("Sepuluh Nopember" names "Institut
    Teknologi Sepuluh Nopember"; a passage on a university often drops "Universitas"), nor a short form of it, the
    question's ("Organisasi Kerja Sama Shanghai (SCO)"), the documents' ("BPS") or its initials ("ITS", "UIN"):
    their figure is another body's ("Korporasi Keuangan Pembangunan AS memiliki $60 miliar")."""
    text = with_other_forms(cited)
    capitalised = set(NAME_WORD.findall(text))
    for match in _MULTIWORD_NAME.finditer(question[1:]):
        name = match.group(0)
        words = name.split()
        if words[0].lower() not in _BODY_KINDS:
            continue
        short = re.match(r"\s*\(([A-Z][\w-]{1,9})\)", question[1 + match.end():])
        if short and re.search(rf"(?<!\w){re.escape(short.group(1))}(?!\w)", text):
            continue
        own = [w for w in words[1:] if w.lower() not in _BODY_KINDS]
        if own and all(w in capitalised for w in own) or re.search(rf"(?<!\w){_spaced(name)}(?!\w)", text, re.I):
            continue
        initials = "".join(w[0] for w in words).upper()
        if any(len(c) >= 2 and c.isupper() and c in initials for c in capitalised):
            continue
        return name
    return None


# An English body's last word ("Shanghai Cooperation Organisation", "World Bank"), and the English words of bodies'
# names that Indonesian writes otherwise ("Bank Dunia", "Uni Eropa", "Perjanjian Keamanan Kolektif").
_BODY_KINDS_EN = frozenset("organisation organization union bank fund council agency alliance treaty association "
                           "federation institute university party ministry commission court committee forum community "
                           "corporation company".split())
_BODY_WORDS_EN = {"world": "dunia", "european": "eropa", "asian": "asia", "african": "afrika", "islamic": "islam",
                  "development": "pembangunan", "security": "keamanan", "economic": "ekonomi", "collective": "kolektif",
                  "cooperation": "kerja sama|kerjasama", "monetary": "moneter", "health": "kesehatan", "trade":
                  "perdagangan", "investment": "investasi", "infrastructure": "infrastruktur", "treaty": "perjanjian",
                  "nations": "bangsa", "united": "bersatu|perserikatan", "atomic": "atom", "energy": "energi",
                  "food": "pangan", "finance": "keuangan", "financial": "keuangan", "central": "pusat|sentral|tengah",
                  "agriculture": "pertanian", "labour": "buruh|kerja", "labor": "buruh|kerja"}


# A body an Indonesian answer names: "Korporasi Keuangan Pembangunan AS", "Bank Dunia".
_ANOTHER_BODY = re.compile(rf"\b(?:{'|'.join(k.capitalize() for k in sorted(_BODY_KINDS))})\s+[A-Z]")


def english_body_unmentioned(question: str, cited: str, said: str) -> str | None:
    """A body an English question names ("When did Kazakhstan join the Shanghai Cooperation Organisation?") that the
    cited passages and their titles (`cited`) never name, when the answer (`said`) writes a short form the question
    does not ("… dokumen kerangka program PfP", "NATO") or names a body ("Korporasi Keuangan Pembangunan AS"). Named
    are: all of its own words, written as they are or as Indonesian writes them ("Bank Dunia" for "World Bank", "AS"
    for "US"), its short form in brackets, or its initials ("SCO")."""
    if question_language(question) != "en" or not (_short_forms(said) - _short_forms(question)
                                                     or _ANOTHER_BODY.search(said)):
        return None
    mentioned = _mention_test(with_other_forms(cited))
    written = {word.lower() for word in WORD.findall(cited)}
    for match in _MULTIWORD_NAME.finditer(question[1:]):
        words = match.group(0).split()
        if words[-1].lower() not in _BODY_KINDS_EN:
            continue
        short = re.match(r"\s*\(([A-Z][\w-]{1,9})\)", question[1 + match.end():])
        initials = "".join(w[0] for w in words).lower()
        if initials in written or short and short.group(1).lower() in written:
            continue
        own = [w for w in words[:-1] if w.lower() not in _BODY_KINDS_EN]

        def named(word: str) -> bool:  # as written, in Indonesian words, or a country in either language ("US": "AS")
            forms = _BODY_WORDS_EN.get(word.lower(), "").split("|")
            return (mentioned(word.lower()) or any(form and all(mentioned(t) for t in form.split()) for form in forms)
                    or mentions_country_named(cited, word))

        if own and all(named(w) for w in own):
            continue
        return match.group(0)
    return None


def replaced_in_passages(question: str, cited: str, said: str) -> str | None:
    """A country, a short form or (in English) a body the question names that the cited passages and their titles
    (`cited`) replace by another in the answer (`said`), unless the question asks two things."""
    if asks_two_things(question):
        return None
    return (country_unmentioned(question, cited, said) or short_form_unmentioned(question, cited, said)
            or english_body_unmentioned(question, cited, said))


# "Who heads Indonesia's international aid agency?", "Siapa yang memimpin yayasan itu?": a question for whoever leads a
# body, which a passage answers by naming its head, chair, director or leader in some way.
_LEADER_ASKED = re.compile(r"\b(?:[Ww]ho\s+(?:currently\s+)?(?:heads|headed|leads|led|directs|directed|chairs|chaired|"
                           r"manages|managed)|[Ss]iapa(?:kah)?\s+yang\s+(?:memimpin|mengepalai|mengetuai|"
                           r"menjadi\s+(?:ketua|kepala|pemimpin|direktur)))\b")
_LEADER_SAID = re.compile(r"\b(?:kepala|ketua|pimpinan|pemimpin|dipimpin|memimpin|direktur|diketuai|mengetuai|dikepalai|"
                          r"mengepalai|presiden|sekjen|sekretaris\s+jenderal|gubernur|bupati|wali\s?kota|komandan|"
                          r"panglima|ceo|rektor|raja|ratu|sultan|kaisar|menteri|kapten|pelatih|manajer|head|chair\w*|"
                          r"director|leader|led\s+by)\b", re.I)
# A short form a question uses: two or more capitals ("SCO", "PfP", "KAZCENT"), not one before a name ("DKI Jakarta",
# "PT Pertamina": a title or a prefix).
_SHORT_FORM = re.compile(r"(?<![\w-])([A-Z](?=[a-z]{0,2}[A-Z])[A-Za-z]{1,7})(?![\w-])(?!\s+[A-Z])")
# Capitals that are no body's short form: prefixes ("PT Damri", "PT bus Damri"), honorifics and degrees.
_NO_SHORT_FORMS = frozenset("PT CV UD Tbk SAW SWT HUT KH Hj Drs Dr Ir PhD MSc MBA MA MS SH SE ST SKom SPd".split())
# The short forms of international bodies that the two languages write differently.
_SHORT_FORM_PAIRS = (("UN", "PBB"), ("EU", "UE"), ("GDP", "PDB"), ("NGO", "LSM"), ("OIC", "OKI"), ("UNSC", "DK PBB"),
                     ("SDG", "TPB"), ("SDGs", "TPB"), ("GPA", "IPK"), ("VAT", "PPN"), ("SME", "UKM"), ("SMEs", "UKM"),
                     ("SME", "UMKM"), ("SMEs", "UMKM"), ("MSMEs", "UMKM"), ("FDI", "PMA"), ("GNP", "PNB"), ("HR", "SDM"))


def _short_forms(text: str) -> set[str]:
    """The short forms `text` writes ("CSTO", "PfP"), not a country's ("AS") nor a Roman numeral."""
    found = {m.group(1) for m in _SHORT_FORM.finditer(text)} - _NO_SHORT_FORMS
    return {f for f in found if not _ROMAN.fullmatch(f.lower()) and not countries_named(f)}


def _initials(text: str) -> set[str]:
    """The initials of each run of capitalised words in `text`, lower-cased, with the small words between them left
    out or kept ("Partnership for Peace": "pp" and "pfp"; "Perserikatan Bangsa-Bangsa": "pbb"). A short form may
    stand for part of a run: "SBY" of "Presiden Susilo Bambang Yudhoyono"."""
    found = set()
    for run in re.finditer(r"[A-Z][\w-]*(?:\s+(?:(?:dan|untuk|di|of|for|and|the)\s+)?[A-Z][\w-]*)*", text):
        words = run.group(0).replace("-", " ").split()
        found.add("".join(w[0] for w in words if w[0].isupper()).lower())
        found.add("".join(w[0] for w in words).lower())
    return found


def short_form_unmentioned(question: str, cited: str, said: str) -> str | None:
    """A short form the question uses ("Kapan Kazakhstan bergabung dengan SCO?") that the cited passages and their
    titles (`cited`) never write, nor its full name's initials ("Partnership for Peace" for "PfP"), nor the other
    language's ("PBB" for "UN"), when the answer (`said`) writes another short form instead: it answers about another
    body ("… Perjanjian Keamanan Kolektif (CSTO) …"). Without one, the passages may write it out in words ("hari
    jadi" for "HUT"); one with the same letters is the question's misspelling ("SRPN 6" for "SPRN 6")."""
    own = _short_forms(question)
    if not own or not _short_forms(said) - own:
        return None
    words = {word.lower() for word in WORD.findall(with_other_forms(cited))}
    written = _short_forms(cited)
    initials = None
    for short in own:
        if short.lower() in words or any(sorted(w.lower()) == sorted(short.lower()) for w in written):
            continue
        other = [b for a, b in _SHORT_FORM_PAIRS if a == short] + [a for a, b in _SHORT_FORM_PAIRS if b == short]
        if any(re.search(rf"(?<![\w-]){_spaced(o)}(?![\w-])", cited) for o in other):
            continue
        initials = _initials(cited) if initials is None else initials
        if not any(short.lower() in run for run in initials):
            return short
    return None


def _asked_office(question: str, also_held: bool = False) -> tuple[str, str] | None:
    """The office a who-question asks the holder of, and the pattern documents write it in: an English question's
    ("head coach", "pelatih"), else "Siapa <office> …?" (with `also_held`, also one the question says somebody held or
    acted as), whose chair may be named by a verb ("yang diketuai oleh Dr. Hendra Wijaya")."""
    english = english_office(question)
    if english is not None:
        return english
    asked = _OFFICE_ASKED.search(question)
    if asked is None and also_held:
        asked = _OFFICE_HELD.search(question) or _OFFICE_ACTED.match(question)
    if asked is None:
        return None
    spelt = _office_spelt(asked.group(1))
    return asked.group(1), _HELD_AS_VERB.get(spelt, spelt)


def office_unsaid(question: str, sentence: str) -> bool:
    """Whether a who-question asks for the holder of an office ("Siapa ketua majelis hakim perkara itu?") that
    `sentence` does not name ("… dibacakan oleh ketua majelis hakim Dr. Hendri Irawan" does; "Majelis hakim …
    menjatuhkan vonis kepada Ir. Bambang Sutrisno" names the one sentenced). An English question's office is looked
    for as Indonesian writes it ("head coach": "pelatih")."""
    asked = _asked_office(question)
    return asked is not None and re.search(rf"\b(?:{asked[1]})\b", with_other_forms(sentence), re.I) is None


def office_unmentioned(question: str, passages: list[Passage]) -> str | None:
    """The office a who-question asks the holder of ("Siapa Bupati Lombok Timur?"), or that a question says somebody
    held ("Kapan Rukmini menjabat sebagai Bupati Ciamis?") or did something as ("Kapan Gubernur Sulawesi Utara
    meresmikan …?"), when the cited passages never name that office: a passage on Lombok Timur that names a governor
    and a director-general does not say who the regent is. An English question's office is looked for as Indonesian
    writes it ("Who is NATO's Secretary General?" needs "Sekretaris Jenderal" or "Sekjen", not the "Perwakilan Khusus
    NATO" it would otherwise get)."""
    text = with_other_forms(" ".join(p.text for p in passages))  # "Wawali" names the "Wakil Wali Kota"
    led = _LEADER_ASKED.search(question)
    if led is not None:  # "Who heads …?", "Siapa yang memimpin …?": a leader named as such
        return None if _LEADER_SAID.search(text) else led.group(0)
    asked = _asked_office(question, also_held=True)
    if asked is None:
        return None
    office, spelt = asked
    return None if re.search(rf"\b(?:{spelt})\b", text, re.I) else office


def _office_spelt(office: str) -> str:
    """An office as a pattern that finds it spelt apart or together: "wali kota" or "walikota"."""
    words = " ".join(office.lower().split()).replace("walikota", "wali kota").split()
    return r"\s?".join(re.escape(word) for word in words)


_HELD_AS_VERB = {"ketua": "ketua|diketuai|mengetuai", "kepala": "kepala|dikepalai|mengepalai",
                 "direktur": "direktur|dipimpin|memimpin", "pemimpin": "pemimpin|pimpinan|dipimpin|memimpin",
                 "pimpinan": "pemimpin|pimpinan|dipimpin|memimpin"}


# How a thing, a body or a person begins and ends ("didirikan" / "dibubarkan", "lahir" / "meninggal"), in Indonesian
# and, for the question only, in English.
_STARTS = ("didirikan mendirikan berdiri pendirian dibentuk membentuk terbentuk pembentukan dibuka membuka pembukaan "
           "lahir dilahirkan kelahiran dimulai memulai bermula diluncurkan meluncurkan peluncuran diperkenalkan "
           "memperkenalkan ditemukan menemukan penemuan diciptakan menciptakan dibangun membangun pembangunan dirilis "
           "merilis diterbitkan menerbitkan terbit dibuat membuat dikembangkan diresmikan peresmian debut diangkat dilantik "
           "melantik pelantikan dinobatkan ditetapkan menetapkan penetapan diberlakukan memberlakukan pemberlakuan")
_ENDS = ("dibubarkan membubarkan bubar pembubaran ditutup menutup penutupan tutup dihapus dihapuskan menghapus "
         "menghapuskan penghapusan dimusnahkan musnah dihancurkan menghancurkan hancur kehancuran dihentikan "
         "menghentikan berhenti meninggal wafat mati kematian tewas berakhir mengakhiri usai dilarang melarang "
         "larangan runtuh keruntuhan diruntuhkan pensiun tamat dirobohkan dibongkar ditinggalkan diberhentikan dicopot "
         "dibunuh digulingkan dicabut mencabut pencabutan")
_STARTS_EN = ("founded established born start started begin began launched introduced discovered invented built "
              "released published opened created formed appointed inaugurated crowned")
_ENDS_EN = ("die died dead dissolved disbanded close closed shut abolished banned destroyed demolished end ended "
            "collapsed retired abandoned killed assassinated dismissed overthrown revoked lifted")
_EVENT_WORD = re.compile(r"(?<![\w-])[A-Za-z]+(?:-[A-Za-z]+)*(?![\w-])")  # "laki-laki" is one word
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)$")


def _events(text: str, starts: set[str], ends: set[str]) -> tuple[bool, bool]:
    """Whether `text` tells of a beginning and of an end; a capitalised word inside a sentence is part of a name
    ("Universitas Terbuka") and tells of neither."""
    began = ended = False
    for word in _EVENT_WORD.finditer(text):
        w = word.group(0)
        if w[0].isupper() and not _SENTENCE_START.search(text[:word.start()]):
            continue
        began |= w.lower() in starts
        ended |= w.lower() in ends
    return began, ended


_START_WORDS, _END_WORDS = set(_STARTS.split()), set(_ENDS.split())
_QUESTION_STARTS, _QUESTION_ENDS = _START_WORDS | set(_STARTS_EN.split()), _END_WORDS | set(_ENDS_EN.split())
# Opposites, each "Indonesian word / its opposite / the same two in English" (the English only in the question).
_OPPOSITE_WORDS = (
    "pertama/terakhir/first/last", "terbesar terbanyak/terkecil tersedikit/largest biggest/smallest fewest", "terbaik/terburuk/best/worst",
    "tertinggi/terendah/highest tallest/lowest", "terpanjang/terpendek/longest/shortest", "tertua/termuda/oldest/youngest",
    "terkaya/termiskin/richest/poorest", "tercepat/terlambat/fastest/slowest", "terluas/tersempit/widest/narrowest",
    "terdekat/terjauh/nearest closest/farthest furthest", "terberat/teringan/heaviest/lightest",
    "menguntungkan/merugikan/beneficial/harmful", "tebal/tipis/thick/thin", "positif/negatif/positive/negative",
    "internal/eksternal/internal/external", "interpersonal/intrapersonal/interpersonal/intrapersonal",
    "maksimum maksimal/minimum minimal/maximum/minimum", "mayoritas/minoritas/majority/minority",
    "legal/ilegal/legal/illegal", "formal/informal/formal/informal",
    "aktif/pasif/active/passive", "impor/ekspor/import imports/export exports",
    "tiba mendarat memanggil dipanggil dikerahkan mengerahkan pengerahan/meninggalkan ditarik hengkang/"
    "arrive arrived arriving arrival land landed landing/leave leaving left withdraw withdrew withdrawn withdrawal "
    "depart departed departure",
    "permanen/sementara/permanent/temporary",
    "hilang/meninggal tewas/missing/died dead killed",  # the missing are not the dead ("Berapa warga yang hilang?")
    "pria laki-laki lelaki/wanita perempuan/male men man boys/female women woman girls",
    "naik meningkat kenaikan peningkatan/turun menurun penurunan anjlok merosot/"
    "increase increased rise rose grew growth/decrease decreased decline declined fall fell drop dropped",
)
_OPPOSITES = [(_START_WORDS, _END_WORDS, _QUESTION_STARTS, _QUESTION_ENDS)] + [
    (set(one.split()), set(other.split()), set(f"{one} {one_en}".split()), set(f"{other} {other_en}".split()))
    for one, other, one_en, other_en in (entry.split("/") for entry in _OPPOSITE_WORDS)]


def event_mismatch(question: str, answer: str) -> bool:
    """Whether the question asks about one of two opposites and the answer tells only of the other: an end and a
    beginning ("Kapan PDI dibubarkan?" is not answered by "PDI didirikan pada tanggal 10 Januari 1973", nor "Kapan Bob
    Dylan meninggal?" by the date he was born), the last and the first ("Kapan komputer terakhir diciptakan?"), the
    smallest and the largest ("Apakah jenis hiu terkecil di dunia?"), harmful and beneficial, …"""
    for ones, others, asked_ones, asked_others in _OPPOSITES:
        asks_one, asks_other = _events(question, asked_ones, asked_others)
        if asks_one != asks_other:
            tells_one, tells_other = _events(answer, ones, others)
            if (tells_one and not tells_other) if asks_other else (tells_other and not tells_one):
                return True
    return False


# A question that takes for granted that something was done ("… yang akhirnya dibentuk pemerintah?", "… finally set
# up?"), and an answer that tells only of a plan for it ("Badan khusus ini kelak diarahkan …", "Indonesia tengah
# bersiap diri untuk memiliki badan …").
_DONE_ASKED = re.compile(r"\b(?:akhirnya|finally|eventually|sudah|telah|already|resmi|officially)\b", re.I)
_PLANNED = re.compile(r"\b(?:akan|kelak|rencana(?:nya)?|berencana|direncanakan|merencanakan|bersiap|persiapan"
                      r"|mempersiapkan|dipersiapkan|wacana|diwacanakan|usulan|diusulkan|mengusulkan|digodok"
                      r"|ditargetkan|menargetkan|dirancang|rancangan|(?-i:tengah|sedang)\s+(?:di|me|ber)\w+)\b", re.I)
_DONE_SAID = re.compile(r"\b(?:telah|sudah|resmi|diresmikan|pernah|berhasil|akhirnya|sejak)\b", re.I)


def plan_for_done(question: str, answer: str) -> bool:
    """Whether the question takes for granted that something was done and the answer tells only of a plan for it:
    "Apa nama badan khusus … yang akhirnya dibentuk pemerintah?" is not answered by "Badan khusus ini kelak diarahkan
    …" (the documents name no such body: it is still being prepared)."""
    return bool(_DONE_ASKED.search(question)) and not _PLANNED.search(question) and tells_only_of_a_plan(answer)


def tells_only_of_a_plan(answer: str) -> bool:
    """Whether `answer` tells of a plan ("Indonesia tengah bersiap diri untuk memiliki badan …") and of nothing done."""
    return bool(_PLANNED.search(answer)) and not _DONE_SAID.search(answer)


# A kin a who-question asks for, and the words an answer naming that kin uses ("Siapa ibu Baudouin I?" is answered
# by "Baudouin adalah putra Eustace II … dan Ide dari Lorraine"; "Siapa istri …?" by "dari orangtua … dan …").
_PARENT = "putra putri anak putranya putrinya orangtua"
_SPOUSE = "menikah menikahi dinikahi pernikahan pasangan orangtua"
_KIN_WORDS = {
    "ibu": f"ibu ibunya ibunda {_PARENT}", "ayah": f"ayah ayahnya ayahanda bapak {_PARENT}",
    "orang tua": f"orang tua ibu ayah {_PARENT}", "orangtua": f"orang tua ibu ayah {_PARENT}",
    "istri": f"istri istrinya isteri permaisuri {_SPOUSE}", "suami": f"suami suaminya {_SPOUSE}",
    "anak": "anak anaknya putra putri putranya putrinya dikaruniai", "kakak": "kakak kakaknya saudara",
    "adik": "adik adiknya saudara", "cucu": "cucu cucunya", "kakek": "kakek kakeknya", "nenek": "nenek neneknya",
}
_KIN_EN = {"mother": "ibu", "father": "ayah", "parents": "orang tua", "wife": "istri", "husband": "suami",
           "son": "anak", "daughter": "anak", "child": "anak", "children": "anak", "grandchild": "cucu",
           "grandfather": "kakek", "grandmother": "nenek"}
_ORDINALS = ("kedua ketiga keempat kelima keenam ketujuh kedelapan kesembilan kesepuluh").split()
_ORDINALS_EN = dict(zip("second third fourth fifth sixth seventh eighth ninth tenth".split(), _ORDINALS))
_TIME_NOUNS = frozenset("hari minggu pekan bulan tahun jam malam abad dekade".split())


# "Kapan kedua tersangka ditangkap?", "… di ketiga negara itu": both, all three, not the second or the third.
_COLLECTIVE = re.compile(r"(?:^|\b(?:kapan|siapa|apa|mengapa|kenapa|bagaimana|berapa|di|ke|dari|oleh|untuk|bagi|antara|"
                         r"dengan|dan|apakah|mana)\s+)(?:ke(?:dua|tiga|empat|lima))\s+(?=[a-z]{3,})(?!kali|dari|di\b|yang)")
_RUNNER_UP = re.compile(r"\b(?:disusul|diikuti|menyusul|followed by)\b")


def _says_ordinal(ordinal: str, asked: str, said: str) -> bool:
    """Whether `said` holds `ordinal`, not as a time's ("hari ketiga" does not say who finished third) unless the
    question asks about that time too."""
    for match in re.finditer(rf"(?:\b(\w+)\s+)?\b{ordinal}\b", said):
        noun = match.group(1)
        if noun in _TIME_NOUNS and not re.search(rf"\b{noun}\s+{ordinal}\b", asked):
            continue
        return True
    return False


_ALL_ORDINALS = ("pertama", *_ORDINALS)


@lru_cache(maxsize=256)
def _asked_ordinal(question: str) -> tuple[str, str] | None:
    """The one ordinal a question asks for, in Indonesian, and the question in lower case with "kedua tersangka"
    (both) left out; none for "pertama kali" (the first time something happened, not the first item). Read once per
    question: every candidate sentence is scored against it."""
    asked = _COLLECTIVE.sub(" ", question.lower())  # "kedua tersangka" are both
    wanted = {_ORDINALS_EN.get(w, "pertama" if w == "first" else w) for w in re.findall(r"\b[a-z]+\b", asked)}
    wanted &= set(_ALL_ORDINALS)
    if len(wanted) != 1:
        return None
    ordinal = wanted.pop()
    if ordinal == "pertama" and re.search(r"\bpertama\s+kal", asked):
        return None
    return ordinal, asked


def another_ordinal(question: str, sentence: str) -> bool:
    """Whether the question asks for an ordinal ("tahap pertama", "peringkat kedua", "the third debate") and
    `sentence` says another ("2. Tahap kedua (September 2025): …") but not the one asked: the neighbouring item. Not
    a time's ordinal ("hari ketiga")."""
    asked = _asked_ordinal(question)
    if asked is None:
        return False
    ordinal, asked = asked
    said = sentence.lower()
    number = str(_ALL_ORDINALS.index(ordinal) + 1)
    if _says_ordinal(ordinal, asked, said) or re.search(rf"(?<!abad )\bke-?\s?{number}\b", said):
        return False
    return (any(_says_ordinal(other, asked, said) for other in _ALL_ORDINALS if other != ordinal)
            or any(n != number for n in re.findall(r"(?<!abad )\bke-?\s?(\d{1,3})\b", said)))  # "peringkat ke-4"


def ordinal_of_another(question: str, cited: str) -> str | None:
    """The ordinal a question gives a thing ("debat pertama", "tahap ketiga") when the cited passages and their titles
    (`cited`) give that thing only another ("Debat Kedua Pilkada Kudus: …"): who hosted the second debate does not
    say who hosted the first. Returns the thing with its ordinal as asked."""
    asked = _COLLECTIVE.sub(" ", question.lower())
    said = cited.lower()
    for match in re.finditer(rf"\b([a-z]{{3,}})\s+({'|'.join(_ALL_ORDINALS)}|ke-?\s?\d{{1,2}}|first|second|third)\b",
                             asked):
        noun, ordinal = match.groups()
        ordinal = {"first": "pertama", "second": "kedua", "third": "ketiga"}.get(ordinal, ordinal)
        if noun in _TIME_NOUNS or noun in ("yang", "the", "kali", "untuk", "dan"):
            continue
        number = int(ordinal[2:].strip("- ")) if ordinal.startswith("ke") and ordinal[-1].isdigit() else (
            _ALL_ORDINALS.index(ordinal) + 1)
        # the same thing with the same ordinal, in words or in figures ("juara 1", "debat ke-2", "debat perdana")
        forms = [rf"(?:ke-?\s?)?{number}"] + ([_ALL_ORDINALS[number - 1]] if number <= len(_ALL_ORDINALS) else [])
        forms += ["perdana"] if number == 1 else []
        if re.search(rf"\b{noun}\s+(?:{'|'.join(forms)})\b", said):
            continue
        if re.search(rf"\b{noun}\s+(?:{'|'.join(_ALL_ORDINALS)}|ke-?\s?\d{{1,2}}|perdana)\b", said):
            return match.group(0)
    return None


def relation_unanswered(question: str, answer: str) -> str | None:
    """The kin a who-question asks for ("Siapa istri …?", "Who was his mother?"), or the ordinal any question asks
    for ("raja kedua", "Puteri Indonesia ke-18"), when the answer never says it: "Siapa raja kedua Dinasti Candra?" is
    not answered by a sentence on the dynasty's founder. A century ("abad ke-16") may be answered by a year."""
    asked, said = question.lower(), answer.lower()
    if expected_type(question) == "name":
        for word in re.findall(r"\b[a-z]+(?:\s+tua)?\b", asked):
            kin = _KIN_EN.get(word, word)
            if kin in _KIN_WORDS and not re.search(rf"\b(?:{'|'.join(_KIN_WORDS[kin].split())})\b", said):
                return kin
    for word in re.findall(r"\b[a-z]+\b", _COLLECTIVE.sub(" ", asked)):
        ordinal = _ORDINALS_EN.get(word, word)
        if ordinal in _ORDINALS and not _says_ordinal(ordinal, asked, said):
            if ordinal == "kedua" and re.search(r"\b(?:ter[a-z]{3,}|paling \w+)\s+kedua\b", asked) and _RUNNER_UP.search(said):
                continue  # "terbanyak kedua" is answered by "… terbanyak, yaitu 356 kasus, disusul Kecamatan Sukun …"
            return ordinal
    for number in re.findall(r"(?<!abad )\bke-?\s?(\d{1,3})\b", asked):
        if not re.search(rf"\b{number}\b", said):
            return f"ke-{number}"
    return None


# What a question's "terakhir" ("the last", "the latest") is answered with. Not asked: "pendidikan terakhir" (one's
# highest degree, which an answer names without the word) and a span of time ("dua puluh tahun terakhir").
_LAST_SAID = re.compile(r"akhir|\b(?:kini|sekarang|saat ini|terbaru|terkini|sejak)\b")
_LAST_NOT_ASKED = re.compile(r"\bpendidikan\s+(?:\w+\s+)?terakhir\b|\b(?:hari|minggu|pekan|bulan|tahun|dekade|abad|"
                             r"periode)\s+terakhir\b")
_SUPERLATIVE_SAID = frozenset("paling utama mayoritas teratas".split())
# Adjectives whose superlatives answer one another: "paling besar" is answered by "tertinggi" or "terbanyak".
def _superlative_of(root: str) -> str:
    """The *ter-* superlative of an adjective: "terbesar", and "terendah" (not "terrendah") for "rendah"."""
    return f"te{root}" if root.startswith("r") else f"ter{root}"


_SAME_WAY = (frozenset("besar tinggi banyak luas panjang berat".split()),
             frozenset("kecil rendah sedikit sempit pendek ringan".split()))
# A religion frames a question ("Apa tugas malaikat Israfil menurut Islam?", "Apa itu dewa dalam kepercayaan
# Hindu?") more than it names a source or a part of what is asked: passages on its figures and terms take it for
# granted. Stemmed, as `tokenize` gives them.
_BELIEF_WORDS = frozenset("agama ajar percaya islam kristen katolik protestan hindu buddha budha konghucu yahudi"
                          .split())
# Words of a "menurut …" that name no source: the documents themselves ("menurut artikel tentang globalisasi"), their
# writer ("menurut penulis", "menurut laporan ini") and a religion; stemmed, as `tokenize` gives them.
_NO_SOURCE = _BELIEF_WORDS | frozenset("artikel dokumen berita tulis arang teks naskah sumber lapor kaji esai opini tentang "
                                       "mengenai teliti studi riset survei".split())
# The same in English ("according to the op-ed", "according to the author"), as `tokenize` gives them.
_NO_SOURCE_EN = frozenset("the a an this that article op ed piece report story essay column editorial document text "
                          "author writer interview transcript announcement press release statement".split())
_ACCORDING_TO_EN = re.compile(r"\baccording to\s+([^,.?!;:]+?)\s*(?=[,.?!;:]|$)", re.I)
_ASKING = re.compile(r"\b(?:siapa|kapan|berapa|di\s?mana|mengapa|kenapa|bagaimana|apa)(?:kah)?\b")
# "menurut X" up to a comma, a question word or the end: the source the question asks the answer to come from.
_ACCORDING_TO = re.compile(r"\bmenurut\s+([^,.?!;:]+?)\s*(?=[,.?!;:]|\b(?:kapan|berapa|siapa|apa|apakah|di mana|dimana|"
                           r"mengapa|bagaimana)\b|$)", re.I)


def qualifier_unanswered(question: str, answer: str, cited: str, vocabulary: Container[str] = frozenset()
                         ) -> str | None:
    """A qualifier of an Indonesian question that neither the answer nor its passages (`cited`: their text and their
    documents' titles) bear out: "menurut Wikipedia" when the passages never name the source (at least half of its
    terms, `_NO_SOURCE` aside); "yang paling populer" when the answer says nothing is the most ("paling", "terpopuler",
    "utama") and the passages do not say "paling populer" either; "raja terakhir" when the answer never tells of an
    end or of the present ("Abdullah I menjadi Emir …" does not say who was last). A question that asks two things is
    only checked for its source: which part the others qualify, the answer may not be about. An answer that names its
    own source ("Menurut Sekretaris Dinas, …") must name the one asked. An English question is
    checked for its source alone ("according to BMKG"), by the terms the index knows (`vocabulary`, stemmed tokens):
    an English word ("the Mayor") is not what an Indonesian passage writes."""
    if question_language(question) != "id":
        for source in _ACCORDING_TO_EN.finditer(question):
            if not _english_source_named(source.group(1), cited, vocabulary):
                return source.group(0).strip()
        return _english_qualifier_unanswered(question, answer, cited)
    asked, said, passages = question.lower(), answer.lower(), cited.lower()
    for source in _ACCORDING_TO.finditer(question):
        terms = set(tokenize(source.group(1))) - _NO_SOURCE
        if terms and not _names_half(terms, cited):
            return source.group(0).strip()
        # The answer says whom it is according to, and that is someone else: "Menurut Wali Kota Palembang, …?" is not
        # answered by "Menurut Sekretaris Dinas Pendidikan, …"; "Menurut dia, …" names nobody.
        for theirs in _ACCORDING_TO.finditer(answer):
            if terms and tokenize(theirs.group(1)) and not _names_half(terms, theirs.group(1)):
                return source.group(0).strip()
    if len(_ASKING.findall(asked)) > 1:
        return None  # "Berapa pasukan …, dan siapa yang menyebutnya mitra paling aktif?": which part does it qualify?
    for most in re.finditer(r"\bpaling\s+([a-z]+)", asked):
        word = most.group(1)
        root = word[3:] if word.startswith("ter") else stem(word)
        alike = next((way for way in _SAME_WAY if root in way), {root})
        superlatives = {_superlative_of(w) for w in alike}
        if not (set(re.findall(r"[a-z]+", said)) & (_SUPERLATIVE_SAID | superlatives)
                or re.search(rf"\b(?:paling\s+{word}|{'|'.join(sorted(superlatives))})\b", passages)):
            return most.group(0)
    if re.search(r"\bterakhir\b", _LAST_NOT_ASKED.sub(" ", asked)) and not _LAST_SAID.search(said):
        return "terakhir"
    return None


# An English question's superlative ("the most active partner", "the largest city") and "last" ("the last king",
# "the latest report"), not a span of time ("over the last two decades") nor "most of" / "at most".
_MOST_ASKED_EN = re.compile(r"\b(?<!at )(?:most|least)\s+(?!of\b|likely\b|often\b|recently\b)[a-z]+|\b(?:"
                            + "|".join(w for entry in _OPPOSITE_WORDS for half in entry.split("/")[2:]
                                       for w in half.split() if w.endswith("est") or w in ("best", "worst"))
                            + r")\b", re.I)
_LAST_ASKED_EN = re.compile(r"\b(?:last|latest|final(?!\s+(?:at|of|in|on|against|match|round|was|is)\b))\b"
                            r"(?!\s+(?:(?:\w+\s+)?(?:years?|decades?|months?|weeks?|days?|"
                            r"centur(?:y|ies)|hours?|time)\b))"
                            # the verb: "How long did the emergency status last, and …?"
                            r"(?!\s*(?:[?,.;!]|$|(?:and|for|until|between|from|longer)\b))", re.I)
_ASKING_EN = re.compile(r"\b(?:who|when|how many|how much|where|why|which|what)\b", re.I)
_ASKING_ANY = re.compile(r"\b(?:siapa|kapan|berapa|mana|mengapa|kenapa|bagaimana|apa)(?:kah)?\b")


def asks_two_things(question: str) -> bool:
    """Whether a question asks two things ("Berapa pasukan …, dan siapa …?", "Kota mana … dan sekaligus lokasi
    …?"), which an answer from one passage may well answer in part."""
    if question_language(question) != "id":
        return len(_ASKING_EN.findall(question)) > 1
    asked = question.lower()
    return len(_ASKING_ANY.findall(asked)) > 1 or "sekaligus" in asked


# The Indonesian superlatives an answer to them may use ("terbesar", "paling aktif", "utama").
_SUPERLATIVES_ID = (
    frozenset(w for entry in _OPPOSITE_WORDS for half in entry.split("/")[:2] for w in half.split()
              if w.startswith("ter") and w != "terakhir")
    | frozenset(_superlative_of(w) for way in _SAME_WAY for w in way)
    | frozenset("terpopuler terpenting terkuat terlama terpadat terkenal terdepan terbaru".split()))


_NAMED_YEAR = re.compile(r"((?:[A-Z][\w-]*\s+){1,4})((?:1[5-9]|20)\d\d)\b")  # "Pilkada Kabupaten Banjarsari 2024"


@lru_cache(maxsize=256)  # asked for each candidate sentence of a question
def _dated_words(question: str) -> tuple[tuple[re.Pattern, str], ...]:
    """For each word of a name the question dates ("Pilkada Kabupaten Banjarsari 2024"): the word followed by a year,
    as a pattern, and the year asked."""
    return tuple((re.compile(rf"\b{re.escape(word)}\s+((?:1[5-9]|20)\d\d)\b"), named.group(2))
                 for named in _NAMED_YEAR.finditer(question)
                 for word in named.group(1).split()[int(named.start() == 0):])  # the first word: capitalised anyway


def another_year_of_the_name(question: str, sentence: str) -> bool:
    """Whether `sentence` gives a word of a name the question dates ("Pilkada Kabupaten Banjarsari 2024") another
    year ("… setelah memenangi Pilkada 2020"): it tells of another year's event."""
    for word_and_year, asked in _dated_words(question):
        years = {m.group(1) for m in word_and_year.finditer(sentence)
                 if not _COMPARED.search(sentence[max(0, m.start() - 30):m.start()])}
        if years and asked not in years:  # a table's "Q1 2025 | Q1 2024" has the year asked too
            return True
    return False


# "… 71,7 persen, turun dibandingkan Pilkada 2020 …": another year's event named to compare, not told of.
_COMPARED = re.compile(r"\b(?:dibandingkan|dibanding|daripada|ketimbang|sejak|than|compared|since)\b(?:\s+\w+){0,2}\s*$",
                       re.I)


def superlatives(text: str) -> set[str]:
    """The Indonesian superlatives `text` uses: "terbesar", "tertinggi", "paling parah" (as "paling parah")."""
    lower = text.lower()
    return ({w for w in re.findall(r"\bter[a-z]+", lower) if w in _SUPERLATIVES_ID}
            | {" ".join(m.split()) for m in re.findall(r"\bpaling\s+[a-z]+", lower)})


def _english_qualifier_unanswered(question: str, answer: str, cited: str) -> str | None:
    """An English question's superlative or "last" that the Indonesian answer never bears out: "the most active
    partner" needs "paling", "utama" or a superlative ("terbesar") in the answer or its passages; "the last king" an
    end or the present in the answer ("akhir", "kini", "sejak")."""
    if asks_two_things(question):
        return None  # a question that asks two things: which part does the qualifier belong to?
    said = set(re.findall(r"[a-z]+", answer.lower()))
    most = _MOST_ASKED_EN.search(question)
    if most is not None and not (said & (_SUPERLATIVE_SAID | _SUPERLATIVES_ID)
                                 or set(re.findall(r"[a-z]+", cited.lower())) & {"paling", *_SUPERLATIVES_ID}):
        return most.group(0)
    last = _LAST_ASKED_EN.search(question)
    if last is not None and not _LAST_SAID.search(answer.lower()):
        return last.group(0)
    return None


# English function words, which an Indonesian index may hold ("in", "on" of an English title) but name no source.
_FUNCTION_WORDS_EN = frozenset("in on of for about by with at from to and or".split())


def _english_source_named(source: str, cited: str, vocabulary: Container[str]) -> bool:
    """Whether the cited passages and their titles (`cited`) bear out an English question's source ("the article on
    humanitarian cooperation in Central Asia"): at least half of its words that an Indonesian text may hold, each as
    the index knows it or in the Indonesian a body's name gives it ("cooperation": "kerja sama", "central": "tengah";
    "Keadaan dan Prospek Kerja Sama Negara-Negara Asia Tengah …")."""
    said = set(tokenize(with_other_forms(cited)))
    found = []
    for word in re.findall(r"[a-z]+", source.lower()):
        known = {t for t in tokenize(word) if t in vocabulary}  # "bmkg", not the words of its full name too
        if word in _NO_SOURCE_EN | _FUNCTION_WORDS_EN or not (known or word in _BODY_WORDS_EN):
            continue
        found.append(bool(known & said) or word in _BODY_WORDS_EN
                     and re.search(rf"\b(?:{_BODY_WORDS_EN[word]})\b", cited, re.I) is not None)
    return not found or sum(found) * 2 >= len(found)


def _names_half(terms: set[str], text: str) -> bool:
    """Whether `text` holds at least half of a source's `terms` (stemmed tokens), a short form counting as its full
    name ("BPS" for "Badan Pusat Statistik")."""
    return len(terms & set(tokenize(with_other_forms(text)))) * 2 >= len(terms)


# Words of a definition question's term that name no part of it: "definisi sederhana dari …", "kitab Bhagawadgita".
_NOT_OF_TERM = re.compile(r"^(?:(?:sederhana|singkat|umum|lengkap|resmi|sebenarnya)\s+(?:dari\s+)?)?"
                          r"(?:(?:kitab|istilah|kata|sebutan)\s+)?", re.I)


def definition_unanswered(question: str, answer: str) -> str | None:
    """A word of the term a definition question asks about that the answer never uses, not even spelt a little
    differently: "Apa yang dimaksud dengan radang yang akut?" is not answered by "Radang adalah respon …", nor
    "Apa itu hipertropi otot pada bagian wajah?" by "Hipertrofi otot adalah …" (while "Apa itu hipertropi otot?" is).
    A religion that frames the term (`_BELIEF_WORDS`) need not be named. Indonesian questions only."""
    asked = DEFINITION_ASKED.search(question)
    if asked is None or question_language(question) != "id":  # an English term is answered in Indonesian words
        return None
    said = set(tokenize(answer)) | set(WORD.findall(answer.lower()))
    for term in tokenize(_NOT_OF_TERM.sub("", asked.group("term"))):
        if term in said or term in _BELIEF_WORDS:
            continue
        if not difflib.get_close_matches(term, said, n=1, cutoff=DEFINITION_SPELLING):
            return term
    return None


_NEGATING = ("non-", "non")  # not "anti-": "anti-terorisme" is about fighting terrorism
# Words that negate, in an answer and in a question ("Siapa yang tidak hadir?"); a question's "selain" / "kecuali"
# ("besides") is no negation: "Selain AS, siapa yang …?" is answered by "Uni Eropa dan AS …".
_NEGATION_WORDS = frozenset("tidak tak tiada bukan belum tanpa jangan gagal batal enggan menolak".split())
_NEGATION_WORDS_EN = frozenset("not never without".split())
# Words a negation stands before without negating what a question asks about: "… bukan yang terbanyak" negates the most
# cases, not the "yang" of "Kecamatan mana yang memiliki …?".
_NOT_NEGATED = frozenset("yang dari pada untuk dengan atau itu ini saja hanya".split())
# A negation and the word after it ("bukan sekadar"), which a question may quote from a title.
_NEGATION_AND_NEXT = re.compile(
    rf"\b(?:{'|'.join(sorted(_NEGATION_WORDS | _NEGATION_WORDS_EN, key=len, reverse=True))})\s+[\w-]+", re.I)
# Stems of words that say "not" in an answer: "berhalangan hadir", "membatalkan", "ditolak", "absen", "mangkir",
# "dilarang memungut" (for "Mengapa komite tidak menarik iuran …?").
_NEGATING_STEMS = frozenset("gagal batal tolak halang absen mangkir urung enggan larang".split())


_YES_NO = re.compile(r"\W*(?:apakah|adakah|benarkah|bisakah|dapatkah|sudahkah|pernahkah|is|are|was|were|does|do|did|can|"
                     r"has|have)\s+(?!nama\b|yang\b|itu\b|arti\b|pengertian\b|definisi\b|maksud\b)", re.I)
# The words between a negation and what it negates: "tidak akan merebut", "belum pernah menandatangani".
_AUXILIARIES = "bisa|dapat|akan|pernah|mau|boleh|perlu|harus|sedang|sempat"
_NEGATED_WORD = re.compile(rf"\b(?:tidak|tak|belum|bukan)\s+(?:(?:{_AUXILIARIES}|lagi)\s+)?([a-z]+)")


# "Berapa banyak …?", "Seberapa lama …?": the question's way of asking, not what it asks about ("Tidak banyak masyarakat
# yang mengetahui bahwa … 780 program KSS" answers "… berapa banyak program KSS …?").
_HOW_MUCH = re.compile(r"\b(?:se)?berapa(?:kah)?\s+(?:banyak|lama|jauh|besar|tinggi|luas|sering|dekat)\b")


def negation_mismatch(question: str, answer: str, titles: str = "") -> str | None:
    """A word the question negates that the answer uses without the negation, or the other way round: "kalimat
    non-majemuk" is not defined by "Kalimat majemuk adalah …"; and a question's negation when the answer negates
    nothing: "Siapa yang bukan istri Abimanyu?" is not answered by "Abimanyu menikah dengan Utari"; and an answer that
    negates a word of a question that negates nothing: "… Mars dapat dihuni …?" is not answered by "Mars tidak dapat
    dihuni" (a yes-no question may be). A negation the question quotes from a cited document's title (`titles`) names
    that document: "Siapa penulis opini … yang bukan sekadar seremoni?" of "Menanam Mangrove Bukan Sekadar Seremoni"."""
    if titles:
        question = _quoted_negations(question, titles)
    asked = set(re.findall(r"[a-z]+(?:-[a-z]+)?", question.lower()))
    said = set(re.findall(r"[a-z]+(?:-[a-z]+)?", answer.lower()))
    # What the question asks for is said before a second "yang": "… yang menjelaskan soal kemiskinan yang belum capai
    # target?" asks who explained, and a why-question's negation is what the reason explains ("Mengapa opsi LRT tidak
    # dipilih?" is answered by the reason, "biayanya Rp 14,2 triliun").
    clauses = re.split(r"\byang\b", question.lower())
    head = set(re.findall(r"[a-z]+(?:-[a-z]+)?", "yang".join(clauses[:2])))
    negation = sorted(head & (_NEGATION_WORDS | _NEGATION_WORDS_EN))
    if not negation and re.search(r"n['’]t\b", question.lower()):
        negation = ["not"]  # "didn't", "isn’t"
    negates = (said & _NEGATION_WORDS or any(w.startswith("non") and w[3:6] != "ton" for w in said)
               or any(stem(w) in _NEGATING_STEMS for w in said if "-" not in w))
    kind = expected_type(question)
    if (negation and kind in ("reason", "purpose") and question_language(question) == "id"
            and not _YES_NO.match(question) and matches_type(answer, kind, question)):
        # A reason need not say "tidak" again ("Kenapa target … tidak tercapai?": "Penyebab utamanya adalah …"), but
        # one that says the negated word without a negation denies the premise ("Kenapa Hamzah tidak dijuluki singa
        # Allah?": "Hamzah memiliki julukan Singa Allah karena …").
        denied = {stem(m.group(1)) for m in _NEGATED_WORD.finditer(question.lower())} & set(tokenize(answer))
        return negation[0] if denied and not negates else None
    if asked & _NEGATION_WORDS and not negation:
        return None  # "… pesan-pesan yang disampaikan secara tidak langsung?": negated where nothing is asked
    if negation:  # "Apa yang bukan format digital?" may be answered by "Format nondigital …"
        return None if negates else negation[0]
    # The answer negates what the question asks about: "Mengapa Mahinda bisa melaksanakan kewajiban …?" is not answered
    # by "Sehingga mereka tidak bisa melaksanakan kewajiban …", unless the answer also says it without the negation.
    # A yes-no question ("Apakah Kazakhstan memungut pajak karbon?") is answered by a negation too.
    text = answer.lower()
    negated = [] if _YES_NO.match(question) else list(_NEGATED_WORD.finditer(text))
    about = set(re.findall(r"[a-z]+(?:-[a-z]+)?", _HOW_MUCH.sub(" ", question.lower())))  # "banyak" of "berapa banyak"
    for match in negated:
        word = match.group(1)
        if (len(word) >= 4 and word in about and word not in _NOT_NEGATED
                and len(re.findall(rf"\b{word}\b", text)) == sum(other.group(1) == word for other in negated)):
            return match.group(0)
    for word in asked - said:
        for prefix in _NEGATING:
            bare = word[len(prefix):] if word.startswith(prefix) else None
            if bare and len(bare) >= 5 and bare in said or len(word) >= 5 and prefix + word in said:
                return word
    return None


def _quoted_negations(question: str, titles: str) -> str:
    """`question` less each negation and the word after it that `titles` also write ("bukan sekadar")."""
    def unless_quoted(match: re.Match) -> str:
        quoted = re.search(rf"\b{re.escape(match.group(0))}\b", titles, re.I) is not None
        return " " if quoted else match.group(0)

    return _NEGATION_AND_NEXT.sub(unless_quoted, question)


# Who a question says said something: "Apa kata Tokayev …?", "Why did Vladimir Putin say …?", "Who did Guterres
# say …". The name runs over capitalised words, and "bin" / "van" / "de" within it. "Menurut X" and "according to X"
# are `qualifier_unanswered`'s.
_SPEAKER = r"([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|bin|binti|van|von|de|da|al-\w+))*)"
_SPEAKER_ASKED = (
    re.compile(rf"(?:\b[Aa]pa\s+kata|^[Kk]ata|\b[Uu]jar|\b[Tt]utur|\b[Uu]capan|\b[Pp]ernyataan|\b[Kk]utipan|\b[Kk]omentar"
               rf"|\b[Tt]anggapan|\b[Pp]endapat|\b[Uu]sulan|\b[Ss]aran)\s+{_SPEAKER}"),
    re.compile(rf"{_SPEAKER}\s+(?:mengatakan|menyatakan|berkata|berpendapat|menegaskan|mengungkapkan|menyebut(?:kan)?)\b"),
    re.compile(rf"\b(?:did|does|do|would|has|have|had)\s+{_SPEAKER}\s+(?:say|state|claim|argue|warn|write|tell|call)\b"),
    re.compile(rf"{_SPEAKER}\s+(?:said|says|stated|states|claimed|claims|argued|argues|warned|wrote)\b"),
    re.compile(rf"\b(?:quoted|said|stated|written)\s+by\s+{_SPEAKER}"),
)
# Capitalised words of a speaker that name nobody: offices, honorifics, pronouns and sentence openers.
_NOT_SPEAKER = frozenset("""the a an this that what who why how when where which did does do would mr mrs ms dr prof
sir president presiden prime minister menteri perdana secretary sekretaris general jenderal sekjen ketua kepala chairman
head special khusus representative perwakilan pak bapak ibu bu anda kamu saya beliau dia ia mereka kita kami apa siapa
mengapa kenapa bagaimana kapan dimana di mana yang para kata apakah siapakah kapankah mengapakah bagaimanakah""".split())


def speaker_unmentioned(question: str, cited: str) -> str | None:
    """A speaker the question names ("Apa kata Putin …?", "Why did Vladimir Putin say …?") whom the cited passages and
    their titles never mention, or whose office of state ("Apa kata Gubernur Riau …?") they never name: the answer
    quotes somebody else ("… – António Guterres, Sekretaris Jenderal PBB")."""
    mentioned = _mention_test(cited)
    for pattern in _SPEAKER_ASKED:
        for match in pattern.finditer(question):
            name = match.group(1)
            office = re.match(_STATE_OFFICES, name, re.I)  # "Gubernur Riau" is not the toll road's branch head in Riau
            if office is not None and not re.search(rf"\b{_office_spelt(office.group(0))}\b", with_other_forms(cited),
                                                    re.I):
                return name
            own = [w for w in WORD.findall(name.lower()) if len(w) >= 3 and w not in _NOT_SPEAKER]
            if not own or any(_abbreviates(short, name) for short in set(re.findall(r"\b[A-Z]{2,6}\b", cited))):
                continue  # "Kepala Kebun Raya Cibodas" is mentioned by "Kepala KRC"
            if mentions_country_named(cited, name):
                continue
            if not any(mentioned(word) for word in own):
                return name
    return None


_PREFIXED_VERB = re.compile(r"\b(?:me|di|ber|ter|mem|men|meng|meny)[a-z]{3,}\b")
_NEGATED_BEFORE = re.compile(rf"\b(?:tidak|tak|bukan|belum)\s+(?:(?:{_AUXILIARIES}|ingin|hendak|juga)\s+){{0,2}}$")


# English verbs a false premise is often made of, as Indonesian writes them (their stems): "Why did Kazakhstan decide
# to become a full member of NATO?" against "Kazakhstan tidak ingin menjadi anggota NATO sepenuhnya".
_PREMISE_VERBS_EN = {
    "become": "jadi", "became": "jadi", "becoming": "jadi", "join": "gabung", "joined": "gabung", "joining": "gabung",
    "seize": "rebut", "seized": "rebut", "capture": "rebut", "captured": "rebut",
    "attack": "serang", "attacked": "serang", "invade": "serang", "invaded": "serang", "sign": "tandatangan",
    "signed": "tandatangan", "build": "bangun", "built": "bangun", "send": "kirim", "sent": "kirim",
    "leave": "tinggal", "left": "tinggal", "allow": "izin", "allowed": "izin", "accept": "terima",
    "accepted": "terima", "ratify": "ratifikasi", "ratified": "ratifikasi",
}


def premise_denied(question: str, passages: str) -> str | None:
    """What a question takes as done that the passages only deny: "Kapan pasukan Rusia merebut Bishkek?" when every
    sentence of the passages naming Bishkek (or another name of the question) with "merebut" says "… tidak akan
    merebut Bishkek …"; an English question by the Indonesian of its verb (`_PREMISE_VERBS_EN`). Returns the denying
    words."""
    asked = set(WORD.findall(question.lower()))
    english = question_language(question) != "id"
    if asked & (_NEGATION_WORDS | _NEGATION_WORDS_EN) or re.search(r"n['’]t\b", question.lower()):
        return None  # "Mengapa Rusia tidak merebut Bishkek?" asks about the denial
    if _YES_NO.match(question):
        return None  # "Apakah Kazakhstan ingin menjadi anggota penuh NATO?" is answered by "… tidak ingin …"
    names = {w.lower() for w in NAME_WORD.findall(question.split(maxsplit=1)[-1]) if len(w) >= 3}
    names -= {w for w in names if is_root_word(w)}
    verbs = ({_PREMISE_VERBS_EN[w] for w in asked if w in _PREMISE_VERBS_EN} if english
             else {stem(w) for w in _PREFIXED_VERB.findall(question.lower())} - asked
             | asked & set(_PREMISE_VERBS_EN.values()))  # typed without its prefix: "… jadi anggota penuh NATO …"
    if not names or not verbs:
        return None
    denied = None
    for sentence in re.split(r"(?<=[.!?])\s+", passages):
        lowered = sentence.lower()
        if not names & set(WORD.findall(lowered)):
            continue
        for match in _PREFIXED_VERB.finditer(lowered):
            word = match.group(0)
            # a long root inside the word, less the first letter a prefix may swallow ("menandatangani", which
            # Sastrawi does not stem); a short one would be found inside other words ("erang" in "perang")
            if stem(word) not in verbs and not (english and any(len(v) >= 8 and v[1:] in word for v in verbs)):
                continue
            negation = _NEGATED_BEFORE.search(lowered[:match.start()])
            if negation is None:
                return None  # the passages say it happened, somewhere
            denied = denied or (negation.group(0) + match.group(0)).strip()
    return denied


# The nouns a label follows ("Paket Melati", "Kategori A", "Tahap II", "Pasal 12"), with their English words, and the
# spellings of a label's number ("II", "2", "kedua").
_LABEL_NOUNS = ("paket kategori tipe kelas golongan zona blok tahap fase gelombang jalur sesi babak lantai pasal ayat "
                "bab klaster kluster sektor terminal gerbang dermaga varian seri poli loket koridor rute trayek shift "
                "tribun ruang kamar bangsal paviliun urut").split()  # "nomor urut 4"
_LABEL_NOUNS_EN = {"package": "paket", "category": "kategori", "type": "tipe", "class": "kelas", "zone": "zona",
                   "block": "blok", "phase": "fase|tahap", "stage": "tahap|fase", "wave": "gelombang", "track": "jalur",
                   "session": "sesi", "round": "babak", "floor": "lantai", "article": "pasal", "chapter": "bab",
                   "cluster": "klaster|kluster", "sector": "sektor", "terminal": "terminal", "gate": "gerbang",
                   "pier": "dermaga", "variant": "varian", "series": "seri", "clinic": "poli", "counter": "loket",
                   "corridor": "koridor", "route": "rute|trayek", "ward": "bangsal|ruang", "room": "kamar|ruang"}
# A label: a capitalised word, a number ("36", "(2)", "12A"), a letter or a number word; the noun before it in any case.
_LABEL = (r"\(?([A-Z][\w-]*|\d+[A-Za-z]?|[a-z]\b|(?i:(?:ke)?(?:satu|pertama|dua|tiga|empat|lima|enam|tujuh|delapan"
          r"|sembilan|sepuluh))\b)")
# The label, and the word after it that may be part of it ("tipe 2 Bedroom", which a price list writes "2 Bedroom").
_LABEL_ASKED = re.compile(rf"\b(?i:({'|'.join(_LABEL_NOUNS)}|{'|'.join(_LABEL_NOUNS_EN)}))\s+{_LABEL}"
                          r"(?:\s+([A-Z][\w-]*))?")
_NUMBER_WORDS = {w: n for n, words in enumerate(("satu pertama kesatu", "dua kedua", "tiga ketiga", "empat keempat",
                                                   "lima kelima", "enam keenam", "tujuh ketujuh", "delapan kedelapan",
                                                   "sembilan kesembilan", "sepuluh kesepuluh"), start=1)
                 for w in words.split()}
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _label_key(label: str) -> str:
    """A label as one spelling: "XII", "12" are "12", "II", "2" and "kedua" are all "2"; "a" is "A"'s."""
    lower = label.lower()
    if lower in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[lower])
    if len(lower) > 1 and _ROMAN.fullmatch(lower) or lower in ("i", "v", "x") and label.isupper():
        values = [_ROMAN_VALUES[c] for c in lower]
        return str(sum(-v if v < w else v for v, w in zip(values, values[1:] + [0])))
    return lower


def label_unmentioned(question: str, cited: str) -> str | None:
    """A labelled thing the question asks about ("Paket Mawar", "kategori D", "phase 3") when the cited passages name
    others of its kind and never it: "Uang saku kategori D berapa?" is not answered by the stipends of categories A and
    B, nor "Paket Mawar harganya berapa?" by a price list of Melati and Anggrek. A label the passages write with a
    number word or a Roman numeral ("Tahap II") is the same as its digit ("tahap 2"). Returns the asked label."""
    for asked in _LABEL_ASKED.finditer(question):
        noun, label, after = asked.group(1).lower(), asked.group(2), asked.group(3)
        if label.lower() in _NO_NAME_WORDS or label.lower() in ("yang", "dan", "atau", "di", "ke", "ini", "itu"):
            continue
        nouns = _LABEL_NOUNS_EN.get(noun, noun)
        written = {_label_key(m.group(1)) for m in re.finditer(rf"\b(?i:{nouns})\s+{_LABEL}", cited)}
        if after is not None and re.search(rf"(?<![\w-]){re.escape(label)}\s+{re.escape(after)}(?![\w-])", cited):
            continue
        if written and _label_key(label) not in written:
            return f"{asked.group(1)} {label}"
    return None


def _words_and_roots(text: str) -> tuple[set[str], set[str]]:
    """The lower-case words of `text` and their Sastrawi roots, a word with "-nya" also without it ("pengemudinya",
    which Sastrawi stems "mud", is "pengemudi", root "kemudi")."""
    words = set(WORD.findall(text.lower()))
    words |= {w[:-3] for w in words if w.endswith("nya") and len(w) > 6}
    return words, {stem(w) for w in words}


# "Siapa pemenang …?", "Siapa nama pemilik …?": the role a who-question asks the holder of, a pe- noun.
_ROLE_ASKED = re.compile(r"\bsiapa(?:kah)?\s+(?:saja\s+)?(?:nama\s+)?(pe[a-z]{4,})\b", re.I)
# Roles a passage also gives in other words ("lagu ciptaan …", "film yang dibintangi …", "Bapak Aljabar"); any role
# by whom a thing was done ("DailyMotion dibuat oleh …").
_ROLE_SAID = {"cipta": "karya", "pengarang": "karya|dikarang|mengarang", "pelukis": "karya|dilukis|melukis",
              "perancang": "karya|dirancang|merancang|desain", "pemeran": "peran|bintang|dibintangi|memerankan|sebagai",
              "nyanyi": "dibawakan|membawakan|vokalis", "kuasa": "memerintah|diperintah|raja|ratu|sultan|kaisar",
              "terus": "pengganti|digantikan|menggantikan", "ganti": "penerus|meneruskan|diteruskan", "menang": "juara",
              "temu": "bapak", "diri": "bapak|pemilik", "cetak": "gol|skor", "kemudi": "sopir|supir"}
# Who hosts an event: asked as a moderator or a master of ceremonies, said so or by what they did.
_HOST_ASKED = re.compile(r"\b(?:siapa(?:kah)?|who\s+(?:is|was))\s+(?:yang\s+menjadi\s+|the\s+)?(moderator|mc|"
                         r"pembawa\s+acara|pemandu\s+acara|host)\b", re.I)
_WINNER_ASKED = re.compile(r"\bsiapa(?:kah)?\s+yang\s+(?:dinyatakan\s+|berhasil\s+)?(memenangkan|memenangi|menang|"
                           r"menjuarai)\b", re.I)
_WINNER_SAID = re.compile(r"\b(?:menang|pemenang|memenangkan|memenangi|kemenangan|juara|menjuarai|unggul)\b", re.I)
_HOST_SAID = re.compile(r"\b(?:moderator|mc|pembawa\s+acara|pemandu|dipandu|memandu|dibawakan\s+oleh|host)\b", re.I)
# A role asked, and the words a passage that says who had it uses: "Siapa moderator debat …?" is answered by who hosted
# it ("Acara dipandu oleh …"), "Siapa yang dinyatakan memenangkan debat …?" by a passage that says who won.
_ROLES_SAID_SO = ((_HOST_ASKED, _HOST_SAID), (_WINNER_ASKED, _WINNER_SAID))
# Roles another check reads (a leader, `_LEADER_ASKED`), a post's holder whoever they are ("pejabat Kepala Badan …",
# "pelaksana tugas …"), and words that are no role ("pemuda", "perempuan").
_NO_ROLE = frozenset("pemimpin pimpinan pemerintah pejabat pelaksana petugas pegawai pemuda pemudi perempuan pesawat "
                     "pertama penduduk pekan pukul".split())


def role_unsaid(question: str, sentence: str) -> bool:
    """Whether a who-question asks who hosted or who won ("Siapa moderator debat kedua …?") and `sentence` does not
    say so ("Debat dipandu oleh jurnalis televisi Dian Anggraeni" does; "KPU … menggelar debat publik kedua" names
    the organiser)."""
    return any(asked.search(question) is not None and said.search(sentence) is None
               for asked, said in _ROLES_SAID_SO)


def role_unmentioned(question: str, cited: str, said: str) -> str | None:
    """The role a who-question asks the holder of ("Siapa pemenang pilgub …?", "Siapa pemilik kapal …?") when the
    cited passages never say it, by its root or in the words a passage gives it in ("dimiliki", "juara"), and the answer
    (`said`) names nobody by whom something was done ("DailyMotion dibuat oleh …" names its founders): a passage on
    the election's organiser does not say who won it. A moderator is said by who hosted ("Acara dipandu oleh …"), who
    won by a passage that says someone won or led. Returns the role."""
    for role_asked, role_said in _ROLES_SAID_SO:
        asked = role_asked.search(question)
        if asked is not None:
            return None if role_said.search(cited) else asked.group(1)
    asked = _ROLE_ASKED.search(question)
    if asked is None or asked.group(1).lower() in _NO_ROLE or AUTHOR_ASKED.search(question):
        return None  # (an author is answered by a byline, which the answer checks for itself)
    role = asked.group(1).lower()
    root = stem(role)
    if root == role:
        return None  # no derived noun ("pesawat")
    words, roots = _words_and_roots(cited)
    if role in words or root in roots:
        return None
    other = "|".join(filter(None, (_ROLE_SAID.get(root), _ROLE_SAID.get(role))))
    if other and re.search(rf"\b(?:{other})\b", cited, re.I) or re.search(r"\boleh\b", said, re.I):
        return None
    return role


def another_speaker(question: str, speaker: str, speakers: list[str]) -> str | None:
    """A speaker of the transcript (`speakers`, their speaker lines) whom the question names, when the answer's turn is
    someone else's (`speaker`): "Kalau Hasnah Wulandari janji bangun berapa unit?" is not answered by what La Ode
    Syarifuddin promised. A speaker is named by a word of their name that is no root word ("Hasnah", not "Komisi").
    Returns the speaker named."""
    asked = {w.lower() for w in NAME_WORD.findall(question) if len(w) >= 3 and not is_root_word(w.lower())}

    def named(line: str) -> bool:
        return bool(asked & {w for w in WORD.findall(line.lower()) if len(w) >= 3})

    if not asked or named(speaker):
        return None
    return next((line for line in speakers if named(line)), None)


# Sums of money a how-much question names, each with the words a passage may give it in ("honor" is also "gaji",
# "upah", "insentif"): a passage that names none of them does not say what it comes to. Not "harga", "biaya", "dana",
# "anggaran", "nilai": passages price things in many words.
_PAYMENTS = {
    "honor": "honor|honorarium|gaji|upah|bayaran|dibayar|insentif|imbalan|tunjangan",
    "gaji": "gaji|upah|honor|honorarium|penghasilan|pendapatan|bayaran|dibayar",
    "upah": "upah|gaji|honor|bayaran|dibayar|UMK|UMP|UMR",
    "bayaran": "bayaran|dibayar|membayar|honor|honorarium|gaji|upah|imbalan|tarif|fee",
    "santunan": "santunan|kompensasi|ganti rugi|bantuan|tali asih|uang duka",
    "retribusi": "retribusi|pungutan|tarif|iuran",
    "sewa": "sewa|disewakan|menyewa|tarif",
    "denda": "denda|didenda|sanksi",
    "iuran": "iuran|kontribusi|sumbangan|premi",
    "tunjangan": "tunjangan|insentif|honor|gaji",
    "uang saku": "uang saku|stipendium|biaya hidup|tunjangan",
    "ganti rugi": "ganti rugi|kompensasi|santunan|dibayar|membayar",
    "kompensasi": "kompensasi|ganti rugi|santunan",
    "dividen": "dividen",
}
_PAYMENT_ASKED = re.compile(rf"\b(?:berapa(?:kah)?\s+(?:(?:jumlah|besar|besaran|nilai|total)\s+)?"
                            rf"({'|'.join(_PAYMENTS)})|^\W*({'|'.join(_PAYMENTS)})\b[^?]{{0,80}}?\bberapa)\b", re.I)


def payment_unmentioned(question: str, cited: str) -> str | None:
    """The sum a how-much question asks for ("Berapa honor imam dan marbot …?", "Berapa santunan …?") when the cited
    passages never name it in any of its words: a committee's cash balance does not say what the imam is paid."""
    asked = _PAYMENT_ASKED.search(question)
    if asked is None:
        return None
    payment = (asked.group(1) or asked.group(2)).lower()
    return None if re.search(rf"\b(?:{_PAYMENTS[' '.join(payment.split())]})\b", cited, re.I) else payment


# "Siapa nama lengkap tersangka MF …?": the full name of someone the question knows by initials.
_FULL_NAME_ASKED = re.compile(r"\bnama\s+(?:lengkap|asli)\b.*?\b([A-Z]{2,4})\b")


def full_name_unanswered(question: str, said: str) -> str | None:
    """Initials whose full name a question asks ("Siapa nama lengkap tersangka MF?") when the answer names nobody with
    those initials ("… menangkap seorang pria berinisial MF (41) …" gives the initials again). Returns them."""
    asked = _FULL_NAME_ASKED.search(question)
    if asked is None:
        return None
    initials = asked.group(1)
    for run in re.finditer(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)+", said):
        if initials in "".join(word[0] for word in run.group(0).split()):  # "Muhammad Fadli", "Haji Muhammad Fadli"
            return None
    return initials


# Verbs that tell of no event of their own ("Kapan Jakarta menjadi ibu kota?" is about becoming, which a passage says
# in any words), stemmed.
_NO_EVENT_VERBS = frozenset("jadi laku ada milik punya sebut kenal guna buat dapat kata ikut mulai akhir lalu terima "
                            "beri kena rupa bentuk nama tempat alami hasil anggap nilai pilih".split())
_WHY = re.compile(r"^\W*(?:mengapa|kenapa)\b", re.I)


def event_unmentioned(question: str, cited: str) -> str | None:
    """The event a why-question is about ("Mengapa Ujian Nasional 2019 di NTB dibatalkan?", "Kenapa Bupati Arifin
    Rahmat mengundurkan diri?") when the cited passages' documents (`cited`, their whole text: the reason may be told
    in another paragraph than the event) tell of it in no form of its verb: a report on the exam's results does not
    say why it was cancelled, nor an interview with the regent why he resigned. Not a when-question:
    a date is often given without the verb ("Naguib Mahfouz (11 Desember 1911 – …)" for "Kapan … dilahirkan?"; the
    same rule for "kapan" lost 15 TyDi and 5 FacQA answers). Returns the verb."""
    if _WHY.match(question) is None:
        return None
    verbs = {m.group(0): stem(m.group(0)) for m in _PREFIXED_VERB.finditer(question.lower())}
    verbs = {word: root for word, root in verbs.items() if root != word and root not in _NO_EVENT_VERBS}
    if not verbs:
        return None
    words, roots = _words_and_roots(cited)
    return None if any(root in roots or word in words for word, root in verbs.items()) else next(iter(verbs))
