"""Sentences inside documents that address an AI or give it orders (prompt injection).

They are withheld from the language model's prompt, never count as support in verification and are never quoted
as an extractive answer: they are instructions, not facts.
"""

from __future__ import annotations

import re

_INSTRUCTION = re.compile(
    r"\b(abaikan|lupakan|acuhkan)\b.{0,40}\b(instruksi|perintah|aturan|petunjuk)"
    r"|\bignore\b.{0,40}\b(instructions?|rules|prompt)"
    r"|\b(disregard|forget)\b.{0,40}\b(instructions?|above|previous)"
    r"|\b(jawab(lah)?|katakan(lah)?|tuliskan|sebutkan(lah)?)\s+(saja\s+)?bahwa\b"
    r"|\b(answer|say|respond|reply)\s+(only\s+)?(that|with)\b"
    r"|\b(asisten|assistant|model bahasa|language model|AI|chatbot|system prompt|prompt sistem)\b.{0,40}"
    r"\b(harus|wajib|must|should|shall)\b",
    re.I | re.S,
)


def is_instruction(sentence: str) -> bool:
    """True when a document sentence reads as an order to the assistant (prompt injection)."""
    return bool(_INSTRUCTION.search(sentence))
