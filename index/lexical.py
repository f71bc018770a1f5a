"""The Indonesian lexical leg: Sastrawi-stemmed tokens without stopwords, scored with BM25 (bm25s)."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from ingest.short_forms import full_name

_TOKEN = re.compile(r"\w+(?:[-.,]\w+)*", re.UNICODE)
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
TOKENIZER_VERSION = 5
"""Raised whenever `tokenize` changes what it gives for a text (2: short forms bring their full names; 3: national
bodies, regional offices and universities among them; 4: offices, public schools and elections, and a short form
with "-nya": "dirutnya"; 5: "GM", a "General Manager"), so that an ingest rebuilds BM25 from the stored chunks even
when no document changed."""
# Written both joined and apart in Indonesian: index them one way.
_COMPOUNDS = {("kerja", "sama"): "kerjasama", ("antar", "negara"): "antarnegara"}
# Words Sastrawi lists as stopwords that carry meaning in questions about these texts.
_KEEP = frozenset({"tahun", "bulan", "hari", "negara", "baru", "pertama", "kedua", "ketiga", "akhir", "awal",
                   "masa", "waktu", "jumlah", "utama", "umum", "tinggi", "besar", "kecil", "panjang"})


def bm25s_module():
    """`bm25s`, imported lazily; it sets its logger to DEBUG on import, so hand the level back to the app."""
    import bm25s

    logger = logging.getLogger("bm25s")
    if logger.level == logging.DEBUG:
        logger.setLevel(logging.ERROR)
    return bm25s


@lru_cache(maxsize=1)
def _sastrawi():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    stemmer = StemmerFactory().create_stemmer()
    stopwords = frozenset(StopWordRemoverFactory().get_stop_words()) - _KEEP
    return stemmer, stopwords


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Sastrawi stem of one lower-case word (cached: Sastrawi is slow per call)."""
    stemmer, _ = _sastrawi()
    return stemmer.stem(word) or word


def stopwords() -> frozenset[str]:
    return _sastrawi()[1]


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed content tokens; `4.000` → `4000`, `negara-negara` → `negara`, `Kaltim` → `kaltim
    kalimantan timur`."""
    words: list[str] = []
    for match in _TOKEN.finditer(text.lower()):
        word = match.group(0)
        if _THOUSANDS.match(word):
            words.append(word.replace(".", "").replace(",", ""))
            continue
        for part in re.split(r"[.,]", word):
            if "-" in part:
                pieces = part.split("-")
                if len(set(pieces)) == 1:  # reduplication: negara-negara
                    words.append(pieces[0])
                else:
                    words.extend(p for p in pieces if p)
            elif part:
                words.append(part)
    words = _with_full_names(_join_compounds(words))
    stops = stopwords()
    tokens = []
    for word in words:
        if word in stops or (len(word) == 1 and not word.isdigit()):
            continue
        tokens.append(word if word.isdigit() or not word.isalpha() else stem(word))
    return tokens


def _with_full_names(words: list[str]) -> list[str]:
    """Each short form followed by its full name's words: "kaltim" also counts as "kalimantan timur"."""
    out: list[str] = []
    for word in words:
        out.append(word)
        full = full_name(word)
        if full is not None:
            out.extend(full.lower().split())
    return out


def _join_compounds(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        if out and (out[-1], word) in _COMPOUNDS:
            out[-1] = _COMPOUNDS[(out[-1], word)]
        else:
            out.append(word)
    return out


class LexicalIndex:
    """BM25 over tokenized chunk texts; `scores` gives one score per chunk, in index order."""

    def __init__(self, retriever) -> None:
        self._retriever = retriever

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        retriever = bm25s_module().BM25()
        # An empty token list would make bm25s drop the row; keep every row with a placeholder.
        retriever.index([tokenize(text) or ["\u2205"] for text in texts], show_progress=False)
        return cls(retriever)

    def scores(self, query: str) -> np.ndarray:
        tokens = [t for t in tokenize(query) if t in self._retriever.vocab_dict]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(tokens), dtype=np.float32)

    @property
    def vocabulary(self) -> dict:
        """Token → id of every indexed token."""
        return self._retriever.vocab_dict

    @property
    def size(self) -> int:
        return int(self._retriever.scores["num_docs"])

    def save(self, directory: Path) -> None:
        self._retriever.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        return cls(bm25s_module().BM25.load(str(directory), show_progress=False))
