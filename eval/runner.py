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
from eval.judge import judge

RETRIEVAL_K = 10
Progress = Callable[[int, int, dict], None]


@dataclass
class EvalRun:
    rows: list[dict]
    meta: dict = field(default_factory=dict)

    def summary(self) -> dict:
        from eval.score import score

        return score(self.rows)


def clause_text_from(searcher) -> Callable[[int], str | None]:
    """clause id -> its text in the index the searcher reads (what quotes are verified against)."""
    records = getattr(searcher, "records", None)

    def text(clause_id: int) -> str | None:
        if records is not None and 0 <= clause_id < len(records):
            return records[clause_id].text
        return None

    return text


def run_eval(cases: Sequence[Case], searcher, answerer: Callable[[str], object], *,
             clause_text: Callable[[int], str | None] | None = None, k: int = RETRIEVAL_K,
             progress: Progress | None = None, meta: dict | None = None) -> EvalRun:
    """Search (top k) and answer every case with the same searcher and answerer; progress(done, total, row).

    The answerer (question -> Answer) is passed in, so eval depends on no answer stage of its own."""
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
