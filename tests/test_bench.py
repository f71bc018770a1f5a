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


def test_the_abstention_sweep_counts_answers_the_checks_abstained_on_at_every_threshold():
    from types import SimpleNamespace

    from eval.bench import abstention_sweep

    def answer(confidence, abstained=None):
        return SimpleNamespace(confidence=confidence, abstained=confidence < 0.5 if abstained is None else abstained)

    answerable = [answer(c) for c in (0.55, 0.6, 0.7, 0.8, 0.9, 0.9, 0.95, 0.95, 0.97, 0.99)]
    # Two IDK questions look confident but a check (another year than asked) abstained on them.
    idk = [answer(0.3), answer(0.58), answer(0.8, abstained=True), answer(0.9, abstained=True)]
    at_10 = abstention_sweep(answerable, idk, rates=(0.10,), threshold=0.5)["at 10% false abstention"]
    assert at_10["threshold"] == 0.6 and at_10["false_abstention"] == 0.1  # 0.55 abstains: one of ten
    assert at_10["idk_abstention"] == 1.0  # 0.3 and 0.58 below 0.6, the other two by their checks


def test_the_abstention_sweep_counts_failed_checks_below_the_default_threshold_too():
    from types import SimpleNamespace

    from eval.bench import abstention_sweep

    def answer(confidence, checks_passed=True):
        return SimpleNamespace(confidence=confidence, abstained=confidence < 0.5 or not checks_passed,
                               checks_passed=checks_passed)

    answerable = [answer(c) for c in (0.35, 0.42, 0.45, 0.6, 0.7, 0.8, 0.9, 0.9, 0.95, 0.99)]
    # 0.44 clears the 0.42 threshold, but its check failed: abstained at every threshold, though under the default.
    idk = [answer(0.3), answer(0.44, checks_passed=False), answer(0.47), answer(0.8, checks_passed=False)]
    at_10 = abstention_sweep(answerable, idk, rates=(0.10,), threshold=0.5)["at 10% false abstention"]
    assert at_10["threshold"] == 0.42 and at_10["false_abstention"] == 0.1
    assert at_10["idk_abstention"] == 0.75  # 0.3 by its confidence, 0.44 and 0.8 by their checks; 0.47 answered

