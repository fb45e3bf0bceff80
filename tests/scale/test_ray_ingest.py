"""`--ray`: Ray Data parses and embeds; the stores hold what a single-process build writes."""
from __future__ import annotations

import numpy as np

from tests.scale.conftest import MILVUS_REASON, json_parser, needs_ray  # noqa: F401

pytestmark = needs_ray


def test_token_batches_respect_the_budget():
    from index.stores.ray_ingest import token_batches

    texts = ["甲" * n for n in (300, 10, 200, 50, 50, 120)]
    groups = token_batches(texts, budget=400)
    assert sorted(i for g in groups for i in g) == list(range(len(texts)))
    for g in groups:
        assert len(g) == 1 or len(g) * max(len(texts[i]) for i in g) <= 400


def test_ray_build_equals_single_process(tmp_path, ray_session):
    from index.build import build_index
    from index.search import load_index
    from index.stores.ray_ingest import ray_build

    from corpus.parse import default_sources

    summary, timings = ray_build(tmp_path / "ray-idx", default_sources(), "fake-64", workers=1, progress=False)
    build_index(default_sources(), tmp_path / "idx", "fake-64", progress=False)
    a, b = load_index(tmp_path / "ray-idx"), load_index(tmp_path / "idx")
    assert timings.texts > 0 and summary.clauses == len(b.records)
    assert a.records == b.records
    np.testing.assert_allclose(a.stored.dense.vectors(), b.stored.dense.vectors(), atol=1e-6)


def test_ray_build_into_milvus_and_rerun_embeds_nothing(tmp_path, ray_session):
    import pytest

    if MILVUS_REASON:
        pytest.skip(MILVUS_REASON)
    from corpus.parse import default_sources
    from index.build import build_index
    from index.search import load_index
    from index.stores.milvus import MilvusStore
    from index.stores.ray_ingest import ray_build

    uri = str(tmp_path / "clauses.db")
    summary, timings = ray_build(uri, default_sources(), "fake-64", workers=1, progress=False)
    build_index(default_sources(), tmp_path / "idx", "fake-64", progress=False)
    local = load_index(tmp_path / "idx")
    assert summary.clauses == len(local.records)
    stored = MilvusStore(uri).vectors_by_hash(r.content_hash for r in local.records)
    vectors = local.stored.dense.vectors()
    for r in local.records:
        s, e = local.stored.window_starts[r.clause_id], local.stored.window_starts[r.clause_id + 1]
        np.testing.assert_allclose(stored[r.content_hash], vectors[s:e], atol=1e-6)
    # A rerun (e.g. after a crash) finds every content hash in the store and embeds nothing.
    again, timings = ray_build(uri, default_sources(), "fake-64", workers=1, progress=False)
    assert timings.texts == 0 and again.embedded == 0


def test_a_killed_worker_is_restarted_and_its_batch_retried(tmp_path, ray_session):
    import os

    from index.embed import resolve_model
    from index.stores.ray_ingest import EmbedBatches, embed_with_ray

    marker = str(tmp_path / "killed")

    class DiesOnce(EmbedBatches):
        def __call__(self, batch):
            if not os.path.exists(marker):
                open(marker, "w").close()
                os._exit(1)  # the worker process dies mid-batch
            return super().__call__(batch)

    texts = [f"第{i}条 养犬人应当依法登记。" for i in range(20)]
    out = embed_with_ray(texts, resolve_model("fake-64"), 1, budget=200, worker=DiesOnce)
    assert os.path.exists(marker) and sorted(out) == sorted(texts)
