"""Quality gate: the held-out test set with the real model must stay at or above eval/thresholds.json."""
from __future__ import annotations

import os

import pytest

from eval.evalset import TEST_SET, load_evalset
from assistant.evaluation import answerer_for
from eval.runner import run_eval
from eval.score import check_gate, load_thresholds, score

pytestmark = pytest.mark.model
THRESHOLDS = TEST_SET.parents[1] / "thresholds.json"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    from assistant.answer import load_config
    from index.build import build_index
    from index.search import load_index

    # GAZETTE_EVAL_INDEX: reuse an index already built over the bundled gazette (saves the minute of embedding).
    folder = os.environ.get("GAZETTE_EVAL_INDEX")
    if not folder:
        folder = tmp_path_factory.mktemp("gate") / "idx"
        build_index(None, folder, None, progress=False)
    searcher = load_index(folder)
    return run_eval(load_evalset(TEST_SET), searcher, answerer_for(searcher, load_config(folder)))


def test_every_quote_is_verbatim(run):
    quotes = [c for r in run.rows for c in r.citations]
    assert quotes, "the answerer cited nothing"
    bad = [(r.case.id, c.label, c.quote) for r in run.rows for c in r.citations if not c.verbatim]
    assert not bad


def test_metrics_meet_thresholds(run):
    summary = score(run.rows)
    failures = check_gate(summary["overall"], load_thresholds(THRESHOLDS))
    detail = "\n".join(f"{f['id']} {f['question']} —— {f['reason']}" for f in summary["failures"])
    assert not failures, "\n".join(failures) + "\n未通过的用例：\n" + detail


def test_answers_beat_quoting_the_top_clause(run):
    # Issue 10's floor: the answers carry at least the facts of the top-ranked clause quoted whole, and cite the
    # right clause at least as often as that clause is the right one.
    overall = score(run.rows)["overall"]
    assert overall["fact_recall"] >= overall["baseline_fact_recall"]
    assert overall["citation_recall"] >= overall["hit@1"]
