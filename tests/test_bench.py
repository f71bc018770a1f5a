"""A smoke version of `tanya bench`: a few questions of each external set, every system, real model."""

from __future__ import annotations

import json

import pytest

from assistant.settings import tanya_home
from eval.bench import default_benchmarks_dir, retrieval_metrics, run_bench
from index.models import is_fetched


def test_retrieval_metrics_on_a_hand_made_ranking():
    ranked = [["a", "b", "c"], ["x", "y", "g"], ["n", "m", "o"]]
    relevant = [{"a"}, {"g"}, {"z"}]
    metrics = retrieval_metrics(ranked, relevant)
    assert metrics["R@1"] == round(1 / 3, 4) and metrics["R@5"] == round(2 / 3, 4)
    assert metrics["MRR@10"] == round((1 + 1 / 3) / 3, 4)
    assert retrieval_metrics([], []) is None


@pytest.mark.e2e
@pytest.mark.skipif(not is_fetched(tanya_home()), reason="the embedding model is not fetched")
@pytest.mark.skipif(not (default_benchmarks_dir() / "facqa_id").is_dir(), reason="../shared/benchmarks is not beside the repo")
@pytest.mark.parametrize("name", ["facqa", "tydi"])
def test_bench_smoke(name, tmp_path):
    report = run_bench(name, default_benchmarks_dir(), tmp_path, limit=4)
    assert set(report["retrieval"]) == {"BM25 whitespace", "tanya dense", "tanya lexical", "tanya hybrid", "LangChain tutorial"}
    hybrid = report["retrieval"]["tanya hybrid"]["strict"]
    assert 0.0 <= hybrid["MRR@10"] <= 1.0 and hybrid["R@10"] >= hybrid["R@1"]
    assert report["speed"]["tanya"]["docs_per_s"] > 0 and report["speed"]["LangChain tutorial"]["p50_ms"] > 0
    # Both models are loaded before their build timers, and the load is reported on its own.
    assert all(report["speed"][s]["load_s"] > 0 for s in ("tanya", "LangChain tutorial"))
    assert report["speed_vs_langchain"]["build_speedup"] > 0
    assert report["encoders"]["documents"].split()[0] in ("openvino", "torch") and report["encoders"]["questions"]
    saved = json.loads((tmp_path / f"bench-{name}.json").read_text())
    assert saved["set"] == name and (tmp_path / f"bench-{name}.md").exists() and (tmp_path / f"bench-{name}.png").exists()
