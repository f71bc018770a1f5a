"""The chat's example questions fit the index it serves."""

from types import SimpleNamespace

from assistant.chat import EXAMPLES, example_questions
from assistant.settings import BUNDLED_CORPUS


def _assistant(documents: list[tuple[str, str]]):
    docs = {f"d{i}": SimpleNamespace(source=source, title=title) for i, (source, title) in enumerate(documents)}
    return SimpleNamespace(index=SimpleNamespace(documents=docs))


def test_the_bundled_corpus_gets_its_own_examples_even_with_uploads_beside_it():
    bundled = [(p.name, "Judul") for p in sorted(BUNDLED_CORPUS.glob("*.txt"))]
    assert example_questions(_assistant(bundled + [("banjir.txt", "Banjir Palembang")])) == EXAMPLES


def test_an_index_of_ones_own_documents_gets_questions_about_their_titles():
    mine = _assistant([("banjir.txt", "Banjir Besar Melanda Palembang"), ("kopi.txt", "Festival Kopi"), ("x.txt", "")])
    assert example_questions(mine) == ['Apa isi dokumen "Banjir Besar Melanda Palembang"?',
                                       'Apa isi dokumen "Festival Kopi"?']
    assert example_questions(_assistant([("x.txt", "")])) == ["Apa isi dokumen ini?"]
