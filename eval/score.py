"""Score result rows (the run format): metrics overall, by persona and by document; gate and compare runs."""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from eval import metrics as m
from eval.judge import gold_groups, judge
from eval.results import ResultRow

KS = (1, 3, 5, 10)
UNANSWERABLE = "（无法回答）"
# Metric key -> Chinese label, in display order.
LABELS = {
    "hit@1": "条款 hit@1", "hit@3": "条款 hit@3", "hit@5": "条款 hit@5", "hit@10": "条款 hit@10",
    "mrr@10": "MRR@10", "ndcg@10": "nDCG@10",
    "doc_hit@1": "文件 hit@1", "doc_hit@3": "文件 hit@3", "doc_hit@5": "文件 hit@5", "doc_hit@10": "文件 hit@10",
    "citation_precision": "引用精确率", "citation_recall": "引用召回率", "fact_recall": "要点召回率",
    "abstention_precision": "拒答精确率", "abstention_recall": "拒答召回率", "abstention_f1": "拒答 F1",
    "verbatim": "引文逐字率", "pass_rate": "用例通过率",
    "refused_answerable": "可答问题被拒答比例", "baseline_fact_recall": "基线要点召回率（整段引用第1条）",
    "latency_p50_ms": "延迟 p50（毫秒）", "latency_p95_ms": "延迟 p95（毫秒）",
}
# Metrics where lower is better (for gates and deltas).
LOWER_IS_BETTER = {"latency_p50_ms", "latency_p95_ms", "refused_answerable"}


def metrics_of(rows: Sequence[ResultRow]) -> dict:
    """All metrics over a group of rows; ratios are None where undefined (e.g. no unanswerable case)."""
    answerable = [r for r in rows if r.case.answerable]
    out: dict = {"n": len(rows), "answerable": len(answerable), "unanswerable": len(rows) - len(answerable)}
    rels, doc_rels, n_gold = [], [], []
    for r in answerable:
        gold = r.case.gold
        rels.append([h.gold for h in r.retrieved])
        doc_rels.append([any(g.matches_doc(h.doc_number, h.title) for g in gold) for h in r.retrieved])
        n_gold.append(len({(g.doc_id, g.path) for g in gold}))
    for k in KS:
        out[f"hit@{k}"] = m.mean(m.hit_at_k(rel, k) for rel in rels)
        out[f"doc_hit@{k}"] = m.mean(m.hit_at_k(rel, k) for rel in doc_rels)
    out["mrr@10"] = m.mean(m.reciprocal_rank(rel, 10) for rel in rels)
    out["ndcg@10"] = m.mean(m.ndcg_at_k(rel, n, 10) for rel, n in zip(rels, n_gold))
    precisions, recalls, facts, baseline_facts = [], [], [], []
    for r in answerable:
        cited = () if r.abstained else r.citations
        precisions.append(m.citation_precision([c.gold for c in cited]))
        groups = gold_groups(r)
        recalls.append(m.citation_recall([any(any(g.matches(c.doc_number, c.title, c.path) for c in cited)
                                              for g in grp) for grp in groups]))
        if r.case.facts:
            facts.append(m.fact_recall("" if r.abstained else r.answer, r.case.facts))
            if r.top_text is not None:  # rows written before the baseline was recorded have no top text
                baseline_facts.append(m.fact_recall(r.top_text, r.case.facts))
    out["citation_precision"] = m.mean(precisions)
    out["citation_recall"] = m.mean(recalls)
    out["fact_recall"] = m.mean(facts)
    # Floor for the answer stage: citing the top hit gives citation recall = hit@1, its text gives this fact recall.
    out["baseline_fact_recall"] = m.mean(baseline_facts)
    out["refused_answerable"] = m.ratio(sum(1 for r in answerable if r.abstained), len(answerable))
    ab = m.abstention_scores([r.abstained for r in rows], [r.case.answerable for r in rows])
    out["abstention_precision"], out["abstention_recall"], out["abstention_f1"] = ab["precision"], ab["recall"], ab["f1"]
    out["verbatim"] = m.verbatim_share([c.verbatim for r in rows for c in r.citations])
    out["quotes"] = sum(len(r.citations) for r in rows)
    latencies = [r.latency_ms for r in rows if r.latency_ms is not None]
    out["latency_p50_ms"] = m.percentile(latencies, 50)
    out["latency_p95_ms"] = m.percentile(latencies, 95)
    out["pass_rate"] = m.ratio(sum(1 for r in rows if r.passed), len(rows))
    return out


