"""Sanity checks for the hand-written evaluation sets eval/questions/*.jsonl."""

import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUESTION_FILES = sorted((ROOT / "eval" / "questions").glob("*.jsonl"))
CORPUS = ROOT / "data" / "corpus"

MIN_COUNTS = {
    "factoid": 18,
    "list": 8,
    "paraphrase": 10,
    "multi_doc": 6,
    "english": 10,
    "unanswerable": 14,
    "followup": 8,
    "followup_unanswerable": 12,
    "english_unanswerable": 12,
    "substitution_unanswerable": 10,
}
MIN_TOTAL = 60
KEYS = {"id", "kind", "question", "answers", "evidence", "answerable"}


def _norm(s):
    return " ".join(s.split()).lower()


@pytest.fixture(scope="module")
def questions():
    rows = []
    for path in QUESTION_FILES:
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:  # pragma: no cover - failure path
                    pytest.fail(f"{path.name}:{lineno} is not valid JSON: {exc}")
    return rows


@pytest.fixture(scope="module")
def corpus():
    return {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}


def test_file_parses_and_has_expected_keys(questions):
    assert questions, "question file is empty"
    for q in questions:
        assert KEYS <= set(q) <= KEYS | {"history"}, q.get("id")
        if q["kind"].startswith("followup"):
            assert q["history"] and all(isinstance(h, str) and h.strip() for h in q["history"]), q["id"]
        assert isinstance(q["question"], str) and q["question"].strip()
        assert isinstance(q["answers"], list)
        assert all(isinstance(a, str) and a.strip() for a in q["answers"]), q["id"]
        assert isinstance(q["evidence"], list)
        assert isinstance(q["answerable"], bool)


def test_ids_unique(questions):
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids))


def test_kinds_allowed(questions):
    bad = [(q["id"], q["kind"]) for q in questions if q["kind"] not in MIN_COUNTS]
    assert not bad


def test_counts(questions):
    counts = Counter(q["kind"] for q in questions)
    for kind, minimum in MIN_COUNTS.items():
        assert counts[kind] >= minimum, (kind, counts[kind])
    assert len(questions) >= MIN_TOTAL


def test_evidence_quotes_are_exact_substrings(questions, corpus):
    for q in questions:
        for ev in q["evidence"]:
            assert set(ev) == {"doc", "quote"}, q["id"]
            assert ev["doc"] in corpus, (q["id"], ev["doc"])
            assert ev["quote"] and ev["quote"] in corpus[ev["doc"]], (q["id"], ev["quote"])


def test_answers_occur_in_evidence(questions):
    for q in questions:
        if not q["answerable"]:
            continue
        assert 1 <= len(q["answers"]) <= 3, q["id"]
        quotes = [_norm(ev["quote"]) for ev in q["evidence"]]
        for ans in q["answers"]:
            assert any(_norm(ans) in quote for quote in quotes), (q["id"], ans)


def test_answerable_flags_and_evidence(questions):
    for q in questions:
        if q["kind"].endswith("unanswerable"):
            assert q["answerable"] is False, q["id"]
            assert q["evidence"] == [], q["id"]
            assert q["answers"] == [], q["id"]
        else:
            assert q["answerable"] is True, q["id"]
            assert len(q["evidence"]) >= 1, q["id"]


def test_multi_doc_cites_two_docs(questions):
    for q in questions:
        if q["kind"] == "multi_doc":
            docs = {ev["doc"] for ev in q["evidence"]}
            assert len(docs) >= 2, q["id"]


def test_the_regression_check_gates_citation_precision():
    """A drop in the share of cited passages that hold the evidence is a grounding regression: it fails the run."""
    from eval.runner import COLUMNS, compare

    baseline = {"overall": {"answer_hit_rate": 0.88, "citation_precision": 0.92}}
    assert compare({"answer_hit_rate": 0.88, "citation_precision": 0.91}, baseline) == []
    problems = compare({"answer_hit_rate": 0.88, "citation_precision": 0.85}, baseline)
    assert len(problems) == 1 and problems[0].startswith("citation_precision: 0.850 vs baseline 0.920")
    assert "citation_precision" in COLUMNS  # printed and in eval.md, not only in eval.json


def test_the_suggested_threshold_counts_failed_answer_checks_at_every_threshold():
    from eval.metrics import QuestionResult, suggest_threshold

    def result(answerable, confidence, checks_passed=True):
        return QuestionResult("q", "factoid", answerable, confidence < 0.5 or not checks_passed, None, None, None,
                              None, 1.0, confidence, "", checks_passed=checks_passed)

    answerable = [result(True, c) for c in (0.3, 0.6, 0.7, 0.8, 0.9, 0.9, 0.95, 0.95, 0.97, 0.99)]
    unanswerable = [result(False, 0.2), result(False, 0.65), result(False, 0.9, checks_passed=False)]
    at_10 = suggest_threshold(answerable + unanswerable, 0.10)
    assert at_10["threshold"] == pytest.approx(0.6) and at_10["abstention_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    # One answerable question's checks failed: it uses up the 10% allowance, so the threshold drops below 0.3.
    answerable[-1] = result(True, 0.99, checks_passed=False)
    at_10 = suggest_threshold(answerable + unanswerable, 0.10)
    assert at_10["threshold"] == pytest.approx(0.3) and at_10["abstention_accuracy"] == pytest.approx(2 / 3, abs=1e-3)


def test_the_console_table_keeps_its_columns_in_line_with_long_group_names():
    from eval.runner import format_table

    metrics = {"n": 15, "abstention_accuracy": 0.933}
    report = {"overall": {"n": 159, "mrr": 0.957}, "by_kind": {"substitution_unanswerable": metrics, "list": metrics}}
    lines = format_table(report).splitlines()
    assert len({len(line) for line in lines}) == 1  # every row as wide as the header
    assert lines[2].startswith("substitution_unanswerable ")
