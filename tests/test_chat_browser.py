"""The chat page driven in headless Chromium, and its `/ask` API through gradio_client.

The index holds the bundled corpus plus one hostile document whose text is HTML and a `javascript:`
markdown link; the page must show that text as text and never run it. Embeddings come from the
deterministic `HashingEmbedder`, so no model is needed (its retrieval is lexical, hence one question
below is phrased close to the document's wording).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from assistant.answer import AnswerSettings, ExtractiveAnswerer
from assistant.chat import EMPTY_QUESTION_MESSAGE, launch
from assistant.engine import Assistant
from assistant.settings import BUNDLED_CORPUS, tanya_home
from index.embedding import HashingEmbedder
from index.models import is_fetched
from index.store import HybridIndex, build_index
from ingest.readers import read_documents

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
KAZ_SOURCE = "002_bd995526f7883333.txt"
KAZ_QUESTION = "Kapan kerja sama Kazakhstan dengan NATO dimulai?"
# The same question in the document's own words: the lexical fake embedder finds the 1994 sentence with it.
KAZ_QUESTION_LITERAL = "Kapan kerjasama Kazakhstan dengan NATO dalam bidang keamanan secara resmi dimulai?"
HOSTILE_SOURCE = "zz_hostile.txt"
HOSTILE_TEXT = """Catatan Festival Asia Tenggara

