"""Hybrid fusion of ranked lists and pinning of the clauses a query names: pure functions over scores."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

RRF_K = 60
FUSIONS = ("rrf", "weighted")


def rrf(rankings: Sequence[Sequence[int]], k: int = RRF_K, weights: Sequence[float] | None = None) -> dict[int, float]:
    """Reciprocal-rank fusion: score(d) = Σ w_i / (k + rank_i(d)), ranks from 1.

    Cormack, Clarke & Büttcher, "Reciprocal Rank Fusion outperforms Condorcet and individual
    Rank Learning Methods", SIGIR 2009; k = 60 as in the paper. Per-list weights w_i (default 1)
    are the weighted variant used by Elasticsearch and Vespa.
    """
    weights = weights or [1.0] * len(rankings)
    fused: dict[int, float] = {}
    for ranking, w in zip(rankings, weights):
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + w / (k + rank)
    return fused


def min_max(scores: Mapping[int, float]) -> dict[int, float]:
    """Scale to [0, 1]; all-equal scores become 1 (no division by zero)."""
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    if hi - lo <= 1e-12:
        return {i: 1.0 for i in scores}
    return {i: (s - lo) / (hi - lo) for i, s in scores.items()}


def weighted(score_maps: Sequence[Mapping[int, float]], weights: Sequence[float]) -> dict[int, float]:
    """Convex combination of min-max normalized scores (missing = 0); txtai's hybrid scoring."""
    if len(score_maps) != len(weights):
        raise ValueError("score_maps and weights differ in length")
    fused: dict[int, float] = {}
    for scores, w in zip(score_maps, weights):
        for i, s in min_max(scores).items():
            fused[i] = fused.get(i, 0.0) + w * s
    return fused


def ranked(fused: Mapping[int, float]) -> list[tuple[int, float]]:
    """Best first; ties broken by id so runs are reproducible."""
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


def combine(kw: list[tuple[int, float]], dn: list[tuple[int, float]], mode: str, fusion: str, rrf_k: int,
            weights: Sequence[float]) -> list[tuple[int, float]]:
    """The ranking a search mode asks for: the keyword or the dense list alone, or both fused (`weighted`: min-max
    weighted sum; `rrf`: weighted reciprocal-rank fusion with rrf_k)."""
    if mode == "keyword":
        return kw
    if mode == "dense":
        return dn
    if fusion == "weighted":
        return ranked(weighted([dict(kw), dict(dn)], weights))
    return ranked(rrf([[c for c, _ in kw], [c for c, _ in dn]], rrf_k, weights))


def named_first(first: list[tuple[int, float]], rest: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """A named document's clauses (`first`) lead, then the rest without repeats."""
    seen = {c for c, _ in first}
    return first + [(c, s) for c, s in rest if c not in seen]


def pin_named_clauses(ranked: list[tuple[int, float]], candidates, refs) -> list[tuple[int, float]]:
    """Put the clauses a query names ("三（九）") first, scored like the top hit: exact paths, else the item one level
    further down, else the clauses under the named one, else the deepest clauses above it. candidates: clause
    records of the named document(s) in order; refs: index.query clause references."""
    # A part named by its heading ("工作要求部分第（一）条"): only its own items are candidates for that reference.
    scopes = [(ref, _headed_part(candidates, ref.part_heading)) for ref in refs]

    def named(r, test) -> bool:
        return any(test(ref)(r.path) and (part is None or (r.doc_index, r.path[:1]) == part) for ref, part in scopes)

    pinned = [r.clause_id for r in candidates if named(r, lambda ref: ref.matches)]
    if not pinned:
        pinned = [r.clause_id for r in candidates if named(r, lambda ref: ref.matches_through)]
    if not pinned:
        pinned = [r.clause_id for r in candidates if named(r, lambda ref: ref.matches_under)]
    if not pinned:
        above = [r for r in candidates if named(r, lambda ref: ref.matches_above)]
        longest = max((len(r.path) for r in above), default=0)
        pinned = [r.clause_id for r in above if len(r.path) == longest]
    # A label several parts print ("第（二）条" under 一 and under 三): the one the query's words rank higher first.
    rank = {c: i for i, (c, _) in enumerate(ranked)}
    return pin_first(ranked, sorted(pinned, key=lambda c: rank.get(c, len(rank))))


def _headed_part(candidates, words: str | None) -> tuple | None:
    """(document, top-level path) of the one part whose heading holds the longest ending (two characters at least) of
    the words a query puts before 部分 ("47号文工作要求部分" -> 四、工作要求); None when no part, or several, do."""
    if not words:
        return None
    best, parts = 1, []
    for r in candidates:
        if len(r.path) != 1 or not r.heading:
            continue
        size = next((n for n in range(len(words), 1, -1) if words[-n:] in r.heading), 0)
        if size > best:
            best, parts = size, [(r.doc_index, tuple(r.path))]
        elif size == best:
            parts.append((r.doc_index, tuple(r.path)))
    return parts[0] if len(parts) == 1 else None


def pin_first(ranked: list[tuple[int, float]], pinned: list[int]) -> list[tuple[int, float]]:
    """The pinned clauses first, scored like the top hit, then the rest in their order."""
    if not pinned or not ranked:
        return ranked
    top = ranked[0][1]
    own = dict(ranked)
    head = [(c, max(top, own.get(c, top))) for c in pinned]
    chosen = set(pinned)
    return head + [(c, s) for c, s in ranked if c not in chosen]


def pin_second(ranked: list[tuple[int, float]], pinned: list[int]) -> list[tuple[int, float]]:
    """The pinned clauses right after the top hit (first when it is one of them), scored like it."""
    if not pinned or not ranked or ranked[0][0] in pinned:
        return pin_first(ranked, pinned)
    rest = pin_first(ranked[1:], pinned) if len(ranked) > 1 else [(c, ranked[0][1]) for c in pinned]
    return [ranked[0]] + [(c, min(s, ranked[0][1])) for c, s in rest]
