"""`tanya load`: many chat clients at once against the real server, through the `/answer` API.

The run starts `tanya chat` as a subprocess, waits until it answers, warms it up, then

1. one client asks `total / 10` questions one after another (the baseline);
2. `clients` clients (threads, each with its own `gradio_client.Client`) ask `total` questions between them;
3. while (2) runs, a new client connects and asks one question: how long does a newcomer wait?

Every answer is checked (no error, an `answer`, and passages or an explicit abstention, for the question
that was asked). The report (throughput and latency percentiles, one client next to many) goes to
`reports/load.json` and `reports/load.md`; the exit status is non-zero when any request failed.
"""

from __future__ import annotations

import json
import os
import platform
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = REPO / "eval" / "questions" / "tanya.jsonl"
REQUEST_TIMEOUT_S = 300.0


# ---- questions and answer checks -------------------------------------------------------------------
def load_questions(path: Path = QUESTIONS) -> list[str]:
    questions = [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not questions:
        raise ValueError(f"{path} holds no questions.")
    return questions


def cycle(questions: list[str], n: int, offset: int = 0) -> list[str]:
    return [questions[(offset + i) % len(questions)] for i in range(n)]


def answer_problem(question: str, result) -> str | None:
    """Why `result` is not a complete answer to `question`, or None when it is."""
    if not isinstance(result, dict):
        return f"not a JSON object: {type(result).__name__}"
    if "error" in result:
        return f"error: {result['error']}"
    if not isinstance(result.get("answer"), str) or not result["answer"].strip():
        return "no answer text"
    passages = result.get("passages")
    if result.get("abstained") is not True and not (isinstance(passages, list) and passages):
        return "neither passages nor an abstention"
    if result.get("question") != " ".join(question.split())[:500]:
        return f"answer to another question: {str(result.get('question'))[:80]!r}"
    return None


# ---- clients ----------------------------------------------------------------------------------------
def connect(url: str):
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False, analytics_enabled=False)


@dataclass
class Outcome:
    latency_ms: float
    server_ms: float | None
    problem: str | None


def ask(client, question: str, timeout: float = REQUEST_TIMEOUT_S) -> Outcome:
    """One `/answer` call, timed from the client; an exception or a bad answer is a problem, never raised."""
    started = time.perf_counter()
    try:
        result = client.submit(question, None, api_name="/answer").result(timeout=timeout)
        problem = answer_problem(question, result)
    except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
        result, problem = None, f"{type(exc).__name__}: {str(exc)[:200]}"
    latency = (time.perf_counter() - started) * 1000
    server = None
    if isinstance(result, dict):
        server = (result.get("timings_ms") or {}).get("total")
    return Outcome(latency, server, problem)


@dataclass
class Phase:
    """One measured phase: every request's outcome and the wall time of the phase."""

    name: str
    clients: int
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    connect_ms: list[float] = field(default_factory=list)

    def summary(self) -> dict:
        latencies = [o.latency_ms for o in self.outcomes]
        server = [o.server_ms for o in self.outcomes if o.server_ms is not None]
        problems = [o.problem for o in self.outcomes if o.problem]
        return {
            "clients": self.clients, "requests": len(self.outcomes),
            "errors": sum(1 for p in problems if not _incomplete(p)),
            "incomplete": sum(1 for p in problems if _incomplete(p)),
            "problems": sorted(set(problems))[:10],
            "seconds": round(self.seconds, 2),
            "throughput_qps": round(len(self.outcomes) / self.seconds, 2) if self.seconds else None,
            **_percentiles("latency", latencies), **_percentiles("server", server),
            "connect_ms_max": round(max(self.connect_ms), 1) if self.connect_ms else None,
        }


_INCOMPLETE = ("no answer text", "neither passages", "answer to another question", "not a JSON object")


def _incomplete(problem: str) -> bool:
    return problem.startswith(_INCOMPLETE)


def _percentiles(prefix: str, values: list[float]) -> dict:
    if not values:
        return {f"{prefix}_p50_ms": None, f"{prefix}_p95_ms": None, f"{prefix}_max_ms": None}
    return {f"{prefix}_p50_ms": round(float(np.percentile(values, 50)), 1),
            f"{prefix}_p95_ms": round(float(np.percentile(values, 95)), 1),
            f"{prefix}_max_ms": round(float(max(values)), 1)}


