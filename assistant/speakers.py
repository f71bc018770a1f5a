"""Who speaks where in a transcript: the speaker lines of minutes or an interview ("KETUA KOMISI C (H. SUHARNO …):"),
each over the turn it opens, up to the next."""

from __future__ import annotations

import re
from functools import lru_cache

# A line of capitals, figures and a name's punctuation ending in a colon: "KEPALA DINAS LINGKUNGAN HIDUP:",
# "ANGGOTA KOMISI C (DEWI LESTARI NUGROHO, S.H.):".
_SPEAKER_LINE = re.compile(r"^[^\S\n]*([A-Z][A-Z0-9 .,'’()/&-]{1,150}?)[^\S\n]*:[^\S\n]*$", re.M)
_HEAD = re.compile(r"\s*\(.*$")  # "ANGGOTA KOMISI C (DEWI …)" speaks as "ANGGOTA KOMISI C"


@lru_cache(maxsize=64)
def speaker_lines(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, speaker) of each speaker line of `text`, when `text` is a transcript: some speaker has two turns or
    more ("KETUA KOMISI C:" again), which a decree's "MENIMBANG:" and "MEMUTUSKAN:" do not; else none."""
    lines = [(m.start(), m.end(), m.group(1).strip()) for m in _SPEAKER_LINE.finditer(text)]
    heads = [_HEAD.sub("", speaker) for _, _, speaker in lines]
    return tuple(lines) if len(lines) >= 3 and len(set(heads)) < len(heads) else ()


def is_speaker_line(text: str, sentence_start: int) -> bool:
    """Whether the sentence at `sentence_start` of `text` is one of its speaker lines: no answer by itself."""
    return any(start <= sentence_start < end for start, end, _ in speaker_lines(text))


def speaker_at(text: str, offset: int) -> str | None:
    """Who speaks at `offset` of transcript `text`, named as fully as any of their speaker lines names them
    ("KEPALA DINAS LINGKUNGAN HIDUP (IR. AGUSTINA RAHMAWATI, M.T.)" for a later "KEPALA DINAS LINGKUNGAN HIDUP:")."""
    lines = speaker_lines(text)
    before = [speaker for start, end, speaker in lines if end <= offset]
    if not before:
        return None
    head = _HEAD.sub("", before[-1])
    return next((speaker for _, _, speaker in lines if _HEAD.sub("", speaker) == head and "(" in speaker), before[-1])
