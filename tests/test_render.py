"""The chat's rendering of answers: only cited passages, correct highlights, hostile text inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from assistant.answer import Answer, CitedSentence, Passage
from assistant.render import (
    escape_markdown, render_answer_markdown, render_sources_html, render_sources_placeholder,
)

KAZ = ("Kazakhstan menjalin kerja sama dengan NATO. Kerja sama ini dimulai pada tahun 1994 melalui program "
       "Partnership for Peace. Sejak itu latihan bersama rutin diadakan.")
HOSTILE = ("Festival budaya Laos dan Kamboja. <script>alert(1)</script> dibuka pada tahun 2001. "
           "Lihat <img src=x onerror=alert(1)> atau [x](javascript:alert(1)) untuk rinciannya.")


def passage(n: int, text: str, source: str = "doc.txt", title: str = "Judul", start: int = 100) -> Passage:
    return Passage(n=n, source=source, title=title, chunk_id=f"c{n}", doc_id=f"d{n}", start=start,
                   end=start + len(text), text=text, score=0.9, dense_score=0.8, lexical_score=0.7)


def sentence(p: Passage, needle: str, n: int | None = None) -> CitedSentence:
    start = p.text.index(needle)
    return CitedSentence(text=needle, n=p.n if n is None else n, start=start, end=start + len(needle), score=0.9)


def answer(passages: list[Passage], sentences: list[CitedSentence], abstained: bool = False,
           text: str | None = None) -> Answer:
    if text is None:
        text = " ".join(f"{s.text} [{s.n}]" for s in sentences)
    return Answer(question="Kapan?", answer=text, abstained=abstained, passages=passages, sentences=sentences,
                  timings_ms={"total": 1.0}, retrieved=passages)


class _Collector(HTMLParser):
    """Tags, ids, attributes and visible text of an HTML fragment, as a browser would parse it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.marks: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._in_mark:
            self.marks[-1] += data


def parse(markup: str) -> _Collector:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    return collector


def card_ids(markup: str) -> list[str]:
    return [attrs["id"] for tag, attrs in parse(markup).tags if attrs.get("id", "").startswith("passage-")]


def test_only_cited_passages_get_cards():
    p1, p2, p3 = passage(1, KAZ, "kaz.txt"), passage(2, "Teks lain tentang CSTO.", "csto.txt"), \
        passage(3, "Teks ketiga tentang Laos.", "laos.txt")
    a = answer([p1, p2, p3], [sentence(p1, "Kerja sama ini dimulai pada tahun 1994 melalui program Partnership "
                                           "for Peace."), sentence(p3, "Teks ketiga tentang Laos.")])
    html_out = render_sources_html(a)
    assert card_ids(html_out) == ["passage-1", "passage-3"]
    assert "kaz.txt" in html_out and "laos.txt" in html_out
    assert "csto.txt" not in html_out and "CSTO" not in html_out


def test_card_shows_number_source_title_and_position():
    p = passage(2, KAZ, "002_bd995526f7883333.txt", "Hubungan Turki dan Eurasia", start=340)
    out = render_sources_html(answer([passage(1, "x"), p], [sentence(p, "Sejak itu latihan bersama rutin diadakan.")]))
    text = "".join(parse(out).text)
    assert "[2]" in text
    assert "002_bd995526f7883333.txt" in text
    assert "Hubungan Turki dan Eurasia" in text
    assert f"340–{340 + len(KAZ)}" in text
    assert "Sumber" in text and "posisi" in text


def test_highlight_covers_exactly_the_answering_sentence():
    p = passage(1, KAZ)
    needle = "Kerja sama ini dimulai pada tahun 1994 melalui program Partnership for Peace."
    out = render_sources_html(answer([p], [sentence(p, needle)]))
    collector = parse(out)
    assert collector.marks == [needle]
    # The text around the mark is intact: the card's text is the passage, unchanged.
    card_text = re.search(r'<div class="tanya-text"[^>]*>(.*?)</div>', out, re.S).group(1)
    assert "".join(parse(card_text).text) == KAZ


def test_two_sentences_of_one_passage_are_both_highlighted_in_order():
    p = passage(1, KAZ)
    first, last = "Kazakhstan menjalin kerja sama dengan NATO.", "Sejak itu latihan bersama rutin diadakan."
    out = render_sources_html(answer([p], [sentence(p, last), sentence(p, first)]))
    assert parse(out).marks == [first, last]
    assert card_ids(out) == ["passage-1"]