def run_sequential(url: str, questions: list[str]) -> Phase:
    phase = Phase("one client", 1)
    t = time.perf_counter()
    client = connect(url)
    phase.connect_ms.append((time.perf_counter() - t) * 1000)
    started = time.perf_counter()
    for question in questions:
        phase.outcomes.append(ask(client, question))
    phase.seconds = time.perf_counter() - started
    return phase


@dataclass
class Newcomer:
    """The client that connects while the concurrent phase runs."""

    connect_ms: float | None = None
    answer_ms: float | None = None
    total_ms: float | None = None
    problem: str | None = None
    started_during_run: bool = False
    answered_during_run: bool = False
    requests_done_at_start: int = 0


def run_concurrent(url: str, questions: list[str], clients: int, newcomer_after: float = 0.25,
                   newcomer_question: str | None = None) -> tuple[Phase, Newcomer]:
    """`clients` threads share `questions` round-robin; a newcomer connects once `newcomer_after` of them are answered."""
    phase = Phase(f"{clients} clients", clients)
    lock = threading.Lock()
    done = threading.Event()
    go = threading.Barrier(clients + 1)
    trigger = threading.Event()
    threshold = max(1, int(len(questions) * newcomer_after))
    errors: list[BaseException] = []

    def worker(number: int) -> None:
        try:
            t = time.perf_counter()
            client = connect(url)
            connect_ms = (time.perf_counter() - t) * 1000
        except Exception as exc:  # noqa: BLE001 - a client that cannot connect fails its whole share
            connect_ms, client = None, None
            failure = f"connect: {type(exc).__name__}: {str(exc)[:200]}"
        try:
            go.wait(timeout=REQUEST_TIMEOUT_S)
        except threading.BrokenBarrierError:
            pass
        for question in questions[number::clients]:
            outcome = ask(client, question) if client else Outcome(0.0, None, failure)
            with lock:
                phase.outcomes.append(outcome)
                if len(phase.outcomes) >= threshold:
                    trigger.set()
        with lock:
            if connect_ms is not None:
                phase.connect_ms.append(connect_ms)

    newcomer = Newcomer()
    question = newcomer_question or questions[0]

    def newcomer_thread() -> None:
        trigger.wait()
        newcomer.requests_done_at_start = len(phase.outcomes)
        newcomer.started_during_run = not done.is_set()
        try:
            t = time.perf_counter()
            client = connect(url)
            newcomer.connect_ms = round((time.perf_counter() - t) * 1000, 1)
            outcome = ask(client, question)
            newcomer.answer_ms = round(outcome.latency_ms, 1)
            newcomer.total_ms = round((time.perf_counter() - t) * 1000, 1)
            newcomer.problem = outcome.problem
        except Exception as exc:  # noqa: BLE001
            newcomer.problem = f"connect: {type(exc).__name__}: {str(exc)[:200]}"
        newcomer.answered_during_run = not done.is_set()

    def guarded(target, *args):
        def run():
            try:
                target(*args)
            except BaseException as exc:  # noqa: BLE001 - surfaced after the join
                errors.append(exc)
        return run

    threads = [threading.Thread(target=guarded(worker, n), name=f"load-client-{n}", daemon=True) for n in range(clients)]
    probe = threading.Thread(target=guarded(newcomer_thread), name="load-newcomer", daemon=True)
    for thread in threads:
        thread.start()
    probe.start()
    try:
        go.wait(timeout=REQUEST_TIMEOUT_S)  # every client connected: start the clock
    except threading.BrokenBarrierError:
        pass
    started = time.perf_counter()
    _join(threads)
    phase.seconds = time.perf_counter() - started
    done.set()
    trigger.set()
    _join([probe])
    if errors:
        raise errors[0]
    return phase, newcomer


def _join(threads: list[threading.Thread]) -> None:
    """Join with a short timeout so Ctrl-C reaches the main thread."""
    for thread in threads:
        while thread.is_alive():
            thread.join(0.2)


