"""Wire the pieces together: model → embedder (with disk cache) → index (built on first use) → answerer."""

from __future__ import annotations

import logging
import os
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from index.embedding import CachedEmbedder, EmbeddingCache, Embedder, SentenceTransformerEmbedder
from index.models import ModelError, model_fingerprint, resolve_model
from index.store import (CURRENT, BuildReport, HybridIndex, IndexLoadError, SearchConfig, build_index, holds_documents,
                         live_version, read_manifest)
from ingest.chunking import ChunkingConfig
from ingest.readers import read_documents

from .answer import AnswerSettings, ExtractiveAnswerer
from .llm import Generator, LLMSettings
from .settings import BUNDLED_CORPUS, default_index_dir, model_choice, tanya_home

log = logging.getLogger(__name__)


def make_embedder(model: str | None = None, show_progress: bool = False, quantize: str | None = None) -> Embedder:
    """The configured embedding model, wrapped in the shared on-disk embedding cache.

    `quantize="int8"` (or `TANYA_QUANTIZE=int8`) encodes with dynamically int8-quantised weights. Questions
    are encoded with ONNX Runtime when `tanya models fetch` exported the model (`TANYA_QUERY_ENCODER=torch`: never).
    Documents are encoded by OpenVINO when the export is there (`TANYA_DOCUMENT_ENCODER=torch`: never), in bf16
    where the CPU computes it natively (`TANYA_DOCUMENT_PRECISION=fp32`: never).
    """
    home = tanya_home()
    choice = model_choice(model)
    location = resolve_model(choice, home)
    quantize = quantize if quantize is not None else os.environ.get("TANYA_QUANTIZE") or None
    try:
        inner = SentenceTransformerEmbedder(location, choice, model_fingerprint(location), show_progress=show_progress,
                                            quantize=quantize,
                                            query_encoder=os.environ.get("TANYA_QUERY_ENCODER") or "onnx",
                                            document_precision=os.environ.get("TANYA_DOCUMENT_PRECISION") or None,
                                            document_encoder=os.environ.get("TANYA_DOCUMENT_ENCODER") or "openvino")
    except ValueError as exc:  # one of the TANYA_* encoder settings below set to something unknown
        raise ModelError(f"{exc} (check TANYA_QUANTIZE, TANYA_QUERY_ENCODER, TANYA_DOCUMENT_ENCODER and "
                         "TANYA_DOCUMENT_PRECISION)") from exc
    return CachedEmbedder(inner, EmbeddingCache(home / "cache" / "embeddings.sqlite"))


def index_dir(explicit: Path | None) -> Path:
    return Path(explicit) if explicit else default_index_dir()


def ingest(paths: list[Path], directory: Path, embedder: Embedder, rebuild: bool = False,
           keep_existing: bool = False, remove: list[str] | None = None,
           chunking: ChunkingConfig = ChunkingConfig()) -> BuildReport:
    """Read `paths` and make the index at `directory` hold them."""
    _check_index_folder(directory, paths)
    documents = read_documents(paths).documents if paths else []
    return build_index(directory, documents, embedder, chunking, rebuild=rebuild,
                       keep_existing=keep_existing, remove=remove)


def _check_index_folder(directory: Path, paths: list[Path]) -> None:
    """An index needs a folder of its own: inside a documents folder, its files would be read as documents."""
    from ingest.readers import IngestError

    target = Path(directory).resolve()
    for path in paths:
        folder = Path(path).resolve()
        if folder.is_dir() and (target == folder or folder in target.parents):
            raise IngestError(f"The index folder {directory} is inside the documents folder {path}: its files would "
                              f"be read as documents. Give the index a folder of its own, e.g. "
                              f"`--index {folder.name}-index`.")
    if target.is_dir() and not (target / CURRENT).exists() and holds_documents(target):
        raise IngestError(f"{directory} holds documents, not an index: give the index a folder of its own, e.g. "
                          f"`--index {target.name}-index`.")


def _bundled_index_is_current(directory: Path, embedder: Embedder, chunking: ChunkingConfig) -> bool:
    """True when the index holds every bundled document as it is now (documents added from the chat may be there too)."""
    try:
        manifest = read_manifest(live_version(directory))
    except IndexLoadError:
        return False
    documents = read_documents([BUNDLED_CORPUS]).documents
    indexed = {doc_id: entry["content_sha256"] for doc_id, entry in manifest["documents"].items()}
    return (manifest["model"]["sha256"] == embedder.fingerprint and manifest["chunking"] == chunking.to_dict()
            and all(indexed.get(d.doc_id) == d.content_sha256 for d in documents))