def test_hostile_passage_text_is_escaped_in_the_sources_panel():
    p = passage(1, HOSTILE, source="<b>evil</b>.txt", title='"><script>alert(2)</script>')
    out = render_sources_html(answer([p], [sentence(p, "<script>alert(1)</script> dibuka pada tahun 2001.")]))
    collector = parse(out)
    tags = {tag for tag, _ in collector.tags}
    assert tags <= {"div", "span", "mark", "p"}
    assert not any(k.startswith("on") or v and "javascript:" in v for _, attrs in collector.tags
                   for k, v in attrs.items())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    visible = "".join(collector.text)
    assert "<script>alert(1)</script>" in visible
    assert "<img src=x onerror=alert(1)>" in visible
    assert "[x](javascript:alert(1))" in visible
    assert collector.marks == ["<script>alert(1)</script> dibuka pada tahun 2001."]


def test_hostile_answer_text_is_escaped_in_the_markdown():
    p = passage(1, HOSTILE)
    a = answer([p], [sentence(p, "<script>alert(1)</script> dibuka pada tahun 2001."),
                     sentence(p, "Lihat <img src=x onerror=alert(1)> atau [x](javascript:alert(1)) untuk rinciannya.")])
    md = render_answer_markdown(a)
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in md
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" in md
    # The markdown link syntax is broken up, so no javascript: link can be made of it.
    assert "\\[x\\]\\(javascript:alert\\(1\\)\\)" in md
    assert "](javascript" not in md
    # The only tags are our citation links.
    assert re.findall(r"<[a-z]+", md) == ["<a", "<a"]


def test_citations_link_to_existing_cards():
    p1, p2, p3 = passage(1, KAZ), passage(2, "Kedua."), passage(3, "Ketiga kalimat di sini.")
    a = answer([p1, p2, p3], [sentence(p1, "Sejak itu latihan bersama rutin diadakan."),
                              sentence(p3, "Ketiga kalimat di sini.")])
    md = render_answer_markdown(a)
    links = re.findall(r'<a href="#([^"]+)"[^>]*>\[(\d+)\]</a>', md)
    assert links == [("passage-1", "1"), ("passage-3", "3")]
    assert {target for target, _ in links} == set(card_ids(render_sources_html(a)))
    assert md.startswith("Sejak itu latihan bersama rutin diadakan. <a href=")


def test_only_citation_markers_of_cited_passages_become_links():
    p = passage(1, "Menurut catatan[2] dan tabel [7] perjanjian ditandatangani 1994.")
    a = answer([p], [sentence(p, p.text)])
    md = render_answer_markdown(a)
    assert re.findall(r'href="#(passage-\d+)"', md) == ["passage-1"]
    assert "catatan\\[2\\]" in md and "tabel \\[7\\]" in md


def test_abstained_answer_shows_the_note_and_no_cards():
    retrieved = [passage(1, KAZ), passage(2, HOSTILE)]
    a = Answer(question="Siapa presiden Mars?", answer="Maaf, jawaban atas pertanyaan ini tidak ditemukan.",
               abstained=True, passages=[], sentences=[], timings_ms={}, retrieved=retrieved)
    out = render_sources_html(a)
    assert "Tidak ada sumber yang mendukung jawaban." in out
    assert card_ids(out) == []
    assert "Kazakhstan" not in out and "script" not in out
    md = render_answer_markdown(a)
    assert "href" not in md and md.startswith("Maaf, jawaban")


def test_english_labels():
    p = passage(1, KAZ)
    out = render_sources_html(answer([p], [sentence(p, "Sejak itu latihan bersama rutin diadakan.")]), lang="en")
    assert "Sources" in out and "position: chars" in out
    abstained = Answer("q", "Sorry", True, [], [], {})
    assert "No source supports an answer." in render_sources_html(abstained, lang="en")
    assert "Sumber" in render_sources_placeholder() and "Sources" in render_sources_placeholder("en")


def test_a_documents_date_line_is_shown_beside_its_title_escaped():
    """Ingest keeps a news article's date line as metadata, out of the text: the card shows it with the source."""
    p = passage(1, KAZ)
    a = answer([p], [sentence(p, "Sejak itu latihan bersama rutin diadakan.")])
    out = render_sources_html(a, dates={p.doc_id: "Rabu, 8 Oktober 2025 <b>"})
    assert '<span class="tanya-date">Rabu, 8 Oktober 2025 &lt;b&gt;</span>' in out
    assert "tanya-date" not in render_sources_html(a)


def test_offsets_out_of_range_are_clipped_not_fatal():
    p = passage(1, "Pendek.")
    bad = CitedSentence(text="Pendek.", n=1, start=-5, end=999, score=0.5)
    out = render_sources_html(answer([p], [bad]))
    assert parse(out).marks == ["Pendek."]


