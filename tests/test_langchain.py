import pytest
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever

from index.langchain import IndonesianSentenceSplitter


def test_retriever_is_a_langchain_retriever_returning_cited_chunks(fake_index):
    retriever = fake_index.as_langchain_retriever(k=3)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("Kapan Kazakhstan menandatangani dokumen kerangka program PfP?")
    assert len(docs) == 3 and all(isinstance(d, LCDocument) for d in docs)
    assert any("1994" in d.page_content for d in docs)
    for doc in docs:
        meta = doc.metadata
        text = fake_index.documents[meta["doc_id"]].text
        assert text[meta["start"]:meta["end"]] == doc.page_content
        assert meta["source"].endswith(".txt") and meta["title"]


def test_retriever_can_be_limited_to_some_documents_by_source_or_id(fake_index):
    from index.langchain import TanyaRetriever

    source = next(doc.source for doc in fake_index.documents.values() if "The Diplomat" in doc.title)
    docs = TanyaRetriever(index=fake_index, k=4, documents=frozenset({source})).invoke("Kapan NATO bekerja sama?")
    assert docs and {d.metadata["source"] for d in docs} == {source}
    doc_id = docs[0].metadata["doc_id"]
    by_id = TanyaRetriever(index=fake_index, k=4, documents=frozenset({doc_id})).invoke("Kapan NATO bekerja sama?")
    assert [d.metadata["chunk_id"] for d in by_id] == [d.metadata["chunk_id"] for d in docs]
    assert TanyaRetriever(index=fake_index, documents=frozenset({"nothing.txt"})).invoke("NATO") == []


def test_splitter_keeps_indonesian_sentences_whole():
    splitter = IndonesianSentenceSplitter(chunk_size=60, max_sentences=2, overlap_sentences=1)
    chunks = splitter.split_text("Sekitar 4.000 pasukan tiba. Dr. Ipek menulis laporan. Semua setuju.")
    assert chunks == ["Sekitar 4.000 pasukan tiba. Dr. Ipek menulis laporan.", "Dr. Ipek menulis laporan. Semua setuju."]


def test_retriever_refuses_bad_input_with_clear_errors(fake_index):
    import pytest
    from pydantic import ValidationError

    from index.langchain import TanyaRetriever

    with pytest.raises(ValidationError):
        fake_index.as_langchain_retriever(k=0)  # when it is made, not at the first question
    with pytest.raises(ValidationError):
        TanyaRetriever(index="/no/such/index")
    retriever = fake_index.as_langchain_retriever(k=2)
    with pytest.raises(ValueError, match="empty"):
        retriever.invoke("   ")
    with pytest.raises(TypeError, match="must be text"):
        retriever.invoke(123)
    docs = retriever.invoke("Apa itu PfP \ud800?")  # a lone surrogate (e.g. from JSON) is read as "?"
    assert len(docs) == 2


TEXT = ("Harga naik. Harga naik. Harga naik. Harga turun. Sekitar 4.000 pasukan tiba di Almaty pada 6 Januari. "
        "Dr. Ipek menulis laporan itu di Jl. Merdeka No. 5. Semua pihak setuju dengan hasilnya.")


@pytest.mark.parametrize("chunk_size, max_sentences", [(30, 2), (60, 3), (200, 4)])
def test_splitter_start_index_reproduces_each_overlapping_chunk(chunk_size, max_sentences):
    splitter = IndonesianSentenceSplitter(chunk_size=chunk_size, max_sentences=max_sentences, overlap_sentences=1,
                                          add_start_index=True)
    documents = splitter.create_documents([TEXT, TEXT[12:]], metadatas=[{"source": "a"}, {"source": "b"}])
    assert len(documents) > 2
    for doc in documents:
        text = TEXT if doc.metadata["source"] == "a" else TEXT[12:]
        start = doc.metadata["start_index"]
        assert text[start:start + len(doc.page_content)] == doc.page_content
    starts = [d.metadata["start_index"] for d in documents if d.metadata["source"] == "a"]
    assert starts == [start for start, _ in splitter.split_spans(TEXT)]  # where the chunker cut, repeats or not
    if max_sentences == 2:  # "Harga naik. Harga naik." twice: the second starts at the second sentence
        assert starts[:2] == [0, TEXT.index("Harga naik.", 1)]


