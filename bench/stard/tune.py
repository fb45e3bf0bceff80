"""Tune the benchmark's retrieval settings on STARD's train split only: BM25 k1/b, the dense query prefix,
and the fusion (RRF k, or weighted-sum weights). Writes a markdown summary that `python -m bench.stard` can include.

    .venv/bin/python -m bench.stard.tune --keyword-index ~/.cache/gazette-stard/fake-full --phases bm25
    .venv/bin/python -m bench.stard.tune --index ~/.cache/gazette-stard/m3e-small --phases prefix,fusion --k1 1.2 --b 0.75

The selection score is the mean of the nine reported metrics (R@5..200, MRR@3/5/10) on train.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from bench.stard.runs import evaluate, golds, metric_names, open_searcher, run, set_bm25, set_query_prefix, stard_queries

K1S = (0.6, 0.9, 1.2, 1.5, 2.0)
BS = (0.3, 0.5, 0.75, 0.9)
PREFIXES = ("", "为这个句子生成表示以用于检索相关文章：", "法律问题：", "查找相关法条：")
RRF_KS = (10, 30, 60, 100)
RRF_WEIGHTS = (0.3, 0.5, 0.7)  # keyword weight in weighted RRF (dense 1 − w)
KW_WEIGHTS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
DEPTH = 800  # what Searcher fuses for k=200: max(4k, 50) from each side


def select(scores: dict[str, float]) -> float:
    return sum(scores.values()) / len(scores)


def row(label: str, s: dict[str, float]) -> str:
    return f"| {label} | " + " | ".join(f"{s[m]:.3f}" for m in metric_names()) + f" | {select(s):.3f} |"


def header(first: str) -> list[str]:
    names = metric_names()
    return [f"| {first} | " + " | ".join(names) + " | mean |", "|---|" + "---|" * (len(names) + 1)]


def tune_bm25(index: Path, split: str, limit: int | None) -> tuple[list[str], tuple[float, float]]:
    searcher = open_searcher(index)
    queries = stard_queries(searcher, split, limit)
    gold = golds(queries)
    t = time.perf_counter()
    tokens = None
    results = []
    for k1 in K1S:
        for b in BS:
            tokens = set_bm25(searcher, k1, b, tokens)
            s = evaluate(run(searcher, queries, "keyword").ranking, gold)
            results.append(((k1, b), s))
            print(row(f"k1={k1} b={b}", s), flush=True)
    best = max(results, key=lambda r: select(r[1]))
    lines = [f"### BM25 k1/b (keyword only, `{index}`, {len(searcher)} clauses, {split} split, "
             f"{len(queries)} queries, {time.perf_counter() - t:.0f} s)", ""] + header("k1, b")
    lines += [row(f"k1={k1} b={b}" + (" **best**" if (k1, b) == best[0] else ""), s) for (k1, b), s in results]
    return lines, best[0]


def tune_prefix(searcher, queries, gold) -> tuple[list[str], str]:
    results = []
    for prefix in PREFIXES:
        set_query_prefix(searcher, prefix)
        s = evaluate(run(searcher, queries, "dense").ranking, gold)
        results.append((prefix, s))
        print(row(json.dumps(prefix, ensure_ascii=False), s), flush=True)
    best = max(results, key=lambda r: select(r[1]))
    lines = ["### Dense query prefix (dense only)", ""] + header("query prefix")
    lines += [row(json.dumps(p, ensure_ascii=False) + (" **best**" if p == best[0] else ""), s) for p, s in results]
    return lines, best[0]


def tune_fusion(searcher, queries, gold) -> tuple[list[str], tuple]:
    """Fuse the Searcher's own keyword and dense lists (depth 800) with index.fusion, as Searcher._fuse does."""
    from index import fusion as fuse

    kw = _lists(searcher, queries, "keyword")
    dn = _lists(searcher, queries, "dense")
    results = []
    for k in RRF_KS:
        for w in RRF_WEIGHTS:
            ranking = [[c for c, _ in fuse.ranked(fuse.rrf([[c for c, _ in a], [c for c, _ in b]], k, (w, 1 - w)))[:200]]
                       for a, b in zip(kw, dn)]
            results.append((("rrf", (k, w)), evaluate(ranking, gold)))
    for w in KW_WEIGHTS:
        ranking = [[c for c, _ in fuse.ranked(fuse.weighted([dict(a), dict(b)], (w, 1 - w)))[:200]]
                   for a, b in zip(kw, dn)]
        results.append((("weighted", w), evaluate(ranking, gold)))
    for cfg, s in results:
        print(row(str(cfg), s), flush=True)
    best = max(results, key=lambda r: select(r[1]))
    lines = ["### Fusion (hybrid): weighted RRF with k and keyword weight w (dense 1 − w), or the min-max weighted "
             "sum with keyword weight w; fused from the Searcher's own keyword and dense lists (depth 800) with "
             "`index.fusion`, as `Searcher._fuse` does", ""]
    lines += header("fusion")
    lines += [row((f"rrf k={v[0]} w={v[1]}" if f == "rrf" else f"weighted w={v}") + (" **best**" if (f, v) == best[0] else ""), s)
              for (f, v), s in results]
    return lines, best[0]


def _lists(searcher, queries, mode: str) -> list[list[tuple[int, float]]]:
    out = []
    for start in range(0, len(queries), 64):
        texts = [q.text for q in queries[start:start + 64]]
        out.extend([(h.clause_id, h.score) for h in hits] for hits in searcher.search_batch(texts, k=DEPTH, mode=mode))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", type=Path, default=Path.home() / ".cache" / "gazette-stard" / "m3e-small")
    ap.add_argument("--keyword-index", type=Path, default=None, help="index for the BM25 grid (default --index)")
    ap.add_argument("--split", default="train", choices=("train", "dev"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--phases", default="bm25,prefix,fusion")
    ap.add_argument("--k1", type=float, default=None)
    ap.add_argument("--b", type=float, default=None)
    ap.add_argument("--query-prefix", default=None)
    ap.add_argument("--out", type=Path, default=Path.home() / ".cache" / "gazette-stard" / "tune.md")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    if args.split != "train":
        print("warning: tuning on a split other than train", file=sys.stderr)

    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    import torch

    torch.set_num_threads(args.threads)
    phases = args.phases.split(",")
    lines = []
    k1, b, prefix = args.k1, args.b, args.query_prefix
    if "bm25" in phases:
        part, (k1, b) = tune_bm25(args.keyword_index or args.index, args.split, args.limit)
        lines += part + [""]
    if "prefix" in phases or "fusion" in phases:
        searcher = open_searcher(args.index, prefix)
        if k1 is not None and b is not None:
            set_bm25(searcher, k1, b)
        queries = stard_queries(searcher, args.split, args.limit)
        gold = golds(queries)
        if "prefix" in phases:
            part, prefix = tune_prefix(searcher, queries, gold)
            lines += part + [""]
            set_query_prefix(searcher, prefix)
        if "fusion" in phases:
            part, best = tune_fusion(searcher, queries, gold)
            lines += [f"BM25 k1={searcher.stored.keyword.k1} b={searcher.stored.keyword.b}, "
                      f"query prefix {json.dumps(prefix, ensure_ascii=False)}; `{args.index}`, {len(searcher)} clauses.", ""]
            lines += part + [""]
            print("best fusion", best)
    print("best", {"k1": k1, "b": b, "prefix": prefix})
    with args.out.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"appended to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
