"""Metrics as pure functions over plain values; each cites its definition. Undefined ratios (0/0) return None."""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Hashable, Iterable, Sequence


def ratio(num: float, den: float) -> float | None:
    """num / den, or None when den is 0 (the metric is undefined, not zero)."""
    return num / den if den else None


def mean(values: Iterable[float | None]) -> float | None:
    """Arithmetic mean of the defined values; None when there are none."""
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


# -- retrieval: `relevant` is one bool per ranked result (rank 1 first) --------------------------------------------

def hit_at_k(relevant: Sequence[bool], k: int) -> float:
    """Success@k: 1 if any of the first k results is relevant, else 0 (Manning et al., IIR 2008, §8.4; trec_eval
    `success_k`)."""
    return 1.0 if any(relevant[:k]) else 0.0


def recall_at_k(ranking: Sequence[Hashable], groups: Sequence[Collection[Hashable]], k: int) -> float:
    """Recall@k (Manning et al., IIR 2008, §8.3: relevant retrieved / relevant) over relevant items given as any-of
    groups of ids (one article in several versions counts once): the share of groups with a member among the first k
    results; an empty group is a miss; 0 when there are no groups."""
    top = set(ranking[:k])
    return sum(any(i in top for i in g) for g in groups) / len(groups) if groups else 0.0


def reciprocal_rank(relevant: Sequence[bool], k: int = 10) -> float:
    """1 / rank of the first relevant result within the first k, else 0; its mean over queries is MRR@k
    (Voorhees, TREC-8 QA track overview, 1999)."""
    for i, rel in enumerate(relevant[:k], start=1):
        if rel:
            return 1.0 / i
    return 0.0


def ndcg_at_k(relevant: Sequence[bool], n_relevant: int, k: int = 10) -> float:
    """Binary-relevance nDCG@k (Järvelin & Kekäläinen, TOIS 2002): DCG = Σ rel_i / log2(i + 1) over the first k,
    divided by the DCG of an ideal ranking with min(n_relevant, k) relevant results first; 0 when nothing is
    relevant."""
    dcg = sum(1.0 / math.log2(i + 1) for i, rel in enumerate(relevant[:k], start=1) if rel)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(n_relevant, k) + 1))
    return dcg / ideal if ideal else 0.0


# -- answers ---------------------------------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC (full-width digits, letters and ％ become half-width; Unicode UAX #15) without whitespace."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def facts_found(answer: str, facts: Sequence[str]) -> list[bool]:
    """For each key fact, whether it occurs in the answer after normalize() on both sides."""
    text = normalize(answer)
    return [normalize(f) in text for f in facts]


def fact_recall(answer: str, facts: Sequence[str]) -> float | None:
    """Share of key facts present in the answer (nugget recall, Voorhees 2003 TREC QA "nugget" evaluation,
    with exact string matching); None when the case has no facts."""
    found = facts_found(answer, facts)
    return ratio(sum(found), len(found))


def citation_precision(cited_is_gold: Sequence[bool]) -> float | None:
    """Share of cited clauses that are gold clauses (citation precision, Gao et al. 2023, ALCE, §2.3, with
    clause identity instead of NLI support); None when nothing is cited."""
    return ratio(sum(cited_is_gold), len(cited_is_gold))


def citation_recall(groups_cited: Sequence[bool]) -> float | None:
    """Share of required gold groups with at least one clause cited (ALCE citation recall, Gao et al. 2023, with
    clause identity); a group of any-of alternatives counts once. None when there are no groups."""
    return ratio(sum(groups_cited), len(groups_cited))


def abstention_scores(abstained: Sequence[bool], answerable: Sequence[bool]) -> dict[str, float | None]:
    """Precision, recall and F1 of abstaining, the positive class being "abstained on an unanswerable question"
    (van Rijsbergen 1979, F1 = 2PR / (P + R)); precision over abstentions, recall over unanswerable questions."""
    tp = sum(1 for a, ok in zip(abstained, answerable) if a and not ok)
    predicted = sum(1 for a in abstained if a)
    actual = sum(1 for ok in answerable if not ok)
    p, r = ratio(tp, predicted), ratio(tp, actual)
    f1 = None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "abstained": predicted, "unanswerable": actual}


def verbatim_share(verified: Sequence[bool]) -> float:
    """Share of quotes that are exact substrings of their cited clause's text; 1.0 when there are no quotes
    (nothing unverified was shown)."""
    return sum(verified) / len(verified) if verified else 1.0


def percentile(values: Sequence[float], q: float) -> float | None:
    """q-th percentile (0-100) by linear interpolation between order statistics (Hyndman & Fan 1996, type 7;
    numpy's default); None for no values."""
    xs = sorted(values)
    if not xs:
        return None
    pos = (len(xs) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


# -- overlap with a reference answer (for LeCoQA's lawyer-written answers) ------------------------------------------

def lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence (dynamic programming, O(len(a)·len(b)) time, O(len(b)) space)."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for ch in a:
        cur = [0]
        for j, other in enumerate(b, start=1):
            cur.append(prev[j - 1] + 1 if ch == other else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(candidate: str, reference: str) -> dict[str, float]:
    """Character-level ROUGE-L (Lin 2004, §3.1) with β = 1: P = LCS/|cand|, R = LCS/|ref|, F = 2PR/(P+R);
    texts are normalize()d first; all 0 when either is empty."""
    c, r = normalize(candidate), normalize(reference)
    lcs = lcs_length(c, r)
    p = lcs / len(c) if c else 0.0
    rec = lcs / len(r) if r else 0.0
    return {"p": p, "r": rec, "f": 2 * p * rec / (p + rec) if p + rec else 0.0}


def char_f1(candidate: str, reference: str) -> float:
    """Character bag-of-tokens F1 as in SQuAD's evaluation script (Rajpurkar et al. 2016) with characters as
    tokens (the CMRC 2018 convention for Chinese); 0 when either is empty."""
    from collections import Counter

    c, r = Counter(normalize(candidate)), Counter(normalize(reference))
    common = sum((c & r).values())
    if not common:
        return 0.0
    p, rec = common / sum(c.values()), common / sum(r.values())
    return 2 * p * rec / (p + rec)
