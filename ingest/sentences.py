"""An Indonesian sentence splitter that returns character spans, so offsets always map back to the text.

It knows Indonesian abbreviations (`Dr.`, `No.`, `dll.`, `dsb.`), numbers with thousands dots or
decimal commas (`4.000`, `2,5`), amounts (`$60 miliar`), initials (`M. Hatta`), numbered headings
(`1. Pendahuluan.`) and list items (a new line always starts a new sentence); an APA-style reference
entry (`Laruelle, M. (Ed.). (2018). Constructing the …`) is one sentence. Wikipedia copies end
sentences with reference marks (`Soekarno.[1] Adapun`) and sometimes lose the space (`ini.Para pendiri`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"

# A candidate end: terminal punctuation, optional closing quotes/brackets and reference marks ("[1]"), then
# whitespace; or a full stop glued to the next sentence's capitalised word after a lower-case word ("ini.Para").
_CANDIDATE = re.compile(r"[.?!…]+[\"'”’)\]]*(?:\[\d{1,3}\])*(?=\s)|(?<=[a-z]{3})\.(?=[A-Z][a-z])")
SPLITTER_VERSION = 8
"""Raised whenever the splitter's spans change, so that indexes built before re-chunk their documents."""
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")  # 4.000, 1.250.000, 2,5, 17.08.1945
_WEB_ADDRESS = re.compile(r"(?:[\w.+-]+@|https?://|www\.)[\w./-]+$")  # "… info@kemlu.go.id. Terima kasih."
# A reference-list entry in APA style: an optional list marker, the author ending in a stop, an optional "(Ed.).",
# then the year in brackets and a stop ("1. The World Bank. (2021). Regional …", "Laruelle, M. (Ed.). (2018). …").
_REFERENCE_ENTRY = re.compile(r"^\s*(?:\d{1,3}[.)]|[-•*–])?\s*[^()]{2,150}?\.\s*(?:\((?:Ed|Eds|ed|eds|Peny)\.?\)\.\s*)?"
                              r"\(\s*(?:\d{4}[a-z]?|n\.d\.|t\.t\.)\s*\)\s*\.")
_MAX_REFERENCE_ENTRY = 600


@lru_cache(maxsize=None)
def _wordlist(name: str) -> frozenset[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def abbreviations() -> frozenset[str]:
    """Abbreviations after which a sentence never ends."""
    return _wordlist("abbreviations_id.txt")


def list_end_abbreviations() -> frozenset[str]:
    """Abbreviations such as `dll` that may end a sentence when a capital follows."""
    return _wordlist("list_end_abbreviations_id.txt")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` spans of the sentences of `text`, stripped of surrounding whitespace.

    Line breaks always end a sentence; `text[start:end]` is each sentence verbatim.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        for start, end in _line_spans(line):
            spans.append((offset + start, offset + end))
        offset += len(line) + 1
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of `text` as strings."""
    return [text[start:end] for start, end in sentence_spans(text)]


def _line_spans(line: str) -> list[tuple[int, int]]:
    if len(line) <= _MAX_REFERENCE_ENTRY and _REFERENCE_ENTRY.match(line):
        return [_strip(line, 0, len(line))]  # "The World Bank." and "(2021)." are no sentences: the entry is one
    spans = []
    start = 0
    for match in _CANDIDATE.finditer(line):
        end = match.end()
        if _is_boundary(line, match.start(), end):
            spans.append((start, end))
            start = end
    spans.append((start, len(line)))
    return [_strip(line, s, e) for s, e in spans if line[s:e].strip()]


def _strip(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def _is_boundary(line: str, punct_start: int, end: int) -> bool:
    rest = line[end:].lstrip()
    if not rest:
        return True
    next_char = rest[0]
    if next_char.islower() or next_char in ",;:":
        return False
    if line[punct_start] != ".":
        return True
    before = _WORD_BEFORE.search(line[:punct_start])
    word = before.group(1) if before else ""
    lower = word.lower().rstrip(".")
    if lower in abbreviations():
        return False
    if lower in list_end_abbreviations():
        return next_char.isupper()
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "M. Hatta"
    number = word.isdigit() or _NUMBER.fullmatch(word) is not None
    if number and not line[: punct_start - len(word)].strip():
        return False  # a numbered heading or list item: "1. Pendahuluan", "2.1. Latar Belakang"
    if _WEB_ADDRESS.search(line[:punct_start]):
        return True  # an e-mail or web address ends the sentence: its own dots are inside it
    if "." in word.strip(".") and not number:
        return False  # "a.n.", "s.d.", "U.S."; a number ends a sentence: "berjumlah 4.000. Mereka"
    return True
