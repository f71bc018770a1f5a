"""The model's first use: fetched, then its fast encoders exported, as `tanya models fetch` does."""

from pathlib import Path

import index.models as models
import index.onnx_query as onnx_query


def test_the_first_use_that_fetches_the_model_also_exports_its_fast_encoders(tmp_path, monkeypatch):
    calls = []

    def fake_fetch(home: Path, force: bool = False) -> Path:
        calls.append("fetch")
        (models.gemma_dir(home)).mkdir(parents=True)
        return models.gemma_dir(home)

    monkeypatch.setattr(models, "is_fetched", lambda home: "fetch" in calls)
    monkeypatch.setattr(models, "fetch_gemma", fake_fetch)
    monkeypatch.setattr(onnx_query, "ensure_encoders", lambda model_dir, say=None: calls.append(("export", model_dir)))

    assert models.resolve_model(models.GEMMA_NAME, tmp_path) == models.gemma_dir(tmp_path)
    assert calls == ["fetch", ("export", models.gemma_dir(tmp_path))]
    models.resolve_model(models.GEMMA_NAME, tmp_path)  # fetched: neither again
    assert len(calls) == 2


def test_encoders_already_exported_are_not_exported_again(tmp_path, monkeypatch):
    (tmp_path / onnx_query.ONNX_FOLDER).mkdir()
    onnx_query.onnx_query_file(tmp_path).write_bytes(b"graph")
    monkeypatch.setattr("index.openvino_documents.openvino_export_tried", lambda model_dir: True)
    monkeypatch.setattr(onnx_query, "export_encoders", lambda *a: (_ for _ in ()).throw(AssertionError("exported")))
    said = []
    onnx_query.ensure_encoders(tmp_path, say=said.append)
    assert said == []
