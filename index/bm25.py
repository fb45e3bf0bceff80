"""BM25 keyword backend: the whole score matrix is built once as a sparse matrix; a query is a sparse lookup."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
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
                 k1: float = K1, b: float = B) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """(terms × docs) matrix of BM25 term scores, and the vocabulary; a query score is a sum of rows."""
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
    """Backend interface shared with DenseIndex: index, search, save, load, count."""

    def __init__(self, k1: float = K1, b: float = B):
        self.k1, self.b = k1, b
        self.vocab: dict[str, int] = {}
        self.matrix = sparse.csr_matrix((0, 0), dtype=np.float32)

    def index(self, token_lists: list[list[str]]) -> None:
        self.matrix, self.vocab = score_matrix(token_lists, k1=self.k1, b=self.b)

    def count(self) -> int:
        return self.matrix.shape[1]

    def query_matrix(self, queries: list[list[str]]) -> sparse.csr_matrix:
        """(queries × terms) term counts; unknown terms are dropped."""
        rows, cols = [], []
        for i, tokens in enumerate(queries):
            for tok in tokens:
                j = self.vocab.get(tok)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
        return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                 shape=(len(queries), len(self.vocab)))

    def scores(self, queries: list[list[str]]) -> np.ndarray:
        """Dense (queries × docs) BM25 scores in one sparse product."""
        return (self.query_matrix(queries) @ self.matrix).toarray()

    def search(self, queries: list[list[str]], k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, doc ids) per query, shaped (n_queries, k); id -1 where fewer docs score."""
        return top_k(self.scores(queries), k)

    def save(self, folder: Path) -> None:
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
        self.matrix = sparse.load_npz(folder / "matrix.npz").tocsr()
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
