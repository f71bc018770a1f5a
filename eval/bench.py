"""`tanya bench`: retrieval quality and speed on external Indonesian QA sets, next to baselines, in one run.

Sets are read by path (never copied): `facqa_id` and `tydiqa_goldp_id` under the shared benchmarks folder.
Passages are indexed by `text` only (no titles: see the TyDi README's title-leak note); chunks are
scored at document level by max-pooling. Systems: plain BM25 on whitespace tokens, the LangChain RAG
tutorial pipeline with the same model, and tanya's dense, lexical and hybrid legs.
"""

from __future__ import annotations

import json
import math
import os
import platform
import resource
import sys
import time
from pathlib import Path

import numpy as np

SETS = {"facqa": "facqa_id", "tydi": "tydiqa_goldp_id"}
KS = (1, 5, 10)


def default_benchmarks_dir() -> Path:
    env = os.environ.get("TANYA_BENCHMARKS")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_set(root: Path, name: str, limit: int | None = None) -> tuple[list[dict], list[dict], list[dict]]:
    folder = root / SETS[name]
    if not folder.is_dir():
        raise FileNotFoundError(f"Benchmark folder {folder} not found; pass --benchmarks DIR or set TANYA_BENCHMARKS.")
    corpus = _jsonl(folder / "corpus_with_distractors.jsonl")
    queries = _jsonl(folder / "queries.jsonl")
    unanswerable = _jsonl(folder / "unanswerable_idk_mrc.jsonl") if (folder / "unanswerable_idk_mrc.jsonl").exists() else []
    if limit:
        queries = queries[:limit]
        keep = {d for q in queries for d in q["gold_doc_ids"]}
        # Keep every gold passage plus distractors up to 5x the queries, so small runs stay meaningful.
        distractors = [d for d in corpus if d["doc_id"] not in keep][: 5 * limit]
        corpus = [d for d in corpus if d["doc_id"] in keep] + distractors
        unanswerable = [u for u in unanswerable if u["context_doc_id"] in {d["doc_id"] for d in corpus}][:limit]
    return corpus, queries, unanswerable


# ---- metrics ------------------------------------------------------------------------------------
def retrieval_metrics(ranked: list[list[str]], relevant: list[set[str]]) -> dict | None:
    if not ranked:
        return None
    out = {f"R@{k}": 0.0 for k in KS} | {"MRR@10": 0.0, "nDCG@10": 0.0}
    for docs, gold in zip(ranked, relevant):
        for k in KS:
            out[f"R@{k}"] += float(any(d in gold for d in docs[:k]))
        for rank, doc in enumerate(docs[:10], start=1):
            if doc in gold:
                out["MRR@10"] += 1.0 / rank
                break
        dcg = sum(1.0 / math.log2(r + 1) for r, d in enumerate(docs[:10], start=1) if d in gold)
        ideal = sum(1.0 / math.log2(r + 1) for r in range(1, min(len(gold), 10) + 1))
        out["nDCG@10"] += dcg / ideal if ideal else 0.0
    n = max(len(ranked), 1)
    return {key: round(value / n, 4) for key, value in out.items()}


def _percentiles(values: list[float]) -> dict:
    return {"p50_ms": round(float(np.percentile(values, 50)), 1), "p95_ms": round(float(np.percentile(values, 95)), 1)} if values else {}


def _max_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _doc_ranking(chunk_doc_ids: list[str], scores: np.ndarray, depth: int = 100) -> list[str]:
    """Documents ordered by their best chunk's score."""
    ranked: list[str] = []
    seen: set[str] = set()
    for i in np.argsort(-scores, kind="stable"):
        doc = chunk_doc_ids[i]
        if doc not in seen:
            seen.add(doc)
            ranked.append(doc)
            if len(ranked) >= depth:
                break
    return ranked


