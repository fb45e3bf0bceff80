"""Result types of the answer stage and the retriever interface it programs against."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from index.hits import ClauseHit
from index.query import Filters
from index.store import ClauseRecord


class Retriever(Protocol):
    """What the answerer needs from the index: clause search, the same model's sentence vectors, and where the
    retriever sees the whole index (index.search.Searcher, the Milvus searcher) its clauses and the words its text
    holds. A view of part of the index (the UI's filtered retriever) has no records and cannot say what the text
    mentions: then neighbouring clauses, gazette issues and uncovered topics are not looked up."""

    @property
    def records(self) -> Sequence[ClauseRecord] | None: ...  # every clause, records[clause_id]; None: a partial view

    def search(self, query: str, k: int = 10, filters: Filters | None = None,
               mode: str = "hybrid") -> list[ClauseHit]: ...

    def embed(self, texts: list[str]) -> Any: ...  # (n, dim) L2-normalized; ndarray or nested sequences

    def mentions(self, terms: list[str], gap: int = 0) -> list[bool] | None:
        """Whether the indexed text holds each term (a two-character term also with up to `gap` characters between
        its two); None where the retriever cannot say."""
        ...


@dataclass(frozen=True)
class Citation:
    marker: int
    clause_id: int
    doc_number: str | None
    title: str
    path: tuple[str, ...]
    label: str
    quote: str
    source: str
    gazette_issue: str | None = None
    issue_date: str | None = None
    effective_until: str | None = None
    repealed_by: str | None = None

    @classmethod
    def of(cls, marker: int, hit: ClauseHit, quote: str) -> Citation:
        """A citation of a quote from a retrieved clause, carrying the hit's validity metadata."""
        return cls(marker, hit.clause_id, hit.doc_number, hit.title, tuple(hit.path), hit.label, quote, hit.source,
                   hit.gazette_issue, hit.issue_date, hit.effective_until, hit.repealed_by)

    def to_json(self) -> dict:
        return {
            "marker": self.marker,
            "doc_number": self.doc_number,
            "title": self.title,
            "path": list(self.path),
            "label": self.label,
            "quote": self.quote,
            "clause_id": self.clause_id,
            "source": self.source,
            "gazette_issue": self.gazette_issue,
            "issue_date": self.issue_date,
            "effective_until": self.effective_until,
            "repealed_by": self.repealed_by,
        }


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    abstained: bool
    citations: tuple[Citation, ...]
    related: tuple[ClauseHit, ...]
    rewritten_question: str | None = None
    evidence: float = 0.0  # best fused evidence score; what abstention and calibration compare
    by_llm: bool = False
    # The asked-for fact as a verbatim span of the first cited clause (its marker follows it in `text`).
    direct_answer: str | None = None
    # The document was found but not the detail asked: abstained, with what the gazette does say quoted.
    partial: bool = False

    def to_json(self) -> dict:
        """The `gazette ask --json` object."""
        return {
            "question": self.question,
            "answer": self.text,
            "direct_answer": self.direct_answer,
            "abstained": self.abstained,
            "partial": self.partial,
            "citations": [c.to_json() for c in self.citations],
            "related": [h.to_json() for h in self.related],
        }


def doc_key(doc_number: str | None, title: str) -> str:
    """Stable id of a document within a corpus, as corpus.Document.doc_id: the number, else the title."""
    return doc_number or title


def doc_ref(doc_number: str | None, title: str) -> str:
    """《标题》（文号）, or 《标题》 when the document has no number."""
    name = f"《{title.strip('《》')}》" if title else "该文件"
    return f"{name}（{doc_number}）" if doc_number else name


def as_vectors(matrix: Any) -> list[Sequence[float]]:
    """Rows of an embedding matrix as plain sequences, so numpy stays inside index/."""
    return matrix.tolist() if hasattr(matrix, "tolist") else [list(row) for row in matrix]
