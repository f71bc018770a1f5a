import numpy as np
import pytest

from index.fusion import fuse, rrf, zscore_mix


def test_rrf_prefers_items_ranked_well_by_both_legs():
    dense = np.array([0.9, 0.8, 0.1])
    lexical = np.array([0.0, 5.0, 4.0])
    fused = rrf(dense, lexical, k=60)
    assert int(np.argmax(fused)) == 1


def test_zscore_mix_weights_the_dense_leg():
    dense = np.array([0.9, 0.5, 0.1])
    lexical = np.array([0.0, 10.0, 0.0])
    assert int(np.argmax(zscore_mix(dense, lexical, 0.9))) == 0
    assert int(np.argmax(zscore_mix(dense, lexical, 0.1))) == 1


def test_zscore_mix_falls_back_to_dense_without_lexical_matches():
    dense = np.array([0.2, 0.7, 0.1])
    assert int(np.argmax(zscore_mix(dense, np.zeros(3), 0.5))) == 1


def test_unknown_method_is_a_clear_error():
    with pytest.raises(ValueError, match="Unknown fusion"):
        fuse(np.zeros(2), np.zeros(2), "magic")
