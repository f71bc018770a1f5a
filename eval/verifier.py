"""Calibrate the answer verifier's thresholds on the hand-written eval set (`python -m eval.verifier`).

Claims built from each answerable question, scored against passages of the real index:
- supported: the gold evidence quote, and the question turned into a statement with its gold answer, each
  against the passage that holds the evidence;
- unsupported: the same statement with another question's answer of the same kind (a wrong fact) against the
  right passage, and the true statement against the best passage of another document (a wrong citation).
Prints, for a grid of thresholds, how many supported claims survive and how many unsupported ones get through.
"""

from __future__ import annotations

import itertools
import re
import numpy as np

from assistant.answer import Passage
from assistant.question_kinds import expected_type
from assistant.verify import Verifier, VerifySettings
from eval.metrics import normalise
from eval.runner import load_questions

_QUESTION_WORDS = re.compile(
    r"^(pada tahun berapa|tahun berapa|sejak kapan|kapan|berapa( banyak| jumlah)?|siapa(kah)?|apa(kah)?( saja| nama)?|"
    r"di mana|dimana|mengapa|bagaimana|sebutkan|when|what|which|who|how many|how much|where|why|how)\b\s*", re.I)


def statement(question: str, answer: str) -> str:
    """A crude statement from a question and its answer ("Kapan X dimulai?" + "1994" → "X dimulai 1994")."""
    body = question.strip().rstrip("?").strip()
    stripped = _QUESTION_WORDS.sub("", body, count=1)
    if stripped != body:
        return f"{stripped[:1].upper()}{stripped[1:]} {answer}."
    return re.sub(r"\b(apa|siapa|berapa|mana)\b", answer, body, count=1, flags=re.I) + "."


def _passage_of(index, doc: str, quote: str) -> Passage | None:
    wanted = normalise(quote)
    for row, chunk in enumerate(index.chunks):
        if chunk.source.rsplit("/", 1)[-1] == doc and wanted in normalise(chunk.text):
            return Passage(1, chunk.source, chunk.title, chunk.chunk_id, chunk.doc_id, chunk.start, chunk.end,
                           chunk.text, 0.0, 0.0, 0.0)
    return None


def build_pairs(index, questions: list[dict]) -> list[tuple[str, str, Passage, str]]:
    """(label, claim, passage, question) rows: label `supported` or `unsupported`."""
    answerable = [q for q in questions if q.get("answerable", True) and q["evidence"] and q["answers"]]
    by_kind: dict[str | None, list[dict]] = {}
    for q in answerable:
        by_kind.setdefault(expected_type(q["question"]), []).append(q)
    rows = []
    for q in answerable:
        evidence = q["evidence"][0]
        passage = _passage_of(index, evidence["doc"], evidence["quote"])
        if passage is None:
            continue
        true_claim = statement(q["question"], q["answers"][0])
        rows.append(("supported", evidence["quote"], passage, q["question"]))
        rows.append(("supported", true_claim, passage, q["question"]))
        others = [o for o in by_kind[expected_type(q["question"])] if o is not q
                  and normalise(o["answers"][0]) not in normalise(passage.text)]
        if others:
            wrong = others[hash(q["id"]) % len(others)]["answers"][0]
            rows.append(("unsupported", statement(q["question"], wrong), passage, q["question"]))
        hits = index.search(q["question"], k=10)
        other_doc = next((h.chunk for h in hits if h.chunk.source.rsplit("/", 1)[-1] != evidence["doc"]), None)
        if other_doc is not None:
            rows.append(("unsupported", true_claim, Passage(1, other_doc.source, other_doc.title, other_doc.chunk_id,
                                                            other_doc.doc_id, other_doc.start, other_doc.end,
                                                            other_doc.text, 0.0, 0.0, 0.0), q["question"]))
    return rows


def rates(index, rows, vectors, settings: VerifySettings) -> dict:
    verifier = Verifier(index, settings)
    kept: dict[str, list[bool]] = {"supported": [], "unsupported": []}
    for (label, claim, passage, question), vector in zip(rows, vectors):
        kept[label].append(verifier.support(claim, vector, passage, question).supported)
    return {"dense_min": settings.dense_min, "lexical_min": settings.lexical_min,
            "lexical_dense_min": settings.lexical_dense_min,
            "check_names": settings.check_names, "check_numbers": settings.check_numbers,
            "supported_kept": round(float(np.mean(kept["supported"])), 4),
            "unsupported_passed": round(float(np.mean(kept["unsupported"])), 4),
            "pairs": {k: len(v) for k, v in kept.items()}}


def calibrate(index, questions: list[dict]) -> tuple[list[dict], dict, list[dict]]:
    """(every grid point's rates, best first: most supported kept with ≤ 5% unsupported through; the current
    defaults' rates; the defaults without the name / number checks)."""
    rows = build_pairs(index, questions)
    vectors = index.embedder.embed_documents([claim for _, claim, _, _ in rows])
    results = [rates(index, rows, vectors, VerifySettings(round(float(d), 2), lex, lex_dense))
               for d, lex, lex_dense in itertools.product(np.arange(0.45, 0.86, 0.05), (0.5, 0.6, 0.7, 0.8),
                                                          (0.3, 0.4, 0.45, 0.5))]
    results.sort(key=lambda r: (r["unsupported_passed"] > 0.05, -r["supported_kept"], r["unsupported_passed"]))
    default = VerifySettings()
    ablations = [rates(index, rows, vectors, VerifySettings(check_names=False)),
                 rates(index, rows, vectors, VerifySettings(check_numbers=False)),
                 rates(index, rows, vectors, VerifySettings(check_names=False, check_numbers=False))]
    return results, rates(index, rows, vectors, default), ablations


def main() -> None:
    from assistant.engine import open_assistant

    assistant = open_assistant()
    results, current, ablations = calibrate(assistant.index, load_questions([]))
    print("best 5 (≤5% unsupported passed):")
    for r in results[:5]:
        print(r)
    print("current defaults:", current)
    print("without the name check, the number check, both:")
    for r in ablations:
        print(r)


if __name__ == "__main__":
    main()
