"""Indonesian short forms of names ("Kaltim" for "Kalimantan Timur"): search and answers read both as one."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "name_abbreviations_id.txt"


@lru_cache(maxsize=1)
def short_forms() -> dict[str, str]:
    """Short form → full name, as the data file writes them ("Jatim" → "Jawa Timur")."""
    pairs = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short, full = line.split("\t")
            pairs[short.strip()] = full.strip()
    return pairs


@lru_cache(maxsize=1)
def _by_lower() -> dict[str, str]:
    return {short.lower(): full for short, full in short_forms().items()}


@lru_cache(maxsize=1)
def _by_full_lower() -> dict[str, str]:
    return {full.lower(): short for short, full in short_forms().items()}


def full_name(word: str) -> str | None:
    """The full name `word` is short for ("kaltim" → "Kalimantan Timur"; "dirutnya", its "Direktur Utama"), any case,
    or None."""
    lower = word.lower()
    return _by_lower().get(lower) or (_by_lower().get(lower[:-3]) if lower.endswith("nya") else None)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    names = sorted([*short_forms(), *short_forms().values()], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)


def with_other_forms(text: str) -> str:
    """`text` followed by the other form of each name it writes one way: "… ke Jatim." gains "Jawa Timur.",
    "… di Kalimantan Timur." gains "Kaltim.". Each added name stands as a sentence of its own, so it never runs on
    into another capitalised word."""
    added = []
    for match in _pattern().finditer(text):
        found = match.group(0)
        other = full_name(found) or _by_full_lower().get(" ".join(found.lower().split()))
        if other and other not in added:
            added.append(other)
    return text if not added else text + " " + " ".join(f"{name}." for name in added)
