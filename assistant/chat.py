"""The chat UI: a Gradio page that asks the assistant and shows the answer with its cited passages.

Formatting only: every question goes to `assistant.ask(question)`; what comes back is rendered by
`assistant.render`. Text from documents is escaped there, so nothing in a passage can run in the page.
"""

from __future__ import annotations

import logging
from typing import Any

import gradio as gr

from .answer import QuestionError
from .render import escape_markdown, render_answer_markdown, render_sources_html, render_sources_placeholder

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
.tanya-text mark { padding: 0 0.1em; border-radius: 3px; }
"""


def _respond(assistant: Any, question: str | None, history: list | None) -> tuple[list, str, str]:
    """One turn: (the new chat history, the sources panel, the cleared textbox)."""
    history = list(history or [])
    try:
        answer = assistant.ask(question or "")
    except QuestionError:
        history.append({"role": "assistant", "content": EMPTY_QUESTION_MESSAGE})
        return history, render_sources_placeholder(), ""
    except Exception:  # noqa: BLE001 - the chat shows a message, the log keeps the traceback
        log.exception("Answering %r failed", question)
        history.append({"role": "user", "content": escape_markdown(question or "")})
        history.append({"role": "assistant", "content": ERROR_MESSAGE})
        return history, render_sources_placeholder(), ""
    history.append({"role": "user", "content": escape_markdown(answer.question)})
    history.append({"role": "assistant", "content": render_answer_markdown(answer)})
    return history, render_sources_html(answer), ""


def build_app(assistant: Any) -> gr.Blocks:
    """The chat page for `assistant` (anything with `.ask(question) -> Answer`)."""
    with gr.Blocks(title=TITLE, analytics_enabled=False) as app:
        gr.Markdown(f"# {TITLE}\n{SUBTITLE}", elem_id="tanya-header")
        chatbot = gr.Chatbot(
            label="Percakapan", elem_id="tanya-chat", height=420,
            sanitize_html=True, render_markdown=True, allow_tags=False, latex_delimiters=[],
            feedback_options=None, buttons=["copy", "copy_all"], placeholder="Jawaban akan muncul di sini.",
        )
        with gr.Row():
            question = gr.Textbox(
                show_label=False, placeholder="Tulis pertanyaan Anda…", elem_id="tanya-question",
                scale=5, lines=1, max_lines=4, autofocus=True,
            )
            ask = gr.Button("Tanya", variant="primary", elem_id="tanya-ask", scale=1, min_width=100)
        sources = gr.HTML(render_sources_placeholder(), elem_id="tanya-sources", css_template=SOURCES_CSS,
                          js_on_load=None)
        gr.Examples(EXAMPLES, inputs=[question], label="Contoh pertanyaan")

        def respond(text: str, history: list) -> tuple[list, str, str]:
            return _respond(assistant, text, history)

        def answer_json(question: str, history: list[str] | None = None) -> dict:
            """Ask one question (with earlier standalone questions for follow-ups); the same JSON as `tanya ask --json`."""
            try:
                return assistant.ask(question or "", history or None).to_json()
            except QuestionError as exc:
                return {"question": question, "error": str(exc)}

        gr.api(answer_json, api_name="answer",
               api_description="Answer a question; returns the JSON object of `tanya ask --json`.")

        gr.on(
            triggers=[ask.click, question.submit], fn=respond, inputs=[question, chatbot],
            outputs=[chatbot, sources, question], api_name="ask",
            api_description="Ask a question; returns the chat history, the sources panel HTML and an empty textbox.",
            show_progress="minimal",
        )
    return app


def launch(assistant: Any, host: str = "127.0.0.1", port: int = 7860, share: bool = False,
           **kwargs: Any) -> gr.Blocks:
    """Serve the chat on `host:port` (this machine only by default) and return the running app.

    Extra keywords go to `Blocks.launch`; with `prevent_thread_lock=True` this returns at once and the
    server runs in a background thread (`app.local_url`, `app.close()`).
    """
    app = build_app(assistant)
    app.launch(server_name=host, server_port=port, share=share, **kwargs)
    return app
