"""Metrics for one question and their aggregation: evidence/document recall, MRR, answers, abstention."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np


def normalise(text: str) -> str:
    """Lower case with whitespace collapsed: how quotes and answers are matched."""
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass(frozen=True)
class QuestionResult:
    """What one question scored."""

    id: str
    kind: str
    answerable: bool
    abstained: bool
    evidence_recall: float | None
    doc_recall: float | None
    reciprocal_rank: float | None
    answer_hit: float | None
    latency_ms: float
    confidence: float
    answer: str
    citation_precision: float | None = None
    generator: str = "extractive"
    sentences_kept: int = 0
    sentences_dropped: int = 0
    checks_passed: bool = True
    """Whether the answer checks passed, whatever the confidence (`Answer.checks_passed`)."""
    refused_by: str | None = None
    """Why it abstained (`Answer.refused_by`: an answer check's name, "name unmentioned", "low confidence", …)."""


def score_question(question: dict, answer, k: int) -> QuestionResult:
    """Score one assistant answer against one gold question."""
    retrieved = answer.retrieved[:k]
    texts = [normalise(p.text) for p in retrieved]
    answerable = bool(question.get("answerable", True))
    evidence_recall = doc_recall = rr = hit = None
    if answerable:
        quotes = [normalise(e["quote"]) for e in question["evidence"]]
        evidence_recall = float(all(any(q in t for t in texts) for q in quotes))
        docs = {e["doc"] for e in question["evidence"]}
        doc_recall = float(docs <= {p.source.rsplit("/", 1)[-1] for p in retrieved})
        rr = 0.0
        for rank, text in enumerate(texts, start=1):
            if any(q in text for q in quotes):
                rr = 1.0 / rank
                break
        shown = normalise(answer.answer) if not answer.abstained else ""
        hit = float(any(normalise(a) in shown for a in question["answers"]))
    precision = None
    cited = [] if answer.abstained else answer.cited
    if answerable and cited:
        precision = float(np.mean([_holds_evidence(p, question) for p in cited]))
    kept = len({s.text for s in answer.sentences}) if answer.generator != "extractive" else 0
    return QuestionResult(question["id"], question["kind"], answerable, answer.abstained, evidence_recall,
                          doc_recall, rr, hit, answer.timings_ms.get("total", 0.0), answer.confidence, answer.answer,
                          precision, answer.generator, kept, getattr(answer, "dropped_sentences", 0),
                          getattr(answer, "checks_passed", True),
                          getattr(answer, "refused_by", None) if answer.abstained else None)


def _holds_evidence(passage, question: dict) -> bool:
    """A cited passage holds the evidence: it contains a gold quote, or it is from a gold document and holds an answer."""
    text = normalise(passage.text)
    if any(normalise(e["quote"]) in text for e in question["evidence"]):
        return True
    docs = {e["doc"] for e in question["evidence"]}
    return passage.source.rsplit("/", 1)[-1] in docs and any(normalise(a) in text for a in question["answers"])


def _mean(values: list[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return round(float(np.mean(kept)), 4) if kept else None


def aggregate(results: list[QuestionResult]) -> dict:
    """Averages over a group of results; `None` where the metric does not apply."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    latencies = [r.latency_ms for r in results]
    return {
        "questions": len(results),
        "evidence_recall": _mean([r.evidence_recall for r in answerable]),
        "doc_recall": _mean([r.doc_recall for r in answerable]),
        "mrr": _mean([r.reciprocal_rank for r in answerable]),
        "answer_hit_rate": _mean([r.answer_hit for r in answerable]),
        "abstention_accuracy": _mean([float(r.abstained) for r in unanswerable]),
        "false_abstention_rate": _mean([float(r.abstained) for r in answerable]),
        "citation_precision": _mean([r.citation_precision for r in answerable]),
        "generated_share": _mean([float(r.generator != "extractive") for r in results if not r.abstained]),
        "dropped_sentence_rate": (round(sum(r.sentences_dropped for r in results)
                                        / max(1, sum(r.sentences_kept + r.sentences_dropped for r in results)), 4)),
        "latency_p50_ms": round(float(np.percentile(latencies, 50)), 1) if latencies else None,
        "latency_p95_ms": round(float(np.percentile(latencies, 95)), 1) if latencies else None,
    }


def by_kind(results: list[QuestionResult]) -> dict[str, dict]:
    kinds = sorted({r.kind for r in results})
    return {kind: aggregate([r for r in results if r.kind == kind]) for kind in kinds}


def suggest_threshold(results: list[QuestionResult], max_false_abstention: float = 0.05) -> dict:
    """The abstention threshold on `confidence` that abstains most on unanswerable questions while
    abstaining on at most `max_false_abstention` of answerable ones. An answer whose checks failed abstains at every
    threshold, so it uses up the allowance whatever its confidence."""
    positives = [r for r in results if r.answerable]
    negatives = [r for r in results if not r.answerable]
    if not positives or not negatives:
        return {}
    allowed = int(np.floor(max_false_abstention * len(positives))) - sum(not r.checks_passed for r in positives)
    passing = sorted(r.confidence for r in positives if r.checks_passed)
    if allowed < 0 or not passing:
        threshold = min(r.confidence for r in positives)  # the checks alone abstain too often: the lowest
    else:
        threshold = passing[allowed] - 1e-6 if allowed < len(passing) else passing[-1]
    abstained = float(np.mean([r.confidence < threshold or not r.checks_passed for r in negatives]))
    return {"threshold": round(float(threshold), 4), "max_false_abstention": max_false_abstention,
            "abstention_accuracy": round(abstained, 4)}
