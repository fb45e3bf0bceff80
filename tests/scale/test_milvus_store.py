"""The Milvus store (milvus-lite) against the local index folder on the same real excerpts and fake embedder."""
from __future__ import annotations

import json

import numpy as np
import pytest

from tests.scale.conftest import DOCS, json_parser, needs_milvus, write_sources

pytestmark = needs_milvus


def _build_both(tmp_path, sources, embedder):
    from index.build import build_index
    from index.search import load_index
    from index.stores import build_store, open_store

    files = list(sources.values())
    build_index(files, tmp_path / "idx", "fake-64", parser=json_parser, embedder=embedder, progress=False)
    uri = str(tmp_path / "clauses.db")
    summary = build_store(uri, files, "fake-64", parser=json_parser, embedder=embedder, progress=False)
    return load_index(tmp_path / "idx", embedder=embedder), open_store(uri, embedder=embedder), summary, uri


def test_every_clause_field_round_trips(tmp_path, sources, embedder):
    local, milvus, summary, _ = _build_both(tmp_path, sources, embedder)
    assert summary.clauses == len(local.records) == sum(len(d.clauses) for d in DOCS)
    key = lambda r: (r.file, r.path, r.text)  # noqa: E731 - ids may differ, content may not
    strip = lambda r: {k: v for k, v in r.to_json().items() if k not in ("clause_id", "doc_index", "duplicate_of")}  # noqa: E731
    assert [strip(r) for r in sorted(milvus.records, key=key)] == [strip(r) for r in sorted(local.records, key=key)]


def test_vectors_are_the_local_ones(tmp_path, sources, embedder):
    from index.stores.milvus import MilvusStore

    local, _, _, uri = _build_both(tmp_path, sources, embedder)
    stored = MilvusStore(uri).vectors_by_hash(r.content_hash for r in local.records)
    vectors = local.stored.dense.vectors()
    for r in local.records:
        s, e = local.stored.window_starts[r.clause_id], local.stored.window_starts[r.clause_id + 1]
        np.testing.assert_allclose(stored[r.content_hash], vectors[s:e], atol=1e-6)


@pytest.mark.parametrize("mode", ["hybrid", "keyword", "dense"])
def test_search_json_has_the_same_fields(tmp_path, sources, embedder, mode):
    local, milvus, _, _ = _build_both(tmp_path, sources, embedder)
    a = [h.to_json() for h in local.search("养犬管理条例", k=3, mode=mode)]
    b = [h.to_json() for h in milvus.search("养犬管理条例", k=3, mode=mode)]
    assert b and [list(h) for h in b] == [list(h) for h in a]
    json.dumps(b, ensure_ascii=False)


def test_dense_ranking_matches_local(tmp_path, sources, embedder):
    local, milvus, _, _ = _build_both(tmp_path, sources, embedder)
    for q in ("社会办医疗机构奖励", "养犬登记", "产业基金财政奖励"):
        a = [(h.doc_number, h.path) for h in local.search(q, k=5, mode="dense")]
        b = [(h.doc_number, h.path) for h in milvus.search(q, k=5, mode="dense")]
        assert a == b


@pytest.mark.parametrize("filters", [
    {"issuer": "财政局"}, {"kind": "statute"}, {"doc_number": "温政办〔2019〕47号"},
    {"date_from": "2019-07-02", "date_to": "2019-12-31"}, {"date_to": "2019-07-01"},
])
def test_filters_select_the_same_documents(tmp_path, sources, embedder, filters):
    from index.query import Filters

    local, milvus, _, _ = _build_both(tmp_path, sources, embedder)
    f = Filters(**filters)
    a = {(h.doc_number, h.title) for h in local.search("管理", k=50, filters=f, mode="dense")}
    b = {(h.doc_number, h.title) for h in milvus.search("管理", k=50, filters=f, mode="dense")}
    assert a and a == b


