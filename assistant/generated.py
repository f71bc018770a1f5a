"""Answers written by a language model, kept only where the cited passages support them.

Retrieval, abstention and the fallback answer come from the extractive answerer; the model then writes from
the same passages. Each finished sentence is verified before it is shown (so streaming never shows an
unsupported sentence), citations are renumbered to the passages that remain cited, and any failure of the
model (after bounded retries) or an answer with nothing supported left gives the extractive answer with a note.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np

from .answer import Answer, CitedSentence, ExtractiveAnswerer, Passage
from .question_kinds import question_language
from .llm import NOT_FOUND, Generator, LLMError
from .verify import Verifier, VerifySettings, parse_claim, split_claims

log = logging.getLogger(__name__)

NOTES = {
    "failed": {
        "id": "Model bahasa tidak memberikan jawaban: {reason}. Ini jawaban yang diambil langsung dari dokumen.",
        "en": "The language model gave no answer: {reason}. This is the answer taken straight from the documents.",
    },
    "unsupported": {
        "id": "Jawaban model bahasa tidak didukung oleh kutipan; ini jawaban yang diambil langsung dari dokumen.",
        "en": "The language model's answer was not supported by the passages; this is the answer taken straight "
              "from the documents.",
    },
    "dropped": {
        "id": "{count} kalimat dari model bahasa dihapus karena tidak didukung kutipan.",
        "en": "{count} sentence(s) from the language model were removed because no cited passage supports them.",
    },
}
RETRY_BACKOFF_S = 0.5


@dataclass(frozen=True)
class _Kept:
    text: str  # the sentence without citations
    supports: tuple  # the Support of each cited passage that holds it


class GeneratingAnswerer:
    """`ask_stream` yields partial answers as verified sentences arrive, then the final answer."""

    def __init__(self, extractive: ExtractiveAnswerer, generator: Generator,
                 verify: VerifySettings = VerifySettings()) -> None:
        self.extractive = extractive
        self.generator = generator
        self.verifier = Verifier(extractive.index, verify)

    @property
    def settings(self):
        return self.extractive.settings

    def ask(self, question: str, retrieval_query: str | None = None,
            query_vector: np.ndarray | None = None) -> Answer:
        answer = None
        for answer in self.ask_stream(question, retrieval_query, query_vector):
            pass
        return answer

    def ask_stream(self, question: str, retrieval_query: str | None = None,
                   query_vector: np.ndarray | None = None) -> Iterator[Answer]:
        started = time.perf_counter()
        base = self.extractive.ask(question, retrieval_query, query_vector)
        if base.abstained or not base.retrieved:
            yield base
            return
        language = question_language(base.question)
        passages = base.retrieved
        attempts = self.generator.settings.retries + 1
        reason = ""
        asked = time.perf_counter()
        for attempt in range(attempts):
            t = time.perf_counter()
            kept: list[_Kept] = []
            dropped = 0
            said_not_found = False
            text = ""
            try:
                for piece in self.generator.stream(base.question, passages, language):
                    text += piece
                    complete, text = split_claims(text, final=False)
                    for sentence in complete:
                        outcome = self._verify(sentence, passages, base.question)
                        said_not_found |= outcome == "not_found"
                        dropped += outcome is None
                        if isinstance(outcome, _Kept):
                            kept.append(outcome)
                            yield self._compose(base, kept, dropped, started, t, final=False)
                for sentence in split_claims(text, final=True)[0]:
                    outcome = self._verify(sentence, passages, base.question)
                    said_not_found |= outcome == "not_found"
                    dropped += outcome is None
                    if isinstance(outcome, _Kept):
                        kept.append(outcome)
            except LLMError as exc:
                reason = exc.reason(language)
                log.info("The language model failed (try %d of %d): %s", attempt + 1, attempts, exc)
                if not exc.retry:  # a 4xx answer: the same request fails the same way
                    break
                if attempt + 1 < attempts:
                    time.sleep(RETRY_BACKOFF_S * (attempt + 1))
                continue
            if kept:
                yield self._compose(base, kept, dropped, started, t, final=True)
            elif said_not_found and not dropped:
                yield self._not_found(base, started, t)
            else:
                note = NOTES["unsupported"][language]
                yield replace(base, notes=[*base.notes, note], dropped_sentences=dropped,
                              timings_ms={**base.timings_ms, "generate": (time.perf_counter() - t) * 1000,
                                          "total": (time.perf_counter() - started) * 1000})
            return
        note = NOTES["failed"][language].format(reason=reason)
        yield replace(base, notes=[*base.notes, note],
                      timings_ms={**base.timings_ms, "generate": (time.perf_counter() - asked) * 1000,
                                  "total": (time.perf_counter() - started) * 1000})

    def _verify(self, sentence: str, passages: list[Passage], question: str):
        """`_Kept` when supported, "not_found" for the fixed reply, "empty" for a stray mark, None when dropped."""
        claim = parse_claim(sentence)
        if NOT_FOUND["id"] in claim.text.upper().replace(" ", "_"):
            return "not_found"
        if not claim.text.strip(" .,;:!?…\"'*-"):
            return "empty"
        if not claim.citations:
            return None
        supports = self.verifier.check([claim], passages, question)[0]
        good = tuple(s for s in supports if s.supported)
        if not good:
            log.info("Dropped unsupported sentence %r (%s)", claim.text, supports)
            return None
        return _Kept(claim.text, good)

    def _not_found(self, base: Answer, started: float, t: float) -> Answer:
        from .answer import ABSTAIN_MESSAGE

        language = question_language(base.question)
        timings = {**base.timings_ms, "generate": (time.perf_counter() - t) * 1000,
                   "total": (time.perf_counter() - started) * 1000}
        return replace(base, answer=ABSTAIN_MESSAGE[language], abstained=True, passages=[], sentences=[],
                       timings_ms=timings, generator=self.generator.label,
                       refused_by="language model: not found")

    def _compose(self, base: Answer, kept: list[_Kept], dropped: int, started: float, t: float,
                 final: bool) -> Answer:
        """The answer from the kept sentences, citations renumbered 1..m in order of first citation."""
        order: list[int] = []
        for sentence in kept:
            for support in sentence.supports:
                if support.n not in order:
                    order.append(support.n)
        rest = [p.n for p in base.retrieved if p.n not in order]
        new_n = {old: new for new, old in enumerate([*order, *rest], start=1)}
        passages = sorted((replace(p, n=new_n[p.n]) for p in base.retrieved), key=lambda p: p.n)
        texts, cited = [], []
        for sentence in kept:
            numbers = [new_n[s.n] for s in sentence.supports]
            body = sentence.text.rstrip()
            end = body[-1] if body and body[-1] in ".!?…" else "."
            body = body.rstrip(".!?…").rstrip()
            texts.append(f"{body}{end} {' '.join(f'[{n}]' for n in numbers)}")  # as extractive answers cite
            cited.extend(CitedSentence(sentence.text, new_n[s.n], s.start, s.end, s.dense) for s in sentence.supports)
        notes = list(base.notes)
        language = question_language(base.question)
        if final and dropped:
            notes.append(NOTES["dropped"][language].format(count=dropped))
        timings = {**base.timings_ms, "generate": (time.perf_counter() - t) * 1000,
                   "total": (time.perf_counter() - started) * 1000}
        return replace(base, answer=" ".join(texts), passages=passages, sentences=cited, retrieved=passages,
                       notes=notes, timings_ms=timings, generator=self.generator.label, dropped_sentences=dropped)
