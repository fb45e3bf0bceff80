"""Run STARD queries through the project's Searcher, with the settings the benchmark tunes swapped in."""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from stard_gold import GoldMapper, Query, load_queries, split_ids, units_from_records


@dataclass(frozen=True)
class Run:
    mode: str
    ranking: list[list[int]]  # clause ids per query, best first
    seconds: float


def open_searcher(index_dir: Path, query_prefix: str | None = None):
    """index.search.load_index, optionally with another query prefix (passages keep the index's prefix)."""
    from index.search import load_index

    searcher = load_index(index_dir)
    if query_prefix is not None:
        set_query_prefix(searcher, query_prefix)
    return searcher


def set_query_prefix(searcher, query_prefix: str) -> None:
    """Same model and passage prefix as the index, another query prefix."""
    from index.embed import ModelSpec, get_embedder, resolve_model

    m = searcher.manifest["model"]
    base = resolve_model(m["name"])
    spec = ModelSpec(base.name, base.path, query_prefix, m["passage_prefix"], m["max_seq_length"], base.backend)
    searcher._embedder = get_embedder(spec)
    cache = getattr(searcher, "_vectors", None)  # Searcher caches query vectors by text, not by prefix
    if cache is not None:
        cache.clear()


def set_fusion(searcher, fusion: str | None = None, rrf_k: int | None = None,
               weights: tuple[float, float] | None = None) -> None:
    """Searcher reads these from the manifest at load; the benchmark overrides them per run."""
    if fusion is not None:
        searcher.fusion = fusion
    if rrf_k is not None:
        searcher.rrf_k = rrf_k
    if weights is not None:
        searcher.weights = tuple(weights)


def record_tokens(searcher) -> list[list[str]]:
    """The index's own tokenizer over the index's own keyword texts (what build_index indexed)."""
    return searcher.tokenizer.tokenize_batch(r.keyword_text for r in searcher.records)


def set_bm25(searcher, k1: float, b: float, tokens: list[list[str]] | None = None) -> list[list[str]]:
    """Rebuild the keyword backend with other BM25 parameters; returns the token lists for reuse."""
    from index.bm25 import KeywordIndex

    current = searcher.stored.keyword
    if (current.k1, current.b) == (k1, b):
        return tokens or []
    tokens = tokens or record_tokens(searcher)
    kw = KeywordIndex(k1, b)
    kw.index(tokens)
    searcher.stored = replace(searcher.stored, keyword=kw)
    return tokens


def stard_queries(searcher, split: str, limit: int | None = None) -> list[Query]:
    """The split's queries, gold articles mapped onto this index's clauses."""
    ids = split_ids(split)
    if limit:
        ids = ids[:limit]
    return load_queries(GoldMapper(units_from_records(searcher.records)), ids)


def run(searcher, queries: list[Query], mode: str, k: int = 200, batch: int = 64) -> Run:
    """search_batch in batches; returns clause-id rankings and the wall time (query-vector cache emptied first)."""
    cache = getattr(searcher, "_vectors", None)
    if cache is not None:
        cache.clear()
    out: list[list[int]] = []
    t = time.perf_counter()
    for start in range(0, len(queries), batch):
        texts = [q.text for q in queries[start:start + batch]]
        for hits in searcher.search_batch(texts, k=k, mode=mode):
            out.append([h.clause_id for h in hits])
    return Run(mode, out, time.perf_counter() - t)


def golds(queries: list[Query]) -> list[list[tuple[int, ...]]]:
    return [[g.clause_ids for g in q.gold] for q in queries]
