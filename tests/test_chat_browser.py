"""The chat page driven in headless Chromium, and its `/ask` API through gradio_client.

The index holds the bundled corpus plus one hostile document whose text is HTML and a `javascript:`
markdown link; the page must show that text as text and never run it. Embeddings come from the
deterministic `HashingEmbedder`, so no model is needed (its retrieval is lexical, hence one question
below is phrased close to the document's wording).
"""

from __future__ import annotations

import json
import os
import re
import socket
from pathlib import Path

import pytest

from assistant.answer import AnswerSettings, ExtractiveAnswerer, SentenceWeights
from assistant.chat import EMPTY_QUESTION_MESSAGE, launch
from assistant.render import escape_markdown
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
KAZ_QUESTION = "Kapan kerja sama Kazakhstan dengan NATO dimulai?"  # the real model finds the 1994 sentence with it
# The same question in the document's own words: the lexical fake embedder finds the 1994 sentence with it (with the
# one above it picks a sentence without a date, and a when-question so answered abstains).
KAZ_QUESTION_LITERAL = "Kapan kerjasama Kazakhstan dengan NATO dalam bidang keamanan secara resmi dimulai?"
HOSTILE_SOURCE = "zz_hostile.txt"
HOSTILE_TEXT = """Catatan Festival Asia Tenggara

Kerja sama budaya Laos dan Kamboja dimulai pada tahun 2001 dengan festival tari <script>window.__xss=1</script> di Vientiane.
Festival budaya Laos dan Kamboja menampilkan gambar <img src=x onerror="window.__xss=2"> dan tautan [klik](javascript:window.__xss=3) bagi pengunjung.
"""
HOSTILE_QUESTION = "Kapan kerja sama budaya Laos dan Kamboja dimulai?"
HOSTILE_QUESTION_2 = "Apa yang ditampilkan festival budaya Laos dan Kamboja?"
TIMEOUT_MS = 30_000
REAL_HOME = os.environ.get("TANYA_HOME")  # the module's fixtures point TANYA_HOME at a tmp dir; the e2e test needs this


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """`TANYA_HOME` for the module: uploads and feedback go there, not to ~/.tanya."""
    path = tmp_path_factory.mktemp("home") / "tanya-home"
    path.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TANYA_HOME", str(path))
        yield path


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, home):
    """A HashingEmbedder index of the bundled corpus plus the hostile document."""
    docs_dir = tmp_path_factory.mktemp("docs")
    (docs_dir / HOSTILE_SOURCE).write_text(HOSTILE_TEXT, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("index")
    embedder = HashingEmbedder()
    build_index(index_dir, read_documents([BUNDLED_CORPUS, docs_dir]).documents, embedder, show_progress=False)
    index = HybridIndex.load(index_dir, embedder)
    # The UI is under test, not sentence selection: weights that, with the lexical fake embedder, pick the 1994
    # sentence for the KAZ questions (the tuned defaults are for the real model).
    lexical = SentenceWeights(passages=3, coverage=0.2, rank=0.06, type_bonus=0.03, type_penalty=0.03)
    return Assistant(index, ExtractiveAnswerer(index, AnswerSettings(abstain_below=-1.0, select=lexical)))


@pytest.fixture(scope="module")
def server(assistant):
    """The chat app serving `assistant`."""
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


def ask(page, question: str, bot_messages_before: int | None = None, button: str = "Tanya"):
    """Type `question`, press the ask button, wait until the answer is complete; return its bot message."""
    bots = page.locator('#tanya-chat [data-testid="bot"]')
    before = bots.count() if bot_messages_before is None else bot_messages_before
    page.locator("#tanya-question textarea").fill(question)
    page.get_by_role("button", name=button, exact=True).click()
    # The answer streams in; it is complete when the sources panel no longer says it is searching.
    page.wait_for_function(
        "n => document.querySelectorAll('#tanya-chat [data-testid=\"bot\"]').length > n"
        " && !document.querySelector('#tanya-sources .tanya-pending')", arg=before)
    return bots.nth(before)


def open_documents(page):
    """Open the "Dokumen" accordion (upload, index info, removal)."""
    page.locator("#tanya-documents").get_by_text("Dokumen", exact=True).first.click()
    page.locator("#tanya-add").wait_for()


def upload(page, files, names: list[str]) -> str:
    """Put `files` into the file input, wait until each of `names` is uploaded, press "Tambahkan"; return the
    status message that follows."""
    status = page.locator("#tanya-upload-status")
    before = status.inner_text()
    page.locator('#tanya-files input[type="file"]').set_input_files(files)
    for name in names:  # the uploaded file is listed (its name is split into stem and extension spans)
        page.wait_for_function(
            "name => [...document.querySelectorAll('#tanya-files td.filename')]"
            ".some(td => (td.getAttribute('aria-label') || '').endsWith(name))", arg=name)
    page.locator("#tanya-add").click()
    return wait_for_status(page, before, "Ditambahkan|Diperbarui|Sudah ada|Tidak ada berkas|Maaf")


def wait_for_status(page, before: str, words: str) -> str:
    """Wait until the upload status changes from `before` to a message with one of `words` (a regex); return it."""
    page.wait_for_function(
        """([prev, words]) => { const t = document.querySelector('#tanya-upload-status').innerText;
                                 return t !== prev && new RegExp(words).test(t); }""", arg=[before, words])
    return page.locator("#tanya-upload-status").inner_text()


def choose_and_remove(page, source: str) -> str:
    """Pick `source` in the documents dropdown, press "Hapus dokumen"; return the status message."""
    status = page.locator("#tanya-upload-status")
    before = status.inner_text()
    box = page.locator("#tanya-indexed input")
    box.click()
    box.fill(source)
    page.get_by_role("option", name=source, exact=True).click()
    page.get_by_role("button", name="Hapus dokumen", exact=True).click()
    return wait_for_status(page, before, "Dihapus|Maaf|Pilih dokumen")


def cited_n(assistant, question: str) -> int:
    """The passage number the assistant cites first for `question`: what the page must link and highlight."""
    return assistant.ask(question).sentences[0].n


def cited_sources(page) -> str:
    return page.locator("#tanya-sources").inner_text()


@pytest.mark.browser
def test_page_layout(page):
    assert page.title() == "tanya"
    header = page.locator("#tanya-header")
    assert header.get_by_role("heading", name="tanya").is_visible()
    assert "pertanyaan" in header.inner_text()
    assert page.get_by_role("button", name="Tanya", exact=True).is_visible()
    assert "Sumber" in page.locator("#tanya-sources").inner_text()
    assert page.get_by_text("Berapa pasukan CSTO yang mendarat di Kazakhstan?").first.is_visible()
    assert page.get_by_role("button", name="👍 Membantu").is_visible()
    assert page.get_by_role("button", name="👎 Tidak membantu").is_visible()
    assert page.locator("#tanya-language").get_by_text("English").is_visible()
    open_documents(page)
    page.locator("#tanya-index-info").get_by_text("dokumen", exact=False).wait_for()
    assert "6 dokumen" in page.locator("#tanya-index-info").inner_text()


@pytest.mark.browser
def test_answer_with_citation_link_and_sources(page, assistant):
    first = cited_n(assistant, KAZ_QUESTION_LITERAL)
    message = ask(page, KAZ_QUESTION_LITERAL)
    link = message.locator(f'a[href="#passage-{first}"]').first
    link.wait_for()
    assert link.inner_text() == f"[{first}]"
    sources = page.locator("#tanya-sources")
    sources.get_by_text(KAZ_SOURCE).first.wait_for()
    assert "Kazakhstan" in sources.inner_text()
    assert sources.locator("mark").count() >= 1

    # The question in the document's words gets the 1994 sentence (the fake embedder is lexical).
    n = cited_n(assistant, KAZ_QUESTION_LITERAL)
    message = ask(page, KAZ_QUESTION_LITERAL)
    page.wait_for_function(
        "() => [...document.querySelectorAll('#tanya-chat [data-testid=\"bot\"]')].pop().innerText.includes('1994')")
    text = message.inner_text()
    assert "1994" in text and f"[{n}]" in text
    assert "1994" in sources.locator(f"#passage-{n} mark").first.inner_text()
    assert KAZ_SOURCE in sources.locator(f"#passage-{n}").inner_text()

    # Clicking the citation goes to the card of the cited passage.
    message.locator(f'a[href="#passage-{n}"]').click()
    page.wait_for_function(f"() => location.hash === '#passage-{n}'")
    card = page.locator(f"#passage-{n}")
    page.wait_for_function(
        f"() => {{ const r = document.getElementById('passage-{n}').getBoundingClientRect();"
        " return r.top < window.innerHeight && r.bottom > 0; }")
    assert card.is_visible()
    assert page.evaluate("document.querySelector(':target')?.id") == f"passage-{n}"


@pytest.mark.browser
def test_open_the_whole_document_at_the_passage(page, assistant):
    n = cited_n(assistant, KAZ_QUESTION_LITERAL)
    ask(page, KAZ_QUESTION_LITERAL)
    card = page.locator(f"#passage-{n}")
    view = card.locator("details.tanya-doc")
    assert not view.evaluate("d => d.open")
    card.get_by_text("Buka dokumen lengkap").click()
    page.wait_for_function(f"() => document.querySelector('#passage-{n} details.tanya-doc').open")
    passage = page.locator(f"#passage-{n}-doc")
    passage.wait_for()
    assert "1994" in passage.locator("mark").first.inner_text()
    # The view holds the whole document, not only the passage.
    document = next(d for d in assistant.index.documents.values() if d.source == KAZ_SOURCE)
    text = view.locator(".tanya-doc-text").text_content()
    assert text == document.text and len(text) > len(passage.text_content())
    # ...and is scrolled so the passage shows, both in its box and in the window.
    page.wait_for_function(
        f"""() => {{ const p = document.getElementById('passage-{n}-doc').getBoundingClientRect();
                   const box = document.querySelector('#passage-{n} .tanya-doc-text').getBoundingClientRect();
                   return p.top < Math.min(box.bottom, window.innerHeight) && p.bottom > Math.max(box.top, 0); }}""")


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

    page.locator("#tanya-sources").get_by_text("Buka dokumen lengkap").first.click()
    page.locator('#tanya-sources [id^="passage-"][id$="-doc"]').first.wait_for()
    assert "<script>window.__xss=1</script>" in page.locator("#tanya-sources .tanya-doc-text").first.inner_text()

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
def test_follow_up_shows_the_rewritten_query_and_a_new_chat_forgets_it(page):
    ask(page, "Apa kerja sama NATO dengan Kazakhstan dalam bidang keamanan?")
    message = ask(page, "Kapan itu dimulai secara resmi?")
    message.get_by_text("Dicari sebagai", exact=False).wait_for()
    assert ("Dicari sebagai: Kapan itu dimulai secara resmi? (Apa kerja sama NATO dengan Kazakhstan dalam bidang "
            "keamanan?)") in message.inner_text()
    assert "Kazakhstan" in cited_sources(page)

    page.get_by_role("button", name="Percakapan baru", exact=True).click()
    page.wait_for_function("() => !document.querySelector('#tanya-chat [data-testid=\"bot\"]')")
    message = ask(page, "Kapan itu dimulai?", bot_messages_before=0)
    assert "Dicari sebagai" not in message.inner_text()


@pytest.mark.browser
def test_thumbs_down_with_a_note_is_recorded(page, home):
    feedback = home / "feedback.jsonl"
    lines_before = feedback.read_text(encoding="utf-8").splitlines() if feedback.exists() else []
    page.get_by_role("button", name="👍 Membantu").click()
    page.locator("#tanya-feedback-status").get_by_text("Belum ada jawaban", exact=False).wait_for()

    ask(page, KAZ_QUESTION_LITERAL)
    page.locator("#tanya-note textarea").fill("Kurang lengkap <b>sekali</b>")
    page.get_by_role("button", name="👎 Tidak membantu").click()
    page.locator("#tanya-feedback-status").get_by_text("Terima kasih", exact=False).wait_for()
    assert page.locator("#tanya-note textarea").input_value() == ""
    lines = feedback.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(lines_before) + 1
    entry = json.loads(lines[-1])
    assert entry["vote"] == "down" and entry["note"] == "Kurang lengkap <b>sekali</b>"
    assert entry["question"] == KAZ_QUESTION_LITERAL and "1994" in entry["answer"]
    assert any(c["source"] == KAZ_SOURCE for c in entry["cited"])


@pytest.mark.browser
def test_english_switch(page):
    page.locator("#tanya-language").get_by_text("English", exact=True).click()
    page.get_by_role("button", name="Ask", exact=True).wait_for()
    assert page.get_by_role("button", name="Tanya", exact=True).count() == 0
    assert page.get_by_role("button", name="👎 Not helpful").is_visible()
    assert page.locator("#tanya-question textarea").get_attribute("placeholder") == "Type your question…"
    page.locator("#tanya-sources").get_by_text("Sources", exact=True).wait_for()
    ask(page, KAZ_QUESTION_LITERAL, button="Ask")
    sources = page.locator("#tanya-sources")
    assert "Open the whole document" in sources.inner_text() and "position: chars" in sources.inner_text()
    # Switching back re-renders the sources panel of the latest answer in Indonesian.
    page.locator("#tanya-language").get_by_text("Indonesia", exact=True).click()
    page.get_by_role("button", name="Tanya", exact=True).wait_for()
    sources.get_by_text("Buka dokumen lengkap").first.wait_for()
    assert "posisi: karakter" in sources.inner_text()


@pytest.mark.parametrize("locale,drop_text", [("en-US", "Letakkan file di sini · Drop files here"),
                                              ("id-ID", "Letakkan File di Sini")])
def test_the_upload_area_speaks_indonesian_whatever_the_browser_language(browser, server, locale, drop_text):
    """Gradio's own upload text follows the browser's language; an English browser gets it in both languages
    (a tester saw "Drop File Here - or - Click to Upload" in the Indonesian chat)."""
    context = browser.new_context(locale=locale)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(server)
        open_documents(page)
        page.locator("#tanya-files").get_by_text(drop_text).wait_for()
        assert "Drop File Here" not in page.locator("#tanya-files").inner_text()
    finally:
        context.close()


UPLOAD_NAME = "festival_toba_2031.txt"
UPLOAD_TEXT = ("Festival Danau Toba 2031\n\nFestival Danau Toba 2031 dihadiri 12.345 pengunjung dari berbagai daerah. "
               "Festival itu digelar di Parapat selama tiga hari.\n")
UPLOAD_QUESTION = "Berapa pengunjung yang menghadiri Festival Danau Toba 2031?"


@pytest.mark.browser
def test_upload_then_ask_then_remove(page, tmp_path, home):
    path = tmp_path / UPLOAD_NAME
    path.write_text(UPLOAD_TEXT, encoding="utf-8")
    open_documents(page)
    message = upload(page, [str(path)], [UPLOAD_NAME])
    assert "Ditambahkan" in message and UPLOAD_NAME in message
    page.locator("#tanya-index-info").get_by_text("7 dokumen", exact=False).wait_for()
    assert list(home.glob(f"uploads/*/{UPLOAD_NAME}"))

    answer = ask(page, UPLOAD_QUESTION)
    assert "12.345" in answer.inner_text()
    assert UPLOAD_NAME in cited_sources(page)

    message = choose_and_remove(page, UPLOAD_NAME)
    assert "Dihapus dari indeks" in message and UPLOAD_NAME in message
    page.locator("#tanya-index-info").get_by_text("6 dokumen", exact=False).wait_for()
    assert not list(home.glob(f"uploads/*/{UPLOAD_NAME}"))

    answer = ask(page, UPLOAD_QUESTION)
    assert "12.345" not in answer.inner_text()
    assert UPLOAD_NAME not in cited_sources(page)


@pytest.mark.browser
def test_upload_refusals_and_hostile_names(page, home):
    open_documents(page)
    # A file whose name climbs out of the upload folder lands inside it, under its base name.
    hostile = {"name": "../../evil.txt", "mimeType": "text/plain",
               "buffer": "Catatan jahat tentang Danau Kelimutu tahun 2040.".encode()}
    message = upload(page, [hostile], ["evil.txt"])
    assert "evil.txt" in message
    stored = list(home.rglob("evil.txt"))
    assert stored and all(home / "uploads" in p.parents for p in stored)
    assert not (home.parent / "evil.txt").exists() and not (home.parent.parent / "evil.txt").exists()
    assert "Dihapus dari indeks" in choose_and_remove(page, "evil.txt")
    assert not list(home.rglob("evil.txt"))

    # Files of other types are refused with a message saying what is accepted.
    for name in ("laporan.pdf", "setup.exe"):
        page.locator('#tanya-files input[type="file"]').set_input_files(
            [{"name": name, "mimeType": "application/octet-stream", "buffer": b"%PDF-1.4 MZ"}])
        # Gradio's upload refuses it before it reaches the server, with a warning naming the accepted types.
        refusal = page.get_by_text(re.compile(rf"Invalid file type: {re.escape(name)}\. Only \.txt, \.md")).first
        refusal.wait_for()
    assert not list(home.rglob("laporan.pdf")) and not list(home.rglob("setup.exe"))
    assert "6 dokumen" in page.locator("#tanya-index-info").inner_text()


def test_upload_handler_refuses_other_types_with_a_clear_message(assistant, tmp_path, home):
    from assistant.chat import _add_files

    for name in ("setup.exe", "laporan.pdf"):
        path = tmp_path / name
        path.write_bytes(b"MZ\x90\x00")
        message = _add_files(assistant, [str(path)], "Indonesia")
        assert message.startswith("**Tidak ada berkas yang ditambahkan.**")
        assert f"**Ditolak:** {name}: hanya berkas .txt, .md dan .html" in message
        assert "only .txt" in _add_files(assistant, [str(path)], "English")
    assert _add_files(assistant, [], "Indonesia") == "Pilih berkas terlebih dahulu."
    assert not list(home.rglob("setup.exe"))


def test_the_last_document_is_not_removed_and_its_date_is_shown(tmp_path, home):
    from assistant.chat import _remove

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "satu.txt").write_text("Festival Kopi Bandung\nRabu, 8 Oktober 2025\n\n"
                                   "Festival kopi digelar di Bandung pada Oktober 2023.", encoding="utf-8")
    embedder = HashingEmbedder()
    build_index(tmp_path / "index", read_documents([docs]).documents, embedder, show_progress=False)
    index = HybridIndex.load(tmp_path / "index", embedder)
    single = Assistant(index, ExtractiveAnswerer(index))
    assert _remove(single, "satu.txt", "Indonesia").startswith("Dokumen terakhir tidak dapat dihapus")
    assert "an index needs at least one" in _remove(single, "satu.txt", "English")
    assert HybridIndex.load(tmp_path / "index", embedder).documents  # still there
    # The date line ingest kept as metadata is shown with the source.
    from assistant.chat import _sources

    answer = single.ask("Di mana festival kopi digelar?")
    assert not answer.abstained and "Rabu, 8 Oktober 2025" in _sources(single, answer, "id")


