"""Who speaks where in a transcript: the speaker lines of minutes or an interview ("KETUA KOMISI C (H. SUHARNO …):"),
each over the turn it opens, up to the next."""

from __future__ import annotations

import re
from functools import lru_cache

# A line of capitals, figures and a name's punctuation ending in a colon: "KEPALA DINAS LINGKUNGAN HIDUP:",
# "ANGGOTA KOMISI C (DEWI LESTARI NUGROHO, S.H.):".
_SPEAKER_LINE = re.compile(r"^[^\S\n]*([A-Z][A-Z0-9 .,'’()/&-]{1,150}?)[^\S\n]*:[^\S\n]*$", re.M)
# The same name opening its turn's line: "LA ODE SYARIFUDDIN: Terima kasih, Mbak Fadhilah. …".
_SPEAKER_OPENING = re.compile(r"^[^\S\n]*([A-Z][A-Z0-9 .,'’()/&-]{1,150}?)[^\S\n]*:[^\S\n]+(?=\S)", re.M)
_HEAD = re.compile(r"\s*\(.*$")  # "ANGGOTA KOMISI C (DEWI …)" speaks as "ANGGOTA KOMISI C"


@lru_cache(maxsize=64)
def speaker_lines(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, speaker) of each speaker line of `text`, or of each speaker's name opening a line ("LA ODE
    SYARIFUDDIN: Terima kasih …", ending at its colon), when `text` is a transcript: some speaker has two turns or
    more ("KETUA KOMISI C:" again), which a decree's "MENIMBANG:" and "MEMUTUSKAN:" do not; else none."""
    lines = sorted((m.start(), m.end(), m.group(1).strip())
                   for pattern in (_SPEAKER_LINE, _SPEAKER_OPENING) for m in pattern.finditer(text))
    heads = [_HEAD.sub("", speaker) for _, _, speaker in lines]
    return tuple(lines) if len(lines) >= 3 and len(set(heads)) < len(heads) else ()


def is_speaker_line(text: str, sentence_start: int) -> bool:
    """Whether the sentence at `sentence_start` of `text` is one of its speaker lines, a line of its own: no answer by
    itself (a turn's first sentence after its speaker's name is)."""
    return any(start <= sentence_start < end and _SPEAKER_LINE.match(text, start) is not None
               for start, end, _ in speaker_lines(text))


def speaker_at(text: str, offset: int) -> str | None:
    """Who speaks at `offset` of transcript `text`, named as fully as any of their speaker lines names them
    ("KEPALA DINAS LINGKUNGAN HIDUP (IR. AGUSTINA RAHMAWATI, M.T.)" for a later "KEPALA DINAS LINGKUNGAN HIDUP:")."""
    lines = speaker_lines(text)
    before = [speaker for start, end, speaker in lines if start <= offset]
    if not before:
        return None
    head = _HEAD.sub("", before[-1])
    named = _named_by_initials(text, head)
    if named is not None:
        return named
    return next((speaker for _, _, speaker in lines if _HEAD.sub("", speaker) == head and "(" in speaker), before[-1])


def _named_by_initials(text: str, initials: str) -> str | None:
    """The name a transcript's header gives a speaker known by initials: "Teuku Rahmat Hidayat (TRH)" for "TRH"."""
    if not re.fullmatch(r"[A-Z]{2,5}", initials):
        return None
    full = re.search(rf"\b([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,5}})\s*\({initials}\)", text)
    return f"{full.group(1)} ({initials})" if full is not None else None
