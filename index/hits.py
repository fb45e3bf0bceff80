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
        }