def test_splitter_overlaps_sentences_not_characters_and_warns_on_a_long_sentence(caplog):
    import logging

    with pytest.raises(ValueError, match="overlap_sentences"):
        IndonesianSentenceSplitter(chunk_size=200, chunk_overlap=50)
    long = "Kalimat ini " + "sangat " * 40 + "panjang."
    with caplog.at_level(logging.WARNING):
        chunks = IndonesianSentenceSplitter(chunk_size=100).split_text(long)
    assert chunks == [long] and "longer than the specified 100" in caplog.text


def test_the_splitter_measures_chunk_size_with_the_given_length_function(caplog):
    from index.langchain import IndonesianSentenceSplitter

    text = " ".join(f"Kalimat nomor {n} membahas kerja sama Indonesia dan Kazakhstan." for n in range(8))
    words = IndonesianSentenceSplitter(chunk_size=20, max_sentences=8, overlap_sentences=0,
                                       length_function=lambda t: len(t.split()))
    chunks = words.split_text(text)
    assert all(len(chunk.split()) <= 20 for chunk in chunks) and len(chunks) == 4  # 9 words a sentence: two a chunk
    assert "".join(c + " " for c in chunks).strip() == text and "longer than" not in caplog.text


def test_rag_chain_writes_from_the_retrieved_passages_with_any_chat_model(fake_index):
    from langchain_core.messages import AIMessage
    from langchain_core.runnables import RunnableLambda

    from assistant.llm import rag_chain

    echo = RunnableLambda(lambda prompt: AIMessage(content=prompt.to_string()))  # a "model" that repeats its prompt
    retriever = fake_index.as_langchain_retriever(k=2)
    question = "Kapan Kazakhstan menandatangani dokumen kerangka program PfP?"
    prompt = rag_chain(retriever, echo).invoke(question)
    docs = retriever.invoke(question)
    assert question in prompt and "TIDAK_DITEMUKAN" in prompt
    for n, doc in enumerate(docs, start=1):
        assert f'<passage n="{n}" source="{doc.metadata["source"]}">' in prompt
        assert doc.page_content.split(". ")[0] in prompt


def test_rag_chain_can_return_the_documents_its_citations_number(fake_index):
    from langchain_core.messages import AIMessage
    from langchain_core.runnables import RunnableLambda

    from assistant.llm import rag_chain

    model = RunnableLambda(lambda prompt: AIMessage(content="Pada tahun 1994 [2]."))
    retriever = fake_index.as_langchain_retriever(k=3)
    question = "Kapan Kazakhstan menandatangani dokumen kerangka program PfP?"
    out = rag_chain(retriever, model, return_documents=True).invoke(question)
    assert out["question"] == question and out["answer"] == "Pada tahun 1994 [2]."
    assert [d.id for d in out["documents"]] == [d.id for d in retriever.invoke(question)]  # [2] is documents[1]


def test_rag_chain_takes_documents_from_other_retrievers_without_offsets(fake_index):
    from langchain_core.documents import Document
    from langchain_core.messages import AIMessage
    from langchain_core.runnables import RunnableLambda

    from assistant.llm import rag_chain

    echo = RunnableLambda(lambda prompt: AIMessage(content=prompt.to_string()))
    other = RunnableLambda(lambda q: [Document("Astana adalah ibu kota Kazakhstan.",
                                               metadata={"source": "wiki", "start": None, "end": ""})])
    assert "Astana adalah ibu kota Kazakhstan." in rag_chain(other, echo).invoke("Apa ibu kota Kazakhstan?")


def test_generation_chain_without_settings_says_what_to_use():
    from assistant.llm import generation_chain

    with pytest.raises(TypeError, match="rag_chain"):
        generation_chain(None)