Kerja sama budaya Laos dan Kamboja dimulai pada tahun 2001 dengan festival tari <script>window.__xss=1</script> di Vientiane.
Festival budaya Laos dan Kamboja menampilkan gambar <img src=x onerror="window.__xss=2"> dan tautan [klik](javascript:window.__xss=3) bagi pengunjung.
"""
HOSTILE_QUESTION = "Kapan kerja sama budaya Laos dan Kamboja dimulai?"
HOSTILE_QUESTION_2 = "Apa yang ditampilkan festival budaya Laos dan Kamboja?"
TIMEOUT_MS = 30_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The chat app serving a HashingEmbedder index of the bundled corpus plus the hostile document."""
    docs_dir = tmp_path_factory.mktemp("docs")
    (docs_dir / HOSTILE_SOURCE).write_text(HOSTILE_TEXT, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("index")
    embedder = HashingEmbedder()
    build_index(index_dir, read_documents([BUNDLED_CORPUS, docs_dir]).documents, embedder, show_progress=False)
    index = HybridIndex.load(index_dir, embedder)
    assistant = Assistant(index, ExtractiveAnswerer(index, AnswerSettings(abstain_below=-1.0)))
    app = launch(assistant, port=_free_port(), prevent_thread_lock=True, quiet=True)
    try:
        assert app.local_url.startswith("http://127.0.0.1:")
        yield app.local_url
    finally:
        app.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(server)
    page.locator("#tanya-question textarea").wait_for()
    try:
        yield page
    finally:
        context.close()


def ask(page, question: str, bot_messages_before: int | None = None):
    """Type `question`, press "Tanya", wait for the new bot message; return it."""
    bots = page.locator('#tanya-chat [data-testid="bot"]')
    before = bots.count() if bot_messages_before is None else bot_messages_before
    page.locator("#tanya-question textarea").fill(question)
    page.get_by_role("button", name="Tanya", exact=True).click()
    page.wait_for_function(
        "n => document.querySelectorAll('#tanya-chat [data-testid=\"bot\"]').length > n", arg=before)
    return bots.nth(before)


@pytest.mark.browser
def test_page_layout(page):
    assert page.title() == "tanya"
    header = page.locator("#tanya-header")
    assert header.get_by_role("heading", name="tanya").is_visible()
    assert "pertanyaan" in header.inner_text()
    assert page.get_by_role("button", name="Tanya", exact=True).is_visible()
    assert "Sumber" in page.locator("#tanya-sources").inner_text()
    assert page.get_by_text("Berapa pasukan CSTO yang mendarat di Kazakhstan?").first.is_visible()


@pytest.mark.browser
def test_answer_with_citation_link_and_sources(page):
    message = ask(page, KAZ_QUESTION)
    link = message.locator('a[href="#passage-1"], a[href="#passage-2"]').first
    link.wait_for()
    assert link.inner_text() in ("[1]", "[2]")
    sources = page.locator("#tanya-sources")
    sources.get_by_text(KAZ_SOURCE).first.wait_for()
    assert "Kazakhstan" in sources.inner_text()
    assert sources.locator("mark").count() >= 1

    # The question in the document's words gets the 1994 sentence (the fake embedder is lexical).
    message = ask(page, KAZ_QUESTION_LITERAL)
    page.wait_for_function(
        "() => [...document.querySelectorAll('#tanya-chat [data-testid=\"bot\"]')].pop().innerText.includes('1994')")
    text = message.inner_text()
    assert "1994" in text and "[1]" in text
    assert "1994" in sources.locator("#passage-1 mark").first.inner_text()
    assert KAZ_SOURCE in sources.locator("#passage-1").inner_text()

    # Clicking the citation goes to the card of the cited passage.
    message.locator('a[href="#passage-1"]').click()
    page.wait_for_function("() => location.hash === '#passage-1'")
    card = page.locator("#passage-1")
    page.wait_for_function(
        "() => { const r = document.getElementById('passage-1').getBoundingClientRect();"
        " return r.top < window.innerHeight && r.bottom > 0; }")
    assert card.is_visible()


@pytest.mark.browser
def test_hostile_passage_is_shown_as_text_and_never_runs(page):
    message = ask(page, HOSTILE_QUESTION)
    message.get_by_text("<script>", exact=False).wait_for()
    assert "<script>window.__xss=1</script>" in message.inner_text()
    sources = page.locator("#tanya-sources")
    sources.get_by_text(HOSTILE_SOURCE).wait_for()
    assert "<script>window.__xss=1</script>" in sources.inner_text()
    assert '<img src=x onerror="window.__xss=2">' in sources.inner_text()
    assert "[klik](javascript:window.__xss=3)" in sources.inner_text()

    message = ask(page, HOSTILE_QUESTION_2)
    message.get_by_text("onerror", exact=False).wait_for()
    assert '<img src=x onerror="window.__xss=2">' in message.inner_text()
    assert "[klik](javascript:window.__xss=3)" in message.inner_text()

    page.wait_for_timeout(500)  # give any injected handler (an <img onerror>) the time to fire
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator('#tanya-chat script, #tanya-sources script').count() == 0
    assert page.locator('#tanya-chat img[src="x"], #tanya-sources img').count() == 0
    assert page.locator('a[href^="javascript:" i]').count() == 0


@pytest.mark.browser
def test_empty_question_gets_a_friendly_message(page):
    page.locator("#tanya-question textarea").fill("   ")
    page.get_by_role("button", name="Tanya", exact=True).click()
    message = page.locator('#tanya-chat [data-testid="bot"]').first
    message.wait_for()
    assert "Silakan ketik pertanyaan" in message.inner_text()
    assert "Traceback" not in page.content()


@pytest.mark.browser
def test_gradio_client_ask(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    history, sources, textbox = client.predict(KAZ_QUESTION_LITERAL, api_name="/ask")
    contents = str(history)
    assert "1994" in contents and 'href="#passage-1"' in contents
    assert KAZ_SOURCE in sources and 'id="passage-1"' in sources
    assert textbox == ""

    history, sources, _ = client.predict("", api_name="/ask")
    assert EMPTY_QUESTION_MESSAGE in str(history)
    assert "passage-" not in sources


def test_assistant_failure_becomes_a_chat_message_not_a_traceback(caplog):
    from assistant.chat import ERROR_MESSAGE, _respond

    class Broken:
        def ask(self, question):
            raise RuntimeError("index on fire <script>")

    history, sources, textbox = _respond(Broken(), "Apa <b>ini</b>?", [])
    assert history[-1] == {"role": "assistant", "content": ERROR_MESSAGE}
    assert history[0]["content"] == "Apa &lt;b&gt;ini&lt;/b&gt;?"
    assert "fire" not in str(history) and "Traceback" not in str(history)
    assert "passage-" not in sources and textbox == ""
    assert "index on fire" in caplog.text  # the log keeps the cause


@pytest.mark.e2e
@pytest.mark.skipif(not is_fetched(tanya_home()) and not os.environ.get("TANYA_MODEL"),
                    reason="the embedding model is not fetched; run `tanya models fetch`")
def test_gradio_client_ask_with_the_real_model(tmp_path):
    """The brief's own wording of the question finds 1994 with the real model (the fake one needs the literal one)."""
    from gradio_client import Client

    from assistant import engine

    engine.ingest([BUNDLED_CORPUS], tmp_path / "index", engine.make_embedder())
    app = launch(engine.open_assistant(tmp_path / "index"), port=_free_port(), prevent_thread_lock=True, quiet=True)
    try:
        history, sources, _ = Client(app.local_url, verbose=False).predict(KAZ_QUESTION, api_name="/ask")
    finally:
        app.close()
    assert "1994" in str(history) and 'href="#passage-1"' in str(history)
    assert KAZ_SOURCE in sources
