"""What the UI and the API share: one loaded index, answering, search, clause lookup and the index version."""
from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path

from corpus.model import KINDS
from index.query import Filters


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
    """A Searcher seen through fixed filters, so answers draw only on the chosen documents (a partial view of the
    index: it lists no records and does not say what the whole index's text mentions)."""

    records = None

    def __init__(self, searcher, filters: Filters):
        self.searcher = searcher
        self.filters = filters

    def search(self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid"):
        merged = merge_filters(self.filters, filters)
        if merged is None:
            return []
        return self.searcher.search(query, k, merged, mode)

    def embed(self, texts: list[str]):
        return self.searcher.embed(texts)

    def mentions(self, terms: list[str], gap: int = 0) -> None:
        return None


@dataclass(frozen=True)
class DocumentInfo:
    doc_index: int
    doc_number: str | None
    title: str
    issuer: str | None
    date: str | None
    kind: str
    gazette_issue: str | None = None
    issue_date: str | None = None
    effective_until: str | None = None
    repealed_by: str | None = None
    clauses: int = 0

    @classmethod
    def of(cls, doc_index: int, records: list) -> "DocumentInfo":
        r = records[0]
        return cls(doc_index, r.doc_number, r.title, r.issuer, r.date, r.kind, getattr(r, "gazette_issue", None),
                   getattr(r, "issue_date", None), getattr(r, "effective_until", None),
                   getattr(r, "repealed_by", None), len(records))


@dataclass(frozen=True)
class Coverage:
    """What the loaded index holds, as the page states it."""

    issues: tuple[str, ...]  # 温州市人民政府公报 总第203期（2019年7月）
    documents: int
    other_documents: int  # documents printed in no gazette issue (statutes, single policy files)
    clauses: int


def coverage_of(documents: list[DocumentInfo], clauses: int) -> Coverage:
    from assistant.ui.validity import month_text

    issues: dict[str, list[DocumentInfo]] = {}
    for d in documents:
        if d.gazette_issue:
            issues.setdefault(d.gazette_issue, []).append(d)
    shown = []
    for name, docs in issues.items():
        months = sorted({m for m in (month_text(d.issue_date) for d in docs) if m})
        month = f"（{'、'.join(months)}）" if months else ""
        shown.append(f"{name}{month}，{len(docs)} 份文件")
    other = sum(1 for d in documents if not d.gazette_issue)
    return Coverage(tuple(shown), len(documents), other, clauses)


class Service:
    """One loaded index shared by every UI session and API request (the searcher is safe to share)."""

    def __init__(self, searcher, index_dir: str | os.PathLike, config=None, llm=None):
        from assistant.answer import AnswerConfig

        self.index_dir = Path(index_dir)
        self.config = config or AnswerConfig()
        self.llm = llm
        self._slots = threading.BoundedSemaphore(max_concurrent())
        self._reload_lock = threading.Lock()
        self._model_ready = threading.Event()  # cleared while warm() loads the model
        self._model_ready.set()
        self._model_error: Exception | None = None
        self._use(searcher)

    def _use(self, searcher) -> None:
        """Serve from this searcher: clause lookup, per-document lists and the index version follow it."""
        by_doc: dict[int, list] = {}
        for r in searcher.records:
            by_doc.setdefault(r.doc_index, []).append(r)
        self.records = {r.clause_id: r for r in searcher.records}
        self._by_doc = by_doc
        self.documents = [DocumentInfo.of(i, rs) for i, rs in sorted(by_doc.items())]
        self.coverage = coverage_of(self.documents, len(searcher.records))
        self.index_version = index_version(self.index_dir, searcher.manifest)
        self.searcher = searcher

    @classmethod
    def open(cls, index_dir: str | os.PathLike | None = None, model: str | None = None) -> "Service":
        """Load the index (building the default one on first run), its answer settings and the optional LLM."""
        from assistant.answer import LLMSettings, load_config
        from index.paths import resolve_index_dir
        from index.build import ensure_index
        from index.search import load_index

        searcher = load_index(index_dir, model) if index_dir else ensure_index(None, model)
        folder = resolve_index_dir(index_dir)
        return cls(searcher, folder, load_config(folder), LLMSettings.from_env())

    def warm(self) -> None:
        """In the background: load the embedding model, answer one throwaway question, embed clause sentences;
        the caller meanwhile builds the UI (creating the model's session mostly releases the GIL). Questions wait
        for the model; ready() waits too and raises its loading error."""
        from assistant.answer.select import warm_up

        self._model_ready.clear()

        def background() -> None:
            try:
                self.searcher.search("政策", k=1)
            except Exception as exc:  # noqa: BLE001 - reported by ready() and by each question
                self._model_error = exc
            finally:
                self._model_ready.set()
            # One throwaway question loads the answer stage's tables, so the first user's question does not pay.
            try:
                self.ask("这项政策由哪个部门负责？")
            except Exception:  # warming must never take the server down; the real question will report errors
                pass
            warm_up(self.searcher, self.searcher.records)

        threading.Thread(target=background, daemon=True).start()

    def ready(self) -> None:
        """Wait until warm() has loaded the model; raises what loading it raised (ModelUnavailable, ...)."""
        self._model_ready.wait()
        if self._model_error is not None:
            raise self._model_error

    def ask(self, question: str, history: Iterable | None = None, filters: Filters | None = None,
            k: int | None = None):
        from assistant.answer import answer_question

        self._model_ready.wait()
        retriever = self.searcher if filters is None or filters.is_empty() else FilteredRetriever(self.searcher, filters)
        with self._slots:
            return answer_question(question, retriever, self.config, history=list(history or []), k=k, llm=self.llm)

    def search(self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid"):
        self._model_ready.wait()
        with self._slots:
            return self.searcher.search(query, k, filters, mode)

    def record(self, clause_id: int):
        return self.records.get(clause_id)

    def document_records(self, clause_id: int) -> list:
        """Every clause of the document that holds clause_id, in order."""
        rec = self.records.get(clause_id)
        return list(self._by_doc.get(rec.doc_index, [])) if rec else []

    def doc_records(self, doc_index: int) -> list:
        return list(self._by_doc.get(doc_index, []))

    def add_source(self, path: str | os.PathLike) -> "AddResult":
        """Add a gazette file to the served index as `gazette index` would (unchanged sources reused), then
        serve the new index. Raises SourceRejected with a Chinese message when the file yields nothing."""
        from index.build import build_index
        from index.search import load_index

        path = Path(path).resolve()
        with self._reload_lock:
            manifest = self.searcher.manifest
            sources = [s for s in manifest.get("sources", {}) if Path(s).exists() and Path(s) != path] + [str(path)]
            errors: list[str] = []
            before = len(self.documents)
            embedder = self.searcher.embedder  # the model already loaded for queries embeds the new clauses
            summary = build_index(sources, self.index_dir, manifest["model"]["name"], progress=False,
                                  embedder=embedder, on_error=lambda exc: errors.append(str(exc)))
            if str(path) in summary.skipped:
                raise SourceRejected(f"无法读取文件 {path.name}：{'；'.join(errors) or '格式无法识别'}")
            searcher = load_index(self.index_dir, None, embedder=embedder)
            self._use(searcher)
        added = [d for d in self.documents if any(r.file == str(path) for r in self._by_doc[d.doc_index][:1])]
        if not added:
            raise SourceRejected(f"文件 {path.name} 中没有识别出任何文件或条款。")
        return AddResult(path.name, len(added), sum(d.clauses for d in added), len(self.documents) - before)

    def issuers(self) -> list[str]:
        return sorted({d.issuer for d in self.documents if d.issuer})

    def kinds(self) -> list[str]:
        present = {d.kind for d in self.documents}
        return [k for k in KINDS if k in present]


class SourceRejected(ValueError):
    """An uploaded gazette file that could not be added (message in Chinese)."""


@dataclass(frozen=True)
class AddResult:
    name: str
    documents: int  # documents the file holds now
    clauses: int
    new_documents: int  # change in the index's document count


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
