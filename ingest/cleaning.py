"""Turn scraped article text into clean prose: drop web boilerplate, re-join hard-wrapped lines.

The rules are general patterns of Indonesian news and blog pages (ad markers, subscription and comment
prompts, spam bylines, related-article blocks, footers, menu runs, photo captions), never strings
of one particular file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = ("januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
           "jan|feb|mar|apr|jun|jul|agu|agt|ags|sep|sept|okt|nov|des|dec|aug|oct|may")

# A whole line is dropped when it matches one of these (case-insensitive).
_JUNK_LINES = [re.compile(p, re.IGNORECASE) for p in (
    r"^(advertisement|advertorial|iklan|sponsored|scroll to continue( with content)?|lanjutkan membaca)\W*$",
    r"^.{0,80}\b(klik|click)\b.{0,40}\b(berlangganan|subscribe)\b.*$",
    r"^(menikmati|suka dengan) artikel ini\?.*$",
    r"^.{0,40}\bberlangganan\b.{0,80}\b(per bulan|/bulan|per tahun)\b.*$",
    r"^(posting|tulis|kirim|lihat( semua)?|tambahkan) komentar\b.*$",
    r"^\d*\s*komentar\s*$",
    r"^posted by\s*:.*$",
    r"^(baca juga|baca selengkapnya|simak juga|lihat juga)\s*:?.*$",
    r"^(simak|ikuti|dapatkan|follow)\b.{0,80}\b(google news|whatsapp channel|saluran whatsapp|telegram|instagram)\b"
    r".{0,40}$",
    r"^(berita|artikel|bacaan) (terkait|lainnya|populer|terpopuler)\s*:?\s*$",
    r"^(share|bagikan)( (ke|to|artikel ini))?\s*:?\s*(facebook|twitter|whatsapp|\s)*$",
    r"^(\d{4}\s*)?(©|\(c\)|copyright)\s*.*$",
    r"^.{0,60}(©|copyright)\s*\d{4}.*$",
    r"^version\s+\d+(\.\d+)+\s*$",
    r"^konten dari pengguna\s*$",
    # Kept: a byline ("Tulisan dari <author> tidak mewakili pandangan dari redaksi", "Penulis: <author>") answers
    # "siapa penulis artikel ini?".
    r"^(editor|reporter|pewarta|sumber)\s*:\s*\S.{0,60}$",
    r"^\(\s*(foto|photo|gambar|ilustrasi)\s*:.*\)\s*$",
    r"^(foto|photo|gambar)\s*:.{0,200}(sumber|source|dok\.?)\s*:.*$",
    r"^\(\*+\)\s*$",
)]

_DATE_TEXT = (
    rf"(?:(?:diperbarui|updated|dipublikasikan|terbit)\s+)?(?:[^\W\d][\w.\- ]{{0,40}},\s*)?"  # "Jakarta Selatan, "
    r"(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s+)?"  # "Senin 12 Februari 2024"
    rf"(?:\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}|\(\d{{1,2}}/\d{{1,2}}/\d{{4}}\))"  # "Rabu (5/11/2025)" too
    r"(?:[,\s]+\d{1,2}[:.]\d{2}(?:\s*(?:wib|wita|wit))?)?"
)
_DATE_LINE = re.compile(rf"^{_DATE_TEXT}\s*$", re.IGNORECASE)
# A news lead that starts with its dateline: "Pekanbaru, Selasa (4/11/2025) - Sehari setelah kebakaran …".
_DATE_PREFIX = re.compile(rf"^(?P<date>{_DATE_TEXT})\s*[-–—]\s+(?=\S)", re.IGNORECASE)
_RELATED_HEADER = re.compile(r"^(berita|artikel|bacaan) (terkait|lainnya|populer|terpopuler)\s*:?\s*$", re.IGNORECASE)
_GLUED_WORDS = re.compile(r"[a-z][A-Z]")
# A line that ends a sentence: its punctuation, then any closing quotes or brackets ('… kata dia."', '(lihat Tabel 2).').
# A bracket or quote alone ends nothing: "… Shanghai (SCO)" goes on in the next line.
_TERMINAL = re.compile(r"[.?!:;…][\"'”’)\]]*$")


@dataclass(frozen=True)
class CleanedText:
    """The cleaned text plus what was lifted out of it."""

    text: str
    title: str
    date: str | None
    dropped_lines: int


def clean_text(raw: str) -> CleanedText:
    """Clean one scraped article; the first remaining line becomes the title."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    lines = _cut_related_block([line.strip() for line in raw.split("\n")])
    kept: list[str] = []
    date: str | None = None
    dropped = 0
    for line in lines:
        if not line:
            kept.append("")
            continue
        if _is_junk(line):
            dropped += 1
            continue
        if _DATE_LINE.match(line):
            date = date or line
            dropped += 1
            continue
        dateline = _DATE_PREFIX.match(line)
        if dateline:  # the publication date is metadata; the lead's own sentence stays
            date = date or dateline.group("date")
            line = line[dateline.end():]
        kept.append(line)
    kept = _drop_repeated_titles(kept)
    text = _rejoin_wrapped_lines(kept)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return CleanedText(text=text, title=_title(lines), date=date, dropped_lines=dropped)