def test_escape_markdown_neutralises_block_syntax():
    assert escape_markdown("1994. Tahun itu") == "1994\\. Tahun itu"
    assert escape_markdown("- butir\n# judul\n    kode") == "\\- butir\n\\# judul\nkode"
    assert escape_markdown("$x$ dan *tebal* & <b>") == "\\$x\\$ dan \\*tebal\\* &amp; &lt;b&gt;"


# ---- the whole-document view, streaming steps, follow-up note, index and upload messages ------------------
from assistant.render import (  # noqa: E402
    document_anchor_id, highlight_document, render_answer_message, render_answer_steps, render_index_info,
    render_removal, render_rewritten_query, render_sources_pending, render_upload_report,
)

DOCUMENT_HEAD = "Judul dokumen <b>tebal</b>\n\nParagraf pembuka & pengantar.\n\n"
DOCUMENT_TAIL = "\n\nPenutup dengan <script>alert(3)</script> di akhir."


def doc_passage(n: int = 1, text: str = KAZ, head: str = DOCUMENT_HEAD) -> tuple[str, Passage]:
    document = head + text + DOCUMENT_TAIL
    return document, passage(n, text, start=len(head))


def test_card_opens_the_whole_document_at_the_passage():
    document, p = doc_passage()
    needle = "Kerja sama ini dimulai pada tahun 1994 melalui program Partnership for Peace."
    out = render_sources_html(answer([p], [sentence(p, needle)]), documents={p.doc_id: document})
    collector = parse(out)
    tags = [tag for tag, _ in collector.tags]
    assert tags.count("details") == 1 and "summary" in tags
    assert "Buka dokumen lengkap" in "".join(collector.text)
    # The whole document is there as text, once in the view (the card shows the passage itself once more).
    view = re.search(r'<div class="tanya-doc-text"[^>]*>(.*?)</div></details>', out, re.S).group(1)
    assert "".join(parse(view).text) == document
    # The passage is wrapped with an id, and the answering sentence is marked inside it.
    span = re.search(rf'<span class="tanya-doc-passage" id="{document_anchor_id(1)}">(.*?)</span>', view, re.S)
    assert span and "".join(parse(span.group(1)).text) == KAZ
    assert parse(view).marks == [needle]
    # Document text is escaped like passage text.
    assert "<script>" not in out and "<b>" not in out and "&lt;script&gt;alert(3)&lt;/script&gt;" in out
    assert {tag for tag, _ in collector.tags} <= {"div", "span", "mark", "p", "details", "summary"}
    assert card_ids(out) == ["passage-1", "passage-1-doc"]


def test_no_document_view_when_the_document_is_unknown_or_changed():
    document, p = doc_passage()
    a = answer([p], [sentence(p, "Sejak itu latihan bersama rutin diadakan.")])
    assert "<details" not in render_sources_html(a)
    assert "<details" not in render_sources_html(a, documents={"other": document})
    changed = "Teks baru di depan. " + document  # offsets no longer point at the passage
    assert "<details" not in render_sources_html(a, documents={p.doc_id: changed})


def test_whole_document_view_in_english():
    document, p = doc_passage()
    out = render_sources_html(answer([p], [sentence(p, "Sejak itu latihan bersama rutin diadakan.")]), lang="en",
                              documents={p.doc_id: document})
    assert "Open the whole document" in out and "Buka dokumen" not in out


def test_long_document_is_cut_to_a_window_around_the_passage():
    text, spans = "x" * 50 + "PASSAGE" + "y" * 50, [(0, 3)]
    body, cut = highlight_document(text, 50, 57, spans, "a", max_chars=20)
    assert cut and body.startswith("…") and body.endswith("…")
    assert '<span class="tanya-doc-passage" id="a"><mark>PAS</mark>SAGE</span>' in body
    assert len("".join(parse(body).text)) <= 20 + 2
    body, cut = highlight_document(text, 50, 57, spans, "a")
    assert not cut and "".join(parse(body).text) == text


def test_streaming_steps_add_one_sentence_at_a_time():
    p1, p2 = passage(1, KAZ), passage(2, "Latihan bersama diadakan tiap tahun.")
    a = answer([p1, p2], [sentence(p1, "Kazakhstan menjalin kerja sama dengan NATO."),
                          sentence(p2, "Latihan bersama diadakan tiap tahun.")])
    steps = render_answer_steps(a)
    assert len(steps) == 2
    assert steps[0].startswith('Kazakhstan menjalin kerja sama dengan NATO. <a href="#passage-1"')
    assert "Latihan" not in steps[0]
    assert steps[-1] == render_answer_message(a) == render_answer_markdown(a)
    abstained = Answer("q", "Maaf, tidak ditemukan. Coba lagi.", True, [], [], {})
    assert render_answer_steps(abstained) == [render_answer_markdown(abstained)]


