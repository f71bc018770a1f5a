"""The chat UI: a Gradio page that asks the assistant and shows the answer with its cited passages.

Formatting only: every question goes to `assistant.ask(question, history)`, uploads to
`assistant.uploads`, votes to `assistant.feedback`; what comes back is rendered by `assistant.render`.
Text from documents and from users is escaped there, so nothing in a passage or a file name can run in
the page.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from ingest.readers import IngestError

from .answer import Answer, QuestionError, validate_question
from .feedback import record_feedback
from .render import (
    escape_markdown, render_answer_markdown, render_answer_message, render_answer_steps, render_index_info,
    render_removal, render_sources_html, render_sources_pending, render_sources_placeholder, render_upload_report,
)
from .settings import BUNDLED_CORPUS
from .uploads import ingest_files, remove_source, safe_name_or_raw

log = logging.getLogger(__name__)

TITLE = "tanya"
SUBTITLE = ("Ajukan pertanyaan tentang dokumen berbahasa Indonesia. Jawaban diambil langsung dari dokumen, "
            "lengkap dengan kutipan sumbernya.")
EXAMPLES = [
    "Kapan kerja sama Kazakhstan dengan NATO dimulai?",
    "Berapa pasukan CSTO yang mendarat di Kazakhstan?",
    "Apa tujuan utama Partnership for Peace?",
    "Sejak kapan Indonesia aktif dalam Kerja Sama Selatan-Selatan?",
]
EMPTY_QUESTION_MESSAGE = ("Silakan ketik pertanyaan terlebih dahulu, misalnya: "
                          "*Kapan kerja sama Kazakhstan dengan NATO dimulai?*")
ERROR_MESSAGE = "Maaf, terjadi kesalahan saat mencari jawaban. Silakan coba lagi sebentar lagi."
UPLOAD_TYPES = [".txt", ".md", ".markdown", ".html", ".htm"]
LANGUAGES = {"Indonesia": "id", "English": "en"}
STREAM_DELAY_S = 0.08  # between the sentences of a streamed answer, so they visibly arrive one by one
ASK_CONCURRENCY = 8  # answers written at once when a language model is configured (it mostly waits on the server)
MAX_HISTORY = 20  # standalone queries kept per conversation (only the last one is used for a follow-up)

UI_TEXT = {
    "id": {
        "subtitle": SUBTITLE,
        "language": "Bahasa",
        "chat": "Percakapan",
        "chat_placeholder": "Jawaban akan muncul di sini.",
        "question": "Tulis pertanyaan Anda…",
        "ask": "Tanya",
        "new_chat": "Percakapan baru",
        "examples": "Contoh pertanyaan",
        "searching": "Mencari…",
        "empty": EMPTY_QUESTION_MESSAGE,
        "error": ERROR_MESSAGE,
        "feedback": "Apakah jawaban terakhir membantu?",
        "up": "👍 Membantu",
        "down": "👎 Tidak membantu",
        "note_placeholder": "Catatan untuk penilaian (opsional)",
        "thanks": "Terima kasih, penilaian Anda sudah disimpan.",
        "no_answer": "Belum ada jawaban untuk dinilai. Ajukan pertanyaan terlebih dahulu.",
        "feedback_failed": "Maaf, penilaian tidak dapat disimpan.",
        "documents": "Dokumen",
        "files": "Tambahkan dokumen (.txt, .md, .html)",
        "add": "Tambahkan",
        "adding": "Menambahkan dokumen…",
        "no_files": "Pilih berkas terlebih dahulu.",
        "upload_failed": "Maaf, berkas tidak dapat ditambahkan: ",
        "indexed": "Dokumen di indeks",
        "remove": "Hapus dokumen",
        "choose_document": "Pilih dokumen yang akan dihapus terlebih dahulu.",
        "remove_failed": "Maaf, dokumen tidak dapat dihapus: ",
        "last_document": ("Dokumen terakhir tidak dapat dihapus: indeks memerlukan setidaknya satu dokumen. "
                          "Tambahkan dokumen lain terlebih dahulu."),
    },
    "en": {
        "subtitle": ("Ask questions about Indonesian documents. Answers are taken straight from the documents, "
                     "with the passages they come from."),
        "language": "Language",
        "chat": "Conversation",
        "chat_placeholder": "The answer will appear here.",
        "question": "Type your question…",
        "ask": "Ask",
        "new_chat": "New conversation",
        "examples": "Example questions",
        "searching": "Searching…",
        "empty": "Please type a question first, for example: *Kapan kerja sama Kazakhstan dengan NATO dimulai?*",
        "error": "Sorry, something went wrong while looking for the answer. Please try again in a moment.",
        "feedback": "Was the last answer helpful?",
        "up": "👍 Helpful",
        "down": "👎 Not helpful",
        "note_placeholder": "A note with your rating (optional)",
        "thanks": "Thank you, your rating was saved.",
        "no_answer": "There is no answer to rate yet. Ask a question first.",
        "feedback_failed": "Sorry, the rating could not be saved.",
        "documents": "Documents",
        "files": "Add documents (.txt, .md, .html)",
        "add": "Add",
        "adding": "Adding documents…",
        "no_files": "Choose files first.",
        "upload_failed": "Sorry, the files could not be added: ",
        "indexed": "Documents in the index",
        "remove": "Remove document",
        "choose_document": "Choose the document to remove first.",
        "remove_failed": "Sorry, the document could not be removed: ",
        "last_document": "The last document cannot be removed: an index needs at least one. Add another one first.",
    },
}

SOURCES_CSS = """
.tanya-sources-heading { font-weight: 600; font-size: 1.05em; margin: 0.25em 0 0.5em; }
.tanya-no-sources { opacity: 0.8; font-style: italic; }
.tanya-card { border: 1px solid var(--border-color-primary, #ddd); border-radius: 8px; padding: 0.6em 0.8em;
              margin-bottom: 0.6em; scroll-margin-top: 1em; }
.tanya-card:target { outline: 2px solid var(--color-accent, #f97316); }
.tanya-card-head { font-weight: 600; }
.tanya-n { color: var(--color-accent, #f97316); }
.tanya-source { font-family: var(--font-mono, monospace); font-size: 0.9em; }
.tanya-pos { font-size: 0.85em; opacity: 0.75; margin: 0.15em 0 0.4em; }
.tanya-text { line-height: 1.5; }
.tanya-text mark, .tanya-doc-text mark { padding: 0 0.1em; border-radius: 3px; }
.tanya-doc { margin-top: 0.5em; }
.tanya-doc summary { cursor: pointer; font-size: 0.9em; color: var(--link-text-color, #2563eb); }
.tanya-doc-note { font-size: 0.85em; opacity: 0.75; }
.tanya-doc-text { max-height: 22em; overflow-y: auto; line-height: 1.5; font-size: 0.92em; padding: 0.4em 0.6em;
                  margin-top: 0.4em; border-left: 3px solid var(--border-color-primary, #ddd); }
.tanya-doc-passage { background: var(--color-accent-soft, rgba(249, 115, 22, 0.12)); scroll-margin: 2em; }
"""
# Opening a card's "whole document" view scrolls the document to the cited passage (`toggle` does not bubble).
SOURCES_JS = """
element.addEventListener('toggle', (event) => {
  const details = event.target;
  if (!details.open || !details.classList || !details.classList.contains('tanya-doc')) return;
  const passage = details.querySelector('.tanya-doc-passage');
  if (passage) passage.scrollIntoView({block: 'center', inline: 'nearest'});
}, true);
"""


def _lang(choice: str | None) -> str:
    """`id` or `en` from the language radio's value (or a code)."""
    if choice in UI_TEXT:
        return choice
    return LANGUAGES.get(choice or "", "id")


def _cited_documents(assistant: Any, answer: Answer) -> dict[str, Any]:
    """The loaded index's document of each cited passage, by doc_id."""
    documents = getattr(getattr(assistant, "index", None), "documents", None) or {}
    return {p.doc_id: documents[p.doc_id] for p in answer.cited if p.doc_id in documents}


def _sources(assistant: Any, answer: Answer | None, lang: str) -> str:
    if answer is None:
        return render_sources_placeholder(lang)
    documents = _cited_documents(assistant, answer)
    texts = {doc_id: document.text for doc_id, document in documents.items()}  # the "whole document" view
    dates = {doc_id: document.meta["date"] for doc_id, document in documents.items()  # "Rabu, 8 Oktober 2025"
             if (getattr(document, "meta", None) or {}).get("date")}
    return render_sources_html(answer, lang, texts, dates)


def _respond(assistant: Any, question: str | None, history: list | None, queries: list[str] | None = None,
             lang: str = "id", last_answer: Answer | None = None,
             delay: float = 0.0) -> Iterator[tuple[list, str, str, list[str], Answer | None]]:
    """One turn, streamed: yields (chat history, sources panel, textbox, standalone queries, latest answer).

    First the question with a "Mencari…" placeholder, then the answer sentence by sentence, then the whole
    answer with its sources. `queries` are the conversation's standalone queries, oldest first; the
    turn's own one (its rewritten query for a follow-up) is added to them.
    """
    lang = _lang(lang)
    text = UI_TEXT[lang]
    history = list(history or [])
    queries = list(queries or [])
    try:
        asked, _ = validate_question(question or "")
    except QuestionError:
        yield [*history, {"role": "assistant", "content": text["empty"]}], render_sources_placeholder(lang), "", \
            queries, last_answer
        return
    history.append({"role": "user", "content": escape_markdown(asked)})
    yield [*history, {"role": "assistant", "content": text["searching"]}], render_sources_pending(lang), "", \
        queries, last_answer
    try:
        answer = None
        for answer in _answers(assistant, asked, queries or None):
            if answer.generator != "extractive":  # a generated answer grows as verified sentences arrive
                yield [*history, {"role": "assistant", "content": render_answer_markdown(answer)}], \
                    render_sources_pending(lang), "", queries, last_answer
        steps = render_answer_steps(answer, lang) if answer.generator == "extractive" else \
            [render_answer_message(answer, lang)]
        sources = _sources(assistant, answer, lang)
    except Exception:  # noqa: BLE001 - the chat shows a message, the log keeps the traceback
        log.exception("Answering %r failed", question)
        yield [*history, {"role": "assistant", "content": text["error"]}], render_sources_placeholder(lang), "", \
            queries, None
        return
    for step in steps[:-1]:
        yield [*history, {"role": "assistant", "content": step}], render_sources_pending(lang), "", queries, \
            last_answer
        if delay:
            time.sleep(delay)
    queries = [*queries, answer.rewritten_query or answer.question][-MAX_HISTORY:]
    yield [*history, {"role": "assistant", "content": steps[-1]}], sources, "", queries, answer


def _answers(assistant: Any, question: str, history: list[str] | None) -> Iterator[Answer]:
    """The answer as it grows (`ask_stream`), or at once from an assistant that only has `ask`."""
    if hasattr(assistant, "ask_stream"):
        yield from assistant.ask_stream(question, history)
    else:
        yield assistant.ask(question, history)


def _index_panel(assistant: Any, lang: str) -> tuple[str, Any]:
    """The index info line and the dropdown of its documents' sources."""
    index = getattr(assistant, "index", None)
    if index is None:  # an assistant without a browsable index (a test double): nothing to show or remove
        return "", gr.update(choices=[], value=None)
    sources = sorted({d.source for d in index.documents.values()})
    return render_index_info(index.summary(), _lang(lang)), gr.update(choices=sources, value=None)


def _add_files(assistant: Any, files: list | None, lang: str, progress: Any = None) -> str:
    """Ingest uploaded files (Gradio temp paths, named like the originals); the message to show."""
    lang = _lang(lang)
    text = UI_TEXT[lang]
    if not files:
        return text["no_files"]
    pairs = [(Path(str(f)), Path(str(f)).name) for f in files]
    if progress is not None:
        progress(0, desc=text["adding"])  # the embedding's own tqdm bar (when it shows one) takes over from here
    try:
        report, refused = ingest_files(assistant, pairs)
    except IngestError as exc:
        return render_upload_report([], [], [], [str(exc)], lang)
    except Exception as exc:  # noqa: BLE001 - e.g. another ingest holds the index lock
        log.exception("Adding %s failed", [name for _, name in pairs])
        return text["upload_failed"] + escape_markdown(str(exc))
    names = {safe_name_or_raw(name) for _, name in pairs}
    return render_upload_report([s for s in report.added if s in names], [s for s in report.changed if s in names],
                                [s for s in report.unchanged if s in names], refused, lang)


def _remove(assistant: Any, source: str | None, lang: str) -> str:
    lang = _lang(lang)
    text = UI_TEXT[lang]
    if not source:
        return text["choose_document"]
    if {d.source for d in assistant.index.documents.values()} == {source}:
        return text["last_document"]
    try:
        remove_source(assistant, source)
    except Exception as exc:  # noqa: BLE001 - IngestError (unknown source), a held lock...
        log.warning("Removing %r failed: %s", source, exc)
        return text["remove_failed"] + escape_markdown(str(exc))
    return render_removal(source, lang)


def _vote(last_answer: Answer | None, vote: str, note: str | None, lang: str) -> tuple[str, Any]:
    """Record a vote on the latest answer; (the confirmation, the note box's new value)."""
    text = UI_TEXT[_lang(lang)]
    if last_answer is None:
        return text["no_answer"], gr.update()
    try:
        record_feedback(last_answer.to_json(), vote, note or "")
    except Exception:  # noqa: BLE001
        log.exception("Recording feedback failed")
        return text["feedback_failed"], gr.update()
    return text["thanks"], ""


def example_questions(assistant: Any, most: int = 4) -> list[str]:
    """The bundled corpus's example questions when the index holds it; else one question per document title."""
    index = getattr(assistant, "index", None)
    if index is None:  # a test double without a browsable index, as in `_index_panel`
        return EXAMPLES
    if {p.name for p in BUNDLED_CORPUS.glob("*.txt")} <= {d.source for d in index.documents.values()}:
        return EXAMPLES
    titles = sorted({d.title.strip() for d in index.documents.values() if d.title.strip()})
    return [f"Apa isi dokumen \"{title}\"?" for title in titles[:most]] or ["Apa isi dokumen ini?"]


def build_app(assistant: Any) -> gr.Blocks:
    """The chat page for `assistant` (an `engine.Assistant`, or anything with `.ask(question, history)`)."""
    with gr.Blocks(title=TITLE, analytics_enabled=False) as app:
        queries = gr.State([])  # the conversation's standalone queries, oldest first
        last_answer = gr.State(None)  # the latest Answer: what a vote is about, what a language switch re-renders
        with gr.Row(equal_height=False):
            header = gr.Markdown(f"# {TITLE}\n{SUBTITLE}", elem_id="tanya-header")
            language = gr.Radio(list(LANGUAGES), value="Indonesia", label=UI_TEXT["id"]["language"],
                                elem_id="tanya-language", scale=0, min_width=220)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label=UI_TEXT["id"]["chat"], elem_id="tanya-chat", height=440,
                    sanitize_html=True, render_markdown=True, allow_tags=False, latex_delimiters=[],
                    feedback_options=None, buttons=["copy", "copy_all"],
                    placeholder=UI_TEXT["id"]["chat_placeholder"],
                )
                with gr.Row():
                    question = gr.Textbox(
                        show_label=False, placeholder=UI_TEXT["id"]["question"], elem_id="tanya-question",
                        scale=5, lines=1, max_lines=4, autofocus=True,
                    )
                    ask = gr.Button(UI_TEXT["id"]["ask"], variant="primary", elem_id="tanya-ask", scale=1,
                                    min_width=100)
                    new_chat = gr.Button(UI_TEXT["id"]["new_chat"], variant="secondary", size="md", elem_id="tanya-new-chat",
                                         scale=0, min_width=170)
                with gr.Row(elem_id="tanya-feedback", equal_height=True):
                    up = gr.Button(UI_TEXT["id"]["up"], size="sm", elem_id="tanya-up", scale=0, min_width=140)
                    down = gr.Button(UI_TEXT["id"]["down"], size="sm", elem_id="tanya-down", scale=0, min_width=170)
                    note = gr.Textbox(show_label=False, placeholder=UI_TEXT["id"]["note_placeholder"],
                                      elem_id="tanya-note", scale=4, lines=1, max_lines=3, container=False)
                feedback_status = gr.Markdown("", elem_id="tanya-feedback-status")
                examples = gr.Examples(example_questions(assistant), inputs=[question], label=UI_TEXT["id"]["examples"])
            with gr.Column(scale=2):
                sources = gr.HTML(render_sources_placeholder(), elem_id="tanya-sources", css_template=SOURCES_CSS,
                                  js_on_load=SOURCES_JS)
                with gr.Accordion(UI_TEXT["id"]["documents"], open=False, elem_id="tanya-documents") as documents:
                    index_info = gr.Markdown(_index_panel(assistant, "id")[0], elem_id="tanya-index-info")
                    files = gr.File(label=UI_TEXT["id"]["files"], file_count="multiple", file_types=UPLOAD_TYPES,
                                    type="filepath", elem_id="tanya-files", height=120)
                    add = gr.Button(UI_TEXT["id"]["add"], elem_id="tanya-add", variant="primary", size="sm")
                    upload_status = gr.Markdown("", elem_id="tanya-upload-status")
                    indexed = gr.Dropdown([], value=None, label=UI_TEXT["id"]["indexed"], elem_id="tanya-indexed",
                                          interactive=True, allow_custom_value=False)
                    remove = gr.Button(UI_TEXT["id"]["remove"], elem_id="tanya-remove", variant="stop", size="sm")

        def respond(text: str, history: list, conversation: list[str], lang: str, latest: Answer | None):
            yield from _respond(assistant, text, history, conversation, lang, latest, delay=STREAM_DELAY_S)

        def answer_json(question: str, history: list[str] | None = None) -> dict:
            """Ask one question (with earlier standalone questions for follow-ups); the same JSON as `tanya ask --json`."""
            try:
                return assistant.ask(question or "", history or None).to_json()
            except QuestionError as exc:
                return {"question": question, "error": str(exc)}

        concurrency = ASK_CONCURRENCY if getattr(assistant, "generator", None) else 1
        gr.api(answer_json, api_name="answer", concurrency_limit=concurrency,
               api_description="Answer a question; returns the JSON object of `tanya ask --json`.")

        gr.on(
            triggers=[ask.click, question.submit], fn=respond,
            inputs=[question, chatbot, queries, language, last_answer],
            outputs=[chatbot, sources, question, queries, last_answer], api_name="ask",
            # a slow language model must not hold up everyone else: several answers may be in flight at once
            concurrency_limit=concurrency,
            api_description=("Ask a question (streamed); returns the chat history, the sources panel HTML and an "
                             "empty textbox."),
            show_progress="minimal",
        )
        gr.on(triggers=[ask.click, question.submit], fn=lambda: "", outputs=[feedback_status],
              api_visibility="private", show_progress="hidden", queue=False)

        def clear(lang: str):
            return [], render_sources_placeholder(_lang(lang)), [], None, "", ""

        clear_outputs = [chatbot, sources, queries, last_answer, feedback_status, note]
        new_chat.click(clear, inputs=[language], outputs=clear_outputs, api_visibility="private", queue=False)
        chatbot.clear(clear, inputs=[language], outputs=clear_outputs, api_visibility="private", queue=False)

        def vote_up(latest: Answer | None, text: str, lang: str):
            return _vote(latest, "up", text, lang)

        def vote_down(latest: Answer | None, text: str, lang: str):
            return _vote(latest, "down", text, lang)

        up.click(vote_up, inputs=[last_answer, note, language], outputs=[feedback_status, note],
                 api_visibility="private")
        down.click(vote_down, inputs=[last_answer, note, language], outputs=[feedback_status, note],
                   api_visibility="private")

        def refresh(lang: str):
            return _index_panel(assistant, lang)

        def add_files(uploaded: list | None, lang: str, progress=gr.Progress(track_tqdm=True)):
            message = _add_files(assistant, uploaded, lang, progress)
            return (message, None, *_index_panel(assistant, lang))

        def remove_document(source: str | None, lang: str):
            return (_remove(assistant, source, lang), *_index_panel(assistant, lang))

        add.click(add_files, inputs=[files, language], outputs=[upload_status, files, index_info, indexed],
                  api_visibility="private", concurrency_id="index", concurrency_limit=1)
        remove.click(remove_document, inputs=[indexed, language], outputs=[upload_status, index_info, indexed],
                     api_visibility="private", concurrency_id="index", concurrency_limit=1)
        app.load(refresh, inputs=[language], outputs=[index_info, indexed], api_visibility="private")

        def switch_language(choice: str, latest: Answer | None):
            lang = _lang(choice)
            t = UI_TEXT[lang]
            info, _ = _index_panel(assistant, lang)
            return (
                gr.update(value=f"# {TITLE}\n{t['subtitle']}"),
                gr.update(label=t["language"]),
                gr.update(label=t["chat"], placeholder=t["chat_placeholder"]),
                gr.update(placeholder=t["question"]),
                gr.update(value=t["ask"]),
                gr.update(value=t["up"]),
                gr.update(value=t["down"]),
                gr.update(placeholder=t["note_placeholder"]),
                gr.update(value=t["new_chat"]),
                gr.update(label=t["examples"]),
                _sources(assistant, latest, lang),
                gr.update(label=t["documents"]),
                info,
                gr.update(label=t["files"]),
                gr.update(value=t["add"]),
                gr.update(label=t["indexed"]),
                gr.update(value=t["remove"]),
                "",
            )

        language.change(
            switch_language, inputs=[language, last_answer],
            outputs=[header, language, chatbot, question, ask, up, down, note, new_chat, examples.dataset, sources,
                     documents, index_info, files, add, indexed, remove, feedback_status],
            api_visibility="private", queue=False,
        )
    return app


def widget_text() -> gr.I18n:
    """Gradio's own widget text (the upload area's "Drop File Here - or - Click to Upload") follows the browser's
    language, not the chat's switch: a browser in Indonesian gets Gradio's Indonesian; one in English, where the chat
    opens in Indonesian, gets both languages."""
    return gr.I18n(en={"upload_text.drop_file": "Letakkan file di sini · Drop files here",
                       "upload_text.click_to_upload": "klik untuk mengunggah · click to upload",
                       "common.or": "atau · or"})


def launch(assistant: Any, host: str = "127.0.0.1", port: int = 7860, share: bool = False,
           **kwargs: Any) -> gr.Blocks:
    """Serve the chat on `host:port` (this machine only by default) and return the running app.

    Extra keywords go to `Blocks.launch`; with `prevent_thread_lock=True` this returns at once and the
    server runs in a background thread (`app.local_url`, `app.close()`).
    """
    app = build_app(assistant)
    kwargs.setdefault("i18n", widget_text())
    app.launch(server_name=host, server_port=port, share=share, **kwargs)
    return app
