"""End to end with the real embedding model (EmbeddingGemma-300M, fetched by `make test`) on the bundled corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.settings import tanya_home
from index.models import is_fetched

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not is_fetched(tanya_home()) and not os.environ.get("TANYA_MODEL"),
                       reason="the embedding model is not fetched; run `make test` or `tanya models fetch`"),
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    from assistant import engine

    directory = tmp_path_factory.mktemp("e2e") / "index"
    engine.ingest([CORPUS], directory, engine.make_embedder())
    return directory


@pytest.fixture(scope="module")
def assistant(index_dir):
    from assistant.engine import open_assistant

    return open_assistant(index_dir)


def _tanya(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True,
                          cwd=REPO, timeout=600)


@pytest.mark.parametrize("question,source,fact", [
    ("Kapan kerja sama Kazakhstan dengan NATO dimulai secara resmi?", "002_bd995526f7883333.txt", "1994"),
    ("Berapa jumlah pasukan CSTO yang mendarat di Kazakhstan?", "001_a5822a4f334e8dc3.txt", "4.000"),
    ("Sejak tahun berapa Indonesia aktif melaksanakan program KSS?", "003_478c1d1664c700a7.txt", "1981"),
    ("Inisiatif global apa yang dipimpin WHO untuk distribusi vaksin?", "004_810e5cfd1709ab61.txt", "COVAX"),
])
def test_known_questions_find_their_passage_and_answer(assistant, question, source, fact):
    answer = assistant.ask(question)
    assert not answer.abstained
    assert answer.passages[0].source == source
    assert fact in answer.answer
    cited = answer.cited
    assert cited and any(fact in p.text for p in cited)
    for sentence in answer.sentences:
        passage = next(p for p in answer.passages if p.n == sentence.n)
        assert passage.text[sentence.start:sentence.end] == sentence.text
        assert f"[{sentence.n}]" in answer.answer


def test_an_english_question_finds_the_indonesian_passage(assistant):
    answer = assistant.ask("In which year did Indonesia host the Asian-African Conference?")
    assert not answer.abstained
    assert any("Konferensi Asia-Afrika (KAA) tahun 1955" in p.text for p in answer.passages[:3])
    assert "1955" in answer.answer


@pytest.mark.parametrize("question", ["Bagaimana cara membuat kue lapis legit?", "Siapa juara Liga Inggris musim 2015?"])
def test_a_question_the_corpus_cannot_answer_abstains(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and answer.passages == [] and answer.sentences == []
    assert "tidak ditemukan" in answer.answer


@pytest.mark.parametrize("previous,follow_up,fact", [
    ("Berapa pasukan CSTO yang mendarat di Kazakhstan?", "Siapa komandannya?", None),
    ("Apa itu KAZCENT?", "Berapa anggarannya?", None),
    ("Berapa pasukan CSTO yang mendarat di Kazakhstan?", "Berapa di antaranya yang berasal dari Rusia?", "3.000"),
    ("Apa bentuk kerja sama NATO dengan Kazakhstan?", "Kapan itu dimulai secara resmi?", "1994"),
])
def test_a_follow_up_is_answered_only_by_what_it_asks_for(assistant, previous, follow_up, fact):
    """Searching a follow-up with the previous question finds that question's passage; a commander or a budget
    it never names is no answer to "Siapa komandannya?"."""
    answer = assistant.ask(follow_up, [previous])
    assert answer.rewritten_query and previous in answer.rewritten_query
    if fact is None:
        assert answer.abstained and "tidak ditemukan" in answer.answer
    else:
        assert not answer.abstained and fact in answer.answer


def test_an_answer_that_points_back_brings_the_sentence_it_points_to(assistant):
    """ "Sebagai bagian dari rencana ini, …" names the plan only in the sentence before: both are one cited span."""
    answer = assistant.ask("Rencana kemitraan NATO apa yang diikuti Kazakhstan untuk memerangi terorisme?")
    assert not answer.abstained and "Anti-Terrorism Partnership Action Plan" in answer.answer
    lead = answer.sentences[0]
    assert lead.text.startswith("Kazakhstan adalah bagian dari Rencana") and "Sebagai bagian dari rencana ini" in lead.text
    passage = next(p for p in answer.passages if p.n == lead.n)
    assert passage.text[lead.start:lead.end] == lead.text and f"[{lead.n}]" in answer.answer


def test_the_answer_is_concise(assistant):
    answer = assistant.ask("Apa tujuan utama Partnership for Peace?")
    assert not answer.abstained and len(answer.answer) <= 420


def test_ask_json_contract(index_dir):
    result = _tanya("ask", "--json", "--index", str(index_dir), "Siapa Perwakilan Khusus NATO untuk Kaukasus dan Asia Tengah?")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)  # stdout holds exactly one JSON object
    assert {"question", "answer", "abstained", "passages", "timings_ms"} <= set(data)
    assert data["abstained"] is False and "James Appathurai" in data["answer"]
    assert [p["n"] for p in data["passages"]] == [1, 2, 3, 4, 5]
    for passage in data["passages"]:
        assert {"n", "source", "title", "chunk_id", "start", "end", "text", "score"} <= set(passage)
    assert any(f"[{p['n']}]" in data["answer"] for p in data["passages"])
    assert data["timings_ms"]["total"] > 0
    assert "load_model" in data["timings_ms"]  # a fresh process loads the model, booked apart from embed_query



def test_plain_ask_indents_every_line_of_a_cited_passage(index_dir):
    result = _tanya("ask", "--index", str(index_dir), "Kapan kerja sama Kazakhstan dengan NATO dimulai?")
    assert result.returncode == 0, result.stderr
    answer, _, sources = result.stdout.partition("\n\n")
    assert "[1]" in answer and sources.startswith("[1] ")
    lines = [line for line in sources.splitlines() if line.strip()]
    assert len(lines) > 2  # the passage runs over several lines, so indenting only the first would show here
    assert all(line.startswith(("[", "    ")) for line in lines), sources

def test_ask_json_questions_file(index_dir, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"id": "a", "question": "Kapan KAZCENT diakreditasi NATO?"}\n'
                         '{"id": "b", "question": "Bagaimana cara menanam padi organik?"}\n', encoding="utf-8")
    result = _tanya("ask", "--json", "--index", str(index_dir), "--questions", str(questions))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert "load_model" in lines[0]["timings_ms"] and "load_model" not in lines[1]["timings_ms"]
    assert "2010" in lines[0]["answer"] and lines[1]["abstained"] is True and lines[1]["passages"] == []


def test_a_questions_file_with_bad_lines_answers_the_others(index_dir, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"id": "a", "question": "Kapan KAZCENT diakreditasi NATO?"}\n'
                         'not json at all\n'
                         '{"id": "c", "question": "   "}\n'
                         '{"id": "d", "question": "Kapan KAZCENT dibuka \\ud800?"}\n', encoding="utf-8")
    result = _tanya("ask", "--json", "--index", str(index_dir), "--questions", str(questions))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("id") for line in lines] == ["a", None, "c", "d"]
    assert "2010" in lines[0]["answer"] and lines[1]["line"] == 2 and "not a JSON object" in lines[1]["error"]
    assert "empty" in lines[2]["error"]
    assert not lines[3]["abstained"] and "onnx" not in result.stderr.lower()  # the lone surrogate read as "?"
    both = _tanya("ask", "--json", "--index", str(index_dir), "--questions", str(questions), "Apa itu KSS?")
    assert both.returncode == 2 and "not both" in both.stderr


def test_bad_input_gives_clear_errors_and_exit_codes(index_dir, tmp_path):
    empty = _tanya("ask", "--index", str(index_dir), "   ")
    assert empty.returncode == 2 and "empty" in empty.stderr and "Traceback" not in empty.stderr
    missing = _tanya("ask", "--index", str(tmp_path / "nope"), "Apa itu KSS?")
    assert missing.returncode == 3 and "No index" in missing.stderr and "Traceback" not in missing.stderr
    assert f"--index {tmp_path / 'nope'}" in missing.stderr  # the hint builds the index that was asked for
    a_file = tmp_path / "berita.txt"
    a_file.write_text("Banjir melanda Palembang.", encoding="utf-8")
    not_a_folder = _tanya("ask", "--index", str(a_file), "Kapan banjir?")
    assert not_a_folder.returncode == 3 and "is a file" in not_a_folder.stderr and "Traceback" not in not_a_folder.stderr
    nothing = _tanya("ingest", "--index", str(tmp_path / "new"), str(tmp_path / "does-not-exist"))
    assert nothing.returncode == 2 and "does not exist" in nothing.stderr


def test_eval_runs_on_the_bundled_set_without_regression(index_dir, tmp_path):
    result = _tanya("eval", "--index", str(index_dir), "--report-dir", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp_path / "eval.json").read_text())
    assert report["overall"]["questions"] >= 60
    assert set(report["by_kind"]) >= {"factoid", "list", "paraphrase", "multi_doc", "english", "unanswerable"}
    markdown = (tmp_path / "eval.md").read_text()
    assert markdown.startswith("# tanya eval")
    # every abstention says why: an answer check's name, a name no document mentions, or a low confidence
    refused = [r for r in report["results"] if r["abstained"]]
    assert refused and all(r["refused_by"] for r in refused)
    assert "## Why it abstained" in markdown and "| low confidence |" in markdown


def test_questions_are_encoded_by_onnx_runtime_with_the_vectors_of_torch():
    """`tanya models fetch` (run by `make test`) exports the question encoder with 8-bit weights; its vectors
    must stay those of sentence-transformers."""
    from assistant.engine import make_embedder
    from index.onnx_query import MIN_COSINE, onnx_query_file

    embedder = make_embedder().inner
    assert onnx_query_file(embedder.location).is_file(), "run `tanya models fetch` to export the question encoder"
    assert embedder.query_encoder == "onnx"
    questions = ["Kapan kerja sama Kazakhstan dengan NATO dimulai?", "Who leads the CSTO forces?", "Berapa 4.000?"]
    onnx, torch_vectors = embedder.embed_queries(questions), embedder._torch_queries(questions)
    assert onnx.shape == torch_vectors.shape
    assert float((onnx * torch_vectors).sum(axis=1).min()) > MIN_COSINE


def test_input_no_encoder_can_read_leaves_the_onnx_encoder_in_place(caplog):
    import logging

    from assistant.engine import make_embedder

    embedder = make_embedder().inner
    with caplog.at_level(logging.WARNING), pytest.raises(Exception):
        embedder.embed_queries([123])
    assert embedder.query_encoder == "onnx" and "models fetch --force" not in caplog.text


def test_a_damaged_onnx_export_falls_back_to_torch_with_a_warning(tmp_path, caplog):
    import logging

    from assistant.engine import make_embedder
    from index.onnx_query import OnnxQueryEncoder

    embedder = make_embedder().inner
    damaged = tmp_path / "model.onnx"
    damaged.write_bytes(b"not an onnx graph")
    embedder._onnx = OnnxQueryEncoder(damaged, Path(embedder.location), "", 512)
    with caplog.at_level(logging.WARNING):
        vectors = embedder.embed_queries(["Kapan KAZCENT dibuka?"])
    assert embedder.query_encoder == "torch" and "models fetch --force" in caplog.text
    assert float(vectors[0] @ embedder._torch_queries(["Kapan KAZCENT dibuka?"])[0]) > 0.999


@pytest.mark.parametrize("variable,value", [("TANYA_QUERY_ENCODER", "tensorflow"), ("TANYA_DOCUMENT_ENCODER", "onnx"),
                                            ("TANYA_DOCUMENT_PRECISION", "fp16")])
def test_an_unknown_encoder_setting_is_a_clear_error(index_dir, variable, value):
    env = {**os.environ, variable: value}
    result = subprocess.run([sys.executable, "-m", "assistant.cli", "ask", "--index", str(index_dir), "Apa itu KSS?"],
                            capture_output=True, text=True, cwd=REPO, timeout=600, env=env)
    assert result.returncode == 3 and variable in result.stderr and "Traceback" not in result.stderr


def _chunks_and_spans(documents) -> tuple[list[str], list]:
    from ingest.chunking import ChunkingConfig, chunk_document
    from ingest.sentences import sentence_spans

    chunks = [c.text for d in documents[:3] for c in chunk_document(d, ChunkingConfig())][:12]
    return chunks, [sentence_spans(t) for t in chunks]


def _fp32_torch_twin(embedder):
    """An embedder on the same loaded weights that encodes documents with torch in fp32: the reference."""
    from index.embedding import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder.on_loaded_model(embedder.model, embedder.location, embedder.model_id,
                                                       embedder.fingerprint, document_precision="fp32",
                                                       document_encoder="torch")


@pytest.mark.parametrize("encoder", ["openvino", "torch"])
def test_documents_keep_the_vectors_of_fp32_torch(bundled_documents, encoder):
    """`tanya models fetch` (run by `make test`) exports the document encoder for OpenVINO; it, and torch under
    bf16 autocast where the CPU has bf16, must keep the chunk and sentence vectors of fp32 torch (the index, the
    cache and the questions are shared between them)."""
    from assistant.engine import make_embedder
    from index.embedding import _cpu_computes_bf16
    from index.openvino_documents import cpu_computes_bf16, openvino_documents_file

    embedder = make_embedder().inner
    if encoder == "openvino":
        assert openvino_documents_file(embedder.location).is_file(), "run `tanya models fetch` to export it"
        assert embedder.document_encoder == "openvino"
        assert embedder.document_precision == ("bf16" if cpu_computes_bf16() else "fp32")
    else:
        embedder._openvino = None
        if not _cpu_computes_bf16():
            pytest.skip("this CPU has no native bf16: torch encodes documents in fp32, the reference itself")
        assert embedder.document_encoder == "torch" and embedder.document_precision == "bf16"
    assert embedder.describe()["document_encoder"] == encoder
    chunks, spans = _chunks_and_spans(bundled_documents)
    titles = [bundled_documents[0].title] * 4 + [""] * (len(chunks) - 4)  # titled and untitled in one batch
    (got, got_sentences), (expected, expected_sentences) = (
        e.embed_documents_with_sentences(chunks, spans, titles) for e in (embedder, _fp32_torch_twin(embedder)))
    assert float((got * expected).sum(axis=1).min()) > 0.999
    assert float((np.vstack(got_sentences) * np.vstack(expected_sentences)).sum(axis=1).min()) > 0.995
    if embedder.document_precision == "bf16":
        assert not np.allclose(got, expected, atol=1e-6), "the bf16 pass ran in fp32"
    assert float((embedder.embed_documents(chunks[4:6]) * expected[4:6]).sum(axis=1).min()) > 0.999  # untitled


def test_a_chunk_is_embedded_with_its_documents_title_as_the_model_prompts_it():
    """EmbeddingGemma's document prompt has a title slot ("title: none | text: "): a chunk that names neither the
    programme nor the evaluation is found for them through its document's title."""
    from assistant.engine import make_embedder

    embedder = make_embedder().inner
    title = "Laporan Evaluasi Pelaksanaan Program Makan Bergizi Gratis di Nusa Tenggara Barat"
    chunk = "Ketua Tim: Prof. Dr. Ir. Suparman Wirasena, M.P.\nAnggota: dr. Baiq Nurhayati, M.Kes."
    spans = [[(0, 48), (49, len(chunk))]]
    titled, sentences = embedder.embed_documents_with_sentences([chunk], spans, [title])
    untitled, _ = embedder.embed_documents_with_sentences([chunk], spans, [""])
    reference = embedder.model.encode([chunk], prompt=f"title: {title} | text: ", normalize_embeddings=True)
    assert float(titled[0] @ reference[0]) > 0.999
    assert sentences[0].shape == (2, titled.shape[1]) and np.isfinite(sentences[0]).all()
    question = embedder.embed_queries(["Siapa ketua tim evaluasi program makan bergizi gratis?"])[0]
    assert float(titled[0] @ question) > float(untitled[0] @ question) + 0.05


