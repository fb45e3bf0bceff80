"""End-to-end with the real bundled model (m3e-small) over the bundled gazette."""
from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    from index.build import build_index
    from index.search import load_index

    folder = tmp_path_factory.mktemp("model") / "idx"
    summary = build_index(None, folder, None, progress=False)
    assert summary.model == "m3e-small" and summary.clauses > 100
    return load_index(folder)


def test_real_model_finds_policy_clause(searcher):
    hits = searcher.search("社会办医疗机构能配置大型医用设备吗", k=5)
    assert hits[0].doc_number == "温政办〔2019〕49号"
    assert any("大型医用设备" in h.text for h in hits[:3])
    dense = searcher.search("社会办医疗机构能配置大型医用设备吗", k=5, mode="dense")
    assert any(h.doc_number == "温政办〔2019〕49号" for h in dense)


def test_real_model_embed_normalized(searcher):
    v = searcher.embed(["放宽市场准入", "扶持全科诊所发展"])
    assert v.shape == (2, 512)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
