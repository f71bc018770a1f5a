"""`tanya eval`: run the assistant over question sets, print a table, write reports, gate on the baseline."""

from __future__ import annotations

import json
import os
import platform
import sys
from datetime import datetime, timezone
from pathlib import Path

from .metrics import aggregate, by_kind, score_question, suggest_threshold

QUESTIONS_DIR = Path(__file__).parent / "questions"
BASELINE = Path(__file__).parent / "baseline.json"

# Metrics compared with the baseline: (higher is better?, tolerance).
GATED = {
    "evidence_recall": (True, 0.03),
    "doc_recall": (True, 0.03),
    "mrr": (True, 0.03),
    "answer_hit_rate": (True, 0.03),
    "citation_precision": (True, 0.03),
    "abstention_accuracy": (True, 0.04),  # 6 of 159 questions (was 0.08 when it stood near 0.7 and moved more)
    "false_abstention_rate": (False, 0.03),
}
COLUMNS = ["questions", "evidence_recall", "doc_recall", "mrr", "answer_hit_rate", "citation_precision",
           "abstention_accuracy", "false_abstention_rate", "latency_p50_ms", "latency_p95_ms"]
SHORT = {"questions": "n", "evidence_recall": "evid@k", "doc_recall": "doc@k", "mrr": "MRR",
         "answer_hit_rate": "ans.hit", "citation_precision": "cite.prec", "abstention_accuracy": "abst.acc",
         "false_abstention_rate": "false.abst", "latency_p50_ms": "p50 ms", "latency_p95_ms": "p95 ms"}


class QuestionSetError(ValueError):
    """A question file is unreadable or malformed."""


def load_questions(paths: list[Path]) -> list[dict]:
    """Read question sets (JSONL); the default is every set under `eval/questions/`."""
    files = paths or sorted(QUESTIONS_DIR.glob("*.jsonl"))
    questions = []
    for path in files:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                item["question"], item["id"]
            except (ValueError, KeyError, TypeError) as exc:
                raise QuestionSetError(f"{path}:{number}: not a question object ({exc}).") from exc
            item.setdefault("kind", "unknown")
            item.setdefault("answerable", True)
            item.setdefault("answers", [])
            item.setdefault("evidence", [])
            questions.append(item)
    if not questions:
        raise QuestionSetError("No questions found.")
    return questions


def evaluate(assistant, questions: list[dict], k: int = 5) -> dict:
    """Ask every question; return per-question results plus overall and per-kind metrics."""
    from tqdm import tqdm

    from assistant.followup import standalone_history

    assistant.ask("pemanasan")  # load the model before timing
    results = []
    for question in tqdm(questions, desc="Evaluating", unit="q", file=sys.stderr):
        answer = assistant.ask(question["question"], standalone_history(question.get("history")))
        results.append(score_question(question, answer, k))
    return {
        "overall": aggregate(results),
        "by_kind": by_kind(results),
        "calibration": {f"abstain_below@{int(m * 100)}%": suggest_threshold(results, m) for m in (0.05, 0.10)},
        "results": [r.__dict__ for r in results],
    }


def format_table(report: dict) -> str:
    rows = [("overall", report["overall"])] + list(report["by_kind"].items())
    width = max(13, *(len(name) + 1 for name, _ in rows))  # "substitution_unanswerable" is 25 characters
    header = f"{'':<{width}}" + "".join(f"{SHORT[c]:>11}" for c in COLUMNS)
    lines = [header]
    for name, metrics in rows:
        cells = []
        for column in COLUMNS:
            value = metrics.get(column)
            cells.append(f"{'-' if value is None else (f'{value:.3f}' if isinstance(value, float) and column not in ('latency_p50_ms', 'latency_p95_ms') else value):>11}")
        lines.append(f"{name:<{width}}" + "".join(cells))
    return "\n".join(lines)


def compare(overall: dict, baseline: dict) -> list[str]:
    """Regressions beyond tolerance, as readable lines (empty when none)."""
    problems = []
    base = baseline.get("overall", {})
    for metric, (higher_better, tolerance) in GATED.items():
        now, then = overall.get(metric), base.get(metric)
        if now is None or then is None:
            continue
        worse = now < then - tolerance if higher_better else now > then + tolerance
        if worse:
            problems.append(f"{metric}: {now:.3f} vs baseline {then:.3f} (tolerance {tolerance})")
    return problems