def test_store_upload_keeps_files_inside_the_uploads_folder(tmp_path, home):
    from assistant.uploads import UploadError, store_upload, uploads_dir

    source = tmp_path / "x.txt"
    source.write_text("isi", encoding="utf-8")
    index_dir = tmp_path / "index"
    for name in ("../../evil.txt", "..\\..\\evil.txt", "/etc/evil.txt"):
        stored = store_upload(source, name, index_dir)
        assert stored.name == "evil.txt" and stored.parent == uploads_dir(index_dir).resolve()
        assert home.resolve() in stored.parents
    for name in ("..", "../.hidden", "x.exe", "x.pdf"):
        with pytest.raises(UploadError):
            store_upload(source, name, index_dir)


@pytest.mark.browser
def test_gradio_client_ask_streams_and_keeps_the_answer_endpoint(server, assistant):
    from gradio_client import Client

    n = cited_n(assistant, KAZ_QUESTION_LITERAL)
    client = Client(server, verbose=False)
    history, sources, textbox = client.predict(KAZ_QUESTION_LITERAL, api_name="/ask")
    contents = str(history)
    assert "1994" in contents and f'href="#passage-{n}"' in contents
    assert KAZ_SOURCE in sources and f'id="passage-{n}"' in sources
    assert textbox == ""

    history, sources, _ = client.predict("", api_name="/ask")
    assert EMPTY_QUESTION_MESSAGE in str(history)
    assert "passage-" not in sources

    # The UI handler streams: a placeholder first, the answer last.
    job = client.submit(KAZ_QUESTION_LITERAL, api_name="/ask")
    job.result()
    outputs = job.outputs()
    assert len(outputs) >= 2
    first = str(outputs[0][0][-1]["content"])  # Gradio 6 gives a message's content as a list of parts
    assert "Mencari…" in first and "1994" not in first and "tanya-pending" in outputs[0][1]
    assert "1994" in str(outputs[-1][0][-1]) and f'id="passage-{n}"' in outputs[-1][1]

    # The JSON endpoint is unchanged: question and earlier standalone queries in, `tanya ask --json` out.
    data = client.predict(KAZ_QUESTION_LITERAL, [], api_name="/answer")
    assert "1994" in data["answer"] and KAZ_SOURCE in {p["source"] for p in data["passages"]}
    data = client.predict("Kapan itu dimulai?", ["Apa kerja sama NATO dengan Kazakhstan?"], api_name="/answer")
    assert data["rewritten_query"] == "Kapan itu dimulai? (Apa kerja sama NATO dengan Kazakhstan?)"


