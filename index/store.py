"""Clause store: one JSON line per clause with its document fields, and the text that is embedded."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from index.hits import ClauseHit
from index.tokenize import personnel_name


@dataclass(frozen=True)
class ClauseRecord:
    clause_id: int
    file: str  # the source file it was parsed from (resolved path): the unit of incremental updates
    source: str
    doc_index: int  # position of the document in the store, for per-document filters
    doc_number: str | None
    title: str
    kind: str
    issuer: str | None
    date: str | None
    path: tuple[str, ...]
    label: str
    heading: str | None
    breadcrumb: str  # ancestors' markers and headings, e.g. "二 力争在本年度内完成的立法项目 › （一）"
    text: str
    content_hash: str
    # Document metadata carried to every hit (see corpus.model.Document).
    doc_type: str | None = None
    gazette_issue: str | None = None
    issue_date: str | None = None
    effective_from: str | None = None
    effective_until: str | None = None
    repealed_by: str | None = None
    # Archive links, recomputed over the whole store at every build (index.archive).
    repeals: tuple[str, ...] = ()  # what this clause's document repeals (corpus.model.Document.repeals)
    sources: tuple[str, ...] = ()  # every printing (gazette issue, else source) when the document was printed twice
    duplicate_of: int | None = None  # doc_index of the printing kept in answers; this one is hidden from search

    @property
    def context(self) -> str:
        """Title and breadcrumb: repeated in every window of the clause."""
        return f"{self.title}\n{self.breadcrumb}".strip()

    @property
    def keyword_text(self) -> str:
        # A personnel item's name also as a line of its own: jieba glues a name it does not know to 任 ("黄凡任…",
        # "陶庆|东任"), which no question's "黄凡" would match; both stores (local, Milvus) index this text.
        name = personnel_name(self.text) if self.kind == "appointments" else None
        return f"{self.doc_number or ''}\n{self.context}\n{self.text}" + (f"\n{name}" if name else "")

    def to_json(self) -> dict:
        data = asdict(self)
        data["path"] = list(self.path)
        return data

    @classmethod
    def from_json(cls, data: dict) -> "ClauseRecord":
        return cls(**{**data, "path": tuple(data["path"]), "repeals": tuple(data.get("repeals", ())),
                      "sources": tuple(data.get("sources", ()))})

    def hit(self, rank: int, score: float) -> ClauseHit:
        return ClauseHit(rank=rank, score=float(score), clause_id=self.clause_id, doc_number=self.doc_number,
                         title=self.title, path=self.path, label=self.label, heading=self.heading, text=self.text,
                         source=self.source, issuer=self.issuer, date=self.date, kind=self.kind,
                         doc_type=self.doc_type, gazette_issue=self.gazette_issue, issue_date=self.issue_date,
                         effective_from=self.effective_from, effective_until=self.effective_until,
                         repealed_by=self.repealed_by, sources=self.sources)


def breadcrumb(path: tuple[str, ...], headings: dict[tuple[str, ...], str | None]) -> str:
    parts = []
    for depth in range(1, len(path) + 1):
        prefix = path[:depth]
        heading = headings.get(prefix)
        parts.append(f"{prefix[-1]} {heading}" if heading else prefix[-1])
    return " › ".join(parts)


def content_hash(context: str, text: str, passage_prefix: str = "") -> str:
    return hashlib.sha256(f"{passage_prefix}\x1f{context}\x1f{text}".encode("utf-8")).hexdigest()


def records_from_documents(documents: Iterable, file: str, first_clause_id: int, first_doc_index: int,
                           passage_prefix: str = "") -> list[ClauseRecord]:
    """Flatten corpus Documents (corpus.model.Document) into clause records."""
    out: list[ClauseRecord] = []
    clause_id, doc_index = first_clause_id, first_doc_index
    for doc in documents:
        headings = {c.path: c.heading for c in doc.clauses}
        for clause in doc.clauses:
            crumb = breadcrumb(clause.path, headings)
            context = f"{doc.title}\n{crumb}".strip()
            out.append(ClauseRecord(clause_id, file, doc.source, doc_index, doc.doc_number, doc.title, doc.kind, doc.issuer,
                                    doc.date, tuple(clause.path), clause.label, clause.heading, crumb, clause.text,
                                    content_hash(context, clause.text, passage_prefix),
                                    doc_type=doc.doc_type, gazette_issue=doc.gazette_issue, issue_date=doc.issue_date,
                                    effective_from=doc.effective_from, effective_until=doc.effective_until,
                                    repeals=tuple(getattr(doc, "repeals", ()) or ())))
            clause_id += 1
        doc_index += 1
    return out


def renumber(records: Iterable[ClauseRecord], first_clause_id: int, first_doc_index: int) -> list[ClauseRecord]:
    """Give reused records fresh, contiguous ids in the new store."""
    from dataclasses import replace

    out, doc_map = [], {}
    for i, rec in enumerate(records):
        if rec.doc_index not in doc_map:
            doc_map[rec.doc_index] = first_doc_index + len(doc_map)
        out.append(replace(rec, clause_id=first_clause_id + i, doc_index=doc_map[rec.doc_index]))
    return out


def write_records(path: Path, records: Iterable[ClauseRecord]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")


def read_records(path: Path) -> Iterator[ClauseRecord]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield ClauseRecord.from_json(json.loads(line))


def windows(record: ClauseRecord, max_chars: int) -> list[str]:
    """Texts embedded for one clause: context + text, split into overlapping windows when too long.

    Every window repeats the title and breadcrumb; consecutive windows overlap by a quarter.
    """
    context = record.context
    if len(context) > max_chars // 2:
        context = context[: max_chars // 2]
    full = f"{context}\n{record.text}" if record.text else context
    if len(full) <= max_chars:
        return [full]
    width = max(max_chars - len(context) - 1, 16)
    stride = max(width * 3 // 4, 1)
    out = []
    for start in range(0, len(record.text), stride):
        out.append(f"{context}\n{record.text[start:start + width]}")
        if start + width >= len(record.text):
            break
    return out
