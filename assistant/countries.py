"""The countries a question names, in Indonesian or English, and whether a text mentions them in either language.

Names come from pycountry (ISO 3166's English names and its Indonesian translation: "Kyrgyzstan" / "Kirgizstan",
"Netherlands" / "Belanda", "Egypt" / "Mesir"), plus the forms Indonesian writers use that ISO does not ("Tiongkok",
"Kirgistan", "AS"). Loaded once, on first use.
"""

from __future__ import annotations

import difflib
import gettext
import re
from functools import lru_cache

from .question_kinds import NAME_WORD, SIMILAR_SPELLING, WORD

# Forms that ISO 3166 and its Indonesian translation lack, by alpha-2 code: Indonesian usage, short forms, old names.
_MORE_FORMS = {
    "CN": "Tiongkok|China|Cina|RRT|RRC", "KG": "Kirgistan|Kirgizia|Kyrgyz", "KZ": "Kazakstan",
    "US": "AS|USA|US|Amerika|America|Paman Sam", "GB": "Inggris|UK|Britania|Britain|Great Britain",
    "RU": "Rusia|Russia", "ID": "RI|NKRI", "KR": "Korsel", "KP": "Korut", "NL": "Holland", "TR": "Turki|Turkey|Türkiye",
    "CZ": "Ceko|Czechia", "AE": "UEA|UAE|Emirat Arab", "MM": "Burma", "SY": "Suriah|Syria", "VA": "Vatikan|Vatican",
    "PS": "Palestina|Palestine", "TL": "Timor Leste|Timor-Leste", "PH": "Filipina", "SA": "Saudi|Arab Saudi",
    "DE": "Jerman", "JP": "Jepang", "EG": "Mesir", "NZ": "Selandia Baru", "PG": "Papua Nugini",
    "AF": "Afganistan|Afghanistan", "TJ": "Tajikistan|Tadjikistan", "TM": "Turkmenistan", "UZ": "Uzbekistan",
    "IR": "Iran", "VN": "Vietnam", "LA": "Laos", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania",
    "MD": "Moldova", "TW": "Taiwan", "BN": "Brunei", "IN": "India", "GE": "Georgia", "BY": "Belarus",
}
# Country names that are also first names or other words in a question; not taken as countries there.
_NOT_A_COUNTRY_ALONE = frozenset({"chad", "jordan", "guinea", "niger", "jersey"})
# What a question excludes: "Selain Kazakhstan, negara mana …?" is answered by another country.
_EXCEPT = re.compile(r"\b(?:[Ss]elain|[Kk]ecuali|[Bb]esides|[Ee]xcept|[Oo]ther than|[Aa]part from)"
                     r"\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
_WORD = re.compile(r"\w+(?:-\w+)*")  # "Timor-Leste" is one word; "China's" is "China" and "s"


@lru_cache(maxsize=1)
def _forms() -> dict[str, frozenset[str]]:
    """Every form of every country, by alpha-2 code."""
    import pycountry

    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"], fallback=True).gettext
    forms: dict[str, set[str]] = {}
    for country in pycountry.countries:
        names = [getattr(country, attribute, None) for attribute in ("name", "common_name", "official_name")]
        names = [name for name in names if name]
        own = forms.setdefault(country.alpha_2, set())
        for name in names + [translate(name) for name in names]:
            if "," not in name and "(" not in name:
                own.add(name.removeprefix("the "))
    for code, more in _MORE_FORMS.items():
        forms.setdefault(code, set()).update(more.split("|"))
    return {code: frozenset(names) for code, names in forms.items()}


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[tuple[str, ...], str], dict[str, str], int]:
    """The code of each written-out form by its lower-cased words, of each upper-case short form ("AS", "UEA"), and
    the most words a form has."""
    by_words: dict[tuple[str, ...], str] = {}
    short: dict[str, str] = {}
    for code, names in _forms().items():
        for name in names:
            if len(name) <= 3 and name.isupper():
                short.setdefault(name, code)
            elif len(name) > 3:
                by_words.setdefault(tuple(_WORD.findall(name.lower())), code)
    return by_words, short, max(map(len, by_words))


@lru_cache(maxsize=1)
def _single_word_forms() -> dict[str, str]:
    """Each one-word form of a country longer than three letters, by its lower case ("malaysia" → "Malaysia")."""
    forms: dict[str, str] = {}
    for names in _forms().values():
        for name in names:
            if len(name) > 3 and len(_WORD.findall(name)) == 1 and name.lower() not in _NOT_A_COUNTRY_ALONE:
                forms.setdefault(name.lower(), name)
    return forms


def country_form(word: str) -> str | None:
    """The country `word` (lower case) names, written as a name; None when it names none."""
    return _single_word_forms().get(word)


def countries_named(text: str) -> list[tuple[str, str]]:
    """The countries `text` names, as (the words used, alpha-2 code), capitalised as names are: "Kirgistan", "South
    Korea", "AS"; not "turkey" the bird. The longest form wins ("Korea Selatan", not "Korea")."""
    by_words, short, longest = _lookup()
    words = list(_WORD.finditer(text))
    lowered = [w.group(0).lower() for w in words]
    found, i = [], 0
    while i < len(words):
        word = words[i].group(0)
        if word in short:
            found.append((word, short[word]))
        elif word[0].isupper():
            for n in range(min(longest, len(words) - i), 0, -1):
                code = by_words.get(tuple(lowered[i:i + n]))
                if code is not None:
                    name = text[words[i].start():words[i + n - 1].end()]
                    if name.lower() not in _NOT_A_COUNTRY_ALONE:
                        found.append((name, code))
                    i += n - 1
                    break
        i += 1
    return found


