"""The Searcher's public settings surface: other fusion, BM25 and embedder than the index was built with, and the
vector cache (what the bench scripts tune and time)."""
from __future__ import annotations

import pytest

from index.bm25 import KeywordIndex
from index.embed import FakeEmbedder
from index.errors import BadFilter, IndexIncompatible
from index.search import load_index

QUERY = "社会办医疗机构配置大型医用设备"


def _ids(hits):
    return [h.clause_id for h in hits]


def test_fusion_settings_change_the_ranking(built, embedder):
    searcher = load_index(built, embedder=embedder)
    query = "立法工作计划"  # keyword and dense lists disagree on the order
    keyword, dense = (_ids(searcher.search(query, k=4, mode=m)) for m in ("keyword", "dense"))
    assert keyword[0] != dense[0] and _ids(searcher.search(query, k=4))[0] == keyword[0]
    searcher.configure(weights=(0.0, 1.0))  # only the dense scores count
    assert _ids(searcher.search(query, k=4)) == dense
    searcher.configure(fusion="rrf", rrf_k=1, weights=(1.0, 0.0))  # only the keyword ranks count
    assert (searcher.fusion, searcher.rrf_k, searcher.weights) == ("rrf", 1, (1.0, 0.0))
    assert _ids(searcher.search(query, k=4)) == keyword
    with pytest.raises(BadFilter):
        searcher.configure(fusion="max")


def test_keyword_index_with_other_bm25_parameters(built, embedder):
    searcher = load_index(built, embedder=embedder)
    before = searcher.search(QUERY, k=5, mode="keyword")
    tokens = searcher.tokenizer.tokenize_batch(r.keyword_text for r in searcher.records)
    kw = KeywordIndex(k1=0.1, b=0.0)
    kw.index(tokens)
    searcher.configure(keyword=kw)
    after = searcher.search(QUERY, k=5, mode="keyword")
    assert searcher.stored.keyword is kw and [h.score for h in after] != [h.score for h in before]
    fewer = KeywordIndex()
    fewer.index(tokens[:3])
    with pytest.raises(IndexIncompatible):
        searcher.configure(keyword=fewer)


def test_new_embedder_is_used_and_drops_cached_vectors(built, embedder):
    searcher = load_index(built, embedder=embedder)
    searcher.embed_queries([QUERY])
    other = FakeEmbedder(dim=64, name="fake-64")
    searcher.configure(embedder=other)
    searcher.embed_queries([QUERY])
    assert searcher.embedder is other and other.embedded == 1


def test_clear_cache_of_some_texts(built, embedder):
    searcher = load_index(built, embedder=embedder)
    searcher.embed_queries(["养犬管理", "全科诊所"])
    searcher.clear_cache(["养犬管理"])
    before = embedder.embedded
    searcher.embed_queries(["养犬管理", "全科诊所"])
    assert embedder.embedded == before + 1  # only the forgotten text is embedded again
    searcher.clear_cache()
    searcher.embed_queries(["养犬管理", "全科诊所"])
    assert embedder.embedded == before + 3
