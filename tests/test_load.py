"""A small load run against the chat's `/answer` API, on a HashingEmbedder index (no model needed)."""

from __future__ import annotations

import socket
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.answer import AnswerSettings, ExtractiveAnswerer
from assistant.chat import launch
from assistant.engine import Assistant
from assistant.settings import BUNDLED_CORPUS
from eval import load
from index.embedding import HashingEmbedder
from index.store import HybridIndex, build_index
from ingest.readers import read_documents

pytest.importorskip("gradio_client")

REPO = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _assistant(index_dir: Path) -> Assistant:
    embedder = HashingEmbedder()
    build_index(index_dir, read_documents([BUNDLED_CORPUS]).documents, embedder, show_progress=False)
    index = HybridIndex.load(index_dir, embedder)
    return Assistant(index, ExtractiveAnswerer(index, AnswerSettings(abstain_below=-1.0)))


@pytest.fixture(scope="module")
def fake_assistant(tmp_path_factory):
    return _assistant(tmp_path_factory.mktemp("load") / "index")


class _Flaky:
    """Fails on every third question (a server-side exception)."""

    def __init__(self, inner: Assistant) -> None:
        self.inner, self.calls = inner, 0

    def ask(self, question, history=None):
        self.calls += 1
        if self.calls % 3 == 0:
            raise RuntimeError("index on fire")
        return self.inner.ask(question, history)


def test_answer_checks_catch_incomplete_answers():
    good = {"question": "Apa itu?", "answer": "Itu [1]", "abstained": False, "passages": [{"n": 1}]}
    assert load.answer_problem("Apa  itu?", good) is None
    assert load.answer_problem("Apa itu?", {**good, "passages": [], "abstained": True}) is None
    assert load.answer_problem("Apa itu?", {**good, "passages": []}).startswith("neither passages")
    assert load.answer_problem("Apa itu?", {**good, "answer": " "}) == "no answer text"
    assert load.answer_problem("Lain?", good).startswith("answer to another question")
    assert load.answer_problem("Apa itu?", {"question": "", "error": "empty"}).startswith("error")
    assert load.answer_problem("Apa itu?", None).startswith("not a JSON object")


def test_concurrent_clients_all_get_complete_answers_and_a_newcomer_is_served(fake_assistant):
    app = launch(fake_assistant, port=_free_port(), prevent_thread_lock=True, quiet=True)
    try:
        report = load.measure(app.local_url, load.load_questions(), clients=4, total=48, warmup=1)
    finally:
        app.close()
    one, many, newcomer = report["one_client"], report["many_clients"], report["newcomer"]
    assert (report["errors"], report["incomplete"]) == (0, 0), (one["problems"], many["problems"], newcomer)
    assert one["requests"] == 4 and many["requests"] == 48 and many["clients"] == 4
    assert many["throughput_qps"] > 0 and many["latency_p95_ms"] >= many["latency_p50_ms"] > 0
    assert newcomer["started_during_run"] and newcomer["problem"] is None and newcomer["answer_ms"] > 0
    assert report["ok"]
    text = load.format_report({**report, "system": {}})
    assert "4 clients" in text and "new client" in text and "result: OK" in text


def test_server_errors_are_counted_not_hidden(tmp_path):
    app = launch(_Flaky(_assistant(tmp_path / "index")), port=_free_port(), prevent_thread_lock=True, quiet=True)
    try:
        phase, newcomer = load.run_concurrent(app.local_url, load.cycle(load.load_questions(), 12), clients=2)
    finally:
        app.close()
    summary = phase.summary()
    assert summary["requests"] == 12
    assert summary["errors"] >= 3 and summary["incomplete"] == 0
    assert any("index on fire" in p or "Error" in p for p in summary["problems"])


_FAKE_SERVER = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from assistant.answer import AnswerSettings, ExtractiveAnswerer
    from assistant.chat import launch
    from assistant.engine import Assistant
    from index.embedding import HashingEmbedder
    from index.store import HybridIndex

    index = HybridIndex.load(Path({index!r}), HashingEmbedder())
    launch(Assistant(index, ExtractiveAnswerer(index, AnswerSettings(abstain_below=-1.0))), port={port}, quiet=True)
""")


def test_the_load_command_runs_its_own_server_and_stops_it(tmp_path, fake_assistant):
    psutil = pytest.importorskip("psutil")
    port = _free_port()
    script = tmp_path / "server.py"
    script.write_text(_FAKE_SERVER.format(repo=str(REPO), index=str(fake_assistant.index.directory), port=port))
    lines: list[str] = []
    code, report = load.run_load(clients=3, total=9, port=port, report_dir=tmp_path / "reports",
                                 command=[sys.executable, str(script)], startup_timeout=120, echo=lines.append)
    assert code == 0, "\n".join(lines)
    assert report["ok"] and report["many_clients"]["requests"] == 9
    assert (tmp_path / "reports" / "load.json").is_file() and "3 clients" in (tmp_path / "reports" / "load.md").read_text()
    assert load.port_is_free(port)  # the server is gone
    assert not [p for p in psutil.process_iter(["cmdline"]) if str(script) in " ".join(p.info["cmdline"] or [])]


def test_a_busy_port_is_refused_before_anything_starts(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        lines: list[str] = []
        code, report = load.run_load(port=busy.getsockname()[1], report_dir=tmp_path, echo=lines.append)
    assert code == 2 and report is None and "in use" in lines[0]
