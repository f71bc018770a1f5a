"""The OpenVINO document encoder's plumbing, on a tiny graph built here (the real model is in test_e2e)."""

from __future__ import annotations

import numpy as np
import pytest

from index.openvino_documents import (IN_FLIGHT, TOKEN_OUTPUT, OpenVinoDocumentEncoder, mark_unavailable,
                                      openvino_documents_file, openvino_export_tried)


def _tiny_model(path) -> None:
    """token_embeddings[b, t, :] = (input_ids[b, t] + attention_mask[b, t], same)."""
    import openvino as ov
    import openvino.opset13 as ops

    ids = ops.parameter([-1, -1], ov.Type.i64, name="input_ids")
    mask = ops.parameter([-1, -1], ov.Type.i64, name="attention_mask")
    value = ops.unsqueeze(ops.convert(ops.add(ids, mask), ov.Type.f32), ops.constant(np.array([2], np.int64)))
    out = ops.concat([value, value], axis=2)
    out.output(0).get_tensor().set_names({TOKEN_OUTPUT})
    ov.save_model(ov.Model([out], [ids, mask], "tiny"), str(path))


@pytest.mark.parametrize("count", [0, 1, IN_FLIGHT, 5])
def test_token_embeddings_come_back_in_batch_order(tmp_path, count):
    _tiny_model(tmp_path / "tiny.xml")
    encoder = OpenVinoDocumentEncoder(tmp_path / "tiny.xml", precision="fp32")
    batches = [{"input_ids": np.full((2, 3 + n), 10 * n, np.int64), "attention_mask": np.ones((2, 3 + n), np.int64)}
               for n in range(count)]
    hidden = encoder.token_embeddings(batches)
    assert len(hidden) == count
    for n, h in enumerate(hidden):
        assert h.shape == (2, 3 + n, 2) and h.dtype == np.float32 and np.all(h == 10 * n + 1)


def test_a_failed_export_is_remembered_until_force(tmp_path):
    assert not openvino_export_tried(tmp_path)
    mark_unavailable(tmp_path, "RuntimeError: no bf16 kernels")
    assert openvino_export_tried(tmp_path) and not openvino_documents_file(tmp_path).exists()
    note = (tmp_path / "openvino-documents" / "unavailable.txt").read_text()
    assert "no bf16 kernels" in note and "models fetch --force" in note


def test_an_unknown_precision_is_refused(tmp_path):
    with pytest.raises(ValueError, match="bf16"):
        OpenVinoDocumentEncoder(tmp_path / "x.xml", precision="fp16")
