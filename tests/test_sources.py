"""A question that names its source document: which documents it matches, and the search scoped to them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from assistant.sources import named_source


@dataclass(frozen=True)
class Doc:
    title: str
    text: str


DOCUMENTS = {
    "diplomat": Doc("Bagaimana Negara-Negara Asia Tengah Dapat Melindungi Diri Dari Rusia – The Diplomat",
                    "Saat pasukan AS meninggalkan Afghanistan pada Agustus 2021, pasukan Rusia berlatih."),
    "kss": Doc("Kerja Sama Selatan-Selatan: Solidaritas Mewujudkan Kemandirian",
               "Indonesia meluncurkan program TCDC pada 1981. Cara Menulis di kumparan."),
    "global": Doc("Kerjasama Internasional di Era Globalisasi", "Tantangan: perbedaan kepentingan nasional."),
}


@pytest.mark.parametrize("question, matched, rest", [
    ("According to The Diplomat article, in what year did US troops leave Afghanistan?", {"diplomat"},
     "in what year did US troops leave Afghanistan?"),
    ("according to The Diplomat, how much does Russia lose?", {"diplomat"}, "how much does Russia lose?"),
    ("Menurut artikel kumparan, kapan Indonesia meluncurkan program TCDC?", {"kss"},
     "kapan Indonesia meluncurkan program TCDC?"),  # "kumparan" is in the text only, after "artikel"
    ("Siapa penulis artikel kumparan tentang Kerja Sama Selatan-Selatan?", {"kss"},
     "Siapa penulis artikel tentang Kerja Sama Selatan-Selatan?"),
    ("Sebutkan tantangan kerjasama internasional menurut artikel tentang era globalisasi.", {"global"},
     "Sebutkan tantangan kerjasama internasional."),
    ("Who wrote the kumparan article on South-South cooperation?", {"kss"},
     "Who wrote the article on South-South cooperation?"),
    ("Per the Diplomat piece, what were the protests about?", {"diplomat"}, "what were the protests about?"),
    # A title's stop does not end the name: "Dr" alone would match every text with a "dr." in it.
    ("Berapa anggaran flyover menurut tulisan Dr. Ratna Wulandari Siregar?", {"opini"}, "Berapa anggaran flyover?"),
    # A named source no document is from: matched by none.
    ("According to the Reuters report, how many troops landed?", set(), "how many troops landed?"),
    ("Menurut artikel Kompas, berapa pasukan CSTO?", set(), "berapa pasukan CSTO?"),
])
def test_a_question_names_the_documents_it_asks_about(question, matched, rest):
    documents = {**DOCUMENTS, "opini": Doc("Opini: Medan Butuh Bus", "Oleh: Dr. Ratna Wulandari Siregar."),
                 "dbd": Doc("Surat Edaran DBD", "Hubungi dr. Budi Siregar di RS. Sehat.")}
    source = named_source(question, documents)
    assert source is not None
    assert source.doc_ids == frozenset(matched)
    assert source.rest == rest


@pytest.mark.parametrize("question", [
    "Menurut artikel tersebut, siapa mitra paling aktif?",  # points back, names nothing
    "According to NATO, who is the most active partner?",  # a speaker, not a document
    "Menurut James Appathurai, siapa mitra paling aktif?",
    "Menurut artikel tentang gempa, siapa yang berlatih?",  # a topic no document's title or text holds
    "Kapan Indonesia meluncurkan program TCDC?",
    "Menurut artikel tentang kerja sama, apa tantangannya?",  # every document: narrows nothing
    # Two sources: both documents are wanted.
    "Prinsip apa yang disebut dalam tulisan tentang Kerja Sama Selatan-Selatan dan dalam artikel The Diplomat?",
    # A clause, not a source name.
    "Which institution published the 2021 report on trust funds in Central Asia cited in the humanitarian article?",
])
def test_a_question_that_names_no_document_is_not_scoped(question):
    documents = {**DOCUMENTS, "kerja": Doc("Kerja sama", "kerja sama"), "sama": Doc("x", "kerja sama")}
    documents = {k: Doc(v.title + " kerja sama", v.text + " kerja sama") for k, v in documents.items()}
    assert named_source(question, documents) is None


def test_a_search_scoped_to_documents_returns_only_their_chunks(fake_index):
    doc_id = sorted(fake_index.documents)[2]
    hits = fake_index.search("Kapan KAZCENT diakreditasi oleh NATO?", k=5, documents={doc_id})
    assert hits and {hit.chunk.doc_id for hit in hits} == {doc_id}
    unscoped = fake_index.search("Kapan KAZCENT diakreditasi oleh NATO?", k=50)
    assert len({hit.chunk.doc_id for hit in unscoped}) > 1
    assert fake_index.search("Kapan KAZCENT diakreditasi?", k=5, documents=set()) == []


def test_an_answer_names_the_document_it_was_searched_in_or_that_none_is_from_the_source(fake_index):
    from assistant.answer import ExtractiveAnswerer

    answerer = ExtractiveAnswerer(fake_index)
    diplomat = next(d for d, doc in fake_index.documents.items() if "The Diplomat" in doc.title)
    answer = answerer.ask("According to The Diplomat article, when did US troops leave Afghanistan?")
    assert any("Searched only in" in note and "The Diplomat" in note for note in answer.notes)
    assert {p.doc_id for p in answer.retrieved} == {diplomat}
    refused = answerer.ask("According to the Reuters report, when did US troops leave Afghanistan?")
    assert refused.abstained and refused.retrieved == [] and refused.refused_by == "source unmentioned"
    assert any('"Reuters"' in note for note in refused.notes)
