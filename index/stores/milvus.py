"""Clauses in Milvus: window vectors, BM25 over the keyword text, filters as parameterised expressions.

A `.db` path opens embedded milvus-lite; `http(s)://host:19530` a Milvus server or cluster, with credentials
from GAZETTE_MILVUS_TOKEN or GAZETTE_MILVUS_USER / GAZETTE_MILVUS_PASSWORD (never logged or stored).
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from index import store
from index.build import SourceChanges
from index.errors import IndexIncompatible, IndexMissing
from index.stores import milvus_schema as ms
from index.stores.expr import Expr

COLLECTION = "gazette_clauses"
META_SUFFIX = "_meta"
FORMAT_VERSION = 1
INSERT_BATCH = 256
QUERY_BATCH = 1000
_LITE_LIMIT = 16384  # milvus-lite's largest search/query limit


@dataclass(frozen=True)
class MilvusBuildSummary(SourceChanges):
    store: str
    model: str
    clauses: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict:
        from dataclasses import asdict

        return asdict(self)


def is_milvus_uri(uri: str | os.PathLike | None) -> bool:
    text = str(uri or "")
    return text.endswith(".db") or text.startswith(("http://", "https://", "tcp://"))


def connect(uri: str, timeout: float | None = None):
    """A MilvusClient; the server's credentials come from the environment only."""
    import logging

    from pymilvus import MilvusClient

    # pymilvus logs every failed call at ERROR before raising; the caller reports the error (in Chinese) itself,
    # and on milvus-lite an empty result is such a failure (see MilvusStore.call).
    for name in ["pymilvus", *logging.root.manager.loggerDict]:
        if name.startswith("pymilvus"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    kwargs: dict = {"timeout": timeout or float(os.environ.get("GAZETTE_MILVUS_TIMEOUT", "60"))}
    if not uri.endswith(".db"):
        token = os.environ.get("GAZETTE_MILVUS_TOKEN")
        user, password = os.environ.get("GAZETTE_MILVUS_USER"), os.environ.get("GAZETTE_MILVUS_PASSWORD")
        if token:
            kwargs["token"] = token
        elif user:
            kwargs.update(user=user, password=password or "")
    else:
        Path(uri).resolve().parent.mkdir(parents=True, exist_ok=True)
        uri = str(Path(uri).resolve())
    return MilvusClient(uri, **kwargs)


class MilvusStore:
    """One collection of clause windows plus a small metadata collection (manifest, per-source hashes)."""

    def __init__(self, uri: str, collection: str = COLLECTION, client=None):
        self.uri = str(uri)
        self.collection = collection
        self.meta = collection + META_SUFFIX
        self.client = client or connect(self.uri)
        # milvus-lite 2.5 has no expression templates: values are rendered as quoted literals there.
        self.templates = not self.uri.endswith(".db")

    # -- metadata --------------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.client.has_collection(self.collection) and self.client.has_collection(self.meta)

    def manifest(self) -> dict:
        if not self.exists():
            raise IndexMissing(self.uri)
        got = self.client.get(self.meta, ids=["manifest"], output_fields=["value"])
        if not got:
            raise IndexMissing(self.uri)
        manifest = json.loads(got[0]["value"])
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexIncompatible(self.uri, f"Milvus 存储格式版本 {manifest.get('format_version')}，"
                                              f"当前程序需要 {FORMAT_VERSION}")
        return manifest

    def source_hashes(self) -> dict[str, str]:
        rows = self._paged(self.meta, Expr().add("key like {k}", k="source:%"), ["key", "value"])
        return {r["key"][len("source:"):]: r["value"] for r in rows}

    def _put_meta(self, items: dict[str, str]) -> None:
        rows = [{"key": k, "value": v, "v": [0.0, 0.0]} for k, v in items.items()]
        for i in range(0, len(rows), INSERT_BATCH):
            self.client.upsert(self.meta, rows[i:i + INSERT_BATCH])

    def _create(self, dim: int) -> None:
        from pymilvus import DataType

        c = self.client
        if not c.has_collection(self.collection):
            ip = c.prepare_index_params()
            ip.add_index("dense", index_type="FLAT" if self.uri.endswith(".db") else "HNSW", metric_type="IP",
                         **({} if self.uri.endswith(".db") else {"params": {"M": 32, "efConstruction": 200}}))
            ip.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
            c.create_collection(self.collection, schema=ms.schema(c, dim), index_params=ip)
        if not c.has_collection(self.meta):
            s = c.create_schema(auto_id=False)
            s.add_field("key", DataType.VARCHAR, is_primary=True, max_length=8192)
            s.add_field("value", DataType.VARCHAR, max_length=ms.VARCHAR_MAX)
            s.add_field("v", DataType.FLOAT_VECTOR, dim=2)  # every collection needs a vector field
            ip = c.prepare_index_params()
            ip.add_index("v", index_type="FLAT", metric_type="L2")
            c.create_collection(self.meta, schema=s, index_params=ip)

    def drop(self) -> None:
        for name in (self.collection, self.meta):
            if self.client.has_collection(name):
                self.client.drop_collection(name)

    # -- expressions -----------------------------------------------------------------------------
    def filter_kwargs(self, expr: Expr, key: str = "filter") -> dict:
        if not expr.terms:
            return {}
        if self.templates:
            return {key: expr.template, f"{key}_params": expr.params}
        return {key: expr.render()}

    # -- reading ---------------------------------------------------------------------------------
    def call(self, method: str, *args, **kwargs):
        """A client call; on milvus-lite 2.5.1 a filter matching no row fails with "Unsupported data type: 0",
        which here means an empty result."""
        try:
            return getattr(self.client, method)(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - only that one lite error is turned into "nothing found"
            if not self.templates and "Unsupported data type: 0" in str(exc):
                return [[]] if method in ("search", "hybrid_search") else []
            raise

    def query(self, expr: Expr, fields: list[str]) -> list[dict]:
        """All clause rows matching `expr`."""
        return self._paged(self.collection, expr, fields)

    def _paged(self, collection: str, expr: Expr, fields: list[str]) -> list[dict]:
        # A server pages with query_iterator; milvus-lite 2.5.1's iterator fails ("Unsupported data type: 0"),
        # so there one query returns up to its limit and larger results are read by clause-id ranges.
        if self.templates:
            out: list[dict] = []
            it = self.client.query_iterator(collection, batch_size=QUERY_BATCH, output_fields=fields,
                                            **self.filter_kwargs(expr))
            while batch := it.next():
                out.extend(batch)
            it.close()
            return out
        rows = self.call("query", collection, output_fields=fields, limit=_LITE_LIMIT, **self.filter_kwargs(expr))
        if len(rows) < _LITE_LIMIT:
            return rows
        if collection != self.collection:
            raise RuntimeError(f"more than {_LITE_LIMIT} rows in {collection}: use a Milvus server")
        out: list[dict] = []
        end = self.manifest().get("next_clause_id", 0)
        ranges = [(a, min(a + _LITE_LIMIT, end)) for a in range(0, end, _LITE_LIMIT)]
        while ranges:
            a, b = ranges.pop()
            e = expr.extend(Expr().add("clause_id >= {a} and clause_id < {b}", a=a, b=b))
            got = self.call("query", collection, output_fields=fields, limit=_LITE_LIMIT, **self.filter_kwargs(e))
            if len(got) >= _LITE_LIMIT and b - a > 1:  # a full page may be cut short: halve the range
                ranges += [(a, (a + b) // 2), ((a + b) // 2, b)]
            else:
                out.extend(got)
        return out

    def records(self, expr: Expr | None = None) -> list[store.ClauseRecord]:
        e = (expr or Expr()).extend(Expr().add("window == {w}", w=0))
        rows = self.query(e, ms.output_fields())
        return sorted((ms.record(r) for r in rows), key=lambda r: r.clause_id)

    def records_by_id(self, clause_ids: Iterable[int]) -> dict[int, store.ClauseRecord]:
        ids = sorted({int(c) for c in clause_ids})
        out = {}
        for i in range(0, len(ids), QUERY_BATCH):
            pks = [c * ms.MAX_WINDOWS for c in ids[i:i + QUERY_BATCH]]
            for row in self.client.get(self.collection, ids=pks, output_fields=ms.output_fields()):
                rec = ms.record(row)
                out[rec.clause_id] = rec
        return out

    def vectors_by_hash(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        """Window vectors already stored for these content hashes (what a rerun need not embed again)."""
        wanted = sorted(set(hashes))
        found: dict[str, dict[int, list[float]]] = {}
        for i in range(0, len(wanted), QUERY_BATCH):
            e = Expr().add("content_hash in {h}", h=wanted[i:i + QUERY_BATCH])
            for r in self.query(e, ["content_hash", "window", "dense"]):
                found.setdefault(r["content_hash"], {})[int(r["window"])] = r["dense"]
        out = {}
        for h, ws in found.items():
            if sorted(ws) == list(range(len(ws))):  # all windows present
                out[h] = np.asarray([ws[w] for w in range(len(ws))], dtype=np.float32)
        return out

    def count(self) -> int:
        rows = self.client.query(self.collection, output_fields=["count(*)"],
                                 **self.filter_kwargs(Expr().add("window == {w}", w=0)))
        return int(rows[0]["count(*)"])

    # -- writing ---------------------------------------------------------------------------------
    def write(self, records: list[store.ClauseRecord], vectors: list[np.ndarray], file_hashes: dict[str, str]) -> int:
        """Upsert the rows of these records in batches (upsert: a rerun after a crash overwrites, never duplicates)."""
        batch: list[dict] = []
        written = 0
        for rec, vecs in zip(records, vectors):
            batch.extend(ms.rows(rec, vecs, file_hashes.get(rec.file, "")))
            if len(batch) >= INSERT_BATCH:
                self.client.upsert(self.collection, batch)
                written += len(batch)
                batch = []
        if batch:
            self.client.upsert(self.collection, batch)
            written += len(batch)
        return written

    def remove_files(self, files: Iterable[str], before_clause: int | None = None) -> None:
        """Delete the clauses parsed from these files (those numbered below `before_clause` when given)."""
        files = sorted(set(files))
        for i in range(0, len(files), 100):
            e = Expr().add("file in {f}", f=files[i:i + 100])
            if before_clause is not None:
                e.add("clause_id < {c}", c=int(before_clause))
            self.client.delete(self.collection, **self.filter_kwargs(e))
        if before_clause is None:  # the whole file is gone: forget its hash too
            self.client.delete(self.meta, ids=[f"source:{f}" for f in files])


def build_milvus(uri: str, sources: Iterable[str | os.PathLike] | None = None, model=None, *,
                 parser: Callable[[Path], list] | None = None, embedder=None, settings=None,
                 progress: bool | None = None, on_error: Callable[[Exception], None] | None = None,
                 collection: str = COLLECTION, parse_many: Callable[[list[Path]], dict] | None = None,
                 ) -> MilvusBuildSummary:
    """Build or update the Milvus store at `uri`: parse changed sources, embed windows whose content hash the store
    lacks, upsert, then delete the superseded clauses (a crash leaves old and new, never neither)."""
    from index.build import (EMBED_CHUNK, Settings, default_parser, file_sha256, list_sources, parse_or_skip,
                             parser_hash)
    from index.embed import ModelSpec, get_embedder, resolve_model

    t0 = time.perf_counter()
    settings = settings or Settings()
    spec = model if isinstance(model, ModelSpec) else resolve_model(model)
    if sources is None:
        from corpus.parse import default_sources

        sources = default_sources()
    files = list_sources(sources)
    hashes = {str(p): file_sha256(p) for p in files}
    emb = embedder or get_embedder(spec)
    st = MilvusStore(uri, collection)
    phash = parser_hash() if parser is None else "custom"
    old_manifest = None
    if st.exists():
        try:
            old_manifest = st.manifest()
        except (IndexMissing, IndexIncompatible):
            old_manifest = None
        if old_manifest and (old_manifest["model"]["name"] != spec.name or old_manifest["dimensions"] != emb.dim):
            st.drop()  # another model: nothing can be reused
            old_manifest = None
    st._create(emb.dim)
    old_sources = st.source_hashes() if old_manifest else {}
    same_parser = bool(old_manifest) and old_manifest.get("parser_hash") == phash
    next_clause = old_manifest["next_clause_id"] if old_manifest else 0
    next_doc = old_manifest["next_doc_index"] if old_manifest else 0

    t_parse = time.perf_counter()
    todo_files = [p for p in files if not (same_parser and old_sources.get(str(p)) == hashes[str(p)])]
    unchanged = [str(p) for p in files if p not in todo_files]
    parsed = parse_many(todo_files) if parse_many else None
    records: list[store.ClauseRecord] = []
    added, changed, skipped = [], [], []
    for path in todo_files:
        key = str(path)
        docs = parse_or_skip(lambda: _parsed(parsed, key, parser or default_parser, path), on_error)
        if docs is None:
            skipped.append(key)
            continue
        first_doc = records[-1].doc_index + 1 if records else next_doc
        records.extend(store.records_from_documents(docs, key, next_clause + len(records), first_doc,
                                                    spec.passage_prefix))
        (changed if key in old_sources else added).append(key)
    from index.archive import link

    # Reprints and repeals are linked within the sources parsed in this run (a full build links everything).
    records = link(records)
    removed = sorted(set(old_sources) - set(hashes))
    t_parse = time.perf_counter() - t_parse

    t_embed = time.perf_counter()
    reuse = st.vectors_by_hash(r.content_hash for r in records) if old_manifest else {}
    todo: list[str] = []
    spans: list[tuple[int, int] | None] = []
    for rec in records:
        if rec.content_hash in reuse:
            spans.append(None)
        else:
            w = store.windows(rec, emb.max_chars)
            spans.append((len(todo), len(todo) + len(w)))
            todo.extend(w)
    new_vectors = np.zeros((0, emb.dim), np.float32)
    if todo:
        order = np.argsort([-len(t) for t in todo], kind="stable")
        parts = [emb.embed_passages([todo[i] for i in order[s:s + EMBED_CHUNK]])
                 for s in range(0, len(todo), EMBED_CHUNK)]
        new_vectors = np.empty((len(todo), emb.dim), np.float32)
        new_vectors[order] = np.concatenate(parts)
    vectors = [reuse[r.content_hash] if span is None else new_vectors[span[0]:span[1]]
               for r, span in zip(records, spans)]
    reused = sum(len(v) for v, s in zip(vectors, spans) if s is None)
    t_embed = time.perf_counter() - t_embed

    t_write = time.perf_counter()
    first_new = next_clause
    windows_total = sum(len(v) for v in vectors)
    new_next_doc = (records[-1].doc_index + 1) if records else next_doc
    manifest = {
        "format_version": FORMAT_VERSION, "store": "milvus",
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": {"name": spec.name, "query_prefix": spec.query_prefix, "passage_prefix": spec.passage_prefix,
                  "max_seq_length": spec.max_seq_length, "window_chars": emb.max_chars, "backend": spec.backend},
        "dimensions": emb.dim, "parser_hash": phash,
        "settings": {"fusion": settings.fusion, "rrf_k": settings.rrf_k, "weights": list(settings.weights),
                     "keyword": "milvus-bm25-jieba"},
        "windows_per_clause": round(windows_total / len(records), 3) if records else
        (old_manifest or {}).get("windows_per_clause", 1.0),
        "next_clause_id": next_clause + len(records), "next_doc_index": new_next_doc,
    }
    # Order for crash safety: the manifest (model, next ids) first, so a rerun after a crash trusts the vectors
    # already written and numbers its clauses after them; then the rows; then the superseded rows go (every clause
    # of a re-parsed file numbered below this run's, including a crashed run's partial rows); the source hashes last.
    st._put_meta({"manifest": json.dumps(manifest, ensure_ascii=False)})
    st.write(records, vectors, hashes)
    redone = changed + added + skipped
    if redone:
        st.remove_files(redone, before_clause=first_new)
    if removed:
        st.remove_files(removed)
    st._put_meta({f"source:{k}": hashes[k] for k in added + changed})
    if skipped:
        st.client.delete(st.meta, ids=[f"source:{k}" for k in skipped])
    st.client.flush(st.collection)
    t_write = time.perf_counter() - t_write
    return MilvusBuildSummary(added, changed, removed, unchanged, skipped, len(todo), reused, store=uri,
                              model=spec.name, clauses=st.count(), seconds=round(time.perf_counter() - t0, 3),
                              timings={"parse": round(t_parse, 3), "embed": round(t_embed, 3),
                                       "write": round(t_write, 3)})


def _parsed(parsed: dict | None, key: str, parser, path: Path) -> list:
    """A source's documents: from a parallel parse when there was one (an exception stands for a broken file)."""
    docs = parsed[key] if parsed is not None else parser(path)
    if isinstance(docs, Exception):
        raise docs
    return docs
