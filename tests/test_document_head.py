"""The torch-free pieces of document encoding: the tokenizer read from tokenizer.json and the numpy head.

Both are checked against what sentence-transformers / transformers do on small models built here; the real
model's vectors through them are compared with fp32 torch in test_e2e.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from index.document_head import load_document_head


def _tiny_sentence_transformer(folder, dense_settings=({"bias": False}, {"bias": False}), normalize=True):
    """A sentence-transformers folder with a stand-in transformer entry, mean pooling, dense layers 8→12→6."""
    import torch
    from sentence_transformers.sentence_transformer.modules import Dense, Normalize, Pooling

    torch.manual_seed(0)
    modules = [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"}]
    pooling = Pooling(8, pooling_mode="mean")
    (folder / "1_Pooling").mkdir()
    pooling.save(str(folder / "1_Pooling"))
    modules.append({"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"})
    layers = []
    for n, ((size_in, size_out), settings) in enumerate(zip([(8, 12), (12, 6)], dense_settings), start=2):
        layer = Dense(size_in, size_out, activation_function=settings.get("activation", torch.nn.Identity()),
                      bias=settings["bias"])
        (folder / f"{n}_Dense").mkdir()
        layer.save(str(folder / f"{n}_Dense"))
        modules.append({"idx": n, "name": str(n), "path": f"{n}_Dense", "type": "sentence_transformers.models.Dense"})
        layers.append(layer)
    if normalize:
        layers.append(Normalize())
        modules.append({"idx": 4, "name": "4", "path": "4_Normalize", "type": "sentence_transformers.models.Normalize"})
    (folder / "modules.json").write_text(json.dumps(modules))
    (folder / "config_sentence_transformers.json").write_text(json.dumps(
        {"prompts": {"query": "task: search result | query: ", "document": "title: none | text: "}}))
    return layers


def test_the_numpy_head_gives_the_vectors_of_the_models_own_layers(tmp_path):
    import torch

    layers = _tiny_sentence_transformer(tmp_path)
    head = load_document_head(tmp_path)
    assert head is not None and head.prompt == "title: none | text: " and head.dimension == 6
    pooled = np.random.default_rng(1).normal(size=(5, 8)).astype(np.float32)
    features = {"sentence_embedding": torch.from_numpy(pooled)}
    with torch.inference_mode():
        for layer in layers:
            features = layer(features)
    expected = features["sentence_embedding"].numpy()
    got = head(pooled)
    assert got.shape == (5, 6) and got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(got, expected, atol=1e-5)


@pytest.mark.parametrize("settings", [({"bias": True}, {"bias": False}),
                                      ({"bias": False, "activation": "tanh"}, {"bias": False})])
def test_a_head_that_does_not_fold_into_one_matrix_is_left_to_torch(tmp_path, settings):
    import torch

    if any(s.get("activation") == "tanh" for s in settings):
        settings = tuple({**s, "activation": torch.nn.Tanh()} if s.get("activation") else s for s in settings)
    _tiny_sentence_transformer(tmp_path, settings)
    assert load_document_head(tmp_path) is None


def test_a_model_without_dense_layers_is_left_to_torch(tmp_path):
    _tiny_sentence_transformer(tmp_path)
    modules = json.loads((tmp_path / "modules.json").read_text())
    (tmp_path / "modules.json").write_text(json.dumps([m for m in modules if not m["path"].endswith("_Dense")]))
    assert load_document_head(tmp_path) is None


def test_a_folder_without_a_sentence_transformers_layout_has_no_head(tmp_path):
    assert load_document_head(tmp_path) is None
    (tmp_path / "modules.json").write_text("{not json")
    assert load_document_head(tmp_path) is None
