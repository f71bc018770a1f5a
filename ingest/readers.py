"""Find and read the documents under the paths a user gives: `.txt`, `.md` and `.html`.

Bad input never stops a run silently: undecodable, binary, empty and unsupported files are skipped
with a warning naming the file; a missing path or one without any supported file is an error.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from .cleaning import clean_text
from .documents import Document, make_doc_id, sha256_text

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_FILE_BYTES = 20 * 1024 * 1024


class IngestError(ValueError):
    """The input cannot be ingested at all (missing path, nothing supported)."""


@dataclass(frozen=True)
class Skipped:
    """A file that was not ingested, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class ReadResult:
    documents: list[Document]
    skipped: list[Skipped]


def discover(paths: list[Path]) -> list[tuple[Path, str]]:
    """`(file, source)` pairs for every file under `paths`; `source` is relative to the folder given."""
    found: list[tuple[Path, str]] = []
    for path in paths:
        if not path.exists():
            raise IngestError(f"{path} does not exist. Give a file or folder of .txt, .md or .html documents.")
        if path.is_dir():
            # A link to a missing file is listed too, so that it is reported as unreadable rather than passed over.
            for file in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink() and not p.exists()):
                if any(part.startswith(".") for part in file.relative_to(path).parts):
                    continue
                found.append((file, file.relative_to(path).as_posix()))
        else:
            found.append((path, path.name))
    return found


def read_documents(paths: list[Path]) -> ReadResult:
    """Read and clean every supported file under `paths`."""
    documents: list[Document] = []
    skipped: list[Skipped] = []
    seen_sources: set[str] = set()
    for file, source in discover(paths):
        if file.suffix.lower() not in SUPPORTED_SUFFIXES:
            skipped.append(Skipped(str(file), f"unsupported type {file.suffix or '(none)'}"))
            continue
        try:
            document = read_document(file, source)
        except UnreadableFile as exc:
            skipped.append(Skipped(str(file), str(exc)))
            continue
        if source in seen_sources:
            skipped.append(Skipped(str(file), f"another file already has the source name {source}"))
            continue
        seen_sources.add(source)
        documents.append(document)
    for item in skipped:
        log.warning("Skipped %s: %s", item.path, item.reason)
    if not documents:
        names = ", ".join(str(p) for p in paths)
        raise IngestError(f"No readable .txt, .md or .html document found in {names}.")
    return ReadResult(documents, skipped)


class UnreadableFile(ValueError):
    """One file cannot be read as text."""


def read_document(file: Path, source: str) -> Document:
    """Read one file into a cleaned `Document`; raise `UnreadableFile` with the reason."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot be read ({exc.strerror})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    text = decode(data, source)
    if file.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    elif file.suffix.lower() in (".md", ".markdown"):
        text = markdown_to_text(text)
    else:  # a plain-text file may hold a pipe table too (a report copied from a spreadsheet or a Markdown editor)
        text = tables_to_sentences(text)
    cleaned = clean_text(text)
    if not cleaned.text.strip():
        raise UnreadableFile("holds no text")
    meta = {"date": cleaned.date} if cleaned.date else {}
    return Document(
        doc_id=make_doc_id(source), source=source, title=cleaned.title, text=cleaned.text,
        content_sha256=sha256_text(cleaned.text), meta=meta,
    )


# Formats that may come renamed to .txt and that text decoders would turn into noise ("%PDF-1.4 … BT /F1 12 Tf").
_OTHER_FORMATS = ((b"%PDF-", "a PDF file"), (b"PK\x03\x04", "a ZIP archive (a Word .docx is one)"),
                  (b"{\\rtf", "an RTF document"), (b"\xd0\xcf\x11\xe0", "a legacy Office file (.doc)"),
                  (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"))


def decode(data: bytes, name: str = "") -> str:
    """UTF-8 when valid, else the encoding charset-normalizer detects (Windows-1252, the legacy encoding of
    Indonesian and Western text, whenever it is among the plausible ones); binary data is refused."""
    if not data.strip():
        raise UnreadableFile("is empty")
    if b"\x00" in data[:8192]:
        raise UnreadableFile("looks binary (holds NUL bytes)")
    start = re.match(rb"\s*", data).end()  # the same whitespace bytes.lstrip() skips, without copying the file
    head = data[start:start + 8]
    kind = next((k for magic, k in _OTHER_FORMATS if head.startswith(magic)), None)
    if kind is not None:
        raise UnreadableFile(f"is {kind}, whatever its name says: save it as plain text (.txt) first")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise UnreadableFile("is not UTF-8 and no text encoding could be detected")
    # charset-normalizer ranks cp1250 first for cp1252 text with a few accents ("crème" → "crčme"), with the same
    # scores: on a tie, the Western encoding.
    best = next((m for m in matches if m.encoding == "cp1252" and m.chaos <= best.chaos
                 and m.coherence >= best.coherence), best)
    log.warning("Decoded %s as %s (it is not UTF-8)", name or "a file", best.encoding)
    return str(best)


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "noscript", "nav", "footer", "header", "aside", "form", "svg", "iframe"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "blockquote", "pre", "title", "figcaption", "dd", "dt"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self.skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


SHORT_PAGE_CHARS = 1000


def html_to_text(markup: str) -> str:
    """The article of an HTML page, one block per line, its title first.

    trafilatura finds the main text and leaves out what surrounds it (menus, cookie banners, ads, captions,
    related links). A short page (a fragment, a note: under `SHORT_PAGE_CHARS` of visible text, where trafilatura
    falls back to reading every element as its own line) and a page it finds no article in are read whole.
    """
    visible = _visible_text(markup)
    if len(visible) < SHORT_PAGE_CHARS:
        return visible
    import trafilatura  # lxml and friends: loaded only when a long HTML page is read

    article = trafilatura.extract(markup, include_comments=False, include_tables=True, include_images=False,
                                  deduplicate=False, output_format="txt")
    if not article or not article.strip():
        return visible
    metadata = trafilatura.extract_metadata(markup)
    title = re.sub(r"\s+", " ", metadata.title).strip() if metadata and metadata.title else ""
    if title and not article.lstrip().startswith(title):
        article = f"{title}\n{article}"
    return tables_to_sentences(_with_byline(article, visible))


# An author's byline near the top of a page: "Oleh: Stevanus Lumenta | Manado, Rabu, 8 Oktober 2025 14:20 WITA".
_BYLINE_LINE = re.compile(r"(?i:oleh|penulis|ditulis oleh|by|written by)\s*:?\s+[A-Z][^\n]{0,150}$")
_BYLINE_LINES_READ = 25


def _with_byline(article: str, visible: str) -> str:
    """`article` with the page's byline under its title when trafilatura left it out (it drops `<p class="byline">`
    as boilerplate, and with it who wrote the article and often its date). A byline's parts ("Oleh: …", "Manado,
    Rabu, 8 Oktober 2025 …") go on lines of their own, so that cleaning keeps the author and reads the date line."""
    for line in visible.split("\n")[:_BYLINE_LINES_READ]:
        if _BYLINE_LINE.match(line):
            parts = [part.strip() for part in re.split(r"\s+[|·•]\s+", line) if part.strip()]
            if all(part in article for part in parts):
                return article
            title, newline, rest = article.partition("\n")
            return "\n".join([title, *parts, rest]) if newline else "\n".join([title, *parts])
    return article