def test_quotes_in_a_filter_are_data(tmp_path, sources, embedder):
    from index.query import Filters

    _, milvus, _, _ = _build_both(tmp_path, sources, embedder)
    assert milvus.search("管理", filters=Filters(issuer='财政局" or kind != "x')) == []


def test_named_clause_is_pinned_like_local(tmp_path, sources, embedder):
    local, milvus, _, _ = _build_both(tmp_path, sources, embedder)
    q = "温政办〔2019〕49号 三（九）是什么"
    assert milvus.search(q, k=1)[0].path == local.search(q, k=1)[0].path == ("三", "（九）")


def test_incremental_update_and_removal(tmp_path, sources, embedder):
    from index.stores import build_store, open_store

    files = list(sources.values())
    uri = str(tmp_path / "clauses.db")
    build_store(uri, files, "fake-64", parser=json_parser, embedder=embedder, progress=False)
    again = build_store(uri, files, "fake-64", parser=json_parser, embedder=embedder, progress=False)
    assert again.embedded == 0 and len(again.unchanged) == len(files)

    changed = [d for d in DOCS if d.source != "statute.txt"]
    from dataclasses import replace

    finance = next(d for d in changed if d.source == "finance.txt")
    new_clause = replace(finance.clauses[0], text=finance.clauses[0].text + "奖励标准另行公布。")
    changed = [replace(d, clauses=(new_clause,) + d.clauses[1:]) if d is finance else d for d in changed]
    write_sources(tmp_path / "src", changed)
    (tmp_path / "src" / "statute.txt").unlink()
    files = [p for p in files if p.exists()]
    s = build_store(uri, files, "fake-64", parser=json_parser, embedder=embedder, progress=False)
    assert s.removed == [str(sources["statute.txt"])]
    assert s.changed == [str(sources["finance.txt"])] and s.embedded == 1 and s.reused >= 1
    records = open_store(uri, embedder=embedder).records
    assert not any(r.source == "statute.txt" for r in records)
    assert sum(1 for r in records if r.text.endswith("奖励标准另行公布。")) == 1
    assert len(records) == sum(len(d.clauses) for d in changed)


def test_open_store_dispatch(tmp_path, monkeypatch, sources, embedder):
    from index.search import Searcher
    from index.stores import open_store
    from index.stores.milvus_search import MilvusSearcher

    _, _, _, uri = _build_both(tmp_path, sources, embedder)
    monkeypatch.setenv("GAZETTE_STORE", uri)
    assert isinstance(open_store(None, embedder=embedder), MilvusSearcher)
    assert isinstance(open_store(tmp_path / "idx", embedder=embedder), Searcher)


def test_rerun_after_a_crash_embeds_only_what_is_missing(tmp_path, sources, embedder, monkeypatch):
    from index.stores import build_store, open_store
    from index.stores import milvus as m

    files = list(sources.values())
    uri = str(tmp_path / "clauses.db")
    real_write = m.MilvusStore.write

    def crash_half_way(self, records, vectors, hashes):
        real_write(self, records[:5], vectors[:5], hashes)
        raise KeyboardInterrupt  # the process dies with 5 clauses written

    monkeypatch.setattr(m.MilvusStore, "write", crash_half_way)
    with pytest.raises(KeyboardInterrupt):
        build_store(uri, files, "fake-64", parser=json_parser, embedder=embedder, progress=False)
    monkeypatch.setattr(m.MilvusStore, "write", real_write)
    total = sum(len(d.clauses) for d in DOCS)
    s = build_store(uri, files, "fake-64", parser=json_parser, embedder=embedder, progress=False)
    assert s.reused >= 5 and s.reused + s.embedded >= total and s.embedded < total
    records = open_store(uri, embedder=embedder).records
    assert len(records) == total  # the crashed run's partial rows are gone, nothing twice
    assert len({(r.file, r.path, r.text) for r in records}) == total
