"""Result rows: one self-contained, typed record per eval case, the run format written to results.jsonl.

A row holds the case's gold and facts next to what the system returned, so any run can be re-scored later
(eval.score reads rows, never the live system). to_json() writes the keys in the order results.jsonl has always
had ("docs", the gold documents, is derived from the gold); from_json() also reads rows written before a field
existed (no top_text, related, latency_ms or verdict).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from eval.evalset import Case, GoldClause


@dataclass(frozen=True)
class RankedClause:
    """A clause the searcher returned (top k) or the answer listed as related; gold is set by eval.judge."""
    rank: int
    doc_number: str | None
    title: str
    path: tuple[str, ...]
    label: str
    score: float
    gold: bool = False

    def to_json(self) -> dict:
        return {"rank": self.rank, "doc_number": self.doc_number, "title": self.title, "path": list(self.path),
                "label": self.label, "score": self.score, "gold": self.gold}

    @classmethod
    def from_json(cls, data: Mapping) -> RankedClause:
        return cls(data["rank"], data["doc_number"], data["title"], tuple(data["path"]), data["label"],
                   data["score"], bool(data.get("gold", False)))


@dataclass(frozen=True)
class CitedQuote:
    """A citation of the answer; verbatim: the quote is an exact substring of the cited clause's indexed text."""
    marker: int
    doc_number: str | None
    title: str
    path: tuple[str, ...]
    label: str
    quote: str
    clause_id: int
    verbatim: bool
    gold: bool = False

    def to_json(self) -> dict:
        return {"marker": self.marker, "doc_number": self.doc_number, "title": self.title, "path": list(self.path),
                "label": self.label, "quote": self.quote, "clause_id": self.clause_id, "verbatim": self.verbatim,
                "gold": self.gold}

    @classmethod
    def from_json(cls, data: Mapping) -> CitedQuote:
        return cls(data["marker"], data["doc_number"], data["title"], tuple(data["path"]), data["label"],
                   data["quote"], data["clause_id"], data["verbatim"], bool(data.get("gold", False)))


@dataclass(frozen=True)
class Flags:
    """Per-case checks (eval.judge); the answerable-only ones are None on an unanswerable case."""
    retrieval_hit5: bool | None
    cited_gold: bool | None
    facts_ok: bool | None
    abstention_ok: bool
    verbatim_ok: bool

    def to_json(self) -> dict:
        return {"retrieval_hit5": self.retrieval_hit5, "cited_gold": self.cited_gold, "facts_ok": self.facts_ok,
                "abstention_ok": self.abstention_ok, "verbatim_ok": self.verbatim_ok}

    @classmethod
    def from_json(cls, data: Mapping) -> Flags:
        return cls(data["retrieval_hit5"], data["cited_gold"], data["facts_ok"], data["abstention_ok"],
                   data["verbatim_ok"])


@dataclass(frozen=True)
class ResultRow:
    """One case next to what search and the answerer returned, and the judge's verdict."""
    case: Case
    retrieved: tuple[RankedClause, ...]
    # The baseline every answer must beat: the top-ranked clause quoted whole; None in rows written before it was.
    top_text: str | None
    search_ms: float | None
    error: str | None  # an answer-stage failure ("RuntimeError: …"): the case failed, the run went on
    answer: str
    abstained: bool
    evidence: float | None
    citations: tuple[CitedQuote, ...]
    related: tuple[RankedClause, ...]
    latency_ms: float | None
    # Set by eval.judge:
    facts_found: tuple[str, ...] = ()
    facts_missing: tuple[str, ...] = ()
    flags: Flags | None = None
    passed: bool = False
    reason: str | None = None
    # Overlap with the reference answer (bench/lecoqa.py: ROUGE-L and character F1), when measured.
    overlap: Mapping | None = None

    def to_json(self) -> dict:
        c = self.case
        data = {"id": c.id, "persona": c.persona, "question": c.question, "answerable": c.answerable,
                "spans": c.spans, "gold": [g.to_json() for g in c.gold], "facts": list(c.facts), "docs": list(c.docs),
                "notes": c.notes, "reference_answer": c.reference_answer,
                "retrieved": [h.to_json() for h in self.retrieved]}
        if self.top_text is not None:
            data["top_text"] = self.top_text
        data.update({"search_ms": self.search_ms, "error": self.error, "answer": self.answer,
                     "abstained": self.abstained, "evidence": self.evidence,
                     "citations": [q.to_json() for q in self.citations],
                     "related": [h.to_json() for h in self.related], "latency_ms": self.latency_ms,
                     "facts_found": list(self.facts_found), "facts_missing": list(self.facts_missing),
                     "flags": self.flags.to_json() if self.flags else None, "passed": self.passed,
                     "reason": self.reason})
        if self.overlap is not None:
            data["overlap"] = self.overlap
        return data

    @classmethod
    def from_json(cls, data: Mapping) -> ResultRow:
        """A row of results.jsonl; raises KeyError or TypeError when a field the run format always had is missing."""
        gold = tuple(GoldClause(g.get("doc_number"), g.get("title"), tuple(g["path"])) for g in data["gold"])
        case = Case(data["id"], data["persona"], data["question"], data["answerable"], gold, tuple(data["facts"]),
                    bool(data.get("spans", False)), data.get("reference_answer"), data.get("notes"))
        flags = data.get("flags")
        return cls(
            case=case, retrieved=tuple(RankedClause.from_json(h) for h in data["retrieved"]),
            top_text=data.get("top_text"), search_ms=data.get("search_ms"), error=data.get("error"),
            answer=data["answer"], abstained=data["abstained"], evidence=data.get("evidence"),
            citations=tuple(CitedQuote.from_json(c) for c in data["citations"]),
            related=tuple(RankedClause.from_json(h) for h in data.get("related", ())),
            latency_ms=data.get("latency_ms"), facts_found=tuple(data.get("facts_found", ())),
            facts_missing=tuple(data.get("facts_missing", ())), flags=Flags.from_json(flags) if flags else None,
            passed=bool(data.get("passed", False)), reason=data.get("reason"), overlap=data.get("overlap"))
