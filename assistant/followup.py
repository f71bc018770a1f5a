"""Follow-up questions: rewrite a question that leans on the conversation into one that stands alone.

Rewriting is gated, not always on: only a question that points back ("itu", "tersebut", "dia", "it",
"they"...) or is too short to search on its own is combined with the previous question. The rewritten
query is what retrieval sees; the user sees it next to the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.lexical import tokenize

from .question_kinds import MONTH, MONTH_NUMBERS, MONTHS_EN, MONTHS_ID, WEEKDAYS_EN, WEEKDAYS_ID, formal_question_words

_ANAPHORA = re.compile(
    r"\b(itu|tersebut|ini|dia|ia|mereka|beliau|nya|sana|situ|hal itu|"
    r"it|its|that|this|they|them|their|he|she|his|her|there)\b|\w+nya\b",
    re.IGNORECASE,
)
_SHORT = 2  # content tokens: fewer than this and the question cannot stand alone


@dataclass(frozen=True)
class Rewrite:
    """The question as asked, what retrieval searches for, and whether the two differ."""

    question: str
    query: str
    rewritten: bool
    standalone: bool = False
    """The query is a question of its own (the previous one asked of something else), answered as asked."""


def needs_context(question: str) -> bool:
    """True when the question points back to the conversation or is too short to search alone."""
    return bool(_ANAPHORA.search(question)) or len(tokenize(question)) < _SHORT


def rewrite(question: str, history: list[str] | None) -> Rewrite:
    """Combine a follow-up with the last standalone question of `history` (oldest first)."""
    question = " ".join(question.split())
    if not history:
        return Rewrite(question, question, False)
    previous = " ".join(history[-1].split())
    substituted = _substituted(question, previous)
    if substituted is not None:
        return Rewrite(question, substituted, True, standalone=True)
    formal = formal_question_words(question)  # "yg dari rusia berapa?" leans back as "yang dari rusia berapa?" does
    if not needs_context(formal) and _ELLIPSIS.match(formal) is None:  # "Kalau dana pendidikan?" leans back
        return Rewrite(question, question, False)
    return Rewrite(question, f"{question} ({previous})", True)


def elliptical_named(question: str) -> str | None:
    """What an elliptical follow-up names instead of what the previous question asked about ("biaya sewa porter" of
    "Kalau biaya sewa porter?"), or None when the follow-up is no such thing or asks a question of its own."""
    ellipsis = _ELLIPSIS.match(" ".join(question.split()))
    if ellipsis is None or _QUESTION_WORD.search(ellipsis.group(1)):
        return None
    return ellipsis.group(1).strip()


def standalone_history(history: list[str] | None) -> list[str] | None:
    """The standalone queries of a conversation given as the questions a person typed, oldest first (a questions
    file's "history"), as the chat keeps them: "Kalau tahun 2024?" after "Berapa … 2025?" is "Berapa … 2024?"."""
    if not history:
        return history
    queries: list[str] = []
    for question in history:
        queries.append(rewrite(question, queries).query)
    return queries


# "Kalau tahun lalu?", "Dan yang kedua?", "Bagaimana dengan Kota Malang?", "What about 2023?": the previous question
# asked again of something else, which the follow-up names and nothing more.
_ELLIPSIS = re.compile(r"^(?:kalau|kalo|klo|jika|bagaimana\s+dengan|gimana\s+dengan|bagaimana|gimana|lalu|terus|trus|"
                       r"dan|sedangkan|sementara|how\s+about|what\s+about|and)\s+(?:untuk\s+|for\s+|in\s+|di\s+|pada\s+)?"
                       r"(.{1,60}?)\s*(?:\?|\.|$)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_YEAR_BEFORE = re.compile(r"^(?:tahun\s+(?:lalu|sebelumnya|kemarin)|setahun\s+sebelumnya|(?:the\s+)?(?:last|previous)\s+"
                          r"year|(?:the\s+)?year\s+before)$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"^(?:tahun\s+(?:depan|berikutnya|sesudahnya)|(?:the\s+)?(?:next|following)\s+year|"
                         r"(?:the\s+)?year\s+after)$", re.IGNORECASE)
_ORDINAL = re.compile(r"^(?:yang\s+|the\s+)?(kedua|ketiga|keempat|kelima|second|third|fourth|fifth)(?:\s+\w+)?$",
                      re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\b(?:paling\s+\w+|ter(?!hadap|masuk|jadi|sebut|dapat|kait|utama)[a-z]{3,}|most\s+\w+|"
                          r"\w+est)\b")
_ORDINAL_ID = {"first": "pertama", "second": "kedua", "third": "ketiga", "fourth": "keempat", "fifth": "kelima",
               "last": "terakhir"}
_NAME_RUN = re.compile(r"(?<!^)\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
_QUESTION_WORD = re.compile(r"\b(?:apa|apakah|siapa|kapan|berapa|mana|mengapa|kenapa|bagaimana|gimana|who|what|when|"
                            r"where|why|how|which)\b", re.IGNORECASE)


_MONTH = re.compile(rf"(?i:{MONTH.pattern})|\bMay\b")  # "May" the month, not "may" the verb
_MONTH_BEFORE = re.compile(r"^(?:bulan\s+(?:lalu|sebelumnya|kemarin)|(?:the\s+)?(?:previous|last)\s+month|"
                           r"(?:the\s+)?month\s+before)$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"^(?:bulan\s+(?:depan|berikutnya|sesudahnya)|(?:the\s+)?(?:next|following)\s+month|"
                          r"(?:the\s+)?month\s+after)$", re.IGNORECASE)


def _month_named(named: str, previous: str) -> str | None:
    """The previous question of another month: "Kalau Februari?", "Kalau bulan sebelumnya?" after "… pada Maret
    2024?" ("… pada Februari 2024?"; a January's month before is the December of the year before)."""
    months = list(_MONTH.finditer(previous))
    if not months:
        return None
    last = months[-1]
    name = last.group(0).lower()
    index = MONTH_NUMBERS[name]
    step = -1 if _MONTH_BEFORE.match(named) else 1 if _MONTH_AFTER.match(named) else 0
    asked = re.fullmatch(r"(?:bulan\s+)?(\w+)", named, re.IGNORECASE)
    if step == 0 and not (asked and _MONTH.fullmatch(asked.group(1))):
        return None
    names = MONTHS_EN if name in MONTHS_EN and name not in MONTHS_ID else MONTHS_ID
    if step:
        month = names[(index + step) % 12].capitalize()
        year = re.match(r"\s+((?:1[5-9]|20)\d\d)\b", previous[last.end():])
        wraps = index + step in (-1, 12)
        if year and wraps:
            return (previous[:last.start()] + f"{month} {int(year.group(1)) + step}"
                    + previous[last.end() + year.end():])
        return previous[:last.start()] + month + previous[last.end():]
    return previous[:last.start()] + asked.group(1).capitalize() + previous[last.end():]


_DAY = re.compile(rf"\b(?:{'|'.join((*WEEKDAYS_ID, 'ahad', *WEEKDAYS_EN))})\b", re.IGNORECASE)


def _day_named(named: str, previous: str) -> str | None:
    """The previous question of another weekday: "Kalau hari Senin?" after "… buka jam berapa di hari Sabtu?"."""
    asked = re.fullmatch(r"(?:(?:hari|on)\s+)?(\w+(?:'at)?)", named, re.IGNORECASE)
    days = list(_DAY.finditer(previous))
    if asked is None or not _DAY.fullmatch(asked.group(1)) or not days:
        return None
    return previous[:days[-1].start()] + asked.group(1).capitalize() + previous[days[-1].end():]


# An ordinal a follow-up puts in place of the previous question's: "Kalau gol ketiganya siapa?" after "Siapa pencetak gol
# pertama …?".
_ORDINAL_WORD = re.compile(r"\b(pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|"
                           r"terakhir|first|second|third|fourth|fifth|last)(?:nya)?\b", re.IGNORECASE)


def _other_ordinal(question: str, previous: str) -> str | None:
    """The previous question of another ordinal, when the follow-up names one and the previous question one other."""
    asked, before = _ORDINAL_WORD.findall(question), list(_ORDINAL_WORD.finditer(previous))
    if len(asked) != 1 or len(before) != 1:
        return None
    word, replaced = asked[0].lower(), before[0].group(1).lower()
    if (word in _ORDINAL_ID) != (replaced in _ORDINAL_ID):  # in the previous question's language
        word = _ORDINAL_ID.get(word) or next((en for en, id_ in _ORDINAL_ID.items() if id_ == word), None)
    if word is None:
        return None  # "keenam" has no English word here
    return None if word == replaced else previous[:before[0].start()] + word + previous[before[0].end():]


def _substituted(question: str, previous: str) -> str | None:
    """The previous question asked of what an elliptical follow-up names instead (a year, the next in a ranking, a
    name of the same kind, another ordinal), or None when the follow-up is no such thing or it is unclear what it
    replaces."""
    ellipsis = _ELLIPSIS.match(question)
    if ellipsis is not None and _ORDINAL_WORD.search(ellipsis.group(1)):
        ordinal = _other_ordinal(ellipsis.group(1), previous)
        if ordinal is not None:
            return ordinal
    named = elliptical_named(question)
    if named is None:  # "Kalau presiden Tajikistan siapa?" names "presiden Tajikistan", then asks as before
        named = _asked_again(question)
    if named is None:
        return None
    if named.lower() in previous.lower():  # "Kalau Rusia?" after a question that names Rusia already
        return None
    years = [int(y) for y in _YEAR.findall(previous)]
    if _YEAR_BEFORE.match(named) or _YEAR_AFTER.match(named):
        if not years:
            return None
        named = str(years[-1] + (-1 if _YEAR_BEFORE.match(named) else 1))
    if re.fullmatch(r"(?:tahun\s+|year\s+)?((?:1[5-9]|20)\d\d)", named, re.IGNORECASE):
        year = _YEAR.search(named).group(0)
        if not years:
            return f"{previous.rstrip(' ?.')} pada tahun {year}?"
        last = list(_YEAR.finditer(previous))[-1]
        return previous[:last.start()] + year + previous[last.end():]
    month = _month_named(named, previous) or _day_named(named, previous)
    if month is not None:
        return month
    ordinal = _ORDINAL.match(named)
    if ordinal is not None:
        superlative = _SUPERLATIVE.search(previous)
        if superlative is None:
            return None
        word = _ORDINAL_ID.get(ordinal.group(1).lower(), ordinal.group(1).lower())
        return f"{previous[:superlative.end()]} {word}{previous[superlative.end():]}"
    if named[:1].isupper():  # "Kota Malang" for "Kota Pekalongan", "Nexora X6 Pro" for "Nexora X7 Pro"
        kind = named.split()[0]
        same = list(re.finditer(rf"\b{re.escape(kind)}\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", previous)) if " " in named else []
        if not same:
            words = set(named.lower().split())
            same = [run for run in _NAME_RUN.finditer(previous) if set(run.group(0).lower().split()) & words]
        if len(same) == 1:
            return previous[:same[0].start()] + named + previous[same[0].end():]
    return _country_replaced(named, previous)


def _country_replaced(named: str, previous: str) -> str | None:
    """The previous question of another country, when the follow-up names one, alone or with words of the previous
    question ("Tajikistan" after a question on Kazakhstan, "presiden Tajikistan" after "Siapa presiden
    Uzbekistan?"), and the previous question one other country."""
    from .countries import countries_named

    asked, before = countries_named(named), {name for name, _ in countries_named(previous)}
    if len(asked) != 1 or len(before) != 1 or asked[0][0] in before:
        return None
    rest = re.sub(rf"\b{re.escape(asked[0][0])}\b", " ", named).lower().split()
    if any(not re.search(rf"\b{re.escape(word)}\b", previous, re.IGNORECASE) for word in rest):
        return None
    return re.sub(rf"\b{re.escape(before.pop())}\b", asked[0][0], previous)


# A question word the follow-up ends with: "Kalau presiden Tajikistan siapa?" asks what the previous question asked.
_TRAILING_QUESTION_WORD = re.compile(r"\s+(?:siapa|berapa|kapan|apa|di\s?mana|mana)$", re.IGNORECASE)


def _asked_again(question: str) -> str | None:
    """What an elliptical follow-up that ends with a question word names ("presiden Tajikistan" of "Kalau presiden
    Tajikistan siapa?"), or None."""
    ellipsis = _ELLIPSIS.match(" ".join(question.split()))
    if ellipsis is None:
        return None
    named = _TRAILING_QUESTION_WORD.sub("", ellipsis.group(1).strip())
    if named == ellipsis.group(1).strip() or _QUESTION_WORD.search(named) or _ANAPHORA.search(named):
        return None  # "Kalau KUR Kecil, plafonnya berapa?" asks something else of it
    return named if re.fullmatch(r"[\w.-]+(?:\s+[\w.-]+)*", named) else None
