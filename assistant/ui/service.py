"""What the UI and the API share: one loaded index, answering, search, clause lookup and the index version."""
from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path

from index.query import Filters

# Chinese names of corpus.model.KINDS for the filter menus.
KIND_NAMES = {
    "normative": "规范性文件",
    "notice": "通知",
    "appointments": "人事任免",
    "news": "政务简讯",
    "chronicle": "政府记事",
    "statistics": "统计资料",
    "feature": "专题文章",
    "captions": "图片新闻",
    "statute": "法规条例",
    "unstructured": "其他",
}


def merge_filters(outer: Filters | None, inner: Filters | None) -> Filters | None:
    """The UI's filters combined with the answerer's own (it narrows to a cited document for follow-ups).

    Returns None when both name different documents: nothing can match both.
    """
    if outer is None or outer.is_empty():
        return inner
    if inner is None or inner.is_empty():
        return outer
    merged = {}
    for f in fields(Filters):
        a, b = getattr(outer, f.name), getattr(inner, f.name)
        if a and b and a != b and f.name in ("doc_number", "kind"):
            return None
        merged[f.name] = b or a
    return Filters(**merged)


class FilteredRetriever:
    """A Searcher seen through fixed filters, so answers draw only on the chosen documents."""

    def __init__(self, searcher, filters: Filters):
        self.searcher = searcher
        self.filters = filters

    def search(self, query, k=10, filters=None, mode="hybrid"):
        merged = merge_filters(self.filters, filters)
        if merged is None:
            return []
        return self.searcher.search(query, k, merged, mode)

    def embed(self, texts):
        return self.searcher.embed(texts)


@dataclass(frozen=True)
class DocumentInfo:
    doc_index: int
    doc_number: str | None
    title: str
    issuer: str | None
    date: str | None
    kind: str


class Service:
    """One loaded index shared by every UI session and API request (the searcher is safe to share)."""

    def __init__(self, searcher, index_dir: str | os.PathLike, config=None, llm=None):
        from assistant.answer import AnswerConfig

        self.searcher = searcher
        self.index_dir = Path(index_dir)
        self.config = config or AnswerConfig()
        self.llm = llm
        self.records = {r.clause_id: r for r in searcher.records}
        by_doc: dict[int, list] = {}
        for r in searcher.records:
            by_doc.setdefault(r.doc_index, []).append(r)
        self._by_doc = by_doc
        self.documents = [DocumentInfo(i, rs[0].doc_number, rs[0].title, rs[0].issuer, rs[0].date, rs[0].kind)
                          for i, rs in sorted(by_doc.items())]
        self.index_version = index_version(self.index_dir, searcher.manifest)
        self._slots = threading.BoundedSemaphore(max_concurrent())

    @classmethod
    def open(cls, index_dir: str | os.PathLike | None = None, model: str | None = None) -> "Service":
        """Load the index (building the default one on first run), its answer settings and the optional LLM."""
        from assistant.answer import LLMSettings, load_config
        from index.paths import resolve_index_dir
        from index.search import ensure_index, load_index

        searcher = load_index(index_dir, model) if index_dir else ensure_index(None, model)
        folder = resolve_index_dir(index_dir)
        return cls(searcher, folder, load_config(folder), LLMSettings.from_env())

    def warm(self) -> None:
        """Load the embedding model now, then embed clause sentences in the background for fast answers."""
        import threading

        from assistant.answer.select import warm_up

        self.searcher.search("温州", k=1)
        threading.Thread(target=warm_up, args=(self.searcher, self.searcher.records), daemon=True).start()

    def ask(self, question: str, history: Iterable | None = None, filters: Filters | None = None,
            k: int | None = None):
        from assistant.answer import answer_question

        retriever = self.searcher if filters is None or filters.is_empty() else FilteredRetriever(self.searcher, filters)
        with self._slots:
            return answer_question(question, retriever, self.config, history=list(history or []), k=k, llm=self.llm)

    def search(self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid"):
        with self._slots:
            return self.searcher.search(query, k, filters, mode)

    def record(self, clause_id: int):
        return self.records.get(clause_id)

    def document_records(self, clause_id: int) -> list:
        """Every clause of the document that holds clause_id, in order."""
        rec = self.records.get(clause_id)
        return list(self._by_doc.get(rec.doc_index, [])) if rec else []

    def issuers(self) -> list[str]:
        return sorted({d.issuer for d in self.documents if d.issuer})

    def kinds(self) -> list[str]:
        present = {d.kind for d in self.documents}
        return [k for k in KIND_NAMES if k in present]


def max_concurrent() -> int:
    """Answers computed at once (GAZETTE_MAX_CONCURRENT, default the CPU count up to 4); other requests queue.

    Answering is CPU-bound: more threads than cores only interleave, slowing every answer and holding more
    memory at once.
    """
    try:
        value = int(os.environ.get("GAZETTE_MAX_CONCURRENT") or 0)
    except ValueError:
        value = 0
    return value if value > 0 else max(1, min(4, os.cpu_count() or 1))


def index_version(folder: Path, manifest: dict) -> str:
    """Build time and a short hash of manifest.json: what feedback records so it can be traced to an index."""
    try:
        digest = hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest()[:12]
    except OSError:
        digest = "unknown"
    return f"{manifest.get('created', '')}#{digest}"


def filters_from(doc_number: str | None = None, issuer: str | None = None, kind: str | None = None,
                 date_from: str | None = None, date_to: str | None = None) -> Filters:
    """Filters from UI or API values; empty strings mean "any"."""
    return replace(Filters(), doc_number=doc_number or None, issuer=issuer or None, kind=kind or None,
                   date_from=date_from or None, date_to=date_to or None)
