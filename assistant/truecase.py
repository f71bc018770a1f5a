"""Names typed in lower case, written as the documents write them: "kapan presiden soeharto meninggal?" is asked of
"Soeharto". The checks that keep an answer to the question's own names read names by their capital letters; a
question typed without them would otherwise pass every one of them.

A word is taken for a name when the documents capitalise it wherever it does not open a sentence (at least
`CAPITALISED_SHARE` of those times) and it is no root word of Sastrawi's dictionary ("Teknis" in a heading stays
"teknis"); a country is one wherever it is named ("malaysia" though no document names Malaysia). Only Indonesian
questions: English function words are capitalised in the documents' English names ("The Diplomat").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

CAPITALISED_SHARE = 0.8
"""Of a word's occurrences past a sentence's opening, the share the documents must capitalise for it to be a name."""

_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w'-]*")
_OPENS = re.compile(r"(?:^|[.!?:;\"“”'‘’(\[•*\n-]\s*|\n\s*\d+[.)]\s*)$")  # what comes before a sentence's first word


def cased_forms(texts: Iterable[str]) -> dict[str, str]:
    """Lower-case word → the form the documents write it in, for the words they write as names."""
    from .answer_checks import is_root_word

    written: dict[str, Counter] = {}
    lower: Counter = Counter()
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group(0)
            if _OPENS.search(text[max(0, match.start() - 8):match.start()]):
                continue  # a sentence's first word is capitalised whatever it is
            key = word.lower()
            if word[0].isupper():
                written.setdefault(key, Counter())[word] += 1
            else:
                lower[key] += 1
    forms = {}
    for key, counts in written.items():
        capitalised = sum(counts.values())
        if len(key) >= 3 and capitalised >= CAPITALISED_SHARE * (capitalised + lower[key]) and not is_root_word(key):
            forms[key] = counts.most_common(1)[0][0]
    return forms


def truecased(question: str, forms: dict[str, str]) -> str:
    """`question` with each word written wholly in lower case that `forms` or the country names know written as a
    name ("di turkmenistan" → "di Turkmenistan"); other words as typed."""
    from .countries import country_form

    def cased(match: re.Match) -> str:
        word = match.group(0)
        if not word.islower():
            return word
        return forms.get(word) or country_form(word) or word

    return _WORD.sub(cased, question)