def _visible_text(markup: str) -> str:
    """Visible text of an HTML page, one block per line; scripts, styles and navigation dropped."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _cells(row: str) -> str:
    """A table row's cells between its outer pipes, if it has them."""
    row = row.strip()
    return row[1 if row.startswith("|") else 0:-1 if row.endswith("|") and len(row) > 1 else None]


def tables_to_sentences(text: str) -> str:
    """Pipe tables (Markdown's, and trafilatura's rendering of HTML tables) as one sentence per row, each cell
    named by its column: "| Bali | 190 |" under "| Provinsi | Jumlah SPBKLU |" becomes "Provinsi: Bali; Jumlah
    SPBKLU: 190." A row of pipes is neither readable as an answer nor a sentence the splitter can find."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        # Outer pipes are optional where a rule line ("---|---") follows the header ("Uraian | 2023 | 2022"), and
        # where three or more lines have as many pipes each, as a table typed into a text file is ("Nomor | Juara |
        # Klub" over "Tunggal putra | Rizky Pratama Aji | PB Jaya Raya Salatiga").
        bare = ("|" in lines[i] and i + 1 < len(lines) and "|" in lines[i + 1]
                and _TABLE_RULE.match(lines[i + 1]) is not None)
        pipes = lines[i].count("|")
        typed = (not bare and not _TABLE_ROW.match(lines[i]) and pipes > 0 and i + 2 < len(lines)
                 and lines[i + 1].count("|") == pipes == lines[i + 2].count("|"))
        if not _TABLE_ROW.match(lines[i]) and not bare and not typed:
            out.append(lines[i])
            i += 1
            continue
        rows = []
        while i < len(lines) and (lines[i].count("|") == pipes if typed else (
                _TABLE_ROW.match(lines[i]) or _TABLE_RULE.match(lines[i]) or bare and "|" in lines[i])):
            rows.append(lines[i])
            i += 1
        cells = [[c.strip() for c in _cells(r).split("|")] for r in rows if not _TABLE_RULE.match(r)]
        if typed:  # its first line is its header unless it holds a figure ("Beras | 4.020 kg" is a row)
            header = None if re.search(r"\d", rows[0]) else cells[0]
        else:
            header = cells[0] if len(rows) > 1 and _TABLE_RULE.match(rows[1]) else None
        for row in cells[1:] if header else cells:
            named = [f"{name}: {value}" if name else value for name, value in zip(header or [""] * len(row), row)
                     if value]
            if named:
                sentence = "; ".join(named)
                out.append(sentence if sentence.endswith((".", "!", "?")) else sentence + ".")
    return "\n".join(out)


def markdown_to_text(markdown: str) -> str:
    """Plain text of Markdown: markup removed, link text kept, one paragraph per line."""
    text = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"^\s*[-*+]\s+", "- ", text, flags=re.MULTILINE)
    return tables_to_sentences(html.unescape(text))
