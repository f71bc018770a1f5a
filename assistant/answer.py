"""Extractive answers: pick the retrieved sentences that best answer a question, cite them, or abstain."""

from __future__ import annotations

import difflib
import functools
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np

from index.lexical import stem, tokenize
from index.store import HybridIndex, SearchConfig, SearchHit, checked_query
from ingest.cleaning import FORM_FIELD
from ingest.documents import Document
from ingest.short_forms import full_name, with_other_forms

from .answer_checks import (KIND_PLACE, SIMILAR_SPELLING, another_day, another_month, another_ordinal, another_speaker,
                            another_year_of_the_name, body_unmentioned, count_of_another_body,
                            counted_owner_unmentioned, date_of_another_name, day_unanswered, definition_unanswered,
                            event_mismatch, event_unmentioned, follow_up_terms, full_name_unanswered, holder_unnamed,
                            holds_own_terms, label_unmentioned, leading_name, legal_step_unmentioned,
                            measure_of_another, names_all, names_another, negation_mismatch, office_unmentioned,
                            office_unsaid, ordinal_of_another, pair_unmentioned, payment_unmentioned, place_swapped,
                            plan_for_done, premise_denied, qualifier_unanswered, relation_unanswered,
                            replaced_in_passages, role_unmentioned, role_unsaid, school_level_swapped,
                            speaker_unmentioned, subject_left_behind, superlatives, tells_only_of_a_plan,
                            year_unanswered)
from .countries import country_of_another
from .followup import elliptical_named
from .instructions import is_instruction
from .question_kinds import (AUTHOR_ASKED, BULLET, COUNT, COUNTED, COUNTS_PEOPLE, ENTITY, NAME_WORD, NUMBER,
                             ROW_SENTENCE, TO_THE_DAY, WORD, answers_how_many, asked_units, dates_what_is_asked,
                             expected_type, formal_question_words, holds_count, matches_type, question_language)
from .sources import named_source
from .speakers import is_speaker_line, speaker_at, speaker_lines
from .truecase import CasedForms, cased_forms, truecased

MAX_QUESTION_CHARS = 500
MAX_ANSWER_CHARS = 400
MAX_JOINED_CHARS = 600
"""A sentence that points back ("Kendala-kendala inilah yang kemudian …") may take the sentence it points to beyond
`MAX_ANSWER_CHARS`: without it, a why-question's answer lacks the reason."""
ABSTAIN_MESSAGE = {
    "id": "Maaf, jawaban atas pertanyaan ini tidak ditemukan dalam dokumen yang tersedia.",
    "en": "Sorry, the answer to this question was not found in the available documents.",
}


NOT_MENTIONED = 'Tidak ada dokumen yang menyebut "{name}".'
"""The note under an Indonesian question left unanswered because it names what no document mentions."""
CLOSE_BUT_UNANSWERED = {
    "id": "Ada bagian dokumen yang dekat dengan pertanyaan ini, tetapi tidak ada kalimatnya yang menjawab tepat yang "
          "ditanyakan.",
    "en": "Parts of the documents are close to this question, but none of their sentences answers exactly what was "
          "asked.",
}
"""The note under a question left unanswered although passages close to it were found: an answer check refused."""
SEARCHED_IN = {"id": "Dicari hanya dalam dokumen yang disebut pertanyaan: {titles}.",
               "en": "Searched only in the document the question names: {titles}."}
"""The note under an answer searched in the document(s) the question names ("According to The Diplomat article, …")."""
NO_SUCH_SOURCE = {"id": 'Tidak ada dokumen dari "{name}".', "en": 'None of the documents is from "{name}".'}
"""The note under a question that names a source no document is from ("According to the Reuters report, …")."""
DOCUMENT_DATE = {
    "id": "Tanggal dokumen [{n}]: {date}.",
    "en": "Date of document [{n}]: {date}.",
}
"""Added to a when-answer that is a news lead without a date of its own."""
SPEAKER = {
    "id": "Pembicara [{n}]: {speaker}.",
    "en": "Speaker [{n}]: {speaker}.",
}
"""Added to an answer from a transcript: who says its first sentence (the speaker line over its turn)."""
DISAGREEMENT = {
    "id": "Dokumen lain menyebut angka berbeda dalam kalimat yang sama: {figures} ({source}).",
    "en": "Another document gives a different figure in the same sentence: {figures} ({source}).",
}
SAME_WORDING = 0.9  # share of words (figures aside) two sentences have in common to be one report told twice


class QuestionError(ValueError):
    """The question cannot be asked (empty, whitespace only)."""


@dataclass(frozen=True)
class SentenceWeights:
    """How a sentence is scored: similarity to the question plus these terms."""

    passages: int
    """Sentences of the top this-many passages are candidates."""
    coverage: float
    """Times the share of the question's terms the sentence holds."""
    rank: float
    """Divided by the passage's rank."""
    type_bonus: float
    """Added when the sentence holds what the question asks for (a year for *kapan*...), ..."""
    type_penalty: float
    """...subtracted when it does not."""
    passage_score: float = 0.0
    """Times the passage's dense score minus the best candidate passage's: a sentence of a passage that matches
    the question less well must match much better itself."""
    counted: float = 0.0
    """For a how-many question: added when the sentence counts what the question counts ("Berapa kios …?": "3.200
    kios", not "ribuan pedagang"). FacQA 82.0 → 82.1% at 0.2 (0.1: no change), TyDi unchanged."""
    date_detail: float = 0.0
    """For a when-question: added when the sentence dates to the day ("31 Maret 2026", "Senin (5/9)"), not only a year.
    TyDi / FacQA answers 80.2 / 82.1% → 80.4 / 82.3% at 0.2 (0.1: no change; 0.3: TyDi 80.0%)."""
    other_year: float = 0.0
    """Subtracted when the sentence gives a word of a name the question dates another year ("Siapa yang memenangi
    Pilkada Kabupaten Banjarsari 2024?": not "… setelah memenangi Pilkada 2020")."""
    superlative: float = 0.0
    """Added when the sentence uses a superlative the question uses ("Sektor apa yang mendapat alokasi *terbesar*?":
    "belanja pendidikan mendapat porsi *terbesar*", not the sentence on stunting closer in meaning)."""
    other_ordinal: float = 0.0
    """Subtracted when a when, how-many, who or where question asks for an ordinal the sentence does not say, and it
    says another ("Kapan tahap pertama …?": not "2. Tahap kedua (September 2025): …"); not for a sentence that points
    back ("Keterlambatan itu terjadi karena … tahap pertama …" is about the sentence before it)."""
    table_names: float = 0.0
    """For a table row ("Provinsi: Bali; Jumlah SPBKLU: 190."): times the share of the names the question uses
    (capitalised words past its first) that the row holds. Rows of one table read alike; the name tells them apart.
    (The same bonus for every sentence loses TyDi / FacQA answers: 0.1 → 80.5 / 81.6% → 79.1 / 80.5%.)"""


@dataclass(frozen=True)
class AnswerSettings:
    """Retrieval and answering knobs (README: what tuned each)."""

    k: int = 5
    search: SearchConfig = SearchConfig()
    select: SentenceWeights = SentenceWeights(passages=3, coverage=0.1, rank=0.2, type_bonus=0.3, type_penalty=0.2,
                                              passage_score=2.0, table_names=0.3,
                                              counted=0.2, date_detail=0.2, superlative=0.2,
                                              other_year=0.3, other_ordinal=0.3)
    """Which sentences answer: tuned on the tuning splits of TyDi and FacQA and on the eval set (answer hit rate)."""
    confidence: SentenceWeights = SentenceWeights(passages=3, coverage=0.2, rank=0.06, type_bonus=0.03,
                                                  type_penalty=0.03)
    """Whether to answer at all (the best sentence's score under these weights): tuned on the eval set."""
    abstain_below: float = 0.51
    second_sentence_margin: float = 0.25
    counted_margin: float = 0.4
    """How far under the best sentence a second one may score when it holds the count a how-many question asks for
    and the best does not."""
    heading_penalty: float = 0.05
    title_penalty: float = 1.0
    """Taken off a document title's score when choosing the answer (not when deciding whether to answer)."""
    announcement_penalty: float = 1.0
    """The same for a sentence that announces what its document covers ("Artikel ini akan membahas …")."""
    other_day_row_penalty: float = 1.0
    """The same for a table row of another day than the question names ("… pada 19 Juli 2025?" is not answered by the
    row of 14 Juli, ranked higher as the first row of the best passage)."""
    question_penalty: float = 1.0
    """The same for a question in a document (an interviewer's, a FAQ's): it asks, it does not answer (at 0.5 an
    interviewer's question close to the user's still outscored its answer). Not a skip: a title may end in "?" ("…
    film Apa Jang Kau Tjari, Palupi?" answers a FacQA question)."""
    answered_weight: float = 0.8
    """A sentence of the paragraph after a question in a document (an interview's, a FAQ's, a rhetorical one) is scored
    with this share of that question's similarity, when that is higher: the answer follows its question."""
    leaning_back_weight: float = 0.3
    """A sentence that points back ("Program ini …", "Ia …") is scored with this share of the similarity of the
    sentence before it, when that is higher (TyDi / FacQA answer hit 78.9 / 81.0% → 78.9 / 81.2% at 0.3; 0.5 loses
    a TyDi answer)."""
    follow_up_penalty: float = 0.5
    """Taken off the score of a follow-up's sentence that holds none of the follow-up's own terms (it can only answer
    the question before), and such a sentence does not count towards the confidence."""
    near_passages: int = 5
    near_margin: float = 0.04
    """A passage past the first `select.passages` but within the first `near_passages`, whose dense score is within
    this of the best candidate passage's, offers its sentences too, as the answer's best sentence only: "Siapa ketua
    majelis hakim …?" is answered by the fifth passage's "… dibacakan oleh ketua majelis hakim Dr. Hendri Irawan", its
    dense score 0.669 against the first three's 0.679–0.700 (0.04 on the testers' sets; FacQA and TyDi unchanged)."""
    unknown_entity_penalty: float = 0.15
    unknown_entity_below: float = 0.5
    """The penalty applies only when the best passage's dense score is under this: a passage that matches the
    question this well is about the thing named, even if it never spells the name (TyDi, eval set; README)."""


