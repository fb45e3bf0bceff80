"""`gazette index --ray`: parse and embed with Ray Data, then write the chosen store in batches.

Parsing is a map_batches over source files; embedding a map_batches over token-budgeted batches of window texts with
the model loaded once per worker (a callable class). The store's own build then runs with those documents and
vectors, so both stores get exactly what a single-process build would (same clauses, same vectors).
"""
from __future__ import annotations

import os
import pickle
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BATCH_CHARS = 8192  # characters per embedding batch (~ tokens for Chinese: one character is about one token)
MAX_BATCH_TEXTS = 64


class ParseFiles:
    """Ray Data batch function: source paths -> pickled Documents, or the SourceError (reported by the driver)."""

    def __call__(self, batch: dict) -> dict:
        from index.build import default_parser

        out = []
        for path in batch["path"]:
            try:
                out.append(pickle.dumps(default_parser(Path(str(path)))))
            except Exception as exc:  # noqa: BLE001 - the driver re-raises what is not a SourceError
                out.append(pickle.dumps(exc))
        return {"path": batch["path"], "docs": np.array(out, dtype=object)}


class EmbedBatches:
    """Ray Data callable class: loads the model once per worker, embeds one token-budgeted batch per row."""

    def __init__(self, spec):
        from index.embed import get_embedder

        self.embedder = get_embedder(spec)

    def __call__(self, batch: dict) -> dict:
        vectors = []
        for texts in batch["texts"]:
            vectors.append(pickle.dumps(self.embedder.embed_passages([str(t) for t in texts])))
        return {"ids": batch["ids"], "vectors": np.array(vectors, dtype=object)}


def token_batches(texts: list[str], budget: int = BATCH_CHARS, max_texts: int = MAX_BATCH_TEXTS) -> list[list[int]]:
    """Indices of `texts` grouped longest first so that each group's padded length (count x longest) fits the budget."""
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    groups: list[list[int]] = []
    current: list[int] = []
    for i in order:
        longest = len(texts[current[0]]) if current else len(texts[i])
        if current and ((len(current) + 1) * max(longest, 1) > budget or len(current) >= max_texts):
            groups.append(current)
            current = []
        current.append(i)
    if current:
        groups.append(current)
    return groups


class CachedEmbedder:
    """The Embedder the store build sees: vectors made by Ray looked up by text; anything else by the local model."""

    def __init__(self, local, cache: dict[str, np.ndarray]):
        self.local = local
        self.name, self.dim, self.max_chars = local.name, local.dim, local.max_chars
        self.cache = cache
        self.missed = 0

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            self.missed += len(missing)
            self.cache.update(zip(missing, self.local.embed_passages(missing)))
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.local.embed_queries(texts)


@dataclass(frozen=True)
class RayTimings:
    workers: int
    parse_seconds: float
    embed_seconds: float
    texts: int
    chars: int


def init_ray(address: str | None = None, num_cpus: int | None = None) -> int:
    """Connect to a cluster at `address`, else start a local Ray on this machine's cores; returns the CPUs seen."""
    import ray

    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=num_cpus or os.cpu_count() or 1, include_dashboard=False, log_to_driver=False,
                     configure_logging=False)
        ray.data.DataContext.get_current().enable_progress_bars = False
    return int(ray.cluster_resources().get("CPU", 1))


def parse_with_ray(files: list[Path], workers: int) -> dict[str, object]:
    import ray

    ds = ray.data.from_items([{"path": str(p)} for p in files], override_num_blocks=max(1, min(len(files), workers * 4)))
    out = {}
    for row in ds.map_batches(ParseFiles, batch_size=1, concurrency=workers,
                              max_restarts=3, max_task_retries=3).iter_rows():
        out[str(row["path"])] = pickle.loads(row["docs"])
    return out