def score(rows: Iterable[ResultRow]) -> dict:
    """{"overall", "by_persona", "by_document", "failures"}; rows are re-judged so edited gold is honoured."""
    rows = [judge(r) for r in rows]
    by_persona: dict[str, list[ResultRow]] = {}
    by_doc: dict[str, list[ResultRow]] = {}
    for r in rows:
        by_persona.setdefault(r.case.persona, []).append(r)
        for doc in r.case.docs or [UNANSWERABLE]:
            by_doc.setdefault(doc, []).append(r)
    return {
        "overall": metrics_of(rows),
        "by_persona": {p: metrics_of(rs) for p, rs in sorted(by_persona.items())},
        "by_document": {d: metrics_of(rs) for d, rs in sorted(by_doc.items())},
        "failures": [{"id": r.case.id, "persona": r.case.persona, "question": r.case.question, "reason": r.reason}
                     for r in rows if not r.passed],
    }


# -- quality gate ------------------------------------------------------------------------------------------------

def load_thresholds(path: str | Path) -> dict[str, float]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.get("min", data).items() if not k.startswith("_")}


def check_gate(overall: dict, thresholds: dict[str, float]) -> list[str]:
    """Chinese messages for every metric below its minimum (above, for latencies); [] when the gate passes."""
    failures = []
    for key, limit in thresholds.items():
        value = overall.get(key)
        label = LABELS.get(key, key)
        if value is None:
            failures.append(f"{label}：无法计算（评测集缺少相应用例），门槛 {limit}")
        elif key in LOWER_IS_BETTER and value > limit:
            failures.append(f"{label}：{value:.4g} 高于上限 {limit:.4g}")
        elif key not in LOWER_IS_BETTER and value < limit:
            failures.append(f"{label}：{value:.4f} 低于门槛 {limit:.4f}")
    return failures


# -- comparing two runs ------------------------------------------------------------------------------------------

def compare(old_rows: Sequence[ResultRow], new_rows: Sequence[ResultRow]) -> dict:
    """Metric deltas (new - old) and the cases that newly fail or newly pass (matched by id)."""
    old_rows, new_rows = [judge(r) for r in old_rows], [judge(r) for r in new_rows]
    old_s, new_s = metrics_of(old_rows), metrics_of(new_rows)
    deltas = {}
    for key in LABELS:
        a, b = old_s.get(key), new_s.get(key)
        deltas[key] = {"old": a, "new": b, "delta": None if a is None or b is None else b - a}
    old_by_id = {r.case.id: r for r in old_rows}
    newly_failing, newly_passing = [], []
    for r in new_rows:
        before = old_by_id.get(r.case.id)
        if before is None:
            continue
        if before.passed and not r.passed:
            newly_failing.append({"id": r.case.id, "question": r.case.question, "reason": r.reason})
        elif not before.passed and r.passed:
            newly_passing.append({"id": r.case.id, "question": r.case.question, "was": before.reason})
    only_new = sorted(set(r.case.id for r in new_rows) - set(old_by_id))
    only_old = sorted(set(old_by_id) - set(r.case.id for r in new_rows))
    return {"metrics": deltas, "newly_failing": newly_failing, "newly_passing": newly_passing,
            "only_new": only_new, "only_old": only_old}
