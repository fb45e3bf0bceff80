"""Load an index folder and search it: keyword, dense, or hybrid, with filters and exact references."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import replace

import numpy as np

from index import fusion as fuse
from index import store
from index.answer_types import prior_for
from index.bm25 import KeywordIndex, top_k
from index.folder import StoredIndex, read_index
from index.embed import Embedder, check_dimensions, get_embedder, index_model
from index.errors import BadFilter, IndexIncompatible
from index.hits import ClauseHit
from index.mentions import MentionIndex, joined_text
from index.query import Filters, Intent, SearchOne, analyze, check_mode, issue_matches
from index.script import to_simplified
from index.tokenize import KeywordTokenizer, normalize_doc_number


_CACHE_SIZE = 50_000  # sentence vectors kept in memory (about 100 MB at 512 dimensions)




def load_index(index_dir: str | os.PathLike | None = None, model: str | None = None, verify: bool = True,
               embedder: Embedder | None = None) -> "Searcher":
    """A Searcher over a checked index folder; the model is loaded on the first dense search."""
    return Searcher(read_index(index_dir, verify), model=model, embedder=embedder)





class Searcher(SearchOne):
    """Keeps the index and the model loaded; search() and search_batch() return ClauseHit lists."""

    def __init__(self, stored: StoredIndex, model: str | None = None, embedder: Embedder | None = None):
        self.stored = stored
        self.manifest = stored.manifest
        self.records = stored.records
        m = self.manifest["model"]
        self._model_name = model or m["name"]
        self._embedder = embedder
        self._vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._mention_index: MentionIndex | None = None  # built on first use by mentions()
        self._mention_lock = threading.Lock()
        self._chronicle_entries: list[store.ClauseRecord] | None = None
        self.tokenizer = KeywordTokenizer(stored.user_words, self.manifest["tokenizer"]["stop_words"], lazy=True)
        if self.tokenizer.dictionary_hash != self.manifest["tokenizer"]["dictionary_hash"]:
            raise IndexIncompatible(stored.folder, "分词词典或分词规则与建索引时不同（jieba 或本程序版本变化）")
        settings = self.manifest["settings"]
        self.fusion = settings["fusion"]
        self.rrf_k = settings["rrf_k"]
        self.weights = tuple(settings["weights"])
        self._doc_of = np.array([r.doc_index for r in self.records], dtype=np.int64)
        docs: dict[int, store.ClauseRecord] = {}
        for r in self.records:
            docs.setdefault(r.doc_index, r)
        self._docs = [docs[i] for i in sorted(docs)]
        # Clauses of document d are records[_doc_starts[d]:_doc_starts[d + 1]] (the store keeps them together).
        self._doc_starts = np.searchsorted(self._doc_of, np.arange(len(self._docs) + 1))
        hidden = np.array([d.duplicate_of is not None for d in self._docs], dtype=bool)
        self._shown = ~hidden if hidden.any() else None

    def __len__(self) -> int:
        return len(self.records)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            # Queries are embedded by the backend that embedded the index, unless one is asked for.
            backend = _query_backend(self.manifest["model"])
            self._embedder = get_embedder(index_model(self.manifest, self._model_name, backend))
        return check_dimensions(self._embedder, self.manifest, self.stored.folder)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Normalized passage vectors, e.g. for the answer stage to compare sentences (cached by text)."""
        return self._cached(list(texts), "passage", self._passages)

    def _passages(self, texts: list[str]) -> np.ndarray:
        """Vectors stored at build where the index has them (same model); the model embeds the rest."""
        stored = self.stored.sentences if self._model_name == self.manifest["model"]["name"] else None
        rows = stored.rows(texts) if stored is not None else [None] * len(texts)
        missing = [i for i, r in enumerate(rows) if r is None]
        if len(missing) == len(texts):
            return self.embedder.embed_passages(texts)
        out = np.empty((len(texts), self.manifest["dimensions"]), dtype=np.float32)
        found = [i for i, r in enumerate(rows) if r is not None]
        out[found] = stored.vectors[[rows[i] for i in found]]
        if missing:
            out[missing] = self.embedder.embed_passages([texts[i] for i in missing])
        return out

    def clear_cache(self, texts: Iterable[str] | None = None) -> None:
        """Forget cached vectors: all of them, or those of these texts (benchmarks time uncached work)."""
        with self._cache_lock:
            if texts is None:
                self._vectors.clear()
            else:
                forget = set(texts)
                for key in [key for key in self._vectors if key[1] in forget]:
                    del self._vectors[key]

    def configure(self, *, fusion: str | None = None, rrf_k: int | None = None,
                  weights: tuple[float, float] | None = None, keyword: KeywordIndex | None = None,
                  embedder: Embedder | None = None) -> None:
        """Search with other settings than the index was built with (benchmarks tune them); None keeps a setting.

        keyword: a keyword index over the same clauses (other BM25 parameters); embedder: the same model with, say,
        another query prefix. A new embedder drops the cached vectors, which the old one made."""
        if fusion is not None and fusion not in fuse.FUSIONS:
            raise BadFilter("fusion", fusion, "、".join(fuse.FUSIONS))
        if keyword is not None and keyword.count() != len(self.records):
            raise IndexIncompatible(self.stored.folder, f"关键词索引有 {keyword.count()} 条，索引有 {len(self.records)} 条条款")
        if fusion is not None:
            self.fusion = fusion
        if rrf_k is not None:
            self.rrf_k = rrf_k
        if weights is not None:
            self.weights = tuple(weights)
        if keyword is not None:
            self.stored = replace(self.stored, keyword=keyword)
        if embedder is not None:
            self._embedder = embedder
            self.clear_cache()

    def mentions(self, terms: list[str], gap: int = 0) -> list[bool]:
        """Whether the indexed text (titles, headings, clause text) contains each term; with `gap`, a
        two-character term may also have up to `gap` characters between its two (基建 in 基本建设).
        Answered from character-bigram tables built on first use (index/mentions.py), not by scanning the text."""
        if self._mention_index is None:
            with self._mention_lock:
                if self._mention_index is None:
                    self._mention_index = MentionIndex(joined_text(self.records))
        return self._mention_index.mentions(list(terms), gap)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._cached(list(texts), "query", self.embedder.embed_queries)

    def _cached(self, texts: list[str], role: str, encode) -> np.ndarray:
        """Encode only texts not seen before: the same clause sentences come back for many questions."""
        with self._cache_lock:
            missing = list(dict.fromkeys(t for t in texts if (role, t) not in self._vectors))
        if missing:
            fresh = encode(missing)
            with self._cache_lock:
                for text, vector in zip(missing, fresh):
                    self._vectors[(role, text)] = vector
                while len(self._vectors) > _CACHE_SIZE:
                    self._vectors.popitem(last=False)
        with self._cache_lock:
            found = [self._vectors.get((role, t)) for t in texts]
        if any(v is None for v in found):  # evicted meanwhile by another thread: encode directly
            return encode(texts)
        return np.stack(found) if found else np.zeros((0, self.manifest["dimensions"]), dtype=np.float32)

    # -- filters and exact references ---------------------------------------------------------
    def _doc_mask(self, filters: Filters | None) -> np.ndarray | None:
        """Boolean mask over documents, or None when nothing is filtered."""
        # Another printing of a document shown elsewhere (index.archive) is never a result of its own.
        shown = self._shown
        if filters is None or filters.is_empty():
            return shown
        filters.validate()
        want_number = normalize_doc_number(filters.doc_number) if filters.doc_number else None
        mask = np.ones(len(self._docs), dtype=bool)
        for i, d in enumerate(self._docs):
            # Undated sections (appointments, chronicle) are dated by their issue: 2019-07 spans the month.
            first, last = _date_span(d.date or d.issue_date)
            if want_number and (not d.doc_number or normalize_doc_number(d.doc_number) != want_number):
                mask[i] = False
            elif filters.issuer and filters.issuer not in (d.issuer or ""):
                mask[i] = False
            elif filters.kind and d.kind != filters.kind:
                mask[i] = False
            elif filters.date_from and (not last or last < filters.date_from):
                mask[i] = False
            elif filters.date_to and (not first or first > filters.date_to):
                mask[i] = False
            elif filters.issue and not issue_matches(filters.issue, (d.gazette_issue, *d.sources)):
                mask[i] = False
        return mask & shown if shown is not None else mask

    def _mentioned_docs(self, intent: Intent, doc_mask: np.ndarray | None) -> np.ndarray | None:
        if not intent.doc_mentions:
            return None
        hits = np.array([any(m.matches(d.doc_number) for m in intent.doc_mentions) for d in self._docs], dtype=bool)
        if doc_mask is not None:
            hits &= doc_mask
        return hits if hits.any() else None

    # -- retrieval ------------------------------------------------------------------------------
    def search_batch(self, queries: list[str], k: int = 10, filters: Filters | None = None,
                     mode: str = "hybrid") -> list[list[ClauseHit]]:
        """One result list per query, same order; the model encodes all queries in one call."""
        check_mode(mode)
        queries = [to_simplified(q) for q in queries]  # "國慶節" finds 国庆节
        if not queries or not self.records:
            return [[] for _ in queries]
        doc_mask = self._doc_mask(filters)
        clause_mask = doc_mask[self._doc_of] if doc_mask is not None else None
        intents = [analyze(q) for q in queries]
        focus = [self._mentioned_docs(it, doc_mask) for it in intents]
        depth = max(k * 4, 50)
        kw_lists: list[list[tuple[int, float]]] = [[] for _ in queries]
        kw_focus: list[list[tuple[int, float]]] = [[] for _ in queries]
        dn_lists: list[list[tuple[int, float]]] = [[] for _ in queries]
        dn_focus: list[list[tuple[int, float]]] = [[] for _ in queries]
        if mode != "dense":
            scores = self.stored.keyword.scores([self.tokenizer.tokenize_query(q) for q in queries])
            if clause_mask is not None:
                scores[:, ~clause_mask] = 0.0
            kw_lists = _pairs(*top_k(scores, depth))
            for i, f in enumerate(focus):
                if f is not None:
                    kw_focus[i] = _pairs(*top_k(np.where(f[self._doc_of], scores[i], 0.0)[None, :], depth))[0]
        if mode != "keyword":
            qv = self.embed_queries(queries)
            dn_lists = self._dense(qv, depth, clause_mask)
            for i, f in enumerate(focus):
                if f is not None:
                    dn_focus[i] = self._dense_exact(qv[i], np.flatnonzero(f[self._doc_of]), depth)
        results = []
        for i, intent in enumerate(intents):
            prior = prior_for(queries[i], mode, lambda ids: [self.records[c].text for c in ids])
            ranked = prior(self._fuse(kw_lists[i], dn_lists[i], mode))
            if focus[i] is not None:  # a named document's clauses come first, then the rest
                ranked = fuse.named_first(prior(self._fuse(kw_focus[i], dn_focus[i], mode)), ranked)
            ranked = self._pin_clauses(ranked, intent, focus[i], clause_mask)
            if intent.days:  # "7月16日…": that day's chronicle entry right after the top hit
                ranked = fuse.pin_second(ranked, [r.clause_id for r in self._chronicle() if intent.names_day(r)
                                                 and (clause_mask is None or clause_mask[r.clause_id])])
            results.append([self.records[c].hit(rank, s) for rank, (c, s) in enumerate(ranked[:k], start=1)])
        return results

    def _chronicle(self) -> list[store.ClauseRecord]:
        """The chronicle (政府记事) entries of the index, found once."""
        if self._chronicle_entries is None:
            self._chronicle_entries = [r for r in self.records if r.kind == "chronicle"]
        return self._chronicle_entries

    def _fuse(self, kw: list[tuple[int, float]], dn: list[tuple[int, float]], mode: str) -> list[tuple[int, float]]:
        return fuse.combine(kw, dn, mode, self.fusion, self.rrf_k, self.weights)

    def _dense(self, qv: np.ndarray, depth: int, clause_mask: np.ndarray | None) -> list[list[tuple[int, float]]]:
        """Window search, max-pooled per clause."""
        owner = self.stored.window_owner
        allowed = np.flatnonzero(clause_mask[owner]) if clause_mask is not None else None
        if allowed is not None and len(allowed) == 0:
            return [[] for _ in range(len(qv))]
        n_windows = depth * max(1, int(np.ceil(len(owner) / max(len(self.records), 1))))
        scores, ids = self.stored.dense.search(qv, n_windows, allowed)
        out = []
        for row_s, row_i in zip(scores, ids):
            best: dict[int, float] = {}
            for s, w in zip(row_s, row_i):
                if w < 0:
                    continue
                c = int(owner[w])
                if c not in best or s > best[c]:
                    best[c] = float(s)
            out.append(fuse.ranked(best)[:depth])
        return out

    def _dense_exact(self, q: np.ndarray, clause_ids: np.ndarray, depth: int) -> list[tuple[int, float]]:
        """Exact scores over a few clauses (a named document), max-pooled over their windows."""
        starts = self.stored.window_starts
        windows = np.concatenate([np.arange(starts[c], starts[c + 1]) for c in clause_ids]) if len(clause_ids) else []
        if len(windows) == 0:
            return []
        sims = self.stored.dense.vectors(np.asarray(windows)) @ q
        best: dict[int, float] = {}
        for w, s in zip(windows, sims):
            c = int(self.stored.window_owner[w])
            best[c] = max(best.get(c, -2.0), float(s))
        return fuse.ranked(best)[:depth]

    def _pin_clauses(self, ranked: list[tuple[int, float]], intent: Intent, focus: np.ndarray | None,
                     clause_mask: np.ndarray | None) -> list[tuple[int, float]]:
        """Clauses named by reference ("三（九）", "第三条") go first, within the named or best document."""
        if not intent.clause_refs or not ranked:
            return ranked
        docs = set(np.flatnonzero(focus).tolist()) if focus is not None else {self.records[ranked[0][0]].doc_index}
        candidates = [r for d in sorted(docs) for r in self.records[self._doc_starts[d]:self._doc_starts[d + 1]]
                      if clause_mask is None or clause_mask[r.clause_id]]
        return fuse.pin_named_clauses(ranked, candidates, intent.clause_refs)


def _query_backend(model: dict) -> str | None:
    """The index's backend, unless GAZETTE_BACKEND names one (None: resolve_model decides)."""
    from index.embed import BACKENDS

    chosen = os.environ.get("GAZETTE_BACKEND") or model.get("backend")
    return chosen if chosen in BACKENDS else None


def _date_span(value: str | None) -> tuple[str | None, str | None]:
    """First and last day an ISO date, month (2019-07) or year (2019) covers."""
    if not value:
        return None, None
    value = value[:10]
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-01", f"{value}-31"  # string comparison: no month has a day after 31
    return value, value


def _pairs(scores: np.ndarray, ids: np.ndarray) -> list[list[tuple[int, float]]]:
    return [[(int(c), float(s)) for s, c in zip(rs, ri) if c >= 0] for rs, ri in zip(scores, ids)]