def measure(url: str, questions: list[str], clients: int, total: int, warmup: int = 3) -> dict:
    """Warm-up, baseline, concurrent run with a newcomer, against a server already listening at `url`."""
    warm = connect(url)
    warm_outcomes = [ask(warm, q) for q in cycle(questions, warmup)]
    baseline = run_sequential(url, cycle(questions, max(1, total // 10), offset=warmup))
    concurrent, newcomer = run_concurrent(url, cycle(questions, total), clients,
                                          newcomer_question=questions[len(questions) // 2])
    one, many = baseline.summary(), concurrent.summary()
    warm_problems = [o.problem for o in warm_outcomes if o.problem]
    errors = one["errors"] + many["errors"] + len(warm_problems) + (1 if newcomer.problem else 0)
    incomplete = one["incomplete"] + many["incomplete"]
    return {
        "warmup": {"requests": len(warm_outcomes), "problems": warm_problems,
                   "first_ms": round(warm_outcomes[0].latency_ms, 1) if warm_outcomes else None},
        "one_client": one, "many_clients": many, "newcomer": asdict(newcomer),
        "errors": errors, "incomplete": incomplete,
        "ok": errors == 0 and incomplete == 0 and newcomer.answer_ms is not None,
    }


# ---- the server -------------------------------------------------------------------------------------
def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when nothing listens on `port` (connections lingering in TIME_WAIT do not count, as for the server)."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def server_command(port: int, index_dir: Path | None = None, model: str | None = None) -> list[str]:
    command = [sys.executable, "-m", "assistant.cli", "chat", "--port", str(port)]
    if index_dir is not None:
        command += ["--index", str(index_dir)]
    if model:
        command += ["--model", model]
    return command


def start_server(command: list[str], log_path: Path) -> subprocess.Popen:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TOKENIZERS_PARALLELISM", "false")
    env.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    with open(log_path, "wb") as log:
        # Its own session: Ctrl-C reaches only this process, which then stops the server itself.
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


def wait_until_ready(url: str, process: subprocess.Popen, timeout: float, log_path: Path) -> float:
    """Seconds until the server's config answers; RuntimeError (with the log's tail) if it dies or times out."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"The server exited with status {process.returncode} before answering.\n{_tail(log_path)}")
        try:
            with urllib.request.urlopen(f"{url}/config", timeout=5) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"The server did not answer within {timeout:.0f} s.\n{_tail(log_path)}")


def stop_server(process: subprocess.Popen, grace: float = 10.0) -> None:
    """SIGTERM to the server's process group, SIGKILL after `grace` seconds."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(grace)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class _PeakMemory(threading.Thread):
    """Samples the server's resident memory (with its children) until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True, name="load-memory")
        self.pid = pid
        self.peak_mb = 0.0
        self.stopped = threading.Event()

    def run(self) -> None:
        import psutil

        try:
            process = psutil.Process(self.pid)
            while not self.stopped.is_set():
                rss = process.memory_info().rss + sum(c.memory_info().rss for c in process.children(recursive=True))
                self.peak_mb = max(self.peak_mb, rss / (1024 * 1024))
                self.stopped.wait(0.5)
        except psutil.Error:
            pass


def run_load(clients: int = 20, total: int = 200, index_dir: Path | None = None, port: int = 7870,
             report_dir: Path = Path("reports"), model: str | None = None, startup_timeout: float = 900.0,
             command: list[str] | None = None, echo=print) -> tuple[int, dict | None]:
    """The whole run; returns (exit status, report). The server is stopped on every way out."""
    if not port_is_free(port):
        echo(f"Error: port {port} is in use; stop what listens there or pass --port.")
        return 2, None
    url = f"http://127.0.0.1:{port}"
    report_dir = Path(report_dir)
    log_path = report_dir / "load-server.log"
    command = command or server_command(port, index_dir, model)
    questions = load_questions()
    previous_term = signal.signal(signal.SIGTERM, _raise_interrupt) if threading.current_thread() is threading.main_thread() else None
    process = start_server(command, log_path)
    memory = _PeakMemory(process.pid)
    try:
        echo(f"Starting the server: {' '.join(command)} (log: {log_path})")
        startup = wait_until_ready(url, process, startup_timeout, log_path)
        echo(f"Server ready in {startup:.1f} s; warming up, then 1 client x {max(1, total // 10)} questions, "
             f"then {clients} clients x {total} questions.")
        memory.start()
        results = measure(url, questions, clients, total)
        memory.stopped.set()
        if process.poll() is not None:
            results["errors"] += 1
            results["ok"] = False
            results["server_exit"] = process.returncode
    except KeyboardInterrupt:
        echo("Interrupted; stopping the server.")
        return 130, None
    except RuntimeError as exc:
        echo(f"Error: {exc}")
        return 3, None
    finally:
        memory.stopped.set()
        stop_server(process)
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)
    report = {
        "run_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": command, "server_start_s": round(startup, 1),
        "server_peak_rss_mb": round(memory.peak_mb, 1) or None,
        "system": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                   "gradio_default_concurrency_limit": os.environ.get("GRADIO_DEFAULT_CONCURRENCY_LIMIT", "1 (Gradio default)")},
        "questions_file": str(QUESTIONS.relative_to(REPO)),
        **results,
    }
    write_report(report, report_dir)
    echo(format_report(report))
    echo(f"Reports: {report_dir / 'load.json'}, {report_dir / 'load.md'}")
    return (0 if report["ok"] else 1), report


def _raise_interrupt(signum, frame):  # SIGTERM to the load run: stop the server like Ctrl-C does
    raise KeyboardInterrupt


# ---- reporting --------------------------------------------------------------------------------------
def _fmt(value, unit: str = "") -> str:
    return "–" if value is None else f"{value:g}{unit}"


def format_report(report: dict) -> str:
    one, many, new = report["one_client"], report["many_clients"], report["newcomer"]
    rows = [
        ("requests", one["requests"], many["requests"]),
        ("throughput (q/s)", one["throughput_qps"], many["throughput_qps"]),
        ("latency p50 (ms)", one["latency_p50_ms"], many["latency_p50_ms"]),
        ("latency p95 (ms)", one["latency_p95_ms"], many["latency_p95_ms"]),
        ("latency max (ms)", one["latency_max_ms"], many["latency_max_ms"]),
        ("server time p50 (ms)", one["server_p50_ms"], many["server_p50_ms"]),
        ("errors", one["errors"], many["errors"]),
        ("incomplete answers", one["incomplete"], many["incomplete"]),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{'':<{width}}  {'1 client':>12}  {str(many['clients']) + ' clients':>12}"]
    lines += [f"{name:<{width}}  {_fmt(a):>12}  {_fmt(b):>12}" for name, a, b in rows]
    during = "during the run" if new["started_during_run"] else "AFTER the run (it ended first)"
    lines.append(f"new client (connected {during}, {new['requests_done_at_start']} requests done): "
                 f"connect {_fmt(new['connect_ms'], ' ms')}, answer {_fmt(new['answer_ms'], ' ms')}, "
                 f"total {_fmt(new['total_ms'], ' ms')}" + (f", PROBLEM: {new['problem']}" if new["problem"] else ""))
    problems = one["problems"] + many["problems"]
    if problems:
        lines.append("problems: " + "; ".join(problems[:5]))
    lines.append(f"result: {'OK' if report['ok'] else 'FAILED'} ({report['errors']} errors, "
                 f"{report['incomplete']} incomplete answers)")
    return "\n".join(lines)


def write_report(report: dict, report_dir: Path) -> None:
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "load.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    system = report["system"]
    md = [
        "# tanya load run", "",
        f"Run {report['run_at']} on {system['cpus']} CPUs ({system['platform']}); server `{' '.join(report['command'][1:])}`, "
        f"ready in {report['server_start_s']} s, peak RSS {_fmt(report['server_peak_rss_mb'], ' MB')}. "
        f"Gradio concurrency limit of `/answer`: {system['gradio_default_concurrency_limit']}.", "",
        "Questions cycle through `" + report["questions_file"] + "`; every request goes through `/answer` "
        "(gradio_client), each client with its own connection. Latency is measured at the client; "
        "server time is the answer's own `timings_ms.total`.", "",
        "```", format_report(report), "```", "",
    ]
    (report_dir / "load.md").write_text("\n".join(md), encoding="utf-8")