@dataclass(frozen=True)
class Passage:
    """A retrieved passage as shown to the user, numbered `n` for `[n]` citations."""

    n: int
    source: str
    title: str
    chunk_id: str
    doc_id: str
    start: int
    end: int
    text: str
    score: float
    dense_score: float
    lexical_score: float


@dataclass(frozen=True)
class CitedSentence:
    """A sentence of the answer: its text, its passage number, and its offsets inside that passage."""

    text: str
    n: int
    start: int
    end: int
    score: float
    joined: bool = False
    """The sentence with the one before it that it points back to (`MAX_JOINED_CHARS`)."""


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    passages: list[Passage]
    sentences: list[CitedSentence]
    timings_ms: dict[str, float]
    notes: list[str] = field(default_factory=list)
    retrieved: list[Passage] = field(default_factory=list)
    confidence: float = 0.0
    rewritten_query: str | None = None
    generator: str = "extractive"
    """What wrote the answer: `extractive`, or `llm:<model>` when a language model did."""
    dropped_sentences: int = 0
    """Generated sentences removed because no cited passage supported them."""
    checks_passed: bool = True
    """Whether the best sentences passed the answer checks (a count for "berapa", the place and year asked, …),
    whatever the confidence: with a threshold low enough, tanya would have answered."""
    refused_by: str | None = None
    """Why tanya abstained: the answer check that found the best sentences no answer ("office unmentioned", "no
    count", …), "name unmentioned" (a name no document mentions), "source unmentioned" (a source the question names
    that no document is from), "language model: not found" (the optional model said the passages do not hold it) or
    "low confidence"; None when it answered."""

    @property
    def cited(self) -> list[Passage]:
        """The passages the answer cites, in citation order."""
        numbers = list(dict.fromkeys(s.n for s in self.sentences))
        return [p for n in numbers for p in self.passages if p.n == n]

    def to_json(self, qid: str | None = None) -> dict:
        data: dict = {} if qid is None else {"id": qid}
        data.update({
            "question": self.question, "answer": self.answer, "abstained": self.abstained,
            "passages": [{key: value for key, value in asdict(p).items()
                          if key not in ("doc_id", "dense_score", "lexical_score")} for p in self.passages],
            "cited": list(dict.fromkeys(s.n for s in self.sentences)),
            "confidence": round(self.confidence, 4),
            "generator": self.generator,
            "dropped_sentences": self.dropped_sentences,
            "timings_ms": {key: round(value, 1) for key, value in self.timings_ms.items()},
        })
        data["notes"] = list(self.notes)
        if self.rewritten_query:
            data["rewritten_query"] = self.rewritten_query
        if self.refused_by:
            data["refused_by"] = self.refused_by
        return data


_REFERENCE_MARKS = re.compile(r"(?:\[\d{1,3}\])+$")  # "…tahun 1945.[1][2]": a Wikipedia copy's references
OPENING_CHARS = 300  # a document's first lines: its title and what it is about
MAX_ITEM_HEAD_CHARS = 80
SHORT_ITEM_VALUE_CHARS = 120  # a list item's value after its head shown with it when this short and holding a figure
# "Pertama, memasukkan sagu … Kedua, memberikan insentif …": a list written as prose, one sentence per item.
_ORDINAL_ITEM = re.compile(r"(?:pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh"
                           r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth),\s+", re.I)
_FIRST_ORDINAL = re.compile(r"(?:pertama|first),\s+", re.I)
_HEAD = re.compile(r"[A-Z][^.:;!?\n]{1,60}(?=:\s)")  # "Hambatan Politik dan Birokrasi: ..." (a line's own head)
# The labels whose field answers a question type without naming it: "Tempat: …" says where, "Hari/Tanggal: …" when.
_FIELD_ANSWERS = {"place": frozenset({"tempat", "lokasi"}),
                  "date": frozenset({"hari", "tanggal", "waktu", "jam", "pukul"})}
