"""BM25 keyword backend: the whole score matrix is built once as a sparse matrix; a query is a sparse lookup.

Only building and saving use scipy; a loaded index scores queries with numpy over the stored CSR arrays,
in the order scipy's sparse product sums them (identical float32 scores), so that a single-shot question
does not import scipy (0.2–0.3 s).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

K1 = 1.5
B = 0.75


def idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    """Robertson–Spärck Jones idf with +1 inside the log so it stays positive (Lucene's BM25 variant).

    idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)); Robertson & Zaragoza, "The Probabilistic Relevance
    Framework: BM25 and Beyond", Foundations and Trends in IR 3(4), 2009, eq. 3.3.
    """
    return np.log1p((n_docs - df + 0.5) / (df + 0.5))


def term_weights(tf: np.ndarray, doc_len: np.ndarray, avg_len: float, k1: float = K1, b: float = B) -> np.ndarray:
    """BM25 saturation tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl)); Robertson et al., TREC-3 (1994)."""
    return tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / max(avg_len, 1e-9)))


def score_matrix(token_lists: list[list[str]], vocab: dict[str, int] | None = None,
                 k1: float = K1, b: float = B) -> tuple["sparse.csr_matrix", dict[str, int]]:
    """(terms × docs) matrix of BM25 term scores, and the vocabulary; a query score is a sum of rows."""
    from scipy import sparse

    vocab = {} if vocab is None else dict(vocab)
    rows, cols = [], []
    for doc, tokens in enumerate(token_lists):
        for tok in tokens:
            rows.append(vocab.setdefault(tok, len(vocab)))
            cols.append(doc)
    n_docs = len(token_lists)
    counts = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                               shape=(len(vocab), n_docs), dtype=np.float32)
    counts.sum_duplicates()
    doc_len = np.array([len(t) for t in token_lists], dtype=np.float32)
    avg = float(doc_len.mean()) if n_docs else 0.0
    df = np.diff(counts.indptr).astype(np.float32)
    coo = counts.tocoo()
    data = term_weights(coo.data, doc_len[coo.col], avg, k1, b) * idf(df, n_docs)[coo.row]
    matrix = sparse.csr_matrix((data.astype(np.float32), (coo.row, coo.col)), shape=counts.shape)
    return matrix, vocab


class KeywordIndex:
    """Backend interface shared with DenseIndex: index, search, save, load, count.

    The matrix is kept as its CSR arrays (data, indices, indptr: row t holds term t's scores per document)."""

    def __init__(self, k1: float = K1, b: float = B):
        self.k1, self.b = k1, b
        self.vocab: dict[str, int] = {}
        self.data = np.zeros(0, dtype=np.float32)
        self.indices = np.zeros(0, dtype=np.int32)
        self.indptr = np.zeros(1, dtype=np.int32)
        self.shape = (0, 0)

    def index(self, token_lists: list[list[str]]) -> None:
        matrix, self.vocab = score_matrix(token_lists, k1=self.k1, b=self.b)
        self._set(matrix.data, matrix.indices, matrix.indptr, matrix.shape)

    def _set(self, data, indices, indptr, shape) -> None:
        self.data, self.indices, self.indptr = data, indices, indptr
        self.shape = (int(shape[0]), int(shape[1]))

    @property
    def matrix(self) -> "sparse.csr_matrix":
        from scipy import sparse

        return sparse.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)

    def count(self) -> int:
        return self.shape[1]

    def scores(self, queries: list[list[str]]) -> np.ndarray:
        """Dense (queries × docs) BM25 scores: each query's term counts times the matrix, as scipy's CSR product
        computes it (terms in id order, float32 products added in row order), without scipy."""
        out = np.zeros((len(queries), self.shape[1]), dtype=np.float32)
        for i, tokens in enumerate(queries):
            ids = [j for j in (self.vocab.get(t) for t in tokens) if j is not None]
            if not ids:
                continue
            terms, counts = np.unique(np.array(ids, dtype=np.int64), return_counts=True)
            row = out[i]
            for j, c in zip(terms.tolist(), counts.astype(np.float32)):
                lo, hi = self.indptr[j], self.indptr[j + 1]
                row[self.indices[lo:hi]] += c * self.data[lo:hi]  # a term's documents are distinct
        return out

    def search(self, queries: list[list[str]], k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, doc ids) per query, shaped (n_queries, k); id -1 where fewer docs score."""
        return top_k(self.scores(queries), k)

    def save(self, folder: Path) -> None:
        from scipy import sparse

        folder.mkdir(parents=True, exist_ok=True)
        sparse.save_npz(folder / "matrix.npz", self.matrix, compressed=False)
        terms = [""] * len(self.vocab)
        for term, j in self.vocab.items():
            terms[j] = term
        (folder / "vocab.json").write_text(json.dumps(terms, ensure_ascii=False), encoding="utf-8")
        (folder / "params.json").write_text(json.dumps({"scorer": "bm25-robertson", "k1": self.k1, "b": self.b}),
                                            encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "KeywordIndex":
        params = json.loads((folder / "params.json").read_text(encoding="utf-8"))
        self = cls(params["k1"], params["b"])
        # scipy.sparse.save_npz's layout: data, indices, indptr, shape and format arrays in one .npz.
        with np.load(folder / "matrix.npz", allow_pickle=False) as z:
            if z["format"].item() not in (b"csr", "csr"):
                raise ValueError(f"{folder / 'matrix.npz'}: not a CSR matrix")
            self._set(z["data"], z["indices"], z["indptr"], tuple(z["shape"]))
        terms = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        self.vocab = {t: j for j, t in enumerate(terms)}
        return self


def top_k(scores: np.ndarray, k: int, floor: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Best k columns per row, best first; ids are -1 where the score is not above `floor`."""
    n, m = scores.shape
    k = min(k, m)
    if k <= 0:
        return np.zeros((n, 0), np.float32), np.zeros((n, 0), np.int64)
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    part_scores = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-part_scores, axis=1, kind="stable")
    ids = np.take_along_axis(part, order, axis=1)
    vals = np.take_along_axis(part_scores, order, axis=1)
    ids = np.where(vals > floor, ids, -1)
    return vals.astype(np.float32), ids
