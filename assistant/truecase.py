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
from collections.abc import Iterable, Iterator, Mapping

CAPITALISED_SHARE = 0.8
"""Of a word's occurrences past a sentence's opening, the share the documents must capitalise for it to be a name."""

_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w'-]*")
_OPENS = re.compile(r"(?:^|[.!?:;\"“”'‘’(\[•*\n-]\s*|\n\s*\d+[.)]\s*)$")  # what comes before a sentence's first word


class CasedForms(Mapping[str, str]):
    """Lower-case word → the form the documents write it in, for the words they write as names. A word's root-word test
    is made when it is looked up: stemming every capitalised word of a large corpus took 5.7 s at the first question
    over TyDi's 4,653 passages."""

    def __init__(self, capitalised: dict[str, str]) -> None:
        self._capitalised = capitalised  # the words the documents capitalise often enough, root words or not
        self._names: dict[str, bool] = {}

    def __getitem__(self, word: str) -> str:
        if word not in self._names:
            from .answer_checks import is_root_word

            self._names[word] = word in self._capitalised and not is_root_word(word)
        if not self._names[word]:
            raise KeyError(word)
        return self._capitalised[word]

    def __iter__(self) -> Iterator[str]:
        return (word for word in self._capitalised if word in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def cased_forms(texts: Iterable[str]) -> CasedForms:
    """The words the documents write as names, with the form they write them in."""
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
        if len(key) >= 3 and capitalised >= CAPITALISED_SHARE * (capitalised + lower[key]):
            forms[key] = counts.most_common(1)[0][0]
    return CasedForms(forms)


def truecased(question: str, forms: Mapping[str, str]) -> str:
    """`question` with each word written wholly in lower case that `forms` or the country names know written as a
    name ("di turkmenistan" → "di Turkmenistan"); other words as typed."""
    from .countries import country_form

    def cased(match: re.Match) -> str:
        word = match.group(0)
        if not word.islower():
            return word
        return forms.get(word) or country_form(word) or word

    return _WORD.sub(cased, question)
