"""A loaded keyword index scores queries with numpy exactly as scipy's sparse product did (same float32 sums)."""
from __future__ import annotations

import numpy as np

from index.bm25 import KeywordIndex
from index.tokenize import KeywordTokenizer, derive_terms

from tests.index.conftest import DOCS


def _scipy_scores(index: KeywordIndex, queries: list[list[str]]) -> np.ndarray:
    """The former implementation: (queries × terms) counts @ (terms × docs) matrix."""
    from scipy import sparse

    rows, cols = [], []
    for i, tokens in enumerate(queries):
        for t in tokens:
            if t in index.vocab:
                rows.append(i)
                cols.append(index.vocab[t])
    counts = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                               shape=(len(queries), len(index.vocab)))
    return (counts @ index.matrix).toarray()


def test_scores_equal_scipy_product_after_save_and_load(tmp_path):
    clauses = [c for d in DOCS for c in d.clauses]
    tok = KeywordTokenizer(derive_terms([d.title for d in DOCS], [c.heading or "" for c in clauses],
                                        [c.text for c in clauses], [d.issuer or "" for d in DOCS],
                                        [d.doc_number or "" for d in DOCS]))
    built = KeywordIndex()
    built.index([tok.tokenize(f"{c.heading or ''} {c.text}") for c in clauses])
    built.save(tmp_path / "keyword")
    loaded = KeywordIndex.load(tmp_path / "keyword")
    questions = ["开诊所有什么要求？", "社会办医疗机构评上三甲奖励多少钱", "养犬管理条例谁起草", "温政办〔2019〕49号",
                 "诊所 诊所 诊所 备案", "完全无关的问题"]
    queries = [tok.tokenize_query(q) for q in questions]
    expected = _scipy_scores(built, queries)
    assert expected.any()
    for index in (built, loaded):
        got = index.scores(queries)
        assert got.dtype == np.float32 and np.array_equal(got, expected)
    assert np.array_equal(loaded.scores(queries[:1]), expected[:1])
    assert loaded.count() == len(clauses) and loaded.shape == built.shape
