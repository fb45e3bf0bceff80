"""The shipped eval sets on both stores (fake embedder): clause hit@5 and citation recall within 0.02."""
from __future__ import annotations

from pathlib import Path

from tests.scale.conftest import needs_milvus

pytestmark = needs_milvus
SETS = sorted((Path(__file__).resolve().parents[2] / "eval" / "sets").glob("*.jsonl"))
TOLERANCE = 0.02


def test_eval_sets_score_the_same_on_milvus_lite(tmp_path):
    from assistant.evaluation import answerer_for
    from eval.evalset import load_evalsets
    from eval.runner import run_eval
    from eval.score import score
    from index.build import build_index
    from index.search import load_index
    from index.stores import build_store, open_store

    cases = load_evalsets(SETS)
    build_index(None, tmp_path / "idx", "fake-64", progress=False)
    build_store(str(tmp_path / "clauses.db"), None, "fake-64", progress=False)
    scores = {}
    for name, searcher in (("local", load_index(tmp_path / "idx")), ("milvus", open_store(str(tmp_path / "clauses.db")))):
        scores[name] = score(run_eval(cases, searcher, answerer_for(searcher)).rows)["overall"]
    for metric in ("hit@5", "citation_recall"):
        assert abs(scores["milvus"][metric] - scores["local"][metric]) <= TOLERANCE, (metric, scores)


def test_milvus_keyword_query_carries_the_official_equivalents():
    from index.stores.milvus_search import with_equivalents

    assert "社会办" in with_equivalents("私立医院有什么补贴").split(" ", 1)[1]
    assert with_equivalents("49号文讲了什么") == "49号文讲了什么"  # nothing to add
    assert "适用对象" in with_equivalents("哪些企业可以申请特殊工时清单式管理？")  # as the local index searches