# ---- systems ------------------------------------------------------------------------------------
def run_bm25_whitespace(corpus: list[dict], queries: list[dict]) -> dict:
    from index.lexical import bm25s_module

    started = time.perf_counter()
    retriever = bm25s_module().BM25()
    retriever.index([d["text"].lower().split() for d in corpus], show_progress=False)
    build = time.perf_counter() - started
    ids = [d["doc_id"] for d in corpus]
    ranked, latencies = [], []
    for q in queries:
        t = time.perf_counter()
        tokens = [w for w in q["question"].lower().split() if w in retriever.vocab_dict]
        scores = retriever.get_scores(tokens) if tokens else np.zeros(len(ids))
        ranked.append(_doc_ranking(ids, np.asarray(scores)))
        latencies.append((time.perf_counter() - t) * 1000)
    return {"ranked": ranked, "build_s": build, "latency": latencies}


def run_langchain(corpus: list[dict], queries: list[dict], model_path: str) -> dict:
    """The LangChain RAG tutorial: recursive splitter 1000/200, HuggingFaceEmbeddings, FAISS, similarity_search."""
    from langchain_community.vectorstores import FAISS
    from langchain_core.documents import Document
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    loading = time.perf_counter()  # the model is loaded (and a GPU started) before the build timer, as for tanya
    embeddings = HuggingFaceEmbeddings(model_name=model_path, encode_kwargs={"normalize_embeddings": True})
    embeddings.embed_query("pemanasan")
    load = time.perf_counter() - loading
    started = time.perf_counter()
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    docs = splitter.split_documents([Document(page_content=d["text"], metadata={"doc_id": d["doc_id"]}) for d in corpus])
    store = FAISS.from_documents(docs, embeddings)
    build = time.perf_counter() - started
    ranked, latencies = [], []
    for q in queries:
        t = time.perf_counter()
        hits = store.similarity_search(q["question"], k=30)
        seen: list[str] = []
        for hit in hits:
            if hit.metadata["doc_id"] not in seen:
                seen.append(hit.metadata["doc_id"])
        ranked.append(seen)
        latencies.append((time.perf_counter() - t) * 1000)
    return {"ranked": ranked, "build_s": build, "load_s": load, "latency": latencies, "chunks": len(docs)}


FUSION_GRID = [("zscore", w) for w in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)] + [("rrf", None)]


def run_tanya(corpus: list[dict], queries: list[dict], unanswerable: list[dict], workdir: Path, model: str | None,
              quantize: str | None = None, cold: bool = False) -> dict:
    from assistant.answer import ExtractiveAnswerer
    from assistant.engine import make_embedder
    from index.fusion import fuse
    from index.store import HybridIndex, SearchConfig, build_index
    from ingest.documents import Document, sha256_text

    embedder = make_embedder(model, show_progress=True, quantize=quantize)
    if cold:  # measure a first build: an empty embedding cache of its own
        from index.embedding import EmbeddingCache

        (workdir.parent / "cold-cache.sqlite").unlink(missing_ok=True)
        embedder.cache = EmbeddingCache(workdir.parent / "cold-cache.sqlite")
    documents = [Document(d["doc_id"], d["doc_id"], "", d["text"], sha256_text(d["text"])) for d in corpus]
    loading = time.perf_counter()  # load the model (and start a GPU) outside the build timer, as for LangChain
    embedder.inner.embed_documents(["pemanasan"])
    load = time.perf_counter() - loading
    started = time.perf_counter()
    build_index(workdir, documents, embedder, rebuild=True)
    build = time.perf_counter() - started
    index = HybridIndex.load(workdir, embedder)
    chunk_docs = [c.doc_id for c in index.chunks]
    answerer = ExtractiveAnswerer(index)
    answers, latencies, abstained, legs = [], [], [], []
    for q in queries:
        t = time.perf_counter()
        vector = index.embedder.embed_queries([q["question"]])[0]
        answer = answerer.ask(q["question"], query_vector=vector)
        latencies.append((time.perf_counter() - t) * 1000)  # question in, answer out: the encoding included
        answers.append(answer)
        legs.append((index.dense_scores(vector), index.lexical.scores(q["question"])))
    for u in unanswerable:
        abstained.append(answerer.ask(u["question"]))

    np.savez_compressed(workdir.parent / f"{workdir.name}-legs.npz", dense=np.stack([d for d, _ in legs]),
                        lexical=np.stack([l for _, l in legs]), chunk_docs=np.array(chunk_docs),
                        qids=np.array([q["qid"] for q in queries]))  # for offline fusion studies

    def ranking(method: str, weight: float | None) -> list[list[str]]:
        return [_doc_ranking(chunk_docs, fuse(d, l, method, weight or 0.8)) for d, l in legs]

    default = SearchConfig()
    ranked = {"tanya dense": ranking("dense", None), "tanya lexical": ranking("lexical", None),
              "tanya hybrid": ranking(default.method, default.dense_weight)}
    grid = {f"{m} {w}" if w else m: ranking(m, w) for m, w in FUSION_GRID}
    hits = [float(any(a.lower() in ans.answer.lower() for a in q["answers"])) for q, ans in zip(queries, answers)]
    return {"ranked": ranked, "grid": grid, "build_s": build, "load_s": load, "latency": latencies,
            "chunks": len(index.chunks),
            "hits": hits, "answers": answers, "idk": abstained,
            "cache_hits": getattr(embedder, "hits", None), "cache_misses": getattr(embedder, "misses", None),
            "encoders": _encoders(getattr(embedder, "inner", embedder))}