def mentions_country(text: str, code: str) -> bool:
    """Whether `text` mentions the country `code` by any of its forms, or a name spelt within `SIMILAR_SPELLING` of
    one ("Kazakstan" for "Kazakhstan")."""
    codes, names = _mentions(text)
    if code in codes:
        return True
    singles = [form.lower() for form in _forms()[code] if len(WORD.findall(form)) == 1 and len(form) > 3]
    return any(difflib.get_close_matches(form, names, n=1, cutoff=SIMILAR_SPELLING) for form in singles)


def mentions_country_named(text: str, name: str) -> bool:
    """Whether `text` mentions a country that `name` names, in either language: "Kyrgyzstan" is mentioned by
    "Kirgistan", "US" by "AS"."""
    return any(mentions_country(text, code) for _, code in countries_named(name))


@lru_cache(maxsize=64)
def _mentions(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The countries `text` names and its capitalised words, lower-cased: read once for each cited text, which the
    checks ask about several countries."""
    return (frozenset(code for _, code in countries_named(text)),
            frozenset(word.lower() for word in NAME_WORD.findall(text)))


def country_unmentioned(question: str, cited: str, said: str) -> str | None:
    """A country the question names that the cited passages and their titles (`cited`) never mention, in either
    language, when the answer (`said`) names another country instead: "How many troops did China send to
    Kazakhstan?" is not answered by "sekitar 4.000 pasukan CSTO, termasuk sekitar 3.000 dari Rusia, mendarat di
    Kazakstan", nor "Siapa Presiden Kirgistan …?" by "Presiden Kazakhstan Kassym-Jomart Tokayev". Without another
    country the passages may well mean the one asked: news on "Menteri Kesehatan Siti Fadilah Supari" need not say
    "Indonesia", nor an article on the Yakuza "Jepang"; and Indonesia goes without saying in Indonesian documents
    even beside another country ("… dari Kejuaraan Dunia Anaheim, California, Amerika Serikat")."""
    question = _EXCEPT.sub(" ", question)
    named = countries_named(question)
    asked = {code for _, code in named}
    if not any(code not in asked for _, code in countries_named(said)):
        return None
    for name, code in named:
        if code != "ID" and not mentions_country(cited, code):
            return name
    return None


# What a country has or who leads it, by the Indonesian words for it, and the English words a question may use instead.
_OF_A_COUNTRY = {r"presiden": r"president", r"wakil\s+presiden": r"vice\s+president",
                 r"perdana\s+menteri|pm": r"prime\s+minister|pm", r"menteri": r"minister", r"raja": r"king",
                 r"ratu": r"queen", r"pemimpin": r"leader", r"pemerintah": r"government", r"pdb": r"gdp",
                 r"ekonomi": r"economy|economic", r"pertumbuhan": r"growth", r"populasi|penduduk": r"population",
                 r"ibu\s?kota": r"capital", r"mata\s+uang": r"currency", r"anggaran": r"budget",
                 r"militer": r"military", r"tentara|pasukan": r"troops|army|soldiers", r"parlemen": r"parliament",
                 r"duta\s+besar": r"ambassador"}
_COUNTRY_WORDS = r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"


def _asked_of_a_country(question: str) -> list[tuple[str, str]]:
    """(what is asked, as an Indonesian pattern; the country's alpha-2 code) for each thing the question asks a
    country has: "presiden Tajikistan", "PDB Kazakhstan", "Kazakhstan's GDP growth", "the president of Tajikistan"."""
    asked = []
    for id_, en in _OF_A_COUNTRY.items():
        patterns = (rf"\b(?i:{id_})\s+(?:(?i:negara)\s+)?{_COUNTRY_WORDS}",
                    rf"\b{_COUNTRY_WORDS}'s\s+(?:(?i:[a-z]+)\s+)?(?i:{en})\b",
                    rf"\b(?i:{en})\s+of\s+(?:the\s+)?{_COUNTRY_WORDS}")
        for pattern in patterns:
            for match in re.finditer(pattern, question):
                asked += [(id_, code) for _, code in countries_named(match.group(1))]
    return asked


def country_of_another(question: str, said: str) -> str | None:
    """Another country whose leader or figure the answer's own sentences (`said`) give when the question asks what a
    country has or who leads it ("Siapa presiden Tajikistan?", "By how much did sanctions cut Kazakhstan's GDP
    growth?") and those sentences never mention it: "Uzbekistan … Bahkan Presiden Shavkat Mirizoyev …" and "… PDB
    Rusia …" are other countries', though the passages around them may name the country asked. A country named
    elsewhere in the sentence is no other owner ("Presiden Kassym-Jomart Tokayev memanggil pasukan Rusia")."""
    asked = _asked_of_a_country(question)
    if not asked or any(mentions_country(said, code) for _, code in asked):
        return None
    codes = {code for _, code in asked}
    for id_, _ in asked:
        for word in re.finditer(rf"\b(?i:{id_})\b", said):
            sentence = said[:word.start()].rsplit(". ", 1)[-1]
            before = [(name, code) for name, code in countries_named(sentence) if code not in codes]
            after = re.match(rf"\s+(?:(?i:negara)\s+)?{_COUNTRY_WORDS}", said[word.end():])
            owner = (countries_named(after.group(1)) if after else []) or before[-1:]
            if owner and owner[0][1] not in codes and owner[0][1] != "ID":
                return owner[0][0]
    return None
