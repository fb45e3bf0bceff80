"""Dense backend over FAISS: exact inner product while small, HNSW above a threshold."""
from __future__ import annotations

from pathlib import Path

import numpy as np

# Above this many vectors an approximate HNSW index replaces the exact flat one (bench/index_speed.py).
HNSW_THRESHOLD = 50_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128


class DenseIndex:
    """Backend interface shared with KeywordIndex: index, search, save, load, count."""

    def __init__(self, dim: int, hnsw_threshold: int = HNSW_THRESHOLD):
        self.dim = dim
        self.hnsw_threshold = hnsw_threshold
        self._index = None

    @property
    def kind(self) -> str:
        return "hnsw" if self._index is not None and hasattr(self._index, "hnsw") else "flat"

    def index(self, vectors: np.ndarray) -> None:
        import faiss

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if len(vectors) > self.hnsw_threshold:
            idx = faiss.IndexHNSWFlat(self.dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            idx.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            idx.hnsw.efSearch = HNSW_EF_SEARCH
        else:
            idx = faiss.IndexFlatIP(self.dim)
        if len(vectors):
            idx.add(vectors)
        self._index = idx

    def count(self) -> int:
        return 0 if self._index is None else int(self._index.ntotal)

    def search(self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, vector ids) per query, shaped (n_queries, k); id -1 pads; `allowed` limits the ids."""
        import faiss

        queries = np.ascontiguousarray(queries, dtype=np.float32)
        k = min(k, self.count())
        if k <= 0:
            return np.zeros((len(queries), 0), np.float32), np.zeros((len(queries), 0), np.int64)
        params = None
        if allowed is not None:
            selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
            if self.kind == "hnsw":
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, k))
            else:
                params = faiss.SearchParameters(sel=selector)
        elif self.kind == "hnsw":
            params = faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, k))
        scores, ids = self._index.search(queries, k, params=params)
        return scores, ids

    def vectors(self, ids: np.ndarray | None = None) -> np.ndarray:
        """Stored vectors (all, or the given ids), e.g. to reuse them in the next build."""
        if ids is None:
            return self._index.reconstruct_n(0, self.count()) if self.count() else np.zeros((0, self.dim), np.float32)
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        return self._index.reconstruct_batch(ids) if len(ids) else np.zeros((0, self.dim), np.float32)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> "DenseIndex":
        import faiss

        idx = faiss.read_index(str(path))
        self = cls(idx.d)
        self._index = idx
        return self