def _encoders(embedder) -> dict:
    """What encoded documents and questions, e.g. {"documents": "openvino bf16", "questions": "onnx"}."""
    if not hasattr(embedder, "document_encoder"):
        return {"documents": embedder.model_id, "questions": embedder.model_id}
    return {"documents": f"{embedder.document_encoder} {embedder.document_precision}"
                         + (f" {embedder.quantize}" if embedder.quantize else ""),
            "questions": embedder.query_encoder}


def abstention_sweep(answers: list, idk: list, rates=(0.05, 0.10), threshold: float | None = None) -> dict:
    """IDK-MRC abstention at the highest confidence thresholds that abstain on at most 5% / 10% of answerable
    questions. The answer checks abstain too, whatever the threshold (no count for "berapa", another place or year
    than asked): an answer whose checks failed (`checks_passed`, reported at every confidence) counts as abstained
    at every threshold; without that field, one that abstained with a confidence at or above the default
    `threshold` does."""
    if threshold is None:
        from assistant.answer import AnswerSettings

        threshold = AnswerSettings().abstain_below

    def failed_checks(a) -> bool:
        passed = getattr(a, "checks_passed", None)
        return not passed if passed is not None else a.abstained and a.confidence >= threshold

    def abstains(group: list, t: float) -> list[bool]:
        return [a.confidence < t or failed_checks(a) for a in group]

    candidates = sorted({a.confidence for a in answers} | {threshold})  # t abstains below itself
    out = {}
    for rate in rates:
        fitting = [t for t in candidates if np.mean(abstains(answers, t)) <= rate] if answers else []
        best = max(fitting) if fitting else None
        out[f"at {int(rate * 100)}% false abstention"] = {
            "threshold": round(float(best), 4) if best is not None else None,
            "false_abstention": round(float(np.mean(abstains(answers, best))), 4) if best is not None else None,
            "idk_abstention": round(float(np.mean(abstains(idk, best))), 4) if idk and best is not None else None}
    return out


# ---- the run ------------------------------------------------------------------------------------
def _is_tuning(name: str, root: Path, queries: list[dict]) -> list[bool]:
    """Which queries belong to the tuning split: FacQA `valid`; TyDi rows whose IDK-MRC split is valid or train."""
    if name == "facqa":
        return [q.get("split") == "valid" for q in queries]
    splits = {row["id"]: row.get("idk_mrc_split") for row in _jsonl(root / SETS[name] / "qa.jsonl")}
    return [splits.get(q["qid"]) in ("valid", "train") for q in queries]


