"""Result type passed from the index stage to the assistant stage."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClauseHit:
    rank: int
    score: float
    clause_id: int
    doc_number: str | None
    title: str
    path: tuple[str, ...]
    label: str
    heading: str | None
    text: str
    source: str
    issuer: str | None = None
    date: str | None = None
    kind: str = ""
    doc_type: str | None = None
    gazette_issue: str | None = None
    issue_date: str | None = None
    effective_from: str | None = None
    effective_until: str | None = None
    repealed_by: str | None = None  # the document (文号 or title) that repealed this one, where the archive holds it
    sources: tuple[str, ...] = ()  # every gazette issue that printed the document, when more than one did

    def to_json(self) -> dict:
        """The `gazette search --json` hit object."""
        return {
            "rank": self.rank,
            "doc_number": self.doc_number,
            "title": self.title,
            "path": list(self.path),
            "label": self.label,
            "heading": self.heading,
            "text": self.text,
            "score": round(float(self.score), 6),
            "source": self.source,
            "issuer": self.issuer,
            "date": self.date,
            "kind": self.kind,
            "doc_type": self.doc_type,
            "gazette_issue": self.gazette_issue,
            "issue_date": self.issue_date,
            "effective_from": self.effective_from,
            "effective_until": self.effective_until,
            "repealed_by": self.repealed_by,
            "sources": list(self.sources),
        }
