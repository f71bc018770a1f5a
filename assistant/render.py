"""Turn an `Answer` into what the chat shows: the answer as safe markdown, the cited passages as safe HTML.

Pure string functions, no UI library. Every piece of text that comes from a document (the answer
sentences, passage text, titles, file names) is untrusted and is escaped here; the only markup in the
output is the markup these functions write themselves.
"""

from __future__ import annotations

import html
import re

from .answer import Answer, Passage

LABELS = {
    "id": {
        "sources": "Sumber",
        "no_sources": "Tidak ada sumber yang mendukung jawaban.",
        "placeholder": "Sumber yang dikutip akan muncul di sini setelah Anda bertanya.",
        "position": "posisi: karakter {start}–{end}",
        "untitled": "(tanpa judul)",
        "cited_passage": "Bagian dokumen yang dikutip",
    },
    "en": {
        "sources": "Sources",
        "no_sources": "No source supports an answer.",
        "placeholder": "The cited sources will appear here once you ask a question.",
        "position": "position: chars {start}–{end}",
        "untitled": "(untitled)",
        "cited_passage": "Cited document passage",
    },
}

# Markdown punctuation that could start inline syntax anywhere (links, emphasis, code, tables, math, HTML).
_INLINE_SPECIAL = set("\\`*_{}[]()#!|~$^")
# A line that would open a block (list item, heading underline, ordered list) when it starts like this.
_BLOCK_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
# A citation marker as the answerer writes it: ` [n]` at the end of a sentence (after a space).
_CITATION = re.compile(r"(?<!\S)\[(\d{1,4})\](?=\s|$)")
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


def _card(answer: Answer, passage: Passage, labels: dict[str, str]) -> str:
    n = int(passage.n)
    title = passage.title.strip() or labels["untitled"]
    position = labels["position"].format(start=int(passage.start), end=int(passage.end))
    body = highlight_passage(passage.text, _highlight_spans(answer, passage))
    return (
        f'<div class="tanya-card" id="{anchor_id(n)}" aria-label="{html.escape(labels["cited_passage"])} [{n}]">'
        f'<div class="tanya-card-head"><span class="tanya-n">[{n}]</span> '
        f'<span class="tanya-source">{html.escape(passage.source)}</span> · '
        f'<span class="tanya-title">{html.escape(title)}</span></div>'
        f'<div class="tanya-pos">{html.escape(position)}</div>'
        f'<div class="tanya-text" style="white-space: pre-wrap">{body}</div>'
        f"</div>"
    )


def render_sources_html(answer: Answer, lang: str = "id") -> str:
    """One card per cited passage (`id="passage-n"`), answering sentences highlighted; a note when abstained."""
    labels = _labels(lang)
    heading = f'<div class="tanya-sources-heading">{html.escape(labels["sources"])}</div>'
    cited = [] if answer.abstained else answer.cited
    if not cited:
        return (f'<div class="tanya-sources">{heading}'
                f'<p class="tanya-no-sources">{html.escape(labels["no_sources"])}</p></div>')
    cards = "".join(_card(answer, passage, labels) for passage in cited)
    return f'<div class="tanya-sources">{heading}{cards}</div>'


def render_sources_placeholder(lang: str = "id") -> str:
    """What the sources panel shows before the first question."""
    labels = _labels(lang)
    return (f'<div class="tanya-sources"><div class="tanya-sources-heading">{html.escape(labels["sources"])}</div>'
            f'<p class="tanya-no-sources">{html.escape(labels["placeholder"])}</p></div>')
