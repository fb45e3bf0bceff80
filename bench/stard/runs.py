"""Run STARD queries through the project's Searcher, with the settings the benchmark tunes swapped in, and score
the runs with STARD's metrics beside the published baselines."""
from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.stard.gold import GoldMapper, Query, load_queries, split_ids, units_from_records
from eval.metrics import recall_at_k, reciprocal_rank

RECALL_KS = (5, 10, 20, 50, 100, 200)
MRR_KS = (3, 5, 10)

# Su et al., "STARD: A Chinese Statute Retrieval Dataset ...", arXiv:2406.15313 (Findings of EMNLP 2024).
# Only R@100 0.907 is checked against the paper itself (its abstract); the rest are secondary quotes,
# see ../shared/bench/STARD/README.md. Dense-STARD is fine-tuned and scored by five-fold cross-validation.
BASELINES = {
    "BM25 (paper, zero-shot)": {"R@10": 0.3943, "R@100": 0.649},
    "Chinese-RoBERTa (paper, zero-shot)": {"R@100": 0.663},
    "SAILER (paper, zero-shot)": {"R@100": 0.567},
    "Dense-STARD (paper, fine-tuned, 5-fold CV)": {"R@10": 0.6061, "R@100": 0.9065, "MRR@10": 0.4724},
}
ZERO_SHOT = ("BM25 (paper, zero-shot)", "Chinese-RoBERTa (paper, zero-shot)", "SAILER (paper, zero-shot)")


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
    searcher.configure(embedder=get_embedder(spec))  # also drops the vectors cached with the old prefix


def set_fusion(searcher, fusion: str | None = None, rrf_k: int | None = None,
               weights: tuple[float, float] | None = None) -> None:
    """Searcher reads these from the manifest at load; the benchmark overrides them per run."""
    searcher.configure(fusion=fusion, rrf_k=rrf_k, weights=weights)


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
    searcher.configure(keyword=kw)
    return tokens


def stard_queries(searcher, split: str, limit: int | None = None) -> list[Query]:
    """The split's queries, gold articles mapped onto this index's clauses."""
    ids = split_ids(split)
    if limit:
        ids = ids[:limit]
    return load_queries(GoldMapper(units_from_records(searcher.records)), ids)


def run(searcher, queries: list[Query], mode: str, k: int = 200, batch: int = 64) -> Run:
    """search_batch in batches; returns clause-id rankings and the wall time (query-vector cache emptied first)."""
    searcher.clear_cache()
    out: list[list[int]] = []
    t = time.perf_counter()
    for start in range(0, len(queries), batch):
        texts = [q.text for q in queries[start:start + batch]]
        for hits in searcher.search_batch(texts, k=k, mode=mode):
            out.append([h.clause_id for h in hits])
    return Run(mode, out, time.perf_counter() - t)


def golds(queries: list[Query]) -> list[list[tuple[int, ...]]]:
    return [[g.clause_ids for g in q.gold] for q in queries]


def evaluate(runs: Sequence[Sequence[int]], golds: Sequence[Sequence[Sequence[int]]]) -> dict[str, float]:
    """Mean R@k and MRR@k over queries, as in the STARD paper; `golds[i]` holds one clause-id tuple per gold article
    of query i (any of them is that article); unmapped gold articles (empty tuples) count as misses."""
    if len(runs) != len(golds):
        raise ValueError("runs and golds differ in length")
    n = max(len(runs), 1)
    out = {f"R@{k}": sum(recall_at_k(r, g, k) for r, g in zip(runs, golds)) / n for k in RECALL_KS}
    relevant = [[c in ids for c in r] for r, ids in ((r, {c for art in g for c in art}) for r, g in zip(runs, golds))]
    out.update({f"MRR@{k}": sum(reciprocal_rank(rel, k) for rel in relevant) / n for k in MRR_KS})
    return out


def metric_names() -> list[str]:
    return [f"R@{k}" for k in RECALL_KS] + [f"MRR@{k}" for k in MRR_KS]
