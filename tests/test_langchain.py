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


def test_splitter_keeps_indonesian_sentences_whole():
    splitter = IndonesianSentenceSplitter(chunk_size=60, max_sentences=2, overlap_sentences=1)
    chunks = splitter.split_text("Sekitar 4.000 pasukan tiba. Dr. Ipek menulis laporan. Semua setuju.")
    assert chunks == ["Sekitar 4.000 pasukan tiba. Dr. Ipek menulis laporan.", "Dr. Ipek menulis laporan. Semua setuju."]
