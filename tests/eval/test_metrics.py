"""Metrics on tiny hand-computed examples (exact values)."""
from __future__ import annotations

import math

import pytest

from eval import metrics as m


def test_hit_rr_ndcg():
    rel = [False, True, False, True]
    assert m.hit_at_k(rel, 1) == 0.0 and m.hit_at_k(rel, 2) == 1.0
    assert m.reciprocal_rank(rel) == 0.5
    assert m.reciprocal_rank([False] * 10 + [True], 10) == 0.0
    # DCG = 1/log2(3) + 1/log2(5); ideal with 2 relevant = 1 + 1/log2(3)
    expected = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))
    assert m.ndcg_at_k(rel, 2, 10) == pytest.approx(expected, abs=1e-12)
    assert m.ndcg_at_k([True], 1) == 1.0
    assert m.ndcg_at_k([False, False], 0) == 0.0  # no relevant clause: 0, not a division by zero
    assert m.ndcg_at_k([], 3) == 0.0


def test_recall_at_k_counts_each_any_of_group_once():
    ranking = [7, 3, 9, 4, 1]
    # article A in two versions (ids 3 and 4, both retrieved), article B (id 1), article C unmapped (no ids)
    groups = [(3, 4), (1,), ()]
    assert m.recall_at_k(ranking, groups, 1) == 0.0
    assert m.recall_at_k(ranking, groups, 2) == pytest.approx(1 / 3)
    assert m.recall_at_k(ranking, groups, 5) == pytest.approx(2 / 3)  # A counts once, C is a miss
    assert m.recall_at_k(ranking, [], 5) == 0.0


def test_facts_normalise_width_and_percent():
    answer = "补助不超过１０％，单件最高不超过50万元。"
    assert m.facts_found(answer, ["10%", "50万元", "60万元"]) == [True, True, False]
    assert m.fact_recall(answer, ["10%", "50万元", "60万元"]) == pytest.approx(2 / 3)
    assert m.fact_recall(answer, []) is None


def test_citation_precision_recall():
    assert m.citation_precision([True, False, False, True]) == 0.5
    assert m.citation_precision([]) is None
    assert m.citation_recall([True, False]) == 0.5
    assert m.citation_recall([]) is None


def test_abstention_scores():
    # abstained on: 1 unanswerable (TP), 1 answerable (FP); missed 1 unanswerable.
    s = m.abstention_scores([True, True, False, False], [False, True, False, True])
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 0.5, 0.5)
    none = m.abstention_scores([False, False], [True, True])
    assert none["precision"] is None and none["recall"] is None and none["f1"] is None
    zero = m.abstention_scores([True], [True])
    assert zero["precision"] == 0.0 and zero["recall"] is None


def test_verbatim_and_percentiles():
    assert m.verbatim_share([True, True, False, True]) == 0.75
    assert m.verbatim_share([]) == 1.0
    assert m.percentile([10, 20, 30, 40], 50) == 25.0
    assert m.percentile([10, 20, 30, 40], 95) == pytest.approx(38.5)
    assert m.percentile([7], 95) == 7
    assert m.percentile([], 50) is None


def test_rouge_l_and_char_f1():
    # LCS("ABCBDAB", "BDCABA") = 4 (Cormen et al. example)
    assert m.lcs_length("ABCBDAB", "BDCABA") == 4
    r = m.rouge_l("依法登记个体工商户", "个体工商户须依法登记")
    # LCS = 个体工商户 (5); P = 5/9, R = 5/10
    assert r["p"] == pytest.approx(5 / 9) and r["r"] == pytest.approx(0.5)
    assert r["f"] == pytest.approx(2 * (5 / 9) * 0.5 / (5 / 9 + 0.5))
    assert m.rouge_l("", "abc") == {"p": 0.0, "r": 0.0, "f": 0.0}
    assert m.char_f1("abca", "abd") == pytest.approx(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))
    assert m.char_f1("x", "y") == 0.0


def test_mean_and_ratio_guard_zero():
    assert m.ratio(1, 0) is None and m.mean([None, None]) is None and m.mean([1.0, None, 0.0]) == 0.5