def run_bench(name: str, root: Path, report_dir: Path, limit: int | None = None, model: str | None = None,
              skip_langchain: bool = False, quantize: str | None = None, cold: bool = False) -> dict:
    from assistant.engine import make_embedder
    from assistant.settings import tanya_home

    corpus, queries, unanswerable = load_set(root, name, limit)
    strict = [set(q["gold_doc_ids"]) for q in queries]
    lenient = [set(q["answer_match_doc_ids_full_corpus"]) | set(q["gold_doc_ids"]) for q in queries]
    print(f"{name}: {len(corpus)} passages, {len(queries)} questions, {len(unanswerable)} unanswerable", file=sys.stderr)
    systems: dict[str, dict] = {}
    speed: dict[str, dict] = {}

    bm25 = run_bm25_whitespace(corpus, queries)
    systems["BM25 whitespace"] = {"ranked": bm25["ranked"]}
    speed["BM25 whitespace"] = {"build_s": round(bm25["build_s"], 2), **_percentiles(bm25["latency"])}

    workdir = tanya_home() / "bench" / f"{name}-{len(corpus)}{'-' + quantize if quantize else ''}"
    tuning = _is_tuning(name, root, queries)
    tanya = run_tanya(corpus, queries, unanswerable, workdir, model, quantize, cold)
    for leg, ranked in tanya["ranked"].items():
        systems[leg] = {"ranked": ranked}
    held_out = [not t for t in tuning]

    def subset(items: list, mask: list[bool]) -> list:
        return [x for x, keep in zip(items, mask) if keep]

    fusion_grid = {}
    for config, ranked in tanya["grid"].items():
        fusion_grid[config] = {
            "tuning": retrieval_metrics(subset(ranked, tuning), subset(strict, tuning)),
            "held_out": retrieval_metrics(subset(ranked, held_out), subset(strict, held_out))}
    best = (max(fusion_grid, key=lambda c: (fusion_grid[c]["tuning"]["MRR@10"], fusion_grid[c]["tuning"]["R@5"]))
            if any(tuning) else None)
    speed["tanya"] = {"load_s": round(tanya["load_s"], 2), "build_s": round(tanya["build_s"], 2),
                      "docs_per_s": round(len(corpus) / tanya["build_s"], 2),
                      "chunks_per_s": round(tanya["chunks"] / tanya["build_s"], 2), **_percentiles(tanya["latency"]),
                      "max_rss_mb": _max_rss_mb(), "cache_hits": tanya["cache_hits"], "cache_misses": tanya["cache_misses"]}

    if not skip_langchain:
        model_path = str(make_embedder(model).inner.location)
        lc = run_langchain(corpus, queries, model_path)
        systems["LangChain tutorial"] = {"ranked": lc["ranked"]}
        speed["LangChain tutorial"] = {"load_s": round(lc["load_s"], 2), "build_s": round(lc["build_s"], 2),
                                       "docs_per_s": round(len(corpus) / lc["build_s"], 2),
                                       "chunks_per_s": round(lc["chunks"] / lc["build_s"], 2), **_percentiles(lc["latency"]),
                                       "max_rss_mb": _max_rss_mb()}

    table = {}
    for system, data in systems.items():
        table[system] = {"strict": retrieval_metrics(data["ranked"], strict),
                         "lenient": retrieval_metrics(data["ranked"], lenient)}
    report = {
        "set": name, "passages": len(corpus), "questions": len(queries), "limit": limit,
        "machine": {"system": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
                    "device": _device_name()},
        "retrieval": table, "speed": speed,
        "answers": {"answer_hit_rate": round(float(np.mean(tanya["hits"])), 4) if tanya["hits"] else None,
                    "answer_hit_rate_held_out": round(float(np.mean(subset(tanya["hits"], held_out))), 4) if any(held_out) else None,
                    "false_abstention_rate": round(float(np.mean([a.abstained for a in tanya["answers"]])), 4),
                    "idk_abstention_rate": round(float(np.mean([a.abstained for a in tanya["idk"]])), 4) if tanya["idk"] else None,
                    "idk_sweep": abstention_sweep(tanya["answers"], tanya["idk"]) if tanya["idk"] else None},
        "quantize": quantize, "cold_cache": cold, "encoders": tanya["encoders"],
        "splits": {"tuning": sum(tuning), "held_out": sum(held_out)},
        "fusion_grid": fusion_grid, "fusion_best_on_tuning": best,
    }
    base = table.get("LangChain tutorial", table["BM25 whitespace"])["strict"]
    report["ratios_vs_" + ("langchain" if "LangChain tutorial" in table else "bm25")] = {
        metric: round(table["tanya hybrid"]["strict"][metric] / base[metric], 3) if base[metric] else None for metric in base}
    if "LangChain tutorial" in speed:
        lc_speed = speed["LangChain tutorial"]
        report["speed_vs_langchain"] = {"build_speedup": round(lc_speed["build_s"] / speed["tanya"]["build_s"], 2),
                                        "p50_ratio": round(speed["tanya"]["p50_ms"] / lc_speed["p50_ms"], 2)}
    _write_reports(report, report_dir)
    return report