def _markdown(report: dict, problems: list[str], baseline: dict | None) -> str:
    lines = ["# tanya eval", "", f"Run {report['run']['at']} on {report['run']['machine']}, k={report['run']['k']}, "
             f"model {report['run']['model']}, fusion {report['run']['fusion']}.", "",
             "| group | " + " | ".join(SHORT[c] for c in COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for name, metrics in [("overall", report["overall"])] + list(report["by_kind"].items()):
        lines.append(f"| {name} | " + " | ".join("-" if metrics.get(c) is None else str(metrics[c]) for c in COLUMNS) + " |")
    lines += ["", "## Baseline", ""]
    if baseline is None:
        lines.append("No baseline to compare with.")
    elif problems:
        lines += ["Regressions:", ""] + [f"- {p}" for p in problems]
    else:
        lines.append("No metric below the baseline beyond its tolerance.")
    lines += ["", "## Why it abstained", "", "| reason | answerable (false abstentions) | unanswerable |", "|---|---|---|"]
    reasons: dict[str, list[int]] = {}
    for result in report["results"]:
        if result.get("abstained"):
            reasons.setdefault(result.get("refused_by") or "unknown", [0, 0])[0 if result["answerable"] else 1] += 1
    lines += [f"| {reason} | {counts[0]} | {counts[1]} |" for reason, counts in sorted(reasons.items())]
    lines += ["", "## Calibration", "", "```", json.dumps(report["calibration"], indent=2), "```"]
    return "\n".join(lines) + "\n"


def _machine() -> str:
    return f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores"


def run_eval(assistant, question_files: list[Path], k: int = 5, report_dir: Path = Path("reports"),
             baseline_path: Path | None = None, update_baseline: bool = False) -> int:
    """The `tanya eval` command; returns the exit code (1 on a regression)."""
    try:
        questions = load_questions(question_files)
    except (QuestionSetError, OSError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    report = evaluate(assistant, questions, k)
    settings = assistant.answerer.settings
    report["run"] = {
        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "k": k,
        "machine": _machine(),
        "model": assistant.index.manifest["model"]["id"], "fusion": settings.search.method,
        "question_files": [str(p) for p in question_files] or ["eval/questions/*.jsonl"],
    }
    print(format_table(report))
    print("calibration:", json.dumps(report["calibration"]), file=sys.stderr)
    baseline_path = baseline_path or BASELINE
    baseline = json.loads(baseline_path.read_text()) if baseline_path.is_file() else None
    problems = compare(report["overall"], baseline) if baseline and not update_baseline else []
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "eval.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    (report_dir / "eval.md").write_text(_markdown(report, problems, baseline), encoding="utf-8")
    print(f"Reports: {report_dir / 'eval.json'}, {report_dir / 'eval.md'}", file=sys.stderr)
    if update_baseline:
        keep = {"overall": report["overall"], "by_kind": report["by_kind"], "run": report["run"],
                "tolerances": {m: t for m, (_, t) in GATED.items()}}
        baseline_path.write_text(json.dumps(keep, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"Baseline written to {baseline_path}", file=sys.stderr)
        return 0
    if baseline is None:
        print(f"No baseline at {baseline_path}; run with --update-baseline to create one.", file=sys.stderr)
        return 0
    if problems:
        print("Regressions against the baseline:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print("No regression against the baseline.", file=sys.stderr)
    return 0


LLM_COLUMNS = ["answer_hit_rate", "citation_precision", "generated_share", "dropped_sentence_rate",
               "abstention_accuracy", "false_abstention_rate", "latency_p50_ms", "latency_p95_ms"]


def run_llm_comparison(assistant, generator, question_files: list[Path], k: int = 5,
                       report_dir: Path = Path("reports")) -> int:
    """`tanya eval --llm URL`: the same questions answered extractively and by the language model, side by side."""
    try:
        questions = load_questions(question_files)
    except (QuestionSetError, OSError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    assistant.generator = None
    extractive = evaluate(assistant, questions, k)
    assistant.generator = generator
    generated = evaluate(assistant, questions, k)
    rows = [("extractive", extractive["overall"]), (generator.label, generated["overall"])]
    header = f"{'':<22}" + "".join(f"{c:>24}" for c in LLM_COLUMNS)
    lines = [header] + [f"{name:<22}" + "".join(f"{'-' if m.get(c) is None else m[c]:>24}" for c in LLM_COLUMNS)
                        for name, m in rows]
    print("\n".join(lines))
    report_dir.mkdir(parents=True, exist_ok=True)
    report = {"run": {"at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "k": k,
                      "endpoint": generator.settings.base_url, "generator": generator.label,
                      "machine": _machine()},
              "extractive": extractive, "generated": generated}
    (report_dir / "eval-llm.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    md = ["# tanya eval: extractive vs language model", "", f"Run {report['run']['at']}, generator "
          f"{generator.label} at {generator.settings.base_url}, k={k}.", "",
          "| answerer | " + " | ".join(LLM_COLUMNS) + " |", "|---" * (len(LLM_COLUMNS) + 1) + "|"]
    md += [f"| {name} | " + " | ".join("-" if m.get(c) is None else str(m[c]) for c in LLM_COLUMNS) + " |"
           for name, m in rows]
    (report_dir / "eval-llm.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print(f"Reports: {report_dir / 'eval-llm.json'}, {report_dir / 'eval-llm.md'}", file=sys.stderr)
    return 0