def _title(lines: list[str]) -> str:
    """The document's first line, less what only says what kind of document it is ("SIARAN PERS", "PENGUMUMAN") and
    a letter's number ("Nomor: 1127/UN16.R/KM/2025"); when nothing else is left, the headline under it."""
    title = lines[0] if lines else ""
    kind = _KIND_PREFIX.match(title)
    # "PENGUMUMAN PT Kereta Api …" glued to the line under it; not "LAPORAN PRODUKSI PADI", nor "Berita Acara …"
    if kind and title[:kind.end()].isupper() and not title[kind.end():].isupper():
        title = title[kind.end():]
    title = _LETTER_NUMBER.sub("", title).strip(" :–-")
    if title and not _KIND_OF_DOCUMENT.match(title):
        return title
    under = [line for line in lines[1:3] if not _LETTER_NUMBER.fullmatch(line)]
    if under and not _TERMINAL.search(under[0]) and not _DATE_LINE.match(under[0]):
        return under[0]
    return lines[0] if lines else ""


_KIND_OF_DOCUMENT = re.compile(r"(?i:siaran pers|rilis(?: pers| media| berita)?|press release|for immediate release|"
                               r"untuk (?:disiarkan|segera dipublikasikan)(?: segera)?|berita(?: resmi statistik)?|"
                               r"opini|artikel|laporan|kolom|editorial|tajuk rencana|pengumuman(?: resmi)?|"
                               r"pemberitahuan|penjelasan(?: publik)?|informasi(?: publik)?|keterangan pers|"
                               r"pernyataan(?: pers| resmi| sikap)?|maklumat|undangan|surat edaran|brosur|"
                               r"not(?:ulen|ula)(?: rapat)?|risalah(?: rapat)?|ringkasan putusan|announcement|"
                               r"public notice|notice|wawancara(?: khusus| eksklusif)?|interview|feature|profil|"
                               r"resensi(?: buku)?|ulasan|obituari|in memoriam|liputan khusus)\W*$")
# The same kind, upper-case, at the start of a line that goes on: "PENGUMUMAN PT Kereta Api Indonesia …".
_KIND_PREFIX = re.compile(_KIND_OF_DOCUMENT.pattern.replace(r"\W*$", r"\s+"))
# A letter's number under its kind ("Nomor: 1127/UN16.R/KM/2025", "No. 12/SE/2025"): what it is, not what about.
_LETTER_NUMBER = re.compile(r"(?i:\bnomor|\bno\.?)\s*(?::\s*\S*\d|\S*\d\S*/)\S*\s*$")


def _is_junk(line: str) -> bool:
    if any(pattern.match(line) for pattern in _JUNK_LINES):
        return True
    return _is_menu_run(line)


def _is_menu_run(line: str) -> bool:
    """Navigation menus scraped as one line: several words glued without spaces, no sentence punctuation."""
    glued = len(_GLUED_WORDS.findall(line))
    return glued >= 3 and not re.search(r"[.?!,]\s", line)


def _drop_repeated_titles(lines: list[str]) -> list[str]:
    """Pages often repeat their headline (also upper-cased); keep the first of the opening lines only."""
    opening = [line for line in lines if line][:3]
    heads = {line.casefold().rstrip(".") for line in opening if len(line) <= 200}
    seen: set[str] = set()
    out = []
    for line in lines:
        key = line.casefold().rstrip(".")
        if line and key in heads:
            if key in seen:
                continue
            seen.add(key)
        out.append(line)
    return out


def _cut_related_block(lines: list[str]) -> list[str]:
    """A "Berita Terkait" / "Artikel Lainnya" header in the last third starts a list of links: drop it all."""
    for i, line in enumerate(lines):
        if i >= len(lines) * 2 // 3 and _RELATED_HEADER.match(line):
            return lines[:i]
    return lines


_LIST_ITEM = re.compile(r"(?:[-•*–]|\d{1,2}[.)])\s+")  # "- ", "• ", "1. ", "2) " before an item
# A form field: a short capitalised label (group 1) and a colon before its value ("Hari/Tanggal: Senin, 3 November
# 2025", "Notulis: Siti Aminah"). The answerer reads the same fields.
FORM_FIELD = re.compile(r"([A-Z][A-Za-z]*(?:[ /][A-Za-z]+){0,3})\s?:\s+\S")


def _form_fields(lines: list[str]) -> list[bool]:
    """Which lines are form fields: two or more field-like lines in a row (a minutes' header); a single one may be a
    hard-wrapped sentence going on ("… dan Sumber" / "Daya: Sebagian besar …")."""
    like = [bool(FORM_FIELD.match(line)) for line in lines]
    return [here and ((i > 0 and like[i - 1]) or (i + 1 < len(lines) and like[i + 1])) for i, here in enumerate(like)]


def _rejoin_wrapped_lines(lines: list[str]) -> str:
    """Join lines that were broken inside a sentence.

    A document counts as hard-wrapped when many of its long lines stop without sentence punctuation;
    there, a line that does not end a sentence is joined to the next. Elsewhere only a line followed by a
    lower-case continuation is joined, so headings without a period keep their own line. List items and form fields
    ("Notulis: Siti Aminah" under "Hari/Tanggal: …") always keep their own line.
    """
    fields = _form_fields(lines)
    own_line = [bool(line) and (bool(_LIST_ITEM.match(line)) or field) for line, field in zip(lines, fields)]
    content = [line for line, own in zip(lines, own_line) if line and not own]  # items and fields need no full stop
    long_lines = [line for line in content if len(line) >= 40]
    open_lines = [line for line in long_lines if not _TERMINAL.search(line)]
    wrapped = len(long_lines) >= 5 and len(open_lines) >= 0.4 * len(long_lines)
    out: list[str] = []
    after_field = False  # the last line kept is a form field: only a lower-case line goes on with its value
    for line, own, field in zip(lines, own_line, fields):
        if out and out[-1] and line and not own:
            previous = out[-1]
            ends = _TERMINAL.search(previous) is not None
            continues = line[0].islower() or (wrapped and not ends and not after_field)
            if continues and not ends:
                out[-1] = previous + " " + line
                continue
        out.append(line)
        after_field = field
    return "\n".join(out)