def test_rewritten_follow_up_is_shown_escaped_under_the_answer():
    from dataclasses import replace

    p = passage(1, KAZ)
    a = replace(answer([p], [sentence(p, "Sejak itu latihan bersama rutin diadakan.")]),
                rewritten_query="Kapan itu dimulai? (Apa kerja sama <b>NATO</b> dengan *Kazakhstan*?)")
    message = render_answer_message(a)
    assert message.startswith(render_answer_markdown(a) + "\n\n_Dicari sebagai: Kapan itu dimulai? \\(")
    assert message.endswith("_")
    assert "<b>" not in message and "&lt;b&gt;NATO&lt;/b&gt;" in message and "\\*Kazakhstan\\*" in message
    assert render_answer_steps(a)[-1] == message
    assert render_rewritten_query("a\n  b_c", "en") == "_Searched as: a b\\_c_"


def test_index_info_and_upload_messages_are_escaped():
    info = render_index_info({"documents": 6, "chunks": 42, "model": "hashing_<b>", "built_at":
                              "2031-01-02T03:04:05+00:00"})
    assert info == "**Indeks:** 6 dokumen · 42 potongan · model hashing\\_&lt;b&gt; · dibuat 2031-01-02 03:04 UTC"
    assert "6 documents · 42 chunks" in render_index_info({"documents": 6, "chunks": 42, "model": "m",
                                                           "built_at": "?"}, "en")
    message = render_upload_report(["a_b.txt"], [], [], ["evil.exe: only .txt, .md and .html files can be added."])
    assert "**Ditambahkan:** a\\_b.txt" in message and "**Ditolak:** evil.exe" in message
    assert "Dokumen baru sudah bisa ditanyakan." in message
    nothing = render_upload_report([], [], [], ["<img src=x onerror=alert(1)>.pdf: no"])
    assert nothing.startswith("**Tidak ada berkas yang ditambahkan.**")
    assert "<img" not in nothing and "&lt;img" in nothing
    assert render_removal("[x](javascript:alert(1)).txt") == "**Dihapus dari indeks:** \\[x\\]\\(javascript:alert\\(1\\)\\).txt"
    assert "Mencari sumber" in render_sources_pending() and "tanya-pending" in render_sources_pending("en")


def test_why_a_file_was_refused_is_said_in_the_chat_language():
    reasons = ["No file could be added. rusak.txt looks binary (holds NUL bytes).", "kosong.md is empty.",
               "evil.exe: only .txt, .md and .html files can be added.", "besar.txt is 9.0 MB; the limit is 5.0 MB per file."]
    indonesian = render_upload_report([], [], [], reasons)
    for english in ("No file", "looks binary", "is empty", "only .txt", "the limit", "per file"):
        assert english not in indonesian
    assert "**Ditolak:** rusak.txt tampaknya berkas biner" in indonesian  # the first line says nothing was added
    assert "looks binary" in render_upload_report([], [], [], reasons, "en")


def test_an_english_question_answered_by_quotes_says_they_are_in_indonesian():
    from dataclasses import replace

    from assistant.render import answer_notes

    p = passage(1, KAZ)
    quoted = answer([p], [sentence(p, "Kerja sama ini dimulai pada tahun 1994 melalui program Partnership for Peace.")])
    assert any("Indonesian" in note for note in answer_notes(quoted, "en"))
    assert answer_notes(quoted, "id") == []
    written = replace(quoted, generator="llm:local")  # a model answers in the question's language
    assert not any("Indonesian" in note for note in answer_notes(written, "en"))
    assert answer_notes(replace(quoted, abstained=True), "en") == []
    # the note follows the question's language as well as the chat's: an English question in the Indonesian UI
    english = replace(quoted, question="When did the cooperation with NATO start?")
    assert any("Indonesian" in note for note in answer_notes(english, "id"))
    # ...but not when the answer quotes an English document (a tester's project brief).
    brief = "The project restored 1,200 hectares of degraded mangrove forest in Langkat."
    p_en = passage(1, brief)
    from_english = replace(answer([p_en], [sentence(p_en, brief)]), question="How many hectares were restored?")
    assert not any("Indonesian" in note for note in answer_notes(from_english, "en"))