MAX_LIST_ITEMS = 12
MAX_EXTRA_PASSAGES = 2  # chunks a list may run into beyond the retrieved passages
# "Oleh: Dr. Ratna Kusumawardani", "Penulis: Budi Santoso" (a capitalised name: not "Oleh karena itu …"), and a
# closing line, "Demikian kajian dari Dr. Cemil Doğaç Ipek, Departemen Antar bangsa, …".
_BYLINE = re.compile(r"\W*(?:(?i:oleh|penulis|ditulis\s+oleh|by|written\s+by|author)\s*:?\s+"
                     r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\W*$|(?i:demikian\s+(?:kajian|tulisan|artikel|laporan|ulasan|"
                     r"analisis|opini)\s+(?:dari|oleh))\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s*(?:,|\W*$))")
# A sentence that announces what its document covers ("Artikel ini akan membahas …", "In this report we …") states
# no fact; like a title it shows where to look but answers nothing.
_ANNOUNCEMENT = re.compile(
    r"\W*(?:(?:dalam|pada|di)\s+)?(?:artikel|tulisan|makalah|laporan|esai|bab|bagian|dokumen|opini)\s+ini\s+"
    r"(?:(?:kita|kami|penulis|saya)\s+)?(?:akan\s+\w+|\w*bahas|mengulas|menguraikan|menyoroti|mengkaji|memaparkan)\b"
    r"|\W*(?:in\s+)?this\s+(?:article|paper|report|essay|chapter|section|document)\s+(?:we\s+|I\s+)?"
    r"(?:will|discuss|examine|explore|review|outline|look|cover)", re.I)
# A sentence whose subject or frame is in the sentence before: "Sebagai bagian dari rencana ini, …", "Program tersebut
# …", "Pada tahun itu …", "Ia …", "Hal ini …", "Kendala-kendala inilah …" (within its first five words), "Gejala lain
# meliputi …" (the first symptoms are in the sentence before).
# "saat ini", "tahun ini" ("now", "this year") point at the writing's time, not back.
_NOW = ("saat", "hari", "dewasa", "masa", "kali", "sejauh", "selama", "belakangan", "baru-baru", "akhir-akhir", "tahun",
        "bulan", "pekan", "minggu", "abad")
# "Selain itu", "Oleh karena itu", "Sementara itu" link to the sentence before but name nothing in it.
_CONNECTIVE = ("selain", "karena", "untuk", "samping", "begitu", "sementara")
# A signature's office line ("Ketua Pokja Pemilihan 3,", "Kepala Dinas Kesehatan Kota Madiun,") and the name signed
# under it ("Rina Puspitasari, S.T.", "dr. H. Agus Salim, M.Kes.").
_OFFICE_WORDS = (r"(?:wakil\s+|plt\.?\s+|plh\.?\s+)?(?:ketua|kepala|direktur|sekretaris|bendahara|bupati|gubernur"
                 r"|wali\s?kota|camat|lurah|rektor|dekan|menteri|komandan|kapolres|kapolda|presiden|manajer|koordinator"
                 r"|pimpinan|pemimpin|panitera|hakim|notulis|pejabat\s+pembuat\s+komitmen)")
_SIGNATURE_OFFICE = re.compile(rf"{_OFFICE_WORDS}\b[^.\n]{{0,80}},\s*$", re.I)
_SIGNED_NAME = re.compile(r"(?:(?:dr|drs|dra|ir|prof|h|hj|kh)\.\s*)*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){1,5}"
                          r"(?:,\s*[A-Za-z.]{2,12}(?:\s*[A-Za-z.]{1,8})?)*\s*$")
_LEANS_BACK = re.compile(r"\W*(?:(?:ia|dia|beliau|mereka)\b|[\w-]+\s+lain(?:nya)?\b|(?:[\w-]+[\s,]+){0,4}?(?:tersebut|itu"
                         + "".join(rf"(?<!\b{word} itu)" for word in _CONNECTIVE) + "|ini"
                         + "".join(rf"(?<!\b{word} ini)" for word in _NOW) + r")(?:lah)?\b)", re.I)


# A sentence that draws a consequence from the one before: for a why-question, the reason is there.
_CONSEQUENCE = re.compile(r"\W*(?:(?:oleh\s+)?karena\s+itu|oleh\s+sebab\s+itu|maka(?:nya)?|dengan\s+demikian|akibatnya|"
                          r"karenanya|sehingga|therefore|thus|hence|as\s+a\s+result)\b", re.I)
_ASKS = re.compile(r"\?[\s\"'”’)]*$")
# A question word that opens the sentence (past a speaker's label, "RM: …") or stands in it in lower case ("… saat
# ini apa?"): not a title that ends in "?" ("… ditulis sebagai Apa Jang Kau Tjari, Palupi?").
_QUESTION_WORD = re.compile(r"^\W*(?:[A-Z]{1,5}:\s*)?(?:[A-Z][a-z]+,?\s+)?(?i:apa|apakah|siapa|kapan|mengapa|kenapa|bagaimana|"
                            r"berapa|di\s?mana|ke\s?mana|dari\s?mana|bisakah|adakah|benarkah|what|who|when|where|why|how"
                            r"|which|is|are|do|does|did|can)\b|\b(?:apa|apakah|siapa|kapan|mengapa|kenapa|bagaimana|berapa|mana"
                            r"|what|who|when|where|why|how|which)\b")


def _is_heading(text: str) -> bool:
    """A line without a full stop (after quotes and Wikipedia reference marks): a heading, a title or a caption."""
    return not _REFERENCE_MARKS.sub("", text).rstrip("\"'”’)").endswith((".", "?", "!", "…"))


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _words_beside_figures(text: str) -> set[str]:
    return set(WORD.findall(NUMBER.sub(" ", text.lower())))


# A run of capitalised words past the question's first word ("Malaysia", "Bursa Karbon Indonesia").
_NAME_GROUP = re.compile(r"(?<!^)\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
_PLACE_BEFORE = re.compile(r"\b(?:di|ke|dari|pada|menuju|in|at|to|from)\s+$", re.I)


def validate_question(question: str) -> tuple[str, list[str]]:
    """The question to ask, stripped; an error when empty; a note when it had to be shortened."""
    if question is None or not str(question).strip():
        raise QuestionError("The question is empty. Type a question about your documents, e.g. "
                            "\"Kapan program itu dimulai?\" or \"Siapa penulis laporan ini?\"")
    text = checked_query(" ".join(str(question).split()))
    if len(text) > MAX_QUESTION_CHARS:
        return text[:MAX_QUESTION_CHARS], [f"The question was longer than {MAX_QUESTION_CHARS} characters and was shortened."]
    return text, []


def _to_passage(n: int, hit: SearchHit) -> Passage:
    c = hit.chunk
    return Passage(n, c.source, c.title, c.chunk_id, c.doc_id, c.start, c.end, c.text, round(hit.score, 4),
                   round(hit.dense_score, 4), round(hit.lexical_score, 4))


class ExtractiveAnswerer:
    """Answers from the index alone: retrieval, then the best one or two sentences with `[n]` citations."""

    def __init__(self, index: HybridIndex, settings: AnswerSettings = AnswerSettings()) -> None:
        self.index = index
        self.settings = settings
        self._mentioned: dict[str, bool] = {}  # `_mentions`' answers

    def ask(self, question: str, retrieval_query: str | None = None, query_vector: np.ndarray | None = None) -> Answer:
        """Answer `question`; `retrieval_query` (e.g. a rewritten follow-up) is what is searched when given.

        `query_vector`, when the caller already embedded the searched query, saves encoding it again.
        """
        started = time.perf_counter()
        question, notes = validate_question(question)
        typed = formal_question_words(question)
        # The checks read the names of "sampai kapan rusia boleh …" as of "… Rusia …"; retrieval and the choice of
        # sentences read the question as typed.
        question = self.truecased(typed)
        query = retrieval_query or typed
        timings: dict[str, float] = {}
        language, kind = question_language(question), expected_type(question)
        author_asked = kind == "name" and AUTHOR_ASKED.search(question) is not None  # "Siapa penulis …?"
        # "According to The Diplomat article, …": searched in that document, without the words that name it.
        source = named_source(question, self.index.documents)
        if source is not None and not source.doc_ids:
            return Answer(question, ABSTAIN_MESSAGE[language], True, [], [], timings,
                          [*notes, NO_SUCH_SOURCE[language].format(name=source.name)], [], -1.0, checks_passed=False,
                          refused_by="source unmentioned")
        if source is not None:
            if query == typed and query_vector is None:
                query = source.rest
            titles = "; ".join(sorted(f'"{self.index.documents[d].title.rstrip(". ")}"' for d in source.doc_ids))
            notes = [*notes, SEARCHED_IN[language].format(titles=titles)]
        warm_up = getattr(self.index.embedder, "warm_up", None)
        t = time.perf_counter()
        if query_vector is None and warm_up is not None and warm_up():
            timings["load_model"] = (time.perf_counter() - t) * 1000  # the first question of a process
            t = time.perf_counter()
        if query_vector is None:
            query_vector = self.index.embedder.embed_queries([query])[0]
        timings["embed_query"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        hits = self.index.search(query, k=self.settings.k, config=self.settings.search, query_vector=query_vector,
                                 documents=source.doc_ids if source is not None else None)
        timings["search"] = (time.perf_counter() - t) * 1000
        passages = [_to_passage(n, hit) for n, hit in enumerate(hits, start=1)]
        if passages and author_asked:
            passages += self._byline_passage(passages)
        t = time.perf_counter()
        sentence_vector, own = query_vector, None
        if query != typed:  # a follow-up: its sentence is the one that answers it, in the passages both found
            own = self.index.embedder.embed_queries([typed])[0]
            sentence_vector = query_vector + own
            sentence_vector = sentence_vector / max(float(np.linalg.norm(sentence_vector)), 1e-9)
        # A follow-up is searched with the previous question; its answer is a sentence that holds what the follow-up
        # itself asks about ("Siapa ketua pertamanya?": "Ketua pertamanya adalah …", not the founding date asked
        # before).
        own_terms = (follow_up_terms(question) if retrieval_query is not None and query != typed and language == "id"
                     else frozenset())  # (an English follow-up's terms are not the Indonesian passages' words)
        scored, best_support = self._score_sentences(query, sentence_vector, passages, own_terms,
                                                     own if own_terms else None)
        timings["select"] = (time.perf_counter() - t) * 1000
        confidence = best_support - self._unknown_entity_penalty(question, language, passages) if scored else -1.0
        # The answer checks below run whatever the confidence, so that `checks_passed` tells how tanya would answer at
        # any other threshold (the benchmark's abstention sweep).
        answered = bool(scored)
        refused_by: str | None = None if answered else "no sentence"
        shown: list[CitedSentence] = []
        if answered:
            documents = {p.n: p.doc_id for p in passages}
            chosen = [_first_copy(c, scored) for c in self._choose(scored, set(tokenize(question)), question, documents)]
            # A why-question answered by a consequence ("Oleh karena itu, …") is answered with the reason before it.
            refers_back = kind == "reason" and _CONSEQUENCE.match(chosen[0].text) is not None
            chosen, citable = self._with_antecedent(chosen, passages, refers_back)
            chosen = self._with_signed_name(chosen, citable)
            shown, text, citable = self._compose(chosen, citable, kind == "list")
            # A transcript's sentence says little without who said it ("Siapa yang mengatakan bahwa …?").
            speaker = self._speaker(shown[0], citable)
            if speaker is not None:
                text = f"{text} {SPEAKER[language].format(n=shown[0].n, speaker=speaker)}"
            # "Berapa ...?" answered by sentences without the count asked for is no answer: say so instead (README).
            answered = kind != "number" or answers_how_many(shown, question)
            refused_by = None if answered else "no count"
            # "Siapa penulis …?" answered by no sentence that says who wrote it (a byline, "karya …", "ditulis oleh
            # …", "Demikian kajian dari …") is no answer either.
            if answered and author_asked:
                answered = any(matches_type(c.text, "name", question) for c in shown)
                refused_by = None if answered else "no author"
            # "Kapan …?" answered by sentences without any date or time is no answer either, unless the answer is a news
            # lead, which tells what happened on its document's date line ("Mataram, Rabu (5/11/2025)" over "KKP resmi
            # meluncurkan …"): the answer then says that date.
            if answered and kind == "date" and not dates_what_is_asked(shown, question):
                # A plan is not done on its document's date ("Tahun berapa Indonesia resmi membentuk badan …?" is not
                # answered by "Indonesia tengah bersiap diri untuk memiliki badan …" dated 22 April 2018).
                dated = None if tells_only_of_a_plan(text) else self._lead_date(shown[0], citable, question)
                answered = dated is not None
                refused_by = None if answered else "no date"
                if dated is not None:
                    text = f"{text} {DOCUMENT_DATE[language].format(n=shown[0].n, date=dated)}"
            # A follow-up is searched with the previous question, which alone can make any passage on that topic
            # look confident: "Siapa komandannya?" after a question on troops must be answered by a commander.
            if answered and query != typed and language == "id":
                answered = holds_own_terms(shown, question)
                refused_by = None if answered else "follow-up unanswered"
            if answered and query != typed:  # … and be about what the previous question asked of
                answered = subject_left_behind(typed, query, self._document_text(shown[0], citable)) is None
                refused_by = None if answered else "subject left behind"
            # A table row answers only a question whose names its passage holds: "Berapa jumlah SPBKLU di Papua?" is not
            # answered by the rows of Bali and Jawa Barat.
            if answered and ROW_SENTENCE.match(shown[0].text):
                row_passage = next(p for p in citable if p.n == shown[0].n)
                answered = names_all(question, f"{self._opening(row_passage)} {row_passage.title} {row_passage.text}")
                refused_by = None if answered else "another row"
            # "Siapa Kepala BPBD Kabupaten Dompu?" is not answered by the head of Kabupaten Bima's agency (README).
            cited = [p for p in citable if any(c.n == p.n for c in shown)]
            # The documents' dates, and their openings, which date a regulation ("NOMOR 6 TAHUN 2022") or a report
            dates = tuple(self.index.documents[p.doc_id].meta.get("date", "") for p in cited
                          if p.doc_id in self.index.documents) + tuple(dict.fromkeys(map(self._opening, cited)))
            said = " ".join(c.text for c in shown)
            with_titles = self._with_titles(cited)
            with_openings = self._with_openings(cited)
            titles = self._titles(cited)
            if source is not None:  # the documents are from the source the question names: "menurut artikel kumparan"
                with_titles = f"{with_titles} {source.name}"
            # Each check names what makes the sentences found no answer to what is asked; the first to find it refuses.
            checks: tuple[tuple[str, Callable[[], object]], ...] = (
                ("names another", lambda: names_another(question, cited, dates)),
                ("another place", lambda: place_swapped(question, said)),
                ("another measure", lambda: measure_of_another(question, said)),
                ("another country", lambda: country_of_another(question, said)),
                ("date of another name", lambda: kind == "date" and date_of_another_name(
                    question, shown, *self._title_and_text(shown[0], citable),
                    next(p.text for p in citable if p.n == shown[0].n))),
                ("legal step unmentioned", lambda: legal_step_unmentioned(question, said)),
                ("another school level", lambda: school_level_swapped(question, said)),
                ("office unmentioned", lambda: office_unmentioned(question, cited)),
                ("role unmentioned", lambda: role_unmentioned(question, with_titles, said)),
                ("label unmentioned", lambda: label_unmentioned(question, with_titles)),
                ("payment unmentioned", lambda: payment_unmentioned(question, with_titles)),
                ("holder unnamed", lambda: holder_unnamed(question, shown[0].text)),
                ("negation", lambda: negation_mismatch(question, said, titles)),
                ("another event", lambda: event_mismatch(question, said)),
                ("ordinal of another", lambda: ordinal_of_another(question, with_titles)),
                ("relation unanswered",
                 lambda: relation_unanswered(question, f"{titles} {_with_paragraph_opening(shown, citable)}")),
                ("definition unanswered", lambda: definition_unanswered(question, said)),
                ("year unanswered", lambda: year_unanswered(question, said)),
                ("another day", lambda: another_day(question, shown[0].text)),
                ("another month", lambda: another_month(question, self._with_lead(shown[0], citable))),
                ("day unanswered", lambda: day_unanswered(question, said)),
                ("body unmentioned", lambda: body_unmentioned(question, with_titles)),
                ("plan, not done", lambda: plan_for_done(question, said)),
                ("full name unanswered", lambda: full_name_unanswered(question, said)),
                ("event unmentioned", lambda: event_unmentioned(question, self._documents_text(cited))),
                ("owner unmentioned", lambda: counted_owner_unmentioned(question, with_openings)),
                ("count of another body", lambda: kind == "number" and count_of_another_body(question, shown[0].text)),
                ("pair unmentioned", lambda: pair_unmentioned(question, with_titles)),
                ("replaced", lambda: replaced_in_passages(question, with_openings, said)),
                ("speaker unmentioned",
                 lambda: speaker_unmentioned(question, with_titles if speaker is None else speaker)),
                ("another speaker", lambda: speaker is not None
                 and another_speaker(question, speaker, self._speakers(shown[0], citable))),
                ("premise denied", lambda: premise_denied(question, " ".join(p.text for p in passages))),
                ("qualifier unanswered",
                 lambda: qualifier_unanswered(question, said, with_titles, self.index.lexical.vocabulary)),
            )
            if answered:
                refused_by = next((name for name, check in checks if check()), None)
                answered = refused_by is None
        # "Kapan pajak karbon mulai diterapkan di Malaysia?" over documents that never mention Malaysia: no answer, and
        # whatever else made tanya abstain, the note says what the documents lack.
        unmentioned = self._unmentioned_name(question, shown) if language == "id" else None
        if unmentioned is None and own_terms:
            unmentioned = self._named_instead_unmentioned(question)
        checks_passed = answered and unmentioned is None
        if unmentioned is not None and refused_by is None:
            refused_by = "name unmentioned"
        if confidence < self.settings.abstain_below:
            answered = False
            refused_by = refused_by or "low confidence"
            if shown and language == "id":  # the note names what the documents lack, as when nothing is shown
                unmentioned = self._unmentioned_name(question, [])
        timings["total"] = (time.perf_counter() - started) * 1000
        if not answered or unmentioned is not None:
            if unmentioned is not None:
                notes = [*notes, NOT_MENTIONED.format(name=unmentioned)]
            elif confidence >= self.settings.abstain_below:  # close passages were found: say why they do not answer
                notes = [*notes, CLOSE_BUT_UNANSWERED[language]]
            return Answer(question, ABSTAIN_MESSAGE[language], True, [], [], timings, notes, passages, confidence,
                          checks_passed=checks_passed, refused_by=refused_by)
        notes = [*notes, *self._disagreements(shown, citable, passages, language)]
        return Answer(question, text, False, citable, shown, timings, notes, passages, confidence)

    def _opening(self, passage: Passage) -> str:
        """The first lines of `passage`'s document, which say what all of it is about ("LAPORAN KINERJA … / PEMERINTAH
        KABUPATEN SUNGAI LEMAU / TAHUN 2023" over a table of its stunting figures)."""
        document = self.index.documents.get(passage.doc_id)
        return "" if document is None else document.text[:OPENING_CHARS]

    def _byline_passage(self, passages: list[Passage]) -> list[Passage]:
        """The chunk of the best passage's document that says who wrote it ("Demikian kajian dari …" at its end),
        when no retrieved passage holds it: numbered after them, `score` 0 (it was not retrieved), and as close to
        the question as the best passage (its dense score)."""
        best = passages[0]
        retrieved = {p.chunk_id for p in passages}
        for chunk in self.index.chunks:
            if chunk.doc_id != best.doc_id or chunk.chunk_id in retrieved:
                continue
            spans, _ = self.index.sentences_of(self.index.row_of[chunk.chunk_id])
            if any(_BYLINE.match(chunk.text[start:end]) for start, end in spans):
                return [Passage(len(passages) + 1, chunk.source, chunk.title, chunk.chunk_id, chunk.doc_id, chunk.start,
                                chunk.end, chunk.text, 0.0, best.dense_score, 0.0)]
        return []

    def _titles(self, passages: list[Passage]) -> str:
        """The titles of the passages' documents ("TRANSKRIP DEBAT PUBLIK KEDUA" says which debate all of it is)."""
        titles = {self.index.documents[p.doc_id].title for p in passages if p.doc_id in self.index.documents}
        return " ".join(sorted(t for t in titles if t))

    def _with_titles(self, passages: list[Passage]) -> str:
        """The passages' text with their documents' titles."""
        return " ".join([*(p.text for p in passages), self._titles(passages)])

    def truecased(self, question: str) -> str:
        """An Indonesian `question` with the names it types in lower case written as the documents write them."""
        return truecased(question, self._cased_forms) if question_language(question) == "id" else question

    @functools.cached_property
    def _cased_forms(self) -> CasedForms:
        """The words the indexed documents write as names (read once, at the first question typed in lower case)."""
        return cased_forms(f"{d.title}\n{d.text}" for d in self.index.documents.values())

    def _documents_text(self, passages: list[Passage]) -> str:
        """The whole text of the passages' documents: an accident report tells that the hand was caught
        ("terjepit") in one paragraph and why in another."""
        return " ".join(self.index.documents[doc_id].text for doc_id in dict.fromkeys(p.doc_id for p in passages)
                        if doc_id in self.index.documents)

    def _document_text(self, sentence: CitedSentence, passages: list[Passage]) -> str:
        """The title and text of the document `sentence` is cited from (its passage's, when the index lacks it)."""
        return " ".join(self._title_and_text(sentence, passages))

    def _title_and_text(self, sentence: CitedSentence, passages: list[Passage]) -> tuple[str, str]:
        """The title and the text of the document `sentence` is cited from (its passage's, when the index lacks it)."""
        passage, document = self._passage_and_document(sentence, passages)
        return (passage.title, passage.text) if document is None else (document.title, document.text)

    def _with_openings(self, passages: list[Passage]) -> str:
        """The passages' text with their documents' titles and openings: a school's announcement names the school in
        its letterhead, not in its calendar."""
        return " ".join([self._with_titles(passages), *dict.fromkeys(map(self._opening, passages))])

    def _passage_and_document(self, sentence: CitedSentence, passages: list[Passage]
                              ) -> tuple[Passage, Document | None]:
        """The passage `sentence` is cited from, and that passage's document (None when the index lacks it)."""
        passage = next(p for p in passages if p.n == sentence.n)
        return passage, self.index.documents.get(passage.doc_id)

    def _speaker(self, sentence: CitedSentence, passages: list[Passage]) -> str | None:
        """Who says `sentence`, when its document is a transcript (speaker lines over each turn)."""
        passage, document = self._passage_and_document(sentence, passages)
        return speaker_at(document.text, passage.start + sentence.start) if document is not None else None

    def _speakers(self, sentence: CitedSentence, passages: list[Passage]) -> list[str]:
        """Everyone who speaks in `sentence`'s document, a transcript, as their speaker lines name them."""
        _, document = self._passage_and_document(sentence, passages)
        return [] if document is None else [speaker for _, _, speaker in speaker_lines(document.text)]

    def _lead_date(self, sentence: CitedSentence, passages: list[Passage], question: str) -> str | None:
        """The date line of `sentence`'s document when the sentence is in the document's lead (its first paragraph
        after the title) and the date line answers `question` ("Tahun berapa …?" needs a year)."""
        passage, document = self._passage_and_document(sentence, passages)
        date = document.meta.get("date") if document is not None else None
        if not date or not matches_type(date, "date", question):
            return None
        return date if _in_lead(document.text, document.title, passage.start + sentence.start) else None

    def _unmentioned_name(self, question: str, shown: list[CitedSentence]) -> str | None:
        """A name the question uses that no indexed document mentions, not even spelt a little differently, when the
        answer holds none of the question's other names, or a full name of two words or more, not a place, that none
        mentions: the documents cannot say what is asked about it ("… di Malaysia?" over documents on Indonesia's
        carbon tax). A question that also names what the answer is about
        ("… penguasa Taliban di Kabul?" answered by a sentence on the Taliban) is answered. `shown` is empty when tanya
        abstains anyway: the name is still worth a note."""
        question = question.strip()
        # A place asked of by its kind that no document mentions ("Berapa anggaran DPUPR Kota Tegal …?" over documents
        # on Kota Pekalongan): whatever else the answer names, it is another place's.
        for place in KIND_PLACE.finditer(question):
            if not any(self._known_word(w) for w in WORD.findall(place.group(2).lower())):
                return place.group(0)
        names, unknown = [], []
        leading = leading_name(question)  # "Kawasaki dapat nilai berapa …?": the first word is read too
        groups = [(m.group(0), m.start()) for m in _NAME_GROUP.finditer(question)
                  if not (leading and m.start() < len(leading))]  # (the rest of the leading name)
        for group, start in [(leading, 0), *groups] if leading else groups:
            words = group.split()
            known = [any(self._known_word(w) for w in WORD.findall(word.lower())) for word in words]
            names.append(group)
            if not any(known):
                unknown.append(group)
            # A full name nobody mentions: "Presiden Tajikistan Emomali Rahmon" is not answered by what the documents
            # say of Uzbekistan's president, whatever else the answer names. A place is a detail ("Siapa pengamat …
            # yang berbicara di Jakarta Convention Center?" may be answered by the one the documents name).
            if _PLACE_BEFORE.search(question[:start]):
                continue
            run: list[str] = []
            for word, is_known in [*zip(words, known), ("", True)]:
                if run and 0 < len(word) <= 3:  # "Sri" of "Sri Mulyani": too short to look for, part of the name
                    run.append(word)
                elif word and not is_known:
                    run.append(word)
                elif sum(len(w) > 3 for w in run) >= 2:
                    return " ".join(run)
                else:
                    run = []
        if not unknown:
            return None
        answer = " ".join(c.text for c in shown).lower()
        if any(all(w in answer for w in WORD.findall(name.lower())) for name in names if name not in unknown):
            return None
        return unknown[0]

    def _named_instead_unmentioned(self, follow_up: str) -> str | None:
        """The last word of what an elliptical follow-up names ("porter" of "Kalau biaya sewa porter?") when no
        document holds it: the follow-up asks the previous question of something the documents never mention, and its
        answer would be about the rest ("biaya kemah")."""
        named = elliptical_named(follow_up)
        words = [w for w in WORD.findall(named or "") if w.isalpha() and len(w) > 3 and tokenize(w)]
        return words[-1] if words and not self._known_word(words[-1].lower()) else None

    def _known_word(self, word: str) -> bool:
        """Whether an index holds `word` (stemmed), or a word spelt within `SIMILAR_SPELLING` of it."""
        stems = tokenize(word)
        if len(word) <= 3 or word.isdigit() or not stems:
            return True  # "NTT", "2025", a stopword: no name to look for
        vocabulary = self.index.lexical.vocabulary
        full = full_name(word)
        if full is not None:  # "Kaltim": itself, or "Kalimantan Timur" written out (not "Jawa Barat" and "Kaltim")
            return stems[0] in vocabulary or self._mentions(full)
        if any(stem in vocabulary for stem in stems):
            return True
        stem = stems[0]
        similar = [w for w in self._words_by_initial.get(stem[0], ()) if abs(len(w) - len(stem)) <= 2]
        return bool(difflib.get_close_matches(stem, similar, n=1, cutoff=SIMILAR_SPELLING))

    def _mentions(self, phrase: str) -> bool:
        """Whether an indexed document writes `phrase` ("Kalimantan Timur"), any case and spacing (each phrase looked
        for once per index: a new index gets a new answerer)."""
        if phrase not in self._mentioned:
            pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.I)
            self._mentioned[phrase] = any(pattern.search(d.text) for d in self.index.documents.values())
        return self._mentioned[phrase]

    @functools.cached_property
    def _words_by_initial(self) -> dict[str, list[str]]:
        """The index's tokens by their first character (read once, when a question first names an unknown word)."""
        words: dict[str, list[str]] = {}
        for token in self.index.lexical.vocabulary:
            if token:
                words.setdefault(token[0], []).append(token)
        return words

    def _disagreements(self, shown: list[CitedSentence], citable: list[Passage], retrieved: list[Passage],
                       language: str) -> list[str]:
        """A note for each figure of the answer that another retrieved document gives differently in the same
        words: two reports of one flood, "Sebanyak 5.200 warga …" and "Sebanyak 4.000 warga …", are not hidden."""
        by_n = {p.n: p for p in citable}
        counted = [s for s in shown if NUMBER.search(s.text)]
        if not counted:
            return []
        # (document, source, text, words without figures, names) of each sentence with a figure, read once.
        candidates = []
        for other in retrieved:
            for start, end in self.index.sentences_of(self.index.row_of[other.chunk_id])[0]:
                text = other.text[start:end]
                if NUMBER.search(text):
                    candidates.append((other.doc_id, other.source, text, _words_beside_figures(text),
                                       set(NAME_WORD.findall(text))))
        notes: list[str] = []
        for sentence in counted:
            figures, words = set(NUMBER.findall(sentence.text)), _words_beside_figures(sentence.text)
            names = set(NAME_WORD.findall(sentence.text))
            for doc_id, source, text, their_words, their_names in candidates:
                if (doc_id == by_n[sentence.n].doc_id or _digits(text) == _digits(sentence.text)  # "2, 5" is "2,5"
                        or len(words & their_words) < SAME_WORDING * len(words | their_words) or their_names != names):
                    continue  # the same document, the same figures, other words, or about something else by name
                theirs = set(NUMBER.findall(text))
                note = DISAGREEMENT[language].format(figures=", ".join(sorted(theirs - figures) or sorted(theirs)),
                                                     source=source)
                if note not in notes:
                    notes.append(note)
        return notes

    def _score_sentences(self, query: str, query_vector: np.ndarray, passages: list[Passage],
                         own_terms: frozenset[str] = frozenset(), own_vector: np.ndarray | None = None
                         ) -> tuple[list[CitedSentence], float]:
        """The candidate sentences scored for selection, best first, and the best score for confidence.

        `own_terms` are a follow-up's own content terms (stemmed): a sentence without any of them answers the question
        before it, not the follow-up. Sentence vectors were stored at ingest: nothing is encoded here.
        """
        s = self.settings
        query_terms = set(tokenize(query))
        query_words = {stem(w) for w in WORD.findall(query.lower())}
        # A table row is told from its neighbours by the names and the numbers the question uses ("… pada 19 Juli
        # 2025?": the row of the 19th, not of the 14th).
        query_names = {m.group(0).lower() for m in ENTITY.finditer(query)} | set(re.findall(r"\b\d+\b", query))
        kind = expected_type(query)
        # A count in the unit asked for; of people, not a measured amount.
        measured = kind == "number" and (asked_units(query) is not None or COUNTS_PEOPLE.search(query) is not None)
        counted = COUNTED.search(query) if kind == "number" else None
        # "Berapa kios …?": a count followed by "kios" ("3.200 kios"), not "ribuan pedagang".
        counted_here = (re.compile(rf"{COUNT}\s+(?:\w+\s+)?{re.escape(counted.group(1))}\b", re.I)
                        if counted and counted.group(1).lower() not in ("yang", "lama", "besar", "banyak") else None)
        asked_most = superlatives(query)
        best_dense = max((p.dense_score for p in passages[: s.select.passages]), default=0.0)
        author_asked = kind == "name" and AUTHOR_ASKED.search(query) is not None
        scored, best_support = [], -1.0
        near_only: set[int] = set()  # indexes in `scored` of the sentences of passages past the first few
        read = max(s.select.passages, s.confidence.passages)
        asked_terms = own_terms or query_terms  # a follow-up's sentence is judged by what the follow-up asks
        for passage in passages:  # past the first `read`, only a form field the question names (below)
            spans, vectors = self.index.sentences_of(self.index.row_of[passage.chunk_id])
            # Which sentence answers is told by the terms its document's title does not already give: of "Berapa harga
            # Paket Kedai waralaba Ayam Geprek Mbok Sri?" in the franchise's brochure, "harga Paket Kedai".
            told = asked_terms - set(tokenize(passage.title)) or asked_terms
            # A passage past the first few offers its sentences when it matches the question nearly as well
            near_passage = (s.select.passages < passage.n <= s.near_passages
                            and passage.dense_score >= best_dense - s.near_margin)
            similarity = vectors @ query_vector if len(spans) else []
            if own_vector is not None and len(spans):  # a follow-up's sentence may match the follow-up alone
                similarity = np.maximum(similarity, vectors @ own_vector)
            previous: tuple[int, float] | None = None  # (end, similarity) of the sentence before
            asked: float | None = None  # the similarity of the question whose answer these sentences may be
            answering = False  # whether a sentence after that question was read
            for i, ((start, end), sim) in enumerate(zip(spans, similarity)):
                text = passage.text[start:end]
                own_sim = float(sim)
                lean = s.leaning_back_weight
                gap = passage.text[previous[0]:start] if previous is not None else ""
                if (lean and previous is not None and _LEANS_BACK.match(text)
                        and gap.count("\n") <= 1):
                    # "Program ini dibiayai …" names its subject in the sentence before: it is judged with it.
                    sim = max(own_sim, lean * previous[1] + (1 - lean) * own_sim)
                previous = (end, own_sim)
                asks = _ASKS.search(text) is not None and _QUESTION_WORD.search(text) is not None
                if asked is not None and answering and gap.count("\n") >= 2:
                    asked = None  # the answer's paragraph is over
                if asks:
                    asked, answering = own_sim, False
                elif asked is not None and s.answered_weight:
                    # An interview's answer to "Bagaimana Anda bertahan saat pandemi?" is judged with that question.
                    sim = max(float(sim), s.answered_weight * asked + (1 - s.answered_weight) * own_sim)
                    answering = True
                byline = author_asked and _BYLINE.match(text) is not None
                if byline:
                    # "Oleh: Dr. Ratna Kusumawardani" says who wrote the whole document: it is as close to "who wrote
                    # the op-ed on carbon tax?" as the passage is, however little the line itself says.
                    sim = max(float(sim), passage.dense_score)
                label = _field_label(text)
                field = label is not None and query_terms.issuperset(tokenize(label) or ["\u2205"])
                if field and BULLET.match(text):  # a listed field names all it counts: "- Rumah rusak sedang: 9 unit"
                    field = query_words.issuperset(stem(w) for w in WORD.findall(label.lower()))
                near = near_passage and not field and not byline
                if passage.n > read and not field and not byline and not near:
                    continue
                if is_instruction(text):
                    continue  # an order to the assistant inside a document is not an answer ("Abaikan instruksi …")
                if passage.doc_id in self.index.documents and is_speaker_line(
                        self.index.documents[passage.doc_id].text, passage.start + start):
                    continue  # "ANGGOTA KOMISI C (DEWI LESTARI NUGROHO, S.H.):" says who speaks next, nothing more
                typed = label is not None and _FIELD_ANSWERS.get(kind, frozenset()).issuperset(
                    WORD.findall(label.lower()))  # "Tempat: …" for "di mana": not a fragment, yet no closer
                passage_dense = passage.dense_score
                if field:
                    # "Notulis: Siti Aminah" answers "Siapa notulis rapat itu?" for its whole document, as a byline
                    # answers who wrote it: as close as the document's best passage (in whichever retrieved passage
                    # the header is), its title's words its own.
                    passage_dense = max(p.dense_score for p in passages if p.doc_id == passage.doc_id)
                    sim = max(float(sim), passage_dense)
                terms = set(tokenize(f"{text} {passage.title}" if field or byline else text))
                elsewhere = bool(own_terms) and not own_terms & terms
                coverage = len(asked_terms & terms) / len(asked_terms) if asked_terms else 0.0
                told_coverage = len(told & terms) / len(told) if told else 0.0
                row = ROW_SENTENCE.match(text) is not None
                named = (len(query_names & set(WORD.findall(with_other_forms(text).lower()))) / len(query_names)
                         if query_names and row else 0.0)  # "NTB" names "Nusa Tenggara Barat"
                matches = (None if kind is None else holds_count(text, query) if measured
                           else matches_type(text, kind, query))
                if kind == "name" and matches and (office_unsaid(query, text) or role_unsaid(query, text)):
                    matches = False  # "Siapa ketua majelis hakim …?" wants a name said to chair, not the one sentenced
                counts_it = counted_here is not None and counted_here.search(text) is not None
                to_the_day = kind == "date" and TO_THE_DAY.search(text) is not None
                most = bool(asked_most) and bool(asked_most & superlatives(text))
                dated_otherwise = another_year_of_the_name(query, text)
                # (a reason may well tell of another phase; a sentence pointing back is about the one before it)
                ordinal_otherwise = (kind in ("date", "number", "name", "place") and not _LEANS_BACK.match(text)
                                     and another_ordinal(query, text))
                lead = kind == "list" and _leads_into_list(passage.text, spans, i)
                if lead:
                    matches = True  # "Hambatan Utama" above "1. Harga awal …": the list is the answer
                if kind in ("definition", "called", "reason", "purpose", "quote") and not matches:
                    # many sentences describe a thing without defining it, or report a statement without quoting it:
                    # only a match counts, for the better, and no other sentence is held against it
                    matches = None
                shared = 0.0
                if len(text) < 30 and not byline and not lead and not field and not typed:
                    shared -= 0.1  # fragments rarely answer
                # The title is shown with its passage and answers nothing; it still shows the right place was found.
                is_title = bool(passage.title) and text.strip() == passage.title.strip()
                if _is_heading(text) and not byline and not lead and not field and not typed:
                    shared -= s.heading_penalty  # a line without a full stop is a heading or a caption

                def score(w: SentenceWeights) -> float:
                    value = (float(sim) + w.coverage * (told_coverage if w is s.select else coverage)
                             + w.table_names * named + w.rank / passage.n + shared
                             + w.counted * counts_it + w.date_detail * to_the_day + w.superlative * most
                             - w.other_year * dated_otherwise - w.other_ordinal * ordinal_otherwise
                             + w.passage_score * (passage_dense - best_dense))
                    if matches is not None and (kind not in ("called", "reason", "purpose") or w is s.select):
                        value += w.type_bonus if matches else -w.type_penalty
                    return value

                if (passage.n <= s.confidence.passages or field or byline) and not elsewhere:
                    best_support = max(best_support, score(s.confidence))
                if passage.n <= s.select.passages or field or byline or near:
                    if near:
                        near_only.add(len(scored))
                    penalty = s.title_penalty if is_title else 0.0
                    if elsewhere:
                        penalty += s.follow_up_penalty
                    if _ANNOUNCEMENT.match(text):
                        penalty += s.announcement_penalty
                    if row and another_day(query, text):
                        penalty += s.other_day_row_penalty
                    if asks:
                        penalty += s.question_penalty
                    scored.append(CitedSentence(text, passage.n, start, end, score(s.select) - penalty))
        # A sentence of a passage past the first few answers only as the best one: not as a second sentence beside it
        order = sorted(range(len(scored)), key=lambda i: scored[i].score, reverse=True)
        return [scored[i] for rank, i in enumerate(order) if rank == 0 or i not in near_only], best_support

    def _unknown_entity_penalty(self, question: str, language: str, passages: list[Passage]) -> float:
        """Names in an Indonesian question that no indexed passage contains suggest the answer is not here, unless
        a passage matches the question closely anyway."""
        if language != "id" or (passages and passages[0].dense_score >= self.settings.unknown_entity_below):
            return 0.0
        vocabulary = self.index.lexical.vocabulary
        unknown = 0
        for match in ENTITY.finditer(question):
            tokens = tokenize(match.group(0))
            if tokens and not any(t in vocabulary for t in tokens):
                unknown += 1
        return min(unknown, 2) * self.settings.unknown_entity_penalty

    def _compose(self, chosen: list[CitedSentence], passages: list[Passage], list_asked: bool = False
                 ) -> tuple[list[CitedSentence], str, list[Passage]]:
        """The cited sentences, the answer text and the passages it may cite.

        A sentence that leads into a list ("…antara lain:") brings the items' heads along (and, when it is the best
        sentence or the question asks for a list, is the whole answer), and an item already listed is not repeated.
        Items past the lead's passage come from the document's next chunks, which join the citable passages (numbered
        after the retrieved ones).
        """
        passages = list(passages)
        most = len(passages) + MAX_EXTRA_PASSAGES
        lead = self._lead_of_item(chosen[0], passages) if list_asked else None
        if lead is not None:  # "Bagaimana langkah-langkah …?" best matched by step 4: the steps are the answer
            chosen = [lead]
        kept: list[CitedSentence] = []
        lists: list[tuple[list[CitedSentence], bool]] = []
        for sentence in chosen:
            if lists and lists[0][0]:
                break  # the best sentence leads into a list: the list is the answer
            if not any(sentence.n == i.n and sentence.start <= i.start <= sentence.end
                       for items, _ in lists for i in items):
                kept.append(sentence)
                lists.append(self._list_items(sentence, passages, most, prose=list_asked))
        if list_asked and not lists[0][0] and any(items for items, _ in lists[1:]):
            # "Apa saja hambatan …?": the second sentence leads into the list (the first is one of its items, or a
            # sentence beside the point): the list is the answer.
            lead = next(i for i, (items, _) in enumerate(lists) if items)
            kept, lists = [kept[lead]], [lists[lead]]
        # Each sentence may take what the others leave of MAX_ANSWER_CHARS (of MAX_JOINED_CHARS with the sentence it
        # points back to), and at least an equal share.
        limit = MAX_JOINED_CHARS if any(sentence.joined for sentence in kept) else MAX_ANSWER_CHARS
        text = " ".join(_cite(sentence, items, goes_on,
                              max(limit // len(kept),
                                  limit - sum(len(other.text) + 4 for other in kept if other is not sentence)))
                        for sentence, (items, goes_on) in _reading_order(list(zip(kept, lists)), passages))
        return [c for sentence, (items, _) in zip(kept, lists) for c in (sentence, *items)], text, passages

    def _with_lead(self, sentence: CitedSentence, passages: list[Passage]) -> str:
        """`sentence`'s text after the line that leads into its list, if it is a list item: "Pasar Johar, Semarang: Rp
        14.000 per kg" is dated by "Berikut harga … pada Jumat (16/2/2024):"."""
        found = self._lead_line(sentence, passages)
        return sentence.text if found is None else f"{found[1][found[2]:found[3]]} {sentence.text}"

    def _lead_line(self, sentence: CitedSentence, passages: list[Passage]
                   ) -> tuple[Passage, str, int, int] | None:
        """(`sentence`'s passage, its document's text, where in it the line that leads into the numbered or bulleted
        list `sentence` is an item of starts and ends), or None when `sentence` is no item, or its list has no lead."""
        passage = next(p for p in passages if p.n == sentence.n)
        document = self.index.documents[passage.doc_id].text
        start = passage.start + sentence.start
        if not BULLET.match(sentence.text) or (start and document[start - 1] != "\n"):
            return None
        line_end = start - 1
        while line_end > 0:
            line_start = document.rfind("\n", 0, line_end) + 1
            line = document[line_start:line_end]
            if not line.strip():
                return None  # a blank line above the items: no lead
            if not BULLET.match(line):
                if not _may_lead(line.strip()):
                    return None
                break
            line_end = line_start - 1
        else:
            return None
        return passage, document, line_start + len(line) - len(line.lstrip()), line_start + len(line.rstrip())

    def _lead_of_item(self, sentence: CitedSentence, passages: list[Passage]) -> CitedSentence | None:
        """The line that leads into the numbered or bulleted list `sentence` is an item of ("Cara Memasak Nasi" over
        "1. Takar beras …"), as a sentence of the chunk that holds it; `passages` gains that chunk's passage when it
        was not retrieved. None when `sentence` is no item, or its list has no lead."""
        found = self._lead_line(sentence, passages)
        if found is None:
            return None
        passage, document, first, last = found
        row = self.index.row_of[passage.chunk_id]
        while row >= 0 and self.index.chunks[row].doc_id == passage.doc_id:
            chunk = self.index.chunks[row]
            if chunk.start <= first and last <= chunk.end:
                source = _passage_of(chunk, passages)
                if source not in passages:
                    passages.append(source)
                return CitedSentence(document[first:last], source.n, first - chunk.start, last - chunk.start,
                                     sentence.score)
            row -= 1
        return None

    def _list_items(self, lead: CitedSentence, passages: list[Passage], most: int, prose: bool = False
                    ) -> tuple[list[CitedSentence], bool]:
        """The list items that follow `lead` when it introduces a list (ends with ':', or is a heading; with `prose`,
        also any sentence followed by a prose list, "Pertama, … Kedua, …", one item per sentence within the
        paragraph), and whether the list goes on past the last item read (at most `MAX_LIST_ITEMS`).

        Each item is cited by its head (`_list_item`); offsets point into the item's passage. An item's further
        sentences belong to it; the list ends at the first line that is not an item with the first item's marker
        ("- " vs "4. Heading:").
        Items in the document's next chunks are read from those chunks; `passages` gains the ones not there yet,
        up to `most` passages in all.
        """
        leads = _may_lead(lead.text)  # else only a prose list may follow ("… tiga langkah. Pertama, …")
        passage = next((p for p in passages if p.n == lead.n), None)
        if passage is None or not (leads or prose and _FIRST_ORDINAL.match(passage.text[lead.end:].lstrip())):
            return [], False
        row = self.index.row_of[passage.chunk_id]
        items: list[CitedSentence] = []
        marker = None
        last_heading = False  # whether the last sentence read has no full stop
        read_to = passage.start + lead.end  # document offset up to which the list has been read
        document = self.index.documents[passage.doc_id].text
        while row < len(self.index.chunks) and self.index.chunks[row].doc_id == passage.doc_id:
            chunk = self.index.chunks[row]
            source = _passage_of(chunk, passages)
            if source not in passages and len(passages) >= most:
                return items, True  # the list may go on, in a chunk too many to add
            for start, end in self.index.sentences_of(row)[0]:
                if chunk.start + start < read_to:
                    continue  # before the lead, the lead itself, or shared with the chunk before
                gap, read_to = document[read_to:chunk.start + start], chunk.start + end
                heading, previous_heading = _is_heading(chunk.text[start:end]), last_heading
                last_heading = heading
                line_start = chunk.start + start == 0 or document[chunk.start + start - 1] == "\n"
                ordinal = (_ORDINAL_ITEM if items else _FIRST_ORDINAL).match(chunk.text, start, end)
                if ordinal and marker in (None, "ordinal"):
                    # "Pertama, memasukkan sagu …": the item is the sentence after its ordinal.
                    item = ("ordinal", ordinal.end(), start + len(chunk.text[start:end].rstrip(" .")))
                elif marker == "ordinal":
                    if "\n" in gap:
                        return items, False  # the paragraph of the prose list ends
                    continue  # an item's further sentence
                else:
                    if not leads:
                        return items, False
                    if items and (not line_start or chunk.text[start].islower()):
                        continue  # an item's next sentence, or its hard-wrapped rest: still the same item
                    if items and "\n\n" in gap and heading and not previous_heading:
                        return items, False  # "6. Penutup" past a blank line after items with full stops: a heading
                    item = _list_item(chunk.text, start, end, line_start)
                    if item is None or (marker is not None and item[0] != marker):
                        return items, False  # the list ends
                    if _field_not_item(lead.text, item, chunk.text[start:end]):
                        return items, False  # "Notulis: Siti Aminah" under a minutes' title
                if len(items) == MAX_LIST_ITEMS:
                    return items, True
                marker, head_start, head_end = item
                if source not in passages:
                    passages.append(source)
                items.append(CitedSentence(chunk.text[head_start:head_end], source.n, head_start, head_end, lead.score))
            row += 1
        return items, False

    def _with_antecedent(self, chosen: list[CitedSentence], passages: list[Passage], refers_back: bool = False
                         ) -> tuple[list[CitedSentence], list[Passage]]:
        """The best sentence joined with the one before it when it points back to it ("Sebagai bagian dari rencana
        ini, …" names the plan only in the sentence before) or the caller says the question needs it (`refers_back`:
        "Oleh karena itu, …" for a why-question, the reason being before), if both fit the answer, and the passages
        to cite.

        The two are one span of a chunk that holds both: the best sentence's own, or the chunk before (chunks share
        a sentence at their seams), which joins the citable passages when it was not retrieved.
        """
        best = chosen[0]
        if (not (_LEANS_BACK.match(best.text) or refers_back)
                or best.text.rstrip().endswith(":")):
            return chosen, passages  # a list's lead is answered by its items
        by_n = {p.n: p for p in passages}
        own = by_n[best.n]
        start, end = own.start + best.start, own.start + best.end  # document offsets
        row = self.index.row_of[own.chunk_id]
        for r in (row, row - 1):
            chunk = self.index.chunks[r] if r >= 0 else None
            if chunk is None or chunk.doc_id != own.doc_id or not chunk.start <= start < end <= chunk.end:
                continue
            before = [span for span in self.index.sentences_of(r)[0] if chunk.start + span[1] <= start]
            if not before:
                continue
            first, last = before[-1]
            antecedent = chunk.text[first:last]
            gap = self.index.documents[own.doc_id].text[chunk.start + last:start]
            if (_is_heading(antecedent) or gap.count("\n") > 1 or is_instruction(antecedent)
                    or _ANNOUNCEMENT.match(antecedent)):
                break  # a title, heading or list lead; another section; an order to the assistant; an announcement
            passage = own if r == row else _passage_of(chunk, passages)
            joined = CitedSentence(chunk.text[first:end - chunk.start], passage.n, first, end - chunk.start, best.score,
                                   joined=True)
            rest = [c for c in chosen[1:]
                    if not (by_n[c.n].doc_id == own.doc_id and by_n[c.n].start + c.start < end
                            and chunk.start + first < by_n[c.n].start + c.end)]
            if len(joined.text) + sum(len(c.text) for c in rest) > MAX_ANSWER_CHARS:
                rest = []  # what the best sentence refers to matters more than a second sentence
            if len(joined.text) > MAX_JOINED_CHARS:
                break
            return [joined, *rest], passages if passage in passages else [*passages, passage]
        return chosen, passages

    def _with_signed_name(self, chosen: list[CitedSentence], passages: list[Passage]) -> list[CitedSentence]:
        """The best sentence with the name under it when it is a signature's office line ("Ketua Pokja Pemilihan 3,"
        over "Rina Puspitasari, S.T."): the office says nothing without who signed as it."""
        best = chosen[0]
        if _SIGNATURE_OFFICE.match(best.text) is None:
            return chosen
        passage = next(p for p in passages if p.n == best.n)
        spans, _ = self.index.sentences_of(self.index.row_of[passage.chunk_id])
        after = [(start, end) for start, end in spans if start >= best.end]
        if not after:
            return chosen
        start, end = after[0]
        gap, name = passage.text[best.end:start], passage.text[start:end]
        if gap.strip() or gap.count("\n") > 3 or _SIGNED_NAME.match(name) is None:
            return chosen
        signed = CitedSentence(passage.text[best.start:end], best.n, best.start, end, best.score, joined=True)
        return [signed, *(c for c in chosen[1:] if not (c.n == best.n and c.start < end and best.start < c.end))]

    def _choose(self, scored: list[CitedSentence], asked_terms: set[str], question: str = "",
                documents: dict[int, str] | None = None) -> list[CitedSentence]:
        """The best sentence, and a second one close to it. For a how-many question whose best sentence holds no
        count, a sentence of the same document (`documents`: each passage's document, by number) that holds the count
        asked for comes first and may be further (`counted_margin`): "… sehingga pada 31 Desember 2024 jumlah anggota
        menjadi 441 orang" under a sentence that only restates the question's date (not another document's count:
        "Jember memiliki luas 3.293,34 Km2" under a sentence on Jamaica)."""
        best = scored[0]
        chosen = [best]
        documents = documents or {}
        lacks_count = expected_type(question) == "number" and not answers_how_many([best], question)
        counts = {id(other): lacks_count and documents.get(other.n) == documents.get(best.n)
                  and answers_how_many([best, other], question) for other in scored[1:3]}
        for other in sorted(scored[1:3], key=lambda o: not counts[id(o)]):  # "PT SARANA AGRO LESTARI Tbk" comes after
            margin = self.settings.counted_margin if counts[id(other)] else self.settings.second_sentence_margin
            close = best.score - other.score <= margin
            fits = len(best.text) + len(other.text) <= MAX_ANSWER_CHARS
            overlapping = other.n == best.n and other.start < best.end and best.start < other.end
            if (close and fits and not overlapping and other.text != best.text
                    and not _another_row(best.text, other.text, asked_terms)):
                chosen.append(other)
                break
        return chosen


NEAR_CHARS = 600
"""Two answer sentences of one document at most this far apart may be read in the document's order (below)."""
# A sentence that goes on from the one before it ("Namun, …", "Meski …", "Mereka …").
_GOES_ON = re.compile(r"\W*(?:namun|tetapi|akan tetapi|sayangnya|demikian|bahkan|selain itu|oleh karena itu|karena itu"
                      r"|meski(?:pun)?|sementara itu|walaupun|ia|dia|beliau|mereka|but|however|yet|they|he|she)\b", re.I)
_QUOTE_MARKS = "\"“”'‘"

_WithItems = tuple[CitedSentence, tuple[list[CitedSentence], bool]]  # a sentence, its list items and whether it goes on


def _reading_order(pairs: list[_WithItems], passages: list[Passage]) -> list[_WithItems]:
    """Two sentences without list items, the better first, unless the other comes shortly before it in the same
    document and the better one goes on from it ("Namun, …") or names who said it (a quote before its speaker): then
    in the document's order. Otherwise the answer leads with the better sentence ("Kapan …?" with its date)."""
    if len(pairs) != 2 or any(items for _, (items, _) in pairs):
        return pairs
    by_n = {p.n: p for p in passages}
    (best, _), (other, _) = pairs
    a, b = by_n.get(best.n), by_n.get(other.n)
    if a is None or b is None or a.doc_id != b.doc_id:
        return pairs
    best_start, other_start = a.start + best.start, b.start + other.start
    before = other_start < best_start and best_start - other_start <= NEAR_CHARS + len(other.text)
    leans = _GOES_ON.match(best.text) is not None or other.text.lstrip().startswith(tuple(_QUOTE_MARKS))
    return pairs[::-1] if before and leans else pairs


def _first_copy(sentence: CitedSentence, scored: list[CitedSentence]) -> CitedSentence:
    """The same sentence in the best-ranked passage that holds it: chunks share a sentence at their seams."""
    return min((s for s in scored if s.text == sentence.text), key=lambda s: s.n)


def _with_paragraph_opening(shown: list[CitedSentence], passages: list[Passage]) -> str:
    """The answer's sentences, each read from the start of its paragraph: "Bantuan berupa 10 ton beras …" answers
    "… bantuan tahap kedua?" after "BPBD NTB menyalurkan bantuan tahap kedua …" opened its paragraph."""
    texts = {p.n: p.text for p in passages}
    return " ".join(texts[c.n][texts[c.n].rfind("\n", 0, c.start) + 1:c.end] if c.n in texts else c.text for c in shown)


def _in_lead(text: str, title: str, offset: int) -> bool:
    """Whether `offset` lies in the first paragraph of `text` after its title line: a news story's lead."""
    start = len(title) if title and text.startswith(title) else 0
    start += len(text[start:]) - len(text[start:].lstrip())
    end = text.find("\n\n", start)
    return start <= offset < (len(text) if end < 0 else end)


def _cite(sentence: CitedSentence, items: list[CitedSentence], goes_on: bool, limit: int) -> str:
    """`sentence` (and the list items it leads into) shortened to `limit` characters, then its `[n]`.

    Items from another passage than the sentence's are followed by that passage's `[n]`. A Wikipedia copy's
    reference marks at the end ("…1945.[1]") are left out (next to `[n]` they read as citations), and so is the
    bullet of a list item or the number of a heading chosen as a sentence.
    """
    text = re.sub(r"\s*\n\s*", " ", _REFERENCE_MARKS.sub("", sentence.text))  # a signature's lines read as one
    bullet = BULLET.match(text)  # "- Kerjasama Bilateral: ...", "2. Tren ...:" read without the bullet or number
    text = text[bullet.end():] if bullet else text
    if not items:
        return f"{_shorten(text, limit)} [{sentence.n}]"
    if not text.rstrip().endswith(":"):
        # A heading over its list, or a sentence before a prose list: "Hambatan Utama: Harga awal …; …",
        # "Saya mengusulkan tiga langkah: memasukkan sagu …; …".
        text = text.rstrip().rstrip(".") + ":"
    groups: list[tuple[int, list[str]]] = []
    for item in items:
        head = item.text.rstrip().rstrip(".")  # "… hari libur." joins the next item with "; ", not ".;"
        if groups and groups[-1][0] == item.n:
            groups[-1][1].append(head)
        else:
            groups.append((item.n, [head]))
    ending = "; …" if goes_on else "."
    if len(groups) == 1 and groups[0][0] == sentence.n:
        return f"{_shorten(text + ' ' + '; '.join(groups[0][1]), limit - len(ending))}{ending} [{sentence.n}]"
    cited = [f"{'; '.join(heads)} [{n}]" for n, heads in groups]
    if groups[0][0] != sentence.n:
        cited[0] = f"[{sentence.n}] {cited[0]}"
    listed = "; ".join(cited)
    return f"{_shorten(text, max(limit - len(listed) - len(ending) - 1, 80))} {listed}{ending}"


def _passage_of(chunk, passages: list[Passage]) -> Passage:
    """The passage showing `chunk`: a retrieved one, or a new one numbered after the last (score 0: not retrieved)."""
    for passage in passages:
        if passage.chunk_id == chunk.chunk_id:
            return passage
    return Passage(len(passages) + 1, chunk.source, chunk.title, chunk.chunk_id, chunk.doc_id, chunk.start, chunk.end,
                   chunk.text, 0.0, 0.0, 0.0)


def _list_item(text: str, start: int, end: int, line_start: bool) -> tuple[str, int, int] | None:
    """The sentence `text[start:end]` as a list item: (its marker kind, where its head starts and ends), or None.

    "- Pendanaan: Kurangnya ..." has head "Pendanaan"; an item without a short head is its own head; a line
    "Hambatan Politik dan Birokrasi: Perbedaan ..." is an item without a bullet (marker kind ":").
    """
    bullet = BULLET.match(text, start, end)
    if bullet is None:
        head = _HEAD.match(text, start, end)
        if head is None or not line_start:
            return None
        return ":", start, end if _short_value(text, head.end(), end) else head.end()
    head_end = text.find(":", bullet.end(), end)
    if head_end == -1 or head_end - bullet.end() > MAX_ITEM_HEAD_CHARS or _short_value(text, head_end, end):
        head_end = end
    return _marker_kind(bullet), bullet.end(), bullet.end() + len(text[bullet.end():head_end].rstrip(" .;"))


def _short_value(text: str, colon: int, end: int) -> bool:
    """Whether what follows an item's head is a short value that the head alone would lose ("Perbaikan jalan: 41
    suara", "Target 2030: 800 unit"), not a description ("Pendanaan: Kurangnya dana untuk …")."""
    value = text[colon + 1:end].strip(" .;")
    return 0 < len(value) <= SHORT_ITEM_VALUE_CHARS and bool(re.search(r"\d", value))


_ITEM_LABEL = re.compile(rf"{BULLET.pattern}([^:]{{1,60}}):\s")  # "- transfer bank: 5–7 hari kerja;"


def _another_row(best: str, other: str, asked_terms: set[str]) -> bool:
    """Whether `other` is a list item for another case than the question's: "- Saldo Kirana Poin: 1 hari kerja" beside
    "- transfer bank: 5–7 hari kerja" for "kalau bayar pakai transfer bank, refund … berapa lama?". The question
    picks the best item by its label; an item whose label holds fewer of the question's terms answers another case.
    Items the question names alike ("tarif mobil dan motor": "- Mobil: …", "- Motor: …") both stay."""
    labels = [_ITEM_LABEL.match(text) for text in (best, other)]
    if None in labels:
        return False
    own, theirs = (len(asked_terms & set(tokenize(label.group(1)))) for label in labels)
    return theirs < own


def _field_label(sentence: str) -> str | None:
    """The label of a form field ("Notulis" of "Notulis: Siti Aminah"): a short line without a full stop, unlike a
    prose list's item ("Pendanaan: Kurangnya dana untuk …")."""
    short = len(sentence) <= 150 and (_is_heading(sentence) or _ENDS_IN_ABBREVIATION.search(sentence) is not None)
    bullet = BULLET.match(sentence)  # a list of fields: "- Meninggal dunia: 9 orang"
    field = FORM_FIELD.match(sentence, bullet.end() if bullet else 0) if short else None
    return field.group(1) if field else None


_ENDS_IN_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,2}\.){2,}$")  # a degree: "Notulis: Cut Nurhaliza, S.E.", "M.Si."


def _may_lead(sentence: str) -> bool:
    """Whether `sentence` may introduce a list: it ends with ':' or is a heading (an item without a full stop is not)."""
    if sentence.rstrip().endswith(":"):
        return True
    # A line with a head of its own and a value ("Hari/Tanggal: Senin, 3 November 2025") is an item, not a heading.
    return _is_heading(sentence) and not BULLET.match(sentence) and not _HEAD.match(sentence)


def _leads_into_list(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Whether sentence `i` of `text` introduces a list: it ends with ':' or is a heading, and the next line is an item
    ("Hambatan Utama" over "1. Harga awal yang tinggi. …"); or the next sentence starts a prose list ("Pertama, …")."""
    start, end = spans[i]
    if i + 1 == len(spans):
        return False
    next_start, next_end = spans[i + 1]
    if _FIRST_ORDINAL.match(text, next_start, next_end):
        return True  # "Saya mengusulkan tiga langkah sederhana. Pertama, …"
    line_start = "\n" in text[end:next_start]
    item = _list_item(text, next_start, next_end, line_start) if line_start else None
    if item is not None and _field_not_item(text[start:end], item, text[next_start:next_end]):
        return False
    return _may_lead(text[start:end]) and item is not None


def _field_not_item(lead: str, item: tuple[str, int, int], sentence: str) -> bool:
    """Whether `sentence`, read as a list item under `lead`, is a form field instead: a minutes' header under its title
    ("Hari/Tanggal: …", "Notulis: …"). A lead ending in ':' ("… beberapa hambatan:") announces items."""
    return item[0] == ":" and not lead.rstrip().endswith(":") and _field_label(sentence) is not None


def _marker_kind(bullet: re.Match) -> str:
    """What marks a list item: its bullet character, or `1.` for any numbered item."""
    marker = bullet.group(0).strip()
    return "1." if marker[0].isdigit() else marker


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(",;: ") + "…"