def _device_name() -> str:
    try:
        import torch

        return torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu"
    except ImportError:  # pragma: no cover
        return "cpu"


def format_report(report: dict) -> str:
    metrics = ["R@1", "R@5", "R@10", "MRR@10", "nDCG@10"]
    lines = [f"## {report['set']}: {report['passages']} passages, {report['questions']} questions "
             f"({report['machine']['device']}, {report['machine']['cpus']} CPUs; tanya's documents encoded by "
             f"{report['encoders']['documents']}, questions by {report['encoders']['questions']})", "",
             "| system | relevance | " + " | ".join(metrics) + " |", "|---|---|" + "---|" * len(metrics)]
    for system, rel in report["retrieval"].items():
        for kind in ("strict", "lenient"):
            lines.append(f"| {system} | {kind} | " + " | ".join(f"{rel[kind][m]:.3f}" for m in metrics) + " |")
    lines += ["", "| system | model load s | build s | docs/s | chunks/s | p50 ms | p95 ms | max RSS MB |",
              "|---|---|---|---|---|---|---|---|"]
    for system, s in report["speed"].items():
        lines.append(f"| {system} | {s.get('load_s', '-')} | {s.get('build_s', '-')} | {s.get('docs_per_s', '-')} | "
                     f"{s.get('chunks_per_s', '-')} | "
                     f"{s.get('p50_ms', '-')} | {s.get('p95_ms', '-')} | {s.get('max_rss_mb', '-')} |")
    lines += ["", f"Fusion grid (strict; tuned on {report['splits']['tuning']} tuning questions, "
              f"reported on {report['splits']['held_out']} held-out):", "",
              "| fusion | tuning R@5 | tuning MRR@10 | held-out R@5 | held-out MRR@10 |", "|---|---|---|---|---|"]
    for config, rows in report["fusion_grid"].items():
        mark = " (best on tuning)" if config == report["fusion_best_on_tuning"] else ""
        cells = [f"{rows[part][m]:.3f}" if rows[part] else "-" for part in ("tuning", "held_out") for m in ("R@5", "MRR@10")]
        lines.append(f"| {config}{mark} | " + " | ".join(cells) + " |")
    lines += ["", f"Answers (tanya): {json.dumps(report['answers'])}",
              f"Ratios tanya hybrid / baseline (strict): {json.dumps({k: v for k, v in report.items() if k.startswith('ratios')})}",
              f"Speed against LangChain (build speed-up, query p50 ratio): {json.dumps(report.get('speed_vs_langchain'))}",
              f"Embedding cache: {report['speed']['tanya'].get('cache_hits')} hits, {report['speed']['tanya'].get('cache_misses')} misses"]
    return "\n".join(lines) + "\n"


def _write_reports(report: dict, report_dir: Path) -> None:
    report_dir.mkdir(parents=True, exist_ok=True)
    stem = report_dir / f"bench-{report['set']}"
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    stem.with_suffix(".md").write_text(format_report(report), encoding="utf-8")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        systems = list(report["retrieval"])
        fig, ax = plt.subplots(figsize=(8, 4))
        width = 0.4
        x = np.arange(len(systems))
        ax.bar(x - width / 2, [report["retrieval"][s]["strict"]["R@5"] for s in systems], width, label="R@5")
        ax.bar(x + width / 2, [report["retrieval"][s]["strict"]["MRR@10"] for s in systems], width, label="MRR@10")
        ax.set_xticks(x, systems, rotation=20, ha="right")
        ax.set_ylim(0, 1)
        ax.set_title(f"{report['set']} (strict relevance)")
        ax.legend()
        fig.tight_layout()
        fig.savefig(stem.with_suffix(".png"), dpi=100)
        plt.close(fig)
    except ImportError:
        print("matplotlib is not installed: no chart (pip install -e '.[bench]').", file=sys.stderr)