def open_index(directory: Path | None, embedder: Embedder) -> HybridIndex:
    """Load the index at `directory`; the default index of the bundled corpus is built or refreshed first."""
    if directory is None:
        directory = default_index_dir()
        if not _bundled_index_is_current(directory, embedder, ChunkingConfig()):
            log.warning("Building the index of the bundled corpus in %s (once).", directory)
            build_index(directory, read_documents([BUNDLED_CORPUS]).documents, embedder, keep_existing=True)
    elif Path(directory).is_dir() and not (Path(directory) / CURRENT).exists() and not any(Path(directory).iterdir()):
        raise IndexLoadError(f"{directory} is empty. Build an index there with `tanya ingest --index {directory} PATH...`.")
    return HybridIndex.load(Path(directory), embedder)


@dataclass
class Assistant:
    """What the CLI and the chat talk to."""

    index: HybridIndex
    answerer: ExtractiveAnswerer
    generator: Generator | None = None
    """A language model that writes the answer (verified against its citations); None: extractive answers."""

    def ask(self, question: str, history: list[str] | None = None):
        """Answer `question`; `history` holds the earlier standalone queries of the conversation, oldest first.

        A follow-up that points back ("Kapan itu dimulai?") is searched together with the previous query;
        the answer's `rewritten_query` says what was searched.
        """
        answer = None
        for answer in self.ask_stream(question, history):
            pass
        return answer

    def ask_stream(self, question: str, history: list[str] | None = None) -> Iterator:
        """Like `ask`, but yields the answer as it grows (verified sentences of a generated answer); the last is final."""
        from dataclasses import replace

        from .answer import validate_question
        from .followup import rewrite

        question, notes = validate_question(question)  # e.g. that an over-long question was shortened
        self.refresh()
        answerer = self.answerer  # one consistent index for the whole answer, even during a reload
        plan = rewrite(question, history)
        if history and not plan.standalone:  # "kalau malaysia?" names a country as "Kalau Malaysia?" does
            cased = rewrite(answerer.truecased(question), [answerer.truecased(h) for h in history])
            plan = cased if cased.standalone else plan
        query = plan.query if plan.rewritten else None
        # "Kalau tahun 2024?" after "Berapa … 2025?" is answered as "Berapa … 2024?", and shown as asked.
        asked, searched = (plan.query, None) if plan.standalone else (question, query)
        if self.generator is None:
            partials = iter([answerer.ask(asked, searched)])
        else:
            from .generated import GeneratingAnswerer

            partials = GeneratingAnswerer(answerer, self.generator).ask_stream(asked, searched)
        for answer in partials:
            yield replace(answer, question=question, rewritten_query=query, notes=[*notes, *answer.notes])

    def as_langchain_retriever(self, k: int = 5, config: SearchConfig | None = None,
                               documents: Collection[str] | None = None):
        """A LangChain retriever over this assistant's index that, like `ask`, picks up a newer version of it
        (`tanya ingest --add …` while the application runs) at its next query; `documents` (`doc_id`s or `source`
        names) limits it to those documents."""
        from index.langchain import TanyaRetriever

        def current() -> HybridIndex:
            self.refresh()
            return self.index

        return TanyaRetriever(index=self.index, k=k, search_config=config or self.answerer.settings.search,
                              current=current, documents=None if documents is None else frozenset(documents))

    def reload(self) -> None:
        """Pick up a newer index version (after an ingest) without a restart; answers in flight keep the old one."""
        fresh = HybridIndex.load(self.index.directory, self.index.embedder)
        answerer = ExtractiveAnswerer(fresh, self.answerer.settings)
        self.index, self.answerer = fresh, answerer

    def refresh(self) -> None:
        """Reload when another process (`tanya ingest`) made a newer version of the index live; one that does not
        load leaves the current version answering."""
        try:
            if live_version(self.index.directory) == self.index.version_dir:
                return
            self.reload()
            log.info("Answering from the index version %s (made live by another process).", self.index.version_dir.name)
        except IndexLoadError as exc:
            log.warning("The index at %s changed but cannot be loaded (%s); answering from the version loaded before.",
                        self.index.directory, exc)


def open_assistant(directory: Path | None = None, model: str | None = None,
                   settings: AnswerSettings = AnswerSettings(), llm: LLMSettings | None = None) -> Assistant:
    """The assistant over the index at `directory` (default: the bundled corpus); `llm` adds a generator."""
    embedder = make_embedder(model)
    index = open_index(directory, embedder)
    return Assistant(index, ExtractiveAnswerer(index, settings), Generator(llm) if llm else None)
