"""Run eval cases through search and ask with one loaded searcher; one self-contained result row per case.

The row is the run format written to results.jsonl: it holds the case's gold and facts next to what the system
returned, so any run can be re-scored later (eval.score reads rows, never the live system).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from eval.evalset import Case, GoldClause
from eval.metrics import facts_found

RETRIEVAL_K = 10
Progress = Callable[[int, int, dict], None]


@dataclass
class EvalRun:
    rows: list[dict]
    meta: dict = field(default_factory=dict)

    def summary(self) -> dict:
        from eval.score import score

        return score(self.rows)


def default_answerer(searcher, config=None, k: int | None = None) -> Callable[[str], object]:
    """question -> assistant.answer.Answer over the given searcher (no language model: the extractive answer)."""
    from assistant.answer import answer_question

    def answer(question: str):
        return answer_question(question, searcher, config, k=k)

    return answer


def clause_text_from(searcher) -> Callable[[int], str | None]:
    """clause id -> its text in the index the searcher reads (what quotes are verified against)."""
    records = getattr(searcher, "records", None)

    def text(clause_id: int) -> str | None:
        if records is not None and 0 <= clause_id < len(records):
            return records[clause_id].text
        return None

    return text


def run_eval(cases: Sequence[Case], searcher, answerer: Callable[[str], object] | None = None, *,
             clause_text: Callable[[int], str | None] | None = None, k: int = RETRIEVAL_K,
             progress: Progress | None = None, meta: dict | None = None) -> EvalRun:
    """Search (top k) and answer every case with the same searcher and answerer; progress(done, total, row)."""
    answerer = answerer or default_answerer(searcher)
    clause_text = clause_text or clause_text_from(searcher)
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = []
    for i, case in enumerate(cases, start=1):
        row = run_case(case, searcher, answerer, clause_text, k)
        rows.append(row)
        if progress:
            progress(i, len(cases), row)
    info = {"started": started, "cases": len(cases), "k": k, **(meta or {})}
    return EvalRun(rows, info)


def run_case(case: Case, searcher, answerer, clause_text, k: int = RETRIEVAL_K) -> dict:
    t0 = time.perf_counter()
    hits = list(searcher.search(case.question, k=k))
    search_ms = (time.perf_counter() - t0) * 1000
    row = {
        "id": case.id, "persona": case.persona, "question": case.question, "answerable": case.answerable,
        "spans": case.spans, "gold": [g.to_json() for g in case.gold], "facts": list(case.facts),
        "docs": list(case.docs) if case.gold else [],
        "notes": case.notes, "reference_answer": case.reference_answer,
        "retrieved": [_hit_row(h, case.gold) for h in hits],
        # The baseline every answer must beat: quoting the top-ranked clause whole.
        "top_text": hits[0].text if hits else "",
        "search_ms": round(search_ms, 1), "error": None,
    }
    t0 = time.perf_counter()
    try:
        answer = answerer(case.question)
    except Exception as exc:  # an answer-stage failure is a failed case, shown in the report, not a crashed run
        row.update(answer="", abstained=True, evidence=None, citations=[], related=[],
                   latency_ms=round((time.perf_counter() - t0) * 1000, 1), error=f"{type(exc).__name__}: {exc}")
        return judge(row)
    latency_ms = (time.perf_counter() - t0) * 1000
    citations = []
    for c in getattr(answer, "citations", ()):
        source = clause_text(c.clause_id)
        citations.append({
            "marker": c.marker, "doc_number": c.doc_number, "title": c.title, "path": list(c.path),
            "label": c.label, "quote": c.quote, "clause_id": c.clause_id,
            "verbatim": bool(c.quote) and source is not None and c.quote in source,
        })
    row.update(answer=answer.text, abstained=bool(answer.abstained), evidence=getattr(answer, "evidence", None),
               citations=citations, related=[_hit_row(h, case.gold) for h in getattr(answer, "related", ())],
               latency_ms=round(latency_ms, 1))
    return judge(row)


def _hit_row(hit, gold: Sequence[GoldClause]) -> dict:
    return {"rank": hit.rank, "doc_number": hit.doc_number, "title": hit.title, "path": list(hit.path),
            "label": hit.label, "score": round(float(hit.score), 6),
            "gold": any(g.matches(hit.doc_number, hit.title, hit.path) for g in gold)}


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