def test_the_tokenizer_read_from_tokenizer_json_is_the_one_of_transformers():
    """Same ids, mask and character offsets as transformers' tokenizer, padding and truncation included (checked
    on all 7,208 passages and questions of both benchmarks when it was written)."""
    from transformers import AutoTokenizer

    from assistant.engine import make_embedder
    from index.fast_tokenizer import FastTokenizer, tokenize_batch

    location = make_embedder().inner.location
    texts = ["title: none | text: Dr. H. Wahyudi, S.H. membuka rapat pukul 09.30 WIB; 4.000 pasukan.",
             "task: search result | query: Siapa?", "", "  spasi\u200b dan\ttab\n\nbaris 😀",
             "title: none | text: " + "Kazakhstan menandatangani perjanjian. " * 120]  # past 512 tokens
    fast = FastTokenizer(location, 512)(texts)
    reference = tokenize_batch(AutoTokenizer.from_pretrained(str(location)), texts, 512)
    assert fast.input_ids.shape == reference.input_ids.shape and fast.input_ids.shape[1] == 512
    for name in ("input_ids", "attention_mask", "offsets"):
        np.testing.assert_array_equal(getattr(fast, name), getattr(reference, name))


_EMBED_WITHOUT_TORCH = """
import sys
from assistant.engine import make_embedder
from ingest.sentences import sentence_spans
embedder = make_embedder().inner
texts = ["Keesokan harinya, sekitar 4.000 pasukan CSTO mendarat. Pasukan itu ditarik dua minggu kemudian.", "KSS."]
vectors, sentences = embedder.embed_documents_with_sentences(texts, [sentence_spans(t) for t in texts])
questions = embedder.embed_queries(["Berapa pasukan CSTO mendarat?"])
finds_its_passage = float(questions[0] @ vectors[0] - questions[0] @ vectors[1]) > 0.1
print(embedder.document_encoder, embedder.describe()["dimension"], vectors.shape[0], sum(len(s) for s in sentences),
      finds_its_passage, "torch" in sys.modules, "transformers" in sys.modules)
"""


