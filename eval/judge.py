"""Judging one result row: which retrieved and cited clauses are gold, which facts the answer holds, pass or fail."""
from __future__ import annotations

from eval.evalset import GoldClause
from eval.metrics import facts_found


def gold_of(row: dict) -> list[GoldClause]:
    return [GoldClause(g.get("doc_number"), g.get("title"), tuple(g["path"])) for g in row["gold"]]


def judge(row: dict) -> dict:
    """Per-case flags derived from the row itself (gold, retrieved, citations, facts); recomputed on re-scoring."""
    gold = gold_of(row)
    for item in row["retrieved"] + row.get("related", []):
        item["gold"] = any(g.matches(item["doc_number"], item["title"], item["path"]) for g in gold)
    for c in row["citations"]:
        c["gold"] = any(g.matches(c["doc_number"], c["title"], c["path"]) for g in gold)
    found = facts_found(row["answer"], row["facts"]) if not row["abstained"] else [False] * len(row["facts"])
    row["facts_found"] = [f for f, ok in zip(row["facts"], found) if ok]
    row["facts_missing"] = [f for f, ok in zip(row["facts"], found) if not ok]
    groups = gold_groups(row)
    cited = [any(any(g.matches(c["doc_number"], c["title"], c["path"]) for c in row["citations"]) for g in grp)
             for grp in groups]
    rel = [h["gold"] for h in row["retrieved"]]
    flags = {
        "retrieval_hit5": any(rel[:5]) if row["answerable"] else None,
        "cited_gold": (all(cited) if cited else False) if row["answerable"] else None,
        "facts_ok": (not row["facts_missing"]) if row["answerable"] else None,
        "abstention_ok": row["abstained"] == (not row["answerable"]),
        "verbatim_ok": all(c["verbatim"] for c in row["citations"]),
    }
    if row["answerable"]:
        passed = bool(flags["retrieval_hit5"] and flags["cited_gold"] and flags["facts_ok"]
                      and flags["abstention_ok"] and flags["verbatim_ok"])
    else:
        passed = flags["abstention_ok"] and flags["verbatim_ok"]
    row["flags"] = flags
    row["passed"] = bool(passed)
    row["reason"] = None if passed else failure_reason(row, cited)
    return row


def gold_groups(row: dict) -> list[list[GoldClause]]:
    """Required groups of gold clauses: each clause alone when the case spans clauses, else one any-of group."""
    gold = gold_of(row)
    if not gold:
        return []
    return [[g] for g in gold] if row.get("spans") else [gold]


def failure_reason(row: dict, groups_cited: list[bool]) -> str:
    """The first thing that went wrong, in the pipeline's order, in Chinese for the report."""
    if row.get("error"):
        return f"回答出错：{row['error']}"
    if not all(c["verbatim"] for c in row["citations"]):
        return "引文与条款原文不一致"
    if not row["answerable"]:
        return "应拒答却作答"
    in_top10 = any(h["gold"] for h in row["retrieved"])
    in_context = any(h["gold"] for h in row.get("related", [])) or in_top10
    if not in_top10 and not any(c["gold"] for c in row["citations"]):
        return "检索未命中（gold 条款不在前 10）"
    if row["abstained"]:
        return "误拒答（gold 条款已检索到）" if in_context else "误拒答"
    if not any(groups_cited):
        return "引用了错误的条款"
    if not all(groups_cited):
        return "只引用了部分 gold 条款（跨条款问题）"
    if row["facts_missing"]:
        return "引用条款正确但要点缺失（选错句子）"
    if not row["flags"]["retrieval_hit5"]:
        return "gold 条款排名低于第 5"
    return "未通过"
