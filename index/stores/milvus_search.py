"""Search a Milvus store with the local Searcher's contract: same filters, modes, fusion and ClauseHit fields."""
from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

from index import fusion as fuse
from index import store
from index.answer_types import prior_for
from index.embed import check_dimensions, get_embedder, index_model
from index.errors import BadFilter
from index.hits import ClauseHit
from index.mentions import MentionIndex, joined_text
from index.query import Filters, Intent, SearchOne, analyze, check_mode
from index.script import to_simplified
from index.stores.expr import Expr, like_contains, like_suffix
from index.stores.milvus import MilvusStore
from index.tokenize import normalize_doc_number

RANKERS = ("client", "milvus")


class MilvusSearcher(SearchOne):
    """Keyword (Milvus BM25) and dense (window vectors, max-pooled per clause) retrieval, fused like the local index.

    ranker "client": both lists come from Milvus and are fused by index.fusion with the manifest's weights (the local
    store's exact formula); "milvus": one hybrid_search with Milvus's WeightedRanker (same weights, Milvus's own
    score normalisation). On milvus-lite 2.5.1 the BM25 side of a hybrid request scores about 0.03, in another order
    than the BM25 search alone, so "milvus" follows the dense side there (README, Beyond one machine)."""

    def __init__(self, st: MilvusStore, model: str | None = None, embedder=None, ranker: str = "client"):
        if ranker not in RANKERS:
            raise BadFilter("ranker", ranker, "、".join(RANKERS))
        self.st = st
        self.manifest = st.manifest()
        self.ranker = ranker
        settings = self.manifest["settings"]
        self.fusion, self.rrf_k, self.weights = settings["fusion"], settings["rrf_k"], tuple(settings["weights"])
        self._model_name = model or self.manifest["model"]["name"]
        self._embedder = embedder
        self._records: list[store.ClauseRecord] | None = None
        self._by_id: dict[int, store.ClauseRecord] = {}
        self._mention_index: MentionIndex | None = None  # built on first use by mentions()
        self._mention_lock = threading.Lock()
        self._vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    # -- the Searcher surface the assistant uses ---------------------------------------------------
    @property
    def records(self) -> list[store.ClauseRecord]:
        """Every clause, read once on first use (the answer stage and the UI list documents from it)."""
        if self._records is None:
            self._records = self.st.records()
            self._by_id.update({r.clause_id: r for r in self._records})
        return self._records

    def __len__(self) -> int:
        return self.st.count()

    @property
    def embedder(self):
        if self._embedder is None:
            backend = self.manifest["model"].get("backend")
            self._embedder = get_embedder(index_model(self.manifest, self._model_name, backend))
        return check_dimensions(self._embedder, self.manifest, self.st.uri)

    def embed(self, texts: list[str]) -> np.ndarray:
        return self._cached(list(texts), "passage", self.embedder.embed_passages)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._cached(list(texts), "query", self.embedder.embed_queries)

    def clear_cache(self) -> None:
        with self._lock:
            self._vectors.clear()

    def mentions(self, terms: list[str], gap: int = 0) -> list[bool]:
        """As index.search.Searcher.mentions: from character-bigram tables built once (index/mentions.py)."""
        with self._mention_lock:
            if self._mention_index is None:
                self._mention_index = MentionIndex(joined_text(self.records))
        return self._mention_index.mentions(list(terms), gap)

    def _cached(self, texts, role, encode) -> np.ndarray:
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if (role, t) not in self._vectors))
        if missing:
            for t, v in zip(missing, encode(missing)):
                with self._lock:
                    self._vectors[(role, t)] = v
        with self._lock:
            found = [self._vectors.get((role, t)) for t in texts]
            while len(self._vectors) > 50_000:
                self._vectors.popitem(last=False)
        return np.stack(found) if found else np.zeros((0, self.manifest["dimensions"]), np.float32)

    # -- filters ------------------------------------------------------------------------------------
    def filter_expr(self, filters: Filters | None) -> Expr:
        """Milvus expression of the filters, values as parameters; another printing is never a result of its own."""
        e = Expr().add("hidden == {h}", h=False)
        if filters is None or filters.is_empty():
            return e
        filters.validate()
        if filters.doc_number:
            e.add("doc_number_key == {n}", n=normalize_doc_number(filters.doc_number))
        if filters.issuer:
            e.add("issuer like {i}", i=like_contains("issuer", filters.issuer))
        if filters.kind:
            e.add("kind == {k}", k=filters.kind)
        if filters.date_from:
            e.add('date_last != "" and date_last >= {d}', d=filters.date_from)
        if filters.date_to:
            e.add('date_first != "" and date_first <= {d}', d=filters.date_to)
        if filters.issue:
            want = "".join(filters.issue.split())
            if want.isdigit():
                e.add("array_contains(issue_numbers, {n})", n=int(want))
            else:
                e.add("issue_text like {t}", t=like_contains("issue", want))
        return e

    def _mention_docs(self, intent: Intent, base: Expr) -> list[int] | None:
        """Documents whose 文号 a query names (index.query.DocMention.matches as expressions)."""
        if not intent.doc_mentions:
            return None
        docs: set[int] = set()
        for m in intent.doc_mentions:
            t = m.text
            if t.startswith("〔") or t[:1].isdigit():
                e = base.extend(Expr().add("doc_number like {p}", p=like_suffix("doc_number", t if t.startswith("〔")
                                                                                 else "〕" + t)))
            else:
                suffixes = [t[i:] for i in range(len(t))]
                e = base.extend(Expr().add("doc_number like {p} or doc_number in {s}",
                                           p=like_suffix("doc_number", t), s=suffixes))
            e = e.extend(Expr().add("window == {w}", w=0))
            docs.update(int(r["doc_index"]) for r in self.st.query(e, ["doc_index"]))
        return sorted(docs) or None

    # -- retrieval ----------------------------------------------------------------------------------
    def search_batch(self, queries: list[str], k: int = 10, filters: Filters | None = None,
                     mode: str = "hybrid") -> list[list[ClauseHit]]:
        check_mode(mode)
        queries = [to_simplified(q) for q in queries]  # "國慶節" finds 国庆节
        if not queries:
            return []
        base = self.filter_expr(filters)
        depth = max(k * 4, 50)
        qv = self.embed_queries(queries) if mode != "keyword" else None
        results = []
        for i, q in enumerate(queries):
            intent = analyze(q)
            focus = self._mention_docs(intent, base)
            prior = prior_for(q, mode, self._texts)
            ranked = prior(self._retrieve(q, qv[i] if qv is not None else None, base, depth, mode))
            if focus is not None:  # a named document's clauses come first, then the rest
                first = self._retrieve(q, qv[i] if qv is not None else None,
                                       base.extend(Expr().add("doc_index in {d}", d=focus)), depth, mode)
                ranked = fuse.named_first(prior(first), ranked)
            ranked = self._pin_clauses(ranked, intent, focus, base)
            if intent.days:  # "7月16日…": that day's chronicle entry right after the top hit (index.search's rule)
                entries = [r for r in self.st.records(base.extend(Expr().add("kind == {k}", k="chronicle")))
                           if intent.names_day(r)]
                with self._lock:
                    self._by_id.update({r.clause_id: r for r in entries})
                ranked = fuse.pin_second(ranked, sorted(r.clause_id for r in entries))
            top = ranked[:k]
            recs = self._fetch(c for c, _ in top)
            results.append([recs[c].hit(rank, s) for rank, (c, s) in enumerate(top, start=1)])
        return results

    def _retrieve(self, q: str, qv, expr: Expr, depth: int, mode: str) -> list[tuple[int, float]]:
        if mode == "hybrid" and self.ranker == "milvus":
            return self._milvus_hybrid(q, qv, expr, depth)
        kw = self._keyword(q, expr, depth) if mode != "dense" else []
        dn = self._dense(qv, expr, depth) if mode != "keyword" else []
        return fuse.combine(kw, dn, mode, self.fusion, self.rrf_k, self.weights)

    def _keyword(self, q: str, expr: Expr, depth: int) -> list[tuple[int, float]]:
        res = self.st.call("search", self.st.collection, data=[with_equivalents(q)], anns_field="sparse",
                           limit=min(depth, 16384), output_fields=["clause_id"], search_params={"metric_type": "BM25"},
                           **self.st.filter_kwargs(expr))
        return [(int(h["entity"]["clause_id"]), float(h["distance"])) for h in res[0]]

    def _dense(self, qv, expr: Expr, depth: int) -> list[tuple[int, float]]:
        # Windows are rows: fetch enough to fill `depth` clauses after max-pooling (local: same ratio rule).
        ratio = max(1, int(np.ceil(self.manifest.get("windows_per_clause", 1.5))))
        res = self.st.call("search", self.st.collection, data=[[float(x) for x in qv]], anns_field="dense",
                                    limit=min(depth * ratio * 2, 16384), output_fields=["clause_id"],
                                    search_params={"metric_type": "IP"}, **self.st.filter_kwargs(expr))
        best: dict[int, float] = {}
        for h in res[0]:
            c, s = int(h["entity"]["clause_id"]), float(h["distance"])
            if c not in best or s > best[c]:
                best[c] = s
        return fuse.ranked(best)[:depth]

    def _milvus_hybrid(self, q: str, qv, expr: Expr, depth: int) -> list[tuple[int, float]]:
        from pymilvus import AnnSearchRequest, WeightedRanker

        kw = AnnSearchRequest(data=[with_equivalents(q)], anns_field="sparse", param={"metric_type": "BM25"}, limit=depth,
                              **self.st.filter_kwargs(expr, "expr"))
        dn = AnnSearchRequest(data=[[float(x) for x in qv]], anns_field="dense", param={"metric_type": "IP"},
                              limit=depth * 2, **self.st.filter_kwargs(expr, "expr"))
        res = self.st.call("hybrid_search", self.st.collection, [kw, dn], WeightedRanker(*self.weights),
                                           limit=depth * 2, output_fields=["clause_id"])
        best: dict[int, float] = {}
        for h in res[0]:
            c, s = int(h["entity"]["clause_id"]), float(h["distance"])
            best[c] = max(best.get(c, s), s)
        return fuse.ranked(best)[:depth]

    def _fetch(self, clause_ids) -> dict[int, store.ClauseRecord]:
        ids = list(clause_ids)
        missing = [c for c in ids if c not in self._by_id]
        if missing:
            got = self.st.records_by_id(missing)
            with self._lock:
                self._by_id.update(got)
        return {c: self._by_id[c] for c in ids}

    def _texts(self, clause_ids: list[int]) -> list[str]:
        recs = self._fetch(clause_ids)
        return [recs[c].text for c in clause_ids]

    def _pin_clauses(self, ranked, intent: Intent, focus: list[int] | None, base: Expr):
        """Clauses named by reference go first, within the named or best document (index.search's rule)."""
        if not intent.clause_refs or not ranked:
            return ranked
        docs = focus if focus is not None else [self._fetch([ranked[0][0]])[ranked[0][0]].doc_index]
        candidates = self.st.records(base.extend(Expr().add("doc_index in {d}", d=list(docs))))
        with self._lock:
            self._by_id.update({r.clause_id: r for r in candidates})
        candidates.sort(key=lambda r: (r.doc_index, r.clause_id))
        return fuse.pin_named_clauses(ranked, candidates, intent.clause_refs)


def with_equivalents(query: str) -> str:
    """The query with the official equivalents of its everyday words appended (index.synonyms), as the local
    keyword index expands its query tokens: Milvus's BM25 analyzer then cuts them like any other words."""
    from index.dictionary import load_jieba
    from index.tokenize import query_expansion

    extra = query_expansion(query, [w for w in load_jieba().lcut(query) if w.strip()])
    return " ".join([query, *extra]) if extra else query