def test_documents_and_questions_need_neither_torch_nor_transformers_with_the_exports():
    """With OpenVINO for documents and ONNX Runtime for questions, building an index and asking need only the
    tokenizer and the model's folded dense layers: torch's import and a second copy of the weights (1.2 GB) are
    skipped. The vectors themselves are compared with torch's in the tests above."""
    result = subprocess.run([sys.executable, "-c", _EMBED_WITHOUT_TORCH], capture_output=True, text=True, cwd=REPO,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    encoder, dimension, chunks, sentences, finds_its_passage, torch, transformers = result.stdout.split()
    assert (encoder, dimension, chunks, sentences, finds_its_passage) == ("openvino", "768", "2", "3", "True")
    assert (torch, transformers) == ("False", "False")


def test_a_damaged_openvino_model_falls_back_to_torch_with_a_warning(tmp_path, caplog, bundled_documents):
    import logging

    from assistant.engine import make_embedder
    from index.embedding import SentenceTransformerEmbedder

    installed = make_embedder().inner
    damaged = tmp_path / "model.xml"
    damaged.write_text("<not an openvino model/>")
    embedder = SentenceTransformerEmbedder(installed.location, installed.model_id, installed.fingerprint,
                                           document_graph=damaged)
    assert embedder.document_encoder == "openvino"  # until it fails
    chunks, spans = _chunks_and_spans(bundled_documents)
    with caplog.at_level(logging.WARNING):
        vectors, _ = embedder.embed_documents_with_sentences(chunks[:3], spans[:3])
    assert embedder.document_encoder == "torch" and "models fetch --force" in caplog.text
    expected, _ = _fp32_torch_twin(embedder).embed_documents_with_sentences(chunks[:3], spans[:3])
    assert float((vectors * expected).sum(axis=1).min()) > 0.999


def _two_document_index(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with banjir.txt and kopi.txt, and an index built from it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in (("banjir.txt", "Banjir melanda Palembang pada Februari 2024."),
                       ("kopi.txt", "Festival kopi digelar di Bandung pada Oktober 2023.")):
        (docs / name).write_text(text, encoding="utf-8")
    index = tmp_path / "index"
    assert _tanya("ingest", "--index", str(index), str(docs)).returncode == 0
    return docs, index


def test_ingest_names_the_documents_it_removes(tmp_path):
    docs, index = _two_document_index(tmp_path)
    (docs / "kopi.txt").unlink()
    again = _tanya("ingest", "--index", str(index), str(docs))
    assert again.returncode == 0 and "1 removed" in again.stderr
    assert "Removed: kopi.txt (not under the paths given; `--add` keeps" in again.stderr


def test_remove_alone_keeps_the_others_and_never_empties_the_index(tmp_path):
    """From a new-user check: `ingest --remove X` without `--add` ended in a bm25s traceback, and so did removing the
    last document; a name not in the index was passed over in silence."""
    docs, index = _two_document_index(tmp_path)
    removed = _tanya("ingest", "--index", str(index), "--remove", "kopi.txt", "--remove", "teh.txt")
    assert removed.returncode == 2 and "Traceback" not in removed.stderr, removed.stderr  # kopi.txt gone, teh.txt no such
    assert "1 unchanged, 1 removed" in removed.stderr and "Removed: kopi.txt." in removed.stderr
    assert "Not in the index, so not removed: teh.txt. Its documents: banjir.txt." in removed.stderr
    last = _tanya("ingest", "--index", str(index), "--remove", "banjir.txt")
    assert last.returncode == 2 and "without documents" in last.stderr and "Traceback" not in last.stderr
    answer = _tanya("ask", "--json", "--index", str(index), "Kapan banjir melanda Palembang?")
    assert answer.returncode == 0 and "Februari 2024" in json.loads(answer.stdout)["answer"]  # still there


def test_a_documents_folder_given_as_the_index_is_named_as_such(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "banjir.txt").write_text("Banjir melanda Palembang.", encoding="utf-8")
    result = _tanya("ask", "--index", str(docs), "Kapan banjir?")
    assert result.returncode == 3 and "holds documents, not an index" in result.stderr
    assert f"tanya ingest --index {docs}-index {docs}" in result.stderr and "--rebuild" not in result.stderr


def test_a_questions_file_carries_the_conversation_of_a_follow_up(index_dir, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"id": "a", "question": "Kapan itu dimulai secara resmi?", '
        '"history": ["Apa bentuk kerja sama NATO dengan Kazakhstan?"]}\n'
        '{"id": "b", "question": "Kapan itu dimulai?", "history": "Apa itu PfP?"}\n', encoding="utf-8")
    result = _tanya("ask", "--json", "--index", str(index_dir), "--questions", str(questions))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert "1994" in lines[0]["answer"] and "NATO dengan Kazakhstan" in lines[0]["rewritten_query"]
    assert "must be a list" in lines[1]["error"] and result.returncode == 2


def test_chat_on_a_busy_port_says_so_without_a_traceback():
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _tanya("chat", "--port", str(port))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"port {port} is in use" in result.stderr and f"--port {port + 1}" in result.stderr


def _assistant_over(tmp_path: Path, documents: dict[str, str]):
    """An assistant over an index of `documents` (file name → text), built with the real model."""
    from assistant import engine
    from assistant.engine import open_assistant

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in documents.items():
        (docs / name).write_text(text, encoding="utf-8")
    engine.ingest([docs], tmp_path / "index", engine.make_embedder())
    return open_assistant(tmp_path / "index")


def test_a_follow_up_is_answered_by_its_own_sentence_not_the_previous_questions(tmp_path):
    """A new-user tester asked "Berapa harga tiketnya di akhir pekan?" after a question on daily passengers and got
    the passenger counts: the search leans on the previous question, the answering sentence must not."""
    assistant = _assistant_over(tmp_path, {
        "kereta.txt": (
            "Penumpang Kereta Cepat Nusantara Tembus 5 Juta Orang\n\nSURABAYA - PT Kereta Cepat Nusantara mencatat "
            "jumlah penumpang kereta cepat Nusantara telah menembus 5 juta orang sejak beroperasi pada 1 Maret 2031. "
            "Rata-rata jumlah penumpang harian kini mencapai 9.000 orang, dan pada akhir pekan bisa mencapai 12.500 "
            "orang.\n\nDirektur utama perusahaan, Budi Santoso, mengatakan tingkat ketepatan waktu perjalanan "
            "mencapai 99,1 persen. Kereta menempuh jarak 210 km antara Stasiun Gubeng di Surabaya dan Stasiun "
            "Kotalama di Malang dalam waktu sekitar 55 menit dengan kecepatan maksimal 300 km/jam.\n\nPerusahaan "
            "juga menambah jumlah perjalanan dari 30 menjadi 44 perjalanan per hari mulai 1 Juni 2032. Harga tiket "
            "kelas ekonomi tetap Rp 150.000 untuk hari kerja dan Rp 190.000 untuk akhir pekan.\n\nPengamat "
            "transportasi dari Institut Teknologi Sepuluh Nopember (ITS), Dr. Ir. Rina Wulandari, M.T., menilai "
            "integrasi dengan angkutan lanjutan di Stasiun Kotalama masih perlu ditingkatkan. \"Banyak penumpang "
            "mengeluhkan waktu tunggu bus pengumpan yang mencapai 25 menit,\" katanya.\n"),
    })
    answer = assistant.ask("Berapa harga tiketnya di akhir pekan?", ["Berapa penumpang harian kereta cepat Nusantara?"])
    assert answer.rewritten_query and not answer.abstained
    assert "Rp 190.000" in answer.answer and "12.500" not in answer.answer


def test_a_follow_up_that_names_only_another_year_is_answered_as_the_previous_question_of_that_year(tmp_path):
    """The sixteenth tester's "Dan tahun 2023?" after a question on 2024's budget had been answered from another
    document that named 2023; it is the previous question asked of 2023, shown as typed."""
    assistant = _assistant_over(tmp_path, {
        "dbd.txt": (
            "Kasus DBD di Kota Malang Melonjak\n\nMALANG — Dinas Kesehatan Kota Malang mencatat 1.284 kasus demam "
            "berdarah dengue (DBD) sepanjang Januari hingga Mei 2024. Pemerintah kota menganggarkan Rp 1,8 miliar "
            "pada 2024 untuk penanggulangan DBD.\n\nAnggaran itu naik tajam. Pada 2023, anggaran penanggulangan DBD "
            "Kota Malang hanya Rp 1,1 miliar, dan sebagian besar dipakai untuk pengasapan.\n"),
        "lowongan.txt": (
            "Lowongan Kerja PT Sinar Agro Nusantara\n\nPada 2023 perusahaan membukukan pendapatan Rp 9,6 triliun. "
            "Gaji analis data Rp 11 juta hingga Rp 15 juta per bulan. Lamaran ditutup 30 Juni 2024.\n"),
    })
    answer = assistant.ask("Dan tahun 2023?", ["Berapa anggaran penanggulangan DBD Kota Malang tahun 2024?"])
    assert answer.question == "Dan tahun 2023?"
    assert answer.rewritten_query == "Berapa anggaran penanggulangan DBD Kota Malang tahun 2023?"
    assert not answer.abstained and "Rp 1,1 miliar" in answer.answer and "9,6 triliun" not in answer.answer


def test_a_short_follow_up_is_answered_by_a_sentence_that_holds_what_it_asks(tmp_path):
    """The twenty-first tester's short follow-ups had abstained: "Siapa ketua pertamanya?" after a question on when a
    club was founded (the founding sentence scored higher, then failed the follow-up's own-term check), and "Kalau dana
    pendidikan?" after a question on a cooperative's reserves (searched alone, it found another document)."""
    assistant = _assistant_over(tmp_path, {
        "klub.txt": (
            "Sejarah Persatuan Sepak Bola Kota Bima\n\nPersatuan Sepak Bola Kota Bima (PSKB) didirikan pada 12 Juni "
            "1971 di Raba oleh sekelompok guru dan pegawai pelabuhan. Klub ini mula-mula bermain di lapangan Sera "
            "Suba setiap sore.\n\nKetua pertamanya adalah Abdul Gani Yusuf, seorang kepala sekolah yang juga mantan "
            "pemain bond Sumbawa. Pada awalnya PSKB hanya bermain di kompetisi perserikatan tingkat provinsi.\n\n"
            "Stadion Manggemaci, kandang PSKB sejak 1988, kini berkapasitas 8.500 penonton.\n"),
        "koperasi.txt": (
            "Rapat Anggota Tahunan KSP Sejahtera Bersama 2023\n\nSisa hasil usaha (SHU) bersih KSP Sejahtera Bersama "
            "tahun buku 2023 tercatat Rp 512 juta. Rapat menyetujui pembagian SHU sebagai berikut: 40 persen untuk "
            "jasa pinjaman anggota, 25 persen untuk cadangan koperasi, 5 persen untuk dana pendidikan, dan 5 persen "
            "untuk dana sosial.\n\nKetua pengurus, Hendra Saputra, mengatakan jumlah anggota naik menjadi 1.240 "
            "orang.\n"),
        "beasiswa.txt": (
            "Beasiswa Pendidikan Provinsi\n\nPemerintah provinsi menyalurkan dana pendidikan berupa beasiswa bagi "
            "15.000 mahasiswa dari keluarga kurang mampu pada 2024.\n"),
    })
    first = assistant.ask("Siapa ketua pertamanya?", ["Kapan PSKB didirikan?"])
    assert not first.abstained and "Abdul Gani Yusuf" in first.answer  # (after the sentence "-nya" points back to)
    share = assistant.ask("Kalau dana pendidikan?", ["Berapa persen SHU KSP Sejahtera Bersama yang masuk ke cadangan?"])
    assert share.rewritten_query and not share.abstained
    assert "5 persen untuk dana pendidikan" in share.answer and "15.000" not in share.answer


def test_adding_to_a_damaged_or_outdated_index_never_drops_its_other_documents(tmp_path):
    """A tester truncated vectors.faiss, ran `ingest --add`, and was left with one document of two (exit 0)."""
    from index.store import live_version

    docs, index = _two_document_index(tmp_path)
    (live_version(index) / "vectors.faiss").write_bytes(b"garbage")
    extra = tmp_path / "teh.txt"
    extra.write_text("Festival teh digelar di Puncak pada Mei 2025.", encoding="utf-8")
    added = _tanya("ingest", "--index", str(index), "--add", str(extra))
    assert added.returncode == 0, added.stderr
    assert "Index" in added.stderr and "3 documents" in added.stderr  # both kept, re-embedded, and the new one
    (live_version(index) / "documents.jsonl").write_text("{}\n", encoding="utf-8")
    refused = _tanya("ingest", "--index", str(index), "--add", str(extra))
    assert refused.returncode == 3 and "documents cannot be read" in refused.stderr and "Traceback" not in refused.stderr


def test_an_index_folder_inside_its_documents_folder_is_refused(tmp_path):
    docs, _ = _two_document_index(tmp_path)
    inside = _tanya("ingest", "--index", str(docs), str(docs))
    assert inside.returncode == 2 and "a folder of its own" in inside.stderr
    assert not (docs / "CURRENT").exists()
    missing = _tanya("ingest", "--index", str(tmp_path / "index"), "--remove", "tidak_ada.txt")
    assert missing.returncode == 2 and "Not in the index, so not removed: tidak_ada.txt" in missing.stderr

