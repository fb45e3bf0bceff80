"""STARD's ranking metrics over clause-id runs, and the published baselines to print beside them."""
from __future__ import annotations

from collections.abc import Sequence

RECALL_KS = (5, 10, 20, 50, 100, 200)
MRR_KS = (3, 5, 10)

# Su et al., "STARD: A Chinese Statute Retrieval Dataset ...", arXiv:2406.15313 (Findings of EMNLP 2024).
# Only R@100 0.907 is checked against the paper itself (its abstract); the rest are secondary quotes,
# see /work/shared/bench/STARD/README.md. Dense-STARD is fine-tuned and scored by five-fold cross-validation.
BASELINES = {
    "BM25 (paper, zero-shot)": {"R@10": 0.3943, "R@100": 0.649},
    "Chinese-RoBERTa (paper, zero-shot)": {"R@100": 0.663},
    "SAILER (paper, zero-shot)": {"R@100": 0.567},
    "Dense-STARD (paper, fine-tuned, 5-fold CV)": {"R@10": 0.6061, "R@100": 0.9065, "MRR@10": 0.4724},
}
ZERO_SHOT = ("BM25 (paper, zero-shot)", "Chinese-RoBERTa (paper, zero-shot)", "SAILER (paper, zero-shot)")


def gold_ranks(ranking: Sequence[int], gold: Sequence[Sequence[int]]) -> list[float]:
    """1-based rank of each gold article: the first position of any of its clause ids (inf when absent)."""
    pos: dict[int, int] = {}
    for rank, cid in enumerate(ranking, start=1):
        pos.setdefault(cid, rank)
    return [min((pos[c] for c in ids if c in pos), default=float("inf")) for ids in gold]


def recall_at(ranks: Sequence[float], k: int) -> float:
    """Share of a query's gold articles ranked within k (STARD's Recall@k; unmapped gold count as misses)."""
    return sum(r <= k for r in ranks) / len(ranks) if ranks else 0.0


def rr_at(ranks: Sequence[float], k: int) -> float:
    """Reciprocal rank of the first gold article within k, else 0 (Voorhees, TREC-8 QA, 1999; cut at k)."""
    best = min(ranks, default=float("inf"))
    return 1.0 / best if best <= k else 0.0


def evaluate(runs: Sequence[Sequence[int]], golds: Sequence[Sequence[Sequence[int]]]) -> dict[str, float]:
    """Mean R@k and MRR@k over queries; `golds[i]` holds one clause-id tuple per gold article of query i."""
    if len(runs) != len(golds):
        raise ValueError("runs and golds differ in length")
    n = max(len(runs), 1)
    ranks = [gold_ranks(r, g) for r, g in zip(runs, golds)]
    out = {f"R@{k}": sum(recall_at(r, k) for r in ranks) / n for k in RECALL_KS}
    out.update({f"MRR@{k}": sum(rr_at(r, k) for r in ranks) / n for k in MRR_KS})
    return out


def metric_names() -> list[str]:
    return [f"R@{k}" for k in RECALL_KS] + [f"MRR@{k}" for k in MRR_KS]
