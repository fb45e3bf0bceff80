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