def embed_with_ray(texts: list[str], spec, workers: int, budget: int = BATCH_CHARS,
                   worker: type = EmbedBatches) -> dict[str, np.ndarray]:
    """Vectors of the distinct texts, embedded by `workers` model replicas; a killed worker's batch is retried."""
    import ray

    texts = list(dict.fromkeys(texts))
    if not texts:
        return {}
    groups = token_batches(texts, budget)
    items = [{"ids": np.array(g, dtype=np.int64), "texts": np.array([texts[i] for i in g], dtype=object)}
             for g in groups]
    ds = ray.data.from_items(items, override_num_blocks=max(1, min(len(items), workers * 4)))
    out: dict[str, np.ndarray] = {}
    result = ds.map_batches(worker, fn_constructor_args=(spec,), batch_size=1, concurrency=workers,
                            num_cpus=1, max_restarts=3, max_task_retries=3)
    for row in result.iter_rows():
        vectors = pickle.loads(row["vectors"])
        for i, v in zip(row["ids"], vectors):
            out[texts[int(i)]] = v
    return out


def ray_build(uri: str | os.PathLike | None, sources: Iterable[str | os.PathLike] | None = None, model=None, *,
              address: str | None = None, num_cpus: int | None = None, workers: int | None = None,
              progress: bool | None = None, budget: int = BATCH_CHARS, settings=None):
    """Build the store at `uri` (index folder or Milvus) with Ray doing the parsing and the embedding.

    Returns (build summary, RayTimings)."""
    from index import store
    from index.build import list_sources
    from index.embed import get_embedder, resolve_model
    from index.stores import build_store, chosen_store, is_milvus

    spec = resolve_model(model) if not hasattr(model, "passage_prefix") else model
    if sources is None:
        from corpus.parse import default_sources

        sources = default_sources()
    files = list_sources(sources)
    seen = init_ray(address, num_cpus)
    workers = workers or max(1, seen)
    local = get_embedder(spec)

    t0 = time.perf_counter()
    parsed = parse_with_ray(files, workers)
    t_parse = time.perf_counter() - t0

    # What the store build will embed: every window, and for the local folder every clause sentence,
    # except what the store already holds (by content hash).
    records = []
    for path in files:
        docs = parsed.get(str(path))
        if isinstance(docs, list):
            records.extend(store.records_from_documents(docs, str(path), len(records),
                                                        records[-1].doc_index + 1 if records else 0,
                                                        spec.passage_prefix))
    known = _stored_hashes(chosen_store(uri), spec, records)
    texts = [w for r in records if r.content_hash not in known for w in store.windows(r, local.max_chars)]
    target = chosen_store(uri)
    if not (target and is_milvus(target)):
        from index.sentence_vectors import clause_units

        texts += clause_units(records)
    t1 = time.perf_counter()
    cache = embed_with_ray(texts, spec, workers, budget)
    t_embed = time.perf_counter() - t1

    def parse_one(path: Path):
        docs = parsed[str(path)]
        if isinstance(docs, Exception):
            raise docs
        return docs

    emb = CachedEmbedder(local, cache)
    kwargs = {"parser": parse_one, "embedder": emb, "progress": progress}
    if settings is not None:
        kwargs["settings"] = settings
    summary = build_store(uri, files, spec, **kwargs)
    return summary, RayTimings(workers, round(t_parse, 3), round(t_embed, 3), len(texts), sum(len(t) for t in texts))


def _stored_hashes(uri, spec, records) -> set[str]:
    """Content hashes whose vectors the store already has (so a rerun after a crash embeds only the rest)."""
    from index.stores import is_milvus

    try:
        if uri and is_milvus(uri):
            from index.stores.milvus import MilvusStore

            st = MilvusStore(uri)
            if not st.exists() or st.manifest()["model"]["name"] != spec.name:
                return set()
            return set(st.vectors_by_hash(r.content_hash for r in records))
        from index.build import _previous
        from index.paths import resolve_index_dir

        previous = _previous(resolve_index_dir(uri), spec.name, spec.backend)
        return {r.content_hash for r in previous.records} if previous else set()
    except Exception:  # noqa: BLE001 - an unreadable store is rebuilt by the store build itself
        return set()