def test_respond_streams_a_placeholder_then_sentences_then_the_answer(assistant):
    from assistant.chat import _respond

    steps = list(_respond(assistant, KAZ_QUESTION_LITERAL, [], []))
    assert steps[0][0] == [{"role": "user", "content": escape_markdown(KAZ_QUESTION_LITERAL)},
                           {"role": "assistant", "content": "Mencari…"}]
    assert "tanya-pending" in steps[0][1] and steps[0][3] == [] and steps[0][4] is None
    history, sources, textbox, queries, answer = steps[-1]
    assert len(history) == 2 and "1994" in history[-1]["content"]
    assert len(steps) == 2 + max(0, len(answer.sentences) - 1)
    assert f'id="passage-{answer.sentences[0].n}-doc"' in sources and textbox == ""
    assert queries == [KAZ_QUESTION_LITERAL] and answer.question == KAZ_QUESTION_LITERAL

    *_, (history, _, _, queries, answer) = _respond(assistant, "Kapan itu dimulai?", history, queries)
    assert answer.rewritten_query == f"Kapan itu dimulai? ({KAZ_QUESTION_LITERAL})"
    assert queries == [KAZ_QUESTION_LITERAL, answer.rewritten_query]
    assert "_Dicari sebagai: Kapan itu dimulai? \\(" in history[-1]["content"]


