"""Run eval cases through search and ask with one loaded searcher; one self-contained result row per case
(eval.results.ResultRow, the run format written to results.jsonl)."""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from eval.evalset import Case
from eval.judge import judge
from eval.results import CitedQuote, RankedClause, ResultRow

RETRIEVAL_K = 10
Progress = Callable[[int, int, ResultRow], None]


@dataclass
class EvalRun:
    rows: list[ResultRow]
    meta: dict = field(default_factory=dict)

    def summary(self) -> dict:
        from eval.score import score

        return score(self.rows)


def clause_text_from(searcher) -> Callable[[int], str | None]:
    """clause id -> its text in the index the searcher reads (what quotes are verified against); None for every
    clause when the searcher lists no records."""
    records = searcher.records

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


def run_case(case: Case, searcher, answerer, clause_text, k: int = RETRIEVAL_K) -> ResultRow:
    t0 = time.perf_counter()
    hits = list(searcher.search(case.question, k=k))
    search_ms = round((time.perf_counter() - t0) * 1000, 1)
    t0 = time.perf_counter()
    try:
        answer = answerer(case.question)
    except Exception as exc:  # an answer-stage failure is a failed case, shown in the report, not a crashed run
        answer, error = None, f"{type(exc).__name__}: {exc}"
    else:
        error = None
    latency_ms = round((time.perf_counter() - t0) * 1000, 1)
    row = ResultRow(
        case=case, retrieved=tuple(_ranked(h) for h in hits), top_text=hits[0].text if hits else "",
        search_ms=search_ms, error=error,
        answer="" if answer is None else answer.text, abstained=True if answer is None else bool(answer.abstained),
        evidence=getattr(answer, "evidence", None), citations=_cited(answer, clause_text),
        related=tuple(_ranked(h) for h in getattr(answer, "related", ())), latency_ms=latency_ms)
    return judge(row)


def _cited(answer, clause_text: Callable[[int], str | None]) -> tuple[CitedQuote, ...]:
    """The answer's citations, each checked against the clause text in the index (verbatim)."""
    out = []
    for c in getattr(answer, "citations", ()):
        source = clause_text(c.clause_id)
        out.append(CitedQuote(c.marker, c.doc_number, c.title, tuple(c.path), c.label, c.quote, c.clause_id,
                              bool(c.quote) and source is not None and c.quote in source))
    return tuple(out)


def _ranked(hit) -> RankedClause:
    return RankedClause(hit.rank, hit.doc_number, hit.title, tuple(hit.path), hit.label, round(float(hit.score), 6))
