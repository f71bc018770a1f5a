"""Turn an `Answer` into what the chat shows: the answer as safe markdown, the cited passages as safe HTML.

Pure string functions, no UI library. Every piece of text that comes from a document (the answer
sentences, passage text, titles, file names) is untrusted and is escaped here; the only markup in the
output is the markup these functions write themselves.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from .answer import Answer, Passage
from .question_kinds import question_language

LABELS = {
    "id": {
        "sources": "Sumber",
        "no_sources": "Tidak ada sumber yang mendukung jawaban.",
        "placeholder": "Sumber yang dikutip akan muncul di sini setelah Anda bertanya.",
        "position": "posisi: karakter {start}–{end}",
        "untitled": "(tanpa judul)",
        "cited_passage": "Bagian dokumen yang dikutip",
        "open_document": "Buka dokumen lengkap",
        "document_excerpt": "Dokumen ini panjang; yang ditampilkan hanya bagian di sekitar kutipan.",
        "searching_sources": "Mencari sumber…",
        "searched_as": "Dicari sebagai",
        "written_by": "Ditulis oleh model bahasa {model}; setiap kalimat diperiksa terhadap kutipan yang dirujuknya.",
        "index": "Indeks",
        "index_line": "{documents} dokumen · {chunks} potongan · model {model} · dibuat {built_at}",
        "added": "Ditambahkan",
        "updated": "Diperbarui",
        "unchanged": "Sudah ada (tidak berubah)",
        "refused": "Ditolak",
        "nothing_added": "Tidak ada berkas yang ditambahkan.",
        "removed": "Dihapus dari indeks",
        "searchable": "Dokumen baru sudah bisa ditanyakan.",
    },
    "en": {
        "sources": "Sources",
        "no_sources": "No source supports an answer.",
        "placeholder": "The cited sources will appear here once you ask a question.",
        "position": "position: chars {start}–{end}",
        "untitled": "(untitled)",
        "cited_passage": "Cited document passage",
        "open_document": "Open the whole document",
        "document_excerpt": "This document is long; only the part around the passage is shown.",
        "searching_sources": "Searching for sources…",
        "searched_as": "Searched as",
        "written_by": "Written by the language model {model}; every sentence was checked against the passage it cites.",
        "quoted_in_indonesian": "The answer quotes the Indonesian documents as written; tanya does not translate.",
        "index": "Index",
        "index_line": "{documents} documents · {chunks} chunks · model {model} · built {built_at}",
        "added": "Added",
        "updated": "Updated",
        "unchanged": "Already there (unchanged)",
        "refused": "Refused",
        "nothing_added": "No file was added.",
        "removed": "Removed from the index",
        "searchable": "The new documents can be asked about now.",
    },
}

# Markdown punctuation that could start inline syntax anywhere (links, emphasis, code, tables, math, HTML).
_INLINE_SPECIAL = set("\\`*_{}[]()#!|~$^")
# A line that would open a block (list item, heading underline, ordered list) when it starts like this.
_BLOCK_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
# A citation marker as the answerer writes it: ` [n]` at the end of a sentence (after a space).
_CITATION = re.compile(r"(?<!\S)\[(\d{1,4})\](?=\s|$)")
# A document longer than this is shown in its "whole document" view as a window around the passage.
MAX_DOCUMENT_CHARS = 200_000
# Private-use characters that stand in for a citation while the text around it is escaped.
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


def _labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["id"])


def escape_markdown(text: str) -> str:
    """`text` as markdown that renders as exactly that text: no HTML, no links, no emphasis, no math."""
    out = []
    # Leading indentation would turn a line into a code block, where the escapes below would show.
    for ch in _INDENT.sub("", str(text)):
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch in _INLINE_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out)

    def block(match: re.Match) -> str:
        indent, bullet, digits, dot = match.groups()
        return f"{indent}\\{bullet}" if bullet else f"{indent}{digits}\\{dot}"

    return _BLOCK_START.sub(block, escaped)


def anchor_id(n: int) -> str:
    """The HTML id of the card of passage `n` (what a `[n]` link points to)."""
    return f"passage-{int(n)}"


def render_answer_markdown(answer: Answer) -> str:
    """The answer text, escaped, with each `[n]` citation of a cited passage turned into a link to its card."""
    cited = set() if answer.abstained else {p.n for p in answer.cited}
    text = str(answer.answer).replace(_OPEN, "").replace(_CLOSE, "")

    def placeholder(match: re.Match) -> str:
        n = int(match.group(1))
        return f"{_OPEN}{n}{_CLOSE}" if n in cited else match.group(0)

    # Mark the citations, escape the whole text in one go (line starts matter), then put the links in.
    escaped = escape_markdown(_CITATION.sub(placeholder, text))
    return _PLACEHOLDER.sub(lambda m: f'<a href="#{anchor_id(int(m.group(1)))}" class="tanya-cite">[{m.group(1)}]</a>',
                            escaped)


def _highlight_spans(answer: Answer, passage: Passage) -> list[tuple[int, int]]:
    """The answering sentences' offsets inside `passage`, clipped to its text, sorted and merged."""
    length = len(passage.text)
    spans = sorted((max(0, s.start), min(length, s.end)) for s in answer.sentences if s.n == passage.n)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight_passage(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` HTML-escaped, with each of the (sorted, disjoint) `spans` wrapped in `<mark>`."""
    parts: list[str] = []
    position = 0
    for start, end in spans:
        parts.append(html.escape(text[position:start]))
        parts.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def document_anchor_id(n: int) -> str:
    """The HTML id of passage `n` inside its whole-document view."""
    return f"passage-{int(n)}-doc"


def highlight_document(text: str, start: int, end: int, spans: list[tuple[int, int]], anchor: str,
                       max_chars: int = MAX_DOCUMENT_CHARS) -> tuple[str, bool]:
    """A whole document as escaped HTML, its passage `[start, end)` wrapped in `<span id=anchor>`.

    `spans` (offsets inside the passage, sorted and disjoint) are marked inside it. A document longer than
    `max_chars` is cut to a window around the passage; the second value says whether it was cut.
    """
    length = len(text)
    start = max(0, min(int(start), length))
    end = max(start, min(int(end), length))
    low, high = 0, length
    if length > max_chars:
        room = max(0, max_chars - (end - start)) // 2
        low, high = max(0, start - room), min(length, end + room)
    width = end - start
    inside = [(max(0, a), min(width, b)) for a, b in spans if min(width, b) > max(0, a)]
    body = highlight_passage(text[start:end], inside)
    before = ("…" if low > 0 else "") + html.escape(text[low:start])
    after = html.escape(text[end:high]) + ("…" if high < length else "")
    return (f'{before}<span class="tanya-doc-passage" id="{html.escape(anchor)}">{body}</span>{after}',
            low > 0 or high < length)


def _document_view(answer: Answer, passage: Passage, document_text: str | None, labels: dict[str, str]) -> str:
    """A closed `<details>` with the whole document, scrolled to the passage; empty when the text does not match."""
    if document_text is None or document_text[passage.start:passage.end] != passage.text:
        return ""  # the document changed since the answer (or is unknown): no view rather than a wrong one
    body, cut = highlight_document(document_text, passage.start, passage.end, _highlight_spans(answer, passage),
                                   document_anchor_id(passage.n))
    note = f'<p class="tanya-doc-note">{html.escape(labels["document_excerpt"])}</p>' if cut else ""
    return (f'<details class="tanya-doc"><summary>{html.escape(labels["open_document"])}</summary>{note}'
            f'<div class="tanya-doc-text" style="white-space: pre-wrap">{body}</div></details>')


def _card(answer: Answer, passage: Passage, labels: dict[str, str], document_text: str | None = None,
          date: str | None = None) -> str:
    n = int(passage.n)
    title = passage.title.strip() or labels["untitled"]
    dated = f' · <span class="tanya-date">{html.escape(date)}</span>' if date else ""
    position = labels["position"].format(start=int(passage.start), end=int(passage.end))
    body = highlight_passage(passage.text, _highlight_spans(answer, passage))
    return (
        f'<div class="tanya-card" id="{anchor_id(n)}" aria-label="{html.escape(labels["cited_passage"])} [{n}]">'
        f'<div class="tanya-card-head"><span class="tanya-n">[{n}]</span> '
        f'<span class="tanya-source">{html.escape(passage.source)}</span> · '
        f'<span class="tanya-title">{html.escape(title)}</span>{dated}</div>'
        f'<div class="tanya-pos">{html.escape(position)}</div>'
        f'<div class="tanya-text" style="white-space: pre-wrap">{body}</div>'
        f"{_document_view(answer, passage, document_text, labels)}"
        f"</div>"
    )


def render_sources_html(answer: Answer, lang: str = "id", documents: Mapping[str, str] | None = None,
                        dates: Mapping[str, str] | None = None) -> str:
    """One card per cited passage (`id="passage-n"`), answering sentences highlighted; a note when abstained.

    `documents` maps a passage's `doc_id` to its document's whole text; a card whose document is there gets a
    "whole document" view with the passage highlighted (`id="passage-n-doc"`). `dates` maps it to the document's
    date line, shown beside the title.
    """
    labels = _labels(lang)
    documents = documents or {}
    dates = dates or {}
    heading = f'<div class="tanya-sources-heading">{html.escape(labels["sources"])}</div>'
    cited = [] if answer.abstained else answer.cited
    if not cited:
        return (f'<div class="tanya-sources">{heading}'
                f'<p class="tanya-no-sources">{html.escape(labels["no_sources"])}</p></div>')
    cards = "".join(_card(answer, passage, labels, documents.get(passage.doc_id), dates.get(passage.doc_id))
                    for passage in cited)
    return f'<div class="tanya-sources">{heading}{cards}</div>'


def render_sources_placeholder(lang: str = "id") -> str:
    """What the sources panel shows before the first question."""
    labels = _labels(lang)
    return (f'<div class="tanya-sources"><div class="tanya-sources-heading">{html.escape(labels["sources"])}</div>'
            f'<p class="tanya-no-sources">{html.escape(labels["placeholder"])}</p></div>')


def render_sources_pending(lang: str = "id") -> str:
    """What the sources panel shows while an answer is being looked for."""
    labels = _labels(lang)
    return (f'<div class="tanya-sources tanya-pending"><div class="tanya-sources-heading">'
            f'{html.escape(labels["sources"])}</div>'
            f'<p class="tanya-no-sources">{html.escape(labels["searching_sources"])}</p></div>')


def render_rewritten_query(query: str, lang: str = "id") -> str:
    """The note under a follow-up's answer saying what was searched, as safe markdown."""
    label = _labels(lang)["searched_as"]
    return f"_{escape_markdown(label)}: {escape_markdown(' '.join(str(query).split()))}_"


def render_answer_message(answer: Answer, lang: str = "id") -> str:
    """The chat message of an answer: the answer with its citation links, and what was searched for a follow-up."""
    text = render_answer_markdown(answer)
    if answer.rewritten_query:
        text += "\n\n" + render_rewritten_query(answer.rewritten_query, lang)
    for note in answer_notes(answer, lang):
        text += f"\n\n_{escape_markdown(note)}_"
    return text


def answer_notes(answer: Answer, lang: str = "id") -> list[str]:
    """The notes shown under an answer: who wrote it (when a language model did), then the answer's own notes.

    An answer quoting Indonesian sentences is told to be in Indonesian when the question or the chat is in English.
    """
    notes = list(answer.notes)
    if answer.generator != "extractive" and not answer.abstained:
        notes.insert(0, _labels(lang)["written_by"].format(model=answer.generator.removeprefix("llm:")))
    elif (not answer.abstained and "en" in (lang, question_language(answer.question))
          and any(question_language(sentence.text) == "id" for sentence in answer.sentences)):
        notes.insert(0, LABELS["en"]["quoted_in_indonesian"])  # not when it quotes an English document
    return notes


def render_answer_steps(answer: Answer, lang: str = "id") -> list[str]:
    """The answer message as it is streamed: one markdown per cited sentence (with the ones before it), then the
    whole message (`render_answer_message`) as the last step."""
    text = str(answer.answer)
    cuts = [] if answer.abstained else [m.end() for m in _CITATION.finditer(text)]
    steps = [render_answer_markdown(replace(answer, answer=text[:cut])) for cut in cuts if text[cut:].strip()]
    steps.append(render_answer_message(answer, lang))
    return steps


def _format_time(value: object) -> str:
    try:
        stamp = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return stamp.strftime("%Y-%m-%d %H:%M") + (" UTC" if stamp.utcoffset() is not None and
                                                not stamp.utcoffset().total_seconds() else "")


def render_index_info(summary: Mapping, lang: str = "id") -> str:
    """One markdown line about the index: documents, chunks, model, when it was built."""
    labels = _labels(lang)
    line = labels["index_line"].format(documents=int(summary.get("documents") or 0),
                                       chunks=int(summary.get("chunks") or 0),
                                       model=summary.get("model") or "?",
                                       built_at=_format_time(summary.get("built_at") or "?"))
    return f"**{escape_markdown(labels['index'])}:** {escape_markdown(line)}"


def render_upload_report(added: list[str], updated: list[str], unchanged: list[str], refused: list[str],
                         lang: str = "id") -> str:
    """What an upload did, as safe markdown: the files added, updated, already there, and refused (with why)."""
    labels = _labels(lang)
    lines = []
    if not (added or updated or unchanged):
        lines.append(f"**{escape_markdown(labels['nothing_added'])}**")
    for key, names in (("added", added), ("updated", updated), ("unchanged", unchanged)):
        if names:
            lines.append(f"**{escape_markdown(labels[key])}:** " + ", ".join(escape_markdown(n) for n in names))
    if added or updated:
        lines.append(escape_markdown(labels["searchable"]))
    lines.extend(f"**{escape_markdown(labels['refused'])}:** {escape_markdown(_reason(reason, lang))}"
                 for reason in refused)
    return "\n\n".join(lines)


# Why ingest or an upload refused a file (English in `ingest` and `uploads`), as the Indonesian chat says it.
_REASONS_ID = (
    ("looks binary (holds NUL bytes)", "tampaknya berkas biner (berisi byte NUL)"),
    ("is not UTF-8 and no text encoding could be detected", "bukan UTF-8 dan pengodeannya tidak dikenali"),
    ("holds no text", "tidak berisi teks"),
    ("is empty", "kosong"),
    ("is larger than", "lebih besar dari"),
    ("the uploaded file cannot be read", "berkas unggahan tidak dapat dibaca"),
    ("cannot be read", "tidak dapat dibaca"),
    ("only .txt, .md and .html files can be added", "hanya berkas .txt, .md dan .html yang bisa ditambahkan"),
    ("; the limit is", "; batasnya"),
    ("per file", "per berkas"),
    ("rename the file and upload it again", "ganti nama berkas lalu unggah lagi"),
    ("is hidden (starts with a dot)", "tersembunyi (diawali titik)"),
    ("is not usable", "tidak dapat dipakai"),
    ("The file name", "Nama berkas"),
)


def _reason(text: str, lang: str) -> str:
    text = text.removeprefix("No file could be added. ")  # the report's first line says so already
    if lang != "id":
        return text
    for english, indonesian in _REASONS_ID:
        text = text.replace(english, indonesian)
    return text


def render_removal(source: str, lang: str = "id") -> str:
    """The message after a document was removed from the index."""
    labels = _labels(lang)
    return f"**{escape_markdown(labels['removed'])}:** {escape_markdown(source)}"
