"""Judging one result row: which retrieved and cited clauses are gold, which facts the answer holds, pass or fail."""
from __future__ import annotations

from dataclasses import replace

from eval.evalset import GoldClause
from eval.metrics import facts_found
from eval.results import Flags, ResultRow


def judge(row: ResultRow) -> ResultRow:
    """The row with its per-case flags derived from the row itself (gold, retrieved, citations, facts); recomputed
    on re-scoring, so edited gold is honoured."""
    gold = row.case.gold

    def is_gold(item) -> bool:
        return any(g.matches(item.doc_number, item.title, item.path) for g in gold)

    retrieved = tuple(replace(h, gold=is_gold(h)) for h in row.retrieved)
    citations = tuple(replace(c, gold=is_gold(c)) for c in row.citations)
    found = facts_found(row.answer, row.case.facts) if not row.abstained else [False] * len(row.case.facts)
    missing = tuple(f for f, ok in zip(row.case.facts, found) if not ok)
    cited = [any(any(g.matches(c.doc_number, c.title, c.path) for c in citations) for g in grp)
             for grp in gold_groups(row)]
    answerable = row.case.answerable
    flags = Flags(
        retrieval_hit5=any(h.gold for h in retrieved[:5]) if answerable else None,
        cited_gold=(all(cited) if cited else False) if answerable else None,
        facts_ok=(not missing) if answerable else None,
        abstention_ok=row.abstained == (not answerable),
        verbatim_ok=all(c.verbatim for c in citations),
    )
    if answerable:
        passed = bool(flags.retrieval_hit5 and flags.cited_gold and flags.facts_ok
                      and flags.abstention_ok and flags.verbatim_ok)
    else:
        passed = flags.abstention_ok and flags.verbatim_ok
    row = replace(row, retrieved=retrieved, related=tuple(replace(h, gold=is_gold(h)) for h in row.related),
                  citations=citations, facts_found=tuple(f for f, ok in zip(row.case.facts, found) if ok),
                  facts_missing=missing, flags=flags, passed=bool(passed))
    return replace(row, reason=None if passed else failure_reason(row, cited))


def gold_groups(row: ResultRow) -> list[list[GoldClause]]:
    """Required groups of gold clauses: each clause alone when the case spans clauses, else one any-of group."""
    gold = list(row.case.gold)
    if not gold:
        return []
    return [[g] for g in gold] if row.case.spans else [gold]


def failure_reason(row: ResultRow, groups_cited: list[bool]) -> str:
    """The first thing that went wrong, in the pipeline's order, in Chinese for the report."""
    if row.error:
        return f"回答出错：{row.error}"
    if not all(c.verbatim for c in row.citations):
        return "引文与条款原文不一致"
    if not row.case.answerable:
        return "应拒答却作答"
    in_top10 = any(h.gold for h in row.retrieved)
    in_context = any(h.gold for h in row.related) or in_top10
    if not in_top10 and not any(c.gold for c in row.citations):
        return "检索未命中（gold 条款不在前 10）"
    if row.abstained:
        return "误拒答（gold 条款已检索到）" if in_context else "误拒答"
    if not any(groups_cited):
        return "引用了错误的条款"
    if not all(groups_cited):
        return "只引用了部分 gold 条款（跨条款问题）"
    if row.facts_missing:
        return "引用条款正确但要点缺失（选错句子）"
    if not row.flags.retrieval_hit5:
        return "gold 条款排名低于第 5"
    return "未通过"