def test_assistant_failure_becomes_a_chat_message_not_a_traceback(caplog):
    from assistant.chat import ERROR_MESSAGE, _respond

    class Broken:
        def ask(self, question, history=None):
            raise RuntimeError("index on fire <script>")

    *_, (history, sources, textbox, queries, answer) = _respond(Broken(), "Apa <b>ini</b>?", [])
    assert history[-1] == {"role": "assistant", "content": ERROR_MESSAGE}
    assert history[0]["content"] == "Apa &lt;b&gt;ini&lt;/b&gt;?"
    assert "fire" not in str(history) and "Traceback" not in str(history)
    assert "passage-" not in sources and textbox == "" and queries == [] and answer is None
    assert "index on fire" in caplog.text  # the log keeps the cause


@pytest.mark.e2e
@pytest.mark.skipif(not is_fetched(tanya_home()) and not os.environ.get("TANYA_MODEL"),
                    reason="the embedding model is not fetched; run `tanya models fetch`")
def test_gradio_client_ask_with_the_real_model(tmp_path, monkeypatch):
    """The brief's own wording of the question finds 1994 with the real model (the fake one needs the literal one)."""
    from gradio_client import Client

    from assistant import engine

    if REAL_HOME is None:
        monkeypatch.delenv("TANYA_HOME", raising=False)
    else:
        monkeypatch.setenv("TANYA_HOME", REAL_HOME)

    engine.ingest([BUNDLED_CORPUS], tmp_path / "index", engine.make_embedder())
    real = engine.open_assistant(tmp_path / "index")
    n = cited_n(real, KAZ_QUESTION)
    app = launch(real, port=_free_port(), prevent_thread_lock=True, quiet=True)
    try:
        history, sources, _ = Client(app.local_url, verbose=False).predict(KAZ_QUESTION, api_name="/ask")
    finally:
        app.close()
    assert "1994" in str(history) and f'href="#passage-{n}"' in str(history)
    assert KAZ_SOURCE in sources
