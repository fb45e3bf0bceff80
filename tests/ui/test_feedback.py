"""Feedback store: ratings with comments in SQLite, listed newest first, exported as eval cases."""
from __future__ import annotations

import json
import sqlite3

import pytest

from assistant.answer.types import Answer
from assistant.ui.feedback import MIGRATIONS, FeedbackError, FeedbackStore

from tests.ui.test_render import N49, answer


def test_add_comment_list_and_export(data_dir):
    store = FeedbackStore.in_data_dir()
    up = store.add("up", answer(), "2024-01-01T00:00:00+00:00#abc")
    down = store.add("down", answer(question="开诊所有什么补贴？"), "v", comment=" 没答到补贴 ")
    store.comment(up, "准确")
    items = store.list()
    assert [f.id for f in items] == [down, up]
    assert items[1].comment == "准确" and items[0].comment == "没答到补贴"
    assert items[1].citations[0]["doc_number"] == N49
    assert items[1].index_version.endswith("#abc")
    assert [f.id for f in store.list("down")] == [down]

    path = data_dir / "eval" / "fb.jsonl"
    assert store.export_eval(path) == (1, 1, data_dir / "eval" / "fb-review.jsonl")
    (case,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert case["gold"] == [{"doc_number": N49, "path": ["三", "（一）"]}]
    assert case["answerable"] is True and case["question"] == "个体诊所有数量限制吗？"
    assert "准确" in case["notes"]
    (review,) = [json.loads(line) for line in (data_dir / "eval" / "fb-review.jsonl").read_text(encoding="utf-8").splitlines()]
    assert review["gold"] == [] and "没答到补贴" in review["notes"] and "待补充" in review["notes"]


def test_export_loads_with_the_eval_harness(data_dir):
    evalset = pytest.importorskip("eval.evalset")
    store = FeedbackStore.in_data_dir()
    store.add("up", answer(), "v", comment="好")
    store.add("up", Answer("火星上能开诊所吗？", "已收录的公报中没有找到与该问题直接相关的规定。", True, (), ()), "v")
    path = data_dir / "eval" / "fb.jsonl"
    store.export_eval(path)
    cases = evalset.load_evalset(path)
    assert [c.answerable for c in cases] == [True, False]
    assert cases[0].gold[0].path == ("三", "（一）")


def test_schema_version_and_reopen(data_dir):
    store = FeedbackStore.in_data_dir()
    store.add("up", answer(), "v")
    again = FeedbackStore(store.path)
    assert len(again.list()) == 1
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_one_vote_per_answer_changes_its_record(data_dir):
    store = FeedbackStore.in_data_dir()
    first = store.vote("up", answer(), "v", "conv1:0")
    assert store.vote("down", answer(), "v", "conv1:0") == first
    other = store.vote("up", answer(), "v", "conv2:0")  # the same answer in another conversation is another vote
    assert other != first
    assert sorted((f.id, f.rating) for f in store.list()) == [(first, "down"), (other, "up")]


def test_version_1_file_is_migrated(data_dir, tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[0])
        conn.execute("PRAGMA user_version = 1")
        conn.execute("INSERT INTO feedback (created, rating, question, answer, abstained, citations, index_version)"
                     " VALUES ('t', 'up', 'q', 'a', 0, '[]', 'v')")
    store = FeedbackStore(path)
    assert [f.question for f in store.list()] == ["q"]
    store.vote("down", answer(), "v", "c:0")
    assert len(store.list()) == 2


def test_bad_rating_and_unknown_id(data_dir):
    store = FeedbackStore.in_data_dir()
    with pytest.raises(FeedbackError):
        store.add("meh", answer(), "v")
    with pytest.raises(FeedbackError):
        store.comment(999, "x")
